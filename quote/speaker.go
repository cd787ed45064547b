package quote

import (
	"sort"
	"strings"

	"github.com/dateline-news/dateline"
)

// np is a noun phrase: words from..to inclusive; from > to when empty.
// head is its head word when parsed is set (the parse gave it).
type np struct {
	from, to int
	head     int
	parsed   bool
}

// hd returns the head word of p, or -1 when unknown.
func (p np) hd() int {
	if p.parsed && p.head >= p.from && p.head <= p.to {
		return p.head
	}
	return -1
}

func (p np) empty() bool { return p.from > p.to }

// nounish reports whether word i may be part of a noun phrase read
// backwards from its end.
func (a *analysis) nounish(i, para int) bool {
	if !a.outside(i, para) {
		return false
	}
	w := &a.ws[i]
	if w.low == "'s" || w.low == "’s" || w.low == "’" || w.low == "'" || w.low == "&" || w.low == "-" {
		return true
	}
	if w.isPunct() || w.stop {
		return false
	}
	switch w.pos {
	case "VERB", "AUX", "SCONJ", "PUNCT", "INTJ", "SYM":
		return false
	}
	if w.low == "and" {
		// "Lavrov and Pompeo said": only between two names.
		return a.outside(i-1, para) && a.ws[i-1].capitalised() && a.outside(i+1, para) && a.ws[i+1].capitalised()
	}
	if boundaries[w.low] {
		return false
	}
	if a.q.Lexicon != nil {
		if _, _, ok := a.q.Lexicon.match(func(k int) string { return a.ws[k].low }, i, len(a.ws)); ok && !w.capitalised() && w.pos == "" {
			return false
		}
	}
	return true
}

// subjectBefore returns the noun phrase that ends just before the cue,
// skipping auxiliaries and adverbs, and whether it is introduced by "what"
// (a free relative: "what he called").
func (a *analysis) subjectBefore(c cue) (p np, what bool) {
	para := a.ws[c.at].para
	p = a.lexicalSubject(c)
	// The parse is preferred unless the words before the cue name an
	// entity that the parsed subject is not ("GENEVA, March 3 - Foreign
	// Minister Anna Kovac said": a parser may take the dateline).
	if h, ok := a.parsedSubject(c); ok {
		if p.empty() || !a.hasMention(p) || a.span(p).Contains(a.ws[h.from].span) || a.span(h).Contains(a.span(p)) {
			p = h
		}
	}
	for !p.empty() && (leading[a.ws[p.from].low] || a.ws[p.from].isPunct()) {
		p.from++
	}
	if p.empty() {
		return p, false
	}
	prev := p.from - 1
	if a.outside(prev, para) && (a.ws[prev].low == "what" || a.ws[prev].low == "whatever") {
		what = true
	}
	return p, what
}

// lexicalSubject reads the subject of the cue from word order: the noun
// phrase that ends just before it, after auxiliaries and adverbs, an
// apposition set off by commas, or the antecedent of "who".
func (a *analysis) lexicalSubject(c cue) np {
	para := a.ws[c.at].para
	end := c.at - 1
	for a.outside(end, para) && (between[a.ws[end].low] || a.adverb(end)) {
		end--
	}
	if a.outside(end, para) && a.ws[end].low == "," {
		if e := a.q.Lexicon.Entries[c.entry]; e.Frame != FrameOf && e.Frame != FrameName && a.invertedName(c.at+c.n, para) {
			return np{from: 1, to: 0} // "…, said Beall, who …"
		}
		return a.apposition(end, para)
	}
	if a.outside(end, para) && (a.ws[end].low == "who" || a.ws[end].low == "which") {
		// "Smith, who said …": the antecedent of the relative pronoun.
		k := end - 1
		if a.outside(k, para) && a.ws[k].low == "," {
			k--
		}
		return a.npEnding(k, para)
	}
	if a.participle(end) {
		return np{from: 1, to: 0} // "started adding", "has decided"
	}
	return a.npEnding(end, para)
}

// adverb reports whether word i is an adverb that may stand between a
// subject and its cue ("audibly says", "eventually concluded").
func (a *analysis) adverb(i int) bool {
	w := &a.ws[i]
	if w.pos != "" {
		return w.pos == "ADV" && !boundaries[w.low]
	}
	return strings.HasSuffix(w.low, "ly") && len(w.low) > 4 && !w.capitalised()
}

