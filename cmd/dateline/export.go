package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dateline-news/dateline/export"
)

func runExport(ctx context.Context, e env, args []string) (err error) {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "events.db", "database: a SQLite file or a postgres:// URL")
	format := fs.String("format", "jsonl", "format: "+strings.Join(export.Formats, ", "))
	out := fs.String("o", "-", "output file (- for standard output)")
	filter := filterFlags(fs)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	f, err := filter()
	if err != nil {
		return err
	}
	known := false
	for _, k := range export.Formats {
		known = known || k == *format
	}
	if !known {
		return fmt.Errorf("%w: --format %q: want one of %s", errUsage, *format, strings.Join(export.Formats, ", "))
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	var w io.Writer = e.stdout
	if *out != "-" {
		file, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer func() {
			if cerr := file.Close(); err == nil {
				err = cerr
			}
		}()
		w = file
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	n, err := export.Write(ctx, st, f, *format, bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "exported %d rows as %s\n", n, *format)
	return nil
}
