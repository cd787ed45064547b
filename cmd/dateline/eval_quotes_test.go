package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalQuotes runs "dateline eval --quotes" on the quote stage's written
// test articles and checks the report, in text and in JSON.
func TestEvalQuotes(t *testing.T) {
	file := filepath.Join("..", "..", "quote", "testdata", "quotes.jsonl")
	var out, errb bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if err := run(context.Background(), e, []string{"eval", "--quotes", file}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	if !strings.Contains(out.String(), "content found (>= 50% overlap)") || !strings.Contains(out.String(), "speaker correct") {
		t.Errorf("report:\n%s", out.String())
	}
	out.Reset()
	if err := run(context.Background(), e, []string{"eval", "--quotes", file, "--json"}); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Gold, Found int
		Recall      float64
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if r.Gold == 0 || r.Found < r.Gold*9/10 {
		t.Errorf("found %d of %d gold quotes", r.Found, r.Gold)
	}
}

// TestEvalQuotesBadFile checks a bad gold line is reported with its number.
func TestEvalQuotesBadFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(file, []byte("{\"id\":\"a\",\"text\":\"x\",\"quotes\":[]}\n{oops\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	err := run(context.Background(), env{stdout: &out, stderr: &errb}, []string{"eval", "--quotes", file})
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error %v, want one naming line 2", err)
	}
}
