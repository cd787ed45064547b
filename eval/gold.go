// Package eval scores Dateline's output against gold annotations: the
// project's gold articles (../shared/gold/FORMAT.md), treebanks, entity and
// time-expression sets.
package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dateline-news/dateline"
)

// goldFile is gold.json as ../shared/gold/FORMAT.md describes it.
type goldFile struct {
	ID       string `json:"id"`
	TextFile string `json:"text_file"`
	Document struct {
		Title           string        `json:"title"`
		Subtitle        string        `json:"subtitle"`
		Dateline        *goldDateline `json:"dateline"` // nil: the article has none
		Date            string        `json:"date"`
		DateBasis       string        `json:"date_basis"`
		BoilerplateLine []int         `json:"boilerplate_lines"`
		Credits         []struct {
			Name string `json:"name"`
			Role string `json:"role"`
			Line int    `json:"line"`
		} `json:"credits"`
		Headings []struct {
			Line int    `json:"line"`
			Text string `json:"text"`
		} `json:"section_headings"`
	} `json:"document"`
	Entities []struct {
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Actor   string   `json:"actor"`
		Country string   `json:"country"`
		Role    string   `json:"role"`
		Surface []string `json:"surface"`
	} `json:"entities"`
	Timexes []struct {
		Line     int    `json:"line"`
		Text     string `json:"text"`
		Value    string `json:"value"`
		Type     string `json:"type"`
		Optional bool   `json:"optional"`
	} `json:"timexes"`
	Quotes []struct {
		Line    int    `json:"line"`
		Kind    string `json:"kind"`
		Starts  string `json:"starts"`
		Ends    string `json:"ends"`
		Speaker string `json:"speaker"`
	} `json:"quotes"`
	Events         []goldEvent `json:"events"`
	OptionalEvents []goldEvent `json:"optional_events"`
}

// goldDateline is the gold dateline; a Wikinews dateline has a date and no
// place or agency.
type goldDateline struct {
	Place    string `json:"place"`
	Country  string `json:"country"`
	MonthDay string `json:"month_day"`
	Agency   string `json:"agency"`
	Line     int    `json:"line"`
}

type goldEvent struct {
	ID             string   `json:"id"`
	Line           int      `json:"line"`
	Source         string   `json:"source"`
	Target         string   `json:"target"`
	Roots          []string `json:"roots"`
	Codes          []string `json:"codes"`
	Date           string   `json:"date"`
	DateOptional   bool     `json:"date_optional"`
	TargetOptional bool     `json:"target_optional"`
	TargetAlso     []string `json:"target_also"`
	Symmetric      bool     `json:"symmetric"`
	Mood           string   `json:"mood"`
	Evidence       string   `json:"evidence"`
}

// GoldReport holds the scores of every gold article under a folder, per
// part, and their sums: over all articles, over the founding article (the
// folder named "seed") and over the others, the real-news development set.
type GoldReport struct {
	Articles []ArticleScore `json:"articles"`
	Total    PartScores     `json:"total"`
	Seed     PartScores     `json:"seed"`
	Others   PartScores     `json:"others"`
	// NOthers is the number of articles summed in Others.
	NOthers int `json:"n_others"`
}

// SeedDir is the name of the founding article's gold folder.
const SeedDir = "seed"

// ArticleScore is the score of one gold article.
type ArticleScore struct {
	ID     string     `json:"id"`
	Dir    string     `json:"dir"`
	Scores PartScores `json:"scores"`
	// Misses lists, in words, what the engine got wrong or did not find.
	Misses []string `json:"misses"`
}

// PartScores are the figures of each part of the gold format.
type PartScores struct {
	Document Count `json:"document"` // checks passed of the document fields
	// Entities: Found gold entities with the right type; Country and Sector
	// count the found entities whose actor code (or place country) agrees.
	Entities        Count `json:"entities"`
	EntityCountry   Count `json:"entity_country"`
	EntitySector    Count `json:"entity_sector"`
	CreditsAsActors int   `json:"credits_as_entities"`
	// Timexes: Span is recall of required expressions on the right line;
	// Value counts those with the exact value; Precision is over output.
	TimexSpan      Count `json:"timex_span"`
	TimexValue     Count `json:"timex_value"`
	TimexPrecision Count `json:"timex_precision"`
	// Quotes: found, with the right speaker, and precision over output.
	Quotes         Count `json:"quotes"`
	QuoteSpeaker   Count `json:"quote_speaker"`
	QuotePrecision Count `json:"quote_precision"`
	// Events: recall and precision as FORMAT.md defines them, with exact
	// code and sector agreement on matched events.
	EventRecall    Count `json:"event_recall"`
	EventPrecision Count `json:"event_precision"`
	EventCode      Count `json:"event_code"`
	EventSector    Count `json:"event_sector"`
}

