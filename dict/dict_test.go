package dict

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dateline-news/dateline/internal/shared"
)

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func TestDefaultLookups(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	places := []struct{ name, country string }{
		{"Moscow", "RUS"}, {"MOSCOW", "RUS"}, {"Caracas", "VEN"}, {"Rovaniemi", "FIN"}, {"Washington", "USA"},
	}
	for _, tc := range places {
		p, ok := d.Place(tc.name)
		if !ok || p.Country != tc.country || p.GeonameID == 0 {
			t.Errorf("Place(%q) = %+v, %v; want country %s", tc.name, p, ok, tc.country)
		}
	}
	countries := []struct{ name, code string }{
		{"Russia", "RUS"}, {"United States", "USA"}, {"US", "USA"}, {"U.S.", "USA"}, {"the United States", "USA"},
		{"Britain", "GBR"}, {"El Salvador", "SLV"}, {"Turkey", "TUR"}, {"Iran", "IRN"},
	}
	for _, tc := range countries {
		if c, ok := d.CountryNamed(tc.name); !ok || c.Code != tc.code {
			t.Errorf("CountryNamed(%q) = %s, %v; want %s", tc.name, c.Code, ok, tc.code)
		}
	}
	adjs := []struct{ adj, code string }{{"Venezuelan", "VEN"}, {"Russian", "RUS"}, {"American", "USA"}, {"French", "FRA"}}
	for _, tc := range adjs {
		if c, ok := d.CountryOfAdjective(tc.adj); !ok || c.Code != tc.code {
			t.Errorf("CountryOfAdjective(%q) = %s, %v; want %s", tc.adj, c.Code, ok, tc.code)
		}
	}
	seats := []struct{ name, code string }{{"Washington", "USA"}, {"the Kremlin", "RUS"}, {"Moscow", "RUS"}, {"Downing Street", "GBR"}, {"the White House", "USA"}}
	for _, tc := range seats {
		if c, ok := d.Seat(tc.name); !ok || c.Code != tc.code {
			t.Errorf("Seat(%q) = %s, %v; want %s", tc.name, c.Code, ok, tc.code)
		}
	}
	orgs := []struct{ name, prefix string }{{"UN", "IGO"}, {"NATO", "IGO"}, {"Organization of American States", "IGO"}, {"Lima Group", "IGO"}, {"Arctic Council", "IGO"}, {"TASS", "RUSMED"}, {"CNN", "USAMED"}}
	for _, tc := range orgs {
		if o, ok := d.Org(tc.name); !ok || !strings.HasPrefix(o.Code, tc.prefix) {
			t.Errorf("Org(%q) = %+v, %v; want code %s...", tc.name, o, ok, tc.prefix)
		}
	}
	sectors := []struct{ word, code string }{{"minister", "GOV"}, {"ministry", "GOV"}, {"army", "MIL"}, {"National Guard", "MIL"},
		{"police", "COP"}, {"judge", "JUD"}, {"parliament", "LEG"}, {"opposition", "OPP"}, {"rebels", "REB"}, {"protesters", "OPP"}, {"newspaper", "MED"}}
	for _, tc := range sectors {
		if s, ok := d.Sector(tc.word); !ok || s != tc.code {
			t.Errorf("Sector(%q) = %s, %v; want %s", tc.word, s, ok, tc.code)
		}
	}
}

func TestTenures(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, day, actor string
		held             bool
	}{
		{"Sergey Lavrov", "2019-05-05", "RUSGOV", true},
		{"Lavrov", "2019-05-05", "RUSGOV", true},
		{"Michael Pompeo", "2019-05-05", "USAGOV", true},
		{"Mike Pompeo", "2013-05-05", "", false},
		{"Michael Pompeo", "2024-05-05", "", false},
		{"Nicolas Maduro", "2019-05-05", "VENGOV", true},
		{"Donald Trump", "2019-05-05", "USAGOV", true},
		{"Donald Trump", "2022-05-05", "", false},
	}
	for _, tc := range tests {
		ts := d.TenuresOn(tc.name, day(tc.day), 0)
		if held := len(ts) > 0; held != tc.held || (held && ts[0].Actor != tc.actor) {
			t.Errorf("TenuresOn(%q, %s) = %+v; want held=%v actor %s", tc.name, tc.day, ts, tc.held, tc.actor)
		}
	}
	if d.Tenures("Nobody Atall") != nil {
		t.Error("Tenures of an unknown person is not nil")
	}
}

