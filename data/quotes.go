package data

import "embed"

// Quotes holds the quote cue lexicon, quotes/cues.txt: the speech,
// cognition, accusation and naming words that introduce quotes, each with
// its lemma, kind, frame and inflected forms (format in docs/quotes.md and
// at the top of the file). It is written by hand and meant to be extended.
//
//go:embed quotes
var Quotes embed.FS
