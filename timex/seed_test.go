package timex_test

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

// TestSeed runs the real pipeline on the founding article and checks every
// required time value of its gold and the article's date with its basis.
func TestSeed(t *testing.T) {
	dir := shared.Path(t, "gold/seed")
	raw, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	gb, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Document struct {
			Date string `json:"date"`
		} `json:"document"`
		Events []struct {
			ID           string `json:"id"`
			Date         string `json:"date"`
			DateOptional bool   `json:"date_optional"`
			Evidence     string `json:"evidence"`
		} `json:"events"`
		Timexes []struct {
			Line     int    `json:"line"`
			Text     string `json:"text"`
			Value    string `json:"value"`
			Optional bool   `json:"optional"`
		} `json:"timexes"`
	}
	if err := json.Unmarshal(gb, &gold); err != nil {
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
	if doc.Date == nil || doc.Date.Value != gold.Document.Date {
		t.Fatalf("article date %+v, want %s", doc.Date, gold.Document.Date)
	}
	for _, w := range []string{"Sunday", "Tuesday", "2019"} {
		if !strings.Contains(doc.Date.Basis, w) {
			t.Errorf("date basis %q does not mention %q", doc.Date.Basis, w)
		}
	}
	t.Logf("date basis: %s", doc.Date.Basis)
	used := make([]bool, len(doc.Timexes))
	required, right := 0, 0
	for _, g := range gold.Timexes {
		if !g.Optional {
			required++
		}
		found := ""
		for i, x := range doc.Timexes {
			if used[i] || x.Text != g.Text || doc.Line(x.Span.Start) != g.Line {
				continue
			}
			used[i] = true
			found = x.Value
			break
		}
		switch {
		case found == g.Value:
			if !g.Optional {
				right++
			}
		case g.Optional:
			t.Logf("optional %q on line %d: got %q, gold %q", g.Text, g.Line, found, g.Value)
		default:
			t.Errorf("%q on line %d: got %q, want %q", g.Text, g.Line, found, g.Value)
		}
	}
	t.Logf("%d of %d required time values right", right, required)
	// the event-dating service: each required event date from its evidence
	for _, e := range gold.Events {
		if e.Date == "" || e.DateOptional {
			continue
		}
		i := strings.Index(doc.Text, e.Evidence)
		if i < 0 {
			t.Errorf("event %s: evidence %q not in the text", e.ID, e.Evidence)
			continue
		}
		d := doc.DateOf(dateline.Span{Start: i, End: i + len(e.Evidence)})
		if d.Value != e.Date {
			t.Errorf("event %s: DateOf = %+v, want %s", e.ID, d, e.Date)
		}
	}
}
