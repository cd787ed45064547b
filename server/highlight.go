package server

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// A mark highlights one annotation of the text: a sentence, quote, event
// trigger, time expression or entity mention.
type mark struct {
	Span  dateline.Span
	Layer int    // outer layers first when spans are equal
	Key   string // "s12", "q0", "e3", "t1", "m4.0" (entity 4's first mention): one per annotation
	ID    string // anchor id for the first piece; "" for none
	Class string
	Title string // what hover and click show
}

// Mark layers, outermost first.
const (
	layerSentence = iota
	layerQuote
	layerEvent
	layerTimex
	layerMention
)

// piece is one step of the highlighted text: open a mark, close the last
// opened, or text.
type piece struct {
	Open  *mark
	Close bool
	Text  string
}

// sentenceAnchor is the id of the element that holds the sentence that
// starts at byte start: pages link to "/documents/ID#s" + start.
func sentenceAnchor(start int) string { return "s" + strconv.Itoa(start) }

// marks returns the highlights of d, leaving out spans that do not fit
// its text.
func marks(d *dateline.Document) []mark {
	var ms []mark
	add := func(m mark) {
		sp := m.Span
		if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End ||
			!utf8.RuneStart(d.Text[sp.Start]) || sp.End < len(d.Text) && !utf8.RuneStart(d.Text[sp.End]) {
			return
		}
		ms = append(ms, m)
	}
	for i, s := range d.Sentences {
		class := "s"
		if s.Kind != "" {
			class += " s-" + s.Kind
		}
		title := "sentence " + strconv.Itoa(i+1)
		if s.Time != "" {
			title += " · narrative time " + s.Time
		}
		add(mark{Span: s.Span, Layer: layerSentence, Key: "s" + strconv.Itoa(i), ID: sentenceAnchor(s.Span.Start), Class: class, Title: title})
	}
	for i, q := range d.Quotes {
		t := q.Kind + " quote"
		if q.SpeakerName != "" {
			t += " · speaker " + q.SpeakerName
		}
		if q.Cue != nil {
			t += " · cue “" + q.Cue.Text + "”"
		}
		spans := q.Parts
		if len(spans) == 0 {
			spans = []dateline.Span{q.Span}
		}
		for _, sp := range spans {
			add(mark{Span: sp, Layer: layerQuote, Key: "q" + strconv.Itoa(i), Class: "q", Title: t})
		}
	}
	for i, e := range d.Events {
		class := "ev quad" + strconv.Itoa(e.Quad)
		if e.Negated {
			class += " negated"
		}
		add(mark{Span: e.Trigger, Layer: layerEvent, Key: "e" + strconv.Itoa(i), ID: "ev-" + e.ID, Class: class, Title: eventTitle(e)})
	}
	for i, t := range d.Timexes {
		title := t.Type + " " + t.Value
		if t.Anchor != "" {
			title += " · anchored on " + t.Anchor
		}
		add(mark{Span: t.Span, Layer: layerTimex, Key: "t" + strconv.Itoa(i), Class: "tx", Title: title})
	}
	for i, e := range d.Entities {
		title := entityTitle(e)
		for j, m := range e.Mentions {
			add(mark{Span: m.Span, Layer: layerMention, Key: "m" + strconv.Itoa(i) + "." + strconv.Itoa(j), Class: "ent ent-" + e.Type, Title: title})
		}
	}
	for _, m := range d.Mentions {
		if m.Entity < 0 {
			add(mark{Span: m.Span, Layer: layerMention, Key: "u" + strconv.Itoa(m.Span.Start), Class: "ent unresolved", Title: m.Type + " · not resolved to an entity"})
		}
	}
	return ms
}

func eventTitle(e dateline.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "event %s · CAMEO %s (root %s)", e.ID, e.Code, e.Root)
	if e.Plover.Type != "" {
		fmt.Fprintf(&b, " · PLOVER %s", e.Plover.Type)
		if e.Plover.Mode != "" {
			fmt.Fprintf(&b, "/%s", e.Plover.Mode)
		}
	}
	fmt.Fprintf(&b, " · Goldstein %g · quad %d\n%s", e.Goldstein, e.Quad, participant(&e.Source))
	if e.Target != nil {
		fmt.Fprintf(&b, " → %s", participant(e.Target))
	}
	if e.Date.Value != "" {
		fmt.Fprintf(&b, "\ndate %s (%s)", e.Date.Value, e.Date.Basis)
	}
	if e.Place != nil {
		fmt.Fprintf(&b, " · place %s", e.Place.Name)
	}
	fmt.Fprintf(&b, "\nmood %s", e.Mood)
	if e.Negated {
		b.WriteString(" · negated")
	}
	fmt.Fprintf(&b, " · pattern %s · confidence %.2f", e.Pattern, e.Confidence)
	return b.String()
}

func participant(p *dateline.Participant) string {
	s := p.Actor
	if s == "" {
		s = "?"
	}
	if p.Name != "" {
		s += " (" + p.Name + ")"
	}
	for i, m := range p.Members {
		if i == 0 {
			s += ": "
		} else {
			s += ", "
		}
		s += m.Actor
	}
	return s
}

func entityTitle(e dateline.Entity) string {
	t := e.Name + " · " + e.Type
	if e.Actor != "" {
		t += " · actor " + e.Actor
	}
	if e.Role != "" {
		t += " · " + e.Role
	}
	if e.Geo != nil {
		t += fmt.Sprintf(" · GeoNames %d (%.2f, %.2f)", e.Geo.GeonameID, e.Geo.Lat, e.Geo.Lon)
	}
	return t
}

// highlight cuts text at every mark boundary and returns the pieces that
// draw the marks as properly nested elements: a mark that crosses another
// is closed and opened again, and every piece of it keeps its Key, so a
// page can treat the pieces as one. Only the first piece keeps the ID.
func highlight(text string, ms []mark) []piece {
	// Outer marks first: earlier start, then longer, then lower layer.
	order := slices.Clone(ms)
	slices.SortStableFunc(order, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(b.Span.End, a.Span.End), cmp.Compare(a.Layer, b.Layer))
	})
	cuts := []int{0, len(text)}
	for _, m := range order {
		cuts = append(cuts, m.Span.Start, m.Span.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	var out []piece
	var open []int // indexes into order of the open marks, outermost first
	var want []int // of the marks that cover the next piece of text
	next := 0      // the first mark of order not yet started
	anchored := map[string]bool{}
	for i := 0; i+1 < len(cuts); i++ {
		from, to := cuts[i], cuts[i+1]
		// Marks end and start only at cuts; want stays in order.
		want = slices.DeleteFunc(slices.Clone(want), func(j int) bool { return order[j].Span.End <= from })
		for ; next < len(order) && order[next].Span.Start <= from; next++ {
			want = append(want, next)
		}
		keep := 0
		for keep < len(open) && keep < len(want) && open[keep] == want[keep] {
			keep++
		}
		for range len(open) - keep {
			out = append(out, piece{Close: true})
		}
		for _, j := range want[keep:] {
			m := order[j]
			if anchored[m.ID] {
				m.ID = ""
			}
			anchored[m.ID] = true
			out = append(out, piece{Open: &m})
		}
		open = want
		out = append(out, piece{Text: text[from:to]})
	}
	for range open {
		out = append(out, piece{Close: true})
	}
	return out
}
