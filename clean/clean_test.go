package clean

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/shared"
)

func cleanText(t testing.TB, raw string) *dateline.Document {
	t.Helper()
	doc := dateline.NewDocument(dateline.Article{Text: raw})
	if err := New().Annotate(context.Background(), doc); err != nil {
		t.Fatalf("Annotate: %v", err)
	}
	checkPieces(t, doc)
	return doc
}

// checkPieces verifies that every piece of Text was copied from Raw.
func checkPieces(t testing.TB, doc *dateline.Document) {
	t.Helper()
	for _, p := range doc.Pieces {
		if p.At < 0 || p.At+p.Len > len(doc.Text) || p.From < 0 || p.From+p.Len > len(doc.Raw) {
			t.Fatalf("piece %+v out of bounds", p)
		}
		if doc.Text[p.At:p.At+p.Len] != doc.Raw[p.From:p.From+p.Len] {
			t.Fatalf("piece %+v: text %q != raw %q", p, doc.Text[p.At:p.At+p.Len], doc.Raw[p.From:p.From+p.Len])
		}
	}
	for _, sp := range doc.Paragraphs {
		if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start >= sp.End {
			t.Fatalf("paragraph %v out of bounds", sp)
		}
	}
}

const webStory = `Home
Share

Senate passes budget after all-night session

Lawmakers approved the spending plan 51-49 early on Friday, ending a week of talks.
Photo: Jane Doe/AP

WASHINGTON (AP) — The U.S. Senate passed the budget early on Friday after an all-night session, sending the bill to the House.

Majority leaders said the vote showed the chamber could still work. "We got it done," one senator said.

What comes next

The House is expected to vote next week.

(Reporting by Jane Roe; Editing by John Poe)
`

func TestCleanWebStory(t *testing.T) {
	doc := cleanText(t, webStory)
	if doc.Title != "Senate passes budget after all-night session" {
		t.Errorf("title = %q", doc.Title)
	}
	if doc.Subtitle != "Lawmakers approved the spending plan 51-49 early on Friday, ending a week of talks." {
		t.Errorf("subtitle = %q", doc.Subtitle)
	}
	if doc.Dateline == nil || doc.Dateline.Place != "Washington" || doc.Dateline.Agency != "AP" {
		t.Fatalf("dateline = %+v", doc.Dateline)
	}
	if got := doc.Span(doc.Dateline.Span); got != "WASHINGTON (AP)" {
		t.Errorf("dateline span covers %q", got)
	}
	if len(doc.Headings) != 1 || doc.Headings[0].Text != "What comes next" || doc.Span(doc.Headings[0].Span) != "What comes next" {
		t.Errorf("headings = %+v", doc.Headings)
	}
	wantCredits := map[string]string{"Jane Doe": "photographer", "Jane Roe": "reporter", "John Poe": "editor"}
	if len(doc.Credits) != len(wantCredits) {
		t.Errorf("credits = %+v", doc.Credits)
	}
	for _, c := range doc.Credits {
		if wantCredits[c.Name] != c.Role {
			t.Errorf("credit %+v unexpected", c)
		}
	}
	for _, s := range []string{"Home", "Share", "Jane Doe", "Reporting by"} {
		if strings.Contains(doc.Text, s) {
			t.Errorf("text contains boilerplate %q", s)
		}
	}
	if got := len(doc.Boilerplate); got != 4 {
		t.Errorf("boilerplate = %+v, want 4 lines", doc.Boilerplate)
	}
}

const wrappedStory = `NEW YORK, March 2 - Shares of the company rose sharply on
Monday after it said it would sell its chemicals unit to a
group of investors for 1.2 billion dlrs.
    The company said the sale would be completed by the end of
the second quarter, subject to regulatory approval.
    Analysts said the price was higher than expected.
`

func TestCleanWrapped(t *testing.T) {
	doc := cleanText(t, wrappedStory)
	if doc.Dateline == nil || doc.Dateline.Place != "New York" || doc.Dateline.MonthDay != "03-02" {
		t.Fatalf("dateline = %+v", doc.Dateline)
	}
	if len(doc.Paragraphs) != 3 {
		t.Fatalf("paragraphs = %d, want 3: %q", len(doc.Paragraphs), doc.Text)
	}
	if got := doc.Span(doc.Paragraphs[1]); got != "The company said the sale would be completed by the end of the second quarter, subject to regulatory approval." {
		t.Errorf("paragraph 2 = %q", got)
	}
	if doc.Date == nil || doc.Date.Value != "XXXX-03-02" {
		t.Errorf("date = %+v", doc.Date)
	}
	if l := doc.Line(doc.Paragraphs[2].Start); l != 6 {
		t.Errorf("paragraph 3 starts on line %d, want 6", l)
	}
}

func TestCleanRefuses(t *testing.T) {
	for name, tt := range map[string]struct {
		raw  string
		want error
	}{
		"empty":  {"", dateline.ErrEmpty},
		"blank":  {" \n\n\t\n", dateline.ErrEmpty},
		"binary": {"PK\x03\x04\x00\x00binary", dateline.ErrBinary},
	} {
		doc := dateline.NewDocument(dateline.Article{Text: tt.raw})
		if err := New().Annotate(context.Background(), doc); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", name, err, tt.want)
		}
	}
}

