package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/ingest"
	"github.com/dateline-news/dateline/pipeline"
	"github.com/dateline-news/dateline/store/postgres"
	"github.com/dateline-news/dateline/store/sqlite"
	"github.com/schollz/progressbar/v3"
)

// openStore opens the store named by db: a postgres:// or postgresql://
// URL opens PostgreSQL, anything else is the path of a SQLite file.
func openStore(ctx context.Context, db string) (dateline.Store, error) {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// dbSize returns the size in bytes of a SQLite database with its WAL, or
// of a PostgreSQL database; -1 when unknown.
func dbSize(ctx context.Context, st dateline.Store, db string) int64 {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		if s, ok := st.(interface {
			DBSize(context.Context) (int64, error)
		}); ok {
			if n, err := s.DBSize(ctx); err == nil {
				return n
			}
		}
		return -1
	}
	var n int64
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(db + suffix); err == nil {
			n += fi.Size()
		}
	}
	return n
}

func runIngest(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "events.db", "database: a SQLite file or a postgres:// URL")
	workers := fs.Int("j", runtime.NumCPU(), "articles annotated in parallel")
	fetch := fs.Bool("fetch", false, "for feeds, download and extract the page each entry links to")
	batch := fs.Int("batch", 64, "documents per transaction")
	maxBytes := fs.Int64("max-bytes", 32<<20, "largest file, record or article accepted")
	quiet := fs.Bool("q", false, "no progress, only the summary")
	var qf queueFlags
	qf.register(fs, "publish the articles to the NATS JetStream queue at `URL` (nats://host:4222) for `dateline worker` instead of coding them here")
	var dicts, patterns fileList
	fs.Var(&dicts, "dict", "user actor dictionary `FILE` read after the shipped one (repeatable)")
	fs.Var(&patterns, "patterns", "user event pattern `FILE` read after the shipped ones (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline ingest [flags] PATH...\n\nReads files and folders (recursively): plain text, JSON Lines articles\n{\"id\",\"text\",\"title\",\"date\",\"url\",\"dateline\"}, HTML pages, RSS/Atom feeds, WARC(.gz);\nannotates each new article and stores it. Running it again adds only what is missing.\nIn a folder only article files are read: "+strings.Join(ingest.ArticleExts, " ")+"\n(or these gzipped), and JSON only when it holds articles; other files are skipped.\nWith --queue, publishes the articles for workers (dateline worker) instead.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: ingest needs at least one PATH", errUsage)
	}
	if qf.url != "" {
		r := ingest.New()
		r.Fetch, r.MaxBytes = *fetch, *maxBytes
		return publishPaths(ctx, e, &qf, r, fs.Args())
	}
	p, err := newPipeline(pipeline.Config{Dicts: dicts, Patterns: patterns})
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	r := ingest.New()
	r.Fetch, r.MaxBytes = *fetch, *maxBytes
	b := &ingest.Batch{Reader: r, Pipeline: p, Store: st, Workers: *workers, BatchSize: *batch}
	b.Bad = func(it ingest.Item) { fmt.Fprintf(e.stderr, "bad record: %s: %v\n", it.Loc, it.Err) }
	var skipped skipNotes
	b.Skipped = skipped.add
	if !*quiet {
		b.Progress = progress(e.stderr)
	}
	sum, err := b.Run(ctx, fs.Args())
	skipped.print(e.stderr)
	secs := sum.Elapsed.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	fmt.Fprintf(e.stdout, "ingested %d articles (%.1f MB) in %.1fs: %d added, %d already stored, %d bad records; %.0f articles/s, %.2f MB/s",
		sum.Read, float64(sum.Bytes)/1e6, secs, sum.Added, sum.Existing, sum.Bad,
		float64(sum.Read)/secs, float64(sum.Bytes)/1e6/secs)
	if sum.Skipped > 0 {
		fmt.Fprintf(e.stdout, "; %d files skipped (not articles)", sum.Skipped)
	}
	if n := dbSize(ctx, st, *db); n >= 0 {
		fmt.Fprintf(e.stdout, "; database %.1f MB", float64(n)/1e6)
	}
	fmt.Fprintln(e.stdout)
	return err
}

// skipNotes gathers the files a folder walk skipped, by kind, to print
// one note per kind rather than a line per file.
type skipNotes struct {
	kinds []string
	files map[string][]string
}

func (n *skipNotes) add(it ingest.Item) {
	var skip *ingest.SkipError
	if !errors.As(it.Err, &skip) {
		return
	}
	if n.files == nil {
		n.files = map[string][]string{}
	}
	if _, ok := n.files[skip.Kind]; !ok {
		n.kinds = append(n.kinds, skip.Kind)
	}
	n.files[skip.Kind] = append(n.files[skip.Kind], it.Loc)
}

// print writes a line per kind of file skipped, with the first few.
func (n *skipNotes) print(w io.Writer) {
	const shown = 3
	for _, k := range n.kinds {
		paths := n.files[k]
		list := strings.Join(paths[:min(len(paths), shown)], ", ")
		if len(paths) > shown {
			list += fmt.Sprintf(" and %d more", len(paths)-shown)
		}
		fmt.Fprintf(w, "skipped %s: %s\n", k, list)
	}
}

// progress returns the batch's progress callback: a bar with rate and ETA
// when w is a terminal, plain lines every ten seconds otherwise.
func progress(w io.Writer) func(ingest.Summary) {
	if f, ok := w.(*os.File); ok && isTerminal(f) {
		var bar *progressbar.ProgressBar
		return func(s ingest.Summary) {
			if bar == nil {
				bar = progressbar.NewOptions64(max(s.TotalBytes, 1),
					progressbar.OptionSetWriter(w), progressbar.OptionShowBytes(true),
					progressbar.OptionSetPredictTime(true), progressbar.OptionSetElapsedTime(true),
					progressbar.OptionSetWidth(30), progressbar.OptionThrottle(200*time.Millisecond),
					progressbar.OptionShowDescriptionAtLineEnd(), progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }))
			}
			bar.Describe(fmt.Sprintf("%d read, %d added, %d stored before, %d bad", s.Read, s.Added, s.Existing, s.Bad))
			bar.Set64(min(s.InputBytes, s.TotalBytes))
		}
	}
	var last time.Time
	return func(s ingest.Summary) {
		if time.Since(last) < 10*time.Second {
			return
		}
		last = time.Now()
		secs := max(s.Elapsed.Seconds(), 1e-9)
		pct := 0.0
		if s.TotalBytes > 0 {
			pct = 100 * float64(s.InputBytes) / float64(s.TotalBytes)
		}
		fmt.Fprintf(w, "ingest: %.0f%% of input, %d read, %d added, %d stored before, %d bad, %.0f articles/s\n",
			pct, s.Read, s.Added, s.Existing, s.Bad, float64(s.Read)/secs)
	}
}
