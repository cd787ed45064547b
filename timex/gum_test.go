package timex

import (
	"context"
	"testing"

	"github.com/dateline-news/dateline/conllu"
	"github.com/dateline-news/dateline/internal/shared"
)

// TestGUMDev scores the stage against the date markup of the GUM
// development files: a floor on recall-minded figures, since GUM's
// conventions differ from TimeML (see docs/time.md).
func TestGUMDev(t *testing.T) {
	var s Scores
	for _, f := range []string{"en_gum-ccby-dev.conllu.gz", "en_gum-ccbysa-dev.conllu.gz"} {
		sents, err := conllu.ReadFile(shared.Path(t, "data/ud-english-gum/"+f))
		if err != nil {
			t.Fatal(err)
		}
		docs := GoldFromGUM(sents)
		if len(docs) == 0 {
			t.Fatalf("%s: no documents", f)
		}
		if err := New().Evaluate(context.Background(), docs, &s); err != nil {
			t.Fatal(err)
		}
	}
	_, sr, sf := s.StrictPRF()
	_, rr, rf := s.RelaxedPRF()
	_, _, vf := s.ValuePRF()
	t.Logf("GUM dev: %d gold, %d system; strict R %.1f F1 %.1f; relaxed R %.1f F1 %.1f; value F1 %.1f",
		s.Gold, s.System, sr, sf, rr, rf, vf)
	if rr < 80 || rf < 65 {
		t.Errorf("relaxed recall %.1f, F1 %.1f: want >= 80 and >= 65", rr, rf)
	}
}

func TestGoldFromGUM(t *testing.T) {
	s := &conllu.Sentence{
		Comments: []string{"newdoc id = d1", "meta::dateCreated = 2006-02-23", "text = It rained this week."},
		Words: []conllu.Word{
			{ID: 1, Form: "It"}, {ID: 2, Form: "rained"},
			{ID: 3, Form: "this", Misc: `XML=<date from:::"2006-02-19" to:::"2006-02-26">`},
			{ID: 4, Form: "week", Misc: "SpaceAfter=No|XML=</date>"}, {ID: 5, Form: "."},
		},
	}
	docs := GoldFromGUM([]*conllu.Sentence{s})
	if len(docs) != 1 || docs[0].DCT != "2006-02-23" || len(docs[0].Timexes) != 1 {
		t.Fatalf("got %+v", docs)
	}
	g := docs[0].Timexes[0]
	if g.Text != "this week" || g.Start != 10 || g.End != 19 || g.Value != "2006-02-19/2006-02-26" {
		t.Errorf("got %+v", g)
	}
}

func TestSameInterval(t *testing.T) {
	tests := []struct {
		sys, gold string
		want      bool
	}{
		{"2006-W08", "2006-02-19/2006-02-26", true},
		{"2012-SU", "2012-06/2012-09", true},
		{"199", "1990-01-01/1999-12-31", true},
		{"19", "1900-01-01/1999-12-31", true},
		{"2019-05-05", "2019-05-05", true},
		{"2019-05-05TMO", "2019-05-05", true},
		{"2006", "2006-12-31", false},
		{"2019-05", "2019-05-05", false},
		{"P9M", "2011-01/2011-09", false},
		{"2019-Q2", "2019-04-01/2019-06-30", true},
		{"PRESENT_REF", "2019", false},
	}
	for _, tt := range tests {
		if got := sameInterval(tt.sys, tt.gold); got != tt.want {
			t.Errorf("sameInterval(%q, %q) = %v, want %v", tt.sys, tt.gold, got, tt.want)
		}
	}
}
