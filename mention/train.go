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
	// LowerEvery, when above 0, adds a lower-cased copy of every
	// LowerEvery-th training sentence that has a name.
	LowerEvery int
	LowerAll   bool // lower-case the whole copy, not only its names
}

type trainRow struct {
	w [nTags]float32
	u [nTags]float64 // time-weighted sums of updates
}

// TrainFile is the UNER English-EWT training set, relative to the shared
// data folder.
const TrainFile = "uner-english-ewt/en_ewt-ud-train.early-0c7ce0d.iob2.gz"

// Shipped training settings: passes over the data, perceptrons averaged
// (each shuffles the data with its own seed), and every how many
// sentences with a name a copy with the names lower-cased is added.
const (
	shippedIterations = 8
	shippedMix        = 3
	shippedLowerEvery = 4
)

// TrainShipped trains the shipped model the way "dateline train ner" does:
// UNER English-EWT train under dataDir, d as gazetteer, a lower-cased-name
// copy of every fourth sentence with a name, and the mean of three
// perceptrons trained with seeds seed, seed+1 and seed+2.
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
	ms := make([]*Model, shippedMix)
	for k := range ms {
		ms[k] = Train(words, nil, tags, TrainOptions{Iterations: shippedIterations, Seed: seed + uint64(k), Dict: d, LowerEvery: shippedLowerEvery})
	}
	return averageModels(ms), len(sents), nil
}
