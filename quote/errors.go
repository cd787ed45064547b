package quote

import "errors"

var errEmptyLexicon = errors.New("empty lexicon")