// invertedName reports whether a name follows the cue at word i and ends
// at a comma or the sentence's end: the subject of an inverted cue.
func (a *analysis) invertedName(i, para int) bool {
	i = a.skipBetween(i, para)
	s := a.subjectAfter(i, para)
	if s.empty() || !a.ws[s.from].capitalised() && !determiners[a.ws[s.from].low] {
		return false
	}
	n := s.to + 1
	return n >= len(a.ws) || a.ws[n].para != para || a.ws[n].stop || a.ws[n].low == ","
}

// participle reports whether word i, read without a tagger, is a
// lower-case past participle or a verb: no head of a subject.
func (a *analysis) participle(i int) bool {
	if i < 0 || i >= len(a.ws) {
		return false
	}
	w := &a.ws[i]
	if w.pos != "" || w.capitalised() || len(w.low) < 5 || !strings.HasSuffix(w.low, "ed") {
		return false
	}
	switch w.low {
	case "hundred", "kindred", "seabed", "bloodshed", "watershed", "airspeed":
		return false
	}
	return true
}

// npEnding returns the noun phrase that ends at word end, read backwards.
func (a *analysis) npEnding(end, para int) np {
	if !a.nounish(end, para) || a.ws[end].isPunct() {
		return np{from: 1, to: 0}
	}
	st := end
	for st-1 >= 0 && a.nounish(st-1, para) && end-(st-1) < 12 {
		st--
	}
	for st < end && (leading[a.ws[st].low] || a.ws[st].isPunct()) {
		st++
	}
	return np{from: st, to: end}
}

// apposition reads a subject set off by commas before its cue: "The
// opposition leader, Marko Petrovic, told", "Dmitry Peskov, the Kremlin
// spokesman, insisted", "Mike Johnson, speaking to Fox News, countered",
// "The envoy, who arrived on Monday, said". comma is the comma just before
// the cue.
func (a *analysis) apposition(comma, para int) np {
	c1 := -1
	for k := comma - 1; k >= 0 && comma-k < 32 && a.outside(k, para) && !a.ws[k].stop; k-- {
		if a.ws[k].low == "," {
			c1 = k
			break
		}
	}
	if c1 < 0 {
		return np{from: 1, to: 0}
	}
	y := a.npEnding(c1-1, para)
	if y.empty() {
		return y
	}
	x := a.npEnding(comma-1, para)
	mid := a.ws[c1+1].low
	if strings.HasSuffix(mid, "ing") || prepositions[mid] || mid == "who" || mid == "which" {
		return y // a participle, a prepositional phrase or a relative clause between the commas
	}
	if (mid == "a" || mid == "an") && (a.hasMention(y) || a.ws[y.to].capitalised()) {
		return y // "Agnès Callamard, a UN rapporteur for … who had investigated the case, cautioned"
	}
	if x.empty() || x.from != c1+1 {
		return np{from: 1, to: 0}
	}
	if a.hasMention(x) && !a.hasMention(y) || a.ws[x.to].capitalised() && !a.ws[y.to].capitalised() {
		return x
	}
	return y
}

// hasMention reports whether an entity mention lies in p.
func (a *analysis) hasMention(p np) bool {
	sp := a.span(p)
	for mi := a.mentFrom(sp.Start); mi < len(a.ments) && a.ments[mi].span.Start < sp.End; mi++ {
		if sp.Contains(a.ments[mi].span) {
			return true
		}
	}
	return false
}

// maxMention bounds how far before a word a mention that covers it may
// start, so that lookups start near the word.
const maxMention = 256

// mentFrom returns the index of the first mention that may cover byte off.
func (a *analysis) mentFrom(off int) int {
	return sort.Search(len(a.ments), func(i int) bool { return a.ments[i].span.Start >= off-maxMention })
}

// parsedSubject returns the subject of the cue from the parse: the nsubj
// dependent of the cue verb, or of the verb it depends on ("kept saying",
// ", adding that").
func (a *analysis) parsedSubject(c cue) (np, bool) {
	if a.kids == nil {
		return np{}, false
	}
	v := c.at
	for hops := 0; hops < 3 && v >= 0; hops++ {
		// The subject nearest before the verb: a parser may give two.
		best := -1
		for _, k := range a.kids[v] {
			switch a.ws[k].rel {
			case "nsubj:pass":
				return np{}, false
			case "nsubj", "nsubj:outer":
				if k < c.at && k > best && a.ws[k].seg < 0 {
					best = k
				}
			}
		}
		if best >= 0 {
			p := a.subtree(best)
			for m := best + 1; m <= p.to; m++ {
				if a.ws[m].low == "," || a.ws[m].low == "(" {
					p.to = m - 1 // leave out an apposition or relative clause
					break
				}
			}
			p.head, p.parsed = best, true
			if p.to < c.at && a.ws[p.from].para == a.ws[c.at].para {
				return p, true
			}
			return np{}, false
		}
		switch a.ws[v].rel {
		case "xcomp", "advcl", "conj", "fixed":
			v = a.ws[v].head
		default:
			v = -1
		}
		if v >= 0 && a.ws[v].seg >= 0 {
			return np{}, false // a verb inside a quotation has the quote's subjects
		}
	}
	return np{}, false
}

