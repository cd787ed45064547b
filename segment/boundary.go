package segment

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// The boundary model looks at the gaps between tokens of one stretch of a
// paragraph, left to right, and adds the sentence breaks that the rules
// miss (lines without final punctuation, signatures, headers, name lists);
// it keeps every break of the rules. A gap is a candidate when the rules
// do not break there, it holds space, and the token after it does not
// start with a lower-case ASCII letter or the token before it ends in
// punctuation other than a comma: the gaps between two lower-case words,
// the most frequent, are never looked at, which keeps the model cheap.

// nFeat is the number of features of one gap.
const nFeat = 27

// gapScan is the state carried along the gaps of one stretch: where the
// current sentence began and whether brackets or quotes are open.
type gapScan struct {
	last  int // index of the first token of the current sentence
	depth int // open brackets in the current sentence
	lower int // words in lower case in the current sentence
	quote bool
	first uint64 // lower-case hash of the sentence's first token, 0 before it is needed
	// cache of the lower-case hash and shape of the last tokens looked
	// at, by token index modulo 4 (neighbouring candidates share tokens)
	cache *[4]tokenLook
}

type tokenLook struct {
	idx         int // token index + 1; 0 is empty
	hash, shape uint64
}

// look returns the lower-case hash and the shape of toks[i].
func (st *gapScan) look(toks []dateline.Token, i int) (uint64, uint64) {
	c := &st.cache[i&3]
	if c.idx != i+1 {
		*c = tokenLook{idx: i + 1, hash: lowerHash(toks[i].Text), shape: shape(toks[i].Text)}
	}
	return c.hash, c.shape
}

// wordGate is a set of lower-cased words after which the training text
// never had a sentence break among many candidate gaps ("of", "the",
// "said"): the model does not look at the gaps after them.
type wordGate struct {
	keys  []uint32 // in increasing order
	table []uint32 // open addressing; 0 is empty
	mask  uint32
}

func gateKey(h uint64) uint32 { return uint32(h>>32) | 1 }

func newWordGate(keys []uint32) *wordGate {
	g := &wordGate{keys: slices.Clone(keys)}
	slices.Sort(g.keys)
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	g.table = make([]uint32, size)
	g.mask = uint32(size - 1)
	for _, k := range g.keys {
		j := home(k) & g.mask
		for g.table[j] != 0 && g.table[j] != k {
			j = (j + 1) & g.mask
		}
		g.table[j] = k
	}
	return g
}

// has reports whether the word of lower-case hash h is in the gate.
func (g *wordGate) has(h uint64) bool {
	k := gateKey(h)
	j := home(k) & g.mask
	for {
		switch g.table[j] {
		case k:
			return true
		case 0:
			return false
		}
		j = (j + 1) & g.mask
	}
}

// walkGaps visits the candidate gaps of toks[lo:hi] in order, with brk
// holding the rules' breaks (brk[k-lo] for the gap before toks[k]), and
// sets each one's break to decide's answer; decide gets the gap's features.
func (sg *Segmenter) walkGaps(toks []dateline.Token, lo, hi int, brk []mark, gate *wordGate, decide func(k int, feats []uint32) bool) {
	var feats [nFeat]uint32
	var cache [4]tokenLook
	st := gapScan{last: lo, cache: &cache}
	for k := lo + 1; k < hi; k++ {
		st.see(toks[k-1].Text)
		b := brk[k-lo]
		if b != markHard && toks[k].Span.Start > toks[k-1].Span.End && (b == markRule || st.candidate(toks[k-1].Text, toks[k].Text)) {
			if b == markNone && gate != nil {
				if h, _ := st.look(toks, k-1); gate.has(h) {
					continue // a word never seen before a break: "of", "the"
				}
			}
			sg.gapFeatures(toks, lo, hi, k, &st, b == markRule, &feats)
			b = markNone
			if decide(k, feats[:]) {
				b = markRule
			}
			brk[k-lo] = b
		}
		if b != markNone {
			st = gapScan{last: k, cache: &cache}
		}
	}
}

