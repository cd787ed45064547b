package coder

import (
	"fmt"

	"github.com/dateline-news/dateline/cameo"
)

// maxClimb bounds every walk up the tree, so that malformed heads (cycles)
// cannot loop.
const maxClimb = 12

// match is a pattern that fired at a trigger token.
type match struct {
	p       *cameo.Pattern
	trigger int
	host    int // the verb whose clause carries the event: the trigger itself, or a noun trigger's host
	tried   int
}

// wordIs reports whether token i is word w (its lemma or its text), or a
// member of w when w is a set.
func (c *Coder) wordIs(s *sent, i int, w string) bool {
	if len(w) > 0 && w[0] == '&' {
		for _, m := range c.Dict.Sets[w] {
			if c.phraseIs(s, i, m) {
				return true
			}
		}
		return false
	}
	return w == s.lemma(i) || w == s.word(i)
}

// phraseIs matches a set member that may be a phrase "mod_head".
func (c *Coder) phraseIs(s *sent, i int, m string) bool {
	j := len(m) - 1
	for j >= 0 && m[j] != '_' {
		j--
	}
	if j < 0 {
		return m == s.lemma(i) || m == s.word(i)
	}
	h := m[j+1:]
	if h != s.lemma(i) && h != s.word(i) {
		return false
	}
	// the modifiers are the words right before the head, in order
	pos := i - 1
	for mods := m[:j]; len(mods) > 0; pos-- {
		k := len(mods) - 1
		for k >= 0 && mods[k] != '_' {
			k--
		}
		if pos < s.start || !c.wordIs(s, pos, mods[k+1:]) {
			return false
		}
		if k < 0 {
			break
		}
		mods = mods[:k]
	}
	return true
}

// termIs reports whether token i satisfies t.
func (c *Coder) termIs(s *sent, i int, t cameo.Term) bool {
	if i < 0 {
		return false
	}
	if !t.Any && !c.wordIs(s, i, t.Head) && !c.compoundIs(s, i, t.Head) {
		return false
	}
	// the modifiers are the words right before the head, in order
	// ("diplomatic ties", not "diplomatic and trade ties")
	for k := range t.Mods {
		pos := i - len(t.Mods) + k
		if pos < s.start || !c.wordIs(s, pos, t.Mods[k]) {
			return false
		}
	}
	return true
}

// compoundIs reports whether a compound modifier of i is w: a noun
// compound names its kind ("artillery shells" are artillery).
func (c *Coder) compoundIs(s *sent, i int, w string) bool {
	for _, k := range s.children(i) {
		if s.rel(k) == "compound" && s.isNominal(k) && s.tok(k).POS != "PROPN" && c.wordIs(s, k, w) {
			return true
		}
	}
	return false
}

// hasParticle reports whether verb v has particle prt.
func (s *sent) hasParticle(v int, prt string) bool {
	for _, k := range s.children(v) {
		switch s.rel(k) {
		case "compound:prt", "advmod", "prt":
			if s.word(k) == prt {
				return true
			}
		}
	}
	return false
}

// antecedent returns the noun a relative clause v modifies when its
// argument k is the relative pronoun ("her husband, who was arrested",
// "the man whom police detained"), else k. A relative clause the parse
// hangs on a verb, or makes the root, takes the noun just before the
// pronoun ("Oleg Petrov, who was detained"); an interrogative "who"
// after a verb ("asked who was arrested") has none and stays.
func (s *sent) antecedent(v, k int) int {
	if !relPronoun[s.lemma(k)] || k <= s.start {
		return k
	}
	if h := s.head(v); h >= 0 && s.base(v) == "acl" && s.isNominal(h) && h < k {
		return h
	}
	if s.lemma(k) == "that" {
		return k // outside a relative clause, "that" is mostly a complementiser
	}
	j := k - 1
	if s.word(j) == "," && j > s.start {
		j--
	}
	if s.isNominal(j) && s.doc.Tokens[j].POS != "PRON" {
		return j
	}
	return k
}