// Count is a number of hits out of a total.
type Count struct {
	Hit   int `json:"hit"`
	Total int `json:"total"`
}

// Rate reports Hit/Total, or 0 for an empty count.
func (c Count) Rate() float64 {
	if c.Total == 0 {
		return 0
	}
	return float64(c.Hit) / float64(c.Total)
}

func (c *Count) add(o Count) { c.Hit += o.Hit; c.Total += o.Total }

func (c *Count) check(ok bool) {
	c.Total++
	if ok {
		c.Hit++
	}
}

// MarshalJSON writes the count with its rate.
func (c Count) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, `{"hit":%d,"total":%d,"rate":%.4f}`, c.Hit, c.Total, c.Rate()), nil
}

func (p *PartScores) add(o PartScores) {
	p.Document.add(o.Document)
	p.Entities.add(o.Entities)
	p.EntityCountry.add(o.EntityCountry)
	p.EntitySector.add(o.EntitySector)
	p.CreditsAsActors += o.CreditsAsActors
	p.TimexSpan.add(o.TimexSpan)
	p.TimexValue.add(o.TimexValue)
	p.TimexPrecision.add(o.TimexPrecision)
	p.Quotes.add(o.Quotes)
	p.QuoteSpeaker.add(o.QuoteSpeaker)
	p.QuotePrecision.add(o.QuotePrecision)
	p.EventRecall.add(o.EventRecall)
	p.EventPrecision.add(o.EventPrecision)
	p.EventCode.add(o.EventCode)
	p.EventSector.add(o.EventSector)
}

// Gold runs p over every article under dir that has a gold.json beside it
// and scores the output as ../shared/gold/FORMAT.md says.
func Gold(ctx context.Context, dir string, p dateline.Pipeline) (*GoldReport, error) {
	var dirs []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == "gold.json" {
			dirs = append(dirs, filepath.Dir(path))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("eval gold %s: %w", dir, err)
	}
	if len(dirs) == 0 {
		return nil, fmt.Errorf("eval gold %s: no gold.json found: %w", dir, dateline.ErrNotFound)
	}
	slices.Sort(dirs)
	rep := &GoldReport{}
	for _, d := range dirs {
		s, err := goldArticle(ctx, d, p)
		if err != nil {
			return nil, err
		}
		rep.Articles = append(rep.Articles, *s)
		rep.Total.add(s.Scores)
		if filepath.Base(d) == SeedDir {
			rep.Seed.add(s.Scores)
		} else {
			rep.Others.add(s.Scores)
			rep.NOthers++
		}
	}
	return rep, nil
}

func goldArticle(ctx context.Context, dir string, p dateline.Pipeline) (*ArticleScore, error) {
	b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return nil, fmt.Errorf("eval gold: %w", err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("eval gold %s: %w", dir, err)
	}
	if g.TextFile == "" {
		g.TextFile = "article.txt"
	}
	raw, err := os.ReadFile(filepath.Join(dir, g.TextFile))
	if err != nil {
		return nil, fmt.Errorf("eval gold: %w", err)
	}
	a := dateline.Article{ID: g.ID, Text: string(raw), Source: filepath.Join(dir, g.TextFile)}
	if d, ok := g.feedDate(); ok {
		a.Date = d
	}
	doc := dateline.NewDocument(a)
	if err := p.Run(ctx, doc); err != nil {
		return nil, fmt.Errorf("eval gold %s: %w", dir, err)
	}
	return ScoreGold(&g, doc, dir), nil
}

// feedDate is the date a feed would hand the engine with the article: the
// gold document date, for every article that is not a wire story with an
// agency dateline (those carry their day in the text and leave the year to
// be inferred, as the founding article does). ../shared/gold/README.md says
// why: Wikinews articles come from a feed that gives their date.
func (g *goldFile) feedDate() (time.Time, bool) {
	if dl := g.Document.Dateline; dl != nil && dl.Agency != "" {
		return time.Time{}, false
	}
	d, err := time.Parse(time.DateOnly, g.Document.Date)
	return d, err == nil
}

