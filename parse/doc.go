// Package parse is the dependency parsing stage: it gives every token its
// syntactic head and its Universal Dependencies relation.
//
// The parser is transition-based (arc-hybrid, Kuhlmann et al. 2011) with the
// root at the end of the buffer, so it runs in linear time and always
// yields one tree with a single root. An averaged perceptron with Zhang and
// Nivre's (2011) rich non-local features picks the transitions; it is
// trained with Goldberg and Nivre's (2013) dynamic oracle, exploring its
// own mistakes. A second perceptron labels each arc when it is built, when
// the dependent's subtree is complete. The model is trained by
// "dateline train parser" (see docs/models.md).
package parse
