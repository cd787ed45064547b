// Package dateline holds the domain of the Dateline event data engine: the
// [Article] read from a source, the [Document] that every stage annotates,
// the layers those stages add (sentences, tokens, entities, time
// expressions, quotes, events) and the [Annotator] interface a stage
// implements.
//
// After the clean stage, [Document.Text] is frozen: every later layer is a
// [Span] of byte offsets into it, so every fact points to the words it came
// from. Stages live in their own packages, read earlier layers from the
// Document and never import each other; cmd/dateline wires them together.
package dateline
