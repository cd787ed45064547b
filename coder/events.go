package coder

import (
	"fmt"
	"strings"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/cameo"
)

// frame is what a governing control verb did to a complement event.
type frame struct {
	kind     string // control kind, "" when none
	governor int
}

// controlOf returns the control verb governing clause v, following xcomp
// (and a conj that shares an xcomp's controller).
func (c *Coder) controlOf(s *sent, v int) frame {
	for n := 0; v >= 0 && n < maxClimb; n++ {
		g := s.head(v)
		if g < 0 {
			return frame{governor: -1}
		}
		switch s.base(v) {
		case "xcomp":
			if k, ok := c.Dict.Control[s.lemma(g)]; ok {
				return frame{kind: k, governor: g}
			}
			// "willing to send material to help defend": a chain of
			// complements carries the control verb above it
			v = g
		case "conj":
			v = g
		default:
			return frame{governor: -1}
		}
	}
	return frame{governor: -1}
}

var (
	negWords     = map[string]bool{"not": true, "never": true, "n't": true, "no": true, "neither": true, "nor": true}
	allegedWords = map[string]bool{"allegedly": true, "reportedly": true, "purportedly": true, "supposedly": true}
	plannedAux   = map[string]bool{"will": true, "shall": true, "'ll": true, "wo": true, "would": true}
	maybeAux     = map[string]bool{"could": true, "might": true, "may": true}
	allegeVerbs  = map[string]bool{"accuse": true, "allege": true, "claim": true, "charge": true, "suspect": true}
)

// modality returns the mood and polarity of the clause of v, looking at its
// auxiliaries, adverbs and markers and those of the clauses above it.
func (c *Coder) modality(s *sent, v int) (mood string, neg bool) {
	hyp, alleged, planned := false, false, false
	via := "" // the relation climbed through to reach u
	for n, u := 0, v; u >= 0 && n < maxClimb; n++ {
		for _, k := range s.children(u) {
			w := s.word(k)
			switch s.base(k) {
			case "advmod", "neg":
				if n == 0 && negWords[w] {
					neg = true
				}
				if allegedWords[w] {
					alleged = true
				}
			case "aux":
				// the clause's own auxiliaries, and those of a clause it is
				// conjoined to or controlled by ("will destroy and obliterate")
				if n == 0 || via == "conj" || via == "xcomp" || s.base(u) == "conj" || s.base(u) == "xcomp" {
					if plannedAux[w] {
						planned = true
					}
					if maybeAux[w] {
						hyp = true
					}
					if n == 0 && negWords[w] {
						neg = true
					}
				}
			case "mark":
				if w == "if" || w == "unless" {
					hyp = true
				}
				if w == "to" && n == 0 && s.head(u) < 0 {
					planned = true // "Lavrov to meet ..." in a headline
				}
			}
		}
		if n == 0 && strings.Contains(s.tok(u).Feats, "Polarity=Neg") {
			neg = true
		}
		g := s.head(u)
		if g < 0 {
			break
		}
		switch s.base(u) {
		case "ccomp", "advcl", "acl", "obl":
			if allegeVerbs[s.lemma(g)] {
				alleged = true
			}
		}
		switch s.base(u) {
		case "xcomp", "conj", "advcl", "ccomp", "acl", "obl", "obj", "nmod", "nsubj", "nsubj:pass":
			via = s.base(u)
			u = g
		default:
			u = -1
		}
	}
	switch {
	case hyp:
		return MoodHypothetical, neg
	case alleged:
		return MoodAlleged, neg
	case planned:
		return MoodPlanned, neg
	}
	return MoodAsserted, neg
}

// maxSentenceEvents caps the events of one sentence (50 sources × 50
// targets is 2,500).
const maxSentenceEvents = 10000

