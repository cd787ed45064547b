package quote

import (
	"sort"
	"strings"

	"github.com/dateline-news/dateline"
)

// Speakers that are not named where they speak: a statement or a
// spokesman stands for whoever issued it, an official or a government for
// its state, "the minister" or "the company" for the entity named earlier
// with that role, a surname for the full name given before.

// mouthpieces are the nouns that speak for someone else: "a statement
// released by Erdogan's office", "Trump's spokesman", "the Kremlin
// statement".
var mouthpieces = set("statement", "statements", "announcement", "letter", "tweet", "post", "release",
	"communique", "communiqué", "report", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "office",
	"aide", "aides", "representative", "representatives", "readout", "memo", "message", "website", "account")

// officials are the nouns for the unnamed voice of a state: an official of
// a state speaks for that state (the gold conventions), as does its
// government.
var officials = set("official", "officials", "authorities", "government", "administration", "diplomat",
	"diplomats", "source", "sources")

// bodies are common nouns that stand for an organisation named before:
// "the company said", "the ministry added".
var bodies = set("company", "firm", "network", "broadcaster", "ministry", "embassy", "agency", "commission",
	"council", "committee", "party", "court", "hospital", "army", "military", "police", "group", "organisation",
	"organization", "bank", "union", "department", "coalition", "alliance", "campaign", "institute",
	"university", "league", "federation", "association", "board", "channel", "newspaper", "station", "airline",
	"carrier", "force", "forces", "guard", "navy", "service", "regulator", "prosecutor's")

func isPerson(typ string) bool { return typ == "PERSON" || typ == "PER" }

// entitySpeaker returns the speaker entity ei names.
func (a *analysis) entitySpeaker(ei int) speaker {
	e := &a.doc.Entities[ei]
	return speaker{id: e.ID, name: e.Name, typ: e.Type}
}

// mentionEntity returns the entity mention m refers to; a surname stands
// for the full name given elsewhere in the document ("Johnson" → "Boris
// Johnson", also when the actor stage took "Tai" for the city Taizhou).
func (a *analysis) mentionEntity(m ment) int {
	if m.entity < 0 {
		return -1
	}
	e := &a.doc.Entities[m.entity]
	if name := m.span.In(a.text); !isPerson(e.Type) || e.Name == name {
		return a.fullName(m.entity, name)
	}
	return m.entity
}

// fullName returns the entity whose name is the full name for the one
// word name, mentioned as entity ei: a person named elsewhere with more
// words ending in it. A person is preferred; a longer name of another type
// counts when every word of it is capitalised (the actor stage may have
// typed a person as a place). Otherwise ei.
func (a *analysis) fullName(ei int, name string) int {
	if strings.ContainsAny(name, " -") || name == "" || a.doc.Entities[ei].Type == "GPE" {
		return ei
	}
	best := -1
	for k := range a.doc.Entities {
		e := &a.doc.Entities[k]
		if k == ei || e.Type == "GPE" || !strings.HasSuffix(e.Name, " "+name) || !capitalisedWords(e.Name) {
			continue
		}
		if best < 0 || isPerson(e.Type) && !isPerson(a.doc.Entities[best].Type) {
			best = k
		}
	}
	if best < 0 {
		return ei
	}
	return best
}

// capitalisedWords reports whether every word of s starts with a capital
// letter, as a person's name does ("Boris Johnson", not "Turkish national
// Hatice Cengiz"); particles such as "bin" and "dela" are let through.
func capitalisedWords(s string) bool {
	for _, f := range strings.Fields(s) {
		w := word{text: f}
		if !w.capitalised() && !particles[f] {
			return false
		}
	}
	return true
}

var particles = set("bin", "ibn", "al", "el", "de", "del", "dela", "della", "da", "di", "van", "von", "der", "le", "la")

