package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// split appends the sentences of toks[lo:hi], the tokens of one stretch of
// a paragraph, to sents. brk is scratch space of at least hi-lo entries:
// the rules mark in it where they begin sentences, and the model (when
// there is one) adds its own marks.
func (sg *Segmenter) split(doc *dateline.Document, sents []dateline.Sentence, toks []dateline.Token, lo, hi int, brk []mark) []dateline.Sentence {
	brk = brk[:hi-lo]
	clear(brk)
	sg.ruleBreaks(toks, lo, hi, brk)
	if sg.Model != nil {
		sg.Model.review(sg, toks, lo, hi, brk)
	}
	start := lo
	for k := lo + 1; k < hi; k++ {
		if brk[k-lo] != markNone {
			sents = sg.add(doc, sents, toks, start, k, "")
			start = k
		}
	}
	return sg.add(doc, sents, toks, start, hi, "")
}

// mark says whether a sentence begins at a token, and who decided it.
type mark uint8

const (
	markNone mark = iota
	// markRule: the rules begin a sentence after a colon or an ellipsis,
	// or the model begins one; the model reviews the rules' marks.
	markRule
	// markHard: every other break of the rules.
	markHard
)

// ruleBreaks sets brk[k-lo] for every token toks[k] (lo < k < hi) at which
// the hand-written rules begin a sentence.
func (sg *Segmenter) ruleBreaks(toks []dateline.Token, lo, hi int, brk []mark) {
	start := lo
	for k := lo; k < hi-1; k++ {
		if c := toks[k].Text[0]; k > start && (c == '=' || c == '*' || c == '_' || c == '~' || c == '#' || c == '-' || isDigit(c)) &&
			(isRule(toks[k].Text) && toks[k].Span.Start > toks[k-1].Span.End || isStamp(toks, k, hi) || isItem(toks, k, hi)) {
			// A rule line "=====" and the date and time stamp of a
			// forwarded e-mail stand apart from the text before them.
			brk[k-lo] = markHard
			start = k
		}
		end, ok := sg.endsAt(toks, k, hi)
		if !ok && k == start && toks[k].Text == "--" {
			// A signature or a list opened by a dash: "-- Posted by"
			end, ok = sg.capitalEnds(toks, k, hi)
		}
		if !ok && toks[k].Text == "," && k-start <= 3 && isGreeting(toks[start].Text) {
			// "Hi Mike," "Dear All," "Best regards," before the letter or the name
			end, ok = sg.capitalEnds(toks, k, hi)
		}
		if !ok && toks[start].Text == "(" && toks[k].Text == ")" && k-start < 8 {
			// A source in brackets before a sentence: "(BBC) The ..."
			end, ok = sg.capitalEnds(toks, k, hi)
		}
		if ok {
			if end < hi {
				brk[end-lo] = markHard
				if w := toks[end-1].Text; w == ":" || isEllipsis(w) {
					brk[end-lo] = markRule // the model reviews these
				}
			}
			start = end
			k = end - 1
		}
	}
}

// stop kinds of a token.
const (
	stopNone = iota
	stopFull // . ! ? … and runs of them
	stopAbbrev
)

