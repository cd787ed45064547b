package dict

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/data"
)

// Shipped lists the dictionary files embedded in the binary, in load order.
var Shipped = []string{"countries.txt", "orgs.txt.gz", "sectors.txt", "people.txt.gz", "places.txt.gz"}

// LineError is a bad line in a dictionary file.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

var shipped = sync.OnceValues(func() (*Dictionary, error) { return load(nil) })

// Default returns the dictionary shipped in the binary. It is loaded once and
// shared; callers must not modify it.
func Default() (*Dictionary, error) { return shipped() }

// New returns the shipped dictionary extended by the user files, read in
// order: a later entry adds to or overrides an earlier one (see
// docs/dictionaries.md). Files ending in .gz are decompressed.
func New(files ...string) (*Dictionary, error) {
	if len(files) == 0 {
		return Default()
	}
	return load(files)
}

func load(files []string) (*Dictionary, error) {
	d := newDictionary()
	sub, err := fs.Sub(data.Actors, "actors")
	if err != nil {
		return nil, fmt.Errorf("load dictionary: %w", err)
	}
	if err := d.LoadFS(sub, Shipped...); err != nil {
		return nil, err
	}
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			return nil, fmt.Errorf("load dictionary: %w", err)
		}
		err = d.Read(f, r)
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	d.finish()
	return d, nil
}

// Load returns a dictionary read from the named files of fsys only, without
// the shipped entries.
func Load(fsys fs.FS, names ...string) (*Dictionary, error) {
	d := newDictionary()
	if err := d.LoadFS(fsys, names...); err != nil {
		return nil, err
	}
	d.finish()
	return d, nil
}

