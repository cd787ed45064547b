package clean

import "testing"

func TestParseDateline(t *testing.T) {
	tests := []struct {
		line                  string
		place, region, agency string
		month, day, year      int
		text, body            string
	}{
		{"MOSCOW, May 5. /TASS/. Russian Foreign Minister", "Moscow", "", "TASS", 5, 5, 0, "MOSCOW, May 5. /TASS/.", "Russian Foreign Minister"},
		{"WASHINGTON (AP) — The Senate voted", "Washington", "", "AP", 0, 0, 0, "WASHINGTON (AP)", "The Senate voted"},
		{"LONDON, Jan 5 (Reuters) - Britain said", "London", "", "Reuters", 1, 5, 0, "LONDON, Jan 5 (Reuters)", "Britain said"},
		{"PARIS, Jan 5, 2019 (AFP) - France said", "Paris", "", "AFP", 1, 5, 2019, "PARIS, Jan 5, 2019 (AFP)", "France said"},
		{"BEIJING, Jan. 5 (Xinhua) -- China on Saturday", "Beijing", "", "Xinhua", 1, 5, 0, "BEIJING, Jan. 5 (Xinhua)", "China on Saturday"},
		{"WASHINGTON, Jan. 5 (UPI) -- The Pentagon", "Washington", "", "UPI", 1, 5, 0, "WASHINGTON, Jan. 5 (UPI)", "The Pentagon"},
		{"Berlin (dpa) - Germany's government", "Berlin", "", "dpa", 0, 0, 0, "Berlin (dpa)", "Germany's government"},
		{"ANKARA (AA) - Turkey's foreign minister", "Ankara", "", "Anadolu", 0, 0, 0, "ANKARA (AA)", "Turkey's foreign minister"},
		{"NEW DELHI, Jan 5 (PTI) The government", "New Delhi", "", "PTI", 1, 5, 0, "NEW DELHI, Jan 5 (PTI)", "The government"},
		{"New Delhi [India], Jan 5 (ANI): The Centre", "New Delhi", "India", "ANI", 1, 5, 0, "New Delhi [India], Jan 5 (ANI)", "The Centre"},
		{"SALVADOR, Feb 26 - Showers continued", "Salvador", "", "", 2, 26, 0, "SALVADOR, Feb 26", "Showers continued"},
		{"CHANDLER, Ariz., March 18 - Microchip", "Chandler", "Ariz.", "", 3, 18, 0, "CHANDLER, Ariz., March 18", "Microchip"},
		{"KYIV, Ukraine (AP) — Russian forces", "Kyiv", "Ukraine", "AP", 0, 0, 0, "KYIV, Ukraine (AP)", "Russian forces"},
		{"RIO DE JANEIRO, May 2 - Brazil's", "Rio de Janeiro", "", "", 5, 2, 0, "RIO DE JANEIRO, May 2", "Brazil's"},
		{"****PARIS, June 19 - The Bank", "Paris", "", "", 6, 19, 0, "PARIS, June 19", "The Bank"},
		{"Caracas, march 11 - Venezuela", "Caracas", "", "", 3, 11, 0, "Caracas, march 11", "Venezuela"},
		{"ST. LOUIS, Oct 20 - Shares", "St. Louis", "", "", 10, 20, 0, "ST. LOUIS, Oct 20", "Shares"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			d, ok := ParseDateline(tt.line)
			if !ok {
				t.Fatalf("ParseDateline(%q) found no dateline", tt.line)
			}
			got := tt.line[d.PlaceStart:d.End]
			if d.Place != tt.place || d.Region != tt.region || d.Agency != tt.agency || d.Month != tt.month || d.Day != tt.day || d.Year != tt.year || got != tt.text || tt.line[d.BodyStart:] != tt.body {
				t.Errorf("got place=%q region=%q agency=%q %d-%d-%d text=%q body=%q", d.Place, d.Region, d.Agency, d.Year, d.Month, d.Day, got, tt.line[d.BodyStart:])
			}
		})
	}
}

func TestParseDatelineRejects(t *testing.T) {
	for _, line := range []string{
		"The President said on Tuesday that",
		"NATO, EU leaders meet in Brussels",
		"Russia, Belarus, Bolivia, Iran, China came out in support",
		"US Secretary of State Michael Pompeo",
		"Venezuelan crisis",
		"May 5 - a date, not a place",
		"",
		"WASHINGTON",
		"On January 23, Venezuelan opposition figurehead Juan Guaido",
	} {
		if d, ok := ParseDateline(line); ok {
			t.Errorf("ParseDateline(%q) = %+v, want none", line, d)
		}
	}
}

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{"MOSCOW, May 5. /TASS/. Text", "WASHINGTON (AP) — x", "New Delhi [India], Jan 5 (ANI): x", "A, B, C", "X, Jan 99999999999999999999", "Y [", "Z, Jan 5 /"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDateline(s)
		if !ok {
			return
		}
		if d.PlaceStart < 0 || d.PlaceStart > d.PlaceEnd || d.PlaceEnd > d.End || d.End > d.BodyStart || d.BodyStart > len(s) {
			t.Fatalf("offsets out of order for %q: %+v", s, d)
		}
		if d.Place == "" {
			t.Fatalf("empty place for %q", s)
		}
	})
}

func TestParseDateLine(t *testing.T) {
	for _, tt := range []struct {
		line             string
		ok               bool
		year, month, day int
	}{
		{"Monday, August 3, 2020 ", true, 2020, 8, 3},
		{"August 3, 2020", true, 2020, 8, 3},
		{"3 August 2020", true, 2020, 8, 3},
		{"Tuesday, Oct. 15, 2019", true, 2019, 10, 15},
		{"Monday, August 3, 2020, the rally began", false, 0, 0, 0},
		{"August 2020", false, 0, 0, 0},
		{"Monday", false, 0, 0, 0},
		{"", false, 0, 0, 0},
	} {
		d, ok := parseDateLine(tt.line)
		if ok != tt.ok || ok && (d.Year != tt.year || d.Month != tt.month || d.Day != tt.day) {
			t.Errorf("parseDateLine(%q) = %+v, %v", tt.line, d, ok)
		}
	}
}