// codeSentence codes every event of one sentence.
func (c *Coder) codeSentence(s *sent, ex *Explanation) []dateline.Event {
	var matches []*match
	absorbed := map[int]bool{} // governors whose complement event they changed
	for t := s.start; t < s.end; t++ {
		var ps []*cameo.Pattern
		if s.isVerb(t) {
			if s.base(t) == "amod" {
				continue // a participle used as an adjective: "conflicting indicators"
			}
			ps = c.Dict.Verbs(s.lemma(t))
		} else if s.isNominal(t) {
			ps = c.Dict.Nouns(s.lemma(t))
			if len(ps) == 0 && s.word(t) != s.lemma(t) {
				ps = c.Dict.Nouns(s.word(t))
			}
		}
		if len(ps) == 0 {
			continue
		}
		m, why := c.best(s, t, ps)
		if m == nil {
			if ex != nil {
				ex.Steps = append(ex.Steps, Step{Token: t, Word: s.tok(t).Text, Tried: len(ps), Outcome: why})
			}
			continue
		}
		matches = append(matches, m)
		switch f := c.controlOf(s, m.host); f.kind {
		case cameo.ControlReject, cameo.ControlIntent, cameo.ControlThreaten:
			if m.p.Code != "" {
				absorbed[f.governor] = true
			}
		}
	}
	var out []dateline.Event
	coded := map[int]bool{} // complements whose events were coded
	code := func(m *match) bool {
		evs, why := c.events(s, m, absorbed)
		if ex != nil {
			st := Step{Token: m.trigger, Word: s.tok(m.trigger).Text, Tried: m.tried,
				Pattern: m.p.Source + ": " + m.p.Text, Outcome: why}
			if len(evs) > 0 {
				st.Outcome = fmt.Sprintf("coded %d event(s): %s", len(evs), why)
			}
			ex.Steps = append(ex.Steps, st)
		}
		if len(evs) > 0 {
			coded[m.host] = true
		}
		out = append(out, evs...)
		if len(out) > maxSentenceEvents {
			s.doc.Notef("code", s.doc.Sentences[s.si].Span, "more than %d events in one sentence: the rest are not coded", maxSentenceEvents)
			out = out[:maxSentenceEvents]
			return false
		}
		return true
	}
	for _, m := range matches {
		if !code(m) {
			return out
		}
	}
	// a refusal, promise or threat whose complement codes no event
	// ("refused to commit to any assistance", "promised to continue aid
	// to Mozambique", "threatened to resume attacks in Israel") is itself
	// the event: CAMEO 120, 030 or 130, with the target searched among the
	// complement's arguments
	for g := s.start; g < s.end; g++ {
		kind, ok := c.Dict.Control[s.lemma(g)]
		if !ok {
			continue
		}
		p := controlFallback[kind]
		if p == nil {
			continue
		}
		if x := s.child(g, "xcomp"); x >= 0 && s.isVerb(x) && !coded[x] {
			if !code(&match{p: p, trigger: x, host: x}) {
				return out
			}
		}
	}
	return out
}

