package queue

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// Schema names the format of a message's body.
const Schema = "dateline-article/1"

// ErrMalformed marks a message whose body is not an article; a worker
// dead-letters it at once.
var ErrMalformed = errors.New("malformed message")

// message is the JSON body of a queued article.
type message struct {
	Schema   string             `json:"schema"`
	ID       string             `json:"id,omitempty"`
	Text     string             `json:"text"`
	Title    string             `json:"title,omitempty"`
	Date     time.Time          `json:"date,omitzero"`
	URL      string             `json:"url,omitempty"`
	Source   string             `json:"source,omitempty"`
	Author   string             `json:"author,omitempty"`
	Problems []dateline.Problem `json:"problems,omitempty"`
}

// Encode returns the body of the message that carries a: a JSON object
// with "schema": [Schema] and the article's fields.
func Encode(a dateline.Article) ([]byte, error) {
	b, err := json.Marshal(message{Schema: Schema, ID: a.ID, Text: a.Text, Title: a.Title, Date: a.Date,
		URL: a.URL, Source: a.Source, Author: a.Author, Problems: a.Problems})
	if err != nil {
		return nil, fmt.Errorf("encode article: %w", err)
	}
	return b, nil
}

// Decode reads a message body written by [Encode]. A body that is not
// JSON, names another schema, has no text, or text with NUL bytes or
// invalid UTF-8 is an error wrapping [ErrMalformed].
func Decode(b []byte) (dateline.Article, error) {
	var m message
	if err := json.Unmarshal(b, &m); err != nil {
		return dateline.Article{}, fmt.Errorf("decode article: %w: %v", ErrMalformed, err)
	}
	switch {
	case m.Schema != Schema:
		return dateline.Article{}, fmt.Errorf("decode article: %w: schema %q, want %q", ErrMalformed, clip(m.Schema, 40), Schema)
	case strings.TrimSpace(m.Text) == "":
		return dateline.Article{}, fmt.Errorf("decode article: %w: no text", ErrMalformed)
	case strings.IndexByte(m.Text, 0) >= 0:
		return dateline.Article{}, fmt.Errorf("decode article: %w: %w", ErrMalformed, dateline.ErrBinary)
	case !utf8.ValidString(m.Text):
		// encoding/json repairs invalid UTF-8 itself; this is a guard.
		return dateline.Article{}, fmt.Errorf("decode article: %w: text is not UTF-8", ErrMalformed)
	}
	return dateline.Article{ID: m.ID, Text: m.Text, Title: m.Title, Date: m.Date, URL: m.URL,
		Source: m.Source, Author: m.Author, Problems: m.Problems}, nil
}

// MsgID returns the Nats-Msg-Id of the article with key k: 32 hex digits
// of the SHA-256 of its hash and reference, so that the same article
// published twice is one message.
func MsgID(k dateline.DocKey) string {
	sum := sha256.Sum256([]byte(k.Hash + "\x00" + k.Ref))
	return hex.EncodeToString(sum[:16])
}

// clip returns at most n bytes of s, cut at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
