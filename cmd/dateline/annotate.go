package main

import (
	"context"
	"flag"
	"fmt"
)

func runAnnotate(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("annotate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "conllu", "input and output `FORMAT`: conllu (tag and parse) or iob2 (entities)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	r, _, done, err := openInput(e, fs)
	if err != nil {
		return err
	}
	defer done()
	switch *format {
	case "conllu":
		return annotateCoNLLU(ctx, e, r)
	case "iob2":
		return annotateIOB2(ctx, e, r)
	}
	return fmt.Errorf("%w: annotate: unknown format %q (conllu, iob2)", errUsage, *format)
}
