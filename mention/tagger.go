package mention

import "github.com/dateline-news/dateline/dict"

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

// Tag returns a BIO tag for each word, the best sequence under the
// model (Viterbi); pos, when it has one universal part of speech per word,
// adds tagger features.
func (t *Tagger) Tag(words, pos []string) []string {
	s := newSentence(words, pos, t.Dict)
	tags := s.viterbi(t.Model.scores, t.OBias)
	out := make([]string, len(tags))
	for i, c := range tags {
		out[i] = Tags[c]
	}
	return out
}
