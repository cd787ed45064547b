package actor

import (
	"sort"
	"strings"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/dict"
)

// facilityWords are nouns that, after a name, make a facility of it: "the
// Francisco de Miranda airbase", "the Altamira road junction".
var facilityWords = map[string]bool{
	"airbase": true, "air base": true, "base": true, "airport": true, "square": true, "street": true, "avenue": true,
	"bridge": true, "palace": true, "stadium": true, "junction": true, "road junction": true, "road": true,
	"highway": true, "port": true, "prison": true, "barracks": true, "camp": true, "crossing": true,
	"border crossing": true, "checkpoint": true, "refinery": true, "plant": true, "park": true, "hotel": true,
}

// titleSplitWords end a title glued before a name by the recogniser
// ("US Secretary of State Michael Pompeo").
var titleSplitWords = map[string]bool{
	"minister": true, "secretary": true, "president": true, "chairman": true, "chairwoman": true, "chief": true,
	"guard": true, "adviser": true, "advisor": true, "ambassador": true, "spokesman": true, "spokeswoman": true,
	"general": true, "governor": true, "premier": true, "king": true, "queen": true, "prince": true,
	"director": true, "commander": true, "judge": true, "senator": true, "mayor": true, "chancellor": true,
	"leader": true, "head": true, "envoy": true, "state": true, "court": true, "speaker": true, "deputy": true,
	"counterpart": true, "prosecutor": true, "justice": true, "officer": true, "colonel": true, "lieutenant": true,
	"sergeant": true, "captain": true, "admiral": true, "marshal": true, "pope": true, "sheikh": true,
	"emir": true, "sultan": true, "ministry": true, "office": true, "department": true, "representative": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true, "lt": true, "sen": true, "rep": true,
	"planning": true, "finance": true, "treasury": true, "exchequer": true, "defense": true, "defence": true,
	"interior": true, "economy": true, "agriculture": true, "industry": true, "labour": true, "labor": true,
	"health": true, "education": true, "energy": true, "affairs": true, "commerce": true, "transport": true,
	"commissioner": true, "coordinator": true, "negotiator": true, "attorney": true, "treasurer": true,
}

// fixMentions repairs what the recogniser gets wrong in news: a title
// glued to the name that follows it, a name that is a facility, and a type
// the dictionary contradicts.
func (s *state) fixMentions() {
	for mi := range s.doc.Mentions {
		s.extendRight(mi)
	}
	for mi := range s.doc.Mentions {
		s.splitTitle(mi)
	}
	for mi := range s.doc.Mentions {
		s.extendFacility(mi)
	}
	for mi := range s.doc.Mentions {
		s.extendName(mi)
	}
	s.voteTypes()
	s.personCues()
	surnames := s.fullNameSurnames()
	for mi := range s.doc.Mentions {
		m := &s.doc.Mentions[mi]
		if m.Type != "" && m.Type != "ORG" && hasCompanySuffix(m.Text) {
			m.Type = "ORG" // "Kokusai Denshin Denwa Co Ltd"
			continue
		}
		k := s.d.Kinds(m.Text)
		place := k&(dict.KindCountry|dict.KindSeat|dict.KindPlace) != 0
		switch {
		case m.Type != "ORG" && k&dict.KindOrg != 0 && k&dict.KindCountry == 0:
			m.Type = "ORG"
		case m.Type != "PER" && k&dict.KindPerson != 0 && !place && k&dict.KindOrg == 0:
			m.Type = "PER"
		case m.Type != "LOC" && place && k&dict.KindPerson == 0 && k&dict.KindOrg == 0 &&
			!(m.Type == "PER" && k&(dict.KindCountry|dict.KindSeat) == 0 && surnames[dict.Key(m.Text)]):
			// but a town's name that is the surname of a person the story
			// names in full is that person ("Maria Ivanova" ... "Ivanova")
			m.Type = "LOC"
		}
	}
}

