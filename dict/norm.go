package dict

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps common accented Latin letters to their base letter.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ī': "i", 'ı': "i", 'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o",
	'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'ř': "r", 'ś': "s", 'š': "s", 'ş': "s",
	'ș': "s", 'ť': "t", 'ț': "t", 'ţ': "t", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u",
	'ů': "u", 'ű': "u", 'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z", 'ß': "ss", 'æ': "ae",
	'œ': "oe", 'þ': "th", 'ð': "d",
}

// Key returns the lookup key of a name: lower case, accents folded,
// apostrophes and periods dropped ("U.S." and "US" meet), hyphens and runs of
// spaces turned into one space, and a leading "the " removed.
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII, most names: no accents to fold
			switch {
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case r == '.' || r == '\'' || r == '`':
				continue
			case r == ' ' || r == '-' || r == '_' || ('\t' <= r && r <= '\r'):
				if !space {
					b.WriteByte(' ')
					space = true
				}
				continue
			}
			b.WriteByte(byte(r))
			space = false
			continue
		}
		if r == utf8.RuneError {
			continue
		}
		r = unicode.ToLower(r)
		switch {
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == '`':
			continue
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '‐' || r == '–':
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		if f, ok := fold[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
		space = false
	}
	k := strings.TrimSuffix(b.String(), " ")
	k = strings.TrimPrefix(k, "the ")
	return k
}
