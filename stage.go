package dateline

import (
	"context"
	"fmt"
)

// Annotator is one stage of the pipeline: it reads earlier layers of doc and
// adds its own. Problems with one article are recorded with [Document.Notef];
// an error means the document is unusable or ctx is done.
type Annotator interface {
	Annotate(ctx context.Context, doc *Document) error
}

// AnnotatorFunc adapts a function to the [Annotator] interface.
type AnnotatorFunc func(ctx context.Context, doc *Document) error

// Annotate calls f(ctx, doc).
func (f AnnotatorFunc) Annotate(ctx context.Context, doc *Document) error { return f(ctx, doc) }

// Pipeline runs its stages in order. The zero value does nothing.
type Pipeline []Annotator

// Run runs every stage on doc, stopping at the first error.
func (p Pipeline) Run(ctx context.Context, doc *Document) error {
	for _, a := range p {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := a.Annotate(ctx, doc); err != nil {
			return fmt.Errorf("document %s: %w", doc.ID, err)
		}
	}
	return nil
}
