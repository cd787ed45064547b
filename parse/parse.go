package parse

import (
	"context"
	"math"
	"slices"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/perceptron"
)

// Word is one word of a sentence to parse: the parser reads Form, UPOS and
// XPOS and sets Head (0-based index in the sentence, -1 for the root) and
// Rel.
type Word struct {
	Form, UPOS, XPOS string
	Head             int
	Rel              string
}

// Parser builds labelled dependency trees. It is safe for concurrent use.
type Parser struct {
	// one model of each kind per ensemble member; their scores add up
	trans  []*perceptron.Model // shift, left, right
	label  []*perceptron.Model // one class per relation
	labels []string
	root   int // index of "root" in labels, -1 when absent

	// Beam is how many partial parses Parse keeps for sentences of at most
	// BeamWords words (DefaultBeam unless changed); 1 parses greedily, about
	// twice as fast for about 0.5 UAS less.
	Beam int
}

// Transitions of the arc-hybrid system.
const (
	shift = iota
	left  // s0 ← b0, pop s0
	right // s1 → s0, pop s0
	nTrans
)

// Annotate parses every sentence of doc, filling Token.Head (a document
// index, -1 for the root) and Token.Rel.
func (p *Parser) Annotate(ctx context.Context, doc *dateline.Document) error {
	var words []Word
	for _, s := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := s.Tokens
		if r.Start < 0 || r.End > len(doc.Tokens) || r.Start >= r.End {
			continue
		}
		words = words[:0]
		for _, tk := range doc.Tokens[r.Start:r.End] {
			words = append(words, Word{Form: tk.Text, UPOS: tk.POS, XPOS: tk.Tag})
		}
		p.Parse(words)
		for i, w := range words {
			tk := &doc.Tokens[r.Start+i]
			tk.Head, tk.Rel = -1, w.Rel
			if w.Head >= 0 {
				tk.Head = r.Start + w.Head
			}
			tk.Feats = voice(tk.Feats, tk.Tag, words, i)
		}
	}
	return nil
}

// voice marks a past participle passive (Voice=Pass) when the parse gives
// it a passive auxiliary or subject, as UD English does.
func voice(feats, xpos string, words []Word, i int) string {
	if xpos != "VBN" {
		return feats
	}
	pass := false
	for j := range words {
		if words[j].Head == i && (words[j].Rel == "aux:pass" || words[j].Rel == "nsubj:pass" || words[j].Rel == "csubj:pass") {
			pass = true
			break
		}
	}
	if !pass && (words[i].Rel == "acl" || words[i].Rel == "amod") {
		pass = true
	}
	has := false
	if len(feats) >= len("Voice=Pass") && feats[len(feats)-len("Voice=Pass"):] == "Voice=Pass" {
		has = true
	}
	switch {
	case pass && !has:
		if feats == "" || feats == "_" {
			return "Voice=Pass"
		}
		return feats + "|Voice=Pass"
	case !pass && has:
		f := feats[:len(feats)-len("Voice=Pass")]
		if len(f) > 0 && f[len(f)-1] == '|' {
			f = f[:len(f)-1]
		}
		return f
	}
	return feats
}

// DefaultBeam is how many partial parses Parse keeps for sentences of at
// most BeamWords words; longer ones are parsed greedily, in linear time.
//
// The perceptron was trained greedily, so its scores are margins, not
// probabilities: the beam ranks parses by the sum of the log-softmax of
// the scores divided by BeamTemp (tuned on EWT and GUM dev: 85.03 → 85.69
// and 85.87 → 86.18 UAS).
const (
	DefaultBeam = 4
	BeamWords   = 120
	BeamTemp    = 60
)

// Parse sets Head and Rel of every word of one sentence.
func (p *Parser) Parse(words []Word) {
	if p.Beam > 1 && len(words) <= BeamWords {
		p.finish(words, p.beam(words, p.Beam))
		return
	}
	st := newState(words, len(p.labels))
	feats := make([]uint64, 0, 128)
	scores := make([]float32, nTrans)
	lscores := make([]float32, len(p.labels))
	var legal [nTrans]bool
	for !st.done() {
		st.legal(&legal)
		feats = st.features(feats[:0])
		clear(scores)
		for _, m := range p.trans {
			m.Score(feats, scores)
		}
		t := perceptron.Best(scores, legal[:])
		st.apply(t, p.chooseLabel(st, t, &feats, lscores))
	}
	p.finish(words, st)
}

// finish copies the heads and relations of a final state to words.
func (p *Parser) finish(words []Word, st *state) {
	for i := range words {
		h := st.head[i]
		if h == st.n {
			h = -1
		}
		words[i].Head = h
		if st.rel[i] > 0 {
			words[i].Rel = p.labels[st.rel[i]-1]
		} else {
			words[i].Rel = "dep"
		}
	}
}

// chooseLabel returns the relation (1-based) for the arc that transition
// t builds, or 0 for a shift.
func (p *Parser) chooseLabel(st *state, t int, feats *[]uint64, scores []float32) int {
	if t == shift {
		return 0
	}
	d, h := st.arc(t)
	*feats = st.labelFeatures((*feats)[:0], d, h)
	clear(scores)
	for _, m := range p.label {
		m.Score(*feats, scores)
	}
	if h == st.n && p.root >= 0 {
		return p.root + 1
	}
	best := -1
	for c, s := range scores {
		if c == p.root {
			continue
		}
		if best < 0 || s > scores[best] {
			best = c
		}
	}
	return best + 1
}

// beam parses words keeping the k best partial parses by the sum of their
// transition scores; each arc is labelled as it is built.
func (p *Parser) beam(words []Word, k int) *state {
	type item struct {
		st    *state
		score float32
	}
	type cand struct {
		from, t int
		score   float32
	}
	beam := []item{{newState(words, len(p.labels)), 0}}
	feats := make([]uint64, 0, 128)
	scores := make([]float32, nTrans)
	lscores := make([]float32, len(p.labels))
	var cands []cand
	var legal [nTrans]bool
	for !beam[0].st.done() {
		cands = cands[:0]
		for bi, it := range beam {
			it.st.legal(&legal)
			feats = it.st.features(feats[:0])
			clear(scores)
			for _, m := range p.trans {
				m.Score(feats, scores)
			}
			// log-softmax over the legal transitions
			for t := range scores {
				scores[t] /= BeamTemp
			}
			var mx float32 = -math.MaxFloat32
			for t := range nTrans {
				if legal[t] {
					mx = max(mx, scores[t])
				}
			}
			var z float64
			for t := range nTrans {
				if legal[t] {
					z += math.Exp(float64(scores[t] - mx))
				}
			}
			lz := mx + float32(math.Log(z))
			for t := range nTrans {
				if legal[t] {
					cands = append(cands, cand{bi, t, it.score + scores[t] - lz})
				}
			}
		}
		slices.SortStableFunc(cands, func(a, b cand) int {
			switch {
			case a.score > b.score:
				return -1
			case a.score < b.score:
				return 1
			}
			return 0
		})
		next := make([]item, 0, k)
		for _, c := range cands[:min(k, len(cands))] {
			st := beam[c.from].st.clone()
			st.apply(c.t, p.chooseLabel(st, c.t, &feats, lscores))
			next = append(next, item{st, c.score})
		}
		beam = next
	}
	return beam[0].st
}
