package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Worker takes articles from the queue, runs the pipeline on each, stores
// the documents and acknowledges each message once its document is
// committed (or found already stored). Many workers, in one process or
// many, share the queue's durable consumer: each message goes to one of
// them, and to another after AckWait if that one dies first.
type Worker struct {
	Queue    *Queue
	Pipeline dateline.Pipeline
	Store    dateline.Store
	// Workers is the number of articles annotated at once; 0 means one
	// per CPU.
	Workers int
	// InFlight bounds the messages this worker holds at once, fetched
	// and not yet acknowledged; 0 means 2×Workers + BatchSize.
	InFlight int
	// BatchSize is the number of documents per transaction; 0 means 16.
	BatchSize int
	// FlushEvery commits a partial batch after this long; 0 means 500 ms.
	FlushEvery time.Duration
	// AckWait is how long the server waits for an acknowledgement before
	// it delivers the message again; 0 means 1 min. It is set on the
	// shared consumer, so the last worker to start decides.
	AckWait time.Duration
	// MaxDeliver is the number of deliveries after which a message that
	// still fails goes to the dead-letter stream; 0 means 5. A message
	// delivered more often without an acknowledgement (its workers
	// crashed on it) is dead-lettered on its next delivery.
	MaxDeliver int
	// Retry is the delay before a failed message is delivered again;
	// 0 means 5 s.
	Retry time.Duration
	// DrainTimeout bounds how long Run goes on with the messages it holds
	// after ctx is done; what is unfinished then is given back. 0 means
	// 30 s.
	DrainTimeout time.Duration
	// Logger, when set, receives failures and dead letters.
	Logger *slog.Logger
	// Observe, when set, is called once per message handled, from many
	// goroutines at once.
	Observe func(Result)
}

// Outcome is what a worker did with one message.
type Outcome string

// The outcomes of a message.
const (
	Stored   Outcome = "stored"   // annotated and committed (a racing copy may have won)
	Existing Outcome = "existing" // already in the store: acknowledged without work
	Retried  Outcome = "retried"  // failed; given back for a later delivery
	Dead     Outcome = "dead"     // sent to the dead-letter stream
	Returned Outcome = "returned" // unfinished at shutdown; given back at once
)

// Result describes one handled message, for metrics.
type Result struct {
	Outcome    Outcome
	Deliveries uint64        // this delivery's number, from 1
	Lag        time.Duration // from publication to the outcome
	Annotate   time.Duration // time in the pipeline
	Store      time.Duration // time in the transaction that stored it
	Reason     string        // why it was retried or dead-lettered
}

// WorkerSummary counts what a worker did.
type WorkerSummary struct {
	Received int // messages received
	Added    int // documents stored
	Existing int // already stored (by an earlier delivery or another worker)
	Retried  int // failures given back for redelivery
	Dead     int // dead-lettered
	Returned int // given back at shutdown
}

type workerCounters struct{ received, added, existing, retried, dead, returned atomic.Int64 }

// job is a message on its way through the worker.
type job struct {
	m        jetstream.Msg
	md       *jetstream.MsgMetadata
	a        dateline.Article
	doc      *dateline.Document
	annotate time.Duration
}

