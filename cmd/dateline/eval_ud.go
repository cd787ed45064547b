package main

import (
	"context"
	"fmt"
)

func evalUD(ctx context.Context, e env, f evalFlags) error {
	return fmt.Errorf("eval --ud: %w", errNotBuilt)
}
