// Package clean is the first stage: it reads a wire story or web text as
// delivered and builds the frozen Document.Text, keeping navigation lines,
// photo captions and credits out of it and reading the title, subtitle,
// section headings and the dateline.
package clean

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// Cleaner builds Document.Text from Document.Raw.
type Cleaner struct {
	// Country returns the ISO alpha-3 code of the country a dateline place
	// lies in, or "" when unknown. Nil leaves Dateline.Country empty.
	Country func(place string) string
}

// New returns a Cleaner with no place lookup.
func New() *Cleaner { return &Cleaner{} }

// line is one line of the raw input.
type line struct {
	start, end int // trimmed content [start, end) in Raw
	indent     int // leading white space before start
	num        int // 1-based line number
}

func (l line) blank() bool { return l.start == l.end }

// block is one unit of the input: a paragraph, a title, a heading or a
// boilerplate line, made of one or more raw lines.
type block struct {
	lines []line
	text  string // lines joined with single spaces
	kind  string // see the kind constants
	// dateline is set on the paragraph that opens with the dateline.
	dateline *Dateline
}

const (
	kindPara     = "paragraph"
	kindTitle    = "title"
	kindSubtitle = "subtitle"
	kindHeading  = "heading"
	kindNav      = "navigation"
	kindLegend   = "legend" // a map or chart legend: "██ Syrian Arab Republic"
	kindCaption  = "caption"
	kindCredit   = "credit"
)

// Annotate sets doc.Text and the document-level layers from doc.Raw. It
// returns an error wrapping [dateline.ErrEmpty] or [dateline.ErrBinary] when
// the input holds no text.
func (c *Cleaner) Annotate(ctx context.Context, doc *dateline.Document) error {
	if err := c.check(doc); err != nil {
		return err
	}
	lines := splitLines(doc.Raw)
	blocks := joinBlocks(doc.Raw, lines, wrapped(lines))
	classify(doc, blocks)
	c.build(doc, blocks)
	setDate(doc)
	return nil
}

// check refuses input that holds no text and repairs invalid UTF-8.
func (c *Cleaner) check(doc *dateline.Document) error {
	if strings.TrimSpace(doc.Raw) == "" {
		return fmt.Errorf("clean: %w", dateline.ErrEmpty)
	}
	if isBinary(doc.Raw) {
		return fmt.Errorf("clean: %w", dateline.ErrBinary)
	}
	if !utf8.ValidString(doc.Raw) {
		doc.Raw = strings.ToValidUTF8(doc.Raw, "\uFFFD")
		doc.Notef("clean", dateline.Span{}, "input is not valid UTF-8: invalid bytes replaced with U+FFFD")
	}
	return nil
}

