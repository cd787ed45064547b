//go:build unix

package timex

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports throughput per second of CPU time, which unlike the
// wall-clock MB/s does not drop when other processes share the cores.
func reportCPU(b *testing.B, since time.Duration, bytes int) {
	if d := cpuTime() - since; d > 0 && bytes > 0 {
		b.ReportMetric(float64(bytes)/1e6/d.Seconds(), "MB/cpu-s")
	}
}