// stateOf returns the state an entity belongs to: the GPE entity with its
// country, or -1.
func (a *analysis) stateOf(ei int) int {
	c := a.doc.Entities[ei].Country
	if c == "" {
		return -1
	}
	for k := range a.doc.Entities {
		if e := &a.doc.Entities[k]; e.Type == "GPE" && (e.Country == c || e.Actor == c) {
			return k
		}
	}
	return -1
}

// unnamed resolves a noun phrase whose head is no entity mention: a
// mouthpiece, an official, a body or a role (see the lists above). ok is
// false when p is none of them or nothing fits.
func (a *analysis) unnamed(p np, head, at int) (speaker, bool) {
	sp, ok := a.unnamedEntity(p, head, at)
	if ok && voices[a.ws[head].low] {
		sp.typ = "PERSON" // "an Egyptian official … he added"
	}
	return sp, ok
}

// voices are the nouns of one person speaking for an entity: a later "he"
// or "she" may be that person.
var voices = set("official", "diplomat", "source", "spokesman", "spokeswoman", "spokesperson", "aide",
	"representative")

func (a *analysis) unnamedEntity(p np, head, at int) (speaker, bool) {
	h := a.ws[head].low
	switch {
	case mouthpieces[h]:
		return a.mouthpiece(p, head, at)
	case officials[h]:
		if ei := a.mentionIn(p, head, func(m ment) bool { return m.typ == "GPE" }); ei >= 0 {
			return a.entitySpeaker(ei), true // "German officials"
		}
		if h == "government" || h == "administration" {
			if ei := a.latestEntity(at, 2, func(e *dateline.Entity) bool { return e.Type == "GPE" }); ei >= 0 {
				return a.entitySpeaker(ei), true // "the government announced"
			}
		}
	case bodies[h]:
		ei := a.latestEntity(at, -1, func(e *dateline.Entity) bool {
			return e.Type == "ORG" && strings.Contains(strings.ToLower(e.Name), h)
		})
		if ei >= 0 {
			return a.entitySpeaker(ei), true
		}
	case titles[h]:
		if ei := a.roleHolder(h, at); ei >= 0 {
			return a.entitySpeaker(ei), true // "the crown prince said"
		}
	}
	return speaker{}, false
}

// mouthpiece resolves a statement, an office or a spokesman: to the entity
// named in its phrase ("a statement released by Erdogan's office",
// "Trump's spokesman", "a UN report"), to the subject of the verb whose
// object it is ("the ministry released a statement saying"), else to the
// latest speaker before it, else to the latest organisation or state named.
func (a *analysis) mouthpiece(p np, head, at int) (speaker, bool) {
	speaks := func(m ment) bool { return m.typ != "LOC" }
	// After the head: "by X", "from X", "of X".
	for k := head + 1; k <= p.to; k++ {
		if w := a.ws[k].low; w == "by" || w == "from" || w == "of" || w == "for" {
			q := np{from: k + 1, to: p.to}
			if ei := a.mentionIn(q, p.to, speaks); ei >= 0 {
				return a.entitySpeaker(ei), true
			}
			if len(a.ments) == 0 && w != "for" {
				// Without entities, the words of the issuer: "a
				// statement from the ministry" is the ministry's.
				return speaker{name: a.plainName(q)}, true
			}
		}
	}
	// Before it: "Erdogan's office", "the Kremlin statement".
	if ei := a.mentionIn(np{from: p.from, to: head - 1}, head-1, speaks); ei >= 0 {
		return a.entitySpeaker(ei), true
	}
	if len(a.ments) == 0 {
		for k := head - 1; k > p.from; k-- {
			if w := a.ws[k].low; w == "'s" || w == "’s" {
				return speaker{name: a.plainName(np{from: p.from, to: k - 1})}, true // without entities, the possessor's words
			}
		}
	}
	// "X released a statement saying …": X.
	if v := p.from - 1; a.outside(v, a.ws[head].para) && (a.ws[v].pos == "VERB" || a.isFinite(v)) {
		s := v - 1
		for a.outside(s, a.ws[head].para) && between[a.ws[s].low] {
			s--
		}
		if subj := a.npEnding(s, a.ws[head].para); !subj.empty() && !mouthpieces[a.ws[a.headOf(subj)].low] {
			if sp := a.speakerOf(subj, at); sp.id != "" {
				return sp, true
			}
		}
	}
	if sp, ok := a.latestSpeaker(at, func(typ string) bool { return true }); ok {
		return sp, true
	}
	if ei := a.latestEntity(at, 2, func(e *dateline.Entity) bool { return e.Type == "ORG" || e.Type == "GPE" }); ei >= 0 {
		return a.entitySpeaker(ei), true
	}
	return speaker{}, false
}

