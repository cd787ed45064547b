// Package quote is the stage that finds who said what: direct quotations
// in every quotation-mark style, reported speech after speech and cognition
// cues, and the speaker of each, resolved through the entities layer.
//
// The stage reads the text, paragraphs, tokens, parse and entities that
// earlier stages left on the Document and uses what is there: without
// tokens it splits words itself, without a parse it reads word order,
// without entities it names the speaker by the words of the subject and
// leaves the speaker id empty. The cue words come from a lexicon that users
// can read and extend (data/quotes/cues.txt, described in docs/quotes.md).
package quote
