package main

import (
	"context"
	"fmt"
)

func evalQuotes(ctx context.Context, e env, f evalFlags) error {
	return fmt.Errorf("eval --quotes: %w", errNotBuilt)
}
