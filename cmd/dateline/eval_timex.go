package main

import (
	"context"
	"fmt"
)

func evalTimex(ctx context.Context, e env, f evalFlags) error {
	return fmt.Errorf("eval --timex: %w", errNotBuilt)
}