// mentionIn returns the entity of the last mention inside p that ends by
// word last and passes ok, or -1.
func (a *analysis) mentionIn(p np, last int, ok func(ment) bool) int {
	if p.empty() || last < p.from {
		return -1
	}
	sp := dateline.Span{Start: a.ws[p.from].span.Start, End: a.ws[last].span.End}
	best := -1
	for mi := a.mentFrom(sp.Start); mi < len(a.ments) && a.ments[mi].span.Start < sp.End; mi++ {
		m := a.ments[mi]
		if m.entity >= 0 && sp.Contains(m.span) && ok(m) {
			best = a.mentionEntity(m)
		}
	}
	return best
}

// latestSpeaker returns the speaker of the latest quote with an entity
// before word at, in its paragraph or the one before, whose type fits.
func (a *analysis) latestSpeaker(at int, fits func(typ string) bool) (speaker, bool) {
	para := a.ws[at].para
	for pi := para; pi >= para-1 && pi >= 0; pi-- {
		ds := lastOf(a.byPara[pi], 64)
		for k := len(ds) - 1; k >= 0; k-- {
			d := ds[k]
			if d.speaker == "" || !fits(d.typ) || d.span().Start >= a.ws[at].span.Start && (d.cue == nil || d.cue.at >= at) {
				continue
			}
			return speaker{id: d.speaker, name: d.name, typ: d.typ}, true
		}
	}
	return speaker{}, false
}

// latestEntity returns the entity of the latest mention before word at
// that passes ok, looking back over paras paragraphs (all when -1), or -1.
func (a *analysis) latestEntity(at, paras int, ok func(*dateline.Entity) bool) int {
	end := a.ws[at].span.Start
	from := 0
	if para := a.ws[at].para; paras >= 0 && para-paras >= 0 && para-paras < len(a.paras) {
		from = a.paras[para-paras].Start
	}
	for mi := a.mentBefore(end) - 1; mi >= 0; mi-- {
		m := a.ments[mi]
		if m.span.Start < from {
			break
		}
		if m.span.End <= end && m.entity >= 0 && ok(&a.doc.Entities[m.entity]) {
			return m.entity
		}
	}
	return -1
}

// mentBefore returns the index of the first mention that starts at or
// after byte off: the mentions before it start before off.
func (a *analysis) mentBefore(off int) int {
	return sort.Search(len(a.ments), func(i int) bool { return a.ments[i].span.Start >= off })
}

// roleHolder returns the person named before word at whose role is the
// title h: the actor stage's role, or the title written before one of the
// person's mentions ("Crown Prince Mohammad bin Salman" for "the crown
// prince"). The latest such person, or -1.
func (a *analysis) roleHolder(h string, at int) int {
	end := a.ws[at].span.Start
	for mi := a.mentBefore(end) - 1; mi >= 0; mi-- {
		m := a.ments[mi]
		if m.entity < 0 || m.span.End > end {
			continue
		}
		e := &a.doc.Entities[m.entity]
		if !isPerson(e.Type) {
			continue
		}
		if strings.Contains(strings.ToLower(e.Role), h) {
			return m.entity
		}
		w := a.wordAt(m.span.Start)
		for k := w - 1; k >= 0 && k >= w-3 && a.ws[k].seg < 0 && !a.ws[k].isPunct(); k-- {
			if a.ws[k].low == h {
				return m.entity
			}
		}
		for k := w; k < len(a.ws) && a.ws[k].span.End <= m.span.End; k++ {
			if a.ws[k].low == h {
				return m.entity
			}
		}
	}
	return -1
}