// objOf returns the object of verb v: its obj, or its passive subject; a
// conjoined verb without one shares its first conjunct's ("condemned and
// rejected the plan").
func (s *sent) objOf(v int) int {
	first := -1
	for _, k := range s.children(v) {
		if r := s.rel(k); r == "obj" || r == "dobj" {
			if k > v {
				return k // an object follows its verb; one before it is a misparse
			}
			if first < 0 {
				first = k
			}
		}
	}
	if first >= 0 {
		return s.antecedent(v, first)
	}
	if o := s.child(v, "nsubj:pass"); o >= 0 {
		return s.antecedent(v, o)
	}
	if s.base(v) == "conj" && s.child(v, "nsubj") < 0 {
		if g := s.head(v); g >= 0 && s.isVerb(g) {
			if o := s.child(g, "obj", "dobj"); o > v { // after both verbs: shared
				return o
			}
		}
	}
	return -1
}

// prepArgs returns the arguments of i introduced by preposition prep:
// oblique and nominal modifiers of i and, for a verb, of its object.
func (s *sent) prepArgs(i int, prep string, out []int) []int {
	add := func(h int) {
		for _, k := range s.children(h) {
			switch s.base(k) {
			case "obl", "nmod", "advcl", "acl", "iobj", "xcomp":
				if s.caseOf(k) == prep || prep == "by" && s.rel(k) == "obl:agent" {
					out = append(out, k)
				}
			}
		}
	}
	add(i)
	if s.isVerb(i) {
		if o := s.child(i, "obj", "dobj"); o >= 0 {
			add(o)
		}
	}
	return out
}

// roleArgs returns the tokens that fill role for a pattern at trigger t
// hosted by host.
func (c *Coder) roleArgs(s *sent, t, host int, role string) []int {
	switch role {
	case "obj":
		if o := s.objOf(t); o >= 0 {
			return []int{o}
		}
		if host != t {
			if o := s.objOf(host); o >= 0 && o != t {
				return []int{o}
			}
		}
		return nil
	case "subj":
		if k := s.child(t, "nsubj"); k >= 0 {
			return []int{k}
		}
		return nil
	case "case":
		return []int{t}
	case "pred":
		if h := s.head(t); h >= 0 && s.base(t) == "nsubj" {
			return []int{h}
		}
		return nil
	case "poss":
		if k := s.child(t, "nmod:poss"); k >= 0 {
			return []int{k}
		}
		return nil
	case "none":
		return nil
	case "ccomp":
		// "demanded that the United States match ...": the complement
		// clause's subject
		var out []int
		for _, k := range s.children(t) {
			// a clause with a subject of its own, however the parse
			// labelled it ("demanded that Ecuador withdraw" as xcomp)
			if b := s.base(k); b == "ccomp" || b == "xcomp" {
				if sb := s.child(k, "nsubj", "nsubj:pass"); sb >= 0 {
					out = append(out, sb)
				}
			}
		}
		return out
	case "modal":
		// "said that Sudan must return ...": the complement's modal
		var out []int
		for _, k := range s.children(t) {
			if s.base(k) == "ccomp" {
				for _, a := range s.children(k) {
					if s.base(a) == "aux" {
						out = append(out, a)
					}
				}
			}
		}
		return out
	}
	out := s.prepArgs(t, role, nil)
	if host != t {
		out = s.prepArgs(host, role, out)
	}
	return out
}

// condHolds reports whether cond holds at trigger t hosted by host.
func (c *Coder) condHolds(s *sent, t, host int, cd cameo.Cond) bool {
	switch cd.Role {
	case "case":
		return s.caseOf(t) == cd.Term.Head || cd.Term.Any && s.caseOf(t) != ""
	case "pred":
		h := s.head(t)
		return h >= 0 && s.base(t) == "nsubj" && c.termIs(s, h, cd.Term)
	case "prt":
		return cd.Term.Any || s.hasParticle(t, cd.Term.Head)
	}
	for _, a := range c.roleArgs(s, t, host, cd.Role) {
		if c.termIs(s, a, cd.Term) {
			return true
		}
	}
	return false
}

// verbArgs are a verb's object, subject and prepositional arguments.
type verbArgs struct {
	obj, subj int
	preps     []prepArg
}

