package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
)

// docDate decides the article's own date, sets doc.Date and returns the
// date (zero when unknown). Metadata comes first, then a dateline with a
// year, then a dateline without one, whose year is inferred.
func (st *Stage) docDate(doc *dateline.Document, a *analysis) time.Time {
	if !doc.Published.IsZero() {
		p := doc.Published
		t := day(p.Year(), int(p.Month()), p.Day())
		doc.Date = &dateline.DocDate{Value: fmtDay(t), Basis: "the publication date in the article's metadata"}
		return t
	}
	dl := doc.Dateline
	if dl != nil && dl.MonthDay != "" {
		m, d, ok := parseMonthDay(dl.MonthDay)
		if !ok {
			doc.Notef("timex", dl.Span, "dateline month and day %q unreadable", dl.MonthDay)
		} else if dl.Year != 0 && d <= daysIn(dl.Year, m) {
			t := day(dl.Year, m, d)
			doc.Date = &dateline.DocDate{Value: fmtDay(t), Basis: fmt.Sprintf("the dateline %q", strings.TrimSpace(dl.Text))}
			return t
		} else if dl.Year == 0 {
			return st.inferYear(doc, a, m, d)
		}
	}
	if doc.Date != nil {
		if t, err := time.Parse("2006-01-02", doc.Date.Value); err == nil {
			return t
		}
	}
	if doc.Date == nil {
		doc.Date = &dateline.DocDate{Value: "XXXX-XX-XX"}
	}
	doc.Date.Basis = "no date in the metadata and no dateline with a date: relative expressions stay unresolved"
	doc.Notef("timex", dateline.Span{}, "the article's date is unknown")
	return time.Time{}
}

// parseMonthDay reads "MM-DD".
func parseMonthDay(s string) (m, d int, ok bool) {
	ms, ds, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	m, err1 := strconv.Atoi(ms)
	d, err2 := strconv.Atoi(ds)
	if err1 != nil || err2 != nil || !validDay(m, d) {
		return 0, 0, false
	}
	return m, d, true
}

// weekdayYears narrows years by weekday clues. Clues beside another date
// decide (the years where most of them hold; a disagreement is a problem);
// clues read against the dateline day only support them, or decide alone
// when there are at least two and they agree, since a lone "on Tuesday" may
// name another day of the week. It returns the years and the clues used,
// in text order; none used leaves years as they were.
func weekdayYears(doc *dateline.Document, clues []weekdayClue, years []int) ([]int, []weekdayClue) {
	holds := func(c weekdayClue, y int) bool {
		return c.d <= daysIn(y, c.m) && isoWD(day(y, c.m, c.d)) == c.wd
	}
	var strong, weak []weekdayClue
	for _, c := range clues {
		if c.weak {
			weak = append(weak, c)
		} else {
			strong = append(strong, c)
		}
	}
	decide := strong
	if len(strong) == 0 {
		if len(weak) < 2 {
			return years, nil
		}
		decide = weak
	}
	best, bestN := []int(nil), 0
	for _, y := range years {
		n := 0
		for _, c := range decide {
			if holds(c, y) {
				n++
			}
		}
		switch {
		case n > bestN:
			best, bestN = []int{y}, n
		case n == bestN && n > 0:
			best = append(best, y)
		}
	}
	if bestN == 0 {
		return years, nil
	}
	if bestN < len(decide) {
		if len(strong) == 0 {
			return years, nil // dateline readings that disagree say nothing
		}
		doc.Notef("timex", decide[0].span, "the weekday mentions do not all agree with one year: %d of %d fit", bestN, len(decide))
	}
	var used []weekdayClue
	for _, c := range clues {
		ok := true
		for _, y := range best {
			ok = ok && holds(c, y)
		}
		if ok {
			used = append(used, c)
		}
	}
	return best, used
}

// weekdayClue says that the day m-d falls on weekday wd, as the words at
// Span suggest.
type weekdayClue struct {
	wd, m, d int
	text     string
	span     dateline.Span
	weak     bool // read against the dateline day
}

