package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/internal/shared"
	"github.com/dateline-news/dateline/pipeline"
)

func TestReadPetrarchRecords(t *testing.T) {
	in := `<Validation><Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
full diplomatic ties with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date = "19950101" id ="X-1" category="ERROR" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
</Sentences></Validation>`
	recs, err := readPetrarchRecords(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].ID != "DEMO-00" || recs[0].Text != "Arnor is about to restore full diplomatic ties with Gondor." ||
		recs[0].Codings[0].Event != "064" || recs[1].ID != "X-1" || recs[1].Codings[0].NoEvents != "True" {
		t.Errorf("got %+v", recs)
	}
}

// TestEvalPetrarch runs the PETRARCH2 unit suite and holds its pass rate
// above a floor (it needs the parser in the pipeline).
func TestEvalPetrarch(t *testing.T) {
	path := shared.Path(t, "data/petrarch2/validation/PETR.UnitTest.records.xml")
	if syn, err := pipeline.Syntax(pipeline.Config{}); err != nil || len(syn) == 0 {
		t.Skip("the pipeline has no tagger and parser yet: the suite needs them")
	}
	var out bytes.Buffer
	if err := evalPetrarch(context.Background(), env{stdout: &out, stderr: &out}, evalFlags{petrarch: path, json: true}); err != nil {
		t.Fatal(err)
	}
	var res struct {
		Records  int     `json:"records"`
		Passed   int     `json:"passed"`
		PassRate float64 `json:"pass_rate"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	t.Logf("PETRARCH2 suite: %d/%d = %.3f", res.Passed, res.Records, res.PassRate)
	if res.Records < 280 || res.PassRate < 0.45 {
		t.Errorf("pass rate %.3f over %d records, want >= 0.45 over the 284", res.PassRate, res.Records)
	}
}

func TestExplainCommand(t *testing.T) {
	var out bytes.Buffer
	e := env{stdin: strings.NewReader("Russia accused Ukraine of aggression on Monday."), stdout: &out, stderr: &out}
	if err := runExplain(context.Background(), e, []string{"--all", "-"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"sentence 1: Russia accused Ukraine", "parse:", "actors:", "events after merging duplicates"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("explain output lacks %q:\n%s", want, out.String())
		}
	}
}
