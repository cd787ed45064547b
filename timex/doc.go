// Package timex is the time stage: it finds temporal expressions in the
// clean text (TIMEX3 types DATE, TIME, DURATION and SET), decides the
// article's own date (from metadata, else the dateline, inferring a missing
// year from weekday mentions and office-holders' terms), and resolves every
// relative expression against the right anchor: the document date for
// deictic expressions ("last week", "yesterday"), the narrative time of the
// paragraph for anaphoric ones ("two days earlier", "later in the day") and
// for bare weekdays, with the direction taken from tense.
//
// The recogniser is hand-written rules over a small word table: no regular
// expressions, one pass over the text, no allocation per byte. See
// docs/time.md for the conventions and the policy choices.
package timex
