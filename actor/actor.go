package actor

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/dict"
)

// Resolver is the actor stage.
type Resolver struct {
	Dict *dict.Dictionary
	// Slack is how far from the article's date an office known only from a
	// dated snapshot still counts as held.
	Slack time.Duration
}

// New returns a resolver over d (nil means the shipped dictionary).
func New(d *dict.Dictionary) (*Resolver, error) {
	if d == nil {
		var err error
		if d, err = dict.Default(); err != nil {
			return nil, err
		}
	}
	return &Resolver{Dict: d, Slack: 366 * 24 * time.Hour}, nil
}

// Entity types.
const (
	Person = "PERSON"
	Org    = "ORG"
	GPE    = "GPE"
	Loc    = "LOC"
)

// ent is an entity being built.
type ent struct {
	e        dateline.Entity
	key      string
	surname  string
	titled   bool   // actor or role came from the text
	rule     string // how an agent phrase got its country (agent.go)
	mentions []int
}

// state is the resolution of one document.
type state struct {
	r        *Resolver
	d        *dict.Dictionary
	doc      *dateline.Document
	day      time.Time
	ents     []*ent
	byKey    map[string]*ent
	menTok   [][2]int // token range of each mention
	tokMen   []int    // mention covering each token, -1
	facility []int    // mentions grown into facilities
	// country references in each sentence, in token order
	sentCountries [][]cref
	docCount      map[string]int
	focus         string
	credits       map[string]bool
	tokPer        map[int]*ent // person entities of tokens added after the recogniser
	menEnt        map[int]*ent // entity of each resolved mention
	groups        []group      // plural groups in text order
	agentEnts     []agentEnt   // agent phrases in text order
}

type cref struct {
	tok  int
	code string
}

// Annotate resolves doc's mentions into doc.Entities.
func (r *Resolver) Annotate(ctx context.Context, doc *dateline.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s := &state{r: r, d: r.Dict, doc: doc, byKey: map[string]*ent{}, docCount: map[string]int{}, credits: map[string]bool{}, tokPer: map[int]*ent{}, menEnt: map[int]*ent{}}
	if doc.Date != nil && len(doc.Date.Value) >= 10 {
		if t, err := time.Parse("2006-01-02", doc.Date.Value[:10]); err == nil {
			s.day = t
		}
	}
	for _, c := range doc.Credits {
		s.credits[dict.Key(c.Name)] = true
	}
	s.dropCommonWords()
	s.index()
	s.dictionaryOrgs()
	s.fixMentions()
	s.countCountries()
	s.resolveMentions()
	s.acronyms()
	s.surnames()
	s.nominals()
	s.agents()
	s.appositions()
	s.pronouns()
	s.plurals()
	s.its()
	s.privatePersons()
	s.datelinePlace()
	s.emit()
	return nil
}

// dropCommonWords removes one-word mentions that are an ordinary word the
// document also writes in lower case, seen in capitals only where case says
// nothing: an all-capitals headline or the start of a sentence ("TRADE" in
// "EC WARNS ... ON TRADE TENSIONS" when the story speaks of "trade").
func (s *state) dropCommonWords() {
	lower := map[string]bool{}
	for _, t := range s.doc.Tokens {
		if w := t.Text; w != "" && w[0] >= 'a' && w[0] <= 'z' {
			lower[w] = true
		}
	}
	out := s.doc.Mentions[:0]
	for _, m := range s.doc.Mentions {
		if s.caselessAt(m.Span.Start) || strings.ToUpper(m.Text) == m.Text {
			m = s.trimCommon(m, lower)
		}
		w := m.Text
		if w == "" {
			continue
		}
		if !strings.Contains(w, " ") && lower[strings.ToLower(w)] && s.d.Kinds(w) == 0 && s.caselessAt(m.Span.Start) {
			continue
		}
		out = append(out, m)
	}
	s.doc.Mentions = out
}

// trimCommon drops from the ends of a mention in capitals the words the
// document writes in lower case ("SHULTZ BEGINS" -> "SHULTZ").
func (s *state) trimCommon(m dateline.Mention, lower map[string]bool) dateline.Mention {
	text := m.Text
	for {
		i := strings.LastIndexByte(text, ' ')
		if i < 0 || !lower[strings.ToLower(text[i+1:])] {
			break
		}
		text = text[:i]
	}
	for {
		i := strings.IndexByte(text, ' ')
		if i < 0 || !lower[strings.ToLower(text[:i])] {
			break
		}
		m.Span.Start += i + 1
		text = text[i+1:]
	}
	m.Span.End = m.Span.Start + len(text)
	m.Text = text
	return m
}