// fullNameSurnames returns the keys of the last words of the persons named in full
// in the document.
func (s *state) fullNameSurnames() map[string]bool {
	out := map[string]bool{}
	for _, m := range s.doc.Mentions {
		if k := dict.Key(m.Text); m.Type == "PER" && strings.Contains(k, " ") {
			out[k[strings.LastIndexByte(k, ' ')+1:]] = true
		}
	}
	return out
}

// voteTypes gives every mention of a name the dictionary does not know the
// type the recogniser gave it most often in the document ("Craxi" is a
// person throughout, even where one sentence made a place of it).
func (s *state) voteTypes() {
	votes := map[string]map[string]int{}
	vote := func(k, typ string) {
		if votes[k] == nil {
			votes[k] = map[string]int{}
		}
		votes[k][typ]++
	}
	for _, m := range s.doc.Mentions {
		vote(dict.Key(m.Text), m.Type)
		if k := dict.Key(m.Text); m.Type == "PER" && strings.Contains(k, " ") {
			sur := k[strings.LastIndexByte(k, ' ')+1:] // a full name settles its surname
			vote(sur, m.Type)
			vote(sur, m.Type)
		}
	}
	// the surname of a person named in full is that person, even where the
	// recogniser made a place of it ("Robert Anderson" ... "Anderson said")
	surnames := s.fullNameSurnames()
	for mi := range s.doc.Mentions {
		m := &s.doc.Mentions[mi]
		if m.Type != "PER" && surnames[dict.Key(m.Text)] && s.d.Kinds(m.Text)&(dict.KindCountry|dict.KindSeat|dict.KindOrg|dict.KindAdjective) == 0 {
			m.Type = "PER"
			continue
		}
		v := votes[dict.Key(m.Text)]
		if len(v) < 2 && v[m.Type] > 0 || s.isFacility(mi) || s.d.Kinds(m.Text)&^dict.KindPerson != 0 {
			continue
		}
		best, bestN := m.Type, v[m.Type]
		for _, t := range []string{"PER", "ORG", "LOC"} {
			if v[t] > bestN {
				best, bestN = t, v[t]
			}
		}
		m.Type = best
	}
}

// extendRight grows a mention over capitalised words right after it that
// the recogniser left out ("[Presidential Guard Ivan] Hernandez"), except
// in title-case lines, over date words, titles and country words.
func (s *state) extendRight(mi int) {
	a, z := s.menTok[mi][0], s.menTok[mi][1]
	si := s.sentOf(a)
	if si < 0 || s.titleCase(si) || s.d.Kinds(s.doc.Mentions[mi].Text) != 0 {
		return // a name the dictionary knows is complete
	}
	end := z
	for end < len(s.doc.Tokens) && s.sameSentence(a, end) {
		if o := s.tokMen[end]; o >= 0 {
			// a person's name cut in two: "[... Willy De] [Clercq]"
			om := &s.doc.Mentions[o]
			if o == mi || om.Type != "PER" || s.menTok[o][0] != end || !startsUpper(s.word(end-1)) || titleSplitWords[s.lower(end-1)] {
				break
			}
			end = s.menTok[o][1]
			om.Type = "" // absorbed
			break
		}
		w := s.word(end)
		lw := strings.ToLower(w)
		if !startsUpper(w) || !isLetters(w) || dateWords[lw] || titleSplitWords[lw] || titleLower[lw] || notTitle[w] {
			break
		}
		if s.d.Kinds(w)&(dict.KindCountry|dict.KindAdjective|dict.KindOrg|dict.KindSeat) != 0 {
			break
		}
		end++
	}
	if end == z {
		return
	}
	m := &s.doc.Mentions[mi]
	m.Span = s.spanOf(a, end)
	m.Text = s.doc.Span(m.Span)
	s.menTok[mi] = [2]int{a, end}
	for i := z; i < end; i++ {
		s.tokMen[i] = mi
	}
}

// titleCase reports whether sentence si is a title-case line: several
// capitalised words and hardly any lower-case word of four letters or more.
func (s *state) titleCase(si int) bool {
	r := s.doc.Sentences[si].Tokens
	lower, caps := 0, 0
	for i := r.Start; i < r.End && i < len(s.doc.Tokens); i++ {
		w := s.doc.Tokens[i].Text
		if !isLetters(w) || len(w) < 4 {
			continue
		}
		if startsUpper(w) {
			caps++
		} else {
			lower++
		}
	}
	return caps >= 3 && lower < 2
}

