package timex

import "testing"

func TestWordShapes(t *testing.T) {
	for w := range words {
		if !maybeWord([]byte(w)) {
			t.Errorf("maybeWord(%q) = false for a table word", w)
		}
		if len(w) > maxWordLen {
			t.Errorf("%q is longer than maxWordLen", w)
		}
	}
	for _, w := range []string{"", "zzz", "lavrov", "ça", "abcdefghijklmnop"} {
		if maybeWord([]byte(w)) {
			if _, ok := words[w]; !ok && w == "zzz" {
				t.Errorf("maybeWord(%q) = true", w)
			}
		}
	}
}
