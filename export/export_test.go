package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/store/sqlite"
	"github.com/dateline-news/dateline/store/storetest"
	"github.com/parquet-go/parquet-go"
)

func sampleStore(t *testing.T, n int) dateline.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "events.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var docs []*dateline.Document
	for i := range n {
		docs = append(docs, storetest.Doc(i))
	}
	// A document with a tab and line breaks in its evidence and no events.
	d := dateline.NewDocument(dateline.Article{ID: "plain", Text: "No events\there.\nSecond line."})
	d.Text = d.Raw
	docs = append(docs, d)
	if _, err := st.Put(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestGDELT(t *testing.T) {
	st := sampleStore(t, 5)
	if len(GDELTColumns) != 61 {
		t.Fatalf("GDELTColumns has %d names, want 61", len(GDELTColumns))
	}
	var buf bytes.Buffer
	n, err := Write(context.Background(), st, dateline.EventFilter{}, "gdelt", &buf)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if n != 10 || len(lines) != 10 {
		t.Fatalf("wrote %d rows, %d lines; want 10", n, len(lines))
	}
	col := map[string]int{}
	for i, c := range GDELTColumns {
		col[c] = i
	}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 61 {
			t.Fatalf("line %d has %d tab-separated columns, want 61: %q", i+1, len(f), l)
		}
		if f[col["SOURCEURL"]] == "" || f[col["GLOBALEVENTID"]] == "" || f[col["EventRootCode"]] == "" {
			t.Errorf("line %d lacks id, root or url: %q", i+1, l)
		}
	}
	// The first event of sample document 0: Russia's government criticises
	// the United States' on 2019-05-01 in Moscow.
	f := strings.Split(lines[0], "\t")
	for name, want := range map[string]string{
		"SQLDATE": "20190501", "MonthYear": "201905", "Year": "2019", "FractionDate": "2019.3288",
		"Actor1Code": "RUSGOV", "Actor1CountryCode": "RUS", "Actor1Type1Code": "GOV",
		"Actor2Code": "USAGOV", "Actor2CountryCode": "USA", "EventCode": "111", "EventBaseCode": "111",
		"EventRootCode": "11", "QuadClass": "3", "GoldsteinScale": "-2", "ActionGeo_FullName": "MOSCOW",
		"ActionGeo_Lat": "55.75", "ActionGeo_FeatureID": "1000", "SOURCEURL": "https://example.org/story/0",
	} {
		if got := f[col[name]]; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func TestPhoenixAndCSV(t *testing.T) {
	st := sampleStore(t, 3)
	for _, c := range []struct {
		format string
		cols   int
	}{{"phoenix", 26}, {"csv", len(FlatColumns)}} {
		var buf bytes.Buffer
		n, err := Write(context.Background(), st, dateline.EventFilter{}, c.format, &buf)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", c.format, err)
		}
		if n != 6 || len(recs) != 7 {
			t.Errorf("%s: %d rows, %d records; want 6 rows and a header", c.format, n, len(recs))
		}
		for i, r := range recs {
			if len(r) != c.cols {
				t.Errorf("%s record %d has %d columns, want %d", c.format, i, len(r), c.cols)
			}
		}
	}
	if len(PhoenixColumns) != 26 {
		t.Errorf("PhoenixColumns has %d names, want 26", len(PhoenixColumns))
	}
}

func TestJSONL(t *testing.T) {
	st := sampleStore(t, 3)
	var buf bytes.Buffer
	n, err := Write(context.Background(), st, dateline.EventFilter{}, "jsonl", &buf)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if n != 4 || len(lines) != 4 {
		t.Fatalf("wrote %d documents in %d lines, want 4", n, len(lines))
	}
	var d dateline.Document
	if err := json.Unmarshal([]byte(lines[0]), &d); err != nil {
		t.Fatal(err)
	}
	if d.Schema != dateline.Schema || len(d.Events) != 2 || len(d.Entities) != 2 || d.Span(d.Events[0].Trigger) != "criticised" {
		t.Errorf("first document = %+v", d)
	}
}

var parquetOut = flag.String("parquet-out", "", "also write TestParquet's file (40 sample documents, 80 events) here, for .ci/duckdb-check.sh")

func TestParquet(t *testing.T) {
	docs := 4
	if *parquetOut != "" {
		docs = 40
	}
	st := sampleStore(t, docs)
	var buf bytes.Buffer
	n, err := Write(context.Background(), st, dateline.EventFilter{}, "parquet", &buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.Read[FlatEvent](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2*docs || len(rows) != 2*docs {
		t.Fatalf("wrote %d, read %d rows; want %d", n, len(rows), 2*docs)
	}
	if *parquetOut != "" {
		if err := os.WriteFile(*parquetOut, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if rows[0].Code != "111" || rows[0].Lat == nil || *rows[0].Lat != 55.75 || rows[1].Lat != nil || rows[0].Sentence == "" {
		t.Errorf("rows[0:2] = %+v %+v", rows[0], rows[1])
	}
}

func TestUnknownFormat(t *testing.T) {
	st := sampleStore(t, 1)
	if _, err := Write(context.Background(), st, dateline.EventFilter{}, "xml", &bytes.Buffer{}); err == nil {
		t.Error("no error for an unknown format")
	}
}