// caselessAt reports whether the word at byte off stands where case says
// nothing: at the start of its sentence or in an all-capitals line.
func (s *state) caselessAt(off int) bool {
	si := s.doc.SentenceAt(off)
	if si < 0 {
		return false
	}
	sent := s.doc.Span(s.doc.Sentences[si].Span)
	if strings.ToUpper(sent) == sent {
		return true
	}
	return s.doc.Sentences[si].Span.Start == off
}

// tokenAt returns the index of the token that starts at or after off.
func (s *state) tokenAt(off int) int {
	return sort.Search(len(s.doc.Tokens), func(i int) bool { return s.doc.Tokens[i].Span.End > off })
}

func (s *state) index() {
	s.tokMen = make([]int, len(s.doc.Tokens))
	for i := range s.tokMen {
		s.tokMen[i] = -1
	}
	s.menTok = make([][2]int, len(s.doc.Mentions))
	for mi := range s.doc.Mentions {
		s.reindex(mi)
	}
}

func (s *state) reindex(mi int) {
	m := s.doc.Mentions[mi]
	a := s.tokenAt(m.Span.Start)
	z := a
	for z < len(s.doc.Tokens) && s.doc.Tokens[z].Span.Start < m.Span.End {
		z++
	}
	s.menTok[mi] = [2]int{a, z}
	for i := a; i < z; i++ {
		s.tokMen[i] = mi
	}
}

// word returns the text of token i, or "" outside the document.
func (s *state) word(i int) string {
	if i < 0 || i >= len(s.doc.Tokens) {
		return ""
	}
	return s.doc.Tokens[i].Text
}

func (s *state) lower(i int) string { return strings.ToLower(s.word(i)) }

// sentOf returns the sentence index of token i, or -1.
func (s *state) sentOf(i int) int {
	if i < 0 || i >= len(s.doc.Tokens) {
		return -1
	}
	return s.doc.SentenceAt(s.doc.Tokens[i].Span.Start)
}

func (s *state) sameSentence(i, j int) bool {
	a := s.sentOf(i)
	return a >= 0 && a == s.sentOf(j)
}

// spanText returns the text of tokens [a, z).
func (s *state) spanOf(a, z int) dateline.Span {
	return dateline.Span{Start: s.doc.Tokens[a].Span.Start, End: s.doc.Tokens[z-1].Span.End}
}

func (s *state) textOf(a, z int) string { return s.doc.Span(s.spanOf(a, z)) }

// entity returns the entity with key, creating it with typ and name.
func (s *state) entity(key, typ, name string) *ent {
	if e, ok := s.byKey[key]; ok {
		return e
	}
	e := &ent{key: key, e: dateline.Entity{Type: typ, Name: name}}
	s.byKey[key] = e
	s.ents = append(s.ents, e)
	return e
}

// link records that the recogniser's mention mi refers to e.
func (s *state) link(e *ent, mi int) {
	e.mentions = append(e.mentions, mi)
	s.menEnt[mi] = e
}

// addMention records that tokens [a, z) refer to e.
func (s *state) addMention(e *ent, a, z int) {
	if a >= z || a < 0 || z > len(s.doc.Tokens) {
		return
	}
	sp := s.spanOf(a, z)
	for _, m := range e.e.Mentions {
		if m.Span == sp {
			return
		}
	}
	e.e.Mentions = append(e.e.Mentions, dateline.EntityMention{Span: sp, Text: s.doc.Span(sp)})
}

// emit writes the entities to the document in order of first mention.
func (s *state) emit() {
	var ents []*ent
	for _, e := range s.ents {
		if len(e.e.Mentions) == 0 {
			continue
		}
		sort.Slice(e.e.Mentions, func(i, j int) bool { return e.e.Mentions[i].Span.Start < e.e.Mentions[j].Span.Start })
		ents = append(ents, e)
	}
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].e.Mentions[0].Span.Start < ents[j].e.Mentions[0].Span.Start })
	s.doc.Entities = s.doc.Entities[:0]
	idx := map[*ent]int{}
	for i, e := range ents {
		e.e.ID = "e" + strconv.Itoa(i+1)
		if e.e.Country == "" && len(e.e.Actor) >= 3 && s.d != nil {
			if _, ok := s.d.Country(e.e.Actor[:3]); ok {
				e.e.Country = e.e.Actor[:3]
			}
		}
		if e.e.Actor != "" {
			e.e.Basis = e.rule
		}
		idx[e] = i
		s.doc.Entities = append(s.doc.Entities, e.e)
	}
	for mi := range s.doc.Mentions {
		s.doc.Mentions[mi].Entity = -1
	}
	for _, e := range ents {
		for _, mi := range e.mentions {
			s.doc.Mentions[mi].Entity = idx[e]
		}
	}
}
