package server

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/export"
	"github.com/dateline-news/dateline/ingest"
)

// DocumentSummary is one row of the document list.
type DocumentSummary struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
	// Date is the document's date as docs/output.md defines it.
	Date     *dateline.DocDate `json:"date,omitempty"`
	Place    string            `json:"dateline_place,omitempty"`
	Entities int               `json:"entities"`
	Timexes  int               `json:"timexes"`
	Quotes   int               `json:"quotes"`
	Events   int               `json:"events"`
}

// Page of a list: where it starts, how long it may be, and where the next
// one starts when there is one.
type Page struct {
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
	// Next is the offset of the next page; absent on the last one.
	Next *int `json:"next_offset,omitempty"`
}

func summarize(d *dateline.Document) DocumentSummary {
	s := DocumentSummary{ID: d.ID, Title: d.Title, URL: d.URL, Source: d.Source, Date: d.Date,
		Entities: len(d.Entities), Timexes: len(d.Timexes), Quotes: len(d.Quotes), Events: len(d.Events)}
	if d.Dateline != nil {
		s.Place = d.Dateline.Place
	}
	return s
}

// documents returns the page of documents f selects, reading one more
// than the limit to know whether another page follows.
func (s *Server) documents(r *http.Request, f dateline.DocumentFilter) ([]DocumentSummary, Page, error) {
	pg := Page{Offset: f.Offset, Limit: f.Limit}
	f.Limit++
	list := []DocumentSummary{}
	err := s.Store.Documents(r.Context(), f, func(d *dateline.Document) error {
		list = append(list, summarize(d))
		return nil
	})
	if len(list) > pg.Limit {
		list = list[:pg.Limit]
		next := pg.Offset + pg.Limit
		pg.Next = &next
	}
	return list, pg, err
}

// events returns the page of events f selects (see documents).
func (s *Server) events(r *http.Request, f dateline.EventFilter) ([]dateline.EventRecord, Page, error) {
	pg := Page{Offset: f.Offset, Limit: f.Limit}
	f.Limit++
	list := []dateline.EventRecord{}
	err := s.Store.Events(r.Context(), f, func(e dateline.EventRecord) error {
		list = append(list, e)
		return nil
	})
	if len(list) > pg.Limit {
		list = list[:pg.Limit]
		next := pg.Offset + pg.Limit
		pg.Next = &next
	}
	return list, pg, err
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	return s.json(w, http.StatusOK, st)
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) error {
	f, err := parseDocumentFilter(r.URL.Query())
	if err != nil {
		return err
	}
	list, pg, err := s.documents(r, f)
	if err != nil {
		return err
	}
	return s.json(w, http.StatusOK, struct {
		Documents []DocumentSummary `json:"documents"`
		Page
	}{list, pg})
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return s.json(w, http.StatusOK, d)
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) error {
	f, err := parseEventFilter(r.URL.Query(), true)
	if err != nil {
		return err
	}
	list, pg, err := s.events(r, f)
	if err != nil {
		return err
	}
	return s.json(w, http.StatusOK, struct {
		Events []dateline.EventRecord `json:"events"`
		Page
	}{list, pg})
}

