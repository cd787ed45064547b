package dict

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// personName returns the person called name, creating it; an alias of an
// existing person finds that person.
func (b *builder) personNamed(name string, aliases ...string) *bperson {
	p := b.people[Key(name)]
	if p == nil {
		for _, a := range aliases {
			if q := b.people[Key(a)]; q != nil && strings.Count(Key(a), " ") > 0 {
				p = q
				break
			}
		}
	}
	if p == nil {
		p = &bperson{name: name}
		b.people[Key(name)] = p
		b.peopleList = append(b.peopleList, p)
	}
	for _, a := range aliases {
		if Key(a) == Key(p.name) || strings.ContainsAny(a, "\t;") {
			continue
		}
		if !slices.ContainsFunc(p.aliases, func(x string) bool { return Key(x) == Key(a) }) {
			p.aliases = append(p.aliases, a)
		}
		if b.people[Key(a)] == nil {
			b.people[Key(a)] = p
		}
	}
	return p
}

func (b *builder) addOffice(p *bperson, actor, role string, start, end time.Time) {
	if !b.validCode(actor) {
		return
	}
	if !start.IsZero() && !end.IsZero() && end.Before(start) {
		return
	}
	l := strings.Join([]string{actor, strings.ReplaceAll(role, "\t", " "), fmtDate(start), fmtDate(end)}, "\t")
	if !slices.Contains(p.offices, l) {
		p.offices = append(p.offices, l)
	}
}

// closeOpenOffices ends an office that one source left open ("USAGOV
// 2009-01-20 -", Phoenix's) where another source records the same office
// from no earlier a start with an end ("USAGOV President 2009-01-20
// 2017-01-19", the Factbook's): the person left it then.
func closeOpenOffices(offices []string) []string {
	out := slices.Clone(offices)
	for i, o := range out {
		f := strings.Split(o, "\t") // actor, role, start, end
		if len(f) != 4 || f[3] != "-" {
			continue
		}
		for _, q := range offices {
			g := strings.Split(q, "\t")
			if len(g) == 4 && g[0] == f[0] && g[3] != "-" && g[2] >= f[2] && g[2] != "-" {
				f[3] = g[3]
			}
		}
		out[i] = strings.Join(f, "\t")
	}
	return out
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

// keepCaps are acronyms titleName leaves in capitals.
var keepCaps = map[string]bool{"US": true, "U.S.": true, "UN": true, "U.N.": true, "EU": true, "UK": true, "USA": true, "NATO": true, "OPEC": true}

// titleName turns "SERGEY_LAVROV_" or "PADRINO LOPEZ" into "Sergey Lavrov".
func titleName(s string) string {
	ws := strings.Fields(strings.ReplaceAll(s, "_", " "))
	for i, w := range ws {
		if keepCaps[w] {
			continue
		}
		ws[i] = titleWord(w)
	}
	return strings.Join(ws, " ")
}

func titleWord(s string) string {
	s = strings.Trim(strings.ReplaceAll(s, "_", " "), " ")
	var out []rune
	up := true
	for _, r := range s {
		if up {
			out = append(out, unicode.ToUpper(r))
		} else {
			out = append(out, unicode.ToLower(r))
		}
		up = r == ' ' || r == '-' || r == '\'' || r == '.'
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// titleWordsInName are words that mark a Phoenix synonym as a title phrase.
var titleWordsInName = map[string]bool{"MINISTER": true, "PRESIDENT": true, "AMBASSADOR": true, "SECRETARY": true,
	"GENERAL": true, "FOREIGN": true, "PRIME": true, "KING": true, "PREMIER": true, "CHIEF": true, "LEADER": true,
	"DEPUTY": true, "GOVERNOR": true, "SENATOR": true, "CHANCELLOR": true, "THE": true, "COMMANDER": true, "ENVOY": true,
	"SPOKESMAN": true, "OF": true, "FORMER": true, "ACTING": true, "MR.": true, "MRS.": true, "DR.": true}

// phoenixDate reads YYMMDD or YYYYMMDD.
func phoenixDate(s string) (time.Time, bool) {
	switch len(s) {
	case 6:
		yy, err := strconv.Atoi(s[:2])
		if err != nil {
			return time.Time{}, false
		}
		if yy <= 30 {
			s = "20" + s
		} else {
			s = "19" + s
		}
	case 8:
	default:
		return time.Time{}, false
	}
	t, err := time.Parse("20060102", s)
	if err != nil || t.Year() < 1800 {
		return time.Time{}, false
	}
	return t, true
}

type phoenixEntry struct {
	name     string
	synonyms []string
	codes    [][3]string // code, date spec, comment
}

// parsePhoenix reads a TABARI actor file into entries.
func parsePhoenix(path string) ([]phoenixEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []phoenixEntry
	var cur *phoenixEntry
	codes := func(s string) {
		for {
			i := strings.IndexByte(s, '[')
			if i < 0 {
				return
			}
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return
			}
			fs := strings.Fields(s[i+1 : i+j])
			comment := ""
			if k := strings.IndexByte(s[i+j:], '#'); k >= 0 {
				comment = strings.TrimSpace(strings.Split(s[i+j+k+1:], "#")[0])
			}
			if len(fs) > 0 && cur != nil {
				spec := ""
				if len(fs) > 1 {
					spec = fs[1]
				}
				cur.codes = append(cur.codes, [3]string{fs[0], spec, comment})
			}
			s = s[i+j+1:]
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r ")
		if l == "" || l[0] == '#' {
			continue
		}
		switch {
		case l[0] == '+':
			if cur != nil {
				s := l[1:]
				if i := strings.IndexAny(s, "#["); i >= 0 {
					codes(s)
					s = s[:i]
				}
				cur.synonyms = append(cur.synonyms, strings.TrimSpace(s))
			}
		case l[0] == '\t' || l[0] == ' ':
			codes(l)
		default:
			out = append(out, phoenixEntry{})
			cur = &out[len(out)-1]
			name := l
			if i := strings.IndexAny(l, "[#"); i >= 0 {
				name = l[:i]
				codes(l[i:])
			}
			cur.name = strings.TrimSpace(name)
		}
	}
	return out, sc.Err()
}

func personLike(name string) bool {
	ws := strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == ' ' })
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		if titleWordsInName[w] || strings.ContainsAny(w, "0123456789`/&") {
			return false
		}
	}
	return true
}

