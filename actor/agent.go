package actor

import (
	"slices"
	"strings"

	"github.com/dateline-news/dateline/dict"
)

// An agent phrase is a common-noun phrase that names a political actor by
// its parts, as PETRARCH and Phoenix code them: an agent from the head noun
// and its modifiers ("officials" GOV, "army officers" MIL, "border police"
// COP, through the sector lexicon built from Phoenix.agents.txt) and a
// country from the phrase itself — a nationality adjective, a country name
// as compound or possessive, an of/from/in phrase, "X-led" ("Palestinian
// officials", "Turkey's parliament", "Ivory Coast rebels", "the army of
// Sudan", "Vietnamese-led forces"). A named organisation in the phrase is
// the actor itself ("Hamas militants" are Hamas). Without a country in the
// phrase the agent takes one only where the text supports it (agentCountry);
// otherwise it stays country-less ("REB"), a true answer.

// The rules by which an agent phrase got its country, as Entity.Basis
// says them (explain, `actors --resolve`).
const (
	ruleInPhrase     = "country in the phrase"
	ruleOrg          = "named organisation in the phrase"
	ruleCoref        = "an earlier mention of the same kind of actor"
	ruleClause       = "the country of its clause's subject"
	ruleSentence     = "the one state its sentence names"
	rulePrevSentence = "the one state the previous sentence names"
	ruleFocus        = "the state the document is about"
	ruleDateline     = "the dateline's country"
	ruleNoCountry    = "no country in the text"
	maxAgentTokens   = 4 // longest agent phrase looked up, in tokens
)

// agentEnt is an agent phrase resolved to an entity, in text order.
type agentEnt struct {
	tok     int // head token
	sector  string
	country string
	rule    string
	e       *ent
}

// isAgentHead reports whether token i can head an agent phrase: a common
// noun (or a capitalised one the recogniser left alone, "the Army") that is
// not inside a name.
func (s *state) isAgentHead(i int) bool {
	if s.tokMen[i] >= 0 {
		return false
	}
	t := s.doc.Tokens[i]
	switch t.POS {
	case "VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "ADV", "INTJ":
		return false
	case "ADJ":
		return t.Rel != "amod" && t.Rel != "" // "a Yemeni civilian" tagged as an adjective
	case "PROPN":
		// "the Army", "Kenyan MPs"; not the last word of a name ("West Bank")
		if s.isCountryWord(i) {
			return false
		}
		p := i - 1
		return p < 0 || !s.sameSentence(p, i) || !startsUpper(s.word(p)) || s.countryBefore(p) || s.sentenceStart(p) ||
			s.inAgent(p, i) // "Interior Ministry"
	}
	return isLetters(t.Text)
}

// sentenceStart reports whether token i begins its sentence.
func (s *state) sentenceStart(i int) bool {
	si := s.sentOf(i)
	return si >= 0 && s.doc.Sentences[si].Tokens.Start == i
}

// isCountryWord reports whether token i names or qualifies a country.
func (s *state) isCountryWord(i int) bool {
	if _, n := s.adjectiveAt(i); n > 0 {
		return true
	}
	_, ok := s.d.CountryNamed(s.word(i))
	return ok
}

// leftEdge returns the first token of the phrase that token h heads to its
// left: its compound, amod, nmod:poss, det and nummod dependents and theirs.
// Unparsed text takes the adjacent country adjectives.
func (s *state) leftEdge(h int) int {
	a := h
	if s.doc.Tokens[h].Rel == "" {
		// unparsed: the adjacent words of the agent phrase, the country
		// words before them and a determiner
		for a > 0 && h-a < maxAgentTokens && s.sameSentence(a-1, h) {
			if s.isCountryWord(a-1) || isLower(s.word(a-1)) && s.inAgent(a-1, h) {
				a--
				continue
			}
			break
		}
		if determiners[s.lower(a-1)] && s.sameSentence(a-1, h) {
			a--
		}
		return a
	}
	for j := h - 1; j >= 0 && h-j <= 8 && s.sameSentence(j, h); j-- {
		if !s.inLeftPhrase(j, h) {
			break
		}
		a = j
	}
	// "Vietnamese - led forces", however the parse hung it together
	if a >= 3 && s.word(a-1) == "led" && s.word(a-2) == "-" && s.sameSentence(a-3, h) && s.countryBefore(a-3) {
		a -= 3
		if mi := s.tokMen[a]; mi >= 0 {
			a = s.menTok[mi][0]
		}
	}
	// a country word right before the phrase qualifies it whatever the
	// parse made of it ("Kenyan MPs")
	for a > 0 && s.sameSentence(a-1, h) && s.countryBefore(a-1) {
		a--
		if mi := s.tokMen[a]; mi >= 0 {
			a = s.menTok[mi][0]
		}
	}
	// a possessive right before the phrase is its possessor whatever the
	// parse made of it ("Peru's Interior Ministry")
	if w := s.word(a - 1); (w == "'s" || w == "’s") && a >= 2 && s.sameSentence(a-2, h) {
		a -= 2
		if mi := s.tokMen[a]; mi >= 0 {
			a = s.menTok[mi][0]
		}
	}
	return a
}

