package coder

import (
	"slices"
	"strings"

	"github.com/dateline-news/dateline/cameo"

	"github.com/dateline-news/dateline"
)

// part is one participant found at a token.
type part struct {
	p       dateline.Participant
	tok     int
	pronoun bool
}

// conjuncts returns h and the conjuncts coordinated with it (UD attaches
// them all to the first), at most max.
func (s *sent) conjuncts(h, max int) []int {
	out := []int{h}
	for n := 0; n < len(out) && len(out) < max; n++ {
		for _, k := range s.children(out[n]) {
			if s.rel(k) == "conj" && s.isNominal(k) && len(out) < max && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// entityAt returns the participant of the entity covering token i, looking
// also at the words that name it with i (flat, compound, appos).
func (s *sent) entityAt(i int) (part, bool) {
	try := func(j int) (part, bool) {
		e := s.ix.tokEnt[j]
		if e < 0 || s.doc.Entities[e].Actor == "" {
			return part{}, false
		}
		ent := &s.doc.Entities[e]
		pos := s.tok(j).POS
		return part{p: dateline.Participant{Actor: ent.Actor, Entity: ent.ID, Name: ent.Name}, tok: j,
			pronoun: pos == "PRON" || pos == "DET"}, true
	}
	if p, ok := try(i); ok {
		return p, true
	}
	// "Pakistan today threatened": the parse may hang the name on the
	// time word
	if timeWord[s.lemma(i)] {
		for _, k := range s.children(i) {
			if s.tok(k).POS == "PROPN" && k < i {
				if p, ok := try(k); ok {
					return p, true
				}
			}
		}
	}
	name := s.tok(i).POS == "PROPN"
	for _, k := range s.children(i) {
		switch s.rel(k) {
		case "compound":
			// "Jorge Arreaza", "the United States"; but "U.S. action" is no actor
			if !name {
				continue
			}
			fallthrough
		case "flat", "flat:name", "appos":
			if p, ok := try(k); ok {
				return p, true
			}
		}
	}
	return part{}, false
}

// actorsOf returns the participants a noun phrase headed by h refers to:
// one per conjunct. When lend is set, a conjunct that is not an actor
// ("support", "pullout", "a group of specialists") lends its possessor or
// of-modifier instead — only for arguments a pattern names, so that "discuss
// the opposition's attempt" does not make the opposition a participant.
func (c *Coder) actorsOf(s *sent, h, depth int, lend bool) []part {
	if h < 0 || depth > 2 {
		return nil
	}
	var out []part
	for _, k := range s.conjuncts(h, c.MaxMembers) {
		if s.negatedNominal(k) {
			continue // "not Russia but the United States"
		}
		if e := s.ix.tokEnt[k]; e < 0 || s.doc.Entities[e].Actor == "" {
			// "old foes Gondor and Osgiliath": the apposition names them
			if a := s.child(k, "appos"); a >= 0 {
				if ps := c.actorsOf(s, a, depth+1, lend); len(ps) > 0 {
					out = append(out, ps...)
					continue
				}
			}
		}
		if p, ok := s.entityAt(k); ok {
			out = append(out, p)
			continue
		}
		if !lend || !s.isNominal(k) && s.tok(k).POS != "ADJ" {
			continue
		}
		for _, m := range s.children(k) {
			r := s.rel(m)
			// "Macron's statement", "the act of the NTC", "G7 action"
			if r == "acl" && s.isVerb(m) {
				// "the declaration proposed by Hungary": its author
				if ag := s.child(m, "obl:agent"); ag >= 0 {
					if ps := c.actorsOf(s, ag, depth+1, false); len(ps) > 0 {
						out = append(out, ps...)
						break
					}
				}
				continue
			}
			// "an Australian ultimatum", "Israeli changes to the deal"
			nationality := depth == 0 && r == "amod" && m < k && s.ix.tokEnt[m] >= 0 && s.doc.Entities[s.ix.tokEnt[m]].Type == "GPE"
			if r == "nmod:poss" || (s.base(m) == "nmod" && (s.caseOf(m) == "of" || s.caseOf(m) == "for" || s.caseOf(m) == "to")) ||
				r == "compound" && m < k && s.tok(m).POS == "PROPN" || nationality {
				if ps := c.actorsOf(s, m, depth+1, true); len(ps) > 0 {
					out = append(out, ps...)
					break
				}
			}
		}
	}
	return out
}

// nounModifier reports whether clause v is an infinitive or participle
// modifying a noun ("efforts to promote", "the troops sent to"), not a
// clause of its own.
func nounModifier(s *sent, v int) bool {
	return s.base(v) == "acl" && !strings.Contains(s.tok(v).Feats, "VerbForm=Fin")
}

// subjectControl are the control kinds whose verbs control their
// complement by their subject, whatever object the parse gives them.
var subjectControl = map[string]bool{cameo.ControlIntent: true, cameo.ControlThreaten: true, cameo.ControlReject: true,
	cameo.ControlAttempt: true, cameo.ControlPlan: true, cameo.ControlFail: true}

// timeWord are nouns of time a parse may take for an argument.
var timeWord = map[string]bool{"today": true, "yesterday": true, "tomorrow": true, "tonight": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"week": true, "month": true, "year": true, "weekend": true, "morning": true, "evening": true, "night": true}

var relPronoun = map[string]bool{"who": true, "which": true, "that": true, "whom": true}

// sourceOf returns the participants doing what verb v says and the token
// they were found at, following control, coordination and modifiers; when
// the parse gives the clause no subject at all, the nearest actor before
// the verb in its sentence (a misparsed "The Palestinians reject ...").
func (c *Coder) sourceOf(s *sent, v int) ([]part, string) {
	ps, how := c.treeSource(s, v)
	// not for a clause that modifies a noun: it has no subject by grammar,
	// and its doer is the noun's ("efforts to promote a dialogue")
	if len(ps) == 0 && how == "no subject" && !nounModifier(s, v) {
		for k := v - 1; k >= s.start; k-- {
			if w := s.word(k); w == ";" || w == ":" || w == "\"" || w == "“" || w == "”" {
				break
			}
			if s.isVerb(k) && s.rel(k) != "amod" && s.rel(k) != "aux" {
				break // another clause's verb stands between
			}
			if p, ok := s.entityAt(k); ok && !p.pronoun {
				return []part{p}, "nearest actor before the verb (no subject in the parse)"
			}
		}
	}
	return ps, how
}

func (c *Coder) treeSource(s *sent, v int) ([]part, string) {
	for n := 0; v >= 0 && n < maxClimb; n++ {
		passive := s.isPassive(v)
		for _, k := range s.children(v) {
			r := s.rel(k)
			if r == "nsubj" || r == "nsubj:outer" {
				if relPronoun[s.lemma(k)] && s.base(v) == "acl" {
					if h := s.head(v); h >= 0 {
						return c.actorsOf(s, h, 0, true), "relative clause head"
					}
				}
				if a := s.antecedent(v, k); a != k {
					return c.actorsOf(s, a, 0, true), "the noun before the relative pronoun"
				}
				return c.actorsOf(s, k, 0, true), "subject"
			}
			if passive && (r == "obl:agent" || s.base(k) == "obl" && s.caseOf(k) == "by") {
				return c.actorsOf(s, k, 0, true), "by-agent of the passive"
			}
		}
		if passive && n == 0 {
			return nil, "passive without agent"
		}
		if passive {
			return nil, "no subject (the passive clause above has no agent)"
		}
		g := s.head(v)
		if g < 0 {
			return nil, "no subject"
		}
		switch s.base(v) {
		case "xcomp":
			// object control ("urged the military to take") else subject
			// control; promising, threatening, refusing and trying verbs
			// control by their subject ("Pakistan today threatened to
			// break off relations": "today" controls nothing)
			if o := s.child(g, "obj", "dobj"); o >= 0 && !subjectControl[c.Dict.Control[s.lemma(g)]] && !timeWord[s.lemma(o)] {
				return c.actorsOf(s, o, 0, true), "controller (object)"
			}
			v = g
		case "conj", "advcl":
			if !s.isVerb(g) {
				return nil, "no subject"
			}
			v = g
		case "acl":
			if ps := c.actorsOf(s, g, 0, false); len(ps) > 0 {
				return ps, "modified noun"
			}
			v = s.head(g)
		default:
			return nil, "no subject"
		}
	}
	return nil, "no subject"
}

// targetOf returns the target participants of match m.
func (c *Coder) targetOf(s *sent, m *match, src []part) ([]part, string) {
	ps, how := c.targetSearch(s, m, src, false)
	if len(ps) > 0 && !hasCountry(ps) {
		// "contribute 4,000 troops to a force in Liberia": a group with no
		// country as object is what is given or moved; a state named in
		// the other arguments is the target
		if qs, qhow := c.targetSearch(s, m, src, true); len(qs) > 0 && hasCountry(qs) {
			return qs, qhow
		}
		if t, ok := c.argState(s, m.host); ok {
			return []part{t}, "the state its arguments name (the object is a group with no country)"
		}
	}
	return ps, how
}

// argState returns the first state or place with a country among the
// arguments of clause v, two levels down, but for its subject: "contribute
// troops to a force in Liberia" goes to Liberia.
func (c *Coder) argState(s *sent, v int) (part, bool) {
	var walk func(h, depth int) (part, bool)
	walk = func(h, depth int) (part, bool) {
		for _, k := range s.children(h) {
			switch s.base(k) {
			case "nsubj", "csubj", "punct", "ccomp", "parataxis", "advcl":
				continue
			}
			if e := s.ix.tokEnt[k]; e >= 0 {
				ent := &s.doc.Entities[e]
				if (ent.Type == "GPE" || ent.Type == "LOC") && ent.Country != "" {
					return part{p: dateline.Participant{Actor: ent.Country, Entity: ent.ID, Name: ent.Name}, tok: k}, true
				}
			}
			if depth < 2 {
				if p, ok := walk(k, depth+1); ok {
					return p, true
				}
			}
		}
		return part{}, false
	}
	return walk(v, 0)
}

// hasCountry reports whether some participant's code names a state.
func hasCountry(ps []part) bool {
	for _, p := range ps {
		if len(p.p.Actor) >= 3 && isCountryCode(p.p.Actor[:3]) {
			return true
		}
	}
	return false
}

// targetSearch finds the target as targetOf says; with countried, only
// participants whose code names a state count.
func (c *Coder) targetSearch(s *sent, m *match, src []part, countried bool) ([]part, string) {
	t, host := m.trigger, m.host
	notSource := func(ps []part) []part {
		out := ps[:0:0]
		for _, p := range ps {
			if countried && (len(p.p.Actor) < 3 || !isCountryCode(p.p.Actor[:3])) {
				continue
			}
			same := false
			for _, q := range src {
				if q.p.Entity != "" && q.p.Entity == p.p.Entity || q.tok == p.tok {
					same = true
				}
				// "withdraw its troops from Lebanon": the source's own
				// forces are no target
				if ownedBySource(s, p.tok) && len(q.p.Actor) >= 3 && len(p.p.Actor) >= 3 && q.p.Actor[:3] == p.p.Actor[:3] {
					same = true
				}
			}
			if !same {
				out = append(out, p)
			}
		}
		return out
	}
	if m.p.Target != "" {
		if m.p.Target == "none" {
			return nil, "pattern names no target"
		}
		for _, a := range c.roleArgs(s, t, host, m.p.Target) {
			if ps := notSource(c.actorsOf(s, a, 0, true)); len(ps) > 0 {
				return ps, m.p.Target
			}
		}
		if m.p.Target != "obj" {
			return nil, "no actor in role " + m.p.Target
		}
	}
	// default search: a noun's possessor, the object, then prepositional
	// arguments
	if m.p.Noun {
		if k := s.child(t, "nmod:poss"); k >= 0 {
			if ps := notSource(c.actorsOf(s, k, 0, true)); len(ps) > 0 {
				return ps, "possessor"
			}
		}
	}
	if o := s.objOf(t); o >= 0 {
		// "opposed Macron's statement", "condemned the act of the NTC": what
		// is said about a thing is said about its owner
		lend := named(m.p, "obj") || lendsOwner(m.p.Code)
		if ps := notSource(c.actorsOf(s, o, 0, lend)); len(ps) > 0 {
			return ps, "object"
		}
	}
	// "opposed the withdrawal", "criticized the decision": a definite act
	// named before, with no owner of its own, is the act of the last actor
	// that did something in the text
	if o := s.objOf(t); o >= 0 && lendsOwner(m.p.Code) && actReference[s.lemma(o)] && s.child(o, "nmod:poss") < 0 {
		if p, ok := lastDoer(s, src); ok {
			return []part{p}, "the doer of the act named before"
		}
	}
	// deeper: a nominal modifier of the object's modifiers ("welcomed the
	// resumption of ties with Osgiliath")
	if o := s.objOf(t); o >= 0 {
		if ps, how := c.deepTarget(s, o, 0, notSource); len(ps) > 0 {
			return ps, how
		}
	}
	for _, h := range []int{t, host} {
		for _, k := range s.children(h) {
			switch s.base(k) {
			case "iobj":
			case "obl", "nmod":
				if !c.TargetPreps[s.caseOf(k)] {
					continue
				}
			default:
				continue
			}
			if ps := notSource(c.actorsOf(s, k, 0, named(m.p, s.caseOf(k)))); len(ps) > 0 {
				return ps, s.caseOf(k) + "-argument"
			}
		}
		if host == t {
			break
		}
	}
	// "demanded that the United States match ...", "warned that Israel
	// would pay": the subject of the complement clause
	if r := cameo.Root(m.p.Code); r <= "05" || r >= "09" && r <= "13" {
		// only what is said or asked reaches into a complement clause
		for _, a := range c.roleArgs(s, t, host, "ccomp") {
			if ps := notSource(c.actorsOf(s, a, 0, false)); len(ps) > 0 {
				return ps, "subject of the complement clause"
			}
		}
	}
	if c.BroadTargets {
		if ps := notSource(c.broadTarget(s, host)); len(ps) > 0 {
			return ps, "first actor after the verb (BroadTargets)"
		}
	}
	return nil, "no target actor"
}

// broadTarget returns the first actor, in text order, among the dependents
// of v that are neither its subject nor another clause: PETRARCH's reading
// of "the first actor in the verb phrase".
func (c *Coder) broadTarget(s *sent, v int) []part {
	best := -1
	var walk func(h, depth int)
	walk = func(h, depth int) {
		if depth > 4 {
			return
		}
		for _, k := range s.children(h) {
			switch s.base(k) {
			case "nsubj", "csubj", "advcl", "ccomp", "parataxis", "conj", "punct", "acl", "expl":
				continue
			}
			if k > v && s.ix.tokEnt[k] >= 0 && s.doc.Entities[s.ix.tokEnt[k]].Actor != "" && (best < 0 || k < best) {
				best = k
			}
			walk(k, depth+1)
		}
	}
	walk(v, 0)
	if best < 0 {
		return nil
	}
	return c.actorsOf(s, best, 0, false)
}

// actReference are nouns that refer back to an act ("the decision").
var actReference = map[string]bool{"decision": true, "move": true, "withdrawal": true, "announcement": true,
	"plan": true, "order": true, "policy": true, "measure": true, "measures": true, "rules": true, "restrictions": true,
	"step": true, "action": true, "proposal": true, "pullout": true, "deal": true, "ban": true}

// lastDoer returns the source of the latest event coded before the
// sentence whose source is not among src.
func lastDoer(s *sent, src []part) (part, bool) {
	for i := len(s.prior) - 1; i >= 0; i-- {
		p := s.prior[i].Source
		if p.Actor == "" {
			continue
		}
		same := false
		for _, q := range src {
			same = same || q.p.Actor == p.Actor || q.p.Entity != "" && q.p.Entity == p.Entity
		}
		if !same {
			p.Members = nil
			return part{p: p, tok: -1}, true
		}
	}
	return part{}, false
}

// ownedBySource reports whether the noun at token k has a possessive
// pronoun ("its troops", "their weapons") that points back to the clause's
// source.
func ownedBySource(s *sent, k int) bool {
	if k < 0 {
		return false
	}
	for _, c := range s.children(k) {
		if s.rel(c) == "nmod:poss" {
			switch s.lemma(c) {
			case "its", "their":
				return true
			}
		}
	}
	return false
}

// lendsOwner reports whether an event of code, done to a thing, is done to
// the thing's owner: support, demands, criticism, rejection, threats,
// sanctions, coercion and force ("destroyed the Houthi bases"); not
// meetings: "discussed the opposition's plan" is no meeting with the
// opposition.
func lendsOwner(code string) bool {
	switch cameo.Root(code) {
	case "05", "10", "11", "12", "13", "16", "17", "18", "19", "20":
		return true
	}
	return false
}

// named reports whether pattern p places a condition on role.
func named(p *cameo.Pattern, role string) bool {
	for _, c := range p.Conds {
		if c.Role == role {
			return true
		}
	}
	return false
}

// deepTarget looks for an actor among the nominal modifiers below the
// object h (two levels), introduced by a target preposition, "between" or
// "by" ("condemned an attack by Osgiliath soldiers").
func (c *Coder) deepTarget(s *sent, h, depth int, keep func([]part) []part) ([]part, string) {
	if depth > 2 {
		return nil, ""
	}
	for _, k := range s.children(h) {
		if s.base(k) == "acl" && s.isVerb(k) && s.hasMark(k, "to") {
			// "signed an accord to supply Gondor with wheat"
			if o := s.child(k, "obj", "iobj"); o >= 0 {
				if ps := keep(c.actorsOf(s, o, 0, false)); len(ps) > 0 {
					return ps, "object of the infinitive modifying the object"
				}
			}
			continue
		}
		if s.base(k) != "nmod" {
			continue
		}
		if cs := s.caseOf(k); c.TargetPreps[cs] || cs == "between" || cs == "by" {
			if ps := keep(c.actorsOf(s, k, 0, false)); len(ps) > 0 {
				return ps, cs + "-modifier of the object"
			}
		}
		if ps, how := c.deepTarget(s, k, depth+1, keep); len(ps) > 0 {
			return ps, how
		}
	}
	return nil, ""
}

// negatedNominal reports whether a noun phrase carries its own negation
// ("not Russia but the United States").
func (s *sent) negatedNominal(k int) bool {
	if !s.isNominal(k) {
		return false
	}
	for _, m := range s.children(k) {
		if (s.base(m) == "advmod" || s.base(m) == "neg") && (s.word(m) == "not" || s.word(m) == "never") {
			return true
		}
	}
	return false
}
