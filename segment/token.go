package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// hyphenPrefixes are the word parts after which UD English EWT and GUM
// keep the hyphen inside the token ("e-mail", "non-human", "re-elected");
// every other hyphen between word parts is a token of its own.
const hyphenPrefixes = `e non anti mid re pro co pre post cross semi multi counter sub ex over
inter intra ultra neo micro macro mini bi tri un de mis uh`

// ntContractions are negated auxiliaries written without apostrophe, split
// before "nt" as EWT does ("do" "nt").
const ntContractions = `dont doesnt didnt isnt wasnt werent arent couldnt wouldnt shouldnt
hasnt havent hadnt wont aint`

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// tokenizer appends the tokens of stretches of text to toks.
type tokenizer struct {
	sg   *Segmenter
	text string
	toks []dateline.Token
	tail []dateline.Span // tokens peeled from the end of a chunk, last first
	// numFail is the end of the last run of hyphen-joined digit groups
	// found not to be kept whole, so that the run is not scanned again.
	numFail int
	buf     [16]byte
}

func (t *tokenizer) emit(p, q int) {
	if p < q {
		t.toks = append(t.toks, dateline.Token{Span: dateline.Span{Start: p, End: q}, Text: t.text[p:q], Head: -1})
	}
}

// decode returns the rune at text[i] (not reading past b) and its size.
func (t *tokenizer) decode(i, b int) (rune, int) {
	if c := t.text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t.text[i:b])
}

// isSpace reports whether r separates tokens.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// run tokenizes text[a:b], a paragraph or part of one.
func (t *tokenizer) run(a, b int) {
	first := true
	text := t.text
	for i := a; i < b; {
		if c := text[i]; c < utf8.RuneSelf {
			if c <= ' ' && isSpace(rune(c)) {
				i++
				continue
			}
		} else if r, n := t.decode(i, b); isSpace(r) {
			i += n
			continue
		}
		j := i
		plain := true // only ASCII letters and digits
		for j < b {
			c := text[j]
			if c < utf8.RuneSelf {
				if c <= ' ' && isSpace(rune(c)) {
					break
				}
				if plain && !isAlnum(c) {
					plain = false
				}
				j++
				continue
			}
			plain = false
			r, n := t.decode(j, b)
			if isSpace(r) {
				break
			}
			j += n
		}
		switch {
		case plain:
			t.word(i, j)
		case first && isListNumber(text[i:j]):
			t.emit(i, j) // "2." opening a paragraph: a list marker
		case j-i >= 2 && text[j-1] == ',' && isAlnum(text[j-2]) && allAlnum(text[i:j-1]):
			t.word(i, j-1)
			t.emit(j-1, j)
		default:
			t.chunk(i, j)
		}
		first = false
		i = j
	}
}

func allAlnum(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isAlnum(w[i]) {
			return false
		}
	}
	return true
}

