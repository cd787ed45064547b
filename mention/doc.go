// Package mention is the entity recogniser stage: an averaged-perceptron
// sequence labeller over BIO tags for PER, ORG and LOC with word, shape,
// affix, context and gazetteer features (the gazetteer is the actor
// dictionary of package dict). It reads Document.Tokens and Sentences and
// writes Document.Mentions.
//
// The shipped model is trained by "dateline train ner" from the UNER
// English-EWT training set (see [Train]) and embedded under data/ner.
package mention
