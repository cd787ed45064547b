package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium is Debian's Chromium, which .ci/run installs; without it the
// browser test skips.
const chromium = "/usr/bin/chromium"

// screenshotsVar names a folder where the browser test writes a
// screenshot of each page it visits (CI sets it and prints the folder).
const screenshotsVar = "DATELINE_SCREENSHOTS"

// TestBrowser loads the pages in headless Chromium: no page logs an error
// or throws, the article has its highlights and a click shows an event's
// codes, the charts draw, and a filter changes the events shown.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no %s (apt-get install chromium): %v", chromium, err)
	}
	if testing.Short() {
		t.Skip("-short")
	}
	shots := os.Getenv(screenshotsVar)
	s := newTestServer(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	story := storyDoc(t, s)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium),
		chromedp.NoSandbox, chromedp.WindowSize(1280, 1000))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// Every error, exception or failed load a page reports, collected
	// while the test runs.
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				problems = append(problems, fmt.Sprintf("%s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line))
				mu.Unlock()
			}
		}
	}()
	visit := func(t *testing.T, name, path string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		mu.Lock()
		problems = nil
		mu.Unlock()
		all := append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(ts.URL + path)}, steps...)
		if err := chromedp.Do(ctx, all...); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if shots != "" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err == nil {
				err = os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
			}
			if err != nil {
				t.Error(err)
			}
		}
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("%s: %s", path, p)
		}
	}
	// eval returns the value of a JavaScript expression on the page.
	eval := func(t *testing.T, expr string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return n
	}
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshots in %s", shots)
	}

	t.Run("article", func(t *testing.T) {
		visit(t, "article", "/documents/"+url.PathEscape(storyID),
			chromedp.WaitVisible(chromedp.ID("text")),
			chromedp.Click(chromedp.ID("ev-"+story.Events[0].ID)),
			chromedp.WaitVisible(chromedp.ID("note")))
		events := eval(t, `new Set(Array.from(document.querySelectorAll('#text [data-k^="e"]'), e => e.dataset.k)).size`)
		timexes := eval(t, `new Set(Array.from(document.querySelectorAll('#text [data-k^="t"]'), e => e.dataset.k)).size`)
		if events != len(story.Events) || timexes != len(story.Timexes) {
			t.Errorf("%d event and %d time highlights; the document has %d and %d", events, timexes, len(story.Events), len(story.Timexes))
		}
		note, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#note .body")))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(note, "CAMEO "+story.Events[0].Code) || !strings.Contains(note, "confidence") {
			t.Errorf("the note after a click on an event says %q", note)
		}
	})
	t.Run("map", func(t *testing.T) {
		visit(t, "map", "/map", chromedp.WaitVisible(chromedp.CSS("circle.place")))
		if eval(t, `document.querySelectorAll('circle.place[data-geonameid="3646738"]').length`) != 1 {
			t.Error("no point for Caracas on the map")
		}
	})
	t.Run("network", func(t *testing.T) {
		visit(t, "network", "/network", chromedp.WaitVisible(chromedp.CSS(".node")))
		if n := eval(t, `document.querySelectorAll(".node").length`); n < 2 {
			t.Errorf("%d nodes", n)
		}
	})
	t.Run("timeline", func(t *testing.T) {
		visit(t, "timeline", "/timeline", chromedp.WaitVisible(chromedp.CSS(".bar rect")))
	})
	t.Run("events filter", func(t *testing.T) {
		visit(t, "events", "/events")
		all := eval(t, `document.querySelectorAll("#events tbody tr").length`)
		visit(t, "events-filtered", "/events",
			chromedp.SendKeys(chromedp.CSS(`input[name="actor"]`), "VENCOP"),
			chromedp.Submit(chromedp.CSS(`input[name="actor"]`)),
			chromedp.WaitReady(chromedp.CSS(`input[name="actor"][value="VENCOP"]`)))
		if filtered := eval(t, `document.querySelectorAll("#events tbody tr").length`); filtered == 0 || filtered >= all {
			t.Errorf("the actor filter left %d of %d rows", filtered, all)
		}
	})
}
