package main

import (
	"context"
	"fmt"
	"io"
)

func annotateIOB2(ctx context.Context, e env, r io.Reader) error {
	return fmt.Errorf("annotate --format iob2: %w", errNotBuilt)
}
