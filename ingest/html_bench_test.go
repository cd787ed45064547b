package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/store/sqlite"
)

type benchPage struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	HTML string `json:"html"`
	Gold string `json:"gold"`
}

func readBenchPages(tb testing.TB) []benchPage {
	tb.Helper()
	path := shared.Path(tb, "corpora/article-extraction-benchmark/pages.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var pages []benchPage
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var p benchPage
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, p)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return pages
}

// TestHTMLBenchmark scores the HTML reader on the 181 pages of the
// article-extraction benchmark with its shingle F1 and checks that
// paragraph breaks are kept.
func TestHTMLBenchmark(t *testing.T) {
	pages := readBenchPages(t)
	if len(pages) != 181 {
		t.Fatalf("read %d pages, want 181", len(pages))
	}
	var sumF, sumP, sumR float64
	multi := 0
	for _, p := range pages {
		a, err := ReadHTML([]byte(p.HTML), p.URL)
		if err != nil {
			t.Logf("%s: %v", p.ID, err)
		}
		pr, rc, f := shingleScore(a.Text, p.Gold)
		sumF, sumP, sumR = sumF+f, sumP+pr, sumR+rc
		if strings.Contains(a.Text, "\n\n") {
			multi++
		}
		if testing.Verbose() && f < 0.8 {
			t.Logf("%s F1 %.3f %s", p.ID, f, p.URL)
		}
	}
	n := float64(len(pages))
	f1 := sumF / n
	mp, mr := sumP/n, sumR/n
	t.Logf("shingle F1 %.4f (mean of per-page F1) over %d pages; mean P %.4f R %.4f, F1 of means %.4f; %d with paragraph breaks",
		f1, len(pages), mp, mr, 2*mp*mr/(mp+mr), multi)
	if f1 < 0.955 {
		t.Errorf("shingle F1 = %.4f, want >= 0.955", f1)
	}
	if multi < len(pages)*9/10 {
		t.Errorf("%d of %d texts have paragraph breaks, want >= 90%%", multi, len(pages))
	}
}

// TestHTMLFolder ingests a folder of 20 benchmark pages (saved as .html
// files, no URL) and expects 20 documents, each with paragraph breaks.
func TestHTMLFolder(t *testing.T) {
	pages := readBenchPages(t)
	dir := t.TempDir()
	for i, p := range pages[:20] {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page%02d.html", i)), []byte(p.HTML), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b := &Batch{Pipeline: testPipeline(0), Store: st, Workers: 2,
		Bad: func(it Item) { t.Errorf("bad record %s: %v", it.Loc, it.Err) }}
	sum, err := b.Run(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 20 || stats.Documents != 20 {
		t.Errorf("added %d, stored %d documents; want 20", sum.Added, stats.Documents)
	}
	breaks := 0
	st.Documents(ctx, dateline.DocumentFilter{}, func(d *dateline.Document) error {
		if strings.Contains(d.Text, "\n\n") {
			breaks++
		}
		return nil
	})
	if breaks != 20 {
		t.Errorf("%d of 20 documents keep paragraph breaks", breaks)
	}
}
