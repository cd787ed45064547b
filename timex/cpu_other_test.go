//go:build !unix

package timex

import (
	"testing"
	"time"
)

func cpuTime() time.Duration { return 0 }

func reportCPU(b *testing.B, since time.Duration, bytes int) {}