// endsAt reports whether a sentence ends after toks[k] (with the closing
// quotes and brackets attached to it) and returns the index after its last
// token.
func (sg *Segmenter) endsAt(toks []dateline.Token, k, hi int) (int, bool) {
	w := toks[k].Text
	kind := abbrevKind(0)
	switch {
	case isStop(w):
	case isRule(w):
		if toks[k+1].Span.Start > toks[k].Span.End && (k == 0 || toks[k].Span.Start > toks[k-1].Span.End) {
			return k + 1, true
		}
		return 0, false
	case len(w) > 4 && isURL(w) && k+1 < hi && isURL(toks[k+1].Text) && toks[k+1].Span.Start > toks[k].Span.End:
		return k + 1, true
	case isEmoticonStart(w[0]) && emoticon(w) == len(w) || w == "etc." || isURL(w) || w == ">" && k > 0 && strings.IndexByte(toks[k-1].Text, '@') > 0:
		return sg.capitalEnds(toks, k, hi)
	case w == "," && k > 0 && isSignOff(toks[k-1].Text):
		return sg.capitalEnds(toks, k, hi)
	case w == ":":
		return sg.colonEnds(toks, k, hi)
	case (w == "AM" || w == "PM") && k > 0 && strings.IndexByte(toks[k-1].Text, ':') > 0 && startsWithDigit(toks[k-1].Text):
		return sg.timeEnds(toks, k, hi)
	case len(w) > 1 && w[len(w)-1] == '.':
		kind = sg.abbrevKind(w[:len(w)-1])
		if kind == 0 || kind == abbrevNever {
			return 0, false
		}
	default:
		return 0, false
	}
	m := k + 1
	for m < hi && isCloser(toks[m].Text) && (toks[m].Span.Start == toks[m-1].Span.End || isRightBracket(toks[m].Text)) {
		m++
	}
	closed := m > k+1
	// A citation right after the stop belongs to the sentence: "... bias. [1 - 3]"
	if m+2 < hi && toks[m].Text == "[" && startsWithDigit(toks[m+1].Text) {
		j := m + 1
		for j < hi && j < m+12 && toks[j].Text != "]" {
			j++
		}
		if j < hi && toks[j].Text == "]" {
			m = j + 1
			closed = true
		}
	}
	if m >= hi {
		return hi, true
	}
	next := toks[m]
	if next.Span.Start == toks[m-1].Span.End {
		return 0, false // no space after the stop
	}
	r, _ := utf8.DecodeRuneInString(next.Text)
	switch kind {
	case abbrevMonth:
		if r < utf8.RuneSelf && isDigit(byte(r)) {
			return 0, false
		}
		fallthrough
	case abbrevMayEnd:
		return m, sg.openers[next.Text]
	}
	if unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r) || isOpener(next.Text) {
		return m, true
	}
	// Informal text starts sentences in lower case: a full stop split off
	// a word ends a sentence whatever follows, unless a quote closed it
	// ("...fine." he said) or it is an ellipsis.
	if (w == "." || w == "?" || w == "!" || strings.Trim(w, "!?") == "") && !closed && unicode.IsLetter(r) {
		return m, true
	}
	return 0, false
}

func isEmoticonStart(c byte) bool { return c == ':' || c == ';' || c == '=' || c == '<' }

func startsWithDigit(w string) bool { return w != "" && isDigit(w[0]) }

// isStop reports whether w is made only of . ! ? and …, such as "." "?!" "...".
func isStop(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); {
		switch w[i] {
		case '.', '!', '?':
			i++
			continue
		}
		if len(w)-i >= 3 && w[i:i+3] == "…" {
			i += 3
			continue
		}
		return false
	}
	return true
}

// isEllipsis reports whether w is "..", "...", "…" or a longer run of dots.
func isEllipsis(w string) bool {
	if w == "…" {
		return true
	}
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] != '.' {
			return false
		}
	}
	return true
}

// isCloser reports whether w is a closing quote or bracket.
func isCloser(w string) bool {
	switch w {
	case `"`, "'", "”", "’", "»", "›", "''":
		return true
	}
	return isRightBracket(w)
}

func isRightBracket(w string) bool {
	switch w {
	case ")", "]", "}", "”", "»":
		return true
	}
	return false
}

// isOpener reports whether w is an opening quote or bracket, or a
// punctuation mark that starts a line such as a dash or a bullet.
func isOpener(w string) bool {
	switch w {
	case `"`, "'", "“", "‘", "«", "‹", "„", "(", "[", "{", "``", "`", "-", "--", "—", "–", "*", "•", "¿", "¡":
		return true
	}
	return false
}

// add appends the sentence of toks[lo:hi] to sents, cut into pieces of at
// most sg.MaxTokens tokens.
func (sg *Segmenter) add(doc *dateline.Document, sents []dateline.Sentence, toks []dateline.Token, lo, hi int, kind string) []dateline.Sentence {
	for sg.MaxTokens > 0 && hi-lo > sg.MaxTokens {
		cut := lo + sg.MaxTokens
		for j := cut - 1; j > lo+sg.MaxTokens/2; j-- {
			if w := toks[j].Text; w == "," || w == ";" || w == ":" || w == "--" || w == "—" {
				cut = j + 1
				break
			}
		}
		sp := dateline.Span{Start: toks[lo].Span.Start, End: toks[cut-1].Span.End}
		doc.Notef("segment", sp, "sentence longer than %d tokens: cut", sg.MaxTokens)
		sents = append(sents, dateline.Sentence{Span: sp, Kind: kind, Tokens: dateline.Range{Start: lo, End: cut}})
		lo = cut
	}
	if lo < hi {
		sp := dateline.Span{Start: toks[lo].Span.Start, End: toks[hi-1].Span.End}
		sents = append(sents, dateline.Sentence{Span: sp, Kind: kind, Tokens: dateline.Range{Start: lo, End: hi}})
	}
	return sents
}

