package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/dateline-news/dateline"
)

// content is what a cue introduces: its parts and the quotations it holds.
type content struct {
	parts []dateline.Span
	segs  []int
	kind  string
}

func (c content) ok() bool { return len(c.parts) > 0 }

// attribute reads one cue: its speaker and its content, which may be a
// quotation before it ("…," he said), one after it (he said: "…"), a
// content clause after it, or the clause before it ("…, he said.").
func (a *analysis) attribute(c cue) {
	if a.inside[c.at] {
		return // a cue inside reported speech already counted
	}
	e := a.q.Lexicon.Entries[c.entry]
	para := a.ws[c.at].para
	after := c.at + c.n
	if e.Frame == FrameSource {
		a.source(c, after, para)
		return
	}
	subj, what := a.subjectBefore(c)
	if subj.empty() {
		subj = a.quotedAs(c.at, para) // "RIA quoted Peskov as saying"
	}
	if subj.empty() {
		subj = a.coordinated(c.at, para) // "rejected the result and said"
	}
	inverted := false
	if subj.empty() && e.Frame != FrameOf && e.Frame != FrameName && a.invertible(c.at, para) {
		// "…," said Lavrov.
		s := a.subjectAfter(a.skipBetween(after, para), para)
		if n := s.to + 1; !s.empty() && (n >= len(a.ws) || a.ws[n].para != para || a.ws[n].stop || a.ws[n].low == "," || a.ws[n].low == ":" || a.quotationAt(n) >= 0) {
			subj, inverted = s, true
			after = s.to + 1
		}
	}
	var sp speaker
	if !subj.empty() {
		sp = a.speakerOf(subj, c.at)
	}
	d := &draft{cue: &c, speaker: sp.id, name: sp.name, typ: sp.typ, para: para}

	// A quotation just before the cue and its subject.
	first := c.at
	if !subj.empty() && !inverted {
		first = subj.from
	}
	if k := a.quotationBefore(first, para); k >= 0 {
		ct := a.contentAfter(c, e, a.skipBetween(after, para), para)
		if !(ct.ok() && ct.kind == Direct && a.endsSentence(k)) {
			a.take(d, content{parts: a.segs[k].parts, segs: []int{k}, kind: Direct})
			if ct.ok() && ct.kind == Direct {
				a.take(d, ct) // the quote broken by its cue
			}
			a.add(d)
			return
		}
		// "…." McGurk later wrote, "…": a finished quotation before the
		// cue is a quote of its own; the cue introduces the one after it.
		a.take(d, ct)
		a.add(d)
		return
	}
	if e.Frame == FrameName {
		if ct := a.named(a.skipBetween(after, para), para); ct.ok() {
			if subj.empty() && a.gerund(c) {
				// "China vowed to retaliate, calling them "…"".
				sp = a.sentenceSpeaker(c)
				d.speaker, d.name, d.typ = sp.id, sp.name, sp.typ
			}
			// Each quotation named is a quote of its own: "a "grave
			// abuse" and "contrary to law"".
			for _, k := range ct.segs {
				q := *d
				a.take(&q, content{parts: a.segs[k].parts, segs: []int{k}, kind: Direct})
				a.add(&q)
			}
		}
		return
	}
	if what {
		return // "what it claimed was …": the claim has no content clause
	}
	if subj.empty() && !a.gerund(c) {
		return
	}
	if subj.empty() {
		sp = a.sentenceSpeaker(c)
		d.speaker, d.name, d.typ = sp.id, sp.name, sp.typ
	}
	if ct := a.contentAfter(c, e, a.skipBetween(after, para), para); ct.ok() && a.startsWell(ct) {
		if a.relative(c.at, para) && ct.kind == Indirect {
			ct.parts[0] = a.untilComma(ct.parts[0]) // "Silva, who said …, will appeal"
		}
		a.take(d, ct)
		a.add(d)
		a.coordinatedAfter(d, ct, para)
		return
	}
	if e.Frame == FrameClause || e.Frame == FrameThat || e.Frame == FrameObject {
		if ct := a.contentBefore(c, subj, inverted, after, para); ct.ok() {
			a.take(d, ct)
			a.add(d)
		}
	}
}

// coordinatedAfter records the content clauses coordinated after ct as
// quotes of d's speaker and cue: "said he had ordered …, and that the army
// protect …" is two quotes.
func (a *analysis) coordinatedAfter(d *draft, ct content, para int) {
	for n := 0; n < 4; n++ {
		last := a.wordAt(ct.parts[len(ct.parts)-1].End - 1)
		s := a.nextClause(last+1, para)
		if s < 0 {
			return
		}
		ct = a.clause(s, para)
		if !ct.ok() {
			return
		}
		q := &draft{cue: d.cue, speaker: d.speaker, name: d.name, typ: d.typ, para: d.para}
		a.take(q, ct)
		a.add(q)
	}
}

