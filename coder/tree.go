package coder

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dateline-news/dateline"
)

// index holds what the coder looks up across a document: which entity
// covers each token.
type index struct {
	tokEnt []int // entity index covering each token, -1 when none
}

func newIndex(doc *dateline.Document) *index {
	ix := &index{tokEnt: make([]int, len(doc.Tokens))}
	for i := range ix.tokEnt {
		ix.tokEnt[i] = -1
	}
	toks := doc.Tokens
	for ei := range doc.Entities {
		e := &doc.Entities[ei]
		for _, m := range e.Mentions {
			i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > m.Span.Start })
			for ; i < len(toks) && toks[i].Span.Start < m.Span.End; i++ {
				prev := ix.tokEnt[i]
				// an entity with an actor code beats one without; otherwise
				// the shorter (more specific) mention's entity stays
				if prev < 0 || (doc.Entities[prev].Actor == "" && e.Actor != "") {
					ix.tokEnt[i] = ei
				}
			}
		}
	}
	return ix
}

// sent is one sentence prepared for matching.
type sent struct {
	doc        *dateline.Document
	ix         *index
	si         int
	start, end int      // token range
	kids       [][]int  // children (document token indexes) of each token, by offset
	lem, wrd   []string // lower-case lemma and text of each token, by offset
	// prior are the events of the sentences before, in text order: what
	// "the decision" or "the withdrawal" may refer to
	prior []dateline.Event
}

func (c *Coder) sentence(doc *dateline.Document, ix *index, si int) *sent {
	r := doc.Sentences[si].Tokens
	if r.Start < 0 || r.End > len(doc.Tokens) || r.Start >= r.End {
		return nil
	}
	if c.MaxSentenceTokens > 0 && r.Len() > c.MaxSentenceTokens {
		doc.Notef("code", doc.Sentences[si].Span, "sentence of %d tokens: coded on its first %d", r.Len(), c.MaxSentenceTokens)
		r.End = r.Start + c.MaxSentenceTokens
	}
	s := &sent{doc: doc, ix: ix, si: si, start: r.Start, end: r.End, kids: make([][]int, r.Len()),
		lem: make([]string, r.Len()), wrd: make([]string, r.Len())}
	for i := r.Start; i < r.End; i++ {
		if h := s.head(i); h >= 0 {
			s.kids[h-s.start] = append(s.kids[h-s.start], i)
		}
		t := &doc.Tokens[i]
		s.wrd[i-s.start] = lower(t.Text)
		s.lem[i-s.start] = s.wrd[i-s.start]
		if t.Lemma != "" {
			s.lem[i-s.start] = lower(t.Lemma)
		}
	}
	return s
}

// head returns the head of token i, or -1 for a root, a head outside the
// sentence or a self-loop.
func (s *sent) head(i int) int {
	h := s.doc.Tokens[i].Head
	if h < s.start || h >= s.end || h == i {
		return -1
	}
	return h
}

func (s *sent) tok(i int) *dateline.Token { return &s.doc.Tokens[i] }

func (s *sent) children(i int) []int {
	if i < s.start || i >= s.end {
		return nil
	}
	return s.kids[i-s.start]
}

// rel returns the relation of i, lower case.
func (s *sent) rel(i int) string { return s.doc.Tokens[i].Rel }

// base returns the relation of i without its subtype ("nsubj:pass" → "nsubj").
func (s *sent) base(i int) string {
	r := s.doc.Tokens[i].Rel
	if j := strings.IndexByte(r, ':'); j >= 0 {
		return r[:j]
	}
	return r
}

// lemma returns the lower-case lemma of i, or its lower-case text.
func (s *sent) lemma(i int) string {
	if i >= s.start && i < s.end {
		return s.lem[i-s.start]
	}
	return ""
}

func (s *sent) word(i int) string {
	if i >= s.start && i < s.end {
		return s.wrd[i-s.start]
	}
	return ""
}

// isVerb reports whether i is a verb (or an auxiliary heading its clause).
func (s *sent) isVerb(i int) bool {
	t := &s.doc.Tokens[i]
	if t.POS != "" {
		return t.POS == "VERB"
	}
	return strings.HasPrefix(t.Tag, "VB")
}

// isNominal reports whether i can head a noun phrase.
func (s *sent) isNominal(i int) bool {
	switch s.doc.Tokens[i].POS {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "":
		return true
	}
	return false
}

// child returns the first child of i whose relation is one of rels, or -1.
func (s *sent) child(i int, rels ...string) int {
	for _, k := range s.children(i) {
		r := s.rel(k)
		for _, want := range rels {
			if r == want {
				return k
			}
		}
	}
	return -1
}

// caseOf returns the preposition (case or mark) that introduces i, lower case.
func (s *sent) caseOf(i int) string {
	for _, k := range s.children(i) {
		if r := s.rel(k); r == "case" || r == "mark" {
			w := s.word(k)
			if w == "'s" || w == "’s" || w == "'" || w == "to" && s.isVerb(i) {
				continue
			}
			return w
		}
	}
	return ""
}

// hasMark reports whether i has a case or mark child with word w.
func (s *sent) hasMark(i int, w string) bool {
	for _, k := range s.children(i) {
		if r := s.rel(k); (r == "case" || r == "mark") && s.word(k) == w {
			return true
		}
	}
	return false
}

func (s *sent) isPassive(v int) bool {
	for _, k := range s.children(v) {
		switch s.rel(k) {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
	}
	return strings.Contains(s.doc.Tokens[v].Feats, "Voice=Pass")
}

// actorList describes the actors of the sentence, for explanations.
func (s *sent) actorList() []string {
	var out []string
	last := -1
	for i := s.start; i < s.end; i++ {
		e := s.ix.tokEnt[i]
		if e < 0 || e == last {
			last = e
			continue
		}
		last = e
		ent := &s.doc.Entities[e]
		a := ent.Actor
		if a == "" {
			a = "no actor code"
		}
		why := ""
		if ent.Basis != "" {
			why = ": " + ent.Basis // how the actor stage chose the code
		}
		out = append(out, fmt.Sprintf("%s=%s (%s %s%s)", s.doc.Tokens[i].Text, a, ent.ID, ent.Name, why))
	}
	return out
}
