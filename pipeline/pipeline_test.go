package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/dateline-news/dateline"
)

// checkLayers verifies that every span of every layer lies inside the text.
func checkLayers(t *testing.T, doc *dateline.Document) {
	t.Helper()
	in := func(what string, sp dateline.Span) {
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start > sp.End {
			t.Fatalf("%s span %v outside the text (%d bytes)", what, sp, len(doc.Text))
		}
	}
	for _, s := range doc.Sentences {
		in("sentence", s.Span)
		if s.Tokens.Start < 0 || s.Tokens.End > len(doc.Tokens) || s.Tokens.Start > s.Tokens.End {
			t.Fatalf("sentence token range %v outside %d tokens", s.Tokens, len(doc.Tokens))
		}
	}
	for _, tok := range doc.Tokens {
		in("token", tok.Span)
		if tok.Head < -1 || tok.Head >= len(doc.Tokens) {
			t.Fatalf("token head %d outside %d tokens", tok.Head, len(doc.Tokens))
		}
	}
	for _, m := range doc.Mentions {
		in("mention", m.Span)
	}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			in("entity mention", m.Span)
		}
	}
	for _, x := range doc.Timexes {
		in("timex", x.Span)
	}
	for _, q := range doc.Quotes {
		in("quote", q.Span)
	}
	for _, ev := range doc.Events {
		in("event sentence", ev.Sentence)
		in("event trigger", ev.Trigger)
	}
}

func run(t *testing.T, p dateline.Pipeline, text string) *dateline.Document {
	t.Helper()
	doc := dateline.NewDocument(dateline.Article{Text: text})
	if err := p.Run(context.Background(), doc); err != nil {
		if errors.Is(err, dateline.ErrEmpty) || errors.Is(err, dateline.ErrBinary) {
			return nil
		}
		t.Fatalf("Run: %v", err)
	}
	checkLayers(t, doc)
	return doc
}

func TestPathological(t *testing.T) {
	for _, beam := range []int{0, 1} {
		p, err := New(Config{ParseBeam: beam})
		if err != nil {
			t.Fatal(err)
		}
		pathological(t, p)
	}
}

func pathological(t *testing.T, p dateline.Pipeline) {
	names := make([]string, 50)
	for i := range names {
		names[i] = "Country" + strings.Repeat("x", i%7) + " Name"
	}
	for name, text := range map[string]string{
		"unclosed quote":   `MOSCOW, May 5. /TASS/. "He said that the talks would go on, and then`,
		"only punctuation": strings.Repeat(".,;:!?\"'«»“”()[]", 500),
		"conjoined names":  strings.Join(names, ", ") + " and Turkey came out in support of Maduro.",
		"nested quotes":    strings.Repeat(`"He said 'she said "they said «no»"' again," `, 40),
		"long no stop":     strings.Repeat("Russia accused Ukraine of shelling and ", 2000),
		"invalid utf-8":    "LONDON, Jan 5 (Reuters) - Prices \xff\xfe rose.",
		"only newlines":    strings.Repeat("\n", 1000) + "x",
	} {
		t.Run(name, func(t *testing.T) { run(t, p, text) })
	}
}

func FuzzPipeline(f *testing.F) {
	p, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"MOSCOW, May 5. /TASS/. Russian Foreign Minister Sergey Lavrov will hold talks with his Venezuelan counterpart on Sunday.",
		`"We will not leave," he said, "until they do."`,
		"Washington accused Russia of meddling in Venezuela. The military refused to support Guaido.",
		"All news\n\nTitle\n\n© A B/TASS\n\nBERLIN (dpa) - Text.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		run(t, p, text)
	})
}

// TestConcurrent runs one pipeline on several articles at once, as
// extract -j and ingest do, and requires the same documents as one at a
// time (run it with -race to check the stages share no mutable state).
func TestConcurrent(t *testing.T) {
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"MOSCOW, May 5. /TASS/. Russian Foreign Minister Sergey Lavrov will hold talks with his visiting Venezuelan counterpart Jorge Arreaza in Moscow on Sunday. \"There will be an exchange of opinion,\" the ministry said.",
		"WASHINGTON (AP) — Washington accused Russia of meddling in Venezuela on Tuesday. The military refused to support Guaido.",
		"PARIS, Jan 5, 2019 (AFP) - France and Germany agreed to hold talks next week, officials said. Protesters clashed with police.",
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = encode(t, run(t, p, text))
	}
	const rounds = 4
	got := make([]string, rounds*len(texts))
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc := dateline.NewDocument(dateline.Article{Text: texts[i%len(texts)]})
			if err := p.Run(context.Background(), doc); err != nil {
				t.Error(err)
				return
			}
			got[i] = encode(t, doc)
		}()
	}
	wg.Wait()
	for i, g := range got {
		if g != want[i%len(texts)] {
			t.Errorf("article %d run concurrently differs from its sequential run", i%len(texts))
		}
	}
}

func encode(t *testing.T, doc *dateline.Document) string {
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