func (b *builder) phoenixPeople() error {
	for _, file := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		es, err := parsePhoenix(filepath.Join(b.data, "petrarch2/dictionaries", file))
		if err != nil {
			return err
		}
		for _, e := range es {
			dated := false
			for _, c := range e.codes {
				if c[1] != "" {
					dated = true
				}
			}
			if !dated {
				b.phoenixNonPerson(e)
				continue
			}
			if !personLike(e.name) {
				continue
			}
			name := titleName(e.name)
			var aliases []string
			last := name[strings.LastIndexByte(name, ' ')+1:]
			for _, s := range e.synonyms {
				if personLike(s) {
					aliases = append(aliases, titleName(s))
				} else if t := titleName(s); !strings.Contains(t, " ") && Key(t) == Key(last) {
					aliases = append(aliases, t)
				}
			}
			p := b.personNamed(name, aliases...)
			for _, c := range e.codes {
				start, end, ok := phoenixSpan(c[1])
				if !ok {
					continue
				}
				b.addOffice(p, c[0], c[2], start, end)
			}
		}
	}
	return nil
}

// phoenixSpan reads ">d", "<d", "d1-d2" or "" (no dates).
func phoenixSpan(spec string) (start, end time.Time, ok bool) {
	switch {
	case spec == "":
		return start, end, true
	case spec[0] == '>':
		start, ok = phoenixDate(spec[1:])
	case spec[0] == '<':
		end, ok = phoenixDate(spec[1:])
	default:
		a, z, found := strings.Cut(spec, "-")
		if !found {
			return start, end, false
		}
		var ok2 bool
		start, ok = phoenixDate(a)
		end, ok2 = phoenixDate(z)
		ok = ok && ok2
	}
	return start, end, ok
}

