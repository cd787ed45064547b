package quote

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// Quote kinds written into dateline.Quote.Kind.
const (
	Direct   = "direct"   // the words in quotation marks
	Indirect = "indirect" // reported speech after a cue
	Mixed    = "mixed"    // reported speech that quotes some words verbatim
)

// Quoter is the quote stage.
type Quoter struct {
	// Lexicon holds the cues; New loads the shipped one.
	Lexicon *Lexicon
	// MinWords is how many words a quotation with no cue needs to count as
	// a quote; shorter ones are scare quotes or titles. A quotation that is
	// a sentence of its own counts with two words.
	MinWords int
}

// New returns a Quoter with the shipped lexicon.
func New() (*Quoter, error) {
	lx, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	return &Quoter{Lexicon: lx, MinWords: 4}, nil
}

// Annotate sets doc.Quotes from the text and the layers before it.
func (q *Quoter) Annotate(ctx context.Context, doc *dateline.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if q.Lexicon == nil {
		lx, err := DefaultLexicon()
		if err != nil {
			return err
		}
		q.Lexicon = lx
	}
	// A bug must cost this document its quotes, not the caller its process.
	defer func() {
		if r := recover(); r != nil {
			doc.Quotes = nil
			doc.Notef("quote", dateline.Span{}, "quote stage failed: %v", r)
		}
	}()
	doc.Quotes = q.Find(doc)
	return nil
}

// Find returns the quotes of doc in text order without changing doc.
func (q *Quoter) Find(doc *dateline.Document) []dateline.Quote {
	a := newAnalysis(q, doc)
	if a == nil {
		return nil
	}
	a.findCues()
	for _, c := range a.cues {
		a.attribute(c)
	}
	a.leftovers()
	return a.output()
}

// cue is one cue word (or words) in the text.
type cue struct {
	at, n int // first word and number of words
	entry int // index into Lexicon.Entries
}

// draft is a quote being built.
type draft struct {
	parts   []dateline.Span
	kind    string
	cue     *cue
	speaker string // entity ID
	name    string
	typ     string // entity type of the speaker, when known
	segs    []int  // quotations it holds
	para    int
}

// ment is one mention of an entity.
type ment struct {
	span   dateline.Span
	entity int // index into Document.Entities; -1 when unresolved
	typ    string
	ner    string // the recogniser's type (PER, ORG, LOC); "" when it gave none
}

type analysis struct {
	q        *Quoter
	doc      *dateline.Document
	text     string
	paras    []dateline.Span
	segs     []segment
	ws       []word
	ments    []ment
	kids     [][]int
	used     []bool // quotations already in a quote
	cues     []cue
	drafts   []*draft
	segOpen  map[int]int // word index of each quotation's opening mark → quotation
	segClose map[int]int
	cueAt    map[int]int      // word index of a cue → index into cues
	owner    []*draft         // quote that holds each quotation
	inside   []bool           // words in the content of a quote
	byPara   map[int][]*draft // quotes by paragraph of their cue or content
	paraWord []int            // first word of each paragraph; len(paras)+1 entries
}

func newAnalysis(q *Quoter, doc *dateline.Document) *analysis {
	text := doc.Text
	if strings.TrimSpace(text) == "" {
		return nil
	}
	a := &analysis{q: q, doc: doc, text: text}
	a.paras = paragraphs(doc)
	a.segs = scanQuotations(text, a.paras)
	a.ws = docWords(doc)
	markWords(a.ws, text, a.paras, a.segs)
	a.used = make([]bool, len(a.segs))
	a.segOpen, a.segClose = map[int]int{}, map[int]int{}
	for i := range a.ws {
		w := &a.ws[i]
		if !w.mark || w.seg < 0 {
			continue
		}
		s := &a.segs[w.seg]
		if w.span.Start == s.open.Start {
			a.segOpen[i] = w.seg
		}
		if s.close.Len() > 0 && w.span.Start == s.close.Start {
			a.segClose[i] = w.seg
			// A quotation ending a sentence ends the outside sentence too.
			c := strings.TrimRightFunc(s.parts[len(s.parts)-1].In(text), unicode.IsSpace)
			if strings.HasSuffix(c, ".") || strings.HasSuffix(c, "!") || strings.HasSuffix(c, "?") {
				if i+1 >= len(a.ws) || a.ws[i+1].para != w.para || a.ws[i+1].capitalised() || a.ws[i+1].mark {
					w.stop = true
				}
			}
		}
	}
	a.sentenceEnds()
	a.abbreviationEnds()
	a.ments = mentions(doc)
	a.kids = children(a.ws)
	a.cueAt = map[int]int{}
	a.owner = make([]*draft, len(a.segs))
	a.inside = make([]bool, len(a.ws))
	a.byPara = map[int][]*draft{}
	a.paraWord = make([]int, len(a.paras)+1)
	for pi := range a.paras {
		a.paraWord[pi] = sort.Search(len(a.ws), func(i int) bool { return a.ws[i].span.Start >= a.paras[pi].Start })
	}
	a.paraWord[len(a.paras)] = len(a.ws)
	return a
}

