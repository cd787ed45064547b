package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/queue"
	"github.com/dateline-news/dateline/queue/natstest"
	"github.com/nats-io/nats.go"
)

// The queue tests re-run this test binary as a `dateline` process: with
// childArgs set, TestMain runs the command it names (arguments separated
// by newlines) as main would, and exits.
const childArgs = "DATELINE_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgs); args != "" {
		os.Exit(childMain(strings.Split(args, "\n")))
	}
	os.Exit(m.Run())
}

func childMain(args []string) int {
	ctx, stop := signalContext()
	defer stop()
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	if err := run(ctx, e, args); err != nil {
		fmt.Fprintln(os.Stderr, "dateline:", err)
		return 1
	}
	return 0
}

// child returns a `dateline args...` process made of this test binary.
func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\n"))
	return cmd
}

// envPostgres names the variable that points tests at PostgreSQL (CI sets
// it from .ci/postgres.sh), as in store/postgres.
const envPostgres = "DATELINE_TEST_POSTGRES"

// postgresSchema returns the DSN of a fresh schema of the test database,
// dropped when t ends, and a handle on it; it skips t without the
// variable.
func postgresSchema(t *testing.T) (string, *sql.DB) {
	t.Helper()
	dsn := os.Getenv(envPostgres)
	if dsn == "" {
		t.Skipf("%s is unset: skipping a test that needs PostgreSQL (run: eval \"$(bash .ci/postgres.sh)\")", envPostgres)
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("q%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE") })
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return u.String(), db
}

// reutersFile writes the first n Reuters-21578 stories from ../shared as
// JSON Lines and returns the file; it skips t when ../shared is absent.
func reutersFile(t *testing.T, n int) string {
	t.Helper()
	src := shared.Path(t, "corpora/reuters21578/reuters21578.jsonl.gz")
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "reuters.jsonl")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<24)
	for i := 0; i < n && sc.Scan(); i++ {
		out.Write(sc.Bytes())
		out.Write([]byte{'\n'})
	}
	return path
}