// countryBefore reports whether token k names a state: a country word or
// a mention of a state.
func (s *state) countryBefore(k int) bool {
	if mi := s.tokMen[k]; mi >= 0 {
		e := s.menEnt[mi]
		return e != nil && e.e.Type == GPE
	}
	return s.isCountryWord(k)
}

// inAgent reports whether tokens [a, h] end in an agent phrase that
// starts at a.
func (s *state) inAgent(a, h int) bool {
	_, start := s.agentAt(a, h)
	return start == a
}

// quantity are nouns of how many: "a number of", "thousands of".
var quantity = map[string]bool{"number": true, "group": true, "handful": true, "dozens": true, "hundreds": true,
	"thousands": true, "tens": true, "scores": true, "majority": true, "minority": true, "crowd": true, "crowds": true,
	"some": true, "many": true, "most": true, "several": true, "couple": true, "team": true, "delegation": true}

// determiners open a noun phrase; standsAlone reads them.
var determiners = map[string]bool{"the": true, "its": true, "their": true, "this": true, "these": true, "those": true,
	"that": true, "his": true, "her": true, "our": true, "a": true, "an": true, "any": true, "some": true, "no": true,
	"every": true, "each": true}

func isLower(w string) bool {
	return w != "" && w[0] >= 'a' && w[0] <= 'z' && isLetters(w)
}

// inLeftPhrase reports whether token j, left of h, modifies h inside its
// noun phrase (directly or through a modifier between them).
func (s *state) inLeftPhrase(j, h int) bool {
	for n, k := 0, j; n < 8 && k >= 0 && k < len(s.doc.Tokens); n++ {
		t := s.doc.Tokens[k]
		switch strings.SplitN(t.Rel, ":", 2)[0] {
		case "compound", "amod", "nmod", "det", "nummod", "flat", "case", "punct", "advmod", "cc", "conj":
		default:
			return false
		}
		if t.Rel == "nmod" || t.Rel == "punct" || t.Rel == "cc" || t.Rel == "conj" {
			// only the possessive nmod:poss, "-" inside a compound, and
			// "South and North Korean" stay in the phrase
			if t.Rel == "nmod" || t.Head < j || t.Head > h {
				return false
			}
		}
		if t.Head == h {
			return true
		}
		if t.Head > h || t.Head < h-8 || t.Head == k {
			return false
		}
		k = t.Head
	}
	return false
}

// agentAt returns the sector and first token of the longest agent phrase
// ending at head h within [a, h] ("army officers" before "officers").
func (s *state) agentAt(a, h int) (sector string, start int) {
	for i := max(a, h-maxAgentTokens+1); i <= h; i++ {
		if s.doc.Tokens[i].POS == "DET" || determiners[s.lower(i)] || s.doc.Tokens[i].POS == "PUNCT" || s.word(i) == "'s" || s.isCountryWord(i) {
			continue
		}
		words := make([]string, 0, h-i+1)
		ok := true
		for k := i; k <= h; k++ {
			if s.word(k) == "'s" || s.doc.Tokens[k].POS == "PUNCT" && s.word(k) != "-" {
				ok = false
				break
			}
			words = append(words, s.lower(k))
		}
		if !ok {
			continue
		}
		p := strings.ReplaceAll(strings.Join(words, " "), " - ", "-")
		if sec, found := s.d.Sector(p); found {
			return sec, i
		}
		if lemma := strings.ToLower(s.doc.Tokens[h].Lemma); lemma != "" && lemma != words[len(words)-1] {
			words[len(words)-1] = lemma
			if sec, found := s.d.Sector(strings.Join(words, " ")); found {
				return sec, i
			}
		}
	}
	return "", -1
}

