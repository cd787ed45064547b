package queue

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/dateline-news/dateline"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Publisher publishes articles to the work stream without waiting for each
// acknowledgement: at most MaxPending are unacknowledged at once, and
// [Publisher.Close] waits for the rest.
type Publisher struct {
	q       *Queue
	futures chan jetstream.PubAckFuture
	done    chan struct{}

	mu    sync.Mutex
	sum   PublishSummary
	err   error // the first failed acknowledgement
	close sync.Once
}

// PublishSummary counts what a [Publisher] did.
type PublishSummary struct {
	Published  int // stored by the server as new messages
	Duplicates int // dropped by the server: same Nats-Msg-Id in the window
	Failed     int // not acknowledged
}

// NewPublisher returns a publisher with at most maxPending messages
// unacknowledged (0 means 1024).
func (q *Queue) NewPublisher(maxPending int) *Publisher {
	if maxPending <= 0 {
		maxPending = 1024
	}
	p := &Publisher{q: q, futures: make(chan jetstream.PubAckFuture, maxPending), done: make(chan struct{})}
	go p.collect()
	return p
}

func (p *Publisher) collect() {
	defer close(p.done)
	for f := range p.futures {
		select {
		case ack := <-f.Ok():
			p.mu.Lock()
			if ack.Duplicate {
				p.sum.Duplicates++
			} else {
				p.sum.Published++
			}
			p.mu.Unlock()
		case err := <-f.Err():
			p.mu.Lock()
			p.sum.Failed++
			if p.err == nil {
				p.err = fmt.Errorf("queue: publish: %w", err)
			}
			p.mu.Unlock()
		}
	}
}

// ErrTooLarge is wrapped by the error for an article whose message is
// larger than the server accepts.
var ErrTooLarge = dateline.ErrTooLarge

// Publish sends article a. It blocks while MaxPending messages wait for
// their acknowledgement. An error about a itself (too large for the
// server) wraps [ErrTooLarge]; a failed acknowledgement is counted and
// returned by [Publisher.Close].
func (p *Publisher) Publish(ctx context.Context, a dateline.Article) error {
	body, err := Encode(a)
	if err != nil {
		return err
	}
	if max := p.q.MaxPayload(); int64(len(body)) > max {
		return fmt.Errorf("queue: publish: %w: message of %d bytes, the server takes %d", ErrTooLarge, len(body), max)
	}
	msg := nats.NewMsg(p.q.Subject)
	msg.Data = body
	f, err := p.q.js.PublishMsgAsync(msg, jetstream.WithMsgID(MsgID(a.Key())), jetstream.WithExpectStream(p.q.Stream))
	if err != nil {
		if errors.Is(err, nats.ErrMaxPayload) {
			return fmt.Errorf("queue: publish: %w: %v", ErrTooLarge, err)
		}
		return fmt.Errorf("queue: publish: %w", err)
	}
	select {
	case p.futures <- f:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Summary returns what has been acknowledged so far.
func (p *Publisher) Summary() PublishSummary {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sum
}

// Close waits for the acknowledgement of every message sent and returns
// the summary, with the first failed acknowledgement as the error.
func (p *Publisher) Close() (PublishSummary, error) {
	p.close.Do(func() { close(p.futures) })
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sum, p.err
}

// Publish sends article a and waits for the server's acknowledgement. It
// reports whether the server dropped it as a duplicate (the same article
// published within the duplicate window). Use a [Publisher] for many
// articles.
func (q *Queue) Publish(ctx context.Context, a dateline.Article) (duplicate bool, err error) {
	body, err := Encode(a)
	if err != nil {
		return false, err
	}
	if max := q.MaxPayload(); int64(len(body)) > max {
		return false, fmt.Errorf("queue: publish: %w: message of %d bytes, the server takes %d", ErrTooLarge, len(body), max)
	}
	msg := nats.NewMsg(q.Subject)
	msg.Data = body
	ack, err := q.js.PublishMsg(ctx, msg, jetstream.WithMsgID(MsgID(a.Key())), jetstream.WithExpectStream(q.Stream))
	if err != nil {
		return false, fmt.Errorf("queue: publish: %w", err)
	}
	return ack.Duplicate, nil
}
