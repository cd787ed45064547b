package timex

import (
	"strconv"
	"strings"
)

// kind says how a recognised expression gets its value.
type kind uint8

const (
	kLit      kind = iota // the value is fixed: durations, sets, PRESENT_REF, decades
	kDate                 // calendar date with parts possibly missing (y == 0: no year)
	kWeekday              // a weekday; mod says last/next/this, else tense decides
	kRel                  // n units from an anchor: the document date, or the narrative time when ana
	kClock                // a clock time or part of day on the reference day
	kSeason               // a season relative to the document date (mod) or in year y
	kWeekend              // a weekend relative to the document date (mod) or by tense
	kEventDay             // "election day": the day the text gives for that event, if any
)

// Modifiers of weekday, season and weekend expressions.
const (
	modNone = iota
	modLast
	modNext
	modThis
	modThisYear // a month in this year: "January this year"
	modLastYear
	modNextYear
)

// Expr is one recognised time expression before it is resolved: where it
// is, its TIMEX3 type, and what it says about the calendar.
type Expr struct {
	Start, End int    // byte span in the text
	Type       string // DATE, TIME, DURATION, SET

	t0, t1 int // token range
	kind   kind
	val    string // kLit: the value
	y, m   int    // year (0: not given), month (0: not given)
	d, d2  int    // day (0: not given), last day of a range (0: none)
	wd     int    // weekday 1–7 (kWeekday, or beside a date)
	unit   int    // kRel: unit
	n      int    // kRel: offset in units
	ana    bool   // kRel: anchored to the narrative time, not the document date
	mod    int    // kWeekday, kSeason, kWeekend: modNone, modLast, modNext, modThis
	sub    string // a suffix: part of day "MO", quarter "Q1", half "H1", season "SU"
	clock  string // kClock: "15:00"
	dec    int    // kDate: a decade (y holds its first year) when set
}

// Recognise returns the time expressions in text, in text order, with
// their TIMEX3 types but without values: the values need the document date
// and the narrative time, which [Stage] supplies.
func Recognise(text string) []Expr {
	var sc scanner
	return sc.recognise(text, nil)
}

// recognise scans text and appends what it finds to out.
func (sc *scanner) recognise(text string, out []Expr) []Expr {
	sc.scan(text)
	r := rules{text: text, t: sc.toks}
	for i := 0; i < len(r.t); {
		if t := &r.t[i]; t.cls == clNone && t.nd == 0 && t.punct != '\'' && !(t.upper && r.is(i, "New")) || t.cls == clWord && !startsExpr(t.val) {
			i++ // most words start nothing: skip them before any rule runs
			continue
		}
		x, ok := r.match(i)
		if ok && x.t1 > i {
			x.t0 = i
			x.Start, x.End = r.t[x.t0].s, r.t[x.t1-1].e
			out = append(out, x)
			i = x.t1
			continue
		}
		i++
	}
	return out
}

// rules holds the tokens of one text while the matchers run over them.
type rules struct {
	text string
	t    []tok
}

func (r *rules) w(i, w int) bool {
	return i >= 0 && i < len(r.t) && r.t[i].cls == clWord && r.t[i].val == w
}

func (r *rules) p(i int, c byte) bool { return i >= 0 && i < len(r.t) && r.t[i].punct == c }

func (r *rules) cls(i int, c class) bool { return i >= 0 && i < len(r.t) && r.t[i].cls == c }

