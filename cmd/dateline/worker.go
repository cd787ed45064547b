package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/pipeline"
	"github.com/dateline-news/dateline/queue"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// pipelineFlags registers --dict and --patterns on fs and returns the
// pipeline configuration they fill.
func pipelineFlags(fs *flag.FlagSet) *pipeline.Config {
	var c pipeline.Config
	fs.Var((*fileList)(&c.Dicts), "dict", "user actor dictionary `FILE` read after the shipped one (repeatable)")
	fs.Var((*fileList)(&c.Patterns), "patterns", "user event pattern `FILE` read after the shipped ones (repeatable)")
	return &c
}

// openCoding builds the pipeline and opens the store that a command codes
// articles into.
func openCoding(ctx context.Context, c pipeline.Config, db string) (dateline.Pipeline, dateline.Store, error) {
	p, err := pipeline.New(c)
	if err != nil {
		return nil, nil, err
	}
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	return p, st, nil
}

// parseNoArgs parses the flags of a command that takes no arguments, with
// usage as the head of its help.
func parseNoArgs(e env, fs *flag.FlagSet, args []string, usage string) error {
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, usage+"\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s takes no arguments", errUsage, fs.Name())
	}
	return nil
}

// queueFlags are the flags of every command that opens the queue.
type queueFlags struct {
	url, stream, subject string
}

func (f *queueFlags) register(fs *flag.FlagSet, usage string) {
	fs.StringVar(&f.url, "queue", "", usage)
	fs.StringVar(&f.stream, "stream", "DATELINE", "JetStream stream of the queue (its dead letters go to `NAME`_DEAD)")
	fs.StringVar(&f.subject, "subject", "dateline.articles", "subject of the queue's messages")
}

func (f *queueFlags) open(ctx context.Context, name string) (*queue.Queue, error) {
	return queue.Open(ctx, f.url, queue.Config{Stream: f.stream, Subject: f.subject, DeadStream: f.stream + "_DEAD",
		DeadSubject: strings.TrimSuffix(f.subject, ".articles") + ".dead", Name: name})
}

func runWorker(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var qf queueFlags
	qf.register(fs, "NATS `URL` of the queue (nats://host:4222)")
	db := fs.String("db", "events.db", "database: a postgres:// URL (or a SQLite file for one worker)")
	workers := fs.Int("j", runtime.NumCPU(), "articles annotated in parallel")
	inFlight := fs.Int("in-flight", 0, "messages held at once (default 2×j + batch)")
	batch := fs.Int("batch", 16, "documents per transaction")
	ackWait := fs.Duration("ack-wait", time.Minute, "redeliver a message not acknowledged within this long")
	maxDeliver := fs.Int("max-deliver", 5, "dead-letter a message after this many failed deliveries")
	drain := fs.Duration("drain", 30*time.Second, "on SIGTERM, finish held messages within this long")
	metrics := fs.String("metrics", "", "serve Prometheus metrics on `ADDR` (host:port) at /metrics")
	quiet := fs.Bool("q", false, "log only failures")
	pc := pipelineFlags(fs)
	if err := parseNoArgs(e, fs, args, "usage: dateline worker --queue nats://HOST:4222 --db postgres://... [flags]\n\nTakes articles from the queue, codes and stores them, acknowledges each once it is\ncommitted. Run as many as you like against one queue and one database; SIGTERM drains."); err != nil {
		return err
	}
	if qf.url == "" {
		return fmt.Errorf("%w: worker needs --queue nats://...", errUsage)
	}
	logger := slog.New(slog.NewTextHandler(e.stderr, nil))
	p, st, err := openCoding(ctx, *pc, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := qf.open(ctx, "dateline worker")
	if err != nil {
		return err
	}
	defer q.Close()

	w := &queue.Worker{Queue: q, Pipeline: p, Store: st, Workers: *workers, InFlight: *inFlight, BatchSize: *batch,
		AckWait: *ackWait, MaxDeliver: *maxDeliver, DrainTimeout: *drain, Logger: logger}
	if *metrics != "" {
		m := newWorkerMetrics()
		w.Pipeline = m.timed(p)
		w.Observe = m.observe
		ln, err := net.Listen("tcp", *metrics)
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: m.handler(), ReadHeaderTimeout: 5 * time.Second}
		go srv.Serve(ln)
		defer srv.Close()
		go m.pollQueue(ctx, q, 5*time.Second)
		if !*quiet {
			logger.Info("metrics", "url", "http://"+ln.Addr().String()+"/metrics")
		}
	}
	if !*quiet {
		logger.Info("worker started", "queue", qf.stream, "workers", *workers)
	}
	start := time.Now()
	sum, err := w.Run(ctx)
	secs := max(time.Since(start).Seconds(), 1e-9)
	fmt.Fprintf(e.stdout, "worker: %d received in %.1fs: %d added, %d already stored, %d retried, %d dead-lettered, %d given back; %.1f articles/s\n",
		sum.Received, secs, sum.Added, sum.Existing, sum.Retried, sum.Dead, sum.Returned, float64(sum.Added)/secs)
	return err
}

// workerMetrics are a worker's Prometheus metrics, in their own registry.
type workerMetrics struct {
	reg      *prometheus.Registry
	messages *prometheus.CounterVec
	stages   *prometheus.HistogramVec
	annotate prometheus.Histogram
	store    prometheus.Histogram
	lag      prometheus.Histogram
	pending  prometheus.Gauge
	inFlight prometheus.Gauge
	dead     prometheus.Gauge
	oldest   prometheus.Gauge
}

func newWorkerMetrics() *workerMetrics {
	reg := prometheus.NewRegistry()
	f := func(c prometheus.Collector) { reg.MustRegister(c) }
	lat := prometheus.ExponentialBuckets(0.0005, 2, 16) // 0.5 ms to 16 s
	m := &workerMetrics{
		reg: reg,
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "dateline_worker_messages_total",
			Help: "Messages handled by this worker, by outcome (stored, existing, retried, dead, returned)."}, []string{"outcome"}),
		stages: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "dateline_worker_stage_seconds",
			Help: "Time one article spends in each pipeline stage.", Buckets: lat}, []string{"stage"}),
		annotate: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "dateline_worker_annotate_seconds",
			Help: "Time one article spends in the whole pipeline.", Buckets: lat}),
		store: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "dateline_worker_store_seconds",
			Help: "Time of the transaction that stored an article's batch.", Buckets: lat}),
		lag: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "dateline_worker_lag_seconds",
			Help: "Time from an article's publication to its acknowledgement.", Buckets: prometheus.ExponentialBuckets(0.01, 2, 20)}),
		pending: prometheus.NewGauge(prometheus.GaugeOpts{Name: "dateline_queue_pending",
			Help: "Messages waiting for a worker."}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "dateline_queue_in_flight",
			Help: "Messages delivered to a worker and not yet acknowledged (all workers)."}),
		dead: prometheus.NewGauge(prometheus.GaugeOpts{Name: "dateline_queue_dead_lettered",
			Help: "Messages in the dead-letter stream."}),
		oldest: prometheus.NewGauge(prometheus.GaugeOpts{Name: "dateline_queue_oldest_age_seconds",
			Help: "Age of the oldest message still in the queue: the queue's lag (0 when empty)."}),
	}
	for _, c := range []prometheus.Collector{m.messages, m.stages, m.annotate, m.store, m.lag, m.pending, m.inFlight, m.dead, m.oldest,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		f(c)
	}
	return m
}

func (m *workerMetrics) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	return mux
}

func (m *workerMetrics) observe(r queue.Result) {
	m.messages.WithLabelValues(string(r.Outcome)).Inc()
	if r.Outcome == queue.Stored {
		m.annotate.Observe(r.Annotate.Seconds())
		m.store.Observe(r.Store.Seconds())
	}
	if r.Outcome != queue.Returned {
		m.lag.Observe(r.Lag.Seconds())
	}
}

// timed returns p with each stage timed into the stage histogram, labelled
// by its package name (clean, segment, ..., coder).
func (m *workerMetrics) timed(p dateline.Pipeline) dateline.Pipeline {
	out := make(dateline.Pipeline, len(p))
	for i, a := range p {
		name := strings.TrimPrefix(fmt.Sprintf("%T", a), "*")
		name, _, _ = strings.Cut(name, ".")
		h := m.stages.WithLabelValues(name)
		out[i] = dateline.AnnotatorFunc(func(ctx context.Context, d *dateline.Document) error {
			start := time.Now()
			err := a.Annotate(ctx, d)
			h.Observe(time.Since(start).Seconds())
			return err
		})
	}
	return out
}

// pollQueue refreshes the queue gauges every so often until ctx is done.
func (m *workerMetrics) pollQueue(ctx context.Context, q *queue.Queue, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if s, err := q.Stats(ctx); err == nil {
			m.pending.Set(float64(s.Pending))
			m.inFlight.Set(float64(s.InFlight))
			m.dead.Set(float64(s.Dead))
			age := 0.0
			if !s.Oldest.IsZero() {
				age = time.Since(s.Oldest).Seconds()
			}
			m.oldest.Set(age)
		} else if errors.Is(err, context.Canceled) {
			return
		}
		select {
		case <-t.C:
		case <-ctx.Done():
			return
		}
	}
}
