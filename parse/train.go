package parse

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"github.com/dateline-news/dateline/internal/perceptron"
)

// TrainConfig says how to train a parser.
type TrainConfig struct {
	Iterations int       // passes over the training data; 0 means 15
	Seed       uint64    // shuffles sentences and drives exploration
	Explore    float64   // probability of following a wrong prediction from pass 2; 0 means 0.9
	Dev        [][]Word  // scored after some passes when not nil
	Log        io.Writer // progress; nil for none
}

// Train learns a parser from sentences whose words carry (ideally
// predicted) tags and gold Head and Rel. The result depends only on the
// sentences and cfg.
func Train(sents [][]Word, cfg TrainConfig) (*Parser, error) {
	if cfg.Iterations == 0 {
		cfg.Iterations = 15
	}
	if cfg.Explore == 0 {
		cfg.Explore = 0.9
	}
	seen := map[string]bool{}
	for _, s := range sents {
		for _, w := range s {
			seen[w.Rel] = true
		}
	}
	p := &Parser{Beam: DefaultBeam}
	for r := range seen {
		p.labels = append(p.labels, r)
	}
	slices.Sort(p.labels)
	if len(p.labels) == 0 {
		return nil, fmt.Errorf("train parser: no relations in the training data")
	}
	p.root = slices.Index(p.labels, "root")
	ids := map[string]int{}
	for i, l := range p.labels {
		ids[l] = i + 1
	}
	tm := perceptron.New(nTrans)
	lm := perceptron.New(len(p.labels))
	p.trans = []*perceptron.Model{tm}
	p.label = []*perceptron.Model{lm}

	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0xd1ce))
	feats := make([]uint64, 0, 128)
	lfeats := make([]uint64, 0, 64)
	scores := make([]float32, nTrans)
	lscores := make([]float32, len(p.labels))
	gh := []int{}
	gr := []int{}
	for it := range cfg.Iterations {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var steps, wrong, arcs, lwrong int
		for _, si := range order {
			s := sents[si]
			n := len(s)
			if n == 0 {
				continue
			}
			gh, gr = gh[:0], gr[:0]
			for _, w := range s {
				h := w.Head
				if h < 0 || h >= n {
					h = n
				}
				gh = append(gh, h)
				gr = append(gr, ids[w.Rel])
			}
			st := newState(s, len(p.labels))
			var legal [nTrans]bool
			var cost [nTrans]int
			for !st.done() {
				st.legal(&legal)
				feats = st.features(feats[:0])
				clear(scores)
				tm.Score(feats, scores)
				pred := perceptron.Best(scores, legal[:])
				minc := -1
				for t := range nTrans {
					if legal[t] {
						cost[t] = st.cost(t, gh)
						if minc < 0 || cost[t] < minc {
							minc = cost[t]
						}
					}
				}
				gold, gs := -1, float32(0)
				for t := range nTrans {
					if legal[t] && cost[t] == minc && (gold < 0 || scores[t] > gs) {
						gold, gs = t, scores[t]
					}
				}
				tm.Tick()
				steps++
				next := gold
				if cost[pred] != minc {
					wrong++
					tm.Update(feats, gold, pred, 1)
					if it > 0 && rng.Float64() < cfg.Explore {
						next = pred
					}
				}
				rel := 0
				if next != shift {
					d, h := st.arc(next)
					lfeats = st.labelFeatures(lfeats[:0], d, h)
					clear(lscores)
					lm.Score(lfeats, lscores)
					lp := perceptron.Best(lscores, nil)
					lm.Tick()
					arcs++
					if lp+1 != gr[d] {
						lwrong++
						lm.Update(lfeats, gr[d]-1, lp, 1)
					}
					rel = gr[d]
					if it > 0 {
						rel = lp + 1
					}
				}
				st.apply(next, rel)
			}
		}
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "parser pass %d: %.2f%% transitions wrong, %.2f%% labels wrong, %d+%d features\n",
				it+1, 100*float64(wrong)/float64(steps), 100*float64(lwrong)/float64(max(arcs, 1)), tm.Rows(), lm.Rows())
		}
	}
	tm.Average()
	lm.Average()
	if cfg.Dev != nil && cfg.Log != nil {
		fmt.Fprintf(cfg.Log, "parser dev: %s\n", p.Evaluate(cfg.Dev))
	}
	return p, nil
}

// cost is the number of gold arcs that transition t makes unreachable
// (Goldberg and Nivre 2013, arc-hybrid); gh holds the gold heads, n for
// the root.
func (st *state) cost(t int, gh []int) int {
	k := len(st.stack)
	c := 0
	switch t {
	case shift:
		b := st.b
		for i, s := range st.stack {
			if gh[s] == b {
				c++
			}
			if gh[b] == s && i != k-1 {
				c++
			}
		}
	case left, right:
		s0 := st.stack[k-1]
		for d := st.b; d < st.n; d++ {
			if gh[d] == s0 {
				c++
			}
		}
		h := gh[s0]
		if t == left {
			if h != st.b && ((k > 1 && h == st.stack[k-2]) || h > st.b) {
				c++
			}
		} else if h >= st.b {
			c++
		}
	}
	return c
}

// Ensemble returns a parser that sums the scores of the members' models
// at every step: members trained with different seeds make different
// mistakes, and their sum makes fewer. The members must share relations.
func Ensemble(members ...*Parser) (*Parser, error) {
	if len(members) == 0 {
		return nil, fmt.Errorf("ensemble: no parser")
	}
	e := &Parser{labels: members[0].labels, root: members[0].root, Beam: DefaultBeam}
	for _, m := range members {
		if !slices.Equal(m.labels, e.labels) {
			return nil, fmt.Errorf("ensemble: members disagree on relations")
		}
		e.trans = append(e.trans, m.trans...)
		e.label = append(e.label, m.label...)
	}
	return e, nil
}

// Scores are the attachment scores of a parser, in percent.
type Scores struct {
	Words    int
	UAS, LAS float64
}

func (s Scores) String() string {
	return fmt.Sprintf("UAS %.2f LAS %.2f (%d words)", s.UAS, s.LAS, s.Words)
}

// Evaluate parses copies of gold sentences and scores the result,
// counting punctuation as UD's evaluation does.
func (p *Parser) Evaluate(sents [][]Word) Scores {
	var sc Scores
	var u, l int
	var ws []Word
	for _, s := range sents {
		ws = append(ws[:0], s...)
		p.Parse(ws)
		for i, w := range s {
			sc.Words++
			if ws[i].Head == w.Head {
				u++
				if baseRel(ws[i].Rel) == baseRel(w.Rel) {
					l++
				}
			}
		}
	}
	if sc.Words > 0 {
		n := float64(sc.Words) / 100
		sc.UAS, sc.LAS = float64(u)/n, float64(l)/n
	}
	return sc
}

// baseRel drops a relation's subtype, as the CoNLL 2018 LAS does.
func baseRel(r string) string {
	for i := 0; i < len(r); i++ {
		if r[i] == ':' {
			return r[:i]
		}
	}
	return r
}
