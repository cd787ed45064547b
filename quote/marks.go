package quote

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// segment is one top-level quotation: the text between an opening mark and
// its closing mark, or the end of the paragraph when the closing mark is
// missing. A quotation that runs over several paragraphs (an opening mark
// at the start of each new paragraph continues it) has one part per
// paragraph.
type segment struct {
	open  dateline.Span   // the opening mark of the first part
	close dateline.Span   // the closing mark of the last part; empty when missing
	parts []dateline.Span // content of each paragraph, without marks
	para  int             // paragraph of the first part
	last  int             // paragraph of the last part
}

// content returns the span from the first content byte to the last.
func (s *segment) content() dateline.Span {
	return dateline.Span{Start: s.parts[0].Start, End: s.parts[len(s.parts)-1].End}
}

// outer returns the span of the segment with its marks.
func (s *segment) outer() dateline.Span {
	end := s.close.End
	if s.close.Len() == 0 {
		end = s.parts[len(s.parts)-1].End
	}
	return dateline.Span{Start: s.open.Start, End: end}
}

// family groups the marks: double marks pair with double, single with single.
const (
	famNone = iota
	famDouble
	famSingle
)

func family(r rune) int {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return famDouble
	case '\'', '‘', '’', '‚', '‹', '›':
		return famSingle
	}
	return famNone
}

// isQuoteMark reports whether r is a quotation mark of any style.
func isQuoteMark(r rune) bool { return family(r) != famNone }

// closes reports whether c closes a quotation opened with o.
func closes(o, c rune) bool {
	switch o {
	case '"':
		return c == '"' || c == '”' || c == '“'
	case '“':
		return c == '”' || c == '"' || c == '“'
	case '„':
		return c == '“' || c == '”' || c == '"'
	case '”':
		return c == '”' || c == '"'
	case '«':
		return c == '»'
	case '»':
		return c == '«'
	case '\'':
		return c == '\'' || c == '’'
	case '‘':
		return c == '’' || c == '\''
	case '‚':
		return c == '‘' || c == '’'
	case '‹':
		return c == '›'
	case '›':
		return c == '‹'
	}
	return false
}

// canOpen reports whether r may open a quotation at all.
func canOpen(r rune) bool {
	switch r {
	case '"', '“', '„', '”', '«', '»', '\'', '‘', '‚', '‹', '›':
		return true
	}
	return false
}

// maxDepth bounds the nesting of quotations; deeper opening marks are
// ignored, which keeps the scan linear on text full of marks.
const maxDepth = 16

// openMark is a mark waiting for its closer.
type openMark struct {
	r   rune
	at  int // byte offset of the mark in the text
	end int // byte offset after the mark
}

// scanParagraph finds the top-level quotations of text[p.Start:p.End].
// Quotations are nested with a stack; a closer that matches a deeper opener
// drops the unbalanced openers above it. A double quotation left open ends
// at the end of the paragraph (unclosed is true); a single one left open is
// dropped, as its mark was most likely an apostrophe.
func scanParagraph(text string, p dateline.Span) (segs []segment, unclosed bool) {
	var stack []openMark
	prev := rune(' ')
	for i := p.Start; i < p.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		next := rune(' ')
		if i+size < p.End {
			next, _ = utf8.DecodeRuneInString(text[i+size:])
		}
		if f := family(r); f != famNone {
			apostrophe := f == famSingle && isAlnum(prev) && isAlnum(next)
			openCtx := opensContext(prev) && !unicode.IsSpace(next)
			closeCtx := !unicode.IsSpace(prev) && !opensContext(prev) || unicode.IsSpace(prev) && (unicode.IsSpace(next) || unicode.IsPunct(next))
			matched := -1
			if !apostrophe && (closeCtx || !openCtx) {
				for k := len(stack) - 1; k >= 0; k-- {
					if closes(stack[k].r, r) {
						matched = k
						break
					}
				}
			}
			switch {
			case matched >= 0:
				o := stack[matched]
				segs = append(segs, segment{
					open:  dateline.Span{Start: o.at, End: o.end},
					close: dateline.Span{Start: i, End: i + size},
					parts: []dateline.Span{{Start: o.end, End: i}},
				})
				stack = stack[:matched]
			case !apostrophe && canOpen(r) && (openCtx || r == '"' && !closeCtx) && len(stack) < maxDepth:
				stack = append(stack, openMark{r: r, at: i, end: i + size})
			}
		}
		prev = r
		i += size
	}
	for _, o := range stack {
		if family(o.r) == famDouble {
			segs = append(segs, segment{
				open:  dateline.Span{Start: o.at, End: o.end},
				close: dateline.Span{Start: p.End, End: p.End},
				parts: []dateline.Span{{Start: o.end, End: p.End}},
			})
			break
		}
	}
	// Keep the outermost quotations, in text order.
	sort.Slice(segs, func(i, j int) bool { return segs[i].open.Start < segs[j].open.Start })
	top := segs[:0]
	for _, s := range segs {
		if len(top) > 0 && s.open.Start < top[len(top)-1].outer().End {
			continue // nested in the previous one
		}
		top = append(top, s)
	}
	segs = top
	// Drop quotations with nothing inside but spaces and punctuation.
	out := segs[:0]
	for _, s := range segs {
		if hasLetterOrDigit(s.parts[0].In(text)) {
			out = append(out, s)
		}
	}
	unclosed = len(out) > 0 && out[len(out)-1].close.Len() == 0
	return out, unclosed
}

// opensContext reports whether a mark after r stands at the start of a word.
func opensContext(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':', '“', '‘', '„', '‚', '«', '»', '‹', '›', '"', '\'':
		return true
	}
	return false
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if isAlnum(r) {
			return true
		}
	}
	return false
}

// firstRune returns the first non-space rune of text[sp].
func firstRune(text string, sp dateline.Span) (rune, int) {
	for i := sp.Start; i < sp.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return r, i
		}
		i += size
	}
	return 0, -1
}

// scanQuotations finds the top-level quotations of every paragraph and
// joins a quotation left open at the end of a paragraph with the first
// quotation of the next paragraph when that paragraph opens with a mark of
// the same family: the convention for quotes that run over paragraphs.
func scanQuotations(text string, paras []dateline.Span) []segment {
	var all []segment
	openPrev := -1 // index in all of a quotation left open by the previous paragraph
	for pi, p := range paras {
		segs, unclosed := scanParagraph(text, p)
		for k := range segs {
			segs[k].para, segs[k].last = pi, pi
		}
		if openPrev >= 0 && len(segs) > 0 {
			r, at := firstRune(text, p)
			if at == segs[0].open.Start && family(r) == famDouble {
				prev := &all[openPrev]
				prev.parts = append(prev.parts, segs[0].parts...)
				prev.close = segs[0].close
				prev.last = pi
				segs = segs[1:]
				if len(segs) == 0 && unclosed {
					continue // still open: the quotation may go on
				}
			}
		}
		openPrev = -1
		all = append(all, segs...)
		if unclosed && len(segs) > 0 {
			openPrev = len(all) - 1
		}
	}
	return all
}
