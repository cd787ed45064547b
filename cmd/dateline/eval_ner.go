package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/dateline-news/dateline/mention"
)

// evalNER scores the recogniser (model, dictionary backoff and, in files
// with "# newdoc" comments, the propagation of names within a document;
// gold tokens) against
// an IOB2 file (UNER) or CoNLL file (wikigold; MISC is ignored) by exact
// span and type.
//
// A folder is read as re3d (its public-domain and attribution-licensed
// source folders; Person, Organisation and Location of confidence >= 0.5),
// the text segmented by the segmenter.
func evalNER(ctx context.Context, e env, f evalFlags) error {
	rec, err := mention.New(nil)
	if err != nil {
		return fmt.Errorf("eval --ner: %w", err)
	}
	var sc map[string]*mention.Counts
	n := 0
	if st, err := os.Stat(f.ner); err == nil && st.IsDir() {
		if sc, n, err = evalNERre3d(ctx, e, f, rec); err != nil {
			return fmt.Errorf("eval --ner: %w", err)
		}
	} else {
		sents, err := readIOB2File(f.ner)
		if err != nil {
			return fmt.Errorf("eval --ner: %w", err)
		}
		gold := make([][]string, len(sents))
		pred := make([][]string, len(sents))
		words := make([][]string, len(sents))
		doc := 0 // first sentence of the current document
		for i, s := range sents {
			if err := ctx.Err(); err != nil {
				return err
			}
			if i > 0 && s.NewDoc() {
				// as in the pipeline, a name found in a document is
				// tagged wherever else it stands there
				mention.Propagate(words[doc:i], pred[doc:i])
				doc = i
			}
			gold[i], words[i] = s.Tags(), s.Words()
			pred[i] = rec.TagWords(words[i], nil)
		}
		mention.Propagate(words[doc:], pred[doc:])
		sc, n = mention.Score(gold, pred), len(sents)
	}
	if f.json {
		out := map[string]map[string]float64{}
		for k, c := range sc {
			name := k
			if name == "" {
				name = "overall"
			}
			out[name] = map[string]float64{"p": c.P(), "r": c.R(), "f1": c.F1(), "gold": float64(c.Gold), "pred": float64(c.Pred)}
		}
		return json.NewEncoder(e.stdout).Encode(out)
	}
	fmt.Fprintf(e.stdout, "ner %s (%d sentences, exact span)\n", f.ner, n)
	for _, k := range []string{"", "PER", "ORG", "LOC"} {
		name := k
		if name == "" {
			name = "all"
		}
		fmt.Fprintf(e.stdout, "  %-4s %v\n", name, sc[k])
	}
	return nil
}