// isListNumber reports whether w is a number of one to three digits and a
// period, as list items start: "2.".
func isListNumber(w string) bool {
	n := len(w)
	if n < 2 || n > 4 || w[n-1] != '.' {
		return false
	}
	for i := 0; i < n-1; i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isWordByte reports whether c is part of a letter or digit: an ASCII one
// or any byte of a multi-byte character, to keep the test cheap.
func isWordByte(c byte) bool { return isAlnum(c) || c >= utf8.RuneSelf }

// emoticon returns the length of the emoticon that w starts with ("=)",
// ":-)"), or 0.
func emoticon(w string) int {
	for _, e := range [...]string{":-)", ":-(", ";-)", ":-D", ":-P", ":)", ":(", ";)", ":D", ":P", ":p", ":/", "=)", "<3"} {
		if strings.HasPrefix(w, e) && (len(w) == len(e) || !isAlnum(w[len(e)])) {
			return len(e)
		}
	}
	return 0
}

// cliticAt reports whether w is a clitic standing alone after a space
// ("'s", "’re").
func cliticAt(w string) bool {
	w = strings.TrimPrefix(w, "’")
	w = strings.TrimPrefix(w, "'")
	switch strings.ToLower(w) {
	case "s", "m", "d", "re", "ve", "ll":
		return true
	}
	return false
}

// chunk tokenizes text[s:e], a stretch without spaces.
func (t *tokenizer) chunk(s, e int) {
	text := t.text
	// Leading punctuation.
	for s < e {
		if c := text[s]; (c == ':' || c == ';' || c == '=' || c == '<') && emoticon(text[s:e]) > 0 {
			n := emoticon(text[s:e])
			t.emit(s, s+n)
			s += n
			continue
		}
		c := text[s]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if r == '’' && (cliticAt(text[s:e]) || s+n < e && isDigit(text[s+n])) {
				break
			}
			if r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
				break
			}
			if r == '…' {
				t.emit(s, s+n)
				s += n
				continue
			}
			if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				t.emit(s, s+n)
				s += n
				continue
			}
			break
		}
		switch c {
		case '\'':
			if cliticAt(text[s:e]) || s+1 < e && isDigit(text[s+1]) {
				goto core
			}
			t.emit(s, s+1)
			s++
		case '(', '[', '{', '"', ',', ';', ')', ']', '}', '%', '&', '|', '+':
			t.emit(s, s+1)
			s++
		case '<', '>', '$', '\\':
			s = t.emitRun(s, e, c)
		case ':':
			if s+1 < e && (text[s+1] == '?' || text[s+1] == '!') {
				s = t.emitRun2(s, e)
				continue
			}
			t.emit(s, s+1)
			s++
		case '#':
			if s+1 < e && isAlnum(text[s+1]) && !isDigit(text[s+1]) {
				goto core // hashtag
			}
			t.emit(s, s+1)
			s++
		case '-', '.':
			if s+1 < e && isDigit(text[s+1]) {
				goto core // -5, .5
			}
			s = t.emitRun(s, e, c)
		case '`', '*', '=', '~', '!', '?', '_', '/', '^':
			s = t.emitRun(s, e, c)
		default:
			goto core
		}
	}
core:
	if s >= e {
		return
	}
	if st := emailStart(text[s:e]); st > 0 && isURL(text[s+st:e]) {
		t.core(s, s+st) // `"Ruth"<ruth@bbc.co.uk>`
		s += st
	}
	if isURL(text[s:e]) {
		e = t.peelTail(s, e, true)
		t.emit(s, e)
		t.flushTail()
		return
	}
	e = t.peelTail(s, e, false)
	t.core(s, e)
	t.flushTail()
}

// emitRun2 emits the run of . : ! ? at text[s:] as one token (":?", "?!")
// and returns its end.
func (t *tokenizer) emitRun2(s, e int) int {
	j := s + 1
	for j < e && isStopByte(t.text[j]) {
		j++
	}
	t.emit(s, j)
	return j
}

func isStopByte(c byte) bool { return c == '.' || c == '!' || c == '?' || c == ':' }

// emitRun emits the run of byte c at text[s:] as one token and returns its end.
func (t *tokenizer) emitRun(s, e int, c byte) int {
	j := s + 1
	for j < e && t.text[j] == c {
		j++
	}
	t.emit(s, j)
	return j
}

// isURL reports whether w looks like a URL or an e-mail address.
func isURL(w string) bool {
	if len(w) < 5 {
		return false
	}
	if c := w[0] | 0x20; c == 'h' || c == 'w' || c == 'f' {
		p := w[:4]
		if strings.EqualFold(p, "http") || strings.EqualFold(p, "www.") || strings.EqualFold(p, "ftp:") {
			return strings.HasPrefix(strings.ToLower(w[:min(len(w), 8)]), "http://") ||
				strings.HasPrefix(strings.ToLower(w[:min(len(w), 8)]), "https://") ||
				strings.EqualFold(p, "www.") || strings.EqualFold(p, "ftp:")
		}
	}
	at := strings.IndexByte(w, '@')
	if at > 0 && (isAlnum(w[at-1]) || w[at-1] == '.' && at > 1) {
		dot := strings.LastIndexByte(w, '.')
		return dot > at+1 && dot < len(w)-1 && isAlnum(w[dot+1])
	}
	return false
}

