package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/store/sqlite"
	"github.com/dateline-news/dateline/store/storetest"
)

func runStoreCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), err
}

// TestIngestCommand ingests a small folder twice with the real pipeline:
// the second run adds nothing; stats counts the documents. The notes and
// annotations beside the articles are skipped with one note per kind.
func TestIngestCommand(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("# Articles\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "NOTES.md"), []byte("Read these first.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "gold.json"), []byte(`{"id": "a", "text_file": "a.txt", "events": []}`), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("WASHINGTON, March 2 - The United States criticised Japan on Monday over its trade surplus, officials said."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(`{"id":"r1","text":"Japan rejected the criticism on Tuesday.","dateline":"TOKYO, March 3","date":"1987-03-03"}`+"\n"+`{"id":"r2"}`+"\n"), 0o644)
	db := filepath.Join(t.TempDir(), "events.db")
	for run, want := range []string{": 2 added, 0 already stored, 1 bad records", ": 0 added, 2 already stored, 1 bad records"} {
		out, errs, err := runStoreCmd(t, "ingest", "-q", "-j", "2", "--db", db, dir)
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run+1, err, errs)
		}
		if !strings.Contains(out, want) {
			t.Errorf("run %d: summary %q, want %q", run+1, out, want)
		}
		if !strings.Contains(errs, "bad record: "+filepath.Join(dir, "b.jsonl")+":2:") {
			t.Errorf("run %d: bad record not reported with its line: %q", run+1, errs)
		}
		if !strings.Contains(out, "; 3 files skipped (not articles)") || strings.Count(errs, "\n") != 3 ||
			!strings.Contains(errs, "skipped .md files (not an article format): "+filepath.Join(dir, "NOTES.md")+", "+filepath.Join(dir, "README.md")+"\n") ||
			!strings.Contains(errs, "skipped JSON files with no articles: "+filepath.Join(dir, "gold.json")+"\n") {
			t.Errorf("run %d: skipped files not noted once per kind:\n%s%s", run+1, errs, out)
		}
	}
	out, _, err := runStoreCmd(t, "stats", "--db", db, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var st dateline.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 {
		t.Errorf("stats: %d documents, want 2", st.Documents)
	}
	out, _, err = runStoreCmd(t, "export", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "\n"); n != 2 || !strings.Contains(out, "TOKYO, March 3 - Japan rejected") {
		t.Errorf("export jsonl: %d lines:\n%s", n, out)
	}
	if _, _, err := runStoreCmd(t, "ingest", "--db", db); err == nil {
		t.Error("ingest without a path: no error")
	}
}

// TestQueryExportCommands runs query and export over a store filled with
// sample documents that carry events.
func TestQueryExportCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "events.db")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		if _, err := st.Put(context.Background(), storetest.Doc(i)); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	for _, c := range []struct {
		args []string
		want int // JSON Lines records
	}{
		{[]string{"--actor", "RUS"}, 4},
		{[]string{"--country", "VEN", "--root", "11"}, 4},
		{[]string{"--plover", "consult", "--mood", "planned"}, 6},
		{[]string{"--since", "2019-05-04", "--code", "1"}, 3},
		{[]string{"--text", "will meet", "--limit", "2"}, 2},
	} {
		out, errs, err := runStoreCmd(t, append([]string{"query", "--db", db, "--format", "jsonl"}, c.args...)...)
		if err != nil {
			t.Fatalf("%v: %v %s", c.args, err, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != c.want {
			t.Errorf("query %v: %d events, want %d", c.args, len(lines), c.want)
		}
		var r dateline.EventRecord
		if err := json.Unmarshal([]byte(lines[0]), &r); err != nil || r.DocID == "" || r.Event.Code == "" {
			t.Errorf("query %v: first record %q: %v", c.args, lines[0], err)
		}
	}
	out, _, err := runStoreCmd(t, "query", "--db", db, "--actor", "USA")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "DATE") || !strings.Contains(out, "USAGOV") {
		t.Errorf("query table:\n%s", out)
	}
	if _, _, err := runStoreCmd(t, "query", "--db", db, "--since", "May 1"); err == nil {
		t.Error("query with a bad date: no error")
	}
	out, _, err = runStoreCmd(t, "export", "--db", db, "--format", "gdelt")
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if n := len(strings.Split(l, "\t")); n != 61 {
			t.Errorf("gdelt row %d: %d columns, want 61", i+1, n)
		}
	}
	out, _, err = runStoreCmd(t, "export", "--db", db, "--format", "phoenix", "--root", "03")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 7 || len(recs[0]) != 26 {
		t.Errorf("phoenix: %d records of %d columns, %v; want a header and 6 rows of 26", len(recs), len(recs[0]), err)
	}
	pq := filepath.Join(t.TempDir(), "events.parquet")
	if _, _, err := runStoreCmd(t, "export", "--db", db, "--format", "parquet", "-o", pq); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(pq); err != nil || !bytes.HasPrefix(b, []byte("PAR1")) {
		t.Errorf("parquet file: %v", err)
	}
	if _, _, err := runStoreCmd(t, "export", "--db", db, "--format", "xml"); err == nil {
		t.Error("export --format xml: no error")
	}
}
