package actor

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/dict"
)

// resolveMentions makes entities of the recogniser's mentions: full names
// first, so that a surname anywhere in the text finds its full name.
func (s *state) resolveMentions() {
	var single, multi []int
	for mi, m := range s.doc.Mentions {
		if s.credits[dict.Key(m.Text)] {
			continue // a photographer or author is never an actor
		}
		switch m.Type {
		case "":
			continue // absorbed into another mention
		case "PER":
			if !strings.Contains(strings.TrimSpace(m.Text), " ") {
				single = append(single, mi)
				continue
			}
			multi = append(multi, mi)
		case "ORG":
			s.org(mi)
		default:
			s.loc(mi)
		}
	}
	// the longest names first, so that "De Clercq" finds "Willy De Clercq"
	sort.SliceStable(multi, func(i, j int) bool {
		return len(s.doc.Mentions[multi[i]].Text) > len(s.doc.Mentions[multi[j]].Text)
	})
	for _, mi := range multi {
		s.person(mi)
	}
	for _, mi := range single {
		s.person(mi)
	}
}

// person resolves a PER mention.
func (s *state) person(mi int) {
	m := s.doc.Mentions[mi]
	a, z := s.menTok[mi][0], s.menTok[mi][1]
	name := stripHonorific(strings.Join(strings.Fields(m.Text), " "))
	// a title the recogniser took into the name ("Superintendent Yolanda
	// Yu Hoi-kwan") is a role, not part of the name
	title := ""
	for strings.Count(name, " ") >= 2 {
		i := strings.IndexByte(name, ' ')
		w := name[:i]
		if _, ok := s.d.Sector(w); !ok || s.d.IsFirstName(w) || !startsUpper(w) {
			break
		}
		title, name = strings.TrimSpace(title+" "+w), name[i+1:]
	}
	key := dict.Key(name)
	var e *ent
	if !strings.Contains(key, " ") {
		e = s.bySurname(key, a)
	} else if _, ok := s.byKey["P:"+key]; !ok {
		for _, o := range s.ents { // a shorter form of a longer name
			if o.e.Type == Person && strings.HasSuffix(dict.Key(o.e.Name), " "+key) {
				e = o
				break
			}
		}
	}
	var dp dict.Person
	var inDict bool
	if e == nil {
		dp, inDict = s.d.Person(name)
		if inDict && !strings.Contains(key, " ") && len(s.d.TenuresOn(dp.Name, s.dayOr(), s.r.Slack)) == 0 {
			inDict = false // a bare surname needs an office on the day to be trusted
		}
		if !inDict && !strings.Contains(key, " ") {
			// a bare surname: the one person of that name in office that day
			var cands []dict.Person
			for _, p := range s.d.PeopleWithSurname(name) {
				if len(s.d.TenuresOn(p.Name, s.dayOr(), s.r.Slack)) > 0 {
					cands = append(cands, p)
				}
			}
			if len(cands) == 1 && !s.day.IsZero() {
				dp, inDict = cands[0], true
			}
		}
		canon, key := name, dict.Key(name)
		if inDict {
			// one entity per dictionary person, named as the text writes
			// its full name ("Mike Pompeo", "Erdoğan" with its ğ)
			key = dict.Key(dp.Name)
			if !strings.Contains(strings.TrimSpace(name), " ") {
				canon = dp.Name
			}
		}
		e = s.entity("P:"+key, Person, canon)
		if i := strings.LastIndexByte(canon, ' '); i > 0 {
			e.surname = dict.Key(canon[i+1:])
		} else {
			e.surname = dict.Key(canon)
		}
	}
	s.link(e, mi)
	s.addMention(e, a, z)
	if title != "" && e.e.Role == "" {
		e.e.Role = title
	}
	if !e.titled {
		t, ok := s.titleBefore(a)
		if !ok {
			t, ok = s.titleAfter(z)
		}
		if ok {
			s.applyTitle(e, t, a)
		}
	}
	if e.e.Actor == "" {
		s.fromDictionary(e)
	}
}

// dayOr returns the article's day or the zero time.
func (s *state) dayOr() time.Time { return s.day }

