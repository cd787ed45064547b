package timex

import (
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// tok is one word, number or punctuation mark of the text, with what the
// word table says about it.
type tok struct {
	s, e  int   // byte span in the text
	val   int   // class value: month 1–12, weekday 1–7, number, unit...
	num   int   // value of a digit run; -1 when not all digits
	nd    int8  // number of leading digits (at most 10)
	cls   class // word class from the table; clNone for unknown words
	punct byte  // the ASCII punctuation byte, '-' for dashes; 0 for words
	upper bool  // starts with an upper-case letter
	sfx   sfx   // what follows the leading digits
}

// sfx is what follows the digits of a token: "23rd", "1990s", "5pm".
type sfx uint8

const (
	sfxNone sfx = iota
	sfxTh       // st, nd, rd, th
	sfxS        // s
	sfxAM       // am
	sfxPM       // pm
	sfxOther
)

// scanner splits text into toks; buf is reused to lower-case words for the
// table look-up without allocating.
type scanner struct {
	buf   []byte
	toks  []tok
	exprs []Expr
	sents []dateline.Span // sentence spans, reused by the stage
	paras []dateline.Span // paragraph spans, reused by the stage
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// scan fills s.toks from text.
func (s *scanner) scan(text string) {
	s.toks = s.toks[:0]
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r':
				i++
				continue
			case c == '\n':
				// a line break inside a paragraph is a space; a blank line
				// or an indented line starts a new paragraph
				if paragraphBreak(text, i+1) {
					s.toks = append(s.toks, tok{s: i, e: i + 1, punct: '\n', num: -1})
				}
				i++
				continue
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				i = s.word(text, i)
				continue
			}
			s.toks = append(s.toks, tok{s: i, e: i + 1, punct: c, num: -1})
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i = s.word(text, i)
			continue
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		p := byte('?')
		switch r {
		case '–', '—', '‐', '‑', '−':
			p = '-'
		case '’', '‘':
			p = '\''
		case '“', '”':
			p = '"'
		}
		s.toks = append(s.toks, tok{s: i, e: i + n, punct: p, num: -1})
		i += n
	}
}

// paragraphBreak reports whether the line starting at i is blank or
// indented, or the text ends there.
func paragraphBreak(text string, i int) bool {
	return i >= len(text) || text[i] == '\n' || text[i] == ' ' || text[i] == '\t' || text[i] == '\r'
}

// word scans one run of letters and digits starting at i and returns the
// offset after it.
func (s *scanner) word(text string, i int) int {
	start := i
	num, nd, alldig, ascii := 0, 0, true, true
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= '0' && c <= '9':
				if alldig {
					if nd < 9 {
						num = num*10 + int(c-'0')
					}
					nd++
				}
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				alldig = false
			default:
				goto done
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		alldig, ascii = false, false
		i += n
	}
done:
	if nd > 9 {
		nd = 10
	}
	t := tok{s: start, e: i, num: -1, nd: int8(nd)}
	if nd > 9 {
		nd = 0
	}
	if nd > 0 {
		t.val = num
		if alldig {
			t.num = num
		} else {
			t.sfx = ordinalSuffix(s.lower(text[start+nd : i]))
		}
	}
	c := text[start]
	t.upper = c >= 'A' && c <= 'Z'
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(text[start:])
		t.upper = unicode.IsUpper(r)
	}
	if nd == 0 && ascii && i-start <= maxWordLen && maybeShape(i-start, text[start]|0x20, text[i-1]|0x20) {
		if w, ok := words[string(s.lower(text[start:i]))]; ok {
			t.cls, t.val = w.cls, w.val
		}
	}
	s.toks = append(s.toks, t)
	return i
}

// lower copies the ASCII word w in lower case into the scanner's buffer.
func (s *scanner) lower(w string) []byte {
	s.buf = s.buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.buf = append(s.buf, c)
	}
	return s.buf
}

// ordinalSuffix returns the known suffix after a number ("th", "s", "pm").
func ordinalSuffix(b []byte) sfx {
	switch string(b) {
	case "st", "nd", "rd", "th":
		return sfxTh
	case "s":
		return sfxS
	case "am":
		return sfxAM
	case "pm":
		return sfxPM
	}
	return sfxOther
}
