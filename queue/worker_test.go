package queue

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/queue/natstest"
	"github.com/dateline-news/dateline/store/sqlite"
	"github.com/nats-io/nats.go/jetstream"
)

// testPipeline stands in for the real stages: it freezes the text and
// codes one event; it fails on articles that say "poison" and panics on
// those that say "panic".
func testPipeline(delay time.Duration) dateline.Pipeline {
	return dateline.Pipeline{dateline.AnnotatorFunc(func(ctx context.Context, d *dateline.Document) error {
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return ctx.Err()
		}
		if strings.Contains(d.Raw, "poison") {
			return errors.New("poisoned article")
		}
		if strings.Contains(d.Raw, "panic") {
			panic("stage bug")
		}
		d.Text = d.Raw
		s := dateline.Span{Start: 0, End: len(d.Text)}
		d.Sentences = append(d.Sentences, dateline.Sentence{Span: s})
		d.Events = append(d.Events, dateline.Event{ID: "ev1", Code: "010", Root: "01", Mood: "asserted",
			Source: dateline.Participant{Actor: "USAGOV"}, Sentence: s, Trigger: dateline.Span{Start: 0, End: 1}})
		return nil
	})}
}

func article(i int) dateline.Article {
	return dateline.Article{ID: fmt.Sprintf("gen:%d", i), Text: fmt.Sprintf("WASHINGTON - The government criticised its neighbours in story %d.", i)}
}

