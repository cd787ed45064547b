package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/mention"
	"github.com/dateline-news/dateline/segment"
)

// re3dTypes maps re3d entity types to the recogniser's.
var re3dTypes = map[string]string{"Person": "PER", "Organisation": "ORG", "Location": "LOC"}

// re3dPermissive are the re3d folders under public-domain or attribution
// licences (the Wikipedia folder is share-alike and is left out).
var re3dPermissive = []string{"US_State_Department", "CENTCOM", "UK_Government",
	"Australian_Department_of_Foreign_Affairs", "Delegation_of_the_European_Union_to_Syria"}

// readRe3d reads an re3d folder (its permissive source folders) into
// sentences with gold tags: the text segmented by the segmenter, entities
// of confidence >= 0.5 of types Person, Organisation and Location on the
// tokens they cover (a longer entity wins over one it overlaps).
func readRe3d(ctx context.Context, dir string) (words, gold [][]string, err error) {
	for _, src := range re3dPermissive {
		docs, err := readJSONLines(filepath.Join(dir, src, "documents.json"))
		if err != nil {
			return nil, nil, err
		}
		ents, err := readJSONLines(filepath.Join(dir, src, "entities.json"))
		if err != nil {
			return nil, nil, err
		}
		byDoc := map[string][]map[string]any{}
		for _, e := range ents {
			id, _ := e["documentId"].(string)
			byDoc[id] = append(byDoc[id], e)
		}
		for _, d := range docs {
			id, _ := d["_id"].(string)
			text, _ := d["text"].(string)
			w, g := re3dDoc(ctx, text, byDoc[id])
			words = append(words, w...)
			gold = append(gold, g...)
		}
	}
	return words, gold, nil
}

func re3dDoc(ctx context.Context, text string, ents []map[string]any) (words, gold [][]string) {
	doc := dateline.NewDocument(dateline.Article{})
	doc.Text = text
	if err := segment.New().Annotate(ctx, doc); err != nil {
		return nil, nil
	}
	// re3d offsets count characters; map them to bytes
	runeByte := make([]int, 0, len(text)+1)
	for i := range text {
		runeByte = append(runeByte, i)
	}
	runeByte = append(runeByte, len(text))
	type span struct {
		a, z int
		typ  string
	}
	var spans []span
	for _, e := range ents {
		conf, _ := e["confidence"].(float64)
		typ := re3dTypes[fmt.Sprint(e["type"])]
		b, _ := e["begin"].(float64)
		z, _ := e["end"].(float64)
		if conf < 0.5 || typ == "" || int(b) < 0 || int(z) >= len(runeByte) || b >= z {
			continue
		}
		spans = append(spans, span{runeByte[int(b)], runeByte[int(z)], typ})
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].z-spans[i].a > spans[j].z-spans[j].a })
	tags := make([]string, len(doc.Tokens))
	for i := range tags {
		tags[i] = "O"
	}
	for _, s := range spans {
		var toks []int
		for i, t := range doc.Tokens {
			if t.Span.Start >= s.a && t.Span.End <= s.z {
				toks = append(toks, i)
			}
		}
		free := len(toks) > 0
		for _, i := range toks {
			free = free && tags[i] == "O"
		}
		if !free {
			continue
		}
		for k, i := range toks {
			tags[i] = "I-" + s.typ
			if k == 0 {
				tags[i] = "B-" + s.typ
			}
		}
	}
	for _, s := range doc.Sentences {
		var w, g []string
		for i := s.Tokens.Start; i < s.Tokens.End; i++ {
			w = append(w, doc.Tokens[i].Text)
			g = append(g, tags[i])
		}
		if len(g) > 0 && g[0][0] == 'I' {
			g[0] = "B" + g[0][1:]
		}
		words = append(words, w)
		gold = append(gold, g)
	}
	return words, gold
}

func readJSONLines(path string) ([]map[string]any, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []map[string]any
	dec := json.NewDecoder(bufio.NewReader(f))
	for {
		var m map[string]any
		if err := dec.Decode(&m); err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, m)
	}
}

// evalNERre3d scores the recogniser on the permissive re3d folders.
func evalNERre3d(ctx context.Context, e env, f evalFlags, rec *mention.Recogniser) (map[string]*mention.Counts, int, error) {
	words, gold, err := readRe3d(ctx, f.ner)
	if err != nil {
		return nil, 0, err
	}
	pred := make([][]string, len(words))
	for i, w := range words {
		pred[i] = rec.TagWords(w, nil)
	}
	return mention.Score(gold, pred), len(words), nil
}
