package coder_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/coder"
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

// BenchmarkCoderReuters times the event coder alone on 100 Reuters stories
// already annotated by the rest of the pipeline; MB/s is of article text.
func BenchmarkCoderReuters(b *testing.B) {
	path := shared.Path(b, "corpora/reuters21578/reuters21578.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	c, err := coder.New()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*dateline.Document
	n := 0
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(docs) < 100 {
		var a struct{ ID, Text, Dateline string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		doc := dateline.NewDocument(dateline.Article{ID: a.ID, Text: a.Dateline + " - " + a.Text})
		if err := p.Run(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		n += len(doc.Text)
		docs = append(docs, doc)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, d := range docs {
			if err := c.Annotate(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
