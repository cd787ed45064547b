package cameo_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/dateline-news/dateline/cameo"
	"github.com/dateline-news/dateline/data"
	"github.com/dateline-news/dateline/internal/shared"
)

func shipped(t *testing.T) fs.FS {
	t.Helper()
	sub, err := fs.Sub(data.Cameo, "cameo")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func TestOntology(t *testing.T) {
	o, err := cameo.LoadOntology(shipped(t))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(o.Codes()); n < 300 {
		t.Errorf("%d CAMEO codes, want about 300", n)
	}
	if len(o.Types) != 18 {
		t.Errorf("%d PLOVER types, want 18: %v", len(o.Types), o.Types)
	}
	tests := []struct {
		code, plover, mode string
		quad               int
		goldstein          float64
	}{
		{"010", "", "", 1, 0},
		{"020", "", "", 1, 3},
		{"036", "AGREE", "", 1, 4},
		{"041", "CONSULT", "phone", 1, 1},
		{"042", "CONSULT", "visit", 1, 1.9},
		{"051", "SUPPORT", "praise", 1, 3.4},
		{"061", "COOPERATE", "economic", 2, 6.4},
		{"073", "AID", "humanitarian", 2, 7.4},
		{"081", "CONCEDE", "ease-restrictions", 2, 5},
		{"083", "CONCEDE", "reform", 2, 5},
		{"0841", "RETREAT", "release", 2, 7},
		{"087", "RETREAT", "", 2, 9},
		{"090", "INVESTIGATE", "", 3, -2},
		{"112", "DISAPPROVE", "allege", 3, -2},
		{"1056", "DEMAND", "yield", 3, -5},
		{"120", "REJECT", "", 3, -4},
		{"138", "THREATEN", "force", 3, -7},
		{"141", "PROTEST", "demo", 4, -6.5},
		{"154", "MOBILIZE", "military", 4, -7.2},
		{"161", "SANCTION", "relations", 4, -4},
		{"173", "COERCE", "arrest", 4, -5},
		{"183", "ASSAULT", "bombing", 4, -10},
		{"190", "FIGHT", "", 4, -10},
		{"202", "ASSAULT", "mass-killing", 4, -10},
	}
	for _, tt := range tests {
		c, ok := o.Lookup(tt.code)
		if !ok || c.Plover != tt.plover || c.Mode != tt.mode || c.Quad != tt.quad || c.Goldstein != tt.goldstein || c.Name == "" {
			t.Errorf("%s: got %+v (known %v), want %s/%s quad %d goldstein %v", tt.code, c, ok, tt.plover, tt.mode, tt.quad, tt.goldstein)
		}
	}
}

func TestShippedPatternsLoad(t *testing.T) {
	o, err := cameo.LoadOntology(shipped(t))
	if err != nil {
		t.Fatal(err)
	}
	d, err := cameo.Load(shipped(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Check(o); err != nil {
		t.Fatal(err)
	}
	if d.Len() < 4000 {
		t.Errorf("%d patterns loaded, want the PETRARCH2-derived ones too", d.Len())
	}
	if k := d.Control["refuse"]; k != cameo.ControlReject {
		t.Errorf("refuse controls %q", k)
	}
	if c, ok := d.MapCode(cameo.ControlReject, "051"); !ok || c != "120" {
		t.Errorf("reject of 051 maps to %q", c)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"040 talk\n9x talk\n", "user.patterns:2: \"9x\" is not an event code"},
		{"040\n", "user.patterns:1: a pattern needs a trigger"},
		{"040 meet with\n", "user.patterns:1: \"with\": want ROLE=TERM"},
		{"040 n:&NOPE\n", "user.patterns:1: set &NOPE is not defined"},
		{"040 @NOPE\n", "user.patterns:1: verb class @NOPE is not defined"},
		{"%control sulk pout\n", "user.patterns:1: want \"%control KIND"},
		{"%map reject 04=x\n", "user.patterns:1: \"04=x\": want PREFIX=CODE"},
		{"# fine\n\n040 meet obj=&LATER\n", "user.patterns:3: set &LATER is used but never defined"},
		{"040 meet 9=talk\n", "role \"9\" is not obj"},
	}
	for _, tt := range tests {
		d := cameo.NewDictionary()
		err := d.Parse("user.patterns", strings.NewReader(tt.in))
		if err == nil {
			err = d.Check(nil)
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestParsePattern(t *testing.T) {
	d := cameo.NewDictionary()
	in := "&TIES tie ties relation\n@BREAK sever break_off\n161 @BREAK obj=diplomatic_&TIES target=with\n051 n:support case=in\n"
	if err := d.Parse("x.patterns", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	ps := d.Verbs("break")
	if len(ps) != 1 || ps[0].Particle != "off" || ps[0].Code != "161" || ps[0].Target != "with" || ps[0].Source != "x.patterns:3" {
		t.Fatalf("break: %+v", ps)
	}
	if c := ps[0].Conds; len(c) != 1 || c[0].Role != "obj" || c[0].Term.Head != "&TIES" || c[0].Term.Mods[0] != "diplomatic" {
		t.Errorf("conds %+v", c)
	}
	if ps := d.Nouns("support"); len(ps) != 1 || !ps[0].Noun {
		t.Errorf("support: %+v", ps)
	}
}

func TestConvertPetrarch(t *testing.T) {
	in := `&CEASEFIRE_
+CEASEFIRE
+TRUCE
--- ASK   [---]  ---
+ASK_FOR [020]
ASK     [020]
REQUEST  [020]
- * {HUMANITARIAN AID}                                [0233]        # ASK
- * (FOR &CEASEFIRE)                                  [0256]        # ASK
- * SUPPORT (FROM)                                    [:051]        # GET
- * (AGAINST +)                                       [113]
- * OFF TALK                                          [164]
- * &UNDEFINED                                        [020]
`
	var out bytes.Buffer
	st, err := cameo.ConvertPetrarch(strings.NewReader(in), &out, "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"&CEASEFIRE ceasefire truce\n",
		"@ASK ask request\n",
		"020 ask for=*\n",
		"0233 @ASK obj=humanitarian_aid\n",
		"0256 @ASK for=&CEASEFIRE\n",
		"051 @ASK obj=support from=* swap\n",
		"113 @ASK against=* target=against\n",
		"164 @ASK prt=off obj=talk\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if st.Dropped != 1 || st.Patterns != 5 {
		t.Errorf("stats %+v", st)
	}
	d := cameo.NewDictionary()
	if err := d.Parse("converted", &out); err != nil {
		t.Fatal(err)
	}
}

// TestShippedIsReproducible rebuilds petrarch.patterns from ../shared and
// compares it with the shipped file.
func TestShippedIsReproducible(t *testing.T) {
	src := shared.Path(t, "data/petrarch2/dictionaries/CAMEO.2.0.txt")
	o, err := cameo.LoadOntology(shipped(t))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	known := func(c string) bool { _, ok := o.Lookup(c); return ok }
	if _, err := cameo.ConvertPetrarch(f, &out, "petrarch2/dictionaries/CAMEO.2.0.txt", known); err != nil {
		t.Fatal(err)
	}
	gz, err := shipped(t).Open("petrarch.patterns.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	have, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, out.Bytes()) {
		t.Errorf("data/cameo/petrarch.patterns.gz differs from a rebuild: run \"dateline patterns\"")
	}
}

func TestTabariActors(t *testing.T) {
	a := cameo.NewActors()
	actors := "ARNOR_  [ARN]\nARGENTIN  [ARG]\nGOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n"
	if err := a.ParseActors("a.txt", strings.NewReader(actors)); err != nil {
		t.Fatal(err)
	}
	agents := "!MINST! = MINISTER, MINISTRY\nFOREIGN_!MINST! [~GOVFRM]\nMSF {}  [NGO~]\n"
	if err := a.ParseAgents("g.txt", strings.NewReader(agents)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words      string
		date, code string
		n          int
		agent      bool
	}{
		{"arnor is", "", "ARN", 1, false},
		{"arnorian", "", "", 0, false},
		{"argentina", "", "ARG", 1, false},
		{"smeagol", "19970101", "HOBGOV", 1, false},
		{"gollum", "20000101", "HOBREB", 1, false},
		{"gollum", "19900101", "HOB", 1, false},
		{"foreign ministry", "", "GOVFRM", 2, true},
		{"msf", "", "NGO", 1, true},
	}
	for _, tt := range tests {
		e, n := a.Match(strings.Fields(tt.words), 0)
		code := ""
		if e != nil {
			code = e.CodeOn(tt.date)
		}
		if code != tt.code || n != tt.n || e != nil && e.Agent != tt.agent {
			t.Errorf("%q on %s: got %q/%d, want %q/%d", tt.words, tt.date, code, n, tt.code, tt.n)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("&S a b\n040 meet obj=&S_x target=with swap\n%map reject 04=125\n")
	f.Add("- * (FOR {A B}) [:051]\n--- X [010] ---\nX {Y}\n+A_B [020]\n")
	f.Fuzz(func(t *testing.T, in string) {
		d := cameo.NewDictionary()
		_ = d.Parse("fuzz", strings.NewReader(in))
		_ = d.Check(nil)
		var out bytes.Buffer
		if _, err := cameo.ConvertPetrarch(strings.NewReader(in), &out, "fuzz", nil); err == nil {
			if err := cameo.NewDictionary().Parse("converted", &out); err != nil && !strings.Contains(err.Error(), "not defined") {
				t.Errorf("converted output does not load: %v", err)
			}
		}
		a := cameo.NewActors()
		_ = a.ParseActors("fuzz", strings.NewReader(in))
		_ = a.ParseAgents("fuzz", strings.NewReader(in))
		a.Match(strings.Fields(strings.ToLower(in)), 0)
	})
}
