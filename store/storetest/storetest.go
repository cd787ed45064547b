// Package storetest is the test suite every [dateline.Store] backend must
// pass, and sample documents with every layer for tests of code that reads
// a store (query, export).
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dateline-news/dateline"
)

// Opener returns a new, empty store for one test; the test closes it.
type Opener func(tb testing.TB) dateline.Store

// Doc returns sample document i: a short wire story whose layers (entities
// with mentions, time expressions, quotes and two events) all point into
// its text. Different i give different texts, dates and actors.
func Doc(i int) *dateline.Document {
	countries := []struct{ code, place, name string }{
		{"RUS", "MOSCOW", "Russia"}, {"USA", "WASHINGTON", "United States"}, {"VEN", "CARACAS", "Venezuela"},
	}
	c := countries[i%len(countries)]
	o := countries[(i+1)%len(countries)]
	day := time.Date(2019, 5, 1+i%28, 12, 0, 0, 0, time.UTC)
	title := fmt.Sprintf("%s criticises %s, story %d", c.name, o.name, i)
	body := fmt.Sprintf("%s, May %d - %s on Sunday criticised %s, the foreign minister said. \"We will meet next week,\" he said.",
		c.place, day.Day(), c.name, o.name)
	raw := title + "\n\n" + body
	doc := dateline.NewDocument(dateline.Article{
		ID: fmt.Sprintf("doc-%d", i), Text: raw, Title: title, Date: day,
		URL: fmt.Sprintf("https://example.org/story/%d", i), Source: "storetest",
	})
	doc.Text = raw
	at := func(s string, from int) dateline.Span {
		for k := from; k+len(s) <= len(raw); k++ {
			if raw[k:k+len(s)] == s {
				return dateline.Span{Start: k, End: k + len(s)}
			}
		}
		return dateline.Span{} // not reached: every string looked up is in the text
	}
	bodyAt := len(title) + 2
	ts := dateline.Span{Start: 0, End: len(title)}
	doc.TitleSpan = &ts
	doc.Paragraphs = []dateline.Span{ts, {Start: bodyAt, End: len(raw)}}
	s1 := at(c.name+" on Sunday", bodyAt)
	sent1 := dateline.Span{Start: bodyAt, End: at("said.", bodyAt).End}
	sent2 := dateline.Span{Start: sent1.End + 1, End: len(raw)}
	doc.Sentences = []dateline.Sentence{
		{Span: ts, Kind: dateline.KindTitle},
		{Span: sent1}, {Span: sent2},
	}
	dl := at(fmt.Sprintf("%s, May %d", c.place, day.Day()), bodyAt)
	doc.Dateline = &dateline.Dateline{Text: raw[dl.Start:dl.End], Place: c.place, Country: c.code,
		MonthDay: fmt.Sprintf("May %d", day.Day()), Span: dl, PlaceSpan: at(c.place, bodyAt)}
	doc.Date = &dateline.DocDate{Value: day.Format("2006-01-02"), Basis: "dateline day with the year of the metadata date"}
	src := dateline.Span{Start: s1.Start, End: s1.Start + len(c.name)}
	tgt := at(o.name, s1.End)
	doc.Entities = []dateline.Entity{
		{ID: "e1", Name: c.name, Type: "GPE", Actor: c.code + "GOV", Country: c.code,
			Mentions: []dateline.EntityMention{{Span: at(c.name, 0), Text: c.name}, {Span: src, Text: c.name}},
			Geo:      &dateline.Geo{GeonameID: 1000 + i, Lat: 55.75, Lon: 37.62, Country: c.code}},
		{ID: "e2", Name: o.name, Type: "GPE", Actor: o.code + "GOV", Country: o.code,
			Mentions: []dateline.EntityMention{{Span: tgt, Text: o.name}}},
	}
	sunday := at("Sunday", bodyAt)
	nextWeek := at("next week", bodyAt)
	doc.Timexes = []dateline.Timex{
		{Span: sunday, Text: "Sunday", Type: "DATE", Value: day.Format("2006-01-02"), Anchor: "document date"},
		{Span: nextWeek, Text: "next week", Type: "DATE", Value: "2019-W20"},
	}
	qs := at("We will meet next week,", bodyAt)
	doc.Quotes = []dateline.Quote{
		{Span: qs, Text: raw[qs.Start:qs.End], Kind: "direct",
			Cue:     &dateline.Cue{Span: at("said", qs.End), Text: "said", Lemma: "say"},
			Speaker: "e1", SpeakerName: "the foreign minister"},
		{Span: sent1, Text: raw[sent1.Start:sent1.End], Kind: "indirect"},
	}
	trig := at("criticised", bodyAt)
	meet := at("meet", qs.Start)
	doc.Events = []dateline.Event{
		{ID: "ev1", Code: "111", Root: "11", Plover: dateline.Plover{Type: "DISAPPROVE", Mode: "criticize"},
			Goldstein: -2, Quad: 3,
			Source: dateline.Participant{Actor: c.code + "GOV", Entity: "e1", Name: c.name},
			Target: &dateline.Participant{Actor: o.code + "GOV", Entity: "e2", Name: o.name},
			Date:   dateline.EventDate{Value: day.Format("2006-01-02"), Precision: "day", Basis: "Sunday"},
			Place:  &dateline.EventPlace{Name: c.place, Entity: "e1", Geo: &dateline.Geo{GeonameID: 1000 + i, Lat: 55.75, Lon: 37.62, Country: c.code}},
			Mood:   "asserted", Sentence: sent1, Trigger: trig, Pattern: "criticise", Confidence: 0.9},
		{ID: "ev2", Code: "036", Root: "03", Plover: dateline.Plover{Type: "CONSULT"},
			Goldstein: 4, Quad: 1,
			Source: dateline.Participant{Actor: "", Name: "allies", Members: []dateline.Participant{
				{Actor: c.code + "GOV", Name: c.name}, {Actor: o.code, Name: o.name}}},
			Date:    dateline.EventDate{Value: "2019-05-13/2019-05-19", Precision: "range", Basis: "next week"},
			Mood:    "planned",
			Negated: i%2 == 1, Sentence: sent2, Trigger: meet, Pattern: "meet", Confidence: 0.5},
	}
	doc.Problems = append(doc.Problems, dateline.Problem{Stage: "storetest", Span: sunday, Message: "sample problem"})
	return doc
}

