// Package actor is the resolution stage: it turns the recogniser's
// mentions into the document's entities — people, organisations, states
// and places — with coreference (surnames, short forms, pronouns, "the
// opposition"), actor codes checked against the article's date, and GeoNames
// places. It reads Document.Mentions, Tokens, Sentences, Date, Dateline and
// Credits, and writes Document.Entities and Mention.Entity.
//
// Everything it knows comes from the actor dictionary (package dict) and
// from the words around a mention: titles and appositions ("Russian Foreign
// Minister Sergey Lavrov"), counterparts ("his Venezuelan counterpart"),
// possessives and subjects that make a capital stand for its government
// ("Washington accused ..."), and the countries the document is about.
package actor
