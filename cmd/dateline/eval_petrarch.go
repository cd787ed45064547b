package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/cameo"
	"github.com/dateline-news/dateline/clean"
	"github.com/dateline-news/dateline/coder"
	"github.com/dateline-news/dateline/data"
	"github.com/dateline-news/dateline/pipeline"
	"github.com/dateline-news/dateline/segment"
)

// petrRecord is one <Sentence> of the PETRARCH2 unit-test records.
type petrRecord struct {
	ID       string `xml:"id,attr"`
	Date     string `xml:"date,attr"`
	Category string `xml:"category,attr"`
	Codings  []struct {
		Source   string `xml:"sourcecode,attr"`
		Target   string `xml:"targetcode,attr"`
		Event    string `xml:"eventcode,attr"`
		NoEvents string `xml:"noevents,attr"`
		Error    string `xml:"error,attr"`
	} `xml:"EventCoding"`
	Text string `xml:"Text"`
}

// readPetrarchRecords reads the <Sentence> records of a validation file.
func readPetrarchRecords(r io.Reader) ([]petrRecord, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var out []petrRecord
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("read records: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Sentence" {
			var rec petrRecord
			if err := dec.DecodeElement(&rec, &se); err != nil {
				return out, fmt.Errorf("read record %d: %w", len(out)+1, err)
			}
			rec.Text = strings.Join(strings.Fields(rec.Text), " ")
			out = append(out, rec)
		}
	}
}

// evalPetrarch runs the PETRARCH2 validation suite: each record's sentence
// goes through our own segmenter, tagger and parser, the suite's actor and
// agent dictionaries name the actors, its verb dictionary (converted) is
// loaded as a user pattern file, and the record passes when the coded
// (source, target, code) triples equal the expected ones.
func evalPetrarch(ctx context.Context, e env, f evalFlags) error {
	in, err := os.ReadFile(f.petrarch)
	if err != nil {
		return fmt.Errorf("eval --petrarch: %w", err)
	}
	recs, err := readPetrarchRecords(bytes.NewReader(in))
	if err != nil {
		return fmt.Errorf("eval --petrarch %s: %w", f.petrarch, err)
	}
	dir := filepath.Dir(f.petrarch)
	actors := cameo.NewActors()
	for _, x := range []struct {
		name  string
		agent bool
	}{{"PETR.Validate.actors.txt", false}, {"PETR.Validate.agents.txt", true}} {
		b, err := os.ReadFile(filepath.Join(dir, x.name))
		if err != nil {
			return fmt.Errorf("eval --petrarch: %w", err)
		}
		if x.agent {
			err = actors.ParseAgents(x.name, bytes.NewReader(b))
		} else {
			err = actors.ParseActors(x.name, bytes.NewReader(b))
		}
		if err != nil {
			return fmt.Errorf("eval --petrarch: %w", err)
		}
	}
	cd, err := petrarchCoder(filepath.Join(dir, "PETR.Validate.verbs.txt"))
	if err != nil {
		return err
	}
	syn, err := pipeline.Syntax(pipeline.Config{})
	if err != nil {
		return err
	}
	p := dateline.Pipeline{clean.New(), segment.New()}
	p = append(p, syn...)
	p = append(p, dateline.AnnotatorFunc(func(ctx context.Context, doc *dateline.Document) error {
		tabariActors(doc, actors)
		return nil
	}), cd)

	type result struct {
		ID       string   `json:"id"`
		Category string   `json:"category"`
		Want     []string `json:"want"`
		Got      []string `json:"got"`
		Pass     bool     `json:"pass"`
	}
	var results []result
	passed := 0
	byCat := map[string][2]int{}
	for _, rec := range recs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if rec.Text == "" {
			continue
		}
		want := map[string]bool{}
		for _, c := range rec.Codings {
			if c.Event != "" {
				want[triple(c.Source, c.Target, c.Event)] = true
			}
		}
		a := dateline.Article{ID: rec.ID, Text: rec.Text}
		if t, err := time.Parse("20060102", strings.TrimSpace(rec.Date)); err == nil {
			a.Date = t
		}
		doc := dateline.NewDocument(a)
		got := map[string]bool{}
		if err := p.Run(ctx, doc); err == nil {
			for _, ev := range doc.Events {
				if ev.Negated {
					continue
				}
				tgt := "---"
				if ev.Target != nil {
					tgt = ev.Target.Actor
				}
				src := ev.Source.Actor
				if src == "" {
					src = "---"
				}
				// a TABARI phrase may stand for several actors: "FRO/BIL/SAM"
				for _, s := range strings.Split(src, "/") {
					for _, t := range strings.Split(tgt, "/") {
						got[triple(s, t, ev.Code)] = true
					}
				}
			}
		}
		if id := os.Getenv("DATELINE_PETRARCH_EXPLAIN"); id != "" && id == rec.ID {
			explainDoc(e.stdout, doc, cd)
		}
		r := result{ID: rec.ID, Category: rec.Category, Want: keys(want), Got: keys(got)}
		r.Pass = strings.Join(r.Want, ",") == strings.Join(r.Got, ",")
		c := byCat[rec.Category]
		c[1]++
		if r.Pass {
			passed++
			c[0]++
		}
		byCat[rec.Category] = c
		results = append(results, r)
	}
	rate := 0.0
	if len(results) > 0 {
		rate = float64(passed) / float64(len(results))
	}
	if f.json {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Records  int      `json:"records"`
			Passed   int      `json:"passed"`
			PassRate float64  `json:"pass_rate"`
			Results  []result `json:"results"`
		}{len(results), passed, rate, results})
	}
	for _, r := range results {
		if !r.Pass {
			fmt.Fprintf(e.stdout, "FAIL %-22s %-9s want %v got %v\n", r.ID, r.Category, r.Want, r.Got)
		}
	}
	cats := make([]string, 0, len(byCat))
	for c := range byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		fmt.Fprintf(e.stdout, "%-10s %3d/%3d\n", c, byCat[c][0], byCat[c][1])
	}
	fmt.Fprintf(e.stdout, "records %d\npassed %d\npass_rate %.3f\n", len(results), passed, rate)
	return nil
}

