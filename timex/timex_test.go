package timex

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
)

// annotate runs the stage on text with dct as the publication date ("" for
// none) and returns "text=value" for each timex.
func annotate(t *testing.T, st *Stage, text, dct string) []string {
	t.Helper()
	xs, err := st.AnnotateText(context.Background(), text, dct)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range xs {
		out = append(out, x.Text+"="+x.Value)
	}
	return out
}

// valueCase is a text, its document date, and the "text=value" of each
// timex the stage should find in it.
type valueCase struct {
	text, dct string
	want      []string
}

// checkValues runs the stage on each case and reports the differences.
func checkValues(t *testing.T, tests []valueCase) {
	t.Helper()
	st := New()
	for _, tt := range tests {
		got := annotate(t, st, tt.text, tt.dct)
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%q (dct %s)\n got %q\nwant %q", tt.text, tt.dct, got, tt.want)
		}
	}
}

func TestValues(t *testing.T) {
	tests := []valueCase{
		{"The meeting will be held on May 6-7 in Rovaniemi.", "2019-05-05", []string{"May 6-7=2019-05-06/2019-05-07"}},
		{"On January 23, he proclaimed himself president. The court had annulled it two days earlier.", "2019-05-05",
			[]string{"January 23=2019-01-23", "two days earlier=2019-01-21"}},
		{"On January 23, he proclaimed himself president. The US recognised him later in the day.", "2019-05-05",
			[]string{"January 23=2019-01-23", "later in the day=2019-01-23"}},
		// past tense: the last Tuesday on or before the narrative time
		{"It was calm until April 30. On Tuesday, Guaido tweeted a video.", "2019-05-05",
			[]string{"April 30=2019-04-30", "Tuesday=2019-04-30"}},
		// future tense: the next Tuesday after the document date
		{"The ministers will meet on Tuesday.", "2019-05-01", []string{"Tuesday=2019-05-07"}},
		{"The ministers met on Tuesday.", "2019-05-01", []string{"Tuesday=2019-04-30"}},
		{"The Russian military were not involved in last week's events.", "2019-05-05", []string{"last week=2019-W18"}},
		{"Talks collapsed last week.", "2019-05-08", []string{"last week=2019-W18"}},
		{"The standoff continued for several months.", "2019-05-05", []string{"several months=PXM"}},
		{"No less than 240 protesters were detained over two days.", "2019-05-05", []string{"two days=P2D"}},
		{"Venezuela currently hosts a group of specialists.", "2019-05-05", []string{"currently=PRESENT_REF"}},
		{"He was arrested a year ago.", "2019-05-05", []string{"a year ago=2018"}},
		{"Sales will rise next month.", "2019-12-05", []string{"next month=2020-01"}},
		{"She arrived yesterday and leaves tomorrow.", "2019-05-05", []string{"yesterday=2019-05-04", "tomorrow=2019-05-06"}},
		{"The war ended in the 1990s.", "2019-05-05", []string{"the 1990s=199"}},
		{"The plan was drafted in the summer of 2018.", "2019-05-05", []string{"the summer of 2018=2018-SU"}},
		{"It opened on Jan. 23, 2019, at 3 p.m.", "2019-05-05", []string{"Jan. 23, 2019=2019-01-23", "3 p.m.=2019-01-23T15:00"}},
		{"It opened on 23 January and closed on 2019-02-01.", "2019-05-05", []string{"23 January=2019-01-23", "2019-02-01=2019-02-01"}},
		{"Elections are held every four years.", "2019-05-05", []string{"every four years=P4Y"}},
		{"The deadline was December 10.", "2019-01-05", []string{"December 10=2018-12-10"}},
		{"The law takes effect in March.", "2019-11-20", []string{"March=2020-03"}},
		{"May I ask? He may come.", "2019-05-05", nil},
		{"A 19-year-old man and 2000 people were there.", "2019-05-05", nil},
		{"The company reported results for the third quarter of 2018.", "2019-05-05", []string{"the third quarter of 2018=2018-Q3"}},
		{"Nothing is dated here: last week, on Tuesday.", "", []string{"last week=XXXX-WXX", "Tuesday=XXXX-WXX-2"}},
		{"The temple was built around 1230 BC.", "2019-05-05", []string{"1230 BC=BC1230"}},
		{"Unemployment fell by January this year and rose in October last year.", "1987-03-02",
			[]string{"January this year=1987-01", "October last year=1986-10"}},
		{"It launched a new once-a-day pill.", "1987-03-02", nil},
		{"Profit rose in the first nine months.", "1987-03-02", []string{"the first nine months=P9M"}},
		{"The referendum is to be held from November 20 to December 11.", "2015-05-07",
			[]string{"November 20=2015-11-20", "December 11=2015-12-11"}},
		{"Support fell from 2014. It was five points higher the year before, when it was new.", "2015-05-07",
			[]string{"2014=2014", "the year before=2013"}},
		{"He worked with illustrator Johnnie Christmas; only a quarter of citizens agree.", "2016-09-07", nil},
		{"The line was long shortly after opening Friday.", "2016-09-07", []string{"Friday=2016-09-02"}},
		{"The company said third-quarter net income rose.", "1998-02-18", []string{"third-quarter=1997-Q3"}},
		{"Every summer since the 1970s, the town has held a festival.", "1998-02-18",
			[]string{"Every summer=XXXX-SU", "the 1970s=197"}},
		{"Shops closed on Christmas Eve and reopen after New Year's Day.", "2019-12-20",
			[]string{"Christmas Eve=2019-12-24", "New Year's Day=2020-01-01"}},
		{"Prices rose in the mid-1990s and fell in the late 1980s.", "2019-05-05",
			[]string{"the mid-1990s=199", "the late 1980s=198"}},
		// a line break inside a paragraph is a space
		{"a surplus just two years\nearlier, from the second quarter of\n1987.", "1987-03-02",
			[]string{"two years\nearlier=1985", "the second quarter of\n1987=1987-Q2"}},
	}
	checkValues(t, tests)
}