// commonHead returns the head noun of p read from its words: the last
// word before a preposition or a verb that follows the first word ("statement" in "a
// statement released by Erdogan's office", "officials" in "Hospital
// officials in Omsk"), else the last word.
func (a *analysis) commonHead(p np) int {
	for k := p.from + 1; k <= p.to; k++ {
		w := &a.ws[k]
		if prepositions[w.low] || w.pos == "VERB" || a.participle(k) {
			return k - 1
		}
	}
	return p.to
}

// subject reports whether mention m is the subject of a clause: the parse
// makes it one, or a finite verb or a cue follows it.
func (a *analysis) subject(m ment) bool {
	first := a.wordAt(m.span.Start)
	last := first
	for last+1 < len(a.ws) && a.ws[last+1].span.End <= m.span.End {
		last++
	}
	if a.kids != nil {
		for k := first; k <= last; k++ {
			if h := a.ws[k].head; h >= first && h <= last {
				continue
			}
			// A name after its title hangs from it: "Crown Prince
			// Mohammad bin Salman accepted".
			for n := 0; n < 3 && k >= 0 && (a.ws[k].rel == "flat" || a.ws[k].rel == "compound" || a.ws[k].rel == "appos" && n == 0); n++ {
				k = a.ws[k].head
			}
			if k >= 0 && strings.HasPrefix(a.ws[k].rel, "nsubj") {
				return true
			}
			break
		}
	}
	para := a.ws[first].para
	if p := first - 1; a.outside(p, para) && (prepositions[a.ws[p].low] || a.ws[p].low == "'s" || a.ws[p].low == "’s") {
		return false
	}
	n := last + 1
	if a.outside(n, para) && (a.ws[n].low == "'s" || a.ws[n].low == "’s") && a.ws[n].pos != "AUX" {
		return false // a possessor
	}
	for a.outside(n, para) && (between[a.ws[n].low] || a.ws[n].pos == "ADV") {
		n++
	}
	if !a.outside(n, para) {
		return false
	}
	_, cue := a.cueAt[n]
	return cue || a.isFinite(n)
}

// pronoun resolves the pronoun at word i, the subject of the cue at word
// at. He and she take a person, it an organisation or a state, they and we
// a group: the latest that fits of the speakers of the quotes before it and
// the subjects named before it in its paragraph; else the entity the actor
// stage resolved the pronoun to; else the same search in the paragraph
// before (for quote speakers also two back, for a quote that runs over two
// paragraphs); else the latest that fits of all named before it.
func (a *analysis) pronoun(i, at int) speaker {
	w := &a.ws[i]
	if w.low == "there" || w.low == "you" {
		return speaker{}
	}
	person := personPronouns[w.low]
	fits := func(sp speaker) bool {
		switch {
		case sp.typ == "":
			return true
		case person:
			return isPerson(sp.typ) && a.genderFits(sp.id, w.low)
		}
		return !isPerson(sp.typ) && sp.typ != "LOC"
	}
	if sp, ok := a.antecedent(i, w.para, true, fits); ok {
		return sp
	}
	for mi := a.mentFrom(w.span.Start); mi < len(a.ments) && a.ments[mi].span.Start <= w.span.Start; mi++ {
		if m := a.ments[mi]; m.span.Contains(w.span) && m.entity >= 0 {
			if sp := a.entitySpeaker(m.entity); fits(sp) {
				return sp // as the actor stage resolved it
			}
		}
	}
	for para := w.para - 1; para >= w.para-2 && para >= 0; para-- {
		if sp, ok := a.antecedent(i, para, para == w.para-1, fits); ok {
			return sp
		}
	}
	for para := w.para; para >= w.para-1 && para >= 0; para-- {
		if sp, _, ok := a.lastNamed(i, para, person); ok {
			return sp
		}
	}
	return speaker{}
}

