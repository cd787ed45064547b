package main

import (
	"context"
	"flag"
	"fmt"
)

// trainFlags are the flags of "dateline train WHAT".
type trainFlags struct {
	data, out string
	seed      int64
}

func runTrain(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: train needs what to train: tagger, parser, ner, dict, segment", errUsage)
	}
	what := args[0]
	var f trainFlags
	fs := flag.NewFlagSet("train "+what, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&f.data, "data", "../shared/data", "training data `DIR`")
	fs.StringVar(&f.out, "out", "", "output `DIR` (default: where the shipped artefact lives under data/)")
	fs.Int64Var(&f.seed, "seed", 1, "random seed; the shipped models use the default")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	switch what {
	case "tagger":
		return trainTagger(ctx, e, f)
	case "parser":
		return trainParser(ctx, e, f)
	case "ner":
		return trainNER(ctx, e, f)
	case "dict":
		return trainDict(ctx, e, f)
	case "segment":
		return trainSegment(ctx, e, f)
	}
	return fmt.Errorf("%w: train: unknown target %q (tagger, parser, ner, dict, segment)", errUsage, what)
}
