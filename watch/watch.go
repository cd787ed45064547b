package watch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/dateline-news/dateline"
)

// Watcher polls feeds on a schedule and hands each new article to Sink.
type Watcher struct {
	Feeds []string // feed URLs (http or https)
	// Every is the polling interval of a feed that works; 0 means 15 min.
	Every time.Duration
	// Backoff is the delay before a failed feed is tried again, doubled
	// after each further failure up to MaxBackoff; 0 means 1 min and 1 h.
	Backoff, MaxBackoff time.Duration
	// HostDelay is the least time between two requests to one host (a
	// robots.txt Crawl-delay up to 60 s makes it longer); 0 means 1 s.
	HostDelay time.Duration
	// Client makes the requests; nil means one with a 30 s timeout.
	Client *http.Client
	// UserAgent is sent with every request; its first word is the token
	// matched against robots.txt. "" means "dateline/1 (news event coder)".
	UserAgent string
	// MaxBytes is the largest feed or page read; 0 means 16 MiB.
	MaxBytes int64
	// MaxTries is the number of failed fetches of an entry's page after
	// which the entry is given up; 0 means 3.
	MaxTries int
	// Keep is how long an entry no feed lists any more is remembered;
	// 0 means 30 days.
	Keep time.Duration
	// StatePath is the state file; "" keeps the state in memory only.
	StatePath string

	// Parse reads a feed's bytes into articles; an article's URL is the
	// link of its entry and its ID the entry's GUID. Required.
	Parse func(b []byte) ([]dateline.Article, error)
	// Extract reads an entry's page into its article. When nil, or for an
	// entry without a link, the entry's own text is the article.
	Extract func(page []byte, pageURL string) (dateline.Article, error)
	// Sink receives each new article; an error leaves the article to be
	// handed on again at the next poll. Required.
	Sink func(ctx context.Context, a dateline.Article) error
	// Logger receives what happens to each feed; nil means none.
	Logger *slog.Logger

	mu     sync.Mutex
	state  *State
	hosts  map[string]time.Time // when the next request to a host may go
	robots map[string]robotsEntry
}

type robotsEntry struct {
	r       *Robots
	expires time.Time
	err     error // why robots.txt could not be read (r is DisallowAll)
}

// PollResult says what one poll of a feed did.
type PollResult struct {
	Feed        string
	NotModified bool // the server answered 304
	Entries     int  // entries in the feed
	New         int  // articles handed to Sink
	Skipped     int  // entries already handled, duplicates, disallowed or empty
	Failed      int  // entries whose page could not be fetched (tried again later)
	Err         error
}

func (w *Watcher) defaults() {
	if w.Every <= 0 {
		w.Every = 15 * time.Minute
	}
	if w.Backoff <= 0 {
		w.Backoff = time.Minute
	}
	if w.MaxBackoff <= 0 {
		w.MaxBackoff = time.Hour
	}
	if w.HostDelay <= 0 {
		w.HostDelay = time.Second
	}
	if w.Client == nil {
		w.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if w.UserAgent == "" {
		w.UserAgent = "dateline/1 (news event coder)"
	}
	if w.MaxBytes <= 0 {
		w.MaxBytes = 16 << 20
	}
	if w.MaxTries <= 0 {
		w.MaxTries = 3
	}
	if w.Keep <= 0 {
		w.Keep = 30 * 24 * time.Hour
	}
	if w.Logger == nil {
		w.Logger = slog.New(slog.DiscardHandler)
	}
	if w.hosts == nil {
		w.hosts = map[string]time.Time{}
		w.robots = map[string]robotsEntry{}
	}
}

func (w *Watcher) load() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.state != nil {
		return nil
	}
	if w.StatePath == "" {
		w.state = NewState()
		return nil
	}
	s, err := LoadState(w.StatePath)
	if err != nil {
		return err
	}
	w.state = s
	return nil
}

