package actor

import (
	"strconv"
	"strings"

	"github.com/dateline-news/dateline/dict"
)

// institutions are common nouns that name a state's institution or a
// group acting in it; with a country adjective ("the Russian embassy") or
// from the country in focus ("the opposition") they are actors.
var institutions = map[string]bool{
	"government": true, "opposition": true, "military": true, "army": true, "authorities": true, "police": true,
	"regime": true, "administration": true, "parliament": true, "judiciary": true, "embassy": true, "ministry": true,
	"foreign ministry": true, "defense ministry": true, "defence ministry": true, "interior ministry": true,
	"rebels": true, "insurgents": true, "protesters": true, "protestors": true, "demonstrators": true,
	"troops": true, "armed forces": true, "security forces": true, "national guard": true, "navy": true,
	"air force": true, "cabinet": true, "consulate": true, "foreign office": true, "opposition supporters": true,
	"military specialists": true, "military servicemen": true, "servicemen": true, "soldiers": true,
	"civilians": true, "militants": true, "court": true, "opponents": true, "supreme court": true,
	"legislature": true, "senate": true, "diplomats": true,
}

// orgInstitutions become ORG entities named after the text (an embassy,
// a ministry); the others are groups named after their country.
var orgInstitutions = map[string]bool{
	"embassy": true, "ministry": true, "foreign ministry": true, "defense ministry": true, "defence ministry": true,
	"interior ministry": true, "consulate": true, "foreign office": true, "court": true, "supreme court": true,
}

// nominals finds, outside the recogniser's mentions, country adjectives
// (mentions of their state) and institutions ("the Venezuelan
// authorities", "the military", "the Russian embassy in Caracas").
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
		if n > 0 {
			if c, ok := s.d.Country(country); ok {
				s.country(c, -1, i, i+n)
			}
		}
		j := i + n
		if j >= len(toks) || s.tokMen[j] >= 0 || !s.sameSentence(i, j) {
			if n > 0 {
				i = j - 1
			}
			continue
		}
		k := s.institutionAt(j)
		if k == 0 {
			if n > 0 {
				i = j - 1
			}
			continue
		}
		inst := strings.ToLower(s.textOf(j, j+k))
		if n == 0 && !s.determined(i) {
			i = j + k - 1
			continue
		}
		if country == "" {
			country = s.contextCountry(i)
		}
		sector, _ := s.d.Sector(inst)
		if sector == "" || country == "" {
			i = j + k - 1
			continue
		}
		start, end := i, j+k
		if n == 0 {
			start = j
		}
		c, _ := s.d.Country(country)
		adj := c.Name
		if len(c.Adjectives) > 0 {
			adj = c.Adjectives[0]
		}
		var e *ent
		if orgInstitutions[inst] {
			// "the Russian embassy in Caracas"
			if end+1 < len(toks) && s.lower(end) == "in" && s.tokMen[end+1] >= 0 && s.doc.Mentions[s.tokMen[end+1]].Type == "LOC" {
				_, mz := s.menTok[s.tokMen[end+1]][0], s.menTok[s.tokMen[end+1]][1]
				end = mz
			}
			name := adj + " " + strings.TrimPrefix(s.textOf(j, end), "the ")
			e = s.entity("O:"+dict.Key(name), Org, name)
		} else {
			name := adj + " " + strings.TrimSuffix(singular(inst), " supporter")
			e = s.entity("N:"+country+sector+":"+dict.Key(singular(inst)), Org, name)
		}
		if e.e.Actor == "" {
			e.e.Actor = country + sector
		}
		s.addMention(e, start, end)
		if inst != singular(inst) || inst == "authorities" || inst == "police" {
			s.groups = append(s.groups, group{end - 1, e})
		}
		i = end - 1
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

// determined reports whether the word at i is preceded by a determiner or
// is itself plural/capitalised enough to stand alone ("police").
func (s *state) determined(i int) bool {
	switch s.lower(i - 1) {
	case "the", "its", "their", "legitimate", "country's", "local", "state", "federal":
		return true
	}
	switch s.lower(i) {
	case "police", "protesters", "demonstrators", "rebels", "insurgents", "troops", "militants", "civilians", "opponents":
		return true
	}
	return false
}

// institutionAt returns the length of the longest institution phrase at
// token i (up to three tokens), or 0. "military" followed by another
// noun is an adjective, unless the phrase is known ("military specialists").
func (s *state) institutionAt(i int) int {
	for n := 3; n >= 1; n-- {
		if i+n > len(s.doc.Tokens) || !s.sameSentence(i, i+n-1) {
			continue
		}
		p := strings.ToLower(s.textOf(i, i+n))
		if !institutions[p] {
			continue
		}
		if p == "military" || p == "government" || p == "opposition" || p == "police" {
			next := s.doc.Tokens[min(i+n, len(s.doc.Tokens)-1)]
			if i+n < len(s.doc.Tokens) && next.POS == "NOUN" {
				return 0
			}
			if next.POS == "" && i+n < len(s.doc.Tokens) && isNounish(next.Text) {
				return 0
			}
		}
		return n
	}
	return 0
}

// isNounish guesses, without tags, that w is a noun a preceding
// "military" or "government" modifies: a lower-case word that is not a
// verb form, preposition or conjunction.
func isNounish(w string) bool {
	if w == "" || startsUpper(w) || !isLetters(w) {
		return false
	}
	lw := strings.ToLower(w)
	switch lw {
	case "to", "and", "or", "of", "in", "on", "at", "for", "with", "from", "by", "has", "had", "have", "is", "was",
		"were", "are", "will", "would", "said", "says", "that", "which", "who", "as", "but", "not", "also", "could",
		"should", "can", "may", "must", "did", "does":
		return false
	}
	return !strings.HasSuffix(lw, "ed") && !irregularPast[lw]
}

// irregularPast are common irregular past forms, verbs after a noun.
var irregularPast = map[string]bool{
	"held": true, "made": true, "took": true, "came": true, "went": true, "gave": true, "kept": true, "left": true,
	"met": true, "sent": true, "told": true, "won": true, "lost": true, "fell": true, "rose": true, "saw": true,
	"began": true, "brought": true, "thought": true, "fought": true, "stood": true, "ran": true, "became": true,
	"paid": true, "sought": true, "spent": true, "struck": true, "led": true, "let": true, "put": true, "set": true,
	"cut": true, "hit": true, "built": true, "broke": true, "chose": true, "drove": true, "flew": true, "got": true,
	"grew": true, "knew": true, "meant": true, "shot": true, "shut": true, "sold": true, "spoke": true, "swore": true,
	"threw": true, "understood": true, "wrote": true, "seized": true, "retained": true, "remains": true, "says": true,
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
