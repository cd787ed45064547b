package conllu

import (
	"fmt"
	"strings"

	"github.com/dateline-news/dateline"
)

// ToDocument builds a document whose Text, Paragraphs, Sentences and Tokens
// come from the gold tokenisation of ss, for tagging and parsing
// pre-tokenised text.
//
// Text is the forms joined as SpaceAfter says, sentences separated by a
// space and paragraphs (at "# newpar" and "# newdoc") by a blank line.
// Tokens are the syntactic words, as the tagger and parser need: a
// multiword token such as "don't" (1-2) gives the tokens "do" and "n't".
// When the words' forms spell the surface form, as they do in English,
// each word gets its own part of it; when they do not (French "du" = "de"
// "le"), every word of the multiword token spans the whole surface form and
// keeps its own form as Token.Text. Heads are -1: nothing but the
// segmentation is taken from the gold.
func ToDocument(ss []*Sentence) *dateline.Document {
	doc := dateline.NewDocument(dateline.Article{})
	var b strings.Builder
	paraStart := -1
	for i, s := range ss {
		if i > 0 {
			if s.Has("newpar") || s.Has("newdoc") {
				doc.Paragraphs = append(doc.Paragraphs, dateline.Span{Start: paraStart, End: b.Len()})
				b.WriteString("\n\n")
				paraStart = -1
			} else {
				b.WriteByte(' ')
			}
		}
		if paraStart < 0 {
			paraStart = b.Len()
		}
		start := b.Len()
		first := len(doc.Tokens)
		surf := s.Surface()
		for j, st := range surf {
			at := b.Len()
			b.WriteString(st.Form)
			end := b.Len()
			words := s.wordRange(st.First, st.Last)
			if len(words) == 1 {
				doc.Tokens = append(doc.Tokens, dateline.Token{Span: dateline.Span{Start: at, End: end}, Text: words[0].Form, Head: -1})
			} else {
				spell := true
				var cat strings.Builder
				for _, w := range words {
					cat.WriteString(w.Form)
				}
				if cat.String() != st.Form {
					spell = false
				}
				off := at
				for _, w := range words {
					sp := dateline.Span{Start: at, End: end}
					if spell {
						sp = dateline.Span{Start: off, End: off + len(w.Form)}
						off += len(w.Form)
					}
					doc.Tokens = append(doc.Tokens, dateline.Token{Span: sp, Text: w.Form, Head: -1})
				}
			}
			if st.SpaceAfter && j < len(surf)-1 {
				b.WriteByte(' ')
			}
		}
		end := b.Len()
		for end > start && b.String()[end-1] == ' ' {
			end--
		}
		doc.Sentences = append(doc.Sentences, dateline.Sentence{
			Span:   dateline.Span{Start: start, End: end},
			Tokens: dateline.Range{Start: first, End: len(doc.Tokens)},
		})
	}
	if paraStart >= 0 {
		doc.Paragraphs = append(doc.Paragraphs, dateline.Span{Start: paraStart, End: b.Len()})
	}
	doc.Text = b.String()
	return doc
}

// wordRange returns the words whose IDs lie in [first, last].
func (s *Sentence) wordRange(first, last int) []Word {
	lo := -1
	for i, w := range s.Words {
		if w.ID == first {
			lo = i
			break
		}
	}
	if lo < 0 {
		return nil
	}
	hi := lo
	for hi < len(s.Words) && s.Words[hi].ID <= last {
		hi++
	}
	return s.Words[lo:hi]
}