// lower reports whether token i is the word s (s lower case).
func (r *rules) is(i int, s string) bool {
	return i >= 0 && i < len(r.t) && strings.EqualFold(r.text[r.t[i].s:r.t[i].e], s)
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (r *rules) adjacent(i int) bool {
	return i+1 < len(r.t) && r.t[i].e == r.t[i+1].s
}

// match tries every rule at token i and keeps the longest match.
func (r *rules) match(i int) (Expr, bool) {
	var best Expr
	found := false
	try := func(x Expr, ok bool) {
		if ok && (!found || x.t1 > best.t1) {
			best, found = x, true
		}
	}
	t := &r.t[i]
	switch {
	case t.punct != 0 && t.punct != '\'':
		return best, false
	case t.cls == clNone && t.nd == 0 && !(t.upper && r.is(i, "New")):
		return best, false
	case t.cls == clWord && !startsExpr(t.val):
		return best, false
	}
	// only the rules that can start with this kind of token
	switch {
	case t.nd > 0:
		try(r.date(i))
		try(r.duration(i))
		try(r.clock(i))
		try(r.set(i))
	case t.cls == clWord:
		try(r.prefixed(i))
		try(r.date(i))
		try(r.relative(i))
		try(r.duration(i))
		try(r.clock(i))
		try(r.set(i))
	case t.cls == clNumber:
		try(r.duration(i))
		try(r.set(i))
	case t.cls == clUnits || t.cls == clUnit:
		try(r.duration(i))
	case t.cls == clDayWord || t.cls == clPart || t.cls == clSeason:
		try(r.relative(i))
	default: // months, weekdays, ordinals, holidays, "'90s", "New Year's"
		try(r.date(i))
	}
	return best, found
}

// startsExpr reports whether the function word w can begin an expression.
func startsExpr(w int) bool {
	switch w {
	case wThe, wA, wLast, wNext, wThis, wThat, wPast, wComing, wEarly, wLate, wMid, wEarlier, wLater,
		wNow, wCurrently, wRecently, wRecent, wPresent, wThese, wNowadays, wEvery, wEach, wAnnually,
		wOnce, wTwice, wFiscal, wNoon, wMidnight, wMore, wAbout, wAround, wNineties, wHedge, wAt,
		wOver, wElection:
		return true
	}
	return false
}

// prefixed matches "the end of", "early", "mid-", "earlier", "later" and
// similar words before a date: the span grows, the value stays.
func (r *rules) prefixed(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	j := i
	switch {
	case r.w(i, wThe) && (r.w(i+1, wEnd) || r.w(i+1, wBeginning) || r.w(i+1, wStart) || r.w(i+1, wMiddle)) && r.w(i+2, wOf):
		j = i + 3
		// "the end of the year": the current unit
		if r.w(j, wThe) && r.cls(j+1, clUnit) && !r.cls(j+2, clNumber) && r.t[j+1].val >= uWeek {
			return Expr{Type: "DATE", kind: kRel, unit: r.t[j+1].val, t1: j + 2}, true
		}
	case r.w(i, wEarly) || r.w(i, wLate) || r.w(i, wMid) || r.w(i, wEarlier) || r.w(i, wLater):
		j = i + 1
		if r.p(j, '-') {
			j++
		}
	default:
		return Expr{}, false
	}
	x, ok := r.date(j)
	if !ok {
		x, ok = r.relative(j)
		if !ok || x.kind != kRel || x.ana || x.unit < uWeek {
			if !(ok && x.kind == kSeason) {
				return Expr{}, false
			}
		}
	}
	if x.kind == kWeekday && (r.w(i, wEarly) || r.w(i, wLate)) {
		return x, true // "early Monday"
	}
	if x.kind == kDate && x.d != 0 || x.kind == kWeekday || x.Type != "DATE" {
		return Expr{}, false
	}
	return x, true
}

// monthAt reports the month named at token i and the token after it; a
// bare month name needs a capital, an abbreviation may take a full stop.
func (r *rules) monthAt(i int) (m, next int, abbr bool) {
	if i < 0 || i >= len(r.t) || !r.t[i].upper {
		return 0, i, false
	}
	switch r.t[i].cls {
	case clMonth:
		return r.t[i].val, i + 1, false
	case clMonAbbr:
		if r.p(i+1, '.') {
			return r.t[i].val, i + 2, true
		}
		return r.t[i].val, i + 1, true
	}
	return 0, i, false
}

// dayAt reads a day of the month at token i: "23", "23rd".
func (r *rules) dayAt(i int) int {
	if i < 0 || i >= len(r.t) {
		return 0
	}
	t := r.t[i]
	if t.nd == 0 || t.nd > 2 || t.val < 1 || t.val > 31 {
		return 0
	}
	if t.num >= 0 || t.sfx == sfxTh {
		return t.val
	}
	return 0
}

// yearAt reads a four-digit year at token i.
func (r *rules) yearAt(i int) int {
	if i < 0 || i >= len(r.t) {
		return 0
	}
	t := r.t[i]
	if t.num >= 1000 && t.num <= 2999 && t.nd == 4 {
		return t.num
	}
	return 0
}

// date matches calendar dates: "Tuesday, April 30, 2019", "May 6-7",
// "23 January", "January 2019", "2019-05-05", "5/5/2019", years and
// decades, weekdays with an optional part of the day.
func (r *rules) date(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	t := r.t[i]
	// weekday, optionally followed by a date or a part of the day
	if t.cls == clWeekday && t.upper {
		j := i + 1
		if r.p(j, ',') {
			j++
		}
		if x, ok := r.monthDay(j); ok && x.d != 0 {
			x.wd = t.val
			return x, true
		}
		x := Expr{Type: "DATE", kind: kWeekday, wd: t.val, t1: i + 1}
		if r.cls(i+1, clPart) {
			x.Type, x.sub, x.t1 = "TIME", partCode(r.t[i+1].val), i+2
		}
		return x, true
	}
	if x, ok := r.monthDay(i); ok {
		return x, true
	}
	if x, ok := r.holiday(i); ok {
		return x, true
	}
	// "the 1990s", "the '90s", "the mid-1990s"
	if t.cls == clWord && t.val == wThe {
		if r.w(i+1, wEarly) || r.w(i+1, wLate) || r.w(i+1, wMid) {
			if x, ok := r.prefixed(i + 1); ok && x.kind == kLit {
				return x, true
			}
		}
		if x, ok := r.decade(i + 1); ok {
			return x, true
		}
		if r.cls(i+1, clOrdinal) || r.dayAt(i+1) != 0 && r.t[i+1].sfx == sfxTh {
			if x, ok := r.dayMonth(i + 1); ok {
				return x, true
			}
			return r.quarter(i)
		}
		return Expr{}, false
	}
	if x, ok := r.decade(i); ok {
		return x, true
	}
	// "third-quarter earnings", "first-half profit"
	if (t.cls == clOrdinal || t.sfx == sfxTh) && t.val >= 1 && t.val <= 4 && r.p(i+1, '-') && r.adjacent(i) {
		switch {
		case r.cls(i+2, clUnit) && r.t[i+2].val == uQuarter:
			return Expr{Type: "DATE", kind: kDate, sub: "Q" + strconv.Itoa(t.val), t1: i + 3}, true
		case r.w(i+2, wHalf) && t.val <= 2:
			return Expr{Type: "DATE", kind: kDate, sub: "H" + strconv.Itoa(t.val), t1: i + 3}, true
		}
	}
	if x, ok := r.dayMonth(i); ok {
		return x, true
	}
	if x, ok := r.numeric(i); ok {
		return x, true
	}
	if t.cls == clWord && t.val == wFiscal {
		if y := r.yearAt(i + 1); y != 0 {
			return Expr{Type: "DATE", kind: kLit, val: "FY" + strconv.Itoa(y), t1: i + 2}, true
		}
	}
	if x, ok := r.era(i); ok {
		return x, true
	}
	if y := r.yearAt(i); y != 0 && r.yearOK(i) {
		return Expr{Type: "DATE", kind: kDate, y: y, t1: i + 1}, true
	}
	return Expr{}, false
}

// era matches years with an era: "1230 BC", "776 BCE", "AD 394", "394 AD".
func (r *rules) era(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	t := r.t[i]
	if r.t[i].upper && (r.is(i, "AD") || r.is(i, "CE")) && i+1 < len(r.t) && r.t[i+1].num > 0 && r.t[i+1].nd <= 4 {
		return Expr{Type: "DATE", kind: kLit, val: fmtYear(r.t[i+1].num), t1: i + 2}, true
	}
	if t.num <= 0 || t.nd > 4 || i+1 >= len(r.t) || !r.t[i+1].upper {
		return Expr{}, false
	}
	switch {
	case r.is(i+1, "BC") || r.is(i+1, "BCE"):
		return Expr{Type: "DATE", kind: kLit, val: "BC" + fmtYear(t.num), t1: i + 2}, true
	case r.is(i+1, "AD") || r.is(i+1, "CE"):
		return Expr{Type: "DATE", kind: kLit, val: fmtYear(t.num), t1: i + 2}, true
	}
	return Expr{}, false
}

// holiday matches fixed-date holidays: "Christmas", "Christmas Eve",
// "Halloween", "New Year's Day", "New Year's Eve", optionally with a year.
func (r *rules) holiday(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) || !r.t[i].upper {
		return Expr{}, false
	}
	md, j := 0, i+1
	switch {
	case r.t[i].cls == clHoliday:
		if i > 0 && r.t[i-1].upper && r.t[i-1].punct == 0 && r.t[i-1].cls == clNone {
			return Expr{}, false // a surname: "Johnnie Christmas"
		}
		md = r.t[i].val
		if md == 1225 && r.is(j, "Eve") {
			md, j = 1224, j+1
		} else if md == 1225 && r.is(j, "Day") {
			j++
		}
	case r.is(i, "New") && r.is(i+1, "Year") && r.p(i+2, '\'') && r.is(i+3, "s") && (r.is(i+4, "Day") || r.is(i+4, "Eve")):
		md, j = 101, i+5
		if r.is(i+4, "Eve") {
			md = 1231
		}
	default:
		return Expr{}, false
	}
	x := Expr{Type: "DATE", kind: kDate, m: md / 100, d: md % 100, t1: j}
	k := j
	if r.p(k, ',') {
		k++
	}
	if y := r.yearAt(k); y != 0 {
		x.y, x.t1 = y, k+1
	}
	return x, true
}

