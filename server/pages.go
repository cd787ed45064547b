package server

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/dateline-news/dateline"
)

// page is what every template gets: the layout reads Name and Title, the
// page's own template Data.
type page struct {
	Name  string
	Title string
	Data  any
}

// pageNames are the templates under templates/, each drawn in layout.html.
var pageNames = []string{"error", "home", "documents", "document", "paste", "events", "actors", "chart"}

// cameoRoots names the CAMEO root codes.
var cameoRoots = map[string]string{
	"01": "make public statement", "02": "appeal", "03": "express intent to cooperate", "04": "consult",
	"05": "engage in diplomatic cooperation", "06": "engage in material cooperation", "07": "provide aid",
	"08": "yield", "09": "investigate", "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten",
	"14": "protest", "15": "exhibit force posture", "16": "reduce relations", "17": "coerce", "18": "assault",
	"19": "fight", "20": "use unconventional mass violence",
}

var funcs = template.FuncMap{
	"add":          func(a, b int) int { return a + b },
	"anchor":       sentenceAnchor,
	"docHref":      docHref,
	"sentenceHref": func(id string, start int) string { return docHref(id) + "#" + sentenceAnchor(start) },
	"pathEscape":   url.PathEscape,
	"rootName":     func(root string) string { return cameoRoots[root] },
	"moods":        func() []string { return []string{"asserted", "planned", "alleged", "hypothetical", "attempted"} },
}

// docHref is the path of a document's page; the ID is one escaped path
// segment, whatever it holds.
func docHref(id string) string { return "/documents/" + url.PathEscape(id) }

func parsePages() (map[string]*template.Template, error) {
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		pages[name] = t
	}
	return pages, nil
}

// render draws the page template of p.Name (tmpl names the template file
// when several pages share one) with status. The page is drawn in full
// before anything is written, so a failure is a clean 500; render returns
// nil, as json does.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, tmpl string, p page) error {
	if p.Name == "" {
		p.Name = tmpl
	}
	var buf bytes.Buffer
	if err := s.pages[tmpl].ExecuteTemplate(&buf, "layout", p); err != nil {
		s.Logger.Error("render", "page", tmpl, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return nil
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
	return nil
}

func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) error {
	st, err := s.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "home", page{Title: "Overview", Data: st})
}

// listView is a page of a list with the links to its neighbours.
type listView struct {
	Query      url.Values
	Filter     template.URL // the filters as a query string, without paging
	Page       Page
	Shown      int
	Prev, Next template.URL // query strings of the neighbouring pages
}

// pager fills the paging links of v for the query q (already escaped by
// url.Values.Encode, so safe as a URL).
func (v *listView) pager(q url.Values, pg Page, shown int) {
	v.Query, v.Page, v.Shown = q, pg, shown
	at := func(offset int) template.URL {
		n := url.Values{}
		for k, vs := range q {
			n[k] = vs
		}
		n.Set("offset", strconv.Itoa(offset))
		return template.URL(n.Encode())
	}
	if pg.Offset > 0 {
		v.Prev = at(max(pg.Offset-pg.Limit, 0))
	}
	if pg.Next != nil {
		v.Next = at(*pg.Next)
	}
}

func (s *Server) pageDocuments(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseDocumentFilter(q)
	if err != nil {
		return err
	}
	list, pg, err := s.documents(r, f)
	if err != nil {
		return err
	}
	v := struct {
		listView
		Documents []DocumentSummary
	}{Documents: list}
	v.pager(q, pg, len(list))
	return s.render(w, r, http.StatusOK, "documents", page{Title: "Documents", Data: v})
}

// articleView is a document drawn with its highlights.
type articleView struct {
	Doc    *dateline.Document
	Pieces []piece
	Stored bool
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) error {
	d, err := s.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "document", page{Title: cmp.Or(d.Title, d.ID),
		Data: articleView{Doc: d, Pieces: highlight(d.Text, marks(d)), Stored: true}})
}

func (s *Server) pagePaste(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "paste", page{Title: "Paste an article"})
}

// pageExtract codes the text of the paste form and draws it as an
// article, storing nothing.
func (s *Server) pageExtract(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("%w: %w", errBadRequest, err)
	}
	text := strings.ReplaceAll(r.PostForm.Get("text"), "\r\n", "\n")
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("%w: paste the text of an article", errBadRequest)
	}
	a, err := dated(dateline.Article{Text: text, Source: "pasted"}, r.PostForm.Get("date"))
	if err != nil {
		return err
	}
	d := dateline.NewDocument(a)
	if err := s.run(r.Context(), d); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "document", page{Title: cmp.Or(d.Title, "Pasted article"),
		Data: articleView{Doc: d, Pieces: highlight(d.Text, marks(d))}})
}

func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseEventFilter(q, true)
	if err != nil {
		return err
	}
	list, pg, err := s.events(r, f)
	if err != nil {
		return err
	}
	v := struct {
		listView
		Events []dateline.EventRecord
	}{Events: list}
	v.pager(q, pg, len(list))
	v.Filter = template.URL(filterQuery(f).Encode())
	return s.render(w, r, http.StatusOK, "events", page{Title: "Events", Data: v})
}

func (s *Server) pageActors(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, err := parseEventFilter(q, false)
	if err != nil {
		return err
	}
	list, err := s.actors(r.Context(), f, 200)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "actors", page{Title: "Actors", Data: struct {
		Query  url.Values
		Actors []*Actor
	}{q, list}})
}

// pageChart serves a page that draws the API's aggregate of its name
// (timeline, network, map) in the browser, with the filters of its URL.
func (s *Server) pageChart(name string) handler {
	title := map[string]string{"timeline": "Timeline", "network": "Actor network", "map": "Map"}[name]
	return func(w http.ResponseWriter, r *http.Request) error {
		q := r.URL.Query()
		if _, err := parseEventFilter(q, false); err != nil {
			return err
		}
		return s.render(w, r, http.StatusOK, "chart", page{Name: name, Title: title, Data: q})
	}
}
