package quote

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
)

func newQuoter(t testing.TB) *Quoter {
	t.Helper()
	q, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// bare returns a document with text and no other layer, as the stage sees
// it when it runs alone.
func bare(text string) *dateline.Document {
	doc := dateline.NewDocument(dateline.Article{Text: text})
	doc.Text = text
	return doc
}

// unresolved counts the gold speakers of an article the stage alone does
// not give: in blacksea, "Britain's foreign secretary" is David Lammy (the
// actor stage's office-holders know it); in ceasefire, "Egypt and Qatar"
// is Egypt's only for an entity mention, and "an Egyptian official" (twice)
// speaks for Egypt only when "Egyptian" is a mention of Egypt; in senate,
// "Chip Roy of Texas" is Chip Roy only for a person mention; in strike, "it
// said" is SNCF only for an organisation mention; in tariffs, "a ministry
// statement" is China's only when "Beijing" is a mention of China; in
// briefing, "German officials" are Germany's only with an entity for
// Germany, "The company" (twice) is Siemens only with an entity for it,
// and "The ministry" (twice) is the Polish foreign ministry only when the
// actor stage links them.
var unresolved = map[string]int{"blacksea": 1, "ceasefire": 3, "senate": 1, "strike": 1, "tariffs": 1, "briefing": 5}

// TestArticles runs the stage alone on the written test articles of
// testdata/quotes.jsonl and checks every gold quote is found with its
// speaker and kind, and nothing else is output.
func TestArticles(t *testing.T) {
	f, err := os.Open("testdata/quotes.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	golds, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	q := newQuoter(t)
	for _, g := range golds {
		t.Run(g.ID, func(t *testing.T) {
			doc := bare(g.Text)
			if err := q.Annotate(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			s := Score(g, doc)
			if s.Found != s.Gold || s.Speaker < s.Gold-unresolved[g.ID] || s.Kind != s.Gold || s.Output != s.Gold {
				for _, x := range doc.Quotes {
					t.Logf("got %-8s %-22q %q", x.Kind, x.SpeakerName, x.Text)
				}
				t.Errorf("gold %d output %d found %d speaker %d kind %d", s.Gold, s.Output, s.Found, s.Speaker, s.Kind)
			}
		})
	}
}

// want is one expected quote of a pattern test.
type want struct {
	text, kind, speaker string
	parts               int
}

func TestPatterns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []want
	}{
		{"broken by its cue", `"We will not leave," he said, "until they do."`,
			[]want{{`We will not leave," he said, "until they do.`, Direct, "", 2}}},
		{"cue after", `"The border stays closed," the Interior Ministry said in a statement.`,
			[]want{{"The border stays closed,", Direct, "Interior Ministry", 0}}},
		{"inverted cue", `"It is over," said Jane Doe, the party chair.`,
			[]want{{"It is over,", Direct, "Jane Doe", 0}}},
		{"colon before", `The minister said: «Nous restons ici.»`,
			[]want{{"Nous restons ici.", Direct, "minister", 0}}},
		{"curly and nested", `Lee said: “They called it ‘a farce’ and left.”`,
			[]want{{"They called it ‘a farce’ and left.", Direct, "Lee", 0}}},
		{"single marks", `‘We are ready,’ Mr. Okafor told reporters.`,
			[]want{{"We are ready,", Direct, "Mr. Okafor", 0}}},
		{"adjunct before colon", `Peskov said in a statement: "The decision is final."`,
			[]want{{"The decision is final.", Direct, "Peskov", 0}}},
		{"question", `"Who will pay?" asked Maria Ortiz.`,
			[]want{{"Who will pay?", Direct, "Maria Ortiz", 0}}},
		{"partial in reported speech", `Lavrov warned that "further steps would be dangerous."`,
			[]want{{"further steps would be dangerous.", Direct, "Lavrov", 0}}},
		{"mixed", `Smith said the vote was "a farce" and would be challenged.`,
			[]want{{`the vote was "a farce" and would be challenged`, Mixed, "Smith", 0}}},
		{"said that", `The ministry said that the talks had stalled.`,
			[]want{{"the talks had stalled", Indirect, "ministry", 0}}},
		{"said without that", `Rivera said the army would withdraw by Friday.`,
			[]want{{"the army would withdraw by Friday", Indirect, "Rivera", 0}}},
		{"told an object", `Rivera told Reuters the army would withdraw.`,
			[]want{{"the army would withdraw", Indirect, "Rivera", 0}}},
		{"adverbial before that", `Moscow has said more than once that its troops are instructors.`,
			[]want{{"its troops are instructors", Indirect, "Moscow", 0}}},
		{"accused of", `Washington accused Russia of meddling in Venezuela.`,
			[]want{{"Russia of meddling in Venezuela", Indirect, "Washington", 0}}},
		{"kept saying", `Guaido kept saying that he was interim president.`,
			[]want{{"he was interim president", Indirect, "Guaido", 0}}},
		// "According to X" is a source, not a quote (the gold conventions);
		// only what its clause quotes is X's.
		{"according to first", `According to the police, 40 people were detained.`, nil},
		{"according to last", `Turnout was low, according to the commission.`, nil},
		{"according to with a quotation", `According to a statement from the ministry, "restoring order" is the aim.`,
			[]want{{"restoring order", Direct, "ministry", 0}}},
		{"quotation according to", `"We will not yield," according to the ministry.`,
			[]want{{"We will not yield,", Direct, "ministry", 0}}},
		{"parenthetical", `The talks will resume in April, the envoy said.`,
			[]want{{"The talks will resume in April", Indirect, "envoy", 0}}},
		{"gerund", `Lavrov criticised the sanctions, adding that they would fail.`,
			[]want{{"they would fail", Indirect, "Lavrov", 0}}},
		{"pronoun", "Ana Silva said the law was unfair. She added that she would appeal.",
			[]want{{"the law was unfair", Indirect, "Ana Silva", 0}, {"she would appeal", Indirect, "Ana Silva", 0}}},
		{"naming cue", `He urged an end to what he called "usurpation."`,
			[]want{{"usurpation.", Direct, "", 0}}},
		{"inverted before a relative clause", `Sales will rise, said Beall, who spoke in Paris.`,
			[]want{{"Sales will rise", Indirect, "Beall", 0}}},
		{"parenthetical before a gerund", `Prices are high, Li said, noting that demand is weak.`,
			[]want{{"Prices are high", Indirect, "Li", 0}, {"demand is weak", Indirect, "Li", 0}}},
		{"participle is no subject", `The firm started adding 46 beds and plans more.`, nil},
		{"quoted as saying", `RIA quoted Dmitry Peskov as saying that the talks were useful.`,
			[]want{{"the talks were useful", Indirect, "Dmitry Peskov", 0}}},
		{"was quoted as saying", `Peskov was quoted as saying the talks were useful.`,
			[]want{{"the talks were useful", Indirect, "Peskov", 0}}},
		{"colon introduction", `Peskov put it bluntly: "Nobody will talk to them now."`,
			[]want{{"Nobody will talk to them now.", Direct, "Peskov", 0}}},
		{"relative pronoun", `Ana Silva, who said the law was unfair, will appeal.`,
			[]want{{"the law was unfair", Indirect, "Ana Silva", 0}}},
		{"dismissed as", `The embassy dismissed the warning as "hysteria."`,
			[]want{{"hysteria.", Direct, "embassy", 0}}},
		{"listener then quotation", `Baker told a brief news conference "I expect to see him soon" after lunch.`,
			[]want{{"I expect to see him soon", Direct, "Baker", 0}}},
		{"it after an organisation", "The ministry said exports rose. It added that imports fell.",
			[]want{{"exports rose", Indirect, "ministry", 0}, {"imports fell", Indirect, "ministry", 0}}},
		{"object then gerund cue", `The label denied Swift's claims, saying they were false.`,
			[]want{{"they were false", Indirect, "label", 0}}},
		{"scare quotes", `The so-called "peace plan" was not discussed.`, nil},
		{"title in quotes", `She read "War and Peace" twice.`, nil},
		{"free relative", `They sent what it claimed was aid.`, nil},
		{"noun cue", `The warning came late. A claim was filed.`, nil},
		{"passive cue", `He was told to leave.`, nil},
		{"object noun phrase", `Guaido tweeted a video urging people to march.`, nil},
		{"no speaker", "The crowd gathered.\n\n\"Nobody will stop this movement now.\"",
			[]want{{"Nobody will stop this movement now.", Direct, "", 0}}},
		{"paragraph speaker", "\"We won,\" Kim said.\n\n\"And we will win again next year.\"",
			[]want{{"We won,", Direct, "Kim", 0}, {"And we will win again next year.", Direct, "Kim", 0}}},
		{"multi-paragraph", "Kim said: \"We won.\n\n\"We will win again.\"\n\nThe count ended.",
			[]want{{"We won.\n\n\"We will win again.", Direct, "Kim", 2}}},
		{"finished quotation before a cue that opens another", `"The plan failed." Kim later wrote, "We start again."`,
			[]want{{"The plan failed.", Direct, "Kim", 0}, {"We start again.", Direct, "Kim", 0}}},
		{"inverted cue before a quotation", `"We stand ready" tweeted Kim "to help."`,
			[]want{{`We stand ready" tweeted Kim "to help.`, Direct, "Kim", 2}}},
		{"two quotations named", `Senators described the order as a "grave abuse" and "contrary to law".`,
			[]want{{"grave abuse", Direct, "Senators", 0}, {"contrary to law", Direct, "Senators", 0}}},
		{"phrase quoted beside a quote", `The ministry gave its "full support" and said a deal was close.`,
			[]want{{"full support", Direct, "ministry", 0}, {"a deal was close", Indirect, "ministry", 0}}},
		{"coordinated content clauses", `Kim said prices had risen, and that wages would follow.`,
			[]want{{"prices had risen", Indirect, "Kim", 0}, {"wages would follow", Indirect, "Kim", 0}}},
		{"request with a to-clause", `Kim urged Berlin to reconsider.`, nil},
		{"abbreviation ends the sentence", `The attack came at 7:45 p.m. "No troops were hurt."`,
			[]want{{"No troops were hurt.", Direct, "", 0}}},
		{"possessor of a spokesman", `Kim's spokesman said the visit was off.`,
			[]want{{"the visit was off", Indirect, "Kim", 0}}},
		{"a statement from", `A statement from the ministry said the border was open.`,
			[]want{{"the border was open", Indirect, "ministry", 0}}},
		{"continued with a quotation", `Kim continued, "Nobody wants a quarrel."`,
			[]want{{"Nobody wants a quarrel.", Direct, "Kim", 0}}},
		{"comma introduction", `He defended the decision, "It was the right call and I stand by it."`,
			[]want{{"It was the right call and I stand by it.", Direct, "", 0}}},
		{"unclosed ends at paragraph", "Kim said: \"We won and we stay\n\nThe count ended. Officials said the result was final.",
			[]want{{"We won and we stay", Direct, "Kim", 0}, {"the result was final", Indirect, "Officials", 0}}},
	}
	q := newQuoter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := q.Find(bare(tt.text))
			if len(got) != len(tt.want) {
				for _, x := range got {
					t.Logf("got %-8s %-22q %q", x.Kind, x.SpeakerName, x.Text)
				}
				t.Fatalf("got %d quotes, want %d", len(got), len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Kind != w.kind || len(g.Parts) != w.parts {
					t.Errorf("quote %d: got %s %q (%d parts), want %s %q (%d parts)", i, g.Kind, g.Text, len(g.Parts), w.kind, w.text, w.parts)
				}
				if g.Text != tt.text[g.Span.Start:g.Span.End] {
					t.Errorf("quote %d: text %q is not its span %v", i, g.Text, g.Span)
				}
				if w.speaker != "" && g.SpeakerName != w.speaker {
					t.Errorf("quote %d: speaker %q, want %q", i, g.SpeakerName, w.speaker)
				}
			}
		})
	}
}