// subtree returns the words from the leftmost to the rightmost dependent of
// i, transitively.
func (a *analysis) subtree(i int) np {
	lo, hi := i, i
	stack := []int{i}
	for n := 0; len(stack) > 0 && n < 500; n++ {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if k < lo {
			lo = k
		}
		if k > hi {
			hi = k
		}
		stack = append(stack, a.kids[k]...)
	}
	return np{from: lo, to: hi}
}

// subjectAfter returns the noun phrase right after position i: the subject
// of an inverted cue ("…," said Lavrov).
func (a *analysis) subjectAfter(i, para int) np {
	st := i
	end := st - 1
	for k := st; a.outside(k, para) && k-st < 10; k++ {
		w := &a.ws[k]
		if w.isPunct() && w.low != "'s" && w.low != "’s" || w.stop || boundaries[w.low] && w.low != "and" || prepositions[w.low] && w.low != "of" {
			break
		}
		if w.pos == "VERB" || w.pos == "AUX" {
			break
		}
		end = k
	}
	return np{from: st, to: end}
}

// span returns the text span of the words of p.
func (a *analysis) span(p np) dateline.Span {
	return dateline.Span{Start: a.ws[p.from].span.Start, End: a.ws[p.to].span.End}
}

// speaker is who a quote is attributed to.
type speaker struct {
	id, name, typ string
}

// speakerOf resolves the noun phrase p: a pronoun through the entities
// layer or the quotes before it, a phrase through the entity mention at
// its head, else its own words.
func (a *analysis) speakerOf(p np, at int) speaker {
	if p.empty() {
		return speaker{}
	}
	if p.from == p.to && (subjectPronouns[a.ws[p.from].low] || objectPronouns[a.ws[p.from].low]) {
		return a.pronoun(p.from, at)
	}
	p = a.firstConjunct(p)
	sp := a.span(p)
	if h := p.hd(); h >= 0 {
		// The parse names the head word: the mention that holds it
		// ("Egypt" in "Egypt and Qatar said").
		for mi := a.mentFrom(a.ws[h].span.Start); mi < len(a.ments) && a.ments[mi].span.Start <= a.ws[h].span.Start; mi++ {
			if m := a.ments[mi]; m.span.Contains(a.ws[h].span) && sp.Contains(m.span) {
				return a.headSpeaker(m, a.commonHead(p))
			}
		}
	}
	head := a.ws[a.headOf(p)].span.End
	best := -1
	for mi := a.mentFrom(sp.Start); mi < len(a.ments); mi++ {
		m := &a.ments[mi]
		if m.span.Start >= sp.End {
			break
		}
		if !sp.Contains(m.span) && !(m.span.Start <= sp.Start && sp.End == m.span.End) {
			continue // outside the phrase, or running over the cue
		}
		if a.inPP(p, m.span.Start) {
			continue
		}
		// The mention must be the head of the phrase: end where the head
		// ends ("the Russian Foreign Ministry", not "Russian" in "an
		// Egyptian official"), or be a person named at its end ("chief of
		// the Presidential Guard Ivan Hernandez").
		if m.span.End < head && !(m.span.End == sp.End && (m.typ == "PERSON" || m.typ == "PER")) {
			continue
		}
		if best < 0 || m.span.End > a.ments[best].span.End ||
			m.span.End == a.ments[best].span.End && m.span.Len() > a.ments[best].span.Len() {
			best = mi
		}
	}
	ch := a.commonHead(p)
	if best >= 0 {
		return a.headSpeaker(a.ments[best], ch)
	}
	if !a.ws[ch].capitalised() || officials[a.ws[ch].low] {
		if s, ok := a.unnamed(p, ch, at); ok {
			return s
		}
	}
	return speaker{name: a.plainName(p)}
}

// headSpeaker returns the speaker the mention m at the head of a noun
// phrase names; a government or officials (word ch) speak for their state
// ("the Iraqi government": Iraq).
func (a *analysis) headSpeaker(m ment, ch int) speaker {
	if officials[a.ws[ch].low] && m.entity >= 0 && m.span.Contains(a.ws[ch].span) {
		if st := a.stateOf(m.entity); st >= 0 {
			return a.entitySpeaker(st)
		}
	}
	return a.mentionSpeaker(m)
}