// sentenceEnds marks the last word of every sentence of the segmenter as
// a sentence end, when it lies outside quotations: a sentence may end
// without a period of its own ("… in the U.S." or a heading).
func (a *analysis) sentenceEnds() {
	for _, s := range a.doc.Sentences {
		if s.Span.End <= s.Span.Start || s.Span.End > len(a.text) {
			continue
		}
		i := a.wordAt(s.Span.End - 1)
		if i < len(a.ws) && a.ws[i].span.End == s.Span.End && a.ws[i].seg < 0 && !a.ws[i].mark {
			a.ws[i].stop = true
		}
	}
}

// abbreviationEnds marks as a sentence end a word that ends with a period
// of its own ("p.m.", "U.S.") before a quotation that opens with a capital
// letter: "… at about 7:45 p.m. "No troops were injured."".
func (a *analysis) abbreviationEnds() {
	for i := 0; i+1 < len(a.ws); i++ {
		w := &a.ws[i]
		k, ok := a.segOpen[i+1]
		if !ok || w.seg >= 0 || w.mark || len(w.text) < 2 || !strings.HasSuffix(w.text, ".") || a.ws[i+1].para != w.para {
			continue
		}
		if r, _ := firstRune(a.text, a.segs[k].parts[0]); unicode.IsUpper(r) {
			w.stop = true
		}
	}
}

// paragraphs returns doc.Paragraphs when they fit the text, else splits
// the text at blank lines (or at line breaks when it has no blank line).
func paragraphs(doc *dateline.Document) []dateline.Span {
	text := doc.Text
	ok := len(doc.Paragraphs) > 0
	last := 0
	for _, p := range doc.Paragraphs {
		if p.Start < last || p.End > len(text) || p.Start > p.End {
			ok = false
			break
		}
		last = p.End
	}
	if ok {
		return doc.Paragraphs
	}
	sep := "\n"
	if strings.Contains(text, "\n\n") || strings.Contains(text, "\n\r\n") {
		sep = "blank"
	}
	var ps []dateline.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		end := i == len(text)
		if !end && text[i] == '\n' {
			if sep == "\n" {
				end = lineEnds(text, i)
			} else {
				j := i + 1
				for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
					j++
				}
				end = j < len(text) && text[j] == '\n'
			}
		}
		if !end {
			continue
		}
		s, e := start, i
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			ps = append(ps, dateline.Span{Start: s, End: e})
		}
		start = i + 1
	}
	return ps
}

// lineEnds reports whether the line break at text[i] ends a paragraph in
// text without blank lines: the next line is indented or the line ends a
// sentence. Wrapped lines of one paragraph go on.
func lineEnds(text string, i int) bool {
	if i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\t') {
		return true
	}
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\r') {
		j--
	}
	if j == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:j])
	switch r {
	case '.', '!', '?', '"', '”', '»', ':', '’', '\'':
		return true
	}
	return false
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// mentions collects the entity mentions of doc sorted by start, the
// resolved ones of doc.Entities first.
func mentions(doc *dateline.Document) []ment {
	var ms []ment
	seen := map[dateline.Span]bool{}
	ner := map[dateline.Span]string{}
	for _, m := range doc.Mentions {
		ner[m.Span] = m.Type
	}
	for ei, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m.Span.Start < 0 || m.Span.End > len(doc.Text) || m.Span.Start >= m.Span.End || seen[m.Span] {
				continue
			}
			seen[m.Span] = true
			ms = append(ms, ment{span: m.Span, entity: ei, typ: e.Type, ner: ner[m.Span]})
		}
	}
	for _, m := range doc.Mentions {
		if m.Span.Start < 0 || m.Span.End > len(doc.Text) || m.Span.Start >= m.Span.End || seen[m.Span] {
			continue
		}
		e := m.Entity
		if e >= len(doc.Entities) {
			e = -1
		}
		typ := m.Type
		if e >= 0 {
			typ = doc.Entities[e].Type
		}
		seen[m.Span] = true
		ms = append(ms, ment{span: m.Span, entity: e, typ: typ, ner: m.Type})
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].span.Start != ms[j].span.Start {
			return ms[i].span.Start < ms[j].span.Start
		}
		return ms[i].span.End > ms[j].span.End
	})
	return ms
}

