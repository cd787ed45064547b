package timex

import (
	"strconv"
	"strings"
	"time"
)

// interval reads a TIMEX3 or ISO value as the days it covers, [start, end):
// "2019" is the year, "2019-W18" the ISO week, "2019-SU" June to August,
// "199" the 1990s. Ranges "a/b" are read by sameInterval.
func interval(v string) (start, end time.Time, ok bool) {
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && len(s) > 0 && s[0] != '-' && s[0] != '+'
	}
	switch {
	case len(v) == 2 || len(v) == 3:
		n, ok := num(v)
		if !ok {
			return start, end, false
		}
		span := 100
		if len(v) == 3 {
			span = 10
		}
		return day(n*span, 1, 1), day(n*span+span, 1, 1), true
	case len(v) < 4:
		return start, end, false
	}
	y, ok := num(v[:4])
	if !ok {
		return start, end, false
	}
	rest := v[4:]
	switch {
	case rest == "":
		return day(y, 1, 1), day(y+1, 1, 1), true
	case len(rest) < 3 || rest[0] != '-':
		return start, end, false
	}
	rest = rest[1:]
	switch {
	case rest[0] == 'W':
		w, ok := num(rest[1:min(3, len(rest))])
		if !ok {
			return start, end, false
		}
		// Monday of ISO week w: the week of January 4 is week 1
		jan4 := day(y, 1, 4)
		mon := jan4.AddDate(0, 0, 1-isoWD(jan4)+7*(w-1))
		if strings.HasSuffix(rest, "-WE") {
			return mon.AddDate(0, 0, 5), mon.AddDate(0, 0, 7), true
		}
		return mon, mon.AddDate(0, 0, 7), true
	case rest[0] == 'Q' || rest[0] == 'H':
		n, ok := num(rest[1:])
		if !ok || n < 1 || n > 4 {
			return start, end, false
		}
		months := 3
		if rest[0] == 'H' {
			months = 6
		}
		s := day(y, 1+months*(n-1), 1)
		return s, s.AddDate(0, months, 0), true
	case rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI":
		s := day(y, seasonStart(rest), 1)
		return s, s.AddDate(0, 3, 0), true
	}
	m, ok := num(rest[:2])
	if !ok || m < 1 || m > 12 {
		return start, end, false
	}
	if len(rest) == 2 {
		s := day(y, m, 1)
		return s, s.AddDate(0, 1, 0), true
	}
	if len(rest) != 5 || rest[2] != '-' {
		return start, end, false
	}
	d, ok := num(rest[3:])
	if !ok || d < 1 || d > daysIn(y, m) {
		return start, end, false
	}
	s := day(y, m, d)
	return s, s.AddDate(0, 0, 1), true
}

// sameInterval reports whether a system value covers the same days as a
// gold value written as an ISO date or range, within a day at each end; a
// range's end is read both as the last day and as the day after it, since
// annotators write both.
func sameInterval(sys, gold string) bool {
	s0, s1, ok := interval(sys)
	if !ok {
		return false
	}
	near := func(a, b time.Time) bool {
		d := a.Sub(b)
		return d <= 24*time.Hour && d >= -24*time.Hour
	}
	a, b, isRange := strings.Cut(gold, "/")
	g0, g1, ok := interval(a)
	if !ok {
		return false
	}
	if !isRange {
		return near(s0, g0) && near(s1, g1)
	}
	b0, b1, ok := interval(b)
	if !ok {
		return false
	}
	return near(s0, g0) && (near(s1, b1) || near(s1, b0))
}
