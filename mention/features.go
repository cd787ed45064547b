package mention

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-news/dateline/dict"
)

// maxGaz is the longest phrase, in tokens, looked up in the gazetteer.
const maxGaz = 6

// sentence is what feature extraction needs of one sentence.
type sentence struct {
	words  []string
	lower  []string
	shapes []string
	gaz    []gazMark
	names  []byte   // 1: a known first name, 2: a known surname
	pos    []string // universal parts of speech; nil when not tagged
	upper  bool     // the sentence is a headline in capitals
}

// gazMark says that a token is inside a dictionary phrase.
type gazMark struct {
	kinds dict.Kind
	begin bool
	n     int // tokens in the phrase
	self  dict.Kind
}

func newSentence(words, pos []string, d *dict.Dictionary) *sentence {
	if len(pos) != len(words) {
		pos = nil
	}
	s := &sentence{words: words, pos: pos, lower: make([]string, len(words)), shapes: make([]string, len(words)), gaz: make([]gazMark, len(words))}
	letters, uppers := 0, 0
	for i, w := range words {
		s.lower[i] = strings.ToLower(w)
		s.shapes[i] = shape(w)
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					uppers++
				}
			}
		}
	}
	s.upper = letters > 8 && uppers*10 > letters*8
	if d != nil {
		s.markGazetteer(d)
		s.names = make([]byte, len(words))
		for i, w := range words {
			if len(w) > 1 && unicode.IsLetter([]rune(w)[0]) {
				if d.IsFirstName(w) {
					s.names[i] |= 1
				}
				if d.IsSurname(w) {
					s.names[i] |= 2
				}
			}
		}
	}
	return s
}

// markGazetteer finds, left to right, the longest dictionary phrase
// starting at each token that begins with a capital or digit.
func (s *sentence) markGazetteer(d *dict.Dictionary) {
	var b strings.Builder
	for i := 0; i < len(s.words); i++ {
		s.gaz[i].self = d.Kinds(s.words[i])
		if !startsUpper(s.words[i]) && len(s.words[i]) < 4 {
			continue
		}
		best, bestK := 0, dict.Kind(0)
		b.Reset()
		for j := i; j < len(s.words) && j < i+maxGaz; j++ {
			if j > i {
				b.WriteByte(' ')
			}
			b.WriteString(s.words[j])
			if !startsUpper(s.words[j]) && !isConnector(s.lower[j]) {
				if j == i {
					break
				}
				continue
			}
			if k := d.Kinds(b.String()); k != 0 {
				best, bestK = j-i+1, k
			}
		}
		if best == 0 {
			continue
		}
		for j := i; j < i+best; j++ {
			s.gaz[j].kinds, s.gaz[j].begin, s.gaz[j].n = bestK, j == i, best
		}
		i += best - 1
	}
}

func isConnector(w string) bool {
	switch w {
	case "of", "the", "de", "and", "for", "-", "&", "al", "la", "del", "von", "van", "da", "of the":
		return true
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// shape maps letters to X/x, digits to d, keeps other characters, and
// collapses runs of the same class after two.
func shape(w string) string {
	var b []byte
	var last byte
	run := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		b = append(b, c)
		if len(b) > 12 {
			break
		}
	}
	return string(b)
}

// hasher builds feature hashes (FNV-1a) without allocating.
type hasher struct{ feats []uint64 }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff
	h *= fnvPrime
	return h
}

func (f *hasher) add(tmpl byte, parts ...string) {
	h := uint64(fnvOffset)
	h ^= uint64(tmpl)
	h *= fnvPrime
	for _, p := range parts {
		h = hashStr(h, p)
	}
	f.feats = append(f.feats, h)
}

var kindNames = []string{"country", "adj", "seat", "org", "place", "person"}

func kindFeatures(f *hasher, tmpl byte, pos string, k dict.Kind) {
	for i, n := range kindNames {
		if k&(1<<i) != 0 {
			f.add(tmpl, pos, n)
		}
	}
}

