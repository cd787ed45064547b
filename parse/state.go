package parse

import (
	"strings"

	"github.com/dateline-news/dateline/internal/perceptron"
)

// node is what the features know of one word: hashes of its form, tags
// and their combinations.
type node struct {
	w, p, u, wp uint64
}

// sentence is what never changes while one sentence is parsed: the words'
// hashes and punctuation counts, shared by all its states.
type sentence struct {
	n     int
	nodes []node  // n+2: the words, the root, then a padding node
	punct []int32 // punct[i]: punctuation marks among words 0..i-1
}

func newSentence(words []Word) *sentence {
	s := &sentence{}
	s.reset(words)
	return s
}

func (s *sentence) reset(words []Word) {
	n := len(words)
	s.n = n
	s.nodes = grow(s.nodes, n+2)
	for i, w := range words {
		nd := &s.nodes[i]
		nd.w = hashLower(w.Form)
		nd.p = perceptron.Hash(w.XPOS)
		nd.u = perceptron.Hash(w.UPOS)
		nd.wp = perceptron.Mix(nd.w, nd.p)
	}
	s.nodes[n] = node{w: 3, p: 3, u: 3, wp: 3}   // root
	s.nodes[n+1] = node{w: 5, p: 5, u: 5, wp: 5} // nothing
	s.punct = grow(s.punct, n+2)
	s.punct[0] = 0
	for i, w := range words {
		s.punct[i+1] = s.punct[i]
		if w.UPOS == "PUNCT" {
			s.punct[i+1]++
		}
	}
	s.punct[n+1] = s.punct[n]
}

// hashLower returns perceptron.Hash(strings.ToLower(s)) without building
// the lower-case string when s is ASCII.
func hashLower(s string) uint64 {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return perceptron.Hash(strings.ToLower(s))
		}
	}
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// grow returns s resliced to n elements, reallocated when too small; the
// elements are not cleared.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// state is a configuration of the arc-hybrid system. Words are 0..n-1;
// n is the root, which sits at the end of the buffer.
type state struct {
	*sentence
	stack []int
	b     int // front of the buffer; n when only the root is left

	ints []int32 // the arrays below, in one block copied in one go
	head []int32 // n+1
	rel  []int32 // 1-based relation, 0 for none
	// leftmost, second leftmost, rightmost, second rightmost children; -1 for none
	l1, l2, r1, r2 []int32
	nl, nr         []int32  // number of left and right children
	sets           []uint64 // lset, then rset
	lset, rset     []uint64 // sets of relations of left and right children
}

func newState(words []Word, _ int) *state {
	st := &state{}
	st.init(newSentence(words))
	return st
}

// init makes st the initial state of sentence s, reusing its memory.
func (st *state) init(s *sentence) {
	st.sentence = s
	m := s.n + 1
	st.ints = grow(st.ints, 8*m)
	st.sets = grow(st.sets, 2*m)
	st.slice()
	for i := range m {
		st.head[i], st.rel[i] = -1, 0
		st.l1[i], st.l2[i], st.r1[i], st.r2[i] = -1, -1, -1, -1
		st.nl[i], st.nr[i] = 0, 0
	}
	clear(st.sets)
	st.stack = st.stack[:0]
	st.b = 0
}

// slice points the per-word arrays into ints and sets.
func (st *state) slice() {
	m := st.n + 1
	a := st.ints
	st.head, st.rel = a[0:m:m], a[m:2*m:2*m]
	st.l1, st.l2, st.r1, st.r2 = a[2*m:3*m:3*m], a[3*m:4*m:4*m], a[4*m:5*m:5*m], a[5*m:6*m:6*m]
	st.nl, st.nr = a[6*m:7*m:7*m], a[7*m:8*m:8*m]
	st.lset, st.rset = st.sets[:m:m], st.sets[m:2*m]
}

