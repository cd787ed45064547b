// Package coder is the event coding stage: it reads the dependency parse,
// the entities with their actor codes, the time expressions and the quotes
// of a Document and adds its Events — who did what to whom (CAMEO and
// PLOVER), when, where, in which mood, with the sentence and trigger spans
// and the pattern that fired.
//
// Matching works on Universal Dependencies trees: a pattern of package
// cameo names a trigger lemma (a verb, or an event noun hosted by a light
// verb or a preposition) and conditions on its object, particle and
// prepositional arguments. The source comes from the subject (the by-agent
// in the passive, the controller of an infinitive), the target from the
// role the pattern names; coordination expands compound actors into one
// event per member; control verbs ("refused to", "tried to", "plans to")
// change the code or the mood; negation, modality and attribution come
// from the clause and its governors.
package coder

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/cameo"
	"github.com/dateline-news/dateline/data"
)

// Moods of an event.
const (
	MoodAsserted     = "asserted"
	MoodPlanned      = "planned"
	MoodAlleged      = "alleged"
	MoodHypothetical = "hypothetical"
	MoodAttempted    = "attempted"
)

// Coder is the event coding stage. Set its fields before the first
// Annotate; it is safe for concurrent use afterwards.
type Coder struct {
	Ontology *cameo.Ontology
	Dict     *cameo.Dictionary
	// TargetPreps are the prepositions whose oblique argument may be the
	// target when a pattern names no target role.
	TargetPreps map[string]bool
	// MutualRoots are the CAMEO roots for which a compound subject with no
	// target is coded as events among its members ("A and B met").
	MutualRoots map[string]bool
	// MutualBoth codes a mutual event in both directions ("A and B met":
	// A→B and B→A), as PETRARCH does; by default one event per pair, with
	// the pair in Members.
	MutualBoth bool
	// CodeReverse also codes a pattern's Reverse code for the target's
	// side ("A visited B": B 043 A besides A 042 B); off by default, as it
	// doubles symmetric events.
	CodeReverse bool
	// BroadTargets, when no role yields a target, takes the first actor
	// after the verb among its dependents (not its subject, not another
	// clause), as PETRARCH does; off by default, on for eval --petrarch.
	BroadTargets bool
	// SkipBareRoots are the CAMEO roots a verb alone does not code: a
	// pattern without conditions whose code has such a root ("010 say")
	// yields no event, as a statement verb carries no interaction of its
	// own; patterns with conditions ("011 decline obj=comment") still code.
	SkipBareRoots map[string]bool
	// MaxMembers caps how many conjuncts of one compound actor are expanded.
	MaxMembers int
	// MaxSentenceTokens caps the tokens of one sentence the coder reads; a
	// longer sentence is noted and coded on its first MaxSentenceTokens.
	MaxSentenceTokens int
}

// New returns a coder with the shipped ontology and patterns.
func New() (*Coder, error) {
	sub, err := fs.Sub(data.Cameo, "cameo")
	if err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	o, err := cameo.LoadOntology(sub)
	if err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	d, err := cameo.Load(sub)
	if err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	if err := d.Check(o); err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	return NewWith(o, d), nil
}

// NewWith returns a coder over o and d with default settings.
func NewWith(o *cameo.Ontology, d *cameo.Dictionary) *Coder {
	return &Coder{
		Ontology: o,
		Dict:     d,
		TargetPreps: map[string]bool{"with": true, "to": true, "against": true, "toward": true,
			"towards": true, "on": true, "for": true, "from": true, "into": true, "upon": true, "of": true},
		MutualRoots:       map[string]bool{"04": true, "06": true, "19": true},
		SkipBareRoots:     map[string]bool{"01": true},
		MaxMembers:        64,
		MaxSentenceTokens: 5000,
	}
}

// AddPatterns reads a user's pattern file from r (named name in errors) into
// the coder's dictionary and checks it against the ontology.
func (c *Coder) AddPatterns(name string, r io.Reader) error {
	if err := c.Dict.Parse(name, r); err != nil {
		return err
	}
	return c.Dict.Check(c.Ontology)
}

// Annotate codes the events of doc and sets doc.Events.
func (c *Coder) Annotate(ctx context.Context, doc *dateline.Document) error {
	_, err := c.run(ctx, doc, false)
	return err
}

// Explanation tells, for one sentence, what the coder saw and decided.
type Explanation struct {
	Sentence int              // index into Document.Sentences
	Span     dateline.Span    // the sentence
	Actors   []string         // "Russia=RUS (E3)" for every actor token found
	Steps    []Step           // one per trigger word tried
	Events   []dateline.Event // the events this sentence yielded (before de-duplication)
}

// Step is one trigger word the coder tried and what came of it.
type Step struct {
	Token   int    // index into Document.Tokens
	Word    string // the trigger as written
	Pattern string // the pattern that matched, "file:line: text"; "" when none did
	Tried   int    // how many patterns were tried
	Outcome string // in words: "coded 3 events", "no target: ..."
}

// Explain codes doc like Annotate and also returns, per sentence, the
// actors found, the patterns tried and why each event was or was not coded.
func (c *Coder) Explain(ctx context.Context, doc *dateline.Document) ([]Explanation, error) {
	return c.run(ctx, doc, true)
}

func (c *Coder) run(ctx context.Context, doc *dateline.Document, explain bool) ([]Explanation, error) {
	if c.Ontology == nil || c.Dict == nil {
		return nil, fmt.Errorf("coder: no ontology or patterns")
	}
	ix := newIndex(doc)
	var out []Explanation
	var events []dateline.Event
	for si := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s := c.sentence(doc, ix, si)
		if s == nil {
			continue
		}
		s.prior = events
		var ex *Explanation
		if explain {
			out = append(out, Explanation{Sentence: si, Span: doc.Sentences[si].Span})
			ex = &out[len(out)-1]
			ex.Actors = s.actorList()
		}
		evs := c.codeSentence(s, ex)
		if ex != nil {
			ex.Events = evs
		}
		events = append(events, evs...)
	}
	doc.Events = c.dedupe(doc, events)
	return out, nil
}

// dedupe keeps one event per source, target, code root, date, mood and
// polarity — the same event told in the headline and the body, or by two
// triggers of one sentence — preferring body text and higher confidence;
// then numbers the events in text order.
func (c *Coder) dedupe(doc *dateline.Document, evs []dateline.Event) []dateline.Event {
	type key struct {
		src, tgt, root, date, mood string
		neg                        bool
	}
	pk := func(p *dateline.Participant) string {
		if p == nil {
			return ""
		}
		if p.Entity != "" {
			return p.Entity
		}
		return p.Actor
	}
	isTitle := func(e *dateline.Event) bool {
		i := doc.SentenceAt(e.Sentence.Start)
		return i >= 0 && doc.Sentences[i].Kind != ""
	}
	seen := map[key]int{}
	out := evs[:0:0]
	for _, e := range evs {
		k := key{pk(&e.Source), pk(e.Target), e.Root, e.Date.Value, e.Mood, e.Negated}
		if j, ok := seen[k]; ok {
			o := &out[j]
			better := (isTitle(o) && !isTitle(&e)) || (isTitle(o) == isTitle(&e) && e.Confidence > o.Confidence)
			if better {
				*o = e
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Trigger.Start < out[j].Trigger.Start })
	for i := range out {
		out[i].ID = fmt.Sprintf("ev%d", i+1)
	}
	return out
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}