// dateWords are capitalised words that end a name.
var dateWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

// splitTitle turns "Defense Minister Vladimir Padrino Lopez" (one mention)
// into the person "Vladimir Padrino Lopez": the name is the capitalised
// tail after the last title word, at least two words long.
func (s *state) splitTitle(mi int) {
	a, z := s.menTok[mi][0], s.menTok[mi][1]
	if z-a < 3 {
		return
	}
	last := -1
	for i := a; i < z; i++ {
		if titleSplitWords[strings.TrimSuffix(s.lower(i), ".")] {
			last = i
		}
	}
	if last < 0 || z-(last+1) < 2 {
		return
	}
	for i := last + 1; i < z; i++ {
		if !startsUpper(s.word(i)) && !nameParticle(s.lower(i)) {
			return
		}
	}
	for i := a; i <= last; i++ {
		s.tokMen[i] = -1
	}
	m := &s.doc.Mentions[mi]
	m.Span = s.spanOf(last+1, z)
	m.Text = s.doc.Span(m.Span)
	m.Type = "PER"
	s.menTok[mi] = [2]int{last + 1, z}
}

func nameParticle(w string) bool {
	switch w {
	case "de", "da", "del", "van", "von", "bin", "al", "el", "la", "le", "di", "du", "dos", "y":
		return true
	}
	return false
}

