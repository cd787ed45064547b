package eval

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/pipeline"
)

func TestEventMatching(t *testing.T) {
	g := &goldFile{
		Events: []goldEvent{
			{ID: "A", Source: "RUSGOV", Target: "USAGOV", Roots: []string{"04"}, Date: "2019-05-06/2019-05-07", Symmetric: true},
			{ID: "B", Source: "RUS", Target: "VENGOV", Roots: []string{"05"}},
			{ID: "C", Source: "BLR", Target: "VENGOV", Roots: []string{"05"}},
			{ID: "D", Source: "USA", Target: "RUS", Roots: []string{"10"}, TargetAlso: []string{"RUSMIL"}},
		},
		OptionalEvents: []goldEvent{{ID: "O", Source: "VENGOV", Target: "*", Roots: []string{"11"}}},
	}
	ev := func(code, src, tgt, date string) dateline.Event {
		e := dateline.Event{Code: code, Root: code[:2], Source: dateline.Participant{Actor: src}, Date: dateline.EventDate{Value: date}}
		if tgt != "" {
			e.Target = &dateline.Participant{Actor: tgt}
		}
		return e
	}
	doc := &dateline.Document{Events: []dateline.Event{
		ev("040", "USAGOV", "RUSGOV", "2019-05-06"), // A, swapped, inside the range
		ev("051", "RUS", "VEN", ""),                 // B or C: the matching must give it to B
		ev("051", "BLR", "VENGOV", ""),              // C
		ev("105", "USA", "RUSMIL", ""),              // D through target_also
		ev("111", "VENGOV", "USA", ""),              // optional: not counted against precision
		ev("190", "CHN", "TWN", ""),                 // wrong
	}}
	s := ScoreGold(g, doc, "test")
	if got := s.Scores.EventRecall; got.Hit != 4 || got.Total != 4 {
		t.Errorf("recall = %+v, want 4/4; misses %q", got, s.Misses)
	}
	if got := s.Scores.EventPrecision; got.Hit != 4 || got.Total != 5 {
		t.Errorf("precision = %+v, want 4/5", got)
	}
	doc.Events[0].Date.Value = "2019-05-05"
	if got := ScoreGold(g, doc, "test").Scores.EventRecall; got.Hit != 3 {
		t.Errorf("a date outside the gold range still matched: %+v", got)
	}
}

func TestDateWithin(t *testing.T) {
	for _, tt := range []struct {
		out, gold string
		want      bool
	}{
		{"2019-05-05", "2019-05-05", true},
		{"2019-05-06", "2019-05-06/2019-05-07", true},
		{"2019-05-06/2019-05-07", "2019-05-06/2019-05-07", true},
		{"2019-05-08", "2019-05-06/2019-05-07", false},
		{"2019-05", "2019-05-05", false},
		{"", "2019-05-05", false},
	} {
		if got := dateWithin(tt.out, tt.gold); got != tt.want {
			t.Errorf("dateWithin(%q, %q) = %v", tt.out, tt.gold, got)
		}
	}
}

// TestGoldSeed runs the pipeline on every gold article and holds the
// founding article, scored on its own by the project's own scorer as
// FORMAT.md defines it, to the floors the issues set; the real-news
// development set beside it is held to floors of its own (TestGoldDev).
func TestGoldSeed(t *testing.T) {
	rep := goldReport(t)
	for _, a := range rep.Articles {
		if filepath.Base(a.Dir) == SeedDir {
			for _, m := range a.Misses {
				t.Log(m)
			}
		}
	}
	s := rep.Seed
	floor := func(part string, c Count, hit int) {
		if c.Hit < hit {
			t.Errorf("%s: %d/%d, want at least %d", part, c.Hit, c.Total, hit)
		}
	}
	floor("document checks", s.Document, s.Document.Total)
	floor("entities found", s.Entities, 38)
	if s.EntityCountry.Rate() < 0.9 {
		t.Errorf("entity countries %d/%d, want 90%%", s.EntityCountry.Hit, s.EntityCountry.Total)
	}
	if s.CreditsAsActors != 0 {
		t.Errorf("%d credited people are entities", s.CreditsAsActors)
	}
	floor("time values", s.TimexValue, s.TimexValue.Total)
	floor("quotes found", s.Quotes, s.Quotes.Total)
	floor("quote speakers", s.QuoteSpeaker, 9)
	if s.QuotePrecision.Total > 13 {
		t.Errorf("%d quotes output, want at most 13", s.QuotePrecision.Total)
	}
	if s.EventRecall.Rate() < 0.90 || s.EventPrecision.Rate() < 0.85 {
		t.Errorf("events: recall %.3f, precision %.3f; want 0.90 and 0.85", s.EventRecall.Rate(), s.EventPrecision.Rate())
	}
}

// TestGoldDev holds the real Wikinews articles under ../shared/gold, summed,
// to floors that rise as the engine learns real news. They are floors of
// what was measured, not the issues' targets.
func TestGoldDev(t *testing.T) {
	rep := goldReport(t)
	if rep.NOthers == 0 {
		t.Skip("no gold article beside the founding one under ../shared/gold")
	}
	s := rep.Others
	t.Logf("%d articles: entities %d/%d, country %d/%d, sector %d/%d, time values %d/%d, quotes %d/%d (speaker %d), events R %d/%d P %d/%d",
		rep.NOthers, s.Entities.Hit, s.Entities.Total, s.EntityCountry.Hit, s.EntityCountry.Total,
		s.EntitySector.Hit, s.EntitySector.Total, s.TimexValue.Hit, s.TimexValue.Total,
		s.Quotes.Hit, s.Quotes.Total, s.QuoteSpeaker.Hit, s.EventRecall.Hit, s.EventRecall.Total,
		s.EventPrecision.Hit, s.EventPrecision.Total)
	for _, f := range []struct {
		part  string
		c     Count
		floor float64
	}{
		{"entities found", s.Entities, devFloors.entities},
		{"entity country", s.EntityCountry, devFloors.country},
		{"entity sector", s.EntitySector, devFloors.sector},
		{"time values", s.TimexValue, devFloors.timeValues},
		{"quotes found", s.Quotes, devFloors.quotes},
		{"quote speakers", s.QuoteSpeaker, devFloors.speakers},
		{"event recall", s.EventRecall, devFloors.eventRecall},
		{"event precision", s.EventPrecision, devFloors.eventPrecision},
	} {
		if f.c.Rate() < f.floor {
			t.Errorf("%s: %d/%d = %.3f, want at least %.2f", f.part, f.c.Hit, f.c.Total, f.c.Rate(), f.floor)
		}
	}
}

// devFloors are the development set's floors, raised as the figures rise.
var devFloors = struct {
	entities, country, sector, timeValues, quotes, speakers, eventRecall, eventPrecision float64
}{
	entities: 0.82, country: 0.82, sector: 0.82, timeValues: 0.95,
	quotes: 0.90, speakers: 0.74, eventRecall: 0.27, eventPrecision: 0.60,
}

var (
	goldOnce sync.Once
	goldRep  *GoldReport
	goldErr  error
)

// goldReport runs the default pipeline over ../shared/gold once for every
// test that reads it.
func goldReport(t *testing.T) *GoldReport {
	t.Helper()
	dir := shared.Path(t, "gold")
	goldOnce.Do(func() {
		p, err := pipeline.New(pipeline.Config{})
		if err != nil {
			goldErr = err
			return
		}
		goldRep, goldErr = Gold(context.Background(), dir, p)
	})
	if goldErr != nil {
		t.Fatal(goldErr)
	}
	return goldRep
}