func (s *sentence) word(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(s.words):
		return "</s>"
	}
	return s.lower[i]
}

func (s *sentence) shapeAt(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(s.words):
		return "</s>"
	}
	return s.shapes[i]
}

func (s *sentence) posAt(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(s.words):
		return "</s>"
	}
	return s.pos[i]
}

func prefix(w string, n int) string {
	i := 0
	for k := range w {
		if i == n {
			return w[:k]
		}
		i++
	}
	return w
}

func suffix(w string, n int) string {
	i := len(w)
	for c := 0; c < n && i > 0; c++ {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}

// features computes the features of token i given the two previous tags.
func (s *sentence) features(f *hasher, i int, p1, p2 string) {
	f.feats = f.feats[:0]
	w, lw, sh := s.words[i], s.lower[i], s.shapes[i]
	up := ""
	if s.upper {
		up = "U"
		w = lw // in an all-capitals headline case says nothing
	}
	f.add(0, "bias")
	f.add(1, w)
	f.add(2, lw)
	f.add(3, up, sh)
	for n := 1; n <= 4; n++ {
		f.add(4, string(rune('0'+n)), prefix(lw, n))
		f.add(5, string(rune('0'+n)), suffix(lw, n))
	}
	f.add(6, s.word(i-1))
	f.add(7, s.word(i+1))
	f.add(8, s.word(i-2))
	f.add(9, s.word(i+2))
	f.add(10, up, s.shapeAt(i-1))
	f.add(11, up, s.shapeAt(i+1))
	f.add(12, s.word(i-1), lw)
	f.add(13, lw, s.word(i+1))
	f.add(14, p1)
	f.add(15, p2, p1)
	f.add(16, p1, lw)
	f.add(17, p1, up, sh)
	f.add(18, up, s.shapeAt(i-1), sh, s.shapeAt(i+1))
	if i == 0 {
		f.add(19, up, sh)
	}
	g := s.gaz[i]
	if g.kinds != 0 {
		pos := "I"
		if g.begin {
			pos = "B"
		}
		kindFeatures(f, 20, pos, g.kinds)
		kindFeatures(f, 21, pos+p1, g.kinds)
		n := g.n
		if n > 3 {
			n = 3
		}
		f.add(22, pos, string(rune('0'+n)))
	}
	kindFeatures(f, 23, up+sh, g.self)
	if i > 0 {
		kindFeatures(f, 24, "prev", s.gaz[i-1].kinds)
	}
	if i+1 < len(s.words) {
		kindFeatures(f, 24, "next", s.gaz[i+1].kinds)
	}
	if s.pos != nil {
		f.add(27, s.posAt(i))
		f.add(28, s.posAt(i-1), s.posAt(i))
		f.add(29, s.posAt(i), s.posAt(i+1))
		f.add(30, s.posAt(i), up, sh)
		f.add(31, p1, s.posAt(i))
	}
	if s.names != nil {
		f.add(32, string(rune('0'+s.names[i])), up, sh)
		if i > 0 {
			f.add(33, string(rune('0'+s.names[i-1])), string(rune('0'+s.names[i])), up, sh)
		}
		if i+1 < len(s.words) {
			f.add(34, string(rune('0'+s.names[i])), string(rune('0'+s.names[i+1])), up, s.shapes[i+1])
		}
	}
	f.add(37, s.word(i-1), s.word(i+1))
	f.add(38, suffix(s.word(i-1), 3))
	f.add(39, suffix(s.word(i+1), 3))
	f.add(40, up, s.shapeAt(i-2), s.shapeAt(i-1), sh)
	f.add(41, up, sh, s.shapeAt(i+1), s.shapeAt(i+2))
	f.add(25, s.word(i-1), up, sh)
	f.add(26, up, sh, s.word(i+1))
}