type prepArg struct {
	prep string
	tok  int
}

func (s *sent) verbArgs(v int) *verbArgs {
	a := &verbArgs{obj: s.objOf(v), subj: s.child(v, "nsubj")}
	add := func(h int) {
		for _, k := range s.children(h) {
			switch s.base(k) {
			case "obl", "nmod", "advcl", "acl", "iobj", "xcomp":
				cs := s.caseOf(k)
				if s.rel(k) == "obl:agent" {
					cs = "by"
				}
				if cs != "" {
					a.preps = append(a.preps, prepArg{cs, k})
				}
			}
		}
	}
	add(v)
	if o := s.child(v, "obj", "dobj"); o >= 0 {
		add(o)
	}
	return a
}

// verbCondHolds is condHolds for a verb trigger, over its arguments read
// once.
func (c *Coder) verbCondHolds(s *sent, t int, a *verbArgs, cd cameo.Cond) bool {
	switch cd.Role {
	case "obj":
		return a.obj >= 0 && c.termIs(s, a.obj, cd.Term)
	case "subj":
		return a.subj >= 0 && c.termIs(s, a.subj, cd.Term)
	case "case", "pred", "prt", "poss", "none", "modal", "ccomp":
		return c.condHolds(s, t, t, cd)
	}
	for _, pa := range a.preps {
		if pa.prep == cd.Role && c.termIs(s, pa.tok, cd.Term) {
			return true
		}
	}
	return false
}

// hostOf finds the verb whose clause carries a noun trigger t for pattern
// p, or -1 with the reason.
func (c *Coder) hostOf(s *sent, t int, p *cameo.Pattern) (int, string) {
	for _, cd := range p.Conds {
		switch cd.Role {
		case "case":
			if !c.condHolds(s, t, t, cd) {
				return -1, fmt.Sprintf("not introduced by %q", cd.Term.Head)
			}
			h := s.head(t)
			for n := 0; h >= 0 && n < maxClimb; n++ {
				if s.isVerb(h) {
					return h, ""
				}
				h = s.head(h)
			}
			return -1, "no verb above the prepositional phrase"
		case "pred":
			if !c.condHolds(s, t, t, cd) {
				return -1, "not the subject of the predicate " + cd.Term.String()
			}
			return s.head(t), ""
		}
	}
	h := s.head(t)
	if h < 0 {
		return -1, "the event noun has no governing verb"
	}
	switch s.rel(t) {
	case "obj", "dobj", "nsubj:pass":
	default:
		return -1, fmt.Sprintf("the event noun is %s of %q, not the object of a light verb", s.rel(t), s.tok(h).Text)
	}
	if !c.Dict.Light[s.lemma(h)] {
		return -1, fmt.Sprintf("%q is not a light verb (%%light)", s.tok(h).Text)
	}
	return h, ""
}

// best returns the most specific pattern of ps that holds at t (ps is
// ordered most specific first, so the first that holds), the number tried,
// and why none did.
func (c *Coder) best(s *sent, t int, ps []*cameo.Pattern) (*match, string) {
	var m *match
	var args *verbArgs // the trigger's arguments, read once for all its patterns
	why := ""
	for _, p := range ps {
		host := t
		if p.Noun {
			h, reason := c.hostOf(s, t, p)
			switch {
			case h >= 0:
				host = h
			case p.Free:
				host = t // "the attack on the base": the noun is the event
			default:
				why = reason
				continue
			}
		} else if p.Particle != "" && !s.hasParticle(t, p.Particle) {
			continue
		}
		ok := true
		for _, cd := range p.Conds {
			if !p.Noun {
				if args == nil {
					args = s.verbArgs(t)
				}
				if !c.verbCondHolds(s, t, args, cd) {
					ok = false
					break
				}
				continue
			}
			if !c.condHolds(s, t, host, cd) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		m = &match{p: p, trigger: t, host: host}
		break
	}
	if m != nil {
		m.tried = len(ps)
		return m, ""
	}
	if why == "" {
		why = "no pattern's conditions held"
	}
	return nil, why
}