// TestNarrativeDays covers what is read from the narrative day rather than
// the document date: clock times, parts of day, day anaphora, quoted
// deictics, weekdays, "this week", "election day".
func TestNarrativeDays(t *testing.T) {
	tests := []valueCase{
		// clock times: hedges and "local time" in the span, UTC written Z, the day beside it
		{"The march began around 18:00 local time (1500 UTC) on Thursday.", "2021-06-07",
			[]string{"around 18:00 local time=2021-06-03T18:00", "1500 UTC=2021-06-03T15:00Z", "Thursday=2021-06-03"}},
		{"The blast happened roughly 9:15 a.m. EST on March 3.", "2021-03-10",
			[]string{"roughly 9:15 a.m. EST=2021-03-03T09:15", "March 3=2021-03-03"}},
		// a four-digit time is no year, so the yearless date keeps the document's year
		{"The ship sank around 7 p.m. (1800 GMT) on May 2.", "2021-05-20",
			[]string{"around 7 p.m.=2021-05-02T19:00", "1800 GMT=2021-05-02T18:00Z", "May 2=2021-05-02"}},
		// the clock of a past clause is on the narrative day, in any paragraph
		{"On Tuesday, the ferry sank off the coast.\n\nRescuers arrived at about 21:30.", "2021-06-10",
			[]string{"Tuesday=2021-06-08", "about 21:30=2021-06-08T21:30"}},
		// parts of day
		{"The strike hit a depot on Wednesday.\n\nFighting went on into the evening and the army withdrew.", "2021-06-11",
			[]string{"Wednesday=2021-06-09", "the evening=2021-06-09TEV"}},
		{"The vote closed on Friday. Later in the morning, the mayor resigned.", "2021-06-14",
			[]string{"Friday=2021-06-11", "Later in the morning=2021-06-11TMO"}},
		{"He watched the evening news in the morning papers.", "2021-06-14", nil},
		{"In the morning of June 5, the storm hit.", "2021-06-14", []string{"the morning=2021-06-05TMO", "June 5=2021-06-05"}},
		// a year heading its sentence sets the scene; one inside a clause does not
		{"In 1859, the book appeared. On November 24, it sold out.", "2021-06-14", []string{"1859=1859", "November 24=1859-11-24"}},
		{"The firm, founded in 1995, said on March 3 that profits fell.", "2021-06-14", []string{"1995=1995", "March 3=2021-03-03"}},
		{"He won in the 2020 election. He was sworn in on November 3.", "2021-06-14", []string{"2020=2020", "November 3=2020-11-03"}},
		// deictic words in a quote are the day of the speech
		{"On Tuesday, the minister spoke to reporters.\n\nShe said, \"We signed the deal today and it takes effect tonight.\"", "2021-06-11",
			[]string{"Tuesday=2021-06-08", "today=2021-06-08", "tonight=2021-06-08TNI"}},
		// day anaphora: the last narrative day, past a month in between and a planned date
		{"On Wednesday, the court ruled. It had annulled the vote in March.\n\nThe previous day, lawyers filed appeals.", "2021-06-13",
			[]string{"Wednesday=2021-06-09", "March=2021-03", "The previous day=2021-06-08"}},
		{"On Monday, the agency announced a ban, which is to take effect on July 1. The text was published later the same day.", "2021-06-09",
			[]string{"Monday=2021-06-07", "July 1=2021-07-01", "later the same day=2021-06-07"}},
		// weekdays: the main clause's tense past a noun's infinitive; a narrative in the last week
		{"On Wednesday, Jane Roe, a candidate in the vote to be held on June 20, led a march. She urged supporters to turn out on election day.", "2021-06-07",
			[]string{"Wednesday=2021-06-02", "June 20=2021-06-20", "election day=2021-06-20"}},
		{"Turnout is always high on election day.", "2021-06-07", nil},
		{"On Thursday, Smith, who will stand in the vote, held a rally.", "2021-06-07", []string{"Thursday=2021-06-03"}},
		{"On Thursday, the talks stalled. As of Friday, no deal was reached.", "2021-06-12",
			[]string{"Thursday=2021-06-10", "Friday=2021-06-11"}},
		// "this week" in the past, its paragraph's days in the week before
		{"This week saw mass protests in the capital. On Thursday, police made arrests.", "2021-06-07",
			[]string{"This week=2021-W22", "Thursday=2021-06-03"}},
		{"The summit took place this week. On Thursday, it ended.", "2021-06-13",
			[]string{"this week=2021-W23", "Thursday=2021-06-10"}},
		// durations
		{"It was the worst flood in a decade, after two decades of growth and decades of war.", "2021-06-07",
			[]string{"a decade=P10Y", "two decades=P20Y", "decades=PXDE"}},
		{"The firm has traded for over 40 years; in the twelve months of talks, within roughly a week, it got a second chance.", "2021-06-07",
			[]string{"over 40 years=P40Y", "the twelve months=P12M", "roughly a week=P1W"}},
		{"Under a 2005 treaty, the base stayed open.", "2021-06-07", []string{"2005=2005"}},
	}
	checkValues(t, tests)
}

