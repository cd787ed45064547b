package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/coder"
	"github.com/dateline-news/dateline/pipeline"
)

// patternFiles is a repeatable flag naming a user's pattern files.
type patternFiles []string

func (p *patternFiles) String() string     { return strings.Join(*p, ",") }
func (p *patternFiles) Set(v string) error { *p = append(*p, v); return nil }

// newCoder returns the shipped event coder extended with the user's files.
func newCoder(files []string) (*coder.Coder, error) {
	c, err := coder.New()
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("patterns: %w", err)
		}
		err = c.AddPatterns(name, f)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

// runExplain prints, per sentence, the parse, the actors, the patterns
// tried and why each event was or was not coded.
func runExplain(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var files patternFiles
	fs.Var(&files, "patterns", "extra pattern `FILE` (repeatable; format in docs/patterns.md)")
	asJSON := fs.Bool("json", false, "print the explanations as JSON")
	all := fs.Bool("all", false, "show sentences where no pattern was tried too")
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
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		return err
	}
	doc := dateline.NewDocument(dateline.Article{ID: "explain", Text: string(b)})
	if err := p.Run(ctx, doc); err != nil {
		return err
	}
	c, err := newCoder(files)
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