// events turns one match into events, or says why it yields none.
func (c *Coder) events(s *sent, m *match, absorbed map[int]bool) ([]dateline.Event, string) {
	p := m.p
	if p.Code == "" {
		return nil, "null code (---): this context codes nothing"
	}
	if len(p.Conds) == 0 && p.Particle == "" && c.SkipBareRoots[cameo.Root(p.Code)] {
		return nil, "a " + cameo.Root(p.Code) + " verb alone codes nothing (SkipBareRoots)"
	}
	if len(p.Conds) == 0 && p.Particle == "" && !p.Noun {
		if k, ok := c.Dict.Control[s.lemma(m.trigger)]; ok && k != cameo.ControlRequest && s.child(m.trigger, "xcomp") >= 0 {
			// "is expected to cut", "wants OPEC to assign": the complement carries it
			return nil, "a control verb with a complement codes through the complement"
		}
	}
	if absorbed[m.trigger] && len(p.Conds) == 0 {
		return nil, "its complement's event carries it"
	}
	code := p.Code
	f := c.controlOf(s, m.host)
	mood, neg := c.modality(s, m.host)
	if p.Noun {
		for _, k := range s.children(m.trigger) {
			if s.rel(k) == "det" && negWords[s.word(k)] {
				neg = true
			}
		}
	}
	how := []string{}
	switch f.kind {
	case cameo.ControlReject:
		if nc, ok := c.Dict.MapCode(f.kind, code); ok {
			code = nc
		} else {
			code = "120"
		}
		how = append(how, fmt.Sprintf("%q turns it into a rejection", s.tok(f.governor).Text))
		// the rejection itself happened, whatever the mood below it
		mood, neg = c.modality(s, f.governor)
	case cameo.ControlIntent, cameo.ControlThreaten:
		if nc, ok := c.Dict.MapCode(f.kind, code); ok {
			code = nc
		}
		mood, neg = c.modality(s, f.governor)
		how = append(how, fmt.Sprintf("%q makes it %s", s.tok(f.governor).Text, f.kind))
	case cameo.ControlAttempt:
		if mood == MoodAsserted {
			mood = MoodAttempted
		}
	case cameo.ControlPlan:
		if mood == MoodAsserted {
			mood = MoodPlanned
		}
	case cameo.ControlAllege:
		mood = MoodAlleged
	case cameo.ControlFail:
		neg = true
	case cameo.ControlRequest:
		return nil, fmt.Sprintf("asked for by %q, which codes the request", s.tok(f.governor).Text)
	}
	if f.kind == "" && mood == MoodPlanned && !neg {
		// "Israel will evacuate", "said it would allow": an actor's stated
		// future act is, in CAMEO, an intent to cooperate (03) or a threat (13)
		kind := cameo.ControlIntent
		if r := cameo.Root(code); r >= "13" {
			kind = cameo.ControlThreaten
		}
		if nc, ok := c.Dict.MapCode(kind, code); ok {
			code = nc
			how = append(how, "the future tense makes it "+kind)
		}
	}

	var src []part
	var srcHow string
	if m.p.Free && m.host == m.trigger {
		src, srcHow = c.nounSource(s, m.trigger)
	} else {
		src, srcHow = c.sourceOf(s, m.host)
	}
	unnamed := false
	if len(src) == 0 && srcHow == "subject" {
		// "the US airstrike killed three soldiers": the doer of the
		// event noun that is the subject
		if sb := s.child(m.host, "nsubj"); sb >= 0 {
			if ps, how := c.nounSource(s, sb); len(ps) > 0 {
				src, srcHow = ps, how+" (the subject)"
			}
		}
	}
	if m.p.Noun {
		for _, cd := range p.Conds {
			if cd.Role == "pred" { // "X's claims were untrue": the speaker above denies
				if s.negatedNominal(m.host) {
					neg = false // "was not Russia but the US": negation per conjunct
				}
				src, srcHow = nil, "no speaker"
				if g := s.head(m.host); g >= 0 {
					src, srcHow = c.sourceOf(s, g)
				}
			}
		}
	}
	if p.Noun && (p.Mutual || c.MutualRoots[cameo.Root(code)]) {
		// "talks between Russia and Ukraine": the members are the parties
		for _, k := range s.children(m.trigger) {
			if s.base(k) == "nmod" && s.caseOf(k) == "between" {
				if ps := c.actorsOf(s, k, 0, false); len(ps) >= 2 {
					src, srcHow = ps, "between-modifier"
				}
			}
		}
	}
	tgt, tgtHow := c.targetOf(s, m, src)
	if len(tgt) == 0 && (violent(code) || cameo.Root(code) == "13") {
		// "bombs struck the cathedral", "an attack on an air base": force
		// used on a place is used on its state's people or forces
		if t, ok := c.placeTarget(s, m); ok {
			tgt, tgtHow = []part{t}, "the place attacked"
		}
	}
	if p.Swap {
		src, tgt = tgt, src
	}
	if len(src) == 0 && m.p.Free && m.host == m.trigger && cameo.Root(code) == "14" {
		// "anti-government protests continue in Baghdad": protesters of
		// the place, unnamed
		if country := c.placeCountry(s, m.trigger); country != "" {
			src, srcHow = []part{{p: dateline.Participant{Actor: country + "OPP", Name: "protesters"}, tok: -1}}, "protesters of the place (unnamed)"
		}
	}
	if len(src) == 0 && c.firstPersonSubject(s, m.host) {
		// "I will destroy ...", "we condemn ..." in a quote: the speaker
		if sp, ok := c.speaker(s, m.trigger); ok {
			src, srcHow = []part{sp}, "speaker of the quote (first person)"
		}
	}
	if len(src) == 0 && srcHow != "passive without agent" && cameo.Root(code) < "14" && !nounModifier(s, m.host) {
		// not a clause that modifies a noun ("efforts to promote a
		// dialogue"): its doer is the noun's, not the speaker
		// what is said in a quote with no actor as its subject is the
		// speaker's; a violent act is not the reporter's
		if sp, ok := c.speaker(s, m.trigger); ok {
			src, srcHow = []part{sp}, "speaker of the quote"
		}
	}
	if len(src) == 0 && violent(code) && len(tgt) > 0 && (srcHow == "subject" && c.thingSubject(s, m.host) || srcHow == "by-agent of the passive" || srcHow == "no agent named") {
		// "a roadside bomb killed two soldiers", "were killed by an
		// explosive device": the doer is no actor the text names
		srcHow = "unnamed agent (" + srcHow + " is no actor)"
		unnamed = true
	}
	// "240 protesters were detained": the passive subject is the target and
	// the doer is left open
	passiveNoAgent := len(src) == 0 && srcHow == "passive without agent" && len(tgt) > 0 && !s.statePassive(m.host) &&
		(tgtHow == "object" || tgtHow == "obj") && cameo.Root(code) >= "17" && cameo.Root(code) <= "20" &&
		s.child(m.host, "nsubj:pass") >= 0 && s.ix.tokEnt[s.antecedent(m.host, s.child(m.host, "nsubj:pass"))] >= 0
	passiveNoAgent = passiveNoAgent || unnamed
	if len(src) == 0 && srcHow == "passive without agent" && !passiveNoAgent {
		return nil, "no source: a passive without agent is coded only for coercion and violence (roots 17-20)"
	}
	if len(src) == 0 && !passiveNoAgent {
		return nil, "no source: " + srcHow
	}
	if len(src) == 0 && violent(code) {
		// force whose doer the text does not name is, as Phoenix codes it,
		// the work of unidentified armed forces of the place ("a roadside
		// bomb near Samarra": IRQUAF)
		if country := c.placeCountry(s, m.trigger); country != "" {
			src, srcHow = []part{{p: dateline.Participant{Actor: country + "UAF", Name: "unidentified armed forces"}, tok: -1}}, srcHow+"; unidentified forces of the place"
		}
	}
	root := cameo.Root(code)
	conf := 0.9
	if len(p.Conds) == 0 && p.Particle == "" {
		conf = 0.75
	}
	if strings.HasSuffix(srcHow, "unidentified forces of the place") {
		conf = 0.5 // the doer is a guess from the place
	}
	type pair struct{ s, t *part }
	var pairs []pair
	switch {
	case len(tgt) > 0 && len(src) > 0:
		for i := range src {
			for j := range tgt {
				if src[i].p.Entity != "" && src[i].p.Entity == tgt[j].p.Entity || src[i].p.Actor == tgt[j].p.Actor {
					continue // an actor does not act on itself
				}
				pairs = append(pairs, pair{&src[i], &tgt[j]})
			}
		}
	case len(tgt) > 0:
		for j := range tgt {
			pairs = append(pairs, pair{nil, &tgt[j]})
		}
		conf = 0.5
	case len(src) >= 2 && (p.Mutual || c.MutualRoots[root]):
		for i := range src {
			for j := i + 1; j < len(src); j++ {
				if src[i].p.Entity != "" && src[i].p.Entity == src[j].p.Entity || src[i].p.Actor == src[j].p.Actor {
					continue
				}
				pairs = append(pairs, pair{&src[i], &src[j]})
				if c.MutualBoth {
					pairs = append(pairs, pair{&src[j], &src[i]})
				}
			}
		}
		tgtHow = "among the members of the compound subject"
	case p.Untargeted:
		for i := range src {
			pairs = append(pairs, pair{&src[i], nil})
		}
		conf = 0.6
	case len(src) > 0 && root == "14":
		// a protest with no target named is against the government of
		// the place it is held in, else of the protesters' own state
		// (the CAMEO codebook's reading)
		country := c.protestCountry(s, m.host, src)
		if country == "" {
			return nil, "no target: " + tgtHow + ", and no state to protest against"
		}
		t := part{p: dateline.Participant{Actor: country + "GOV", Name: country + " government"}, tok: -1}
		tgt = []part{t}
		for i := range src {
			if src[i].p.Actor != t.p.Actor {
				pairs = append(pairs, pair{&src[i], &tgt[0]})
			}
		}
		tgtHow = "the government protested against (none named)"
		conf = 0.6
	default:
		return nil, "no target: " + tgtHow
	}
	if len(pairs) == 0 {
		return nil, "source and target are the same actor"
	}
	reverse := len(pairs) // pairs from here on carry revCode
	revCode := p.Reverse
	if !c.CodeReverse || code != p.Code {
		revCode = "" // "refused to visit" is no hosting
	}
	if revCode != "" {
		for _, pr := range pairs[:reverse] {
			if pr.s != nil && pr.t != nil {
				pairs = append(pairs, pair{pr.t, pr.s})
			}
		}
	}
	info, _ := c.Ontology.Lookup(code)
	sentSpan := s.doc.Sentences[s.si].Span
	date := c.dateOf(s, m.host)
	place := c.placeOf(s, m.host, src, tgt)
	var members func(ps []part) []dateline.Participant
	members = func(ps []part) []dateline.Participant {
		if len(ps) < 2 {
			return nil
		}
		out := make([]dateline.Participant, len(ps))
		for i := range ps {
			out[i] = ps[i].p
		}
		return out
	}
	srcMembers, tgtMembers := members(src), members(tgt)
	if len(src) >= 2 && len(tgt) == 0 {
		srcMembers = nil // mutual pairs are their own dyads
	}
	revInfo, _ := c.Ontology.Lookup(revCode)
	evs := make([]dateline.Event, 0, len(pairs))
	for pi, pr := range pairs {
		code, info := code, info
		if pi >= reverse {
			code, info = revCode, revInfo
		}
		if pr.s != nil && sectorOf(pr.s.p.Actor) == "MIL" {
			// a state's forces killing or wounding use conventional
			// military force (CAMEO 19), not unconventional violence (18)
			if nc, ok := c.Dict.MapCode(cameo.ControlMilitary, code); ok && nc != code {
				code = nc
				info, _ = c.Ontology.Lookup(code)
			}
		}
		root := cameo.Root(code)
		e := dateline.Event{
			Code: code, Root: root,
			Plover:    dateline.Plover{Type: info.Plover, Mode: info.Mode},
			Goldstein: info.Goldstein, Quad: info.Quad,
			Date: date, Place: place, Mood: mood, Negated: neg,
			Sentence: sentSpan, Trigger: s.tok(m.trigger).Span,
			Pattern:    p.Source + ": " + p.Text,
			Confidence: conf,
		}
		if info.Quad == 0 {
			e.Quad = cameo.QuadClass(root)
		}
		if pr.s != nil {
			e.Source = pr.s.p
			e.Source.Members = srcMembers
			if pr.s.pronoun {
				e.Confidence -= 0.1
			}
		}
		if pr.t != nil {
			t := pr.t.p
			t.Members = tgtMembers
			e.Target = &t
			if pr.t.pronoun {
				e.Confidence -= 0.1
			}
		}
		if mood == MoodAttempted {
			e.Confidence -= 0.1
		}
		e.Confidence = float64(int(e.Confidence*100+0.5)) / 100
		evs = append(evs, e)
	}
	why := "source from " + srcHow + ", target from " + tgtHow
	if len(how) > 0 {
		why += "; " + strings.Join(how, "; ")
	}
	if mood != MoodAsserted {
		why += "; mood " + mood
	}
	if neg {
		why += "; negated"
	}
	return evs, why
}

