package segment_test

import (
	"context"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/conllu"
	"github.com/dateline-news/dateline/eval"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/segment"
)

// TestTreebankFloors segments the raw text of the UD English test sets with
// the shipped boundary model and scores tokens and sentences against the
// gold as the CoNLL 2018 script does ("dateline eval --ud FILE" prints the
// same figures).
func TestTreebankFloors(t *testing.T) {
	tests := []struct {
		path             string
		tokens, sentence float64
	}{
		{"data/ud-english-ewt/en_ewt-ud-test.conllu.gz", 0.99, 0.90},
		{"data/ud-english-gum/en_gum-ccby-test.conllu.gz", 0.99, 0.955},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			gold, err := conllu.ReadFile(shared.Path(t, tt.path))
			if err != nil {
				t.Fatal(err)
			}
			text, paras := conllu.RawText(gold)
			doc := &dateline.Document{Text: text, Paragraphs: paras}
			sg := segment.New()
			if sg.Model == nil {
				_, err := segment.Shipped()
				t.Fatalf("no shipped boundary model: %v", err)
			}
			if err := sg.Annotate(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			s, err := eval.UD(gold, conllu.FromDocument(doc))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("tokens F1 %.4f, words F1 %.4f, sentences F1 %.4f (P %.4f R %.4f)",
				s.Tokens.F1, s.Words.F1, s.Sentences.F1, s.Sentences.Precision, s.Sentences.Recall)
			if s.Tokens.F1 < tt.tokens {
				t.Errorf("tokens F1 %.4f < floor %.2f", s.Tokens.F1, tt.tokens)
			}
			if s.Sentences.F1 < tt.sentence {
				t.Errorf("sentences F1 %.4f < floor %.3f", s.Sentences.F1, tt.sentence)
			}
		})
	}
}