// inferYear chooses the year of a dateline that prints only month and day:
// the years in which every weekday mention agrees with the date it refers
// to, narrowed by the terms of the office-holders the text names; the most
// recent remaining year when more than one is left, recorded as a problem.
func (st *Stage) inferYear(doc *dateline.Document, a *analysis, m, d int) time.Time {
	now := time.Now()
	if st.Now != nil {
		now = st.Now()
	}
	horizon := st.Horizon
	if horizon <= 0 {
		horizon = 25
	}
	today := day(now.Year(), int(now.Month()), now.Day())
	var years []int
	for y := now.Year() - horizon; y <= now.Year(); y++ {
		if d <= daysIn(y, m) && !day(y, m, d).After(today) {
			years = append(years, y)
		}
	}
	dateWords := monthName(m) + " " + strconv.Itoa(d)
	var basis []string
	basis = append(basis, "No year is printed.")

	if ys, used := weekdayYears(doc, a.weekdayClues(m, d), years); len(used) > 0 {
		years = ys
		basis = append(basis, describeClues(used)+" only in "+listYears(years)+
			fmt.Sprintf(" (of the years %d–%d)", now.Year()-horizon, now.Year())+";")
	}
	if st.Tenures != nil && len(years) > 1 {
		for _, name := range a.personNames() {
			ts := a.officesNamed(name, st.Tenures(name))
			if len(ts) == 0 {
				continue
			}
			var keep []int
			var used []dateline.Tenure
			for _, y := range years {
				for _, t := range ts {
					if t.Covers(day(y, m, d)) {
						keep = append(keep, y)
						used = appendTenure(used, t)
						break
					}
				}
			}
			if len(keep) == 0 || len(keep) == len(years) {
				continue
			}
			years = keep
			basis = append(basis, describeTenures(name, used)+", so "+listYears(years)+";")
			if len(years) == 1 {
				break
			}
		}
	}
	if len(years) == 0 {
		doc.Notef("timex", doc.Dateline.Span, "no year up to today has %s", dateWords)
		doc.Date = &dateline.DocDate{Value: "XXXX-" + twoDigits(m) + "-" + twoDigits(d), Basis: "No year is printed and none could be inferred."}
		return time.Time{}
	}
	y := years[len(years)-1]
	if len(years) > 1 {
		if len(basis) == 1 {
			doc.Notef("timex", doc.Dateline.Span, "the year of %s is not printed and nothing in the text fixes it: took %d", dateWords, y)
		} else {
			doc.Notef("timex", doc.Dateline.Span, "the year of %s is ambiguous (%s): took the most recent, %d", dateWords, listYears(years), y)
		}
		if len(basis) == 1 {
			basis = append(basis, fmt.Sprintf("Nothing in the text fixes it, so the most recent year in which %s is not after today: %d.", dateWords, y))
		} else {
			basis = append(basis, fmt.Sprintf("More than one year remains, so the most recent not after today: %d.", y))
		}
	} else if len(basis) == 1 {
		basis = append(basis, fmt.Sprintf("%d.", y))
	} else {
		last := basis[len(basis)-1]
		basis[len(basis)-1] = strings.TrimSuffix(last, ";") + "."
		if !strings.Contains(basis[len(basis)-1], ", so ") {
			basis[len(basis)-1] = strings.TrimSuffix(basis[len(basis)-1], ".") + ", so " + strconv.Itoa(y) + "."
		}
	}
	t := day(y, m, d)
	doc.Date = &dateline.DocDate{Value: fmtDay(t), Basis: strings.Join(basis, " ")}
	return t
}

func appendTenure(ts []dateline.Tenure, t dateline.Tenure) []dateline.Tenure {
	for _, u := range ts {
		if u == t {
			return ts
		}
	}
	return append(ts, t)
}

// weekdayClues collects the weekday mentions that name a day whose month
// and day are known: a weekday beside a date ("Tuesday, April 30"), a bare
// weekday in the sentence of a date or the one after it ("until April 30.
// On Tuesday"), and a bare weekday read against the dateline day.
func (a *analysis) weekdayClues(m, d int) []weekdayClue {
	var out []weekdayClue
	am, ad, aSent, aPara := m, d, -1, -2 // the anchor: the dateline day
	fromDateline := true
	sentOf := func(off int) int {
		for i, s := range a.tn.sents {
			if s.Start <= off && off < s.End {
				return i
			}
		}
		return -1
	}
	for i := range a.exprs {
		x := &a.exprs[i]
		p := a.paraOf(x.Start)
		if p != aPara && !fromDateline {
			am, ad, fromDateline = m, d, true
		}
		switch {
		case x.kind == kDate && x.d != 0 && x.m != 0:
			if x.wd != 0 && x.y == 0 && x.mod == modNone {
				out = append(out, weekdayClue{wd: x.wd, m: x.m, d: x.d, text: a.doc.Text[x.Start:x.End], span: dateline.Span{Start: x.Start, End: x.End}})
			}
			if x.y != 0 || x.mod != modNone {
				am, ad = 0, 0 // a date with its own year says nothing about ours
			} else {
				am, ad = x.m, x.d
			}
			aSent, aPara, fromDateline = sentOf(x.Start), p, false
		case x.kind == kWeekday && x.mod == modNone && am != 0:
			s := sentOf(x.Start)
			near := p == aPara && s >= 0 && (s == aSent || s == aSent+1)
			if !fromDateline && !near {
				continue
			}
			tn, weak := a.tn.at(x.Start, x.End), false
			if am == m && ad == d {
				// Read against the dateline day, a weekday in a past-tense
				// clause is most often an earlier day of the week ("said on
				// Tuesday" in a Thursday story): only a present or future
				// one is taken to be the day itself.
				if tn == tensePast {
					continue
				}
				weak = true
			} else {
				// "until April 30. On Tuesday, Guaido tweeted": the weekday
				// is that date when the tense agrees with the date's side of
				// the dateline day.
				before := dayOfYear(am, ad) <= dayOfYear(m, d)
				if tn == tensePast && !before || tn == tenseFuture && before {
					continue
				}
			}
			out = append(out, weekdayClue{wd: x.wd, m: am, d: ad, text: a.doc.Text[x.Start:x.End], span: dateline.Span{Start: x.Start, End: x.End}, weak: weak})
		}
	}
	return out
}