// countryParts returns, nearest first, the tokens of h's phrase that may
// name its country: the left modifiers in [a, h) and the of/from/in phrases
// to its right.
func (s *state) countryParts(a, h int) []int {
	var out []int
	for j := h - 1; j >= a; j-- {
		out = append(out, j)
	}
	if s.doc.Tokens[h].Rel == "" {
		return out
	}
	for k := h + 1; k < len(s.doc.Tokens) && k-h <= 10 && s.sameSentence(k, h); k++ {
		t := s.doc.Tokens[k]
		if t.Head != h || !strings.HasPrefix(t.Rel, "nmod") || t.Rel == "nmod:poss" {
			continue
		}
		switch s.caseOf(k) {
		case "of", "from", "in":
			out = append(out, k)
		}
	}
	return out
}

// caseOf returns the lower-case case marker of token k ("of" in "of Sudan").
func (s *state) caseOf(k int) string {
	for j := k - 1; j >= 0 && k-j <= 4; j-- {
		if s.doc.Tokens[j].Head == k && s.doc.Tokens[j].Rel == "case" {
			return s.lower(j)
		}
	}
	return ""
}

// phraseCountry reads the country of token k of an agent phrase: a country
// adjective or name, "X-led", the state or place a recognised name refers to,
// or a named organisation (returned as org, the actor itself).
func (s *state) phraseCountry(k int) (country string, org *ent) {
	if mi := s.tokMen[k]; mi >= 0 {
		e := s.menEnt[mi]
		if e == nil {
			return "", nil
		}
		switch e.e.Type {
		case GPE, Loc:
			return e.e.Country, nil
		case Org:
			if e.e.Actor != "" {
				return "", e
			}
		case Person:
			if c := e.e.Actor; len(c) >= 3 {
				if _, ok := s.d.Country(c[:3]); ok {
					return c[:3], nil
				}
			}
		}
		return "", nil
	}
	if k > 0 && s.adjectiveAtEnd(k) != "" {
		return s.adjectiveAtEnd(k), nil // "North Korean": the head is "Korean"
	}
	if c, n := s.adjectiveAt(k); n > 0 {
		return c, nil
	}
	// "the Trump administration", "the Maduro government": a person of
	// the document, or the one person of that surname in office on the day
	if p := s.tokPer[k]; p != nil {
		if c := p.e.Actor; len(c) >= 3 {
			if _, ok := s.d.Country(c[:3]); ok {
				return c[:3], nil
			}
		}
	}
	if w := s.word(k); startsUpper(w) && !s.day.IsZero() && s.doc.Tokens[k].Rel == "compound" && s.d.IsSurname(w) && !s.isAgentWord(w) {
		var in []string
		for _, p := range s.d.PeopleWithSurname(w) {
			for _, t := range s.d.TenuresOn(p.Name, s.day, s.r.Slack) {
				if len(t.Actor) >= 3 && !slices.Contains(in, t.Actor[:3]) {
					in = append(in, t.Actor[:3])
				}
			}
		}
		if len(in) == 1 {
			return in[0], nil
		}
	}
	w := s.word(k)
	if i := strings.LastIndexByte(w, '-'); i > 0 && strings.EqualFold(w[i+1:], "led") {
		if c, ok := s.d.CountryOfAdjective(w[:i]); ok {
			return c.Code, nil
		}
		if c, ok := s.d.CountryNamed(w[:i]); ok {
			return c.Code, nil
		}
	}
	if startsUpper(w) {
		if c, ok := s.d.CountryNamed(w); ok {
			return c.Code, nil
		}
		// a city or territory the recogniser left alone ("residents of
		// Aleppo", "Gaza residents")
		if p, ok := s.d.Place(w); ok && p.Population >= 100000 && s.d.Kinds(w)&dict.KindPerson == 0 {
			return p.Country, nil
		}
	}
	return "", nil
}

// isAgentWord reports whether w is a word of the sector lexicon
// ("Coalition troops": no surname).
func (s *state) isAgentWord(w string) bool {
	_, ok := s.d.Sector(w)
	return ok
}

// adjectiveAtEnd returns the country of a two-token adjective ending at k.
func (s *state) adjectiveAtEnd(k int) string {
	if c, n := s.adjectiveAt(k - 1); n == 2 {
		return c
	}
	return ""
}