// TestSpeakerEntities checks speakers resolve through the entities layer:
// a mention's entity (a surname, a capital standing for its government, a
// pronoun resolved to the subject before it) gives the speaker id and name.
func TestSpeakerEntities(t *testing.T) {
	text := "Russian Foreign Minister Sergey Lavrov spoke on Sunday. Lavrov said the talks failed. " +
		"Moscow has said more than once that its troops are instructors. He also warned that \"steps will follow.\" " +
		"A Russian official said the talks would go on."
	doc := bare(text)
	at := func(s string, nth int) dateline.Span {
		i := -1
		for n := 0; n <= nth; n++ {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return dateline.Span{Start: i, End: i + len(s)}
	}
	doc.Entities = []dateline.Entity{
		{ID: "e1", Name: "Sergey Lavrov", Type: "PERSON", Mentions: []dateline.EntityMention{
			{Span: at("Sergey Lavrov", 0)}, {Span: at("Lavrov", 1)}, {Span: at("He", 0)}}},
		{ID: "e2", Name: "Russia", Type: "GPE", Mentions: []dateline.EntityMention{{Span: at("Moscow", 0)}, {Span: at("Russian", 0)}, {Span: at("Russian", 1)}}},
	}
	got := newQuoter(t).Find(doc)
	// "A Russian official": an unnamed official speaks for the state (the
	// gold conventions).
	want := []struct{ id, name string }{{"e1", "Sergey Lavrov"}, {"e2", "Russia"}, {"e1", "Sergey Lavrov"}, {"e2", "Russia"}}
	if len(got) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Speaker != w.id || got[i].SpeakerName != w.name {
			t.Errorf("quote %d %q: speaker %s %q, want %s %q", i, got[i].Text, got[i].Speaker, got[i].SpeakerName, w.id, w.name)
		}
	}
}

