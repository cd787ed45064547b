package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// word is one token as the stage sees it: from Document.Tokens when the
// segmenter ran, else from the stage's own split of the text.
type word struct {
	span  dateline.Span
	text  string
	low   string
	pos   string // UPOS; "" without a tagger
	tag   string // XPOS
	feats string
	head  int    // index into words; -1 for a root or without a parse
	rel   string // "" without a parse
	para  int    // index of the paragraph; -1 outside every paragraph
	seg   int    // index of the quotation the word lies in; -1 outside
	mark  bool   // a quotation mark
	stop  bool   // ends a sentence: . ! ? ; outside quotations
}

// words returns the tokens of doc, splitting the text itself when the
// document has no tokens or tokens whose spans do not fit the text.
func docWords(doc *dateline.Document) []word {
	text := doc.Text
	valid := len(doc.Tokens) > 0
	for _, t := range doc.Tokens {
		if t.Span.Start < 0 || t.Span.End > len(text) || t.Span.Start > t.Span.End {
			valid = false
			break
		}
	}
	var ws []word
	if valid {
		ws = make([]word, 0, len(doc.Tokens))
		for _, t := range doc.Tokens {
			txt := text[t.Span.Start:t.Span.End]
			head := t.Head
			if head < -1 || head >= len(doc.Tokens) {
				head = -1
			}
			ws = append(ws, word{span: t.Span, text: txt, low: strings.ToLower(txt), pos: t.POS, tag: t.Tag,
				feats: t.Feats, head: head, rel: t.Rel, seg: -1, para: -1})
		}
		return splitMarks(ws, text)
	}
	return splitText(text)
}

// splitMarks splits tokens that glue a quotation mark to a word ("“We")
// so that marks are tokens of their own. The parse is kept: each piece of
// a token that is not a mark takes the token's place, a mark split off
// hangs from it as punctuation. Clitics ("'s", "'ve", "n't") are words.
func splitMarks(ws []word, text string) []word {
	glued := func(w word) bool {
		return len(w.text) > 1 && !clitics[strings.ToLower(strings.ReplaceAll(w.text, "’", "'"))] &&
			(startsWithMark(w.text) || endsWithMark(w.text))
	}
	need := false
	for _, w := range ws {
		if glued(w) {
			need = true
			break
		}
	}
	if !need {
		return ws
	}
	out := make([]word, 0, len(ws)+8)
	at := make([]int, len(ws)) // index in out of each token's main piece
	for i, w := range ws {
		if !glued(w) {
			at[i] = len(out)
			out = append(out, w)
			continue
		}
		ps := splitText(w.span.In(text))
		main := -1
		for k, p := range ps {
			if main < 0 && !(len(p.text) > 0 && isQuoteMark([]rune(p.text)[0])) {
				main = k
			}
		}
		if main < 0 {
			main = 0
		}
		at[i] = len(out) + main
		for k, p := range ps {
			p.span.Start += w.span.Start
			p.span.End += w.span.Start
			p.pos, p.tag, p.feats, p.head, p.rel = w.pos, w.tag, w.feats, w.head, w.rel
			if k != main {
				p.pos, p.tag, p.feats, p.head, p.rel = "PUNCT", "", "", -(i + 2), "punct" // hangs from the main piece
			}
			out = append(out, p)
		}
	}
	for k := range out {
		switch h := out[k].head; {
		case h >= 0 && h < len(at):
			out[k].head = at[h]
		case h <= -2:
			out[k].head = at[-h-2]
		}
	}
	return out
}

// clitics are the tokens that start with an apostrophe and are words.
var clitics = set("'s", "'d", "'ve", "'ll", "'re", "'m", "n't", "'")

func startsWithMark(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isQuoteMark(r)
}

func endsWithMark(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isQuoteMark(r)
}

// splitText splits text into words and punctuation: letters and digits
// with inner apostrophes, hyphens and periods stay one word, a possessive
// "'s" is a word of its own, every other symbol is a token.
func splitText(text string) []word {
	var ws []word
	add := func(s, e int) {
		t := text[s:e]
		ws = append(ws, word{span: dateline.Span{Start: s, End: e}, text: t, low: strings.ToLower(t), head: -1, seg: -1, para: -1})
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isAlnum(r) {
			if last, _ := utf8.DecodeLastRuneInString(text[:i]); (r == '\'' || r == '’') && isAlnum(last) && i+size < len(text) &&
				(text[i+size] == 's' || text[i+size] == 'S') && !continuesWord(text, i+size+1) {
				add(i, i+size+1) // the possessive "'s"
				i += size + 1
				continue
			}
			add(i, i+size)
			i += size
			continue
		}
		s := i
		i += size
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isAlnum(r) {
				i += size
				continue
			}
			if r == '\'' || r == '’' || r == '-' || r == '.' || r == '&' {
				n, nsize := utf8.DecodeRuneInString(text[i+size:])
				if i+size < len(text) && isAlnum(n) {
					// A possessive 's ends the word.
					if (r == '\'' || r == '’') && (n == 's' || n == 'S') && !continuesWord(text, i+size+nsize) {
						break
					}
					i += size + nsize
					continue
				}
				if r == '.' && abbreviation(text[s:i]) {
					i += size
				}
			}
			break
		}
		add(s, i)
	}
	return ws
}

// continuesWord reports whether a letter or digit starts at text[i:].
func continuesWord(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isAlnum(r)
}

// abbreviation reports whether w followed by a period is an abbreviation
// that keeps its period: a title or a single capital letter.
func abbreviation(w string) bool {
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	if strings.Contains(w, ".") {
		return true // U.S
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "St", "Jr", "Sr",
		"Prof", "Maj", "Adm", "Cmdr", "Pres", "Rev", "Hon", "No", "vs", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr",
		"Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Ltd", "Co", "etc":
		return true
	}
	return false
}

// isPunct reports whether w is punctuation or a symbol, not a word.
func (w *word) isPunct() bool {
	r, _ := utf8.DecodeRuneInString(w.text)
	return !isAlnum(r)
}

// capitalised reports whether w starts with an upper-case letter.
func (w *word) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(w.text)
	return unicode.IsUpper(r)
}

// markWords records for every word its paragraph, its quotation and
// whether it is a mark or ends a sentence.
func markWords(ws []word, text string, paras []dateline.Span, segs []segment) {
	pi := 0
	for i := range ws {
		w := &ws[i]
		for pi < len(paras) && paras[pi].End <= w.span.Start {
			pi++
		}
		if pi < len(paras) && paras[pi].Start <= w.span.Start {
			w.para = pi
		}
		if len(w.text) > 0 {
			r, _ := utf8.DecodeRuneInString(w.text)
			w.mark = isQuoteMark(r) && utf8.RuneCountInString(w.text) == 1
		}
	}
	si := 0
	for i := range ws {
		w := &ws[i]
		for si < len(segs) && segs[si].outer().End <= w.span.Start {
			si++
		}
		if si < len(segs) && segs[si].outer().Start <= w.span.Start && w.span.End <= segs[si].outer().End {
			w.seg = si
		}
	}
	for i := range ws {
		w := &ws[i]
		if w.seg >= 0 || w.mark {
			continue
		}
		switch w.text {
		case ".", "!", "?", ";", "…":
			w.stop = true
		}
	}
}