// nounSource returns the doer of an event noun standing on its own: its
// possessor ("Russia's attack"), a name or nationality before it ("a US
// airstrike", "Israeli raids") or its by-agent ("the attack by Hamas").
func (c *Coder) nounSource(s *sent, n int) ([]part, string) {
	for _, k := range s.children(n) {
		switch {
		case s.rel(k) == "nmod:poss":
			if ps := c.actorsOf(s, k, 0, false); len(ps) > 0 {
				return ps, "possessor of the event noun"
			}
		case (s.rel(k) == "compound" || s.rel(k) == "amod") && k < n:
			if ps := c.actorsOf(s, k, 0, false); len(ps) > 0 {
				return ps, "name before the event noun"
			}
		case s.base(k) == "nmod" && s.caseOf(k) == "by":
			if ps := c.actorsOf(s, k, 0, false); len(ps) > 0 {
				return ps, "by-agent of the event noun"
			}
		}
	}
	return nil, "no agent named"
}

// placeTarget returns, for force used on a place, the people or forces of
// the place's state: the object, or an on/at/against argument (of the
// trigger or of its object), that is a place with a country; MIL when the
// place is military ("an air base"), else CVL.
func (c *Coder) placeTarget(s *sent, m *match) (part, bool) {
	var cands []int
	for _, h := range []int{m.trigger, m.host} {
		if o := s.objOf(h); o >= 0 {
			cands = append(cands, o)
			cands = append(cands, s.children(o)...)
		}
		for _, k := range s.children(h) {
			if b := s.base(k); (b == "obl" || b == "nmod") && placeCase[s.caseOf(k)] {
				cands = append(cands, k)
				cands = append(cands, s.children(k)...)
			}
		}
	}
	for _, k := range cands {
		if s.base(k) != "obj" && s.base(k) != "obl" && s.base(k) != "nmod" && s.base(k) != "nsubj:pass" {
			continue
		}
		country, military := "", false
		for i := k - 3; i <= k; i++ {
			if i >= s.start && (militaryPlace[s.lemma(i)] || militaryPlace[s.word(i)]) {
				military = true
			}
		}
		if e := s.ix.tokEnt[k]; e >= 0 {
			ent := &s.doc.Entities[e]
			if ent.Type == "LOC" || ent.Type == "GPE" {
				country = ent.Country
			}
		}
		if country == "" && (placeNoun[s.lemma(k)] || placeNoun[s.word(k)]) {
			// "an Iraqi air base", "targets in Jericho": the place's
			// nationality or the named place it is in
			for _, a := range s.children(k) {
				if e := s.ix.tokEnt[a]; e >= 0 && (s.doc.Entities[e].Type == "GPE" || s.doc.Entities[e].Type == "LOC") && s.doc.Entities[e].Country != "" {
					country = s.doc.Entities[e].Country
				}
			}
		}
		if country == "" {
			continue
		}
		sector := "CVL"
		if military {
			sector = "MIL"
		}
		return part{p: dateline.Participant{Actor: country + sector, Name: s.doc.Span(s.tok(k).Span)}, tok: k}, true
	}
	return part{}, false
}

