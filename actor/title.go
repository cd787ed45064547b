package actor

import (
	"strings"

	"github.com/dateline-news/dateline/dict"
)

// title is what the words before (or after) a person's name say about them.
type title struct {
	country     string // from an adjective, a name or a possessive
	org         string // actor code of an organisation named in the title
	role        string // "Foreign Minister"
	sector      string // "GOV"
	counterpart bool   // "counterpart": same office as the possessor
	former      bool   // "former", "ex-": no longer in office (ELI)
	possessor   int    // token of "his"/"her" in the title, -1
	start       int    // first token of the title
}

// titleLower are lower-case words that may be part of a title before a
// name, besides those of the sector lexicon.
var titleLower = map[string]bool{
	"national": true, "security": true, "adviser": true, "advisor": true, "counterpart": true, "figurehead": true,
	"visiting": true, "chief": true, "of": true, "the": true, "former": true, "acting": true, "deputy": true,
	"foreign": true, "defense": true, "defence": true, "interior": true, "first": true, "vice": true, "prime": true,
	"interim": true, "his": true, "her": true, "its": true, "top": true, "senior": true, "leader": true, "head": true,
	"envoy": true, "minister": true, "secretary": true, "president": true, "spokesman": true, "spokeswoman": true,
	"opposition": true, "'s": true, "’s": true, "affairs": true, "general": true, "state": true, "special": true,
	"representative": true, "new": true, "then": true, "ex": true, "self-proclaimed": true, "exiled": true,
	"veteran": true, "outgoing": true, "incoming": true, "u.s.": true, "us": true, "and": false,
}

// officeHeads are nouns whose lower-case modifier is part of a title
// ("finance minister", "trade secretary").
var officeHeads = map[string]bool{"minister": true, "ministry": true, "secretary": true, "spokesman": true,
	"spokeswoman": true, "official": true, "chief": true, "adviser": true, "advisor": true}

// notTitle are capitalised words that never belong to a title.
var notTitle = map[string]bool{"On": true, "In": true, "At": true, "But": true, "And": true, "When": true, "After": true, "Before": true, "The": false}

// titleBefore reads the title that precedes the name starting at token a,
// in the same sentence: "Russian Foreign Minister", "his visiting
// Venezuelan counterpart", "Venezuela's Defense Minister", "chief of the
// Presidential Guard".
func (s *state) titleBefore(a int) (title, bool) {
	t := title{possessor: -1, start: a}
	i := a - 1
	for ; i >= 0 && s.sameSentence(i, a); i-- {
		if s.tokMen[i] >= 0 && s.doc.Mentions[s.tokMen[i]].Type == "PER" {
			break
		}
		w := s.word(i)
		lw := strings.ToLower(w)
		if startsUpper(w) && !notTitle[w] {
			continue
		}
		if titleLower[lw] {
			continue
		}
		if _, ok := s.d.Sector(lw); ok && lw != "people" {
			continue
		}
		if isLetters(w) && officeHeads[s.lower(i+1)] {
			continue // "oil minister", "finance ministry"
		}
		break
	}
	start := i + 1
	// trim function words at the left edge
	for start < a && (s.lower(start) == "of" || s.lower(start) == "the" || s.lower(start) == "and") {
		start++
	}
	if start >= a {
		return t, false
	}
	t.start = start
	return s.readTitle(t, start, a)
}

// titleAfter reads an apposition after the name ending at token z:
// "Sergey Lavrov, Russia's foreign minister,".
func (s *state) titleAfter(z int) (title, bool) {
	t := title{possessor: -1, start: z}
	if s.word(z) != "," {
		return t, false
	}
	end := z + 1
	for end < len(s.doc.Tokens) && s.sameSentence(end, z) && end-z < 8 {
		w := s.word(end)
		lw := strings.ToLower(w)
		if w == "," || w == "." {
			break
		}
		if lw == "a" || lw == "an" || startsUpper(w) || titleLower[lw] {
			end++
			continue
		}
		if _, ok := s.d.Sector(lw); ok {
			end++
			continue
		}
		return t, false
	}
	if end == z+1 || (s.word(end) != "," && s.word(end) != ".") {
		return t, false
	}
	t.start = z + 1
	tt, ok := s.readTitle(t, z+1, end)
	if !ok || tt.sector == "" {
		return t, false // an apposition must name an office
	}
	return tt, true
}

// readTitle analyses the title tokens [a, z).
func (s *state) readTitle(t title, a, z int) (title, bool) {
	var role []string
	for i := a; i < z; i++ {
		w := s.word(i)
		lw := strings.ToLower(w)
		if t.country == "" {
			if code, n := s.countryWordsAt(i, z); n > 0 {
				t.country = code
				i += n - 1
				if i+1 < z && (s.word(i+1) == "'s" || s.word(i+1) == "’s") {
					i++
				}
				continue
			}
		}
		if t.org == "" && startsUpper(w) {
			for n := min(3, z-i); n >= 1; n-- {
				if o, ok := s.d.Org(s.textOf(i, i+n)); ok && s.d.Kinds(s.textOf(i, i+n))&dict.KindCountry == 0 {
					t.org = o.Code
					break
				}
			}
		}
		switch lw {
		case "his", "her", "its":
			t.possessor = i
			continue
		case "counterpart", "counterparts":
			t.counterpart = true
			continue
		case "former", "ex":
			t.former = true
			if len(role) == 0 {
				continue
			}
		case "visiting", "a", "an", "then", "new":
			if len(role) == 0 {
				continue
			}
		case "the", "of":
			if len(role) == 0 {
				continue
			}
		}
		if s.tokMen[i] >= 0 && s.doc.Mentions[s.tokMen[i]].Type == "LOC" {
			continue
		}
		role = append(role, w)
	}
	for len(role) > 0 && (role[len(role)-1] == "of" || role[len(role)-1] == "the") {
		role = role[:len(role)-1]
	}
	t.role = strings.Join(role, " ")
	t.sector = s.sectorOf(role)
	if t.country == "" && t.sector == "" && t.org == "" && !t.counterpart {
		return t, false
	}
	return t, true
}

// countryWordsAt reads a country name, abbreviation or adjective of up to
// three tokens at i (before z).
func (s *state) countryWordsAt(i, z int) (string, int) {
	for n := min(3, z-i); n >= 1; n-- {
		txt := s.textOf(i, i+n)
		if !startsUpper(txt) {
			continue
		}
		if c, ok := s.d.CountryOfAdjective(txt); ok {
			return c.Code, n
		}
		if c, ok := s.d.CountryNamed(txt); ok {
			return c.Code, n
		}
	}
	return "", 0
}

// sectorOf returns the sector of the longest phrase of words the sector
// lexicon knows; among equals, the rightmost (the head of the title).
func (s *state) sectorOf(words []string) string {
	best, bestN := "", 0
	for i := range words {
		for n := 1; n <= 4 && i+n <= len(words); n++ {
			if sec, ok := s.d.Sector(strings.Join(words[i:i+n], " ")); ok && n >= bestN {
				best, bestN = sec, n
			}
		}
	}
	return best
}
