package main

import (
	"context"
	"fmt"
	"io"

	"github.com/dateline-news/dateline/mention"
)

// annotateIOB2 reads IOB2 with gold tokens and writes it back with the
// recogniser's PER/ORG/LOC tags in the tag column, comments kept.
func annotateIOB2(ctx context.Context, e env, r io.Reader) error {
	sents, err := mention.ReadIOB2(r)
	if err != nil {
		return fmt.Errorf("annotate --format iob2: %w", err)
	}
	rec, err := mention.New(nil)
	if err != nil {
		return fmt.Errorf("annotate --format iob2: %w", err)
	}
	tags := make([][]string, len(sents))
	for i, s := range sents {
		if err := ctx.Err(); err != nil {
			return err
		}
		tags[i] = rec.TagWords(s.Words(), nil)
	}
	return mention.WriteIOB2(e.stdout, sents, tags)
}