func TestCleanRepairsUTF8(t *testing.T) {
	doc := cleanText(t, "LONDON, Jan 5 (Reuters) - Prices rose \xff\xfe sharply on Monday.")
	if len(doc.Problems) != 1 || !strings.Contains(doc.Text, "\uFFFD") {
		t.Errorf("problems = %+v, text = %q", doc.Problems, doc.Text)
	}
}

func TestCleanLongLine(t *testing.T) {
	raw := strings.Repeat("word ", 200000) // 1 MB without a full stop
	doc := cleanText(t, raw)
	if len(doc.Text) != len(strings.TrimSpace(raw)) {
		t.Errorf("text is %d bytes, want %d", len(doc.Text), len(strings.TrimSpace(raw)))
	}
}

func TestCleanSeed(t *testing.T) {
	raw, err := os.ReadFile(shared.Path(t, "gold/seed/article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := cleanText(t, string(raw))
	if !strings.HasPrefix(doc.Title, "Lavrov to meet with Venezuelan counterpart Sunday") {
		t.Errorf("title = %q", doc.Title)
	}
	if !strings.HasPrefix(doc.Subtitle, "The meeting will take place ahead of") {
		t.Errorf("subtitle = %q", doc.Subtitle)
	}
	if d := doc.Dateline; d == nil || d.Place != "Moscow" || d.MonthDay != "05-05" || d.Agency != "TASS" || doc.Line(d.Span.Start) != 10 {
		t.Errorf("dateline = %+v", d)
	}
	var lines []int
	for _, b := range doc.Boilerplate {
		lines = append(lines, b.Line)
	}
	if len(lines) != 4 || lines[0] != 1 || lines[1] != 6 || lines[2] != 7 || lines[3] != 8 {
		t.Errorf("boilerplate lines = %v, want [1 6 7 8]", lines)
	}
	if len(doc.Credits) != 1 || doc.Credits[0].Name != "Alexander Shcherbak" || doc.Credits[0].Role != "photographer" {
		t.Errorf("credits = %+v", doc.Credits)
	}
	if strings.Contains(doc.Text, "Shcherbak") || strings.Contains(doc.Text, "All news") {
		t.Error("boilerplate leaked into the text")
	}
	if len(doc.Headings) != 2 || doc.Line(doc.Headings[0].Span.Start) != 14 || doc.Line(doc.Headings[1].Span.Start) != 24 {
		t.Errorf("headings = %+v", doc.Headings)
	}
}

// TestCleanReuters reads 1,000 Reuters-21578 stories with their datelines put
// back in front, as on the wire, and requires the dateline place in 95%.
func TestCleanReuters(t *testing.T) {
	f, err := os.Open(shared.Path(t, "corpora/reuters21578/reuters21578.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 1<<20)
	n, found := 0, 0
	for n < 1000 && sc.Scan() {
		var s struct{ Dateline, Text string }
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		if s.Dateline == "" {
			continue
		}
		n++
		doc := cleanText(t, s.Dateline+" - "+s.Text)
		want, _, _ := strings.Cut(s.Dateline, ",")
		want = strings.Trim(want, "* ")
		if doc.Dateline != nil && strings.EqualFold(doc.Dateline.Place, want) {
			found++
		} else if testing.Verbose() {
			t.Logf("missed %q: %+v", s.Dateline, doc.Dateline)
		}
	}
	rate := float64(found) / float64(n)
	t.Logf("dateline place found in %d of %d stories (%.1f%%)", found, n, 100*rate)
	if rate < 0.95 {
		t.Errorf("dateline place found in %.1f%%, want >= 95%%", 100*rate)
	}
}

func FuzzClean(f *testing.F) {
	f.Add(webStory)
	f.Add(wrappedStory)
	f.Add("All news\n\nTitle\n\n© A B/TASS\n\nMOSCOW, May 5. /TASS/. Text.")
	f.Add("\xff\xfe\x00")
	f.Fuzz(func(t *testing.T, raw string) {
		doc := dateline.NewDocument(dateline.Article{Text: raw})
		if err := New().Annotate(context.Background(), doc); err != nil {
			return
		}
		checkPieces(t, doc)
		if d := doc.Dateline; d != nil && (d.Span.Start < 0 || d.Span.End > len(doc.Text) || doc.Span(d.Span) != d.Text) {
			t.Fatalf("dateline %+v does not match text %q", d, doc.Text)
		}
		for _, h := range doc.Headings {
			if doc.Span(h.Span) != h.Text {
				t.Fatalf("heading %+v does not match text", h)
			}
		}
	})
}

func TestCleanMetadataTitle(t *testing.T) {
	doc := dateline.NewDocument(dateline.Article{Title: "Senate passes budget", Text: "Lawmakers approved the spending plan early on Friday\n\nWASHINGTON (AP) — The Senate passed the budget early on Friday after an all-night session."})
	if err := New().Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Senate passes budget" || doc.Subtitle != "Lawmakers approved the spending plan early on Friday" {
		t.Errorf("title %q, subtitle %q", doc.Title, doc.Subtitle)
	}
	if !strings.HasPrefix(doc.Text, "Senate passes budget\n\nLawmakers approved") {
		t.Errorf("text = %q", doc.Text)
	}
	if len(doc.Boilerplate) != 0 {
		t.Errorf("boilerplate = %+v", doc.Boilerplate)
	}
}
