package quote

import (
	"strings"
	"unicode"

	"github.com/dateline-news/dateline"
)

// named reads the quotation a naming cue introduces: "called it "…"",
// "what he called "…"", "described them as "…"".
// The object may be a short noun phrase ("called Mohammad's admission a
// "…"", "cited the government's "…" as"); a second quotation joined by
// "and" or "or" is part of the same quote ("as a "…" and "…"").
func (a *analysis) named(j, para int) content {
	for n := 0; n < 6 && a.outside(j, para) && a.quotationAt(j) < 0; n++ {
		w := &a.ws[j]
		if n == 0 && !namingObjects[w.low] && !a.nounish(j, para) {
			return content{}
		}
		if n > 0 && w.isPunct() && w.low != "'s" && w.low != "’s" || a.isFinite(j) || boundaries[w.low] && w.low != "as" {
			return content{}
		}
		j++
	}
	k := a.quotationAt(j)
	if k < 0 {
		return content{}
	}
	ct := content{parts: append([]dateline.Span(nil), a.segs[k].parts...), segs: []int{k}, kind: Direct}
	for {
		e := a.wordAt(a.segs[k].outer().End - 1)
		n := e + 1
		if !a.outside(n, para) || a.ws[n].low != "and" && a.ws[n].low != "or" {
			return ct
		}
		if k = a.quotationAt(n + 1); k < 0 {
			return ct
		}
		ct.parts = append(ct.parts, a.segs[k].parts...)
		ct.segs = append(ct.segs, k)
	}
}

// contentAfter reads what follows a cue from word j: a quotation after a
// colon or comma, a clause after "that", an object and a clause, or the
// object and "of" phrase of an accusation.
func (a *analysis) contentAfter(c cue, e Entry, j, para int) content {
	if j >= len(a.ws) {
		return content{}
	}
	if e.Frame == FrameOf {
		return a.accusation(j, para)
	}
	if a.outside(j, para) && (a.ws[j].low == ":" || a.ws[j].low == ",") {
		if k := a.quotationAt(j + 1); k >= 0 && a.ws[j+1].para == para {
			return a.clause(j+1, para)
		}
		if a.ws[j].low == ":" && (j+1 >= len(a.ws) || a.ws[j+1].para != para) {
			// "Lavrov said:" and the quotation opens the next paragraph.
			if k := a.quotationAt(j + 1); k >= 0 {
				return content{parts: a.segs[k].parts, segs: []int{k}, kind: Direct}
			}
		}
		return content{}
	}
	if a.quotationAt(j) >= 0 && a.ws[j].para == para {
		return a.clause(j, para)
	}
	// "said in a statement: "…"", "told reporters on Monday, "…"".
	for k := j; k < j+8 && a.outside(k, para) && !a.ws[k].stop; k++ {
		if (a.ws[k].low == ":" || a.ws[k].low == ",") && k > j {
			if a.quotationAt(k+1) >= 0 && a.ws[k+1].para == para {
				return a.clause(k+1, para)
			}
			break
		}
		if a.ws[k].isPunct() && a.ws[k].low != "'s" && a.ws[k].low != "’s" {
			break
		}
	}
	if s, ok := a.parsedContent(c); ok && s-c.at < 16 && (e.Frame != FrameThat || a.ws[s-1].low == "that" || a.parsedClause(c)) &&
		(a.ws[s].seg >= 0 || !a.isFinite(s) && a.ws[s].pos != "VERB" && a.ws[s].pos != "AUX") {
		return a.clause(s, para)
	}
	if !a.outside(j, para) {
		return content{}
	}
	if a.ws[j].low == "that" {
		if a.thatClause(j+1, para) || a.quotationAt(j+1) >= 0 {
			return a.clause(j+1, para)
		}
		return content{}
	}
	// "said more than once that", "told the media that".
	for k := j + 1; k <= j+8 && a.outside(k, para); k++ {
		w := &a.ws[k]
		if w.stop || w.isPunct() && w.low != "'s" && w.low != "’s" {
			break
		}
		if w.low != "that" {
			continue
		}
		if e.Frame != FrameObject && !adjunct(a.ws[j].low) {
			break
		}
		if a.thatClause(k+1, para) || a.quotationAt(k+1) >= 0 {
			return a.clause(k+1, para)
		}
		break
	}
	if e.Frame == FrameThat {
		// "has reported there have been …", "announced they would …": a
		// subject pronoun and a finite verb start a clause, never an
		// object.
		if w := a.ws[j].low; (subjectPronouns[w] && w != "you" && w != "it") && a.outside(j+1, para) && a.isFinite(j+1) {
			return a.clause(j, para)
		}
		return content{}
	}
	if e.Frame == FrameObject && !subjectPronouns[a.ws[j].low] {
		// "told a news conference "…"": the quotation after the listener.
		for k := j + 1; k < j+8 && k < len(a.ws) && a.ws[k].para == para; k++ {
			if a.quotationAt(k) >= 0 {
				return a.clause(k, para)
			}
			if a.ws[k].isPunct() || a.ws[k].stop || a.isFinite(k) || a.ws[k].low == "that" {
				break
			}
		}
		o := a.objectEnd(j, para)
		if n := o + 1; o >= j && a.outside(n, para) && (a.ws[n].low == ":" || a.ws[n].low == ",") && a.quotationAt(n+1) >= 0 {
			return a.clause(n+1, para) // told the council: "…"
		}
		if n := a.skipBetween(o+1, para); o >= j && a.clauseStart(n, para) {
			return a.clause(n, para) // "told reporters yesterday the …"
		}
	}
	if a.clauseStart(j, para) {
		return a.clause(j, para)
	}
	// "said on Monday the talks …", "said in a statement the …".
	if prepositions[a.ws[j].low] {
		k := j + 1
		if a.outside(k, para) && determiners[a.ws[k].low] {
			k++
		}
		for n := 0; n < 2 && a.outside(k, para) && !a.ws[k].isPunct(); n++ {
			k++
			if a.outside(k, para) && (determiners[a.ws[k].low] || subjectPronouns[a.ws[k].low]) && a.clauseStart(k, para) {
				return a.clause(k, para)
			}
		}
	}
	return content{}
}

