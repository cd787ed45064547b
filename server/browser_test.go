package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/ingest"
	"github.com/dateline-news/dateline/internal/shared"
)

// chromium is Debian's Chromium, which .ci/run installs; without it the
// browser test skips.
const chromium = "/usr/bin/chromium"

// screenshotsVar names a folder where the browser test writes a
// screenshot of each page it visits (CI sets it and prints the folder).
const screenshotsVar = "DATELINE_SCREENSHOTS"

// goldDate is the part of a gold.json the browser test reads: the date of
// an article that gives none in its text, which a user hands the engine.
type goldDate struct {
	Document struct {
		Date string `json:"date"`
	} `json:"document"`
}

// newGoldServer returns a server over a new SQLite store holding the
// founding article and the dev articles of ../shared/gold, read as
// "dateline ingest ../shared/gold" reads them (the notes and gold.json
// files are skipped) and dated from their gold.json. Each document's ID
// is its folder's name; the founding article's is "seed".
func newGoldServer(t *testing.T) *Server {
	t.Helper()
	dir := shared.Path(t, "gold")
	var arts []dateline.Article
	err := ingest.New().Read(context.Background(), []string{dir}, func(it ingest.Item) error {
		var skip *ingest.SkipError
		if errors.As(it.Err, &skip) {
			return nil
		}
		if it.Err != nil {
			return it.Err
		}
		a := it.Article
		folder := filepath.Dir(it.Loc)
		a.ID = filepath.Base(folder)
		b, err := os.ReadFile(filepath.Join(folder, "gold.json"))
		if err != nil {
			return err
		}
		var g goldDate
		if err := json.Unmarshal(b, &g); err != nil {
			return fmt.Errorf("%s: %w", folder, err)
		}
		if a.Date, err = time.Parse(time.DateOnly, g.Document.Date); err != nil {
			return fmt.Errorf("%s: %w", folder, err)
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 2 {
		t.Fatalf("%d articles read from %s", len(arts), dir)
	}
	return codedServer(t, arts)
}

// TestBrowser loads every page in headless Chromium over a store of the
// gold articles: no page logs an error or throws; the founding article has
// one highlight per entity mention, time expression, quote and event, and
// a click on an event shows its codes; the map has a point for Caracas;
// the network and timeline draw; a filter changes the events listed; the
// paste box codes a text. It takes about 15 s on two cores.
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no %s (apt-get install chromium): %v", chromium, err)
	}
	if testing.Short() {
		t.Skip("-short")
	}
	shots := os.Getenv(screenshotsVar)
	s := newGoldServer(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	seed, err := s.Store.Document(context.Background(), "seed")
	if err != nil {
		t.Fatal(err)
	}
	if len(seed.Events) == 0 || len(seed.Quotes) == 0 || len(seed.Timexes) == 0 || len(seed.Entities) == 0 {
		t.Fatalf("the founding article lost its layers: %d events, %d quotes, %d timexes, %d entities",
			len(seed.Events), len(seed.Quotes), len(seed.Timexes), len(seed.Entities))
	}

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
	// distinct counts the annotations of the article text whose key
	// starts with prefix: the pieces of one annotation share its key.
	distinct := func(t *testing.T, prefix string) int {
		t.Helper()
		return eval(t, `new Set(Array.from(document.querySelectorAll('#text [data-k^="`+prefix+`"]'), e => e.dataset.k)).size`)
	}
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshots in %s", shots)
	}

	t.Run("home", func(t *testing.T) {
		visit(t, "home", "/", chromedp.WaitVisible(chromedp.CSS("main h1")))
	})
	t.Run("documents", func(t *testing.T) {
		visit(t, "documents", "/documents", chromedp.WaitVisible(chromedp.CSS("main table")))
		n, err := s.Store.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if rows := eval(t, `document.querySelectorAll("main table tbody tr").length`); rows != n.Documents {
			t.Errorf("%d rows for %d documents", rows, n.Documents)
		}
	})
	t.Run("article", func(t *testing.T) {
		visit(t, "article", "/documents/seed",
			chromedp.WaitVisible(chromedp.ID("text")),
			chromedp.Click(chromedp.ID("ev-"+seed.Events[0].ID)),
			chromedp.WaitVisible(chromedp.ID("note")))
		mentions := 0
		for _, e := range seed.Entities {
			mentions += len(e.Mentions)
		}
		unresolved := 0
		for _, m := range seed.Mentions {
			if m.Entity < 0 {
				unresolved++
			}
		}
		for _, c := range []struct {
			what, prefix string
			want         int
		}{
			{"entity mention", "m", mentions},
			{"unresolved mention", "u", unresolved},
			{"time expression", "t", len(seed.Timexes)},
			{"quote", "q", len(seed.Quotes)},
			{"event", "e", len(seed.Events)},
		} {
			if got := distinct(t, c.prefix); got != c.want {
				t.Errorf("%d %s highlights; the document has %d", got, c.what, c.want)
			}
		}
		note, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#note .body")))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(note, "CAMEO "+seed.Events[0].Code) || !strings.Contains(note, "confidence") {
			t.Errorf("the note after a click on an event says %q", note)
		}
		if shots != "" {
			// The top of the page at the window's size, for docs/.
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err == nil {
				err = os.WriteFile(filepath.Join(shots, "article-top.png"), png, 0o644)
			}
			if err != nil {
				t.Error(err)
			}
		}
	})
	t.Run("paste", func(t *testing.T) {
		visit(t, "paste", "/extract",
			chromedp.SendKeys(chromedp.CSS(`textarea[name="text"]`), "MOSCOW, May 5 - Russian Foreign Minister Sergey Lavrov will hold talks with his Venezuelan counterpart Jorge Arreaza in Moscow on Sunday."),
			chromedp.Submit(chromedp.CSS(`textarea[name="text"]`)),
			chromedp.WaitVisible(chromedp.ID("text")))
		if n := distinct(t, "e"); n == 0 {
			t.Error("the pasted text shows no event")
		}
	})
	t.Run("events filter", func(t *testing.T) {
		count := func(q string) int {
			var v struct {
				Events []json.RawMessage `json:"events"`
			}
			decode(t, readAll(t, do(t, s, "GET", "/api/events?limit=1000"+q, nil)), &v)
			return min(len(v.Events), defaultLimit)
		}
		all, ven := count(""), count("&actor=VEN")
		if ven == 0 || ven >= all {
			t.Fatalf("the store has %d events of VEN on the first page of %d: no filter to try", ven, all)
		}
		visit(t, "events", "/events", chromedp.WaitVisible(chromedp.ID("events")))
		if rows := eval(t, `document.querySelectorAll("#events tbody tr").length`); rows != all {
			t.Errorf("%d rows, want %d", rows, all)
		}
		visit(t, "events-filtered", "/events",
			chromedp.SendKeys(chromedp.CSS(`input[name="actor"]`), "VEN"),
			chromedp.Submit(chromedp.CSS(`input[name="actor"]`)),
			chromedp.WaitReady(chromedp.CSS(`input[name="actor"][value="VEN"]`)))
		if rows := eval(t, `document.querySelectorAll("#events tbody tr").length`); rows != ven {
			t.Errorf("the actor filter VEN left %d rows, want %d of %d", rows, ven, all)
		}
	})
	t.Run("actors", func(t *testing.T) {
		visit(t, "actors", "/actors", chromedp.WaitVisible(chromedp.CSS("main table")))
		if n := eval(t, `document.querySelectorAll("main table tbody tr").length`); n < 2 {
			t.Errorf("%d actors", n)
		}
	})
	t.Run("timeline", func(t *testing.T) {
		visit(t, "timeline", "/timeline", chromedp.WaitVisible(chromedp.CSS(".bar rect")))
	})
	t.Run("network", func(t *testing.T) {
		visit(t, "network", "/network", chromedp.WaitVisible(chromedp.CSS(".node")))
		if n := eval(t, `document.querySelectorAll(".node").length`); n < 2 {
			t.Errorf("%d nodes", n)
		}
	})
	t.Run("map", func(t *testing.T) {
		visit(t, "map", "/map", chromedp.WaitVisible(chromedp.CSS("circle.place")))
		if eval(t, `document.querySelectorAll('circle.place[data-geonameid="3646738"]').length`) != 1 {
			t.Error("no point for Caracas on the map")
		}
	})
}