// agents resolves every agent phrase of the document that the recogniser
// did not name.
func (s *state) agents() {
	toks := s.doc.Tokens
	for h := 0; h < len(toks); h++ {
		if !s.isAgentHead(h) {
			continue
		}
		// a noun that modifies the next noun is not a head ("army officers"),
		// and a title before a name is the person's ("US national security
		// adviser John Bolton")
		if h+1 < len(toks) && (toks[h].Rel == "compound" || toks[h].Rel == "amod") && toks[h].Head > h {
			continue // "joint military exercises": a modifier, no actor
		}
		if h+1 < len(toks) && s.tokMen[h+1] >= 0 && s.sameSentence(h, h+1) {
			if t := s.doc.Mentions[s.tokMen[h+1]].Type; t == "PER" || t == "ORG" {
				continue // "television broadcaster PBS": the name's title
			}
		}
		if toks[h].Rel == "" && h+1 < len(toks) && s.sameSentence(h, h+1) && isLower(s.word(h+1)) && s.inAgent(h, h+1) {
			continue // unparsed "military specialists": the head is the last word
		}
		a := s.leftEdge(h)
		sector, start := s.agentAt(a, h)
		if sector == "" {
			continue
		}
		if sector == "IGO" {
			// "the US-led coalition": a coalition of states is an IGO,
			// whoever leads it
			s.addAgent(start, start, h, "", sector, ruleNoCountry)
			continue
		}
		if s.formerAt(a, start) {
			sector = "ELI" // "former ministers": elites, no longer in office
		}
		country, rule := "", ""
		var org *ent
		// the mention runs from the agent words, or from the country or
		// organisation before them, to the head: not over whatever else
		// the parse hung on the phrase
		m := start
		for _, k := range s.countryParts(a, h) {
			c, o := s.phraseCountry(k)
			if o == nil && c == "" {
				continue
			}
			org, country = o, c
			rule = ruleInPhrase
			if o != nil {
				rule = ruleOrg
			}
			if k < m {
				m = k
				if mi := s.tokMen[k]; mi >= 0 {
					m = s.menTok[mi][0]
				}
			}
			break
		}
		if org != nil {
			s.addMention(org, m, h+1)
			s.groups = append(s.groups, group{h, org})
			continue
		}
		if country == "" {
			// "the president", "the minister": the holder of that role
			// named before
			if p := s.roleHolder(m, start, h); p != nil {
				s.addMention(p, start, h+1)
				continue
			}
			// "the network", "the commission": the organisation named
			// before whose name ends in that word, or of that sector
			if o := s.namedBody(start, h, sector); o != nil {
				s.addMention(o, start, h+1)
				continue
			}
			// "a spokesperson told …": an unnamed spokesperson speaks for
			// the organisation last named, within two sentences
			if spokes[s.lower(h)] {
				if o := s.lastBody(h, 2); o != nil {
					s.addMention(o, start, h+1)
					continue
				}
			}
			if stateBound(sector) {
				country, rule = s.agentCountry(h, sector)
			} else {
				rule = ruleNoCountry
			}
		}
		s.addAgent(m, start, h, country, sector, rule)
	}
}

// formerAt reports whether a word in [a, z) says "no longer in office".
func (s *state) formerAt(a, z int) bool {
	for i := a; i < z; i++ {
		if w := s.lower(i); w == "former" || w == "ex" || strings.HasPrefix(w, "ex-") {
			return true
		}
	}
	return false
}

// roleHolder returns the person last named before the definite singular
// agent phrase [start, h] whose role it names ("the president" after
// "US President Donald Trump"), or nil.
func (s *state) roleHolder(m, start, h int) *ent {
	if m < 1 || s.lower(start-1) != "the" || strings.Contains(s.doc.Tokens[h].Feats, "Number=Plur") {
		return nil
	}
	words := strings.ToLower(s.textOf(start, h+1))
	at := s.doc.Tokens[start].Span.Start
	var best *ent
	bestAt := -1
	for _, e := range s.ents {
		if e.e.Type != Person || e.e.Role == "" {
			continue
		}
		role := strings.ToLower(e.e.Role)
		if role != words && !strings.HasSuffix(role, " "+words) {
			continue
		}
		for _, mn := range e.e.Mentions {
			if mn.Span.Start < at && mn.Span.Start > bestAt {
				best, bestAt = e, mn.Span.Start
			}
		}
	}
	return best
}

