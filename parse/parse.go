package parse

import (
	"context"
	"math"
	"slices"
	"sync"

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
	sc := p.scratch()
	defer scratchPool.Put(sc)
	sc.sent.reset(words)
	if p.Beam > 1 && len(words) <= BeamWords {
		st := p.beam(sc, p.Beam)
		p.finish(words, st)
		sc.free = append(sc.free, st)
		return
	}
	// greedily; with the scores of the sentence's groups unless it is so
	// long that their tables would be large
	memo := len(words) <= memoWords
	if memo {
		sc.newMemos()
	}
	st := sc.take()
	st.init(&sc.sent)
	var scores [nTrans]float32
	var legal [nTrans]bool
	for !st.done() {
		st.legal(&legal)
		if memo {
			scores = p.transScores(sc, st)
		} else {
			sc.feats = st.features(sc.feats[:0])
			scores = p.score(sc.feats)
		}
		t := perceptron.Best(scores[:], legal[:])
		st.apply(t, p.chooseLabel(sc, st, t, memo))
	}
	p.finish(words, st)
	sc.free = append(sc.free, st)
}

// memoWords is the longest sentence parsed with the scores of its feature
// groups kept (tables of (n+2)² entries).
const memoWords = 250

// scratch is the memory one Parse call works in, kept between calls.
type scratch struct {
	sent    sentence
	free    []*state // states to reuse
	feats   []uint64
	lscores []float32
	cands   []cand
	beam    []item
	next    []item

	// scores of feature groups (state.go) for the sentence being parsed,
	// valid when their gen is the current one: by s0, by b0, by s0 and b0,
	// by s1 and s0 (both indexed i*(n+2)+j) and by child role and word
	gen   uint32
	s0    []memo
	b0    []memo
	s0b0  []memo
	s1s0  []memo
	child [len(childRoles)][]memo
	side  [nSides][]memo // side groups of words with no children there
	// relation chosen for each labelKey met, and the scores of the label
	// features of each (dependent, head) pair at rows[at:at+len(labels)]
	labels map[labelKey]int32
	pairs  map[int32]int32
	rows   []float32
}

type memo struct {
	gen uint32
	w   [nTrans]float32
}

type item struct {
	st    *state
	score float32
}

type cand struct {
	from, t int
	score   float32
}

var scratchPool sync.Pool

func (p *Parser) scratch() *scratch {
	sc, _ := scratchPool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	sc.lscores = grow(sc.lscores, len(p.labels))
	return sc
}

// take returns a state to reuse.
func (sc *scratch) take() *state {
	if n := len(sc.free); n > 0 {
		st := sc.free[n-1]
		sc.free = sc.free[:n-1]
		return st
	}
	return &state{}
}

// newMemos starts the group scores of a new sentence.
func (sc *scratch) newMemos() {
	m := sc.sent.n + 2
	sc.s0 = grow(sc.s0, m)
	sc.b0 = grow(sc.b0, m)
	sc.s0b0 = grow(sc.s0b0, m*m)
	sc.s1s0 = grow(sc.s1s0, m*m)
	for r := range sc.child {
		sc.child[r] = grow(sc.child[r], m)
	}
	for g := range sc.side {
		sc.side[g] = grow(sc.side[g], m)
	}
	if sc.labels == nil {
		sc.labels, sc.pairs = map[labelKey]int32{}, map[int32]int32{}
	}
	clear(sc.labels)
	clear(sc.pairs)
	sc.rows = sc.rows[:0]
	sc.gen++
	if sc.gen == 0 {
		// the counter wrapped: forget everything
		clear(sc.s0)
		clear(sc.b0)
		clear(sc.s0b0)
		clear(sc.s1s0)
		for r := range sc.child {
			clear(sc.child[r])
		}
		for g := range sc.side {
			clear(sc.side[g])
		}
		sc.gen = 1
	}
}

