package quote

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// GoldDoc is one line of a quote gold file in JSON Lines: an article and
// the quotes a person found in it. Offsets count code points of Text.
type GoldDoc struct {
	ID     string      `json:"id"`
	Text   string      `json:"text"`
	Quotes []GoldQuote `json:"quotes"`
}

// GoldQuote is one expected quote: the content span (code points, end
// exclusive), its text, the speaker's name ("" when the text does not say)
// and the kind (direct, indirect, mixed).
type GoldQuote struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Kind    string `json:"kind"`
}

// ReadGold reads a quote gold file: one [GoldDoc] per line, blank lines
// skipped. A bad line is an error naming its line number.
func ReadGold(r io.Reader) ([]GoldDoc, error) {
	var docs []GoldDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var d GoldDoc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return nil, fmt.Errorf("read quote gold line %d: %w", n, err)
		}
		cps := utf8.RuneCountInString(d.Text)
		for i, q := range d.Quotes {
			if q.Start < 0 || q.End > cps || q.Start >= q.End {
				return nil, fmt.Errorf("read quote gold line %d: quote %d: span [%d,%d) outside the text (%d code points)", n, i, q.Start, q.End, cps)
			}
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read quote gold line %d: %w", n, err)
	}
	return docs, nil
}

// Scores counts how quotes found compare with gold quotes.
type Scores struct {
	Gold    int `json:"gold"`    // gold quotes
	Output  int `json:"output"`  // quotes found by the engine
	Found   int `json:"found"`   // gold quotes overlapped >= 50 % by one output quote
	Speaker int `json:"speaker"` // found gold quotes with the right speaker
	Kind    int `json:"kind"`    // found gold quotes with the right kind
}

// Add adds t to s.
func (s *Scores) Add(t Scores) {
	s.Gold += t.Gold
	s.Output += t.Output
	s.Found += t.Found
	s.Speaker += t.Speaker
	s.Kind += t.Kind
}

// Recall is found gold quotes over gold quotes.
func (s Scores) Recall() float64 { return ratio(s.Found, s.Gold) }

// Precision is output quotes that found a gold quote over output quotes.
func (s Scores) Precision() float64 { return ratio(s.Found, s.Output) }

// F1 is the harmonic mean of precision and recall.
func (s Scores) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// SpeakerAccuracy is found gold quotes with the right speaker over found
// gold quotes.
func (s Scores) SpeakerAccuracy() float64 { return ratio(s.Speaker, s.Found) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score compares the quotes of doc, built from g.Text, with g's quotes. A
// gold quote is found when one output quote, used once, covers at least
// half of its code points; its speaker is right when the output speaker's
// name, or the name or a mention of the speaker entity, is the gold name
// (case and a leading article aside; a surname matches the full name), or
// both are unknown.
func Score(g GoldDoc, doc *dateline.Document) Scores {
	s := Scores{Gold: len(g.Quotes), Output: len(doc.Quotes)}
	// Code-point offsets of the output quotes in g.Text.
	cp := codePoints(g.Text)
	type span struct{ start, end int }
	outs := make([]span, len(doc.Quotes))
	for i, q := range doc.Quotes {
		outs[i] = span{cp(rawOffset(doc, q.Span.Start)), cp(rawOffset(doc, q.Span.End-1) + 1)}
	}
	used := make([]bool, len(outs))
	for _, gq := range g.Quotes {
		best, bestOv := -1, 0
		for i, o := range outs {
			if used[i] {
				continue
			}
			ov := min(o.end, gq.End) - max(o.start, gq.Start)
			if ov > bestOv {
				best, bestOv = i, ov
			}
		}
		if best < 0 || 2*bestOv < gq.End-gq.Start {
			continue
		}
		used[best] = true
		s.Found++
		q := &doc.Quotes[best]
		if q.Kind == gq.Kind {
			s.Kind++
		}
		if SameSpeaker(doc, q, gq.Speaker) {
			s.Speaker++
		}
	}
	return s
}

// rawOffset maps a byte offset of doc.Text back to doc.Raw; without a map
// (a document whose text is its input) it is the offset itself.
func rawOffset(doc *dateline.Document, off int) int {
	if len(doc.Pieces) == 0 {
		return off
	}
	if r := doc.RawOffset(off); r >= 0 {
		return r
	}
	return off
}

// codePoints returns a function from a byte offset of s to its code-point
// offset.
func codePoints(s string) func(int) int {
	return func(off int) int {
		if off <= 0 {
			return 0
		}
		if off > len(s) {
			off = len(s)
		}
		return utf8.RuneCountInString(s[:off])
	}
}

// SameSpeaker reports whether q is attributed to the speaker named gold.
func SameSpeaker(doc *dateline.Document, q *dateline.Quote, gold string) bool {
	g := normName(gold)
	if g == "" {
		return q.Speaker == "" && q.SpeakerName == ""
	}
	names := []string{q.SpeakerName}
	for _, e := range doc.Entities {
		if e.ID != "" && e.ID == q.Speaker {
			names = append(names, e.Name)
			for _, m := range e.Mentions {
				names = append(names, m.Text)
			}
		}
	}
	for _, n := range names {
		n = normName(n)
		if n == "" {
			continue
		}
		if n == g || strings.HasSuffix(g, " "+n) || strings.HasSuffix(n, " "+g) {
			return true
		}
	}
	return false
}

// normName lower-cases a name, folds its spaces and drops a leading article.
func normName(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) > 1 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
		f = f[1:]
	}
	return strings.Join(f, " ")
}