// phoenixNonPerson adds an undated Phoenix entry as a country alias (a
// three-letter code) or an organisation.
func (b *builder) phoenixNonPerson(e phoenixEntry) {
	if len(e.codes) != 1 {
		return
	}
	code := e.codes[0][0]
	if len(code) < 3 || len(code)%3 != 0 || !isUpper3(code[:3]) {
		return
	}
	if strings.ContainsAny(e.name, "`/&0123456789") {
		return
	}
	name := titleName(e.name)
	if len(code) == 3 {
		if c := b.byCode[code]; c != nil && len(name) > 3 && !strings.Contains(Key(name), "occupied") && !regionName(name) {
			c.names = addUniq(c.names, name)
		}
		return
	}
	if b.byCode[code[:3]] == nil && !actorPrefixes[code[:3]] {
		return
	}
	if b.byCode[code[:3]] != nil && !b.agentCodes[code[3:6]] {
		return // a territory or region of a state (PSEGZA Gaza, GBRGIB Gibraltar): a place, not an actor
	}
	var aliases []string
	for _, s := range e.synonyms {
		if s != "" && !strings.ContainsAny(s, "`/&") {
			aliases = append(aliases, titleName(s))
		}
	}
	if strings.Count(name, " ") == 0 && len(name) <= 5 && strings.ToUpper(e.name) == e.name {
		name = strings.Trim(strings.ReplaceAll(e.name, "_", " "), " ") // acronyms stay capitals
	}
	b.addOrg(code, name, strings.Join(aliases, ";"))
}

// regionName reports whether a name is of a region inside a state ("West
// Bank", "Gaza Strip", "Golan Heights"): a place, never the state's name.
func regionName(name string) bool {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return false
	}
	switch strings.ToLower(name[i+1:]) {
	case "bank", "strip", "heights", "peninsula", "region", "province", "valley", "territory", "territories":
		return !strings.Contains(strings.ToLower(name), "territories") || strings.HasPrefix(strings.ToLower(name), "occupied")
	}
	return false
}

// factbookName parses "President Vladimir Vladimirovich PUTIN" into the
// title and the canonical and full names; ok is false without a SURNAME.
func factbookName(s string) (title, name, full string, ok bool) {
	ws := strings.Fields(s)
	sur := -1
	for i, w := range ws {
		if isCapsWord(w) {
			sur = i
			break
		}
	}
	if sur < 0 {
		return "", "", "", false
	}
	start := sur
	for start > 0 {
		w := ws[start-1]
		if !unicode.IsUpper([]rune(w)[0]) || titleWordsInName[strings.ToUpper(strings.TrimSuffix(w, "s"))] || officeWord[w] {
			break
		}
		start--
	}
	end := sur
	for end+1 < len(ws) && isCapsWord(ws[end+1]) {
		end++
	}
	title = strings.Join(ws[:start], " ")
	given := ""
	if start < sur {
		given = ws[start]
	}
	surname := titleName(strings.Join(ws[sur:end+1], " "))
	name = strings.TrimSpace(given + " " + surname)
	fullWs := slices.Clone(ws[start : end+1])
	for end+1 < len(ws) && unicode.IsUpper([]rune(ws[end+1])[0]) && !strings.HasPrefix(ws[end+1], "(") {
		end++
		fullWs = append(fullWs, ws[end])
	}
	full = titleName(strings.Join(fullWs, " "))
	return title, name, full, true
}

var officeWord = map[string]bool{"Premier": true, "Premiers": true, "Minister": true, "Ministers": true,
	"President": true, "Vice": true, "First": true, "Deputy": true, "Executive": true, "Interim": true,
	"Governor": true, "General": true, "Supreme": true, "Leader": true, "Queen": true, "King": true, "Emir": true,
	"Amir": true, "Sultan": true, "Chairman": true, "Chancellor": true, "Federal": true, "State": true,
	"Co-Prince": true, "Grand": true, "Duke": true, "Crown": true, "Prince": true, "Acting": true, "Prime": true}

