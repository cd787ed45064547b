package pipeline

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
)

// Phrase runs p over one actor phrase ("Polish soldiers", "the army of
// Sudan", "former President Evo Morales") as a document of its own, dated
// day when day is not zero, and returns the entity the phrase refers to:
// the one whose mention covers the phrase's syntactic head, else the one
// with the longest mention. It returns dateline.ErrNotFound when the phrase
// names no entity.
func Phrase(ctx context.Context, p dateline.Pipeline, phrase string, day time.Time) (*dateline.Entity, error) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return nil, fmt.Errorf("phrase: empty: %w", dateline.ErrEmpty)
	}
	// the phrase is its own title, so that the clean stage keeps a lone
	// name ("Reuters") that would otherwise pass for a navigation line
	doc := dateline.NewDocument(dateline.Article{ID: "phrase", Text: phrase, Title: phrase, Date: day})
	if err := p.Run(ctx, doc); err != nil {
		return nil, fmt.Errorf("phrase %q: %w", phrase, err)
	}
	head := -1
	for i, t := range doc.Tokens {
		if t.Head < 0 && t.Rel != "" && head < 0 {
			head = i
		}
	}
	var best *dateline.Entity
	bestLen := 0
	for i := range doc.Entities {
		e := &doc.Entities[i]
		for _, m := range e.Mentions {
			if head >= 0 && m.Span.Start <= doc.Tokens[head].Span.Start && doc.Tokens[head].Span.End <= m.Span.End {
				if n := m.Span.Len() + len(doc.Text); n > bestLen { // covering the head beats any length
					best, bestLen = e, n
				}
			}
			if n := m.Span.Len(); n > bestLen {
				best, bestLen = e, n
			}
		}
	}
	if best == nil {
		return nil, fmt.Errorf("phrase %q: no entity: %w", phrase, dateline.ErrNotFound)
	}
	return best, nil
}