// TestParsedSubject checks the parse is read when present: the subject is
// the nsubj dependent of the cue even far from it.
func TestParsedSubject(t *testing.T) {
	text := "The envoy of the union, speaking late, said talks failed."
	doc := bare(text)
	ws := splitText(text)
	// The envoy of the union , speaking late , said talks failed .
	// 0   1     2  3   4     5 6        7    8 9    10    11     12
	heads := []int{1, 9, 4, 4, 1, 1, 1, 6, 1, -1, 11, 9, 9}
	rels := []string{"det", "nsubj", "case", "det", "nmod", "punct", "acl", "advmod", "punct", "root", "nsubj", "ccomp", "punct"}
	if len(ws) != len(heads) {
		t.Fatalf("%d words", len(ws))
	}
	for i, w := range ws {
		doc.Tokens = append(doc.Tokens, dateline.Token{Span: w.span, Text: w.text, Head: heads[i], Rel: rels[i]})
	}
	got := newQuoter(t).Find(doc)
	if len(got) != 1 || got[0].Text != "talks failed" || got[0].SpeakerName != "envoy of the union" {
		t.Fatalf("got %+v", got)
	}
}

func TestScanQuotations(t *testing.T) {
	tests := []struct {
		text string
		want []string // contents of the top-level quotations
	}{
		{`He said "yes" and "no".`, []string{"yes", "no"}},
		{`“Curly” and «guillemets» and ‘single’ marks.`, []string{"Curly", "guillemets", "single"}},
		{`“Outer ‘inner’ text” end`, []string{"Outer ‘inner’ text"}},
		{`"Outer 'inner' text" end`, []string{"Outer 'inner' text"}},
		{`„German“ style`, []string{"German"}},
		{`Lavrov’s aides don't say 'never'.`, []string{"never"}},
		{`The '90s were hard and he was 6'2" tall.`, nil},
		{`He said "it never closes`, []string{"it never closes"}},
		{`A stray ’ and a stray ‘ mark`, nil},
		{`Empty "" quotes`, nil},
	}
	for _, tt := range tests {
		segs := scanQuotations(tt.text, []dateline.Span{{Start: 0, End: len(tt.text)}})
		var got []string
		for _, s := range segs {
			got = append(got, s.content().In(tt.text))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestParseLexicon(t *testing.T) {
	tests := []struct {
		text, err string
	}{
		{"say | speech | clause | say, said", ""},
		{"# only a comment\n", "no cues"},
		{"say | speech | clause", "line 1: want 4 fields"},
		{"\nsay | talk | clause | said", "line 2: unknown kind"},
		{"say | speech | sideways | said", "unknown frame"},
		{"say | speech | clause | , ", "no forms"},
	}
	for _, tt := range tests {
		_, err := ParseLexicon(tt.text)
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("%q: error %v, want %q", tt.text, err, tt.err)
		}
	}
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	low := func(ws []string) func(int) string { return func(i int) string { return ws[i] } }
	ws := []string{"he", "kept", "saying", "that"}
	if e, n, ok := lx.match(low(ws), 1, len(ws)); !ok || n != 2 || lx.Entries[e].Lemma != "keep saying" {
		t.Errorf("kept saying: %v %d %v", e, n, ok)
	}
}

func TestScore(t *testing.T) {
	text := "“Да,” said Ana Silva. Silva said the law was unfair."
	g := GoldDoc{ID: "x", Text: text, Quotes: []GoldQuote{
		{Start: 1, End: 4, Speaker: "Ana Silva", Kind: Direct},
		{Start: 33, End: 51, Speaker: "Ana Silva", Kind: Indirect},
		{Start: 0, End: 5, Speaker: "", Kind: Direct}, // nothing output covers it a second time
	}}
	doc := bare(text)
	doc.Quotes = newQuoter(t).Find(doc)
	s := Score(g, doc)
	if s.Gold != 3 || s.Output != 2 || s.Found != 2 || s.Matched != 2 || s.Speaker != 2 || s.Kind != 2 {
		t.Errorf("got %+v", s)
	}
	// Gold that splits a quote broken by its cue finds both pieces.
	text = `"We will not leave," he said, "until they do."`
	g = GoldDoc{ID: "y", Text: text, Quotes: []GoldQuote{
		{Start: 1, End: 19, Kind: Direct}, {Start: 31, End: 45, Kind: Direct},
	}}
	doc = bare(text)
	doc.Quotes = newQuoter(t).Find(doc)
	s = Score(g, doc)
	if s.Found != 2 || s.Matched != 1 || s.Precision() != 1 {
		t.Errorf("split gold: got %+v", s)
	}
}

func TestAnnotateDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := newQuoter(t).Annotate(ctx, bare(`"Yes," he said.`)); err == nil {
		t.Error("no error for a done context")
	}
}

// TestSentenceLayer checks the segmenter's sentences bound a content
// clause where the words alone cannot tell ("… to the U.S. The vote …").
func TestSentenceLayer(t *testing.T) {
	text := "Officials said the talks moved to the U.S. The vote was held."
	doc := bare(text)
	cut := strings.Index(text, " The vote")
	doc.Sentences = []dateline.Sentence{{Span: dateline.Span{Start: 0, End: cut}}, {Span: dateline.Span{Start: cut + 1, End: len(text)}}}
	got := newQuoter(t).Find(doc)
	if len(got) != 1 || got[0].Text != "the talks moved to the U.S." {
		t.Fatalf("got %+v", got)
	}
}

// TestParsedTwoSubjects checks that of two subjects a parser gives a cue,
// the one nearest before it is the speaker.
func TestParsedTwoSubjects(t *testing.T) {
	text := "The talks, diplomats said, could still collapse."
	doc := bare(text)
	heads := []int{1, 4, 1, 4, 8, 4, 8, 8, -1, 8}
	rels := []string{"det", "nsubj", "punct", "nsubj", "advcl", "punct", "aux", "advmod", "root", "punct"}
	pos := []string{"DET", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT", "AUX", "ADV", "VERB", "PUNCT"}
	for i, w := range splitText(text) {
		doc.Tokens = append(doc.Tokens, dateline.Token{Span: w.span, Text: w.text, POS: pos[i], Head: heads[i], Rel: rels[i]})
	}
	got := newQuoter(t).Find(doc)
	if len(got) != 1 || got[0].SpeakerName != "diplomats" || len(got[0].Parts) != 2 {
		t.Fatalf("got %+v", got)
	}
}

// TestSplitMarksKeepsParse checks that splitting a mark glued to a word
// keeps the parse (heads follow the words), and that clitics stay words.
func TestSplitMarksKeepsParse(t *testing.T) {
	text := `Kim's aide said "Yes.`
	// Kim 's aide said "Yes .
	toks := []dateline.Token{
		{Span: dateline.Span{Start: 0, End: 3}, Head: 2, Rel: "nmod:poss"},
		{Span: dateline.Span{Start: 3, End: 5}, Head: 0, Rel: "case"},
		{Span: dateline.Span{Start: 6, End: 10}, Head: 3, Rel: "nsubj"},
		{Span: dateline.Span{Start: 11, End: 15}, Head: -1, Rel: "root"},
		{Span: dateline.Span{Start: 16, End: 20}, Head: 3, Rel: "ccomp"},
		{Span: dateline.Span{Start: 20, End: 21}, Head: 3, Rel: "punct"},
	}
	var ws []word
	for _, tk := range toks {
		txt := tk.Span.In(text)
		ws = append(ws, word{span: tk.Span, text: txt, low: strings.ToLower(txt), head: tk.Head, rel: tk.Rel, seg: -1, para: -1})
	}
	got := splitMarks(ws, text)
	var b strings.Builder
	for _, w := range got {
		fmt.Fprintf(&b, "%s/%d/%s ", w.text, w.head, w.rel)
	}
	want := `Kim/2/nmod:poss 's/0/case aide/3/nsubj said/-1/root "/5/punct Yes/3/ccomp ./3/punct `
	if b.String() != want {
		t.Errorf("got  %s\nwant %s", b.String(), want)
	}
}