// see updates the scan with token w of the current sentence.
func (st *gapScan) see(w string) {
	if c := w[0]; 'a' <= c && c <= 'z' {
		st.lower++
		return
	}
	switch w {
	case "(", "[", "{":
		st.depth++
	case ")", "]", "}":
		if st.depth > 0 {
			st.depth--
		}
	case `"`:
		st.quote = !st.quote
	case "“":
		st.quote = true
	case "”":
		st.quote = false
	}
}

// candidate reports whether the gap between tokens p and n is looked at
// (when the rules do not begin a sentence there).
func (st *gapScan) candidate(p, n string) bool {
	switch p {
	case ",":
		return false // a comma goes on
	case "-", "--", "—", "–":
		// A dash after words that are all capitalised follows a
		// dateline or a heading: "WASHINGTON — The ..." runs on.
		if st.lower == 0 {
			return false
		}
	}
	if c := n[0]; c < 'a' || c > 'z' {
		return true
	}
	return !isWordByte(p[len(p)-1])
}

// review lets the model decide every candidate gap of toks[lo:hi].
func (m *Model) review(sg *Segmenter, toks []dateline.Token, lo, hi int, brk []mark) {
	sg.walkGaps(toks, lo, hi, brk, m.gate, func(k int, feats []uint32) bool {
		if brk[k-lo] == markRule {
			return m.score(feats) > 0
		}
		return m.score(feats) > m.Margin
	})
}

// score sums the weights of feats.
func (m *Model) score(feats []uint32) float32 {
	var s float32
	for _, f := range feats {
		s += m.weight(f)
	}
	return s
}

// Feature hashing: each feature is a template number mixed with up to
// four values (unused ones 0) into a 32-bit key (never 0).
const (
	mixA = 0x9e3779b97f4a7c15
	mixB = 0xff51afd7ed558ccd
	mixC = 0xc4ceb9fe1a85ec53
)

func key(tmpl, a, b, c, d uint64) uint32 {
	h := (tmpl+1)*mixA ^ a*mixB ^ b*mixC ^ c*0xd6e8feb86659fd93 ^ d*0x165667b19e3779f9
	h ^= h >> 31
	h *= 0x94d049bb133111eb
	h ^= h >> 29
	if k := uint32(h >> 32); k != 0 {
		return k
	}
	return 1
}

// lowerHash returns the FNV-1a hash of w with ASCII letters lower-cased.
func lowerHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// shape sums up the look of a token: the class of its first character
// (upper, lower, digit, other letter, or the punctuation byte itself),
// whether it is all capitals, its length and whether it ends in a period.
func shape(w string) uint64 {
	var cls uint64
	c := w[0]
	switch {
	case 'A' <= c && c <= 'Z':
		cls = 1
	case 'a' <= c && c <= 'z':
		cls = 2
	case isDigit(c):
		cls = 3
	case c < utf8.RuneSelf:
		cls = 16 + uint64(c)
	default:
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			cls = 1
		case unicode.IsLetter(r):
			cls = 2
		case unicode.IsDigit(r):
			cls = 3
		default:
			cls = 4
		}
	}
	caps := uint64(0)
	if cls == 1 && len(w) > 1 {
		caps = 1
		for i := 1; i < len(w); i++ {
			if c := w[i]; c < 'A' || c > 'Z' {
				caps = 0
				break
			}
		}
	}
	var lb uint64
	switch n := len(w); {
	case n <= 3:
		lb = uint64(n)
	case n <= 5:
		lb = 4
	case n <= 8:
		lb = 5
	default:
		lb = 6
	}
	dot := uint64(0)
	if len(w) > 1 && w[len(w)-1] == '.' {
		dot = 1
	}
	return cls | caps<<9 | lb<<10 | dot<<13
}

