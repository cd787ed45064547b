package actor_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/pipeline"
)

type goldEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Actor   string   `json:"actor"`
	Surface []string `json:"surface"`
}

var pronouns = map[string]bool{"he": true, "him": true, "his": true, "she": true, "her": true}

// TestSeedEntities runs the whole pipeline on the founding article and
// scores its entities as ../shared/gold/FORMAT.md says: found when an
// entity's name or one of its mentions equals the gold name or a surface
// form (case-insensitive) with the same type; actor scored on its country.
func TestSeedEntities(t *testing.T) {
	dir := shared.Path(t, "gold/seed")
	raw, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Entities []goldEntity `json:"entities"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	doc := dateline.NewDocument(dateline.Article{Text: string(raw)})
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	found, coded, right := 0, 0, 0
	for _, g := range gold.Entities {
		forms := map[string]bool{strings.ToLower(g.Name): true}
		for _, s := range g.Surface {
			forms[strings.ToLower(s)] = true
		}
		// the best match: by name, else by a mention that is a name, else
		// by a pronoun (gold surfaces list "he" for more than one person)
		var hit *dateline.Entity
		best := 0
		for i := range doc.Entities {
			e := &doc.Entities[i]
			if e.Type != g.Type {
				continue
			}
			rank := 0
			if forms[strings.ToLower(e.Name)] {
				rank = 3
			}
			for _, m := range e.Mentions {
				if forms[strings.ToLower(m.Text)] {
					r := 2
					if pronouns[strings.ToLower(m.Text)] {
						r = 1
					}
					rank = max(rank, r)
				}
			}
			if rank > best {
				hit, best = e, rank
			}
		}
		if hit == nil {
			t.Logf("missed %s %s", g.Type, g.Name)
			continue
		}
		found++
		if g.Actor != "" {
			coded++
			if len(hit.Actor) >= 3 && hit.Actor[:3] == g.Actor[:3] {
				right++
			} else {
				t.Logf("%s: actor %q, want %q", g.Name, hit.Actor, g.Actor)
			}
		}
	}
	t.Logf("seed entities: found %d of %d with the right type; actor country right for %d of %d", found, len(gold.Entities), right, coded)
	if found < 38 {
		t.Errorf("found %d of %d gold entities, want >= 38", found, len(gold.Entities))
	}
	if right*10 < coded*9 {
		t.Errorf("actor country right for %d of %d, want >= 90%%", right, coded)
	}
	for _, e := range doc.Entities {
		if strings.Contains(e.Name, "Shcherbak") {
			t.Errorf("the photographer is an entity: %+v", e)
		}
		for _, m := range e.Mentions {
			if strings.Contains(m.Text, "Shcherbak") {
				t.Errorf("the photographer is a mention of %s", e.Name)
			}
		}
	}
}
