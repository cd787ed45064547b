package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/dateline-news/dateline"
)

// leftovers handles the quotations no cue claimed: one that follows a
// quote's attribution continues that quote ("…," he said. "…"); a long one
// standing alone is a quote of the paragraph's speaker; a short one is a
// scare quote or a title and no quote at all.
func (a *analysis) leftovers() {
	for k := range a.segs {
		if a.used[k] {
			continue
		}
		if d := a.continues(k); d != nil {
			a.take(d, content{parts: a.segs[k].parts, segs: []int{k}, kind: Direct})
			continue
		}
		if !a.quoteLike(k) {
			if d := a.cueInSentence(k); d != nil {
				// "The department gave its "deepest sympathies" and
				// said …": a phrase quoted beside a quote is its
				// speaker's.
				q := &draft{kind: Direct, para: a.segs[k].para, speaker: d.speaker, name: d.name, typ: d.typ}
				a.take(q, content{parts: a.segs[k].parts, segs: []int{k}, kind: Direct})
				a.record(q)
			}
			continue
		}
		d := &draft{kind: Direct, para: a.segs[k].para}
		a.take(d, content{parts: a.segs[k].parts, segs: []int{k}, kind: Direct})
		if sp, ok := a.introducer(k); ok {
			d.speaker, d.name, d.typ = sp.id, sp.name, sp.typ
		} else if sp, ok := a.paragraphSpeaker(k); ok {
			d.speaker, d.name, d.typ = sp.id, sp.name, sp.typ
		}
		a.record(d)
	}
}

// continues returns the direct quote that quotation k continues: the
// quotation before it in the paragraph belongs to a quote whose cue is the
// only thing between them, in one sentence.
func (a *analysis) continues(k int) *draft {
	if k == 0 {
		return nil
	}
	prev := &a.segs[k-1]
	if prev.last != a.segs[k].para || !a.used[k-1] {
		return nil
	}
	d := a.draftOf(k - 1)
	if d == nil || d.cue == nil || d.kind == Indirect {
		return nil
	}
	gap := dateline.Span{Start: prev.outer().End, End: a.segs[k].open.Start}
	if !gap.Contains(a.ws[d.cue.at].span) {
		return nil
	}
	for i := a.wordAt(gap.Start); i < len(a.ws) && a.ws[i].span.End <= gap.End; i++ {
		w := &a.ws[i]
		if w.stop && i+1 < len(a.ws) && a.ws[i+1].span.Start < gap.End {
			return nil // another sentence between them
		}
		if _, ok := a.cueAt[i]; ok && i != d.cue.at {
			return nil
		}
	}
	return d
}

// draftOf returns the quote that holds quotation k.
func (a *analysis) draftOf(k int) *draft { return a.owner[k] }

// quoteLike reports whether quotation k is a quote on its own: long
// enough, or a sentence by itself.
func (a *analysis) quoteLike(k int) bool {
	s := &a.segs[k]
	words := 0
	for _, p := range s.parts {
		words += countWords(p.In(a.text))
	}
	min := a.q.MinWords
	if min <= 0 {
		min = 4
	}
	if words >= min {
		return true
	}
	if words < 2 {
		return false
	}
	// A sentence by itself: a sentence end or the paragraph's edge on
	// both sides.
	i := a.wordAt(s.open.Start) - 1
	if i >= a.paraWord[s.para] && !a.ws[i].stop {
		return false
	}
	j := a.wordAt(s.outer().End - 1)
	if j < len(a.ws) && a.ws[j].span.Start < s.outer().End {
		if a.ws[j].stop {
			return true // the quotation ends the sentence
		}
		j++
	}
	for j < a.paraWord[s.last+1] && a.ws[j].isPunct() && !a.ws[j].stop && !a.ws[j].mark {
		j++
	}
	return j >= a.paraWord[s.last+1] || a.ws[j].stop
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isAlnum(r) || r == '\'' || r == '’' || r == '-'
		if w && !in && isAlnum(r) {
			n++
		}
		in = w
	}
	return n
}

// cueInSentence returns the quote whose cue stands in the sentence of the
// short quotation k, the nearest one; nil when there is none or when the
// quotation is a title (every word capitalised: "the "Radio Control Law"").
func (a *analysis) cueInSentence(k int) *draft {
	s := &a.segs[k]
	if s.para != s.last || title(s.content().In(a.text)) {
		return nil
	}
	i := a.wordAt(s.open.Start)
	st := a.sentenceStart(i)
	end := i
	for end < len(a.ws) && a.ws[end].para == s.para && !(a.ws[end].stop && a.ws[end].seg < 0) {
		end++
	}
	var best *draft
	dist := 0
	for _, d := range lastOf(a.byPara[s.para], 64) {
		if d.cue == nil || d.cue.at < st || d.cue.at > end || d.name == "" && d.speaker == "" {
			continue
		}
		if n := abs(d.cue.at - i); best == nil || n < dist {
			best, dist = d, n
		}
	}
	return best
}

