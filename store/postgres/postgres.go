// Package postgres is the [dateline.Store] for shared and large
// deployments: PostgreSQL through github.com/jackc/pgx/v5, with the same
// schema and test suite as store/sqlite and its own embedded numbered
// migrations.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/dateline-news/dateline/store/sqlstore"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Dialect is PostgreSQL's SQL dialect.
var Dialect = sqlstore.Dialect{Name: "postgres", Numbered: true, ByteLength: "OCTET_LENGTH(%s)",
	SizeQuery: "SELECT pg_database_size(current_database())"}

// Open connects to the database at dsn ("postgres://user@host:port/db")
// and applies the migrations it lacks.
func Open(ctx context.Context, dsn string) (*sqlstore.Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	// Two processes may open the same fresh database at once: serialise
	// the migrations with an advisory lock.
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7061636)`); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: lock: %w", err)
	}
	err = sqlstore.Migrate(ctx, db, Dialect, sub)
	conn.ExecContext(ctx, `SELECT pg_advisory_unlock(7061636)`)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return sqlstore.New(db, Dialect), nil
}
