package mention

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/data"
	"github.com/dateline-news/dateline/dict"
)

// ModelFile is the path of the shipped model inside data.NER.
const ModelFile = "ner/ner.model.gz"

// LoadModel returns the model shipped in the binary. It is read once and
// shared: a Model is read-only.
func LoadModel() (*Model, error) { return shipped() }

var shipped = sync.OnceValues(func() (*Model, error) {
	f, err := data.NER.Open(ModelFile)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	defer f.Close()
	return ReadModel(f)
})

// Recogniser is the entity recogniser stage.
type Recogniser struct {
	Tagger *Tagger
	// Backoff adds mentions for dictionary names the model missed:
	// countries, organisations known by name or acronym, and seats of power.
	Backoff bool
}

// New returns the recogniser with the shipped model and d as gazetteer
// (nil means the shipped dictionary).
func New(d *dict.Dictionary) (*Recogniser, error) {
	m, err := LoadModel()
	if err != nil {
		return nil, err
	}
	if d == nil {
		if d, err = dict.Default(); err != nil {
			return nil, err
		}
	}
	return &Recogniser{Tagger: &Tagger{Model: m, Dict: d}, Backoff: true}, nil
}

// Annotate finds the named entities of each sentence and sets doc.Mentions.
func (r *Recogniser) Annotate(ctx context.Context, doc *dateline.Document) error {
	if len(doc.Sentences) == 0 || len(doc.Tokens) == 0 {
		if strings.TrimSpace(doc.Text) != "" {
			doc.Notef("mention", dateline.Span{}, "no tokens: the recogniser needs the segmenter")
		}
		return nil
	}
	doc.Mentions = doc.Mentions[:0]
	var words, pos []string
	all := make([][]string, len(doc.Sentences)) // tags of each sentence
	for si, s := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		a, z := s.Tokens.Start, s.Tokens.End
		if a < 0 || z > len(doc.Tokens) || a >= z {
			continue
		}
		toks := doc.Tokens[a:z]
		words, pos = words[:0], pos[:0]
		tagged := true
		for _, t := range toks {
			words = append(words, t.Text)
			pos = append(pos, t.POS)
			if t.POS == "" {
				tagged = false
			}
		}
		var p []string
		if tagged {
			p = pos
		}
		all[si] = r.TagWords(words, p)
	}
	r.propagate(doc, all)
	for si, s := range doc.Sentences {
		tags := all[si]
		if tags == nil {
			continue
		}
		toks := doc.Tokens[s.Tokens.Start:s.Tokens.End]
		for _, sp := range Spans(tags) {
			span := dateline.Span{Start: toks[sp.Start].Span.Start, End: toks[sp.End-1].Span.End}
			text := doc.Span(span)
			if text == "" {
				continue
			}
			doc.Mentions = append(doc.Mentions, dateline.Mention{Span: span, Text: text, Type: sp.Type, Entity: -1})
		}
	}
	return nil
}

// propagate tags, in every sentence, the capitalised word sequences the
// recogniser found as a name elsewhere in the document and missed there,
// with the type it gave them most often ("Enron" found once is Enron
// throughout).
func (r *Recogniser) propagate(doc *dateline.Document, all [][]string) {
	words := make([][]string, len(all))
	for si, tags := range all {
		if tags == nil {
			continue
		}
		toks := doc.Tokens[doc.Sentences[si].Tokens.Start:doc.Sentences[si].Tokens.End]
		words[si] = make([]string, len(toks))
		for i, t := range toks {
			words[si][i] = t.Text
		}
	}
	Propagate(words, all)
}

// majority returns the type a name was given most often; ties go to the
// first of PER, ORG, LOC.
func majority(v map[string]int) string {
	best, bestN := "", 0
	for _, t := range []string{"PER", "ORG", "LOC"} {
		if v[t] > bestN {
			best, bestN = t, v[t]
		}
	}
	return best
}

// unifyTypes gives every mention of a name the type the document gives it
// most often: one name is one kind of thing throughout a story.
func unifyTypes(words, all [][]string, types map[string]map[string]int) {
	for si, tags := range all {
		if tags == nil || len(words[si]) != len(tags) {
			continue
		}
		for _, sp := range Spans(tags) {
			v := types[joinWords(words[si][sp.Start:sp.End])]
			if v == nil || len(v) < 2 {
				continue
			}
			if t := majority(v); t != "" && t != sp.Type {
				tags[sp.Start] = "B-" + t
				for j := sp.Start + 1; j < sp.End; j++ {
					tags[j] = "I-" + t
				}
			}
		}
	}
}

