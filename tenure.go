package dateline

import "time"

// Tenure is one term of a person in an office, as an actor dictionary
// records it: who, which office, the actor code it carries, and when.
type Tenure struct {
	Person string    // canonical name, "Michael Pompeo"
	Office string    // "Secretary of State"
	Actor  string    // actor code the office carries, "USAGOV"
	Start  time.Time // zero when unknown
	End    time.Time // zero while still in office or unknown
}

// Covers reports whether t is in force on day.
func (t Tenure) Covers(day time.Time) bool {
	return (t.Start.IsZero() || !day.Before(t.Start)) && (t.End.IsZero() || !day.After(t.End))
}
