package actor

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/dict"
)

// build makes a document from sentences whose tokens are separated by
// spaces; "[PER Sergey Lavrov]" marks a recogniser mention.
func build(date string, sents ...string) *dateline.Document {
	doc := dateline.NewDocument(dateline.Article{})
	if date != "" {
		doc.Date = &dateline.DocDate{Value: date}
	}
	var b strings.Builder
	for si, s := range sents {
		if si > 0 {
			b.WriteString(" ")
		}
		first := len(doc.Tokens)
		start := b.Len()
		words := strings.Fields(s)
		mStart, mType := -1, ""
		for i := 0; i < len(words); i++ {
			w := words[i]
			if strings.HasPrefix(w, "[") {
				mType = w[1:]
				mStart = -2
				continue
			}
			closing := strings.HasSuffix(w, "]")
			w = strings.TrimSuffix(w, "]")
			if b.Len() > start {
				b.WriteString(" ")
			}
			a := b.Len()
			b.WriteString(w)
			if mStart == -2 {
				mStart = a
			}
			doc.Tokens = append(doc.Tokens, dateline.Token{Span: dateline.Span{Start: a, End: b.Len()}, Text: w, Head: -1})
			if closing && mStart >= 0 {
				sp := dateline.Span{Start: mStart, End: b.Len()}
				doc.Mentions = append(doc.Mentions, dateline.Mention{Span: sp, Type: mType, Entity: -1})
				mStart = -1
			}
		}
		doc.Sentences = append(doc.Sentences, dateline.Sentence{Span: dateline.Span{Start: start, End: b.Len()}, Tokens: dateline.Range{Start: first, End: len(doc.Tokens)}})
	}
	doc.Text = b.String()
	for i := range doc.Mentions {
		doc.Mentions[i].Text = doc.Span(doc.Mentions[i].Span)
	}
	return doc
}

func resolve(t *testing.T, r *Resolver, doc *dateline.Document) map[string]dateline.Entity {
	t.Helper()
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]dateline.Entity{}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if doc.Span(m.Span) != m.Text {
				t.Errorf("mention %q does not match its span %v", m.Text, m.Span)
			}
			out[m.Text] = e
		}
		out[e.Name] = e
	}
	for _, m := range doc.Mentions {
		if m.Entity >= len(doc.Entities) {
			t.Errorf("mention %q points past the entities", m.Text)
		}
	}
	return out
}

func TestResolution(t *testing.T) {
	r, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, date string
		sents      []string
		want       map[string][3]string // mention text -> name, type, actor
	}{
		{"title and counterpart", "2019-05-05", []string{
			"Russian Foreign Minister [PER Sergey Lavrov] met his visiting Venezuelan counterpart [PER Jorge Arreaza] in [LOC Moscow] .",
			"[PER Lavrov] said he would visit [LOC Caracas] .",
		}, map[string][3]string{
			"Sergey Lavrov": {"Sergey Lavrov", Person, "RUSGOV"},
			"Jorge Arreaza": {"Jorge Arreaza", Person, "VENGOV"},
			"Lavrov":        {"Sergey Lavrov", Person, "RUSGOV"},
			"he":            {"Sergey Lavrov", Person, "RUSGOV"},
			"Moscow":        {"Moscow", Loc, ""},
			"Caracas":       {"Caracas", Loc, ""},
			"Venezuelan":    {"Venezuela", GPE, "VEN"},
		}},
		{"title for someone the dictionary lacks", "2021-03-01", []string{
			"Ruritanian relations soured after Chilean Defense Minister [PER Ana Quispe Torres] spoke .",
			"[LOC Brazil] 's Foreign Minister [PER Joao Pereira Lima] replied .",
		}, map[string][3]string{
			"Ana Quispe Torres": {"Ana Quispe Torres", Person, "CHLMIL"},
			"Joao Pereira Lima": {"Joao Pereira Lima", Person, "BRAGOV"},
			"Brazil":            {"Brazil", GPE, "BRA"},
		}},
		{"apposition after the name", "2021-03-01", []string{
			"[PER Maria Ortega Diaz] , Peru 's interior minister , resigned .",
		}, map[string][3]string{
			"Maria Ortega Diaz": {"Maria Ortega Diaz", Person, "PERGOV"},
		}},
		{"metonymy and places", "2019-05-05", []string{
			"[LOC Washington] accused [LOC Russia] of meddling in [LOC Venezuela] .",
			"[LOC Moscow] has said the talks in [LOC Washington] failed .",
			"Talks were held at [LOC Washington] 's initiative .",
		}, map[string][3]string{
			"Russia":    {"Russia", GPE, "RUS"},
			"Venezuela": {"Venezuela", GPE, "VEN"},
		}},
		{"the opposition and the military in focus", "2019-05-05", []string{
			"The Venezuelan opposition marched in [LOC Caracas] .",
			"The military refused to support them and the government held firm .",
		}, map[string][3]string{
			"Venezuelan opposition": {"Venezuelan opposition", Org, "VENOPP"},
			"military":              {"Venezuelan military", Org, "VENMIL"},
			"government":            {"Venezuelan government", Org, "VENGOV"},
		}},
		{"organisations", "2019-05-05", []string{
			"The [ORG Lima Group] , [ORG NATO] and the [ORG Organization of American States] met the [ORG Supreme Court] in [LOC Caracas] .",
		}, map[string][3]string{
			"Lima Group":                      {"Lima Group", Org, "IGO"},
			"NATO":                            {"NATO", Org, "IGOWSTNAT"},
			"Organization of American States": {"Organization of American States", Org, "IGOWHMOAS"},
			"Supreme Court":                   {"Supreme Court", Org, "VENJUD"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := resolve(t, r, build(tc.date, tc.sents...))
			for m, w := range tc.want {
				e, ok := got[m]
				if !ok {
					t.Errorf("%q: no entity", m)
					continue
				}
				if e.Name != w[0] || e.Type != w[1] || e.Actor != w[2] {
					t.Errorf("%q: got %s %s %s, want %s %s %s", m, e.Name, e.Type, e.Actor, w[0], w[1], w[2])
				}
			}
		})
	}
}

func TestMetonymy(t *testing.T) {
	r, _ := New(nil)
	doc := build("2019-05-05",
		"[LOC Washington] accused [LOC Russia] of meddling .",
		"Officials met in [LOC Washington] on Monday .",
	)
	resolve(t, r, doc)
	var gpe, loc int
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m.Text != "Washington" {
				continue
			}
			switch {
			case e.Type == GPE && e.Actor == "USA":
				gpe++
			case e.Type == Loc && e.Geo != nil && e.Geo.Country == "USA":
				loc++
			}
		}
	}
	if gpe != 1 || loc != 1 {
		t.Errorf("Washington: %d government uses, %d place uses; want 1 and 1", gpe, loc)
	}
}

// TestDatedOffice checks that the same name gets the code of the office
// held on the article's day, with a user dictionary giving the change.
func TestDatedOffice(t *testing.T) {
	p := filepath.Join(t.TempDir(), "offices.txt")
	src := "person\tAino Virtanen\tVirtanen\n" +
		"office\tAino Virtanen\tFINLEG\tSpeaker of Parliament\t2015-04-01\t2019-06-05\n" +
		"office\tAino Virtanen\tFINGOV\tForeign Minister\t2019-06-06\t-\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := dict.New(p)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := New(d)
	for _, tc := range []struct{ date, actor, role string }{
		{"2018-01-10", "FINLEG", "Speaker of Parliament"},
		{"2020-01-10", "FINGOV", "Foreign Minister"},
	} {
		got := resolve(t, r, build(tc.date, "[PER Aino Virtanen] arrived in [LOC Rovaniemi] .", "[PER Virtanen] spoke ."))
		e := got["Virtanen"]
		if e.Name != "Aino Virtanen" || e.Actor != tc.actor || e.Role != tc.role {
			t.Errorf("%s: got %s %s %q, want %s %q", tc.date, e.Name, e.Actor, e.Role, tc.actor, tc.role)
		}
		if g := got["Rovaniemi"].Geo; g == nil || g.Country != "FIN" || g.GeonameID == 0 {
			t.Errorf("Rovaniemi geo %+v", g)
		}
	}
	// the shipped dictionary: Pompeo is a Secretary of State in 2019, not in 2013
	r2, _ := New(nil)
	if e := resolve(t, r2, build("2019-05-05", "[PER Michael Pompeo] spoke ."))["Michael Pompeo"]; e.Actor != "USAGOV" {
		t.Errorf("Pompeo 2019: %s", e.Actor)
	}
	if e := resolve(t, r2, build("2013-05-05", "[PER Michael Pompeo] spoke ."))["Michael Pompeo"]; e.Actor != "" {
		t.Errorf("Pompeo 2013: %s", e.Actor)
	}
}