// emailStart returns the offset in w of the e-mail address that w ends
// with when something that cannot be part of one comes before it, or 0.
func emailStart(w string) int {
	at := strings.IndexByte(w, '@')
	if at <= 0 {
		return 0
	}
	i := at
	for i > 0 {
		c := w[i-1]
		if !isAlnum(c) && c != '.' && c != '_' && c != '-' && c != '+' && c != '%' {
			break
		}
		i--
	}
	if i == at {
		return 0
	}
	return i
}

// peelTail takes the trailing punctuation off text[s:e] into t.tail and
// returns the new end.
func (t *tokenizer) peelTail(s, e int, url bool) int {
	text := t.text
	t.tail = t.tail[:0]
	push := func(p, q int) { t.tail = append(t.tail, dateline.Span{Start: p, End: q}) }
	var opens, closes int
	if url {
		opens, closes = strings.Count(text[s:e], "("), strings.Count(text[s:e], ")")
	}
	for e > s {
		c := text[e-1]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
				return e
			}
			if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
				return e
			}
			if e-n == s {
				return e // the chunk is one symbol: it is the core
			}
			push(e-n, e)
			e -= n
			continue
		}
		switch c {
		case ')':
			if url {
				if opens >= closes {
					return e // the URL's own bracket
				}
				closes--
			}
			if e-s >= 2 && (text[e-2] == ':' || text[e-2] == ';' || text[e-2] == '=') ||
				e-s >= 3 && text[e-2] == '-' && text[e-3] == ':' {
				// emoticon at the end: ":)" ":-)"
				j := e - 2
				if text[j] == '-' {
					j--
				}
				if j == s {
					return e
				}
				push(j, e)
				e = j
				continue
			}
			fallthrough
		case ']', '}', '>', '"', ',', ';', ':', '%', '\'', '`', '*':
			if e-1 == s {
				return e
			}
			if c == '\'' && !url && e-s >= 4 && text[e-2] == 'n' && text[e-3] == 'i' && isAlnum(text[e-4]) {
				return e // goin', nothin'
			}
			push(e-1, e)
			e--
		case '!', '?':
			j := e - 1
			for j > s && isStopByte(text[j-1]) {
				j--
			}
			if j == s {
				return e
			}
			push(j, e)
			e = j
		case '.':
			j := e - 1
			for j > s && text[j-1] == '.' {
				j--
			}
			if j == s {
				return e
			}
			if e-j == 1 && !url && t.sg.abbrevKind(text[s:j]) != 0 {
				return e
			}
			push(j, e)
			e = j
		case '-':
			j := e - 1
			for j > s && text[j-1] == '-' {
				j--
			}
			if j == s || url {
				return e
			}
			if e-j == 1 && isAlnum(text[j-1]) {
				return e // a cut-off word: "th-"
			}
			push(j, e)
			e = j
		default:
			return e
		}
	}
	return e
}

func (t *tokenizer) flushTail() {
	for i := len(t.tail) - 1; i >= 0; i-- {
		t.emit(t.tail[i].Start, t.tail[i].End)
	}
	t.tail = t.tail[:0]
}

// abbrevKind returns the kind of the abbreviation w (its final period
// removed), or 0 when w is not one.
func (sg *Segmenter) abbrevKind(w string) abbrevKind {
	if len(w) == 0 || len(w) > 20 {
		return 0
	}
	if k, ok := sg.abbrev[w]; ok {
		return k
	}
	// An initial: one capital letter, not the pronoun "I".
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) && r != 'I' {
		return abbrevNever
	}
	// Letters separated by periods: "U.S", "a.m", "Ph.D".
	groups, run := 1, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if run == 0 {
				return 0
			}
			groups++
			run = 0
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			run++
			if run > 3 {
				return 0
			}
		default:
			return 0
		}
	}
	if groups >= 2 && run > 0 {
		return abbrevMayEnd
	}
	return 0
}

