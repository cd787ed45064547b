package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
)

// evalFlags are the flags of "dateline eval"; each mode lives in its own file.
type evalFlags struct {
	gold, ud, timex, ner, quotes, petrarch, events string
	json, verbose                                  bool
	beam                                           int
}

func runEval(ctx context.Context, e env, args []string) error {
	var f evalFlags
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&f.gold, "gold", "", "score every gold folder under `DIR` (../shared/gold/FORMAT.md)")
	fs.StringVar(&f.ud, "ud", "", "score segmentation, tagging and parsing against a CoNLL-U `FILE`")
	fs.StringVar(&f.timex, "timex", "", "score time expressions against a JSON Lines `FILE`")
	fs.StringVar(&f.ner, "ner", "", "score the entity recogniser against an IOB2 `FILE`")
	fs.StringVar(&f.quotes, "quotes", "", "score quotes against a JSON Lines `FILE`")
	fs.StringVar(&f.events, "events", "", "score events against sentence-level gold in a JSON Lines `FILE` (../shared/data/plover-gsr/dev.jsonl)")
	fs.StringVar(&f.petrarch, "petrarch", "", "run the PETRARCH2 validation suite in `FILE`")
	fs.BoolVar(&f.json, "json", false, "print the scores as one JSON object")
	fs.BoolVar(&f.verbose, "v", false, "print each article's (or sentence's) scores and misses")
	fs.IntVar(&f.beam, "beam", 0, "parser beam width `N` (0: the default; 1: greedy)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	switch {
	case f.gold != "":
		return evalGold(ctx, e, f)
	case f.ud != "":
		return evalUD(ctx, e, f)
	case f.timex != "":
		return evalTimex(ctx, e, f)
	case f.ner != "":
		return evalNER(ctx, e, f)
	case f.quotes != "":
		return evalQuotes(ctx, e, f)
	case f.events != "":
		return evalEvents(ctx, e, f)
	case f.petrarch != "":
		return evalPetrarch(ctx, e, f)
	}
	fs.Usage()
	return fmt.Errorf("%w: eval needs one of --gold, --ud, --timex, --ner, --quotes, --events, --petrarch", errUsage)
}

// errNotBuilt is returned by an evaluation whose layer does not exist yet.
var errNotBuilt = errors.New("not built yet")
