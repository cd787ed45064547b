package timex

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// GoldDoc is one line of a time-expression evaluation file in JSON Lines:
// a text, its document creation time and its annotated expressions, with
// offsets in code points.
type GoldDoc struct {
	ID      string      `json:"id"`
	DCT     string      `json:"dct"` // "2019-05-05"; "" when unknown
	Text    string      `json:"text"`
	Timexes []GoldTimex `json:"timexes"`
	// Intervals says the gold values are ISO dates and ranges rather than
	// TIMEX3 values (GUM): a system value is also right when it covers the
	// same days ("2019-W18" for "2019-04-29/2019-05-05").
	Intervals bool `json:"interval_values,omitempty"`
	// Types lists the TIMEX3 types the annotation covers; empty means all.
	// System expressions of other types count only where they overlap an
	// annotated expression.
	Types []string `json:"types,omitempty"`
}

// GoldTimex is one annotated expression; Start and End are code-point
// offsets into the text. An empty Value is scored on span only.
type GoldTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// ReadGold reads a JSON Lines evaluation file. It checks that every span
// lies inside its text.
func ReadGold(r io.Reader) ([]GoldDoc, error) {
	var out []GoldDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var d GoldDoc
		if err := json.Unmarshal(b, &d); err != nil {
			return nil, fmt.Errorf("read gold line %d: %w", line, err)
		}
		n := utf8.RuneCountInString(d.Text)
		for _, t := range d.Timexes {
			if t.Start < 0 || t.End > n || t.Start >= t.End {
				return nil, fmt.Errorf("read gold line %d: span [%d,%d) outside the text of %d code points", line, t.Start, t.End, n)
			}
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return out, nil
}

// Scores counts matches between system and gold expressions as TempEval-3
// does: strict (same span) and relaxed (overlapping spans) matching, and
// the value and type of relaxed matches.
type Scores struct {
	Gold, System      int // expressions
	Strict, Relaxed   int // matched expressions
	ValueGold         int // gold expressions with a value
	ValueSystem       int // system expressions not matched to a gold expression without a value
	ValueCorrect      int // relaxed matches with the gold value
	TypeCorrect       int // relaxed matches with the gold type
	ValueMatched      int // relaxed matches whose gold has a value
	Errors            []Mismatch
	KeepErrors        int // how many mismatches to keep for display; 0 keeps none
	errorsKeptAlready int
}

// Mismatch is one scoring error, for display.
type Mismatch struct {
	ID                  string
	Gold, System        string // texts; "" when missing
	GoldValue, SysValue string
}

// Add scores one document's system expressions against its gold.
func (s *Scores) Add(id string, gold, sys []GoldTimex, types []string) {
	s.add(id, gold, sys, types, false)
}

func (s *Scores) add(id string, gold, sys []GoldTimex, types []string, intervals bool) {
	if len(types) > 0 {
		// expressions of types the annotation leaves out count only when
		// they overlap an annotated one
		kept := sys[:0:0]
		for _, x := range sys {
			ok := false
			for _, t := range types {
				ok = ok || x.Type == t
			}
			for _, g := range gold {
				ok = ok || x.Start < g.End && g.Start < x.End
			}
			if ok {
				kept = append(kept, x)
			}
		}
		sys = kept
	}
	s.Gold += len(gold)
	s.System += len(sys)
	used := make([]bool, len(sys))
	valueless := make([]bool, len(sys))
	for _, g := range gold {
		if g.Value != "" {
			s.ValueGold++
		}
		best := -1
		for j, x := range sys {
			if used[j] || x.End <= g.Start || g.End <= x.Start {
				continue
			}
			if best < 0 || x.Start == g.Start && x.End == g.End {
				best = j
			}
		}
		if best < 0 {
			s.mismatch(Mismatch{ID: id, Gold: g.Text, GoldValue: g.Value})
			continue
		}
		x := sys[best]
		used[best] = true
		s.Relaxed++
		if x.Start == g.Start && x.End == g.End {
			s.Strict++
		}
		if x.Type == g.Type {
			s.TypeCorrect++
		}
		if g.Value == "" {
			valueless[best] = true
			continue
		}
		s.ValueMatched++
		if x.Value == g.Value || intervals && sameInterval(x.Value, g.Value) {
			s.ValueCorrect++
		} else {
			s.mismatch(Mismatch{ID: id, Gold: g.Text, System: x.Text, GoldValue: g.Value, SysValue: x.Value})
		}
	}
	for j, x := range sys {
		if !valueless[j] {
			s.ValueSystem++
		}
		if !used[j] {
			s.mismatch(Mismatch{ID: id, System: x.Text, SysValue: x.Value})
		}
	}
}

func (s *Scores) mismatch(m Mismatch) {
	if s.errorsKeptAlready < s.KeepErrors {
		s.Errors = append(s.Errors, m)
		s.errorsKeptAlready++
	}
}

// prf returns precision, recall and F1 in percent for n matches.
func prf(n, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = 100 * float64(n) / float64(sys)
	}
	if gold > 0 {
		r = 100 * float64(n) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// StrictPRF returns precision, recall and F1 (percent) of exact-span matching.
func (s *Scores) StrictPRF() (p, r, f float64) { return prf(s.Strict, s.System, s.Gold) }

// RelaxedPRF returns precision, recall and F1 (percent) of overlap matching.
func (s *Scores) RelaxedPRF() (p, r, f float64) { return prf(s.Relaxed, s.System, s.Gold) }

// ValuePRF returns precision, recall and F1 (percent) of expressions found
// with the right value, over expressions whose gold has a value.
func (s *Scores) ValuePRF() (p, r, f float64) {
	return prf(s.ValueCorrect, s.ValueSystem, s.ValueGold)
}

// ValueAccuracy returns the percentage of relaxed matches with the right
// value.
func (s *Scores) ValueAccuracy() float64 {
	if s.ValueMatched == 0 {
		return 0
	}
	return 100 * float64(s.ValueCorrect) / float64(s.ValueMatched)
}

// TypeAccuracy returns the percentage of relaxed matches with the right
// type.
func (s *Scores) TypeAccuracy() float64 {
	if s.Relaxed == 0 {
		return 0
	}
	return 100 * float64(s.TypeCorrect) / float64(s.Relaxed)
}

// RuneOffsets converts byte offsets into text to code-point offsets; it
// returns a function that maps one offset.
func RuneOffsets(text string) func(byteOff int) int {
	idx := make([]int32, len(text)+1)
	n := int32(0)
	for i := range text {
		for j := i; j < len(text) && (j == i || !utf8.RuneStart(text[j])); j++ {
			idx[j] = n
		}
		n++
	}
	idx[len(text)] = n
	return func(b int) int {
		if b < 0 {
			return 0
		}
		if b > len(text) {
			b = len(text)
		}
		return int(idx[b])
	}
}

// Evaluate runs the stage over each document alone (the text as given, its
// DCT as the publication date) and adds the scores to s.
func (st *Stage) Evaluate(ctx context.Context, docs []GoldDoc, s *Scores) error {
	for _, g := range docs {
		sys, err := st.AnnotateText(ctx, g.Text, g.DCT)
		if err != nil {
			return err
		}
		s.add(g.ID, g.Timexes, sys, g.Types, g.Intervals)
	}
	return nil
}

// AnnotateText finds and resolves the time expressions of text, with dct
// ("2019-05-05", or "" when unknown) as its publication date, and returns
// them with code-point offsets.
func (st *Stage) AnnotateText(ctx context.Context, text, dct string) ([]GoldTimex, error) {
	doc := dateline.NewDocument(dateline.Article{Text: text})
	doc.Text = text
	if dct != "" {
		if t, err := time.Parse("2006-01-02", dct[:min(10, len(dct))]); err == nil {
			doc.Published = t
		}
	}
	if err := st.Annotate(ctx, doc); err != nil {
		return nil, fmt.Errorf("annotate: %w", err)
	}
	off := RuneOffsets(text)
	out := make([]GoldTimex, 0, len(doc.Timexes))
	for _, t := range doc.Timexes {
		out = append(out, GoldTimex{Start: off(t.Span.Start), End: off(t.Span.End), Text: t.Text, Type: t.Type, Value: t.Value})
	}
	return out, nil
}
