// Package pipeline builds Dateline's default pipeline of stages from a
// [Config]. It is the one place that knows which stages exist and in which
// order they run.
package pipeline

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/actor"
	"github.com/dateline-news/dateline/clean"
	"github.com/dateline-news/dateline/coder"
	"github.com/dateline-news/dateline/dict"
	"github.com/dateline-news/dateline/mention"
	"github.com/dateline-news/dateline/parse"
	"github.com/dateline-news/dateline/quote"
	"github.com/dateline-news/dateline/segment"
	"github.com/dateline-news/dateline/tag"
	"github.com/dateline-news/dateline/timex"
)

// Config selects and configures the stages.
type Config struct {
	// Dicts are user actor dictionary files read after the shipped ones
	// (docs/dictionaries.md).
	Dicts []string
	// Patterns are user event pattern files read after the shipped ones
	// (docs/patterns.md).
	Patterns []string
	// ParseBeam is the parser's beam width; 0 keeps its default
	// (parse.DefaultBeam) and 1 parses greedily, faster and a little less
	// accurately (docs/models.md).
	ParseBeam int
}

// New returns the whole pipeline for cfg: clean, segment, then the syntax
// stages and the stages that read them. The dictionary, the models and the
// patterns load side by side; the shipped ones once per process.
func New(cfg Config) (dateline.Pipeline, error) {
	var (
		d   *dict.Dictionary
		syn dateline.Pipeline
		cd  *coder.Coder
		wg  sync.WaitGroup
	)
	errs := make([]error, 4)
	wg.Go(func() { d, errs[0] = dict.New(cfg.Dicts...) })
	wg.Go(func() { syn, errs[1] = Syntax(cfg) })
	wg.Go(func() { _, errs[2] = mention.LoadModel() })
	wg.Go(func() { cd, errs[3] = Coder(cfg) })
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	cl := clean.New()
	cl.Country = func(place string) string {
		if pl, ok := d.Place(place); ok {
			return pl.Country
		}
		if c, ok := d.CountryNamed(place); ok {
			return c.Code
		}
		return ""
	}
	p := dateline.Pipeline{cl, segment.New()}
	p = append(p, syn...)
	// The recogniser reads tokens (and tags when present); the time stage
	// reads its person mentions.
	rec, err := mention.New(d)
	if err != nil {
		return nil, err
	}
	p = append(p, rec)
	// The time stage reads sentences, tags and person mentions; the years
	// of the office-holders it names narrow a dateline's missing year.
	tx := timex.New()
	tx.Tenures = d.Tenures
	p = append(p, tx)
	// The actor stage reads mentions and the article's date: who held
	// which office on that day.
	ac, err := actor.New(d)
	if err != nil {
		return nil, err
	}
	p = append(p, ac)
	// The quote stage reads entities: it runs after the actor stage and
	// before the event coder.
	qt, err := quote.New()
	if err != nil {
		return nil, err
	}
	p = append(p, qt)
	// The event coder reads every layer above; it runs last.
	p = append(p, cd)
	return p, nil
}

// Syntax returns the stages that tag and parse an already segmented
// document (Document.Tokens and Sentences set): used by New and by the
// evaluation and annotation of pre-tokenised CoNLL-U.
func Syntax(cfg Config) (dateline.Pipeline, error) {
	var p dateline.Pipeline
	var (
		tg       *tag.Tagger
		ps       *parse.Parser
		tgE, psE error
		wg       sync.WaitGroup
	)
	wg.Go(func() { tg, tgE = tag.New() })
	wg.Go(func() { ps, psE = parse.New() })
	wg.Wait()
	if err := errors.Join(tgE, psE); err != nil {
		return nil, err
	}
	if cfg.ParseBeam > 0 {
		ps.Beam = cfg.ParseBeam
	}
	p = append(p, tg, ps)
	return p, nil
}

// Coder returns the event coder with the shipped patterns and the user's
// pattern files of cfg.
func Coder(cfg Config) (*coder.Coder, error) {
	cd, err := coder.New()
	if err != nil {
		return nil, err
	}
	for _, name := range cfg.Patterns {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("patterns: %w", err)
		}
		err = cd.AddPatterns(name, f)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return cd, nil
}
