package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/store/sqlite"
)

// The kill test re-runs this test binary as an ingesting child process.
const (
	childDB    = "DATELINE_TEST_INGEST_DB"
	childPaths = "DATELINE_TEST_INGEST_PATHS"
)

func TestMain(m *testing.M) {
	if db := os.Getenv(childDB); db != "" {
		os.Exit(ingestChild(db, strings.Split(os.Getenv(childPaths), string(os.PathListSeparator))))
	}
	os.Exit(m.Run())
}

// ingestChild ingests paths into db with a slow pipeline and prints the
// summary as JSON.
func ingestChild(db string, paths []string) int {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	b := &Batch{Pipeline: testPipeline(3 * time.Millisecond), Store: st, Workers: 2, BatchSize: 8, FlushEvery: 20 * time.Millisecond}
	sum, err := b.Run(ctx, paths)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	json.NewEncoder(os.Stdout).Encode(sum)
	return 0
}

// testPipeline stands in for the real stages: it freezes the text and
// codes one event on the first sentence, so that stored documents carry
// layers; it rejects articles that say "poison".
func testPipeline(delay time.Duration) dateline.Pipeline {
	return dateline.Pipeline{dateline.AnnotatorFunc(func(ctx context.Context, d *dateline.Document) error {
		time.Sleep(delay)
		if strings.Contains(d.Raw, "poison") {
			return errors.New("poisoned article")
		}
		d.Text = d.Raw
		end := strings.IndexByte(d.Text, '.')
		if end < 0 {
			end = len(d.Text) - 1
		}
		s := dateline.Span{Start: 0, End: end + 1}
		d.Sentences = append(d.Sentences, dateline.Sentence{Span: s})
		d.Events = append(d.Events, dateline.Event{ID: "ev1", Code: "010", Root: "01",
			Source: dateline.Participant{Actor: "USAGOV", Name: "Washington"}, Mood: "asserted",
			Sentence: s, Trigger: dateline.Span{Start: 0, End: 1}})
		return nil
	})}
}

var (
	places = []string{"WASHINGTON", "MOSCOW", "PARIS", "CARACAS", "TOKYO", "NAIROBI", "LIMA", "BERLIN"}
	actors = []string{"The government", "The foreign minister", "Opposition leaders", "The central bank", "Union officials", "The army"}
	verbs  = []string{"said it would meet", "criticised", "agreed to talk with", "rejected a proposal from", "praised", "threatened to sanction"}
	others = []string{"its neighbours", "the United Nations", "foreign investors", "the rebels", "the press", "regional leaders"}
)

// story returns generated wire story i: a dateline and a few sentences.
func story(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s %d - ", places[r.IntN(len(places))], time.Month(1+r.IntN(12)), 1+r.IntN(28))
	for s := range 2 + r.IntN(4) {
		if s > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s %s %s on day %d of story %d.", actors[r.IntN(len(actors))], verbs[r.IntN(len(verbs))], others[r.IntN(len(others))], r.IntN(1000), i)
	}
	return b.String()
}

// writeCorpus writes n generated stories: most as JSON Lines in two files,
// the rest as text files in a sub-folder; plus one bad JSON line and one
// binary file. It returns the folder.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "wire"), 0o755)
	nText := n / 6
	var jl [2]strings.Builder
	for i := range n - nText {
		b, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("gen:%d", i), "text": story(i), "date": "2019-05-05"})
		jl[i%2].Write(b)
		jl[i%2].WriteByte('\n')
		if i == 10 {
			jl[0].WriteString("{\"id\": broken\n")
		}
	}
	for k := range jl {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("part%d.jsonl", k)), []byte(jl[k].String()), 0o644)
	}
	for i := n - nText; i < n; i++ {
		os.WriteFile(filepath.Join(dir, "wire", fmt.Sprintf("%04d.txt", i)), []byte(story(i)), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "wire", "photo.jpg"), []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), 0o644)
	return dir
}

func countDocs(t *testing.T, db string) (docs, events int) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Documents, s.Events
}

