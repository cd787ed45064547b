package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/pipeline"
	"github.com/dateline-news/dateline/quote"
)

// evalQuotes runs the whole pipeline on every article of a JSON Lines file
// {"id","text","quotes":[{"start","end","text","speaker","kind"}]}
// (code-point offsets) and scores the quotes: a gold quote is found when an
// output quote covers at least half of it; its speaker and kind are then
// checked; a quote in pieces may find one gold quote per piece
// (quote.Score).
func evalQuotes(ctx context.Context, e env, f evalFlags) error {
	fh, err := os.Open(f.quotes)
	if err != nil {
		return fmt.Errorf("eval --quotes: %w", err)
	}
	defer fh.Close()
	docs, err := quote.ReadGold(fh)
	if err != nil {
		return fmt.Errorf("eval --quotes %s: %w", f.quotes, err)
	}
	p, err := newPipeline(pipeline.Config{})
	if err != nil {
		return fmt.Errorf("eval --quotes: %w", err)
	}
	type perDoc struct {
		ID string `json:"id"`
		quote.Scores
	}
	var total quote.Scores
	var each []perDoc
	for _, g := range docs {
		doc := dateline.NewDocument(dateline.Article{ID: g.ID, Text: g.Text})
		if err := p.Run(ctx, doc); err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("eval --quotes: %w", err)
			}
			// An article the pipeline refuses scores as nothing found.
			doc.Quotes = nil
		}
		s := quote.Score(g, doc)
		total.Add(s)
		each = append(each, perDoc{ID: g.ID, Scores: s})
	}
	if f.json {
		out := map[string]any{
			"file": f.quotes, "documents": len(docs), "gold": total.Gold, "output": total.Output,
			"found": total.Found, "matched": total.Matched, "speaker_correct": total.Speaker, "kind_correct": total.Kind,
			"precision": total.Precision(), "recall": total.Recall(), "f1": total.F1(),
			"speaker_accuracy": total.SpeakerAccuracy(), "documents_scores": each,
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	w := e.stdout
	fmt.Fprintf(w, "quotes: %s (%d documents, %d gold, %d output)\n", f.quotes, len(docs), total.Gold, total.Output)
	fmt.Fprintf(w, "content found (>= 50%% overlap): P %.1f  R %.1f  F1 %.1f  (%d of %d gold)\n",
		100*total.Precision(), 100*total.Recall(), 100*total.F1(), total.Found, total.Gold)
	fmt.Fprintf(w, "speaker correct: %d of %d found (%.1f%%), of all gold %.1f%%\n",
		total.Speaker, total.Found, 100*total.SpeakerAccuracy(), 100*ratioOf(total.Speaker, total.Gold))
	fmt.Fprintf(w, "kind correct: %d of %d found\n", total.Kind, total.Found)
	for _, d := range each {
		fmt.Fprintf(w, "  %-24s gold %3d  output %3d  found %3d  speaker %3d\n", d.ID, d.Gold, d.Output, d.Found, d.Speaker)
	}
	return nil
}

func ratioOf(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
