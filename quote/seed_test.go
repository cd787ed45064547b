package quote_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/pipeline"
)

// seedGold is the part of gold.json the quote stage is scored on.
type seedGold struct {
	Entities []struct {
		Name    string   `json:"name"`
		Surface []string `json:"surface"`
	} `json:"entities"`
	Quotes []struct {
		Line    int    `json:"line"`
		Kind    string `json:"kind"`
		Starts  string `json:"starts"`
		Speaker string `json:"speaker"`
	} `json:"quotes"`
}

// TestSeed runs the whole pipeline on the founding article and scores the
// quotes as ../shared/gold/FORMAT.md says: found when an output quote on the
// same line starts with or contains the gold start; speaker correct when
// the speaker's name (or the name or a mention of its entity) is the gold
// speaker or one of its surface forms.
func TestSeed(t *testing.T) {
	dir := shared.Path(t, "gold/seed")
	raw, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g seedGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	doc := dateline.NewDocument(dateline.Article{ID: "seed", Text: string(raw)})
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, q := range doc.Quotes {
		t.Logf("line %d %-8s %-22q %-40.40q cue=%v", doc.Line(q.Span.Start), q.Kind, q.SpeakerName, q.Text, cueText(q.Cue))
	}
	surfaces := map[string][]string{}
	for _, e := range g.Entities {
		surfaces[e.Name] = append([]string{e.Name}, e.Surface...)
	}
	found, right := 0, 0
	for _, gq := range g.Quotes {
		var hit *dateline.Quote
		for i := range doc.Quotes {
			q := &doc.Quotes[i]
			if lineOf(doc, q) == gq.Line && strings.Contains(q.Text, gq.Starts) {
				hit = q
				break
			}
		}
		if hit == nil {
			t.Errorf("line %d: gold quote %q not found", gq.Line, gq.Starts)
			continue
		}
		found++
		if speakerIs(doc, hit, surfaces[gq.Speaker]) {
			right++
		} else {
			t.Logf("line %d %q: speaker %q (%s), gold %q", gq.Line, gq.Starts, hit.SpeakerName, hit.Speaker, gq.Speaker)
		}
	}
	t.Logf("seed quotes: %d/%d found, %d with the right speaker, %d output", found, len(g.Quotes), right, len(doc.Quotes))
	if found != len(g.Quotes) {
		t.Errorf("found %d of %d gold quotes", found, len(g.Quotes))
	}
	if len(doc.Quotes) > 13 {
		t.Errorf("%d quotes output, want at most 13", len(doc.Quotes))
	}
	if len(doc.Entities) == 0 {
		t.Logf("no entities layer yet: speaker floor (>= 9) not checked")
		return
	}
	if right < 9 {
		t.Errorf("%d gold quotes with the right speaker, want >= 9", right)
	}
}

func cueText(c *dateline.Cue) string {
	if c == nil {
		return "-"
	}
	return c.Text
}

// lineOf returns the input line on which q starts.
func lineOf(doc *dateline.Document, q *dateline.Quote) int { return doc.Line(q.Span.Start) }

// speakerIs reports whether q's speaker is one of names.
func speakerIs(doc *dateline.Document, q *dateline.Quote, names []string) bool {
	is := func(s string) bool {
		for _, n := range names {
			if strings.EqualFold(strings.TrimSpace(s), n) {
				return true
			}
		}
		return false
	}
	if is(q.SpeakerName) {
		return true
	}
	for _, e := range doc.Entities {
		if e.ID == "" || e.ID != q.Speaker {
			continue
		}
		if is(e.Name) {
			return true
		}
		for _, m := range e.Mentions {
			if is(m.Text) {
				return true
			}
		}
	}
	return false
}
