package dateline

// Sentence kinds other than ordinary body text.
const (
	KindTitle    = "title"
	KindSubtitle = "subtitle"
	KindHeading  = "heading"
	KindDateline = "dateline"
)

// Sentence is one sentence, or one unit that stands alone such as a title,
// a heading or a dateline.
type Sentence struct {
	Span Span   `json:"span"`
	Kind string `json:"kind,omitempty"` // "" for body text, else one of the Kind constants
	// Tokens is the half-open range of indexes into Document.Tokens.
	Tokens Range `json:"tokens"`
	// Time is the narrative time of the sentence as a TIMEX3 value: the
	// date its own words name, else the date the paragraph has moved to;
	// "" when the sentence is at the article's date. Set by the time stage.
	Time string `json:"time,omitempty"`
}

// Range is a half-open range [Start, End) of indexes into a slice.
type Range struct{ Start, End int }

// Len reports the number of indexes in r.
func (r Range) Len() int { return r.End - r.Start }

// MarshalJSON writes r as the two-element array [start, end].
func (r Range) MarshalJSON() ([]byte, error) { return Span(r).MarshalJSON() }

// UnmarshalJSON reads r from the two-element array [start, end].
func (r *Range) UnmarshalJSON(b []byte) error { return (*Span)(r).UnmarshalJSON(b) }

// Token is one word or punctuation mark, split as Universal Dependencies
// English splits them ("do" "n't", "Russia" "'s"). The segmenter sets Span
// and Text; the tagger the part of speech, lemma and features; the parser
// Head and Rel.
type Token struct {
	Span  Span   `json:"span"`
	Text  string `json:"text"`
	POS   string `json:"pos,omitempty"`   // universal part of speech (UPOS)
	Tag   string `json:"tag,omitempty"`   // Penn Treebank tag (XPOS)
	Lemma string `json:"lemma,omitempty"` // dictionary form
	Feats string `json:"feats,omitempty"` // UD morphological features, "Tense=Past|VerbForm=Fin"
	// Head is the index into Document.Tokens of this token's syntactic head,
	// -1 for the root of its sentence or when there is no parse yet.
	Head int    `json:"head"`
	Rel  string `json:"rel,omitempty"` // UD relation to Head; "" when not parsed
}

// Mention is a stretch of text that names an entity, found by the
// recogniser before entities are resolved.
type Mention struct {
	Span   Span   `json:"span"`
	Text   string `json:"text"`
	Type   string `json:"type"`   // PER, ORG, LOC
	Entity int    `json:"entity"` // index into Document.Entities; -1 when unresolved
}

// Entity is one real-world person, organisation, state or place referred to
// in the document, with every mention of it.
type Entity struct {
	ID      string `json:"id"`
	Name    string `json:"name"` // canonical name
	Type    string `json:"type"` // PERSON, ORG, GPE, LOC
	Actor   string `json:"actor,omitempty"`
	Role    string `json:"role,omitempty"`
	Country string `json:"country,omitempty"` // ISO alpha-3
	// Basis says, in words, how the actor code was chosen ("dictionary",
	// "country in the phrase", "the one state its sentence names", ...).
	Basis    string          `json:"basis,omitempty"`
	Mentions []EntityMention `json:"mentions"`
	Geo      *Geo            `json:"geo,omitempty"`
}

// EntityMention is one place in the text that refers to an entity.
type EntityMention struct {
	Span Span   `json:"span"`
	Text string `json:"text"`
}

// Geo locates a place with GeoNames data.
type Geo struct {
	GeonameID int     `json:"geonameid"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Country   string  `json:"country"` // ISO alpha-3
	Admin1    string  `json:"admin1,omitempty"`
}

// Timex is a time expression with its TIMEX3 type and normalised value.
type Timex struct {
	Span  Span   `json:"span"`
	Text  string `json:"text"`
	Type  string `json:"type"`  // DATE, TIME, DURATION, SET
	Value string `json:"value"` // "2019-05-05", "2019-W18", "P2D", "PRESENT_REF"
	// Anchor says what a relative expression was resolved against.
	Anchor string `json:"anchor,omitempty"`
}

// Quote is something someone said, directly or as reported speech.
type Quote struct {
	Span        Span   `json:"span"` // the content, without quotation marks
	Text        string `json:"text"`
	Kind        string `json:"kind"` // direct, indirect, mixed
	Cue         *Cue   `json:"cue"`
	Speaker     string `json:"speaker"` // entity ID, "" when unknown
	SpeakerName string `json:"speaker_name"`
	// Parts lists the pieces of a quote broken by its cue ("We will not
	// leave," he said, "until they do.") or running over paragraphs, each
	// without marks; Span covers them all. Empty for a quote in one piece.
	Parts []Span `json:"parts,omitempty"`
}

// Cue is the speech or cognition word that introduces a quote.
type Cue struct {
	Span  Span   `json:"span"`
	Text  string `json:"text"`
	Lemma string `json:"lemma"`
}

// Event is one coded political interaction: who did what to whom, when and
// where, with the words that justify it.
type Event struct {
	ID         string       `json:"id"`
	Code       string       `json:"code"` // CAMEO code, "042"
	Root       string       `json:"root"` // CAMEO root, "04"
	Plover     Plover       `json:"plover"`
	Goldstein  float64      `json:"goldstein"`
	Quad       int          `json:"quad"` // QuadClass 1–4
	Source     Participant  `json:"source"`
	Target     *Participant `json:"target"`
	Date       EventDate    `json:"date"`
	Place      *EventPlace  `json:"place,omitempty"`
	Mood       string       `json:"mood"` // asserted, planned, alleged, hypothetical
	Negated    bool         `json:"negated"`
	Sentence   Span         `json:"sentence"`
	Trigger    Span         `json:"trigger"`
	Pattern    string       `json:"pattern"`
	Confidence float64      `json:"confidence"`
}

// Plover is an event's PLOVER type and mode.
type Plover struct {
	Type string `json:"type"`
	Mode string `json:"mode,omitempty"`
}

// Participant is the source or target of an event.
type Participant struct {
	Actor   string        `json:"actor"`            // actor code, "RUSGOV"
	Entity  string        `json:"entity,omitempty"` // entity ID
	Name    string        `json:"name"`
	Members []Participant `json:"members,omitempty"` // a compound actor's parts
}

// EventDate is when an event happened or is planned, and how that was decided.
type EventDate struct {
	Value     string `json:"value"`     // ISO 8601 date or range
	Precision string `json:"precision"` // day, month, year, range
	Basis     string `json:"basis"`
}

// EventPlace is where an event happened.
type EventPlace struct {
	Name   string `json:"name"`
	Entity string `json:"entity,omitempty"`
	// Geo locates the place. A place the gazetteer does not know ("the
	// Altamira road junction nearby") takes the Geo of the located place
	// named just before it, whose name follows its own in Name ("Altamira
	// road junction, Caracas"); with none, Geo is nil.
	Geo *Geo `json:"geo,omitempty"`
}