// namedBody returns the organisation last named before the definite
// singular agent phrase [start, h] that it stands for: one whose name ends
// in the phrase's head ("the commission" after "the National
// Telecommunications Commission"), else, within the three sentences before,
// one of the same sector that the recogniser or the dictionary named ("the
// network" after "ABS-CBN" coded MED).
func (s *state) namedBody(start, h int, sector string) *ent {
	if start < 1 || s.lower(start-1) != "the" || strings.Contains(s.doc.Tokens[h].Feats, "Number=Plur") {
		return nil
	}
	head := strings.ToLower(s.doc.Tokens[h].Lemma)
	if head == "" {
		head = s.lower(h)
	}
	at := s.doc.Tokens[start].Span.Start
	si := s.sentOf(h)
	var byName, bySector *ent
	nameAt, sectorAt := -1, -1
	for _, e := range s.ents {
		if e.e.Type != Org || strings.HasPrefix(e.key, "N:") || len(e.mentions) == 0 {
			continue // only bodies the text names, not other agent phrases
		}
		name := strings.ToLower(e.e.Name)
		for _, mn := range e.e.Mentions {
			if mn.Span.Start >= at {
				continue
			}
			if strings.HasSuffix(name, " "+head) && mn.Span.Start > nameAt {
				byName, nameAt = e, mn.Span.Start
			}
			if len(e.e.Actor) >= 6 && e.e.Actor[3:6] == sector && mn.Span.Start > sectorAt && si-s.doc.SentenceAt(mn.Span.Start) <= 3 {
				bySector, sectorAt = e, mn.Span.Start
			}
		}
	}
	if byName != nil {
		return byName
	}
	return bySector
}

// spokes are the words of one who speaks for a body.
var spokes = map[string]bool{"spokesperson": true, "spokesman": true, "spokeswoman": true}

// lastBody returns the organisation the text named last before token h,
// within the given number of sentences before h's: one the recogniser or
// the dictionary named, not an agent phrase.
func (s *state) lastBody(h, within int) *ent {
	at := s.doc.Tokens[h].Span.Start
	si := s.sentOf(h)
	var best *ent
	bestAt := -1
	for _, e := range s.ents {
		if e.e.Type != Org || strings.HasPrefix(e.key, "N:") {
			continue
		}
		for _, m := range e.e.Mentions {
			if m.Span.Start < at && m.Span.Start > bestAt && si-s.doc.SentenceAt(m.Span.Start) <= within {
				best, bestAt = e, m.Span.Start
			}
		}
	}
	return best
}

// stateBound reports whether agents of sector belong to a state, so that
// the context may give them its country: not non-governmental bodies.
func stateBound(sector string) bool {
	switch sector {
	case "NGO", "IGO", "MNC", "HRI":
		return false
	}
	return true
}

// agentCountry chooses the country of an agent phrase that names none, in
// this order: the country of its clause's subject, for a group acted on;
// the one state its sentence refers to (by a name, an adjective, a place,
// or a person or organisation coded with a country), else the previous
// sentence's one state; an earlier agent of the same sector with a
// country, within five sentences; the state the document is about, when one
// dominates; the dateline's country; none. (Role-holders and named bodies
// an agent stands for are found before, in agents.)
func (s *state) agentCountry(h int, sector string) (string, string) {
	si := s.sentOf(h)
	if c, ok := s.clauseState(h); ok {
		return c, ruleClause
	}
	for _, k := range []int{si, si - 1} {
		if c, ok := s.oneState(k); ok {
			if k == si {
				return c, ruleSentence
			}
			return c, rulePrevSentence
		}
	}
	for k := len(s.agentEnts) - 1; k >= 0; k-- {
		g := s.agentEnts[k]
		if si-s.sentOf(g.tok) > 5 {
			break
		}
		if g.sector == sector && g.country != "" {
			return g.country, ruleCoref
		}
	}
	if c, ok := s.dominantState(); ok {
		return c, ruleFocus
	}
	if dl := s.doc.Dateline; dl != nil && dl.Country != "" {
		return dl.Country, ruleDateline
	}
	return "", ruleNoCountry
}

// dominantState returns the state the document is about when one clearly
// dominates: referred to at least three times and twice as often as any
// other.
func (s *state) dominantState() (string, bool) {
	first, second := 0, 0
	code := ""
	for c, n := range s.docCount {
		switch {
		case n > first || n == first && c < code:
			first, second, code = n, first, c
		case n > second:
			second = n
		}
	}
	return code, first >= 3 && first >= 2*second
}