// core tokenizes text[s:e], a chunk without its leading and trailing
// punctuation, splitting at inner punctuation.
func (t *tokenizer) core(s, e int) {
	text := t.text
	p := s
	for q := s; q < e; {
		c := text[q]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[q:e])
			if r == '’' || r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
				!unicode.IsPunct(r) && !unicode.IsSymbol(r) {
				q += n
				continue
			}
			t.word(p, q)
			t.emit(q, q+n)
			q += n
			p = q
			continue
		}
		switch {
		case isAlnum(c), c == '_', c == '&', c == '@', c == '\'', c == '+', c == '#' && (q > p || q+1 < e && isAlnum(text[q+1])):
			q++
		case c == '/' && q-p == 1 && isAlnum(text[p]):
			q++ // b/c, w/o, w/, f/2
		case c == '(' && q > p && isAlnum(text[q-1]) && bracketSuffix(text[q:e]) > 0:
			q += bracketSuffix(text[q:e]) // Governor(s), Copper(II)
		case c == '.':
			j := q + 1
			for j < e && text[j] == '.' {
				j++
			}
			if j-q == 1 {
				q++
				continue
			}
			t.word(p, q)
			t.emit(q, j)
			p, q = j, j
		case c == ',' || c == '/' || c == ':':
			if q > s && isDigit(text[q-1]) && q+1 < e && isDigit(text[q+1]) {
				q++
				continue
			}
			t.word(p, q)
			t.emit(q, q+1)
			p, q = q+1, q+1
		case c == '-':
			j := q + 1
			for j < e && text[j] == '-' {
				j++
			}
			if j-q == 1 && q > p && j < e && isWordByte(text[q-1]) && isWordByte(text[j]) {
				if end := t.numberRun(p, e); end > q {
					q = end
					continue
				}
				if t.isPrefix(text[p:q]) {
					q++
					continue
				}
			}
			if j-q == 1 && j == e && q > p && isAlnum(text[q-1]) {
				q++ // a cut-off word: "th-"
				continue
			}
			t.word(p, q)
			t.emit(q, j)
			p, q = j, j
		case c == '!' || c == '?':
			j := q + 1
			for j < e && (text[j] == '!' || text[j] == '?') {
				j++
			}
			t.word(p, q)
			t.emit(q, j)
			p, q = j, j
		default:
			j := q + 1
			switch c {
			case '<', '>', '$', '\\', '=', '*', '~', '`', '^':
				for j < e && text[j] == c {
					j++
				}
			}
			t.word(p, q)
			t.emit(q, j)
			p, q = j, j
		}
	}
	t.word(p, e)
}

// bracketSuffix returns the length of the "(s)" or "(II)" that w starts
// with, one to three letters in brackets, or 0.
func bracketSuffix(w string) int {
	for i := 1; i < len(w) && i <= 4; i++ {
		c := w[i]
		if c == ')' {
			if i > 1 {
				return i + 1
			}
			return 0
		}
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return 0
		}
	}
	return 0
}

// numberRun returns the end of the hyphen-joined digit groups at text[p:e]
// when they are kept as one token (phone numbers, "11-20-2000": three or
// more groups, or 3+4 digits), else p.
func (t *tokenizer) numberRun(p, e int) int {
	text := t.text
	if p < t.numFail || !isDigit(text[p]) {
		return p
	}
	if end := monthDate(text[p:e]); end > 0 {
		return p + end // 01-Feb-02
	}
	groups, q := 0, p
	var lens [2]int
	for {
		j := q
		for j < e && isDigit(text[j]) {
			j++
		}
		if j == q {
			t.numFail = j
			return p
		}
		if groups < 2 {
			lens[groups] = j - q
		}
		groups++
		q = j
		if q < e && text[q] == '-' && q+1 < e && isDigit(text[q+1]) {
			q++
			continue
		}
		break
	}
	if q < e && isAlnum(text[q]) {
		t.numFail = q
		return p
	}
	if groups >= 3 || groups == 2 && lens[0] == 3 && lens[1] == 4 {
		return q
	}
	t.numFail = q
	return p
}

