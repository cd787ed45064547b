package tag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Norm returns s lower-cased, with curly quotes and apostrophes made
// straight, as the tagger and lemmatiser look words up.
func Norm(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '’', '‘', '`', '´', '′':
			r = '\''
		case '“', '”', '„', '″':
			r = '"'
		case '–', '—':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// straight returns s with curly quotes made straight but case kept.
func straight(s string) string {
	if !strings.ContainsAny(s, "’‘“”") {
		return s
	}
	return strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(s)
}

// shapeHash returns perceptron.Hash(shape(s)) without building the string.
func shapeHash(s string) uint64 {
	var b [8]byte
	n := shapeBytes(&b, s)
	h := uint64(14695981039346656037)
	for _, c := range b[:n] {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// shapeBytes writes to b the shape of s: "Xx", "x", "X", "d", "Xx-x",
// with runs collapsed and at most eight symbols; it returns its length.
func shapeBytes(b *[8]byte, s string) int {
	n := 0
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r == '-' || r == '.' || r == ',' || r == '\'' || r == '/':
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		b[n] = c
		n++
		if n == len(b) {
			break
		}
	}
	return n
}

// suffix returns the last n runes of s, or s when shorter.
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

// prefix returns the first n runes of s, or s when shorter.
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}
