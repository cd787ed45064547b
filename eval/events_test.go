package eval

import (
	"context"
	"os"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/pipeline"
)

func TestSentenceEventMatching(t *testing.T) {
	g := &SentenceGold{ID: "s", Events: []SentenceEvent{
		{Source: "JOR", Target: "GBR", Plover: "AGREE"},
		{Source: "GBR", Target: "JOR", Plover: "AGREE"},
		{Source: "IGO", Target: "", Plover: "REJECT"},
		{Source: "USA", Target: "IRQ", Cameo: "190"},
	}}
	ev := func(src, tgt, typ, root string, neg bool) dateline.Event {
		e := dateline.Event{Source: dateline.Participant{Actor: src}, Plover: dateline.Plover{Type: typ}, Root: root, Negated: neg}
		if tgt != "" {
			e.Target = &dateline.Participant{Actor: tgt}
		}
		return e
	}
	doc := &dateline.Document{Events: []dateline.Event{
		ev("JORGOV", "GBRMIL", "AGREE", "03", false), // country prefixes match
		ev("JOR", "GBR", "AGREE", "03", false),       // a second one cannot take the same gold event
		ev("IGOUNO", "", "REJECT", "12", false),      // no target on either side
		ev("USAMIL", "IRQ", "FIGHT", "19", false),    // CAMEO root where the gold gives one
		ev("GBR", "JOR", "AGREE", "03", true),        // negated: did not happen, not scored
	}}
	s := scoreSentence(g, doc)
	matched := 0
	for _, m := range s.Matched {
		if m >= 0 {
			matched++
		}
	}
	if matched != 3 {
		t.Errorf("matched %d of 4 gold events (%v), want 3", matched, s.Matched)
	}
	if len(s.Events) != 4 {
		t.Errorf("%d events scored, want 4 (the negated one left out)", len(s.Events))
	}
	rep := &EventsReport{ByType: map[string]*TypeScore{}}
	rep.add(s)
	if rep.Recall.Hit != 3 || rep.Recall.Total != 4 || rep.Precision.Hit != 3 || rep.Precision.Total != 4 {
		t.Errorf("recall %+v precision %+v, want 3/4 and 3/4", rep.Recall, rep.Precision)
	}
}

// TestEventsDev holds the PLOVER codebook sentences of the development set
// (../shared/data/plover-gsr/dev.jsonl) to floors of what was measured,
// raised as the coder learns.
func TestEventsDev(t *testing.T) {
	path := shared.Path(t, "data/plover-gsr/dev.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Events(context.Background(), f, p)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d sentences: recall %d/%d, precision %d/%d", len(rep.Sentences), rep.Recall.Hit, rep.Recall.Total, rep.Precision.Hit, rep.Precision.Total)
	if rep.Recall.Rate() < 0.33 || rep.Precision.Rate() < 0.50 {
		t.Errorf("recall %.3f, precision %.3f; want at least 0.33 and 0.50", rep.Recall.Rate(), rep.Precision.Rate())
	}
}
