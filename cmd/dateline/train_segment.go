package main

import (
	"context"
	"fmt"
)

func trainSegment(ctx context.Context, e env, f trainFlags) error {
	return fmt.Errorf("train segment: %w", errNotBuilt)
}