// clauseState returns, for an agent phrase headed by h that is not its
// clause's subject, the country of that subject: a domestic group acted on
// by a state is that state's ("The Sudanese government accused rebels of
// violating a ceasefire": the rebels are Sudanese).
func (s *state) clauseState(h int) (string, bool) {
	toks := s.doc.Tokens
	v := h
	for n := 0; n < 8 && v >= 0 && toks[v].POS != "VERB"; n++ {
		v = toks[v].Head
	}
	if v < 0 || toks[v].Rel == "" {
		return "", false
	}
	sb := -1
	for _, k := range s.childrenOf(v) {
		if toks[k].Rel == "nsubj" {
			sb = k
		}
	}
	if sb < 0 {
		return "", false
	}
	for k, n := h, 0; k >= 0 && n < 12; k, n = toks[k].Head, n+1 {
		if k == sb {
			return "", false // the agent is (in) the subject
		}
		if k == v {
			break
		}
	}
	// the subject's country: its own mention, or the agent phrase it heads;
	// not a state's forces, whose targets are often abroad
	for _, g := range s.agentEnts {
		if g.tok == sb && g.sector == "MIL" {
			return "", false
		}
	}
	if mi := s.tokMen[sb]; mi >= 0 && s.menEnt[mi] != nil {
		e := s.menEnt[mi]
		if e.e.Type == GPE {
			return e.e.Country, e.e.Country != ""
		}
		if len(e.e.Actor) >= 3 {
			if _, ok := s.d.Country(e.e.Actor[:3]); ok {
				return e.e.Actor[:3], true
			}
		}
	}
	for _, g := range s.agentEnts {
		if g.tok == sb && g.country != "" {
			return g.country, true
		}
	}
	return "", false
}

// oneState returns the country sentence si refers to when it refers to
// exactly one.
func (s *state) oneState(si int) (string, bool) {
	if si < 0 || si >= len(s.doc.Sentences) {
		return "", false
	}
	one := ""
	add := func(c string) bool {
		if c == "" {
			return true
		}
		if one != "" && c != one {
			return false
		}
		one = c
		return true
	}
	for _, r := range s.sentCountries[si] {
		if !add(r.code) {
			return "", false
		}
	}
	sent := s.doc.Sentences[si].Tokens
	for i := sent.Start; i < sent.End && i < len(s.doc.Tokens); i++ {
		mi := s.tokMen[i]
		if mi < 0 || s.menTok[mi][0] != i || s.menEnt[mi] == nil {
			continue
		}
		e := s.menEnt[mi]
		c := e.e.Country
		if c == "" && len(e.e.Actor) >= 3 {
			if _, ok := s.d.Country(e.e.Actor[:3]); ok {
				c = e.e.Actor[:3]
			}
		}
		if !add(c) {
			return "", false
		}
	}
	for _, g := range s.agentEnts {
		if g.rule == ruleInPhrase && s.sentOf(g.tok) == si && !add(g.country) {
			return "", false
		}
	}
	return one, one != ""
}

// placedBodies are bodies named after the place they sit in.
var placedBodies = map[string]bool{"embassy": true, "consulate": true, "mission": true}

// placeAfter returns the end of "in PLACE" right after token h when PLACE
// is a recognised place, else -1.
func (s *state) placeAfter(h int) int {
	if s.lower(h+1) != "in" || h+2 >= len(s.doc.Tokens) {
		return -1
	}
	mi := s.tokMen[h+2]
	if mi < 0 || s.menTok[mi][0] != h+2 || s.doc.Mentions[mi].Type != "LOC" {
		return -1
	}
	return s.menTok[mi][1]
}

