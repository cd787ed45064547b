package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dateline-news/dateline"
)

// SkipError is the error of an [Item] for a file that a folder walk passed
// over because it holds no articles.
type SkipError struct {
	// Kind says what the file is, in the plural, for a note that groups
	// the files skipped: ".md files (not an article format)", "JSON files
	// with no articles".
	Kind string
}

func (e *SkipError) Error() string { return "skipped: " + e.Kind }

// ArticleExts lists the file name extensions a folder walk reads, each
// also gzipped (".jsonl.gz"); [Reader.Read] skips every other file it
// finds in a folder.
var ArticleExts = []string{".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".warc", ".rss", ".atom", ".xml"}

// skipKind returns the kind of file a folder walk skips for its name, or
// "" when the name is an article file's.
func skipKind(name string) string {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	ext := filepath.Ext(name)
	for _, e := range ArticleExts {
		if ext == e {
			return ""
		}
	}
	if ext == "" {
		return "files with no extension (not an article format)"
	}
	return ext + " files (not an article format)"
}

// walked is a file found in a folder: read it, or skip it as skip says.
type walked struct {
	path, skip string
}

// walkFolder returns the files under dir in name order, leaving out hidden
// files and folders; a path that cannot be walked is returned to be
// reported when read.
func walkFolder(dir string) ([]walked, error) {
	var files []walked
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, walked{path: path})
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, walked{path: path, skip: skipKind(d.Name())})
		}
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	return files, err
}

// TotalSize returns the total size in bytes of the files under paths that
// [Reader.Read] reads.
func TotalSize(paths []string) int64 {
	var n int64
	size := func(path string) {
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			n += st.Size()
		}
	}
	for _, p := range paths {
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			size(p)
			continue
		}
		files, _ := walkFolder(p)
		for _, f := range files {
			if f.skip == "" {
				size(f.path)
			}
		}
	}
	return n
}

// notArticle reports whether err says a well-formed JSON value is not an
// article (no "text", or fields of other types).
func notArticle(err error) bool {
	var te *json.UnmarshalTypeError
	return errors.Is(err, errNotArticle) || errors.As(err, &te)
}

// noArticles reports a JSON file that holds no articles: skipped as kind
// in a folder, a bad record when named.
func noArticles(path, kind string, inFolder bool, fn func(Item) error) error {
	if inFolder {
		return fn(Item{Loc: path, Err: &SkipError{Kind: kind}})
	}
	return fn(Item{Loc: path, Err: fmt.Errorf("read %s: %w: no object with \"text\" (an article, an array of them or one a line)", path, errNotArticle)})
}

// readJSONL reads a JSON Lines file. In a folder, a file whose first
// record is well-formed JSON but not an article is skipped whole.
func (r *Reader) readJSONL(ctx context.Context, in io.Reader, path string, inFolder bool, fn func(Item) error) error {
	first, skipped := true, false
	err := ReadJSONL(in, r.maxBytes(), func(line int, a dateline.Article, size int64, err error) error {
		if err := ctx.Err(); err != nil {
			return stopErr{err}
		}
		if first && inFolder && notArticle(err) {
			skipped = true
			return errStopFile
		}
		first = false
		it := Item{Article: a, Loc: fmt.Sprintf("%s:%d", path, line), Size: size, Err: err}
		if it.Article.Source == "" {
			it.Article.Source = path
		}
		if err := fn(it); err != nil {
			return stopErr{err}
		}
		return nil
	})
	if skipped {
		return noArticles(path, "JSON Lines files with no articles", true, fn)
	}
	return afterRead(ctx, path, err, fn)
}

// errStopFile stops reading a file that is skipped.
var errStopFile = stopErr{errors.New("skip the file")}

// readJSON reads a ".json" file: one article object, an array of article
// objects (items "file#1", "file#2"...) or JSON Lines.
func (r *Reader) readJSON(ctx context.Context, in io.Reader, path string, inFolder bool, fn func(Item) error) error {
	const kind = "JSON files with no articles"
	b, err := io.ReadAll(io.LimitReader(in, r.maxBytes()+1))
	if err != nil {
		return fn(Item{Loc: path, Err: fmt.Errorf("read %s: %w", path, err)})
	}
	if int64(len(b)) > r.maxBytes() {
		return fn(Item{Loc: path, Err: fmt.Errorf("read %s: %w: more than %d bytes", path, dateline.ErrTooLarge, r.maxBytes())})
	}
	t := bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
	switch {
	case len(t) == 0:
		return fn(Item{Loc: path, Err: fmt.Errorf("read %s: %w", path, dateline.ErrEmpty)})
	case t[0] == '{' && !json.Valid(t):
		// Not one object: JSON Lines in a ".json" file, or broken.
		return r.readJSONL(ctx, bytes.NewReader(b), path, inFolder, fn)
	case t[0] == '{':
		a, err := ParseJSONArticle(t)
		if notArticle(err) {
			return noArticles(path, kind, inFolder, fn)
		}
		if a.Source == "" {
			a.Source = path
		}
		return fn(Item{Article: a, Loc: path, Size: int64(len(b)), Err: err})
	case t[0] == '[':
		var raw []json.RawMessage
		if err := json.Unmarshal(t, &raw); err != nil {
			if !json.Valid(t) {
				return fn(Item{Loc: path, Err: fmt.Errorf("read %s: parse json: %w", path, err)})
			}
			return noArticles(path, kind, inFolder, fn)
		}
		items := make([]Item, len(raw))
		articles, broken := 0, false
		for i, m := range raw {
			a, err := ParseJSONArticle(m)
			if a.Source == "" {
				a.Source = path
			}
			items[i] = Item{Article: a, Loc: fmt.Sprintf("%s#%d", path, i+1), Size: int64(len(m)), Err: err}
			if err == nil {
				articles++
			} else if !notArticle(err) {
				broken = true
			}
		}
		if articles == 0 && !broken {
			return noArticles(path, kind, inFolder, fn)
		}
		for _, it := range items {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(it); err != nil {
				return err
			}
		}
		return nil
	}
	if !json.Valid(t) {
		return fn(Item{Loc: path, Err: fmt.Errorf("read %s: not JSON", path)})
	}
	return noArticles(path, kind, inFolder, fn)
}
