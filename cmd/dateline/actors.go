package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
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
		fmt.Fprintln(e.stderr, "       dateline actors --resolve [-o tsv|json] [--date YYYY-MM-DD] [--dict FILE]... [FILE|-]")
		fs.PrintDefaults()
	}
	resolve := fs.Bool("resolve", false, "read one actor phrase a line (FILE or standard input) and print its code, type and the rule that gave it")
	out := fs.String("o", "tsv", "with --resolve: output `FORMAT`, tsv or json")
	date := fs.String("date", "", "with --resolve: resolve dated offices on `YYYY-MM-DD`")
	unknown := fs.Bool("unknown", false, "list the people, organisations and places found but not resolved by the dictionary")
	jsonl := fs.Bool("jsonl", false, `input files are JSON Lines, one article a line {"id","text","title"?,"date"?}`)
	asJSON := fs.Bool("json", false, "print one JSON object a line instead of a table")
	var dicts fileList
	fs.Var(&dicts, "dict", "user dictionary `FILE` read after the shipped one (repeatable; docs/dictionaries.md)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *resolve {
		return resolvePhrases(ctx, e, fs, dicts, *out, *date)
	}
	if !*unknown {
		return fmt.Errorf("%w: actors needs --unknown or --resolve", errUsage)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: actors --unknown needs at least one FILE", errUsage)
	}
	p, err := newPipeline(pipeline.Config{Dicts: dicts})
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

// resolvedPhrase is one line of "actors --resolve".
type resolvedPhrase struct {
	Phrase string `json:"phrase"`
	Actor  string `json:"actor"`
	Type   string `json:"type"`
	Name   string `json:"name"`
	Rule   string `json:"rule"`
}

// resolvePhrases prints, for each actor phrase of the input, the entity it
// resolves to: code, type, canonical name and the rule that chose the code.
func resolvePhrases(ctx context.Context, e env, fs *flag.FlagSet, dicts []string, out, date string) error {
	if out != "tsv" && out != "json" {
		return fmt.Errorf("%w: -o %q: want tsv or json", errUsage, out)
	}
	var day time.Time
	if date != "" {
		var err error
		if day, err = time.Parse(time.DateOnly, date); err != nil {
			return fmt.Errorf("%w: --date %q: want YYYY-MM-DD", errUsage, date)
		}
	}
	r, name, done, err := openInput(e, fs)
	if err != nil {
		return err
	}
	defer done()
	p, err := newPipeline(pipeline.Config{Dicts: dicts})
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	enc := json.NewEncoder(e.stdout)
	if out == "tsv" {
		fmt.Fprintln(e.stdout, "phrase\tactor\ttype\tname\trule")
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		phrase := strings.TrimSpace(sc.Text())
		if phrase == "" || strings.HasPrefix(phrase, "#") {
			continue
		}
		rp := resolvedPhrase{Phrase: phrase}
		en, err := pipeline.Phrase(ctx, p, phrase, day)
		switch {
		case err == nil:
			rp.Actor, rp.Type, rp.Name, rp.Rule = en.Actor, en.Type, en.Name, en.Basis
		case errors.Is(err, dateline.ErrNotFound):
			rp.Rule = "no entity"
		default:
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if out == "json" {
			if err := enc.Encode(rp); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\t%s\n", rp.Phrase, orDash(rp.Actor), orDash(rp.Type), orDash(rp.Name), orDash(rp.Rule))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}
