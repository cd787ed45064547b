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

// TestGoldSeedDocument runs the pipeline on the founding article and
// requires every document check but the year-dependent ones to pass.
func TestGoldSeedDocument(t *testing.T) {
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
	d := rep.Total.Document
	// The dateline country needs the gazetteer and the full date the time
	// layer; all other document checks are the cleaner's.
	if d.Hit < d.Total-2 {
		t.Errorf("document checks %d/%d", d.Hit, d.Total)
	}
}
