package server

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestPages(t *testing.T) {
	s := newTestServer(t)
	story := storyDoc(t, s)
	ev := story.Events[0]
	tests := []struct {
		name, target string
		status       int
		want         []string // substrings of the page
	}{
		{"home", "/", 200, []string{"<h1>What the database holds</h1>", `href="/events?root=06"`}},
		{"documents", "/documents", 200, []string{`href="/documents/wire%2Fbrazil-argentina"`, "Brazil and Argentina sign trade accord"}},
		{"documents search", "/documents?q=nothing-like-this", 200, []string{"No documents."}},
		{"document", "/documents/" + url.PathEscape(storyID), 200, []string{
			`id="` + sentenceAnchor(ev.Sentence.Start) + `"`, `id="ev-` + ev.ID + `"`,
			"CAMEO " + ev.Code, "pattern " + html.EscapeString(ev.Pattern), "Kept out of the text", "Ana Pereira", "photographer", "navigation"}},
		{"document by raw path", "/documents/" + storyID, 200, []string{"Brazil and Argentina"}},
		{"document missing", "/documents/none", 404, []string{"document none: not found"}},
		{"paste box", "/extract", 200, []string{`<form class="paste" method="post" action="/extract">`}},
		{"events", "/events?actor=BRA", 200, []string{`href="/documents/wire%2Fbrazil-argentina#` + sentenceAnchor(ev.Sentence.Start) + `"`, `value="BRA"`, `/api/events.csv?actor=BRA`}},
		{"events paged", "/events?limit=1", 200, []string{`rel="next" href="?limit=1&amp;offset=1"`}},
		{"events bad filter", "/events?since=yesterday", 400, []string{"since"}},
		{"actors", "/actors", 200, []string{`href="/events?actor=BRA"`, "ARG"}},
		{"timeline", "/timeline?actor=BRA", 200, []string{`data-page="timeline"`, `/static/vendor/d3.min.js`, `value="BRA"`}},
		{"network", "/network", 200, []string{`data-page="network"`}},
		{"map", "/map", 200, []string{`data-page="map"`, `/static/vendor/topojson-client.min.js`}},
		{"script", "/static/app.js", 200, []string{"sentenceHref"}},
		{"world", "/static/vendor/countries-110m.json", 200, []string{`"countries"`}},
		{"unknown page", "/nothing", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := do(t, s, "GET", tt.target, nil)
			body := readAll(t, res)
			if res.StatusCode != tt.status {
				t.Fatalf("GET %s: status %d, want %d: %.300s", tt.target, res.StatusCode, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: no %q in the page", tt.target, w)
				}
			}
		})
	}
}

// TestArticleHighlights checks that the article page has a highlight for
// every entity mention, time expression, quote and event of the document,
// each covering its span's text.
func TestArticleHighlights(t *testing.T) {
	s := newTestServer(t)
	d := storyDoc(t, s)
	body := readAll(t, do(t, s, "GET", "/documents/"+url.PathEscape(storyID), nil))
	count := func(class string) int {
		return len(regexp.MustCompile(`<span class="`+class+`[ "]`).FindAllStringIndex(body, -1))
	}
	mentions := 0
	for _, e := range d.Entities {
		mentions += len(e.Mentions)
	}
	for _, m := range d.Mentions {
		if m.Entity < 0 {
			mentions++
		}
	}
	for _, c := range []struct {
		class string
		want  int
	}{{"ent", mentions}, {"tx", len(d.Timexes)}, {"q", len(d.Quotes)}, {"ev", len(d.Events)}} {
		// A highlight broken by one that crosses it is drawn in pieces, so
		// there may be more pieces than annotations, never fewer.
		if got := count(c.class); got < c.want || c.want == 0 {
			t.Errorf("%d highlights of class %s; the document has %d", got, c.class, c.want)
		}
	}
	for _, m := range marks(d) {
		if got := joinedText(highlight(d.Text, marks(d)), m.Key); !strings.Contains(got, d.Span(m.Span)) {
			t.Errorf("mark %s covers %q, want %q", m.Key, got, d.Span(m.Span))
		}
	}
}

// TestPaste runs the paste box on the test article and on hostile text.
func TestPaste(t *testing.T) {
	s := newTestServer(t)
	form := url.Values{"text": {strings.ReplaceAll(readTestArticle(t), "\n", "\r\n")}, "date": {"2024-06-13"}}
	res := do(t, s, "POST", "/extract", strings.NewReader(form.Encode()), "Content-Type", "application/x-www-form-urlencoded")
	body := readAll(t, res)
	if res.StatusCode != 200 || !strings.Contains(body, "coded, not stored") || !strings.Contains(body, `class="ev quad`) {
		t.Errorf("paste: status %d: %.500s", res.StatusCode, body)
	}
	res = do(t, s, "POST", "/extract", strings.NewReader("text=+"), "Content-Type", "application/x-www-form-urlencoded")
	if res.StatusCode != 400 {
		t.Errorf("empty paste: status %d", res.StatusCode)
	}
}

// TestXSS renders every page that shows the hostile article's text, title,
// URL or ID and checks that none of it can run.
func TestXSS(t *testing.T) {
	s := newTestServer(t)
	form := url.Values{"text": {hostile["text"]}}
	pages := []struct {
		name, method, target, body string
	}{
		{"document", "GET", "/documents/" + url.PathEscape(hostileID), ""},
		{"documents", "GET", "/documents", ""},
		{"events", "GET", "/events", ""},
		{"events filter echo", "GET", "/events?actor=" + url.QueryEscape(`"><script>alert(5)</script>`), ""},
		{"actors", "GET", "/actors?text=" + url.QueryEscape(`</textarea><script>alert(6)</script>`), ""},
		{"not found echo", "GET", "/documents/" + url.PathEscape(`<script>alert(7)</script>`), ""},
		{"paste", "POST", "/extract", form.Encode()},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			var res = do(t, s, p.method, p.target, strings.NewReader(p.body), "Content-Type", "application/x-www-form-urlencoded")
			body := readAll(t, res)
			if p.name == "document" || p.name == "paste" {
				if res.StatusCode != 200 || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
					t.Fatalf("status %d; the script is not shown as text: %.400s", res.StatusCode, body)
				}
			}
			checkInert(t, body)
		})
	}
}

// checkInert fails when page holds markup that could run script: a script
// element other than the page's own, an event handler attribute, or a
// javascript: URL in an attribute.
func checkInert(t *testing.T, page string) {
	t.Helper()
	for _, m := range regexp.MustCompile(`(?i)<script[^>]*>`).FindAllString(page, -1) {
		if m != `<script src="/static/app.js">` && !strings.HasPrefix(m, `<script src="/static/vendor/`) {
			t.Errorf("script element %q", m)
		}
	}
	if m := regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`).FindString(page); m != "" {
		t.Errorf("event handler in %q", m)
	}
	if m := regexp.MustCompile(`(?i)(href|src|action)\s*=\s*["']?\s*javascript:`).FindString(page); m != "" {
		t.Errorf("javascript: URL %q", m)
	}
	if strings.Contains(page, "<img") || strings.Contains(page, "<b onmouseover") || strings.Contains(page, "<a href=\"javascript") {
		t.Error("markup from the article is live")
	}
}
