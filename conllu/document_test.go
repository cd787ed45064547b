package conllu

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
)

func TestToDocument(t *testing.T) {
	in := sample + "# newpar\n# text = No (really).\n1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_\n2\t(\t(\tPUNCT\t-LRB-\t_\t3\tpunct\t_\tSpaceAfter=No\n3\treally\treally\tADV\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No\n4\t)\t)\tPUNCT\t-RRB-\t_\t3\tpunct\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
	ss, err := ReadAll(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	doc := ToDocument(ss)
	wantText := "I don't know. Yes!\n\nNo (really)."
	if doc.Text != wantText {
		t.Fatalf("Text = %q, want %q", doc.Text, wantText)
	}
	var toks []string
	for _, tk := range doc.Tokens {
		toks = append(toks, tk.Text+"@"+doc.Span(tk.Span))
		if tk.Head != -1 || tk.POS != "" {
			t.Errorf("token %q has gold annotation: %+v", tk.Text, tk)
		}
	}
	want := "I@I|do@do|n't@n't|know@know|.@.|Yes@Yes|!@!|No@No|(@(|really@really|)@)|.@."
	if got := strings.Join(toks, "|"); got != want {
		t.Errorf("tokens\n got %s\nwant %s", got, want)
	}
	var sents []string
	for _, s := range doc.Sentences {
		sents = append(sents, doc.Span(s.Span))
	}
	if got := strings.Join(sents, "|"); got != "I don't know.|Yes!|No (really)." {
		t.Errorf("sentences %q", sents)
	}
	if len(doc.Paragraphs) != 2 || doc.Span(doc.Paragraphs[0]) != "I don't know. Yes!" || doc.Span(doc.Paragraphs[1]) != "No (really)." {
		t.Errorf("paragraphs %v", doc.Paragraphs)
	}
	if doc.Sentences[1].Tokens != (dateline.Range{Start: 5, End: 7}) {
		t.Errorf("sentence 2 tokens %v", doc.Sentences[1].Tokens)
	}
}

func TestToDocumentNonSpelling(t *testing.T) {
	// French "du" = "de" "le": the words do not spell the surface form.
	in := "1-2\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n1\tde\tde\tADP\t_\t_\t3\tcase\t_\t_\n2\tle\tle\tDET\t_\t_\t3\tdet\t_\t_\n3\tpain\tpain\tNOUN\t_\t_\t0\troot\t_\t_\n\n"
	ss, err := ReadAll(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	doc := ToDocument(ss)
	if doc.Text != "du pain" || len(doc.Tokens) != 3 {
		t.Fatalf("text %q tokens %d", doc.Text, len(doc.Tokens))
	}
	for i, want := range []string{"de", "le"} {
		if tk := doc.Tokens[i]; tk.Text != want || doc.Span(tk.Span) != "du" {
			t.Errorf("token %d = %q over %q", i, tk.Text, doc.Span(tk.Span))
		}
	}
}

func TestFromDocument(t *testing.T) {
	text := "They didn’t go (far).\nI'm gonna win"
	doc := &dateline.Document{Text: text}
	add := func(s, pos, rel string, head int) {
		from := 0
		if n := len(doc.Tokens); n > 0 {
			from = doc.Tokens[n-1].Span.End
		}
		i := strings.Index(text[from:], s) + from
		doc.Tokens = append(doc.Tokens, dateline.Token{Span: dateline.Span{Start: i, End: i + len(s)}, Text: s, POS: pos, Rel: rel, Head: head, Lemma: strings.ToLower(s)})
	}
	add("They", "PRON", "nsubj", 3)
	add("did", "AUX", "aux", 3)
	add("n’t", "PART", "advmod", 3)
	add("go", "VERB", "root", -1)
	add("(", "PUNCT", "punct", 5)
	add("far", "ADV", "advmod", 3)
	add(")", "PUNCT", "punct", 5)
	add(".", "PUNCT", "punct", 3)
	add("I", "PRON", "nsubj", 12)
	add("'m", "AUX", "aux", 12)
	add("gon", "VERB", "xcomp", 99) // a head outside the sentence is written as 0
	add("na", "PART", "mark", -1)
	add("win", "VERB", "root", -1)
	doc.Sentences = []dateline.Sentence{
		{Span: dateline.Span{Start: 0, End: doc.Tokens[7].Span.End}, Tokens: dateline.Range{Start: 0, End: 8}},
		{Span: dateline.Span{Start: doc.Tokens[8].Span.Start, End: len(text)}, Tokens: dateline.Range{Start: 8, End: 13}},
	}
	ss := FromDocument(doc)
	var b bytes.Buffer
	for _, s := range ss {
		if err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
	}
	want := `# sent_id = 1
# text = They didn’t go (far).
1	They	they	PRON	_	_	4	nsubj	_	_
2-3	didn’t	_	_	_	_	_	_	_	_
2	did	did	AUX	_	_	4	aux	_	_
3	n’t	n’t	PART	_	_	4	advmod	_	_
4	go	go	VERB	_	_	0	root	_	_
5	(	(	PUNCT	_	_	6	punct	_	SpaceAfter=No
6	far	far	ADV	_	_	4	advmod	_	SpaceAfter=No
7	)	)	PUNCT	_	_	6	punct	_	SpaceAfter=No
8	.	.	PUNCT	_	_	4	punct	_	_

# sent_id = 2
# text = I'm gonna win
1-2	I'm	_	_	_	_	_	_	_	_
1	I	i	PRON	_	_	5	nsubj	_	_
2	'm	'm	AUX	_	_	5	aux	_	_
3-4	gonna	_	_	_	_	_	_	_	_
3	gon	gon	VERB	_	_	0	xcomp	_	_
4	na	na	PART	_	_	0	mark	_	_
5	win	win	VERB	_	_	0	root	_	_

`
	if b.String() != want {
		t.Errorf("FromDocument wrote\n%s\nwant\n%s", b.String(), want)
	}
}

func TestDocumentRoundTrip(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	back := FromDocument(ToDocument(ss))
	if len(back) != len(ss) {
		t.Fatalf("%d sentences back, want %d", len(back), len(ss))
	}
	for i := range ss {
		a, b := ss[i].Surface(), back[i].Surface()
		if len(a) != len(b) {
			t.Fatalf("sentence %d: %d surface tokens back, want %d", i, len(b), len(a))
		}
		for j := range a {
			if a[j] != b[j] {
				t.Errorf("sentence %d token %d = %+v, want %+v", i, j, b[j], a[j])
			}
		}
		if back[i].Comment("text") != ss[i].Comment("text") {
			t.Errorf("text %q, want %q", back[i].Comment("text"), ss[i].Comment("text"))
		}
	}
}

func TestRawText(t *testing.T) {
	ss, err := ReadAll(strings.NewReader(sample + "# newdoc\n# text = Next doc\n1\tNext\t_\t_\t_\t_\t0\t_\t_\t_\n2\tdoc\t_\t_\t_\t_\t1\t_\t_\t_\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	text, paras := RawText(ss)
	if text != "I don't know. Yes!\n\nNext doc" {
		t.Errorf("RawText = %q", text)
	}
	if len(paras) != 2 || text[paras[0].Start:paras[0].End] != "I don't know. Yes!" || text[paras[1].Start:paras[1].End] != "Next doc" {
		t.Errorf("paragraphs %v", paras)
	}
}

func TestIsClitic(t *testing.T) {
	tests := []struct {
		prev, cur string
		want      bool
	}{
		{"do", "n't", true}, {"Russia", "'s", true}, {"Russia", "’s", true}, {"I", "'M", true},
		{"we", "’re", true}, {"can", "not", true}, {"gon", "na", true}, {"got", "ta", true},
		{"do", "nt", true}, {"I", "nt", false}, {"will", "not", false}, {"'", "'s", false},
		{"search", "-", false}, {"a", "b", false},
	}
	for _, tt := range tests {
		if got := IsClitic(tt.prev, tt.cur); got != tt.want {
			t.Errorf("IsClitic(%q, %q) = %v, want %v", tt.prev, tt.cur, got, tt.want)
		}
	}
}