// freeAddr returns a loopback address with a port free at the time.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestWorkersKill is the queue's never-lose, never-double check: the
// first 3,000 Reuters stories (DATELINE_TEST_QUEUE_N changes the number)
// and one malformed message are published to a NATS server running in
// this process; three `dateline worker` processes with the real pipeline
// code them into PostgreSQL; one is killed with SIGKILL part-way and
// started again. The queue must end empty, the database must hold exactly
// one document per story, and the malformed message must be in the
// dead-letter stream with its reason; SIGTERM then drains every worker.
func TestWorkersKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs three worker processes over 3,000 stories")
	}
	n := 3000
	if v, err := strconv.Atoi(os.Getenv("DATELINE_TEST_QUEUE_N")); err == nil && v > 0 {
		n = v
	}
	corpus := reutersFile(t, n)
	dsn, db := postgresSchema(t)
	_, natsURL := natstest.Start(t)
	ctx := context.Background()
	start := time.Now()

	out, errs, err := runStoreCmd(t, "ingest", "-q", "--queue", natsURL, corpus)
	if err != nil {
		t.Fatalf("ingest --queue: %v\n%s", err, errs)
	}
	if want := fmt.Sprintf("published %d articles", n); !strings.Contains(out, want) || !strings.Contains(out, fmt.Sprintf(": %d new,", n)) {
		t.Fatalf("ingest --queue: %q, want %q, all new", out, want)
	}
	// The same input again: the server drops every message as a duplicate.
	out, _, err = runStoreCmd(t, "ingest", "-q", "--queue", natsURL, corpus)
	if err != nil || !strings.Contains(out, fmt.Sprintf(": 0 new, %d already queued", n)) {
		t.Fatalf("ingest --queue again: %q, %v; want all already queued", out, err)
	}
	nc, err := nats.Connect(natsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := nc.JetStream()
	if _, err := js.Publish("dateline.articles", []byte(`{"schema":"dateline-article/1","text":`)); err != nil {
		t.Fatal(err)
	}
	t.Logf("published %d stories in %v", n, time.Since(start).Round(time.Millisecond))

	q, err := queue.Open(ctx, natsURL, queue.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	docs := func() int {
		var k int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&k); err != nil {
			return 0 // the first worker has not made the tables yet
		}
		return k
	}

	logs := t.TempDir()
	metricsAddr := freeAddr(t)
	worker := func(name string, extra ...string) *exec.Cmd {
		args := append([]string{"worker", "-q", "--queue", natsURL, "--db", dsn, "-j", "1", "--batch", "8", "--ack-wait", "5s"}, extra...)
		cmd := child(args...)
		f, err := os.Create(filepath.Join(logs, name+".log"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		cmd.Stdout, cmd.Stderr = f, f
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	workers := []*exec.Cmd{worker("w1"), worker("w2", "--metrics", metricsAddr), worker("w3")}
	defer func() {
		for _, w := range workers {
			if w.ProcessState == nil {
				w.Process.Kill()
				w.Wait()
			}
		}
		if t.Failed() {
			for _, name := range []string{"w1", "w2", "w3", "w1-again"} {
				b, _ := os.ReadFile(filepath.Join(logs, name+".log"))
				t.Logf("%s:\n%s", name, b)
			}
		}
	}()

	// Kill the first worker with SIGKILL once a fifth is stored: it holds
	// messages annotated and not acknowledged, and maybe a transaction.
	deadline := time.Now().Add(4 * time.Minute)
	for docs() < n/5 {
		if time.Now().After(deadline) {
			t.Fatalf("only %d documents stored after 4 minutes", docs())
		}
		time.Sleep(100 * time.Millisecond)
	}
	workers[0].Process.Kill()
	workers[0].Wait()
	killedAt := docs()
	t.Logf("worker 1 killed with SIGKILL at %d documents, %v after the start", killedAt, time.Since(start).Round(time.Millisecond))
	if killedAt >= n {
		t.Fatalf("the workers finished (%d documents) before the kill", killedAt)
	}
	workers[0] = worker("w1-again")

	var s queue.Stats
	for {
		if s, err = q.Stats(ctx); err != nil {
			t.Fatal(err)
		}
		if s.Pending == 0 && s.InFlight == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not empty after 4 minutes: %+v, %d documents", s, docs())
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("queue empty %v after the start: %+v", time.Since(start).Round(time.Millisecond), s)

	// The second worker's metrics count what it stored, per stage.
	resp, err := http.Get("http://" + metricsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`dateline_worker_messages_total{outcome="stored"}`, `dateline_worker_stage_seconds_count{stage="coder"}`,
		"dateline_queue_pending", "dateline_worker_lag_seconds_count"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}

	// A clean drain: SIGTERM, and each worker exits 0 with its summary.
	for _, w := range workers {
		w.Process.Signal(syscall.SIGTERM)
	}
	for i, w := range workers {
		if err := w.Wait(); err != nil {
			t.Errorf("worker %d after SIGTERM: %v", i+1, err)
		}
	}

	for _, name := range []string{"w2", "w3", "w1-again"} {
		b, _ := os.ReadFile(filepath.Join(logs, name+".log"))
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "worker: ") {
				t.Logf("%s: %s", name, line)
			}
		}
	}

	var total, distinct int
	if err := db.QueryRowContext(ctx, "SELECT count(*), count(DISTINCT doc_id) FROM documents").Scan(&total, &distinct); err != nil {
		t.Fatal(err)
	}
	if total != n || distinct != n {
		t.Errorf("the database holds %d documents with %d distinct IDs, want exactly %d", total, distinct, n)
	}
	if s.Dead != 1 || s.Done != uint64(n) {
		t.Errorf("queue stats %+v, want %d done and 1 dead-lettered", s, n)
	}
	out, _, err = runStoreCmd(t, "stats", "--queue", natsURL)
	if err != nil || !strings.Contains(out, "pending        0") || !strings.Contains(out, "dead-lettered  1") {
		t.Errorf("stats --queue: %v\n%s", err, out)
	}
	m, err := js.GetMsg("DATELINE_DEAD", 1)
	if err != nil {
		t.Fatal(err)
	}
	if r := m.Header.Get(queue.HeaderReason); !strings.Contains(r, "malformed message") {
		t.Errorf("dead letter's reason %q, want a malformed message", r)
	}
}