// LoadFS reads the named files of fsys into d.
func (d *Dictionary) LoadFS(fsys fs.FS, names ...string) error {
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			return fmt.Errorf("load dictionary: %w", err)
		}
		err = d.Read(n, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Read adds the entries of one dictionary file to d; name is used in
// errors and tells whether r is gzip-compressed (".gz"). A bad line is a
// *[LineError] naming the file and line.
func (d *Dictionary) Read(name string, r io.Reader) error {
	if path.Ext(name) == ".gz" {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("read dictionary %s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \r")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := d.line(line); err != nil {
			return &LineError{File: name, Line: n, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read dictionary %s: %w", name, err)
	}
	return nil
}

// fields splits a line at tabs and trims each field.
func fields(line string) []string {
	f := strings.Split(line, "\t")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}

// list splits a ";"-separated list, dropping empty items.
func list(s string) []string {
	if s == "" || s == "-" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func need(f []string, min, max int, form string) error {
	if len(f) < min || len(f) > max {
		return fmt.Errorf("%s line has %d tab-separated fields, want %s", f[0], len(f), form)
	}
	return nil
}

func (d *Dictionary) line(line string) error {
	f := fields(line)
	switch f[0] {
	case "country":
		return d.countryLine(f)
	case "org":
		return d.orgLine(f)
	case "person":
		return d.personLine(f)
	case "office":
		return d.officeLine(f)
	case "sector":
		return d.sectorLine(f)
	case "place":
		return d.placeLine(f)
	}
	return fmt.Errorf("unknown entry kind %q (country, org, person, office, sector, place)", f[0])
}

func isUpper3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// country	CODE	Name	names	adjectives	capital	seats
func (d *Dictionary) countryLine(f []string) error {
	if err := need(f, 3, 7, "country CODE NAME [NAMES [ADJECTIVES [CAPITAL [SEATS]]]]"); err != nil {
		return err
	}
	f = append(f, make([]string, 7-len(f))...)
	if !isUpper3(f[1]) {
		return fmt.Errorf("country code %q is not three capital letters (ISO 3166 alpha-3)", f[1])
	}
	if f[2] == "" {
		return fmt.Errorf("country %s has no name", f[1])
	}
	c := &Country{Code: f[1], Name: f[2], Names: list(f[3]), Adjectives: list(f[4]), Capital: f[5], Seats: list(f[6])}
	d.countries[c.Code] = c
	for _, n := range append([]string{c.Name}, c.Names...) {
		d.countryKey[Key(n)] = c.Code
	}
	for _, n := range c.Adjectives {
		d.adjKey[Key(n)] = c.Code
	}
	for _, n := range c.Seats {
		d.seatKey[Key(n)] = c.Code
	}
	if c.Capital != "" {
		d.seatKey[Key(c.Capital)] = c.Code
	}
	return nil
}

// actorPrefixes are the first three letters of actor codes that are not
// countries.
var actorPrefixes = map[string]bool{"IGO": true, "NGO": true, "MNC": true, "IMG": true, "UIS": true, "NGM": true}

// checkActor reports an error unless code is an actor code whose first three
// letters are a known country or an international prefix, followed by
// three-letter sectors.
func (d *Dictionary) checkActor(code string) error {
	if len(code) < 3 || len(code)%3 != 0 {
		return fmt.Errorf("actor code %q is not made of three-letter parts", code)
	}
	for i := 0; i < len(code); i += 3 {
		if !isUpper3(code[i : i+3]) {
			return fmt.Errorf("actor code %q is not made of three-letter capital parts", code)
		}
	}
	if p := code[:3]; !actorPrefixes[p] && d.countries[p] == nil {
		return fmt.Errorf("actor code %q: unknown country code %q", code, p)
	}
	return nil
}

// org	CODE	Name	aliases
func (d *Dictionary) orgLine(f []string) error {
	if err := need(f, 3, 4, "org CODE NAME [ALIASES]"); err != nil {
		return err
	}
	f = append(f, make([]string, 4-len(f))...)
	if err := d.checkActor(f[1]); err != nil {
		return err
	}
	if f[2] == "" {
		return fmt.Errorf("org %s has no name", f[1])
	}
	o := &Org{Code: f[1], Name: f[2], Aliases: list(f[3])}
	if old, ok := d.orgKey[Key(o.Name)]; ok && Key(old.Name) == Key(o.Name) {
		*old = *o // override in place
		o = old
	} else {
		d.orgs = append(d.orgs, o)
	}
	for _, n := range append([]string{o.Name}, o.Aliases...) {
		d.orgKey[Key(n)] = o
	}
	return nil
}

func (d *Dictionary) person(name string) *Person {
	if p, ok := d.personKey[Key(name)]; ok {
		return p
	}
	p := &Person{Name: name}
	d.people = append(d.people, p)
	d.personKey[Key(name)] = p
	return p
}

// person	Name	aliases
func (d *Dictionary) personLine(f []string) error {
	if err := need(f, 2, 3, "person NAME [ALIASES]"); err != nil {
		return err
	}
	if f[1] == "" {
		return fmt.Errorf("person has no name")
	}
	p := d.person(f[1])
	if len(f) == 3 {
		for _, a := range list(f[2]) {
			if !slices.Contains(p.Aliases, a) {
				p.Aliases = append(p.Aliases, a)
			}
			if _, ok := d.personKey[Key(a)]; !ok {
				d.personKey[Key(a)] = p
			}
		}
	}
	return nil
}

// office	Name	ACTOR	Role	start	end
func (d *Dictionary) officeLine(f []string) error {
	if err := need(f, 3, 6, "office NAME ACTOR [ROLE [START [END]]]"); err != nil {
		return err
	}
	f = append(f, make([]string, 6-len(f))...)
	if f[1] == "" {
		return fmt.Errorf("office has no person name")
	}
	if err := d.checkActor(f[2]); err != nil {
		return err
	}
	start, err := parseDate(f[4])
	if err != nil {
		return fmt.Errorf("start date: %w", err)
	}
	end, err := parseDate(f[5])
	if err != nil {
		return fmt.Errorf("end date: %w", err)
	}
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		return fmt.Errorf("office ends %s before it starts %s", f[5], f[4])
	}
	p := d.person(f[1])
	p.Tenures = append(p.Tenures, dateline.Tenure{Person: p.Name, Office: f[3], Actor: f[2], Start: start, End: end})
	return nil
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY; "" and "-" are the zero time.
func parseDate(s string) (time.Time, error) {
	if s == "" || s == "-" {
		return time.Time{}, nil
	}
	var t time.Time
	var err error
	switch len(s) {
	case 10:
		t, err = time.Parse("2006-01-02", s)
	case 7:
		t, err = time.Parse("2006-01", s)
	case 4:
		t, err = time.Parse("2006", s)
	default:
		return time.Time{}, fmt.Errorf("%q is not YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	if y := t.Year(); y < 1800 || y > 2100 {
		return time.Time{}, fmt.Errorf("absurd year %d in %q (want 1800-2100)", y, s)
	}
	return t, nil
}

// sector	word or phrase	CODE
func (d *Dictionary) sectorLine(f []string) error {
	if err := need(f, 3, 3, "sector WORD CODE"); err != nil {
		return err
	}
	if f[1] == "" || !isUpper3(f[2]) {
		return fmt.Errorf("sector line wants a word and a three-letter code, got %q %q", f[1], f[2])
	}
	k := Key(f[1])
	d.sectors[k] = f[2]
	if n := strings.Count(k, " ") + 1; n > d.sectorMaxWd {
		d.sectorMaxWd = n
	}
	return nil
}

// place	geonameid	Name	alternates	lat	lon	COUNTRY	admin1	population	feature
func (d *Dictionary) placeLine(f []string) error {
	if err := need(f, 8, 10, "place ID NAME ALTERNATES LAT LON COUNTRY ADMIN1 [POPULATION [FEATURE]]"); err != nil {
		return err
	}
	f = append(f, make([]string, 10-len(f))...)
	id, err := strconv.Atoi(f[1])
	if err != nil || id <= 0 {
		return fmt.Errorf("place id %q is not a positive number", f[1])
	}
	lat, err1 := strconv.ParseFloat(f[4], 64)
	lon, err2 := strconv.ParseFloat(f[5], 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return fmt.Errorf("place %d: bad latitude/longitude %q %q", id, f[4], f[5])
	}
	if d.countries[f[6]] == nil {
		return fmt.Errorf("place %d: unknown country code %q", id, f[6])
	}
	pop := 0
	if f[8] != "" {
		if pop, err = strconv.Atoi(f[8]); err != nil {
			return fmt.Errorf("place %d: population %q is not a number", id, f[8])
		}
	}
	if f[2] == "" {
		return fmt.Errorf("place %d has no name", id)
	}
	p := Place{GeonameID: id, Name: f[2], Lat: lat, Lon: lon, Country: f[6], Admin1: f[7], Population: pop, Feature: f[9]}
	i := int32(len(d.places))
	d.places = append(d.places, p)
	seen := map[string]bool{}
	for _, n := range append([]string{p.Name}, list(f[3])...) {
		k := Key(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		d.placeKey[k] = append(d.placeKey[k], i)
	}
	return nil
}

// finish orders what Read appended: place candidates by population, tenures
// by start, and indexes surnames.
func (d *Dictionary) finish() {
	for k, ids := range d.placeKey {
		if len(ids) > 1 {
			slices.SortStableFunc(ids, func(a, b int32) int { return d.places[b].Population - d.places[a].Population })
			d.placeKey[k] = ids
		}
	}
	for _, p := range d.people {
		slices.SortStableFunc(p.Tenures, func(a, b dateline.Tenure) int { return a.Start.Compare(b.Start) })
		for i := range p.Tenures {
			p.Tenures[i].Person = p.Name
		}
		if i := strings.IndexByte(p.Name, ' '); i > 1 && !strings.HasSuffix(p.Name[:i], ".") {
			d.firstNames[Key(p.Name[:i])] = true
		}
		if i := strings.LastIndexByte(p.Name, ' '); i > 0 {
			k := Key(p.Name[i+1:])
			d.surnameKey[k] = append(d.surnameKey[k], p)
		}
	}
}
