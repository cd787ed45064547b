package eval

import (
	"context"
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

// TestGoldSeed runs the pipeline on the founding article and holds every
// part, scored by the project's own scorer as FORMAT.md defines it, to the
// floors the issues set.
func TestGoldSeed(t *testing.T) {
	dir := shared.Path(t, "gold")
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Gold(context.Background(), dir, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range rep.Articles[0].Misses {
		t.Log(m)
	}
	s := rep.Total
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
	if s.EventRecall.Rate() < 0.85 || s.EventPrecision.Rate() < 0.80 {
		t.Errorf("events: recall %.3f, precision %.3f; want 0.85 and 0.80", s.EventRecall.Rate(), s.EventPrecision.Rate())
	}
}
