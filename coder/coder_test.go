package coder

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
)

func testCoder(tb testing.TB) *Coder {
	tb.Helper()
	c, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// summary formats an event as "SOURCE CODE TARGET mood[ negated]".
func summary(e dateline.Event) string {
	tgt := "-"
	if e.Target != nil {
		tgt = e.Target.Actor
	}
	src := e.Source.Actor
	if src == "" {
		src = "-"
	}
	s := fmt.Sprintf("%s %s %s %s", src, e.Code, tgt, e.Mood)
	if e.Negated {
		s += " negated"
	}
	return s
}

func TestCode(t *testing.T) {
	c := testCoder(t)
	tests := []struct {
		name  string
		conll string
		want  []string
	}{
		{"compound source expands into one event per member", `
1 Russia Russia PROPN 6 nsubj @RUS
2 , , PUNCT 3 punct
3 Belarus Belarus PROPN 1 conj @BLR
4 and and CCONJ 5 cc
5 Turkey Turkey PROPN 1 conj @TUR
6 came come VERB 0 root
7 out out ADP 6 compound:prt
8 in in ADP 11 case
9 Maduro Maduro PROPN 11 nmod:poss @VENGOV:maduro
10 's 's PART 9 case
11 support support NOUN 6 obl
12 . . PUNCT 6 punct`,
			[]string{"RUS 051 VENGOV asserted", "BLR 051 VENGOV asserted", "TUR 051 VENGOV asserted"}},
		{"refused to support is a rejection", `
1 The the DET 2 det
2 military military NOUN 3 nsubj @VENMIL
3 refused refuse VERB 0 root
4 to to PART 5 mark
5 support support VERB 3 xcomp
6 Guaido Guaido PROPN 5 obj @VENOPP
7 . . PUNCT 3 punct`,
			[]string{"VENMIL 120 VENOPP asserted"}},
		{"will hold talks with: an intent to meet (036), planned", `
1 Lavrov Lavrov PROPN 3 nsubj @RUSGOV
2 will will AUX 3 aux
3 hold hold VERB 0 root
4 talks talk NOUN 3 obj
5 with with ADP 6 case
6 Arreaza Arreaza PROPN 3 obl @VENGOV
7 in in ADP 8 case
8 Moscow Moscow PROPN 3 obl @RUS:moscow
9 . . PUNCT 3 punct`,
			[]string{"RUSGOV 036 VENGOV planned"}},
		{"passive subject is the target; no agent leaves the source open", `
1 240 240 NUM 2 nummod
2 protesters protester NOUN 4 nsubj:pass @VENOPP
3 were be AUX 4 aux:pass
4 detained detain VERB 0 root
5 . . PUNCT 4 punct`,
			[]string{"- 173 VENOPP asserted"}},
		{"a passive relative clause: the noun it modifies is the target", `
1 The the DET 2 det
2 activist activist NOUN 8 nsubj @BLROPP
3 , , PUNCT 6 punct
4 who who PRON 6 nsubj:pass
5 was be AUX 6 aux:pass
6 arrested arrest VERB 2 acl:relcl
7 , , PUNCT 6 punct
8 spoke speak VERB 0 root
9 . . PUNCT 8 punct`,
			[]string{"- 173 BLROPP asserted"}},
		{"a relative clause misparsed as the root: the noun before the pronoun", `
1 Petrov Petrov PROPN 5 appos @BLROPP
2 , , PUNCT 5 punct
3 who who PRON 5 nsubj:pass
4 was be AUX 5 aux:pass
5 detained detain VERB 0 root
6 . . PUNCT 5 punct`,
			[]string{"- 173 BLROPP asserted"}},
		{"an interrogative who after a verb has no antecedent", `
1 Reporters reporter NOUN 2 nsubj @MED
2 asked ask VERB 0 root
3 who who PRON 5 nsubj:pass
4 was be AUX 5 aux:pass
5 detained detain VERB 2 ccomp
6 . . PUNCT 2 punct`,
			nil},
		{"by-agent of the passive is the source", `
1 Guaido Guaido PROPN 3 nsubj:pass @VENOPP
2 was be AUX 3 aux:pass
3 recognized recognize VERB 0 root
4 by by ADP 6 case
5 the the DET 6 det
6 US US PROPN 3 obl:agent @USA
7 . . PUNCT 3 punct`,
			[]string{"USA 054 VENOPP asserted"}},
		{"negation is kept and marked", `
1 Russia Russia PROPN 4 nsubj @RUS
2 did do AUX 4 aux
3 not not PART 4 advmod
4 accuse accuse VERB 0 root
5 Ukraine Ukraine PROPN 4 obj @UKR
6 . . PUNCT 4 punct`,
			[]string{"RUS 112 UKR asserted negated"}},
		{"accused of meddling", `
1 Washington Washington PROPN 2 nsubj @USA
2 accused accuse VERB 0 root
3 Russia Russia PROPN 2 obj @RUS
4 of of SCONJ 5 mark
5 meddling meddle VERB 2 advcl
6 in in ADP 7 case
7 Venezuela Venezuela PROPN 5 obl @VEN
8 . . PUNCT 2 punct`,
			[]string{"USA 1123 RUS asserted"}},
		{"allegedly marks the mood", `
1 Russia Russia PROPN 3 nsubj @RUS
2 allegedly allegedly ADV 3 advmod
3 attacked attack VERB 0 root
4 Ukraine Ukraine PROPN 3 obj @UKR`,
			[]string{"RUS 190 UKR alleged"}},
		{"if makes it hypothetical", `
1 If if SCONJ 3 mark
2 Russia Russia PROPN 3 nsubj @RUS
3 attacks attack VERB 0 root
4 Ukraine Ukraine PROPN 3 obj @UKR`,
			[]string{"RUS 190 UKR hypothetical"}},
		{"compound subject of talk by telephone: one dyad", `
1 Lavrov Lavrov PROPN 4 nsubj @RUSGOV
2 and and CCONJ 3 cc
3 Pompeo Pompeo PROPN 1 conj @USAGOV
4 talked talk VERB 0 root
5 by by ADP 6 case
6 telephone telephone NOUN 4 obl
7 . . PUNCT 4 punct`,
			[]string{"RUSGOV 041 USAGOV asserted"}},
		{"demand with a pronoun possessor as target", `
1 The the DET 3 det
2 United united PROPN 3 compound @USA
3 States States PROPN 4 nsubj @USA
4 demands demand VERB 0 root
5 their their PRON 6 nmod:poss @RUSMIL:spec
6 pullout pullout NOUN 4 obj
7 . . PUNCT 4 punct`,
			[]string{"USA 1056 RUSMIL asserted"}},
		{"tried to bring aid is attempted", `
1 the the DET 2 det
2 opposition opposition NOUN 3 nsubj @VENOPP
3 tried try VERB 0 root
4 to to PART 5 mark
5 bring bring VERB 3 xcomp
6 aid aid NOUN 5 obj
7 to to ADP 8 case
8 Venezuela Venezuela PROPN 5 obl @VEN`,
			[]string{"VENOPP 070 VEN attempted"}},
		{"severed relations with, in a second conjunct sharing the subject", `
1 Maduro Maduro PROPN 2 nsubj @VENGOV
2 slammed slam VERB 0 root
3 the the DET 4 det
4 events event NOUN 2 obj
5 and and CCONJ 6 cc
6 severed sever VERB 2 conj
7 diplomatic diplomatic ADJ 8 amod
8 relations relation NOUN 6 obj
9 with with ADP 11 case
10 the the DET 11 det
11 US US PROPN 6 obl @USA`,
			[]string{"VENGOV 161 USA asserted"}},
		{"launched a campaign in his support", `
1 the the DET 3 det
2 United united PROPN 3 compound @USA
3 States States PROPN 4 nsubj @USA
4 launched launch VERB 0 root
5 a a DET 7 det
6 massive massive ADJ 7 amod
7 campaign campaign NOUN 4 obj
8 in in ADP 10 case
9 his his PRON 10 nmod:poss @VENOPP:guaido
10 support support NOUN 7 nmod`,
			[]string{"USA 053 VENOPP asserted"}},
		{"urging the military: participial clause takes the subject above", `
1 Guaido Guaido PROPN 2 nsubj @VENOPP
2 tweeted tweet VERB 0 root
3 a a DET 4 det
4 video video NOUN 2 obj
5 urging urge VERB 4 acl
6 the the DET 7 det
7 military military NOUN 5 obj @VENMIL
8 to to PART 9 mark
9 take take VERB 5 xcomp`,
			[]string{"VENOPP 100 VENMIL asserted"}},
		{"a target deep in the object's modifiers", `
1 Osgiliath Osgiliath PROPN 2 nsubj @OSG
2 welcomed welcome VERB 0 root
3 the the DET 4 det
4 resumption resumption NOUN 2 obj
5 of of ADP 6 case
6 ties tie NOUN 4 nmod
7 with with ADP 8 case
8 Mordor Mordor PROPN 6 nmod @MOR
9 and and CCONJ 10 cc
10 Rohan Rohan PROPN 8 conj @ROH`,
			[]string{"OSG 051 MOR asserted", "OSG 051 ROH asserted"}},
		{"talks between two parties, held in the passive", `
1 talks talk NOUN 6 nsubj:pass
2 between between ADP 3 case
3 Russia Russia PROPN 1 nmod @RUS
4 and and CCONJ 5 cc
5 Ukraine Ukraine PROPN 3 conj @UKR
6 held hold VERB 0 root`,
			[]string{"RUS 040 UKR asserted"}},
		{"naming the culprit, not the negated conjunct", `
1 Lavrov Lavrov PROPN 2 nsubj @RUSGOV
2 said say VERB 0 root
3 the the DET 5 det
4 real real ADJ 5 amod
5 meddler meddler NOUN 8 nsubj
6 was be AUX 8 cop
7 not not PART 8 advmod
8 Russia Russia PROPN 2 ccomp @RUS
9 but but CCONJ 12 cc
10 the the DET 12 det
11 United united PROPN 12 compound @USA
12 States States PROPN 8 conj @USA`,
			[]string{"RUSGOV 112 USA asserted"}},
		{"an apposition names a compound subject", `
1 Old old ADJ 2 amod
2 foes foe NOUN 6 nsubj
3 Gondor Gondor PROPN 2 appos @GON
4 and and CCONJ 5 cc
5 Osgiliath Osgiliath PROPN 3 conj @OSG
6 talked talk VERB 0 root`,
			[]string{"GON 040 OSG asserted"}},
		{"a noun compound names the object's kind", `
1 Russia Russia PROPN 2 nsubj @RUS
2 supplied supply VERB 0 root
3 military military ADJ 5 amod
4 aid aid NOUN 5 compound
5 shipments shipment NOUN 2 obj
6 to to ADP 7 case
7 Syria Syria PROPN 2 obl @SYR`,
			[]string{"RUS 070 SYR asserted"}},
		{"paid a visit to: a light verb hosts the visit", `
1 Putin Putin PROPN 2 nsubj @RUSGOV
2 paid pay VERB 0 root
3 a a DET 4 det
4 visit visit NOUN 2 obj
5 to to ADP 6 case
6 Turkey Turkey PROPN 4 nmod @TUR`,
			[]string{"RUSGOV 042 TUR asserted"}},
		{"arrived in: a visit", `
1 Putin Putin PROPN 2 nsubj @RUSGOV
2 arrived arrive VERB 0 root
3 in in ADP 4 case
4 Ankara Ankara PROPN 2 obl @TURGOV`,
			[]string{"RUSGOV 042 TURGOV asserted"}},
		{"conjoined verbs share the object", `
1 Iran Iran PROPN 2 nsubj @IRN
2 condemned condemn VERB 0 root
3 and and CCONJ 4 cc
4 rejected reject VERB 2 conj
5 Israel Israel PROPN 2 obj @ISR`,
			[]string{"IRN 111 ISR asserted", "IRN 120 ISR asserted"}},
		{"a bare verb's object does not lend its possessor", `
1 Lavrov Lavrov PROPN 2 nsubj @RUSGOV
2 discussed discuss VERB 0 root
3 the the DET 4 det
4 opposition opposition NOUN 6 nmod:poss @VENOPP
5 's 's PART 4 case
6 attempt attempt NOUN 2 obj`,
			nil},
		{"allegations declared untrue: the speaker denies", `
1 Lavrov Lavrov PROPN 2 nsubj @RUSGOV
2 said say VERB 0 root
3 Washington Washington PROPN 5 nmod:poss @USA
4 's 's PART 3 case
5 allegations allegation NOUN 7 nsubj
6 were be AUX 7 cop
7 untrue untrue ADJ 2 ccomp`,
			[]string{"RUSGOV 016 USA asserted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := build(t, tt.conll)
			if err := c.Annotate(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range doc.Events {
				got = append(got, summary(e))
			}
			if !slices.Equal(got, tt.want) {
				ex, _ := c.Explain(context.Background(), build(t, tt.conll))
				t.Errorf("got  %q\nwant %q\nexplain: %+v", got, tt.want, ex)
			}
		})
	}
}

func TestEventFields(t *testing.T) {
	c := testCoder(t)
	doc := build(t, `
1 Russia Russia PROPN 6 nsubj @RUS
2 , , PUNCT 3 punct
3 Belarus Belarus PROPN 1 conj @BLR
4 and and CCONJ 5 cc
5 Turkey Turkey PROPN 1 conj @TUR
6 came come VERB 0 root
7 out out ADP 6 compound:prt
8 in in ADP 10 case
9 his his PRON 10 nmod:poss @VENGOV:maduro
10 support support NOUN 6 obl`)
	doc.Date = &dateline.DocDate{Value: "2019-05-05", Basis: "test"}
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 3 {
		t.Fatalf("got %d events, want 3", len(doc.Events))
	}
	e := doc.Events[1]
	if e.ID != "ev2" || e.Root != "05" || e.Plover.Type != "SUPPORT" || e.Quad != 1 || e.Goldstein != 3.4 {
		t.Errorf("ontology fields: %+v", e)
	}
	if len(e.Source.Members) != 3 || e.Source.Members[2].Actor != "TUR" || e.Source.Actor != "BLR" {
		t.Errorf("members: %+v", e.Source)
	}
	if doc.Span(e.Trigger) != "came" || e.Sentence.Start != 0 || !strings.HasPrefix(e.Pattern, "core.patterns:") {
		t.Errorf("evidence: trigger %q pattern %q", doc.Span(e.Trigger), e.Pattern)
	}
	if e.Date.Value != "2019-05-05" || e.Date.Basis != "the article's date" {
		t.Errorf("date: %+v", e.Date)
	}
	if e.Place != nil {
		t.Errorf("place %+v, want none", e.Place)
	}
	if e.Confidence <= 0 || e.Confidence > 1 {
		t.Errorf("confidence %v", e.Confidence)
	}
}

func TestDedupeHeadlineAndBody(t *testing.T) {
	c := testCoder(t)
	doc := build(t, `
1 Lavrov Lavrov PROPN 3 nsubj @RUSGOV:lavrov kind=title
2 to to PART 3 mark
3 meet meet VERB 0 root
4 with with ADP 6 case
5 Venezuelan Venezuelan ADJ 6 amod
6 counterpart counterpart NOUN 3 obl @VENGOV:arreaza

1 Lavrov Lavrov PROPN 3 nsubj @RUSGOV:lavrov
2 will will AUX 3 aux
3 hold hold VERB 0 root
4 talks talk NOUN 3 obj
5 with with ADP 6 case
6 Arreaza Arreaza PROPN 3 obl @VENGOV:arreaza`)
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 {
		t.Fatalf("got %d events (%v), want 1", len(doc.Events), doc.Events)
	}
	if e := doc.Events[0]; e.Mood != MoodPlanned || doc.SentenceAt(e.Sentence.Start) != 1 {
		t.Errorf("kept %+v, want the body's planned event", e)
	}
}

func TestQuoteSpeaker(t *testing.T) {
	c := testCoder(t)
	doc := build(t, `
1 We we PRON 2 nsubj
2 condemn condemn VERB 0 root
3 Israel Israel PROPN 2 obj @ISR

1 Erdogan Erdogan PROPN 2 nsubj @TURGOV:erdogan
2 said say VERB 0 root`)
	doc.Quotes = []dateline.Quote{{Span: doc.Sentences[0].Span, Kind: "direct", Speaker: "erdogan"}}
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 || summary(doc.Events[0]) != "TURGOV 111 ISR asserted" {
		t.Errorf("got %v", doc.Events)
	}
}

func TestDateFromClause(t *testing.T) {
	c := testCoder(t)
	doc := build(t, `
1 Lavrov Lavrov PROPN 5 nsubj @RUSGOV
2 and and CCONJ 3 cc
3 Pompeo Pompeo PROPN 1 conj @USAGOV
4 will will AUX 5 aux
5 hold hold VERB 0 root
6 discussions discussion NOUN 5 obj
7 when when ADV 9 mark
8 they they PRON 9 nsubj
9 meet meet VERB 5 advcl
10 on on ADP 11 case
11 May_6-7 May_6-7 PROPN 9 obl`)
	sp := doc.Tokens[10].Span
	doc.Timexes = []dateline.Timex{{Span: sp, Text: doc.Span(sp), Type: "DATE", Value: "2019-05-06/2019-05-07"}}
	doc.Date = &dateline.DocDate{Value: "2019-05-05"}
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 {
		t.Fatalf("got %v", doc.Events)
	}
	e := doc.Events[0]
	if summary(e) != "RUSGOV 036 USAGOV planned" || e.Date.Value != "2019-05-06/2019-05-07" || e.Date.Precision != "range" {
		t.Errorf("got %s on %+v", summary(e), e.Date)
	}
}

func TestPlace(t *testing.T) {
	c := testCoder(t)
	doc := build(t, `
1 Lavrov Lavrov PROPN 3 nsubj @RUSGOV
2 will will AUX 3 aux
3 hold hold VERB 0 root
4 talks talk NOUN 3 obj
5 with with ADP 6 case
6 Arreaza Arreaza PROPN 3 obl @VENGOV
7 in in ADP 8 case
8 Moscow Moscow PROPN 6 nmod @---:moscow`)
	doc.Entities[2].Actor, doc.Entities[2].Type = "", "GPE"
	doc.Entities[2].Geo = &dateline.Geo{GeonameID: 524901, Country: "RUS"}
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 || doc.Events[0].Place == nil || doc.Events[0].Place.Name != "Moscow" || doc.Events[0].Place.Geo.GeonameID != 524901 {
		t.Fatalf("got %+v", doc.Events)
	}
}

// TestPlaceLocatedBefore: a place the gazetteer does not know lies in the
// located place named just before it; with none, it has no coordinates.
func TestPlaceLocatedBefore(t *testing.T) {
	c := testCoder(t)
	const talks = `
1 Lavrov Lavrov PROPN 3 nsubj @RUSGOV
2 will will AUX 3 aux
3 hold hold VERB 0 root
4 talks talk NOUN 3 obj
5 with with ADP 6 case
6 Arreaza Arreaza PROPN 3 obl @VENGOV
7 at at ADP 9 case
8 the the DET 9 det
9 junction junction NOUN 6 nmod @---:junction
10 nearby nearby ADV 9 advmod`
	for _, c2 := range []struct {
		name, before string
		want         int // GeonameID, 0 for none
		place        string
	}{
		{"after Caracas", `
1 Crowds Crowd NOUN 2 nsubj
2 gathered gather VERB 0 root
3 in in ADP 4 case
4 Caracas Caracas PROPN 2 obl @---:caracas`, 3646738, "junction, Caracas"},
		{"alone", `
1 Crowds Crowd NOUN 2 nsubj
2 gathered gather VERB 0 root`, 0, "junction"},
	} {
		doc := build(t, c2.before+"\n\n"+talks)
		for i := range doc.Entities {
			switch e := &doc.Entities[i]; e.ID {
			case "caracas":
				e.Actor, e.Geo = "", &dateline.Geo{GeonameID: 3646738, Lat: 10.49, Lon: -66.88, Country: "VEN"}
			case "junction":
				e.Actor, e.Type = "", "LOC"
			}
		}
		if err := c.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Events) != 1 || doc.Events[0].Place == nil || doc.Events[0].Place.Entity != "junction" {
			t.Fatalf("%s: got %+v", c2.name, doc.Events)
		}
		got := 0
		if g := doc.Events[0].Place.Geo; g != nil {
			got = g.GeonameID
		}
		if got != c2.want || doc.Events[0].Place.Name != c2.place {
			t.Errorf("%s: the place is %q at GeoNames %d, want %q at %d", c2.name, doc.Events[0].Place.Name, got, c2.place, c2.want)
		}
	}
}

func TestBroadTargets(t *testing.T) {
	c := testCoder(t)
	conll := `
1 Hamfast Hamfast PROPN 2 nsubj @HOB
2 criticized criticize VERB 0 root
3 the the DET 4 det
4 closure closure NOUN 2 obj
5 in in ADP 6 case
6 Bree Bree PROPN 4 nmod @BRE`
	doc := build(t, conll)
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 0 {
		t.Errorf("by default an in-argument is a place, not a target: %v", doc.Events)
	}
	c.BroadTargets = true
	doc = build(t, conll)
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 || summary(doc.Events[0]) != "HOB 111 BRE asserted" {
		t.Errorf("with BroadTargets: %v", doc.Events)
	}
}
