// Package sqlstore implements [dateline.Store] over database/sql for the
// SQL backends. The backends (store/sqlite, store/postgres) open the
// database, give their own numbered migrations and say how their SQL
// differs ([Dialect]); the queries themselves are shared here.
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
)

// Dialect says how a backend's SQL differs from the shared queries, which
// use ? placeholders.
type Dialect struct {
	Name string
	// Numbered reports whether placeholders are $1, $2... instead of ?.
	Numbered bool
	// ByteLength is the expression for the length in bytes of the text
	// column %s.
	ByteLength string
	// SizeQuery returns the size of the database in bytes.
	SizeQuery string
}

// Store is a [dateline.Store] on a database/sql database.
type Store struct {
	DB      *sql.DB
	Dialect Dialect
	// Now returns the time recorded as a document's "added"; time.Now by default.
	Now func() time.Time
}

// New returns a store on db, which must already be migrated.
func New(db *sql.DB, d Dialect) *Store {
	return &Store{DB: db, Dialect: d, Now: time.Now}
}

var _ dateline.Store = (*Store)(nil)

// q rewrites a shared query for the dialect.
func (s *Store) q(query string) string {
	if !s.Dialect.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// Migrate applies, in order, each migration in fsys (files named
// NNNN_name.sql) that db has not recorded in schema_migrations, each in
// its own transaction.
func Migrate(ctx context.Context, db *sql.DB, d Dialect, fsys fs.FS) error {
	s := &Store{DB: db, Dialect: d}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		num, _, _ := strings.Cut(path.Base(name), "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return fmt.Errorf("migrate: migration %s: name must start with a number", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		// The check is inside the transaction, which takes the write
		// lock, so two processes opening one new database apply it once.
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), v).Scan(&n); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate: %w", err)
		}
		if n > 0 {
			tx.Rollback()
			continue
		}
		for _, stmt := range splitStatements(string(b)) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				tx.Rollback()
				return fmt.Errorf("migrate %s: %w", name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`),
			v, name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s: %w", name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

// splitStatements splits a migration into statements at semicolons that end
// a line; migrations keep semicolons out of string literals.
func splitStatements(src string) []string {
	var out []string
	for _, part := range strings.Split(src, ";\n") {
		p := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), ";"))
		// Skip parts that hold only comments.
		body := false
		for _, line := range strings.Split(p, "\n") {
			l := strings.TrimSpace(line)
			if l != "" && !strings.HasPrefix(l, "--") {
				body = true
				break
			}
		}
		if body {
			out = append(out, p)
		}
	}
	return out
}

// DBSize returns the size of the database in bytes.
func (s *Store) DBSize(ctx context.Context) (int64, error) {
	var n int64
	if err := s.DB.QueryRowContext(ctx, s.Dialect.SizeQuery).Scan(&n); err != nil {
		return 0, fmt.Errorf("database size: %w", err)
	}
	return n, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.DB.Close() }

// Has reports whether a document with key k is stored.
func (s *Store) Has(ctx context.Context, k dateline.DocKey) (bool, error) {
	var n int
	err := s.DB.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM documents WHERE content_hash = ? AND ref = ?`), k.Hash, k.Ref).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("has document: %w", err)
	}
	return n > 0, nil
}

// docDay returns the document's date as an ISO day, or "" when unknown:
// the date the stages chose when it has a year, else the publication date.
func docDay(doc *dateline.Document) (day, basis string) {
	if doc.Date != nil && isDay(doc.Date.Value) {
		return doc.Date.Value[:10], doc.Date.Basis
	}
	if !doc.Published.IsZero() {
		return doc.Published.UTC().Format("2006-01-02"), "publication date from metadata"
	}
	return "", ""
}

