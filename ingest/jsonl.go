package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
)

// jsonArticle is one line of a JSON Lines file of articles.
type jsonArticle struct {
	ID       json.RawMessage `json:"id"`
	Text     *string         `json:"text"`
	Title    string          `json:"title"`
	Date     string          `json:"date"`
	URL      string          `json:"url"`
	Source   string          `json:"source"`
	Author   string          `json:"author"`
	Dateline string          `json:"dateline"`
}

// ReadJSONL reads JSON Lines articles, one object a line:
// {"id","text","title"?,"date"?,"url"?,"source"?,"author"?,"dateline"?}.
// When "dateline" is given and the text does not already start with it, it
// is put back in front of the text as on the wire ("SALVADOR, Feb 26 -
// Showers continued..."). fn is called for every non-blank line with its
// 1-based number, its size in bytes and either the article or the reason
// the line is a bad record (not JSON, no text, longer than max bytes);
// reading stops at the first error fn returns or a read error.
func ReadJSONL(r io.Reader, max int64, fn func(line int, a dateline.Article, size int64, err error) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	for line := 1; ; line++ {
		buf = buf[:0]
		tooLarge := false
		var size int64
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			size += int64(len(chunk))
			if !tooLarge {
				if int64(len(buf)+len(chunk)) > max {
					tooLarge = true
					buf = buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("read jsonl line %d: %w", line, err)
		}
		if size == 0 && err == io.EOF {
			return nil
		}
		var ferr error
		switch {
		case tooLarge:
			ferr = fn(line, dateline.Article{}, size, fmt.Errorf("line %d: %w: more than %d bytes", line, dateline.ErrTooLarge, max))
		case len(bytes.TrimSpace(buf)) == 0:
			// blank lines separate nothing
		default:
			a, perr := ParseJSONArticle(buf)
			ferr = fn(line, a, size, perr)
		}
		if ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// ParseJSONArticle reads one JSON Lines article (see [ReadJSONL]).
func ParseJSONArticle(b []byte) (dateline.Article, error) {
	var j jsonArticle
	if err := json.Unmarshal(b, &j); err != nil {
		return dateline.Article{}, fmt.Errorf("parse json article: %w", err)
	}
	if j.Text == nil || strings.TrimSpace(*j.Text) == "" {
		return dateline.Article{}, fmt.Errorf("parse json article: %w: no \"text\"", errNotArticle)
	}
	a := dateline.Article{
		Text: *j.Text, Title: strings.TrimSpace(j.Title), URL: strings.TrimSpace(j.URL),
		Source: j.Source, Author: j.Author,
	}
	if len(j.ID) > 0 && string(j.ID) != "null" {
		var s string
		if json.Unmarshal(j.ID, &s) == nil {
			a.ID = s
		} else {
			a.ID = string(j.ID)
		}
	}
	if dl := strings.TrimSpace(j.Dateline); dl != "" && !strings.HasPrefix(strings.TrimSpace(a.Text), dl) {
		a.Text = dl + " - " + a.Text
	}
	d, err := parseDate(j.Date)
	if err != nil {
		a.Problems = append(a.Problems, dateline.Problem{Stage: "ingest", Message: fmt.Sprintf("date %q: %v; the date is left unknown", j.Date, err)})
	}
	a.Date = d
	return a, nil
}

var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
	time.RFC1123Z, time.RFC1123, "2-Jan-2006 15:04:05.00", "2-Jan-2006 15:04:05",
}

func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("unknown date format")
}