// ScoreGold scores one document against its gold.
func ScoreGold(g *goldFile, doc *dateline.Document, dir string) *ArticleScore {
	s := &ArticleScore{ID: g.ID, Dir: dir}
	scoreDocument(g, doc, s)
	scoreEntities(g, doc, s)
	scoreTimexes(g, doc, s)
	scoreQuotes(g, doc, s)
	scoreEvents(g, doc, s)
	return s
}

func (s *ArticleScore) missf(format string, args ...any) {
	s.Misses = append(s.Misses, fmt.Sprintf(format, args...))
}

// check counts one document field and notes it when it is wrong.
func (s *ArticleScore) check(field, got, want string) {
	ok := strings.EqualFold(strings.TrimSpace(got), strings.TrimSpace(want))
	s.Scores.Document.check(ok)
	if !ok {
		s.missf("document %s: got %q, want %q", field, got, want)
	}
}

func scoreDocument(g *goldFile, doc *dateline.Document, s *ArticleScore) {
	gd := g.Document
	s.check("title", doc.Title, gd.Title)
	if gd.Subtitle != "" {
		s.check("subtitle", doc.Subtitle, gd.Subtitle)
	}
	var dl dateline.Dateline
	if doc.Dateline != nil {
		dl = *doc.Dateline
	}
	var gdl goldDateline
	if gd.Dateline != nil {
		gdl = *gd.Dateline
	}
	s.check("dateline place", dl.Place, gdl.Place)
	s.check("dateline country", dl.Country, gdl.Country)
	s.check("dateline month_day", dl.MonthDay, gdl.MonthDay)
	s.check("dateline agency", dl.Agency, gdl.Agency)
	if gdl.Line != 0 {
		got := 0
		if doc.Dateline != nil {
			got = doc.Line(dl.Span.Start)
		}
		s.check("dateline line", fmt.Sprint(got), fmt.Sprint(gdl.Line))
	}
	date := ""
	if doc.Date != nil {
		date = doc.Date.Value
	}
	s.check("date", date, gd.Date)
	if gd.DateBasis != "" {
		ok := doc.Date != nil && doc.Date.Basis != ""
		s.Scores.Document.check(ok)
		if !ok {
			s.missf("document date basis: none given")
		}
	}
	var lines []int
	for _, b := range doc.Boilerplate {
		lines = append(lines, b.Line)
	}
	for _, l := range gd.BoilerplateLine {
		ok := slices.Contains(lines, l)
		s.Scores.Document.check(ok)
		if !ok {
			s.missf("document boilerplate: line %d not marked", l)
		}
	}
	for _, l := range lines {
		if !slices.Contains(gd.BoilerplateLine, l) {
			s.Scores.Document.check(false)
			s.missf("document boilerplate: line %d marked but is article text", l)
		}
	}
	for _, c := range gd.Credits {
		ok := false
		for _, oc := range doc.Credits {
			ok = ok || strings.EqualFold(oc.Name, c.Name)
		}
		s.Scores.Document.check(ok)
		if !ok {
			s.missf("document credit %q not found", c.Name)
		}
	}
	for _, h := range gd.Headings {
		ok := false
		for _, oh := range doc.Headings {
			ok = ok || (oh.Text == h.Text && doc.Line(oh.Span.Start) == h.Line)
		}
		s.Scores.Document.check(ok)
		if !ok {
			s.missf("document heading %q (line %d) not found", h.Text, h.Line)
		}
	}
}

func scoreEntities(g *goldFile, doc *dateline.Document, s *ArticleScore) {
	for _, ge := range g.Entities {
		forms := append([]string{ge.Name}, ge.Surface...)
		var found *dateline.Entity
		for i := range doc.Entities {
			e := &doc.Entities[i]
			if e.Type != ge.Type || !entityHasForm(e, forms) {
				continue
			}
			if found == nil || strings.EqualFold(e.Name, ge.Name) {
				found = e
			}
		}
		s.Scores.Entities.check(found != nil)
		if found == nil {
			s.missf("entity %s %q not found", ge.Type, ge.Name)
			continue
		}
		wantCountry, gotCountry := ge.Actor, found.Actor
		if ge.Actor == "" {
			wantCountry, gotCountry = ge.Country, found.Country
		}
		if wantCountry == "" {
			continue
		}
		ok := prefix3(gotCountry) == prefix3(wantCountry)
		s.Scores.EntityCountry.check(ok)
		if !ok {
			s.missf("entity %q: country %q, want %q", ge.Name, prefix3(gotCountry), prefix3(wantCountry))
		}
		if ge.Actor != "" {
			ok := sectorMatches(ge.Actor, found.Actor)
			s.Scores.EntitySector.check(ok)
			if !ok {
				s.missf("entity %q: actor %q, want %q", ge.Name, found.Actor, ge.Actor)
			}
		}
	}
	for _, c := range g.Document.Credits {
		for _, e := range doc.Entities {
			if entityHasForm(&e, []string{c.Name}) {
				s.Scores.CreditsAsActors++
				s.missf("credit %q is an entity", c.Name)
			}
		}
	}
}

