// Package tag is the part-of-speech stage: it gives every token its
// universal part of speech (UPOS), its Penn Treebank tag (XPOS), its lemma
// and its morphological features.
//
// The tagger is a greedy left-to-right averaged perceptron over a joint
// UPOS+XPOS label, with word, affix, shape, context and ambiguity-class
// features and a tag dictionary for frequent unambiguous words. Lemmas come
// from a table learnt from the treebanks, then from WordNet's exception
// lists and suffix rules checked against WordNet's lemma index. Features
// come from a table learnt from the treebanks, keyed on the word and label.
// The model is trained by "dateline train tagger" (see docs/models.md).
package tag
