// Package export writes stored events and documents in the formats other
// tools read: the GDELT 2.0 event table (61 tab-separated columns), Phoenix
// CSV (26 columns), JSON Lines documents, a flat CSV of events and Parquet.
package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/parquet-go/parquet-go"
)

// Formats lists the formats [Write] knows.
var Formats = []string{"gdelt", "phoenix", "jsonl", "csv", "parquet"}

// Write writes what st holds in format to w: the events that f selects, or
// for "jsonl" the documents (f's date range and text then select
// documents). It returns the number of rows written.
func Write(ctx context.Context, st dateline.Store, f dateline.EventFilter, format string, w io.Writer) (int, error) {
	switch format {
	case "gdelt":
		return writeEvents(ctx, st, f, w, '\t', nil, gdeltRow)
	case "phoenix":
		return writeEvents(ctx, st, f, w, ',', PhoenixColumns, phoenixRow)
	case "csv":
		return writeEvents(ctx, st, f, w, ',', FlatColumns, func(r dateline.EventRecord) []string { return flatRow(r).strings() })
	case "jsonl":
		return writeDocuments(ctx, st, f, w)
	case "parquet":
		return writeParquet(ctx, st, f, w)
	}
	return 0, fmt.Errorf("export: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

func writeEvents(ctx context.Context, st dateline.Store, f dateline.EventFilter, w io.Writer, comma rune, header []string, row func(dateline.EventRecord) []string) (int, error) {
	n := 0
	if comma == '\t' {
		// GDELT files are plain tab-separated lines without quoting: keep
		// tabs and line breaks out of the fields instead.
		bw := &errWriter{w: w}
		err := st.Events(ctx, f, func(r dateline.EventRecord) error {
			for i, v := range row(r) {
				if i > 0 {
					bw.write("\t")
				}
				bw.write(flatten(v))
			}
			bw.write("\n")
			n++
			return bw.err
		})
		if err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		return n, bw.err
	}
	cw := csv.NewWriter(w)
	cw.Comma = comma
	if header != nil {
		if err := cw.Write(header); err != nil {
			return 0, fmt.Errorf("export: %w", err)
		}
	}
	err := st.Events(ctx, f, func(r dateline.EventRecord) error {
		n++
		return cw.Write(row(r))
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	if err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	return n, nil
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) write(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}

// flatten replaces tabs and line breaks with spaces.
func flatten(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}

func writeDocuments(ctx context.Context, st dateline.Store, f dateline.EventFilter, w io.Writer) (int, error) {
	enc := json.NewEncoder(w)
	df := dateline.DocumentFilter{Text: f.Text, Since: f.Since, Until: f.Until, Limit: f.Limit}
	n := 0
	err := st.Documents(ctx, df, func(d *dateline.Document) error {
		n++
		return enc.Encode(d)
	})
	if err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	return n, nil
}

// EventKey returns a stable positive 63-bit number for an event of a
// document, used where a format wants a numeric event ID (GDELT's
// GLOBALEVENTID).
func EventKey(docID, eventID string) int64 {
	h := fnv.New64a()
	io.WriteString(h, docID)
	h.Write([]byte{0})
	io.WriteString(h, eventID)
	return int64(h.Sum64() >> 1)
}

// eventTime returns the first day an event names, else its document's
// date; ok is false when neither is a full date.
func eventTime(r dateline.EventRecord) (time.Time, bool) {
	for _, v := range []string{r.Event.Date.Value, r.DocDate} {
		if i := strings.IndexByte(v, '/'); i >= 0 {
			v = v[:i]
		}
		if len(v) >= 10 {
			if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// splitActor splits a CAMEO-style actor code into its country (the first
// three letters, when they are letters) and the rest ("RUSGOV" → RUS, GOV).
func splitActor(code string) (country, rest string) {
	if len(code) >= 3 && isUpper(code[:3]) {
		return code[:3], code[3:]
	}
	return "", code
}

func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// FlatColumns are the header of the flat CSV of events.
var FlatColumns = []string{
	"doc_id", "event_id", "date", "date_precision", "code", "root", "plover_type", "plover_mode",
	"goldstein", "quad", "source_actor", "source_name", "target_actor", "target_name", "mood", "negated",
	"place", "lat", "lon", "geonameid", "confidence", "pattern",
	"sentence_start", "sentence_end", "trigger_start", "trigger_end", "sentence", "doc_title", "doc_url", "doc_date",
}

// FlatEvent is one event as a flat row: the CSV and Parquet exports.
type FlatEvent struct {
	DocID         string   `parquet:"doc_id"`
	EventID       string   `parquet:"event_id"`
	Date          string   `parquet:"date"`
	DatePrecision string   `parquet:"date_precision"`
	Code          string   `parquet:"code"`
	Root          string   `parquet:"root"`
	PloverType    string   `parquet:"plover_type"`
	PloverMode    string   `parquet:"plover_mode"`
	Goldstein     float64  `parquet:"goldstein"`
	Quad          int32    `parquet:"quad"`
	SourceActor   string   `parquet:"source_actor"`
	SourceName    string   `parquet:"source_name"`
	TargetActor   string   `parquet:"target_actor"`
	TargetName    string   `parquet:"target_name"`
	Mood          string   `parquet:"mood"`
	Negated       bool     `parquet:"negated"`
	Place         string   `parquet:"place"`
	Lat           *float64 `parquet:"lat,optional"`
	Lon           *float64 `parquet:"lon,optional"`
	GeonameID     *int64   `parquet:"geonameid,optional"`
	Confidence    float64  `parquet:"confidence"`
	Pattern       string   `parquet:"pattern"`
	SentenceStart int64    `parquet:"sentence_start"`
	SentenceEnd   int64    `parquet:"sentence_end"`
	TriggerStart  int64    `parquet:"trigger_start"`
	TriggerEnd    int64    `parquet:"trigger_end"`
	Sentence      string   `parquet:"sentence"`
	DocTitle      string   `parquet:"doc_title"`
	DocURL        string   `parquet:"doc_url"`
	DocDate       string   `parquet:"doc_date"`
}

func flatRow(r dateline.EventRecord) FlatEvent {
	e := r.Event
	fe := FlatEvent{
		DocID: r.DocID, EventID: e.ID, Date: e.Date.Value, DatePrecision: e.Date.Precision,
		Code: e.Code, Root: e.Root, PloverType: e.Plover.Type, PloverMode: e.Plover.Mode,
		Goldstein: e.Goldstein, Quad: int32(e.Quad), SourceActor: e.Source.Actor, SourceName: e.Source.Name,
		Mood: e.Mood, Negated: e.Negated, Confidence: e.Confidence, Pattern: e.Pattern,
		SentenceStart: int64(e.Sentence.Start), SentenceEnd: int64(e.Sentence.End),
		TriggerStart: int64(e.Trigger.Start), TriggerEnd: int64(e.Trigger.End),
		Sentence: r.SentenceText, DocTitle: r.DocTitle, DocURL: r.DocURL, DocDate: r.DocDate,
	}
	if e.Target != nil {
		fe.TargetActor, fe.TargetName = e.Target.Actor, e.Target.Name
	}
	if e.Place != nil {
		fe.Place = e.Place.Name
		if g := e.Place.Geo; g != nil {
			lat, lon, id := g.Lat, g.Lon, int64(g.GeonameID)
			fe.Lat, fe.Lon, fe.GeonameID = &lat, &lon, &id
		}
	}
	return fe
}

func (f FlatEvent) strings() []string {
	opt := func(p *float64) string {
		if p == nil {
			return ""
		}
		return ftoa(*p)
	}
	var geo string
	if f.GeonameID != nil {
		geo = strconv.FormatInt(*f.GeonameID, 10)
	}
	return []string{
		f.DocID, f.EventID, f.Date, f.DatePrecision, f.Code, f.Root, f.PloverType, f.PloverMode,
		ftoa(f.Goldstein), strconv.Itoa(int(f.Quad)), f.SourceActor, f.SourceName, f.TargetActor, f.TargetName,
		f.Mood, strconv.FormatBool(f.Negated), f.Place, opt(f.Lat), opt(f.Lon), geo, ftoa(f.Confidence), f.Pattern,
		strconv.FormatInt(f.SentenceStart, 10), strconv.FormatInt(f.SentenceEnd, 10),
		strconv.FormatInt(f.TriggerStart, 10), strconv.FormatInt(f.TriggerEnd, 10),
		f.Sentence, f.DocTitle, f.DocURL, f.DocDate,
	}
}

func writeParquet(ctx context.Context, st dateline.Store, f dateline.EventFilter, w io.Writer) (int, error) {
	pw := parquet.NewGenericWriter[FlatEvent](w)
	buf := make([]FlatEvent, 0, 1024)
	n := 0
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		_, err := pw.Write(buf)
		buf = buf[:0]
		return err
	}
	err := st.Events(ctx, f, func(r dateline.EventRecord) error {
		buf = append(buf, flatRow(r))
		n++
		if len(buf) == cap(buf) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if cerr := pw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("export parquet: %w", err)
	}
	return n, nil
}
