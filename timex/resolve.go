package timex

import (
	"strconv"
	"time"
)

// tense is the grammatical time of the clause around an expression: it
// gives the direction in which a bare weekday or a yearless date is read.
type tense int8

const (
	tenseUnknown tense = iota
	tensePast
	tensePresent
	tenseFuture
)

// refs are the anchors an expression may be resolved against.
type refs struct {
	dct      time.Time // the document date; zero when unknown
	narr     time.Time // the narrative time; zero before any
	narrGran int       // the unit narr is precise to: uDay, uMonth or uYear
	inPara   bool      // narr was set in the current paragraph
	// narrYear: narr comes from a date that printed its year, so a date
	// without one is read in the narrative's year, not the document's
	narrYear bool
	tense    tense
	// narrDay is the last day-precise narrative time in any paragraph, and
	// narrPast the last one not after the document date: a past-tense
	// clause does not continue from a planned date ("to take effect on
	// December 10 … later the same day").
	narrDay, narrPast time.Time
	// recent is the last narrative day in the week up to the document date:
	// the day a speech quoted from that week was made.
	recent  time.Time
	quoted  bool      // the expression stands inside quotation marks
	sentDay time.Time // a clock time's day named beside it in its sentence
}

// pastDay returns the narrative day a past-tense clause continues from.
func (rf refs) pastDay() time.Time {
	if !rf.narrPast.IsZero() {
		return rf.narrPast
	}
	return rf.narrDay
}

// yearNarr reports whether a date without a year takes the narrative's:
// the paragraph has moved to a date that printed its year.
func (rf refs) yearNarr() bool { return rf.narrYear && rf.inPara && !rf.narr.IsZero() }

// dayNarr returns the narrative time when it is precise to the day and
// was set in the current paragraph.
func (rf refs) dayNarr() (time.Time, bool) {
	return rf.narr, rf.inPara && !rf.narr.IsZero() && rf.narrGran == uDay
}

// resolved is a value with what it was resolved against and, for a day
// precise date, the day (which moves the narrative time).
type resolved struct {
	value  string
	anchor string
	day    time.Time // zero unless the value names a day, month or year
	gran   int       // the unit day is precise to: uDay, uMonth, uYear
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// isoWD returns the ISO weekday of t: Monday 1 … Sunday 7.
func isoWD(t time.Time) int { return (int(t.Weekday())+6)%7 + 1 }

func fmtDay(t time.Time) string { return t.Format("2006-01-02") }

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return strconv.Itoa(y) + "-W" + twoDigits(w)
}

func fmtMonth(y, m int) string { return fmtYear(y) + "-" + twoDigits(m) }

