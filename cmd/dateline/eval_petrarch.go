package main

import (
	"context"
	"fmt"
)

func evalPetrarch(ctx context.Context, e env, f evalFlags) error {
	return fmt.Errorf("eval --petrarch: %w", errNotBuilt)
}