// monthDay matches "January 23", "Jan. 23, 2019", "May 6-7", "January 2019",
// "January of 2019" and a bare month name where the context allows it.
func (r *rules) monthDay(i int) (Expr, bool) {
	m, j, abbr := r.monthAt(i)
	if m == 0 {
		return Expr{}, false
	}
	x := Expr{Type: "DATE", kind: kDate, m: m}
	if d := r.dayAt(j); d != 0 && !r.p(j+1, ':') {
		if !validDay(m, d) {
			return Expr{}, false
		}
		x.d, x.t1 = d, j+1
		if r.p(j+1, '-') {
			if d2 := r.dayAt(j + 2); d2 > d && validDay(m, d2) {
				x.d2, x.t1 = d2, j+3
			}
		}
		k := x.t1
		if r.p(k, ',') {
			k++
		}
		if y := r.yearAt(k); y != 0 {
			x.y, x.t1 = y, k+1
		} else {
			r.relYear(&x)
		}
		return x, true
	}
	k := j
	if r.w(k, wOf) || r.p(k, ',') {
		k++
	}
	if y := r.yearAt(k); y != 0 {
		x.y, x.t1 = y, k+1
		return x, true
	}
	if abbr || !r.bareMonthOK(i) {
		return Expr{}, false
	}
	x.t1 = j
	r.relYear(&x)
	return x, true
}

// relYear takes "this year", "last year" or "next year" after a month
// into the expression: "January this year", "October last year".
func (r *rules) relYear(x *Expr) {
	k := x.t1
	if !r.cls(k+1, clUnit) || r.t[k+1].val != uYear {
		return
	}
	switch {
	case r.w(k, wThis):
		x.mod = modThisYear
	case r.w(k, wLast):
		x.mod = modLastYear
	case r.w(k, wNext):
		x.mod = modNextYear
	default:
		return
	}
	x.t1 = k + 2
}

// bareMonthOK reports whether a month name at i with no day or year is a
// month: "May" and "March" only after a preposition or a modifier; the
// others unless a capitalised word follows ("June Carter").
func (r *rules) bareMonthOK(i int) bool {
	prevOK := r.w(i-1, wIn) || r.w(i-1, wSince) || r.w(i-1, wUntil) || r.w(i-1, wBy) ||
		r.w(i-1, wFrom) || r.w(i-1, wDuring) || r.w(i-1, wEarly) || r.w(i-1, wLate) ||
		r.w(i-1, wMid) || r.w(i-1, wBefore) || r.w(i-1, wAfter) || r.w(i-1, wLast) ||
		r.w(i-1, wNext) || r.w(i-1, wThis) || r.w(i-1, wTo) || r.w(i-1, wBetween) ||
		r.w(i-1, wAnd) || r.p(i-1, '-') || r.w(i-1, wOf) && r.w(i-2, wEnd)
	v := r.t[i].val
	if v == 5 || v == 3 {
		return prevOK
	}
	if prevOK {
		return true
	}
	return !(i+1 < len(r.t) && r.t[i+1].upper) && !(i > 0 && r.t[i-1].upper && r.t[i-1].punct == 0)
}

// dayMonth matches "23 January", "23rd of January 2019", "6-7 May".
func (r *rules) dayMonth(i int) (Expr, bool) {
	d := r.dayAt(i)
	if d == 0 {
		if r.cls(i, clOrdinal) {
			d = r.t[i].val
		} else {
			return Expr{}, false
		}
	}
	j := i + 1
	d2 := 0
	if r.p(j, '-') {
		if v := r.dayAt(j + 1); v > d {
			d2, j = v, j+2
		}
	}
	if r.w(j, wOf) {
		j++
	}
	m, k, _ := r.monthAt(j)
	if m == 0 || !validDay(m, d) || d2 != 0 && !validDay(m, d2) {
		return Expr{}, false
	}
	x := Expr{Type: "DATE", kind: kDate, m: m, d: d, d2: d2, t1: k}
	if r.p(k, ',') && r.yearAt(k+1) != 0 {
		k++
	}
	if y := r.yearAt(k); y != 0 {
		x.y, x.t1 = y, k+1
	}
	return x, true
}

// numeric matches "2019-05-05" and "5/5/2019".
func (r *rules) numeric(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	t := r.t[i]
	if t.num < 0 {
		return Expr{}, false
	}
	if t.nd == 4 && r.p(i+1, '-') && r.adjacent(i) && i+4 < len(r.t) && r.p(i+3, '-') {
		m, d := r.t[i+2].num, r.t[i+4].num
		if r.t[i+2].nd <= 2 && r.t[i+4].nd <= 2 && m >= 1 && m <= 12 && validDay(m, d) && r.adjacent(i+3) {
			return Expr{Type: "DATE", kind: kDate, y: t.num, m: m, d: d, t1: i + 5}, true
		}
	}
	if t.nd <= 2 && r.p(i+1, '/') && r.adjacent(i) && i+4 < len(r.t) && r.p(i+3, '/') {
		m, d, y := t.num, r.t[i+2].num, r.t[i+4].num
		if r.t[i+4].nd == 2 {
			y += 1900
			if y < 1950 {
				y += 100
			}
		} else if r.t[i+4].nd != 4 {
			return Expr{}, false
		}
		if m >= 1 && m <= 12 && validDay(m, d) && r.adjacent(i+3) {
			return Expr{Type: "DATE", kind: kDate, y: y, m: m, d: d, t1: i + 5}, true
		}
	}
	return Expr{}, false
}

