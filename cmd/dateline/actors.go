package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/pipeline"
)

// unknownName is a name found in the articles that the dictionary could
// not resolve, with how often it was seen and where first.
type unknownName struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Count   int    `json:"count"`
	File    string `json:"file"`
	Context string `json:"context"`
}

func runActors(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("actors", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline actors --unknown [--jsonl] [--dict FILE]... FILE...")
		fs.PrintDefaults()
	}
	unknown := fs.Bool("unknown", false, "list the people, organisations and places found but not resolved by the dictionary")
	jsonl := fs.Bool("jsonl", false, `input files are JSON Lines, one article a line {"id","text","title"?,"date"?}`)
	asJSON := fs.Bool("json", false, "print one JSON object a line instead of a table")
	var dicts fileList
	fs.Var(&dicts, "dict", "user dictionary `FILE` read after the shipped one (repeatable; docs/dictionaries.md)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if !*unknown {
		return fmt.Errorf("%w: actors needs --unknown", errUsage)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: actors --unknown needs at least one FILE", errUsage)
	}
	p, err := pipeline.New(pipeline.Config{Dicts: dicts})
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	seen := map[string]*unknownName{}
	collect := func(file string, doc *dateline.Document) {
		for _, en := range doc.Entities {
			unresolved := (en.Type == "PERSON" || en.Type == "ORG") && en.Actor == "" ||
				en.Type == "LOC" && en.Geo == nil && en.Country == ""
			if !unresolved {
				continue
			}
			n := 0
			for _, m := range en.Mentions {
				if len(m.Text) > 3 || m.Text == strings.ToUpper(m.Text) {
					n++
				}
			}
			if n == 0 {
				continue
			}
			k := en.Type + "\t" + en.Name
			u := seen[k]
			if u == nil {
				u = &unknownName{Name: en.Name, Type: en.Type, File: file, Context: contextLine(doc, en.Mentions[0].Span)}
				seen[k] = u
			}
			u.Count += n
		}
	}
	for _, file := range fs.Args() {
		if err := actorsFile(ctx, p, file, *jsonl, collect); err != nil {
			return fmt.Errorf("actors: %w", err)
		}
	}
	list := make([]*unknownName, 0, len(seen))
	for _, u := range seen {
		list = append(list, u)
	}
	slices.SortFunc(list, func(a, b *unknownName) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Type+a.Name, b.Type+b.Name)
	})
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for _, u := range list {
		if *asJSON {
			if err := enc.Encode(u); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(w, "%5d  %-6s  %-30s  %s: %s\n", u.Count, u.Type, u.Name, u.File, u.Context)
	}
	return nil
}

// actorsFile runs the pipeline on one file (one article, or JSON Lines).
func actorsFile(ctx context.Context, p dateline.Pipeline, file string, jsonl bool, collect func(string, *dateline.Document)) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	if !jsonl {
		b, err := io.ReadAll(io.LimitReader(f, 16<<20))
		if err != nil {
			return err
		}
		doc := dateline.NewDocument(dateline.Article{ID: file, Text: string(b), Source: file})
		if err := p.Run(ctx, doc); err != nil {
			return err
		}
		collect(file, doc)
		return nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		var a struct{ ID, Text, Title, Date, URL string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
		art := dateline.Article{ID: a.ID, Text: a.Text, Title: a.Title, URL: a.URL, Source: file}
		if t, err := time.Parse(time.DateOnly, a.Date); err == nil {
			art.Date = t
		}
		doc := dateline.NewDocument(art)
		if err := p.Run(ctx, doc); err != nil {
			return err
		}
		collect(fmt.Sprintf("%s:%d", file, line), doc)
	}
	return sc.Err()
}

// contextLine returns the sentence around sp, on one line, at most 160
// bytes.
func contextLine(doc *dateline.Document, sp dateline.Span) string {
	s := doc.Span(sp)
	if i := doc.SentenceAt(sp.Start); i >= 0 {
		s = doc.Span(doc.Sentences[i].Span)
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		cut := 157
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}