// dayOfYear orders month-days within a year.
func dayOfYear(m, d int) int { return m*32 + d }

// describeClues writes "May 5 falls on a Sunday ('Sunday') and April 30 on
// a Tuesday ('Tuesday')", each date once.
func describeClues(cs []weekdayClue) string {
	var parts []string
	seen := map[[3]int]bool{}
	for _, c := range cs {
		k := [3]int{c.wd, c.m, c.d}
		if seen[k] {
			continue
		}
		seen[k] = true
		verb := " falls on a "
		if len(parts) > 0 {
			verb = " on a "
		}
		parts = append(parts, fmt.Sprintf("%s %d%s%s ('%s')", monthName(c.m), c.d, verb, weekdayName(c.wd), c.text))
	}
	return strings.Join(parts, " and ")
}

// describeTenures writes "Michael Pompeo was Secretary of State from April
// 2018 to January 2021".
func describeTenures(name string, ts []dateline.Tenure) string {
	var parts []string
	for _, t := range ts {
		s := t.Office
		if s == "" {
			s = "in office (" + t.Actor + ")"
		}
		switch {
		case !t.Start.IsZero() && !t.End.IsZero():
			s += " from " + monthYear(t.Start) + " to " + monthYear(t.End)
		case !t.Start.IsZero():
			s += " since " + monthYear(t.Start)
		case !t.End.IsZero():
			s += " until " + monthYear(t.End)
		}
		parts = append(parts, s)
	}
	if len(ts) > 0 && ts[0].Person != "" {
		name = ts[0].Person // the canonical name, not the text's short form
	}
	return name + " was " + strings.Join(parts, " and ")
}

func monthYear(t time.Time) string { return t.Month().String() + " " + strconv.Itoa(t.Year()) }

func monthName(m int) string { return time.Month(m).String() }

func weekdayName(wd int) string { return time.Weekday(wd % 7).String() }

// listYears writes "2002, 2013, 2019 and 2024".
func listYears(ys []int) string {
	var b strings.Builder
	for i, y := range ys {
		switch {
		case i == 0:
		case i == len(ys)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(y))
	}
	return b.String()
}

// personNames returns the full names of people in the text, in order of
// first mention: the recogniser's PER mentions when there are any, else
// runs of two to four capitalised words (and their tails: "Secretary of
// State Michael Pompeo" gives "Michael Pompeo"). A name after "former" or
// "ex-" is left out: a former office-holder says nothing about the date.
func (a *analysis) personNames() []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string, start int) {
		if seen[s] || a.formerBefore(start) {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	per := false
	for _, mn := range a.doc.Mentions {
		if mn.Type == "PER" || mn.Type == "PERSON" {
			per = true
			add(a.doc.Span(mn.Span), mn.Span.Start)
		}
	}
	if per {
		return out
	}
	t := a.tn.toks
	for i := 0; i < len(t); {
		if !t[i].upper || t[i].punct != 0 || t[i].cls != clNone {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j].upper && t[j].punct == 0 && t[j].cls == clNone && (j == i || t[j-1].e+1 == t[j].s && a.doc.Text[t[j-1].e] == ' ') {
			j++
		}
		for k := max(i, j-4); k <= j-2; k++ {
			add(a.doc.Text[t[k].s:t[j-1].e], t[k].s)
		}
		i = j
	}
	return out
}

// officesNamed keeps the tenures whose office the text names beside the
// person ("Secretary of State Michael Pompeo", "Pompeo, the Secretary of
// State"): someone named without the office may have held another one then.
func (a *analysis) officesNamed(name string, ts []dateline.Tenure) []dateline.Tenure {
	var out []dateline.Tenure
	text := a.doc.Text
	for _, t := range ts {
		if t.Office == "" {
			continue
		}
		for off := 0; off < len(text); {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			i += off
			before, after := text[max(0, i-80):i], text[i+len(name):min(len(text), i+len(name)+60)]
			if k := strings.LastIndexByte(before, '\n'); k >= 0 {
				before = before[k+1:]
			}
			if k := strings.IndexByte(after, '\n'); k >= 0 {
				after = after[:k]
			}
			if containsFold(before, t.Office) || containsFold(after, t.Office) {
				out = append(out, t)
				break
			}
			off = i + len(name)
		}
	}
	return out
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// formerBefore reports whether "former", "ex-" or "late" comes shortly
// before byte off.
func (a *analysis) formerBefore(off int) bool {
	lo := max(0, off-40)
	w := strings.ToLower(a.doc.Text[lo:off])
	return strings.Contains(w, "former ") || strings.Contains(w, "ex-") || strings.Contains(w, "late ")
}
