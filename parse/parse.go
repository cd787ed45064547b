package parse

import (
	"context"

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

// Parse sets Head and Rel of every word of one sentence.
func (p *Parser) Parse(words []Word) {
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