// copyFrom makes st a copy of src, reusing st's memory.
func (st *state) copyFrom(src *state) {
	st.sentence = src.sentence
	st.ints = grow(st.ints, len(src.ints))
	copy(st.ints, src.ints)
	st.sets = grow(st.sets, len(src.sets))
	copy(st.sets, src.sets)
	st.slice()
	st.stack = append(st.stack[:0], src.stack...)
	st.b = src.b
}

func (st *state) done() bool { return len(st.stack) == 0 && st.b >= st.n }

func (st *state) legal(ok *[nTrans]bool) {
	k := len(st.stack)
	ok[shift] = st.b < st.n
	ok[left] = k > 0 && (st.b < st.n || k == 1)
	ok[right] = k > 1
}

// arc returns the dependent and head of the arc transition t builds.
func (st *state) arc(t int) (d, h int) {
	k := len(st.stack)
	d = st.stack[k-1]
	if t == left {
		return d, st.b
	}
	return d, st.stack[k-2]
}

func (st *state) apply(t, rel int) {
	if t == shift {
		st.stack = append(st.stack, st.b)
		st.b++
		return
	}
	d, h := st.arc(t)
	st.stack = st.stack[:len(st.stack)-1]
	st.head[d], st.rel[d] = int32(h), int32(rel)
	bit := uint64(1) << (min(rel, 63))
	d32 := int32(d)
	if d < h {
		st.nl[h]++
		st.lset[h] |= bit
		// left children arrive right to left in arc-hybrid for b0, but
		// keep the two outermost either way
		switch {
		case st.l1[h] < 0 || d32 < st.l1[h]:
			st.l2[h], st.l1[h] = st.l1[h], d32
		case st.l2[h] < 0 || d32 < st.l2[h]:
			st.l2[h] = d32
		}
	} else {
		st.nr[h]++
		st.rset[h] |= bit
		switch {
		case st.r1[h] < 0 || d32 > st.r1[h]:
			st.r2[h], st.r1[h] = st.r1[h], d32
		case st.r2[h] < 0 || d32 > st.r2[h]:
			st.r2[h] = d32
		}
	}
}

// pad is the index of the padding node.
func (st *state) pad() int { return st.n + 1 }

func (st *state) s(i int) int {
	k := len(st.stack)
	if i < k {
		return st.stack[k-1-i]
	}
	return st.pad()
}

func (st *state) buf(i int) int {
	if j := st.b + i; j <= st.n {
		return j
	}
	return st.pad()
}

func (st *state) child(c []int32, i int) int {
	if i > st.n || c[i] < 0 {
		return st.pad()
	}
	return int(c[i])
}

func (st *state) relOf(i int) uint64 {
	if i > st.n {
		return 0
	}
	return uint64(st.rel[i])
}

func (st *state) count(c []int32, i int) uint64 {
	if i > st.n {
		return 0
	}
	return uint64(min(c[i], 5)) + 1
}

func (st *state) set(c []uint64, i int) uint64 {
	if i > st.n {
		return 0
	}
	return c[i]
}

func dist(a, b int) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 15:
		return 7
	}
	return 8
}

// between returns how many punctuation marks lie strictly between words
// a < b, capped at 3; 4 when a is missing.
func (s *sentence) between(a, b int) uint64 {
	if a > s.n || b > s.n {
		return 4
	}
	return uint64(min(s.punct[b]-s.punct[a+1], 3))
}

func m2(t, a, b uint64) uint64    { return perceptron.Mix(perceptron.Mix(t, a), b) }
func m3(t, a, b, c uint64) uint64 { return perceptron.Mix(perceptron.Mix(perceptron.Mix(t, a), b), c) }

// The transition features fall into groups by what they read, so that
// the parser can score a group once per sentence for each value of what
// it reads (parser.go): the words s0 and b0 (with b1 and b2, which follow
// b0), the words s1 and s0, one child word, and the rest of the state.