// decade matches "1990s" and "'90s".
func (r *rules) decade(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	t := r.t[i]
	if t.nd == 4 && t.sfx == sfxS && t.val%10 == 0 && t.val >= 1000 && t.val < 3000 {
		return Expr{Type: "DATE", kind: kLit, val: strconv.Itoa(t.val / 10), t1: i + 1}, true
	}
	if t.punct == '\'' && r.adjacent(i) && i+1 < len(r.t) {
		u := r.t[i+1]
		if u.nd == 2 && u.sfx == sfxS && u.val%10 == 0 {
			c := 19
			if u.val < 30 {
				c = 20
			}
			return Expr{Type: "DATE", kind: kLit, val: strconv.Itoa(c*10 + u.val/10), t1: i + 2}, true
		}
	}
	if t.cls == clWord && t.val == wNineties {
		return Expr{Type: "DATE", kind: kLit, val: "199", t1: i + 1}, true
	}
	return Expr{}, false
}

// quarter matches "the first quarter (of 2019)", "the second half of
// 2019" and "the 20th century", starting at "the".
func (r *rules) quarter(i int) (Expr, bool) {
	n := 0
	switch {
	case r.cls(i+1, clOrdinal):
		n = r.t[i+1].val
	case r.t[i+1].sfx == sfxTh:
		n = r.t[i+1].val
	}
	j := i + 2
	x := Expr{Type: "DATE", kind: kDate}
	switch {
	case r.cls(j, clUnit) && r.t[j].val == uQuarter && n >= 1 && n <= 4:
		x.sub = "Q" + strconv.Itoa(n)
	case r.w(j, wHalf) && n >= 1 && n <= 2:
		x.sub = "H" + strconv.Itoa(n)
	case r.cls(j, clUnit) && r.t[j].val == uCentury && n >= 1 && n <= 30:
		return Expr{Type: "DATE", kind: kLit, val: strconv.Itoa(n - 1), t1: j + 1}, true
	default:
		return Expr{}, false
	}
	x.t1 = j + 1
	if r.w(j+1, wOf) {
		if y := r.yearAt(j + 2); y != 0 {
			x.y, x.t1 = y, j+3
		}
	}
	return x, true
}

// yearOK reports whether the four-digit number at i reads as a year: after
// a temporal preposition, or not followed by a lower-case word (which would
// make it a count: "2000 people").
func (r *rules) yearOK(i int) bool {
	if r.p(i-1, '$') || r.p(i-1, '#') || r.p(i-1, '.') && r.adjacent(i-1) || r.p(i-1, ',') && r.adjacent(i-1) {
		return false
	}
	if r.p(i+1, '%') || (r.p(i+1, ',') || r.p(i+1, '.')) && r.adjacent(i) && i+2 < len(r.t) && r.t[i+2].nd > 0 && r.adjacent(i+1) {
		return false
	}
	if r.w(i-1, wIn) || r.w(i-1, wSince) || r.w(i-1, wUntil) || r.w(i-1, wBy) || r.w(i-1, wFrom) ||
		r.w(i-1, wDuring) || r.w(i-1, wBefore) || r.w(i-1, wAfter) || r.w(i-1, wOf) || r.w(i-1, wTo) ||
		r.w(i-1, wBetween) || r.w(i-1, wEarly) || r.w(i-1, wLate) || r.w(i-1, wMid) || r.w(i-1, wThroughout) ||
		(r.w(i-1, wAnd) || r.p(i-1, '-')) && r.yearAt(i-2) != 0 || r.w(i-1, wFiscal) {
		return true
	}
	if i+1 < len(r.t) && r.t[i+1].punct == 0 && !r.t[i+1].upper && r.t[i+1].cls != clWord && r.t[i+1].nd == 0 {
		nx := r.text[r.t[i+1].s:r.t[i+1].e]
		if (r.w(i-1, wThe) || r.is(i-1, "a")) && r.t[i].num >= 1900 && r.t[i].num < 2100 {
			return true // "the 2020 elections", "a 1994 agreement"
		}
		switch nx {
		case "was", "is", "will", "has", "had", "saw", "marked", "brought", "would", "proved", "began", "ended":
			return true
		}
		return false
	}
	return true
}

// relative matches deictic and anaphoric expressions: "yesterday", "last
// week", "next month", "two days earlier", "a year ago", "later in the
// day", "the next day", "that night", "now", "currently".
func (r *rules) relative(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	t := r.t[i]
	switch t.cls {
	case clDayWord:
		x := Expr{Type: "DATE", kind: kRel, unit: uDay, n: t.val, t1: i + 1}
		if t.val == 10 {
			x.n, x.Type, x.sub = 0, "TIME", "NI"
		} else if r.cls(i+1, clPart) {
			x.Type, x.sub, x.t1 = "TIME", partCode(r.t[i+1].val), i+2
		}
		return x, true
	case clSeason:
		if !r.seasonOK(i) {
			return Expr{}, false
		}
		x := Expr{Type: "DATE", kind: kSeason, sub: seasonCode(t.val), t1: i + 1}
		k := i + 1
		if r.w(k, wOf) {
			k++
		}
		if y := r.yearAt(k); y != 0 {
			x.y, x.t1 = y, k+1
		}
		return x, true
	case clPart:
		if r.is(i, "overnight") {
			return Expr{Type: "TIME", kind: kRel, unit: uDay, ana: true, sub: "NI", t1: i + 1}, true
		}
		return Expr{}, false
	case clWord:
	default:
		return Expr{}, false
	}
	switch t.val {
	case wNow, wCurrently, wNowadays:
		return Expr{Type: "DATE", kind: kLit, val: "PRESENT_REF", t1: i + 1}, true
	case wRecently:
		return Expr{Type: "DATE", kind: kLit, val: "PAST_REF", t1: i + 1}, true
	case wPresent:
		if r.w(i-1, wAt) {
			return Expr{Type: "DATE", kind: kLit, val: "PRESENT_REF", t1: i + 1}, true
		}
	case wThese:
		if r.cls(i+1, clUnits) && r.t[i+1].val == uDay {
			return Expr{Type: "DATE", kind: kLit, val: "PRESENT_REF", t1: i + 2}, true
		}
	case wRecent:
		if r.cls(i+1, clUnits) && r.t[i+1].val >= uDay {
			return Expr{Type: "DATE", kind: kLit, val: "PAST_REF", t1: i + 2}, true
		}
	case wLast, wNext, wThis, wComing, wPast:
		return r.lastNext(i)
	case wThat:
		if r.cls(i+1, clUnit) && r.t[i+1].val >= uDay && r.t[i+1].val != uWeekend {
			return Expr{Type: "DATE", kind: kRel, unit: r.t[i+1].val, ana: true, t1: i + 2}, true
		}
		if r.cls(i+1, clPart) {
			return Expr{Type: "TIME", kind: kRel, unit: uDay, ana: true, sub: partCode(r.t[i+1].val), t1: i + 2}, true
		}
	case wEarlier, wLater:
		// "later in the day", "earlier that day", "later this week"
		j := i + 1
		if r.w(j, wIn) && r.w(j+1, wThe) && r.cls(j+2, clUnit) && r.t[j+2].val >= uDay {
			return Expr{Type: "DATE", kind: kRel, unit: r.t[j+2].val, ana: true, t1: j + 3}, true
		}
		if r.w(j, wIn) && r.w(j+1, wThe) && r.cls(j+2, clPart) {
			return r.partOfDay(j+2, j+3), true // "later in the evening"
		}
		if r.w(j, wThat) || r.w(j, wThe) && r.w(j+1, wSame) {
			if r.w(j, wThe) {
				j++
			}
			if r.cls(j+1, clUnit) && r.t[j+1].val >= uDay {
				return Expr{Type: "DATE", kind: kRel, unit: r.t[j+1].val, ana: true, t1: j + 2}, true
			}
		}
	case wEarly, wLate:
		if r.w(i+1, wIn) && r.w(i+2, wThe) && r.cls(i+3, clPart) {
			return r.partOfDay(i+3, i+4), true // "late in the evening"
		}
	case wThe:
		return r.theRelative(i)
	case wElection:
		// "election day": the day of an election the text dates elsewhere
		if r.is(i+1, "day") && !r.p(i+2, '-') {
			return Expr{Type: "DATE", kind: kEventDay, t1: i + 2}, true
		}
	}
	return Expr{}, false
}

