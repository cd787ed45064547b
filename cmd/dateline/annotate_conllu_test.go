package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/conllu"
)

// TestAnnotateCoNLLU feeds gold tokens with every other column empty and
// checks that each sentence comes back with every column predicted and
// its comments, multiword tokens and MISC kept.
func TestAnnotateCoNLLU(t *testing.T) {
	in := "# sent_id = a\n# text = The military refused to support Guaido.\n" +
		"1\tThe\t_\t_\t_\t_\t_\t_\t_\t_\n2\tmilitary\t_\t_\t_\t_\t_\t_\t_\t_\n3\trefused\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"4\tto\t_\t_\t_\t_\t_\t_\t_\t_\n5\tsupport\t_\t_\t_\t_\t_\t_\t_\t_\n6\tGuaido\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
		"7\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n" +
		"# sent_id = b\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n2\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n3\tgo\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	var out bytes.Buffer
	e := env{stdin: strings.NewReader(in), stdout: &out, stderr: &bytes.Buffer{}}
	if err := annotateCoNLLU(context.Background(), e, strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	ss, err := conllu.ReadAll(&out)
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out.String())
	}
	if len(ss) != 2 {
		t.Fatalf("%d sentences, want 2:\n%s", len(ss), out.String())
	}
	if ss[0].Comment("sent_id") != "a" || ss[1].Comment("sent_id") != "b" || len(ss[1].Multi) != 1 {
		t.Errorf("comments or multiword tokens lost:\n%s", out.String())
	}
	roots := 0
	for _, s := range ss {
		for _, w := range s.Words {
			if w.UPOS == "" || w.XPOS == "" || w.Lemma == "" || w.Deprel == "" {
				t.Errorf("word %d %q not annotated: %+v", w.ID, w.Form, w)
			}
			if w.Head == 0 {
				roots++
			}
		}
	}
	if roots != 2 {
		t.Errorf("%d roots in 2 sentences:\n%s", roots, out.String())
	}
	if w := ss[0].Words[2]; w.Lemma != "refuse" || w.Head != 0 || w.Deprel != "root" {
		t.Errorf("refused: %+v", w)
	}
	if !strings.Contains(ss[0].Words[5].Misc, "SpaceAfter=No") {
		t.Errorf("MISC lost: %+v", ss[0].Words[5])
	}
}