// apiEventsCSV streams every selected event as the flat CSV of
// "dateline export --format csv".
func (s *Server) apiEventsCSV(w http.ResponseWriter, r *http.Request) error {
	f, err := parseEventFilter(r.URL.Query(), false)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="events.csv"`)
	if _, err := export.Write(r.Context(), s.Store, f, "csv", w); err != nil {
		// The header is sent; the log is all that can be told.
		s.Logger.Error("events.csv", "err", err)
	}
	return nil
}

func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseEventFilter(q, false)
	if err != nil {
		return err
	}
	limit, err := parseCount(q, "limit", 100, 10000)
	if err != nil {
		return err
	}
	list, err := s.actors(r.Context(), f, limit)
	if err != nil {
		return err
	}
	return s.json(w, http.StatusOK, struct {
		Actors []*Actor `json:"actors"`
	}{list})
}

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseEventFilter(q, false)
	if err != nil {
		return err
	}
	by := q.Get("by")
	switch by {
	case "":
		by = "quad"
	case "quad", "root":
	default:
		return fmt.Errorf("%w: by %q: want quad or root", errBadRequest, by)
	}
	t, err := s.timeline(r.Context(), f, by)
	if err != nil {
		return err
	}
	return s.json(w, http.StatusOK, t)
}

func (s *Server) apiGraph(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseEventFilter(q, false)
	if err != nil {
		return err
	}
	limit, err := parseCount(q, "nodes", 60, 1000)
	if err != nil {
		return err
	}
	g, err := s.graph(r.Context(), f, limit)
	if err != nil {
		return err
	}
	return s.json(w, http.StatusOK, g)
}

func (s *Server) apiPlaces(w http.ResponseWriter, r *http.Request) error {
	f, err := parseEventFilter(r.URL.Query(), false)
	if err != nil {
		return err
	}
	list, err := s.places(r.Context(), f)
	if err != nil {
		return err
	}
	return s.json(w, http.StatusOK, struct {
		Places []*Place `json:"places"`
	}{list})
}

// apiExtract codes the posted article and returns its document, storing
// nothing.
func (s *Server) apiExtract(w http.ResponseWriter, r *http.Request) error {
	a, err := readArticle(r)
	if err != nil {
		return err
	}
	doc := dateline.NewDocument(a)
	if err := s.run(r.Context(), doc); err != nil {
		return err
	}
	return s.json(w, http.StatusOK, doc)
}

// apiIngest codes the posted article and stores it; it needs the token.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	if err := s.authorize(r); err != nil {
		return err
	}
	a, err := readArticle(r)
	if err != nil {
		return err
	}
	doc := dateline.NewDocument(a)
	type result struct {
		ID    string `json:"id,omitempty"`
		Added bool   `json:"added"`
	}
	stored, err := s.Store.Has(r.Context(), dateline.KeyOf(doc))
	if err != nil {
		return err
	}
	if stored {
		return s.json(w, http.StatusOK, result{Added: false})
	}
	if err := s.run(r.Context(), doc); err != nil {
		return err
	}
	n, err := s.Store.Put(r.Context(), doc)
	if err != nil {
		return err
	}
	if n == 0 { // stored by another request meanwhile
		return s.json(w, http.StatusOK, result{Added: false})
	}
	return s.json(w, http.StatusCreated, result{ID: doc.ID, Added: true})
}

// readArticle reads the article in the body of r: a JSON object
// {"id","text","title","date","url","source"} when the content type is
// application/json, else plain text or an HTML page. A "date" query
// parameter (YYYY-MM-DD) dates an article that has no date of its own. An
// article without an ID gets the one a store would give it.
func readArticle(r *http.Request) (dateline.Article, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return dateline.Article{}, fmt.Errorf("read body: %w", err)
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var a dateline.Article
	switch {
	case ct == "application/json":
		a, err = ingest.ParseJSONArticle(b)
	case ingest.Detect("", b[:min(len(b), 512)]) == ingest.HTML || ct == "text/html":
		a, err = ingest.ReadHTML(b, "")
	default:
		a, err = ingest.ReadText(b)
	}
	if err != nil {
		return a, fmt.Errorf("%w: %w", errBadRequest, err)
	}
	return dated(a, r.URL.Query().Get("date"))
}

// dated gives a the date day (YYYY-MM-DD, may be empty) when it has none,
// and the generated ID when it came without one.
func dated(a dateline.Article, day string) (dateline.Article, error) {
	if day = strings.TrimSpace(day); day != "" && a.Date.IsZero() {
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			return a, fmt.Errorf("%w: date %q: want YYYY-MM-DD", errBadRequest, day)
		}
		a.Date = t
	}
	if a.ID == "" {
		a.ID = dateline.GeneratedID(a.Key())
	}
	return a, nil
}