func fmtYear(y int) string {
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func anchorText(kind string, t time.Time) string { return kind + " " + fmtDay(t) }

// resolve gives x its value against rf.
func resolve(x *Expr, rf refs) resolved {
	switch x.kind {
	case kLit:
		return resolved{value: x.val}
	case kDate:
		return resolveDate(x, rf)
	case kWeekday:
		return resolveWeekday(x, rf)
	case kRel:
		return resolveRel(x, rf)
	case kClock:
		ref, what := rf.dct, "document date"
		n, inPara := rf.dayNarr()
		switch {
		case !rf.sentDay.IsZero():
			ref, what = rf.sentDay, "the date in its sentence"
		case (rf.tense == tensePast || rf.tense == tenseUnknown) && !rf.pastDay().IsZero():
			ref, what = rf.pastDay(), "narrative time"
		case inPara:
			ref, what = n, "narrative time"
		}
		if ref.IsZero() {
			return resolved{value: "XXXX-XX-XXT" + x.clock}
		}
		return resolved{value: fmtDay(ref) + "T" + x.clock, anchor: anchorText(what, ref)}
	case kSeason:
		return resolveSeason(x, rf)
	case kWeekend:
		return resolveWeekend(x, rf)
	}
	return resolved{value: "XXXX"}
}

// yearFor picks the year of a month (and day) given without one: the
// occurrence nearest the document date, unless the tense says the other
// side and that occurrence is less than ten months away.
func yearFor(m, d int, rf refs) int {
	ref := rf.dct
	if rf.yearNarr() {
		if rf.narrGran == uYear {
			return rf.narr.Year() // "In 1859 … On October 12"
		}
		ref = rf.narr
	}
	y := ref.Year()
	if d == 0 {
		d = 15
	}
	cand := func(y int) time.Time { return day(y, m, min(d, daysIn(y, m))) }
	prev, next := cand(y), cand(y)
	if prev.After(ref) {
		prev = cand(y - 1)
	}
	if next.Before(ref) {
		next = cand(y + 1)
	}
	dp, dn := ref.Sub(prev), next.Sub(ref)
	const tenMonths = 300 * 24 * time.Hour
	switch {
	case rf.tense == tensePast && dp <= tenMonths:
		return prev.Year()
	case rf.tense == tenseFuture && dn <= tenMonths:
		return next.Year()
	case dp <= dn:
		return prev.Year()
	}
	return next.Year()
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func resolveDate(x *Expr, rf refs) resolved {
	if x.sub != "" { // quarter or half
		y := x.y
		if y == 0 {
			if rf.dct.IsZero() {
				return resolved{value: "XXXX-" + x.sub}
			}
			y = rf.dct.Year()
			startMonth := 1 + 3*(int(x.sub[1]-'1'))
			if x.sub[0] == 'H' {
				startMonth = 1 + 6*(int(x.sub[1]-'1'))
			}
			if rf.tense == tensePast && startMonth > int(rf.dct.Month()) {
				y--
			}
			return resolved{value: fmtYear(y) + "-" + x.sub, anchor: anchorText("document date", rf.dct)}
		}
		return resolved{value: fmtYear(y) + "-" + x.sub}
	}
	if x.m == 0 {
		return resolved{value: fmtYear(x.y), day: day(x.y, 1, 1), gran: uYear}
	}
	y, anchor := x.y, ""
	if y == 0 {
		if rf.dct.IsZero() && (!rf.yearNarr() || x.mod != modNone) {
			v := "XXXX-" + twoDigits(x.m)
			if x.d != 0 {
				v += "-" + twoDigits(x.d)
				if x.d2 != 0 {
					v += "/XXXX-" + twoDigits(x.m) + "-" + twoDigits(x.d2)
				}
			}
			return resolved{value: v}
		}
		anchor = anchorText("document date", rf.dct)
		if x.mod == modNone && rf.yearNarr() {
			anchor = anchorText("narrative time", rf.narr)
		}
		switch x.mod {
		case modLast:
			y = rf.dct.Year()
			if x.m >= int(rf.dct.Month()) {
				y--
			}
		case modNext:
			y = rf.dct.Year()
			if x.m <= int(rf.dct.Month()) {
				y++
			}
		case modThis, modThisYear:
			y = rf.dct.Year()
		case modLastYear:
			y = rf.dct.Year() - 1
		case modNextYear:
			y = rf.dct.Year() + 1
		default:
			y = yearFor(x.m, x.d, rf)
		}
	}
	if x.d == 0 {
		return resolved{value: fmtMonth(y, x.m), anchor: anchor, day: day(y, x.m, 1), gran: uMonth}
	}
	if x.d > daysIn(y, x.m) {
		return resolved{value: fmtMonth(y, x.m) + "-" + twoDigits(x.d), anchor: anchor}
	}
	t := day(y, x.m, x.d)
	if x.d2 != 0 {
		return resolved{value: fmtDay(t) + "/" + fmtDay(day(y, x.m, x.d2)), anchor: anchor, day: t, gran: uDay}
	}
	return resolved{value: fmtDay(t), anchor: anchor, day: t, gran: uDay}
}

// resolveWeekday reads a weekday: "last Tuesday" before the document date,
// "next Tuesday" after it; a bare weekday against the narrative time of the
// paragraph (else the document date), backwards in a past-tense clause,
// forwards in a future one, else the nearest.
func resolveWeekday(x *Expr, rf refs) resolved {
	ref, what := rf.dct, "document date"
	if n, ok := rf.dayNarr(); ok && x.mod == modNone && rf.tense != tenseFuture {
		ref, what = n, "narrative time"
		// a narrative within the week up to the document date: a past
		// weekday is the last one on or before the document date, so "On
		// Thursday … As of Friday" in a Saturday story is the day after
		if rf.tense == tensePast && inWeekBefore(n, rf.dct) {
			ref, what = rf.dct, "document date"
		}
	}
	if ref.IsZero() {
		v := "XXXX-WXX-" + strconv.Itoa(x.wd)
		if x.sub != "" {
			v += "T" + x.sub
		}
		return resolved{value: v}
	}
	back := (isoWD(ref) - x.wd + 7) % 7
	fwd := (x.wd - isoWD(ref) + 7) % 7
	var t time.Time
	switch x.mod {
	case modLast:
		if back == 0 {
			back = 7
		}
		t = ref.AddDate(0, 0, -back)
	case modNext:
		if fwd == 0 {
			fwd = 7
		}
		t = ref.AddDate(0, 0, fwd)
	case modThis:
		t = ref.AddDate(0, 0, x.wd-isoWD(ref))
	default:
		switch {
		case rf.tense == tensePast:
			t = ref.AddDate(0, 0, -back)
		case rf.tense == tenseFuture:
			t = ref.AddDate(0, 0, fwd)
		case back <= fwd:
			t = ref.AddDate(0, 0, -back)
		default:
			t = ref.AddDate(0, 0, fwd)
		}
	}
	v := fmtDay(t)
	if x.sub != "" {
		v += "T" + x.sub
	}
	return resolved{value: v, anchor: anchorText(what, ref), day: t, gran: uDay}
}

// resolveRel shifts the anchor by n units and writes the result at the
// unit's precision. Deictic expressions use the document date, anaphoric
// ones the narrative time. Weeks follow the newsroom habit of weeks that
// start on Sunday: on a Sunday, "last week" is the week that is ending.
func resolveRel(x *Expr, rf refs) resolved {
	ref, what := rf.dct, "document date"
	switch {
	case x.ana && !rf.sentDay.IsZero():
		ref, what = rf.sentDay, "its own date" // "the morning of June 5"
	case x.ana && x.unit <= uDay:
		// "the previous day", "that night": the last day the narrative
		// was at, in any paragraph, even when a month or year came since
		d := rf.narrDay
		if rf.tense == tensePast {
			d = rf.pastDay()
		}
		if !d.IsZero() {
			ref, what = d, "narrative time"
		}
	case x.ana && !rf.narr.IsZero() && (rf.narrGran == uDay || rf.narrGran == uMonth && x.unit >= uMonth || x.unit >= uYear):
		ref, what = rf.narr, "narrative time"
	case !x.ana && x.unit == uDay && rf.quoted && !rf.recent.IsZero():
		// "today" in a quote is the day the words were said
		ref, what = rf.recent, "the day of the quoted speech"
	}
	if ref.IsZero() {
		return resolved{value: unknownValue(x)}
	}
	r := resolved{anchor: anchorText(what, ref)}
	switch x.unit {
	case uSecond, uMinute, uHour, uDay:
		t := ref
		if x.unit == uDay {
			t = ref.AddDate(0, 0, x.n)
		}
		if x.wd != 0 { // "the next Tuesday"
			t = ref.AddDate(0, 0, (x.wd-isoWD(ref)+6)%7+1)
		}
		r.value = fmtDay(t)
		if x.sub != "" {
			r.value += "T" + x.sub
		}
		if x.unit == uDay && x.sub == "" {
			r.day, r.gran = t, uDay
		}
	case uWeek, uFortnight:
		t := ref
		if !x.ana && isoWD(t) == 7 && x.n != 0 {
			t = t.AddDate(0, 0, 1)
		}
		k := x.n
		if x.unit == uFortnight {
			k *= 2
		}
		r.value = fmtWeek(t.AddDate(0, 0, 7*k))
	case uMonth:
		t := time.Date(ref.Year(), ref.Month()+time.Month(x.n), 1, 0, 0, 0, 0, time.UTC)
		r.value = fmtMonth(t.Year(), int(t.Month()))
	case uQuarter:
		q := (int(ref.Month())-1)/3 + x.n
		y := ref.Year() + floorDiv(q, 4)
		q = q - 4*floorDiv(q, 4)
		r.value = fmtYear(y) + "-Q" + strconv.Itoa(q+1)
	case uYear:
		r.value = fmtYear(ref.Year() + x.n)
	case uDecade:
		r.value = strconv.Itoa(floorDiv(ref.Year(), 10) + x.n)
	case uCentury:
		r.value = strconv.Itoa(floorDiv(ref.Year(), 100) + x.n)
	default:
		r.value = fmtDay(ref)
	}
	return r
}

// inWeekBefore reports whether t lies in the seven days up to dct.
func inWeekBefore(t, dct time.Time) bool {
	return !dct.IsZero() && !t.After(dct) && dct.Sub(t) < 7*24*time.Hour
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// unknownValue writes a relative expression when there is no anchor.
func unknownValue(x *Expr) string {
	switch x.unit {
	case uWeek, uFortnight:
		return "XXXX-WXX"
	case uMonth:
		return "XXXX-XX"
	case uQuarter, uYear, uDecade, uCentury:
		return "XXXX"
	}
	if x.n < 0 {
		return "PAST_REF"
	}
	if x.n > 0 {
		return "FUTURE_REF"
	}
	return "PRESENT_REF"
}

// seasonStart is the month a season starts in (winter: December).
func seasonStart(s string) int {
	switch s {
	case "SP":
		return 3
	case "SU":
		return 6
	case "FA":
		return 9
	}
	return 12
}

func resolveSeason(x *Expr, rf refs) resolved {
	if x.y != 0 {
		return resolved{value: fmtYear(x.y) + "-" + x.sub}
	}
	if rf.dct.IsZero() {
		return resolved{value: "XXXX-" + x.sub}
	}
	m, y, s := int(rf.dct.Month()), rf.dct.Year(), seasonStart(x.sub)
	in, after := m >= s && m < s+3, s != 12 && m > s+2
	if s == 12 && m <= 11 {
		// winter is named by the year of its December
		y, in, after = y-1, m <= 2, m > 2
	}
	switch x.mod {
	case modLast:
		if !after {
			y--
		}
	case modNext:
		if in || after {
			y++
		}
	case modNone:
		if rf.tense == tensePast && !in && !after {
			y--
		} else if rf.tense == tenseFuture && after {
			y++
		}
	}
	return resolved{value: fmtYear(y) + "-" + x.sub, anchor: anchorText("document date", rf.dct)}
}

func resolveWeekend(x *Expr, rf refs) resolved {
	if rf.dct.IsZero() {
		return resolved{value: "XXXX-WXX-WE"}
	}
	t := rf.dct
	wknd := isoWD(t) >= 6
	switch x.mod {
	case modLast:
		t = t.AddDate(0, 0, -7)
	case modNext:
		t = t.AddDate(0, 0, 7)
	case modNone:
		if rf.tense == tensePast && !wknd {
			t = t.AddDate(0, 0, -7)
		}
	}
	return resolved{value: fmtWeek(t) + "-WE", anchor: anchorText("document date", rf.dct)}
}
