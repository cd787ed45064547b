package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/coder"
	"github.com/dateline-news/dateline/eval"
	"github.com/dateline-news/dateline/pipeline"
)

// evalEvents scores the coder against sentence-level event gold (JSON
// Lines: id, text, events [{source, target, plover}]), each sentence
// extracted on its own.
func evalEvents(ctx context.Context, e env, f evalFlags) error {
	cfg := pipeline.Config{ParseBeam: f.beam}
	p, err := newPipeline(cfg)
	if err != nil {
		return err
	}
	r, err := os.Open(f.events)
	if err != nil {
		return fmt.Errorf("eval events: %w", err)
	}
	defer r.Close()
	rep, err := eval.Events(ctx, r, p)
	if err != nil {
		return err
	}
	if f.verbose {
		c, err := pipeline.Coder(cfg)
		if err != nil {
			return err
		}
		for _, s := range rep.Sentences {
			if err := eventMisses(ctx, e.stdout, c, s); err != nil {
				return err
			}
		}
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "type\trecall\t\tprecision\t\tF1\t\n")
	row := func(name string, rc, pc eval.Count) {
		fmt.Fprintf(tw, "%s\t%d/%d\t%.3f\t%d/%d\t%.3f\t%.3f\t\n", name, rc.Hit, rc.Total, rc.Rate(), pc.Hit, pc.Total, pc.Rate(), eval.F1(rc, pc))
	}
	for _, t := range rep.Types() {
		ts := rep.ByType[t]
		row(t, ts.Recall, ts.Precision)
	}
	fmt.Fprintf(tw, "\t\t\t\t\t\t\n")
	row(fmt.Sprintf("all (%d sentences)", len(rep.Sentences)), rep.Recall, rep.Precision)
	return tw.Flush()
}

// eventMisses prints a sentence's missed gold events and spurious output
// events, with what the coder said of the sentence.
func eventMisses(ctx context.Context, w io.Writer, c *coder.Coder, s eval.SentenceScore) error {
	var missed, spurious []string
	for gi, ge := range s.Gold.Events {
		if s.Matched[gi] < 0 {
			t := ge.Plover
			if ge.Cameo != "" {
				t = "CAMEO " + ge.Cameo
			}
			missed = append(missed, fmt.Sprintf("%s %s→%s", t, orDash(ge.Source), orDash(ge.Target)))
		}
	}
	for oi, ev := range s.Events {
		if s.Owner[oi] < 0 {
			spurious = append(spurious, eventLine(s.Doc, ev))
		}
	}
	if len(missed) == 0 && len(spurious) == 0 {
		return nil
	}
	fmt.Fprintf(w, "%s: %s\n", s.Gold.ID, s.Gold.Text)
	for _, m := range missed {
		fmt.Fprintf(w, "  missed   %s\n", m)
	}
	for _, m := range spurious {
		fmt.Fprintf(w, "  spurious %s\n", m)
	}
	exs, err := c.Explain(ctx, s.Doc)
	if err != nil {
		return err
	}
	for _, ex := range exs {
		if len(ex.Actors) > 0 {
			fmt.Fprintf(w, "  actors: %s\n", strings.Join(ex.Actors, "; "))
		}
		for _, st := range ex.Steps {
			fmt.Fprintf(w, "  %q: %s\n", st.Word, st.Outcome)
		}
	}
	if len(exs) == 0 {
		fmt.Fprintf(w, "  no trigger word tried; entities: %s\n", entityList(s.Doc))
	}
	return nil
}

func entityList(doc *dateline.Document) string {
	var out []string
	for _, e := range doc.Entities {
		out = append(out, fmt.Sprintf("%s %s=%s", e.Type, e.Name, orDash(e.Actor)))
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, "; ")
}
