package main

import (
	"context"
	"fmt"
)

func trainTagger(ctx context.Context, e env, f trainFlags) error {
	return fmt.Errorf("train tagger: %w", errNotBuilt)
}

func trainParser(ctx context.Context, e env, f trainFlags) error {
	return fmt.Errorf("train parser: %w", errNotBuilt)
}