func isCapsWord(w string) bool {
	w = strings.TrimRight(w, ",.")
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// sinceDate reads "(since 7 May 2012)" or "(all since ...)" in s.
func sinceDate(s string) (time.Time, bool) {
	i := strings.Index(s, "since ")
	if i < 0 {
		return time.Time{}, false
	}
	rest := s[i+6:]
	if j := strings.IndexByte(rest, ')'); j >= 0 {
		rest = rest[:j]
	}
	for _, layout := range []string{"2 January 2006", "January 2006", "2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(rest)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

type fbTenure struct {
	gec, name, full, title string
	start, end             time.Time
	current                bool
}

func (b *builder) factbookLeaders() error {
	rows, err := readTSV(filepath.Join(b.data, "cia-factbook/factbook-leaders-timeline-2015-2026.tsv.gz"), false)
	if err != nil {
		return err
	}
	ts := map[string]*fbTenure{}
	var order []string
	for _, r := range rows[1:] {
		c := b.byGEC[col(r, 0)]
		if c == nil {
			continue
		}
		first, _ := time.Parse("2006-01-02", col(r, 3))
		repl, errRepl := time.Parse("2006-01-02", col(r, 4))
		text := col(r, 5)
		if i := strings.Index(text, "Notification Statement"); i >= 0 {
			continue // a statement about recognition, not a tenure
		}
		for _, seg := range strings.Split(text, ";") {
			seg = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(seg), "represented by "))
			if strings.HasPrefix(seg, "note") {
				continue
			}
			inherited := ""
			for _, piece := range splitOutsideParens(seg) {
				title, name, full, ok := factbookName(piece)
				if !ok {
					continue
				}
				if title == "" {
					title = inherited
				}
				title = strings.TrimSuffix(strings.TrimSuffix(title, "s"), " of") // "Deputy Premiers"
				if title != "" {
					inherited = title
				}
				start, ok := sinceDate(piece)
				if !ok {
					start = first
				}
				k := c.code + "|" + Key(name) + "|" + title + "|" + start.Format("20060102")
				t := ts[k]
				if t == nil {
					t = &fbTenure{gec: c.code, name: name, full: full, title: title, start: start}
					ts[k] = t
					order = append(order, k)
				}
				if errRepl != nil {
					t.current = true
				} else if repl.After(t.end) {
					t.end = repl
				}
			}
		}
	}
	// A head of state of several territories (a king of realms, a president
	// of dependencies) keeps only the most populous one.
	best := map[string]string{}
	for _, k := range order {
		t := ts[k]
		pk := Key(t.name) + "|" + t.title + "|" + t.start.Format("20060102")
		if o, ok := best[pk]; !ok || b.byCode[t.gec].pop > b.byCode[o].pop {
			best[pk] = t.gec
		}
	}
	for _, k := range order {
		t := ts[k]
		if best[Key(t.name)+"|"+t.title+"|"+t.start.Format("20060102")] != t.gec {
			continue
		}
		end := t.end
		if t.current {
			end = time.Time{}
		} else {
			for _, k2 := range order { // a successor's start ends the term
				u := ts[k2]
				if u.gec == t.gec && u.title == t.title && Key(u.name) != Key(t.name) && u.start.After(t.start) && u.start.Before(end) {
					end = u.start.AddDate(0, 0, -1)
				}
			}
		}
		p := b.personNamed(t.name, t.full)
		b.addOffice(p, t.gec+"GOV", t.title, t.start, end)
	}
	return nil
}

// splitOutsideParens splits s at commas outside parentheses.
func splitOutsideParens(s string) []string {
	var out []string
	depth, last := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[last:i])
				last = i + 1
			}
		}
	}
	return append(out, s[last:])
}

// officeSector gives the sector of an office title.
func officeSector(office string) string {
	o := strings.ToLower(office)
	switch {
	case strings.Contains(o, "defense") || strings.Contains(o, "defence") || strings.Contains(o, "armed forces") ||
		strings.Contains(o, "army") || strings.Contains(o, "military") || strings.Contains(o, "chief of staff of the"):
		return "MIL"
	case strings.Contains(o, "supreme court") || strings.Contains(o, "chief justice") || strings.Contains(o, "attorney general") ||
		strings.Contains(o, "prosecutor"):
		return "JUD"
	case strings.Contains(o, "speaker") || strings.Contains(o, "parliament") || strings.Contains(o, "national assembly"):
		return "LEG"
	case strings.Contains(o, "police"):
		return "COP"
	}
	return "GOV"
}

// snapshot2019 is the day of the CIA world leaders snapshot.
var snapshot2019 = time.Date(2019, 6, 4, 0, 0, 0, 0, time.UTC)

