package server

import (
	"os"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
)

func readTestArticle(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// joinedText returns the text inside every piece of the mark key, in order.
func joinedText(ps []piece, key string) string {
	var b strings.Builder
	var stack []string
	for _, p := range ps {
		switch {
		case p.Open != nil:
			stack = append(stack, p.Open.Key)
		case p.Close:
			stack = stack[:len(stack)-1]
		default:
			for _, k := range stack {
				if k == key {
					b.WriteString(p.Text)
					break
				}
			}
		}
	}
	return b.String()
}

// draw writes pieces as brackets: [key text].
func draw(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		switch {
		case p.Open != nil:
			b.WriteString("[" + p.Open.Key + " ")
		case p.Close:
			b.WriteString("]")
		default:
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func TestHighlight(t *testing.T) {
	sp := func(s, e int) dateline.Span { return dateline.Span{Start: s, End: e} }
	tests := []struct {
		name  string
		text  string
		marks []mark
		want  string
	}{
		{"none", "abc", nil, "abc"},
		{"one", "abcdef", []mark{{Span: sp(1, 3), Key: "a"}}, "a[a bc]def"},
		{"nested", "abcdef", []mark{{Span: sp(2, 3), Key: "in"}, {Span: sp(0, 6), Key: "out"}}, "[out ab[in c]def]"},
		{"crossing", "abcdef", []mark{{Span: sp(0, 4), Key: "a"}, {Span: sp(2, 6), Key: "b"}}, "[a ab[b cd]][b ef]"},
		{"equal spans by layer", "abc", []mark{{Span: sp(0, 3), Key: "in", Layer: 2}, {Span: sp(0, 3), Key: "out", Layer: 1}}, "[out [in abc]]"},
		{"adjacent", "abcd", []mark{{Span: sp(0, 2), Key: "a"}, {Span: sp(2, 4), Key: "b"}}, "[a ab][b cd]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := highlight(tt.text, tt.marks)
			if d := draw(got); d != tt.want {
				t.Errorf("highlight = %q, want %q", d, tt.want)
			}
			checkPieces(t, tt.text, tt.marks, got)
		})
	}
}

// checkPieces checks that ps draws text whole, opens and closes in balance,
// and covers each mark's span with that mark's pieces.
func checkPieces(t *testing.T, text string, ms []mark, ps []piece) {
	t.Helper()
	var all strings.Builder
	depth := 0
	ids := map[string]int{}
	for _, p := range ps {
		switch {
		case p.Open != nil:
			depth++
			if p.Open.ID != "" {
				ids[p.Open.ID]++
			}
		case p.Close:
			if depth--; depth < 0 {
				t.Fatal("a piece closes what is not open")
			}
		default:
			all.WriteString(p.Text)
		}
	}
	if depth != 0 || all.String() != text {
		t.Errorf("pieces draw %q with %d left open; want %q", all.String(), depth, text)
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("anchor %q on %d pieces", id, n)
		}
	}
	// The pieces of a key cover the bytes of its marks (a quote in parts
	// has several marks), each once.
	covered := map[string][]bool{}
	for _, m := range ms {
		if covered[m.Key] == nil {
			covered[m.Key] = make([]bool, len(text))
		}
		for i := m.Span.Start; i < m.Span.End; i++ {
			covered[m.Key][i] = true
		}
	}
	for key, c := range covered {
		var want []byte
		for i, in := range c {
			if in {
				want = append(want, text[i])
			}
		}
		if got := joinedText(ps, key); got != string(want) {
			t.Errorf("mark %s covers %q, want %q", key, got, want)
		}
	}
}

func TestMarksDropBadSpans(t *testing.T) {
	d := dateline.NewDocument(dateline.Article{})
	d.Text = "Señor López said so."
	d.Sentences = []dateline.Sentence{{Span: dateline.Span{Start: 0, End: len(d.Text)}}}
	d.Timexes = []dateline.Timex{
		{Span: dateline.Span{Start: -1, End: 3}},            // before the text
		{Span: dateline.Span{Start: 5, End: 99}},            // past it
		{Span: dateline.Span{Start: 3, End: 4}},             // inside "ñ"
		{Span: dateline.Span{Start: 4, End: 4}},             // empty
		{Span: dateline.Span{Start: 0, End: 6}, Value: "X"}, // "Señor"
	}
	ms := marks(d)
	if len(ms) != 2 || ms[1].Span.End != 6 {
		t.Fatalf("marks %+v; want the sentence and one timex", ms)
	}
	checkPieces(t, d.Text, ms, highlight(d.Text, ms))
}

// FuzzHighlight checks that any marks, in the text or not, draw the text
// whole with balanced pieces.
func FuzzHighlight(f *testing.F) {
	f.Add("Peru met Chile.", 0, 4, 2, 9, 5, 15)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		doc := dateline.NewDocument(dateline.Article{})
		doc.Text = text
		doc.Timexes = []dateline.Timex{{Span: dateline.Span{Start: a, End: b}}, {Span: dateline.Span{Start: e, End: g}}}
		doc.Quotes = []dateline.Quote{{Span: dateline.Span{Start: c, End: d}, Parts: []dateline.Span{{Start: a, End: d}, {Start: c, End: g}}}}
		doc.Events = []dateline.Event{{Trigger: dateline.Span{Start: b, End: e}}}
		ms := marks(doc)
		checkPieces(t, text, ms, highlight(text, ms))
	})
}