// endsSentence reports whether quotation k ends with the end of a
// sentence: a period, a question or an exclamation mark inside its marks.
func (a *analysis) endsSentence(k int) bool {
	parts := a.segs[k].parts
	c := strings.TrimRightFunc(parts[len(parts)-1].In(a.text), unicode.IsSpace)
	return strings.HasSuffix(c, ".") || strings.HasSuffix(c, "!") || strings.HasSuffix(c, "?")
}

// relative reports whether the cue at word at stands in a relative clause
// ("who said").
func (a *analysis) relative(at, para int) bool {
	k := at - 1
	for a.outside(k, para) && between[a.ws[k].low] {
		k--
	}
	return a.outside(k, para) && (a.ws[k].low == "who" || a.ws[k].low == "which")
}

// untilComma cuts sp before its first comma outside quotations.
func (a *analysis) untilComma(sp dateline.Span) dateline.Span {
	for i := a.wordAt(sp.Start); i < len(a.ws) && a.ws[i].span.End <= sp.End; i++ {
		if a.ws[i].low == "," && a.ws[i].seg < 0 && i > 0 {
			return dateline.Span{Start: sp.Start, End: a.ws[i-1].span.End}
		}
	}
	return sp
}

// invertible reports whether the cue at word at may have its subject after
// it: it follows a comma, a quotation or the start of a sentence.
func (a *analysis) invertible(at, para int) bool {
	p := at - 1
	if p < 0 || a.ws[p].para != para || a.ws[p].stop {
		return true
	}
	return a.ws[p].low == "," || a.ws[p].mark || a.ws[p].seg >= 0
}

// coordinated returns the subject of the verb a cue after "and" or "but"
// is coordinated with: "the parties rejected the result and said …".
func (a *analysis) coordinated(at, para int) np {
	k := at - 1
	if !a.outside(k, para) || a.ws[k].low != "and" && a.ws[k].low != "but" {
		return np{from: 1, to: 0}
	}
	for k--; k >= 0 && a.ws[k].para == para && !a.ws[k].stop && at-k < 25; k-- {
		if a.ws[k].seg >= 0 {
			continue // "dismissed the warning as "hysteria" and accused"
		}
		if a.ws[k].isPunct() && a.ws[k].low != "," {
			break
		}
		if a.isFinite(k) || a.participle(k) || a.ws[k].pos == "VERB" {
			v := k - 1
			for a.outside(v, para) && between[a.ws[v].low] {
				v--
			}
			return a.npEnding(v, para)
		}
	}
	return np{from: 1, to: 0}
}

// quotedAs returns the speaker's noun phrase of a cue after "as" in
// "quoted X as saying" (X) and "X was quoted as saying" (X).
func (a *analysis) quotedAs(at, para int) np {
	k := at - 1
	if !a.outside(k, para) || a.ws[k].low != "as" {
		return np{from: 1, to: 0}
	}
	k--
	if a.outside(k, para) && a.ws[k].low == "quoted" {
		k--
		for a.outside(k, para) && (passives[a.ws[k].low] || between[a.ws[k].low]) {
			k--
		}
		return a.npEnding(k, para)
	}
	for q := k - 1; q >= k-8 && a.outside(q, para) && !a.ws[q].isPunct(); q-- {
		if a.ws[q].low == "quoted" {
			return np{from: q + 1, to: k}
		}
	}
	return np{from: 1, to: 0}
}

// startsWell reports whether content starts with a letter, a digit or a
// quotation, not with stray punctuation.
func (a *analysis) startsWell(ct content) bool {
	r, _ := firstRune(a.text, ct.parts[0])
	return len(ct.segs) > 0 || isAlnum(r)
}

// gerund reports whether the cue is a gerund after a comma or "and"
// (", adding that …"), whose subject is the sentence's.
func (a *analysis) gerund(c cue) bool {
	if !strings.HasSuffix(a.ws[c.at+c.n-1].low, "ing") {
		return false
	}
	p := c.at - 1
	para := a.ws[c.at].para
	return a.outside(p, para) && (a.ws[p].low == "," || a.ws[p].low == "and")
}

