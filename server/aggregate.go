package server

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"github.com/dateline-news/dateline"
)

// The aggregates count the events a filter selects, read once from the
// store. Negated events ("did not meet") are kept as evidence but not
// counted, as docs/output.md says.

// Evidence points to the sentence an event came from.
type Evidence struct {
	DocID    string        `json:"doc_id"`
	EventID  string        `json:"event_id"`
	Code     string        `json:"code"`
	Sentence dateline.Span `json:"sentence"`
	Text     string        `json:"text"`
}

// maxEvidence is how many events an aggregate row cites.
const maxEvidence = 5

func evidenceOf(r dateline.EventRecord) Evidence {
	return Evidence{DocID: r.DocID, EventID: r.Event.ID, Code: r.Event.Code, Sentence: r.Event.Sentence, Text: r.SentenceText}
}

func cite(list []Evidence, r dateline.EventRecord) []Evidence {
	if len(list) < maxEvidence {
		list = append(list, evidenceOf(r))
	}
	return list
}

// eventDay returns the day of an event, "YYYY-MM-DD": the first day of its
// date when that names a day, else "" (a month, a year, unknown).
func eventDay(e dateline.Event) string {
	v := e.Date.Value
	if len(v) < 10 {
		return ""
	}
	if _, err := strconv.Atoi(v[:4] + v[5:7] + v[8:10]); err != nil || v[4] != '-' || v[7] != '-' {
		return ""
	}
	return v[:10]
}

// counted calls fn for every event f selects that is not negated.
func (s *Server) counted(ctx context.Context, f dateline.EventFilter, fn func(dateline.EventRecord)) error {
	return s.Store.Events(ctx, f, func(r dateline.EventRecord) error {
		if !r.Event.Negated {
			fn(r)
		}
		return nil
	})
}

// Actor sums up one actor code over the selected events.
type Actor struct {
	Code     string `json:"code"`
	Name     string `json:"name,omitempty"` // the name the text gives it most often
	Events   int    `json:"events"`
	AsSource int    `json:"as_source"`
	AsTarget int    `json:"as_target"`
	// FirstSeen and LastSeen bound the days of its events, when dated.
	FirstSeen string    `json:"first_seen,omitempty"`
	LastSeen  string    `json:"last_seen,omitempty"`
	Partners  []Partner `json:"partners"`

	names    map[string]int
	partners map[string]int
}

// Partner is an actor the other side of an actor's events.
type Partner struct {
	Code   string `json:"code"`
	Events int    `json:"events"`
}

// maxPartners is how many partners an actor lists.
const maxPartners = 5

// actors counts events per actor code, the most active first, at most limit.
func (s *Server) actors(ctx context.Context, f dateline.EventFilter, limit int) ([]*Actor, error) {
	byCode := map[string]*Actor{}
	get := func(p dateline.Participant) *Actor {
		a := byCode[p.Actor]
		if a == nil {
			a = &Actor{Code: p.Actor, names: map[string]int{}, partners: map[string]int{}}
			byCode[p.Actor] = a
		}
		a.Events++
		if p.Name != "" {
			a.names[p.Name]++
		}
		return a
	}
	seen := func(a *Actor, day string) {
		if day == "" {
			return
		}
		if a.FirstSeen == "" || day < a.FirstSeen {
			a.FirstSeen = day
		}
		if day > a.LastSeen {
			a.LastSeen = day
		}
	}
	err := s.counted(ctx, f, func(r dateline.EventRecord) {
		e := r.Event
		day := eventDay(e)
		var src, tgt *Actor
		if e.Source.Actor != "" {
			src = get(e.Source)
			src.AsSource++
			seen(src, day)
		}
		if e.Target != nil && e.Target.Actor != "" {
			tgt = get(*e.Target)
			tgt.AsTarget++
			seen(tgt, day)
		}
		if src != nil && tgt != nil && src != tgt {
			src.partners[tgt.Code]++
			tgt.partners[src.Code]++
		}
	})
	if err != nil {
		return nil, err
	}
	list := make([]*Actor, 0, len(byCode))
	for _, a := range byCode {
		a.Name = mostCommon(a.names)
		a.Partners = []Partner{}
		for c, n := range a.partners {
			a.Partners = append(a.Partners, Partner{Code: c, Events: n})
		}
		slices.SortFunc(a.Partners, func(x, y Partner) int {
			return cmp.Or(cmp.Compare(y.Events, x.Events), cmp.Compare(x.Code, y.Code))
		})
		a.Partners = a.Partners[:min(len(a.Partners), maxPartners)]
		list = append(list, a)
	}
	slices.SortFunc(list, func(x, y *Actor) int {
		return cmp.Or(cmp.Compare(y.Events, x.Events), cmp.Compare(x.Code, y.Code))
	})
	return list[:min(len(list), limit)], nil
}

