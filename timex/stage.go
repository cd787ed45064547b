package timex

import (
	"context"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dateline-news/dateline"
)

// Stage is the time stage: it sets Document.Timexes, Document.Date and
// the narrative time of each sentence (Sentence.Time).
type Stage struct {
	// Tenures returns the dated terms of office of a person named by full
	// name ("Michael Pompeo"); the pipeline sets it from the actor
	// dictionary. Nil skips narrowing a missing year by office-holders.
	Tenures func(name string) []dateline.Tenure
	// Now returns today; a dateline without a year is never read as a date
	// after today.
	Now func() time.Time
	// Horizon is how many years before today a missing year is searched in.
	Horizon int

	scanners sync.Pool // of *scanner, reused between documents
}

// New returns a Stage that searches the last 25 years for a missing year.
func New() *Stage { return &Stage{Now: time.Now, Horizon: 25} }

// Annotate finds and resolves the time expressions of doc.
func (st *Stage) Annotate(ctx context.Context, doc *dateline.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	sc, _ := st.scanners.Get().(*scanner)
	if sc == nil {
		sc = &scanner{}
	}
	defer st.scanners.Put(sc)
	doc.Timexes = doc.Timexes[:0]
	sc.exprs = sc.recognise(doc.Text, sc.exprs[:0])
	a := newAnalysis(doc, sc)
	dct := st.docDate(doc, a)
	a.resolveAll(dct)
	return nil
}

// analysis is one document while the stage works on it.
type analysis struct {
	doc   *dateline.Document
	exprs []Expr
	tn    tenser
	paras []dateline.Span // paragraph-like units: paragraphs, title, headings
}

func newAnalysis(doc *dateline.Document, sc *scanner) *analysis {
	toks := sc.toks
	a := &analysis{doc: doc, exprs: sc.exprs}
	a.tn = tenser{text: doc.Text, toks: toks, doc: doc.Tokens}
	for _, t := range doc.Tokens {
		if t.Tag != "" || t.Feats != "" {
			a.tn.tagged = true
			break
		}
	}
	sents := sc.sents[:0]
	if len(doc.Sentences) > 0 {
		for _, s := range doc.Sentences {
			sents = append(sents, s.Span)
		}
	} else {
		sents = splitSentences(sents, doc.Text, toks)
	}
	a.tn.sents, sc.sents = sents, sents
	a.paras = units(sc.paras[:0], doc)
	sc.paras = a.paras
	return a
}

// units returns the paragraphs of doc with the title, subtitle and
// headings as units of their own; without paragraphs, the text split at
// blank or indented lines.
func units(u []dateline.Span, doc *dateline.Document) []dateline.Span {
	if len(doc.Paragraphs) > 0 {
		u = append(u, doc.Paragraphs...)
		if doc.TitleSpan != nil {
			u = append(u, *doc.TitleSpan)
		}
		if doc.SubtitleSpan != nil {
			u = append(u, *doc.SubtitleSpan)
		}
		for _, h := range doc.Headings {
			u = append(u, h.Span)
		}
		sort.Slice(u, func(i, j int) bool { return u[i].Start < u[j].Start })
		return u
	}
	start := 0
	text := doc.Text
	for i := 0; i <= len(text); {
		k := strings.IndexByte(text[i:], '\n')
		if k < 0 {
			k = len(text) - i
		}
		i += k
		if i == len(text) || paragraphBreak(text, i+1) {
			if i > start {
				u = append(u, dateline.Span{Start: start, End: i})
			}
			start = i + 1
		}
		i++
	}
	return u
}

// paraOf returns the index of the unit containing off, or -1.
func (a *analysis) paraOf(off int) int {
	i := sort.Search(len(a.paras), func(i int) bool { return a.paras[i].End > off })
	if i < len(a.paras) && a.paras[i].Start <= off {
		return i
	}
	return -1
}