// firstConjunct returns the first of two names joined by "and" in p: a
// joint statement is its first-named speaker's (the gold conventions:
// "Egypt and Qatar said" is Egypt's).
func (a *analysis) firstConjunct(p np) np {
	for k := p.from + 1; k < p.to; k++ {
		if a.ws[k].low == "and" && a.ws[k-1].capitalised() && a.ws[k+1].capitalised() {
			q := np{from: p.from, to: k - 1, head: p.head, parsed: p.parsed && p.head < k}
			if a.hasMention(q) || len(a.ments) == 0 {
				return q
			}
		}
	}
	return p
}

// mentionSpeaker returns the speaker a mention names: its entity, or
// without one its words.
func (a *analysis) mentionSpeaker(m ment) speaker {
	if m.entity >= 0 {
		return a.entitySpeaker(a.mentionEntity(m))
	}
	mp := np{from: a.wordAt(m.span.Start), to: a.wordAt(m.span.Start)}
	for mp.to+1 < len(a.ws) && a.ws[mp.to+1].span.End <= m.span.End {
		mp.to++
	}
	return speaker{name: a.plainName(mp), typ: m.typ}
}

// plainName names a speaker by the words of p: without a leading article
// and, for a name after a title, without the title.
func (a *analysis) plainName(p np) string {
	if n, ok := a.ownedGroup(p); ok {
		return n
	}
	from := p.from
	for from < p.to && determiners[a.ws[from].low] {
		from++
	}
	// "US national security adviser John Bolton": the name after the
	// last title word.
	for k := p.to - 1; k >= from; k-- {
		if titles[a.ws[k].low] {
			if a.ws[k+1].capitalised() && a.ws[p.to].capitalised() && k+1 < p.to {
				from = k + 1
			}
			break
		}
	}
	// "television broadcaster PBS": the name after the nouns that
	// describe it.
	if a.ws[p.to].capitalised() {
		k := p.to
		for k > from && a.ws[k-1].capitalised() {
			k--
		}
		plain := k > from
		for m := from; m < k; m++ {
			if w := &a.ws[m]; w.isPunct() || prepositions[w.low] || w.capitalised() || w.pos != "" && w.pos != "NOUN" {
				plain = false
			}
		}
		if plain {
			from = k
		}
	}
	if from == p.to && a.ws[from].capitalised() {
		if full, ok := a.fullNameBefore(from); ok {
			return full
		}
	}
	return a.span(np{from: from, to: p.to}).In(a.text)
}

// ownedGroup names a group by the person it belongs to, as the text names
// that person: "His associates" and "Associates of Navalny" are
// "Navalny's associates".
func (a *analysis) ownedGroup(p np) (string, bool) {
	if p.empty() {
		return "", false
	}
	first := &a.ws[p.from]
	if (first.low == "his" || first.low == "her") && p.to > p.from && len(a.ments) > 0 {
		owner := a.pronoun(p.from, p.from)
		if owner.id == "" || !isPerson(owner.typ) {
			return "", false
		}
		first := a.mentBefore(first.span.Start)
		for k := first - 1; k >= 0 && k >= first-lookBack; k-- {
			m := a.ments[k]
			if m.entity >= 0 && a.doc.Entities[m.entity].ID == owner.id && !a.isPronoun(m.span) {
				return m.span.In(a.text) + "'s " + a.span(np{from: p.from + 1, to: p.to}).In(a.text), true
			}
		}
		return "", false
	}
	for k := p.from + 1; k < p.to; k++ {
		if a.ws[k].low != "of" {
			continue
		}
		owner := np{from: k + 1, to: p.to}
		for mi := a.mentFrom(a.ws[owner.from].span.Start); mi < len(a.ments); mi++ {
			m := a.ments[mi]
			if m.span == a.span(owner) && (isPerson(m.typ) || m.ner == "PER") {
				return m.span.In(a.text) + "'s " + strings.ToLower(a.span(np{from: p.from, to: k - 1}).In(a.text)), true
			}
		}
		break
	}
	return "", false
}

// fullNameBefore returns the full name a surname at word i was given
// earlier in the text, without its titles: "Mijares" after "Chief
// Superintendent Graciano Mijares" is "Graciano Mijares".
func (a *analysis) fullNameBefore(i int) (string, bool) {
	for k := i - 1; k > 0 && i-k < 2000; k-- {
		if a.ws[k].text != a.ws[i].text || !a.ws[k-1].capitalised() || a.ws[k-1].stop {
			continue
		}
		s := k
		for s-1 >= 0 && a.ws[s-1].capitalised() && !titles[a.ws[s-1].low] && !a.ws[s-1].stop && k-s < 3 {
			s--
		}
		if s < k && (s == 0 || !a.ws[s-1].capitalised() || titles[a.ws[s-1].low]) {
			return a.span(np{from: s, to: k}).In(a.text), true
		}
	}
	return "", false
}

