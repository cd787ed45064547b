package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/dateline-news/dateline/eval"
	"github.com/dateline-news/dateline/pipeline"
)

// evalGold scores the whole pipeline against every gold article under
// --gold, per part, as ../shared/gold/FORMAT.md defines.
func evalGold(ctx context.Context, e env, f evalFlags) error {
	p, err := pipeline.New(pipeline.Config{ParseBeam: f.beam})
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
	for _, a := range rep.Articles {
		fmt.Fprintf(e.stdout, "%s (%s)\n", a.ID, a.Dir)
		for _, m := range a.Misses {
			fmt.Fprintf(e.stdout, "  - %s\n", m)
		}
	}
	t := rep.Total
	fmt.Fprintf(e.stdout, "\nscores over %d gold article(s)\n", len(rep.Articles))
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	row := func(part, measure string, c eval.Count) {
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%.3f\t\n", part, measure, c.Hit, c.Total, c.Rate())
	}
	row("document", "checks passed", t.Document)
	row("entities", "found (right type)", t.Entities)
	row("entities", "right country", t.EntityCountry)
	row("entities", "right sector", t.EntitySector)
	fmt.Fprintf(tw, "entities\tcredits as entities\t%d\t\t\n", t.CreditsAsActors)
	row("time", "span recall", t.TimexSpan)
	row("time", "value accuracy", t.TimexValue)
	row("time", "precision", t.TimexPrecision)
	row("quotes", "found", t.Quotes)
	row("quotes", "right speaker", t.QuoteSpeaker)
	row("quotes", "precision", t.QuotePrecision)
	row("events", "recall", t.EventRecall)
	row("events", "precision", t.EventPrecision)
	row("events", "exact code (matched)", t.EventCode)
	row("events", "sectors (matched)", t.EventSector)
	return tw.Flush()
}
