package watch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/ingest"
)

// site is a local news site: a feed that changes (and lists, after
// story a, a page with a's text at another link), one that fails the first
// few times, one that is malformed, one that is slow, one linking to a
// page that robots.txt disallows, and article pages.
type site struct {
	srv        *httptest.Server
	mu         sync.Mutex
	items      []string // slugs in the good feed, newest first
	failFirst  atomic.Int32
	notMod     atomic.Int32 // 304s sent for the good feed
	pageHits   map[string]int
	badFeedHit atomic.Int32
}

func page(slug string) string {
	return fmt.Sprintf(`<!doctype html><html><head><title>Story %[1]s</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Story %[1]s</h1>
<p>CARACAS, May 5 - The foreign minister of Venezuela met his Russian counterpart in Moscow on Sunday to discuss the crisis, officials said in story %[1]s.</p>
<p>The two ministers agreed to hold further talks next month, according to a statement released after the meeting in the Russian capital.</p>
</article><footer>Copyright</footer></body></html>`, slug)
}

func rss(base string, slugs []string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>`)
	for _, s := range slugs {
		fmt.Fprintf(&b, `<item><title>Story %[2]s</title><link>%[1]s/news/%[2]s.html</link><guid>id-%[2]s</guid><pubDate>Sun, 05 May 2019 10:00:00 GMT</pubDate></item>`, base, s)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func newSite(t *testing.T) *site {
	s := &site{items: []string{"copy", "b", "a"}, pageHits: map[string]int{}}
	s.failFirst.Store(2)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("GET /good.xml", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		items := append([]string(nil), s.items...)
		s.mu.Unlock()
		etag := fmt.Sprintf(`"v%d"`, len(items))
		if r.Header.Get("If-None-Match") == etag {
			s.notMod.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss(s.srv.URL, items))
	})
	mux.HandleFunc("GET /flaky.xml", func(w http.ResponseWriter, r *http.Request) {
		if s.failFirst.Add(-1) >= 0 {
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, rss(s.srv.URL, []string{"f"}))
	})
	mux.HandleFunc("GET /bad.xml", func(w http.ResponseWriter, r *http.Request) {
		s.badFeedHit.Add(1)
		fmt.Fprint(w, `<?xml version="1.0"?><rss><channel><item><title>unclosed`)
	})
	mux.HandleFunc("GET /slow.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("GET /private.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<rss version="2.0"><channel><item><title>Secret</title><link>%s/private/p.html</link></item>
</channel></rss>`, s.srv.URL)
	})
	mux.HandleFunc("GET /news/{slug}", func(w http.ResponseWriter, r *http.Request) {
		slug := strings.TrimSuffix(r.PathValue("slug"), ".html")
		s.mu.Lock()
		s.pageHits[slug]++
		s.mu.Unlock()
		if slug == "copy" {
			slug = "a" // the text of another story at another link
		}
		fmt.Fprint(w, page(slug))
	})
	mux.HandleFunc("GET /private/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fetched %s, which robots.txt disallows", r.URL)
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

// sink collects the articles handed on.
type sink struct {
	mu   sync.Mutex
	got  map[string]int
	when map[string]time.Time
}

func (k *sink) put(ctx context.Context, a dateline.Article) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.got[a.URL]++
	k.when[a.URL] = time.Now()
	return nil
}

func (k *sink) count(url string) int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.got[url]
}

func (k *sink) total() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	n := 0
	for _, c := range k.got {
		n += c
	}
	return n
}

