package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/ingest"
	"github.com/dateline-news/dateline/internal/gzfile"
	"github.com/dateline-news/dateline/pipeline"
)

// runBench runs the whole pipeline over a JSON Lines corpus on one core
// and prints articles/s, MB/s and peak memory.
func runBench(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	limit := fs.Int("n", 0, "read at most `N` articles (0: all)")
	procs := fs.Int("procs", 1, "GOMAXPROCS while the pipeline runs")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to `FILE`")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the run to `FILE`")
	beam := fs.Int("beam", 0, "parser beam width `N` (0: the default; 1: greedy, faster)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: bench needs one FILE.jsonl[.gz]", errUsage)
	}
	arts, err := readBench(fs.Arg(0), *limit)
	if err != nil {
		return err
	}
	p, err := newPipeline(pipeline.Config{ParseBeam: *beam})
	if err != nil {
		return err
	}
	prev := runtime.GOMAXPROCS(*procs)
	defer runtime.GOMAXPROCS(prev)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	var bytes, events, failed int
	cpuStart := cpuSeconds()
	start := time.Now()
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		bytes += len(a.Text)
		doc := dateline.NewDocument(a)
		if err := p.Run(ctx, doc); err != nil {
			failed++
			continue
		}
		events += len(doc.Events)
	}
	secs := time.Since(start).Seconds()
	cpu := cpuSeconds() - cpuStart
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return err
		}
		runtime.KeepAlive(p) // the profile shows what the pipeline holds
	}
	if secs <= 0 {
		secs = 1e-9
	}
	res := struct {
		Articles       int     `json:"articles"`
		Failed         int     `json:"failed"`
		Bytes          int     `json:"bytes"`
		Events         int     `json:"events"`
		Seconds        float64 `json:"seconds"`
		ArticlesPerSec float64 `json:"articles_per_s"`
		MBPerSec       float64 `json:"mb_per_s"`
		PeakRSSMB      float64 `json:"peak_rss_mb"`
		Procs          int     `json:"procs"`
		CPUSeconds     float64 `json:"cpu_seconds"`
		MBPerCPUSec    float64 `json:"mb_per_cpu_s"`
	}{len(arts), failed, bytes, events, secs, float64(len(arts)) / secs, float64(bytes) / 1e6 / secs, peakRSS(), *procs,
		cpu, float64(bytes) / 1e6 / max(cpu, 1e-9)}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(res)
	}
	fmt.Fprintf(e.stdout, "articles %d (failed %d), %.2f MB, %d events in %.1f s on %d core(s)\n",
		res.Articles, res.Failed, float64(bytes)/1e6, events, secs, *procs)
	fmt.Fprintf(e.stdout, "articles/s %.1f\nMB/s %.3f (wall clock)\nMB per CPU-second %.3f (user+system time of the process)\npeak memory %.0f MB (max RSS)\n",
		res.ArticlesPerSec, res.MBPerSec, res.MBPerCPUSec, res.PeakRSSMB)
	return nil
}

// readBench reads the corpus into memory, so that reading and
// decompressing it is not timed. A Reuters-style dateline goes in front of
// the text as "CITY, Mon DD - ".
func readBench(name string, limit int) ([]dateline.Article, error) {
	r, err := gzfile.Open(name)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []dateline.Article
	for n := 1; sc.Scan(); n++ {
		if limit > 0 && len(out) >= limit {
			break
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		art, err := ingest.ParseJSONArticle(sc.Bytes())
		if err != nil {
			return nil, fmt.Errorf("bench %s:%d: %w", name, n, err)
		}
		art.Source = name
		out = append(out, art)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("bench %s: %w", name, err)
	}
	return out, nil
}

// writeHeapProfile writes what the heap holds now, after a collection.
func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	return nil
}

// cpuSeconds returns the user and system CPU time the process has used:
// on a loaded machine it measures the work, where the wall clock does not.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// peakRSS returns the process's peak resident memory in MB (Linux ru_maxrss
// is in kB).
func peakRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}