func (w *Watcher) save() {
	if w.StatePath == "" {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.state.Prune(time.Now().Add(-w.Keep))
	if err := w.state.Save(w.StatePath); err != nil {
		w.Logger.Error("watch: save state", "err", err)
	}
}

// Run polls every feed until ctx is done: each feed in its own goroutine,
// when its Next time comes (at once for a new feed), so that a slow or
// failing feed holds up no other. It returns nil when ctx is done, or an
// error when the state cannot be read.
func (w *Watcher) Run(ctx context.Context) error {
	w.defaults()
	if err := w.load(); err != nil {
		return err
	}
	var wg sync.WaitGroup
	for _, f := range w.Feeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				w.mu.Lock()
				var next time.Time
				if st := w.state.Feeds[f]; st != nil {
					next = st.Next
				}
				w.mu.Unlock()
				if d := time.Until(next); d > 0 {
					t := time.NewTimer(d)
					select {
					case <-t.C:
					case <-ctx.Done():
						t.Stop()
						return
					}
				}
				if ctx.Err() != nil {
					return
				}
				w.Poll(ctx, f)
			}
		}()
	}
	wg.Wait()
	return nil
}

// PollAll polls every feed once, one after another, and returns what each
// poll did.
func (w *Watcher) PollAll(ctx context.Context) ([]PollResult, error) {
	w.defaults()
	if err := w.load(); err != nil {
		return nil, err
	}
	var out []PollResult
	for _, f := range w.Feeds {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		out = append(out, w.Poll(ctx, f))
	}
	return out, nil
}

// Poll fetches one feed (conditionally, with the validators of its last
// answer), hands its new articles to Sink, sets when to poll it next and
// saves the state.
func (w *Watcher) Poll(ctx context.Context, feed string) PollResult {
	w.defaults()
	res := PollResult{Feed: feed}
	if err := w.load(); err != nil {
		res.Err = err
		return res
	}
	w.mu.Lock()
	st := w.state.Feeds[feed]
	if st == nil {
		st = &FeedState{}
		w.state.Feeds[feed] = st
	}
	etag, lastMod := st.ETag, st.LastModified
	w.mu.Unlock()

	start := time.Now()
	res.Err = w.pollFeed(ctx, feed, etag, lastMod, st, &res)
	if ctx.Err() != nil && res.Err != nil {
		return res // stopped: not the feed's fault
	}
	w.mu.Lock()
	st.LastPoll = start
	if res.Err != nil {
		st.Failures++
		st.LastError = clip(res.Err.Error(), 300)
		d := w.Backoff
		for i := 1; i < st.Failures && d < w.MaxBackoff; i++ {
			d *= 2
		}
		st.Next = time.Now().Add(min(d, w.MaxBackoff))
	} else {
		st.Failures, st.LastError, st.LastOK = 0, "", start
		st.Next = start.Add(w.Every)
	}
	failures, next := st.Failures, st.Next
	w.mu.Unlock()
	w.save()
	if res.Err != nil {
		w.Logger.Warn("watch: feed failed", "feed", feed, "failures", failures, "retry_at", next.Format(time.RFC3339), "err", res.Err)
	} else if res.New > 0 || res.Failed > 0 {
		w.Logger.Info("watch: feed", "feed", feed, "new", res.New, "failed", res.Failed, "entries", res.Entries)
	}
	return res
}

func (w *Watcher) pollFeed(ctx context.Context, feed, etag, lastMod string, st *FeedState, res *PollResult) error {
	u, err := url.Parse(feed)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("feed %q: not an http(s) URL", feed)
	}
	if ok, err := w.allowed(ctx, u); err != nil {
		return fmt.Errorf("feed %s: %w", feed, err)
	} else if !ok {
		return fmt.Errorf("feed %s: disallowed by robots.txt", feed)
	}
	h := http.Header{"Accept": {"application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8"}}
	if etag != "" {
		h.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		h.Set("If-Modified-Since", lastMod)
	}
	b, resp, err := w.get(ctx, u, h)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusNotModified {
		res.NotModified = true
		return nil
	}
	arts, err := w.Parse(b)
	if err != nil {
		return fmt.Errorf("feed %s: %w", feed, err)
	}
	res.Entries = len(arts)
	// Feeds list the newest first: hand on the oldest first.
	for i := len(arts) - 1; i >= 0; i-- {
		if err := ctx.Err(); err != nil {
			return err
		}
		w.entry(ctx, feed, arts[i], res)
	}
	// Keep the validators only when every entry was dealt with: else the
	// next poll must get the whole feed again to retry the failed ones.
	w.mu.Lock()
	st.ETag, st.LastModified = "", ""
	if res.Failed == 0 {
		st.ETag, st.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	}
	w.mu.Unlock()
	return nil
}