// headOf returns the last word of the head of p: the word before a
// prepositional phrase that follows a common noun ("embassy" in "the
// embassy in Caracas"), else the last word ("Secretary of State Michael
// Pompeo" keeps its name).
func (a *analysis) headOf(p np) int {
	for k := p.from + 1; k <= p.to; k++ {
		if !prepositions[a.ws[k].low] || a.ws[k-1].isPunct() {
			continue
		}
		if !a.ws[k-1].capitalised() || a.personEndsAt(k-1) {
			return k - 1 // "the embassy in Caracas", "Chip Roy of Texas"
		}
	}
	return p.to
}

// personEndsAt reports whether a person mention ends with word i.
func (a *analysis) personEndsAt(i int) bool {
	end := a.ws[i].span.End
	for mi := a.mentFrom(a.ws[i].span.Start); mi < len(a.ments) && a.ments[mi].span.Start < end; mi++ {
		m := a.ments[mi]
		if m.span.End == end && (m.typ == "PERSON" || m.typ == "PER") {
			return true
		}
	}
	return false
}

// inPP reports whether a mention starting at byte off lies in a
// prepositional phrase inside p: a preposition before it with only
// lower-case words between ("the embassy in Caracas", "the head of the
// Russian delegation"), not a title's ("Secretary of State Michael Pompeo").
func (a *analysis) inPP(p np, off int) bool {
	in := false
	for k := p.from; k <= p.to && a.ws[k].span.Start < off; k++ {
		w := &a.ws[k]
		switch {
		case prepositions[w.low]:
			in = true
		case in && w.capitalised():
			in = false
		}
	}
	return in
}

// lastNamed returns the latest person (or, person false, organisation or
// state) named in paragraph para before word i: a mention of the entities
// layer, or without one the capitalised words that open a sentence and are
// followed by a verb ("Tinubu thanked voters", "Transport operator SNCF
// warned").
func (a *analysis) lastNamed(i, para int, person bool) (speaker, int, bool) {
	if para < 0 || para >= len(a.paras) {
		return speaker{}, -1, false
	}
	end := a.ws[i].span.Start
	if a.ws[i].para != para {
		end = a.paras[para].End
	}
	if len(a.ments) > 0 {
		first := sort.Search(len(a.ments), func(k int) bool { return a.ments[k].span.Start >= end })
		for k := first - 1; k >= 0 && k >= first-lookBack && a.ments[k].span.Start >= a.paras[para].Start; k-- {
			m := a.ments[k]
			isPerson := m.typ == "PERSON" || m.typ == "PER"
			if m.span.End > end || isPerson != person || m.typ == "LOC" {
				continue
			}
			if m.entity >= 0 {
				return a.entitySpeaker(a.mentionEntity(m)), m.span.Start, true
			}
			return speaker{name: m.span.In(a.text), typ: m.typ}, m.span.Start, true
		}
		return speaker{}, -1, false
	}
	last := a.wordAt(end) - 1
	if last >= a.paraWord[para+1] {
		last = a.paraWord[para+1] - 1
	}
	for k := last; k >= a.paraWord[para] && k > last-lookBack; k-- {
		if k != a.paraWord[para] && !a.ws[k-1].stop || !a.ws[k].capitalised() || a.ws[k].seg >= 0 {
			continue
		}
		e := k
		for e+1 < a.paraWord[para+1] && e-k < 8 && a.ws[e+1].capitalised() && a.ws[e+1].seg < 0 {
			e++
		}
		if v := e + 1; v < a.paraWord[para+1] && (a.isFinite(v) || a.participle(v)) && !determiners[a.ws[k].low] {
			return speaker{name: a.span(np{from: k, to: e}).In(a.text)}, a.ws[k].span.Start, true
		}
	}
	return speaker{}, -1, false
}

// lookBack bounds how many words or mentions a pronoun looks back over for
// its antecedent, which keeps the stage linear on long paragraphs.
const lookBack = 300

// pronounOnly reports whether the draft's speaker name is a bare pronoun.
func (d *draft) pronounOnly() bool {
	n := strings.ToLower(d.name)
	return subjectPronouns[n] || objectPronouns[n]
}
