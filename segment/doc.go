// Package segment is the stage that splits Document.Text into sentences and
// tokens, each with its exact byte span.
//
// Tokens follow the conventions of Universal Dependencies English (EWT,
// GUM), so that models trained on those treebanks see the words they were
// trained on: clitics are split ("do" "n't", "Russia" "'s", "I" "'m", with
// straight or curly apostrophes), and so are "cannot" ("can" "not"),
// "gonna" ("gon" "na"), "wanna" and "gotta"; punctuation, brackets and
// quotes are tokens of their own, runs such as "..." "!!" "?!" "--" are one
// token; hyphens between word parts are split ("search" "-" "engine")
// except after prefixes that EWT keeps ("e-mail", "non-human", "re-elected")
// and in phone-number-like digit groups; "$", "#" and "%" are split from
// numbers; decimals, numbers with commas, times, dates with slashes, URLs,
// e-mail addresses, abbreviations ("U.S.", "Gen.", "Jan.") and initials
// stay whole.
//
// Sentences end at ". ! ? …" (and runs of them) followed by space and an
// upper-case letter, a digit, a quote or a bracket; closing quotes and
// brackets right after the stop belong to the sentence before. A period
// after an abbreviation or an initial does not end a sentence unless the
// abbreviation may end one ("Inc.", "U.S.") and the next word is a usual
// sentence opener ("The", "He"). Titles, subtitles, headings and the
// dateline are sentences of their own with a Kind, and no sentence crosses
// a paragraph boundary.
//
// A learnt boundary model ([Model], an averaged perceptron shipped in
// data.Segment and trained by [Segmenter.Train] on UD English EWT and GUM)
// adds the breaks the rules miss in e-mails and web text: lines without
// final punctuation, signatures, headers, lists of names. It keeps the
// rules' breaks except those after a colon or an ellipsis, which it
// reviews. See docs/segment.md.
package segment