func (b *builder) leaders2019() error {
	rows, err := readTSV(filepath.Join(b.data, "cia-world-leaders-2019/cia_world_leaders_2019-06.tsv"), false)
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		c := b.byGEC[col(r, 0)]
		office, person := col(r, 2), col(r, 3)
		if c == nil || person == "" {
			continue
		}
		_, name, full, ok := factbookName(person)
		if !ok {
			continue
		}
		office = strings.ReplaceAll(office, "Min. ", "Minister ")
		p := b.personNamed(name, full)
		b.addOffice(p, c.code+officeSector(office), office, snapshot2019, snapshot2019)
	}
	return nil
}

// handPeople are office-holders the sources lack (the 2019 CIA list omits
// the United States): US secretaries of state and defense and national
// security advisers since 2001.
var handPeople = []struct{ name, aliases, actor, role, start, end string }{
	{"Colin Powell", "", "USAGOV", "Secretary of State", "2001-01-20", "2005-01-26"},
	{"Condoleezza Rice", "", "USAGOV", "Secretary of State", "2005-01-26", "2009-01-20"},
	{"Hillary Clinton", "Hillary Rodham Clinton", "USAGOV", "Secretary of State", "2009-01-21", "2013-02-01"},
	{"John Kerry", "", "USAGOV", "Secretary of State", "2013-02-01", "2017-01-20"},
	{"Rex Tillerson", "", "USAGOV", "Secretary of State", "2017-02-01", "2018-03-31"},
	{"Michael Pompeo", "Mike Pompeo", "USAGOV", "Secretary of State", "2018-04-26", "2021-01-20"},
	{"Antony Blinken", "Tony Blinken", "USAGOV", "Secretary of State", "2021-01-26", "2025-01-20"},
	{"Marco Rubio", "", "USAGOV", "Secretary of State", "2025-01-21", "-"},
	{"Susan Rice", "", "USAGOV", "National Security Adviser", "2013-07-01", "2017-01-20"},
	{"Michael Flynn", "", "USAGOV", "National Security Adviser", "2017-01-20", "2017-02-13"},
	{"H. R. McMaster", "H.R. McMaster", "USAGOV", "National Security Adviser", "2017-02-20", "2018-04-09"},
	{"John Bolton", "", "USAGOV", "National Security Adviser", "2018-04-09", "2019-09-10"},
	{"Robert O'Brien", "", "USAGOV", "National Security Adviser", "2019-09-18", "2021-01-20"},
	{"Jake Sullivan", "", "USAGOV", "National Security Adviser", "2021-01-20", "2025-01-20"},
	{"Chuck Hagel", "", "USAMIL", "Secretary of Defense", "2013-02-27", "2015-02-17"},
	{"Ashton Carter", "Ash Carter", "USAMIL", "Secretary of Defense", "2015-02-17", "2017-01-20"},
	{"Jim Mattis", "James Mattis", "USAMIL", "Secretary of Defense", "2017-01-20", "2019-01-01"},
	{"Mark Esper", "", "USAMIL", "Secretary of Defense", "2019-07-23", "2020-11-09"},
	{"Lloyd Austin", "", "USAMIL", "Secretary of Defense", "2021-01-22", "2025-01-20"},
	{"Pete Hegseth", "", "USAMIL", "Secretary of Defense", "2025-01-25", "-"},
}

func (b *builder) handOffices() error {
	for _, h := range handPeople {
		start, err := parseDate(h.start)
		if err != nil {
			return err
		}
		end, err := parseDate(h.end)
		if err != nil {
			return err
		}
		b.addOffice(b.personNamed(h.name, list(h.aliases)...), h.actor, h.role, start, end)
	}
	return nil
}

func (b *builder) peopleLines() []string {
	ps := slices.Clone(b.peopleList)
	slices.SortStableFunc(ps, func(x, y *bperson) int { return cmp.Compare(x.name, y.name) })
	var out []string
	for _, p := range ps {
		if len(p.offices) == 0 {
			continue
		}
		out = append(out, "person\t"+p.name+"\t"+strings.Join(p.aliases, ";"))
		offs := closeOpenOffices(p.offices)
		slices.SortStableFunc(offs, func(a, c string) int {
			return cmp.Compare(strings.Split(a, "\t")[2], strings.Split(c, "\t")[2])
		})
		for _, o := range offs {
			out = append(out, "office\t"+p.name+"\t"+o)
		}
	}
	return out
}

