package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a strings.Builder safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeCommand starts "dateline serve" on a free port with a token
// file, reads and writes through it, and stops it as SIGINT would.
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokenFile, []byte("tok\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	e := env{stdout: io.Discard, stderr: &stderr}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, e, []string{"serve", "--db", filepath.Join(dir, "t.db"), "--addr", "127.0.0.1:0", "--token-file", tokenFile})
	}()
	addr := regexp.MustCompile(`on (http://\S+) `)
	var base string
	for deadline := time.Now().Add(time.Minute); base == ""; time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", stderr.String())
		}
	}
	post := func(token string) int {
		req, _ := http.NewRequest("POST", base+"/api/ingest", strings.NewReader("LIMA, June 14 (Reuters) - Peru expelled the Chilean ambassador on Friday."))
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if code := post("wrong"); code != 401 {
		t.Errorf("ingest with a wrong token: %d, want 401", code)
	}
	if code := post("tok"); code != 201 {
		t.Errorf("ingest with the token from the file: %d, want 201", code)
	}
	res, err := http.Get(base + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(b), `"documents":1`) {
		t.Errorf("stats after ingest: %s", b)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not shut down")
	}
	if !strings.Contains(stderr.String(), "shutting down") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

func TestServeFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--token", "a", "--token-file", "b"},
		{"extra"},
	} {
		err := run(context.Background(), env{stdout: io.Discard, stderr: io.Discard}, append([]string{"serve"}, args...))
		if err == nil || !strings.Contains(fmt.Sprint(err), "usage") {
			t.Errorf("serve %v: %v, want a usage error", args, err)
		}
	}
}