// adjunct reports whether a word can start an adverbial between a cue and
// "that": "said more than once that", "said on Monday that".
func adjunct(w string) bool {
	return prepositions[w] || between[w] || w == "more" || w == "this" || w == "last" || w == "repeatedly" ||
		w == "several" || w == "many" || w == "again"
}

// parsedContent returns the first word of the clausal complement of the
// cue in the parse.
func (a *analysis) parsedContent(c cue) (int, bool) {
	if a.kids == nil {
		return 0, false
	}
	for _, k := range a.kids[c.at+c.n-1] {
		if a.ws[k].rel != "ccomp" {
			continue
		}
		p := a.subtree(k)
		s := p.from
		if s <= c.at || a.ws[s].para != a.ws[c.at].para {
			return 0, false
		}
		for s < p.to && (a.ws[s].low == "that" || a.ws[s].low == ",") && a.ws[s].seg < 0 {
			s++
		}
		return s, true
	}
	return 0, false
}

// parsedClause reports whether the parse gives the cue a clausal
// complement with a subject and a finite verb of its own: "announced US
// troops would be leaving", not "announced a plan".
func (a *analysis) parsedClause(c cue) bool {
	for _, k := range a.kids[c.at+c.n-1] {
		if a.ws[k].rel != "ccomp" {
			continue
		}
		subj, fin := false, a.isFinite(k)
		for _, d := range a.kids[k] {
			switch {
			case strings.HasPrefix(a.ws[d].rel, "nsubj"):
				subj = true
			case strings.HasPrefix(a.ws[d].rel, "aux") && a.isFinite(d):
				fin = true
			}
		}
		return subj && fin
	}
	return false
}

// objectEnd returns the last word of the listener after a cue such as
// "told": a pronoun, an entity mention, a determiner and a noun, a name.
func (a *analysis) objectEnd(j, para int) int {
	w := &a.ws[j]
	if objectPronouns[w.low] || listeners[w.low] {
		return j
	}
	k := j
	if determiners[w.low] {
		k++
	}
	if !a.outside(k, para) {
		return j - 1
	}
	for mi := a.mentFrom(a.ws[k].span.Start); mi < len(a.ments); mi++ {
		m := a.ments[mi]
		if m.span.Start > a.ws[k].span.Start {
			break
		}
		if m.span.Start == a.ws[k].span.Start {
			e := k
			for a.outside(e+1, para) && a.ws[e+1].span.End <= m.span.End {
				e++
			}
			return e
		}
	}
	if a.ws[k].pos != "" {
		e := k
		for a.outside(e+1, para) {
			p := a.ws[e+1].pos
			if p != "ADJ" && p != "NOUN" && p != "PROPN" && p != "NUM" {
				break
			}
			e++
		}
		return e
	}
	return k
}

