package data

import "embed"

// Cameo holds the event ontology (codes.txt, plover.txt) and the event
// pattern dictionaries (*.patterns: core.patterns written by hand,
// petrarch.patterns derived from the PETRARCH2 verb dictionary by
// "dateline patterns"), read by package cameo. The format is documented in
// docs/patterns.md.
//
//go:embed cameo
var Cameo embed.FS
