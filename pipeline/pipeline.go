// Package pipeline builds Dateline's default pipeline of stages from a
// [Config]. It is the one place that knows which stages exist and in which
// order they run.
package pipeline

import (
	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/clean"
)

// Config selects and configures the stages.
type Config struct {
	// Syntax adds part-of-speech tags, lemmas and the dependency parse.
	Syntax bool
}

// New returns the pipeline for cfg.
func New(cfg Config) (dateline.Pipeline, error) {
	p := dateline.Pipeline{clean.New()}
	return p, nil
}