// placeCase are the prepositions of a place force is used on or in.
var placeCase = map[string]bool{"on": true, "at": true, "against": true, "near": true, "in": true, "inside": true}

// placeNoun are nouns of places force is used on.
var placeNoun = map[string]bool{"base": true, "bases": true, "airbase": true, "barracks": true, "garrison": true, "outpost": true,
	"checkpoint": true, "post": true, "camp": true, "headquarters": true, "village": true, "town": true, "city": true,
	"cathedral": true, "church": true, "mosque": true, "temple": true, "synagogue": true, "school": true,
	"hospital": true, "market": true, "embassy": true, "consulate": true, "building": true, "compound": true,
	"office": true, "offices": true, "station": true, "port": true, "airport": true, "bridge": true, "border": true,
	"position": true, "positions": true, "target": true, "targets": true, "facility": true, "plant": true,
	"refinery": true, "convoy": true, "vessel": true, "ship": true, "tanker": true, "district": true, "neighbourhood": true,
	"neighborhood": true, "area": true, "region": true, "province": true}

// militaryPlace are nouns of places that belong to armed forces.
var militaryPlace = map[string]bool{"base": true, "bases": true, "airbase": true, "barracks": true, "garrison": true,
	"outpost": true, "checkpoint": true, "post": true, "camp": true, "headquarters": true}

