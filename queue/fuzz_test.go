package queue

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// FuzzDecode checks that any message body either decodes to an article
// with valid, non-empty text that encodes and decodes to the same key, or
// is refused as malformed; never a panic.
func FuzzDecode(f *testing.F) {
	b, _ := Encode(dateline.Article{ID: "r1", Text: "WASHINGTON - The US criticised Japan.", URL: "https://e.org/a"})
	f.Add(b)
	f.Add([]byte(`{"schema":"dateline-article/1","text":"x","date":"2019-05-05T00:00:00Z"}`))
	f.Add([]byte(`{"schema":"dateline-article/1","text":"\ud800 bad surrogate"}`))
	f.Add([]byte(`{"schema":"dateline-article/1","text":"a","problems":[{"span":{"Start":-1,"End":9}}]}`))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := Decode(body)
		if err != nil {
			return
		}
		if strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text) || strings.IndexByte(a.Text, 0) >= 0 {
			t.Fatalf("decoded bad text %q", a.Text)
		}
		again, err := Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Decode(again)
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if b.Key() != a.Key() {
			t.Fatalf("key changed: %v, %v", a.Key(), b.Key())
		}
	})
}
