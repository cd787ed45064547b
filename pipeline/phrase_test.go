package pipeline

import (
	"bufio"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
)

// phraseRow is one line of testdata/actor-phrases.tsv.
type phraseRow struct {
	line   int
	phrase string
	want   string // actor code; "-" for no entity or no code
	note   string
}

func readPhrases(t *testing.T, name string) []phraseRow {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []phraseRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || len(fields) > 3 || fields[0] == "" || fields[1] == "" {
			t.Fatalf("%s:%d: want phrase TAB code [TAB note], got %q", name, n, line)
		}
		r := phraseRow{line: n, phrase: fields[0], want: fields[1]}
		if len(fields) == 3 {
			r.note = fields[2]
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// sectorCodes are the codes that stand first in a country-less actor code
// ("REB", "COP"): there the whole code is the sector.
var sectorCodes = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "REB": true, "OPP": true, "LEG": true,
	"JUD": true, "PTY": true, "BUS": true, "MED": true, "EDU": true, "REF": true,
	"SPY": true, "ELI": true, "CVL": true, "HLH": true, "REL": true, "LAB": true,
	"AGR": true, "CRM": true, "ACT": true, "SEP": true, "UAF": true, "DEV": true,
}

// splitCode splits an actor code into its country part (ISO alpha-3 or IGO,
// NGO, IMG, ...; "" for a country-less code) and its sector part.
func splitCode(code string) (country, sector string) {
	if code == "-" || code == "" {
		return "", ""
	}
	if len(code) < 3 || sectorCodes[code[:3]] {
		return "", code
	}
	return code[:3], code[3:]
}

// sectorAgrees compares sector parts as eval does: a bare "IGO" names no
// particular organisation, so any IGO code agrees with it.
func sectorAgrees(want, got string) bool {
	wc, ws := splitCode(want)
	gc, gs := splitCode(got)
	if wc == "IGO" && ws == "" && gc == "IGO" {
		return true
	}
	return ws == gs
}

// TestActorPhrases resolves every phrase of testdata/actor-phrases.tsv on
// its own and checks the country and the sector of its actor code
// separately. It logs the share right at the end.
func TestActorPhrases(t *testing.T) {
	rows := readPhrases(t, "testdata/actor-phrases.tsv")
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	var right, countryRight, sectorRight int
	for _, r := range rows {
		t.Run(r.phrase, func(t *testing.T) {
			got, typ, name, basis := "-", "-", "-", "no entity"
			e, err := Phrase(ctx, p, r.phrase, day)
			switch {
			case err == nil:
				typ, name, basis = e.Type, e.Name, e.Basis
				if e.Actor != "" {
					got = e.Actor
				}
			case errors.Is(err, dateline.ErrNotFound):
			default:
				t.Fatalf("line %d: Phrase(%q): %v", r.line, r.phrase, err)
			}
			wc, _ := splitCode(r.want)
			gc, _ := splitCode(got)
			cOK := wc == gc
			sOK := sectorAgrees(r.want, got)
			if cOK {
				countryRight++
			}
			if sOK {
				sectorRight++
			}
			if cOK && sOK {
				right++
				return
			}
			var wrong []string
			if !cOK {
				wrong = append(wrong, "country "+show(gc)+", want "+show(wc))
			}
			if !sOK {
				_, ws := splitCode(r.want)
				_, gs := splitCode(got)
				wrong = append(wrong, "sector "+show(gs)+", want "+show(ws))
			}
			msg := "line %d: %q = %s (%s %q, basis %q), want %s: %s"
			if r.note != "" {
				msg += " [" + r.note + "]"
			}
			t.Errorf(msg, r.line, r.phrase, got, typ, name, basis, r.want, strings.Join(wrong, "; "))
		})
	}
	t.Logf("%d/%d phrases right (country %d/%d, sector %d/%d)",
		right, len(rows), countryRight, len(rows), sectorRight, len(rows))
}

// show prints an empty code part as "none".
func show(part string) string {
	if part == "" {
		return "none"
	}
	return part
}

func TestPhraseEmpty(t *testing.T) {
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		phrase string
	}{
		{"empty", ""},
		{"blank", "  \t\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Phrase(context.Background(), p, tt.phrase, time.Time{})
			if !errors.Is(err, dateline.ErrEmpty) {
				t.Errorf("Phrase(%q) = %v, %v; want an error wrapping dateline.ErrEmpty", tt.phrase, e, err)
			}
		})
	}
}

// TestGazaSentence holds the sentence issue 11 was filed on: every noun
// phrase that names an actor gets its code, the named armed group is an
// organisation, the place stays a place, and the event joins them.
func TestGazaSentence(t *testing.T) {
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	doc := dateline.NewDocument(dateline.Article{ID: "gaza", Text: "Israeli forces attacked Hamas militants in Gaza on Monday, the army said."})
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{ // mention text → type, actor code
		"Israeli forces": {"ORG", "ISRMIL"},
		"Hamas":          {"ORG", "PSEREB"},
		"Gaza":           {"LOC", ""},
		"army":           {"ORG", "ISRMIL"},
	}
	for text, w := range want {
		var got *dateline.Entity
		for i := range doc.Entities {
			for _, m := range doc.Entities[i].Mentions {
				if strings.Contains(m.Text, text) {
					got = &doc.Entities[i]
				}
			}
		}
		if got == nil {
			t.Errorf("%q: no entity", text)
			continue
		}
		if got.Type != w[0] || got.Actor != w[1] {
			t.Errorf("%q = %s %q, want %s %q", text, got.Type, got.Actor, w[0], w[1])
		}
		if text == "Gaza" && got.Country != "PSE" {
			t.Errorf("Gaza is in %q, want PSE", got.Country)
		}
	}
	found := false
	for _, e := range doc.Events {
		if e.Source.Actor == "ISRMIL" && e.Target != nil && e.Target.Actor == "PSEREB" && (e.Root == "18" || e.Root == "19") {
			found = true
		}
	}
	if !found {
		t.Errorf("no ISRMIL → PSEREB force event among %+v", doc.Events)
	}
}

// TestEventSentences runs sentences of our own through the whole pipeline,
// one for each of the coder's mechanisms (pipeline/testdata/events.tsv), and
// holds that the event each names is coded.
func TestEventSentences(t *testing.T) {
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/events.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	day := time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		row := strings.Split(sc.Text(), "\t")
		if len(row) < 5 || strings.HasPrefix(row[0], "#") {
			continue
		}
		text, src, tgt, root, why := row[0], row[1], row[2], row[3], row[4]
		t.Run(why, func(t *testing.T) {
			doc := dateline.NewDocument(dateline.Article{ID: "s", Text: text, Date: day})
			if err := p.Run(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range doc.Events {
				et := "-"
				if e.Target != nil && len(e.Target.Actor) >= 3 {
					et = e.Target.Actor[:3]
				}
				es := "-"
				if len(e.Source.Actor) >= 3 {
					es = e.Source.Actor[:3]
				}
				if slices.Contains(strings.Split(root, "|"), e.Root) && es == src && (tgt == "-" || et == tgt) {
					return
				}
				got = append(got, es+" "+e.Code+" "+et)
			}
			t.Errorf("line %d: %q: no %s %s %s event among %v", line, text, src, root, tgt, got)
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