// subjectOf returns the subject of clause v, climbing through conjoined
// and controlled clauses, or -1.
func (s *sent) subjectOf(v int) int {
	for n := 0; v >= 0 && n < maxClimb; n++ {
		if sb := s.child(v, "nsubj", "nsubj:pass"); sb >= 0 {
			return sb
		}
		switch s.base(v) {
		case "conj", "xcomp", "advcl":
			v = s.head(v)
		default:
			return -1
		}
	}
	return -1
}

// firstPersonSubject reports whether clause v's subject is "I" or "we".
func (c *Coder) firstPersonSubject(s *sent, v int) bool {
	switch strings.ToLower(s.word(s.subjectOf(v))) {
	case "i", "we":
		return true
	}
	return false
}

// thingSubject reports whether clause v's subject is a common noun (a bomb,
// an explosion), not a person or a pronoun that names no actor.
func (c *Coder) thingSubject(s *sent, v int) bool {
	sb := s.subjectOf(v)
	return sb >= 0 && s.tok(sb).POS == "NOUN"
}

// controlFallback are the events a control verb codes when no pattern
// codes its complement.
var controlFallback = map[string]*cameo.Pattern{
	cameo.ControlReject:   {Code: "120", Source: "coder", Text: "120 (a refusal whose complement no pattern codes)"},
	cameo.ControlIntent:   {Code: "030", Source: "coder", Text: "030 (a promise whose complement no pattern codes)"},
	cameo.ControlThreaten: {Code: "130", Source: "coder", Text: "130 (a threat whose complement no pattern codes)"},
}

