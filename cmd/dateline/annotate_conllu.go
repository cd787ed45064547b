package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/dateline-news/dateline/conllu"
	"github.com/dateline-news/dateline/pipeline"
)

// annotateCoNLLU tags and parses CoNLL-U with gold tokens (ID, FORM and
// MISC are read; the other columns may be "_") and writes it back with
// every column predicted, sentence for sentence, keeping the input's
// comments, multiword tokens and MISC.
func annotateCoNLLU(ctx context.Context, e env, r io.Reader) error {
	syn, err := pipeline.Syntax(pipeline.Config{})
	if err != nil {
		return fmt.Errorf("annotate --format conllu: %w", err)
	}
	in := conllu.NewReader(r)
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	const batch = 256 // sentences tagged and parsed together
	for done := false; !done; {
		var ss []*conllu.Sentence
		for len(ss) < batch {
			s, err := in.Next()
			if err == io.EOF {
				done = true
				break
			}
			if err != nil {
				return fmt.Errorf("annotate --format conllu: %w", err)
			}
			ss = append(ss, s)
		}
		if len(ss) == 0 {
			break
		}
		doc := conllu.ToDocument(ss)
		if err := syn.Run(ctx, doc); err != nil {
			return fmt.Errorf("annotate --format conllu: %w", err)
		}
		out := conllu.FromDocument(doc)
		k := 0
		for _, s := range ss {
			if len(s.Words) == 0 {
				if err := conllu.Write(w, s); err != nil {
					return err
				}
				continue
			}
			if k >= len(out) {
				return fmt.Errorf("annotate --format conllu: lost a sentence")
			}
			o := out[k]
			k++
			if len(o.Words) == len(s.Words) {
				o.Comments, o.Multi = s.Comments, s.Multi
				for i := range o.Words {
					o.Words[i].ID = s.Words[i].ID
					o.Words[i].Misc = s.Words[i].Misc
					if o.Words[i].Head > 0 {
						o.Words[i].Head = s.Words[o.Words[i].Head-1].ID
					}
				}
			}
			if err := conllu.Write(w, o); err != nil {
				return err
			}
		}
	}
	return w.Flush()
}
