package quote

import (
	"testing"
	"unicode/utf8"
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
