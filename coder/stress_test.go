package coder

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
)

// longSentence builds one sentence of about 2,000 words with 300 commas,
// nested quotation marks and 50 conjoined names as the subject of
// "attacked", whose object is 50 more conjoined names: the worst case for
// compound expansion.
func longSentence() *dateline.Document {
	var b strings.Builder
	doc := dateline.NewDocument(dateline.Article{ID: "long"})
	add := func(word, lemma, pos string, head int, rel string) int {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		sp := dateline.Span{Start: b.Len(), End: b.Len() + len(word)}
		b.WriteString(word)
		doc.Tokens = append(doc.Tokens, dateline.Token{Span: sp, Text: word, Lemma: lemma, POS: pos, Head: head, Rel: rel})
		return len(doc.Tokens) - 1
	}
	entity := func(i int, code string) {
		doc.Entities = append(doc.Entities, dateline.Entity{ID: fmt.Sprintf("e%d", i), Name: code, Actor: code,
			Mentions: []dateline.EntityMention{{Span: doc.Tokens[i].Span}}})
	}
	const verb = 2000 // index the verb will have; heads may point forward
	first := -1
	for n := 0; n < 50; n++ { // 50 conjoined names, comma-separated
		head, rel := verb, "nsubj"
		if first >= 0 {
			head, rel = first, "conj"
			add(",", ",", "PUNCT", first, "punct")
		}
		i := add(fmt.Sprintf("Land%d", n), "land", "PROPN", head, rel)
		entity(i, fmt.Sprintf("C%02d", n))
		if first < 0 {
			first = i
		}
	}
	// filler with commas and nested quotes, hanging from the verb in a chain
	prev := verb
	for len(doc.Tokens) < verb {
		switch k := len(doc.Tokens) % 7; {
		case k == 0:
			prev = add(",", ",", "PUNCT", prev, "punct")
		case k == 3:
			add("\"", "\"", "PUNCT", prev, "punct")
		case k == 5:
			add("'", "'", "PUNCT", prev, "punct")
		default:
			prev = add("said", "say", "VERB", prev, "ccomp")
		}
	}
	add("attacked", "attack", "VERB", -1, "root")
	o := -1
	for n := 0; n < 50; n++ {
		head, rel := verb, "obj"
		if o >= 0 {
			head, rel = o, "conj"
			add(",", ",", "PUNCT", o, "punct")
		}
		i := add(fmt.Sprintf("Town%d", n), "town", "PROPN", head, rel)
		entity(i, fmt.Sprintf("T%02d", n))
		if o < 0 {
			o = i
		}
	}
	doc.Text = b.String()
	doc.Sentences = []dateline.Sentence{{Span: dateline.Span{End: len(doc.Text)}, Tokens: dateline.Range{End: len(doc.Tokens)}}}
	return doc
}

// TestLongSentenceBounded codes the worst-case sentence: compound
// expansion is capped by MaxMembers and every walk up the tree by
// maxClimb, so it finishes and yields one event per source-target pair.
func TestLongSentenceBounded(t *testing.T) {
	c := testCoder(t)
	doc := longSentence()
	if n := strings.Count(doc.Text, ","); n < 300 {
		t.Fatalf("only %d commas", n)
	}
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 50*50 {
		t.Errorf("got %d events, want 2500 (50 sources x 50 targets)", len(doc.Events))
	}
	// a cycle in the heads must not loop
	for i := range doc.Tokens {
		doc.Tokens[i].Head = (i + 1) % len(doc.Tokens)
	}
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkLongSentence(b *testing.B) {
	c := testCoder(b)
	doc := longSentence()
	for b.Loop() {
		if err := c.Annotate(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzCode builds a sentence whose heads, relations and tags come from the
// fuzzer and checks that coding never panics and every span is in bounds.
func FuzzCode(f *testing.F) {
	f.Add([]byte{3, 1, 0, 2, 2, 5, 1, 4, 9})
	f.Add([]byte("the military refused to support him"))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzOne(t, in) })
}

var fuzzCoder *Coder

func fuzzOne(t *testing.T, in []byte) {
	if fuzzCoder == nil {
		fuzzCoder = testCoder(t)
	}
	c := fuzzCoder
	words := []string{"Russia", "accused", "talks", "held", "support", "refused", "to", "in", "not", "will", "with", "by", "of", "'s", "him"}
	lemmas := []string{"Russia", "accuse", "talk", "hold", "support", "refuse", "to", "in", "not", "will", "with", "by", "of", "'s", "he"}
	pos := []string{"PROPN", "VERB", "NOUN", "VERB", "NOUN", "VERB", "PART", "ADP", "PART", "AUX", "ADP", "ADP", "ADP", "PART", "PRON"}
	rels := []string{"nsubj", "obj", "obl", "xcomp", "conj", "nmod:poss", "case", "mark", "advmod", "aux", "compound:prt", "nsubj:pass", "obl:agent", "acl", "ccomp", "root", "nmod", "det"}
	{
		if len(in) > 600 {
			in = in[:600]
		}
		doc := dateline.NewDocument(dateline.Article{ID: "fuzz"})
		var b strings.Builder
		for i := 0; i+2 < len(in); i += 3 {
			w := int(in[i]) % len(words)
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			sp := dateline.Span{Start: b.Len(), End: b.Len() + len(words[w])}
			b.WriteString(words[w])
			head := int(in[i+1]) - 2 // may be out of range, -1, or a cycle
			doc.Tokens = append(doc.Tokens, dateline.Token{Span: sp, Text: words[w], Lemma: lemmas[w], POS: pos[w],
				Head: head, Rel: rels[int(in[i+2])%len(rels)]})
			if w == 0 || w == 14 {
				doc.Entities = append(doc.Entities, dateline.Entity{ID: fmt.Sprint(i), Actor: "RUS", Mentions: []dateline.EntityMention{{Span: sp}}})
			}
		}
		doc.Text = b.String()
		n := len(doc.Tokens)
		doc.Sentences = []dateline.Sentence{{Span: dateline.Span{End: len(doc.Text)}, Tokens: dateline.Range{End: n}}}
		if len(in) > 0 && in[0]%5 == 0 { // a broken sentence range
			doc.Sentences[0].Tokens.End = n + 3
		}
		if err := c.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Events {
			for _, sp := range []dateline.Span{e.Sentence, e.Trigger} {
				if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start > sp.End {
					t.Fatalf("span %v out of bounds %d", sp, len(doc.Text))
				}
			}
			if e.Code == "" || e.Root == "" {
				t.Fatalf("event without code: %+v", e)
			}
		}
	}
}