// bySurname finds the person entity of the document whose surname or
// last words are key, the nearest before token a first.
func (s *state) bySurname(key string, a int) *ent {
	var best *ent
	for _, e := range s.ents {
		if e.e.Type != Person || e.surname == "" {
			continue
		}
		k := dict.Key(e.e.Name)
		if e.surname == key || strings.HasSuffix(k, " "+key) || strings.HasPrefix(k, key+" ") && !strings.Contains(key, " ") && false {
			if best == nil || len(e.e.Mentions) > len(best.e.Mentions) {
				best = e
			}
		}
	}
	if best == nil {
		// a surname used before the full name ("Lavrov to meet ...", then
		// "Sergey Lavrov" in the body): look ahead
		for _, m := range s.doc.Mentions {
			if m.Type == "PER" && strings.HasSuffix(dict.Key(m.Text), " "+key) {
				if e, ok := s.byKey["P:"+dict.Key(m.Text)]; ok {
					return e
				}
			}
		}
	}
	return best
}

// unknownNationality reports whether a capitalised nationality adjective
// the dictionary does not know stands in [from, to) ("Ruritanian envoy"):
// the title then names a country we cannot code, and the context's country
// must not be guessed in its place.
func (s *state) unknownNationality(from, to int) bool {
	for i := max(from, 0); i < to && i < len(s.doc.Tokens); i++ {
		w := s.word(i)
		if !startsUpper(w) || titleLower[strings.ToLower(w)] {
			continue
		}
		if _, n := s.adjectiveAt(i); n > 0 {
			return false
		}
		lw := strings.ToLower(w)
		if _, ok := s.d.Sector(lw); ok || strings.HasSuffix(lw, "man") {
			continue // "Chairman", "Spokesman": part of the title
		}
		for _, suf := range []string{"ian", "an", "ese", "ish", "ic", "i"} {
			if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+2 {
				return true
			}
		}
	}
	return false
}

// applyTitle gives a person the country, role and sector a title says.
func (s *state) applyTitle(e *ent, t title, a int) {
	country, role, sector := t.country, t.role, t.sector
	if t.counterpart {
		if ref := s.personBefore(t.start); ref != nil {
			if role == "" {
				role = ref.e.Role
			}
			if sector == "" && len(ref.e.Actor) >= 6 {
				sector = ref.e.Actor[3:6]
			}
		}
	}
	if country == "" {
		// "Defense Minister X" without a country: the office is held where
		// the dictionary says, or in the country the sentence is about
		if code := s.dictCountry(e); code != "" {
			country = code
		} else if sector != "" && !s.unknownNationality(t.start-1, a) {
			country = s.contextCountry(a)
		}
	}
	if t.org != "" && t.country == "" {
		country, sector = t.org, "" // "EC External Trade Commissioner X": the organisation's
	}
	if t.former && sector != "" {
		sector = "ELI" // former office-holders are elites
	}
	if role != "" && e.e.Role == "" {
		e.e.Role = role
	}
	if country == "" {
		return // a sector alone is no actor code
	}
	e.titled = true
	e.e.Actor, e.rule = country+sector, "title or role in the text"
	if role != "" {
		e.e.Role = role
	}
}

// dictCountry returns the country of the person's office on the day.
func (s *state) dictCountry(e *ent) string {
	if s.day.IsZero() {
		// no date: the country of every office the dictionary knows for
		// the person, when they are all of one state
		one := ""
		for _, t := range s.d.Tenures(e.e.Name) {
			if len(t.Actor) < 3 {
				continue
			}
			if _, ok := s.d.Country(t.Actor[:3]); !ok {
				continue
			}
			if one != "" && t.Actor[:3] != one {
				return ""
			}
			one = t.Actor[:3]
		}
		return one
	}
	ts := s.d.TenuresOn(e.e.Name, s.day, s.r.Slack)
	for _, t := range ts {
		if len(t.Actor) >= 3 {
			return t.Actor[:3]
		}
	}
	return ""
}