// FromDocument writes the sentences and tokens of doc as CoNLL-U, every
// column from what the stages predicted: UPOS from Token.POS, XPOS from
// Token.Tag, LEMMA, FEATS, HEAD as the 1-based position in the sentence (0
// for the root, and for a head outside the sentence or not yet parsed),
// DEPREL from Token.Rel, "SpaceAfter=No" in MISC when the next token
// follows without a space, and the comments "sent_id" and "text".
//
// A token that directly follows another and is an English clitic ("n't",
// "'s", "’re", "na" after "gon", "not" after "can", "nt" after "do") forms
// a multiword token with it ("don't" = "do" "n't"), as UD English writes
// them, so that the surface tokens can be compared with a treebank's.
func FromDocument(doc *dateline.Document) []*Sentence {
	out := make([]*Sentence, 0, len(doc.Sentences))
	for si, sent := range doc.Sentences {
		r := sent.Tokens
		if r.Start < 0 || r.End > len(doc.Tokens) || r.Start >= r.End {
			continue
		}
		s := &Sentence{Comments: []string{
			fmt.Sprintf("sent_id = %d", si+1),
			"text = " + oneLine(doc.Span(sent.Span)),
		}}
		for i := r.Start; i < r.End; i++ {
			t := doc.Tokens[i]
			w := Word{ID: i - r.Start + 1, Form: or(t.Text), Lemma: t.Lemma, UPOS: t.POS, XPOS: t.Tag,
				Feats: t.Feats, Deprel: t.Rel}
			if t.Head >= r.Start && t.Head < r.End && t.Head != i {
				w.Head = t.Head - r.Start + 1
			}
			s.Words = append(s.Words, w)
		}
		// Group clitics into multiword tokens and mark SpaceAfter=No.
		for i := r.Start; i < r.End; {
			j := i + 1
			for j < r.End && doc.Tokens[j].Span.Start == doc.Tokens[j-1].Span.End &&
				doc.Tokens[j].Span.Start > doc.Tokens[j-1].Span.Start &&
				IsClitic(doc.Tokens[j-1].Text, doc.Tokens[j].Text) {
				j++
			}
			noSpace := j < len(doc.Tokens) && doc.Tokens[j].Span.Start == doc.Tokens[j-1].Span.End
			if j-i > 1 {
				mt := MultiToken{First: i - r.Start + 1, Last: j - r.Start}
				mt.Form = doc.Tokens[i].Text
				if sp := (dateline.Span{Start: doc.Tokens[i].Span.Start, End: doc.Tokens[j-1].Span.End}); sp.In(doc.Text) != "" {
					mt.Form = sp.In(doc.Text)
				}
				if noSpace {
					mt.Misc = "SpaceAfter=No"
				}
				s.Multi = append(s.Multi, mt)
			} else if noSpace {
				s.Words[i-r.Start].Misc = "SpaceAfter=No"
			}
			i = j
		}
		out = append(out, s)
	}
	return out
}

// oneLine replaces line breaks and tabs by spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// IsClitic reports whether the token cur, following prev without a space,
// is an English clitic that UD English joins with prev into one multiword
// token: "'s" "'m" "'d" "'re" "'ve" "'ll" "n't" (straight or curly
// apostrophe, any case) after anything, "nt" after an auxiliary ("do"
// "nt"), "na" after "gon" or "wan", "ta" after "got", "not" after "can".
func IsClitic(prev, cur string) bool {
	c := strings.ToLower(strings.Replace(cur, "’", "'", 1))
	switch c {
	case "'s", "'m", "'d", "'re", "'ve", "'ll", "n't":
		return prev != "" && !strings.ContainsAny(prev[len(prev)-1:], "'’\"")
	}
	p := strings.ToLower(prev)
	switch c {
	case "nt":
		switch p {
		case "do", "does", "did", "is", "was", "were", "are", "could", "would", "should", "has", "have", "had", "wo", "ai":
			return true
		}
	case "na":
		return p == "gon" || p == "wan"
	case "ta":
		return p == "got"
	case "not":
		return p == "can"
	}
	return false
}

// RawText returns the raw text of a treebank, for evaluating segmentation
// from raw text: the "text" comment of each sentence (or its forms joined
// as SpaceAfter says), sentences separated by a space and paragraphs by a
// blank line, with the span of each paragraph. A paragraph starts at
// "# newpar" and at "# newdoc".
func RawText(ss []*Sentence) (string, []dateline.Span) {
	var b strings.Builder
	var paras []dateline.Span
	start := -1
	for i, s := range ss {
		if i > 0 {
			if s.Has("newpar") || s.Has("newdoc") {
				paras = append(paras, dateline.Span{Start: start, End: b.Len()})
				b.WriteString("\n\n")
				start = -1
			} else {
				b.WriteByte(' ')
			}
		}
		if start < 0 {
			start = b.Len()
		}
		b.WriteString(s.Text())
	}
	if start >= 0 {
		paras = append(paras, dateline.Span{Start: start, End: b.Len()})
	}
	return b.String(), paras
}