// transScores returns the transition scores of st, from the group scores
// of the sentence, computing those it has not met yet.
func (p *Parser) transScores(sc *scratch, st *state) [nTrans]float32 {
	var out [nTrans]float32
	// use adds the scores of a group, scoring the features feats appends
	// when e holds none for this sentence
	use := func(e *memo, feats func([]uint64) []uint64) {
		if e.gen != sc.gen {
			sc.feats = feats(sc.feats[:0])
			e.w, e.gen = p.score(sc.feats), sc.gen
		}
		for t := range out {
			out[t] += e.w[t]
		}
	}
	m := st.n + 2
	i0, i1, j0 := st.s(0), st.s(1), st.buf(0)
	use(&sc.s0[i0], func(f []uint64) []uint64 { return st.s0Features(f, i0) })
	use(&sc.b0[j0], func(f []uint64) []uint64 { return st.b0Features(f, j0) })
	use(&sc.s0b0[i0*m+j0], func(f []uint64) []uint64 { return st.pairFeatures(f, i0, j0) })
	use(&sc.s1s0[i1*m+i0], func(f []uint64) []uint64 { return st.s1s0Features(f, i1, i0) })
	for r, c := range st.roleChildren() {
		use(&sc.child[r][c], func(f []uint64) []uint64 { return childFeatures(f, r, &st.nodes[c]) })
	}
	for g := range nSides {
		if x := st.sideWord(g); st.bare(g, x) {
			use(&sc.side[g][x], func(f []uint64) []uint64 { return st.sideFeatures(f, g, x) })
		}
	}
	// the side groups of words with children, with the rest
	sc.feats = append(sc.feats[:0], 1)
	for g := range nSides {
		if x := st.sideWord(g); !st.bare(g, x) {
			sc.feats = st.sideFeatures(sc.feats, g, x)
		}
	}
	sc.feats = st.restFeatures(sc.feats)
	w := p.score(sc.feats)
	for t := range out {
		out[t] += w[t]
	}
	return out
}

// score returns the transition scores of feats.
func (p *Parser) score(feats []uint64) [nTrans]float32 {
	var s [nTrans]float32
	for _, m := range p.trans {
		m.Score(feats, s[:])
	}
	return s
}

// finish copies the heads and relations of a final state to words.
func (p *Parser) finish(words []Word, st *state) {
	for i := range words {
		h := int(st.head[i])
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
// t builds, or 0 for a shift. When the beam has started the memos of the
// sentence (memo), relations and label scores found before are reused.
func (p *Parser) chooseLabel(sc *scratch, st *state, t int, memo bool) int {
	if t == shift {
		return 0
	}
	d, h := st.arc(t)
	if h == st.n && p.root >= 0 {
		return p.root + 1
	}
	scores := sc.lscores
	var key labelKey
	if memo {
		key = st.labelKey(d, h)
		if r, ok := sc.labels[key]; ok {
			return int(r)
		}
		pk := int32(d*(st.n+2) + h)
		at, ok := sc.pairs[pk]
		if !ok {
			at = int32(len(sc.rows))
			sc.rows = append(sc.rows, make([]float32, len(scores))...)
			sc.feats = st.labelPairFeatures(sc.feats[:0], d, h)
			for _, m := range p.label {
				m.Score(sc.feats, sc.rows[at:])
			}
			sc.pairs[pk] = at
		}
		copy(scores, sc.rows[at:])
		sc.feats = st.labelRestFeatures(sc.feats[:0], d, h)
	} else {
		clear(scores)
		sc.feats = st.labelFeatures(sc.feats[:0], d, h)
	}
	for _, m := range p.label {
		m.Score(sc.feats, scores)
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
	if memo {
		sc.labels[key] = int32(best + 1)
	}
	return best + 1
}

// beam parses the sentence of sc keeping the k best partial parses by the
// sum of their transition scores; each arc is labelled as it is built.
func (p *Parser) beam(sc *scratch, k int) *state {
	sc.newMemos()
	st := sc.take()
	st.init(&sc.sent)
	beam := append(sc.beam[:0], item{st, 0})
	next := sc.next[:0]
	var legal [nTrans]bool
	for !beam[0].st.done() {
		cands := sc.cands[:0]
		for bi, it := range beam {
			it.st.legal(&legal)
			scores := p.transScores(sc, it.st)
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
		next = next[:0]
		for _, c := range cands[:min(k, len(cands))] {
			st := sc.take()
			st.copyFrom(beam[c.from].st)
			st.apply(c.t, p.chooseLabel(sc, st, c.t, true))
			next = append(next, item{st, c.score})
		}
		for _, it := range beam {
			sc.free = append(sc.free, it.st)
		}
		beam, next = next, beam
		sc.cands = cands
	}
	best := beam[0].st
	for _, it := range beam[1:] {
		sc.free = append(sc.free, it.st)
	}
	sc.beam, sc.next = beam[:0], next[:0]
	return best
}
