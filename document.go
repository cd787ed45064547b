package dateline

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Schema names the version of the output contract documented in docs/output.md.
const Schema = "dateline/1"

// Article is one news item as a source delivered it, before cleaning.
type Article struct {
	ID     string    // caller's identifier; empty means none was given
	Text   string    // the article as received: plain text, UTF-8
	Title  string    // title from metadata, when the source gives one
	Date   time.Time // publication date from metadata; zero when unknown
	URL    string
	Source string // where the article came from: a file name, feed or agency
	Author string
	// Problems are what the reader could not read in the article (an
	// unreadable date, repaired bytes); they are carried into the Document.
	Problems []Problem
}

// Document is an article and every layer the stages add to it. The clean
// stage sets Text once; after that it is frozen and every layer refers to it
// by [Span].
type Document struct {
	Schema string `json:"schema"`
	ID     string `json:"id"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`

	// Text is the clean text: title, subtitle, headings and paragraphs,
	// separated by blank lines, with boilerplate and credits left out.
	Text string `json:"text"`

	Title        string        `json:"title,omitempty"`
	TitleSpan    *Span         `json:"title_span,omitempty"`
	Subtitle     string        `json:"subtitle,omitempty"`
	SubtitleSpan *Span         `json:"subtitle_span,omitempty"`
	Dateline     *Dateline     `json:"dateline,omitempty"`
	Date         *DocDate      `json:"date,omitempty"`
	Boilerplate  []Boilerplate `json:"boilerplate"`
	Credits      []Credit      `json:"credits"`
	Headings     []Heading     `json:"headings"`
	Paragraphs   []Span        `json:"paragraphs"`
	Sentences    []Sentence    `json:"sentences"`
	Tokens       []Token       `json:"tokens,omitempty"`
	Mentions     []Mention     `json:"mentions,omitempty"`
	Entities     []Entity      `json:"entities,omitempty"`
	Timexes      []Timex       `json:"timexes,omitempty"`
	Quotes       []Quote       `json:"quotes,omitempty"`
	Events       []Event       `json:"events,omitempty"`
	Problems     []Problem     `json:"problems"`

	// Raw is the article text as received and Pieces maps Text back to it;
	// neither is part of the output.
	Raw    string  `json:"-"`
	Pieces []Piece `json:"-"`
	// Published is the publication date given by metadata; zero when unknown.
	Published time.Time `json:"-"`
}

// Piece records that Text[At:At+Len] was copied from Raw[From:From+Len],
// with line breaks possibly turned into spaces.
type Piece struct{ At, From, Len int }

// NewDocument returns a document for a, with no layers yet.
func NewDocument(a Article) *Document {
	return &Document{
		Schema:      Schema,
		ID:          a.ID,
		URL:         a.URL,
		Source:      a.Source,
		Title:       a.Title,
		Raw:         a.Text,
		Published:   a.Date,
		Boilerplate: []Boilerplate{},
		Credits:     []Credit{},
		Headings:    []Heading{},
		Paragraphs:  []Span{},
		Sentences:   []Sentence{},
		Problems:    append([]Problem{}, a.Problems...),
	}
}

// Span returns the text that s covers.
func (d *Document) Span(s Span) string { return s.In(d.Text) }

// RawOffset returns the byte offset in Raw from which Text[off] was copied,
// or -1 when that byte was not copied from Raw (a separator the cleaner added).
func (d *Document) RawOffset(off int) int {
	i := sort.Search(len(d.Pieces), func(i int) bool { return d.Pieces[i].At+d.Pieces[i].Len > off })
	if i == len(d.Pieces) || off < d.Pieces[i].At {
		return -1
	}
	p := d.Pieces[i]
	return p.From + off - p.At
}

// Line returns the 1-based line of Raw from which Text[off] was copied, or 0
// when it was not copied from Raw.
func (d *Document) Line(off int) int {
	r := d.RawOffset(off)
	if r < 0 {
		return 0
	}
	return strings.Count(d.Raw[:r], "\n") + 1
}

// Notef records a problem found by stage at sp; the document stays usable.
func (d *Document) Notef(stage string, sp Span, format string, args ...any) {
	d.Problems = append(d.Problems, Problem{Stage: stage, Span: sp, Message: fmt.Sprintf(format, args...)})
}

// SentenceAt returns the index of the sentence that contains byte off, or -1.
func (d *Document) SentenceAt(off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Span.End > off })
	if i == len(d.Sentences) || off < d.Sentences[i].Span.Start {
		return -1
	}
	return i
}

// Dateline is the place, date and agency line that opens a wire story,
// such as "MOSCOW, May 5. /TASS/." or "WASHINGTON (AP) —".
type Dateline struct {
	Text      string `json:"text"`
	Place     string `json:"place"`             // as a place name: "Moscow"
	Country   string `json:"country,omitempty"` // ISO 3166 alpha-3 of the place, when known
	MonthDay  string `json:"month_day,omitempty"`
	Year      int    `json:"year,omitempty"` // 0 when the dateline prints no year
	Agency    string `json:"agency,omitempty"`
	Span      Span   `json:"span"`
	PlaceSpan Span   `json:"place_span"`
}

// DocDate is the article's own date and how it was chosen.
type DocDate struct {
	Value string `json:"value"` // ISO 8601 date; "XXXX-MM-DD" when the year is unknown
	Basis string `json:"basis"` // in words, why this date
}

// Boilerplate is a line of the input that is not article text: navigation,
// a photo caption, a credit, a share prompt.
type Boilerplate struct {
	Kind string `json:"kind"` // navigation, caption, credit
	Text string `json:"text"`
	Line int    `json:"line"` // 1-based line of the input
}

// Credit is a person named only as the photographer or author of the piece;
// a credited person is never an actor.
type Credit struct {
	Name   string `json:"name"`
	Role   string `json:"role"` // photographer, author
	Agency string `json:"agency,omitempty"`
	Line   int    `json:"line"`
}

// Heading is a section heading inside the article.
type Heading struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Problem is something a stage could not read or decide in one article.
type Problem struct {
	Stage   string `json:"stage"`
	Span    Span   `json:"span"`
	Message string `json:"message"`
}
