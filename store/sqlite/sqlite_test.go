package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/store/storetest"
)

func open(t testing.TB) dateline.Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func BenchmarkPut(b *testing.B) { storetest.Bench(b, open) }

func TestMemory(t *testing.T) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.Put(context.Background(), storetest.Doc(0)); err != nil || n != 1 {
		t.Fatalf("Put = %d, %v", n, err)
	}
}

// TestReopen checks that a database keeps its documents and its schema
// version across processes: opening it again applies no migration twice.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "events.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, storetest.Doc(0), storetest.Doc(1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var mode string
	if err := s.DB.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var n int
	if err := s.DB.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil || n != 1 {
		t.Errorf("schema_migrations has %d rows, %v; want 1", n, err)
	}
	if added, err := s.Put(ctx, storetest.Doc(1)); err != nil || added != 0 {
		t.Errorf("Put after reopen = %d, %v; want 0", added, err)
	}
}