func waitFor(t *testing.T, what string, within time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, within)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestWatch runs the watcher against the local site: the good feed's two
// stories arrive once; a story added to the feed arrives within one
// polling interval and the old ones are not handed on again; the flaky
// feed's story arrives after its failures; the malformed and slow feeds
// are retried with back-off and hold up nothing; the disallowed page is
// never fetched and the copy is not handed on. A new watcher on the same
// state file hands on nothing again and asks the good feed conditionally.
func TestWatch(t *testing.T) {
	s := newSite(t)
	u := s.srv.URL
	statePath := filepath.Join(t.TempDir(), "events.db.watch.json")
	k := &sink{got: map[string]int{}, when: map[string]time.Time{}}
	const every = 400 * time.Millisecond
	newWatcher := func() *Watcher {
		return &Watcher{
			Feeds: []string{u + "/good.xml", u + "/flaky.xml", u + "/bad.xml", u + "/slow.xml", u + "/private.xml"},
			Every: every, Backoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond,
			HostDelay: time.Millisecond, Client: &http.Client{Timeout: 300 * time.Millisecond},
			StatePath: statePath, Parse: ingest.FeedArticles, Extract: ingest.ReadHTML, Sink: k.put,
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- newWatcher().Run(ctx) }()

	waitFor(t, "stories a and b", 5*time.Second, func() bool { return k.count(u+"/news/a.html") == 1 && k.count(u+"/news/b.html") == 1 })
	waitFor(t, "the flaky feed's story", 5*time.Second, func() bool { return k.count(u+"/news/f.html") == 1 })
	waitFor(t, "a conditional poll answered 304", 5*time.Second, func() bool { return s.notMod.Load() > 0 })

	s.mu.Lock()
	s.items = append([]string{"c"}, s.items...)
	s.mu.Unlock()
	added := time.Now()
	waitFor(t, "story c", every+time.Second, func() bool { return k.count(u+"/news/c.html") == 1 })
	k.mu.Lock()
	took := k.when[u+"/news/c.html"].Sub(added)
	k.mu.Unlock()
	if took > every+200*time.Millisecond {
		t.Errorf("story c arrived %v after it was added, more than one polling interval (%v)", took, every)
	}
	// The malformed feed is retried with back-off, not every few ms.
	time.Sleep(every)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := s.badFeedHit.Load(); n < 2 || n > 40 {
		t.Errorf("the malformed feed was fetched %d times", n)
	}
	for _, slug := range []string{"a", "b", "c", "f"} {
		if n := k.count(u + "/news/" + slug + ".html"); n != 1 {
			t.Errorf("story %s handed on %d times, want once", slug, n)
		}
	}
	if n := k.count(u + "/news/copy.html"); n != 0 {
		t.Errorf("the copy of story a was handed on %d times", n)
	}
	s.mu.Lock()
	if s.pageHits["a"] != 1 || s.pageHits["c"] != 1 || s.pageHits["copy"] != 1 {
		t.Errorf("pages fetched %v, want each once", s.pageHits)
	}
	s.mu.Unlock()
	st, err := LoadState(statePath)
	if err != nil {
		t.Fatal(err)
	}
	if fs := st.Feeds[u+"/bad.xml"]; fs == nil || fs.Failures == 0 || !strings.Contains(fs.LastError, "parse feed") {
		t.Errorf("the malformed feed's state: %+v", fs)
	}
	if fs := st.Feeds[u+"/slow.xml"]; fs == nil || fs.Failures == 0 {
		t.Errorf("the slow feed's state: %+v", fs)
	}

	// A restart: the state file says what was done.
	before, notMod := k.total(), s.notMod.Load()
	w := newWatcher()
	res, err := w.PollAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if k.total() != before {
		t.Errorf("after a restart %d more articles were handed on", k.total()-before)
	}
	if s.notMod.Load() != notMod+1 || !res[0].NotModified {
		t.Errorf("after a restart the good feed was not asked conditionally: %+v", res[0])
	}
	if res[2].Err == nil || res[3].Err == nil {
		t.Errorf("malformed and slow feeds: %v, %v; want errors", res[2].Err, res[3].Err)
	}
}

// TestSinkFailure leaves an article whose hand-on failed to the next
// poll.
func TestSinkFailure(t *testing.T) {
	s := newSite(t)
	var fail atomic.Bool
	fail.Store(true)
	var got atomic.Int32
	w := &Watcher{Feeds: []string{s.srv.URL + "/good.xml"}, HostDelay: time.Millisecond, Parse: ingest.FeedArticles, Extract: ingest.ReadHTML,
		Sink: func(ctx context.Context, a dateline.Article) error {
			if fail.Load() {
				return fmt.Errorf("store is down")
			}
			got.Add(1)
			return nil
		}}
	res := w.Poll(context.Background(), s.srv.URL+"/good.xml")
	if res.Err != nil || res.Failed != 3 || res.New != 0 {
		t.Fatalf("first poll: %+v", res)
	}
	fail.Store(false)
	// The feed has not changed, but its ETag was not kept, so the next
	// poll gets it whole and hands on the failed entries.
	res = w.Poll(context.Background(), s.srv.URL+"/good.xml")
	if res.NotModified || res.New != 2 || res.Skipped != 1 || got.Load() != 2 {
		t.Errorf("second poll: %+v, %d handed on", res, got.Load())
	}
}

func TestReadFeedList(t *testing.T) {
	feeds, err := ReadFeedList(strings.NewReader("# feeds\nhttps://a.example/rss\n\n  http://b.example/atom.xml  \nhttps://a.example/rss\n"))
	if err != nil || len(feeds) != 2 || feeds[1] != "http://b.example/atom.xml" {
		t.Errorf("ReadFeedList = %q, %v", feeds, err)
	}
	if _, err := ReadFeedList(strings.NewReader("https://ok.example/\nftp://x/feed\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a bad line: %v, want an error naming line 2", err)
	}
}

// TestRobotsUnreadable closes a host whose robots.txt answers 500 and
// opens it when robots.txt is readable again; its entries wait.
func TestRobotsUnreadable(t *testing.T) {
	var down atomic.Bool
	down.Store(true)
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if down.Load() {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		http.NotFound(w, r)
	})
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, rss(base, []string{"a"})) })
	mux.HandleFunc("GET /news/a.html", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page("a")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base = srv.URL
	k := &sink{got: map[string]int{}, when: map[string]time.Time{}}
	w := &Watcher{Feeds: []string{base + "/feed.xml"}, HostDelay: time.Millisecond, Parse: ingest.FeedArticles, Extract: ingest.ReadHTML, Sink: k.put}
	res := w.Poll(context.Background(), base+"/feed.xml")
	if res.Err == nil || !strings.Contains(res.Err.Error(), "robots.txt unreadable") || k.total() != 0 {
		t.Fatalf("poll with robots.txt failing: %+v, %d handed on", res, k.total())
	}
	down.Store(false)
	for h, e := range w.robots { // ten minutes later
		e.expires = time.Now().Add(-time.Second)
		w.robots[h] = e
	}
	if res := w.Poll(context.Background(), base+"/feed.xml"); res.Err != nil || res.New != 1 {
		t.Errorf("poll with robots.txt back: %+v", res)
	}
}
