package mention

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// transFeatures are the features of token i that depend on the previous
// tag p1 (first order).
func (s *sentence) transFeatures(f *hasher, i int, p1 string) {
	f.feats = f.feats[:0]
	lw, sh := s.lower[i], s.shapes[i]
	up := ""
	if s.upper {
		up = "U"
	}
	f.add(14, p1)
	f.add(16, p1, lw)
	f.add(17, p1, up, sh)
	g := s.gaz[i]
	if g.kinds != 0 {
		pos := "I"
		if g.begin {
			pos = "B"
		}
		kindFeatures(f, 21, pos+p1, g.kinds)
	}
	if s.pos != nil {
		f.add(31, p1, s.posAt(i))
	}
}

type scorer func(feats []uint64, out *[nTags]float32)

// viterbi returns the best tag sequence under first-order features.
func (s *sentence) viterbi(score scorer, oBias float32) []int {
	n := len(s.words)
	if n == 0 {
		return nil
	}
	delta := make([][nTags]float32, n)
	back := make([][nTags]int8, n)
	var f hasher
	var e, t [nTags]float32
	for i := 0; i < n; i++ {
		s.features(&f, i, "-", "-")
		score(f.feats, &e)
		e[0] -= oBias
		for c := range nTags {
			delta[i][c] = float32(math.Inf(-1))
		}
		if i == 0 {
			s.transFeatures(&f, i, Tags[0])
			score(f.feats, &t)
			for c := range nTags {
				if allowed(0, c) {
					delta[0][c] = e[c] + t[c]
				}
			}
			continue
		}
		for p := range nTags {
			if math.IsInf(float64(delta[i-1][p]), -1) {
				continue
			}
			s.transFeatures(&f, i, Tags[p])
			score(f.feats, &t)
			for c := range nTags {
				if !allowed(p, c) {
					continue
				}
				if v := delta[i-1][p] + e[c] + t[c]; v > delta[i][c] {
					delta[i][c], back[i][c] = v, int8(p)
				}
			}
		}
	}
	out := make([]int, n)
	best := 0
	for c := range nTags {
		if delta[n-1][c] > delta[n-1][best] {
			best = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = best
		best = int(back[i][best])
	}
	return out
}

// Train learns a model from tagged sentences (words and IOB2 tags for PER,
// ORG, LOC; pos may be nil or give parts of speech) with the structured
// averaged perceptron: each sentence is decoded with Viterbi under
// first-order features and, where it differs from the gold tags, the
// weights move towards the gold sequence. The result depends only on the
// data and options.
func Train(words, pos, tags [][]string, opt TrainOptions) *Model {
	if opt.Iterations == 0 {
		opt.Iterations = 8
	}
	sents := make([]*sentence, 0, len(words))
	gold := make([][]int, 0, len(words))
	for i := range words {
		var p []string
		if pos != nil {
			p = pos[i]
		}
		g := make([]int, len(tags[i]))
		for j, t := range tags[i] {
			g[j] = tagIndex(t)
		}
		sents = append(sents, newSentence(words[i], p, opt.Dict))
		gold = append(gold, g)
		// a lower-cased copy of every k-th sentence with a name teaches
		// the model names in careless web text ("went to france")
		if opt.LowerEvery > 0 && i%opt.LowerEvery == 0 && hasName(g) {
			lw := make([]string, len(words[i]))
			for j, w := range words[i] {
				lw[j] = w
				if g[j] != 0 || opt.LowerAll {
					lw[j] = strings.ToLower(w)
				}
			}
			sents = append(sents, newSentence(lw, p, opt.Dict))
			gold = append(gold, g)
		}
	}
	rows := map[uint64]*trainRow{}
	clock := 1.0
	score := func(feats []uint64, out *[nTags]float32) {
		*out = [nTags]float32{}
		for _, h := range feats {
			if r := rows[h]; r != nil {
				for c := range nTags {
					out[c] += r.w[c]
				}
			}
		}
	}
	update := func(feats []uint64, c int, d float32) {
		for _, h := range feats {
			r := rows[h]
			if r == nil {
				r = &trainRow{}
				rows[h] = r
			}
			r.w[c] += d
			r.u[c] += float64(d) * clock
		}
	}
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
			pred := s.viterbi(score, 0)
			for i := range g {
				gp, pp := 0, 0
				if i > 0 {
					gp, pp = g[i-1], pred[i-1]
				}
				if g[i] == pred[i] && gp == pp {
					continue
				}
				if g[i] != pred[i] {
					s.features(&f, i, "-", "-")
					update(f.feats, g[i], 1)
					update(f.feats, pred[i], -1)
				}
				s.transFeatures(&f, i, Tags[gp])
				update(f.feats, g[i], 1)
				s.transFeatures(&f, i, Tags[pp])
				update(f.feats, pred[i], -1)
			}
			clock++
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
			keep = keep || avg[c] != 0
		}
		if keep {
			m.keys = append(m.keys, k)
			m.w = append(m.w, avg)
		}
	}
	return m
}

func hasName(g []int) bool {
	for _, c := range g {
		if c != 0 {
			return true
		}
	}
	return false
}