// features appends the transition features of the state.
func (st *state) features(f []uint64) []uint64 {
	f = append(f, 1)
	f = st.s0b0Features(f, st.s(0), st.buf(0))
	f = st.s1s0Features(f, st.s(1), st.s(0))
	for r, c := range st.roleChildren() {
		f = childFeatures(f, r, &st.nodes[c])
	}
	for g := range nSides {
		f = st.sideFeatures(f, g, st.sideWord(g))
	}
	return st.restFeatures(f)
}

// s0b0Features appends the features that read only the words s0 = i0 and
// b0 = j0 (and so b1 and b2): those of s0 alone, of b0 alone and of the
// pair.
func (s *sentence) s0b0Features(f []uint64, i0, j0 int) []uint64 {
	return s.pairFeatures(s.b0Features(s.s0Features(f, i0), j0), i0, j0)
}

// after returns the word after s0 = i0, the padding when none.
func (s *sentence) after(i0 int) int {
	if i0 < s.n {
		return i0 + 1
	}
	return s.n + 1
}

// before returns the word before b0 = j0, the padding when none.
func (s *sentence) before(j0 int) int {
	if j0 > 0 && j0 <= s.n {
		return j0 - 1
	}
	return s.n + 1
}

// s0Features appends the features that read only s0 = i0.
func (s *sentence) s0Features(f []uint64, i0 int) []uint64 {
	mix := perceptron.Mix
	s0 := &s.nodes[i0]
	return append(f, mix(2, s0.w), mix(3, s0.p), mix(4, s0.wp), mix(5, s0.u), m2(93, s.nodes[s.after(i0)].w, s0.p))
}

// next returns the words b1 and b2 after b0 = j0.
func (s *sentence) next(j0 int) (j1, j2 int) {
	j1, j2 = s.n+1, s.n+1
	if j0+1 <= s.n {
		j1 = j0 + 1
	}
	if j0+2 <= s.n {
		j2 = j0 + 2
	}
	return j1, j2
}

// b0Features appends the features that read only b0 = j0 (and so b1 and
// b2).
func (s *sentence) b0Features(f []uint64, j0 int) []uint64 {
	mix := perceptron.Mix
	N := s.nodes
	j1, j2 := s.next(j0)
	b0, b1, b2 := &N[j0], &N[j1], &N[j2]
	return append(f,
		mix(9, b0.w), mix(10, b0.p), mix(11, b0.wp), mix(12, b0.u),
		mix(13, b1.w), mix(14, b1.p), mix(15, b1.wp),
		mix(16, b2.w), mix(17, b2.p),
		m2(26, b0.p, b1.p), m3(32, b0.p, b1.p, b2.p),
		m2(94, N[s.before(j0)].w, b0.p),
	)
}

// pairFeatures appends the features that read both s0 = i0 and b0 = j0.
func (s *sentence) pairFeatures(f []uint64, i0, j0 int) []uint64 {
	N := s.nodes
	j1, _ := s.next(j0)
	s0, b0, b1 := &N[i0], &N[j0], &N[j1]
	d := dist(i0, j0)
	if i0 == s.n+1 {
		d = 9
	}
	return append(f,
		m2(19, s0.wp, b0.wp), m2(20, s0.wp, b0.w), m2(21, s0.w, b0.wp),
		m2(22, s0.wp, b0.p), m2(23, s0.p, b0.wp), m2(24, s0.w, b0.w),
		m2(25, s0.p, b0.p),
		m3(33, s0.p, b0.p, b1.p),
		m2(42, s0.w, d), m2(43, s0.p, d), m2(44, b0.w, d), m2(45, b0.p, d),
		m3(46, s0.w, b0.w, d), m3(47, s0.p, b0.p, d),
		m3(91, s0.p, N[s.after(i0)].p, b0.p), m3(92, s0.p, N[s.before(j0)].p, b0.p),
		m3(96, s0.w, b0.p, b1.p),
		m3(99, s0.p, b0.p, s.between(i0, j0)),
		m3(101, s0.w, b0.p, s.between(i0, j0)),
	)
}

