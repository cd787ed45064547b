package main

import (
	"math"
	"os"
	"runtime/debug"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/pipeline"
)

// Garbage collection around the pipeline, unless GOGC or GOMEMLIMIT say
// otherwise. Loading makes much short-lived garbage on the way to about
// 110 MB of read-only models, dictionaries and patterns: it runs with Go's
// default collection under a soft limit of loadLimit bytes. Afterwards the
// engine makes little garbage, so a collection starts at gcPercent heap
// growth rather than Go's 100 %, which lets the heap double what it
// holds: the bench's peak memory is about 185 MB instead of 260, for about
// a tenth more processor time (docs/models.md).
const (
	loadLimit = 140 << 20
	gcPercent = 15
)

// newPipeline returns pipeline.New(cfg), tuning the collector as above.
func newPipeline(cfg pipeline.Config) (dateline.Pipeline, error) {
	tune := os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == ""
	if tune {
		debug.SetMemoryLimit(loadLimit)
	}
	p, err := pipeline.New(cfg)
	if tune {
		debug.SetMemoryLimit(math.MaxInt64)
		debug.SetGCPercent(gcPercent)
	}
	return p, err
}
