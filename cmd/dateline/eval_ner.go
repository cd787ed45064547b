package main

import (
	"context"
	"fmt"
)

func evalNER(ctx context.Context, e env, f evalFlags) error {
	return fmt.Errorf("eval --ner: %w", errNotBuilt)
}
