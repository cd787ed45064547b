package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/dateline-news/dateline/conllu"
	"github.com/dateline-news/dateline/timex"
)

// evalTimex scores the time stage against a JSON Lines file
// {"id","dct","text","timexes":[{"start","end","text","type","value"}]}
// (code-point offsets), or against the date markup of a GUM CoNLL-U file
// (name ending .conllu or .conllu.gz), as TempEval-3 reports: strict and
// relaxed span precision, recall and F1, value and type accuracy.
func evalTimex(ctx context.Context, e env, f evalFlags) error {
	var docs []timex.GoldDoc
	if strings.HasSuffix(f.timex, ".conllu") || strings.HasSuffix(f.timex, ".conllu.gz") {
		sents, err := conllu.ReadFile(f.timex)
		if err != nil {
			return fmt.Errorf("eval --timex: %w", err)
		}
		docs = timex.GoldFromGUM(sents)
	} else {
		fh, err := os.Open(f.timex)
		if err != nil {
			return fmt.Errorf("eval --timex: %w", err)
		}
		defer fh.Close()
		if docs, err = timex.ReadGold(fh); err != nil {
			return fmt.Errorf("eval --timex %s: %w", f.timex, err)
		}
	}
	s := timex.Scores{KeepErrors: 40}
	if err := timex.New().Evaluate(ctx, docs, &s); err != nil {
		return fmt.Errorf("eval --timex: %w", err)
	}
	sp, sr, sf := s.StrictPRF()
	rp, rr, rf := s.RelaxedPRF()
	vp, vr, vf := s.ValuePRF()
	if f.json {
		out := map[string]any{
			"file": f.timex, "documents": len(docs), "gold": s.Gold, "system": s.System,
			"strict":         map[string]float64{"p": sp, "r": sr, "f1": sf},
			"relaxed":        map[string]float64{"p": rp, "r": rr, "f1": rf},
			"value":          map[string]float64{"p": vp, "r": vr, "f1": vf, "accuracy": s.ValueAccuracy()},
			"type_accuracy":  s.TypeAccuracy(),
			"value_gold":     s.ValueGold,
			"value_matched":  s.ValueMatched,
			"value_correct":  s.ValueCorrect,
			"strict_matches": s.Strict, "relaxed_matches": s.Relaxed,
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	w := e.stdout
	fmt.Fprintf(w, "time expressions: %s (%d documents, %d gold, %d system)\n", f.timex, len(docs), s.Gold, s.System)
	fmt.Fprintf(w, "%-10s %7s %7s %7s\n", "", "P", "R", "F1")
	fmt.Fprintf(w, "%-10s %7.1f %7.1f %7.1f\n", "strict", sp, sr, sf)
	fmt.Fprintf(w, "%-10s %7.1f %7.1f %7.1f\n", "relaxed", rp, rr, rf)
	fmt.Fprintf(w, "%-10s %7.1f %7.1f %7.1f\n", "value", vp, vr, vf)
	fmt.Fprintf(w, "value accuracy %.1f%% of %d relaxed matches with a gold value; type accuracy %.1f%%\n",
		s.ValueAccuracy(), s.ValueMatched, s.TypeAccuracy())
	if len(s.Errors) > 0 {
		fmt.Fprintln(w, "\nfirst errors (gold → system):")
		for _, m := range s.Errors {
			fmt.Fprintf(w, "  %-28s %-22q %-14s → %-22q %s\n", m.ID, m.Gold, m.GoldValue, m.System, m.SysValue)
		}
	}
	return nil
}
