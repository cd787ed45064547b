package coder_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/eval"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/pipeline"
)

// TestSeedEvents is the accuracy floor on the founding article: the whole
// pipeline, scored by ../shared/gold/FORMAT.md (eval.Gold), must find at
// least 85 % of the gold events with at least 80 % precision.
func TestSeedEvents(t *testing.T) {
	dir := shared.Path(t, "gold/seed")
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	// the floor needs the parse: skip while the pipeline has none
	b, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := dateline.NewDocument(dateline.Article{ID: "seed", Text: string(b)})
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	parsed := false
	for _, tk := range doc.Tokens {
		parsed = parsed || tk.Rel != ""
	}
	if !parsed {
		t.Skip("the pipeline has no dependency parser yet: the event floor needs one")
	}
	rep, err := eval.Gold(context.Background(), filepath.Dir(dir), p)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rep.Articles {
		if a.ID != "seed" && filepath.Base(a.Dir) != "seed" {
			continue
		}
		r, pr := a.Scores.EventRecall, a.Scores.EventPrecision
		t.Logf("seed events: recall %d/%d = %.3f, precision %d/%d = %.3f", r.Hit, r.Total, r.Rate(), pr.Hit, pr.Total, pr.Rate())
		if r.Rate() < 0.85 || pr.Rate() < 0.80 {
			for _, m := range a.Misses {
				t.Log(m)
			}
			t.Errorf("seed events below the floor (recall >= 0.85, precision >= 0.80)")
		}
		return
	}
	t.Fatal("no seed article in the gold report")
}