// fromDictionary gives a person the actor code of the office the
// dictionary says they held on the article's day (the latest-starting
// one when several are in force); with no date, their latest office.
func (s *state) fromDictionary(e *ent) {
	var pick *dateline.Tenure
	if s.day.IsZero() {
		ts := s.d.Tenures(e.e.Name)
		if len(ts) > 0 {
			pick = &ts[len(ts)-1]
		}
	} else {
		ts := s.d.TenuresOn(e.e.Name, s.day, s.r.Slack)
		for i := range ts {
			t := &ts[i]
			if pick == nil || t.Start.After(pick.Start) && !t.Start.Equal(t.End) || pick.Office == "" && t.Office != "" {
				pick = t
			}
		}
	}
	if pick == nil {
		// no office that day, but offices before it: a former
		// office-holder, an elite of the last office's state
		if ts := s.d.Tenures(e.e.Name); len(ts) > 0 && !s.day.IsZero() {
			last := ts[len(ts)-1]
			if !last.End.IsZero() && last.End.Before(s.day) && len(last.Actor) >= 3 {
				if _, ok := s.d.Country(last.Actor[:3]); ok {
					e.e.Actor, e.rule = last.Actor[:3]+"ELI", "former office-holder (dictionary)"
				}
			}
		}
		return
	}
	e.e.Actor, e.rule = pick.Actor, "office held on the article's date (dictionary)"
	if e.e.Role == "" {
		e.e.Role = pick.Office
	}
}

// personBefore returns the entity of the nearest person mention that
// ends before token i, in the same or the two previous sentences.
func (s *state) personBefore(i int) *ent {
	si := s.sentOf(i)
	for j := i - 1; j >= 0; j-- {
		if sj := s.sentOf(j); si-sj > 2 {
			break
		}
		if e, ok := s.tokPer[j]; ok {
			return e
		}
		mi := s.tokMen[j]
		if mi < 0 || s.doc.Mentions[mi].Type != "PER" {
			continue
		}
		if e := s.menEnt[mi]; e != nil && e.e.Type == Person {
			return e
		}
	}
	return nil
}

// org resolves an ORG mention.
func (s *state) org(mi int) {
	m := s.doc.Mentions[mi]
	a, z := s.menTok[mi][0], s.menTok[mi][1]
	name := strings.Join(strings.Fields(m.Text), " ")
	if o, ok := s.d.Org(name); ok {
		e := s.entity("O:"+dict.Key(o.Name), Org, o.Name)
		e.e.Actor, e.rule = o.Code, "dictionary"
		s.link(e, mi)
		s.addMention(e, a, z)
		return
	}
	// "EC External Trade Commissioner": a body of a known organisation
	for n := min(3, z-a-1); n >= 1; n-- {
		if o, ok := s.d.Org(s.textOf(a, a+n)); ok {
			e := s.entity("O:"+dict.Key(name), Org, name)
			e.e.Actor, e.rule = o.Code, "part of an organisation in the dictionary"
			s.link(e, mi)
			s.addMention(e, a, z)
			return
		}
	}
	if c, ok := s.d.CountryNamed(name); ok { // a state tagged as an organisation
		s.country(c, mi, a, z)
		return
	}
	// "Russian Foreign Ministry", "Supreme Court": country + sector
	country, n := s.countryWordsAt(a, z)
	var words []string
	for i := a + n; i < z; i++ {
		if w := s.word(i); w != "'s" && w != "’s" {
			words = append(words, w)
		}
	}
	sector := s.sectorOf(words)
	if sector == "" && hasCompanySuffix(name) {
		sector = "BUS"
	}
	if country == "" {
		// "Bank of Boston": a country or a large place inside the name
		for i := a; i < z && country == ""; i++ {
			w := s.word(i)
			if !startsUpper(w) {
				continue
			}
			if c, ok := s.d.CountryNamed(w); ok {
				country = c.Code
			} else if c, ok := s.d.CountryOfAdjective(w); ok {
				country = c.Code
			} else if p, ok := s.d.Place(w); ok && p.Population >= 100000 && s.d.Kinds(w)&dict.KindPerson == 0 {
				country = p.Country
			}
		}
	}
	canon := name
	rule := "sector from its name, country from the text"
	if country == "" && sector != "" {
		// "Peru's Interior Ministry", "the Ministry of Defence of Belarus":
		// the phrase around the name, else what the text supports
		for _, k := range s.countryParts(s.leftEdge(z-1), z-1) {
			if k >= a && k < z {
				continue
			}
			if c, _ := s.phraseCountry(k); c != "" {
				country, rule = c, ruleInPhrase
				if k == a-1 || k < a && s.tokMen[k] >= 0 && s.menTok[s.tokMen[k]][1] == a {
					// "the United States Department of State", "Philippine
					// Coast Guard": named as written, country and all
					b := k
					if mk := s.tokMen[k]; mk >= 0 {
						b = s.menTok[mk][0]
					}
					canon = s.textOf(b, z)
				}
				break
			}
		}
		if country == "" && stateBound(sector) {
			country, rule = s.agentCountry(a, sector)
		}
	}
	// named as the text names it; the key keeps bodies of one name in two
	// states apart ("the Interior Ministry" of Peru and of Chile)
	e := s.entity("O:"+dict.Key(canon)+":"+country, Org, canon)
	if e.e.Actor == "" && sector != "" && country != "" {
		e.e.Actor, e.rule = country+sector, rule
	}
	s.link(e, mi)
	s.addMention(e, a, z)
}

