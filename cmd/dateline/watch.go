package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/ingest"
	"github.com/dateline-news/dateline/watch"
)

// watchFlags are the flags of watch and of serve --feeds.
type watchFlags struct {
	feeds, state, userAgent string
	every, delay, timeout   time.Duration
	maxBytes                int64
	noFetch                 bool
}

func (f *watchFlags) register(fs *flag.FlagSet, serve bool) {
	fs.StringVar(&f.feeds, "feeds", "", "poll the feeds listed in `FILE` (one URL a line, # comments)")
	fs.DurationVar(&f.every, "every", 15*time.Minute, "polling interval of each feed")
	fs.StringVar(&f.state, "state", "", "watch state `FILE` (default: the SQLite file + .watch.json, or dateline-watch.json here for PostgreSQL)")
	fs.DurationVar(&f.delay, "delay", time.Second, "least time between two requests to one host")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "timeout of one request")
	fs.StringVar(&f.userAgent, "user-agent", "dateline/1 (news event coder)", "User-Agent sent; its first word is matched against robots.txt")
	f.maxBytes = 16 << 20
	if !serve { // serve's --max-bytes limits request bodies
		fs.Int64Var(&f.maxBytes, "max-bytes", f.maxBytes, "largest feed or page read")
	}
	fs.BoolVar(&f.noFetch, "no-fetch", false, "code the text a feed entry carries instead of fetching its page")
}

// watcher returns the watcher the flags describe, handing articles to sink.
func (f *watchFlags) watcher(db string, sink func(context.Context, dateline.Article) error, log *slog.Logger) (*watch.Watcher, error) {
	file, err := os.Open(f.feeds)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	feeds, err := watch.ReadFeedList(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.feeds, err)
	}
	if len(feeds) == 0 {
		return nil, fmt.Errorf("%s lists no feed", f.feeds)
	}
	state := f.state
	if state == "" {
		state = db + ".watch.json"
		if isPostgres(db) || db == "" {
			state = "dateline-watch.json"
		}
	}
	w := &watch.Watcher{Feeds: feeds, Every: f.every, HostDelay: f.delay, Client: &http.Client{Timeout: f.timeout},
		UserAgent: f.userAgent, MaxBytes: f.maxBytes, StatePath: state, Parse: ingest.FeedArticles, Sink: sink, Logger: log}
	if !f.noFetch {
		w.Extract = ingest.ReadHTML
	}
	return w, nil
}

func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// storeSink codes an article and stores it; an article the pipeline
// rejects is logged and dropped (it would fail again), a store failure
// is returned so that the watcher tries the article again.
func storeSink(p dateline.Pipeline, st dateline.Store, log *slog.Logger) func(context.Context, dateline.Article) error {
	return func(ctx context.Context, a dateline.Article) error {
		has, err := st.Has(ctx, a.Key())
		if err != nil {
			return err
		}
		if has {
			return nil
		}
		doc := dateline.NewDocument(a)
		if err := p.Run(ctx, doc); err != nil {
			if ctx.Err() != nil {
				return err
			}
			log.Warn("watch: article rejected", "url", a.URL, "err", err)
			return nil
		}
		if _, err := st.Put(ctx, doc); err != nil {
			return err
		}
		log.Info("watch: stored", "url", a.URL, "events", len(doc.Events))
		return nil
	}
}

func runWatch(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var wf watchFlags
	wf.register(fs, false)
	db := fs.String("db", "events.db", "database: a SQLite file or a postgres:// URL")
	var qf queueFlags
	qf.register(fs, "publish new articles to the NATS JetStream queue at `URL` for `dateline worker` instead of coding them here")
	once := fs.Bool("once", false, "poll every feed once and exit")
	quiet := fs.Bool("q", false, "log only failures")
	pc := pipelineFlags(fs)
	if err := parseNoArgs(e, fs, args, "usage: dateline watch --feeds FILE [--every 15m] (--db events.db | --queue nats://...)\n\nPolls RSS/Atom feeds, fetches each new entry's page and codes it into the database,\nor publishes it to the queue. Conditional requests, robots.txt, a delay per host;\na failing feed is retried with back-off. State is kept in --state."); err != nil {
		return err
	}
	if wf.feeds == "" {
		return fmt.Errorf("%w: watch needs --feeds FILE", errUsage)
	}
	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	var sink func(context.Context, dateline.Article) error
	stateDB := *db
	if qf.url != "" {
		q, err := qf.open(ctx, "dateline watch")
		if err != nil {
			return err
		}
		defer q.Close()
		sink = func(ctx context.Context, a dateline.Article) error {
			dup, err := q.Publish(ctx, a)
			if err == nil {
				log.Info("watch: queued", "url", a.URL, "duplicate", dup)
			}
			return err
		}
		if !flagSet(fs, "db") {
			stateDB = ""
		}
	} else {
		p, st, err := openCoding(ctx, *pc, *db)
		if err != nil {
			return err
		}
		defer st.Close()
		sink = storeSink(p, st, log)
	}
	w, err := wf.watcher(stateDB, sink, log)
	if err != nil {
		return err
	}
	log.Info("watch: started", "feeds", len(w.Feeds), "every", wf.every, "state", w.StatePath)
	if *once {
		res, err := w.PollAll(ctx)
		var failed []error
		for _, r := range res {
			fmt.Fprintf(e.stdout, "%s: %d entries, %d new, %d skipped, %d failed", r.Feed, r.Entries, r.New, r.Skipped, r.Failed)
			switch {
			case r.Err != nil:
				fmt.Fprintf(e.stdout, "; error: %v", r.Err)
				failed = append(failed, r.Err)
			case r.NotModified:
				fmt.Fprint(e.stdout, "; not modified")
			}
			fmt.Fprintln(e.stdout)
		}
		if err != nil {
			return err
		}
		if len(failed) > 0 {
			return fmt.Errorf("watch: %d of %d feeds failed: %w", len(failed), len(res), errors.Join(failed...))
		}
		return nil
	}
	return w.Run(ctx)
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
