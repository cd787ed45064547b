package data

import "embed"

// Segment holds the sentence-boundary model of package segment,
// "segment/boundary.gz" (see docs/segment.md); it is CC BY-SA 4.0 as the
// treebanks it was learnt from (NOTICE).
//
//go:embed segment
var Segment embed.FS
