package dateline

import (
	"encoding/json"
	"fmt"
)

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct{ Start, End int }

// Len reports the number of bytes covered by s.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether s is the zero span.
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

// Contains reports whether t lies inside s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// In returns the text s covers in text, or "" when s does not fit in it.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// MarshalJSON writes s as the two-element array [start, end].
func (s Span) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "[%d,%d]", s.Start, s.End), nil
}

// UnmarshalJSON reads s from the two-element array [start, end].
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// String formats s as "[start,end)".
func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }
