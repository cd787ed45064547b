package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Config names the streams of a queue and sets their limits. Zero fields
// take the defaults below; every process on one queue must agree on them.
type Config struct {
	Stream  string // the work stream; default "DATELINE"
	Subject string // its subject; default "dateline.articles"
	// DeadStream keeps dead-lettered messages (limits retention, so they
	// stay until an operator removes them); default "DATELINE_DEAD" on
	// subject DeadSubject, default "dateline.dead".
	DeadStream, DeadSubject string
	// Duplicates is the window in which the server drops a message whose
	// Nats-Msg-Id it has seen; default 1 h. Later duplicates are caught by
	// the workers' store.
	Duplicates time.Duration
	// Consumer is the durable pull consumer all workers share; default
	// "workers".
	Consumer string
	// Name names the connection in the server's monitoring.
	Name string
}

func (c *Config) defaults() {
	if c.Stream == "" {
		c.Stream = "DATELINE"
	}
	if c.Subject == "" {
		c.Subject = "dateline.articles"
	}
	if c.DeadStream == "" {
		c.DeadStream = "DATELINE_DEAD"
	}
	if c.DeadSubject == "" {
		c.DeadSubject = "dateline.dead"
	}
	if c.Duplicates <= 0 {
		c.Duplicates = time.Hour
	}
	if c.Consumer == "" {
		c.Consumer = "workers"
	}
	if c.Name == "" {
		c.Name = "dateline"
	}
}

// Queue is a connection to a NATS server with the queue's streams.
type Queue struct {
	Config
	nc   *nats.Conn
	js   jetstream.JetStream
	work jetstream.Stream
	dead jetstream.Stream
}

// Open connects to the NATS server at url (nats://host:4222; several
// URLs separated by commas) and creates or updates the queue's streams.
// The connection reconnects by itself when the server goes away.
func Open(ctx context.Context, url string, cfg Config) (*Queue, error) {
	cfg.defaults()
	nc, err := nats.Connect(url, nats.Name(cfg.Name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second),
		nats.RetryOnFailedConnect(false))
	if err != nil {
		return nil, fmt.Errorf("queue: connect %s: %w", redact(url), err)
	}
	q := &Queue{Config: cfg, nc: nc}
	if err := q.setup(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

func (q *Queue) setup(ctx context.Context) error {
	js, err := jetstream.New(q.nc, jetstream.WithPublishAsyncTimeout(30*time.Second))
	if err != nil {
		return fmt.Errorf("queue: jetstream: %w", err)
	}
	q.js = js
	q.work, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        q.Stream,
		Description: "articles waiting for a dateline worker",
		Subjects:    []string{q.Subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  q.Duplicates,
		Discard:     jetstream.DiscardOld,
	})
	if err != nil {
		return fmt.Errorf("queue: stream %s: %w", q.Stream, err)
	}
	q.dead, err = js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        q.DeadStream,
		Description: "articles dateline workers gave up on, with the reason",
		Subjects:    []string{q.DeadSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  q.Duplicates,
	})
	if err != nil {
		return fmt.Errorf("queue: stream %s: %w", q.DeadStream, err)
	}
	return nil
}

// MaxPayload returns the largest message body the server accepts.
func (q *Queue) MaxPayload() int64 { return q.nc.MaxPayload() }

// Close sends what is buffered and closes the connection.
func (q *Queue) Close() error {
	if err := q.nc.FlushTimeout(5 * time.Second); err != nil && !errors.Is(err, nats.ErrConnectionClosed) {
		q.nc.Close()
		return fmt.Errorf("queue: flush: %w", err)
	}
	q.nc.Close()
	return nil
}

// Stats counts the messages of a queue.
type Stats struct {
	// Published counts the messages the work stream ever stored
	// (duplicates dropped by the server not included).
	Published uint64 `json:"published"`
	// Pending counts the messages waiting for a worker, including those
	// given back for redelivery.
	Pending uint64 `json:"pending"`
	// InFlight counts the messages delivered to a worker and not yet
	// acknowledged.
	InFlight uint64 `json:"in_flight"`
	// Redelivered counts the in-flight messages delivered more than once.
	Redelivered uint64 `json:"redelivered"`
	// Done counts the messages acknowledged: stored, or found stored.
	Done uint64 `json:"done"`
	// Dead counts the messages in the dead-letter stream.
	Dead uint64 `json:"dead_lettered"`
	// Waiting counts the pull requests of idle workers.
	Waiting int `json:"waiting_pulls"`
	// Oldest is when the oldest message still in the work stream was
	// published (zero when the stream is empty): the queue's lag.
	Oldest time.Time `json:"oldest,omitzero"`
}

// Stats reads the counts of the work stream, its consumer and the
// dead-letter stream. Done is Published less what is still in the stream
// and what was ever dead-lettered.
func (q *Queue) Stats(ctx context.Context) (Stats, error) {
	wi, err := q.work.Info(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("queue: stream %s: %w", q.Stream, err)
	}
	di, err := q.dead.Info(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("queue: stream %s: %w", q.DeadStream, err)
	}
	s := Stats{Published: wi.State.LastSeq, Pending: wi.State.Msgs, Dead: di.State.Msgs}
	if wi.State.Msgs > 0 {
		s.Oldest = wi.State.FirstTime
	}
	ci, err := q.js.Consumer(ctx, q.Stream, q.Consumer)
	switch {
	case errors.Is(err, jetstream.ErrConsumerNotFound):
	case err != nil:
		return Stats{}, fmt.Errorf("queue: consumer %s: %w", q.Consumer, err)
	default:
		info, err := ci.Info(ctx)
		if err != nil {
			return Stats{}, fmt.Errorf("queue: consumer %s: %w", q.Consumer, err)
		}
		s.InFlight = uint64(info.NumAckPending)
		s.Redelivered = uint64(info.NumRedelivered)
		s.Waiting = info.NumWaiting
		s.Pending = sub(wi.State.Msgs, s.InFlight)
	}
	s.Done = sub(sub(wi.State.LastSeq, wi.State.Msgs), di.State.LastSeq)
	return s, nil
}

func sub(a, b uint64) uint64 {
	if b > a {
		return 0
	}
	return a - b
}

// redact hides a password in a URL for messages.
func redact(url string) string {
	scheme, rest, ok := cutScheme(url)
	if !ok {
		return url
	}
	at := -1
	for i := 0; i < len(rest) && rest[i] != '/'; i++ {
		if rest[i] == '@' {
			at = i
		}
	}
	if at < 0 {
		return url
	}
	return scheme + "***@" + rest[at+1:]
}

func cutScheme(url string) (scheme, rest string, ok bool) {
	for i := 0; i+2 < len(url); i++ {
		if url[i] == ':' && url[i+1] == '/' && url[i+2] == '/' {
			return url[:i+3], url[i+3:], true
		}
	}
	return "", "", false
}