// title reports whether every word of s is capitalised, as in the title of
// a work or a law; short words ("of", "the") aside.
func title(s string) bool {
	n := 0
	for _, f := range strings.Fields(s) {
		w := word{text: strings.TrimLeft(f, "([")}
		if len(w.text) <= 3 && !w.capitalised() {
			continue
		}
		if !w.capitalised() {
			return false
		}
		n++
	}
	return n > 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// introducer returns the subject of a sentence that introduces quotation
// k with a colon and no cue: "He put it bluntly: "…"", or with a comma
// after a clause whose subject names an entity: "Trump, also on Twitter,
// defended his decision, "…"".
func (a *analysis) introducer(k int) (speaker, bool) {
	s := &a.segs[k]
	i := a.wordAt(s.open.Start) - 1
	if i < a.paraWord[s.para] || a.ws[i].low != ":" && a.ws[i].low != "," || a.ws[i].seg >= 0 {
		return speaker{}, false
	}
	if a.ws[i].low == "," && !a.clauseBefore(i) {
		return speaker{}, false
	}
	st := a.sentenceStart(i)
	// The subject: a pronoun, or the capitalised words that open the
	// sentence ("Peskov", "The Kremlin").
	p := np{from: st, to: st - 1}
	if subjectPronouns[a.ws[st].low] {
		p.to = st
	}
	for m := st; p.to < st && m < i && (a.ws[m].capitalised() || m == st && determiners[a.ws[m].low]); m++ {
		if m+1 >= i || !a.ws[m+1].capitalised() {
			p.to = m
		}
	}
	if p.empty() {
		return speaker{}, false
	}
	sp := a.speakerOf(p, i)
	return sp, sp.name != ""
}

// clauseBefore reports whether the sentence before the comma at word i
// opens with an entity mention or a pronoun and has a finite verb.
func (a *analysis) clauseBefore(i int) bool {
	st := a.sentenceStart(i)
	if !subjectPronouns[a.ws[st].low] {
		mi := a.mentFrom(a.ws[st].span.Start)
		for mi < len(a.ments) && a.ments[mi].span.Start < a.ws[st].span.Start {
			mi++
		}
		if mi >= len(a.ments) || a.ments[mi].span.Start != a.ws[st].span.Start || a.ments[mi].typ == "LOC" && a.ments[mi].ner != "PER" {
			return false
		}
	}
	for k := st + 1; k < i; k++ {
		if a.ws[k].seg < 0 && a.isFinite(k) {
			return true
		}
	}
	return false
}

// paragraphSpeaker returns the speaker of the quotes around quotation k in
// its paragraph, the one before it first; for a paragraph that opens with
// the quotation, the speaker of the last quote of the paragraph before when
// that paragraph ends with a quote.
func (a *analysis) paragraphSpeaker(k int) (speaker, bool) {
	s := &a.segs[k]
	var before, after *draft
	for _, d := range lastOf(a.byPara[s.para], 64) {
		if d.name == "" && d.speaker == "" {
			continue
		}
		if d.span().End <= s.open.Start {
			before = d
		} else if after == nil {
			after = d
		}
	}
	switch {
	case before != nil:
		return speaker{id: before.speaker, name: before.name, typ: before.typ}, true
	case after != nil:
		return speaker{id: after.speaker, name: after.name, typ: after.typ}, true
	}
	if s.para == 0 {
		return speaker{}, false
	}
	p := a.paras[s.para]
	if r, at := firstRune(a.text, p); at != s.open.Start || !isQuoteMark(r) {
		return speaker{}, false
	}
	prev := a.paras[s.para-1]
	var last *draft
	for _, d := range lastOf(a.byPara[s.para-1], 64) {
		if d.span().End > prev.Start && d.span().End <= prev.End {
			if last == nil || d.span().End > last.span().End {
				last = d
			}
		}
	}
	if last == nil || last.kind == Indirect {
		return speaker{}, false
	}
	// The paragraph before must end with that quote: only its attribution
	// may follow it.
	tail := strings.TrimFunc(dateline.Span{Start: last.span().End, End: prev.End}.In(a.text), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	})
	if last.cue != nil {
		cs := a.ws[last.cue.at].span
		if cs.Start >= last.span().End {
			tail = ""
		}
	}
	if countWords(tail) > 8 {
		return speaker{}, false
	}
	return speaker{id: last.speaker, name: last.name, typ: last.typ}, true
}

// output turns the drafts into the document's quotes, in text order.
func (a *analysis) output() []dateline.Quote {
	sort.SliceStable(a.drafts, func(i, j int) bool { return a.drafts[i].span().Start < a.drafts[j].span().Start })
	var out []dateline.Quote
	for _, d := range a.drafts {
		parts := make([]dateline.Span, 0, len(d.parts))
		for _, p := range d.parts {
			p = trimSpan(a.text, p)
			if p.Len() > 0 {
				parts = append(parts, p)
			}
		}
		if len(parts) == 0 {
			continue
		}
		sort.Slice(parts, func(i, j int) bool { return parts[i].Start < parts[j].Start })
		sp := dateline.Span{Start: parts[0].Start, End: parts[len(parts)-1].End}
		q := dateline.Quote{Span: sp, Text: sp.In(a.text), Kind: d.kind, Speaker: d.speaker, SpeakerName: d.name}
		if len(parts) > 1 {
			q.Parts = parts
		}
		if d.cue != nil {
			cs := dateline.Span{Start: a.ws[d.cue.at].span.Start, End: a.ws[d.cue.at+d.cue.n-1].span.End}
			q.Cue = &dateline.Cue{Span: cs, Text: cs.In(a.text), Lemma: a.q.Lexicon.Entries[d.cue.entry].Lemma}
		}
		out = append(out, q)
	}
	return out
}

// trimSpan drops spaces from both ends of sp.
func trimSpan(text string, sp dateline.Span) dateline.Span {
	for sp.Start < sp.End && isSpaceByte(text[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isSpaceByte(text[sp.End-1]) {
		sp.End--
	}
	return sp
}
