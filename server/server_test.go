package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/ingest"
	"github.com/dateline-news/dateline/pipeline"
	"github.com/dateline-news/dateline/store/sqlite"
)

// testPipeline is the real pipeline, built once for every test.
var testPipeline = sync.OnceValues(func() (dateline.Pipeline, error) { return pipeline.New(pipeline.Config{}) })

// storyID is the ID of testdata/article.txt in the test store; it holds a
// slash, as IDs made of file names do.
const storyID = "wire/brazil-argentina"

// hostileID is the ID of the article written to break out of the page.
const hostileID = `x"><script>alert(1)</script>`

// hostile is an article whose text, title, URL and ID try to run script.
var hostile = map[string]string{
	"id":    hostileID,
	"title": `Ministers meet <img src=x onerror=alert(1)>`,
	"url":   "javascript:alert(document.cookie)",
	"date":  "2024-06-14",
	"text": "LIMA, June 14 (Reuters) - Peru's foreign minister met his Chilean counterpart in Lima on Friday. " +
		"<script>alert(1)</script> Read more at <a href=\"javascript:alert(2)\">this link</a> or [here](javascript:alert(3)).\n\n" +
		"\"We will meet again in <b onmouseover=alert(4)>August</b>,\" the minister said.",
}

// newTestServer returns a server over a new SQLite store holding the
// test article and the hostile one, both coded by the real pipeline.
func newTestServer(t *testing.T) *Server {
	t.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.ReadText(b)
	if err != nil {
		t.Fatal(err)
	}
	a.ID, a.Source, a.Date = storyID, "testdata", time.Date(2024, 6, 13, 0, 0, 0, 0, time.UTC)
	js, _ := json.Marshal(hostile)
	h, err := ingest.ParseJSONArticle(js)
	if err != nil {
		t.Fatal(err)
	}
	return codedServer(t, []dateline.Article{a, h})
}

// codedServer returns a server over a new SQLite store holding arts, in
// order, coded by the real pipeline with two workers (the CI machine has
// two cores).
func codedServer(t *testing.T, arts []dateline.Article) *Server {
	t.Helper()
	p, err := testPipeline()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	docs := make([]*dateline.Document, len(arts))
	errs := make([]error, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i] = dateline.NewDocument(arts[i])
				errs[i] = p.Run(ctx, docs[i])
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("%s: %v", arts[i].ID, err)
		}
	}
	if _, err := st.Put(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	s, err := New(st, p)
	if err != nil {
		t.Fatal(err)
	}
	s.Logger = testLogger(t)
	return s
}

// do sends a request to s and returns the response.
func do(t *testing.T, s *Server, method, target string, body io.Reader, header ...string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w.Result()
}

func readAll(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func decode(t *testing.T, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("decode %.200q: %v", body, err)
	}
}

