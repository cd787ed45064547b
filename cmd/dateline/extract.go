package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/ingest"
	"github.com/dateline-news/dateline/pipeline"
)

// defaultMaxBytes is the largest article extract reads unless --max-bytes
// raises it: far above any news story, low enough to bound memory.
const defaultMaxBytes = 16 << 20

// extractFlags are the flags of "dateline extract".
type extractFlags struct {
	jsonl    bool
	date     string
	output   string
	layers   string
	maxBytes int64
	workers  int
	beam     int
	minConf  float64
	dicts    fileList
	patterns fileList
}

func runExtract(ctx context.Context, e env, args []string) error {
	var f extractFlags
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline extract [--jsonl] [--date YYYY-MM-DD] [-o json|jsonl|table] [FILE|-]")
		fs.PrintDefaults()
	}
	fs.BoolVar(&f.jsonl, "jsonl", false, `input is JSON Lines, one article a line {"id","text","title"?,"date"?,"url"?}; output one document a line`)
	fs.StringVar(&f.date, "date", "", "the article's date `YYYY-MM-DD` when the text does not give it")
	fs.StringVar(&f.output, "o", "", "output `FORMAT`: json (indented, the default for one article), jsonl (one line a document, the default with --jsonl) or table")
	fs.StringVar(&f.layers, "layers", "", "extra layers to print, comma-separated: `syntax` (tokens with tags, lemmas and the parse)")
	fs.Int64Var(&f.maxBytes, "max-bytes", defaultMaxBytes, "refuse an article (or JSON line) larger than `N` bytes")
	fs.IntVar(&f.workers, "j", runtime.NumCPU(), "articles processed at once with --jsonl")
	fs.Var(&f.dicts, "dict", "user actor dictionary `FILE` read after the shipped one (repeatable; docs/dictionaries.md)")
	fs.IntVar(&f.beam, "beam", 0, "parser beam width `N` (0: the default; 1: greedy, about twice as fast to parse)")
	fs.Var(&f.patterns, "patterns", "user event pattern `FILE` read after the shipped ones (repeatable; docs/patterns.md)")
	fs.Float64Var(&f.minConf, "min-confidence", 0, "print only events coded with at least this confidence `C` (0 to 1; docs/patterns.md)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if f.minConf < 0 || f.minConf > 1 {
		return fmt.Errorf("%w: --min-confidence %v: want 0 to 1", errUsage, f.minConf)
	}
	if f.output == "" {
		f.output = "json"
		if f.jsonl {
			f.output = "jsonl"
		}
	}
	if f.output != "json" && f.output != "jsonl" && f.output != "table" {
		return fmt.Errorf("%w: -o must be json, jsonl or table, not %q", errUsage, f.output)
	}
	syntax := false
	for l := range strings.SplitSeq(f.layers, ",") {
		switch strings.TrimSpace(l) {
		case "":
		case "syntax":
			syntax = true
		default:
			return fmt.Errorf("%w: unknown layer %q (syntax)", errUsage, l)
		}
	}
	var published time.Time
	if f.date != "" {
		t, err := time.Parse(time.DateOnly, f.date)
		if err != nil {
			return fmt.Errorf("%w: --date %q is not YYYY-MM-DD", errUsage, f.date)
		}
		published = t
	}
	p, err := newPipeline(pipeline.Config{Dicts: f.dicts, Patterns: f.patterns, ParseBeam: f.beam})
	if err != nil {
		return err
	}
	r, name, done, err := openInput(e, fs)
	if err != nil {
		return err
	}
	defer done()
	out := &printer{w: bufio.NewWriter(e.stdout), format: f.output, syntax: syntax, minConf: f.minConf}
	defer out.w.Flush()
	if f.jsonl {
		return extractJSONL(ctx, e, p, r, name, f, published, out)
	}
	b, err := io.ReadAll(io.LimitReader(r, f.maxBytes+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(b)) > f.maxBytes {
		return fmt.Errorf("%s: %w: more than %d bytes (raise the limit with --max-bytes)", name, dateline.ErrTooLarge, f.maxBytes)
	}
	a, err := readArticle(name, b)
	if err != nil {
		return err
	}
	a.ID, a.Source = articleID(name), name
	if a.Date.IsZero() {
		a.Date = published
	}
	doc := dateline.NewDocument(a)
	if err := p.Run(ctx, doc); err != nil {
		return err
	}
	return out.print(doc)
}

// readArticle reads one article: an HTML page through the article
// extractor, anything else as a plain-text wire story.
func readArticle(name string, b []byte) (dateline.Article, error) {
	var (
		a   dateline.Article
		err error
	)
	if ingest.Detect(strings.ToLower(name), b[:min(len(b), 512)]) == ingest.HTML {
		a, err = ingest.ReadHTML(b, "")
	} else {
		a, err = ingest.ReadText(b)
	}
	if err != nil {
		return a, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

func articleID(name string) string {
	if name == "standard input" {
		return "stdin"
	}
	return name
}

// job is one article on its way through the workers, printed in input order.
type job struct {
	line int
	doc  *dateline.Document
	err  error
	done chan struct{}
}

// extractJSONL streams JSON Lines through the pipeline with f.workers
// workers, printing documents in input order. A bad line is reported on
// stderr with its number and skipped; the command then exits non-zero.
func extractJSONL(ctx context.Context, e env, p dateline.Pipeline, r io.Reader, name string, f extractFlags, published time.Time, out *printer) error {
	workers := max(f.workers, 1)
	todo := make(chan *job, workers)
	order := make(chan *job, 2*workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	for range workers {
		go func() {
			for j := range todo {
				if j.err == nil {
					j.err = p.Run(ctx, j.doc)
				}
				close(j.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(todo)
		readErr <- readJSONL(ctx, r, f.maxBytes, published, func(j *job) bool {
			select {
			case order <- j:
			case <-ctx.Done():
				return false
			}
			select {
			case todo <- j:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()

	bad := 0
	var printErr error
	for j := range order {
		<-j.done
		if j.err != nil {
			bad++
			fmt.Fprintf(e.stderr, "dateline: %s:%d: skipped: %v\n", name, j.line, j.err)
			continue
		}
		if printErr == nil {
			if printErr = out.print(j.doc); printErr != nil {
				cancel()
			}
		}
	}
	if printErr != nil {
		return printErr
	}
	if err := <-readErr; err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if bad > 0 {
		return fmt.Errorf("%s: %d bad records skipped (see above)", name, bad)
	}
	return nil
}

// readJSONL reads articles from r one line at a time and hands each to
// send, stopping when send reports false.
func readJSONL(ctx context.Context, r io.Reader, maxBytes int64, published time.Time, send func(*job) bool) error {
	return ingest.ReadJSONL(r, maxBytes, func(line int, a dateline.Article, _ int64, err error) error {
		j := &job{line: line, err: err, done: make(chan struct{})}
		if err == nil {
			if a.Date.IsZero() {
				a.Date = published
			}
			j.doc = dateline.NewDocument(a)
		}
		if !send(j) {
			return ctx.Err()
		}
		return nil
	})
}