// colonEnds reports whether the colon toks[k] ends a sentence: it does
// before a capitalised word that is not a name continuing a list ("Note:
// The ...") and before a URL, as UD English splits them.
func (sg *Segmenter) colonEnds(toks []dateline.Token, k, hi int) (int, bool) {
	m := k + 1
	if m >= hi || toks[m].Span.Start == toks[k].Span.End {
		return 0, false
	}
	next := toks[m].Text
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsUpper(r) && sg.openers[next] {
		return m, true
	}
	return 0, false
}

// timeEnds reports whether a sentence ends after the "AM" or "PM" of a time
// stamp (toks[k]), as in the headers of e-mails: "10:53 AM I have settled".
func (sg *Segmenter) timeEnds(toks []dateline.Token, k, hi int) (int, bool) {
	m := k + 1
	if m >= hi || toks[m].Span.Start == toks[k].Span.End {
		return 0, false
	}
	next := toks[m].Text
	r, n := utf8.DecodeRuneInString(next)
	if !unicode.IsUpper(r) {
		return 0, false
	}
	if len(next) > n {
		r2, _ := utf8.DecodeRuneInString(next[n:])
		if unicode.IsUpper(r2) {
			return 0, false // EST, GMT
		}
	}
	return m, true
}

// capitalEnds reports whether a sentence ends after toks[k] because a
// capitalised word follows after a space.
func (sg *Segmenter) capitalEnds(toks []dateline.Token, k, hi int) (int, bool) {
	m := k + 1
	if m >= hi || toks[m].Span.Start == toks[k].Span.End {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(toks[m].Text)
	return m, unicode.IsUpper(r)
}

// isSignOff reports whether w closes a letter before the writer's name:
// "Regards, Mike".
func isSignOff(w string) bool {
	switch w {
	case "Regards", "regards", "Sincerely", "sincerely", "Cheers", "Thanks", "Best", "luck", "Love", "Yours", "yours", "wishes":
		return true
	}
	return false
}

// isRule reports whether w is a line of at least three = * _ ~ # or -.
func isRule(w string) bool {
	if len(w) < 3 || w[0] == '-' && len(w) < 4 {
		return false // "---" is often a dash
	}
	switch w[0] {
	case '=', '*', '_', '~', '#', '-':
	default:
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] != w[0] {
			return false
		}
	}
	return true
}

// isStamp reports whether toks[k] starts a date and time stamp after a
// name, as in the headers of forwarded e-mails: "Kay Mann 04/26/2001 07:17 AM".
func isStamp(toks []dateline.Token, k, hi int) bool {
	if k == 0 || k+1 >= hi || !isSlashDate(toks[k].Text) {
		return false
	}
	t := toks[k+1].Text
	if !startsWithDigit(t) || strings.IndexByte(t, ':') < 0 {
		return false
	}
	p := toks[k-1].Text
	r, _ := utf8.DecodeRuneInString(p)
	return unicode.IsUpper(r) || p == ">" || strings.IndexByte(p, '@') > 0
}

// isSlashDate reports whether w is a date such as "04/26/2001" or "10/08/99".
func isSlashDate(w string) bool {
	parts := 0
	run := 0
	for i := 0; i < len(w); i++ {
		switch {
		case isDigit(w[i]):
			run++
		case w[i] == '/' && run > 0 && run <= 2:
			parts++
			run = 0
		default:
			return false
		}
	}
	return parts == 2 && (run == 2 || run == 4)
}

// isGreeting reports whether w opens a salutation or the closing of a
// letter.
func isGreeting(w string) bool {
	switch w {
	case "Hi", "Hello", "Hey", "Dear", "Regards", "Best", "Kind", "Kindest", "Warm", "Warmest", "Sincerely", "Cheers", "Thanks", "Yours":
		return true
	}
	return false
}

// isItem reports whether toks[k] is the number of a list item in running
// text: "... four nights 1) what island ... 2) I would".
func isItem(toks []dateline.Token, k, hi int) bool {
	w := toks[k].Text
	if len(w) > 2 || !startsWithDigit(w) || (len(w) == 2 && !isDigit(w[1])) || k+2 >= hi {
		return false
	}
	if toks[k+1].Text != ")" || toks[k+1].Span.Start != toks[k].Span.End || toks[k].Span.Start == toks[k-1].Span.End {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-40; j-- {
		switch toks[j].Text {
		case "(":
			return false // "(obtained from Wave 1)"
		case ")":
			return true
		}
	}
	return true
}