// entry handles one feed entry.
func (w *Watcher) entry(ctx context.Context, feed string, e dateline.Article, res *PollResult) {
	id := strings.TrimSpace(e.URL)
	if id == "" && e.ID != "" {
		id = "guid:" + e.ID
	}
	if id == "" {
		res.Skipped++
		return
	}
	now := time.Now()
	w.mu.Lock()
	_, seen := w.state.Seen[id]
	if seen {
		w.state.Seen[id] = now
	}
	w.mu.Unlock()
	if seen {
		res.Skipped++
		return
	}
	done := func() {
		w.mu.Lock()
		w.state.Seen[id] = now
		delete(w.state.Tries, id)
		w.mu.Unlock()
	}
	a := e
	if e.URL != "" && w.Extract != nil {
		page, err := w.fetchPage(ctx, e.URL)
		if errors.Is(err, errDisallowed) {
			w.Logger.Info("watch: page disallowed by robots.txt", "url", e.URL)
			res.Skipped++
			done()
			return
		}
		if errors.Is(err, errRobots) {
			// The host's fault, not the page's: no try is counted.
			res.Failed++
			return
		}
		if err != nil {
			res.Failed++
			w.mu.Lock()
			w.state.Tries[id]++
			tries := w.state.Tries[id]
			w.mu.Unlock()
			if tries >= w.MaxTries {
				w.Logger.Warn("watch: giving up on a page", "url", e.URL, "tries", tries, "err", err)
				done()
			} else {
				w.Logger.Warn("watch: page", "url", e.URL, "tries", tries, "err", err)
			}
			return
		}
		a = page
		if a.Title == "" {
			a.Title = e.Title
		}
		if a.Date.IsZero() {
			a.Date = e.Date
		}
		if a.Author == "" {
			a.Author = e.Author
		}
		a.ID, a.URL = e.ID, e.URL
	}
	if strings.TrimSpace(a.Text) == "" {
		res.Skipped++
		done()
		return
	}
	a.Source = feed
	hash := dateline.ContentHash(a.Text)
	// The hash is taken before Sink, so that two feeds polled at once
	// cannot both hand on one text; a failed hand-on gives it back.
	w.mu.Lock()
	_, dup := w.state.Hashes[hash]
	if !dup {
		w.state.Hashes[hash] = now
	}
	w.mu.Unlock()
	if dup {
		w.Logger.Info("watch: same text as an earlier article", "url", e.URL)
		res.Skipped++
		done()
		return
	}
	if err := w.Sink(ctx, a); err != nil {
		w.mu.Lock()
		delete(w.state.Hashes, hash)
		w.mu.Unlock()
		res.Failed++
		w.Logger.Warn("watch: hand on", "url", e.URL, "err", err)
		return
	}
	res.New++
	done()
}

var (
	errDisallowed = errors.New("disallowed by robots.txt")
	// errRobots marks a host whose robots.txt cannot be read for now.
	errRobots = errors.New("robots.txt unreadable")
)

// fetchPage downloads and extracts one entry's page.
func (w *Watcher) fetchPage(ctx context.Context, link string) (dateline.Article, error) {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return dateline.Article{}, fmt.Errorf("page %q: not an http(s) URL", link)
	}
	if ok, err := w.allowed(ctx, u); err != nil {
		return dateline.Article{}, fmt.Errorf("page %s: %w", link, err) // tried again later
	} else if !ok {
		return dateline.Article{}, errDisallowed
	}
	b, resp, err := w.get(ctx, u, http.Header{"Accept": {"text/html, application/xhtml+xml;q=0.9, */*;q=0.5"}})
	if err != nil {
		return dateline.Article{}, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return dateline.Article{}, fmt.Errorf("page %s: unexpected 304", link)
	}
	a, err := w.Extract(b, link)
	if err != nil {
		return dateline.Article{}, fmt.Errorf("page %s: %w", link, err)
	}
	return a, nil
}

