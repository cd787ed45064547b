package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// FeedEntry is one entry of an RSS or Atom feed.
type FeedEntry struct {
	Article dateline.Article // text from the entry's content or description
	Link    string
}

// ReadFeed parses an RSS, Atom or JSON feed with gofeed and returns its
// entries; an entry's text is its content (or else its description) as
// text, which is empty when the feed carries none.
func ReadFeed(b []byte) (entries []FeedEntry, err error) {
	defer func() {
		if r := recover(); r != nil {
			entries, err = nil, fmt.Errorf("parse feed: internal error: %v", r)
		}
	}()
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		a := dateline.Article{
			ID:    strings.TrimSpace(it.GUID),
			Title: strings.TrimSpace(htmlText(it.Title)),
			Text:  htmlText(body),
			URL:   strings.TrimSpace(it.Link),
		}
		switch {
		case it.PublishedParsed != nil:
			a.Date = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			a.Date = *it.UpdatedParsed
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			a.Author = it.Authors[0].Name
		}
		entries = append(entries, FeedEntry{Article: a, Link: a.URL})
	}
	return entries, nil
}

// htmlText renders an HTML fragment (a feed's description) as text with
// a blank line between paragraphs; plain text passes through.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	return nodeText(n)
}

func (r *Reader) readFeed(ctx context.Context, b []byte, path string, fn func(Item) error) error {
	entries, err := ReadFeed(b)
	if err != nil {
		return fn(Item{Loc: path, Size: int64(len(b)), Err: fmt.Errorf("read %s: %w", path, err)})
	}
	for i, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		it := Item{Article: e.Article, Loc: fmt.Sprintf("%s#%d", path, i+1), Size: int64(len(e.Article.Text))}
		it.Article.Source = path
		if r.Fetch && e.Link != "" {
			a, n, err := r.fetch(ctx, e.Link)
			it.Size = n
			if err != nil {
				// No fall-back to the feed's summary: storing it would make
				// the page a different article once the fetch works.
				it.Err = err
			} else {
				if a.Title == "" {
					a.Title = e.Article.Title
				}
				if a.Date.IsZero() {
					a.Date = e.Article.Date
				}
				if a.Author == "" {
					a.Author = e.Article.Author
				}
				a.ID, a.URL, a.Source = e.Article.ID, e.Link, path
				it.Article = a
			}
		} else if strings.TrimSpace(it.Article.Text) == "" {
			it.Err = fmt.Errorf("feed entry %d: %w: no text (try --fetch)", i+1, errNotArticle)
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

// fetch downloads the page at link and extracts its article.
func (r *Reader) fetch(ctx context.Context, link string) (dateline.Article, int64, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return dateline.Article{}, 0, fmt.Errorf("fetch %s: %w", link, err)
	}
	req.Header.Set("User-Agent", "dateline (news event coder)")
	resp, err := r.client().Do(req)
	if err != nil {
		return dateline.Article{}, 0, fmt.Errorf("fetch %s: %w", link, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return dateline.Article{}, 0, fmt.Errorf("fetch %s: %s", link, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, r.maxBytes()+1))
	if err != nil {
		return dateline.Article{}, int64(len(b)), fmt.Errorf("fetch %s: %w", link, err)
	}
	if int64(len(b)) > r.maxBytes() {
		return dateline.Article{}, int64(len(b)), fmt.Errorf("fetch %s: %w", link, dateline.ErrTooLarge)
	}
	a, err := ReadHTML(b, link)
	if err != nil {
		return dateline.Article{}, int64(len(b)), fmt.Errorf("fetch %s: %w", link, err)
	}
	return a, int64(len(b)), nil
}

// FeedArticles reads a feed as [ReadFeed] does and returns its entries'
// articles, each with the entry's link as URL and its GUID as ID.
func FeedArticles(b []byte) ([]dateline.Article, error) {
	entries, err := ReadFeed(b)
	if err != nil {
		return nil, err
	}
	out := make([]dateline.Article, len(entries))
	for i, e := range entries {
		out[i] = e.Article
	}
	return out, nil
}