func TestBatch(t *testing.T) {
	dir := writeCorpus(t, 60)
	os.WriteFile(filepath.Join(dir, "wire", "poison.txt"), []byte("This article is poison."), 0o644)
	// The same story twice in the input is one document.
	os.WriteFile(filepath.Join(dir, "wire", "copy.txt"), []byte(story(59)), 0o644)
	db := filepath.Join(t.TempDir(), "events.db")
	ctx := context.Background()
	for run, want := range []Summary{
		{Read: 62, Added: 60, Existing: 1, Bad: 2, Skipped: 1},
		{Read: 62, Added: 0, Existing: 61, Bad: 2, Skipped: 1},
	} {
		st, err := sqlite.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		var bad, skipped []string
		progress := 0
		b := &Batch{Pipeline: testPipeline(0), Store: st, Workers: 2, BatchSize: 7,
			Bad:      func(it Item) { bad = append(bad, strings.TrimPrefix(it.Loc, dir+"/")) },
			Skipped:  func(it Item) { skipped = append(skipped, strings.TrimPrefix(it.Loc, dir+"/")+": "+it.Err.Error()) },
			Progress: func(Summary) { progress++ }}
		got, err := b.Run(ctx, []string{dir})
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got.Read != want.Read || got.Added != want.Added || got.Existing != want.Existing || got.Bad != want.Bad || got.Skipped != want.Skipped {
			t.Errorf("run %d: %+v, want %+v", run+1, got, want)
		}
		if progress == 0 || got.TotalBytes == 0 || got.InputBytes != got.TotalBytes {
			t.Errorf("run %d: progress called %d times, input %d of %d bytes", run+1, progress, got.InputBytes, got.TotalBytes)
		}
		if fmt.Sprint(bad) != "[part0.jsonl:7 wire/poison.txt]" {
			t.Errorf("run %d: bad records %v", run+1, bad)
		}
		if fmt.Sprint(skipped) != "[wire/photo.jpg: skipped: .jpg files (not an article format)]" {
			t.Errorf("run %d: skipped %v", run+1, skipped)
		}
	}
	if docs, events := countDocs(t, db); docs != 60 || events != 60 {
		t.Errorf("stored %d documents, %d events; want 60, 60", docs, events)
	}
}

// TestKillResume kills an ingesting process with SIGKILL part-way, then
// runs it again: the second run must complete the corpus with no document
// lost or doubled, and a third run must add nothing.
func TestKillResume(t *testing.T) {
	if testing.Short() {
		t.Skip("re-runs the test binary")
	}
	const n = 300
	dir := writeCorpus(t, n)
	db := filepath.Join(t.TempDir(), "events.db")
	child := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childDB+"="+db, childPaths+"="+dir)
		return cmd
	}

	cmd := child()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	killedAt := 0
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		if docs, _ := countDocs(t, db); docs >= n/5 {
			cmd.Process.Kill() // SIGKILL: no chance to commit or clean up
			killedAt = docs
			break
		}
	}
	cmd.Wait()
	if killedAt == 0 {
		t.Fatal("the child stored too few documents to be killed part-way")
	}
	before, _ := countDocs(t, db)
	if before >= n {
		t.Fatalf("the child finished (%d documents) before it was killed", before)
	}
	t.Logf("killed with %d documents committed", before)

	for run, wantAdded := range []int{n - before, 0} {
		out, err := child().Output()
		if err != nil {
			t.Fatalf("run %d: %v", run+2, err)
		}
		var sum Summary
		if err := json.Unmarshal(out, &sum); err != nil {
			t.Fatalf("run %d: %v: %s", run+2, err, out)
		}
		if sum.Added != wantAdded || sum.Read != n || sum.Bad != 1 || sum.Skipped != 1 {
			t.Errorf("run %d: %+v, want %d added of %d read, 1 bad and 1 skipped", run+2, sum, wantAdded, n)
		}
		docs, events := countDocs(t, db)
		if docs != n || events != n {
			t.Errorf("after run %d: %d documents, %d events; want %d", run+2, docs, events, n)
		}
	}
}

// BenchmarkIngestReuters measures the ingest machinery without the NLP
// stages: reading 3,000 Reuters-21578 stories (JSON Lines), checking
// identity, and storing them in a new SQLite file, with the stand-in
// pipeline.
func BenchmarkIngestReuters(b *testing.B) {
	src := shared.Path(b, "corpora/reuters21578/reuters21578.jsonl.gz")
	f, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<24)
	var jl bytes.Buffer
	for n := 0; n < 3000 && sc.Scan(); n++ {
		jl.Write(sc.Bytes())
		jl.WriteByte('\n')
	}
	path := filepath.Join(b.TempDir(), "reuters.jsonl")
	os.WriteFile(path, jl.Bytes(), 0o644)
	ctx := context.Background()
	var articles int
	var bytesIn int64
	i := 0
	for b.Loop() {
		i++
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := (&Batch{Pipeline: testPipeline(0), Store: st}).Run(ctx, []string{path})
		st.Close()
		if err != nil {
			b.Fatal(err)
		}
		articles += sum.Added
		bytesIn += sum.Bytes
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(articles)/secs, "articles/s")
	b.ReportMetric(float64(bytesIn)/1e6/secs, "MB/s")
}
