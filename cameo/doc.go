// Package cameo holds the event ontology and the pattern dictionary the
// event coder uses: every CAMEO event code with its name, Goldstein score,
// QuadClass and PLOVER type and mode ([Ontology]), and the verb and
// event-noun patterns over Universal Dependencies trees that map words to
// codes ([Dictionary]). It is data and lookup, not a stage: it reads text
// files (the shipped ones embedded by package data, or a user's own) and
// reports bad lines with their file and line.
//
// The pattern format is documented in docs/patterns.md.
package cameo