// country adds a mention to the state's entity.
func (s *state) country(c dict.Country, mi, a, z int) *ent {
	e := s.entity("C:"+c.Code, GPE, c.Name)
	e.e.Actor, e.e.Country, e.rule = c.Code, c.Code, "country name"
	if mi >= 0 {
		s.link(e, mi)
	}
	s.addMention(e, a, z)
	return e
}

// loc resolves a LOC mention: a state, a capital standing for its
// government, a GeoNames place or another place.
func (s *state) loc(mi int) {
	m := s.doc.Mentions[mi]
	a, z := s.menTok[mi][0], s.menTok[mi][1]
	name := strings.Join(strings.Fields(m.Text), " ")
	if !s.isFacility(mi) {
		if c, ok := s.d.CountryNamed(name); ok {
			s.country(c, mi, a, z)
			return
		}
		if c, ok := s.d.Seat(name); ok && s.actsAsGovernment(a, z) {
			s.country(c, mi, a, z)
			return
		}
		if p, ok := s.place(name, a); ok {
			e := s.entity("L:"+strconv.Itoa(p.GeonameID), Loc, placeName(name, p))
			e.e.Geo, e.e.Country = p.Geo(), p.Country
			s.link(e, mi)
			s.addMention(e, a, z)
			return
		}
	}
	e := s.entity("L:"+dict.Key(name), Loc, name)
	if e.e.Country == "" {
		e.e.Country = s.placeCountry(a, z, s.isFacility(mi))
	}
	s.link(e, mi)
	s.addMention(e, a, z)
}

// compass are the words of a region's direction ("Northern Syria"), which
// are also names of regions somewhere.
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "upper": true, "lower": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true, "greater": true}

// placeName is the canonical name of a place: as the text writes it
// ("Geneva", "Tromso"), since GeoNames names places in their own language
// ("Genève", "Tromsø"), unless the text abbreviates it ("N.Y.", "LA").
func placeName(surface string, p dict.Place) string {
	if len(surface) < 4 || strings.ToUpper(surface) == surface || strings.Contains(surface, ".") {
		return p.Name
	}
	return surface
}

// placeCountry returns the country of a place the gazetteer does not know:
// that of a place it is said to be in ("X in Caracas"), else for a
// facility ("the X airbase") the context's; a region or continent gets none.
func (s *state) placeCountry(a, z int, facility bool) string {
	if z+1 < len(s.doc.Tokens) && s.lower(z) == "in" && s.tokMen[z+1] >= 0 {
		in := s.doc.Mentions[s.tokMen[z+1]].Text
		if c, ok := s.d.CountryNamed(in); ok {
			return c.Code
		}
		if p, ok := s.place(in, z+1); ok {
			return p.Country
		}
	}
	// "Northern Syria", "Iraqi Kurdistan", "Jolo Cathedral": a country or a
	// known place among the name's words
	for i := a; i < z; i++ {
		if c, n := s.adjectiveAt(i); n > 0 {
			return c
		}
		if w := s.word(i); startsUpper(w) {
			if c, ok := s.d.CountryNamed(w); ok {
				return c.Code
			}
		}
	}
	for i := a; i < z && !facility; i++ { // a facility's town is better told by the text around it
		w := s.word(i)
		if !startsUpper(w) || compass[strings.ToLower(w)] {
			continue
		}
		if p, ok := s.d.Place(w); ok && s.d.Kinds(w)&dict.KindPerson == 0 {
			return p.Country
		}
	}
	if !facility {
		return ""
	}
	return s.contextCountry(a)
}

