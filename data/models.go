package data

import "embed"

// Models holds the trained tagger, lemmatiser and parser under "models/"
// (see docs/models.md); they are CC BY-SA 4.0 as the treebanks they were
// learnt from (NOTICE).
//
//go:embed models
var Models embed.FS
