package dateline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Store keeps documents with every layer the stages added to them, so that a
// corpus can be queried and exported. Every stored fact keeps its document
// and its span. The backends live in store/sqlite and store/postgres and
// pass the same test suite, store/storetest.
type Store interface {
	// Put stores docs and all their layers in one transaction. A document
	// whose [Key] is already stored is skipped, so putting the same input
	// twice adds nothing. Put returns how many documents were added.
	Put(ctx context.Context, docs ...*Document) (added int, err error)
	// Has reports whether a document with key k is stored.
	Has(ctx context.Context, k DocKey) (bool, error)
	// Document returns the stored document with the given ID, or an error
	// wrapping [ErrNotFound].
	Document(ctx context.Context, id string) (*Document, error)
	// Documents calls fn for each stored document that f selects, in the
	// order they were stored, and stops at the first error fn returns.
	Documents(ctx context.Context, f DocumentFilter, fn func(*Document) error) error
	// Events calls fn for each stored event that f selects, ordered by
	// document then position, and stops at the first error fn returns.
	Events(ctx context.Context, f EventFilter, fn func(EventRecord) error) error
	// Stats counts what is stored.
	Stats(ctx context.Context) (*Stats, error)
	// Close releases the database.
	Close() error
}

// DocKey identifies an article: the hash of its text as received and a
// reference that tells apart the same text published as different items.
// Two articles with the same key are the same article.
type DocKey struct {
	Hash string // ContentHash of the text as received
	// Ref is the article's URL when known; else "id:" and the identifier
	// its source gave it (a wire service's story number); else "".
	Ref string
}

// ContentHash returns the hex SHA-256 of text.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// GeneratedIDPrefix starts the document IDs a store gives documents that
// came without one ("sha256:" and the start of the content hash). Such an
// ID adds nothing to a document's identity.
const GeneratedIDPrefix = "sha256:"

// GeneratedID returns the ID a store gives a document with key k that came
// without one: [GeneratedIDPrefix] and 16 hex digits of its hash.
func GeneratedID(k DocKey) string { return GeneratedIDPrefix + k.Hash[:16] }

// Key returns the identity of a: see [DocKey].
func (a Article) Key() DocKey { return newKey(a.Text, a.URL, a.ID) }

// KeyOf returns the identity of doc, the same as its article's: the hash
// of Raw (the text as received) or, for a document built without Raw, of
// Text; its URL; else its ID.
func KeyOf(doc *Document) DocKey {
	t := doc.Raw
	if t == "" {
		t = doc.Text
	}
	return newKey(t, doc.URL, doc.ID)
}

func newKey(text, url, id string) DocKey {
	k := DocKey{Hash: ContentHash(text), Ref: url}
	if url == "" && id != "" && !strings.HasPrefix(id, GeneratedIDPrefix) {
		k.Ref = "id:" + id
	}
	return k
}

// DocumentFilter selects stored documents. Nil and zero fields match all.
type DocumentFilter struct {
	ID     *string
	Source *string
	Text   *string   // case-insensitive substring of the title or text
	Since  time.Time // document date on or after this day
	Until  time.Time // document date on or before this day
	Offset int       // skip this many of the selected documents first
	Limit  int       // 0 means no limit
}

// EventFilter selects stored events. Nil and zero fields match all; set
// fields must all match.
type EventFilter struct {
	// Actor matches an actor code that starts with it, on either side
	// ("RUS" matches RUSGOV as source or target).
	Actor *string
	// Country matches the country part (the first three letters) of the
	// actor code on either side.
	Country *string
	Code    *string // CAMEO code prefix: "04" matches 040 to 049
	Root    *string // CAMEO root, "04"
	Plover  *string // PLOVER type, case-insensitive
	Mood    *string // asserted, planned, alleged, hypothetical
	Text    *string // case-insensitive substring of the event's sentence
	Since   time.Time
	Until   time.Time // event date on or before this day
	// MinConfidence matches events whose confidence is at least this.
	MinConfidence float64
	Offset        int // skip this many of the selected events first
	Limit         int // 0 means no limit
}

// EventRecord is a stored event with the document it came from.
type EventRecord struct {
	DocID    string `json:"doc_id"`
	DocTitle string `json:"doc_title,omitempty"`
	DocURL   string `json:"doc_url,omitempty"`
	DocDate  string `json:"doc_date,omitempty"`
	Source   string `json:"doc_source,omitempty"`
	// SentenceText is the text of Event.Sentence, the evidence.
	SentenceText string    `json:"sentence_text"`
	Added        time.Time `json:"added"`
	Event        Event     `json:"event"`
}

// Stats counts what a [Store] holds.
type Stats struct {
	Documents int            `json:"documents"`
	Entities  int            `json:"entities"`
	Mentions  int            `json:"mentions"`
	Timexes   int            `json:"timexes"`
	Quotes    int            `json:"quotes"`
	Events    int            `json:"events"`
	ByRoot    map[string]int `json:"events_by_root"`
	// FirstDate and LastDate bound the document dates ("" when none).
	FirstDate string `json:"first_date,omitempty"`
	LastDate  string `json:"last_date,omitempty"`
	// FirstEvent and LastEvent bound the event dates ("" when none).
	FirstEvent string `json:"first_event,omitempty"`
	LastEvent  string `json:"last_event,omitempty"`
	TextBytes  int64  `json:"text_bytes"`
}
