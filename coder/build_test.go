package coder

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
)

// build makes a one-or-more-sentence document from CoNLL-like lines:
//
//	ID WORD LEMMA UPOS HEAD REL [@ACTOR[:entity]] [kind=title]
//
// with 1-based heads within the sentence (0 = root) and a blank line between
// sentences. Tokens marked with the same @ACTOR:entity are mentions of one
// entity (its ID is the part after the colon, or the actor code); adjacent
// marked tokens with the same entity form one mention.
func build(tb testing.TB, conll string) *dateline.Document {
	tb.Helper()
	doc := dateline.NewDocument(dateline.Article{ID: "t"})
	var text strings.Builder
	ents := map[string]int{}
	lastEnt, lastTok := "", -2
	for _, block := range strings.Split(strings.TrimSpace(conll), "\n\n") {
		base := len(doc.Tokens)
		start := text.Len()
		kind := ""
		for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
			f := strings.Fields(line)
			if len(f) < 6 {
				tb.Fatalf("bad line %q", line)
			}
			head, err := strconv.Atoi(f[4])
			if err != nil {
				tb.Fatalf("bad head in %q", line)
			}
			if text.Len() > start {
				text.WriteByte(' ')
			}
			word := strings.ReplaceAll(f[1], "_", " ")
			sp := dateline.Span{Start: text.Len(), End: text.Len() + len(word)}
			text.WriteString(word)
			h := -1
			if head > 0 {
				h = base + head - 1
			}
			doc.Tokens = append(doc.Tokens, dateline.Token{Span: sp, Text: word, Lemma: f[2], POS: f[3], Head: h, Rel: f[5]})
			ti := len(doc.Tokens) - 1
			for _, x := range f[6:] {
				if strings.HasPrefix(x, "kind=") {
					kind = x[5:]
					continue
				}
				if !strings.HasPrefix(x, "@") {
					continue
				}
				actor, id, _ := strings.Cut(x[1:], ":")
				if id == "" {
					id = actor
				}
				ei, ok := ents[id]
				if !ok {
					ei = len(doc.Entities)
					ents[id] = ei
					doc.Entities = append(doc.Entities, dateline.Entity{ID: id, Name: word, Actor: actor, Type: "GPE"})
				}
				e := &doc.Entities[ei]
				if lastEnt == id && lastTok == ti-1 {
					e.Mentions[len(e.Mentions)-1].Span.End = sp.End
				} else {
					e.Mentions = append(e.Mentions, dateline.EntityMention{Span: sp, Text: word})
				}
				if f[3] == "PROPN" && e.Name != word && len(e.Mentions) == 1 {
					e.Name = doc.Text + word
				}
				lastEnt, lastTok = id, ti
			}
		}
		doc.Sentences = append(doc.Sentences, dateline.Sentence{
			Span:   dateline.Span{Start: start, End: text.Len()},
			Kind:   kind,
			Tokens: dateline.Range{Start: base, End: len(doc.Tokens)},
		})
		text.WriteString("\n\n")
	}
	doc.Text = text.String()
	for i := range doc.Entities {
		for j := range doc.Entities[i].Mentions {
			doc.Entities[i].Mentions[j].Text = doc.Entities[i].Mentions[j].Span.In(doc.Text)
		}
		doc.Entities[i].Name = doc.Entities[i].Mentions[0].Text
	}
	return doc
}