// splitSentences finds sentence spans when the segmenter has not run: a
// full stop, question or exclamation mark before a capital or a quote, and
// every line break.
func splitSentences(out []dateline.Span, text string, toks []tok) []dateline.Span {
	start := -1
	for i, t := range toks {
		if start < 0 {
			if t.punct == '\n' {
				continue
			}
			start = t.s
		}
		end := false
		switch t.punct {
		case '\n':
			out = append(out, dateline.Span{Start: start, End: t.s})
			start = -1
			continue
		case '.', '?', '!':
			if i+1 == len(toks) {
				break
			}
			nx := toks[i+1]
			end = nx.upper || nx.punct == '"' || nx.punct == '\'' || nx.punct == '\n'
			if t.punct == '.' && i > 0 && toks[i-1].e == t.s && abbreviation(text[toks[i-1].s:toks[i-1].e]) {
				end = false
			}
		}
		if end {
			out = append(out, dateline.Span{Start: start, End: t.e})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, dateline.Span{Start: start, End: len(text)})
	}
	return out
}

// abbreviation reports whether w before a full stop is an abbreviation.
func abbreviation(w string) bool {
	if len(w) == 1 {
		return true
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "No", "Jan", "Feb",
		"Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Prof", "Capt", "Sgt", "Maj", "Jr", "Sr", "vs":
		return true
	}
	return false
}

// resolveAll gives every expression its value in text order, moving the
// narrative time, and records the timexes and each sentence's time.
func (a *analysis) resolveAll(dct time.Time) {
	doc := a.doc
	var narr, narrDay, narrPast, recent time.Time
	narrPara, narrGran, narrYear := -2, 0, false
	sentTime := make(map[int][2]string) // sentence index → first and last narrative value set in it
	quotes := quoteSpans(doc.Text, a.paras)
	days := make([]time.Time, len(a.exprs)) // the day each expression names, if any
	rfs := make([]refs, len(a.exprs))
	first := len(doc.Timexes)
	for i := range a.exprs {
		x := &a.exprs[i]
		p := a.paraOf(x.Start)
		rf := refs{dct: dct, narr: narr, narrGran: narrGran, narrYear: narrYear, inPara: p == narrPara && !narr.IsZero(),
			narrDay: narrDay, narrPast: narrPast, recent: recent, quoted: inSpans(quotes, x.Start)}
		if needsTense(x) {
			rf.tense = a.tn.at(x.Start, x.End)
		}
		rfs[i] = rf
		r := resolve(x, rf)
		doc.Timexes = append(doc.Timexes, dateline.Timex{
			Span:   dateline.Span{Start: x.Start, End: x.End},
			Text:   doc.Text[x.Start:x.End],
			Type:   x.Type,
			Value:  r.value,
			Anchor: r.anchor,
		})
		if r.gran == uDay {
			days[i] = r.day
		}
		if !r.day.IsZero() && movesNarrative(x) {
			narr, narrPara, narrGran = r.day, p, r.gran
			if x.kind == kDate {
				narrYear = x.y != 0 && (x.m != 0 || a.opensSentence(x)) || rf.yearNarr()
			}
			if r.gran == uDay {
				narrDay = r.day
				if dct.IsZero() || !r.day.After(dct) {
					narrPast = r.day
				}
				if inWeekBefore(r.day, dct) {
					recent = r.day
				}
			}
			if si := doc.SentenceAt(x.Start); si >= 0 {
				v, ok := sentTime[si]
				if r.gran != uDay {
					continue
				}
				if !ok {
					v[0] = r.value
				}
				v[1] = r.value
				sentTime[si] = v
			}
		}
	}
	a.secondLook(doc.Timexes[first:], days, rfs)
	a.sentenceTimes(sentTime)
}

// opensSentence reports whether x stands at the head of its sentence, with
// at most a preposition before it: "In 1859, …" sets the scene for the
// dates after it; "the firm, founded in 1995, said on March 3" does not.
func (a *analysis) opensSentence(x *Expr) bool {
	sen := a.tn.sentenceOf(x.Start)
	n := 0
	for k := x.t0 - 1; k >= 0 && a.tn.toks[k].s >= sen.Start; k-- {
		if a.tn.toks[k].punct == 0 {
			n++
		}
	}
	return n <= 1
}