// Run runs the suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	ctx := context.Background()
	t.Run("RoundTrip", func(t *testing.T) {
		s := open(t)
		want := Doc(0)
		if n, err := s.Put(ctx, want); err != nil || n != 1 {
			t.Fatalf("Put = %d, %v; want 1, nil", n, err)
		}
		got, err := s.Document(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
			t.Errorf("stored document differs:\n got %s\nwant %s", g, w)
		}
		if !got.Published.Equal(want.Published) {
			t.Errorf("Published = %v, want %v", got.Published, want.Published)
		}
		for _, e := range got.Events {
			if e.Sentence.In(got.Text) == "" || e.Trigger.In(got.Text) == "" {
				t.Errorf("event %s: spans %v %v do not fit the text", e.ID, e.Sentence, e.Trigger)
			}
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		s := open(t)
		if _, err := s.Document(ctx, "nope"); !errors.Is(err, dateline.ErrNotFound) {
			t.Errorf("Document(nope) error = %v, want ErrNotFound", err)
		}
	})
	t.Run("NeverDouble", func(t *testing.T) {
		s := open(t)
		a, b := Doc(1), Doc(2)
		if n, err := s.Put(ctx, a); err != nil || n != 1 {
			t.Fatalf("first Put = %d, %v", n, err)
		}
		// The same article again, alone and in a batch with a new one.
		if n, err := s.Put(ctx, Doc(1)); err != nil || n != 0 {
			t.Errorf("second Put = %d, %v; want 0", n, err)
		}
		if n, err := s.Put(ctx, Doc(1), b, Doc(2)); err != nil || n != 1 {
			t.Errorf("batch Put = %d, %v; want 1", n, err)
		}
		// Same text at another URL is another article.
		c := Doc(1)
		c.URL = "https://mirror.example.org/1"
		if n, err := s.Put(ctx, c); err != nil || n != 1 {
			t.Errorf("Put at another URL = %d, %v; want 1", n, err)
		}
		for _, k := range []struct {
			key  dateline.DocKey
			want bool
		}{
			{dateline.KeyOf(a), true},
			{dateline.KeyOf(c), true},
			{dateline.DocKey{Hash: dateline.KeyOf(a).Hash}, false},
			{dateline.DocKey{Hash: dateline.KeyOf(a).Hash, Ref: "id:" + a.ID}, false},
			{dateline.KeyOf(Doc(9)), false},
		} {
			if got, err := s.Has(ctx, k.key); err != nil || got != k.want {
				t.Errorf("Has(%v) = %v, %v; want %v", k.key, got, err, k.want)
			}
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != 3 || st.Events != 6 || st.Entities != 6 || st.Quotes != 6 || st.Timexes != 6 || st.Mentions != 9 {
			t.Errorf("Stats = %+v, want 3 documents, 6 events, 6 entities, 9 mentions, 6 quotes, 6 timexes", st)
		}
	})
	t.Run("Identity", func(t *testing.T) {
		s := open(t)
		// Without a URL, the same text under two source IDs is two items (a
		// wire story sent again); without URL or ID, it is one article.
		mk := func(id string) *dateline.Document {
			d := dateline.NewDocument(dateline.Article{ID: id, Text: "LONDON, March 3 - Same story."})
			d.Text = d.Raw
			return d
		}
		for _, c := range []struct {
			doc  *dateline.Document
			want int
		}{{mk("wire:1"), 1}, {mk("wire:2"), 1}, {mk("wire:1"), 0}, {mk(""), 1}, {mk(""), 0}} {
			if n, err := s.Put(ctx, c.doc); err != nil || n != c.want {
				t.Errorf("Put(id %q) = %d, %v; want %d", c.doc.ID, n, err, c.want)
			}
		}
		var ids []string
		s.Documents(ctx, dateline.DocumentFilter{}, func(d *dateline.Document) error { ids = append(ids, d.ID); return nil })
		if len(ids) != 3 || !strings.HasPrefix(ids[2], dateline.GeneratedIDPrefix) {
			t.Errorf("stored IDs %v; want wire:1, wire:2 and a generated one", ids)
		}
		// A stored document with a generated ID keeps its identity.
		got, err := s.Document(ctx, ids[2])
		if err != nil {
			t.Fatal(err)
		}
		if has, err := s.Has(ctx, dateline.KeyOf(got)); err != nil || !has {
			t.Errorf("Has(KeyOf(stored)) = %v, %v", has, err)
		}
	})
	t.Run("ConcurrentPut", func(t *testing.T) {
		s := open(t)
		var wg sync.WaitGroup
		added := make([]int, 4)
		errs := make([]error, 4)
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 5 {
					n, err := s.Put(ctx, Doc(i))
					added[g] += n
					if err != nil {
						errs[g] = err
					}
				}
			}()
		}
		wg.Wait()
		total := 0
		for g := range 4 {
			if errs[g] != nil {
				t.Fatal(errs[g])
			}
			total += added[g]
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if total != 5 || st.Documents != 5 {
			t.Errorf("4 writers of the same 5 documents added %d, stored %d; want 5, 5", total, st.Documents)
		}
	})
	t.Run("EventFilters", func(t *testing.T) {
		s := open(t)
		var docs []*dateline.Document
		for i := range 6 {
			docs = append(docs, Doc(i))
		}
		if _, err := s.Put(ctx, docs...); err != nil {
			t.Fatal(err)
		}
		str := func(v string) *string { return &v }
		day := func(d int) time.Time { return time.Date(2019, 5, d, 0, 0, 0, 0, time.UTC) }
		for _, c := range []struct {
			name string
			f    dateline.EventFilter
			want int
		}{
			{"all", dateline.EventFilter{}, 12},
			{"limit", dateline.EventFilter{Limit: 5}, 5},
			{"offset", dateline.EventFilter{Offset: 10}, 2},
			{"offset and limit", dateline.EventFilter{Offset: 4, Limit: 3}, 3},
			{"offset past the end", dateline.EventFilter{Offset: 12}, 0},
			{"min confidence", dateline.EventFilter{MinConfidence: 0.8}, 6},
			{"min confidence of all", dateline.EventFilter{MinConfidence: 0.5}, 12},
			// RUSGOV is source of ev1 in docs 0, 3 and target in docs 2, 5.
			{"actor either side", dateline.EventFilter{Actor: str("RUSGOV")}, 4},
			{"actor prefix", dateline.EventFilter{Actor: str("rus")}, 4},
			{"country", dateline.EventFilter{Country: str("ven")}, 4},
			{"code prefix", dateline.EventFilter{Code: str("11")}, 6},
			{"code exact", dateline.EventFilter{Code: str("036")}, 6},
			{"root", dateline.EventFilter{Root: str("03")}, 6},
			{"plover", dateline.EventFilter{Plover: str("disapprove")}, 6},
			{"mood", dateline.EventFilter{Mood: str("planned")}, 6},
			{"text", dateline.EventFilter{Text: str("WILL MEET")}, 6},
			{"since", dateline.EventFilter{Since: day(4)}, 9},
			{"until", dateline.EventFilter{Until: day(2)}, 2},
			{"range", dateline.EventFilter{Since: day(2), Until: day(3), Root: str("11")}, 2},
			{"none", dateline.EventFilter{Actor: str("CHN")}, 0},
		} {
			t.Run(c.name, func(t *testing.T) {
				n := 0
				err := s.Events(ctx, c.f, func(r dateline.EventRecord) error {
					n++
					if r.DocID == "" || r.SentenceText == "" {
						t.Errorf("event %s lacks its document or evidence: %+v", r.Event.ID, r)
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if n != c.want {
					t.Errorf("%d events, want %d", n, c.want)
				}
			})
		}
	})
	t.Run("DocumentsAndStats", func(t *testing.T) {
		s := open(t)
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != 0 || st.FirstDate != "" {
			t.Errorf("empty store Stats = %+v", st)
		}
		for i := range 4 {
			if _, err := s.Put(ctx, Doc(i)); err != nil {
				t.Fatal(err)
			}
		}
		var ids []string
		if err := s.Documents(ctx, dateline.DocumentFilter{}, func(d *dateline.Document) error {
			ids = append(ids, d.ID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(ids) != "[doc-0 doc-1 doc-2 doc-3]" {
			t.Errorf("Documents in order = %v", ids)
		}
		ids = nil
		if err := s.Documents(ctx, dateline.DocumentFilter{Offset: 1, Limit: 2}, func(d *dateline.Document) error {
			ids = append(ids, d.ID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(ids) != "[doc-1 doc-2]" {
			t.Errorf("Documents with offset 1, limit 2 = %v", ids)
		}
		text := "venezuela criticises"
		n := 0
		if err := s.Documents(ctx, dateline.DocumentFilter{Text: &text}, func(*dateline.Document) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("text filter found %d documents, want 1", n)
		}
		stop := errors.New("stop")
		n = 0
		if err := s.Documents(ctx, dateline.DocumentFilter{}, func(*dateline.Document) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
			t.Errorf("Documents did not stop at the callback's error: %v after %d", err, n)
		}
		st, err = s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != 4 || st.FirstDate != "2019-05-01" || st.LastDate != "2019-05-04" ||
			st.ByRoot["11"] != 4 || st.ByRoot["03"] != 4 || st.FirstEvent != "2019-05-01" || st.LastEvent != "2019-05-13" || st.TextBytes == 0 {
			t.Errorf("Stats = %+v", st)
		}
	})
	t.Run("EmptyLayers", func(t *testing.T) {
		s := open(t)
		d := dateline.NewDocument(dateline.Article{Text: "Just text, no layers, no ID."})
		d.Text = d.Raw
		if n, err := s.Put(ctx, d); err != nil || n != 1 {
			t.Fatalf("Put = %d, %v", n, err)
		}
		var got []*dateline.Document
		if err := s.Documents(ctx, dateline.DocumentFilter{}, func(d *dateline.Document) error { got = append(got, d); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Text != d.Text || got[0].ID == "" {
			t.Errorf("got %+v", got)
		}
	})
}

func mustJSON(t *testing.T, d *dateline.Document) string {
	t.Helper()
	c := *d
	c.Tokens = nil // not stored
	b, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Bench measures Put in batches of 64 sample documents (two events, two
// entities, two quotes and two time expressions each); it reports
// documents per second.
func Bench(b *testing.B, open Opener) {
	ctx := context.Background()
	s := open(b)
	i := 0
	n := 0
	for b.Loop() {
		batch := make([]*dateline.Document, 64)
		for k := range batch {
			batch[k] = Doc(i)
			batch[k].URL = fmt.Sprintf("https://example.org/bench/%d", i)
			i++
		}
		added, err := s.Put(ctx, batch...)
		if err != nil {
			b.Fatal(err)
		}
		n += added
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
