package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
)

// page is how many rows a read fetches before calling back, so that no
// cursor stays open while the caller works.
const page = 500

const docColumns = `id, doc_id, url, source, title, published, text, layers`

// Document returns the first stored document with the given ID.
func (s *Store) Document(ctx context.Context, id string) (*dateline.Document, error) {
	var found *dateline.Document
	err := s.Documents(ctx, dateline.DocumentFilter{ID: &id, Limit: 1}, func(d *dateline.Document) error {
		found = d
		return nil
	})
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, fmt.Errorf("document %s: %w", id, dateline.ErrNotFound)
	}
	return found, nil
}

// Documents calls fn for each stored document that f selects.
func (s *Store) Documents(ctx context.Context, f dateline.DocumentFilter, fn func(*dateline.Document) error) error {
	var where []string
	var args []any
	if f.ID != nil {
		where, args = append(where, "doc_id = ?"), append(args, *f.ID)
	}
	if f.Source != nil {
		where, args = append(where, "source = ?"), append(args, *f.Source)
	}
	if f.Text != nil {
		p := "%" + strings.ToLower(*f.Text) + "%"
		where, args = append(where, "(LOWER(title) LIKE ? OR LOWER(text) LIKE ?)"), append(args, p, p)
	}
	if !f.Since.IsZero() {
		where, args = append(where, "date >= ?"), append(args, f.Since.Format("2006-01-02"))
	}
	if !f.Until.IsZero() {
		where, args = append(where, "date <> '' AND date <= ?"), append(args, f.Until.Format("2006-01-02"))
	}
	var last int64
	seen := 0
	for {
		w := append([]string{"id > ?"}, where...)
		a := append([]any{last}, args...)
		n := page
		if f.Limit > 0 && f.Limit-seen < n {
			n = f.Limit - seen
		}
		if n <= 0 {
			return nil
		}
		query := fmt.Sprintf(`SELECT %s FROM documents WHERE %s ORDER BY id LIMIT %d`, docColumns, strings.Join(w, " AND "), n)
		if seen == 0 && f.Offset > 0 {
			// Only the first page skips; the next ones continue after its last key.
			query += fmt.Sprintf(" OFFSET %d", f.Offset)
		}
		docs, keys, err := s.queryDocs(ctx, query, a...)
		if err != nil {
			return fmt.Errorf("documents: %w", err)
		}
		for i, d := range docs {
			if err := s.loadLayers(ctx, keys[i], d); err != nil {
				return fmt.Errorf("documents: %s: %w", d.ID, err)
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		seen += len(docs)
		if len(docs) < n {
			return nil
		}
		last = keys[len(keys)-1]
	}
}

func (s *Store) queryDocs(ctx context.Context, query string, args ...any) ([]*dateline.Document, []int64, error) {
	rows, err := s.DB.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var docs []*dateline.Document
	var keys []int64
	for rows.Next() {
		var key int64
		var published, lay string
		d := dateline.NewDocument(dateline.Article{})
		if err := rows.Scan(&key, &d.ID, &d.URL, &d.Source, &d.Title, &published, &d.Text, &lay); err != nil {
			return nil, nil, err
		}
		if published != "" {
			d.Published, _ = time.Parse(time.RFC3339, published)
		}
		var l layers
		if err := json.Unmarshal([]byte(lay), &l); err != nil {
			return nil, nil, fmt.Errorf("document %s layers: %w", d.ID, err)
		}
		d.TitleSpan, d.Subtitle, d.SubtitleSpan = l.TitleSpan, l.Subtitle, l.SubtitleSpan
		d.Dateline, d.Date, d.Mentions = l.Dateline, l.Date, l.Mentions
		if l.Paragraphs != nil {
			d.Paragraphs = l.Paragraphs
		}
		if l.Boilerplate != nil {
			d.Boilerplate = l.Boilerplate
		}
		if l.Credits != nil {
			d.Credits = l.Credits
		}
		if l.Headings != nil {
			d.Headings = l.Headings
		}
		if l.Sentences != nil {
			d.Sentences = l.Sentences
		}
		if l.Problems != nil {
			d.Problems = l.Problems
		}
		docs = append(docs, d)
		keys = append(keys, key)
	}
	return docs, keys, rows.Err()
}

// loadLayers reads the entities, time expressions, quotes and events of
// the document stored under key into d.
func (s *Store) loadLayers(ctx context.Context, key int64, d *dateline.Document) error {
	if err := s.loadEntities(ctx, key, d); err != nil {
		return err
	}
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT start_byte, end_byte, text, type, value, anchor FROM timexes WHERE doc = ? ORDER BY idx`), key)
	if err != nil {
		return err
	}
	for rows.Next() {
		var t dateline.Timex
		if err := rows.Scan(&t.Span.Start, &t.Span.End, &t.Text, &t.Type, &t.Value, &t.Anchor); err != nil {
			rows.Close()
			return err
		}
		d.Timexes = append(d.Timexes, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = s.DB.QueryContext(ctx, s.q(`SELECT start_byte, end_byte, text, kind, cue, speaker, speaker_name FROM quotes WHERE doc = ? ORDER BY idx`), key)
	if err != nil {
		return err
	}
	for rows.Next() {
		var q dateline.Quote
		var cue string
		if err := rows.Scan(&q.Span.Start, &q.Span.End, &q.Text, &q.Kind, &cue, &q.Speaker, &q.SpeakerName); err != nil {
			rows.Close()
			return err
		}
		if cue != "" {
			q.Cue = new(dateline.Cue)
			if err := json.Unmarshal([]byte(cue), q.Cue); err != nil {
				rows.Close()
				return fmt.Errorf("quote cue: %w", err)
			}
		}
		d.Quotes = append(d.Quotes, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	recs, err := s.queryEvents(ctx, `WHERE e.doc = ?`, []any{key}, 0, 0)
	if err != nil {
		return err
	}
	for _, r := range recs {
		d.Events = append(d.Events, r.rec.Event)
	}
	return nil
}

func (s *Store) loadEntities(ctx context.Context, key int64, d *dateline.Document) error {
	rows, err := s.DB.QueryContext(ctx, s.q(`SELECT entity_id, name, type, actor, role, country, geo FROM entities WHERE doc = ? ORDER BY idx`), key)
	if err != nil {
		return err
	}
	for rows.Next() {
		var e dateline.Entity
		var geo string
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Actor, &e.Role, &e.Country, &geo); err != nil {
			rows.Close()
			return err
		}
		if geo != "" {
			e.Geo = new(dateline.Geo)
			if err := json.Unmarshal([]byte(geo), e.Geo); err != nil {
				rows.Close()
				return fmt.Errorf("entity geo: %w", err)
			}
		}
		e.Mentions = []dateline.EntityMention{}
		d.Entities = append(d.Entities, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(d.Entities) == 0 {
		return nil
	}
	rows, err = s.DB.QueryContext(ctx, s.q(`SELECT entity_idx, start_byte, end_byte, text FROM entity_mentions WHERE doc = ? ORDER BY entity_idx, idx`), key)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var m dateline.EntityMention
		if err := rows.Scan(&i, &m.Span.Start, &m.Span.End, &m.Text); err != nil {
			return err
		}
		if i >= 0 && i < len(d.Entities) {
			d.Entities[i].Mentions = append(d.Entities[i].Mentions, m)
		}
	}
	return rows.Err()
}

const eventColumns = `e.doc, e.idx, e.event_id, e.code, e.root, e.plover_type, e.plover_mode, e.goldstein, e.quad,
	e.source_actor, e.source_entity, e.source_name, e.source_members, e.has_target, e.target_actor, e.target_entity, e.target_name, e.target_members,
	e.date_value, e.date_precision, e.date_basis, e.place, e.mood, e.negated,
	e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end, e.sentence_text, e.pattern, e.confidence,
	d.doc_id, d.title, d.url, d.date, d.source, d.added`

type eventRow struct {
	doc int64
	idx int
	rec dateline.EventRecord
}

func (s *Store) queryEvents(ctx context.Context, where string, args []any, limit, offset int) ([]eventRow, error) {
	query := `SELECT ` + eventColumns + ` FROM events e JOIN documents d ON d.id = e.doc ` + where + ` ORDER BY e.doc, e.idx`
	if limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", limit)
	}
	if offset > 0 {
		query += fmt.Sprintf(" OFFSET %d", offset)
	}
	rows, err := s.DB.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []eventRow
	for rows.Next() {
		var r eventRow
		e := &r.rec.Event
		var srcMembers, tgtMembers, place, added string
		var hasTarget, negated int
		var tgt dateline.Participant
		if err := rows.Scan(&r.doc, &r.idx, &e.ID, &e.Code, &e.Root, &e.Plover.Type, &e.Plover.Mode, &e.Goldstein, &e.Quad,
			&e.Source.Actor, &e.Source.Entity, &e.Source.Name, &srcMembers, &hasTarget, &tgt.Actor, &tgt.Entity, &tgt.Name, &tgtMembers,
			&e.Date.Value, &e.Date.Precision, &e.Date.Basis, &place, &e.Mood, &negated,
			&e.Sentence.Start, &e.Sentence.End, &e.Trigger.Start, &e.Trigger.End, &r.rec.SentenceText, &e.Pattern, &e.Confidence,
			&r.rec.DocID, &r.rec.DocTitle, &r.rec.DocURL, &r.rec.DocDate, &r.rec.Source, &added); err != nil {
			return nil, err
		}
		if srcMembers != "" {
			if err := json.Unmarshal([]byte(srcMembers), &e.Source.Members); err != nil {
				return nil, fmt.Errorf("event source members: %w", err)
			}
		}
		if hasTarget != 0 {
			if tgtMembers != "" {
				if err := json.Unmarshal([]byte(tgtMembers), &tgt.Members); err != nil {
					return nil, fmt.Errorf("event target members: %w", err)
				}
			}
			e.Target = &tgt
		}
		if place != "" {
			e.Place = new(dateline.EventPlace)
			if err := json.Unmarshal([]byte(place), e.Place); err != nil {
				return nil, fmt.Errorf("event place: %w", err)
			}
		}
		e.Negated = negated != 0
		r.rec.Added, _ = time.Parse(time.RFC3339Nano, added)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Events calls fn for each stored event that f selects.
func (s *Store) Events(ctx context.Context, f dateline.EventFilter, fn func(dateline.EventRecord) error) error {
	var where []string
	var args []any
	if f.Actor != nil {
		p := likePrefix(*f.Actor)
		where, args = append(where, "(e.source_actor LIKE ? OR e.target_actor LIKE ?)"), append(args, p, p)
	}
	if f.Country != nil {
		c := strings.ToUpper(*f.Country)
		where, args = append(where, "(SUBSTR(e.source_actor, 1, 3) = ? OR SUBSTR(e.target_actor, 1, 3) = ?)"), append(args, c, c)
	}
	if f.Code != nil {
		where, args = append(where, "e.code LIKE ?"), append(args, likePrefix(*f.Code))
	}
	if f.Root != nil {
		where, args = append(where, "e.root = ?"), append(args, *f.Root)
	}
	if f.Plover != nil {
		where, args = append(where, "LOWER(e.plover_type) = ?"), append(args, strings.ToLower(*f.Plover))
	}
	if f.Mood != nil {
		where, args = append(where, "e.mood = ?"), append(args, strings.ToLower(*f.Mood))
	}
	if f.Text != nil {
		where, args = append(where, "LOWER(e.sentence_text) LIKE ?"), append(args, "%"+strings.ToLower(*f.Text)+"%")
	}
	if !f.Since.IsZero() {
		where, args = append(where, "e.date_day >= ?"), append(args, f.Since.Format("2006-01-02"))
	}
	if !f.Until.IsZero() {
		where, args = append(where, "e.date_day <> '' AND e.date_day <= ?"), append(args, f.Until.Format("2006-01-02")+"~")
	}
	if f.MinConfidence > 0 {
		where, args = append(where, "e.confidence >= ?"), append(args, f.MinConfidence)
	}
	var lastDoc int64 = -1
	lastIdx := -1
	seen := 0
	for {
		w := append([]string{"(e.doc > ? OR (e.doc = ? AND e.idx > ?))"}, where...)
		a := append([]any{lastDoc, lastDoc, lastIdx}, args...)
		n := page
		if f.Limit > 0 && f.Limit-seen < n {
			n = f.Limit - seen
		}
		if n <= 0 {
			return nil
		}
		offset := 0
		if seen == 0 {
			// Only the first page skips; the next ones continue after its last row.
			offset = f.Offset
		}
		recs, err := s.queryEvents(ctx, "WHERE "+strings.Join(w, " AND "), a, n, offset)
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		for _, r := range recs {
			if err := fn(r.rec); err != nil {
				return err
			}
		}
		seen += len(recs)
		if len(recs) < n {
			return nil
		}
		lastDoc, lastIdx = recs[len(recs)-1].doc, recs[len(recs)-1].idx
	}
}

// likePrefix returns a LIKE pattern matching strings that start with p
// (upper-cased, as codes are), with LIKE's wildcards in p dropped.
func likePrefix(p string) string {
	p = strings.NewReplacer("%", "", "_", "").Replace(strings.ToUpper(p))
	return p + "%"
}

// Stats counts what is stored.
func (s *Store) Stats(ctx context.Context) (*dateline.Stats, error) {
	st := &dateline.Stats{ByRoot: map[string]int{}}
	for _, c := range []struct {
		dst   *int
		table string
	}{{&st.Documents, "documents"}, {&st.Entities, "entities"}, {&st.Mentions, "entity_mentions"},
		{&st.Timexes, "timexes"}, {&st.Quotes, "quotes"}, {&st.Events, "events"}} {
		if err := s.DB.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+c.table).Scan(c.dst); err != nil {
			return nil, fmt.Errorf("stats: %w", err)
		}
	}
	var first, last sql.NullString
	var size sql.NullInt64
	if err := s.DB.QueryRowContext(ctx, `SELECT MIN(NULLIF(date, '')), MAX(NULLIF(date, '')), SUM(`+fmt.Sprintf(s.Dialect.ByteLength, "text")+`) FROM documents`).Scan(&first, &last, &size); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	st.FirstDate, st.LastDate, st.TextBytes = first.String, last.String, size.Int64
	if err := s.DB.QueryRowContext(ctx, `SELECT MIN(NULLIF(date_day, '')), MAX(NULLIF(date_day, '')) FROM events`).Scan(&first, &last); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	st.FirstEvent, st.LastEvent = first.String, last.String
	rows, err := s.DB.QueryContext(ctx, `SELECT root, COUNT(*) FROM events GROUP BY root ORDER BY root`)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var root string
		var n int
		if err := rows.Scan(&root, &n); err != nil {
			return nil, fmt.Errorf("stats: %w", err)
		}
		st.ByRoot[root] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}
