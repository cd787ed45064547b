package timex

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dateline-news/dateline"
)

// FuzzRecognise checks that the recogniser and the whole stage never panic
// or loop, that spans lie inside the text, in order and without overlap,
// and that every timex has a type and a value.
func FuzzRecognise(f *testing.F) {
	for _, s := range []string{
		"MOSCOW, May 5. /TASS/. Lavrov will meet Arreaza on Sunday.",
		"On January 23, two days earlier, later in the day, last week, May 6-7.",
		"the end of the year, early 2019, mid-May, the 1990s, '90s, 1230 BC, AD 394",
		"3 p.m. GMT, 10:30 a.m., noon, every Sunday, twice a year, the past two years",
		"Tuesday, April 30, 2019 - 2019-05-05 5/5/2019 the third quarter of 2018",
		"for several months, a couple of days, twenty-five years, the next day",
		"\xff\xfe May \u2013 6\u20137 \u00a0Sunday\u2019s",
	} {
		f.Add(s, int64(0), 5, 5)
	}
	f.Fuzz(func(t *testing.T, text string, unix int64, month, dayOfMonth int) {
		xs := Recognise(text)
		prev := 0
		for _, x := range xs {
			if x.Start < prev || x.Start >= x.End || x.End > len(text) {
				t.Fatalf("span [%d,%d) after %d in %d bytes", x.Start, x.End, prev, len(text))
			}
			prev = x.End
		}
		doc := dateline.NewDocument(dateline.Article{Text: text})
		doc.Text = text
		if unix%3 == 0 {
			doc.Published = time.Unix(unix%(1<<35), 0).UTC()
		}
		if unix%3 == 1 {
			md := twoDigits(((month%12)+12)%12+1) + "-" + twoDigits(((dayOfMonth%31)+31)%31+1)
			doc.Dateline = &dateline.Dateline{MonthDay: md, Span: dateline.Span{Start: 0, End: min(5, len(text))}}
		}
		st := New()
		st.Now = func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }
		st.Tenures = func(string) []dateline.Tenure {
			return []dateline.Tenure{{Start: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)}}
		}
		if err := st.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, x := range doc.Timexes {
			if x.Span.Start < 0 || x.Span.End > len(text) || x.Type == "" || x.Value == "" {
				t.Fatalf("bad timex %+v", x)
			}
			if utf8.ValidString(text) && !utf8.ValidString(x.Text) {
				t.Fatalf("timex %q splits a character", x.Text)
			}
		}
		if doc.Date == nil {
			t.Fatal("no document date record")
		}
	})
}

// FuzzReadGold checks that the evaluation reader never panics and that
// what it accepts has spans inside the text.
func FuzzReadGold(f *testing.F) {
	f.Add(`{"id":"a","dct":"2019-05-05","text":"on Sunday","timexes":[{"start":3,"end":9,"text":"Sunday","type":"DATE","value":"2019-05-05"}]}`)
	f.Add(`{"id":"b","text":"x","timexes":[{"start":0,"end":5}]}` + "\n\n{}")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadGold(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			n := utf8.RuneCountInString(d.Text)
			for _, x := range d.Timexes {
				if x.Start < 0 || x.End > n || x.Start >= x.End {
					t.Fatalf("accepted span [%d,%d) in %d code points", x.Start, x.End, n)
				}
			}
			var sc Scores
			sc.Add(d.ID, d.Timexes, d.Timexes, d.Types)
			if sc.Strict != len(d.Timexes) {
				t.Fatalf("gold against itself: %d strict of %d", sc.Strict, len(d.Timexes))
			}
		}
	})
}
