package main

import (
	"context"
	"fmt"
	"io"
)

func annotateCoNLLU(ctx context.Context, e env, r io.Reader) error {
	return fmt.Errorf("annotate --format conllu: %w", errNotBuilt)
}