// sentenceSpeaker returns the speaker for a gerund cue: the speaker of
// the quote before it in the same sentence, else the first mention of the
// sentence that is not in a prepositional phrase.
func (a *analysis) sentenceSpeaker(c cue) speaker {
	st := a.sentenceStart(c.at)
	if n := len(a.drafts); n > 0 {
		d := a.drafts[n-1]
		if d.cue != nil && d.cue.at >= st {
			return speaker{id: d.speaker, name: d.name, typ: d.typ}
		}
	}
	// The subject of the sentence's first verb.
	para := a.ws[c.at].para
	for k := st; k < c.at; k++ {
		if a.ws[k].seg >= 0 || !(a.ws[k].pos == "VERB" || a.isFinite(k) || a.participle(k)) {
			continue
		}
		v := k - 1
		for a.outside(v, para) && between[a.ws[v].low] {
			v--
		}
		if p := a.npEnding(v, para); !p.empty() {
			return a.speakerOf(p, c.at)
		}
		break
	}
	return speaker{}
}

// sentenceStart returns the first word of the outside sentence holding i.
func (a *analysis) sentenceStart(i int) int {
	para := a.ws[i].para
	for i-1 >= 0 && a.ws[i-1].para == para && !a.ws[i-1].stop {
		i--
	}
	return i
}

// take adds the content ct to d.
func (a *analysis) take(d *draft, ct content) {
	d.parts = append(d.parts, ct.parts...)
	d.segs = append(d.segs, ct.segs...)
	for _, k := range ct.segs {
		a.used[k] = true
		a.owner[k] = d
	}
	switch {
	case d.kind == "":
		d.kind = ct.kind
	case d.kind != ct.kind:
		d.kind = Mixed
	}
}

// add records d unless it repeats a quote already found.
func (a *analysis) add(d *draft) {
	if len(d.parts) == 0 {
		return
	}
	for _, o := range lastOf(a.byPara[d.para], 8) {
		if o.span().Overlaps(d.span()) && sameSegs(o, d) {
			return
		}
	}
	a.record(d)
}

// lastOf returns the last n drafts of ds at most: the scans that look back
// over quotes stay short even in a paragraph full of them.
func lastOf(ds []*draft, n int) []*draft {
	if len(ds) > n {
		return ds[len(ds)-n:]
	}
	return ds
}

// record appends d to the quotes found and marks the words it holds.
func (a *analysis) record(d *draft) {
	a.drafts = append(a.drafts, d)
	a.byPara[d.para] = append(a.byPara[d.para], d)
	for _, p := range d.parts {
		for i := a.wordAt(p.Start); i < len(a.ws) && a.ws[i].span.Start < p.End; i++ {
			a.inside[i] = true
		}
	}
}

// wordAt returns the index of the first word that ends after byte off.
func (a *analysis) wordAt(off int) int {
	return sort.Search(len(a.ws), func(i int) bool { return a.ws[i].span.End > off })
}

// segsIn returns the unused quotations that lie inside sp.
func (a *analysis) segsIn(sp dateline.Span) []int {
	var out []int
	for k := sort.Search(len(a.segs), func(i int) bool { return a.segs[i].open.Start >= sp.Start }); k < len(a.segs) && a.segs[k].open.Start < sp.End; k++ {
		if !a.used[k] && sp.Contains(a.segs[k].outer()) {
			out = append(out, k)
		}
	}
	return out
}

func sameSegs(a, b *draft) bool {
	if len(a.segs) == 0 && len(b.segs) == 0 {
		return true
	}
	for _, x := range a.segs {
		for _, y := range b.segs {
			if x == y {
				return true
			}
		}
	}
	return false
}

func (d *draft) span() dateline.Span {
	return dateline.Span{Start: d.parts[0].Start, End: d.parts[len(d.parts)-1].End}
}

// quotationBefore returns the quotation whose closing mark ends just
// before word i (a comma or dash between), or -1.
func (a *analysis) quotationBefore(i, para int) int {
	p := i - 1
	for k := 0; k < 2 && a.outside(p, para) && (a.ws[p].low == "," || a.ws[p].low == "—" || a.ws[p].low == "–" || a.ws[p].low == "-"); k++ {
		p--
	}
	if p < 0 || p >= len(a.ws) {
		return -1
	}
	if k, ok := a.segClose[p]; ok && !a.used[k] && a.segs[k].last == para {
		return k
	}
	return -1
}

// quotationAt returns the quotation whose opening mark is word i, or -1.
func (a *analysis) quotationAt(i int) int {
	if k, ok := a.segOpen[i]; ok && !a.used[k] {
		return k
	}
	return -1
}
