package dateline

import (
	"strings"
	"testing"
)

func TestPrecision(t *testing.T) {
	tests := []struct{ v, want string }{
		{"2019-05-05", PrecisionDay},
		{"2019-05-05TMO", PrecisionDay},
		{"2019-05-05T15:00", PrecisionDay},
		{"2019-05-06/2019-05-07", PrecisionRange},
		{"2019-W18", PrecisionWeek},
		{"2019-W18-WE", PrecisionWeek},
		{"2019-05", PrecisionMonth},
		{"2019-Q2", PrecisionQuarter},
		{"2019-H1", PrecisionHalf},
		{"2019-SU", PrecisionSeason},
		{"2019", PrecisionYear},
		{"201", PrecisionDecade},
		{"PRESENT_REF", PrecisionUnknown},
		{"XXXX-05-05", PrecisionUnknown},
		{"P2D", PrecisionUnknown},
		{"", PrecisionUnknown},
		{"2019-", PrecisionUnknown},
		{"2019-05-0", PrecisionUnknown},
	}
	for _, tt := range tests {
		if got := Precision(tt.v); got != tt.want {
			t.Errorf("Precision(%q) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestDateOf(t *testing.T) {
	text := "On May 1, Lavrov and Pompeo talked. Lavrov said so. They will meet on May 6-7. It lasted two days."
	d := &Document{Text: text, Date: &DocDate{Value: "2019-05-05"}}
	d.Sentences = []Sentence{
		{Span: Span{0, 35}, Time: "2019-05-01"},
		{Span: Span{36, 51}, Time: "2019-05-01"},
		{Span: Span{52, 79}},
		{Span: Span{80, 99}},
	}
	d.Timexes = []Timex{
		{Span: Span{3, 8}, Text: "May 1", Type: "DATE", Value: "2019-05-01"},
		{Span: Span{71, 78}, Text: "May 6-7", Type: "DATE", Value: "2019-05-06/2019-05-07"},
		{Span: Span{91, 99}, Text: "two days", Type: "DURATION", Value: "P2D"},
	}
	tests := []struct {
		clause          Span
		value, prec, in string
	}{
		{Span{0, 35}, "2019-05-01", PrecisionDay, "own"},
		{Span{36, 51}, "2019-05-01", PrecisionDay, "narrative"},
		{Span{52, 79}, "2019-05-06/2019-05-07", PrecisionRange, "own"},
		{Span{80, 99}, "2019-05-05", PrecisionDay, "article"},
	}
	for _, tt := range tests {
		got := d.DateOf(tt.clause)
		if got.Value != tt.value || got.Precision != tt.prec || !strings.Contains(got.Basis, tt.in) {
			t.Errorf("DateOf(%v) = %+v, want %s %s (%s)", tt.clause, got, tt.value, tt.prec, tt.in)
		}
	}
}