// mostCommon returns the key of m with the highest count, the first in
// byte order among equals; "" for an empty map.
func mostCommon(m map[string]int) string {
	best, n := "", 0
	for k, c := range m {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// Timeline counts events per day and group: QuadClass ("1" to "4") or
// CAMEO root ("01" to "20").
type Timeline struct {
	By   string `json:"by"` // quad or root
	Days []Day  `json:"days"`
	// Undated counts the selected events whose date names no day.
	Undated int `json:"undated"`
}

// Day is one day of a [Timeline].
type Day struct {
	Day    string         `json:"day"`
	Events int            `json:"events"`
	Counts map[string]int `json:"counts"`
}

// timeline counts events per day, grouped by "quad" or "root".
func (s *Server) timeline(ctx context.Context, f dateline.EventFilter, by string) (*Timeline, error) {
	t := &Timeline{By: by, Days: []Day{}}
	days := map[string]*Day{}
	err := s.counted(ctx, f, func(r dateline.EventRecord) {
		day := eventDay(r.Event)
		if day == "" {
			t.Undated++
			return
		}
		d := days[day]
		if d == nil {
			d = &Day{Day: day, Counts: map[string]int{}}
			days[day] = d
		}
		g := r.Event.Root
		if by == "quad" {
			g = strconv.Itoa(r.Event.Quad)
		}
		d.Events++
		d.Counts[g]++
	})
	if err != nil {
		return nil, err
	}
	for _, d := range days {
		t.Days = append(t.Days, *d)
	}
	slices.SortFunc(t.Days, func(x, y Day) int { return cmp.Compare(x.Day, y.Day) })
	return t, nil
}

// Graph is the actor network: who acts on whom, how often, with what sum
// of Goldstein scores (negative: conflict).
type Graph struct {
	Nodes []*Node `json:"nodes"`
	Edges []*Edge `json:"edges"`
}

// Node is an actor of a [Graph].
type Node struct {
	ID     string `json:"id"` // actor code
	Name   string `json:"name,omitempty"`
	Events int    `json:"events"` // as source or target, with a target

	names map[string]int
}

// Edge is the events from one actor to another.
type Edge struct {
	Source    string     `json:"source"`
	Target    string     `json:"target"`
	Events    int        `json:"events"`
	Goldstein float64    `json:"goldstein"`
	Evidence  []Evidence `json:"evidence"`
}

// graph builds the network of the events with both a source and a target
// actor, kept to the limit most active actors and the edges between them.
func (s *Server) graph(ctx context.Context, f dateline.EventFilter, limit int) (*Graph, error) {
	nodes := map[string]*Node{}
	edges := map[[2]string]*Edge{}
	node := func(p dateline.Participant) {
		n := nodes[p.Actor]
		if n == nil {
			n = &Node{ID: p.Actor, names: map[string]int{}}
			nodes[p.Actor] = n
		}
		n.Events++
		if p.Name != "" {
			n.names[p.Name]++
		}
	}
	err := s.counted(ctx, f, func(r dateline.EventRecord) {
		e := r.Event
		if e.Source.Actor == "" || e.Target == nil || e.Target.Actor == "" || e.Source.Actor == e.Target.Actor {
			return
		}
		node(e.Source)
		node(*e.Target)
		k := [2]string{e.Source.Actor, e.Target.Actor}
		ed := edges[k]
		if ed == nil {
			ed = &Edge{Source: k[0], Target: k[1]}
			edges[k] = ed
		}
		ed.Events++
		ed.Goldstein += e.Goldstein
		ed.Evidence = cite(ed.Evidence, r)
	})
	if err != nil {
		return nil, err
	}
	g := &Graph{Nodes: []*Node{}, Edges: []*Edge{}}
	for _, n := range nodes {
		n.Name = mostCommon(n.names)
		g.Nodes = append(g.Nodes, n)
	}
	slices.SortFunc(g.Nodes, func(x, y *Node) int {
		return cmp.Or(cmp.Compare(y.Events, x.Events), cmp.Compare(x.ID, y.ID))
	})
	g.Nodes = g.Nodes[:min(len(g.Nodes), limit)]
	kept := map[string]bool{}
	for _, n := range g.Nodes {
		kept[n.ID] = true
	}
	for _, e := range edges {
		if kept[e.Source] && kept[e.Target] {
			g.Edges = append(g.Edges, e)
		}
	}
	slices.SortFunc(g.Edges, func(x, y *Edge) int {
		return cmp.Or(cmp.Compare(y.Events, x.Events), cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
	})
	return g, nil
}

// Place is a located place where selected events happened.
type Place struct {
	GeonameID int        `json:"geonameid"`
	Name      string     `json:"name"`
	Lat       float64    `json:"lat"`
	Lon       float64    `json:"lon"`
	Country   string     `json:"country,omitempty"`
	Events    int        `json:"events"`
	Evidence  []Evidence `json:"evidence"`

	names map[string]int
}

// places counts the selected events per GeoNames place, the most eventful
// first. Events whose place has no coordinates are not on the map.
func (s *Server) places(ctx context.Context, f dateline.EventFilter) ([]*Place, error) {
	byID := map[int]*Place{}
	err := s.counted(ctx, f, func(r dateline.EventRecord) {
		pl := r.Event.Place
		if pl == nil || pl.Geo == nil || pl.Geo.GeonameID == 0 {
			return
		}
		p := byID[pl.Geo.GeonameID]
		if p == nil {
			p = &Place{GeonameID: pl.Geo.GeonameID, Lat: pl.Geo.Lat, Lon: pl.Geo.Lon, Country: pl.Geo.Country, names: map[string]int{}}
			byID[pl.Geo.GeonameID] = p
		}
		p.Events++
		p.names[pl.Name]++
		p.Evidence = cite(p.Evidence, r)
	})
	if err != nil {
		return nil, err
	}
	list := make([]*Place, 0, len(byID))
	for _, p := range byID {
		p.Name = mostCommon(p.names)
		list = append(list, p)
	}
	slices.SortFunc(list, func(x, y *Place) int {
		return cmp.Or(cmp.Compare(y.Events, x.Events), cmp.Compare(x.GeonameID, y.GeonameID))
	})
	return list, nil
}
