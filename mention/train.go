package mention

import (
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dateline-news/dateline/dict"
)

// TrainOptions control [Train].
type TrainOptions struct {
	Iterations int    // passes over the data; 0 means 8
	Seed       uint64 // seed of the shuffle between passes
	Dict       *dict.Dictionary
}

type trainRow struct {
	w [nTags]float32
	u [nTags]float64 // time-weighted sums of updates
}

// TrainFile is the UNER English-EWT training set, relative to the shared
// data folder.
const TrainFile = "uner-english-ewt/en_ewt-ud-train.early-0c7ce0d.iob2.gz"

// TrainShipped trains the shipped model the way "dateline train ner" does:
// UNER English-EWT train under dataDir, d as gazetteer, 8 passes.
func TrainShipped(dataDir string, seed uint64, d *dict.Dictionary) (*Model, int, error) {
	f, err := os.Open(filepath.Join(dataDir, TrainFile))
	if err != nil {
		return nil, 0, fmt.Errorf("train ner: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, 0, fmt.Errorf("train ner: %w", err)
	}
	sents, err := ReadIOB2(zr)
	if err != nil {
		return nil, 0, fmt.Errorf("train ner: %w", err)
	}
	words := make([][]string, len(sents))
	tags := make([][]string, len(sents))
	for i, s := range sents {
		words[i], tags[i] = s.Words(), s.Tags()
	}
	return Train(words, nil, tags, TrainOptions{Iterations: 8, Seed: seed, Dict: d}), len(sents), nil
}