// partOfDay is the part of the day named at token p, on the narrative day;
// the expression ends before token end.
func (r *rules) partOfDay(p, end int) Expr {
	return Expr{Type: "TIME", kind: kRel, unit: uDay, ana: true, sub: partCode(r.t[p].val), t1: end}
}

// partSlot reports whether "the" + part of day at i (the "the") is a time:
// after a preposition of time ("through the evening", "in the morning")
// and not before a noun it qualifies ("the evening news").
func (r *rules) partSlot(i int) bool {
	if !(r.w(i-1, wIn) || r.w(i-1, wDuring) || r.w(i-1, wThroughout) || r.w(i-1, wUntil) || r.w(i-1, wInto) ||
		r.w(i-1, wBy) || r.w(i-1, wOver) || r.w(i-1, wSince)) {
		return false
	}
	k := i + 2
	if k >= len(r.t) {
		return true
	}
	nx := r.t[k]
	if nx.punct != 0 || nx.cls == clWord {
		return true
	}
	switch w := strings.ToLower(r.text[nx.s:nx.e]); w {
	case "when", "while", "with", "as", "but", "or", "he", "she", "they", "it", "we", "there", "across":
		return true
	}
	return false
}

// seasonOK reports whether the season word at i names a season: "summer",
// "winter" and "autumn" do; "spring" and "fall" only after "in", "during",
// "early", "late", "since", "until" or before a year.
func (r *rules) seasonOK(i int) bool {
	t := r.t[i]
	if r.yearAt(i+1) != 0 || r.w(i+1, wOf) && r.yearAt(i+2) != 0 {
		return true
	}
	prep := r.w(i-1, wIn) || r.w(i-1, wDuring) || r.w(i-1, wSince) || r.w(i-1, wUntil) || r.w(i-1, wBy) ||
		r.w(i-1, wEarly) || r.w(i-1, wLate) || r.w(i-1, wThroughout)
	if t.val == seasonFA {
		return prep && !t.upper
	}
	if t.val == seasonSP {
		return prep
	}
	// not the first part of a name or a compound: "Summer Olympics", "winter storm"
	if i+1 < len(r.t) && r.t[i+1].upper && r.t[i+1].punct == 0 && r.t[i+1].cls == clNone {
		return false
	}
	return true
}

// lastNext matches "last week", "next Tuesday", "this morning", "last
// summer", "this weekend", and "last two years" as a duration.
func (r *rules) lastNext(i int) (Expr, bool) {
	mod, n := modLast, -1
	switch r.t[i].val {
	case wNext, wComing:
		mod, n = modNext, 1
	case wThis:
		mod, n = modThis, 0
	case wPast:
		if !r.cls(i+1, clNumber) && (i+1 >= len(r.t) || r.t[i+1].nd == 0) {
			return Expr{}, false // "past week" alone: see theRelative
		}
	}
	j := i + 1
	if x, ok := r.countUnits(j); ok {
		if r.t[i].val == wThis {
			return Expr{}, false
		}
		return x, true
	}
	if r.t[i].val == wPast || r.t[i].val == wComing && !r.w(i-1, wThe) && !r.w(i-1, wThis) {
		return Expr{}, false
	}
	if j >= len(r.t) {
		return Expr{}, false
	}
	u := r.t[j]
	switch u.cls {
	case clUnit:
		if u.val == uWeekend {
			return Expr{Type: "DATE", kind: kWeekend, mod: mod, t1: j + 1}, true
		}
		if u.val < uDay {
			return Expr{}, false
		}
		return Expr{Type: "DATE", kind: kRel, unit: u.val, n: n, t1: j + 1}, true
	case clWeekday:
		x := Expr{Type: "DATE", kind: kWeekday, wd: u.val, mod: mod, t1: j + 1}
		if r.cls(j+1, clPart) {
			x.Type, x.sub, x.t1 = "TIME", partCode(r.t[j+1].val), j+2
		}
		return x, true
	case clPart:
		if mod == modThis {
			return Expr{Type: "TIME", kind: kRel, unit: uDay, sub: partCode(u.val), t1: j + 1}, true
		}
		if mod == modLast && u.val == partNI {
			return Expr{Type: "TIME", kind: kRel, unit: uDay, n: -1, sub: "NI", t1: j + 1}, true
		}
	case clSeason:
		return Expr{Type: "DATE", kind: kSeason, mod: mod, sub: seasonCode(u.val), t1: j + 1}, true
	case clMonth:
		if u.upper {
			return Expr{Type: "DATE", kind: kDate, m: u.val, mod: mod, t1: j + 1}, true
		}
	}
	return Expr{}, false
}

