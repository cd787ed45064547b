package data

import "embed"

// NER holds the entity recogniser's model under ner/ (trained by "dateline
// train ner" from UNER English-EWT; CC BY-SA 4.0 as its data, see NOTICE).
//
//go:embed ner
var NER embed.FS
