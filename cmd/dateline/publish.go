package main

import (
	"context"
	"fmt"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/ingest"
)

// publishPaths reads paths with r and publishes every article to the
// queue: ingest --queue. A bad record is reported and skipped as in a
// plain ingest; the article's key is its message ID, so publishing the
// same input again adds nothing within the queue's duplicate window (and
// the workers skip what is stored after it).
func publishPaths(ctx context.Context, e env, qf *queueFlags, r *ingest.Reader, paths []string) error {
	q, err := qf.open(ctx, "dateline ingest")
	if err != nil {
		return err
	}
	defer q.Close()
	start := time.Now()
	p := q.NewPublisher(0)
	var read, bad int
	var size int64
	seen := map[dateline.DocKey]bool{}
	repeated := 0
	readErr := r.Read(ctx, paths, func(it ingest.Item) error {
		if it.Err == nil {
			k := it.Article.Key()
			if seen[k] {
				read++
				repeated++
				return nil
			}
			seen[k] = true
			it.Err = p.Publish(ctx, it.Article)
			if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		if it.Err != nil {
			bad++
			fmt.Fprintf(e.stderr, "bad record: %s: %v\n", it.Loc, it.Err)
			return nil
		}
		read++
		size += it.Size
		return nil
	})
	sum, pubErr := p.Close()
	secs := max(time.Since(start).Seconds(), 1e-9)
	fmt.Fprintf(e.stdout, "published %d articles (%.1f MB) in %.1fs: %d new, %d already queued, %d repeated in the input, %d failed, %d bad records; %.0f articles/s\n",
		read, float64(size)/1e6, secs, sum.Published, sum.Duplicates, repeated, sum.Failed, bad, float64(read)/secs)
	if readErr != nil {
		return fmt.Errorf("ingest: %w", readErr)
	}
	if pubErr != nil {
		return fmt.Errorf("ingest: %d articles not published (run again to retry): %w", sum.Failed, pubErr)
	}
	return nil
}
