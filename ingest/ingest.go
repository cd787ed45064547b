package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// Format is the kind of a source file.
type Format string

// The formats a [Reader] reads.
const (
	Text  Format = "text"
	JSONL Format = "jsonl"
	HTML  Format = "html"
	Feed  Format = "feed"
	WARC  Format = "warc"
)

// Item is one article read from a source, or a bad record: one that could
// not be read, is not an article or is too large.
type Item struct {
	Article dateline.Article
	// Loc says where the record is: "file", "file:12" (a line),
	// "file#3" (a feed entry or WARC record).
	Loc string
	// Size is the number of input bytes the record took.
	Size int64
	Err  error // non-nil for a bad record
}

// Reader reads articles from files and folders.
type Reader struct {
	// Fetch makes feed entries download and extract the page they link to
	// instead of using the text the feed carries.
	Fetch bool
	// Client fetches pages; nil means a client with a 30 s timeout.
	Client *http.Client
	// MaxBytes is the largest file, record or article accepted (a larger
	// one is a bad record); WARC files themselves may be larger.
	MaxBytes int64

	counter *atomic.Int64 // adds the bytes read from files, for progress
}

// countingReader adds the bytes read through it to n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

// New returns a Reader with the default limits.
func New() *Reader {
	return &Reader{MaxBytes: 32 << 20}
}

// Read reads every path in order, walking folders recursively in name
// order (skipping hidden files), and calls fn with each item. A file named
// in paths is read whatever its name; in a folder only article files are
// read (by name: [ArticleExts]) and every other file becomes an Item whose Err
// is a [*SkipError], as does a JSON, JSON Lines or XML file there that
// holds no articles. A problem with one file or record becomes an Item
// with Err and reading goes on; Read returns the first error fn returns,
// or ctx's error.
func (r *Reader) Read(ctx context.Context, paths []string, fn func(Item) error) error {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			if err := fn(Item{Loc: p, Err: fmt.Errorf("read %s: %w", p, err)}); err != nil {
				return err
			}
			continue
		}
		if !st.IsDir() {
			if err := r.readFile(ctx, p, false, fn); err != nil {
				return err
			}
			continue
		}
		files, err := walkFolder(p)
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		for _, f := range files {
			if f.skip != "" {
				err = fn(Item{Loc: f.path, Err: &SkipError{Kind: f.skip}})
			} else {
				err = r.readFile(ctx, f.path, true, fn)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// ReadFile reads one file, its format told by its name and content, and
// calls fn with each item. A ".gz" file is read through gzip. A ".json"
// file holds one article object, an array of them or JSON Lines.
func (r *Reader) ReadFile(ctx context.Context, path string, fn func(Item) error) error {
	return r.readFile(ctx, path, false, fn)
}

// readFile reads one file as ReadFile does; inFolder says the file was
// found by a folder walk, where a file that holds no articles is skipped
// rather than reported as bad.
func (r *Reader) readFile(ctx context.Context, path string, inFolder bool, fn func(Item) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	bad := func(err error) error {
		return fn(Item{Loc: path, Err: fmt.Errorf("read %s: %w", path, err)})
	}
	f, err := os.Open(path)
	if err != nil {
		return bad(err)
	}
	defer f.Close()
	name := strings.ToLower(filepath.Base(path))
	var in io.Reader = f
	if r.counter != nil {
		in = countingReader{f, r.counter}
	}
	br := bufio.NewReaderSize(in, 64<<10)
	in = br
	head, _ := br.Peek(512)
	if isWARCName(name) || bytes.HasPrefix(head, []byte("WARC/")) {
		// gowarc reads gzip members itself.
		return r.readWARC(ctx, br, path, fn)
	}
	if strings.HasSuffix(name, ".gz") || bytes.HasPrefix(head, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return bad(err)
		}
		defer zr.Close()
		name = strings.TrimSuffix(name, ".gz")
		zb := bufio.NewReaderSize(zr, 64<<10)
		in = zb
		head, _ = zb.Peek(512)
		if bytes.HasPrefix(head, []byte("WARC/")) {
			return r.readWARC(ctx, zb, path, fn)
		}
	}
	format := Detect(name, head)
	if filepath.Ext(name) == ".json" {
		return r.readJSON(ctx, in, path, inFolder, fn)
	}
	if inFolder && filepath.Ext(name) == ".xml" && !isFeed(head) {
		return fn(Item{Loc: path, Err: &SkipError{Kind: "XML files that are not feeds"}})
	}
	if format == JSONL {
		return r.readJSONL(ctx, in, path, inFolder, fn)
	}
	b, err := io.ReadAll(io.LimitReader(in, r.maxBytes()+1))
	if err != nil {
		return bad(err)
	}
	if int64(len(b)) > r.maxBytes() {
		return bad(fmt.Errorf("%w: more than %d bytes", dateline.ErrTooLarge, r.maxBytes()))
	}
	switch format {
	case HTML:
		a, err := ReadHTML(b, "")
		if err != nil {
			return bad(err)
		}
		a.Source = path
		return fn(Item{Article: a, Loc: path, Size: int64(len(b))})
	case Feed:
		return r.readFeed(ctx, b, path, fn)
	default:
		a, err := ReadText(b)
		if err != nil {
			return bad(err)
		}
		a.Source = path
		return fn(Item{Article: a, Loc: path, Size: int64(len(b))})
	}
}

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes <= 0 {
		return 32 << 20
	}
	return r.MaxBytes
}