// clauseStart reports whether a content clause may start at word s: a
// subject-like word followed, in the same sentence, by a finite verb.
func (a *analysis) clauseStart(s, para int) bool {
	if !a.outside(s, para) {
		return false
	}
	w := &a.ws[s]
	if quantifiers[w.low] && a.outside(s+1, para) && isDigit(a.ws[s+1].text) {
		return a.clauseStart(s+1, para) // "said about 1.2 million people had marched"
	}
	if w.isPunct() || w.stop || prepositions[w.low] || finite[w.low] || boundaries[w.low] && w.low != "that" {
		return false
	}
	if w.pos != "" {
		switch w.pos {
		case "DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ":
		default:
			return false
		}
	} else if !subjectPronouns[w.low] && !determiners[w.low] && !w.capitalised() && !isDigit(w.text) &&
		w.low != "all" && w.low != "both" && w.low != "most" && w.low != "many" && w.low != "few" {
		// A bare noun ("said exports rose") needs its verb close by.
		if between[w.low] || objectPronouns[w.low] || a.participle(s) || strings.HasSuffix(w.low, "ing") || strings.HasSuffix(w.low, "ly") {
			return false
		}
		for k := s + 1; k <= s+3 && a.outside(k, para); k++ {
			if a.isFinite(k) {
				return true
			}
		}
		return false
	}
	for k := s + 1; k < len(a.ws) && k < s+maxClause && a.ws[k].para == para; k++ {
		v := &a.ws[k]
		if v.stop && v.seg < 0 {
			return false
		}
		if v.seg < 0 && v.low == "," && a.cueFollows(k+1, para) {
			return false // "denied Swift's claims, saying they were …"
		}
		if a.isFinite(k) {
			return true
		}
		if v.stop {
			return false
		}
	}
	return false
}

// thatClause reports whether a content clause follows "that" at word s:
// anything but a verb, a preposition or punctuation first ("that was
// released" is a relative clause), and a finite verb later.
func (a *analysis) thatClause(s, para int) bool {
	if !a.outside(s, para) {
		return false
	}
	w := &a.ws[s]
	// A word tagged a verb with an auxiliary after it is the subject the
	// tagger missed ("that exports had grown").
	verb := w.pos == "VERB" && !(s+1 < len(a.ws) && (a.ws[s+1].pos == "AUX" || a.isFinite(s+1))) &&
		!(strings.HasSuffix(w.low, "s") && a.finiteAfter(s+1, para)) // "that talks with unions remained"
	if w.isPunct() || w.stop || finite[w.low] || prepositions[w.low] || verb || w.pos == "AUX" || a.participle(s) {
		return false // "a note that demanded …" is a relative clause
	}
	for k := s + 1; k < len(a.ws) && k < s+maxClause && a.ws[k].para == para; k++ {
		if a.isFinite(k) {
			return true
		}
		if a.ws[k].stop {
			return false
		}
	}
	return false
}

// maxClause bounds the words a content clause is read over: no clause is
// that long, and the bound keeps the stage linear on text without periods.
const maxClause = 300

// finiteAfter reports whether a finite verb stands from word s to the end
// of its sentence.
func (a *analysis) finiteAfter(s, para int) bool {
	for k := s; k < len(a.ws) && k < s+maxClause && a.ws[k].para == para; k++ {
		if a.isFinite(k) {
			return true
		}
		if a.ws[k].stop {
			return false
		}
	}
	return false
}

func isDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// isFinite reports whether word k is a finite verb.
func (a *analysis) isFinite(k int) bool {
	w := &a.ws[k]
	if w.pos != "" {
		if w.pos != "VERB" && w.pos != "AUX" {
			return false
		}
		if strings.Contains(w.feats, "VerbForm=Fin") {
			return true
		}
		switch w.tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
		return w.feats == "" && w.tag == "" && (finite[w.low] || strings.HasSuffix(w.low, "ed"))
	}
	if w.low == "'s" || w.low == "’s" {
		// "it's a", "he's gone", not the possessive "Swift's claims".
		n := k + 1
		return n < len(a.ws) && (determiners[a.ws[n].low] || between[a.ws[n].low] || a.ws[n].low == "not" ||
			strings.HasSuffix(a.ws[n].low, "ing") || strings.HasSuffix(a.ws[n].low, "ed"))
	}
	if finite[w.low] {
		return true
	}
	if len(w.low) >= 5 && strings.HasSuffix(w.low, "ed") && !w.capitalised() {
		p := k - 1
		return p < 0 || !determiners[a.ws[p].low]
	}
	return false
}