// isDay reports whether v starts with an ISO date YYYY-MM-DD.
func isDay(v string) bool {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// eventDay returns the first day an event date value names, for range
// filters: "2019-05-06" for "2019-05-06/2019-05-07", "2019-05" for a month.
func eventDay(v string) string {
	if i := strings.IndexByte(v, '/'); i >= 0 {
		v = v[:i]
	}
	if len(v) > 10 {
		v = v[:10]
	}
	if len(v) < 4 || v[0] < '0' || v[0] > '9' {
		return ""
	}
	return v
}

// layers is what documents.layers holds: every layer that has no table of
// its own. Tokens are not stored; they are cheap to recompute and large.
type layers struct {
	TitleSpan    *dateline.Span         `json:"title_span,omitempty"`
	Subtitle     string                 `json:"subtitle,omitempty"`
	SubtitleSpan *dateline.Span         `json:"subtitle_span,omitempty"`
	Dateline     *dateline.Dateline     `json:"dateline,omitempty"`
	Date         *dateline.DocDate      `json:"date,omitempty"`
	Boilerplate  []dateline.Boilerplate `json:"boilerplate,omitempty"`
	Credits      []dateline.Credit      `json:"credits,omitempty"`
	Headings     []dateline.Heading     `json:"headings,omitempty"`
	Paragraphs   []dateline.Span        `json:"paragraphs,omitempty"`
	Sentences    []dateline.Sentence    `json:"sentences,omitempty"`
	Mentions     []dateline.Mention     `json:"mentions,omitempty"`
	Problems     []dateline.Problem     `json:"problems,omitempty"`
}

// Put stores docs in one transaction, skipping those already stored. The
// layers of all the new documents go in with one multi-row INSERT per
// table (in chunks), which saves round trips on PostgreSQL.
func (s *Store) Put(ctx context.Context, docs ...*dateline.Document) (int, error) {
	if len(docs) == 0 {
		return 0, nil
	}
	tx, err := s.DB.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("put documents: %w", err)
	}
	defer tx.Rollback()
	added := 0
	now := s.Now().UTC().Format(time.RFC3339Nano)
	var rows layerRows
	for _, doc := range docs {
		key, ok, err := s.putDoc(ctx, tx, doc, now)
		if err != nil {
			return 0, fmt.Errorf("put document %s: %w", doc.ID, err)
		}
		if ok {
			added++
			rows.add(doc, key)
		}
	}
	for _, t := range []*table{&rows.entities, &rows.mentions, &rows.timexes, &rows.quotes, &rows.events} {
		if err := s.insertRows(ctx, tx, t); err != nil {
			return 0, fmt.Errorf("put documents: %s: %w", t.name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("put documents: commit: %w", err)
	}
	return added, nil
}

// putDoc inserts the documents row of doc and returns its key; ok is
// false when the document was already stored.
func (s *Store) putDoc(ctx context.Context, tx *sql.Tx, doc *dateline.Document, now string) (key int64, ok bool, err error) {
	k := dateline.KeyOf(doc)
	id := doc.ID
	if id == "" {
		id = dateline.GeneratedID(k)
	}
	day, basis := docDay(doc)
	var published string
	if !doc.Published.IsZero() {
		published = doc.Published.UTC().Format(time.RFC3339)
	}
	var place, country string
	if doc.Dateline != nil {
		place, country = doc.Dateline.Place, doc.Dateline.Country
	}
	lay, err := json.Marshal(layers{
		TitleSpan: doc.TitleSpan, Subtitle: doc.Subtitle, SubtitleSpan: doc.SubtitleSpan,
		Dateline: doc.Dateline, Date: doc.Date, Boilerplate: doc.Boilerplate, Credits: doc.Credits,
		Headings: doc.Headings, Paragraphs: doc.Paragraphs, Sentences: doc.Sentences,
		Mentions: doc.Mentions, Problems: doc.Problems,
	})
	if err != nil {
		return 0, false, err
	}
	err = tx.QueryRowContext(ctx, s.q(`INSERT INTO documents
		(doc_id, content_hash, ref, url, source, title, date, date_basis, published, dateline_place, dateline_country, text, layers, added)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (content_hash, ref) DO NOTHING RETURNING id`),
		id, k.Hash, k.Ref, doc.URL, doc.Source, doc.Title, day, basis, published, place, country, doc.Text, string(lay), now).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return key, true, nil
}

// table collects rows for one multi-row INSERT.
type table struct {
	name string
	cols []string
	args []any // len(cols) values a row
}

func (t *table) row(v ...any) { t.args = append(t.args, v...) }

// layerRows are the layer rows of the documents a Put adds.
type layerRows struct {
	entities, mentions, timexes, quotes, events table
}

func (r *layerRows) add(doc *dateline.Document, key int64) {
	if r.entities.name == "" {
		r.entities = table{name: "entities", cols: []string{"doc", "idx", "entity_id", "name", "type", "actor", "role", "country", "geo"}}
		r.mentions = table{name: "entity_mentions", cols: []string{"doc", "entity_idx", "idx", "start_byte", "end_byte", "text"}}
		r.timexes = table{name: "timexes", cols: []string{"doc", "idx", "start_byte", "end_byte", "text", "type", "value", "anchor"}}
		r.quotes = table{name: "quotes", cols: []string{"doc", "idx", "start_byte", "end_byte", "text", "kind", "cue", "speaker", "speaker_name"}}
		r.events = table{name: "events", cols: []string{"doc", "idx", "event_id", "code", "root", "plover_type", "plover_mode", "goldstein", "quad",
			"source_actor", "source_entity", "source_name", "source_members", "has_target", "target_actor", "target_entity", "target_name", "target_members",
			"date_value", "date_precision", "date_basis", "date_day", "place", "mood", "negated",
			"sentence_start", "sentence_end", "trigger_start", "trigger_end", "sentence_text", "pattern", "confidence"}}
	}
	for i, e := range doc.Entities {
		var geo string
		if e.Geo != nil {
			b, _ := json.Marshal(e.Geo)
			geo = string(b)
		}
		r.entities.row(key, i, e.ID, e.Name, e.Type, e.Actor, e.Role, e.Country, geo)
		for j, m := range e.Mentions {
			r.mentions.row(key, i, j, m.Span.Start, m.Span.End, m.Text)
		}
	}
	for i, t := range doc.Timexes {
		r.timexes.row(key, i, t.Span.Start, t.Span.End, t.Text, t.Type, t.Value, t.Anchor)
	}
	for i, q := range doc.Quotes {
		var cue string
		if q.Cue != nil {
			b, _ := json.Marshal(q.Cue)
			cue = string(b)
		}
		r.quotes.row(key, i, q.Span.Start, q.Span.End, q.Text, q.Kind, cue, q.Speaker, q.SpeakerName)
	}
	for i, e := range doc.Events {
		var tgt dateline.Participant
		hasTarget := 0
		if e.Target != nil {
			tgt, hasTarget = *e.Target, 1
		}
		var place string
		if e.Place != nil {
			b, _ := json.Marshal(e.Place)
			place = string(b)
		}
		negated := 0
		if e.Negated {
			negated = 1
		}
		r.events.row(key, i, e.ID, e.Code, e.Root, e.Plover.Type, e.Plover.Mode, e.Goldstein, e.Quad,
			e.Source.Actor, e.Source.Entity, e.Source.Name, membersJSON(e.Source.Members),
			hasTarget, tgt.Actor, tgt.Entity, tgt.Name, membersJSON(tgt.Members),
			e.Date.Value, e.Date.Precision, e.Date.Basis, eventDay(e.Date.Value), place, e.Mood, negated,
			e.Sentence.Start, e.Sentence.End, e.Trigger.Start, e.Trigger.End, doc.Span(e.Sentence), e.Pattern, e.Confidence)
	}
}

// maxParams bounds the placeholders of one statement, below SQLite's
// 32766 and PostgreSQL's 65535.
const maxParams = 30000

// insertRows writes t's rows with as few multi-row INSERTs as the
// placeholder limit allows.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, t *table) error {
	n := len(t.cols)
	if n == 0 || len(t.args) == 0 {
		return nil
	}
	per := maxParams / n
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")"
	head := "INSERT INTO " + t.name + " (" + strings.Join(t.cols, ", ") + ") VALUES "
	for start := 0; start < len(t.args); start += per * n {
		end := min(start+per*n, len(t.args))
		rows := (end - start) / n
		var b strings.Builder
		b.WriteString(head)
		for i := range rows {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(tuple)
		}
		if _, err := tx.ExecContext(ctx, s.q(b.String()), t.args[start:end]...); err != nil {
			return err
		}
	}
	return nil
}

func membersJSON(m []dateline.Participant) string {
	if len(m) == 0 {
		return ""
	}
	b, _ := json.Marshal(m)
	return string(b)
}
