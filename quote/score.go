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
	Matched int `json:"matched"` // output quotes that found a gold quote
	Speaker int `json:"speaker"` // found gold quotes with the right speaker
	Kind    int `json:"kind"`    // found gold quotes with the right kind
}

// Add adds t to s.
func (s *Scores) Add(t Scores) {
	s.Gold += t.Gold
	s.Output += t.Output
	s.Found += t.Found
	s.Matched += t.Matched
	s.Speaker += t.Speaker
	s.Kind += t.Kind
}

// Recall is found gold quotes over gold quotes.
func (s Scores) Recall() float64 { return ratio(s.Found, s.Gold) }

// Precision is output quotes that found a gold quote over output quotes.
func (s Scores) Precision() float64 { return ratio(s.Matched, s.Output) }

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
// gold quote is found when one output quote covers at least half of its
// code points; an output quote is used once, except that a quote in pieces
// (Quote.Parts) may find one gold quote per piece, for gold that splits a
// quote broken by its cue. The speaker is right when the output speaker's
// name, or the name or a mention of the speaker entity, is the gold name
// (case and a leading article aside; a surname matches the full name), or
// both are unknown.
func Score(g GoldDoc, doc *dateline.Document) Scores {
	s := Scores{Gold: len(g.Quotes), Output: len(doc.Quotes)}
	// Code-point offsets of the output quotes and their pieces in g.Text.
	cp := codePoints(g.Text)
	type unit struct {
		start, end int
		quote      int
		part       int // -1 for the whole quote
	}
	var units []unit
	conv := func(sp dateline.Span) (int, int) {
		return cp(rawOffset(doc, sp.Start)), cp(rawOffset(doc, sp.End-1) + 1)
	}
	for i, q := range doc.Quotes {
		if q.Span.Len() <= 0 {
			continue
		}
		st, en := conv(q.Span)
		units = append(units, unit{st, en, i, -1})
		for k, p := range q.Parts {
			if p.Len() > 0 {
				st, en := conv(p)
				units = append(units, unit{st, en, i, k})
			}
		}
	}
	whole := make([]bool, len(doc.Quotes)) // used as a whole
	piece := make([]bool, len(doc.Quotes)) // one of its pieces used
	usedPart := map[[2]int]bool{}
	matched := make([]bool, len(doc.Quotes))
	for _, gq := range g.Quotes {
		best, bestOv := -1, 0
		for ui, u := range units {
			if whole[u.quote] || u.part < 0 && piece[u.quote] || u.part >= 0 && usedPart[[2]int{u.quote, u.part}] {
				continue
			}
			ov := min(u.end, gq.End) - max(u.start, gq.Start)
			// On a tie the tighter unit: a piece rather than its quote.
			if ov > bestOv || ov == bestOv && ov > 0 && u.end-u.start < units[best].end-units[best].start {
				best, bestOv = ui, ov
			}
		}
		if best < 0 || 2*bestOv < gq.End-gq.Start {
			continue
		}
		u := units[best]
		if u.part < 0 {
			whole[u.quote] = true
		} else {
			piece[u.quote] = true
			usedPart[[2]int{u.quote, u.part}] = true
		}
		matched[u.quote] = true
		s.Found++
		q := &doc.Quotes[u.quote]
		if q.Kind == gq.Kind {
			s.Kind++
		}
		if SameSpeaker(doc, q, gq.Speaker) {
			s.Speaker++
		}
	}
	for _, m := range matched {
		if m {
			s.Matched++
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
