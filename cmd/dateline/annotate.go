package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
)

func runAnnotate(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("annotate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "conllu", "input and output `FORMAT`: conllu (tag and parse) or iob2 (entities)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	var r io.Reader = e.stdin
	if fs.NArg() > 0 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	switch *format {
	case "conllu":
		return annotateCoNLLU(ctx, e, r)
	case "iob2":
		return annotateIOB2(ctx, e, r)
	}
	return fmt.Errorf("%w: annotate: unknown format %q (conllu, iob2)", errUsage, *format)
}