func startsUpper(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z' || r > 0x7f && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// extendName grows a person mention over a capitalised word before it that
// is a given name the recogniser left out ("Prime Minister Bettino
// [Craxi]"): not a title, sector or country word, not sentence-initial
// unless the dictionary knows it as a first name.
func (s *state) extendName(mi int) {
	m := &s.doc.Mentions[mi]
	a, z := s.menTok[mi][0], s.menTok[mi][1]
	if m.Type == "ORG" {
		// "the Combined Joint Task Force": a capitalised word between
		// "the" and an organisation's name is the name's
		i := a - 1
		if i >= 1 && s.tokMen[i] < 0 && s.lower(i-1) == "the" && s.sameSentence(i-1, a) && startsUpper(s.word(i)) &&
			isLetters(s.word(i)) && !s.isCountryWord(i) && !s.sentenceStart(i) {
			m.Span = s.spanOf(i, z)
			m.Text = s.doc.Span(m.Span)
			s.menTok[mi] = [2]int{i, z}
			s.tokMen[i] = mi
		}
		return
	}
	if m.Type != "PER" {
		return
	}
	i := a - 1
	if i < 0 || s.tokMen[i] >= 0 || !s.sameSentence(i, a) {
		return
	}
	w := s.word(i)
	lw := strings.ToLower(w)
	if !startsUpper(w) || len(w) < 2 || titleSplitWords[strings.TrimSuffix(lw, ".")] || titleLower[lw] || notTitle[w] {
		return
	}
	if _, ok := s.d.Sector(lw); ok {
		return
	}
	if s.d.Kinds(w)&^(dict.KindPerson|dict.KindPlace) != 0 {
		return
	}
	if first := s.doc.Sentences[s.sentOf(i)].Tokens.Start; i == first && !s.d.IsFirstName(w) {
		return
	}
	if w == strings.ToUpper(w) && m.Text != strings.ToUpper(m.Text) {
		return
	}
	m.Span = s.spanOf(i, z)
	m.Text = s.doc.Span(m.Span)
	s.menTok[mi] = [2]int{i, z}
	s.tokMen[i] = mi
}

// extendFacility grows a mention followed by a facility noun into a
// facility: "Francisco de Miranda" + "airbase".
func (s *state) extendFacility(mi int) {
	a, z := s.menTok[mi][0], s.menTok[mi][1]
	if z >= len(s.doc.Tokens) || !s.sameSentence(a, z) || s.tokMen[z] >= 0 {
		return
	}
	n := 0
	if z+1 < len(s.doc.Tokens) && facilityWords[s.lower(z)+" "+s.lower(z+1)] && s.tokMen[z+1] < 0 {
		n = 2
	} else if facilityWords[s.lower(z)] {
		n = 1
	}
	if n == 0 {
		return
	}
	m := &s.doc.Mentions[mi]
	m.Span = s.spanOf(a, z+n)
	m.Text = s.doc.Span(m.Span)
	m.Type = "LOC"
	s.menTok[mi] = [2]int{a, z + n}
	for i := a; i < z+n; i++ {
		s.tokMen[i] = mi
	}
	s.facility = append(s.facility, mi)
}

// countCountries finds the countries each sentence refers to (names,
// adjectives, places) and the document's focus: the most referred-to.
func (s *state) countCountries() {
	s.sentCountries = make([][]cref, len(s.doc.Sentences))
	add := func(tok int, code string) {
		si := s.sentOf(tok)
		if si < 0 || code == "" {
			return
		}
		s.sentCountries[si] = append(s.sentCountries[si], cref{tok, code})
		s.docCount[code]++
	}
	for i := 0; i < len(s.doc.Tokens); i++ {
		if mi := s.tokMen[i]; mi >= 0 {
			a, z := s.menTok[mi][0], s.menTok[mi][1]
			if a != i {
				continue
			}
			m := s.doc.Mentions[mi]
			if m.Type == "LOC" && !s.isFacility(mi) {
				if c, ok := s.d.CountryNamed(m.Text); ok {
					add(i, c.Code)
				} else if p, ok := s.d.Place(m.Text); ok {
					add(i, p.Country)
				}
			}
			_ = z
			continue
		}
		if c, n := s.adjectiveAt(i); n > 0 {
			add(i, c)
			i += n - 1
		}
	}
	best := 0
	for code, n := range s.docCount {
		if n > best || n == best && code < s.focus {
			best, s.focus = n, code
		}
	}
}

func (s *state) isFacility(mi int) bool {
	for _, f := range s.facility {
		if f == mi {
			return true
		}
	}
	return false
}

// adjectiveAt returns the country of a capitalised country adjective or
// demonym of one or two tokens at i ("Venezuelan", "South Korean").
func (s *state) adjectiveAt(i int) (string, int) {
	if !startsUpper(s.word(i)) || s.lower(i) == "the" {
		return "", 0
	}
	if i+1 < len(s.doc.Tokens) && startsUpper(s.word(i+1)) {
		if c, ok := s.d.CountryOfAdjective(s.word(i) + " " + s.word(i+1)); ok {
			return c.Code, 2
		}
	}
	if continental[s.lower(i)] && i > 0 && regionWord[s.lower(i-1)] {
		return "", 0 // "Latin American", "West African": a region, not a state
	}
	if c, ok := s.d.CountryOfAdjective(s.word(i)); ok {
		return c.Code, 1
	}
	return "", 0
}

// continental are adjectives of continents that are also a state's
// ("American"); after a region word they name the region.
var continental = map[string]bool{"american": true, "african": true, "asian": true, "european": true, "americans": true, "africans": true}

var regionWord = map[string]bool{"latin": true, "south": true, "north": true, "central": true, "east": true, "west": true,
	"southeast": true, "northeast": true, "southern": true, "northern": true, "eastern": true, "western": true, "pan": true}

// contextCountry returns the country the words around token i are about:
// of the countries its sentence refers to (else the previous sentence),
// the one the document refers to most; with none, the document's focus.
func (s *state) contextCountry(i int) string {
	si := s.sentOf(i)
	if si < 0 {
		return s.focus
	}
	for _, k := range []int{si, si - 1} {
		if k < 0 {
			break
		}
		best, bestN := "", 0
		for _, r := range s.sentCountries[k] {
			if n := s.docCount[r.code]; n > bestN || n == bestN && r.code < best {
				best, bestN = r.code, n
			}
		}
		if best != "" {
			return best
		}
	}
	return s.focus
}

// companySuffixes end the names of companies.
var companySuffixes = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "llc": true, "plc": true,
	"ag": true, "sa": true, "nv": true, "gmbh": true, "spa": true, "bv": true, "corporation": true, "incorporated": true,
	"limited": true, "holdings": true}