func TestBadLines(t *testing.T) {
	tests := []struct{ line, want string }{
		{"country\tRU\tRussia", "three capital letters"},
		{"office\tJohn Doe\tXYZGOV\tMinister\t2019-01-01\t-", "unknown country code \"XYZ\""},
		{"office\tJohn Doe\tRUSGOV\tMinister\t0019-01-01\t-", "absurd year"},
		{"office\tJohn Doe\tRUSGOV\tMinister\t2019-13-01\t-", "not YYYY-MM-DD"},
		{"office\tJohn Doe\tRUSGOV\tMinister\t2019-01-01\t2018-01-01", "ends"},
		{"office\tJohn Doe\tRUSGO\tMinister", "three-letter parts"},
		{"org\tIGO", "want org CODE NAME"},
		{"sector\tarmy\tmilitary", "three-letter code"},
		{"place\t1\tX\t\t95\t0\tRUS\t", "latitude"},
		{"thing\tx", "unknown entry kind"},
	}
	for _, tc := range tests {
		d := newDictionary()
		d.line("country\tRUS\tRussia")
		err := d.Read("user.txt", strings.NewReader("# comment\n\n"+tc.line+"\n"))
		var le *LineError
		if !errors.As(err, &le) || le.File != "user.txt" || le.Line != 3 || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("line %q: error %v; want user.txt:3 ... %q", tc.line, err, tc.want)
		}
	}
}

func TestUserFileOverrides(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mine.txt")
	src := "person\tJane Roe\tRoe\noffice\tJane Roe\tFINGOV\tForeign Minister\t2020-01-01\t2021-12-31\noffice\tJane Roe\tFINLEG\tSpeaker\t2022-01-01\t-\norg\tIGOXYZ\tLima Group\tGrupo de Lima\nsector\tgendarmerie\tCOP\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := New(p)
	if err != nil {
		t.Fatal(err)
	}
	if ts := d.TenuresOn("Roe", day("2020-06-01"), 0); len(ts) != 1 || ts[0].Actor != "FINGOV" {
		t.Errorf("2020: %+v", ts)
	}
	if ts := d.TenuresOn("Jane Roe", day("2023-06-01"), 0); len(ts) != 1 || ts[0].Actor != "FINLEG" {
		t.Errorf("2023: %+v", ts)
	}
	if o, _ := d.Org("Lima Group"); o.Code != "IGOXYZ" {
		t.Errorf("override org: %+v", o)
	}
	if s, _ := d.Sector("gendarmerie"); s != "COP" {
		t.Errorf("sector override: %s", s)
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(bad, []byte("office\tX Y\tZZZGOV\n"), 0o644)
	if _, err := New(bad); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
		t.Errorf("bad user file: %v", err)
	}
}

// TestBuildReproducible rebuilds the shipped files from ../shared/data and
// checks they are byte-identical to those committed.
func TestBuildReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	src := shared.Path(t, "data/geonames")
	out := t.TempDir()
	if err := Build(filepath.Dir(src), out); err != nil {
		t.Fatal(err)
	}
	for _, n := range Shipped {
		a, err1 := os.ReadFile(filepath.Join(out, n))
		b, err2 := os.ReadFile(filepath.Join("..", "data", "actors", n))
		if err1 != nil || err2 != nil || string(a) != string(b) {
			t.Errorf("%s differs from the shipped file (run dateline train dict): %v %v", n, err1, err2)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("country\tRUS\tRussia\tRussian Federation\tRussian\tMoscow\tKremlin")
	f.Add("office\tA B\tRUSGOV\tMinister\t2019\t2020-01")
	f.Add("place\t1\tX\ty;z\t1.5\t2\tRUS\tA\t10\tPPL")
	f.Fuzz(func(t *testing.T, s string) {
		d := newDictionary()
		d.line("country\tRUS\tRussia")
		_ = d.Read("fuzz.txt", strings.NewReader(s))
		d.finish()
		_ = Key(s)
		d.Sector(s)
	})
}
