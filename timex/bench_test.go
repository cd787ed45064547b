package timex

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/shared"
)

// reuters reads about n bytes of Reuters-21578 story texts.
func reuters(b *testing.B, n int) []string {
	path := shared.Path(b, "corpora/reuters21578/reuters21578.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []string
	total := 0
	for sc.Scan() && total < n {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		out = append(out, r.Text)
		total += len(r.Text)
	}
	return out
}

// BenchmarkStage measures the whole time stage (recognition, the article
// date, resolution) on about 2 MB of Reuters stories, without the
// segmenter and tagger.
func BenchmarkStage(b *testing.B) {
	texts := reuters(b, 2<<20)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total))
	st := New()
	ctx := context.Background()
	cpu0 := cpuTime()
	n := 0
	defer func() { reportCPU(b, cpu0, n*total) }()
	for b.Loop() {
		n++
		for _, t := range texts {
			doc := &dateline.Document{Text: t}
			doc.Dateline = &dateline.Dateline{MonthDay: "02-26"}
			if err := st.Annotate(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRecognise measures the recogniser alone on news-like text that
// needs no shared data.
func BenchmarkRecognise(b *testing.B) {
	text := strings.Repeat("On January 23, Venezuelan opposition figurehead Juan Guaido, whose appointment as parliamentary speaker had been annulled by the Supreme Court two days earlier, proclaimed himself as acting president. The political standoff continued for several months until April 30. On Tuesday, Guaido tweeted a video. ", 200)
	b.SetBytes(int64(len(text)))
	var sc scanner
	var out []Expr
	cpu0 := cpuTime()
	n := 0
	defer func() { reportCPU(b, cpu0, n*len(text)) }()
	for b.Loop() {
		n++
		out = sc.recognise(text, out[:0])
	}
}
