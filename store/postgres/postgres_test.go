package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/store/storetest"
)

// envDSN names the variable that points the tests at a PostgreSQL
// database (CI sets it from .ci/postgres.sh).
const envDSN = "DATELINE_TEST_POSTGRES"

var schemaSeq atomic.Int64

// open returns a store in a fresh schema of the test database, dropped
// when the test ends.
func open(t testing.TB) dateline.Store {
	t.Helper()
	dsn := os.Getenv(envDSN)
	if dsn == "" {
		t.Skipf("%s is unset: skipping the PostgreSQL store suite (run: eval \"$(bash .ci/postgres.sh)\")", envDSN)
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("t%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, schemaSeq.Add(1))
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
	s, err := Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var path string
	if err := s.DB.QueryRow("SHOW search_path").Scan(&path); err != nil || !strings.Contains(path, schema) {
		t.Fatalf("search_path = %q, %v; want %s", path, err, schema)
	}
	return s
}

func TestStore(t *testing.T) {
	if os.Getenv(envDSN) == "" {
		t.Skipf("%s is unset: skipping the PostgreSQL store suite (run: eval \"$(bash .ci/postgres.sh)\")", envDSN)
	}
	storetest.Run(t, open)
}

func BenchmarkPut(b *testing.B) { storetest.Bench(b, open) }