// addAgent makes tokens [a, h], less a leading determiner, a mention of the
// agent entity country+sector named by the agent words [start, h].
func (s *state) addAgent(a, start, h int, country, sector, rule string) {
	for a < start && determiners[s.lower(a)] {
		a++
	}
	words := strings.ToLower(s.textOf(start, h+1))
	base := singular(words)
	name := words // as the text first writes it ("Iraqi protesters")
	if c, ok := s.d.Country(country); ok {
		adj := c.Name
		if len(c.Adjectives) > 0 {
			adj = c.Adjectives[0]
		}
		name = adj + " " + words
	}
	e := s.entity("N:"+country+sector+":"+dict.Key(base), Org, name)
	if e.e.Actor == "" {
		e.e.Actor = country + sector
		e.rule = rule
	}
	z := h + 1
	if placedBodies[s.lower(h)] {
		// "the Russian embassy in Caracas" is named after its place
		if k := s.placeAfter(h); k > h {
			z = k
			name += " in " + s.textOf(h+2, k)
			e = s.entity("N:"+country+sector+":"+dict.Key(name), Org, name)
			if e.e.Actor == "" {
				e.e.Actor, e.rule = country+sector, rule
			}
		}
	}
	s.addMention(e, a, z)
	s.agentEnts = append(s.agentEnts, agentEnt{tok: h, sector: sector, country: country, rule: rule, e: e})
	// "a number of Senators", "thousands of protesters": the quantity is
	// the group
	if t := s.doc.Tokens[h]; strings.HasPrefix(t.Rel, "nmod") && t.Head >= 0 && t.Head < h && quantity[s.lower(t.Head)] && s.caseOf(h) == "of" {
		q := t.Head
		for q > 0 && determiners[s.lower(q-1)] && s.sameSentence(q-1, h) {
			q--
		}
		s.addMention(e, q, t.Head+1)
	}
	if words != base || strings.Contains(s.doc.Tokens[h].Feats, "Number=Plur") || s.lower(h) == "police" {
		s.groups = append(s.groups, group{h, e})
	}
}

// appositions gives a person the actor code the rest of the text does not
// give them from an apposition that names their role: "Sviatlana
// Tsikhanouskaya, an opposition candidate for the Belarusian presidential
// election" (BLROPP), "Kino Gabriel, a spokesman for the Syrian Democratic
// Forces" (the forces' code): the agent from the apposition's head or its
// modifiers, the country or organisation from its phrase and the phrases
// below it.
func (s *state) appositions() {
	agentAt := map[int]*ent{}
	for _, g := range s.agentEnts {
		agentAt[g.tok] = g.e
	}
	for mi, m := range s.doc.Mentions {
		// "the current president, Alexander Lukashenko": a name set off by
		// a comma right after an agent phrase is its apposition, whatever
		// the parse made of it
		a := s.menTok[mi][0]
		if m.Type != "PER" || a < 2 || s.word(a-1) != "," || agentAt[a-2] == nil || !s.sameSentence(a-2, a) {
			continue
		}
		if p := s.menEnt[mi]; p != nil && p.e.Type == Person && p.e.Actor == "" && agentAt[a-2].e.Actor != "" {
			p.e.Actor, p.rule = agentAt[a-2].e.Actor, "apposition to "+strings.ToLower(s.word(a-2))
		}
	}
	for h, t := range s.doc.Tokens {
		past := false
		if t.Rel == "acl:relcl" && t.Head >= 0 {
			// "Brett McGurk, who was Trump's envoy to ...": a role in a
			// relative clause is an apposition; "was" makes it a former one
			cop, who := "", false
			for _, k := range s.childrenOf(h) {
				switch {
				case s.doc.Tokens[k].Rel == "cop":
					cop = s.lower(k)
				case strings.HasPrefix(s.doc.Tokens[k].Rel, "nsubj") && (s.lower(k) == "who" || s.lower(k) == "that"):
					who = true
				}
			}
			if cop == "" || !who {
				continue
			}
			past = cop == "was" || cop == "were"
			t.Rel = "appos"
		}
		// the same by the parse
		if t.Rel == "appos" && t.Head >= 0 && agentAt[t.Head] != nil {
			if mi := s.tokMen[h]; mi >= 0 && s.doc.Mentions[mi].Type == "PER" {
				if p := s.menEnt[mi]; p != nil && p.e.Type == Person && p.e.Actor == "" && agentAt[t.Head].e.Actor != "" {
					p.e.Actor, p.rule = agentAt[t.Head].e.Actor, "apposition to "+strings.ToLower(s.word(t.Head))
				}
			}
			continue
		}
		if t.Rel != "appos" || t.Head < 0 || t.Head >= len(s.doc.Tokens) {
			continue
		}
		mi := s.tokMen[t.Head]
		if mi < 0 || s.doc.Mentions[mi].Type != "PER" {
			continue
		}
		p := s.menEnt[mi]
		if p == nil || p.e.Type != Person || p.e.Actor != "" {
			continue
		}
		a := s.leftEdge(h)
		sector, start := s.agentAt(a, h)
		if sector == "" {
			for k := a; k < h && sector == ""; k++ {
				if sec, ok := s.d.Sector(s.lower(k)); ok && s.doc.Tokens[k].POS != "PROPN" {
					sector, start = sec, k
				}
			}
		}
		country, org := "", (*ent)(nil)
		for _, k := range s.appositionParts(a, h, 0) {
			if c, o := s.phraseCountry(k); o != nil {
				org = o
				break
			} else if c != "" {
				country = c
				break
			}
		}
		switch {
		case org != nil && !past:
			p.e.Actor, p.rule = org.e.Actor, "apposition: speaks or acts for a named organisation"
		case country != "" && sector != "":
			if s.formerAt(a, start) || past && sector != "CVL" {
				sector = "ELI"
			}
			p.e.Actor, p.rule = country+sector, "apposition: role and country"
		case country != "":
			// "Harry Dunn, a 19-year-old British motorcyclist": a private
			// person of that country
			p.e.Actor, p.rule = country+"CVL", "apposition: a private person of the country"
		default:
			continue
		}
		if p.e.Role == "" && start >= 0 {
			p.e.Role = strings.ToLower(s.textOf(start, h+1))
		}
	}
}