// Run works until ctx is done, then stops fetching, finishes what it holds
// (within DrainTimeout), acknowledges it and returns. It returns an error
// when the consumer cannot be created; a failing store is retried with
// back-off, holding its messages, until it works again or Run stops.
func (w *Worker) Run(ctx context.Context) (WorkerSummary, error) {
	q := w.Queue
	workers := w.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	size := w.BatchSize
	if size <= 0 {
		size = 16
	}
	inFlight := w.InFlight
	if inFlight <= 0 {
		inFlight = 2*workers + size
	}
	flushEvery := w.FlushEvery
	if flushEvery <= 0 {
		flushEvery = 500 * time.Millisecond
	}
	ackWait := w.AckWait
	if ackWait <= 0 {
		ackWait = time.Minute
	}
	drain := w.DrainTimeout
	if drain <= 0 {
		drain = 30 * time.Second
	}
	log := w.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}

	cons, err := q.js.CreateOrUpdateConsumer(ctx, q.Stream, jetstream.ConsumerConfig{
		Durable:       q.Consumer,
		Description:   "dateline workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       ackWait,
		MaxDeliver:    -1, // the workers dead-letter themselves, with the reason
		FilterSubject: q.Subject,
		MaxAckPending: 10000,
	})
	if err != nil {
		return WorkerSummary{}, fmt.Errorf("queue: consumer %s: %w", q.Consumer, err)
	}

	// Work goes on for DrainTimeout after ctx is done; then pctx ends.
	pctx, pcancel := context.WithCancel(context.WithoutCancel(ctx))
	defer pcancel()
	stopDrain := context.AfterFunc(ctx, func() {
		t := time.NewTimer(drain)
		defer t.Stop()
		select {
		case <-t.C:
			pcancel()
		case <-pctx.Done():
		}
	})
	defer stopDrain()

	var c workerCounters
	slots := make(chan struct{}, inFlight)
	release := func() { <-slots }
	finish := func(j job, r Result) {
		r.Deliveries = j.md.NumDelivered
		r.Lag = time.Since(j.md.Timestamp)
		switch r.Outcome {
		case Stored:
			// counted by the writer, which knows how many were new
		case Existing:
			c.existing.Add(1)
		case Retried:
			c.retried.Add(1)
		case Dead:
			c.dead.Add(1)
		case Returned:
			c.returned.Add(1)
		}
		if w.Observe != nil {
			w.Observe(r)
		}
		release()
	}
	jobs := make(chan job, inFlight)
	docs := make(chan job, inFlight)

	// A checker decodes each message and asks the store about it while
	// the annotators work on earlier ones.
	checked := make(chan job, inFlight)
	go func() {
		defer close(checked)
		for j := range jobs {
			w.check(pctx, j, checked, finish, log)
		}
	}()

	// Annotators.
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range checked {
				w.annotate(pctx, j, docs, finish, log)
			}
		}()
	}

	// Writer.
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		w.write(pctx, docs, size, flushEvery, &c, finish, log)
	}()

	// Fetcher: asks for as many messages as there are free slots.
	backoff := 100 * time.Millisecond
fetch:
	for ctx.Err() == nil {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			break fetch
		}
		n := 1
	more:
		for n < inFlight {
			select {
			case slots <- struct{}{}:
				n++
			default:
				break more
			}
		}
		batch, err := cons.Fetch(n, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			for range n {
				release()
			}
			log.Warn("queue: fetch", "err", err)
			select {
			case <-time.After(backoff):
			case <-ctx.Done():
			}
			backoff = min(2*backoff, 10*time.Second)
			continue
		}
		backoff = 100 * time.Millisecond
		got := 0
		for m := range batch.Messages() {
			got++
			md, err := m.Metadata()
			if err != nil {
				m.Term()
				release()
				continue
			}
			c.received.Add(1)
			jobs <- job{m: m, md: md}
		}
		for range n - got {
			release()
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
			log.Warn("queue: fetch", "err", err)
		}
	}
	close(jobs) // the checker closes checked
	wg.Wait()
	close(docs)
	<-writerDone
	// Acknowledgements are published asynchronously: send them before
	// returning.
	if err := q.nc.FlushTimeout(5 * time.Second); err != nil {
		log.Warn("queue: flush acknowledgements", "err", err)
	}
	return WorkerSummary{
		Received: int(c.received.Load()), Added: int(c.added.Load()), Existing: int(c.existing.Load()),
		Retried: int(c.retried.Load()), Dead: int(c.dead.Load()), Returned: int(c.returned.Load()),
	}, nil
}

func (w *Worker) maxDeliver() uint64 {
	if w.MaxDeliver <= 0 {
		return 5
	}
	return uint64(w.MaxDeliver)
}

// check decodes one message and hands it to the annotators, or finishes
// it: dead-letters it when it is malformed or was delivered too often,
// acknowledges it when the store holds its article.
func (w *Worker) check(ctx context.Context, j job, checked chan<- job, finish func(job, Result), log *slog.Logger) {
	a, err := Decode(j.m.Data())
	if err != nil {
		w.deadLetter(ctx, j, err.Error(), finish, log)
		return
	}
	has, err := w.Store.Has(ctx, a.Key())
	if err != nil {
		w.retry(ctx, j, fmt.Sprintf("store: %v", err), finish, log)
		return
	}
	if has {
		j.m.Ack()
		finish(j, Result{Outcome: Existing})
		return
	}
	if j.md.NumDelivered > w.maxDeliver() {
		w.deadLetter(ctx, j, fmt.Sprintf("delivered %d times without an acknowledgement (its workers crashed or timed out)", j.md.NumDelivered-1), finish, log)
		return
	}
	j.a = a
	checked <- j
}