// theRelative matches expressions that start with "the": "the next day",
// "the same day", "the day before", "the past week" (a duration), "the
// past", "the future", "the weekend".
func (r *rules) theRelative(i int) (Expr, bool) {
	j := i + 1
	if j >= len(r.t) {
		return Expr{}, false
	}
	switch {
	case r.w(j, wNext) || r.w(j, wFollowing) || r.w(j, wPrevious) || r.w(j, wSame):
		n := 1
		if r.w(j, wPrevious) {
			n = -1
		} else if r.w(j, wSame) {
			n = 0
		}
		if r.cls(j+1, clUnit) && r.t[j+1].val >= uDay && r.t[j+1].val != uWeekend {
			return Expr{Type: "DATE", kind: kRel, unit: r.t[j+1].val, n: n, ana: true, t1: j + 2}, true
		}
		if r.cls(j+1, clPart) {
			return Expr{Type: "TIME", kind: kRel, unit: uDay, n: n, ana: true, sub: partCode(r.t[j+1].val), t1: j + 2}, true
		}
		if r.cls(j+1, clWeekday) && n != 0 {
			return Expr{Type: "DATE", kind: kRel, unit: uDay, n: 0, ana: true, wd: r.t[j+1].val, t1: j + 2}, true
		}
		if r.w(j, wNext) || r.w(j, wFollowing) {
			if x, ok := r.countUnits(j + 1); ok {
				return x, true
			}
		}
	case r.w(j, wPast) || r.w(j, wLast) || r.w(j, wComing):
		if x, ok := r.countUnits(j + 1); ok {
			return x, true
		}
		if r.cls(j+1, clUnit) && r.t[j+1].val >= uDay && r.t[j+1].val != uWeekend {
			return Expr{Type: "DURATION", kind: kLit, val: durValue(1, r.t[j+1].val), t1: j + 2}, true
		}
		if r.w(j, wComing) && r.cls(j+1, clUnits) && r.t[j+1].val >= uDay {
			return Expr{Type: "DATE", kind: kLit, val: "FUTURE_REF", t1: j + 2}, true
		}
		if r.w(j, wPast) {
			return Expr{Type: "DATE", kind: kLit, val: "PAST_REF", t1: j + 1}, true
		}
	case r.w(j, wFuture):
		return Expr{Type: "DATE", kind: kLit, val: "FUTURE_REF", t1: j + 1}, true
	case (r.cls(j, clNumber) && r.t[j].val > 1 || r.t[j].num > 1 && r.t[j].nd <= 3) && !r.p(j+1, '-'):
		// "the sixteen weeks of protests": the determiner is part of it
		if x, ok := r.countUnits(j); ok && x.n > 1 {
			return x, true
		}
	case r.cls(j, clOrdinal) && r.t[j].val == 1:
		// "the first nine months"
		if x, ok := r.countUnits(j + 1); ok && x.n > 1 {
			return x, true
		}
	case r.cls(j, clUnit) && r.t[j].val >= uDay && r.t[j].val != uWeekend && (r.w(j+1, wBefore) || r.w(j+1, wAfter)) && r.clauseEnds(j+2):
		// "the day before", "the year before"
		n := -1
		if r.w(j+1, wAfter) {
			n = 1
		}
		return Expr{Type: "DATE", kind: kRel, unit: r.t[j].val, n: n, ana: true, t1: j + 2}, true
	case r.cls(j, clUnit) && r.t[j].val == uWeekend:
		return Expr{Type: "DATE", kind: kWeekend, t1: j + 1}, true
	case r.cls(j, clPart) && !r.is(j, "overnight") && r.partSlot(i):
		return r.partOfDay(j, j+1), true // "through the evening"
	case r.cls(j, clSeason) && (r.w(i-1, wIn) || r.w(i-1, wDuring) || r.w(i-1, wOver) || r.w(i-1, wSince) || r.w(i-1, wBy) || r.w(i-1, wUntil)):
		x := Expr{Type: "DATE", kind: kSeason, sub: seasonCode(r.t[j].val), t1: j + 1}
		k := j + 1
		if r.w(k, wOf) {
			k++
		}
		if y := r.yearAt(k); y != 0 {
			x.y, x.t1 = y, k+1
		}
		return x, true
	}
	return Expr{}, false
}

// clauseEnds reports whether token i ends a clause: punctuation or the end.
func (r *rules) clauseEnds(i int) bool {
	return i >= len(r.t) || r.t[i].punct != 0 && r.t[i].punct != '-' && r.t[i].punct != '\''
}

// number reads a count at i: "two", "twenty-five", "48", "a", "a few",
// "several", "a couple of". It returns the value (-1 for vague counts) and
// the token after it.
func (r *rules) number(i int) (n, next int) {
	if i < 0 || i >= len(r.t) {
		return 0, i
	}
	t := r.t[i]
	switch {
	case t.num >= 0 && t.nd <= 4:
		if r.p(i+1, '.') && r.adjacent(i) && i+2 < len(r.t) && r.t[i+2].num >= 0 && r.adjacent(i+1) {
			return 0, i // decimals: not handled
		}
		if r.p(i+1, ',') && r.adjacent(i) && i+2 < len(r.t) && r.t[i+2].nd == 3 && r.adjacent(i+1) {
			return 0, i
		}
		return t.num, i + 1
	case t.cls == clNumber:
		v := t.val
		j := i + 1
		if v >= 20 && v < 100 && r.p(j, '-') && r.cls(j+1, clNumber) && r.t[j+1].val > 0 && r.t[j+1].val < 10 {
			v += r.t[j+1].val
			j += 2
		}
		if r.is(i, "couple") || r.is(i, "dozen") {
			if !r.w(j, wOf) {
				return 0, i
			}
			j++
		}
		return v, j
	case t.cls == clWord && t.val == wA:
		if r.is(i+1, "few") {
			return -1, i + 2
		}
		if r.is(i+1, "couple") && r.w(i+2, wOf) {
			return 2, i + 3
		}
		return 1, i + 1
	}
	return 0, i
}