// Propagate tags, in every sentence of one document (words and their BIO
// tags, changed in place), the capitalised word sequences tagged as a name
// elsewhere in the document and left O there, with the type they were
// given most often; the last word of a person's name counts as a name of
// that person. A nil tags entry is skipped.
func Propagate(words, all [][]string) {
	types := map[string]map[string]int{}
	maxLen := 0
	for si, tags := range all {
		if tags == nil || len(words[si]) != len(tags) {
			continue
		}
		toks := words[si]
		for _, sp := range Spans(tags) {
			k := joinWords(toks[sp.Start:sp.End])
			if len(k) < 3 || !startsUpper(k) {
				continue
			}
			if types[k] == nil {
				types[k] = map[string]int{}
			}
			types[k][sp.Type]++
			maxLen = max(maxLen, sp.End-sp.Start)
			// a person's surname alone refers to them ("Nicolas
			// Maduro" ... "Maduro")
			if last := toks[sp.End-1]; sp.Type == "PER" && sp.End-sp.Start > 1 && len(last) > 2 && startsUpper(last) {
				if types[last] == nil {
					types[last] = map[string]int{}
				}
				types[last]["PER"]++
			}
		}
	}
	if len(types) == 0 {
		return
	}
	unifyTypes(words, all, types)
	for si, tags := range all {
		if tags == nil || len(words[si]) != len(tags) {
			continue
		}
		toks := words[si]
		for i := 0; i < len(toks); i++ {
			if tags[i] != "O" || !startsUpper(toks[i]) {
				continue
			}
			for n := min(maxLen, len(toks)-i); n >= 1; n-- {
				if tags[i+n-1] != "O" || (i+n < len(toks) && tags[i+n] != "O" && tags[i+n][0] == 'I') {
					continue
				}
				v := types[joinWords(toks[i:i+n])]
				if v == nil {
					continue
				}
				free := true
				for j := i; j < i+n; j++ {
					free = free && tags[j] == "O"
				}
				if !free || (i+n < len(toks) && startsUpper(toks[i+n])) || (i > 0 && tags[i-1] != "O") {
					continue // only whole names: not a part of a longer capitalised run
				}
				best := majority(v)
				tags[i] = "B-" + best
				for j := i + 1; j < i+n; j++ {
					tags[j] = "I-" + best
				}
				i += n - 1
				break
			}
		}
	}
}

func joinWords(ws []string) string {
	return strings.Join(ws, " ")
}

// TagWords returns the recogniser's BIO tags for one sentence of words
// (pos may be nil): the model's, then the dictionary backoff.
func (r *Recogniser) TagWords(words, pos []string) []string {
	tags := r.Tagger.Tag(words, pos)
	if r.Backoff && r.Tagger.Dict != nil {
		backoff(r.Tagger.Dict, words, tags)
	}
	// a name does not start with "the", continue over a preposition, end
	// in a date, or consist of one letter
	for _, sp := range Spans(tags) {
		a, z := sp.Start, sp.End
		if z-a > 1 && strings.EqualFold(words[a], "the") {
			a++
		}
		z = trimEnd(words, a, z)
		if tooShort(strings.Join(words[a:z], "")) {
			z = a
		}
		for i := sp.Start; i < sp.End; i++ {
			switch {
			case i < a || i >= z:
				tags[i] = "O"
			case i == a:
				tags[i] = "B-" + sp.Type
			}
		}
	}
	return tags
}

// backoff tags, where the model left only O, the longest capitalised
// phrase that the dictionary knows as a country, a seat of power or an
// organisation (an organisation's one-word name must be an acronym in
// capitals, so that "Congress" or "Amnesty" in a sentence do not fire),
// and a lone capitalised word that the dictionary only knows as a
// person's short name.
func backoff(d *dict.Dictionary, words, tags []string) {
	for i := 0; i < len(words); i++ {
		if tags[i] != "O" || !startsUpper(words[i]) {
			continue
		}
		best, bestType := 0, ""
		phrase := ""
		for j := i; j < len(words) && j < i+maxGaz && tags[j] == "O"; j++ {
			if j > i {
				phrase += " "
			}
			phrase += words[j]
			if !startsUpper(words[j]) && !isConnector(strings.ToLower(words[j])) {
				break
			}
			if !startsUpper(words[j]) {
				continue
			}
			k := d.Kinds(phrase)
			switch {
			case k&(dict.KindCountry|dict.KindSeat) != 0:
				best, bestType = j-i+1, "LOC"
			case k&dict.KindOrg != 0 && (j > i || isAcronym(words[i])):
				best, bestType = j-i+1, "ORG"
			}
		}
		if best == 0 && knownSurname(d, words, i) {
			best, bestType = 1, "PER"
		}
		if best == 0 {
			continue
		}
		if i > 0 && tags[i-1] != "O" {
			continue // do not glue onto a mention the model found
		}
		if e := i + best; e < len(words) && tags[e] != "O" && tags[e][0] == 'I' {
			continue
		}
		tags[i] = "B-" + bestType
		for j := i + 1; j < i+best; j++ {
			tags[j] = "I-" + bestType
		}
		i += best - 1
	}
}

// knownSurname reports whether words[i] stands alone (no capitalised
// neighbour) and the dictionary knows it as the short name of a person
// only: not as a first name, place, country or organisation ("Maduro
// said", but not "Lee", "Georgia" or "Jordan").
func knownSurname(d *dict.Dictionary, words []string, i int) bool {
	w := words[i]
	if len(w) < 4 || isAcronym(w) || (i > 0 && startsUpper(words[i-1])) || (i+1 < len(words) && startsUpper(words[i+1])) {
		return false
	}
	return d.Kinds(w) == dict.KindPerson && !d.IsFirstName(w)
}

func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'A' && c <= 'Z') && c != '.' && c != '&' {
			return false
		}
	}
	return true
}

// tooShort reports whether a mention is a letter or an initial ("G",
// "C."): not a name on its own.
func tooShort(text string) bool {
	n := 0
	for _, r := range text {
		if r != '.' {
			n++
		}
	}
	return n < 2
}

// cutWords are lower-case words a name does not continue over ("Moscow on
// Sunday"); dateWords are not part of a name at its end.
var (
	cutWords  = map[string]bool{"on": true, "in": true, "at": true, "since": true, "until": true, "during": true, "after": true, "before": true, "from": true, "to": true, "with": true}
	dateWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true, "june": true,
		"july": true, "august": true, "september": true, "october": true, "november": true, "december": true}
)

// trimEnd returns the end of a mention [a, z) cut before a lower-case
// preposition inside it and before date words at its end.
func trimEnd(words []string, a, z int) int {
	for i := a + 1; i < z; i++ {
		if cutWords[words[i]] {
			z = i
			break
		}
	}
	for z-1 > a && dateWords[strings.ToLower(words[z-1])] {
		z--
	}
	return z
}