// monthDate returns the length of the date such as "01-Feb-02" or
// "5-May-2019" that w starts with, or 0.
func monthDate(w string) int {
	i := 0
	for i < len(w) && i < 2 && isDigit(w[i]) {
		i++
	}
	if i == 0 || i+5 > len(w) || w[i] != '-' {
		return 0
	}
	m := w[i+1 : i+4]
	for j := 0; j < 3; j++ {
		if c := m[j] | 0x20; c < 'a' || c > 'z' {
			return 0
		}
	}
	j := i + 4
	if j >= len(w) || w[j] != '-' {
		return 0
	}
	k := j + 1
	for k < len(w) && isDigit(w[k]) {
		k++
	}
	if n := k - j - 1; n != 2 && n != 4 || k < len(w) && isAlnum(w[k]) {
		return 0
	}
	return k
}

// isPrefix reports whether w, lower-cased, keeps the hyphen after it.
func (t *tokenizer) isPrefix(w string) bool {
	if len(w) > len(t.buf) {
		return false
	}
	b := t.buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return t.sg.prefixes[string(b)]
}

// word emits text[p:q], a word without punctuation around it, splitting
// off clitics as UD English does.
func (t *tokenizer) word(p, q int) {
	if p >= q {
		return
	}
	w := t.text[p:q]
	n := len(w)
	switch n {
	case 5:
		if strings.EqualFold(w, "gonna") || strings.EqualFold(w, "wanna") || strings.EqualFold(w, "gotta") {
			t.emit(p, p+3)
			t.emit(p+3, q)
			return
		}
	case 6:
		if strings.EqualFold(w, "cannot") {
			t.emit(p, p+3)
			t.emit(p+3, q)
			return
		}
	}
	if n >= 4 && n <= 8 && (w[n-1] == 't' || w[n-1] == 'T') && t.isNt(w) {
		t.emit(p, q-2)
		t.emit(q-2, q)
		return
	}
	if k := cliticLen(w); k > 0 {
		t.emit(p, q-k)
		t.emit(q-k, q)
		return
	}
	t.emit(p, q)
}

func (t *tokenizer) isNt(w string) bool {
	b := t.buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return t.sg.ntWords[string(b)]
}

// cliticLen returns the length in bytes of the clitic that ends w ("n't",
// "'s", "’ll"...), or 0 when w has none after at least one letter or digit.
func cliticLen(w string) int {
	n := len(w)
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	// n't, n’t
	if n >= 4 && lower(w[n-1]) == 't' {
		if w[n-2] == '\'' && lower(w[n-3]) == 'n' && isWordByte(w[n-4]) {
			return 3
		}
		if n >= 6 && strings.HasSuffix(w[:n-1], "’") && lower(w[n-5]) == 'n' && isWordByte(w[n-6]) {
			return 5
		}
	}
	// Find the apostrophe: the clitic is 1 or 2 letters after it.
	for k := 1; k <= 2 && k < n; k++ {
		var ap int // bytes of the apostrophe
		switch {
		case w[n-k-1] == '\'':
			ap = 1
		case n-k-3 >= 0 && w[n-k-3:n-k] == "’":
			ap = 3
		default:
			continue
		}
		before := n - k - ap
		if before < 1 || !isWordByte(w[before-1]) {
			return 0
		}
		switch k {
		case 1:
			switch lower(w[n-1]) {
			case 's', 'm', 'd':
				return k + ap
			}
		case 2:
			switch string([]byte{lower(w[n-2]), lower(w[n-1])}) {
			case "re", "ve", "ll":
				return k + ap
			}
		}
		return 0
	}
	return 0
}
