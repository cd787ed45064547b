package eval

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/conllu"
)

// udWords builds one sentence from a list of tokens in the notation of the
// CoNLL 2018 evaluation script's tests: "abc" is a word, "abc a b c" a
// multiword token "abc" made of the words "a", "b" and "c". The first word
// is the root; every other word depends on it.
func udWords(tokens ...string) []*conllu.Sentence {
	s := &conllu.Sentence{}
	n := 0
	add := func(form string) {
		n++
		head := 1
		if n == 1 {
			head = 0
		}
		s.Words = append(s.Words, conllu.Word{ID: n, Form: form, Head: head, Deprel: "dep"})
	}
	for _, tok := range tokens {
		parts := strings.Split(tok, " ")
		if len(parts) == 1 {
			add(parts[0])
			continue
		}
		s.Multi = append(s.Multi, conllu.MultiToken{First: n + 1, Last: n + len(parts) - 1, Form: parts[0]})
		for _, p := range parts[1:] {
			add(p)
		}
	}
	return []*conllu.Sentence{s}
}

func countWords(tokens []string) int {
	n := 0
	for _, t := range tokens {
		n += max(1, len(strings.Split(t, " "))-1)
	}
	return n
}

// TestUDAlignment has the cases of the alignment tests of conll18_ud_eval.py.
func TestUDAlignment(t *testing.T) {
	tests := []struct {
		gold, system []string
		correct      int
	}{
		{[]string{"a"}, []string{"a"}, 1},
		{[]string{"a", "b", "c"}, []string{"a", "b", "c"}, 3},
		{[]string{"abc a b c"}, []string{"a", "b", "c"}, 3},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "c", "d"}, 4},
		{[]string{"abcd a b c d"}, []string{"ab a b", "cd c d"}, 4},
		{[]string{"abc a b c", "de d e"}, []string{"a", "bcd b c d", "e"}, 5},
		{[]string{"abcd"}, []string{"a", "b", "c", "d"}, 0},
		{[]string{"abc", "d"}, []string{"a", "b", "c", "d"}, 1},
		{[]string{"a", "bc", "d"}, []string{"a", "b", "c", "d"}, 2},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "cd"}, 2},
		{[]string{"abc a BX c", "def d EX f"}, []string{"ab a b", "cd c d", "ef e f"}, 4},
		{[]string{"ab a b", "cd bc d"}, []string{"a", "bc", "d"}, 2},
		{[]string{"a", "bc b c", "d"}, []string{"ab AX BX", "cd CX a"}, 1},
	}
	for _, tt := range tests {
		name := strings.Join(tt.gold, "|") + " vs " + strings.Join(tt.system, "|")
		t.Run(name, func(t *testing.T) {
			s, err := UD(udWords(tt.gold...), udWords(tt.system...))
			if err != nil {
				t.Fatal(err)
			}
			g, sy := countWords(tt.gold), countWords(tt.system)
			w := s.Words
			if w.Correct != tt.correct || w.Gold != g || w.System != sy {
				t.Errorf("words: correct %d gold %d system %d, want %d %d %d", w.Correct, w.Gold, w.System, tt.correct, g, sy)
			}
			if want := 2 * float64(tt.correct) / float64(g+sy); math.Abs(w.F1-want) > 1e-12 {
				t.Errorf("words F1 %v, want %v", w.F1, want)
			}
		})
	}
}

func TestUDTextMismatch(t *testing.T) {
	_, err := UD(udWords("a"), udWords("b"))
	if !errors.Is(err, ErrUDText) {
		t.Errorf("UD(a, b) error %v, want ErrUDText", err)
	}
	// Spaces inside forms do not count.
	gold := udWords("x")
	gold[0].Words[0].Form = "a\u00a0b"
	if _, err := UD(gold, udWords("ab")); err != nil {
		t.Errorf("UD(\"a b\", \"ab\"): %v", err)
	}
}