// secondLook revisits what needs the expressions after it: a clock time
// takes the day named beside it ("3 p.m. local time on Monday"), "this
// week" in a past-tense clause the week its paragraph's days fall in, and
// "election day" the date the text gives the election; an "election day"
// the text does not date is dropped.
func (a *analysis) secondLook(tx []dateline.Timex, days []time.Time, rfs []refs) {
	xs := a.exprs
	sent := func(i int) int { return a.tn.sentenceOf(xs[i].Start).Start }
	drop := false
	for i := range xs {
		x := &xs[i]
		switch {
		case x.kind == kClock || x.kind == kRel && x.ana && x.sub != "":
			d := a.clockDay(i, days, sent)
			if d.IsZero() {
				continue
			}
			rf := rfs[i]
			rf.sentDay = d
			r := resolve(x, rf)
			tx[i].Value, tx[i].Anchor = r.value, r.anchor
		case x.kind == kRel && x.unit == uWeek && x.n == 0 && !x.ana && rfs[i].tense == tensePast && !rfs[i].dct.IsZero():
			if w, ok := a.pastWeek(i, days, rfs[i].dct); ok {
				tx[i].Value, tx[i].Anchor = w, "the days its paragraph names"
			}
		case x.kind == kEventDay:
			if d, ok := a.electionDay(i, days); ok {
				tx[i].Value, tx[i].Anchor = fmtDay(d), "the date the text gives the election"
			} else {
				tx[i].Value, drop = "", true
			}
		}
	}
	if drop {
		out := a.doc.Timexes[:len(a.doc.Timexes)-len(tx)]
		for _, t := range tx {
			if t.Value != "" {
				out = append(out, t)
			}
		}
		a.doc.Timexes = out
	}
}

// clockDay returns the day named beside clock time i in its sentence: the
// next date after it (past other clock times and a few tokens such as "on"
// or a parenthesis), else the last date before it; zero when none.
func (a *analysis) clockDay(i int, days []time.Time, sent func(int) int) time.Time {
	xs := a.exprs
	si := sent(i)
	end := xs[i].t1
	if xs[i].kind != kClock {
		// a part of the day takes only its own date: "the morning of June 5"
		if i+1 < len(xs) && xs[i+1].t0 == end+1 && a.tn.word(end) != "" && strings.EqualFold(a.tn.word(end), "of") {
			return days[i+1]
		}
		return time.Time{}
	}
	for k := i + 1; k < len(xs) && sent(k) == si; k++ {
		if xs[k].kind == kClock {
			end = xs[k].t1
			continue
		}
		if xs[k].t0-end <= 3 && !days[k].IsZero() {
			return days[k]
		}
		break
	}
	for k := i - 1; k >= 0 && sent(k) == si; k-- {
		if !days[k].IsZero() {
			return days[k]
		}
	}
	return time.Time{}
}

// pastWeek returns the week of "this week" in a past-tense clause when the
// days its paragraph names up to the document date all lie in the week
// before: "This week saw a referendum … on Friday" in a Monday story.
func (a *analysis) pastWeek(i int, days []time.Time, dct time.Time) (string, bool) {
	p := a.paraOf(a.exprs[i].Start)
	_, cur := dct.ISOWeek()
	week := ""
	for k := range a.exprs {
		d := days[k]
		if k == i || d.IsZero() || a.paraOf(a.exprs[k].Start) != p || d.After(dct) || !inWeekBefore(d, dct.AddDate(0, 0, -1)) && !inWeekBefore(d, dct) {
			continue
		}
		if _, w := d.ISOWeek(); w == cur {
			return "", false
		}
		week = fmtWeek(d)
	}
	return week, week != ""
}

