package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/dateline-news/dateline/pipeline"
	"github.com/dateline-news/dateline/server"
)

func runServe(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", "events.db", "database: a SQLite file or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on this `host:port`")
	token := fs.String("token", "", "allow POST /api/ingest to requests with \"Authorization: Bearer `TOKEN`\" (default: read-only)")
	tokenFile := fs.String("token-file", "", "read the token from `FILE` (keeps it out of the process list)")
	maxBytes := fs.Int64("max-bytes", 4<<20, "largest request body accepted; a larger one gets 413")
	var wf watchFlags
	wf.register(fs, true)
	var dicts, patterns fileList
	fs.Var(&dicts, "dict", "user actor dictionary `FILE` for posted articles (repeatable)")
	fs.Var(&patterns, "patterns", "user event pattern `FILE` for posted articles (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline serve --db events.db [--addr 127.0.0.1:8080] [--token T | --token-file F] [--feeds FILE]\n\nServes the JSON API (docs/api.md) and the web pages over the database; with --feeds,\nalso polls the feeds (as dateline watch) and codes new articles into it.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	if *token != "" && *tokenFile != "" {
		return fmt.Errorf("%w: give --token or --token-file, not both", errUsage)
	}
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return err
		}
		if *token = strings.TrimSpace(string(b)); *token == "" {
			return fmt.Errorf("token file %s is empty", *tokenFile)
		}
	}
	p, err := newPipeline(pipeline.Config{Dicts: dicts, Patterns: patterns})
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := server.New(st, p)
	if err != nil {
		return err
	}
	s.Token, s.MaxBodyBytes = *token, *maxBytes
	s.Logger = slog.New(slog.NewTextHandler(e.stderr, nil))

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute, // a CSV of many events takes a while
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.Logger.Handler(), slog.LevelWarn),
	}
	mode := "read-only"
	if *token != "" {
		mode = "writes with the token"
	}
	fmt.Fprintf(e.stderr, "dateline: serving %s on http://%s (%s)\n", *db, ln.Addr(), mode)
	if wf.feeds != "" {
		w, err := wf.watcher(*db, storeSink(p, st, s.Logger), s.Logger)
		if err != nil {
			ln.Close()
			return err
		}
		wctx, stopWatch := context.WithCancel(ctx)
		watched := make(chan struct{})
		go func() {
			defer close(watched)
			if err := w.Run(wctx); err != nil {
				s.Logger.Error("watch", "err", err)
			}
		}()
		defer func() { stopWatch(); <-watched }()
		fmt.Fprintf(e.stderr, "dateline: watching %d feeds every %v\n", len(w.Feeds), wf.every)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(e.stderr, "dateline: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
