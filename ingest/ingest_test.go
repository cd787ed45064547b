package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
)

const page = `<!DOCTYPE html><html><head><title>Ministers meet in Geneva | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-05-05T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet in Geneva</h1>
<p>GENEVA, May 5 - The foreign ministers of Russia and Venezuela met on Sunday in Geneva to discuss the crisis, officials said after the talks ended late in the evening.</p>
<p>The two ministers agreed to hold further talks next week, according to a statement released by the Russian foreign ministry on Sunday night.</p>
<p>Opposition leaders in Caracas rejected the statement and called for new elections, saying the government had lost the support of the people.</p>
</article><footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>`

func TestReadHTML(t *testing.T) {
	a, err := ReadHTML([]byte(page), "https://example.org/geneva")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "officials said after the talks ended late in the evening.\n\nThe two ministers") {
		t.Errorf("paragraph break lost:\n%s", a.Text)
	}
	if strings.Contains(a.Text, "Copyright") || strings.Contains(a.Text, "Home") {
		t.Errorf("boilerplate kept:\n%s", a.Text)
	}
	if a.Title != "Ministers meet in Geneva" || a.Author != "Jane Doe" || a.URL != "https://example.org/geneva" {
		t.Errorf("metadata = %q %q %q", a.Title, a.Author, a.URL)
	}
	if a.Date.Format("2006-01-02") != "2019-05-05" {
		t.Errorf("date = %v", a.Date)
	}
	if _, err := ReadHTML([]byte("<html><body><nav><a href='/'>Home</a></nav></body></html>"), ""); !errors.Is(err, dateline.ErrEmpty) {
		t.Errorf("tiny page: error %v, want ErrEmpty", err)
	}
}

func TestReadJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a1","text":"Showers continued.","dateline":"SALVADOR, Feb 26","title":"COCOA","date":"1987-02-26T15:01:01","url":"http://x/1"}`,
		``,
		`{"id":7,"text":"BRASILIA, Feb 26 - Already has its dateline.","dateline":"BRASILIA, Feb 26"}`,
		`{"id":"bad json"`,
		`{"id":"no text","title":"only a title"}`,
		`{"text":"` + strings.Repeat("x", 200) + `"}`,
		`{"id":"last","text":"No newline at the end.","date":"26-FEB-1987 15:01:01.79 junk"}`,
	}, "\n")
	type got struct {
		line int
		a    dateline.Article
		err  error
	}
	var out []got
	err := ReadJSONL(strings.NewReader(in), 150, func(line int, a dateline.Article, size int64, err error) error {
		out = append(out, got{line, a, err})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 6 {
		t.Fatalf("got %d records, want 6: %+v", len(out), out)
	}
	first := out[0].a
	if first.ID != "a1" || first.Text != "SALVADOR, Feb 26 - Showers continued." || first.Title != "COCOA" ||
		first.URL != "http://x/1" || first.Date != time.Date(1987, 2, 26, 15, 1, 1, 0, time.UTC) {
		t.Errorf("first = %+v", first)
	}
	if out[1].line != 3 || out[1].a.ID != "7" || out[1].a.Text != "BRASILIA, Feb 26 - Already has its dateline." {
		t.Errorf("second = %+v", out[1])
	}
	for i, want := range []struct {
		line int
		err  error
	}{{4, nil}, {5, errNotArticle}, {6, dateline.ErrTooLarge}} {
		g := out[2+i]
		if g.line != want.line || g.err == nil || (want.err != nil && !errors.Is(g.err, want.err)) {
			t.Errorf("line %d: got line %d err %v, want error %v", want.line, g.line, g.err, want.err)
		}
	}
	if last := out[5]; last.line != 7 || last.err != nil || last.a.Text != "No newline at the end." || !last.a.Date.IsZero() {
		t.Errorf("last = %+v", last)
	}
}

func TestReadText(t *testing.T) {
	for _, c := range []struct {
		in   string
		want error
	}{
		{"MOSCOW, May 5. /TASS/. Russia said.", nil},
		{"\xef\xbb\xbfWith a byte-order mark.", nil},
		{"  \n\t ", dateline.ErrEmpty},
		{"bin\x00ary", dateline.ErrBinary},
		{"not \xff\xfe utf-8", nil},
	} {
		a, err := ReadText([]byte(c.in))
		if !errors.Is(err, c.want) || (c.want == nil && (a.Text == "" || strings.HasPrefix(a.Text, "\xef"))) {
			t.Errorf("ReadText(%q) = %q, %v; want error %v", c.in, a.Text, err, c.want)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		name, head string
		want       Format
	}{
		{"a.jsonl", "", JSONL},
		{"a.txt", `{"id":1}`, JSONL},
		{"page.htm", "", HTML},
		{"x", "<!DOCTYPE html><html>", HTML},
		{"feed.xml", `<?xml version="1.0"?><rss version="2.0">`, Feed},
		{"atom", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">`, Feed},
		{"a.warc", "", WARC},
		{"x.dat", "WARC/1.1\r\n", WARC},
		{"story.txt", "WASHINGTON, March 2 - The U.S. said", Text},
	} {
		if got := Detect(c.name, []byte(c.head)); got != c.want {
			t.Errorf("Detect(%q, %q) = %s, want %s", c.name, c.head, got, c.want)
		}
	}
}

func rss(link1, link2 string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>World</title>
<item><title>Talks in Geneva</title><link>` + link1 + `</link><guid>g1</guid>
<pubDate>Sun, 05 May 2019 10:00:00 GMT</pubDate><description>&lt;p&gt;Ministers met.&lt;/p&gt;&lt;p&gt;They agreed to talk again.&lt;/p&gt;</description></item>
<item><title>Gone</title><link>` + link2 + `</link><guid>g2</guid><description>Short.</description></item>
<item><title>No text</title><guid>g3</guid></item>
</channel></rss>`
}

func TestReadFeed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "world.rss")
	os.WriteFile(path, []byte(rss("https://example.org/1", "https://example.org/2")), 0o644)
	var items []Item
	if err := New().Read(context.Background(), []string{path}, func(it Item) error { items = append(items, it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	a := items[0].Article
	if items[0].Err != nil || a.Text != "Ministers met.\n\nThey agreed to talk again." || a.Title != "Talks in Geneva" ||
		a.URL != "https://example.org/1" || a.ID != "g1" || a.Date.Day() != 5 || items[0].Loc != path+"#1" {
		t.Errorf("first entry = %+v", items[0])
	}
	if items[1].Err != nil || items[1].Article.Text != "Short." {
		t.Errorf("second entry = %+v", items[1])
	}
	if !errors.Is(items[2].Err, errNotArticle) || items[2].Loc != path+"#3" {
		t.Errorf("third entry = %+v, want a bad record", items[2])
	}
}

func TestReadFeedFetch(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/story/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page)
	})
	srv := httptest.NewServer(mux) // /story/2 is a 404
	defer srv.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.xml")
	os.WriteFile(path, []byte(rss(srv.URL+"/story/1", srv.URL+"/story/2")), 0o644)
	r := New()
	r.Fetch, r.Client = true, srv.Client()
	var items []Item
	if err := r.Read(context.Background(), []string{path}, func(it Item) error { items = append(items, it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	a := items[0].Article
	if items[0].Err != nil || !strings.Contains(a.Text, "GENEVA, May 5 - The foreign ministers") || a.URL != srv.URL+"/story/1" || a.ID != "g1" {
		t.Errorf("fetched entry = %+v", items[0])
	}
	if items[1].Err == nil || !strings.Contains(items[1].Err.Error(), "404") {
		t.Errorf("404 entry = %+v, want a bad record", items[1])
	}
	if items[2].Err == nil {
		t.Errorf("entry without link or text = %+v, want a bad record", items[2])
	}
}

// warcRecord returns one WARC record.
func warcRecord(typ, uri, contentType, block string) string {
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2019-05-05T12:00:00Z\r\n"+
		"WARC-Record-ID: <urn:uuid:%d>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, len(block), contentType, len(block), block)
}

func httpResponse(contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(body), body)
}

func sampleWARC() []string {
	return []string{
		warcRecord("warcinfo", "", "application/warc-fields", "software: test\r\n"),
		warcRecord("request", "https://example.org/geneva", "application/http; msgtype=request", "GET /geneva HTTP/1.1\r\nHost: example.org\r\n\r\n"),
		warcRecord("response", "https://example.org/geneva", "application/http; msgtype=response", httpResponse("text/html; charset=utf-8", page)),
		warcRecord("response", "https://example.org/logo.png", "application/http; msgtype=response", httpResponse("image/png", "\x89PNG")),
		warcRecord("response", "https://example.org/empty", "application/http; msgtype=response", httpResponse("text/html", "<html><body></body></html>")),
	}
}

func TestReadWARC(t *testing.T) {
	dir := t.TempDir()
	recs := sampleWARC()
	var gz bytes.Buffer
	for _, r := range recs {
		zw := gzip.NewWriter(&gz) // one gzip member per record, as crawlers write
		zw.Write([]byte(r))
		zw.Close()
	}
	plain := strings.Join(recs, "")
	os.WriteFile(filepath.Join(dir, "a.warc"), []byte(plain), 0o644)
	os.WriteFile(filepath.Join(dir, "b.warc.gz"), gz.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "c.warc"), []byte(plain[:len(plain)-40]), 0o644) // truncated
	for _, c := range []struct {
		name      string
		good, bad int
	}{{"a.warc", 1, 1}, {"b.warc.gz", 1, 1}, {"c.warc", 1, 1}} {
		var good, bad []Item
		err := New().Read(context.Background(), []string{filepath.Join(dir, c.name)}, func(it Item) error {
			if it.Err != nil {
				bad = append(bad, it)
			} else {
				good = append(good, it)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(good) != c.good || len(bad) != c.bad {
			t.Errorf("%s: %d good, %d bad; want %d, %d (bad: %+v)", c.name, len(good), len(bad), c.good, c.bad, bad)
			continue
		}
		a := good[0].Article
		if !strings.Contains(a.Text, "The two ministers agreed") || a.URL != "https://example.org/geneva" || !strings.HasSuffix(good[0].Loc, "#3") {
			t.Errorf("%s: article = %+v at %s", c.name, a, good[0].Loc)
		}
	}
}

func TestReadFolder(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub", "deeper"), 0o755)
	os.MkdirAll(filepath.Join(dir, ".hidden"), 0o755)
	files := map[string]string{
		"a.txt":                "WASHINGTON, March 2 - The U.S. said it would talk.",
		"sub/b.html":           page,
		"sub/deeper/c.jsonl":   `{"id":"c1","text":"One."}` + "\n" + `{"id":"c2","text":"Two."}` + "\n",
		"sub/d.bin":            "\x00\x01\x02",
		".hidden/e.txt":        "hidden, skipped",
		".DS_Store":            "skipped",
		"sub/deeper/empty.txt": "",
	}
	for name, body := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id":"z1","text":"Zipped."}` + "\n"))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "sub", "z.jsonl.gz"), gz.Bytes(), 0o644)
	var locs []string
	bad := 0
	err := New().Read(context.Background(), []string{dir, filepath.Join(dir, "missing.txt")}, func(it Item) error {
		var skip *SkipError
		if errors.As(it.Err, &skip) {
			locs = append(locs, "skip:"+strings.TrimPrefix(it.Loc, dir+"/"))
			return nil
		}
		if it.Err != nil {
			bad++
			locs = append(locs, "bad:"+strings.TrimPrefix(it.Loc, dir+"/"))
			return nil
		}
		locs = append(locs, strings.TrimPrefix(it.Loc, dir+"/"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "[a.txt sub/b.html skip:sub/d.bin sub/deeper/c.jsonl:1 sub/deeper/c.jsonl:2 bad:sub/deeper/empty.txt sub/z.jsonl.gz:1 bad:missing.txt]"
	if fmt.Sprint(locs) != want {
		t.Errorf("items:\n got %v\nwant %s", locs, want)
	}
}

// TestReadFolderSkips reads a folder laid out like ../shared/gold, with
// notes, images and annotation files beside the articles: only the
// articles are read, every other file is skipped with its kind, and the
// article files in JSON are read in each of their shapes.
func TestReadFolderSkips(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "story"), 0o755)
	files := map[string]string{
		"README.md":         "# Gold\n\nEvery folder is one article.\n",
		"story/article.txt": "MOSCOW, May 5 - Lavrov met Arreaza.",
		"story/gold.json":   `{"id": "story", "text_file": "article.txt", "entities": [{"name": "Lavrov"}]}`,
		"story/chart.png":   "\x89PNG\r\n\x1a\n\x00\x00",
		"one.json":          ` {"id": "one", "text": "Ministers met in Lima.", "date": "2024-06-14"}` + "\n",
		"many.json":         `[{"id": "m1", "text": "First."}, {"id": "m2", "text": "Second."}]`,
		"mixed.json":        `[{"id": "x1", "text": "Kept."}, {"id": "x2"}]`,
		"lines.json":        `{"id": "l1", "text": "Line one."}` + "\n" + `{"id": "l2", "text": "Line two."}` + "\n",
		"scores.json":       `[1, 2, 3]`,
		"broken.json":       `[{"id": "b1", "text": "Cut`,
		"tokens.jsonl":      `{"form": "Lavrov", "upos": "PROPN"}` + "\n" + `{"form": "met"}` + "\n",
		"sitemap.xml":       `<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>`,
		"LICENSE":           "Permission is hereby granted.",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	texts := map[string]string{}
	err := New().Read(context.Background(), []string{dir}, func(it Item) error {
		loc := strings.TrimPrefix(it.Loc, dir+"/")
		var skip *SkipError
		switch {
		case errors.As(it.Err, &skip):
			got = append(got, "skip "+loc+" ("+skip.Kind+")")
		case it.Err != nil:
			got = append(got, "bad "+loc)
		default:
			got = append(got, loc)
			texts[loc] = it.Article.ID + "=" + it.Article.Text
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"skip LICENSE (files with no extension (not an article format))",
		"skip README.md (.md files (not an article format))",
		"bad broken.json",
		"lines.json:1", "lines.json:2",
		"many.json#1", "many.json#2",
		"mixed.json#1", "bad mixed.json#2",
		"one.json",
		"skip scores.json (JSON files with no articles)",
		"skip sitemap.xml (XML files that are not feeds)",
		"story/article.txt",
		"skip story/chart.png (.png files (not an article format))",
		"skip story/gold.json (JSON files with no articles)",
		"skip tokens.jsonl (JSON Lines files with no articles)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for loc, w := range map[string]string{"one.json": "one=Ministers met in Lima.", "many.json#2": "m2=Second.", "lines.json:2": "l2=Line two."} {
		if texts[loc] != w {
			t.Errorf("%s: %q, want %q", loc, texts[loc], w)
		}
	}
	if n, want := TotalSize([]string{dir}), int64(len(files["story/article.txt"])+len(files["story/gold.json"])+
		len(files["one.json"])+len(files["many.json"])+len(files["mixed.json"])+len(files["lines.json"])+
		len(files["scores.json"])+len(files["broken.json"])+len(files["tokens.jsonl"])+len(files["sitemap.xml"])); n != want {
		t.Errorf("TotalSize = %d, want %d (the files a walk reads)", n, want)
	}

	// Named on the command line, a file is read whatever its name; JSON
	// that holds no article is a bad record, not skipped.
	var named []string
	err = New().Read(context.Background(), []string{filepath.Join(dir, "story", "gold.json"), filepath.Join(dir, "README.md")}, func(it Item) error {
		named = append(named, fmt.Sprintf("%s ok=%t notArticle=%t", strings.TrimPrefix(it.Loc, dir+"/"), it.Err == nil, errors.Is(it.Err, errNotArticle)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if w := "[story/gold.json ok=false notArticle=true README.md ok=true notArticle=false]"; fmt.Sprint(named) != w {
		t.Errorf("named files: %v, want %s", named, w)
	}
}