// storyDoc returns the test article as stored.
func storyDoc(t *testing.T, s *Server) *dateline.Document {
	t.Helper()
	d, err := s.Store.Document(context.Background(), storyID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAPI(t *testing.T) {
	s := newTestServer(t)
	story := storyDoc(t, s)
	if len(story.Events) == 0 || len(story.Quotes) == 0 || len(story.Timexes) == 0 {
		t.Fatalf("the test article lost its layers: %d events, %d quotes, %d timexes", len(story.Events), len(story.Quotes), len(story.Timexes))
	}
	tests := []struct {
		name, target string
		status       int
		check        func(t *testing.T, body string)
	}{
		{"stats", "/api/stats", 200, func(t *testing.T, body string) {
			var st dateline.Stats
			decode(t, body, &st)
			if st.Documents != 2 || st.Events < len(story.Events) {
				t.Errorf("stats %+v", st)
			}
		}},
		{"documents", "/api/documents", 200, func(t *testing.T, body string) {
			var v struct {
				Documents []DocumentSummary `json:"documents"`
				Next      *int              `json:"next_offset"`
			}
			decode(t, body, &v)
			if len(v.Documents) != 2 || v.Documents[0].ID != storyID || v.Documents[0].Events != len(story.Events) || v.Next != nil {
				t.Errorf("documents %+v", v)
			}
		}},
		{"documents paged", "/api/documents?limit=1", 200, func(t *testing.T, body string) {
			var v struct {
				Documents []DocumentSummary `json:"documents"`
				Next      *int              `json:"next_offset"`
			}
			decode(t, body, &v)
			if len(v.Documents) != 1 || v.Next == nil || *v.Next != 1 {
				t.Errorf("first page %+v", v)
			}
		}},
		{"documents second page", "/api/documents?limit=1&offset=1", 200, func(t *testing.T, body string) {
			if !strings.Contains(body, `"id":"x\"\u003e\u003cscript\u003e`) || strings.Contains(body, "next_offset") {
				t.Errorf("second page %s", body)
			}
		}},
		{"documents search", "/api/documents?q=delegation", 200, func(t *testing.T, body string) {
			var v struct{ Documents []DocumentSummary }
			decode(t, body, &v)
			if len(v.Documents) != 1 || v.Documents[0].ID != storyID {
				t.Errorf("search found %+v", v.Documents)
			}
		}},
		{"documents bad offset", "/api/documents?offset=-1", 400, nil},
		{"document", "/api/documents/" + storyID, 200, func(t *testing.T, body string) {
			var d dateline.Document
			decode(t, body, &d)
			if d.Schema != dateline.Schema || d.Text != story.Text || len(d.Events) != len(story.Events) ||
				len(d.Entities) != len(story.Entities) || len(d.Boilerplate) == 0 {
				t.Errorf("document %s: schema %q, %d events, %d entities", d.ID, d.Schema, len(d.Events), len(d.Entities))
			}
		}},
		{"document escaped ID", "/api/documents/" + url.PathEscape(hostileID), 200, func(t *testing.T, body string) {
			var d dateline.Document
			decode(t, body, &d)
			if d.ID != hostileID {
				t.Errorf("got document %q", d.ID)
			}
		}},
		{"document missing", "/api/documents/nope", 404, func(t *testing.T, body string) {
			if !strings.Contains(body, `"error"`) {
				t.Errorf("no error message: %s", body)
			}
		}},
		{"events", "/api/events", 200, func(t *testing.T, body string) {
			var v struct {
				Events []dateline.EventRecord `json:"events"`
				Limit  int                    `json:"limit"`
			}
			decode(t, body, &v)
			if len(v.Events) < len(story.Events) || v.Limit != defaultLimit {
				t.Errorf("%d events, limit %d", len(v.Events), v.Limit)
			}
			for _, e := range v.Events {
				if e.DocID == storyID && e.SentenceText != story.Span(e.Event.Sentence) {
					t.Errorf("event %s: evidence %q is not its sentence", e.Event.ID, e.SentenceText)
				}
			}
		}},
		{"events by actor", "/api/events?actor=BRA&root=06", 200, func(t *testing.T, body string) {
			var v struct{ Events []dateline.EventRecord }
			decode(t, body, &v)
			if len(v.Events) == 0 {
				t.Error("no BRA events of root 06")
			}
			for _, e := range v.Events {
				if e.Event.Root != "06" || !strings.HasPrefix(e.Event.Source.Actor, "BRA") && (e.Event.Target == nil || !strings.HasPrefix(e.Event.Target.Actor, "BRA")) {
					t.Errorf("filter let through %+v", e.Event)
				}
			}
		}},
		{"events paged", "/api/events?limit=1&offset=1", 200, func(t *testing.T, body string) {
			var v struct {
				Events []dateline.EventRecord
				Offset int  `json:"offset"`
				Next   *int `json:"next_offset"`
			}
			decode(t, body, &v)
			if len(v.Events) != 1 || v.Offset != 1 || v.Next == nil || *v.Next != 2 || v.Events[0].Event.ID != story.Events[1].ID {
				t.Errorf("page %+v", v)
			}
		}},
		{"events none", "/api/events?country=CHN&min_confidence=0.5&mood=planned&since=2000-01-01&until=2030-01-01", 200, func(t *testing.T, body string) {
			if !strings.HasPrefix(body, `{"events":[]`) {
				t.Errorf("want no events: %s", body)
			}
		}},
		{"events bad date", "/api/events?since=June", 400, nil},
		{"events bad confidence", "/api/events?min_confidence=2", 400, nil},
		{"events bad limit", "/api/events?limit=100000", 400, nil},
		{"events csv", "/api/events.csv?actor=BRA", 200, func(t *testing.T, body string) {
			rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < 2 || !strings.Contains(strings.Join(rows[0], ","), "code") {
				t.Errorf("csv %q", body)
			}
		}},
		{"actors", "/api/actors", 200, func(t *testing.T, body string) {
			var v struct{ Actors []Actor }
			decode(t, body, &v)
			var bra *Actor
			for i := range v.Actors {
				if v.Actors[i].Code == "BRA" {
					bra = &v.Actors[i]
				}
			}
			if bra == nil || bra.AsSource == 0 || bra.FirstSeen == "" || bra.LastSeen < bra.FirstSeen ||
				len(bra.Partners) == 0 || bra.Partners[0].Code != "ARG" {
				t.Errorf("BRA: %+v in %s", bra, body)
			}
		}},
		{"timeline", "/api/timeline", 200, func(t *testing.T, body string) {
			var tl Timeline
			decode(t, body, &tl)
			n := tl.Undated
			for _, d := range tl.Days {
				n += d.Events
				sum := 0
				for g, c := range d.Counts {
					if len(g) != 1 || g < "1" || g > "4" {
						t.Errorf("day %s: group %q is not a QuadClass", d.Day, g)
					}
					sum += c
				}
				if sum != d.Events {
					t.Errorf("day %s: counts %v do not sum to %d", d.Day, d.Counts, d.Events)
				}
			}
			if tl.By != "quad" || len(tl.Days) == 0 || n == 0 {
				t.Errorf("timeline %+v", tl)
			}
		}},
		{"timeline by root", "/api/timeline?by=root&actor=BRA", 200, func(t *testing.T, body string) {
			if !strings.Contains(body, `"06":`) {
				t.Errorf("no root 06: %s", body)
			}
		}},
		{"timeline bad group", "/api/timeline?by=week", 400, nil},
		{"graph", "/api/graph", 200, func(t *testing.T, body string) {
			var g Graph
			decode(t, body, &g)
			found := false
			for _, e := range g.Edges {
				if e.Source == "BRA" && e.Target == "ARG" {
					found = true
					if e.Events == 0 || e.Goldstein == 0 || len(e.Evidence) == 0 || e.Evidence[0].DocID != storyID {
						t.Errorf("edge %+v", e)
					}
				}
			}
			if !found || len(g.Nodes) < 2 {
				t.Errorf("graph %s", body)
			}
		}},
		{"graph bad nodes", "/api/graph?nodes=0", 400, nil},
		{"places", "/api/places", 200, func(t *testing.T, body string) {
			var v struct{ Places []Place }
			decode(t, body, &v)
			for _, p := range v.Places {
				if p.Name == "Caracas" {
					if p.GeonameID == 0 || p.Lat < 10 || p.Lat > 11 || p.Events == 0 || len(p.Evidence) == 0 {
						t.Errorf("Caracas %+v", p)
					}
					return
				}
			}
			t.Errorf("no Caracas in %s", body)
		}},
		{"unknown API route", "/api/nothing", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := do(t, s, "GET", tt.target, nil)
			body := readAll(t, res)
			if res.StatusCode != tt.status {
				t.Fatalf("GET %s: status %d, want %d: %.300s", tt.target, res.StatusCode, tt.status, body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "text/csv") {
				t.Errorf("Content-Type %q", ct)
			}
			if tt.check != nil {
				tt.check(t, body)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	s := newTestServer(t)
	article, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(map[string]string{"text": string(article), "date": "2024-06-13"})
	tests := []struct {
		name, target, contentType string
		body                      []byte
		status                    int
	}{
		{"plain text", "/api/extract?date=2024-06-13", "text/plain", article, 200},
		{"json", "/api/extract", "application/json", js, 200},
		{"html", "/api/extract", "text/html", []byte("<html><body><h1>Peru and Chile talk</h1><p>LIMA, June 14 (Reuters) - Peru met Chile in Lima on Friday.</p></body></html>"), 200},
		{"empty", "/api/extract", "text/plain", []byte("  \n"), 400},
		{"binary", "/api/extract", "text/plain", []byte("a\x00b"), 400},
		{"json without text", "/api/extract", "application/json", []byte(`{"title":"x"}`), 400},
		{"bad date", "/api/extract?date=tomorrow", "text/plain", article, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := do(t, s, "POST", tt.target, bytes.NewReader(tt.body), "Content-Type", tt.contentType)
			body := readAll(t, res)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %.300s", res.StatusCode, tt.status, body)
			}
			if tt.status != 200 {
				return
			}
			var d dateline.Document
			decode(t, body, &d)
			if d.Schema != dateline.Schema || len(d.Sentences) == 0 || !strings.HasPrefix(d.ID, dateline.GeneratedIDPrefix) {
				t.Errorf("document %q: schema %q, %d sentences", d.ID, d.Schema, len(d.Sentences))
			}
			if tt.name != "html" && len(d.Events) == 0 {
				t.Error("no events coded")
			}
		})
	}
	st, err := s.Store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 {
		t.Errorf("extract stored documents: %d now, want 2", st.Documents)
	}
}

func TestIngestToken(t *testing.T) {
	s := newTestServer(t)
	body := func() io.Reader {
		return strings.NewReader(`{"id":"new-1","text":"QUITO, June 15 (Reuters) - Ecuador expelled the Peruvian ambassador on Saturday.","date":"2024-06-15"}`)
	}
	post := func(header ...string) (int, string) {
		res := do(t, s, "POST", "/api/ingest", body(), append([]string{"Content-Type", "application/json"}, header...)...)
		return res.StatusCode, readAll(t, res)
	}
	// Read-only: no token can write.
	if code, msg := post("Authorization", "Bearer "); code != 401 || !strings.Contains(msg, "read-only") {
		t.Errorf("read-only server: %d %s", code, msg)
	}
	s.Token = "s3cret"
	tests := []struct {
		name   string
		header []string
		status int
		added  bool
	}{
		{"no token", nil, 401, false},
		{"wrong token", []string{"Authorization", "Bearer guess"}, 401, false},
		{"not bearer", []string{"Authorization", "s3cret"}, 401, false},
		{"token", []string{"Authorization", "Bearer s3cret"}, 201, true},
		{"again", []string{"Authorization", "Bearer s3cret"}, 200, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, msg := post(tt.header...)
			if code != tt.status {
				t.Fatalf("status %d, want %d: %s", code, tt.status, msg)
			}
			if code == 401 {
				return
			}
			var v struct {
				ID    string `json:"id"`
				Added bool   `json:"added"`
			}
			decode(t, msg, &v)
			if v.Added != tt.added || tt.added && v.ID != "new-1" {
				t.Errorf("result %s", msg)
			}
		})
	}
	res := do(t, s, "GET", "/api/documents/new-1", nil)
	if res.StatusCode != 200 {
		t.Errorf("the ingested document is not served: %d", res.StatusCode)
	}
	if st, _ := s.Store.Stats(context.Background()); st.Documents != 3 {
		t.Errorf("%d documents stored, want 3", st.Documents)
	}
}

func TestBodyLimit(t *testing.T) {
	s := newTestServer(t)
	s.MaxBodyBytes = 1 << 10
	s.Token = "t"
	big := strings.Repeat("Peru met Chile in Lima. ", 100)
	tests := []struct {
		name, target, contentType string
		header                    []string
	}{
		{"extract", "/api/extract", "text/plain", nil},
		{"ingest", "/api/ingest", "text/plain", []string{"Authorization", "Bearer t"}},
		{"paste form", "/extract", "application/x-www-form-urlencoded", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := big
			if tt.contentType == "application/x-www-form-urlencoded" {
				b = url.Values{"text": {big}}.Encode()
			}
			res := do(t, s, "POST", tt.target, strings.NewReader(b), append([]string{"Content-Type", tt.contentType}, tt.header...)...)
			if body := readAll(t, res); res.StatusCode != 413 {
				t.Errorf("status %d, want 413: %.200s", res.StatusCode, body)
			}
		})
	}
	// Under the limit, the same route works.
	res := do(t, s, "POST", "/api/extract", strings.NewReader(big[:500]), "Content-Type", "text/plain")
	if res.StatusCode != 200 {
		t.Errorf("small body: status %d", res.StatusCode)
	}
}

// TestHeaders checks the headers every response carries, and that no
// route answers other origins (no CORS) or an unknown method.
func TestHeaders(t *testing.T) {
	s := newTestServer(t)
	for _, target := range []string{"/", "/api/events", "/static/app.js", "/documents/nope"} {
		res := do(t, s, "GET", target, nil, "Origin", "https://elsewhere.example")
		h := res.Header
		if h.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s: CORS header %q", target, h.Get("Access-Control-Allow-Origin"))
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'self'") || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: security headers %v", target, h)
		}
	}
	if res := do(t, s, "OPTIONS", "/api/events", nil, "Origin", "https://elsewhere.example", "Access-Control-Request-Method", "GET"); res.StatusCode != 405 || res.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
	}
	if res := do(t, s, "DELETE", "/api/documents/"+storyID, nil); res.StatusCode != 405 {
		t.Errorf("DELETE: %d, want 405", res.StatusCode)
	}
}

// testLog writes the server's log lines to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

func testLogger(t *testing.T) *slog.Logger { return slog.New(slog.NewTextHandler(testLog{t}, nil)) }