// statePassive reports whether the passive clause v states how things are
// ("ISIS is defeated", "the PKK is banned in Turkey") rather than tells
// that something was done: its passive auxiliary is a present "is"/"are"
// and no perfect or past auxiliary stands with it.
func (s *sent) statePassive(v int) bool {
	state := false
	for _, k := range s.children(v) {
		switch s.rel(k) {
		case "aux:pass":
			switch s.word(k) {
			case "is", "are", "'s", "'re", "remains", "remain":
				state = true
			}
		case "aux":
			switch s.word(k) {
			case "has", "have", "had", "was", "were":
				return false
			}
		}
	}
	return state
}

// violent reports whether code is an act of force (CAMEO 18-20).
func violent(code string) bool {
	r := cameo.Root(code)
	return r >= "18" && r <= "20"
}

// sectorOf returns the first sector of an actor code ("MIL" of "ISRMIL").
func sectorOf(actor string) string {
	if len(actor) < 6 {
		return ""
	}
	return actor[3:6]
}

// placeCountry returns the country of the place where the event of noun n
// happens: an in/at argument of the noun or of the verb it belongs to, a
// nationality before it ("Iraqi protests"), else the one state its sentence
// names.
func (c *Coder) placeCountry(s *sent, n int) string {
	for _, v := range []int{n, s.head(n)} {
		if v < 0 {
			continue
		}
		if pl := c.placeOf(s, v, nil, nil); pl != nil && pl.Geo != nil && pl.Geo.Country != "" {
			return pl.Geo.Country
		}
		for _, k := range s.children(v) {
			if e := s.ix.tokEnt[k]; e >= 0 && (s.rel(k) == "amod" || s.rel(k) == "compound") && s.doc.Entities[e].Type == "GPE" {
				return s.doc.Entities[e].Country
			}
		}
	}
	one := ""
	for i := s.start; i < s.end; i++ {
		e := s.ix.tokEnt[i]
		if e < 0 {
			continue
		}
		ent := &s.doc.Entities[e]
		if ent.Type != "GPE" && ent.Type != "LOC" || ent.Country == "" {
			continue
		}
		if one != "" && ent.Country != one {
			return ""
		}
		one = ent.Country
	}
	return one
}

// protestCountry returns the state a protest with no named target is
// against: the country of the place it is held in, else the country of
// its first source.
func (c *Coder) protestCountry(s *sent, v int, src []part) string {
	if pl := c.placeOf(s, v, src, nil); pl != nil && pl.Geo != nil && pl.Geo.Country != "" {
		return pl.Geo.Country
	}
	// "rioted at a jail in northern Israel": a named place below the clause
	if t, ok := c.argState(s, v); ok && isCountryCode(t.p.Actor) {
		return t.p.Actor
	}
	for _, p := range src {
		if a := p.p.Actor; len(a) >= 3 && c.Ontology != nil && isCountryCode(a[:3]) {
			return a[:3]
		}
	}
	return ""
}

// isCountryCode reports whether a three-letter code names a state rather
// than an international or non-state actor.
func isCountryCode(c string) bool {
	switch c {
	case "IGO", "NGO", "MNC", "IMG", "UIS", "NGM", "REB", "MIL", "GOV", "COP", "OPP", "CVL", "JUD", "LEG", "MED", "BUS", "EDU", "REF", "SPY", "ELI", "PTY", "LAB", "REL", "AGR", "HLH", "CRM":
		return false
	}
	return len(c) == 3
}

// speaker returns the speaker of the quote that contains token t.
func (c *Coder) speaker(s *sent, t int) (part, bool) {
	sp := s.tok(t).Span
	for _, q := range s.doc.Quotes {
		if q.Speaker == "" || !q.Span.Contains(sp) {
			continue
		}
		for _, e := range s.doc.Entities {
			if e.ID == q.Speaker && e.Actor != "" {
				return part{p: dateline.Participant{Actor: e.Actor, Entity: e.ID, Name: e.Name}, tok: -1}, true
			}
		}
	}
	return part{}, false
}
