package mention

import (
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"

	"github.com/dateline-news/dateline/dict"
)

// TrainOptions control [Train].
type TrainOptions struct {
	Iterations int    // passes over the data; 0 means 8
	Seed       uint64 // seed of the shuffle between passes
	Dict       *dict.Dictionary
	// Prune drops features whose averaged weights are all below Prune in
	// absolute value.
	Prune float32
}

type trainRow struct {
	w [nTags]float32
	u [nTags]float64 // time-weighted sums of updates
}

// Train learns a model from tagged sentences (words and IOB2 tags for PER,
// ORG, LOC; pos may be nil or give parts of speech) with the averaged perceptron, greedy left to right with the
// predicted previous tags. The result depends only on the data and options.
func Train(words, pos, tags [][]string, opt TrainOptions) *Model {
	if opt.Iterations == 0 {
		opt.Iterations = 8
	}
	sents := make([]*sentence, len(words))
	gold := make([][]int, len(words))
	for i := range words {
		var p []string
		if pos != nil {
			p = pos[i]
		}
		sents[i] = newSentence(words[i], p, opt.Dict)
		gold[i] = make([]int, len(tags[i]))
		for j, t := range tags[i] {
			gold[i][j] = tagIndex(t)
		}
	}
	rows := map[uint64]*trainRow{}
	clock := 1.0
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	var f hasher
	for it := 0; it < opt.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s, g := sents[si], gold[si]
			p1, p2 := 0, 0
			for i := range s.words {
				s.features(&f, i, Tags[p1], Tags[p2])
				var sc [nTags]float32
				for _, h := range f.feats {
					if r := rows[h]; r != nil {
						for c := range nTags {
							sc[c] += r.w[c]
						}
					}
				}
				best, bestS := 0, float32(-1e30)
				for c := range nTags {
					if allowed(p1, c) && sc[c] > bestS {
						best, bestS = c, sc[c]
					}
				}
				if best != g[i] {
					for _, h := range f.feats {
						r := rows[h]
						if r == nil {
							r = &trainRow{}
							rows[h] = r
						}
						r.w[g[i]]++
						r.u[g[i]] += clock
						r.w[best]--
						r.u[best] -= clock
					}
				}
				clock++
				p2, p1 = p1, best
			}
		}
	}
	m := &Model{}
	keys := make([]uint64, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		r := rows[k]
		var avg [nTags]float32
		keep := false
		for c := range nTags {
			avg[c] = r.w[c] - float32(r.u[c]/clock)
			if avg[c] > opt.Prune || avg[c] < -opt.Prune {
				keep = true
			}
		}
		if keep {
			m.keys = append(m.keys, k)
			m.w = append(m.w, avg)
		}
	}
	return m
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
