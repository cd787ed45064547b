package segment

import (
	"context"
	"sort"

	"github.com/dateline-news/dateline"
)

// Segmenter splits Document.Text into sentences and tokens. Its fields may
// be changed after [New] and before the first call to Annotate, which is
// safe for concurrent use on different documents.
type Segmenter struct {
	// MaxTokens is the hard maximum of tokens in one sentence: a longer
	// sentence is cut, preferably after a comma or semicolon, and the cut is
	// noted on the document. Zero or less means no maximum.
	MaxTokens int

	// Model is the learnt boundary classifier that reviews the rules'
	// sentence breaks and finds those they miss (lines without final
	// punctuation, signatures, headers); nil keeps the rules alone. New
	// sets the shipped model (see [Shipped]).
	Model *Model

	abbrev  abbrevTable
	openers map[string]bool
	// prefixes are the word parts that keep their hyphen ("e-mail").
	prefixes map[string]bool
	// ntWords are contractions written without apostrophe ("dont").
	ntWords map[string]bool
}

// New returns a Segmenter with a maximum of 300 tokens per sentence and
// the shipped boundary model (the rules alone if it could not be read;
// [Shipped] returns the error).
func New() *Segmenter {
	m, _ := Shipped()
	return &Segmenter{
		MaxTokens: 300,
		Model:     m,
		abbrev:    newAbbrevTable(),
		openers:   newOpenerSet(),
		prefixes:  wordSet(hyphenPrefixes),
		ntWords:   wordSet(ntContractions),
	}
}

// unit is a stretch of text segmented on its own: a part of a paragraph,
// or a title, subtitle, heading or dateline (special, with its kind).
type unit struct {
	span    dateline.Span
	kind    string
	special bool
}

// Annotate sets doc.Sentences and doc.Tokens from doc.Text, replacing any
// that were there. It reads doc.Paragraphs (or splits the text on blank
// lines when there are none) and the spans of the title, subtitle,
// headings and dateline, which become sentences of their own.
func (sg *Segmenter) Annotate(ctx context.Context, doc *dateline.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if sg.abbrev == nil { // a zero Segmenter works as New's does
		d := New()
		d.MaxTokens = sg.MaxTokens
		sg = d
	}
	text := doc.Text
	units := sg.units(doc)
	t := tokenizer{sg: sg, text: text, toks: make([]dateline.Token, 0, len(text)/5+1)}
	sents := make([]dateline.Sentence, 0, len(text)/100+1)
	var brk []mark
	for i, u := range units {
		if i%64 == 63 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		lo := len(t.toks)
		t.run(u.span.Start, u.span.End)
		hi := len(t.toks)
		if lo == hi {
			continue
		}
		if u.special {
			sents = sg.add(doc, sents, t.toks, lo, hi, u.kind)
			continue
		}
		if cap(brk) < hi-lo {
			brk = make([]mark, hi-lo, 2*(hi-lo))
		}
		sents = sg.split(doc, sents, t.toks, lo, hi, brk)
	}
	doc.Tokens = t.toks
	doc.Sentences = sents
	return nil
}

// units returns the stretches to segment, in text order and without
// overlaps: the special spans and the rest of every paragraph.
func (sg *Segmenter) units(doc *dateline.Document) []unit {
	n := len(doc.Text)
	var special []unit
	addSpecial := func(sp *dateline.Span, kind string) {
		if sp == nil {
			return
		}
		if s, ok := clip(*sp, n); ok {
			special = append(special, unit{span: s, kind: kind, special: true})
		}
	}
	addSpecial(doc.TitleSpan, dateline.KindTitle)
	addSpecial(doc.SubtitleSpan, dateline.KindSubtitle)
	for i := range doc.Headings {
		addSpecial(&doc.Headings[i].Span, dateline.KindHeading)
	}
	if doc.Dateline != nil {
		addSpecial(&doc.Dateline.Span, dateline.KindDateline)
	}
	sort.SliceStable(special, func(i, j int) bool { return special[i].span.Start < special[j].span.Start })

	var paras []dateline.Span
	if len(doc.Paragraphs) > 0 {
		for _, p := range doc.Paragraphs {
			if s, ok := clip(p, n); ok {
				paras = append(paras, s)
			}
		}
		sort.SliceStable(paras, func(i, j int) bool { return paras[i].Start < paras[j].Start })
	} else {
		paras = splitParagraphs(doc.Text)
	}

	out := make([]unit, 0, len(paras)+2*len(special))
	last := 0
	add := func(u unit) {
		if u.span.Start < last {
			u.span.Start = last
		}
		if u.span.End <= u.span.Start {
			return
		}
		out = append(out, u)
		last = u.span.End
	}
	ui := 0
	for _, p := range paras {
		cur := p.Start
		for ui < len(special) && special[ui].span.Start < p.End {
			u := special[ui]
			ui++
			if u.span.Start > cur {
				add(unit{span: dateline.Span{Start: cur, End: u.span.Start}})
			}
			add(u)
			cur = max(cur, u.span.End)
		}
		if cur < p.End {
			add(unit{span: dateline.Span{Start: cur, End: p.End}})
		}
	}
	for ; ui < len(special); ui++ {
		add(special[ui])
	}
	return out
}

// clip returns sp limited to [0, n), and false when nothing is left.
func clip(sp dateline.Span, n int) (dateline.Span, bool) {
	sp.Start = max(sp.Start, 0)
	sp.End = min(sp.End, n)
	return sp, sp.Start < sp.End
}

// splitParagraphs returns the paragraphs of text: stretches separated by
// lines that are empty or hold only spaces, trimmed of surrounding space.
func splitParagraphs(text string) []dateline.Span {
	var out []dateline.Span
	start := -1 // start of the current paragraph, -1 between paragraphs
	end := 0    // end of the last non-blank line
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] != '\n' {
			j++
		}
		a, b := i, j
		for a < b && isASCIISpace(text[a]) {
			a++
		}
		for b > a && isASCIISpace(text[b-1]) {
			b--
		}
		if a == b {
			if start >= 0 {
				out = append(out, dateline.Span{Start: start, End: end})
				start = -1
			}
		} else {
			if start < 0 {
				start = a
			}
			end = b
		}
		i = j + 1
	}
	if start >= 0 {
		out = append(out, dateline.Span{Start: start, End: end})
	}
	return out
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n'
}
