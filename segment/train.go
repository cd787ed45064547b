package segment

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/dateline-news/dateline"
)

// TrainText is one text to learn sentence boundaries from: the raw text,
// its paragraphs, and the byte offsets at which its sentences begin.
type TrainText struct {
	Text       string
	Paragraphs []dateline.Span
	Starts     []int
}

// TrainOptions configure [Segmenter.Train].
type TrainOptions struct {
	// Epochs is the number of passes over the texts (default 8).
	Epochs int
	// Seed orders the stretches of text in each pass.
	Seed uint64
	// MinWeight drops features whose averaged weight is smaller in
	// magnitude, to keep the model small.
	MinWeight float32
	// GateCount, when positive, keeps the model from looking at the gaps
	// after a word that was before that many candidate gaps of the texts
	// and never before a break.
	GateCount int
	// MinCount drops the features seen on fewer candidate gaps of the
	// texts (along their gold sentences), which generalise poorly.
	MinCount int
	// Epoch, when set, is called after each pass with the averaged model
	// so far (for tuning on held-out text).
	Epoch func(epoch int, m *Model, mistakes int)
}

// TrainStats describes the training stretches.
type TrainStats struct {
	Stretches, Gaps, Candidates int
	// Breaks counts the gold sentence beginnings inside stretches (after a
	// space); Rules those the rules find; Looked those of the others that
	// fall on candidate gaps, which the model may find.
	Breaks, Rules, Looked int
}

// trainUnit is one stretch of a training text with its tokens, the rules'
// breaks and the gold ones.
type trainUnit struct {
	toks   []dateline.Token
	lo, hi int
	rule   []mark
	gold   []bool
}

// weightAcc is a feature's weight in training with the time-weighted sum
// of its updates, for averaging.
type weightAcc struct {
	w, u float64
}

// Train learns a boundary model from texts with the averaged perceptron,
// deciding the gaps greedily left to right as [Segmenter.Annotate] does.
// The rules' breaks are a feature; the result depends only on the texts
// and the options.
func (sg *Segmenter) Train(ctx context.Context, texts []TrainText, opt TrainOptions) (*Model, TrainStats, error) {
	if sg.abbrev == nil {
		sg = New()
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 8
	}
	var stats TrainStats
	var units []trainUnit
	for _, tx := range texts {
		us, err := sg.trainUnits(ctx, tx, &stats)
		if err != nil {
			return nil, stats, err
		}
		units = append(units, us...)
	}
	stats.Stretches = len(units)

	// Count the features along the gold sentences.
	counts := map[uint32]int32{}
	type seen struct{ gaps, breaks int }
	before := map[uint32]seen{}
	for i := range units {
		u := &units[i]
		brk := slices.Clone(u.rule)
		sg.walkGaps(u.toks, u.lo, u.hi, brk, nil, func(k int, feats []uint32) bool {
			for _, f := range feats {
				counts[f]++
			}
			if u.rule[k-u.lo] == markNone {
				w := gateKey(lowerHash(u.toks[k-1].Text))
				s := before[w]
				s.gaps++
				if u.gold[k-u.lo] {
					s.breaks++
				}
				before[w] = s
			}
			return u.gold[k-u.lo]
		})
	}
	var gate *wordGate
	if opt.GateCount > 0 {
		var keys []uint32
		for w, s := range before {
			if s.gaps >= opt.GateCount && s.breaks == 0 {
				keys = append(keys, w)
			}
		}
		gate = newWordGate(keys)
	}
	minCount := int32(max(opt.MinCount, 1))

	ws := map[uint32]*weightAcc{}
	t := 1.0
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5e9e47))
	order := make([]int, len(units))
	for i := range order {
		order[i] = i
	}
	brk := make([]mark, 0, 64)
	for ep := 1; ep <= opt.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, stats, err
		}
		mistakes := 0
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, ui := range order {
			u := &units[ui]
			brk = append(brk[:0], u.rule...)
			sg.walkGaps(u.toks, u.lo, u.hi, brk, gate, func(k int, feats []uint32) bool {
				var s float64
				for _, f := range feats {
					if a := ws[f]; a != nil {
						s += a.w
					}
				}
				pred, gold := s > 0, u.gold[k-u.lo]
				if pred != gold {
					mistakes++
					y := -1.0
					if gold {
						y = 1
					}
					for _, f := range feats {
						if counts[f] < minCount {
							continue
						}
						a := ws[f]
						if a == nil {
							a = &weightAcc{}
							ws[f] = a
						}
						a.w += y
						a.u += t * y
					}
				}
				t++
				return pred
			})
		}
		if opt.Epoch != nil {
			m := averaged(ws, t, opt.MinWeight)
			m.gate = gate
			opt.Epoch(ep, m, mistakes)
		}
	}
	m := averaged(ws, t, opt.MinWeight)
	m.gate = gate
	return m, stats, nil
}

// averaged returns the model of the averaged weights, without those under
// minW in magnitude.
func averaged(ws map[uint32]*weightAcc, t float64, minW float32) *Model {
	keys := make([]uint32, 0, len(ws))
	for k, a := range ws {
		if w := a.w - a.u/t; math.Abs(w) >= float64(minW) && w != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	vals := make([]float32, len(keys))
	for i, k := range keys {
		a := ws[k]
		vals[i] = float32(a.w - a.u/t)
	}
	return newModel(keys, vals)
}

// trainUnits tokenizes one training text into stretches as Annotate does
// and marks the rules' and the gold breaks.
func (sg *Segmenter) trainUnits(ctx context.Context, tx TrainText, stats *TrainStats) ([]trainUnit, error) {
	doc := &dateline.Document{Text: tx.Text, Paragraphs: tx.Paragraphs}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	starts := slices.Clone(tx.Starts)
	slices.Sort(starts)
	t := tokenizer{sg: sg, text: tx.Text}
	var out []trainUnit
	for _, u := range sg.units(doc) {
		lo := len(t.toks)
		t.run(u.span.Start, u.span.End)
		hi := len(t.toks)
		if hi-lo < 2 || u.special {
			continue
		}
		out = append(out, trainUnit{lo: lo, hi: hi, rule: make([]mark, hi-lo), gold: make([]bool, hi-lo)})
	}
	for i := range out {
		u := &out[i]
		u.toks = t.toks
		sg.ruleBreaks(t.toks, u.lo, u.hi, u.rule)
		for k := u.lo + 1; k < u.hi; k++ {
			stats.Gaps++
			_, found := slices.BinarySearch(starts, t.toks[k].Span.Start)
			u.gold[k-u.lo] = found
			if found && t.toks[k].Span.Start > t.toks[k-1].Span.End {
				stats.Breaks++
				if u.rule[k-u.lo] != markNone {
					stats.Rules++
				}
			}
		}
		// Count the candidates along the gold sentences.
		brk := slices.Clone(u.rule)
		sg.walkGaps(t.toks, u.lo, u.hi, brk, nil, func(k int, _ []uint32) bool {
			stats.Candidates++
			if u.gold[k-u.lo] && u.rule[k-u.lo] == markNone {
				stats.Looked++
			}
			return u.gold[k-u.lo]
		})
	}
	return out, nil
}
