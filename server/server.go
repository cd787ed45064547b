// Package server is Dateline's HTTP front end: a JSON API over a
// [dateline.Store] (docs/api.md) and server-rendered pages where an analyst
// reads an article's evidence and follows events over time, across actors
// and on a map. Templates and assets are embedded; nothing is fetched from
// elsewhere at run time.
package server

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server serves the API and the pages. Set its exported fields before the
// first request.
type Server struct {
	Store dateline.Store
	// Pipeline codes the articles posted to /api/extract and /api/ingest;
	// it is built once per process and safe for concurrent runs.
	Pipeline dateline.Pipeline
	// Token, when not empty, allows writes (POST /api/ingest) to requests
	// that carry it as "Authorization: Bearer TOKEN". Empty: read-only.
	Token string
	// MaxBodyBytes bounds a request body; a larger one gets 413.
	MaxBodyBytes int64
	// RunTimeout bounds one pipeline run for a request.
	RunTimeout time.Duration
	Logger     *slog.Logger

	mux   *http.ServeMux
	pages map[string]*template.Template
	// runs holds one slot per pipeline run allowed at once.
	runs chan struct{}
}

// Sentinel errors the handlers return; [Server.error] maps them to statuses.
var (
	errBadRequest   = errors.New("bad request")
	errUnauthorized = errors.New("unauthorized")
)

// New returns a server over st that codes posted articles with p.
func New(st dateline.Store, p dateline.Pipeline) (*Server, error) {
	s := &Server{
		Store:        st,
		Pipeline:     p,
		MaxBodyBytes: 4 << 20,
		RunTimeout:   time.Minute,
		Logger:       slog.Default(),
		mux:          http.NewServeMux(),
		runs:         make(chan struct{}, runtime.NumCPU()),
	}
	var err error
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))

	s.handle("GET /api/stats", s.apiStats)
	s.handle("GET /api/documents", s.apiDocuments)
	s.handle("GET /api/documents/{id...}", s.apiDocument)
	s.handle("GET /api/events", s.apiEvents)
	s.handle("GET /api/events.csv", s.apiEventsCSV)
	s.handle("GET /api/actors", s.apiActors)
	s.handle("GET /api/timeline", s.apiTimeline)
	s.handle("GET /api/graph", s.apiGraph)
	s.handle("GET /api/places", s.apiPlaces)
	s.handle("POST /api/extract", s.apiExtract)
	s.handle("POST /api/ingest", s.apiIngest)
	s.handle("GET /api/", func(w http.ResponseWriter, r *http.Request) error {
		return fmt.Errorf("%s %s: %w", r.Method, r.URL.Path, dateline.ErrNotFound)
	})

	s.handle("GET /{$}", s.pageHome)
	s.handle("GET /documents", s.pageDocuments)
	s.handle("GET /documents/{id...}", s.pageDocument)
	s.handle("GET /extract", s.pagePaste)
	s.handle("POST /extract", s.pageExtract)
	s.handle("GET /events", s.pageEvents)
	s.handle("GET /actors", s.pageActors)
	s.handle("GET /timeline", s.pageChart("timeline"))
	s.handle("GET /network", s.pageChart("network"))
	s.handle("GET /map", s.pageChart("map"))
	return s, nil
}

// handler is an HTTP handler that returns its error for [Server.error] to
// answer; it writes nothing when it returns one.
type handler func(w http.ResponseWriter, r *http.Request) error

// handle routes pattern to h.
func (s *Server) handle(pattern string, h handler) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.error(w, r, err)
		}
	})
}

// ServeHTTP serves r with the security headers every response carries: no
// script, style or data from another origin, no framing, no sniffing.
// There is no CORS header: other origins cannot read the API from a browser.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, s.MaxBodyBytes)
	}
	s.mux.ServeHTTP(w, r)
}

// error answers r with the status err maps to: JSON for the API, a page
// otherwise. Internal errors are logged and not shown.
func (s *Server) error(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "internal error"
	var tooLarge *http.MaxBytesError
	switch {
	case errors.Is(err, dateline.ErrNotFound):
		status, msg = http.StatusNotFound, err.Error()
	case errors.As(err, &tooLarge) || errors.Is(err, dateline.ErrTooLarge):
		status, msg = http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: the limit is %d bytes", s.MaxBodyBytes)
	case errors.Is(err, errUnauthorized):
		status, msg = http.StatusUnauthorized, err.Error()
		w.Header().Set("WWW-Authenticate", `Bearer realm="dateline"`)
	case errors.Is(err, errBadRequest), errors.Is(err, dateline.ErrEmpty), errors.Is(err, dateline.ErrBinary):
		status, msg = http.StatusBadRequest, err.Error()
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client went away
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = http.StatusServiceUnavailable, "the request took too long"
		s.Logger.Warn("request timed out", "method", r.Method, "path", r.URL.Path)
	default:
		s.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.json(w, status, map[string]string{"error": msg})
		return
	}
	s.render(w, r, status, "error", page{Title: http.StatusText(status), Data: msg})
}

// json writes v as the response with status. It returns nil: once the
// status is sent, a failure to write is only logged.
func (s *Server) json(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		s.Logger.Debug("write response", "err", err)
	}
	return nil
}

// authorize reports an error wrapping errUnauthorized unless r carries the
// server's token. A server without a token refuses every write.
func (s *Server) authorize(r *http.Request) error {
	if s.Token == "" {
		return fmt.Errorf("%w: this server is read-only (start it with --token or --token-file to allow writes)", errUnauthorized)
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.Token)) != 1 {
		return fmt.Errorf("%w: a write needs the header \"Authorization: Bearer TOKEN\" with the server's token", errUnauthorized)
	}
	return nil
}

// run codes doc with the pipeline, at most one run per core at once.
func (s *Server) run(ctx context.Context, doc *dateline.Document) error {
	ctx, cancel := context.WithTimeout(ctx, s.RunTimeout)
	defer cancel()
	select {
	case s.runs <- struct{}{}:
		defer func() { <-s.runs }()
	case <-ctx.Done():
		return ctx.Err()
	}
	return s.Pipeline.Run(ctx, doc)
}
