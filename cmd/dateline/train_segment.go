package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/conllu"
	"github.com/dateline-news/dateline/eval"
	"github.com/dateline-news/dateline/segment"
)

// segmentEpochs is the number of training passes of the shipped boundary
// model, chosen on the dev sets.
const segmentEpochs = 4

// segmentMargin is the score a gap without a rule break needs to begin a
// sentence, chosen on the dev sets.
const segmentMargin = 0

// segmentGate keeps the model from looking after words seen before this
// many candidate gaps and never before a break ("of", "the"): it saves a
// third of the model's time, at no cost on the dev sets.
const segmentGate = 30

// segmentMinCount drops the features seen on fewer candidate gaps.
const segmentMinCount = 2

// segmentSeeds is the number of training runs, each over the texts in
// another order, whose models are averaged.
const segmentSeeds = 5

// segmentPrune drops the features of the averaged model whose weight is
// smaller in magnitude: chosen on the dev sets, it makes the model faster
// (a table that stays in cache) and no worse.
const segmentPrune = 0.5

// segmentMinWeight drops the features of smaller averaged weight.
const segmentMinWeight = 0.05

// segmentTrainFiles are the treebanks the boundary model learns from, and
// segmentDevFiles those it is tuned on (paths under --data).
var (
	segmentTrainFiles = []string{
		"ud-english-ewt/en_ewt-ud-train.conllu.gz",
		"ud-english-gum/en_gum-ccby-train.conllu.gz",
		"ud-english-gum/en_gum-ccbysa-train.conllu.gz",
	}
	segmentDevFiles = []string{
		"ud-english-ewt/en_ewt-ud-dev.conllu.gz",
		"ud-english-gum/en_gum-ccby-dev.conllu.gz",
	}
)

// trainSegment learns the sentence-boundary model of package segment from
// the raw text of UD English EWT and GUM train (rebuilt as conllu.RawText
// does) and writes it to data/segment/boundary.gz, printing the dev scores
// after each pass.
func trainSegment(ctx context.Context, e env, f trainFlags) error {
	var texts []segment.TrainText
	for _, name := range segmentTrainFiles {
		ss, err := conllu.ReadFile(filepath.Join(f.data, name))
		if err != nil {
			return fmt.Errorf("train segment: %w", err)
		}
		tx, err := rawTrainText(ss)
		if err != nil {
			return fmt.Errorf("train segment: %s: %w", name, err)
		}
		texts = append(texts, tx)
	}
	var devs [][]*conllu.Sentence
	for _, name := range segmentDevFiles {
		ss, err := conllu.ReadFile(filepath.Join(f.data, name))
		if err != nil {
			return fmt.Errorf("train segment: %w", err)
		}
		devs = append(devs, ss)
	}
	sg := segment.New()
	sg.Model = nil
	score := func(m *segment.Model) string {
		s := ""
		for i, gold := range devs {
			sg.Model = m
			text, paras := conllu.RawText(gold)
			doc := &dateline.Document{Text: text, Paragraphs: paras}
			if err := sg.Annotate(ctx, doc); err != nil {
				return err.Error()
			}
			u, err := eval.UD(gold, conllu.FromDocument(doc))
			if err != nil {
				return err.Error()
			}
			s += fmt.Sprintf("  %s sentences F1 %.2f (P %.2f R %.2f) tokens F1 %.2f", filepath.Base(segmentDevFiles[i]),
				100*u.Sentences.F1, 100*u.Sentences.Precision, 100*u.Sentences.Recall, 100*u.Tokens.F1)
		}
		return s
	}
	fmt.Fprintf(e.stderr, "train segment: rules alone:%s\n", score(nil))
	opt := segment.TrainOptions{
		Epochs:    segmentEpochs,
		Seed:      uint64(f.seed),
		MinWeight: segmentMinWeight,
		MinCount:  segmentMinCount,
		GateCount: segmentGate,
		Epoch: func(ep int, m *segment.Model, mistakes int) {
			fmt.Fprintf(e.stderr, "train segment: pass %d, %d mistakes, %d features:%s\n", ep, mistakes, m.Features(), score(m))
		},
	}
	var ms []*segment.Model
	var st segment.TrainStats
	for i := range segmentSeeds {
		opt.Seed = uint64(f.seed) + uint64(i)
		m, s, err := segment.New().Train(ctx, texts, opt)
		if err != nil {
			return fmt.Errorf("train segment: %w", err)
		}
		ms = append(ms, m)
		st = s
	}
	m := segment.Average(ms...)
	fmt.Fprintf(e.stderr, "train segment: average of %d orders, %d features:%s\n", len(ms), m.Features(), score(m))
	for _, pw := range []float32{0.25, 0.5, 1} {
		p := m.Pruned(pw)
		fmt.Fprintf(e.stderr, "train segment: pruned under %.2f, %d features:%s\n", pw, p.Features(), score(p))
	}
	m = m.Pruned(segmentPrune)
	for _, mg := range []float32{-2, -1, 0, 1, 2} {
		m.Margin = mg
		fmt.Fprintf(e.stderr, "train segment: margin %.1f:%s\n", mg, score(m))
	}
	m.Margin = segmentMargin
	fmt.Fprintf(e.stderr, "train segment: %d stretches, %d gaps, %d candidates; %d gold breaks after a space: %d found by the rules, %d of the others on candidate gaps\n",
		st.Stretches, st.Gaps, st.Candidates, st.Breaks, st.Rules, st.Looked)
	out := f.out
	if out == "" {
		out = filepath.Join("data", "segment")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("train segment: %w", err)
	}
	path := filepath.Join(out, filepath.Base(segment.ModelFile))
	w, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("train segment: %w", err)
	}
	n, err := m.WriteTo(w)
	if err != nil {
		w.Close()
		return fmt.Errorf("train segment: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("train segment: %w", err)
	}
	fmt.Fprintf(e.stderr, "train segment: %d features, %d gate words, wrote %s (%d bytes)\n", m.Features(), m.Gate(), path, n)
	return nil
}

// rawTrainText rebuilds the raw text of a treebank as conllu.RawText does
// and finds the byte offset at which each of its sentences begins.
func rawTrainText(ss []*conllu.Sentence) (segment.TrainText, error) {
	text, paras := conllu.RawText(ss)
	starts := make([]int, 0, len(ss))
	off := 0
	for i, s := range ss {
		if i > 0 {
			if s.Has("newpar") || s.Has("newdoc") {
				off += 2
			} else {
				off++
			}
		}
		st := s.Text()
		if off+len(st) > len(text) || text[off:off+len(st)] != st {
			return segment.TrainText{}, fmt.Errorf("sentence %d not found at byte %d of the raw text", i+1, off)
		}
		starts = append(starts, off)
		off += len(st)
	}
	return segment.TrainText{Text: text, Paragraphs: paras, Starts: starts}, nil
}