// electionDay returns the date the text gives an election: a day-precise
// date with "election", "vote" or "polls" a few words before it in its
// sentence ("the election to be held on August 9") or just after it ("the
// May 9 election"), the last such before expression i, else the first after.
func (a *analysis) electionDay(i int, days []time.Time) (time.Time, bool) {
	var found time.Time
	for k := range a.exprs {
		if days[k].IsZero() || !a.namesElection(k) {
			continue
		}
		if k > i && !found.IsZero() {
			break
		}
		found = days[k]
		if k > i {
			break
		}
	}
	return found, !found.IsZero()
}

// namesElection reports whether an election noun stands just before or
// after expression k in its sentence.
func (a *analysis) namesElection(k int) bool {
	x := a.exprs[k]
	toks := a.tn.toks
	sen := a.tn.sentenceOf(x.Start)
	for j := x.t0 - 1; j >= 0 && j >= x.t0-8 && toks[j].s >= sen.Start; j-- {
		if electionNoun(a.doc.Text[toks[j].s:toks[j].e]) {
			return true
		}
	}
	for j := x.t1; j < len(toks) && j < x.t1+3 && toks[j].e <= sen.End; j++ {
		if electionNoun(a.doc.Text[toks[j].s:toks[j].e]) {
			return true
		}
	}
	return false
}

func electionNoun(w string) bool {
	switch strings.ToLower(w) {
	case "election", "elections", "vote", "polls", "ballot", "runoff", "run-off":
		return true
	}
	return false
}

// quoteSpans returns the stretches of text inside quotation marks, each
// paragraph on its own: straight marks toggle, curly ones open and close.
func quoteSpans(text string, paras []dateline.Span) []dateline.Span {
	if len(paras) == 0 {
		paras = []dateline.Span{{Start: 0, End: len(text)}}
	}
	var out []dateline.Span
	for _, p := range paras {
		open := -1
		for i, r := range text[p.Start:p.End] {
			off := p.Start + i
			switch {
			case r == '"' && open < 0, r == '“':
				open = off + len(string(r))
			case (r == '"' || r == '”') && open >= 0:
				out = append(out, dateline.Span{Start: open, End: off})
				open = -1
			}
		}
		if open >= 0 {
			out = append(out, dateline.Span{Start: open, End: p.End})
		}
	}
	return out
}

// inSpans reports whether off lies inside one of the sorted spans.
func inSpans(spans []dateline.Span, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	return i < len(spans) && spans[i].Start <= off
}

// needsTense reports whether x's value depends on the tense of its clause.
func needsTense(x *Expr) bool {
	switch x.kind {
	case kWeekday:
		return x.mod == modNone
	case kDate:
		return x.y == 0 && x.mod == modNone
	case kSeason, kWeekend:
		return x.mod == modNone
	case kClock:
		return true
	case kRel:
		return x.ana && x.unit <= uDay || x.unit == uWeek && x.n == 0 && !x.ana
	}
	return false
}

// movesNarrative reports whether x sets the narrative time: explicit dates,
// weekdays and deictic days do; anaphoric shifts ("two days earlier") are
// side glances that leave it where it is.
func movesNarrative(x *Expr) bool {
	switch x.kind {
	case kDate, kWeekday:
		return true
	case kRel:
		return !x.ana
	}
	return false
}

// sentenceTimes sets Sentence.Time: the first day-precise date of the
// sentence, else the narrative time carried from earlier in the same
// paragraph when the sentence is not in the present or future tense.
func (a *analysis) sentenceTimes(own map[int][2]string) {
	doc := a.doc
	cur, curPara := "", -2
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		p := a.paraOf(s.Span.Start)
		if p != curPara {
			cur, curPara = "", p
		}
		if v, ok := own[i]; ok {
			s.Time, cur = v[0], v[1]
			continue
		}
		if cur == "" || s.Kind != "" {
			continue
		}
		switch a.tn.at(s.Span.Start, s.Span.Start) {
		case tensePresent, tenseFuture:
			continue
		}
		s.Time = cur
	}
}
