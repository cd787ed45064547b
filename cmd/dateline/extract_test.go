package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the binary's run function with args and stdin, returning
// stdout, stderr and the error.
func runCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), err
}

func TestExtractExample(t *testing.T) {
	out, _, err := runCmd(t, "", "extract", "../../examples/wire-story.txt")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema   string `json:"schema"`
		Title    string `json:"title"`
		Text     string `json:"text"`
		Dateline struct {
			Place, Agency string
			Span          [2]int
		} `json:"dateline"`
		Credits []struct{ Name string } `json:"credits"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if doc.Schema != "dateline/1" || doc.Title == "" || doc.Dateline.Place != "Oslo" || doc.Dateline.Agency != "NTB" {
		t.Errorf("unexpected document: %+v", doc)
	}
	if got := doc.Text[doc.Dateline.Span[0]:doc.Dateline.Span[1]]; got != "OSLO, March 3. /NTB/." {
		t.Errorf("dateline span covers %q", got)
	}
	if len(doc.Credits) != 1 || strings.Contains(doc.Text, doc.Credits[0].Name) {
		t.Errorf("credits = %+v, or the credit leaked into the text", doc.Credits)
	}
}

func TestExtractJSONL(t *testing.T) {
	var in strings.Builder
	for i := range 50 {
		fmt.Fprintf(&in, `{"id":"a%d","text":"LONDON, Jan %d (Reuters) - Story number %d.","date":"2019-01-05"}`+"\n", i, i%28+1, i)
		if i == 10 {
			in.WriteString("{not json\n")
		}
		if i == 20 {
			in.WriteString(`{"id":"empty","text":""}` + "\n")
		}
	}
	out, stderr, err := runCmd(t, in.String(), "extract", "--jsonl", "-j", "4")
	if err == nil {
		t.Error("want a non-zero exit after skipped records")
	}
	if !strings.Contains(stderr, "standard input:12: skipped") || !strings.Contains(stderr, "standard input:23: skipped") {
		t.Errorf("stderr does not name the bad lines:\n%s", stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 50 {
		t.Fatalf("%d documents, want 50", len(lines))
	}
	for i, l := range lines {
		var doc struct {
			ID   string `json:"id"`
			Date struct{ Value string }
		}
		if err := json.Unmarshal([]byte(l), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.ID != fmt.Sprintf("a%d", i) || doc.Date.Value != "2019-01-05" {
			t.Errorf("line %d: id %q date %q: out of order or wrong", i, doc.ID, doc.Date.Value)
		}
	}
}

func TestExtractRefuses(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("All work and no play. "), 50<<20/22+1)
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"empty":   {[]string{"extract", write("empty.txt", nil)}, "empty input"},
		"binary":  {[]string{"extract", write("bin.dat", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2})}, "binary input"},
		"50MB":    {[]string{"extract", write("big.txt", big)}, "input too large"},
		"missing": {[]string{"extract", filepath.Join(dir, "nope.txt")}, "no such file"},
		"flag":    {[]string{"extract", "-o", "xml", "x"}, "-o must be"},
	} {
		_, _, err := runCmd(t, "", tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", name, err, tc.want)
		}
	}
}

func TestExtractRaisedLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(p, bytes.Repeat([]byte("word "), 200<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCmd(t, "", "extract", "--max-bytes", "100", p); err == nil {
		t.Error("a file over --max-bytes was read")
	}
	out, _, err := runCmd(t, "", "extract", "-o", "table", p)
	if err != nil || !strings.Contains(out, "1024000 bytes") && !strings.Contains(out, "1023999 bytes") {
		t.Errorf("1 MB line without a full stop: err %v, out %.200s", err, out)
	}
}

func TestExtractSyntaxLayer(t *testing.T) {
	out, _, err := runCmd(t, "WASHINGTON (AP) — The military refused to support the opposition.", "extract", "--layers", "syntax", "-o", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tokens []struct {
			Text, Pos, Lemma, Rel string
			Head                  int
		} `json:"tokens"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Tokens) < 10 {
		t.Fatalf("tokens = %+v", doc.Tokens)
	}
	for _, tok := range doc.Tokens {
		if tok.Pos == "" || tok.Lemma == "" || tok.Rel == "" || tok.Head < -1 || tok.Head >= len(doc.Tokens) {
			t.Errorf("token without its syntax: %+v", tok)
		}
		if tok.Text == "refused" && tok.Lemma != "refuse" {
			t.Errorf("lemma of refused = %q", tok.Lemma)
		}
	}
	out, _, _ = runCmd(t, "WASHINGTON (AP) — The military refused.", "extract", "-o", "jsonl")
	if strings.Contains(out, `"tokens":[{`) {
		t.Error("tokens printed without --layers syntax")
	}
}

func TestExtractMinConfidence(t *testing.T) {
	text := "Israeli forces attacked Hamas militants in Gaza on Monday, the army said. A roadside bomb killed two soldiers."
	events := func(args ...string) []float64 {
		out, _, err := runCmd(t, text, append([]string{"extract"}, append(args, "-")...)...)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Events []struct{ Confidence float64 } `json:"events"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		var cs []float64
		for _, e := range doc.Events {
			cs = append(cs, e.Confidence)
		}
		return cs
	}
	all, strong := events(), events("--min-confidence", "0.6")
	if len(strong) == 0 || len(strong) >= len(all) {
		t.Fatalf("confidences %v, with --min-confidence 0.6 %v: want fewer, none dropped wrongly", all, strong)
	}
	for _, c := range strong {
		if c < 0.6 {
			t.Errorf("an event of confidence %v passed --min-confidence 0.6", c)
		}
	}
	if _, _, err := runCmd(t, text, "extract", "--min-confidence", "2", "-"); err == nil {
		t.Error("--min-confidence 2 was accepted")
	}
}