// bucket maps a count to a small class: exact below 5, then ranges.
func bucket(n int) uint64 {
	switch {
	case n < 5:
		return uint64(n)
	case n < 7:
		return 5
	case n < 10:
		return 6
	case n < 15:
		return 7
	case n < 25:
		return 8
	case n < 40:
		return 9
	}
	return 10
}

// Markers for tokens beyond the stretch.
const (
	markBefore = 0x51ab5e3dd1f9a3c7
	markAfter  = 0x2d358dccaa6c78a5
)

// gapFeatures computes the features of the gap before toks[k].
func (sg *Segmenter) gapFeatures(toks []dateline.Token, lo, hi, k int, st *gapScan, rule bool, fs *[nFeat]uint32) {
	p1w, n1w := toks[k-1].Text, toks[k].Text
	p1, sp1 := st.look(toks, k-1)
	n1, sn1 := st.look(toks, k)
	p2, sp2 := uint64(markBefore), uint64(markBefore)
	if k-2 >= lo {
		p2, sp2 = st.look(toks, k-2)
	}
	n2, sn2 := uint64(markAfter), uint64(markAfter)
	if k+1 < hi {
		n2, sn2 = st.look(toks, k+1)
	}
	r := uint64(0)
	if rule {
		r = 1
	}
	suf := p1w
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	ab := uint64(0)
	if len(p1w) > 1 && p1w[len(p1w)-1] == '.' {
		ab = 1 + uint64(sg.abbrevKind(p1w[:len(p1w)-1]))
	}
	op := uint64(0)
	if sn1&0xff == 1 && sg.openers[n1w] {
		op = 1
	}
	open := uint64(0)
	if st.depth > 0 {
		open = 1
	}
	if st.quote {
		open |= 2
	}
	dist, rem := bucket(k-st.last), bucket(hi-k)
	if st.first == 0 {
		st.first = lowerHash(toks[st.last].Text) | 1
	}
	fs[0] = key(0, r, 0, 0, 0)
	fs[1] = key(1, p1, 0, 0, 0)
	fs[2] = key(2, n1, 0, 0, 0)
	fs[3] = key(3, p2, 0, 0, 0)
	fs[4] = key(4, n2, 0, 0, 0)
	fs[5] = key(5, p1, n1, 0, 0)
	fs[6] = key(6, sp1, sn1, r, 0)
	fs[7] = key(7, sp2, sp1, sn1, sn2)
	fs[8] = key(8, r, p1, 0, 0)
	fs[9] = key(9, r, n1, 0, 0)
	fs[10] = key(10, lowerHash(suf), sn1, 0, 0)
	fs[11] = key(11, ab, sn1, r, 0)
	fs[12] = key(12, dist, sn1, r, 0)
	fs[13] = key(13, rem, sp1, r, 0)
	fs[14] = key(14, open, sn1, r, 0)
	fs[15] = key(15, op, r, sp1, 0)
	fs[16] = key(16, p1, sn1, 0, 0)
	fs[17] = key(17, sp1, n1, 0, 0)
	fs[18] = key(18, p2, p1, 0, 0)
	fs[19] = key(19, n1, n2, 0, 0)
	fs[20] = key(20, dist, rem, 0, 0)
	fs[21] = key(21, st.first, sn1, 0, 0)
	lw := uint64(min(st.lower, 3))
	fs[22] = key(22, lw, sn1, r, 0)
	fs[23] = key(23, lw, sp1, sn1, bucket(k-st.last))
	// A name said again: "Sincerely, Traci Traci Warner".
	rep := uint64(0)
	for j := k - 1; j >= max(lo, k-4); j-- {
		if toks[j].Text == n1w {
			rep = 1 + uint64(k-1-j)
			break
		}
	}
	fs[24] = key(24, rep, sn1, sp1, 0)
	fs[25] = key(25, lw, sp1, sn1, sn2)
	fs[26] = key(26, p1, dist, 0, 0)
}