// children lists the dependents of every word when there is a parse.
func children(ws []word) [][]int {
	parsed := false
	for i := range ws {
		if ws[i].rel != "" {
			parsed = true
			break
		}
	}
	if !parsed {
		return nil
	}
	kids := make([][]int, len(ws))
	for i := range ws {
		if h := ws[i].head; h >= 0 && h < len(ws) && h != i {
			kids[h] = append(kids[h], i)
		}
	}
	return kids
}

// outside reports whether word i is an ordinary word outside quotations
// in paragraph para.
func (a *analysis) outside(i, para int) bool {
	return i >= 0 && i < len(a.ws) && a.ws[i].para == para && a.ws[i].seg < 0
}

// findCues finds the cue words outside quotations.
func (a *analysis) findCues() {
	lx := a.q.Lexicon
	low := func(i int) string { return a.ws[i].low }
	for i := 0; i < len(a.ws); i++ {
		w := &a.ws[i]
		if w.seg >= 0 || w.para < 0 || w.isPunct() {
			continue
		}
		e, n, ok := lx.match(low, i, len(a.ws))
		if !ok {
			continue
		}
		good := true
		for k := i + 1; k < i+n; k++ {
			if !a.outside(k, w.para) {
				good = false
			}
		}
		if !good || !a.verbal(i, lx.Entries[e]) {
			continue
		}
		a.cueAt[i] = len(a.cues)
		a.cues = append(a.cues, cue{at: i, n: n, entry: e})
		i += n - 1
	}
}

// verbal reports whether the cue word at i is used as a verb: not after a
// determiner, not a passive participle, a verb for the tagger.
func (a *analysis) verbal(i int, e Entry) bool {
	w := &a.ws[i]
	if st := w.span.Start; st > 0 && (a.text[st-1] == '-' || isAlnum(rune(a.text[st-1]))) {
		return false // part of a compound: "so-called"
	}
	if e.Frame == FrameSource {
		return true
	}
	if p := i - 1; p >= 0 && a.ws[p].para == w.para && (a.closesQuotation(p) || a.ws[p].low == "," && a.closesQuotation(p-1)) {
		return true // "…," said Lavrov: taggers often miss an inverted verb
	}
	if w.pos != "" && w.pos != "VERB" && w.pos != "AUX" {
		return false
	}
	p := i - 1
	if !a.outside(p, w.para) {
		return true
	}
	if determiners[a.ws[p].low] {
		return false
	}
	if strings.HasSuffix(w.low, "ing") {
		return true
	}
	for p >= 0 && a.outside(p, w.para) && between[a.ws[p].low] && !passives[a.ws[p].low] {
		p--
	}
	if a.outside(p, w.para) && passives[a.ws[p].low] {
		// "is said to", "was told": the speaker is not the subject.
		return a.ws[p].low == "'s" || a.ws[p].low == "’s"
	}
	return true
}

// closesQuotation reports whether word i is the closing mark of a
// quotation.
func (a *analysis) closesQuotation(i int) bool {
	if i < 0 || i >= len(a.ws) {
		return false
	}
	_, ok := a.segClose[i]
	return ok
}

// skipBetween returns the first word from i on that is not an auxiliary or
// adverb standing between a cue and what follows it.
func (a *analysis) skipBetween(i, para int) int {
	for a.outside(i, para) && between[a.ws[i].low] && a.ws[i].low != "that" {
		i++
	}
	return i
}