// childrenOf returns the dependents of token h in its sentence.
func (s *state) childrenOf(h int) []int {
	si := s.sentOf(h)
	if si < 0 {
		return nil
	}
	var out []int
	sent := s.doc.Sentences[si].Tokens
	for k := sent.Start; k < sent.End && k < len(s.doc.Tokens); k++ {
		if s.doc.Tokens[k].Head == h {
			out = append(out, k)
		}
	}
	return out
}

// appositionParts returns the tokens of an apposition headed by h that may
// name a country or organisation: its left modifiers, nearest first, then
// its nominal modifiers ("for the SDF", "of the army") and theirs, two
// levels down.
func (s *state) appositionParts(a, h, depth int) []int {
	var out []int
	for j := h - 1; j >= a; j-- {
		out = append(out, j)
	}
	if depth >= 2 {
		return out
	}
	for k := h + 1; k < len(s.doc.Tokens) && k-h <= 12 && s.sameSentence(k, h); k++ {
		t := s.doc.Tokens[k]
		if t.Head != h || !strings.HasPrefix(t.Rel, "nmod") && t.Rel != "obl" && t.Rel != "compound" {
			continue
		}
		out = append(out, k)
		out = append(out, s.appositionParts(s.leftEdge(k), k, depth+1)...)
	}
	return out
}

// acronyms makes a capitalised abbreviation in brackets right after a name
// a mention of that name's entity, and with it every other mention of the
// abbreviation: "the National Telecommunications Commission (NTC) ... the
// NTC".
func (s *state) acronyms() {
	for mi := range s.doc.Mentions {
		a, z := s.menTok[mi][0], s.menTok[mi][1]
		if a < 2 || s.word(a-1) != "(" || s.word(z) != ")" || z-a != 1 || !isAcronym(s.word(a)) {
			continue
		}
		prev := s.tokMen[a-2]
		if prev < 0 || prev == mi {
			continue
		}
		long, short := s.menEnt[prev], s.menEnt[mi]
		if long == nil || short == nil || long == short || long.e.Type == Person {
			continue
		}
		if short.e.Actor != "" && long.e.Actor != "" && short.e.Actor != long.e.Actor {
			continue // both known to the dictionary as different bodies
		}
		s.merge(long, short)
	}
}

// merge moves every mention of entity from to entity into.
func (s *state) merge(into, from *ent) {
	for _, mi := range from.mentions {
		s.link(into, mi)
	}
	for _, m := range from.e.Mentions {
		a := s.tokenAt(m.Span.Start)
		z := a
		for z < len(s.doc.Tokens) && s.doc.Tokens[z].Span.Start < m.Span.End {
			z++
		}
		s.addMention(into, a, z)
	}
	if into.e.Actor == "" && from.e.Actor != "" {
		into.e.Actor, into.rule = from.e.Actor, from.rule
	}
	from.mentions, from.e.Mentions = nil, nil
}

// privatePersons gives a person no rule gave a code the state the
// document is about, when one clearly dominates, as a private person
// (CVL): the people a story about Belarus names are Belarusian unless it
// says otherwise.
func (s *state) privatePersons() {
	c, ok := s.dominantState()
	if !ok {
		return
	}
	for _, e := range s.ents {
		if e.e.Type == Person && e.e.Actor == "" && len(e.e.Mentions) > 0 {
			e.e.Actor, e.rule = c+"CVL", "a private person of the state the document is about"
		}
	}
}
