package segment

import (
	"context"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
)

// segmentText runs the segmenter on text and returns the document.
func segmentText(t *testing.T, text string) *dateline.Document {
	t.Helper()
	doc := &dateline.Document{Text: text}
	if err := New().Annotate(context.Background(), doc); err != nil {
		t.Fatalf("Annotate: %v", err)
	}
	checkInvariants(t, doc)
	return doc
}

// tokenTexts joins the token texts with "|".
func tokenTexts(doc *dateline.Document) string {
	ws := make([]string, len(doc.Tokens))
	for i, tk := range doc.Tokens {
		ws[i] = tk.Text
	}
	return strings.Join(ws, "|")
}

func TestTokens(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"words", "Lavrov will hold talks", "Lavrov|will|hold|talks"},
		{"final period", "He left.", "He|left|."},
		{"comma and decimals", "It rose 3.5 percent, to 1,250,000 barrels.", "It|rose|3.5|percent|,|to|1,250,000|barrels|."},
		{"clitics", "I'm sure they're gonna say it's theirs, can't they?", "I|'m|sure|they|'re|gon|na|say|it|'s|theirs|,|ca|n't|they|?"},
		{"more clitics", "We'll, you've, she'd, won't, cannot, wanna, gotta, dont", "We|'ll|,|you|'ve|,|she|'d|,|wo|n't|,|can|not|,|wan|na|,|got|ta|,|do|nt"},
		{"curly clitics", "Lavrov’s talks didn’t end; I’m here, we’re there.", "Lavrov|’s|talks|did|n’t|end|;|I|’m|here|,|we|’re|there|."},
		{"possessive plural", "the countries' leaders", "the|countries|'|leaders"},
		{"straight quotes", `He said "no" and 'yes'.`, `He|said|"|no|"|and|'|yes|'|.`},
		{"curly quotes", "“Untrue,” he said, ‘mildly’.", "“|Untrue|,|”|he|said|,|‘|mildly|’|."},
		{"brackets", "(except for Mexico) [sic] {x}", "(|except|for|Mexico|)|[|sic|]|{|x|}"},
		{"hyphen split", "a search-engine and a full-fledged long-term plan", "a|search|-|engine|and|a|full|-|fledged|long|-|term|plan"},
		{"hyphen prefixes", "e-mail non-human re-elected anti-war co-workers pre-war", "e-mail|non-human|re-elected|anti-war|co-workers|pre-war"},
		{"phone and ranges", "call 713-853-3989 or 345-9945 on 5-10 May 1969-1970", "call|713-853-3989|or|345-9945|on|5|-|10|May|1969|-|1970"},
		{"dashes", "Russia -- and Belarus — agreed", "Russia|--|and|Belarus|—|agreed"},
		{"abbreviations", "U.S. Gen. Smith met Dr. Jones in Jan. at 5 p.m. on Ave. B", "U.S.|Gen.|Smith|met|Dr.|Jones|in|Jan.|at|5|p.m.|on|Ave.|B"},
		{"initials", "J. R. R. Tolkien and George W. Bush", "J.|R.|R.|Tolkien|and|George|W.|Bush"},
		{"ellipsis", "Well... maybe…", "Well|...|maybe|…"},
		{"exclamations", "Wow!!! Really?! No?", "Wow|!!!|Really|?!|No|?"},
		{"money and percent", "$5.50 is 10% of #1", "$|5.50|is|10|%|of|#|1"},
		{"url", "See http://www.example.com/a?b=c&d=1. Or www.tass.com.", "See|http://www.example.com/a?b=c&d=1|.|Or|www.tass.com|."},
		{"url in brackets", "(https://en.wikipedia.org/wiki/A_(b))", "(|https://en.wikipedia.org/wiki/A_(b)|)"},
		{"email", "Write to jane.doe@example.org, please.", "Write|to|jane.doe@example.org|,|please|."},
		{"slash", "and/or 9/11 11/28/2000", "and|/|or|9/11|11/28/2000"},
		{"times", "at 5:30 or 10:53 AM", "at|5:30|or|10:53|AM"},
		{"colon", "Note:the end", "Note|:|the|end"},
		{"emoticon", "great :) really :-(", "great|:)|really|:-("},
		{"list marker", "2. Matter is small.", "2.|Matter|is|small|."},
		{"years", "in the '60s", "in|the|'60s"},
		{"cut word", "th- the plan", "th-|the|plan"},
		{"apostrophe inside", "O'Brien's rock", "O'Brien|'s|rock"},
		{"unicode", "Ñandú’s café—naïve", "Ñandú|’s|café|—|naïve"},
		{"nbsp", "a\u00a0b\u2009c", "a|b|c"},
		{"symbols", "5€ and ©TASS", "5|€|and|©|TASS"},
		{"sentence-final abbreviation", "He works for Acme Inc.", "He|works|for|Acme|Inc."},
		{"tag dot", "the end of 2019.", "the|end|of|2019|."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := segmentText(t, tt.in)
			if got := tokenTexts(doc); got != tt.want {
				t.Errorf("tokens of %q\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

// sentenceTexts returns the text of each sentence, with its kind when it
// has one ("title: ...").
func sentenceTexts(doc *dateline.Document) []string {
	var out []string
	for _, s := range doc.Sentences {
		txt := doc.Span(s.Span)
		if s.Kind != "" {
			txt = s.Kind + ": " + txt
		}
		out = append(out, txt)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "Lavrov arrived. He met Arreaza! Did they agree? Yes.",
			[]string{"Lavrov arrived.", "He met Arreaza!", "Did they agree?", "Yes."}},
		{"titles and initials", "Mr. J. Smith met Gen. Padrino in St. Petersburg. They talked.",
			[]string{"Mr. J. Smith met Gen. Padrino in St. Petersburg.", "They talked."}},
		{"months", "On Jan. 23 Guaido spoke. On Feb. 23 the opposition tried.",
			[]string{"On Jan. 23 Guaido spoke.", "On Feb. 23 the opposition tried."}},
		{"abbreviation before a name", "The U.S. President spoke to U.S. Secretary Pompeo.",
			[]string{"The U.S. President spoke to U.S. Secretary Pompeo."}},
		{"abbreviation ends a sentence", "He moved to the U.S. The move was quick.",
			[]string{"He moved to the U.S.", "The move was quick."}},
		{"company", "She joined Acme Inc. in 2001. Acme Inc. The firm grew.",
			[]string{"She joined Acme Inc. in 2001.", "Acme Inc.", "The firm grew."}},
		{"decimals", "Growth was 2.5 percent. Inflation was 3.1 percent.",
			[]string{"Growth was 2.5 percent.", "Inflation was 3.1 percent."}},
		{"closing quote", `He said: "It is untrue." Then he left.`,
			[]string{`He said: "It is untrue."`, "Then he left."}},
		{"curly closing quote", "“It is untrue.” Then he left.",
			[]string{"“It is untrue.”", "Then he left."}},
		{"closing bracket", "(He left early.) Then we ate.",
			[]string{"(He left early.)", "Then we ate."}},
		{"quote then lower case", `"Why?" he asked. "Because," she said.`,
			[]string{`"Why?" he asked.`, `"Because," she said.`}},
		{"opening quote starts", `He left. "We won," she said.`,
			[]string{"He left.", `"We won," she said.`}},
		{"digit starts", "It grew in 2018. 2019 was worse.",
			[]string{"It grew in 2018.", "2019 was worse."}},
		{"ellipsis", "I think... maybe not. Well... Then we go.",
			[]string{"I think... maybe not.", "Well...", "Then we go."}},
		{"lower case informal", "i went there. it was fine",
			[]string{"i went there.", "it was fine"}},
		{"no space after stop", "See www.tass.ru.Then more", []string{"See www.tass.ru.Then more"}},
		{"e.g.", "Some countries, e.g. Cuba, agreed.", []string{"Some countries, e.g. Cuba, agreed."}},
		{"citation", "Bias is studied. [1 - 3] Sociologists agree.",
			[]string{"Bias is studied. [1 - 3]", "Sociologists agree."}},
		{"paragraphs", "No stop here\n\nNew paragraph. Second one.",
			[]string{"No stop here", "New paragraph.", "Second one."}},
		{"paragraph with spaces", "First\n  \t\nSecond", []string{"First", "Second"}},
		{"line break inside", "One line\nbreaks here. Next.", []string{"One line\nbreaks here.", "Next."}},
		{"colon before an opener", "He said the following: The talks failed.",
			[]string{"He said the following:", "The talks failed."}},
		{"colon before a name", "Ten countries: Russia and Cuba.", []string{"Ten countries: Russia and Cuba."}},
		{"sign-off", "See you there. Regards, Mike", []string{"See you there.", "Regards,", "Mike"}},
		{"salutation", "Hi Mike, Please call me.", []string{"Hi Mike,", "Please call me."}},
		{"rule line", "The end ===== Next part", []string{"The end", "=====", "Next part"}},
		// EWT makes a bare "Thanks" before the writer's name a sentence of
		// its own (16 times in train), and so does the boundary model.
		{"e-mail stamp", "Thanks Kay Mann 04/26/2001 07:17 AM Will you go?",
			[]string{"Thanks", "Kay Mann", "04/26/2001 07:17 AM", "Will you go?"}},
		{"list items", "I have questions 1) what to do 2) where to go", []string{"I have questions", "1) what to do", "2) where to go"}},
		{"item in brackets", "born in (Wave 1) the year", []string{"born in (Wave 1) the year"}},
		{"links", "See http://a.com/x http://b.org/y", []string{"See http://a.com/x", "http://b.org/y"}},
		{"emoticon", "Great place :) We loved it", []string{"Great place :)", "We loved it"}},
		{"bracketed source", "(BBC) The talks failed.", []string{"(BBC)", "The talks failed."}},
		{"question then lower case", "what do you think? i had a blast", []string{"what do you think?", "i had a blast"}},
		{"empty", "", nil},
		{"spaces only", " \n\n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := segmentText(t, tt.in)
			got := sentenceTexts(doc)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || len(got) != len(tt.want) {
				t.Errorf("sentences of %q\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnits(t *testing.T) {
	title := "Lavrov to meet with Venezuelan counterpart Sunday"
	sub := "The meeting will take place ahead of talks"
	head := "Venezuelan crisis"
	dl := "MOSCOW, May 5. /TASS/."
	body := "Russian Foreign Minister Sergey Lavrov will hold talks. The meeting is on Sunday."
	body2 := "On January 23, Guaido spoke. The U.S. reacted."
	text := title + "\n\n" + sub + "\n\n" + dl + " " + body + "\n\n" + head + "\n\n" + body2
	at := func(s string) dateline.Span {
		i := strings.Index(text, s)
		return dateline.Span{Start: i, End: i + len(s)}
	}
	tsp, ssp := at(title), at(sub)
	para := func(a, b string) dateline.Span {
		return dateline.Span{Start: strings.Index(text, a), End: strings.Index(text, b) + len(b)}
	}
	want := []string{
		"title: " + title,
		"subtitle: " + sub,
		"dateline: " + dl,
		"Russian Foreign Minister Sergey Lavrov will hold talks.",
		"The meeting is on Sunday.",
		"heading: " + head,
		"On January 23, Guaido spoke.",
		"The U.S. reacted.",
	}
	for _, withParas := range []bool{true, false} {
		doc := &dateline.Document{Text: text, TitleSpan: &tsp, SubtitleSpan: &ssp,
			Headings: []dateline.Heading{{Text: head, Span: at(head)}},
			Dateline: &dateline.Dateline{Text: dl, Span: at(dl)}}
		if withParas {
			doc.Paragraphs = []dateline.Span{at(title), at(sub), para(dl, body), at(head), at(body2)}
		}
		if err := New().Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, doc)
		got := sentenceTexts(doc)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("paragraphs given %v:\n got %q\nwant %q", withParas, got, want)
		}
	}
}

func TestSpans(t *testing.T) {
	text := "  “Lavrov’s talks,” he said.\n\nMOSCOW  (TASS)  —  Yes!"
	doc := segmentText(t, text)
	type tok struct {
		text       string
		start, end int
	}
	want := []tok{
		{"“", 2, 5}, {"Lavrov", 5, 11}, {"’s", 11, 15}, {"talks", 16, 21}, {",", 21, 22}, {"”", 22, 25},
		{"he", 26, 28}, {"said", 29, 33}, {".", 33, 34},
		{"MOSCOW", 36, 42}, {"(", 44, 45}, {"TASS", 45, 49}, {")", 49, 50}, {"—", 52, 55}, {"Yes", 57, 60}, {"!", 60, 61},
	}
	if len(doc.Tokens) != len(want) {
		t.Fatalf("got %d tokens %s, want %d", len(doc.Tokens), tokenTexts(doc), len(want))
	}
	for i, w := range want {
		g := doc.Tokens[i]
		if g.Text != w.text || g.Span.Start != w.start || g.Span.End != w.end || g.Head != -1 {
			t.Errorf("token %d = %q %v head %d, want %q [%d,%d) head -1", i, g.Text, g.Span, g.Head, w.text, w.start, w.end)
		}
	}
	wantSents := []dateline.Sentence{
		{Span: dateline.Span{Start: 2, End: 34}, Tokens: dateline.Range{Start: 0, End: 9}},
		{Span: dateline.Span{Start: 36, End: 61}, Tokens: dateline.Range{Start: 9, End: 16}},
	}
	if len(doc.Sentences) != len(wantSents) {
		t.Fatalf("got %d sentences %q", len(doc.Sentences), sentenceTexts(doc))
	}
	for i, w := range wantSents {
		if doc.Sentences[i] != w {
			t.Errorf("sentence %d = %+v, want %+v", i, doc.Sentences[i], w)
		}
	}
}

func TestMaxTokens(t *testing.T) {
	text := strings.Repeat("word, ", 1000) + "end"
	seg := New()
	seg.MaxTokens = 100
	doc := &dateline.Document{Text: text}
	if err := seg.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, doc)
	if len(doc.Tokens) != 2001 {
		t.Fatalf("got %d tokens, want 2001", len(doc.Tokens))
	}
	for i, s := range doc.Sentences {
		if s.Tokens.Len() > 100 {
			t.Errorf("sentence %d has %d tokens", i, s.Tokens.Len())
		}
		if i < len(doc.Sentences)-1 && doc.Tokens[s.Tokens.End-1].Text != "," {
			t.Errorf("sentence %d cut after %q, want after a comma", i, doc.Tokens[s.Tokens.End-1].Text)
		}
	}
	if len(doc.Problems) != len(doc.Sentences)-1 || len(doc.Problems) == 0 {
		t.Errorf("got %d problems for %d sentences", len(doc.Problems), len(doc.Sentences))
	}
}

func TestLongParagraphWithoutStop(t *testing.T) {
	text := strings.Repeat("a ", 500_000) // 1 MB, no full stop
	doc := segmentText(t, text)
	if len(doc.Tokens) != 500_000 {
		t.Fatalf("got %d tokens", len(doc.Tokens))
	}
	if n := len(doc.Sentences); n != (500_000+299)/300 {
		t.Errorf("got %d sentences, want %d of at most 300 tokens", n, (500_000+299)/300)
	}
}

func TestReannotate(t *testing.T) {
	doc := &dateline.Document{Text: "One. Two."}
	seg := New()
	for range 2 {
		if err := seg.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	}
	if len(doc.Sentences) != 2 || len(doc.Tokens) != 4 {
		t.Errorf("after two runs: %d sentences, %d tokens", len(doc.Sentences), len(doc.Tokens))
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Annotate(ctx, &dateline.Document{Text: "One."}); err == nil {
		t.Error("Annotate with a cancelled context: no error")
	}
}

func TestBadSpans(t *testing.T) {
	text := "Title here\n\nBody. More."
	bad := dateline.Span{Start: -5, End: 1000}
	doc := &dateline.Document{Text: text, TitleSpan: &dateline.Span{Start: 0, End: 10},
		SubtitleSpan: &bad, Paragraphs: []dateline.Span{{Start: 12, End: 23}, {Start: 0, End: 10}, {Start: 30, End: 20}},
		Headings: []dateline.Heading{{Span: dateline.Span{Start: 5, End: 3}}}}
	if err := New().Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, doc)
}

// checkInvariants fails t when the layers of doc break the segmenter's
// contract: spans in bounds, increasing and not overlapping, token text
// equal to its span, every token in exactly one sentence, in order.
func checkInvariants(t testing.TB, doc *dateline.Document) {
	t.Helper()
	n := len(doc.Text)
	prev := 0
	for i, tk := range doc.Tokens {
		if tk.Span.Start < prev || tk.Span.End <= tk.Span.Start || tk.Span.End > n {
			t.Fatalf("token %d span %v out of order or bounds (prev end %d, len %d)", i, tk.Span, prev, n)
		}
		if tk.Text != doc.Text[tk.Span.Start:tk.Span.End] {
			t.Fatalf("token %d text %q, span says %q", i, tk.Text, doc.Text[tk.Span.Start:tk.Span.End])
		}
		if tk.Head != -1 {
			t.Fatalf("token %d head %d, want -1", i, tk.Head)
		}
		prev = tk.Span.End
	}
	next := 0
	prevEnd := 0
	for i, s := range doc.Sentences {
		if s.Tokens.Start != next || s.Tokens.End <= s.Tokens.Start || s.Tokens.End > len(doc.Tokens) {
			t.Fatalf("sentence %d tokens %v, want to start at %d", i, s.Tokens, next)
		}
		next = s.Tokens.End
		if s.Span.Start < prevEnd || s.Span.Start != doc.Tokens[s.Tokens.Start].Span.Start ||
			s.Span.End != doc.Tokens[s.Tokens.End-1].Span.End {
			t.Fatalf("sentence %d span %v does not fit its tokens", i, s.Span)
		}
		prevEnd = s.Span.End
	}
	if next != len(doc.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(doc.Tokens))
	}
}

func TestConcurrent(t *testing.T) {
	seg := New()
	text := benchText(20_000)
	want := len(segmentText(t, text).Tokens)
	done := make(chan int)
	for range 4 {
		go func() {
			doc := &dateline.Document{Text: text}
			seg.Annotate(context.Background(), doc)
			done <- len(doc.Tokens)
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent run: %d tokens, want %d", got, want)
		}
	}
}
