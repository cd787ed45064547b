// Package dict loads and looks up Dateline's actor dictionary: countries
// with their names, adjectives, capitals and seats of power; international
// and other organisations with actor codes; people with dated offices; a
// sector lexicon; and the GeoNames place gazetteer. It is data, not a stage:
// any stage may import it. The file format is documented in
// docs/dictionaries.md.
package dict

import (
	"cmp"
	"slices"
	"time"

	"github.com/dateline-news/dateline"
)

// Country is a state with the names that refer to it.
type Country struct {
	Code       string   // ISO 3166 alpha-3, also its actor code: "RUS"
	Name       string   // canonical English name: "Russia"
	Names      []string // other names and short forms: "Russian Federation"
	Adjectives []string // adjectives and demonyms: "Russian", "Russians"
	Capital    string   // "Moscow"
	Seats      []string // capital and seats of power used for the government: "the Kremlin"
}

// Org is an organisation with an actor code: an international
// organisation (code starting "IGO"), a national body ("RUSGOV") or a
// medium ("USAMED").
type Org struct {
	Code    string // actor code: "IGOWSTNAT", "IGO", "USAMED"
	Name    string // canonical name
	Aliases []string
}

// Person is someone the dictionary knows, with every office it records,
// merged into one timeline ordered by start date.
type Person struct {
	Name    string
	Aliases []string
	Tenures []dateline.Tenure
}

// Place is a populated place from GeoNames.
type Place struct {
	GeonameID  int
	Name       string
	Lat, Lon   float64
	Country    string // ISO alpha-3
	Admin1     string // name of the first-level division
	Population int
	Feature    string // GeoNames feature code: PPLC capital, PPLA admin seat, PPL...
}

// Geo returns p as a [dateline.Geo].
func (p Place) Geo() *dateline.Geo {
	return &dateline.Geo{GeonameID: p.GeonameID, Lat: p.Lat, Lon: p.Lon, Country: p.Country, Admin1: p.Admin1}
}

// Dictionary is a loaded actor dictionary. Build one with [Load] or
// [Default]; it is read-only afterwards and safe for concurrent use.
type Dictionary struct {
	countries   map[string]*Country // by code
	countryKey  map[string]string   // name key -> code
	adjKey      map[string]string   // adjective key -> code
	seatKey     map[string]string   // seat key -> code
	orgs        []*Org
	orgKey      map[string]*Org
	people      []*Person
	personKey   map[string]*Person
	surnameKey  map[string][]*Person
	places      []Place
	placeKey    map[string][]int32
	sectors     map[string]string // word key -> sector code
	firstNames  map[string]bool   // first words of people's names
	sectorMaxWd int
}

func newDictionary() *Dictionary {
	return &Dictionary{
		countries:  map[string]*Country{},
		countryKey: map[string]string{},
		adjKey:     map[string]string{},
		seatKey:    map[string]string{},
		orgKey:     map[string]*Org{},
		personKey:  map[string]*Person{},
		surnameKey: map[string][]*Person{},
		placeKey:   map[string][]int32{},
		sectors:    map[string]string{},
		firstNames: map[string]bool{},
	}
}

// Country returns the country with ISO alpha-3 code.
func (d *Dictionary) Country(code string) (Country, bool) {
	c, ok := d.countries[code]
	if !ok {
		return Country{}, false
	}
	return *c, true
}

// CountryNamed returns the country that name (a name, short form or
// abbreviation such as "US", "Britain", "Russian Federation") refers to.
func (d *Dictionary) CountryNamed(name string) (Country, bool) {
	code, ok := d.countryKey[Key(name)]
	if !ok {
		return Country{}, false
	}
	return d.Country(code)
}

// CountryOfAdjective returns the country an adjective or demonym such as
// "Venezuelan" or "Russians" refers to.
func (d *Dictionary) CountryOfAdjective(adj string) (Country, bool) {
	code, ok := d.adjKey[Key(adj)]
	if !ok {
		return Country{}, false
	}
	return d.Country(code)
}

// Seat returns the country whose government a capital or seat of power
// ("Washington", "the Kremlin", "Downing Street") stands for.
func (d *Dictionary) Seat(name string) (Country, bool) {
	code, ok := d.seatKey[Key(name)]
	if !ok {
		return Country{}, false
	}
	return d.Country(code)
}

// Countries returns every country, ordered by code.
func (d *Dictionary) Countries() []Country {
	out := make([]Country, 0, len(d.countries))
	for _, c := range d.countries {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b Country) int { return cmp.Compare(a.Code, b.Code) })
	return out
}

// Org returns the organisation that name or one of its aliases refers to.
func (d *Dictionary) Org(name string) (Org, bool) {
	o, ok := d.orgKey[Key(name)]
	if !ok {
		return Org{}, false
	}
	return *o, true
}

