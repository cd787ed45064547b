package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"text/tabwriter"

	"github.com/dateline-news/dateline"
)

// printer writes documents as indented JSON, JSON Lines or a table.
type printer struct {
	w       *bufio.Writer
	format  string
	syntax  bool    // print the tokens layer
	minConf float64 // print only events coded with at least this confidence
}

// pairs matches a two-number array spread over lines by the indenter.
var pairs = regexp.MustCompile(`\[\s+(-?\d+),\s+(-?\d+)\s+\]`)

func (p *printer) print(doc *dateline.Document) error {
	if p.minConf > 0 {
		saved := doc.Events
		var keep []dateline.Event
		for _, e := range doc.Events {
			if e.Confidence >= p.minConf {
				keep = append(keep, e)
			}
		}
		doc.Events = keep
		defer func() { doc.Events = saved }()
	}
	if !p.syntax {
		saved := doc.Tokens
		doc.Tokens = nil
		defer func() { doc.Tokens = saved }()
	}
	switch p.format {
	case "table":
		printTable(p.w, doc)
	case "jsonl":
		b, err := json.Marshal(doc)
		if err != nil {
			return fmt.Errorf("encode %s: %w", doc.ID, err)
		}
		p.w.Write(b)
		p.w.WriteByte('\n')
	default:
		b, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			return fmt.Errorf("encode %s: %w", doc.ID, err)
		}
		p.w.Write(pairs.ReplaceAll(b, []byte("[$1, $2]")))
		p.w.WriteByte('\n')
	}
	return p.w.Flush()
}

// printTable writes a summary of doc for people to read.
func printTable(w *bufio.Writer, doc *dateline.Document) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	row := func(cols ...string) { fmt.Fprintln(tw, strings.Join(cols, "\t")) }
	fmt.Fprintf(w, "== %s\n", orDash(doc.ID))
	row("title", orDash(doc.Title))
	if doc.Subtitle != "" {
		row("subtitle", doc.Subtitle)
	}
	if d := doc.Dateline; d != nil {
		row("dateline", fmt.Sprintf("%s  place=%s country=%s date=%s agency=%s", d.Text, d.Place, orDash(d.Country), orDash(d.MonthDay), orDash(d.Agency)))
	}
	if doc.Date != nil {
		row("date", doc.Date.Value+"  ("+doc.Date.Basis+")")
	}
	row("size", fmt.Sprintf("%d bytes, %d paragraphs, %d sentences, %d headings", len(doc.Text), len(doc.Paragraphs), len(doc.Sentences), len(doc.Headings)))
	for _, b := range doc.Boilerplate {
		row("boilerplate", fmt.Sprintf("line %d %s: %s", b.Line, b.Kind, b.Text))
	}
	for _, c := range doc.Credits {
		row("credit", fmt.Sprintf("%s (%s %s)", c.Name, c.Role, c.Agency))
	}
	tw.Flush()
	section := func(title string, n int) bool {
		if n == 0 {
			return false
		}
		fmt.Fprintf(w, "\n%s (%d)\n", title, n)
		return true
	}
	if section("entities", len(doc.Entities)) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, en := range doc.Entities {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d mentions\n", en.ID, en.Type, orDash(en.Actor), en.Name, len(en.Mentions))
		}
		tw.Flush()
	}
	if section("time expressions", len(doc.Timexes)) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, t := range doc.Timexes {
			fmt.Fprintf(tw, "  %q\t%s\t%s\n", t.Text, t.Type, t.Value)
		}
		tw.Flush()
	}
	if section("quotes", len(doc.Quotes)) {
		for _, q := range doc.Quotes {
			fmt.Fprintf(w, "  %s (%s): %s\n", orDash(q.SpeakerName), q.Kind, clip(q.Text, 100))
		}
	}
	if section("events", len(doc.Events)) {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, ev := range doc.Events {
			target := "-"
			if ev.Target != nil {
				target = ev.Target.Actor
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%q\n", ev.Code, ev.Source.Actor, target, orDash(ev.Date.Value), ev.Mood, ev.Plover.Type, doc.Span(ev.Trigger))
		}
		tw.Flush()
	}
	if section("problems", len(doc.Problems)) {
		for _, pr := range doc.Problems {
			fmt.Fprintf(w, "  %s %v: %s\n", pr.Stage, pr.Span, pr.Message)
		}
	}
	w.WriteByte('\n')
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
