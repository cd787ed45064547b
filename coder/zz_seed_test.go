package coder_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/coder"
	"github.com/dateline-news/dateline/eval"
	"github.com/dateline-news/dateline/parse"
	"github.com/dateline-news/dateline/pipeline"
	"github.com/dateline-news/dateline/tag"
)

func TestZZSeed(t *testing.T) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var syn dateline.Pipeline
	if tg, err := tag.New(); err == nil {
		syn = append(syn, tg)
	} else {
		t.Log("no tagger", err)
	}
	if ps, err := parse.New(); err == nil {
		syn = append(syn, ps)
	} else {
		t.Log("no parser", err)
	}
	q := append(dateline.Pipeline{}, p[:2]...)
	q = append(q, syn...)
	q = append(q, p[2:]...)
	rep, err := eval.Gold(context.Background(), "../../shared/gold", q)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rep.Articles {
		for _, m := range a.Misses {
			if len(m) > 5 && m[:5] == "event" {
				fmt.Println(m)
			}
		}
	}
	fmt.Printf("recall %+v precision %+v\n", rep.Total.EventRecall, rep.Total.EventPrecision)
	if os.Getenv("EXPLAIN") != "" {
		b, _ := os.ReadFile("../../shared/gold/seed/article.txt")
		doc := dateline.NewDocument(dateline.Article{ID: "seed", Text: string(b)})
		q.Run(context.Background(), doc)
		c, _ := coder.New()
		exs, _ := c.Explain(context.Background(), doc)
		for _, ex := range exs {
			fmt.Printf("\n== %s\n", doc.Span(ex.Span))
			s := doc.Sentences[ex.Sentence]
			if os.Getenv("EXPLAIN") == "2" {
				for i := s.Tokens.Start; i < s.Tokens.End; i++ {
					tk := doc.Tokens[i]
					fmt.Printf("   %d %s %s %s %d %s\n", i-s.Tokens.Start+1, tk.Text, tk.Lemma, tk.POS, tk.Head-s.Tokens.Start+1, tk.Rel)
				}
			}
			fmt.Println("  actors:", ex.Actors)
			for _, st := range ex.Steps {
				fmt.Printf("  %q %s -> %s\n", st.Word, st.Pattern, st.Outcome)
			}
			for _, e := range ex.Events {
				tg := "-"
				if e.Target != nil {
					tg = e.Target.Actor
				}
				fmt.Printf("  EVENT %s %s %s %s %s\n", e.Source.Actor, e.Code, tg, e.Mood, e.Date.Value)
			}
		}
	}
}
