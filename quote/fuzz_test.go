package quote

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// FuzzQuotes checks that any text, with unbalanced and mixed quotation
// marks, gives quotes whose spans fit the text and that never run into a
// paragraph that does not open with a quotation mark: a quotation without
// its closing mark ends at the end of its paragraph.
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		`"We will not leave," he said, "until they do."`,
		"Kim said: \"We won.\n\n\"We will win again.\"\n\nThe count ended.",
		"He said \"it never closes\n\nand this paragraph is not a quote. Officials said it was.",
		`“Mixed" «marks» ‘and’ 'stray „ ” ‹›`,
		`Lavrov told the media that Washington's claims were "untrue, to put it mildly."`,
		"\"\"\"\n\n\"\n\"",
		"According to , said: that",
		"' ’ ‘ \" “ ” « »",
		"told", "said,", "and said", ", who said", "as saying", "quoted as saying that", "what he called \"",
		"Kim put it: \"", "He said: \"a\n\n\"b", ", according to", "accused of", "said in a statement: \"x\"",
	} {
		f.Add(s)
	}
	q, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := bare(text)
		paras := paragraphs(doc)
		for _, x := range q.Find(doc) {
			sp := x.Span
			if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
				t.Fatalf("span %v outside the text (%d bytes)", sp, len(text))
			}
			if x.Text != text[sp.Start:sp.End] {
				t.Fatalf("text %q is not its span", x.Text)
			}
			for _, p := range x.Parts {
				if !sp.Contains(p) {
					t.Fatalf("part %v outside span %v", p, sp)
				}
			}
			if x.Cue != nil && (x.Cue.Span.Start < 0 || x.Cue.Span.End > len(text) || x.Cue.Span.Start > x.Cue.Span.End) {
				t.Fatalf("cue span %v outside the text", x.Cue.Span)
			}
			switch x.Kind {
			case Direct, Indirect, Mixed:
			default:
				t.Fatalf("kind %q", x.Kind)
			}
			for _, p := range paras {
				if p.Start > sp.Start && p.Start < sp.End {
					if r, _ := firstRune(text, p); !isQuoteMark(r) {
						t.Fatalf("quote %v runs into paragraph %v, which does not open with a mark", sp, p)
					}
				}
			}
		}
	})
}

// FuzzLayers checks the stage on text with arbitrary earlier layers — a
// parse with cycles and crossing arcs, odd tags, mentions of any span and
// entity — never panics and keeps its spans in the text.
func FuzzLayers(f *testing.F) {
	f.Add(`"We will not leave," he said, "until they do." Lavrov said the talks failed.`, []byte{3, 1, 4, 1, 5, 9, 2, 6})
	f.Add("The talks, diplomats said, could still collapse.", []byte{1, 4, 1, 4, 8, 4, 8, 8, 0, 8})
	f.Add("According to Moscow, he warned that \"steps\" follow.", []byte{255, 0, 7, 7, 7})
	q, err := New()
	if err != nil {
		f.Fatal(err)
	}
	rels := []string{"nsubj", "ccomp", "obj", "advcl", "xcomp", "conj", "nsubj:pass", "root", "punct", "fixed", ""}
	tags := []string{"VERB", "NOUN", "PROPN", "AUX", "DET", "PRON", "PUNCT", ""}
	types := []string{"PERSON", "PER", "ORG", "GPE", "LOC"}
	f.Fuzz(func(t *testing.T, text string, layer []byte) {
		if !utf8.ValidString(text) || len(layer) == 0 {
			return
		}
		doc := bare(text)
		b := func(i int) int { return int(layer[i%len(layer)]) }
		ws := splitText(text)
		for i, w := range ws {
			doc.Tokens = append(doc.Tokens, dateline.Token{Span: w.span, Text: w.text,
				POS: tags[b(i)%len(tags)], Head: b(i+1)%(len(ws)+2) - 2, Rel: rels[b(i+2)%len(rels)]})
		}
		n := len(layer) % 5
		for e := 0; e < n; e++ {
			ent := dateline.Entity{ID: fmt.Sprint("e", e), Name: fmt.Sprint("E", e), Type: types[b(e)%len(types)]}
			for m := 0; m < 3 && len(ws) > 0; m++ {
				s := b(e*3+m) % len(ws)
				end := min(s+b(e+m)%3, len(ws)-1)
				ent.Mentions = append(ent.Mentions, dateline.EntityMention{Span: dateline.Span{Start: ws[s].span.Start, End: ws[end].span.End}})
			}
			doc.Entities = append(doc.Entities, ent)
		}
		if len(ws) > 0 {
			doc.Sentences = []dateline.Sentence{{Span: dateline.Span{Start: 0, End: ws[b(0)%len(ws)].span.End}}}
		}
		for _, x := range q.Find(doc) {
			if x.Span.Start < 0 || x.Span.End > len(text) || x.Span.Start >= x.Span.End || x.Text != text[x.Span.Start:x.Span.End] {
				t.Fatalf("quote span %v does not fit the text", x.Span)
			}
		}
	})
}
