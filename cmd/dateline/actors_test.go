package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActorsUnknown(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	text := "KYIV, March 3 (Reuters) - Ruritanian envoy Zorblat Quenneville met Sergey Lavrov in Geneva on Monday.\n\nZorblat Quenneville said the talks went well.\n"
	if err := os.WriteFile(art, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, "", "actors", "--unknown", "--json", art)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var u unknownName
		if err := json.Unmarshal([]byte(line), &u); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		if u.Name == "Sergey Lavrov" {
			t.Errorf("a known person is listed as unknown: %+v", u)
		}
		if u.Name == "Zorblat Quenneville" {
			found = true
			// The recogniser decides the type of a name it has never seen;
			// what this command owes is the name, a count and its context.
			if u.Count < 1 || !strings.Contains(u.Context, "Quenneville") {
				t.Errorf("unknown person: %+v", u)
			}
		}
	}
	if !found {
		t.Errorf("Zorblat Quenneville not listed:\n%s", out)
	}
	// a user dictionary resolves him
	dict := filepath.Join(dir, "mine.txt")
	os.WriteFile(dict, []byte("person\tZorblat Quenneville\tQuenneville\noffice\tZorblat Quenneville\tCHEGOV\tEnvoy\t2020\t-\n"), 0o644)
	out, _, err = runCmd(t, "", "actors", "--unknown", "--json", "--dict", dict, art)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "Quenneville") {
		t.Errorf("still unknown with a user dictionary:\n%s", out)
	}
	// a bad user dictionary is an error naming file and line
	os.WriteFile(dict, []byte("\noffice\tX Y\tXXXGOV\n"), 0o644)
	if _, _, err := runCmd(t, "", "actors", "--unknown", "--dict", dict, art); err == nil || !strings.Contains(err.Error(), "mine.txt:2") {
		t.Errorf("bad dictionary: %v", err)
	}
}

func TestActorsResolve(t *testing.T) {
	phrases := "Polish soldiers\n# a comment\n\nthe army of Sudan\nrebels\n"
	out, _, err := runCmd(t, phrases, "actors", "--resolve", "-")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || lines[0] != "phrase\tactor\ttype\tname\trule" {
		t.Fatalf("output:\n%s", out)
	}
	for i, want := range []string{"Polish soldiers\tPOLMIL\t", "the army of Sudan\tSDNMIL\t", "rebels\tREB\t"} {
		if !strings.HasPrefix(lines[i+1], want) {
			t.Errorf("line %d = %q, want it to start %q", i+2, lines[i+1], want)
		}
	}
	file := filepath.Join(t.TempDir(), "phrases.txt")
	if err := os.WriteFile(file, []byte(phrases), 0o644); err != nil {
		t.Fatal(err)
	}
	js, _, err := runCmd(t, "", "actors", "--resolve", "-o", "json", file)
	if err != nil {
		t.Fatal(err)
	}
	var first struct{ Phrase, Actor, Type, Rule string }
	if err := json.Unmarshal([]byte(strings.SplitN(js, "\n", 2)[0]), &first); err != nil {
		t.Fatalf("not JSON lines: %v\n%s", err, js)
	}
	if first.Phrase != "Polish soldiers" || first.Actor != "POLMIL" || first.Rule == "" {
		t.Errorf("first = %+v", first)
	}
	if _, _, err := runCmd(t, "", "actors", "--resolve", "-o", "xml", file); err == nil {
		t.Error("-o xml was accepted")
	}
}