// countUnits matches a count and a unit: "two days", "several months",
// "three-year", "a few weeks". The unit must agree in number.
func (r *rules) countUnits(i int) (Expr, bool) {
	n, j := r.number(i)
	if j == i || n == 0 {
		return Expr{}, false
	}
	hy := false
	if r.p(j, '-') {
		if r.w(i, wA) {
			return Expr{}, false // "once-a-day"
		}
		j++
		hy = true
	}
	if j >= len(r.t) {
		return Expr{}, false
	}
	u := r.t[j]
	if u.cls != clUnit && u.cls != clUnits && !(u.cls == clOrdinal && u.val == 2 && n == 1) {
		return Expr{}, false
	}
	unit := u.val
	if u.cls == clOrdinal {
		// "a second lease", "a second term": the ordinal before its noun
		if nx := j + 1; nx < len(r.t) && r.t[nx].punct == 0 && r.t[nx].nd == 0 && !r.t[nx].upper && r.t[nx].cls != clWord {
			return Expr{}, false
		}
		unit = uSecond
	}
	if u.cls == clUnit && n != 1 && !hy {
		return Expr{}, false
	}
	if unit == uWeekend || unit == uQuarter && r.w(j+1, wOf) {
		return Expr{}, false // "a quarter of citizens"
	}
	// an age is not a time expression: "a 19-year-old"
	if hy && (r.p(j+1, '-') && r.is(j+2, "old") || r.is(j+1, "old")) {
		return Expr{}, false
	}
	return Expr{Type: "DURATION", kind: kLit, val: durValue(n, unit), unit: unit, n: n, t1: j + 1}, true
}

// duration matches durations and the relative dates built on them: "two
// days" (P2D), "for several months" (PXM, without "for"), "more than a
// year", "two days earlier", "a year ago".
func (r *rules) duration(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	j := i
	// hedges are part of the expression
	switch {
	case r.w(j, wMore) && r.w(j+1, wThan), r.is(j, "less") && r.w(j+1, wThan), r.w(j, wAt) && r.is(j+1, "least"):
		j += 2
	case r.w(j, wAbout) || r.w(j, wAround) || r.is(j, "nearly") || r.is(j, "almost") || r.is(j, "some") && !r.cls(j+1, clUnits):
		j++
	case r.w(j, wOver) && r.hedgeSlot(i-1):
		j++ // "for over 65 years"; a bare "over two days" is the preposition
	}
	x, ok := r.countUnits(j)
	if !ok {
		// bare plural units after "for", "over": "for months"
		if j == i && r.cls(i, clUnits) && r.t[i].val >= uHour && (r.w(i-1, wFor) || r.w(i-1, wOver) || r.w(i-1, wWithin)) {
			return Expr{Type: "DURATION", kind: kLit, val: durValue(-1, r.t[i].val), t1: i + 1}, true
		}
		// "decades of conflict", "months of talks": some units of something
		if j == i && r.cls(i, clUnits) && r.t[i].val >= uWeek && r.w(i+1, wOf) && !r.w(i-1, wThe) && !r.w(i-1, wThese) &&
			!r.p(i-1, '\'') && i+2 < len(r.t) && r.t[i+2].punct == 0 && !r.t[i+2].upper && r.t[i+2].nd == 0 {
			return Expr{Type: "DURATION", kind: kLit, val: durValue(-1, r.t[i].val), t1: i + 1}, true
		}
		if j == i && r.cls(i, clUnits) && r.t[i].val >= uHour && (r.w(i+1, wAgo) || r.w(i+1, wLater) || r.w(i+1, wEarlier)) {
			v := "PAST_REF"
			if r.w(i+1, wLater) {
				v = "FUTURE_REF"
			}
			return Expr{Type: "DATE", kind: kLit, val: v, t1: i + 2}, true
		}
		return Expr{}, false
	}
	k := x.t1
	switch {
	case r.w(k, wAgo):
		return r.shift(x, k+1, -1, false)
	case r.w(k, wEarlier):
		return r.shift(x, k+1, -1, true)
	case r.w(k, wLater):
		return r.shift(x, k+1, 1, true)
	case (r.w(k, wBefore) || r.w(k, wAfter)) && r.clauseEnds(k+1):
		s := -1
		if r.w(k, wAfter) {
			s = 1
		}
		return r.shift(x, k+1, s, true)
	case r.w(k, wFrom) && r.w(k+1, wNow):
		return r.shift(x, k+2, 1, false)
	}
	return x, true
}

// hedgeSlot reports whether token i is a preposition after which "over"
// is a hedge on a count ("for over 65 years") rather than a preposition.
func (r *rules) hedgeSlot(i int) bool {
	return r.w(i, wFor) || r.w(i, wIn) || r.w(i, wOf) || r.w(i, wAfter) || r.w(i, wWithin) || r.w(i, wSince) ||
		r.w(i, wDuring) || r.w(i, wTo) || r.w(i, wFrom) || r.w(i, wBy) || r.is(i, "with") || r.is(i, "than")
}

// shift turns a count of units into a date that many units from an anchor.
func (r *rules) shift(x Expr, end, sign int, ana bool) (Expr, bool) {
	if x.n < 0 {
		v := "PAST_REF"
		if sign > 0 {
			v = "FUTURE_REF"
		}
		return Expr{Type: "DATE", kind: kLit, val: v, t1: end}, true
	}
	typ := "DATE"
	if x.unit < uDay {
		typ = "TIME"
	}
	return Expr{Type: typ, kind: kRel, unit: x.unit, n: sign * x.n, ana: ana, t1: end}, true
}

// clock matches "3 p.m.", "10:30 a.m. GMT", "15:00 GMT", "1930 UTC",
// "noon", "midnight", and any of them after a hedge that stays in the span:
// "about 20:00", "around 18:00 local time", "roughly 3 p.m.".
func (r *rules) clock(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	if r.w(i, wAbout) || r.w(i, wAround) {
		return r.clockAt(i+1, true)
	}
	return r.clockAt(i, false)
}

// clockAt matches a clock time starting at token i; hedged says a hedge
// stands before it, which lets a bare "20:00" be a time.
func (r *rules) clockAt(i int, hedged bool) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	t := r.t[i]
	if t.cls == clWord && (t.val == wNoon || t.val == wMidnight) {
		c := "12:00"
		if t.val == wMidnight {
			c = "24:00"
		}
		return Expr{Type: "TIME", kind: kClock, clock: c, t1: i + 1}, true
	}
	// "1930 UTC", "0400 GMT": four digits only with a zone after them
	if t.nd == 4 && t.num >= 0 && t.num/100 <= 24 && t.num%100 < 60 && (r.w(i+1, wUTC) || r.w(i+1, wTZ)) && r.t[i+1].upper {
		return r.clockEnd(t.num/100, t.num%100, i+1)
	}
	if t.nd == 0 || t.nd > 2 || t.val > 24 {
		return Expr{}, false
	}
	h, mi, j := t.val, 0, i+1
	hasMin := false
	if t.num >= 0 && r.p(j, ':') && r.adjacent(i) && j+1 < len(r.t) && r.t[j+1].nd == 2 && r.t[j+1].val < 60 {
		mi, j, hasMin = r.t[j+1].val, j+2, true
		if r.t[j-1].sfx == sfxAM || r.t[j-1].sfx == sfxPM {
			if r.t[j-1].sfx == sfxPM && h < 12 {
				h += 12
			}
			return r.clockEnd(h, mi, j)
		}
	}
	switch {
	case t.sfx == sfxAM || t.sfx == sfxPM:
		if t.sfx == sfxPM && h < 12 {
			h += 12
		}
		return r.clockEnd(h, mi, j)
	case t.num < 0:
		return Expr{}, false
	}
	if ap, k := r.ampm(j); ap != 0 {
		if h > 12 {
			return Expr{}, false
		}
		if ap == 'p' && h < 12 {
			h += 12
		}
		if ap == 'a' && h == 12 {
			h = 0
		}
		return r.clockEnd(h, mi, k)
	}
	if hasMin && (r.w(j, wTZ) || r.w(j, wUTC) || hedged || r.w(i-1, wAt) || r.is(j, "local") && r.is(j+1, "time")) {
		return r.clockEnd(h, mi, j)
	}
	return Expr{}, false
}

