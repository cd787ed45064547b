package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/dateline-news/dateline/eval"
	"github.com/dateline-news/dateline/pipeline"
)

// evalGold scores the whole pipeline against every gold article under
// --gold, per part, as ../shared/gold/FORMAT.md defines.
func evalGold(ctx context.Context, e env, f evalFlags) error {
	p, err := newPipeline(pipeline.Config{ParseBeam: f.beam})
	if err != nil {
		return err
	}
	rep, err := eval.Gold(ctx, f.gold, p)
	if err != nil {
		return err
	}
	if f.json {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if f.verbose {
		for _, a := range rep.Articles {
			fmt.Fprintf(e.stdout, "%s (%s)\n", a.ID, a.Dir)
			for _, m := range a.Misses {
				fmt.Fprintf(e.stdout, "  - %s\n", m)
			}
			if err := goldTable(e.stdout, []string{a.ID}, a.Scores); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout)
		}
	}
	fmt.Fprintf(e.stdout, "scores: the founding article and the %d other gold article(s) summed (-v: per article)\n", rep.NOthers)
	return goldTable(e.stdout, []string{"founding", fmt.Sprintf("%d others", rep.NOthers)}, rep.Seed, rep.Others)
}

// goldTable prints one row per measure and one column per set of scores.
func goldTable(w io.Writer, heads []string, sets ...eval.PartScores) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\t\t")
	for _, h := range heads {
		fmt.Fprintf(tw, "%s\t\t", h)
	}
	fmt.Fprintln(tw)
	row := func(part, measure string, c func(eval.PartScores) eval.Count) {
		fmt.Fprintf(tw, "%s\t%s\t", part, measure)
		for _, s := range sets {
			n := c(s)
			fmt.Fprintf(tw, "%d/%d\t%.3f\t", n.Hit, n.Total, n.Rate())
		}
		fmt.Fprintln(tw)
	}
	row("document", "checks passed", func(s eval.PartScores) eval.Count { return s.Document })
	row("entities", "found (right type)", func(s eval.PartScores) eval.Count { return s.Entities })
	row("entities", "right country", func(s eval.PartScores) eval.Count { return s.EntityCountry })
	row("entities", "right sector", func(s eval.PartScores) eval.Count { return s.EntitySector })
	fmt.Fprintf(tw, "entities\tcredits as entities\t")
	for _, s := range sets {
		fmt.Fprintf(tw, "%d\t\t", s.CreditsAsActors)
	}
	fmt.Fprintln(tw)
	row("time", "span recall", func(s eval.PartScores) eval.Count { return s.TimexSpan })
	row("time", "value accuracy", func(s eval.PartScores) eval.Count { return s.TimexValue })
	row("time", "precision", func(s eval.PartScores) eval.Count { return s.TimexPrecision })
	row("quotes", "found", func(s eval.PartScores) eval.Count { return s.Quotes })
	row("quotes", "right speaker", func(s eval.PartScores) eval.Count { return s.QuoteSpeaker })
	row("quotes", "precision", func(s eval.PartScores) eval.Count { return s.QuotePrecision })
	row("events", "recall", func(s eval.PartScores) eval.Count { return s.EventRecall })
	row("events", "precision", func(s eval.PartScores) eval.Count { return s.EventPrecision })
	row("events", "exact code (matched)", func(s eval.PartScores) eval.Count { return s.EventCode })
	row("events", "sectors (matched)", func(s eval.PartScores) eval.Count { return s.EventSector })
	return tw.Flush()
}