func triple(src, tgt, code string) string { return src + " " + code + " " + tgt }

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// petrarchCoder builds a coder from Dateline's control.patterns and the
// suite's verb dictionary, converted and loaded like a user's file. The
// suite's codes are not all CAMEO codes, so they are not checked.
func petrarchCoder(verbs string) (*coder.Coder, error) {
	sub, err := fs.Sub(data.Cameo, "cameo")
	if err != nil {
		return nil, err
	}
	onto, err := cameo.LoadOntology(sub)
	if err != nil {
		return nil, err
	}
	d := cameo.NewDictionary()
	ctl, err := fs.ReadFile(sub, "control.patterns")
	if err != nil {
		return nil, err
	}
	if err := d.Parse("control.patterns", bytes.NewReader(ctl)); err != nil {
		return nil, err
	}
	in, err := os.Open(verbs)
	if err != nil {
		return nil, fmt.Errorf("eval --petrarch: %w", err)
	}
	defer in.Close()
	var conv bytes.Buffer
	if _, err := cameo.ConvertPetrarch(in, &conv, filepath.Base(verbs), nil); err != nil {
		return nil, err
	}
	if err := d.Parse(filepath.Base(verbs), &conv); err != nil {
		return nil, err
	}
	if err := d.Check(nil); err != nil {
		return nil, err
	}
	c := coder.NewWith(onto, d)
	c.MutualBoth = true   // the suite expects PETRARCH's both directions
	c.SkipBareRoots = nil // and its codes are not CAMEO's: "012 leave"
	c.BroadTargets = true // and takes the first actor after the verb
	return c, nil
}

// tabariActors names the actors of doc with a TABARI dictionary: the
// longest phrase at each token; the matches inside one noun phrase (its
// compound, adjectival, flat and of-modifiers) combine into one code, the
// country's code with the agents' codes after (or, for "NGO~", before) it.
func tabariActors(doc *dateline.Document, a *cameo.Actors) {
	date := ""
	if !doc.Published.IsZero() {
		date = doc.Published.Format("20060102")
	}
	words := make([]string, len(doc.Tokens))
	for i, t := range doc.Tokens {
		words[i] = strings.ToLower(t.Text)
	}
	type group struct {
		start, end         int
		country, pre, post string
	}
	groups := map[int]*group{}
	var order []int
	for _, s := range doc.Sentences {
		for i := s.Tokens.Start; i < s.Tokens.End && i < len(words); {
			e, n := a.Match(words[:s.Tokens.End], i)
			if e == nil {
				i++
				continue
			}
			if pos := doc.Tokens[i+n-1].POS; e.Agent && pos != "" && pos != "NOUN" && pos != "PROPN" {
				i++ // an agent is a noun: "diplomat", not "diplomatic"
				continue
			}
			code := e.CodeOn(date)
			if code == "" || code == "---" || code == "+++" {
				i += n
				continue
			}
			// the noun phrase head the match belongs to
			h := i + n - 1
			for k := i; k < i+n; k++ {
				if hd := doc.Tokens[k].Head; hd < i || hd >= i+n {
					h = k
				}
			}
			for steps := 0; steps < 6; steps++ {
				t := doc.Tokens[h]
				if t.Head < s.Tokens.Start || t.Head >= s.Tokens.End {
					break
				}
				rel := t.Rel
				if rel == "compound" || rel == "amod" || rel == "flat" || rel == "flat:name" || rel == "nmod:poss" || rel == "nmod:desc" ||
					(rel == "nmod" && (hasCase(doc, h, "of") || hasCase(doc, h, "in") || hasCase(doc, h, "from"))) {
					h = t.Head
					continue
				}
				break
			}
			g := groups[h]
			if g == nil {
				g = &group{start: i, end: i + n}
				groups[h] = g
				order = append(order, h)
			}
			g.start, g.end = min(g.start, i, h), max(g.end, i+n, h+1)
			switch {
			case !e.Agent && g.country == "":
				g.country = code
			case e.Agent && e.Prefix:
				g.pre += code
			case e.Agent && !strings.HasSuffix(g.country+g.post, code):
				g.post += code
			}
			i += n
		}
	}
	for k, h := range order {
		g := groups[h]
		country := g.country
		if country == "" {
			country = "---"
		}
		code := g.pre + country + g.post
		if g.pre != "" {
			code = g.pre + g.country + g.post
		}
		sp := dateline.Span{Start: doc.Tokens[g.start].Span.Start, End: doc.Tokens[g.end-1].Span.End}
		doc.Entities = append(doc.Entities, dateline.Entity{ID: fmt.Sprintf("a%d", k+1), Name: doc.Span(sp), Type: "ORG", Actor: code,
			Mentions: []dateline.EntityMention{{Span: sp, Text: doc.Span(sp)}}})
	}
}

func hasCase(doc *dateline.Document, i int, w string) bool {
	for k := range doc.Tokens {
		if doc.Tokens[k].Head == i && doc.Tokens[k].Rel == "case" && strings.EqualFold(doc.Tokens[k].Text, w) {
			return true
		}
	}
	return false
}