// ampm reads "a.m.", "am", "p.m.", "pm" at i.
func (r *rules) ampm(i int) (byte, int) {
	if i < 0 || i >= len(r.t) {
		return 0, i
	}
	switch {
	case r.w(i, wAM):
		return 'a', i + 1
	case r.w(i, wPM):
		return 'p', i + 1
	case (r.is(i, "a") || r.is(i, "p")) && r.p(i+1, '.') && r.is(i+2, "m") && r.adjacent(i) && r.adjacent(i+1):
		k := i + 3
		if r.p(k, '.') && r.adjacent(i+2) {
			k++
		}
		return r.text[r.t[i].s] | 0x20, k
	}
	return 0, i
}

// clockEnd finishes a clock time at token j: an optional time zone.
func (r *rules) clockEnd(h, mi, j int) (Expr, bool) {
	if h > 24 {
		return Expr{}, false
	}
	zone := ""
	switch {
	case r.w(j, wUTC) && r.t[j].upper:
		zone = "Z" // a time given in UTC is written with its zone
		j++
	case r.w(j, wTZ) && r.t[j].upper:
		j++ // a named zone is the place's local time: no zone in the value
	case r.is(j, "local") && r.is(j+1, "time"):
		j += 2
	}
	c := twoDigits(h) + ":" + twoDigits(mi) + zone
	return Expr{Type: "TIME", kind: kClock, clock: c, t1: j}, true
}

// set matches recurring times: "every week" (P1W), "every Sunday",
// "twice a year", "annually".
func (r *rules) set(i int) (Expr, bool) {
	if i < 0 || i >= len(r.t) {
		return Expr{}, false
	}
	t := r.t[i]
	if t.cls != clWord && t.cls != clNumber && t.num < 0 {
		return Expr{}, false
	}
	switch {
	case r.w(i, wEvery) || r.w(i, wEach):
		if r.cls(i+1, clUnit) && r.t[i+1].val >= uMinute && r.t[i+1].val != uWeekend {
			return Expr{Type: "SET", kind: kLit, val: durValue(1, r.t[i+1].val), t1: i + 2}, true
		}
		if r.w(i, wEvery) {
			if x, ok := r.countUnits(i + 1); ok {
				return Expr{Type: "SET", kind: kLit, val: x.val, t1: x.t1}, true
			}
		}
		if r.cls(i+1, clWeekday) {
			return Expr{Type: "SET", kind: kLit, val: "XXXX-WXX-" + strconv.Itoa(r.t[i+1].val), t1: i + 2}, true
		}
		if r.cls(i+1, clPart) {
			return Expr{Type: "SET", kind: kLit, val: "XXXX-XX-XXT" + partCode(r.t[i+1].val), t1: i + 2}, true
		}
		if r.cls(i+1, clSeason) {
			return Expr{Type: "SET", kind: kLit, val: "XXXX-" + seasonCode(r.t[i+1].val), t1: i + 2}, true
		}
	case r.w(i, wAnnually):
		return Expr{Type: "SET", kind: kLit, val: "P1Y", t1: i + 1}, true
	}
	// "once a week", "twice a year", "three times a month"
	j := i
	switch {
	case r.w(i, wOnce) || r.w(i, wTwice):
		j = i + 1
	default:
		if _, k := r.number(i); k > i && r.w(k, wTimes) {
			j = k + 1
		} else {
			return Expr{}, false
		}
	}
	if (r.w(j, wA) || r.w(j, wPer) || r.w(j, wEach) || r.w(j, wEvery)) && r.cls(j+1, clUnit) && r.t[j+1].val >= uMinute {
		return Expr{Type: "SET", kind: kLit, val: durValue(1, r.t[j+1].val), t1: j + 2}, true
	}
	return Expr{}, false
}

// durValue formats n units as a TIMEX3 duration; n < 0 means "some".
func durValue(n, unit int) string {
	c := "X"
	if n >= 0 {
		c = strconv.Itoa(n)
	}
	switch unit {
	case uSecond:
		return "PT" + c + "S"
	case uMinute:
		return "PT" + c + "M"
	case uHour:
		return "PT" + c + "H"
	case uDay:
		return "P" + c + "D"
	case uWeek:
		return "P" + c + "W"
	case uFortnight:
		if n >= 0 {
			return "P" + strconv.Itoa(2*n) + "W"
		}
		return "PXW"
	case uMonth:
		return "P" + c + "M"
	case uQuarter:
		if n >= 0 {
			return "P" + strconv.Itoa(3*n) + "M"
		}
		return "PXM"
	case uYear:
		return "P" + c + "Y"
	case uDecade: // a counted decade is ten years: "a decade" P10Y, "decades" PXDE
		if n >= 0 {
			return "P" + strconv.Itoa(10*n) + "Y"
		}
		return "PXDE"
	case uCentury:
		if n >= 0 {
			return "P" + strconv.Itoa(100*n) + "Y"
		}
		return "PXCE"
	}
	return "P" + c + "D"
}

func partCode(p int) string {
	switch p {
	case partMO:
		return "MO"
	case partAF:
		return "AF"
	case partEV:
		return "EV"
	}
	return "NI"
}

func seasonCode(s int) string {
	switch s {
	case seasonSP:
		return "SP"
	case seasonSU:
		return "SU"
	case seasonFA:
		return "FA"
	}
	return "WI"
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// validDay reports whether day d exists in month m of some year.
func validDay(m, d int) bool {
	if d < 1 || m < 1 || m > 12 {
		return false
	}
	return d <= [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
}
