package main

import (
	"context"
	"fmt"
)

func trainNER(ctx context.Context, e env, f trainFlags) error {
	return fmt.Errorf("train ner: %w", errNotBuilt)
}

func trainDict(ctx context.Context, e env, f trainFlags) error {
	return fmt.Errorf("train dict: %w", errNotBuilt)
}