func (r *Reader) client() *http.Client {
	if r.Client != nil {
		return r.Client
	}
	return &http.Client{Timeout: 30 * time.Second}
}

func isWARCName(name string) bool {
	return strings.HasSuffix(name, ".warc") || strings.HasSuffix(name, ".warc.gz")
}

// Detect tells a file's format from its (lower-case, un-gzipped) name and
// its first bytes.
func Detect(name string, head []byte) Format {
	switch ext := filepath.Ext(name); ext {
	case ".jsonl", ".ndjson":
		return JSONL
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".rss", ".atom":
		return Feed
	case ".warc":
		return WARC
	}
	h := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\ufeff"))
	h = bytes.TrimPrefix(h, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.HasPrefix(h, []byte("warc/")):
		return WARC
	case bytes.HasPrefix(h, []byte("{")):
		return JSONL
	case isFeed(h):
		return Feed
	case bytes.HasPrefix(h, []byte("<!doctype html")) || bytes.HasPrefix(h, []byte("<html")) ||
		bytes.HasPrefix(h, []byte("<!--")) || bytes.HasPrefix(h, []byte("<head")):
		return HTML
	case filepath.Ext(name) == ".xml" && bytes.HasPrefix(h, []byte("<?xml")):
		return Feed
	}
	return Text
}

// isFeed reports whether the first bytes of a file open an RSS, Atom or
// RDF feed.
func isFeed(head []byte) bool {
	h := bytes.ToLower(head)
	return bytes.Contains(h, []byte("<rss")) || bytes.Contains(h, []byte("<feed")) || bytes.Contains(h, []byte("<rdf:rdf"))
}

// ReadText reads one plain-text article, a wire story as received. Empty
// or white-space-only input wraps [dateline.ErrEmpty]; input with NUL bytes
// wraps [dateline.ErrBinary]. Invalid UTF-8 is repaired (each bad byte run
// becomes U+FFFD) and recorded as a problem of the article.
func ReadText(b []byte) (dateline.Article, error) {
	if bytes.IndexByte(b, 0) >= 0 {
		return dateline.Article{}, fmt.Errorf("read text: %w", dateline.ErrBinary)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(b)) == 0 {
		return dateline.Article{}, fmt.Errorf("read text: %w", dateline.ErrEmpty)
	}
	a := dateline.Article{Text: string(b)}
	if !utf8.Valid(b) {
		a.Text = strings.ToValidUTF8(a.Text, "\uFFFD")
		a.Problems = append(a.Problems, dateline.Problem{Stage: "ingest", Message: "input is not valid UTF-8: invalid bytes replaced with U+FFFD"})
	}
	return a, nil
}

// errNotArticle marks a record that is well formed but holds no article.
var errNotArticle = errors.New("not an article")