func TestPronouns(t *testing.T) {
	r, _ := New(nil)
	got := resolve(t, r, build("2019-05-05",
		"[PER Juan Guaido] proclaimed himself president .",
		"[PER Nicolas Maduro] said [PER Guaido] had lost his mind .",
		"She laughed ."))
	if got["himself"].Name != "Juan Guaido" {
		t.Errorf("himself -> %q", got["himself"].Name)
	}
	if got["his"].Name != "Juan Guaido" {
		t.Errorf("his -> %q", got["his"].Name)
	}
	if got["Guaido"].Name != "Juan Guaido" {
		t.Errorf("Guaido -> %q", got["Guaido"].Name)
	}
}

func TestCreditIsNoEntity(t *testing.T) {
	r, _ := New(nil)
	doc := build("2019-05-05", "[PER Alexander Petrov] took the photo .")
	doc.Credits = []dateline.Credit{{Name: "Alexander Petrov", Role: "photographer"}}
	for _, e := range resolve(t, r, doc) {
		if e.Name == "Alexander Petrov" {
			t.Error("a credited photographer became an entity")
		}
	}
}

func FuzzResolve(f *testing.F) {
	r, err := New(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("[PER Sergey Lavrov] met his [LOC Venezuelan] counterpart in [LOC Moscow] .")
	f.Add("the the [ORG ] his he [LOC Washington] 's")
	f.Fuzz(func(t *testing.T, s string) {
		doc := build("2019-05-05", s)
		if err := r.Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if m.Span.Start < 0 || m.Span.End > len(doc.Text) || m.Span.Start > m.Span.End {
					t.Fatalf("mention out of bounds %+v", m)
				}
			}
		}
	})
}

func TestLowerCaseTitle(t *testing.T) {
	r, _ := New(nil)
	got := resolve(t, r, build("1987-03-02", "Brazilian finance minister [PER Dilson Funaro] said talks would resume ."))
	if e := got["Dilson Funaro"]; e.Actor != "BRAGOV" || e.Role != "finance minister" {
		t.Errorf("got %s %q, want BRAGOV \"finance minister\"", e.Actor, e.Role)
	}
}

func TestGroupsAndTheir(t *testing.T) {
	r, _ := New(nil)
	got := resolve(t, r, build("2019-05-05",
		"[LOC Venezuela] hosts a group of Russian military specialists .",
		"The [LOC United States] demands their pullout .",
		"The Venezuelan authorities accused the opponents of a provocation ."))
	if e := got["their"]; e.Actor != "RUSMIL" {
		t.Errorf("their -> %s %q, want RUSMIL", e.Actor, e.Name)
	}
	if e := got["opponents"]; e.Actor != "VENOPP" {
		t.Errorf("the opponents -> %s, want VENOPP", e.Actor)
	}
}

func TestCompanies(t *testing.T) {
	r, _ := New(nil)
	got := resolve(t, r, build("1987-03-26", "[LOC Tokyo] [PER Kokusai Denshin Denwa Co Ltd] will join [ORG Bank of Boston] ."))
	if e := got["Kokusai Denshin Denwa Co Ltd"]; e.Type != Org || e.Actor != "JPNBUS" {
		t.Errorf("company: %s %s", e.Type, e.Actor)
	}
	if e := got["Bank of Boston"]; e.Actor != "USABUS" {
		t.Errorf("Bank of Boston: %s", e.Actor)
	}
}

func TestSurnameThatIsATown(t *testing.T) {
	r, _ := New(nil)
	// "Ivanova" is also a town in the gazetteer; after "Maria Ivanova" the
	// recogniser's person is that person, not the town
	got := resolve(t, r, build("2020-07-30",
		"[LOC Belarus] opposition leader [PER Maria Ivanova] spoke in [LOC Minsk] .",
		"[PER Ivanova] replaced her brother ."))
	if e := got["Ivanova"]; e.Type != "PERSON" || e.Name != "Maria Ivanova" {
		t.Errorf("Ivanova -> %s %q, want the person Maria Ivanova", e.Type, e.Name)
	}
	// with no person of that name the town stays a place
	got = resolve(t, r, build("2020-07-30", "Fighting was reported near [PER Ivanova] ."))
	if e := got["Ivanova"]; e.Type == "PERSON" {
		t.Errorf("Ivanova alone -> %s, want a place", e.Type)
	}
}
