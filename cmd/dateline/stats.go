package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"sort"
	"time"
)

func runStats(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "events.db", "database: a SQLite file or a postgres:// URL")
	asJSON := fs.Bool("json", false, "print JSON")
	var qf queueFlags
	qf.register(fs, "count the messages of the NATS JetStream queue at `URL` instead of the database")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if qf.url != "" {
		return queueStats(ctx, e, &qf, *asJSON)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	w := e.stdout
	fmt.Fprintf(w, "documents  %d (%.1f MB of text)\n", s.Documents, float64(s.TextBytes)/1e6)
	if s.FirstDate != "" {
		fmt.Fprintf(w, "dates      %s to %s\n", s.FirstDate, s.LastDate)
	}
	fmt.Fprintf(w, "entities   %d (%d mentions)\n", s.Entities, s.Mentions)
	fmt.Fprintf(w, "timexes    %d\n", s.Timexes)
	fmt.Fprintf(w, "quotes     %d\n", s.Quotes)
	fmt.Fprintf(w, "events     %d\n", s.Events)
	if s.FirstEvent != "" {
		fmt.Fprintf(w, "event dates %s to %s\n", s.FirstEvent, s.LastEvent)
	}
	roots := make([]string, 0, len(s.ByRoot))
	for r := range s.ByRoot {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		fmt.Fprintf(w, "  root %-4s %d\n", r, s.ByRoot[r])
	}
	return nil
}

// queueStats prints the counts of the queue: stats --queue.
func queueStats(ctx context.Context, e env, qf *queueFlags, asJSON bool) error {
	q, err := qf.open(ctx, "dateline stats")
	if err != nil {
		return err
	}
	defer q.Close()
	s, err := q.Stats(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	w := e.stdout
	fmt.Fprintf(w, "pending        %d\n", s.Pending)
	fmt.Fprintf(w, "in flight      %d (%d redelivered)\n", s.InFlight, s.Redelivered)
	fmt.Fprintf(w, "done           %d\n", s.Done)
	fmt.Fprintf(w, "dead-lettered  %d (stream %s)\n", s.Dead, q.DeadStream)
	fmt.Fprintf(w, "published      %d\n", s.Published)
	fmt.Fprintf(w, "idle pulls     %d\n", s.Waiting)
	if !s.Oldest.IsZero() {
		fmt.Fprintf(w, "oldest         %s (%s ago)\n", s.Oldest.UTC().Format(time.RFC3339), time.Since(s.Oldest).Round(time.Second))
	}
	return nil
}