func TestSpansExcludePrepositions(t *testing.T) {
	xs, err := New().AnnotateText(context.Background(), "Lavrov will hold talks in Moscow on Sunday.", "2019-05-05")
	if err != nil {
		t.Fatal(err)
	}
	if len(xs) != 1 || xs[0].Text != "Sunday" || xs[0].Value != "2019-05-05" {
		t.Errorf("got %+v, want one timex \"Sunday\" = 2019-05-05", xs)
	}
}

func TestNewsFile(t *testing.T) {
	f, err := os.Open("testdata/news.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	var s Scores
	if err := New().Evaluate(context.Background(), docs, &s); err != nil {
		t.Fatal(err)
	}
	_, _, sf := s.StrictPRF()
	_, _, vf := s.ValuePRF()
	t.Logf("testdata/news.jsonl: %d gold, strict F1 %.1f, value F1 %.1f", s.Gold, sf, vf)
	if sf < 95 || vf < 95 {
		t.Errorf("strict F1 %.1f, value F1 %.1f: want both >= 95", sf, vf)
	}
}

func date(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// docWithDateline builds a document whose dateline prints month and day
// only, as the clean stage would.
func docWithDateline(text, monthDay string) *dateline.Document {
	doc := dateline.NewDocument(dateline.Article{Text: text})
	doc.Text = text
	doc.Dateline = &dateline.Dateline{Text: text[:strings.IndexByte(text, '.')+1], MonthDay: monthDay,
		Span: dateline.Span{Start: 0, End: strings.IndexByte(text, '.') + 1}}
	return doc
}

func TestInferYear(t *testing.T) {
	// a made-up office-holder for our own sentences
	tenures := func(name string) []dateline.Tenure {
		if name == "Jane Example" {
			return []dateline.Tenure{{Person: name, Office: "Minister of Examples", Start: date("2012-06-01"), End: date("2016-06-01")}}
		}
		return nil
	}
	now := func() time.Time { return date("2026-11-27") }
	tests := []struct {
		name, text, md string
		tenures        bool
		want           string
		basis          []string
		problem        bool
	}{
		{"weekday and tenure", "PARIS, March 3. Minister of Examples Jane Example will travel to Rome on Sunday, March 3.", "03-03", true,
			"2013-03-03", []string{"Sunday", "Jane Example", "2013"}, false},
		// named without the office: she may have held another one then
		{"tenure without office", "PARIS, March 3. Jane Example will travel to Rome on Sunday, March 3.", "03-03", true,
			"2024-03-03", []string{"Sunday"}, true},
		{"weekday only, ambiguous", "PARIS, March 3. Minister of Examples Jane Example will travel to Rome on Sunday, March 3.", "03-03", false,
			"2024-03-03", []string{"Sunday"}, true},
		// one weekday read against the dateline may name another day
		{"lone weekday", "PARIS, March 3. The minister will travel to Rome on Sunday.", "03-03", false,
			"2026-03-03", []string{"No year is printed"}, true},
		{"two weekdays agree", "PARIS, March 3. The minister will travel to Rome on Sunday. On Sunday she will also see the pope.", "03-03", false,
			"2024-03-03", []string{"March 3 falls on a Sunday"}, true},
		{"past weekday is another day", "PARIS, March 3. The minister said on Tuesday she was tired. On Tuesday she rested.", "03-03", false,
			"2026-03-03", nil, true},
		{"weekday beside a date", "PARIS, March 3. The vote is on Tuesday, March 5, officials said.", "03-03", false,
			"2024-03-03", []string{"Tuesday"}, true},
		{"nothing narrows", "PARIS, March 3. The minister spoke.", "03-03", false,
			"2026-03-03", []string{"No year is printed"}, true},
		{"not after today", "PARIS, December 30. The minister spoke.", "12-30", false,
			"2025-12-30", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := docWithDateline(tt.text, tt.md)
			st := New()
			st.Now = now
			if tt.tenures {
				st.Tenures = tenures
			}
			if err := st.Annotate(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			if doc.Date == nil || doc.Date.Value != tt.want {
				t.Fatalf("date %+v, want %s", doc.Date, tt.want)
			}
			for _, w := range tt.basis {
				if !strings.Contains(doc.Date.Basis, w) {
					t.Errorf("basis %q lacks %q", doc.Date.Basis, w)
				}
			}
			if got := len(doc.Problems) > 0; got != tt.problem {
				t.Errorf("problems %v, want a problem: %v", doc.Problems, tt.problem)
			}
		})
	}
}

func TestMetadataFirst(t *testing.T) {
	doc := docWithDateline("PARIS, March 3. The minister spoke on Sunday.", "03-03")
	doc.Published = time.Date(2020, 3, 3, 14, 0, 0, 0, time.UTC)
	if err := New().Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Date.Value != "2020-03-03" || !strings.Contains(doc.Date.Basis, "metadata") {
		t.Errorf("date %+v, want 2020-03-03 from metadata", doc.Date)
	}
	if got := doc.Timexes[len(doc.Timexes)-1].Value; got != "2020-03-01" {
		t.Errorf("Sunday = %s, want 2020-03-01", got)
	}
}

func TestSentenceTime(t *testing.T) {
	text := "On May 1, Lavrov and Pompeo talked by telephone. Lavrov said the meddler was the US.\n\nThe US demands their pullout."
	doc := dateline.NewDocument(dateline.Article{Text: text})
	doc.Text = text
	doc.Published = date("2019-05-05")
	doc.Paragraphs = []dateline.Span{{Start: 0, End: 84}, {Start: 86, End: len(text)}}
	doc.Sentences = []dateline.Sentence{{Span: dateline.Span{Start: 0, End: 48}}, {Span: dateline.Span{Start: 49, End: 84}}, {Span: dateline.Span{Start: 86, End: len(text)}}}
	if err := New().Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	want := []string{"2019-05-01", "2019-05-01", ""}
	for i, s := range doc.Sentences {
		if s.Time != want[i] {
			t.Errorf("sentence %d time %q, want %q", i, s.Time, want[i])
		}
	}
	if d := doc.DateOf(doc.Sentences[1].Span); d.Value != "2019-05-01" || d.Precision != "day" {
		t.Errorf("DateOf(sentence 2) = %+v", d)
	}
	if d := doc.DateOf(doc.Sentences[2].Span); d.Value != "2019-05-05" {
		t.Errorf("DateOf(sentence 3) = %+v, want the article date", d)
	}
}

func TestRecogniseSpansInBounds(t *testing.T) {
	for _, s := range []string{"", "May", "May 6-", "the", "1990s", "'90s", "3 p.", "every", "Tuesday,", "the end of"} {
		for _, x := range Recognise(s) {
			if x.Start < 0 || x.End > len(s) || x.Start >= x.End {
				t.Errorf("%q: span [%d,%d) out of bounds", s, x.Start, x.End)
			}
		}
	}
}

// tagged builds a document whose tokens carry Penn tags, as the tagger
// would leave them: words split at spaces and before final punctuation.
func tagged(text string, tags ...string) *dateline.Document {
	doc := dateline.NewDocument(dateline.Article{Text: text})
	doc.Text = text
	k := 0
	for i := 0; i < len(text); {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != ',' && text[j] != '.' {
			j++
		}
		if j == i && i < len(text) {
			j = i + 1
		}
		if j > i {
			tag := ""
			if k < len(tags) {
				tag = tags[k]
			}
			doc.Tokens = append(doc.Tokens, dateline.Token{Span: dateline.Span{Start: i, End: j}, Text: text[i:j], Tag: tag, Head: -1})
			k++
		}
		i = j
	}
	doc.Sentences = []dateline.Sentence{{Span: dateline.Span{Start: 0, End: len(text)}, Tokens: dateline.Range{End: len(doc.Tokens)}}}
	return doc
}

func TestTenseFromTags(t *testing.T) {
	tests := []struct {
		text string
		tags []string
		want string
	}{
		{"On Tuesday , Guaido tweeted a video .", []string{"IN", "NNP", ",", "NNP", "VBD", "DT", "NN", "."}, "2019-04-30"},
		{"Guaido will tweet on Tuesday .", []string{"NNP", "MD", "VB", "IN", "NNP", "."}, "2019-05-07"},
		{"Talks are expected to resume on Tuesday .", []string{"NNS", "VBP", "VBN", "TO", "VB", "IN", "NNP", "."}, "2019-05-07"},
		{"He has met them on Tuesday .", []string{"PRP", "VBZ", "VBN", "PRP", "IN", "NNP", "."}, "2019-04-30"},
		// the main verb after a noun's infinitive gives the tense
		{"On Saturday , Roe , a candidate in the election to be held soon , led a march .",
			[]string{"IN", "NNP", ",", "NNP", ",", "DT", "NN", "IN", "DT", "NN", "TO", "VB", "VBN", "RB", ",", "VBD", "DT", "NN", "."}, "2019-04-27"},
	}
	for _, tt := range tests {
		doc := tagged(tt.text, tt.tags...)
		doc.Published = date("2019-05-02") // a Thursday
		if err := New().Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Timexes) != 1 || doc.Timexes[0].Value != tt.want {
			t.Errorf("%q: got %+v, want %s", tt.text, doc.Timexes, tt.want)
		}
	}
}
