package main

import (
	"context"
	"fmt"
)

func evalGold(ctx context.Context, e env, f evalFlags) error {
	return fmt.Errorf("eval --gold: %w", errNotBuilt)
}
