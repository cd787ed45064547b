package conllu

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `# newdoc id = d1
# newpar id = p1
# sent_id = 1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	3	nsubj	3:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	know	know	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = 2
# text = Yes!
1	Yes	yes	INTJ	UH	_	0	root	0:root	SpaceAfter=No
1.1	gone	_	_	_	_	_	_	_	_
2	!	!	PUNCT	.	_	1	punct	1:punct	_

`

func TestRead(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("got %d sentences", len(ss))
	}
	s := ss[0]
	if !s.Has("newdoc") || !s.Has("newpar") || ss[1].Has("newpar") {
		t.Error("Has: newdoc/newpar wrong")
	}
	if got := s.Comment("text"); got != "I don't know." {
		t.Errorf("Comment(text) = %q", got)
	}
	if len(s.Words) != 5 || len(s.Multi) != 1 || s.Multi[0] != (MultiToken{First: 2, Last: 3, Form: "don't", Misc: "_"}) {
		t.Fatalf("words %d multi %+v", len(s.Words), s.Multi)
	}
	if w := s.Words[3]; w.Form != "know" || w.Head != 0 || w.Deprel != "root" || w.SpaceAfter() {
		t.Errorf("word 4 = %+v", w)
	}
	if len(ss[1].Words) != 2 {
		t.Errorf("empty node not skipped: %d words", len(ss[1].Words))
	}
	surf := s.Surface()
	var forms []string
	for _, st := range surf {
		forms = append(forms, st.Form)
	}
	if strings.Join(forms, "|") != "I|don't|know|." || surf[1].First != 2 || surf[1].Last != 3 || surf[2].SpaceAfter {
		t.Errorf("Surface = %+v", surf)
	}
	// Text without the comment joins the surface forms.
	s.Comments = nil
	if got := s.Text(); got != "I don't know." {
		t.Errorf("Text() = %q", got)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"1\tI\n",
		"x\tI\t_\t_\t_\t_\t0\t_\t_\t_\n",
		"1\tI\t_\t_\t_\t_\tx\t_\t_\t_\n",
		"3-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n",
	} {
		if _, err := ReadAll(strings.NewReader(in)); err == nil {
			t.Errorf("ReadAll(%q): no error", in)
		}
	}
}

func TestWriteRoundTrip(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, s := range ss {
		if err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
	}
	back, err := ReadAll(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(ss) {
		t.Fatalf("round trip: %d sentences, want %d", len(back), len(ss))
	}
	for i := range ss {
		if len(back[i].Words) != len(ss[i].Words) || len(back[i].Multi) != len(ss[i].Multi) {
			t.Fatalf("sentence %d changed", i)
		}
		for j := range ss[i].Words {
			if back[i].Words[j] != ss[i].Words[j] {
				t.Errorf("word %d.%d = %+v, want %+v", i, j, back[i].Words[j], ss[i].Words[j])
			}
		}
	}
}

func TestReadFileGzip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.conllu.gz")
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(sample))
	zw.Close()
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ss, err := ReadFile(p)
	if err != nil || len(ss) != 2 {
		t.Fatalf("ReadFile: %d sentences, %v", len(ss), err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.conllu")); err == nil {
		t.Error("ReadFile of a missing file: no error")
	}
}

func TestSurfaceBadRange(t *testing.T) {
	s := &Sentence{
		Words: []Word{{ID: 1, Form: "a"}, {ID: 2, Form: "b"}, {ID: 3, Form: "c"}, {ID: 4, Form: "d"}},
		Multi: []MultiToken{{First: 7, Last: 9, Form: "x"}, {First: 0, Last: 0, Form: "y"}, {First: 3, Last: 4, Form: "cd"}},
	}
	var forms []string
	for _, st := range s.Surface() {
		forms = append(forms, st.Form)
	}
	// The ranges are out of order: the first never matches; the reader
	// never builds such a sentence, but Surface must not lose words.
	if got := strings.Join(forms, "|"); got != "a|b|c|d" && got != "a|b|cd" {
		t.Errorf("Surface = %s", got)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\t_\t_\t_\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := ReadAll(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range ss {
			_ = s.Text()
			_ = s.Surface()
			var b bytes.Buffer
			if err := Write(&b, s); err != nil {
				t.Fatal(err)
			}
		}
		doc := ToDocument(ss)
		for _, tk := range doc.Tokens {
			if tk.Span.Start < 0 || tk.Span.End > len(doc.Text) || tk.Span.Start > tk.Span.End {
				t.Fatalf("token span %v out of %d", tk.Span, len(doc.Text))
			}
		}
		_ = FromDocument(doc)
		_, _ = RawText(ss)
	})
}