func TestUDScores(t *testing.T) {
	w := func(id int, form, lemma, upos, feats string, head int, rel string) conllu.Word {
		return conllu.Word{ID: id, Form: form, Lemma: lemma, UPOS: upos, XPOS: "X" + upos, Feats: feats, Head: head, Deprel: rel}
	}
	gold := []*conllu.Sentence{
		{Words: []conllu.Word{
			w(1, "Lavrov", "Lavrov", "PROPN", "Number=Sing", 2, "nsubj"),
			w(2, "met", "meet", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin", 0, "root"),
			w(3, "Arreaza", "Arreaza", "PROPN", "Number=Sing", 2, "obj"),
			w(4, ".", ".", "PUNCT", "_", 2, "punct"),
		}},
		{Words: []conllu.Word{
			w(1, "He", "he", "PRON", "Case=Nom|Number=Sing", 2, "nsubj"),
			w(2, "left", "leave", "VERB", "Tense=Past", 0, "root"),
		}},
	}
	// The system joins the two sentences, splits "Arreaza" and gets some
	// tags, lemmas and heads wrong.
	sys := []*conllu.Sentence{
		{Words: []conllu.Word{
			w(1, "Lavrov", "Lavrov", "PROPN", "Number=Sing", 2, "nsubj"),
			w(2, "met", "met", "VERB", "Tense=Past|VerbForm=Fin|Mood=Ind|Foo=Bar", 0, "root"),
			w(3, "Arre", "Arre", "PROPN", "Number=Sing", 2, "obj"),
			w(4, "aza", "aza", "PROPN", "Number=Sing", 3, "flat"),
			w(5, ".", ".", "PUNCT", "", 2, "punct"),
			w(6, "He", "he", "PRON", "Case=Nom|Number=Sing", 7, "nsubj:pass"),
			w(7, "left", "leave", "ADJ", "Tense=Past", 2, "conj"),
		}},
	}
	s, err := UD(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, got UDScore, gold, system, correct int) {
		t.Helper()
		if got.Gold != gold || got.System != system || got.Correct != correct {
			t.Errorf("%s: gold %d system %d correct %d, want %d %d %d", name, got.Gold, got.System, got.Correct, gold, system, correct)
		}
	}
	check("tokens", s.Tokens, 6, 7, 5)
	check("sentences", s.Sentences, 2, 1, 0)
	check("words", s.Words, 6, 7, 5)
	check("upos", s.UPOS, 6, 7, 4)
	check("ufeats", s.UFeats, 6, 7, 5) // Foo=Bar is not universal; order does not matter
	check("lemmas", s.Lemmas, 6, 7, 4)
	check("uas", s.UAS, 6, 7, 4) // "left" attached to "met" instead of the root
	check("las", s.LAS, 6, 7, 4) // nsubj:pass counts as nsubj
	if s.Tokens.Precision != 5.0/7 || s.Tokens.Recall != 5.0/6 {
		t.Errorf("tokens P %v R %v", s.Tokens.Precision, s.Tokens.Recall)
	}
	if s.UPOS.Aligned != 5 || s.UPOS.AlignedAccuracy != 4.0/5 {
		t.Errorf("upos aligned %d accuracy %v", s.UPOS.Aligned, s.UPOS.AlignedAccuracy)
	}
}

func TestUDLemmaUnderscore(t *testing.T) {
	gold := udWords("a", "b")
	gold[0].Words[0].Lemma = "_"
	gold[0].Words[1].Lemma = "b"
	sys := udWords("a", "b")
	sys[0].Words[0].Lemma = "x"
	sys[0].Words[1].Lemma = "y"
	s, err := UD(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	if s.Lemmas.Correct != 1 {
		t.Errorf("lemmas correct %d, want 1 (gold \"_\" matches anything)", s.Lemmas.Correct)
	}
}

func TestUDBadHead(t *testing.T) {
	gold := udWords("a", "b")
	gold[0].Words[1].Head = 7
	if _, err := UD(gold, udWords("a", "b")); err == nil {
		t.Error("head outside the sentence: no error")
	}
}

func FuzzUD(f *testing.F) {
	f.Add("ab a b|c", "a|bc")
	f.Add("don't do n't|go", "do|n't|go")
	f.Fuzz(func(t *testing.T, g, s string) {
		mk := func(spec string) []*conllu.Sentence {
			var toks []string
			for tok := range strings.SplitSeq(spec, "|") {
				if strings.TrimSpace(tok) != "" && !strings.HasPrefix(tok, " ") && !strings.Contains(tok, "  ") && !strings.HasSuffix(tok, " ") {
					toks = append(toks, tok)
				}
			}
			return udWords(toks...)
		}
		sc, err := UD(mk(g), mk(s))
		if err != nil {
			return
		}
		for _, x := range []UDScore{sc.Tokens, sc.Sentences, sc.Words, sc.UPOS, sc.UAS, sc.LAS} {
			if x.Correct > x.Gold || x.Correct > x.System || x.F1 < 0 || x.F1 > 1 {
				t.Fatalf("score out of range: %+v", x)
			}
		}
	})
}
