package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dateline-news/dateline/cameo"
	"github.com/dateline-news/dateline/data"
)

// runPatterns converts the PETRARCH2 CAMEO verb dictionary into Dateline's
// pattern format: data/cameo/petrarch.patterns.gz.
func runPatterns(ctx context.Context, e env, args []string) error {
	fs0 := flag.NewFlagSet("patterns", flag.ContinueOnError)
	fs0.SetOutput(e.stderr)
	dataDir := fs0.String("data", "../shared/data", "training data `DIR` (reads petrarch2/dictionaries/CAMEO.2.0.txt)")
	out := fs0.String("out", "data/cameo", "output `DIR`")
	check := fs0.Bool("check", false, "only parse the shipped patterns and report problems")
	if err := fs0.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	sub, err := fs.Sub(data.Cameo, "cameo")
	if err != nil {
		return err
	}
	onto, err := cameo.LoadOntology(sub)
	if err != nil {
		return err
	}
	if *check {
		d, err := cameo.Load(sub)
		if err != nil {
			return err
		}
		if err := d.Check(onto); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%d patterns, %d codes: ok\n", d.Len(), len(onto.Codes()))
		return nil
	}
	src := filepath.Join(*dataDir, "petrarch2", "dictionaries", "CAMEO.2.0.txt")
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("patterns: %w", err)
	}
	defer in.Close()
	var text bytes.Buffer
	known := func(c string) bool { _, ok := onto.Lookup(c); return ok }
	st, err := cameo.ConvertPetrarch(in, &text, "petrarch2/dictionaries/CAMEO.2.0.txt", known)
	if err != nil {
		return err
	}
	// the result must load
	d := cameo.NewDictionary()
	if err := d.Parse("petrarch.patterns", bytes.NewReader(text.Bytes())); err != nil {
		return fmt.Errorf("patterns: converted dictionary does not load: %w", err)
	}
	if err := d.Check(onto); err != nil {
		return fmt.Errorf("patterns: converted dictionary: %w", err)
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := zw.Write(text.Bytes()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	dst := filepath.Join(*out, "petrarch.patterns.gz")
	if err := os.WriteFile(dst, gz.Bytes(), 0o644); err != nil {
		return fmt.Errorf("patterns: %w", err)
	}
	fmt.Fprintf(e.stdout, "%s: %d blocks, %d verbs, %d patterns, %d sets; %d patterns dropped, %d transformations skipped; %d bytes\n",
		dst, st.Blocks, st.Verbs, st.Patterns, st.Sets, st.Dropped, st.Transformations, gz.Len())
	return ctx.Err()
}
