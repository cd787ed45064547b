package tag_test

import (
	"context"
	"io/fs"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/conllu"
	"github.com/dateline-news/dateline/data"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/tag"
)

var shipped = sync.OnceValues(tag.New)

func tagger(tb testing.TB) *tag.Tagger {
	tb.Helper()
	t, err := shipped()
	if err != nil {
		tb.Fatalf("load shipped tagger: %v", err)
	}
	return t
}

func readGold(tb testing.TB, rel string) [][]tag.Word {
	tb.Helper()
	ss, err := conllu.ReadFile(shared.Path(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	out := make([][]tag.Word, len(ss))
	for i, s := range ss {
		for _, w := range s.Words {
			out[i] = append(out[i], tag.Word{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS, Lemma: w.Lemma, Feats: w.Feats})
		}
	}
	return out
}

// TestFloors tags the EWT and GUM (CC BY) test sets with gold tokens and
// fails below the accuracy the project promises.
func TestFloors(t *testing.T) {
	for _, c := range []struct{ name, file string }{
		{"EWT", "data/ud-english-ewt/en_ewt-ud-test.conllu.gz"},
		{"GUM", "data/ud-english-gum/en_gum-ccby-test.conllu.gz"},
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := tagger(t).Evaluate(readGold(t, c.file))
			t.Logf("%s test: %s", c.name, sc)
			if sc.UPOS < 95.5 {
				t.Errorf("UPOS %.2f < 95.5", sc.UPOS)
			}
			if sc.Lemma < 97 {
				t.Errorf("lemma %.2f < 97", sc.Lemma)
			}
		})
	}
}

func TestTag(t *testing.T) {
	tg := tagger(t)
	for _, c := range []struct {
		text string
		want string // form/UPOS/XPOS/lemma for each word
	}{
		{"The military refused to support Guaido .",
			"The/DET/DT/the military/NOUN/NN/military refused/VERB/VBD/refuse to/PART/TO/to support/VERB/VB/support Guaido/PROPN/NNP/Guaido ./PUNCT/./."},
		{"Washington accused Russia of meddling in Venezuela .",
			"Washington/PROPN/NNP/Washington accused/VERB/VBD/accuse Russia/PROPN/NNP/Russia of/SCONJ/IN/of meddling/VERB/VBG/meddle in/ADP/IN/in Venezuela/PROPN/NNP/Venezuela ./PUNCT/./."},
		{"Maduro ’s supporters were n’t there .",
			"Maduro/PROPN/NNP/Maduro ’s/PART/POS/'s supporters/NOUN/NNS/supporter were/AUX/VBD/be n’t/PART/RB/not there/ADV/RB/there ./PUNCT/./."},
	} {
		out := tg.Tag(strings.Fields(c.text), nil)
		var got []string
		for _, w := range out {
			got = append(got, w.Form+"/"+w.UPOS+"/"+w.XPOS+"/"+w.Lemma)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("Tag(%q)\n got %s\nwant %s", c.text, g, c.want)
		}
	}
}

func TestFeats(t *testing.T) {
	tg := tagger(t)
	out := tg.Tag(strings.Fields("He hurried to recognize them ."), nil)
	for i, want := range []string{"Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs",
		"Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin", "", "VerbForm=Inf"} {
		if out[i].Feats != want && !(want == "" && (out[i].Feats == "_" || out[i].Feats == "")) {
			t.Errorf("%s: feats %q, want %q", out[i].Form, out[i].Feats, want)
		}
	}
}

func TestLemmaUnseen(t *testing.T) {
	tg := tagger(t)
	// words that the treebanks lack: WordNet and the rules give the lemma
	for _, c := range []struct{ form, xpos, want string }{
		{"geese", "NNS", "goose"},
		{"outmanoeuvred", "VBD", "outmanoeuvre"},
		{"blorfed", "VBD", "blorf"},
		{"reinstating", "VBG", "reinstate"},
		{"Zlatograd", "NNP", "Zlatograd"},
	} {
		if got := tg.Lemma(c.form, c.xpos); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.xpos, got, c.want)
		}
	}
}

func TestAnnotate(t *testing.T) {
	text := "Russia backed Maduro."
	doc := &dateline.Document{Text: text,
		Tokens: []dateline.Token{
			{Span: dateline.Span{Start: 0, End: 6}, Text: "Russia", Head: -1},
			{Span: dateline.Span{Start: 7, End: 13}, Text: "backed", Head: -1},
			{Span: dateline.Span{Start: 14, End: 20}, Text: "Maduro", Head: -1},
			{Span: dateline.Span{Start: 20, End: 21}, Text: ".", Head: -1},
		},
		Sentences: []dateline.Sentence{{Span: dateline.Span{Start: 0, End: 21}, Tokens: dateline.Range{Start: 0, End: 4}}},
	}
	if err := tagger(t).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if tk := doc.Tokens[1]; tk.POS != "VERB" || tk.Tag != "VBD" || tk.Lemma != "back" || !strings.Contains(tk.Feats, "Tense=Past") {
		t.Errorf("backed: %+v", tk)
	}
}

func BenchmarkTag(b *testing.B) {
	tg := tagger(b)
	gold := readGold(b, "data/ud-english-ewt/en_ewt-ud-dev.conllu.gz")
	sents := make([][]string, len(gold))
	words := 0
	for i, s := range gold {
		for _, w := range s {
			sents[i] = append(sents[i], w.Form)
		}
		words += len(s)
	}
	var out []tag.Word
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			out = tg.Tag(s, out[:0])
		}
		n++
	}
	b.ReportMetric(float64(n*words)/b.Elapsed().Seconds(), "tokens/s")
	// on a shared machine the wall clock counts other programs' time too
	b.ReportMetric(float64(n*words)/(cpuTime()-cpu0).Seconds(), "tokens/cpu-s")
}

func BenchmarkLoad(b *testing.B) {
	sub, err := fs.Sub(data.Models, "models")
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		n++
		if _, err := tag.Load(sub); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(n), "cpu-ms/op")
}

// FuzzTag checks that any words get one tagged word each, never a panic.
func FuzzTag(f *testing.F) {
	tg := tagger(f)
	f.Add("The United States hurried to recognize him .")
	f.Add("’’ ‘ \x00 ﬁ ÉÉ 1,000.5 e-mail")
	f.Fuzz(func(t *testing.T, s string) {
		forms := strings.Fields(s)
		out := tg.Tag(forms, nil)
		if len(out) != len(forms) {
			t.Fatalf("%d words for %d forms", len(out), len(forms))
		}
		for _, w := range out {
			if w.UPOS == "" || w.XPOS == "" {
				t.Fatalf("untagged word %+v", w)
			}
		}
	})
}

// cpuTime returns the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestLemmaNumber(t *testing.T) {
	tg := tagger(t)
	for _, c := range []struct{ form, want string }{
		{"85,000", "85000"}, {"1,250.5", "1250.5"}, {"3,40", "3,40"}, {"1990s", "1990s"}, {",000", ",000"},
	} {
		if got := tg.Lemma(c.form, "CD"); got != c.want {
			t.Errorf("Lemma(%q, CD) = %q, want %q", c.form, got, c.want)
		}
	}
}
