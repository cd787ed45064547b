package segment

import (
	"context"
	"testing"

	"github.com/dateline-news/dateline"
)

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"", "Hello world. It's me!", "MOSCOW, May 5. /TASS/. Lavrov met U.S. Gen. J. Smith.\n\nNext (para).",
		"http://x.org/a_(b)). e-mail@x.co,", "can't won't gonna ’s ’ll n’t", "\xff\xfe. \xc3. A.\xe2\x80",
		"1-2-3-4-5-a 713-853-3989 ... !!! ?! :-) [1] 2. x", "“”‘’«»—–…\u00a0\u200b", "a-b-c-d-e-f-g", "(((((((((((",
	} {
		f.Add(s, 0, 0)
	}
	seg := New()
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		doc := &dateline.Document{Text: text}
		// Arbitrary title and paragraph spans, possibly out of bounds.
		sp := dateline.Span{Start: a % 64, End: b % 64}
		doc.TitleSpan = &sp
		doc.Headings = []dateline.Heading{{Span: dateline.Span{Start: b % 32, End: a % 128}}}
		if a%3 == 0 {
			doc.Paragraphs = []dateline.Span{{Start: 0, End: len(text) / 2}, {Start: len(text) / 3, End: len(text) + a%5}}
		}
		if err := seg.Annotate(context.Background(), doc); err != nil {
			t.Fatalf("Annotate: %v", err)
		}
		checkInvariants(t, doc)
	})
}
