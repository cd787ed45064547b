package server

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/dateline-news/dateline/store/sqlite"
)

// The load test is a measurement, not a check: it runs only when -load
// names a database (docs/api.md gives the command and the figures for the
// Reuters corpus).
var (
	loadDB      = flag.String("load", "", "run TestLoad against this SQLite `database`")
	loadN       = flag.Int("load-n", 3000, "TestLoad: requests in all")
	loadClients = flag.Int("load-c", 4, "TestLoad: clients sending at once")
	loadTime    = flag.Duration("load-time", time.Minute, "TestLoad: stop after this long even if requests remain")
)

// loadQueries are the /api/events requests TestLoad sends in turn: the
// first page, a deep page, and the filters an analyst uses most.
var loadQueries = []string{
	"/api/events",
	"/api/events?offset=4000",
	"/api/events?actor=USA",
	"/api/events?country=JPN&since=1987-03-01&until=1987-03-31",
	"/api/events?root=04&limit=200",
	"/api/events?plover=CONSULT&min_confidence=0.5",
	"/api/events?text=oil",
}

// TestLoad sends requests for /api/events from a few clients over loopback
// to a server on the database -load names, bounded by -load-n requests and
// -load-time, and logs the latency per query (p50, p99, max) and in all.
//
//	go test ./server -run TestLoad -load /tmp/dlserve/reuters.db -v
func TestLoad(t *testing.T) {
	if *loadDB == "" {
		t.Skip("a measurement: go test ./server -run TestLoad -load DB (see docs/api.md)")
	}
	if _, err := os.Stat(*loadDB); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, *loadDB)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(st, nil) // nothing is posted: no pipeline
	if err != nil {
		t.Fatal(err)
	}
	s.Logger = testLogger(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: *loadClients},
	}

	// One warm-up request per query, checked: each answers a page of events.
	for _, q := range loadQueries {
		body, err := get(client, ts.URL+q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		var v struct {
			Events []json.RawMessage `json:"events"`
		}
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		t.Logf("%s: %d events on the first page", q, len(v.Events))
	}

	lat := make([][]time.Duration, len(loadQueries))
	var mu sync.Mutex
	var next, failed atomic.Int64
	deadline := time.Now().Add(*loadTime)
	start := time.Now()
	var wg sync.WaitGroup
	for range *loadClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				i := int(next.Add(1)) - 1
				if i >= *loadN {
					return
				}
				k := i % len(loadQueries)
				t0 := time.Now()
				if _, err := get(client, ts.URL+loadQueries[k]); err != nil {
					failed.Add(1)
					t.Errorf("%s: %v", loadQueries[k], err)
					continue
				}
				d := time.Since(t0)
				mu.Lock()
				lat[k] = append(lat[k], d)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "query\trequests\tp50\tp99\tmax\t\n")
	var all []time.Duration
	for k, q := range loadQueries {
		all = append(all, lat[k]...)
		row(tw, q, lat[k])
	}
	row(tw, "all", all)
	tw.Flush()
	t.Logf("%d documents, %d events; %d requests (%d failed) from %d clients in %.1fs: %.0f requests/s\n%s",
		stats.Documents, stats.Events, len(all), failed.Load(), *loadClients, elapsed.Seconds(),
		float64(len(all))/elapsed.Seconds(), b.String())
}

// get fetches url and returns its body, or an error for a status other
// than 200.
func get(c *http.Client, url string) ([]byte, error) {
	res, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d: %.200s", res.StatusCode, body)
	}
	return body, nil
}

// row writes the count and latency quantiles of ds.
func row(w io.Writer, name string, ds []time.Duration) {
	if len(ds) == 0 {
		fmt.Fprintf(w, "%s\t0\t\t\t\t\n", name)
		return
	}
	ds = slices.Clone(ds)
	slices.Sort(ds)
	q := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
	fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t\n", name, len(ds), ms(q(0.50)), ms(q(0.99)), ms(ds[len(ds)-1]))
}
