package ingest

import (
	"strings"
	"unicode"
)

// shingleScore scores pred against gold as the article-extraction
// benchmark does: words are runs of letters, digits and underscores (its
// \w+), lower-cased; word 4-gram shingles are counted as multisets. It
// returns precision, recall and F1 for the page; an empty prediction scores 0.
func shingleScore(pred, gold string) (p, r, f float64) {
	ps, gs := shingles(pred), shingles(gold)
	np, ng, tp := 0, 0, 0
	for _, c := range ps {
		np += c
	}
	for _, c := range gs {
		ng += c
	}
	for s, c := range ps {
		tp += min(c, gs[s])
	}
	if tp == 0 {
		return 0, 0, 0
	}
	p, r = float64(tp)/float64(np), float64(tp)/float64(ng)
	return p, r, 2 * p * r / (p + r)
}

func shingles(text string) map[string]int {
	w := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && r != '_'
	})
	m := map[string]int{}
	if len(w) == 0 {
		return m
	}
	if len(w) < 4 {
		m[strings.Join(w, " ")]++
		return m
	}
	for i := 0; i+4 <= len(w); i++ {
		m[strings.Join(w[i:i+4], " ")]++
	}
	return m
}