// s1s0Features appends the features that read only the words s1 = i1
// and s0 = i0.
func (s *sentence) s1s0Features(f []uint64, i1, i0 int) []uint64 {
	mix := perceptron.Mix
	N := s.nodes
	s0, s1 := &N[i0], &N[i1]
	d1 := dist(i1, i0)
	if i1 == s.n+1 {
		d1 = 9
	}
	return append(f,
		mix(6, s1.w), mix(7, s1.p), mix(8, s1.wp),
		m2(27, s1.wp, s0.wp), m2(28, s1.w, s0.w), m2(29, s1.p, s0.p),
		m2(30, s1.p, s0.w), m2(31, s1.w, s0.p),
		m3(48, s1.p, s0.p, d1), m3(49, s1.w, s0.w, d1),
		m3(100, s1.p, s0.p, s.between(i1, i0)),
	)
}

// childRoles are the children whose word and tag are features on their
// own: s0's leftmost, s0's rightmost, b0's leftmost, s1's rightmost, s0's
// second leftmost, s0's second rightmost and b0's second leftmost, with
// the templates of their word and tag.
var childRoles = [...][2]uint64{{58, 59}, {61, 62}, {64, 65}, {67, 68}, {71, 72}, {74, 75}, {77, 78}}

// roleChildren returns the word in each child role (padding when none).
func (st *state) roleChildren() [len(childRoles)]int {
	i0, i1, j0 := st.s(0), st.s(1), st.buf(0)
	return [...]int{
		st.child(st.l1, i0), st.child(st.r1, i0), st.child(st.l1, j0), st.child(st.r1, i1),
		st.child(st.l2, i0), st.child(st.r2, i0), st.child(st.l2, j0),
	}
}

// childFeatures appends the features of word c in child role r.
func childFeatures(f []uint64, r int, c *node) []uint64 {
	return append(f, perceptron.Mix(childRoles[r][0], c.w), perceptron.Mix(childRoles[r][1], c.p))
}

// Groups of transition features that read one word's left or right
// children: s0's left (sideS0L) and right (sideS0R), b0's left (sideB0L),
// s1's right (sideS1R) and left (sideS1L). When the word has no children
// on that side they read only the word, and the parser scores them once
// per sentence for each word.
const (
	sideS0L = iota
	sideS0R
	sideB0L
	sideS1R
	sideS1L
	nSides
)

// sideWord returns the word side group g reads.
func (st *state) sideWord(g int) int {
	switch g {
	case sideS0L, sideS0R:
		return st.s(0)
	case sideB0L:
		return st.buf(0)
	}
	return st.s(1)
}

// bare reports whether word x has no children on the side group g reads
// (or is the padding), so that the group's features read only x.
func (st *state) bare(g, x int) bool {
	if x > st.n {
		return true
	}
	switch g {
	case sideS0L, sideB0L, sideS1L:
		return st.nl[x] == 0
	}
	return st.nr[x] == 0
}

// sideTemplates are the templates of the side groups of s0 and b0, over
// the word and its number of children, the tag and that number, the
// relations of the outermost and second outermost children, the tag with
// both, and the word and the tag with the set of relations.
var sideTemplates = [...][7]uint64{
	sideS0L: {52, 53, 60, 73, 80, 86, 87},
	sideS0R: {50, 51, 63, 76, 81, 84, 85},
	sideB0L: {54, 55, 66, 79, 82, 88, 89},
}

// side returns the arrays of the children on the side group g reads: how
// many, the outermost, the second outermost and the set of relations.
func (st *state) side(g int) (n, c1, c2 []int32, set []uint64) {
	switch g {
	case sideS0L, sideB0L, sideS1L:
		return st.nl, st.l1, st.l2, st.lset
	}
	return st.nr, st.r1, st.r2, st.rset
}

