package actor

import (
	"strconv"
	"strings"

	"github.com/dateline-news/dateline/dict"
)

// nominals finds, outside the recogniser's mentions, country adjectives
// and capitalised country abbreviations ("Venezuelan", "US" in a title):
// mentions of their state. The agent phrases they qualify are agents'.
func (s *state) nominals() {
	toks := s.doc.Tokens
	for i := 0; i < len(toks); i++ {
		if s.tokMen[i] >= 0 {
			continue
		}
		country, n := s.adjectiveAt(i)
		if n == 0 && startsUpper(s.word(i)) && s.word(i+1) != "'s" {
			if c, ok := s.d.CountryNamed(s.word(i)); ok && s.word(i) == strings.ToUpper(s.word(i)) && len(s.word(i)) >= 2 {
				country, n = c.Code, 1 // "US" in a title
			}
		}
		if n == 0 {
			continue
		}
		if c, ok := s.d.Country(country); ok {
			s.country(c, -1, i, i+n)
		}
		i += n - 1
	}
}

// group is a plural noun phrase that names a group actor, for "they".
type group struct {
	tok int // last token
	e   *ent
}

// plurals links they, them, their and themselves to the nearest group
// named before them in the same or the previous sentence ("a group of
// Russian military specialists. The United States demands their pullout").
func (s *state) plurals() {
	for i, t := range s.doc.Tokens {
		switch strings.ToLower(t.Text) {
		case "they", "them", "their", "themselves":
		default:
			continue
		}
		si := s.sentOf(i)
		for k := len(s.groups) - 1; k >= 0; k-- {
			g := s.groups[k]
			if g.tok >= i {
				continue
			}
			if si-s.sentOf(g.tok) <= 1 {
				s.addMention(g.e, i, i+1)
			}
			break
		}
	}
}

func isLetters(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
			return false
		}
	}
	return true
}

func singular(p string) string {
	switch {
	case strings.HasSuffix(p, "forces"), strings.HasSuffix(p, "authorities"):
		return p
	case strings.HasSuffix(p, "ies"):
		return p[:len(p)-3] + "y"
	case strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss"):
		return p[:len(p)-1]
	}
	return p
}

// surnames adds, outside the recogniser's mentions, every capitalised
// word that is the surname of a person of the document ("Maduro", after
// "Nicolas Maduro" or on its own when the dictionary knows him).
func (s *state) surnames() {
	last := map[string]*ent{}
	for _, e := range s.ents {
		if e.e.Type == Person && e.surname != "" && len(e.surname) > 2 {
			if o, ok := last[e.surname]; !ok || len(e.e.Mentions) > len(o.e.Mentions) {
				last[e.surname] = e
			}
		}
	}
	for i, t := range s.doc.Tokens {
		if s.tokMen[i] >= 0 || !startsUpper(t.Text) {
			continue
		}
		if e, ok := last[dict.Key(t.Text)]; ok {
			s.addMention(e, i, i+1)
			s.tokPer[i] = e
		}
	}
}

// pronouns links he, him, his, she, her... to the nearest person mentioned
// before them in the same or the two previous sentences.
func (s *state) pronouns() {
	for i, t := range s.doc.Tokens {
		switch strings.ToLower(t.Text) {
		case "he", "him", "his", "himself", "she", "her", "hers", "herself":
		default:
			continue
		}
		if s.tokMen[i] >= 0 {
			continue
		}
		if e := s.personBefore(i); e != nil {
			s.addMention(e, i, i+1)
		}
	}
}

// its links "it" (the subject of a verb that is not a copula: "Iraq said it
// would allow …") and "its" to the nearest state or organisation with an
// actor code named before them in the same or the previous sentence; an
// expletive "it" ("it is a stab in the back") is left alone.
func (s *state) its() {
	toks := s.doc.Tokens
	for i, t := range toks {
		w := strings.ToLower(t.Text)
		if w != "it" && w != "its" || s.tokMen[i] >= 0 {
			continue
		}
		if w == "it" {
			h := t.Head
			if !strings.HasPrefix(t.Rel, "nsubj") || h < 0 || h >= len(toks) || toks[h].POS != "VERB" || toks[h].Lemma == "be" {
				continue
			}
		}
		si := s.sentOf(i)
		var best *ent
		bestAt := -1
		at := t.Span.Start
		for _, e := range s.ents {
			if e.e.Type != GPE && e.e.Type != Org || e.e.Actor == "" {
				continue
			}
			for _, m := range e.e.Mentions {
				if m.Span.Start < at && m.Span.Start > bestAt && si-s.doc.SentenceAt(m.Span.Start) <= 1 {
					best, bestAt = e, m.Span.Start
				}
			}
		}
		if best != nil {
			s.addMention(best, i, i+1)
		}
	}
}

// datelinePlace makes sure the dateline's place is a place entity.
func (s *state) datelinePlace() {
	dl := s.doc.Dateline
	if dl == nil || dl.Place == "" || dl.PlaceSpan.Len() == 0 {
		return
	}
	a := s.tokenAt(dl.PlaceSpan.Start)
	z := a
	for z < len(s.doc.Tokens) && s.doc.Tokens[z].Span.Start < dl.PlaceSpan.End {
		z++
	}
	if a >= z {
		return
	}
	if mi := s.tokMen[a]; mi >= 0 {
		for _, e := range s.ents { // already a place entity
			for _, x := range e.mentions {
				if x == mi && e.e.Type == Loc {
					return
				}
			}
		}
		// the dateline's place is a place, not its government
		for _, e := range s.ents {
			for k, x := range e.mentions {
				if x == mi {
					e.mentions = append(e.mentions[:k], e.mentions[k+1:]...)
					delete(s.menEnt, mi)
					sp := s.spanOf(a, z)
					for mk, em := range e.e.Mentions {
						if em.Span == sp {
							e.e.Mentions = append(e.e.Mentions[:mk], e.e.Mentions[mk+1:]...)
							break
						}
					}
					break
				}
			}
		}
	}
	var countries []string
	if dl.Country != "" {
		countries = append(countries, dl.Country)
	}
	p, ok := s.d.Place(dl.Place, countries...)
	var e *ent
	if ok {
		e = s.entity("L:"+strconv.Itoa(p.GeonameID), Loc, placeName(dl.Place, p))
		e.e.Geo, e.e.Country = p.Geo(), p.Country
	} else {
		e = s.entity("L:"+dict.Key(dl.Place), Loc, dl.Place)
		e.e.Country = dl.Country
	}
	if mi := s.tokMen[a]; mi >= 0 {
		s.link(e, mi)
	}
	s.addMention(e, a, z)
}
