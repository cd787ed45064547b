package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// checkArticle reports an article a reader returned without error that is
// not usable: no text, or text that is not UTF-8.
func checkArticle(t *testing.T, a dateline.Article) {
	t.Helper()
	if strings.TrimSpace(a.Text) == "" {
		t.Errorf("article without text: %+v", a)
	}
}

func FuzzReadHTML(f *testing.F) {
	f.Add([]byte(page))
	f.Add([]byte("<html><body><p>one two three four five six</p></body></html>"))
	f.Add([]byte("<table><tr><td><p>unclosed <b>bold <i>italic</table>"))
	f.Add([]byte("<svg><math><template><p>x</template></math></svg>"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ReadHTML(b, "http://example.org/x")
		if err == nil {
			checkArticle(t, a)
		}
	})
}

func FuzzReadFeed(f *testing.F) {
	f.Add([]byte(rss("https://example.org/1", "https://example.org/2")))
	f.Add([]byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","content_text":"x"}]}`))
	f.Add([]byte("<rss><channel><item><description><![CDATA[<p>a</p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, err := ReadFeed(b)
		if err != nil && len(entries) > 0 {
			t.Errorf("entries returned with an error")
		}
		for _, e := range entries {
			if !utf8.ValidString(e.Article.Text) && utf8.Valid(b) {
				t.Errorf("entry text is not UTF-8: %q", e.Article.Text)
			}
		}
	})
}

func FuzzReadWARC(f *testing.F) {
	recs := sampleWARC()
	f.Add([]byte(strings.Join(recs, "")))
	var gz bytes.Buffer
	for _, r := range recs[:3] {
		zw := gzip.NewWriter(&gz)
		zw.Write([]byte(r))
		zw.Close()
	}
	f.Add(gz.Bytes())
	f.Add([]byte("WARC/1.0\r\nContent-Length: -5\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 10\r\n\r\nHTTP/1.1 2"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ReadWARC(bytes.NewReader(b), 1<<20, func(n int, a dateline.Article, size int64, err error) error {
			if n < 1 {
				t.Errorf("record number %d", n)
			}
			if err == nil {
				checkArticle(t, a)
			}
			return nil
		})
	})
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x","dateline":"PARIS, May 1","date":"2019-05-01"}` + "\n" + `{"text":""}`))
	f.Add([]byte("{\"id\":[1,2],\"text\":\"y\"}\n\n\n{"))
	f.Add([]byte(`{"text":"\u0000\ud800"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		last := 0
		err := ReadJSONL(bytes.NewReader(b), 64, func(line int, a dateline.Article, size int64, err error) error {
			if line <= last {
				t.Errorf("line %d after line %d", line, last)
			}
			last = line
			if size <= 0 {
				t.Errorf("line %d: size %d", line, size)
			}
			if err == nil {
				checkArticle(t, a)
			}
			return nil
		})
		if err != nil {
			t.Errorf("ReadJSONL on an in-memory reader: %v", err)
		}
	})
}

func FuzzReadText(f *testing.F) {
	f.Add([]byte("MOSCOW, May 5. /TASS/. Text."))
	f.Add([]byte("\xef\xbb\xbf"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ReadText(b)
		if err == nil {
			checkArticle(t, a)
			if !utf8.ValidString(a.Text) {
				t.Errorf("text is not UTF-8")
			}
		}
	})
}

// FuzzReadJSON reads untrusted ".json" files, found in a folder or named:
// every item is an article or has an error, a file is skipped only in a
// folder and then as a whole, and reading never fails.
func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}`))
	f.Add([]byte(`[{"id":"a","text":"x"},{"id":"b"},7]`))
	f.Add([]byte(`{"id":"gold","text_file":"article.txt","entities":[]}`))
	f.Add([]byte("{\"text\":\"one\"}\n{\"text\":\"two\"}\n{"))
	f.Add([]byte(`[{"text":{"nested":1}}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, inFolder := range []bool{false, true} {
			var items []Item
			err := New().readJSON(context.Background(), bytes.NewReader(b), "f.json", inFolder, func(it Item) error {
				items = append(items, it)
				return nil
			})
			if err != nil {
				t.Fatalf("readJSON: %v", err)
			}
			if len(items) == 0 {
				t.Fatal("no item: a file is read, skipped or bad")
			}
			for _, it := range items {
				var skip *SkipError
				switch {
				case errors.As(it.Err, &skip):
					if !inFolder || len(items) != 1 {
						t.Errorf("skipped (in a folder: %t) among %d items", inFolder, len(items))
					}
				case it.Err == nil:
					checkArticle(t, it.Article)
				}
			}
		}
	})
}
