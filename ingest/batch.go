package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dateline-news/dateline"
)

// Batch ingests a corpus: it reads articles, skips those already stored,
// runs the pipeline on the rest with parallel workers and stores the
// documents in transactions of a few dozen. Because a document is stored
// with all its layers in one transaction and identified by its
// [dateline.DocKey], a batch killed at any point loses nothing committed,
// and running it again adds exactly what is missing.
type Batch struct {
	Reader   *Reader
	Pipeline dateline.Pipeline
	Store    dateline.Store
	// Workers is the number of articles annotated at once; 0 means one per CPU.
	Workers int
	// BatchSize is the number of documents per transaction; 0 means 64.
	BatchSize int
	// FlushEvery commits a partial batch after this long; 0 means 1 s.
	FlushEvery time.Duration
	// Progress, when set, is called about every ProgressEvery (default 1 s)
	// and once at the end.
	Progress      func(Summary)
	ProgressEvery time.Duration
	// Bad, when set, is called for each bad record.
	Bad func(Item)
	// Skipped, when set, is called for each file a folder walk passes over
	// (its Err is a [*SkipError]), from one goroutine; such a file is not
	// a bad record.
	Skipped func(Item)
}

// Summary counts what a batch did.
type Summary struct {
	Read     int   // articles read (good records)
	Added    int   // documents stored
	Existing int   // articles already stored, or repeated in the input
	Bad      int   // bad records
	Skipped  int   // files in folders passed over: not articles
	Bytes    int64 // input bytes of the articles read
	// InputBytes is the number of bytes read from the input files so far,
	// and TotalBytes their total size (for a progress bar).
	InputBytes, TotalBytes int64
	Elapsed                time.Duration
}

type counters struct {
	read, added, existing, bad atomic.Int64
	skipped                    atomic.Int64
	bytes                      atomic.Int64
}

// Run ingests paths and returns what it did. It returns early with an
// error only when the store fails or ctx is done; documents already
// committed stay stored.
func (b *Batch) Run(ctx context.Context, paths []string) (Summary, error) {
	start := time.Now()
	r := b.Reader
	if r == nil {
		r = New()
	}
	rc := *r
	var inBytes atomic.Int64
	rc.counter = &inBytes
	total := TotalSize(paths)

	var c counters
	snapshot := func() Summary {
		return Summary{
			Read: int(c.read.Load()), Added: int(c.added.Load()), Existing: int(c.existing.Load()),
			Bad: int(c.bad.Load()), Skipped: int(c.skipped.Load()), Bytes: c.bytes.Load(), InputBytes: inBytes.Load(), TotalBytes: total,
			Elapsed: time.Since(start),
		}
	}
	workers := b.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	size := b.BatchSize
	if size <= 0 {
		size = 64
	}
	flushEvery := b.FlushEvery
	if flushEvery <= 0 {
		flushEvery = time.Second
	}

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	type job struct{ it Item }
	jobs := make(chan job, workers*2)
	docs := make(chan *dateline.Document, workers*2)
	var badMu sync.Mutex
	bad := func(it Item) {
		c.bad.Add(1)
		if b.Bad != nil {
			badMu.Lock()
			b.Bad(it)
			badMu.Unlock()
		}
	}

	// Progress.
	progressDone := make(chan struct{})
	var progressWG sync.WaitGroup
	if b.Progress != nil {
		every := b.ProgressEvery
		if every <= 0 {
			every = time.Second
		}
		progressWG.Add(1)
		go func() {
			defer progressWG.Done()
			t := time.NewTicker(every)
			defer t.Stop()
			for {
				select {
				case <-t.C:
					b.Progress(snapshot())
				case <-progressDone:
					return
				}
			}
		}()
	}

	// Reader: skips what is stored or repeated, hands the rest to workers.
	var readErr error
	go func() {
		defer close(jobs)
		seen := map[dateline.DocKey]bool{}
		readErr = rc.Read(ctx, paths, func(it Item) error {
			var skip *SkipError
			if errors.As(it.Err, &skip) {
				c.skipped.Add(1)
				if b.Skipped != nil {
					b.Skipped(it)
				}
				return nil
			}
			if it.Err != nil {
				bad(it)
				return nil
			}
			c.read.Add(1)
			c.bytes.Add(it.Size)
			k := it.Article.Key()
			if seen[k] {
				c.existing.Add(1)
				return nil
			}
			seen[k] = true
			has, err := b.Store.Has(ctx, k)
			if err != nil {
				return err
			}
			if has {
				c.existing.Add(1)
				return nil
			}
			select {
			case jobs <- job{it}:
				return nil
			case <-ctx.Done():
				return context.Cause(ctx)
			}
		})
	}()

	// Workers: annotate.
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc := dateline.NewDocument(j.it.Article)
				if err := b.Pipeline.Run(ctx, doc); err != nil {
					if ctx.Err() != nil {
						continue
					}
					j.it.Err = fmt.Errorf("annotate: %w", err)
					bad(j.it)
					continue
				}
				docs <- doc
			}
		}()
	}
	go func() {
		wg.Wait()
		close(docs)
	}()

	// Writer: commits in batches; a commit is never cut short by ctx, so
	// an interrupted run keeps what it annotated.
	wctx := context.WithoutCancel(ctx)
	var writeErr error
	pending := make([]*dateline.Document, 0, size)
	flush := func() {
		if len(pending) == 0 || writeErr != nil {
			pending = pending[:0]
			return
		}
		n, err := b.Store.Put(wctx, pending...)
		if err != nil {
			writeErr = err
			cancel(err)
		} else {
			c.added.Add(int64(n))
			c.existing.Add(int64(len(pending) - n))
		}
		pending = pending[:0]
	}
	timer := time.NewTimer(flushEvery)
	defer timer.Stop()
loop:
	for {
		select {
		case d, ok := <-docs:
			if !ok {
				break loop
			}
			pending = append(pending, d)
			if len(pending) >= size {
				flush()
			}
		case <-timer.C:
			flush()
			timer.Reset(flushEvery)
		}
	}
	flush()
	close(progressDone)
	progressWG.Wait()
	sum := snapshot()
	if b.Progress != nil {
		b.Progress(sum)
	}
	switch {
	case writeErr != nil:
		return sum, fmt.Errorf("ingest: store: %w", writeErr)
	case readErr != nil && !errors.Is(readErr, context.Canceled):
		return sum, fmt.Errorf("ingest: %w", readErr)
	case ctx.Err() != nil:
		return sum, fmt.Errorf("ingest: %w", context.Cause(ctx))
	}
	return sum, nil
}
