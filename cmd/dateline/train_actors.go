package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dateline-news/dateline/dict"
	"github.com/dateline-news/dateline/internal/gzfile"
	"github.com/dateline-news/dateline/mention"
)

// trainDict derives the actor dictionary under data/actors from f.data.
func trainDict(ctx context.Context, e env, f trainFlags) error {
	out := f.out
	if out == "" {
		out = filepath.Join("data", "actors")
	}
	if err := dict.Build(f.data, out); err != nil {
		return fmt.Errorf("train dict: %w", err)
	}
	fmt.Fprintf(e.stderr, "train dict: wrote %v to %s\n", dict.Shipped, out)
	return nil
}

// trainNER trains the entity recogniser on UNER English-EWT train with the
// shipped dictionary as gazetteer and writes data/ner/ner.model.gz.
func trainNER(ctx context.Context, e env, f trainFlags) error {
	d, err := dict.Default()
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	m, n, err := mention.TrainShipped(f.data, uint64(f.seed), d)
	if err != nil {
		return err
	}
	out := f.out
	if out == "" {
		out = filepath.Join("data", "ner")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	path := filepath.Join(out, "ner.model.gz")
	w, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if _, err := m.WriteTo(w); err != nil {
		w.Close()
		return fmt.Errorf("train ner: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	fmt.Fprintf(e.stderr, "train ner: %d sentences, wrote %s\n", n, path)
	return nil
}

// readIOB2File reads an IOB2 or CoNLL NER file, gzip when it ends in .gz.
func readIOB2File(path string) ([]mention.Sentence, error) {
	r, err := gzfile.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	s, err := mention.ReadIOB2(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
