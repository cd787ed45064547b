package dateline

import "strings"

// Precisions of an [EventDate].
const (
	PrecisionDay     = "day"
	PrecisionWeek    = "week"
	PrecisionMonth   = "month"
	PrecisionQuarter = "quarter"
	PrecisionHalf    = "half"
	PrecisionSeason  = "season"
	PrecisionYear    = "year"
	PrecisionDecade  = "decade"
	PrecisionRange   = "range"
	PrecisionUnknown = "unknown"
)

// DateOf dates what the words at clause report: the clause's own calendar
// time expression (a DATE or TIME timex inside it), else the narrative time
// of its sentence ([Sentence.Time], set by the time stage), else the
// article's date. The Basis says which, and which words.
func (d *Document) DateOf(clause Span) EventDate {
	for _, t := range d.Timexes {
		if !clause.Contains(t.Span) || t.Type != "DATE" && t.Type != "TIME" {
			continue
		}
		if p := Precision(t.Value); p != PrecisionUnknown {
			return EventDate{Value: dayPart(t.Value), Precision: p, Basis: "its own time expression '" + t.Text + "'"}
		}
	}
	if i := d.SentenceAt(clause.Start); i >= 0 && d.Sentences[i].Time != "" {
		v := d.Sentences[i].Time
		if p := Precision(v); p != PrecisionUnknown {
			return EventDate{Value: dayPart(v), Precision: p, Basis: "the narrative time of its sentence"}
		}
	}
	if d.Date != nil && d.Date.Value != "" {
		p := Precision(d.Date.Value)
		if p == PrecisionUnknown {
			return EventDate{Value: d.Date.Value, Precision: PrecisionUnknown, Basis: "the article's date, which is unknown"}
		}
		return EventDate{Value: d.Date.Value, Precision: p, Basis: "the article's date"}
	}
	return EventDate{Precision: PrecisionUnknown, Basis: "no date in the clause, the narrative or the article"}
}

// dayPart drops a time of day from a value: "2019-05-05TMO" → "2019-05-05".
func dayPart(v string) string {
	if i := strings.IndexByte(v, 'T'); i == 10 && !strings.Contains(v, "/") {
		return v[:10]
	}
	return v
}

// Precision returns how precise a TIMEX3 date value is: "2019-05-05" day,
// "2019-05-06/2019-05-07" range, "2019-W18" week, "2019-05" month,
// "2019-Q2" quarter, "2019-SU" season, "2019" year, "201" decade; unknown
// for values that name no calendar time ("PRESENT_REF", "XXXX-05-05", a
// duration).
func Precision(v string) string {
	if strings.Contains(v, "/") {
		a, b, _ := strings.Cut(v, "/")
		if Precision(a) != PrecisionUnknown && Precision(b) != PrecisionUnknown {
			return PrecisionRange
		}
		return PrecisionUnknown
	}
	if len(v) < 3 || !digits(v[:3]) {
		return PrecisionUnknown
	}
	switch {
	case len(v) == 3:
		return PrecisionDecade
	case !digits(v[:4]):
		return PrecisionUnknown
	case len(v) == 4:
		return PrecisionYear
	case v[4] != '-' || len(v) < 7:
		return PrecisionUnknown
	case v[5] == 'W' && digits(v[6:min(8, len(v))]):
		return PrecisionWeek
	case v[5] == 'Q':
		return PrecisionQuarter
	case v[5] == 'H':
		return PrecisionHalf
	case len(v) == 7 && !digits(v[5:7]):
		return PrecisionSeason
	case !digits(v[5:7]):
		return PrecisionUnknown
	case len(v) == 7:
		return PrecisionMonth
	case len(v) >= 10 && v[7] == '-' && digits(v[8:10]) && (len(v) == 10 || v[10] == 'T'):
		return PrecisionDay
	}
	return PrecisionUnknown
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