// isBinary reports whether s looks like binary data rather than text: a NUL
// byte, or more than 10% control bytes in its first 8 KiB.
func isBinary(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	n := min(len(s), 8192)
	ctl := 0
	for i := range n {
		if b := s[i]; b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	return ctl*10 > n
}

func splitLines(raw string) []line {
	var out []line
	num := 0
	for pos := 0; pos <= len(raw); {
		num++
		end := strings.IndexByte(raw[pos:], '\n')
		next := len(raw) + 1
		if end < 0 {
			end = len(raw)
		} else {
			end += pos
			next = end + 1
		}
		s, e := pos, end
		for s < e && isSpace(raw[s]) {
			s++
		}
		for e > s && isSpace(raw[e-1]) {
			e--
		}
		if s < e {
			// A no-break space or other Unicode space alone is still blank.
			if strings.TrimSpace(raw[s:e]) == "" {
				s = e
			}
		}
		out = append(out, line{start: s, end: e, indent: s - pos, num: num})
		pos = next
	}
	return out
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v' }

// wrapped reports whether the input is hard-wrapped at a fixed width, as
// old wire copy is: nearly every line is short and several fill the width.
func wrapped(lines []line) bool {
	n, long, widest := 0, 0, 0
	for _, l := range lines {
		if l.blank() {
			continue
		}
		n++
		w := l.end - l.start + l.indent
		if w > 100 {
			long++
		}
		widest = max(widest, w)
	}
	if n < 4 || long*10 > n {
		return false
	}
	full := 0
	for _, l := range lines {
		if !l.blank() && l.end-l.start+l.indent >= widest-15 {
			full++
		}
	}
	return full >= 3 && full*3 >= n
}

// joinBlocks groups lines into blocks. Blank lines always separate blocks;
// in hard-wrapped input an indented line or a line after a short one starts
// a new block, elsewhere every line is a block of its own.
func joinBlocks(raw string, lines []line, wrap bool) []block {
	widest := 0
	for _, l := range lines {
		widest = max(widest, l.end-l.start+l.indent)
	}
	var out []block
	prevBlank := true
	for i, l := range lines {
		if l.blank() {
			prevBlank = true
			continue
		}
		join := false
		if wrap && !prevBlank && len(out) > 0 {
			prev := lines[i-1]
			prevWidth := prev.end - prev.start + prev.indent
			join = l.indent <= prev.indent && prevWidth*10 >= widest*6
		}
		if join {
			b := &out[len(out)-1]
			b.lines = append(b.lines, l)
			b.text += " " + raw[l.start:l.end]
		} else {
			out = append(out, block{lines: []line{l}, text: raw[l.start:l.end], kind: kindPara})
		}
		prevBlank = false
	}
	return out
}

// build writes doc.Text from the blocks that are article text and records
// every layer the cleaner owns.
func (c *Cleaner) build(doc *dateline.Document, blocks []block) {
	var b strings.Builder
	var datelineAt dateline.Span
	addSep := func() {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
	}
	// A title given by metadata but not printed in the text still leads it.
	if doc.Title != "" && !hasKind(blocks, kindTitle) {
		sp := dateline.Span{Start: 0, End: len(doc.Title)}
		b.WriteString(doc.Title)
		doc.TitleSpan = &sp
		doc.Paragraphs = append(doc.Paragraphs, sp)
	}
	for bi := range blocks {
		bl := &blocks[bi]
		switch bl.kind {
		case kindNav, kindCaption, kindCredit, kindLegend:
			for _, l := range bl.lines {
				doc.Boilerplate = append(doc.Boilerplate, dateline.Boilerplate{Kind: bl.kind, Text: doc.Raw[l.start:l.end], Line: l.num})
			}
			continue
		}
		addSep()
		start := b.Len()
		for i, l := range bl.lines {
			if i > 0 {
				b.WriteByte(' ')
			}
			doc.Pieces = append(doc.Pieces, dateline.Piece{At: b.Len(), From: l.start, Len: l.end - l.start})
			b.WriteString(doc.Raw[l.start:l.end])
		}
		sp := dateline.Span{Start: start, End: b.Len()}
		doc.Paragraphs = append(doc.Paragraphs, sp)
		switch bl.kind {
		case kindTitle:
			doc.Title = bl.text
			doc.TitleSpan = &sp
		case kindSubtitle:
			doc.Subtitle = bl.text
			doc.SubtitleSpan = &sp
		case kindHeading:
			doc.Headings = append(doc.Headings, dateline.Heading{Text: bl.text, Span: sp})
		}
		if bl.dateline != nil {
			datelineAt = sp
		}
	}
	doc.Text = b.String()
	for _, bl := range blocks {
		if bl.dateline != nil {
			c.setDateline(doc, *bl.dateline, datelineAt)
		}
	}
}

// setDateline records the dateline parsed from the paragraph at sp.
func (c *Cleaner) setDateline(doc *dateline.Document, d Dateline, sp dateline.Span) {
	text := doc.Text[sp.Start:sp.End]
	dl := &dateline.Dateline{
		Text:      text[d.PlaceStart:d.End],
		Place:     d.Place,
		Year:      d.Year,
		Agency:    d.Agency,
		Span:      dateline.Span{Start: sp.Start + d.PlaceStart, End: sp.Start + d.End},
		PlaceSpan: dateline.Span{Start: sp.Start + d.PlaceStart, End: sp.Start + d.PlaceEnd},
	}
	if d.Month != 0 {
		dl.MonthDay = fmt.Sprintf("%02d-%02d", d.Month, d.Day)
	}
	if c.Country != nil {
		dl.Country = c.Country(d.Place)
	}
	doc.Dateline = dl
}

func hasKind(blocks []block, kind string) bool {
	for _, b := range blocks {
		if b.kind == kind {
			return true
		}
	}
	return false
}

// setDate sets doc.Date from metadata, else from the dateline.
func setDate(doc *dateline.Document) {
	switch {
	case !doc.Published.IsZero():
		doc.Date = &dateline.DocDate{Value: doc.Published.Format(time.DateOnly), Basis: "publication date given with the article"}
	case doc.Dateline != nil && doc.Dateline.MonthDay != "" && doc.Dateline.Year != 0:
		doc.Date = &dateline.DocDate{Value: fmt.Sprintf("%04d-%s", doc.Dateline.Year, doc.Dateline.MonthDay), Basis: "printed in the dateline"}
	case doc.Dateline != nil && doc.Dateline.MonthDay != "":
		doc.Date = &dateline.DocDate{Value: "XXXX-" + doc.Dateline.MonthDay, Basis: "month and day from the dateline; no year is printed"}
	}
}