// sideFeatures appends the features of side group g, which reads word x.
func (st *state) sideFeatures(f []uint64, g, x int) []uint64 {
	mix := perceptron.Mix
	N := st.nodes
	w := &N[x]
	n, c1, c2, set := st.side(g)
	k1, k2 := st.child(c1, x), st.child(c2, x)
	switch g {
	case sideS1R:
		return append(f,
			m2(56, w.p, st.count(n, x)),
			mix(69, st.relOf(k1)),
			m3(83, w.p, st.relOf(k1), st.relOf(k2)),
			m2(90, w.p, st.set(set, x)),
			m3(97, w.p, N[k1].p, N[k2].p),
		)
	case sideS1L:
		return append(f, m2(57, w.p, st.count(n, x)), mix(70, st.relOf(k1)))
	}
	t := &sideTemplates[g]
	return append(f,
		m2(t[0], w.w, st.count(n, x)), m2(t[1], w.p, st.count(n, x)),
		mix(t[2], st.relOf(k1)), mix(t[3], st.relOf(k2)),
		m3(t[4], w.p, st.relOf(k1), st.relOf(k2)),
		m2(t[5], w.w, st.set(set, x)), m2(t[6], w.p, st.set(set, x)),
	)
}

// restFeatures appends the transition features that read more of the
// state than the groups above.
func (st *state) restFeatures(f []uint64) []uint64 {
	mix := perceptron.Mix
	i0, i1, i2 := st.s(0), st.s(1), st.s(2)
	j0 := st.buf(0)
	N := st.nodes
	s0, s1, s2 := &N[i0], &N[i1], &N[i2]
	b0 := &N[j0]
	s0l1, s0r1 := st.child(st.l1, i0), st.child(st.r1, i0)
	s1r1 := st.child(st.r1, i1)
	b0l1 := st.child(st.l1, j0)
	return append(f,
		mix(18, s2.p),
		m3(34, s1.p, s0.p, b0.p),
		m3(35, s0.p, N[s0l1].p, b0.p), m3(36, s0.p, N[s0r1].p, b0.p), m3(37, s0.p, b0.p, N[b0l1].p),
		m3(38, s2.p, s1.p, s0.p), m3(39, s1.p, N[s1r1].p, s0.p), m3(40, s1.p, s0.p, N[s0r1].p),
		m3(41, s1.p, s0.p, N[s0l1].p),
		m3(95, s0.u, b0.u, s1.u),
		mix(98, uint64(min(len(st.stack), 6))),
		// coordination and attachment to s1: its last right dependent
		m3(102, st.relOf(s1r1), s0.p, b0.p), m3(103, N[s1r1].p, s0.p, b0.p),
		m3(104, s1.p, st.relOf(s1r1), s0.p), m3(105, N[s1r1].w, s0.w, st.relOf(s1r1)),
		m3(106, s1.w, s0.p, b0.p), m3(107, s1.p, s0.w, b0.p), m3(108, s1.p, s0.p, b0.w),
		m3(109, s0.p, b0.p, st.set(st.lset, j0)), m3(110, s1.p, b0.p, st.between(i1, j0)),
		// which word b0's preposition or subordinator should attach to:
		// s1 ("accused ... of meddling") or s0
		m3(111, s1.w, N[b0l1].w, b0.p), m3(112, s0.w, N[b0l1].w, b0.p),
		m2(113, s1.w, N[b0l1].w), m2(114, s0.w, N[b0l1].w), m3(115, s1.p, N[b0l1].w, s0.p),
	)
}

// labelFeatures appends the features that choose the relation of the arc
// from head h to dependent d: those that read only the two words and the
// rest, in two groups as for the transitions.
func (st *state) labelFeatures(f []uint64, d, h int) []uint64 {
	return st.labelRestFeatures(st.labelPairFeatures(f, d, h), d, h)
}

