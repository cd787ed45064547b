package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/pipeline"
)

// BenchmarkReuters runs the whole pipeline over the first 200 Reuters
// stories; the reported MB/s is article text per second (run with
// -cpu 1 for one core).
func BenchmarkReuters(b *testing.B) {
	arts, err := readBench(shared.Path(b, "corpora/reuters21578/reuters21578.jsonl.gz"), 200)
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	b.SetBytes(int64(n))
	ctx := context.Background()
	for b.Loop() {
		for _, a := range arts {
			if err := p.Run(ctx, dateline.NewDocument(a)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestBenchCommand(t *testing.T) {
	path := shared.Path(t, "corpora/reuters21578/reuters21578.jsonl.gz")
	var out bytes.Buffer
	e := env{stdout: &out, stderr: &out}
	if err := runBench(context.Background(), e, []string{"-n", "5", "--json", path}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"articles":5`, `"mb_per_s":`, `"peak_rss_mb":`} {
		if !strings.Contains(out.String(), k) {
			t.Errorf("output lacks %s: %s", k, out.String())
		}
	}
	arts, err := readBench(path, 1)
	if err != nil || len(arts) != 1 || !strings.HasPrefix(arts[0].Text, "SALVADOR, Feb 26 - ") {
		t.Errorf("dateline not in front: %v %q", err, arts[0].Text[:30])
	}
}
