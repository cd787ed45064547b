package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dateline-news/dateline"
)

// SentenceGold is one line of a sentence-level event gold file in the JSON
// Lines format of ../shared/data/plover-gsr/dev.jsonl.
type SentenceGold struct {
	ID     string          `json:"id"`
	Text   string          `json:"text"`
	Events []SentenceEvent `json:"events"`
}

// SentenceEvent is one gold event of a sentence: source and target actor
// codes and the PLOVER type, or the CAMEO root where Cameo is given.
type SentenceEvent struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Plover string `json:"plover"`
	Cameo  string `json:"cameo"`
}

// SentenceScore is the outcome of one gold sentence.
type SentenceScore struct {
	Gold *SentenceGold
	Doc  *dateline.Document
	// Events are the output events scored (negated ones left out: they did
	// not happen); Owner[i] is the gold event output event i matched, or -1.
	Events []dateline.Event
	Owner  []int
	// Matched[g] is the output event gold event g matched, or -1.
	Matched []int
}

// EventsReport is the score of a sentence-level event gold file.
type EventsReport struct {
	Sentences []SentenceScore
	// Recall counts matched gold events; Precision matched output events.
	Recall, Precision Count
	// ByType holds the same per PLOVER type (gold type for recall, output
	// type for precision).
	ByType map[string]*TypeScore
}

// TypeScore is recall and precision within one event type.
type TypeScore struct {
	Recall, Precision Count
}

// F1 is the harmonic mean of r and p.
func F1(r, p Count) float64 {
	if r.Rate()+p.Rate() == 0 {
		return 0
	}
	return 2 * r.Rate() * p.Rate() / (r.Rate() + p.Rate())
}

// Events extracts every sentence of the gold file r on its own with p and
// matches its events to the gold: an output event matches a gold one when
// the source country (the first three letters of the actor code), the
// target country and the PLOVER type (or the CAMEO root, where the gold
// gives one) are equal, with the largest one-to-one matching per sentence.
func Events(ctx context.Context, r io.Reader, p dateline.Pipeline) (*EventsReport, error) {
	rep := &EventsReport{ByType: map[string]*TypeScore{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		g := &SentenceGold{}
		if err := json.Unmarshal(sc.Bytes(), g); err != nil {
			return nil, fmt.Errorf("eval events: line %d: %w", line, err)
		}
		if strings.TrimSpace(g.Text) == "" {
			return nil, fmt.Errorf("eval events: line %d: no text", line)
		}
		doc := dateline.NewDocument(dateline.Article{ID: g.ID, Text: g.Text})
		if err := p.Run(ctx, doc); err != nil {
			return nil, fmt.Errorf("eval events: %s: %w", g.ID, err)
		}
		rep.add(scoreSentence(g, doc))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval events: %w", err)
	}
	if len(rep.Sentences) == 0 {
		return nil, fmt.Errorf("eval events: no sentences: %w", dateline.ErrNotFound)
	}
	return rep, nil
}

func scoreSentence(g *SentenceGold, doc *dateline.Document) SentenceScore {
	s := SentenceScore{Gold: g, Doc: doc}
	for _, ev := range doc.Events {
		if !ev.Negated {
			s.Events = append(s.Events, ev)
		}
	}
	edges := make([][]int, len(g.Events))
	for gi, ge := range g.Events {
		for oi, ev := range s.Events {
			if sentenceEventMatches(ge, ev) {
				edges[gi] = append(edges[gi], oi)
			}
		}
	}
	s.Owner = maxMatching(edges, len(s.Events))
	s.Matched = make([]int, len(g.Events))
	for i := range s.Matched {
		s.Matched[i] = -1
	}
	for oi, gi := range s.Owner {
		if gi >= 0 {
			s.Matched[gi] = oi
		}
	}
	return s
}

func sentenceEventMatches(ge SentenceEvent, ev dateline.Event) bool {
	if ge.Cameo != "" {
		if len(ge.Cameo) < 2 || ev.Root != ge.Cameo[:2] {
			return false
		}
	} else if !strings.EqualFold(ev.Plover.Type, ge.Plover) {
		return false
	}
	target := ""
	if ev.Target != nil {
		target = ev.Target.Actor
	}
	return prefix3(ev.Source.Actor) == prefix3(ge.Source) && prefix3(target) == prefix3(ge.Target)
}

func (rep *EventsReport) typeScore(t string) *TypeScore {
	if t == "" {
		t = "-"
	}
	ts := rep.ByType[t]
	if ts == nil {
		ts = &TypeScore{}
		rep.ByType[t] = ts
	}
	return ts
}

func (rep *EventsReport) add(s SentenceScore) {
	rep.Sentences = append(rep.Sentences, s)
	for gi, ge := range s.Gold.Events {
		t := ge.Plover
		if ge.Cameo != "" {
			t = "CAMEO " + ge.Cameo[:min(2, len(ge.Cameo))]
		}
		ok := s.Matched[gi] >= 0
		rep.Recall.check(ok)
		rep.typeScore(strings.ToUpper(t)).Recall.check(ok)
	}
	for oi, ev := range s.Events {
		ok := s.Owner[oi] >= 0
		rep.Precision.check(ok)
		rep.typeScore(strings.ToUpper(ev.Plover.Type)).Precision.check(ok)
	}
}

// Types returns the event types of the report in order.
func (rep *EventsReport) Types() []string {
	var ts []string
	for t := range rep.ByType {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}
