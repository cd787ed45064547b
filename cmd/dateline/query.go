package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dateline-news/dateline"
)

// filterFlags declares the event filter flags on fs and returns a function
// that builds the filter once fs is parsed.
func filterFlags(fs *flag.FlagSet) func() (dateline.EventFilter, error) {
	actor := fs.String("actor", "", "actor code prefix, source or target (RUS, RUSGOV)")
	country := fs.String("country", "", "country (ISO alpha-3) of the source or target")
	code := fs.String("code", "", "CAMEO code prefix (04, 042)")
	root := fs.String("root", "", "CAMEO root code (04)")
	plover := fs.String("plover", "", "PLOVER type (CONSULT)")
	mood := fs.String("mood", "", "asserted, planned, alleged or hypothetical")
	text := fs.String("text", "", "words in the event's sentence")
	since := fs.String("since", "", "events on or after this day (YYYY-MM-DD)")
	until := fs.String("until", "", "events on or before this day (YYYY-MM-DD)")
	minConf := fs.Float64("min-confidence", 0, "events coded with at least this confidence (0 to 1)")
	limit := fs.Int("limit", 0, "at most this many (0: all)")
	return func() (dateline.EventFilter, error) {
		if *minConf < 0 || *minConf > 1 {
			return dateline.EventFilter{}, fmt.Errorf("%w: --min-confidence %v: want 0 to 1", errUsage, *minConf)
		}
		f := dateline.EventFilter{Limit: *limit, MinConfidence: *minConf}
		for _, o := range []struct {
			v   string
			dst **string
		}{{*actor, &f.Actor}, {*country, &f.Country}, {*code, &f.Code}, {*root, &f.Root},
			{*plover, &f.Plover}, {*mood, &f.Mood}, {*text, &f.Text}} {
			if v := strings.TrimSpace(o.v); v != "" {
				*o.dst = &v
			}
		}
		for _, d := range []struct {
			v   string
			dst *time.Time
		}{{*since, &f.Since}, {*until, &f.Until}} {
			if d.v == "" {
				continue
			}
			t, err := time.Parse("2006-01-02", d.v)
			if err != nil {
				return f, fmt.Errorf("%w: date %q: want YYYY-MM-DD", errUsage, d.v)
			}
			*d.dst = t
		}
		return f, nil
	}
}

func runQuery(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("query", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "events.db", "database: a SQLite file or a postgres:// URL")
	format := fs.String("format", "table", "output: table, json or jsonl")
	filter := filterFlags(fs)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	f, err := filter()
	if err != nil {
		return err
	}
	if *format != "table" && *format != "json" && *format != "jsonl" {
		return fmt.Errorf("%w: --format %q: want table, json or jsonl", errUsage, *format)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(e.stdout)
		return st.Events(ctx, f, func(r dateline.EventRecord) error { return enc.Encode(r) })
	case "json":
		recs := []dateline.EventRecord{}
		if err := st.Events(ctx, f, func(r dateline.EventRecord) error { recs = append(recs, r); return nil }); err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(recs)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tSOURCE\tCODE\tTARGET\tPLOVER\tMOOD\tDOCUMENT\tEVIDENCE")
	n := 0
	err = st.Events(ctx, f, func(r dateline.EventRecord) error {
		ev := r.Event
		tgt := "-"
		if ev.Target != nil {
			tgt = cellOrDash(ev.Target.Actor)
		}
		mood := ev.Mood
		if ev.Negated {
			mood += ",negated"
		}
		n++
		_, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", cellOrDash(ev.Date.Value), cellOrDash(ev.Source.Actor), ev.Code, tgt,
			cellOrDash(ev.Plover.Type), cellOrDash(mood), r.DocID, oneLine(r.SentenceText, 70))
		return err
	})
	if err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d events\n", n)
	return nil
}

func cellOrDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine shortens s to about n bytes on one line.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