// clause returns the content from word s to the end of its clause: the
// end of the sentence, or a comma before another cue ("…, adding that").
// A quotation inside the clause is taken whole, over paragraphs if it runs
// over them.
func (a *analysis) clause(s, para int) content {
	if s < 0 || s >= len(a.ws) {
		return content{}
	}
	last := s
	for k := s; k < len(a.ws) && k < s+maxClause && a.ws[k].para == para; k++ {
		w := &a.ws[k]
		if sg, ok := a.segOpen[k]; ok {
			// Jump to the quotation's last word.
			end := a.segs[sg].outer().End
			for k+1 < len(a.ws) && a.ws[k+1].span.End <= end {
				k++
			}
			para = a.ws[k].para
			last = k
			if a.ws[k].stop {
				break
			}
			continue
		}
		if w.stop && w.seg < 0 && !w.mark {
			if !w.isPunct() {
				last = k // a sentence that ends without a period
			}
			break
		}
		if w.seg < 0 && (w.low == "," || w.low == ";" || w.low == "—" || w.low == "–") && a.cueFollows(k+1, para) {
			break
		}
		if k > s && a.nextClause(k, para) >= 0 {
			break // "…, and that …" is another quote
		}
		last = k
		if w.stop {
			break
		}
	}
	for last > s && a.ws[last].isPunct() && !a.ws[last].mark && a.ws[last].seg < 0 {
		last--
	}
	if k, ok := a.segOpen[s]; ok && !a.used[k] {
		// A quotation followed by no verb of its own ("… "I expect to see
		// him soon" after lunch") is the content by itself.
		verb := false
		for m := a.wordAt(a.segs[k].outer().End); m <= last && m < len(a.ws); m++ {
			if a.ws[m].seg < 0 && a.isFinite(m) {
				verb = true
				break
			}
		}
		if !verb {
			return content{parts: a.segs[k].parts, segs: []int{k}, kind: Direct}
		}
	}
	sp := dateline.Span{Start: a.ws[s].span.Start, End: a.ws[last].span.End}
	segs := a.segsIn(sp)
	if len(segs) == 1 && a.segs[segs[0]].outer() == sp {
		return content{parts: a.segs[segs[0]].parts, segs: segs, kind: Direct}
	}
	kind := Indirect
	if len(segs) > 0 {
		kind = Mixed
	}
	return content{parts: []dateline.Span{sp}, segs: segs, kind: kind}
}

// nextClause returns where a second content clause of the same cue starts
// when one is coordinated after a comma at word k: ", and that …", ", but
// "that …"" (a quotation). Else -1. Without the comma ("was fair and that
// …") the clauses stay one quote.
func (a *analysis) nextClause(k, para int) int {
	if !a.outside(k, para) || a.ws[k].low != "," {
		return -1
	}
	k++
	if !a.outside(k, para) || a.ws[k].low != "and" && a.ws[k].low != "but" {
		return -1
	}
	n := k + 1
	if a.outside(n, para) && a.ws[n].low == "that" && a.thatClause(n+1, para) {
		return n + 1
	}
	if q := a.quotationAt(n); q >= 0 && a.ws[n].para == para {
		if r, _ := firstRune(a.text, a.segs[q].parts[0]); unicode.IsLower(r) {
			return n
		}
	}
	return -1
}

// cueFollows reports whether an attribution follows at word i: a cue
// ("adding", "according to") or a subject and its cue ("he said", "and the
// ministry added").
func (a *analysis) cueFollows(i, para int) bool {
	if a.outside(i, para) && (a.ws[i].low == "and" || a.ws[i].low == "but") {
		i++
	}
	for k := i; k < i+8 && a.outside(k, para); k++ {
		if _, ok := a.cueAt[k]; ok {
			if k == i {
				return true
			}
			for m := i; m < k; m++ {
				if !a.nounish(m, para) && !between[a.ws[m].low] {
					return false
				}
			}
			return true
		}
		if a.ws[k].isPunct() && a.ws[k].low != "'s" && a.ws[k].low != "’s" {
			return false
		}
	}
	return false
}

// accusation reads "accused Russia of meddling in Venezuela": the object
// and the "of" phrase, to the end of the clause.
func (a *analysis) accusation(j, para int) content {
	for k := j + 1; k <= j+8 && a.outside(k, para); k++ {
		w := &a.ws[k]
		if w.stop || w.isPunct() && w.low != "'s" && w.low != "’s" {
			return content{}
		}
		if w.low == "of" {
			if !a.outside(k+1, para) && a.quotationAt(k+1) < 0 {
				return content{}
			}
			return a.clause(j, para)
		}
	}
	return content{}
}

