package mention

import (
	"math"

	"github.com/dateline-news/dateline/dict"
)

// Tagger labels tokens with BIO tags using a [Model] and a gazetteer.
type Tagger struct {
	Model *Model
	Dict  *dict.Dictionary // gazetteer; nil means none
	// OBias is subtracted from the score of O: above 0 the tagger finds
	// more entities (recall) at some cost in precision.
	OBias float32
}

// allowed reports whether tag c may follow tag prev in IOB2.
func allowed(prev, c int) bool {
	if c == 0 || Tags[c][0] == 'B' {
		return true
	}
	return prev == c || prev == c-1 // I-X after B-X or I-X
}

// Tag returns a BIO tag for each word; pos, when it has one universal
// part of speech per word, adds tagger features.
func (t *Tagger) Tag(words, pos []string) []string {
	s := newSentence(words, pos, t.Dict)
	out := make([]string, len(words))
	var f hasher
	var sc [nTags]float32
	p1, p2 := 0, 0
	for i := range words {
		s.features(&f, i, Tags[p1], Tags[p2])
		t.Model.scores(f.feats, &sc)
		sc[0] -= t.OBias
		best, bestS := 0, float32(math.Inf(-1))
		for c := range nTags {
			if allowed(p1, c) && sc[c] > bestS {
				best, bestS = c, sc[c]
			}
		}
		out[i] = Tags[best]
		p2, p1 = p1, best
	}
	return out
}
