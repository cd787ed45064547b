package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/dateline-news/dateline"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// ReadHTML extracts the article from one HTML page with go-trafilatura: the
// body text with a blank line between paragraphs, and the title, date and
// author from the page's metadata. pageURL may be empty. A page with no
// extractable article text is an error wrapping [dateline.ErrEmpty].
func ReadHTML(b []byte, pageURL string) (a dateline.Article, err error) {
	defer func() {
		// go-trafilatura walks arbitrary DOM trees; a bug there must not
		// take the whole batch down.
		if r := recover(); r != nil {
			err = fmt.Errorf("extract html: internal error: %v", r)
		}
	}()
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.Scheme != "" && u.Host != "" {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(bytes.NewReader(b), opts)
	if err != nil {
		return a, fmt.Errorf("extract html: %w: %v", dateline.ErrEmpty, err)
	}
	text := nodeText(res.ContentNode)
	if strings.TrimSpace(text) == "" {
		text = strings.TrimSpace(res.ContentText)
	}
	if len(strings.Fields(text)) < minWords {
		return a, fmt.Errorf("extract html: %w: no article text (%q)", dateline.ErrEmpty, clip(text, 40))
	}
	a.Title = strings.TrimSpace(res.Metadata.Title)
	// The body starts without the headline, which is the title: the clean
	// stage puts the title in front of the text itself.
	if first, rest, ok := strings.Cut(text, "\n\n"); ok && a.Title != "" &&
		strings.EqualFold(strings.Join(strings.Fields(first), " "), strings.Join(strings.Fields(a.Title), " ")) {
		text = rest
	}
	a.Text = text
	a.Author = strings.TrimSpace(res.Metadata.Author)
	a.Date = res.Metadata.Date
	a.URL = pageURL
	if a.URL == "" {
		a.URL = res.Metadata.URL
	}
	return a, nil
}

// minWords is the fewest words an extracted page must have to be an
// article; fewer means the extractor found only navigation or a stub.
const minWords = 5

// clip returns at most n bytes of s, cut at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// blockTags are the elements that start a new paragraph of text.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"head": true, "li": true, "ul": true, "ol": true, "blockquote": true, "pre": true, "table": true,
	"tr": true, "section": true, "article": true, "header": true, "footer": true, "figure": true,
	"figcaption": true, "dl": true, "dt": true, "dd": true, "hr": true, "main": true, "aside": true,
	"code": false, "quote": true, "list": true, "item": true, "row": true, "lb": false,
}

// nodeText renders an extracted tree as text: one paragraph per block
// element, paragraphs separated by a blank line, white space inside a
// paragraph collapsed to single spaces, <br> kept as a line break.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var w paraWriter
	w.walk(n, 0)
	w.flush()
	return strings.Join(w.paras, "\n\n")
}

type paraWriter struct {
	paras []string
	cur   strings.Builder
	space bool // a space is pending before the next word
}

func (w *paraWriter) walk(n *html.Node, depth int) {
	if depth > 512 {
		return
	}
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch n.Data {
		case "script", "style", "noscript", "template":
			return
		case "br", "lb":
			w.lineBreak()
			return
		}
		if blockTags[n.Data] {
			w.flush()
			defer w.flush()
		}
		if n.Data == "td" || n.Data == "th" || n.Data == "cell" {
			w.space = w.cur.Len() > 0
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
}

func (w *paraWriter) text(s string) {
	for i := 0; i < len(s); {
		if isSpace(s[i]) {
			w.space = true
			i++
			continue
		}
		k := i
		for k < len(s) && !isSpace(s[k]) {
			k++
		}
		if w.space && w.cur.Len() > 0 && w.cur.String()[w.cur.Len()-1] != '\n' {
			w.cur.WriteByte(' ')
		}
		w.space = false
		w.cur.WriteString(s[i:k])
		i = k
	}
}

func (w *paraWriter) lineBreak() {
	if w.cur.Len() > 0 {
		w.cur.WriteByte('\n')
	}
	w.space = false
}

func (w *paraWriter) flush() {
	p := strings.TrimSpace(w.cur.String())
	if p != "" {
		w.paras = append(w.paras, p)
	}
	w.cur.Reset()
	w.space = false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