func entityHasForm(e *dateline.Entity, forms []string) bool {
	for _, f := range forms {
		if strings.EqualFold(e.Name, f) {
			return true
		}
		for _, m := range e.Mentions {
			if strings.EqualFold(normQuotes(m.Text), normQuotes(f)) {
				return true
			}
		}
	}
	return false
}

func prefix3(code string) string {
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

func sector(code string) string {
	if len(code) <= 3 {
		return ""
	}
	return code[3:]
}

// sectorMatches compares the sector parts of a gold and an output actor
// code. A gold "IGO" names no particular organisation, so any IGO code
// (IGOUNO, IGOWHMOAS) agrees with it.
func sectorMatches(gold, out string) bool {
	if gold == "IGO" && strings.HasPrefix(out, "IGO") {
		return true
	}
	return sector(gold) == sector(out)
}

// normQuotes folds typographic apostrophes and quotes to ASCII for matching.
func normQuotes(s string) string {
	return strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
}

func scoreTimexes(g *goldFile, doc *dateline.Document, s *ArticleScore) {
	used := make([]bool, len(doc.Timexes))
	optional := 0
	for _, gt := range g.Timexes {
		match := -1
		for i, t := range doc.Timexes {
			if !used[i] && strings.EqualFold(normQuotes(t.Text), normQuotes(gt.Text)) && doc.Line(t.Span.Start) == gt.Line {
				match = i
				break
			}
		}
		if match >= 0 {
			used[match] = true
		}
		if gt.Optional {
			if match >= 0 {
				optional++
			}
			continue
		}
		s.Scores.TimexSpan.check(match >= 0)
		if match < 0 {
			s.missf("timex %q (line %d) not found", gt.Text, gt.Line)
			s.Scores.TimexValue.check(false)
			continue
		}
		ok := doc.Timexes[match].Value == gt.Value
		s.Scores.TimexValue.check(ok)
		if !ok {
			s.missf("timex %q (line %d): value %q, want %q", gt.Text, gt.Line, doc.Timexes[match].Value, gt.Value)
		}
	}
	for i, u := range used {
		if !u {
			t := doc.Timexes[i]
			s.missf("timex %q (line %d, %s) is not in the gold", t.Text, doc.Line(t.Span.Start), t.Value)
		}
	}
	s.Scores.TimexPrecision = Count{Hit: count(used) - optional, Total: len(doc.Timexes) - optional}
}

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

func scoreQuotes(g *goldFile, doc *dateline.Document, s *ArticleScore) {
	used := make([]bool, len(doc.Quotes))
	for _, gq := range g.Quotes {
		match := -1
		for i, q := range doc.Quotes {
			if used[i] || doc.Line(q.Span.Start) != gq.Line {
				continue
			}
			if text := normQuotes(q.Text); strings.Contains(text, normQuotes(gq.Starts)) {
				match = i
				break
			}
		}
		s.Scores.Quotes.check(match >= 0)
		if match < 0 {
			s.missf("quote %q (line %d) not found", gq.Starts, gq.Line)
			s.Scores.QuoteSpeaker.check(false)
			continue
		}
		used[match] = true
		q := doc.Quotes[match]
		speaker := q.SpeakerName
		for _, e := range doc.Entities {
			if e.ID == q.Speaker && q.Speaker != "" {
				speaker = e.Name
			}
		}
		ok := strings.EqualFold(speaker, gq.Speaker)
		s.Scores.QuoteSpeaker.check(ok)
		if !ok {
			s.missf("quote %q: speaker %q, want %q", gq.Starts, speaker, gq.Speaker)
		}
	}
	s.Scores.QuotePrecision = Count{Hit: count(used), Total: len(doc.Quotes)}
}