// Person returns the person with name or alias name.
func (d *Dictionary) Person(name string) (Person, bool) {
	p, ok := d.personKey[Key(name)]
	if !ok {
		return Person{}, false
	}
	return *p, true
}

// PeopleWithSurname returns the people whose name ends in surname.
func (d *Dictionary) PeopleWithSurname(surname string) []Person {
	ps := d.surnameKey[Key(surname)]
	out := make([]Person, len(ps))
	for i, p := range ps {
		out[i] = *p
	}
	return out
}

// Tenures returns the offices the person called name (canonical name or
// alias) held, ordered by start date; nil when the person is unknown.
func (d *Dictionary) Tenures(name string) []dateline.Tenure {
	p, ok := d.personKey[Key(name)]
	if !ok {
		return nil
	}
	return slices.Clone(p.Tenures)
}

// TenuresOn returns the tenures of name in force on day; a tenure known
// only from a snapshot (Start equal to End) counts when day lies within
// slack of it.
func (d *Dictionary) TenuresOn(name string, day time.Time, slack time.Duration) []dateline.Tenure {
	var out []dateline.Tenure
	for _, t := range d.Tenures(name) {
		if t.Covers(day) {
			out = append(out, t)
			continue
		}
		if !t.Start.IsZero() && t.Start.Equal(t.End) {
			if diff := day.Sub(t.Start); diff <= slack && diff >= -slack {
				out = append(out, t)
			}
		}
	}
	return out
}

// Places returns the places named name (name or alternate name), the most
// populous first.
func (d *Dictionary) Places(name string) []Place {
	ids := d.placeKey[Key(name)]
	out := make([]Place, len(ids))
	for i, id := range ids {
		out[i] = d.places[id]
	}
	return out
}

// Place returns the most populous place named name; with countries given,
// a place in the first of them that has one is preferred.
func (d *Dictionary) Place(name string, countries ...string) (Place, bool) {
	ps := d.Places(name)
	if len(ps) == 0 {
		return Place{}, false
	}
	for _, c := range countries {
		for _, p := range ps {
			if p.Country == c {
				return p, true
			}
		}
	}
	return ps[0], true
}

// Sector returns the sector code ("GOV", "MIL", "JUD"...) of a role word
// or phrase such as "minister", "army" or "Supreme Court"; plurals are
// tried in their singular form.
func (d *Dictionary) Sector(word string) (string, bool) {
	k := Key(word)
	if s, ok := d.sectors[k]; ok {
		return s, true
	}
	for _, suf := range []struct{ from, to string }{{"ies", "y"}, {"es", ""}, {"s", ""}} {
		if len(k) > len(suf.from)+1 && k[len(k)-len(suf.from):] == suf.from { // "MPs" → "mp"
			if s, ok := d.sectors[k[:len(k)-len(suf.from)]+suf.to]; ok {
				return s, true
			}
		}
	}
	return "", false
}

// IsFirstName reports whether w is the first word of a person's name in
// the dictionary ("Sergey", "Maria").
func (d *Dictionary) IsFirstName(w string) bool { return d.firstNames[Key(w)] }

// IsSurname reports whether w is the last word of a person's name in the
// dictionary.
func (d *Dictionary) IsSurname(w string) bool { return len(d.surnameKey[Key(w)]) > 0 }

// SectorWords returns the largest number of words in a sector phrase.
func (d *Dictionary) SectorWords() int { return d.sectorMaxWd }

// Kind is a set of the kinds of entry a phrase is in the dictionary as.
type Kind uint8

// Kinds of dictionary entry.
const (
	KindCountry   Kind = 1 << iota // a country's name or short form
	KindAdjective                  // a country adjective or demonym
	KindSeat                       // a capital or seat of power
	KindOrg                        // an organisation
	KindPlace                      // a GeoNames place
	KindPerson                     // a person's name or alias
)

// Kinds returns every kind of entry phrase is in the dictionary as.
func (d *Dictionary) Kinds(phrase string) Kind {
	return d.kindsKey(Key(phrase))
}

func (d *Dictionary) kindsKey(k string) Kind {
	var out Kind
	if _, ok := d.countryKey[k]; ok {
		out |= KindCountry
	}
	if _, ok := d.adjKey[k]; ok {
		out |= KindAdjective
	}
	if _, ok := d.seatKey[k]; ok {
		out |= KindSeat
	}
	if _, ok := d.orgKey[k]; ok {
		out |= KindOrg
	}
	if _, ok := d.placeKey[k]; ok {
		out |= KindPlace
	}
	if _, ok := d.personKey[k]; ok {
		out |= KindPerson
	}
	return out
}