func asciiName(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false
		}
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
			letters++
		}
	}
	return letters >= 3 && !strings.ContainsAny(s, "\t;")
}

func (b *builder) places() error {
	rows, err := readTSV(filepath.Join(b.data, "geonames/admin1CodesASCII.txt"), true)
	if err != nil {
		return err
	}
	admin1 := map[string]string{}
	admin1ID := map[string]string{}
	for _, r := range rows {
		admin1[col(r, 0)] = col(r, 2)
		admin1ID[col(r, 0)] = col(r, 3)
	}
	type region struct {
		lat, lon float64
		n, pop   int
	}
	regions := map[string]*region{}
	rows, err = readTSV(filepath.Join(b.data, "geonames/cities15000.txt.gz"), false)
	if err != nil {
		return err
	}
	for _, r := range rows {
		c := b.byA2[col(r, 8)]
		if c == nil || len(r) < 15 {
			continue
		}
		id, name, ascii := col(r, 0), col(r, 1), col(r, 2)
		var alts []string
		if ascii != name {
			alts = append(alts, ascii)
		}
		pop, _ := strconv.Atoi(col(r, 14))
		if short, ok := strings.CutSuffix(ascii, " City"); ok && len(short) > 3 { // "New York City"
			alts = append(alts, short)
		}
		if pop >= 100000 { // alternates of large places only: enough for news, keeps the file small
			limit := 8
			if pop >= 1000000 {
				limit = 20
			}
			for _, a := range strings.Split(col(r, 3), ",") {
				if asciiName(a) && !slices.Contains(alts, a) && a != name && len(alts) < limit && strings.ToUpper(a) != a {
					alts = append(alts, a)
				}
			}
		}
		lat, _ := strconv.ParseFloat(col(r, 4), 64)
		lon, _ := strconv.ParseFloat(col(r, 5), 64)
		if k := col(r, 8) + "." + col(r, 10); admin1[k] != "" {
			rg := regions[k]
			if rg == nil {
				rg = &region{}
				regions[k] = rg
			}
			rg.lat, rg.lon, rg.n, rg.pop = rg.lat+lat, rg.lon+lon, rg.n+1, rg.pop+pop
		}
		b.placeLines = append(b.placeLines, strings.Join([]string{"place", id, name, strings.Join(alts, ";"),
			strconv.FormatFloat(lat, 'f', 4, 64), strconv.FormatFloat(lon, 'f', 4, 64), c.code,
			admin1[col(r, 8)+"."+col(r, 10)], col(r, 14), col(r, 7)}, "\t"))
	}
	// first-level regions (states, provinces) as places of their country:
	// "Virginia", "Idaho", "Punjab"; placed at the mean of their cities, and
	// ranked below any city of 400,000 people or more of the same name
	countryName := map[string]bool{}
	for _, c := range b.cs {
		for _, n := range append([]string{c.name}, c.names...) {
			countryName[Key(n)] = true
		}
	}
	for k, rg := range regions {
		cc, _, _ := strings.Cut(k, ".")
		c := b.byA2[cc]
		id := admin1ID[k]
		if c == nil || id == "" || countryName[Key(admin1[k])] {
			continue
		}
		b.placeLines = append(b.placeLines, strings.Join([]string{"place", id, admin1[k], "",
			strconv.FormatFloat(rg.lat/float64(rg.n), 'f', 4, 64), strconv.FormatFloat(rg.lon/float64(rg.n), 'f', 4, 64), c.code,
			admin1[k], strconv.Itoa(min(rg.pop, 400000)), "ADM1"}, "\t"))
	}
	slices.SortFunc(b.placeLines, func(x, y string) int {
		a, _ := strconv.Atoi(strings.Split(x, "\t")[1])
		c, _ := strconv.Atoi(strings.Split(y, "\t")[1])
		return a - c
	})
	if len(b.placeLines) == 0 {
		return fmt.Errorf("no places read")
	}
	return nil
}
