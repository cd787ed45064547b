package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/conllu"
	"github.com/dateline-news/dateline/eval"
	"github.com/dateline-news/dateline/pipeline"
	"github.com/dateline-news/dateline/segment"
)

// udReport is what "dateline eval --ud" prints: the scores from raw text
// (segmenter, then the syntax stages) and from the gold tokens (syntax
// stages only).
type udReport struct {
	File       string             `json:"file"`
	RawText    eval.UDScores      `json:"raw_text"`
	GoldTokens eval.UDScores      `json:"gold_tokens"`
	Seconds    map[string]float64 `json:"seconds"`
}

// evalUD scores segmentation, tagging and parsing against the CoNLL-U file
// f.ud (gzipped when its name ends in ".gz").
func evalUD(ctx context.Context, e env, f evalFlags) error {
	gold, err := conllu.ReadFile(f.ud)
	if err != nil {
		return fmt.Errorf("eval --ud: %w", err)
	}
	syn, err := pipeline.Syntax(pipeline.Config{ParseBeam: f.beam})
	if err != nil {
		return fmt.Errorf("eval --ud: %w", err)
	}
	rep := udReport{File: f.ud, Seconds: map[string]float64{}}

	// Raw text: reconstruct it, segment, tag and parse.
	t0 := time.Now()
	text, paras := conllu.RawText(gold)
	doc := dateline.NewDocument(dateline.Article{ID: f.ud, Text: text})
	doc.Text = text
	doc.Paragraphs = paras
	p := append(dateline.Pipeline{segment.New()}, syn...)
	if err := p.Run(ctx, doc); err != nil {
		return fmt.Errorf("eval --ud: raw text: %w", err)
	}
	if rep.RawText, err = eval.UD(gold, conllu.FromDocument(doc)); err != nil {
		return fmt.Errorf("eval --ud: raw text: %w", err)
	}
	rep.Seconds["raw_text"] = time.Since(t0).Seconds()

	// Gold tokens: tag and parse the treebank's own segmentation.
	t0 = time.Now()
	doc = conllu.ToDocument(gold)
	doc.ID = f.ud
	if err := syn.Run(ctx, doc); err != nil {
		return fmt.Errorf("eval --ud: gold tokens: %w", err)
	}
	if rep.GoldTokens, err = eval.UD(gold, conllu.FromDocument(doc)); err != nil {
		return fmt.Errorf("eval --ud: gold tokens: %w", err)
	}
	rep.Seconds["gold_tokens"] = time.Since(t0).Seconds()

	if f.json {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(e.stdout, "%s\n", f.ud)
	printUD(e.stdout, "raw text", rep.RawText, rep.Seconds["raw_text"])
	printUD(e.stdout, "gold tokens", rep.GoldTokens, rep.Seconds["gold_tokens"])
	return nil
}

// printUD writes one block of scores as a table like conll18_ud_eval.py -v.
func printUD(w io.Writer, title string, s eval.UDScores, secs float64) {
	fmt.Fprintf(w, "\n%s (%.2fs)\n", title, secs)
	fmt.Fprintln(w, "Metric     | Precision |    Recall |  F1 Score | AligndAcc |   Gold | System | Correct")
	fmt.Fprintln(w, "-----------+-----------+-----------+-----------+-----------+--------+--------+--------")
	rows := []struct {
		name string
		sc   eval.UDScore
	}{
		{"Tokens", s.Tokens}, {"Sentences", s.Sentences}, {"Words", s.Words},
		{"UPOS", s.UPOS}, {"XPOS", s.XPOS}, {"UFeats", s.UFeats}, {"AllTags", s.AllTags},
		{"Lemmas", s.Lemmas}, {"UAS", s.UAS}, {"LAS", s.LAS},
	}
	for _, r := range rows {
		acc := "          "
		if r.sc.Aligned > 0 {
			acc = fmt.Sprintf("%10.2f", 100*r.sc.AlignedAccuracy)
		}
		fmt.Fprintf(w, "%-11s|%10.2f |%10.2f |%10.2f |%s |%7d |%7d |%8d\n", r.name,
			100*r.sc.Precision, 100*r.sc.Recall, 100*r.sc.F1, acc, r.sc.Gold, r.sc.System, r.sc.Correct)
	}
}