// annotate runs the pipeline on one checked message and hands it to the
// writer, or gives it back or dead-letters it when the pipeline fails.
func (w *Worker) annotate(ctx context.Context, j job, docs chan<- job, finish func(job, Result), log *slog.Logger) {
	maxDeliver := w.maxDeliver()
	doc := dateline.NewDocument(j.a)
	start := time.Now()
	err := runPipeline(ctx, w.Pipeline, doc)
	j.annotate = time.Since(start)
	switch {
	case err != nil && ctx.Err() != nil:
		j.m.Nak()
		finish(j, Result{Outcome: Returned, Annotate: j.annotate})
	case err != nil && j.md.NumDelivered >= maxDeliver:
		w.deadLetter(ctx, j, fmt.Sprintf("annotate: %v (delivery %d of %d)", err, j.md.NumDelivered, maxDeliver), finish, log)
	case err != nil:
		w.retry(ctx, j, fmt.Sprintf("annotate: %v", err), finish, log)
	default:
		j.doc = doc
		docs <- j
	}
}

// runPipeline runs p on doc and turns a panic into an error, so that one
// article cannot take the worker down.
func runPipeline(ctx context.Context, p dateline.Pipeline, doc *dateline.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return p.Run(ctx, doc)
}

func (w *Worker) retry(ctx context.Context, j job, reason string, finish func(job, Result), log *slog.Logger) {
	d := w.Retry
	if d <= 0 {
		d = 5 * time.Second
	}
	log.Warn("queue: retry", "seq", j.md.Sequence.Stream, "delivery", j.md.NumDelivered, "reason", reason)
	j.m.NakWithDelay(d)
	finish(j, Result{Outcome: Retried, Annotate: j.annotate, Reason: reason})
}

// Headers of a dead-lettered message.
const (
	HeaderReason     = "Dateline-Reason"     // why the worker gave up
	HeaderDeliveries = "Dateline-Deliveries" // how many times it was delivered
	HeaderSeq        = "Dateline-Stream-Seq" // its sequence in the work stream
)

// deadLetter publishes the message with the reason to the dead-letter
// subject and removes it from the work stream.
func (w *Worker) deadLetter(ctx context.Context, j job, reason string, finish func(job, Result), log *slog.Logger) {
	q := w.Queue
	reason = clip(reason, 1000)
	dm := nats.NewMsg(q.DeadSubject)
	dm.Data = j.m.Data()
	seq := strconv.FormatUint(j.md.Sequence.Stream, 10)
	dm.Header.Set(HeaderReason, reason)
	dm.Header.Set(HeaderDeliveries, strconv.FormatUint(j.md.NumDelivered, 10))
	dm.Header.Set(HeaderSeq, seq)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := q.js.PublishMsg(pctx, dm, jetstream.WithMsgID("dead:"+q.Stream+":"+seq)); err != nil {
		w.retry(ctx, j, fmt.Sprintf("dead-letter: %v (for: %s)", err, reason), finish, log)
		return
	}
	log.Warn("queue: dead letter", "seq", j.md.Sequence.Stream, "delivery", j.md.NumDelivered, "reason", reason)
	j.m.TermWithReason(clip(reason, 200))
	finish(j, Result{Outcome: Dead, Annotate: j.annotate, Reason: reason})
}

// write commits annotated documents in batches and acknowledges their
// messages after each commit. A failed commit is retried with back-off,
// the messages kept in progress, until it works or ctx ends.
func (w *Worker) write(ctx context.Context, docs <-chan job, size int, every time.Duration, c *workerCounters, finish func(job, Result), log *slog.Logger) {
	pending := make([]job, 0, size)
	batch := make([]*dateline.Document, 0, size)
	flush := func() {
		if len(pending) == 0 {
			return
		}
		batch = batch[:0]
		for _, j := range pending {
			batch = append(batch, j.doc)
		}
		start := time.Now()
		backoff := 200 * time.Millisecond
		for {
			n, err := w.Store.Put(ctx, batch...)
			if err == nil {
				c.added.Add(int64(n))
				c.existing.Add(int64(len(batch) - n))
				break
			}
			if ctx.Err() != nil {
				for _, j := range pending {
					j.m.Nak()
					finish(j, Result{Outcome: Returned, Annotate: j.annotate})
				}
				pending = pending[:0]
				return
			}
			log.Warn("queue: store", "documents", len(batch), "err", err, "retry_in", backoff)
			for _, j := range pending {
				j.m.InProgress()
			}
			select {
			case <-time.After(backoff):
			case <-ctx.Done():
			}
			backoff = min(2*backoff, 30*time.Second)
		}
		took := time.Since(start)
		for _, j := range pending {
			j.m.Ack()
			finish(j, Result{Outcome: Stored, Annotate: j.annotate, Store: took})
		}
		pending = pending[:0]
	}
	t := time.NewTimer(every)
	defer t.Stop()
	for {
		select {
		case j, ok := <-docs:
			if !ok {
				flush()
				return
			}
			pending = append(pending, j)
			if len(pending) >= size {
				flush()
			}
		case <-t.C:
			flush()
			t.Reset(every)
		}
	}
}