// place picks the GeoNames place a name refers to, scoring each candidate
// by its population (log), being a national capital, and its country being
// referred to in the sentence or the document: "Washington" is the US
// capital even beside "Britain", a small "Moscow" never beats Moscow.
func (s *state) place(name string, tok int) (dict.Place, bool) {
	ps := s.d.Places(name)
	if len(ps) == 0 {
		return dict.Place{}, false
	}
	if isAcronym(name) && len(name) <= 5 {
		// "IRNA" is no alternate name of a town: an acronym must be the name
		ps = slices.DeleteFunc(slices.Clone(ps), func(p dict.Place) bool { return dict.Key(p.Name) != dict.Key(name) })
		if len(ps) == 0 {
			return dict.Place{}, false
		}
	}
	inSent := map[string]bool{}
	if si := s.sentOf(tok); si >= 0 {
		for _, r := range s.sentCountries[si] {
			if r.tok != tok {
				inSent[r.code] = true
			}
		}
	}
	best, bestScore := ps[0], math.Inf(-1)
	for _, p := range ps {
		sc := math.Log(float64(max(p.Population, 1)))
		if p.Feature == "PPLC" {
			sc += 3
		}
		if inSent[p.Country] {
			sc += 4
		}
		if s.docCount[p.Country] > 0 {
			sc += 2
		}
		if sc > bestScore {
			best, bestScore = p, sc
		}
	}
	return best, true
}

// actsAsGovernment reports whether a capital at tokens [a, z) is used for
// its government: a possessor ("Washington's initiative") or the subject
// of a verb ("Washington accused", "Moscow has said"), not a place after a
// preposition ("in Moscow").
func (s *state) actsAsGovernment(a, z int) bool {
	if w := s.word(z); w == "'s" || w == "’s" || w == "'" {
		return true
	}
	if rel := s.doc.Tokens[z-1].Rel; rel != "" {
		switch rel {
		case "nsubj", "nsubj:pass", "nmod:poss", "csubj", "obj", "iobj", "obl:agent":
			return true // "Moscow said", "accused Moscow", "an admission by Moscow"
		case "obl", "nmod":
			// "split with Moscow", "sanctions against Beijing"; but "in
			// Moscow", "to Moscow" name the place
			switch s.lower(a - 1) {
			case "by", "with", "against":
				return true
			}
		}
		return false
	}
	switch s.lower(a - 1) {
	case "in", "at", "to", "from", "near", "into", "outside", "across", "of", "via", "toward", "towards", "around", "visit", "visited", "visiting":
		return false
	}
	if !s.sameSentence(a, z) || z >= len(s.doc.Tokens) {
		return false
	}
	next := s.doc.Tokens[z]
	if next.POS != "" {
		return next.POS == "VERB" || next.POS == "AUX"
	}
	w := next.Text
	if w == "" || startsUpper(w) {
		return false
	}
	switch strings.ToLower(w) {
	case "said", "says", "has", "had", "have", "is", "was", "will", "would", "may", "might", "could", "should",
		"can", "must", "did", "does", "denied", "warned", "insisted", "demanded", "rejected", "announced":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// honorifics are words before a name that are not part of it.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true,
	"lord": true, "lady": true, "sheikh": true, "sheik": true, "prof": true, "gen": true, "col": true, "sen": true,
	"rep": true, "president": true, "minister": true, "king": true, "queen": true, "prince": true, "princess": true}

// stripHonorific removes honorifics at the start of a name of three or
// more words ("Sheikh Ali al-Sabah" -> "Ali al-Sabah").
func stripHonorific(name string) string {
	for strings.Count(name, " ") >= 2 {
		i := strings.IndexByte(name, ' ')
		if !honorifics[dict.Key(name[:i])] {
			break
		}
		name = name[i+1:]
	}
	return name
}

func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'A' || c > 'Z') && c != '.' {
			return false
		}
	}
	return true
}
