package dateline

import "errors"

// Sentinel errors that callers branch on with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary input, not text")
	ErrTooLarge = errors.New("input too large")
)