func openQueue(t *testing.T, url string) *Queue {
	t.Helper()
	q, err := Open(context.Background(), url, Config{Duplicates: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

// openStore opens a new SQLite store, closed when t ends.
func openStore(t *testing.T) dateline.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// waitEmpty waits until nothing is pending or in flight.
func waitEmpty(t *testing.T, q *Queue, within time.Duration) Stats {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		s, err := q.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if s.Pending == 0 && s.InFlight == 0 {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not empty after %v: %+v", within, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestWorkers publishes articles (some twice, one malformed, one that
// always fails, one that panics) and lets two workers in one process
// drain the queue: every good article is stored once, the bad ones are
// dead-lettered with their reason, and nothing else stops.
func TestWorkers(t *testing.T) {
	_, url := natstest.Start(t)
	q := openQueue(t, url)
	ctx := context.Background()
	const n = 200
	p := q.NewPublisher(64)
	for i := range n {
		if err := p.Publish(ctx, article(i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 20 { // the same articles again: dropped by the server
		p.Publish(ctx, article(i))
	}
	p.Publish(ctx, dateline.Article{ID: "bad:1", Text: "This article is poison."})
	p.Publish(ctx, dateline.Article{ID: "bad:2", Text: "This article makes a stage panic."})
	sum, err := p.Close()
	if err != nil {
		t.Fatal(err)
	}
	if sum.Published != n+2 || sum.Duplicates != 20 || sum.Failed != 0 {
		t.Errorf("publish: %+v, want %d published, 20 duplicates", sum, n+2)
	}
	// A message that is no article, straight onto the subject.
	if _, err := q.js.Publish(ctx, q.Subject, []byte(`{"schema":"something else"}`)); err != nil {
		t.Fatal(err)
	}

	st := openStore(t)
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	sums := make([]WorkerSummary, 2)
	var mu sync.Mutex
	outcomes := map[Outcome]int{}
	for i := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &Worker{Queue: q, Pipeline: testPipeline(time.Millisecond), Store: st, Workers: 2, BatchSize: 8,
				MaxDeliver: 2, Retry: 20 * time.Millisecond, AckWait: 5 * time.Second,
				Observe: func(r Result) { mu.Lock(); outcomes[r.Outcome]++; mu.Unlock() }}
			s, err := w.Run(wctx)
			if err != nil {
				t.Error(err)
			}
			sums[i] = s
		}()
	}
	stats := waitEmpty(t, q, 30*time.Second)
	cancel()
	wg.Wait()
	if stats.Dead != 3 || stats.Done != n || stats.Published != n+3 {
		t.Errorf("stats %+v, want %d published, %d done, 3 dead", stats, n+3, n)
	}
	added, dead := sums[0].Added+sums[1].Added, sums[0].Dead+sums[1].Dead
	if added != n || dead != 3 {
		t.Errorf("workers: %+v %+v, want %d added and 3 dead in all", sums[0], sums[1], n)
	}
	if outcomes[Stored] != n || outcomes[Dead] != 3 || outcomes[Retried] != 2 {
		t.Errorf("outcomes %v", outcomes)
	}
	if s, _ := st.Stats(ctx); s.Documents != n {
		t.Errorf("stored %d documents, want %d", s.Documents, n)
	}

	// The dead letters keep the body and say why.
	reasons := deadReasons(t, q)
	want := []string{"malformed message: schema", "poisoned article (delivery 2 of 2)", "annotate: internal error: stage bug"}
	for _, w := range want {
		found := false
		for _, r := range reasons {
			found = found || strings.Contains(r, w)
		}
		if !found {
			t.Errorf("no dead letter says %q: %q", w, reasons)
		}
	}
}

// deadReasons reads the reasons of every dead-lettered message.
func deadReasons(t *testing.T, q *Queue) []string {
	t.Helper()
	ctx := context.Background()
	var reasons []string
	info, err := q.dead.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && seq > 0; seq++ {
		m, err := q.dead.GetMsg(ctx, seq)
		if err != nil {
			t.Fatal(err)
		}
		if m.Header.Get(HeaderDeliveries) == "" || m.Header.Get(HeaderSeq) == "" || len(m.Data) == 0 {
			t.Errorf("dead letter %d lacks its headers or body: %v", seq, m.Header)
		}
		reasons = append(reasons, m.Header.Get(HeaderReason))
	}
	return reasons
}

// TestWorkerDrain stops a worker with a slow pipeline in the middle: Run
// returns soon, with every message it took either stored and
// acknowledged or given back, and a second worker finishes the queue.
func TestWorkerDrain(t *testing.T) {
	_, url := natstest.Start(t)
	q := openQueue(t, url)
	ctx := context.Background()
	const n = 60
	p := q.NewPublisher(0)
	for i := range n {
		p.Publish(ctx, article(i))
	}
	if _, err := p.Close(); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan WorkerSummary)
	go func() {
		w := &Worker{Queue: q, Pipeline: testPipeline(20 * time.Millisecond), Store: st, Workers: 2, BatchSize: 4}
		s, err := w.Run(wctx)
		if err != nil {
			t.Error(err)
		}
		done <- s
	}()
	for {
		if s, _ := st.Stats(ctx); s.Documents >= 10 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	var sum WorkerSummary
	select {
	case sum = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the worker did not drain within 10 s")
	}
	stats, err := q.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.InFlight != 0 {
		t.Errorf("after the drain %d messages are in flight, want 0", stats.InFlight)
	}
	if sum.Added+sum.Returned != sum.Received || sum.Added == 0 || sum.Added == n {
		t.Errorf("drained worker: %+v", sum)
	}
	w := &Worker{Queue: q, Pipeline: testPipeline(0), Store: st, Workers: 2}
	wctx, cancel = context.WithCancel(ctx)
	go func() { w.Run(wctx); close(done) }()
	waitEmpty(t, q, 20*time.Second)
	cancel()
	<-done
	if s, _ := st.Stats(ctx); s.Documents != n {
		t.Errorf("stored %d documents, want %d", s.Documents, n)
	}
}

// TestPublishTooLarge refuses an article larger than the server's limit.
func TestPublishTooLarge(t *testing.T) {
	_, url := natstest.Start(t)
	q := openQueue(t, url)
	p := q.NewPublisher(0)
	err := p.Publish(context.Background(), dateline.Article{Text: strings.Repeat("word ", int(q.MaxPayload()/5)+1)})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("Publish of a huge article: %v, want ErrTooLarge", err)
	}
	if _, err := p.Close(); err != nil {
		t.Error(err)
	}
}

// TestCrashLoop dead-letters an article delivered more than MaxDeliver
// times without an acknowledgement, as when it kills every worker that
// takes it.
func TestCrashLoop(t *testing.T) {
	_, url := natstest.Start(t)
	q := openQueue(t, url)
	ctx := context.Background()
	if _, err := q.Publish(ctx, article(1)); err != nil {
		t.Fatal(err)
	}
	const ackWait = 200 * time.Millisecond
	cons, err := q.js.CreateOrUpdateConsumer(ctx, q.Stream, jetstream.ConsumerConfig{Durable: q.Consumer,
		AckPolicy: jetstream.AckExplicitPolicy, AckWait: ackWait, MaxDeliver: -1, FilterSubject: q.Subject, MaxAckPending: 10000})
	if err != nil {
		t.Fatal(err)
	}
	// Three workers "crash": they take the message and never answer.
	for i := range 3 {
		b, err := cons.Fetch(1, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for range b.Messages() {
			got++
		}
		if got != 1 {
			t.Fatalf("delivery %d: got %d messages", i+1, got)
		}
	}
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan WorkerSummary)
	go func() {
		w := &Worker{Queue: q, Pipeline: testPipeline(0), Store: openStore(t), Workers: 1, MaxDeliver: 2, AckWait: ackWait}
		s, _ := w.Run(wctx)
		done <- s
	}()
	waitEmpty(t, q, 10*time.Second)
	cancel()
	if s := <-done; s.Dead != 1 || s.Added != 0 {
		t.Errorf("worker: %+v, want the article dead-lettered", s)
	}
	if r := deadReasons(t, q); len(r) != 1 || !strings.Contains(r[0], "delivered 3 times without an acknowledgement") {
		t.Errorf("dead letters %q", r)
	}
}

// TestWorkerExisting acknowledges without work an article the store
// already holds, as after a worker that committed and died before its
// acknowledgement.
func TestWorkerExisting(t *testing.T) {
	_, url := natstest.Start(t)
	q := openQueue(t, url)
	ctx := context.Background()
	st := openStore(t)
	doc := dateline.NewDocument(article(7))
	if err := testPipeline(0).Run(ctx, doc); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Put(ctx, doc); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{7, 8} {
		if _, err := q.Publish(ctx, article(i)); err != nil {
			t.Fatal(err)
		}
	}
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan WorkerSummary)
	go func() {
		s, _ := (&Worker{Queue: q, Pipeline: testPipeline(0), Store: st, Workers: 1}).Run(wctx)
		done <- s
	}()
	waitEmpty(t, q, 10*time.Second)
	cancel()
	if s := <-done; s.Existing != 1 || s.Added != 1 {
		t.Errorf("worker: %+v, want 1 existing and 1 added", s)
	}
	if s, _ := st.Stats(ctx); s.Documents != 2 {
		t.Errorf("%d documents, want 2", s.Documents)
	}
}
