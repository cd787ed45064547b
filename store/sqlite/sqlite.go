// Package sqlite is the default [dateline.Store]: one SQLite file in WAL
// mode through modernc.org/sqlite (pure Go), with embedded numbered
// migrations. The schema is documented in docs/storage.md.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"

	"github.com/dateline-news/dateline/store/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is SQLite's SQL dialect.
var Dialect = sqlstore.Dialect{Name: "sqlite", ByteLength: "LENGTH(CAST(%s AS BLOB))",
	SizeQuery: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"}

// Open opens (creating it when absent) the SQLite database at path in WAL
// mode and applies the migrations it lacks. The path ":memory:" opens a
// private in-memory database.
func Open(ctx context.Context, path string) (*sqlstore.Store, error) {
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)", "journal_mode(WAL)"} {
		q.Add("_pragma", p)
	}
	// Transactions take the write lock when they begin, so that two
	// writers never deadlock upgrading a read lock.
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if path == ":memory:" {
		// Every connection to :memory: is a new database: keep one.
		db.SetMaxOpenConns(1)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	if err := sqlstore.Migrate(ctx, db, Dialect, sub); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	return sqlstore.New(db, Dialect), nil
}
