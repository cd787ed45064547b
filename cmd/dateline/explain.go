package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/coder"
	"github.com/dateline-news/dateline/pipeline"
)

// runExplain prints, per sentence, the parse, the actors, the patterns
// tried and why each event was or was not coded.
func runExplain(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var files fileList
	fs.Var(&files, "patterns", "extra pattern `FILE` (repeatable; format in docs/patterns.md)")
	asJSON := fs.Bool("json", false, "print the explanations as JSON")
	all := fs.Bool("all", false, "show sentences where no pattern was tried too")
	date := fs.String("date", "", "the article's date `YYYY-MM-DD`, as a feed gives it")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	r, name, done, err := openInput(e, fs)
	if err != nil {
		return err
	}
	defer done()
	b, err := io.ReadAll(io.LimitReader(r, defaultMaxBytes+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if len(b) > defaultMaxBytes {
		return fmt.Errorf("%s: %w: more than %d bytes", name, dateline.ErrTooLarge, defaultMaxBytes)
	}
	a, err := readArticle(name, b)
	if err != nil {
		return err
	}
	a.ID = "explain"
	if *date != "" {
		t, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			return fmt.Errorf("%w: --date %q: want YYYY-MM-DD", errUsage, *date)
		}
		a.Date = t
	}
	cfg := pipeline.Config{Patterns: files}
	p, err := newPipeline(cfg)
	if err != nil {
		return err
	}
	doc := dateline.NewDocument(a)
	if err := p.Run(ctx, doc); err != nil {
		return err
	}
	c, err := pipeline.Coder(cfg)
	if err != nil {
		return err
	}
	if *asJSON {
		exs, err := c.Explain(ctx, doc)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Sentences []coder.Explanation `json:"sentences"`
			Events    []dateline.Event    `json:"events"`
		}{exs, doc.Events})
	}
	return explainText(ctx, e.stdout, doc, c, *all)
}

// explainDoc prints the explanation of an already coded document (for
// DATELINE_PETRARCH_EXPLAIN=ID in eval --petrarch).
func explainDoc(w io.Writer, doc *dateline.Document, c *coder.Coder) {
	_ = explainText(context.Background(), w, doc, c, false)
}

func explainText(ctx context.Context, w io.Writer, doc *dateline.Document, c *coder.Coder, all bool) error {
	exs, err := c.Explain(ctx, doc)
	if err != nil {
		return err
	}
	for _, ex := range exs {
		if len(ex.Steps) == 0 && !all {
			continue
		}
		s := doc.Sentences[ex.Sentence]
		fmt.Fprintf(w, "sentence %d: %s\n", ex.Sentence+1, strings.Join(strings.Fields(doc.Span(ex.Span)), " "))
		fmt.Fprintln(w, "  parse:")
		for i := s.Tokens.Start; i < s.Tokens.End && i < len(doc.Tokens); i++ {
			t := doc.Tokens[i]
			head := "root"
			if t.Head >= 0 && t.Head < len(doc.Tokens) {
				head = fmt.Sprintf("%d %s", t.Head-s.Tokens.Start+1, doc.Tokens[t.Head].Text)
			}
			fmt.Fprintf(w, "    %3d %-16s %-14s %-5s %-12s <- %s\n", i-s.Tokens.Start+1, t.Text, t.Lemma, t.POS, t.Rel, head)
		}
		if len(ex.Actors) > 0 {
			fmt.Fprintf(w, "  actors: %s\n", strings.Join(ex.Actors, "; "))
		} else {
			fmt.Fprintln(w, "  actors: none")
		}
		for _, st := range ex.Steps {
			pat := st.Pattern
			if pat == "" {
				pat = "no pattern matched"
			}
			fmt.Fprintf(w, "  %q (%d patterns tried): %s\n      -> %s\n", st.Word, st.Tried, pat, st.Outcome)
		}
		for _, ev := range ex.Events {
			fmt.Fprintf(w, "  event: %s\n", eventLine(doc, ev))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d events after merging duplicates:\n", len(doc.Events))
	for _, ev := range doc.Events {
		fmt.Fprintf(w, "  %s %s\n", ev.ID, eventLine(doc, ev))
	}
	return nil
}

// eventLine formats an event on one line.
func eventLine(doc *dateline.Document, ev dateline.Event) string {
	src := ev.Source.Actor
	if src == "" {
		src = "?"
	}
	tgt := "-"
	if ev.Target != nil {
		tgt = ev.Target.Actor
	}
	s := fmt.Sprintf("%s %s(%s/%s) %s date=%s mood=%s", src, ev.Code, ev.Plover.Type, ev.Plover.Mode, tgt, ev.Date.Value, ev.Mood)
	if ev.Negated {
		s += " NEGATED"
	}
	return s + fmt.Sprintf(" conf=%.2f trigger=%q", ev.Confidence, doc.Span(ev.Trigger))
}