// hasCompanySuffix reports whether a name of two words or more ends in a
// company suffix.
func hasCompanySuffix(name string) bool {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return false
	}
	return companySuffixes[strings.ToLower(strings.Trim(name[i+1:], ".,"))]
}

// dictionaryOrgs adds, where the recogniser found nothing, the
// organisations the dictionary names exactly: capitalised words ("Reuters",
// "the Houthis", "Greenpeace") whose text is an organisation's name or
// alias. A single word that opens a sentence must be written as the
// dictionary writes it, so that an ordinary capitalised word is no name.
func (s *state) dictionaryOrgs() {
	toks := s.doc.Tokens
	added := false
	for i := 0; i < len(toks); i++ {
		if s.tokMen[i] >= 0 || !startsUpper(toks[i].Text) {
			continue
		}
		for n := min(4, len(toks)-i); n >= 1; n-- {
			z := i + n
			if !s.sameSentence(i, z-1) || !startsUpper(toks[z-1].Text) || s.covered(i, z) {
				continue
			}
			text := s.textOf(i, z)
			o, ok := s.d.Org(text)
			if !ok || len(text) < 2 || len(text) == 2 && text != strings.ToUpper(text) || s.d.Kinds(text)&(dict.KindCountry|dict.KindPerson) != 0 {
				continue
			}
			if n == 1 && s.sentenceStart(i) && !writtenAs(text, o) && text != strings.ToUpper(text) {
				continue
			}
			s.doc.Mentions = append(s.doc.Mentions, dateline.Mention{Span: s.spanOf(i, z), Text: text, Type: "ORG", Entity: -1})
			added = true
			i = z - 1
			break
		}
	}
	if added {
		sort.SliceStable(s.doc.Mentions, func(a, b int) bool { return s.doc.Mentions[a].Span.Start < s.doc.Mentions[b].Span.Start })
		s.index()
	}
}

// covered reports whether any token of [a, z) is inside a mention.
func (s *state) covered(a, z int) bool {
	for i := a; i < z; i++ {
		if s.tokMen[i] >= 0 {
			return true
		}
	}
	return false
}

// writtenAs reports whether text is written exactly as o's name or one of
// its aliases.
func writtenAs(text string, o dict.Org) bool {
	if text == o.Name {
		return true
	}
	for _, a := range o.Aliases {
		if a == text {
			return true
		}
	}
	return false
}

// kin are words that only people stand in.
var kin = map[string]bool{"wife": true, "husband": true, "son": true, "daughter": true, "mother": true, "father": true,
	"brother": true, "sister": true, "widow": true, "widower": true, "fiancée": true, "fiancee": true, "fiance": true,
	"fiancé": true, "spouse": true, "uncle": true, "aunt": true, "nephew": true, "niece": true, "cousin": true,
	"grandson": true, "granddaughter": true, "grandmother": true, "grandfather": true}

// personCues makes a person of a name the recogniser typed as a place or
// an organisation, when the dictionary does not know it and the text says
// it is someone: "Viktar Babaryka, who was arrested", "Veranika Tsapkala,
// wife of …", "her husband Siarhei".
func (s *state) personCues() {
	for mi := range s.doc.Mentions {
		m := &s.doc.Mentions[mi]
		if s.d.Kinds(m.Text) != 0 {
			continue
		}
		a, z := s.menTok[mi][0], s.menTok[mi][1]
		if z-a == 1 && strings.HasSuffix(s.lower(a), "stan") && len(m.Text) > 6 {
			m.Type = "LOC" // "Kurdistan", "Waziristan": a land
			continue
		}
		if m.Type == "PER" {
			continue
		}
		after := s.lower(z) == "," && (s.lower(z+1) == "who" || s.lower(z+1) == "whose" || kin[s.lower(z+1)])
		before := kin[s.lower(a-1)] && (s.lower(a-2) == "her" || s.lower(a-2) == "his" || s.lower(a-2) == "their")
		if (after || before) && s.sameSentence(a, z) {
			m.Type = "PER"
		}
	}
}
