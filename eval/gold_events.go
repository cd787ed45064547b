package eval

import (
	"slices"
	"strings"

	"github.com/dateline-news/dateline"
)

// scoreEvents matches output events to gold events as FORMAT.md says: each
// gold event to at most one output event, by source and target country,
// root code and date. It finds the largest such matching, so the order of
// events cannot cost a match.
func scoreEvents(g *goldFile, doc *dateline.Document, s *ArticleScore) {
	evs := doc.Events
	// A negated event did not happen: it is not counted against the gold.
	var happened []dateline.Event
	for _, ev := range evs {
		if !ev.Negated {
			happened = append(happened, ev)
		}
	}
	evs = happened
	edges := make([][]int, len(g.Events))
	for gi, ge := range g.Events {
		for oi := range evs {
			if eventMatches(ge, evs[oi], true) {
				edges[gi] = append(edges[gi], oi)
			}
		}
	}
	owner := maxMatching(edges, len(evs)) // owner[output] = gold index or -1
	matchedGold := make([]int, len(g.Events))
	for i := range matchedGold {
		matchedGold[i] = -1
	}
	for oi, gi := range owner {
		if gi >= 0 {
			matchedGold[gi] = oi
		}
	}
	for gi, ge := range g.Events {
		oi := matchedGold[gi]
		s.Scores.EventRecall.check(oi >= 0)
		if oi < 0 {
			s.missf("event %s %s→%s %v not found: %q", ge.ID, ge.Source, ge.Target, ge.Roots, ge.Evidence)
			continue
		}
		ev := evs[oi]
		s.Scores.EventCode.check(slices.Contains(ge.Codes, ev.Code))
		s.Scores.EventSector.check(sectorsAgree(ge, ev))
	}
	matched, optional := 0, 0
	for oi, ev := range evs {
		if owner[oi] >= 0 {
			matched++
			continue
		}
		isOptional := false
		for _, oe := range g.OptionalEvents {
			isOptional = isOptional || eventMatches(oe, ev, false)
		}
		if isOptional {
			optional++
			continue
		}
		target := "-"
		if ev.Target != nil {
			target = ev.Target.Actor
		}
		s.missf("event %s %s→%s (line %d) is not in the gold: %q", ev.Code, ev.Source.Actor, target, doc.Line(ev.Trigger.Start), doc.Span(ev.Sentence))
	}
	s.Scores.EventPrecision = Count{Hit: matched, Total: len(evs) - optional}
}

// eventMatches reports whether output event ev matches gold event ge;
// withDate also requires the date unless the gold makes it optional.
func eventMatches(ge goldEvent, ev dateline.Event, withDate bool) bool {
	if !slices.Contains(ge.Roots, ev.Root) {
		return false
	}
	target := ""
	if ev.Target != nil {
		target = ev.Target.Actor
	}
	direct := actorMatches(ge.Source, ev.Source.Actor) && targetMatches(ge, target)
	swapped := ge.Symmetric && actorMatches(ge.Source, target) && targetMatches(ge, ev.Source.Actor)
	if !direct && !swapped {
		return false
	}
	if withDate && !ge.DateOptional && ge.Date != "" {
		return dateWithin(ev.Date.Value, ge.Date)
	}
	return true
}

func targetMatches(ge goldEvent, actor string) bool {
	if ge.TargetOptional || actorMatches(ge.Target, actor) {
		return true
	}
	for _, t := range ge.TargetAlso {
		if actorMatches(t, actor) {
			return true
		}
	}
	return false
}

// actorMatches compares the country parts (first three letters) of a gold
// and an output actor code; "*" matches anything.
func actorMatches(gold, out string) bool {
	if gold == "*" {
		return true
	}
	return out != "" && prefix3(gold) == prefix3(out)
}

func sectorsAgree(ge goldEvent, ev dateline.Event) bool {
	target := ""
	if ev.Target != nil {
		target = ev.Target.Actor
	}
	direct := sectorMatches(ge.Source, ev.Source.Actor) && (ge.Target == "*" || sectorMatches(ge.Target, target))
	swapped := ge.Symmetric && sectorMatches(ge.Source, target) && sectorMatches(ge.Target, ev.Source.Actor)
	return ge.Source == "*" || direct || swapped
}

// dateWithin reports whether the output date (a day or a range) equals or
// lies inside the gold date (a day or a range "start/end").
func dateWithin(out, gold string) bool {
	if out == "" {
		return false
	}
	if out == gold {
		return true
	}
	gs, ge, ok := strings.Cut(gold, "/")
	if !ok {
		ge = gs
	}
	from, to, ok := strings.Cut(out, "/")
	if !ok {
		to = from
	}
	// ISO dates of the same precision compare as strings.
	return len(from) == len(gs) && len(to) == len(ge) && from >= gs && to <= ge
}

// maxMatching returns, for each of n outputs, the gold index it is matched
// to (or -1), maximising the number of matched gold records (Kuhn's
// augmenting paths).
func maxMatching(edges [][]int, n int) []int {
	owner := make([]int, n)
	for i := range owner {
		owner[i] = -1
	}
	var try func(g int, seen []bool) bool
	try = func(g int, seen []bool) bool {
		for _, o := range edges[g] {
			if seen[o] {
				continue
			}
			seen[o] = true
			if owner[o] < 0 || try(owner[o], seen) {
				owner[o] = g
				return true
			}
		}
		return false
	}
	for g := range edges {
		try(g, make([]bool, n))
	}
	return owner
}