// contentBefore reads reported speech before its cue: "The talks will go
// on, he said." and "The talks, he said, will go on."
func (a *analysis) contentBefore(c cue, subj np, inverted bool, after, para int) content {
	first := c.at
	if !subj.empty() && !inverted {
		first = subj.from
	}
	comma := first - 1
	if !a.outside(comma, para) || a.ws[comma].low != "," {
		return content{}
	}
	j := a.skipBetween(after, para)
	end := j >= len(a.ws) || a.ws[j].para != para || a.ws[j].stop
	tail := a.outside(j, para) && a.ws[j].low == ","
	if !end && !tail && !(a.outside(j, para) && prepositions[a.ws[j].low]) {
		return content{}
	}
	st := a.sentenceStart(comma)
	if comma-st < 3 {
		if !tail || comma-st < 1 {
			return content{}
		}
	}
	for k := st; k < comma; k++ {
		if a.ws[k].seg >= 0 {
			return content{}
		}
	}
	hasVerb := false
	for k := st; k < comma; k++ {
		if a.isFinite(k) {
			hasVerb = true
		}
	}
	before := dateline.Span{Start: a.ws[st].span.Start, End: a.ws[comma-1].span.End}
	if tail && !hasVerb {
		// "The talks, he said, will resume."
		rest := a.clause(j+1, para)
		if rest.ok() && rest.kind == Indirect {
			return content{parts: []dateline.Span{before, rest.parts[0]}, kind: Indirect}
		}
	}
	if !hasVerb {
		return content{}
	}
	return content{parts: []dateline.Span{before}, kind: Indirect}
}

// source reads "according to X": X is the speaker, the content is the
// clause after its comma or the sentence before the cue.
func (a *analysis) source(c cue, j, para int) {
	end := j - 1
	for k := j; a.outside(k, para) && !a.ws[k].stop && a.ws[k].low != "," && k-j < 12; k++ {
		end = k
	}
	if end < j {
		return
	}
	sp := a.speakerOf(np{from: j, to: end}, c.at)
	d := &draft{cue: &c, speaker: sp.id, name: sp.name, typ: sp.typ, para: para}
	if k := a.quotationBefore(c.at, para); k >= 0 {
		a.take(d, content{parts: a.segs[k].parts, segs: []int{k}, kind: Direct})
		a.add(d)
		return
	}
	if p := c.at - 1; a.outside(p, para) && a.ws[p].low == "," {
		st := a.sentenceStart(p)
		if p-st >= 3 {
			a.sourced(d, a.clauseTo(st, p-1))
		}
		return
	}
	if n := end + 1; a.outside(n, para) && a.ws[n].low == "," && n+1 < len(a.ws) && a.ws[n+1].para == para {
		if ct := a.clause(n+1, para); ct.ok() && !a.hasCue(ct) {
			a.sourced(d, ct)
		}
	}
}

// sourced records the quotations in the clause ct that "according to"
// attributes: the clause itself is no quote (the gold conventions), but
// the words it quotes are the source's ("According to a statement,
// "neutralizing the threat" is the aim").
func (a *analysis) sourced(d *draft, ct content) {
	for _, k := range ct.segs {
		q := *d
		q.parts, q.segs, q.kind = nil, nil, ""
		a.take(&q, content{parts: a.segs[k].parts, segs: []int{k}, kind: Direct})
		a.add(&q)
	}
}

// hasCue reports whether a cue of the lexicon stands in the content ct:
// "According to his office, Netanyahu warned that …" is Netanyahu's.
func (a *analysis) hasCue(ct content) bool {
	for _, p := range ct.parts {
		for i := a.wordAt(p.Start); i < len(a.ws) && a.ws[i].span.End <= p.End; i++ {
			if _, ok := a.cueAt[i]; ok && a.ws[i].seg < 0 {
				return true
			}
		}
	}
	return false
}

// clauseTo returns the content of words s..e.
func (a *analysis) clauseTo(s, e int) content {
	if s < 0 || e >= len(a.ws) || s > e {
		return content{}
	}
	sp := dateline.Span{Start: a.ws[s].span.Start, End: a.ws[e].span.End}
	segs := a.segsIn(sp)
	kind := Indirect
	if len(segs) > 0 {
		kind = Mixed
	}
	return content{parts: []dateline.Span{sp}, segs: segs, kind: kind}
}