// get makes one GET request, after waiting for the host's turn, and reads
// the body of a 2xx answer; 304 is returned with no body; any other
// status is an error.
func (w *Watcher) get(ctx context.Context, u *url.URL, h http.Header) ([]byte, *http.Response, error) {
	if err := w.wait(ctx, u.Host); err != nil {
		return nil, nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("get %s: %w", u, err)
	}
	req.Header = h
	req.Header.Set("User-Agent", w.UserAgent)
	resp, err := w.Client.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("get %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return nil, resp, nil
	}
	if resp.StatusCode/100 != 2 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, resp, fmt.Errorf("get %s: %s", u, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, w.MaxBytes+1))
	if err != nil {
		return nil, resp, fmt.Errorf("get %s: %w", u, err)
	}
	if int64(len(b)) > w.MaxBytes {
		return nil, resp, fmt.Errorf("get %s: %w: more than %d bytes", u, dateline.ErrTooLarge, w.MaxBytes)
	}
	return b, resp, nil
}

// wait blocks until a request to host may go: HostDelay (or the host's
// Crawl-delay) after the one before.
func (w *Watcher) wait(ctx context.Context, host string) error {
	w.mu.Lock()
	delay := w.HostDelay
	if e, ok := w.robots[host]; ok {
		delay = max(delay, min(e.r.CrawlDelay(), time.Minute))
	}
	now := time.Now()
	at := w.hosts[host]
	if at.Before(now) {
		at = now
	}
	w.hosts[host] = at.Add(delay)
	w.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// allowed reports whether the host's robots.txt lets us fetch u, reading
// it once a day. While it cannot be read (a server error, no answer) the
// host is off limits and the error says why; it is asked again after ten
// minutes.
func (w *Watcher) allowed(ctx context.Context, u *url.URL) (bool, error) {
	host := u.Host
	w.mu.Lock()
	e, ok := w.robots[host]
	w.mu.Unlock()
	if !ok || time.Now().After(e.expires) {
		e = w.fetchRobots(ctx, u)
		w.mu.Lock()
		w.robots[host] = e
		w.mu.Unlock()
	}
	if e.err != nil {
		return false, e.err
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return e.r.Allowed(p), nil
}

func (w *Watcher) fetchRobots(ctx context.Context, u *url.URL) robotsEntry {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	b, resp, err := w.get(ctx, ru, http.Header{})
	agent, _, _ := strings.Cut(w.UserAgent, "/")
	agent, _, _ = strings.Cut(agent, " ")
	switch {
	case err == nil:
		return robotsEntry{r: ParseRobots(b, agent), expires: time.Now().Add(24 * time.Hour)}
	case resp != nil && resp.StatusCode/100 == 4:
		// No robots.txt (or none for us to see): everything is allowed.
		return robotsEntry{r: AllowAll, expires: time.Now().Add(24 * time.Hour)}
	case ctx.Err() != nil:
		return robotsEntry{r: DisallowAll, err: fmt.Errorf("%w: %w", errRobots, err)} // expired: asked again next time
	default:
		w.Logger.Warn("watch: robots.txt unreadable: the host is off limits for now", "host", u.Host, "err", err)
		return robotsEntry{r: DisallowAll, expires: time.Now().Add(10 * time.Minute), err: fmt.Errorf("%w: %w", errRobots, err)}
	}
}

// ReadFeedList reads a feed list: one URL a line; blank lines and lines
// starting with '#' are skipped. A line that is not an http(s) URL is an
// error naming its line.
func ReadFeedList(r io.Reader) ([]string, error) {
	var feeds []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := url.Parse(line)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("feed list: line %d: %q is not an http(s) URL", n, clip(line, 80))
		}
		if !seen[line] {
			seen[line] = true
			feeds = append(feeds, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("feed list: %w", err)
	}
	return feeds, nil
}

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
