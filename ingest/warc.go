package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	warc "github.com/internetarchive/gowarc"
)

// ReadWARC reads a WARC or WARC.gz stream with gowarc and calls fn for
// each response record that carries an HTML page, numbered from 1 among
// all records: with the extracted article, or with the reason it holds
// none. Other records (requests, metadata, images) are skipped. A record
// that cannot be parsed ends the stream (its position is lost) with an
// error naming the record.
func ReadWARC(r io.Reader, max int64, fn func(n int, a dateline.Article, size int64, err error) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("read warc: internal error: %v", p)
		}
	}()
	wr, err := warc.NewReader(r)
	if err != nil {
		return fmt.Errorf("read warc: %w", err)
	}
	defer wr.Close()
	for n := 1; ; n++ {
		rec, err := wr.ReadRecord()
		if err == io.EOF { // a clean end; a truncated record wraps io.EOF
			return nil
		}
		if err != nil {
			return fmt.Errorf("read warc record %d: %w", n, err)
		}
		a, size, ok, rerr := warcArticle(rec, max)
		rec.Content.Close()
		if !ok {
			continue
		}
		if err := fn(n, a, size, rerr); err != nil {
			return err
		}
	}
}

// warcArticle extracts the article of a response record; ok is false for
// records that are not HTML responses.
func warcArticle(rec *warc.Record, max int64) (a dateline.Article, size int64, ok bool, err error) {
	if !strings.EqualFold(rec.Header.Get("WARC-Type"), "response") {
		return a, 0, false, nil
	}
	ct := strings.ToLower(rec.Header.Get("Content-Type"))
	if !strings.HasPrefix(ct, "application/http") {
		return a, 0, false, nil
	}
	if _, err := rec.Content.Seek(0, io.SeekStart); err != nil {
		return a, 0, true, fmt.Errorf("warc record: %w", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(rec.Content), nil)
	if err != nil {
		return a, 0, true, fmt.Errorf("warc record: http response: %w", err)
	}
	defer resp.Body.Close()
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return a, 0, false, nil
	}
	if resp.StatusCode/100 != 2 {
		return a, 0, false, nil
	}
	var body io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(body)
		if err != nil {
			return a, 0, true, fmt.Errorf("warc record: %w", err)
		}
		defer zr.Close()
		body = zr
	}
	b, err := io.ReadAll(io.LimitReader(body, max+1))
	size = int64(len(b))
	if err != nil {
		return a, size, true, fmt.Errorf("warc record: body: %w", err)
	}
	if size > max {
		return a, size, true, fmt.Errorf("warc record: %w: more than %d bytes", dateline.ErrTooLarge, max)
	}
	uri := strings.Trim(rec.Header.Get("WARC-Target-URI"), "<>")
	a, err = ReadHTML(b, uri)
	if err != nil {
		return a, size, true, err
	}
	if a.Date.IsZero() {
		a.Date, _ = time.Parse(time.RFC3339, rec.Header.Get("WARC-Date"))
	}
	return a, size, true, nil
}

func (r *Reader) readWARC(ctx context.Context, in io.Reader, path string, fn func(Item) error) error {
	err := ReadWARC(in, r.maxBytes(), func(n int, a dateline.Article, size int64, err error) error {
		if err := ctx.Err(); err != nil {
			return stopErr{err}
		}
		a.Source = path
		if err := fn(Item{Article: a, Loc: fmt.Sprintf("%s#%d", path, n), Size: size, Err: err}); err != nil {
			return stopErr{err}
		}
		return nil
	})
	return afterRead(ctx, path, err, fn)
}

// afterRead returns the error a reader's callback stopped with, or reports
// a reading error as a bad record (the rest of that file is unreadable)
// so that the batch goes on.
func afterRead(ctx context.Context, path string, err error, fn func(Item) error) error {
	if err == nil {
		return nil
	}
	var stop stopErr
	if errors.As(err, &stop) {
		return stop.err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fn(Item{Loc: path, Err: fmt.Errorf("read %s: %w", path, err)})
}

// stopErr wraps an error returned by a caller's callback, so that it is
// told apart from a reading error.
type stopErr struct{ err error }

func (s stopErr) Error() string { return s.err.Error() }
func (s stopErr) Unwrap() error { return s.err }