// antecedent returns the latest speaker of a quote in paragraph para
// before word i that fits, or, when subjects is set, the latest subject
// named there if it comes later.
func (a *analysis) antecedent(i, para int, subjects bool, fits func(speaker) bool) (speaker, bool) {
	off := a.ws[i].span.Start
	var best speaker
	bestAt := -1
	for _, d := range lastOf(a.byPara[para], 64) {
		pos := d.span().Start
		if d.cue != nil {
			pos = a.ws[d.cue.at].span.Start
		}
		sp := speaker{id: d.speaker, name: d.name, typ: d.typ}
		if pos < off && pos > bestAt && d.name != "" && !d.pronounOnly() && fits(sp) {
			best, bestAt = sp, pos
		}
	}
	if subjects {
		first := a.mentBefore(off)
		for k := first - 1; k >= 0 && k >= first-lookBack && a.ments[k].span.Start >= a.paras[para].Start; k-- {
			m := a.ments[k]
			if m.span.Start <= bestAt {
				break
			}
			if m.entity < 0 || m.span.End > off || a.isPronoun(m.span) || a.reportedBy(m.span, para, fits) {
				continue
			}
			sp := a.entitySpeaker(a.mentionEntity(m))
			if m.ner == "PER" || isPerson(m.typ) {
				sp.typ = "PERSON" // the recogniser saw a person the actor stage typed otherwise
			}
			if fits(sp) && a.subject(m) {
				best, bestAt = sp, m.span.Start
				break
			}
		}
		if len(a.ments) == 0 && personPronouns[a.ws[i].low] {
			if sp, pos, ok := a.lastNamed(i, para, true); ok && pos > bestAt {
				best, bestAt = sp, pos
			}
		}
	}
	return best, bestAt >= 0
}

// reportedBy reports whether sp lies in the content of a quote whose
// speaker is known and fits: a subject inside reported speech ("He said
// Zelensky is …") is not the antecedent when the one who reports it can be.
func (a *analysis) reportedBy(sp dateline.Span, para int, fits func(speaker) bool) bool {
	for _, d := range lastOf(a.byPara[para], 64) {
		for _, p := range d.parts {
			if p.Contains(sp) {
				return d.typ != "" && fits(speaker{id: d.speaker, name: d.name, typ: d.typ})
			}
		}
	}
	return false
}

// genderFits reports whether the entity with id may be referred to by the
// pronoun: the actor stage linked it to pronouns of one gender only, and
// not the other ("she" is no entity only ever called "he").
func (a *analysis) genderFits(id, pronoun string) bool {
	if id == "" {
		return true
	}
	male := pronoun == "he" || pronoun == "him" || pronoun == "his"
	female := pronoun == "she" || pronoun == "her"
	if !male && !female {
		return true
	}
	for k := range a.doc.Entities {
		e := &a.doc.Entities[k]
		if e.ID != id {
			continue
		}
		m, f := false, false
		for _, em := range e.Mentions {
			switch strings.ToLower(em.Span.In(a.text)) {
			case "he", "him", "his", "himself":
				m = true
			case "she", "her", "hers", "herself":
				f = true
			}
		}
		return !(male && f && !m || female && m && !f)
	}
	return true
}

// isPronoun reports whether sp is a single pronoun.
func (a *analysis) isPronoun(sp dateline.Span) bool {
	low := strings.ToLower(sp.In(a.text))
	return subjectPronouns[low] || objectPronouns[low] || low == "his" || low == "its" || low == "their" || low == "himself" || low == "herself" || low == "themselves"
}
