package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/queue/natstest"
)

// feedSite serves a feed of two stories (answering 304 to its ETag) and
// their pages; it returns the file listing the feed.
func feedSite(t *testing.T) (feeds string) {
	t.Helper()
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"1"`)
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Talks</title><link>%[1]s/a.html</link><guid>a</guid></item>
<item><title>Protest</title><link>%[1]s/b.html</link><guid>b</guid></item></channel></rss>`, base)
	})
	mux.HandleFunc("GET /{slug}", func(w http.ResponseWriter, r *http.Request) {
		text := map[string]string{
			"a.html": "MOSCOW, May 5 - Russian Foreign Minister Sergei Lavrov met his Venezuelan counterpart Jorge Arreaza in Moscow on Sunday.",
			"b.html": "CARACAS, May 6 - Thousands of opposition supporters protested against the government in Caracas on Monday, witnesses said.",
		}[r.PathValue("slug")]
		if text == "" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, "<html><head><title>Story</title></head><body><article><p>%s</p><p>The talks will go on next week, officials said after the meeting.</p></article></body></html>", text)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	feeds = filepath.Join(t.TempDir(), "feeds.txt")
	os.WriteFile(feeds, []byte("# test feed\n"+srv.URL+"/feed.xml\n"), 0o644)
	return feeds
}

// TestWatchCommand polls a local feed twice with watch --once and the real
// pipeline: the first poll stores both stories, the second is answered
// 304 and stores nothing. Then watch --queue publishes them instead.
func TestWatchCommand(t *testing.T) {
	feeds := feedSite(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "events.db")
	for run, want := range []string{"2 entries, 2 new, 0 skipped, 0 failed", "0 entries, 0 new, 0 skipped, 0 failed; not modified"} {
		out, errs, err := runStoreCmd(t, "watch", "--once", "-q", "--delay", "1ms", "--feeds", feeds, "--db", db)
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run+1, err, errs)
		}
		if !strings.Contains(out, want) {
			t.Errorf("run %d: %q, want %q", run+1, out, want)
		}
	}
	if _, err := os.Stat(db + ".watch.json"); err != nil {
		t.Errorf("no state file beside the database: %v", err)
	}
	out, _, err := runStoreCmd(t, "stats", "--db", db)
	if err != nil || !strings.Contains(out, "documents  2 ") {
		t.Errorf("stats: %v\n%s", err, out)
	}

	// With --queue the new articles are published for workers instead.
	_, natsURL := natstest.Start(t)
	state := filepath.Join(dir, "queue.watch.json")
	out, errs, err := runStoreCmd(t, "watch", "--once", "-q", "--delay", "1ms", "--feeds", feeds, "--queue", natsURL, "--state", state)
	if err != nil || !strings.Contains(out, "2 entries, 2 new") {
		t.Fatalf("watch --queue: %v\n%s%s", err, out, errs)
	}
	out, _, err = runStoreCmd(t, "stats", "--queue", natsURL)
	if err != nil || !strings.Contains(out, "pending        2") {
		t.Errorf("stats --queue after watch --queue: %v\n%s", err, out)
	}
}

// TestServeFeeds runs serve --feeds: the feed's stories are coded into the
// database that serve shows, and serve stops cleanly with its watcher.
func TestServeFeeds(t *testing.T) {
	feeds := feedSite(t)
	db := filepath.Join(t.TempDir(), "events.db")
	var stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, env{stdout: io.Discard, stderr: &stderr}, []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--feeds", feeds, "--every", "1h", "--delay", "1ms"})
	}()
	addr := regexp.MustCompile(`on (http://\S+) `)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("serve --feeds did not store the feed's stories:\n%s", stderr.String())
		}
		m := addr.FindStringSubmatch(stderr.String())
		if m == nil {
			continue
		}
		res, err := http.Get(m[1] + "/api/stats")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if strings.Contains(string(b), `"documents":2`) {
			break
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve --feeds did not shut down")
	}
	if !strings.Contains(stderr.String(), "watching 1 feeds") {
		t.Errorf("stderr: %s", stderr.String())
	}
}