// labelPairFeatures appends the label features that read only the words
// d and h (and d's neighbours).
func (s *sentence) labelPairFeatures(f []uint64, d, h int) []uint64 {
	mix := perceptron.Mix
	N := s.nodes
	D, H, dir := s.arcWords(d, h)
	dd := dist(d, h)
	prev, next := s.n+1, s.n+1
	if d > 0 {
		prev = d - 1
	}
	if d+1 < s.n {
		next = d + 1
	}
	return append(f,
		1,
		mix(2, D.w), mix(3, D.p), mix(4, D.wp), mix(5, D.u),
		mix(6, H.w), mix(7, H.p), mix(8, H.wp), mix(9, H.u),
		m3(10, D.p, H.p, dir), m3(11, D.w, H.p, dir), m3(12, D.p, H.w, dir), m3(13, D.w, H.w, dir),
		m3(14, D.u, H.u, dir), m3(15, D.p, H.p, dd), mix(16, dir),
		m3(32, N[prev].p, D.p, H.p), m3(33, N[next].p, D.p, H.p), m2(34, N[prev].w, D.p),
		m2(35, D.w, dir), m2(38, H.w, D.p),
	)
}

// arcWords returns the dependent d and head h of an arc and its direction:
// 1 when the head is to the right, 2 when to the left.
func (s *sentence) arcWords(d, h int) (D, H *node, dir uint64) {
	dir = 1
	if d > h {
		dir = 2
	}
	return &s.nodes[d], &s.nodes[h], dir
}

// labelKey is everything labelRestFeatures reads of a state.
type labelKey struct {
	d, h, dl1, dl2, dr1, hl1, hr1, reldl1, reldr1, nld, nrd int32
	lsetd, rsetd, lseth, rseth                              uint64
}

func (st *state) labelKey(d, h int) labelKey {
	dl1, dr1 := st.child(st.l1, d), st.child(st.r1, d)
	return labelKey{
		d: int32(d), h: int32(h),
		dl1: int32(dl1), dl2: int32(st.child(st.l2, d)), dr1: int32(dr1),
		hl1: int32(st.child(st.l1, h)), hr1: int32(st.child(st.r1, h)),
		reldl1: int32(st.relOf(dl1)), reldr1: int32(st.relOf(dr1)),
		nld: int32(st.count(st.nl, d)), nrd: int32(st.count(st.nr, d)),
		lsetd: st.lset[d], rsetd: st.rset[d], lseth: st.lset[h], rseth: st.rset[h],
	}
}

// labelRestFeatures appends the label features that read the children and
// relations of d and h.
func (st *state) labelRestFeatures(f []uint64, d, h int) []uint64 {
	mix := perceptron.Mix
	N := st.nodes
	D, H, dir := st.arcWords(d, h)
	dl1, dl2, dr1 := st.child(st.l1, d), st.child(st.l2, d), st.child(st.r1, d)
	hl1, hr1 := st.child(st.l1, h), st.child(st.r1, h)
	return append(f,
		m2(17, D.p, st.lset[d]), m2(18, D.p, st.rset[d]), m3(19, D.p, st.lset[d], st.rset[d]),
		m3(20, D.p, N[dl1].w, H.p), m3(21, D.p, N[dl1].w, dir), mix(22, N[dl1].w), m2(23, N[dl1].w, N[dl2].w),
		m2(24, D.p, st.relOf(dl1)), m2(25, D.p, st.relOf(dr1)), m2(26, N[dr1].w, D.p),
		m3(27, H.p, st.lset[h], D.p), m3(28, H.p, st.rset[h], D.p), m3(29, H.w, st.lset[h], dir),
		m3(30, D.p, N[hl1].p, H.p), m3(31, D.p, N[hr1].p, H.p),
		m3(36, D.p, st.count(st.nl, d), st.count(st.nr, d)),
		m3(37, D.u, H.u, st.lset[d]),
	)
}
