package dict

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dateline-news/dateline/internal/gzfile"
)

// Build derives the shipped dictionary files (see [Shipped]) from the
// sources under dataDir (../shared/data) and writes them to outDir. The
// output depends only on the input: the same data gives the same bytes.
func Build(dataDir, outDir string) error {
	b := &builder{data: dataDir, people: map[string]*bperson{}}
	steps := []func() error{b.countries, b.orgs, b.sectors, b.phoenixPeople, b.factbookLeaders, b.leaders2019, b.handOffices, b.places}
	for _, s := range steps {
		if err := s(); err != nil {
			return fmt.Errorf("build dictionary: %w", err)
		}
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return fmt.Errorf("build dictionary: %w", err)
	}
	files := map[string][]string{
		"countries.txt": b.countryLines(), "orgs.txt.gz": b.orgLines(), "sectors.txt": b.sectorLines(),
		"people.txt.gz": b.peopleLines(), "places.txt.gz": b.placeLines,
	}
	for _, name := range Shipped {
		if err := writeLines(filepath.Join(outDir, name), headers[name], files[name]); err != nil {
			return fmt.Errorf("build dictionary: %w", err)
		}
	}
	return nil
}

var headers = map[string]string{
	"countries.txt": "# Countries: country\tISO3\tname\tnames;...\tadjectives;...\tcapital\tseats of power;...\n# Built by `dateline train dict` from ../shared/data (countries: ruby-countries MIT, CLDR Unicode-DFS-2016;\n# cia-factbook public domain; geonames CC BY 4.0) and a hand list of seats of power. Format: docs/dictionaries.md.\n",
	"orgs.txt.gz":   "# Organisations: org\tACTOR CODE\tname\taliases;...\n# Built by `dateline train dict` from a hand list, ../shared/data/petrarch2 (MIT, Open Event Data Alliance)\n# and the CIA Factbook appendix B (public domain). Format: docs/dictionaries.md.\n",
	"sectors.txt":   "# Sector lexicon: sector\tword or phrase\tSECTOR\n# Built by `dateline train dict` from a hand list and ../shared/data/petrarch2/Phoenix.agents.txt (MIT).\n",
	"people.txt.gz": "# People and dated offices: person\tname\taliases;...  and  office\tname\tACTOR\trole\tstart\tend\n# Built by `dateline train dict` from petrarch2 Phoenix dictionaries (MIT, to 2014), the CIA Factbook\n# leaders timeline 2015-2026 and CIA world leaders June 2019 (public domain). A 2019 snapshot office\n# has start = end = 2019-06-04 (seen on that day only).\n",
	"places.txt.gz": "# Places: place\tgeonameid\tname\talternates;...\tlat\tlon\tISO3\tadmin1\tpopulation\tfeature\n# From GeoNames cities15000 (CC BY 4.0, https://www.geonames.org).\n",
}

func writeLines(path, header string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(path, ".gz") {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestCompression)
		w = zw
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(header)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	err = bw.Flush()
	if zw != nil {
		if e := zw.Close(); err == nil {
			err = e
		}
	}
	if e := f.Close(); err == nil {
		err = e
	}
	return err
}

type bcountry struct {
	code, a2, gec, name string
	names, adjs, seats  []string
	capital             string
	pop                 int
}

type bperson struct {
	name    string
	aliases []string
	offices []string // office lines without the person name
}

type builder struct {
	data       string
	cs         []*bcountry
	byA2       map[string]*bcountry
	byGEC      map[string]*bcountry
	byCode     map[string]*bcountry
	orgList    [][3]string // code, name, aliases
	orgSeen    map[string]bool
	sectorMap  map[string]string
	agentCodes map[string]bool     // every three-letter part of a Phoenix agent code
	people     map[string]*bperson // key of name or alias
	peopleList []*bperson
	placeLines []string
}

// readTSV reads a tab-separated file (gzip when .gz), skipping lines
// starting with '#' when skipHash; the header row is returned as the first row.
func readTSV(path string, skipHash bool) ([][]string, error) {
	r, err := gzfile.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var rows [][]string
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r")
		if l == "" || (skipHash && l[0] == '#') {
			continue
		}
		rows = append(rows, strings.Split(l, "\t"))
	}
	return rows, sc.Err()
}

func col(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

func addUniq(list []string, items ...string) []string {
	for _, s := range items {
		s = strings.TrimSpace(s)
		if s == "" || s == "none" || strings.ContainsAny(s, "\t;()[]/") {
			continue
		}
		if !slices.ContainsFunc(list, func(x string) bool { return Key(x) == Key(s) }) {
			list = append(list, s)
		}
	}
	return list
}

// seatsOfPower are places and buildings that stand for a government in news
// text, beyond the capital.
var seatsOfPower = map[string][]string{
	"USA": {"White House", "Washington, D.C.", "Pentagon", "Capitol Hill", "Foggy Bottom", "Oval Office"},
	"RUS": {"Kremlin"},
	"GBR": {"Downing Street", "Whitehall", "Number 10", "Westminster"},
	"FRA": {"Elysee", "Elysee Palace", "Quai d'Orsay"},
	"CHN": {"Zhongnanhai"},
	"DEU": {"Chancellery"},
	"ISR": {"Knesset"},
	"VEN": {"Miraflores", "Miraflores Palace"},
	"ARG": {"Casa Rosada"},
	"IND": {"New Delhi"},
	"JPN": {"Kantei"},
	"BRA": {"Planalto"},
	"KOR": {"Blue House"},
	"UKR": {"Kiev", "Kyiv"},
	"MEX": {"Los Pinos"},
	"TUR": {"Ankara"},
	"BOL": {"La Paz"},
	"MMR": {"Naypyidaw", "Nay Pyi Taw"},
}

// historicalCountries are states that no longer exist, with the codes the
// Phoenix dictionaries give them, for archives such as Reuters-21578.
var historicalCountries = [][4]string{
	{"SUN", "Soviet Union", "USSR;U.S.S.R.;Union of Soviet Socialist Republics", "Soviet;Soviets"},
	{"DDR", "East Germany", "German Democratic Republic;GDR", "East German;East Germans"},
	{"YUG", "Yugoslavia", "Socialist Federal Republic of Yugoslavia", "Yugoslav;Yugoslavs;Yugoslavian"},
	{"CSK", "Czechoslovakia", "Czechoslovak Socialist Republic", "Czechoslovak;Czechoslovakian"},
}

// extraCountryNames are common news names the tables lack.
var extraCountryNames = map[string][]string{
	"USA": {"US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"},
	"GBR": {"UK", "U.K.", "Britain", "Great Britain", "United Kingdom"},
	"RUS": {"Russian Federation"},
	"PRK": {"North Korea", "DPRK"},
	"KOR": {"South Korea", "ROK"},
	"CHN": {"PRC", "mainland China"},
	"TWN": {"Taiwan"},
	"IRN": {"Iran", "Islamic Republic of Iran"},
	"SYR": {"Syria"},
	"VEN": {"Venezuela"},
	"BOL": {"Bolivia"},
	"TUR": {"Turkey", "Turkiye"},
	"CZE": {"Czech Republic"},
	"MKD": {"Macedonia", "North Macedonia"},
	"COD": {"DR Congo", "DRC", "Democratic Republic of Congo", "Zaire"},
	"CCK": {"Cocos Islands", "Keeling Islands"},
	"COG": {"Congo-Brazzaville", "Republic of Congo"},
	"CIV": {"Ivory Coast", "Cote d'Ivoire"},
	"PSE": {"Palestine", "Palestinian Territories"},
	"VAT": {"Vatican", "Holy See"},
	"ARE": {"UAE", "Emirates"},
	"LAO": {"Laos"},
	"VNM": {"Vietnam"},
	"MDA": {"Moldova"},
	"TZA": {"Tanzania"},
}

// knownAbbrev are the short country abbreviations news uses.
var knownAbbrev = map[string]bool{"US": true, "UK": true, "USA": true, "UAE": true, "NZ": true, "HK": true,
	"PRC": true, "DRC": true, "ROK": true, "RSA": true, "FRG": true, "GDR": true}

var extraAdjectives = map[string][]string{
	"USA": {"American", "Americans", "US", "U.S."},
	"GBR": {"British", "Briton", "Britons", "UK"},
	"NLD": {"Dutch"},
	"PRK": {"North Korean", "North Koreans"},
	"KOR": {"South Korean", "South Koreans"},
	"ARE": {"Emirati", "Emiratis"},
	"PHL": {"Filipino", "Filipinos", "Philippine"},
	"CHE": {"Swiss"},
	"VEN": {"Venezuelan", "Venezuelans"},
}

func (b *builder) countries() error {
	b.byA2, b.byGEC, b.byCode = map[string]*bcountry{}, map[string]*bcountry{}, map[string]*bcountry{}
	rows, err := readTSV(filepath.Join(b.data, "countries/countries.tsv"), false)
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		c := &bcountry{a2: col(r, 0), code: col(r, 1), gec: strings.ToLower(col(r, 3)), name: col(r, 6)}
		if !isUpper3(c.code) {
			continue
		}
		c.names = addUniq(nil, col(r, 5), col(r, 6))
		c.adjs = addUniq(nil, col(r, 7))
		b.cs = append(b.cs, c)
		b.byA2[c.a2], b.byCode[c.code] = c, c
		if c.gec != "" {
			b.byGEC[c.gec] = c
		}
	}
	rows, err = readTSV(filepath.Join(b.data, "countries/cldr-en-territories.tsv"), false)
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		if c := b.byA2[col(r, 0)]; c != nil {
			if col(r, 1) == "" {
				c.name = col(r, 2) // CLDR's plain English name is the canonical one
				if strings.Contains(c.name, " - ") || strings.Contains(c.name, "(") {
					c.name = col(r, 0) // replaced below by the ISO English name
				}
				c.name = strings.ReplaceAll(c.name, " & ", " and ")
			}
			c.names = addUniq(c.names, col(r, 2))
		}
	}
	rows, err = readTSV(filepath.Join(b.data, "cia-factbook/factbook-countries-2026-01.tsv"), false)
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		c := b.byGEC[col(r, 0)]
		if c == nil {
			continue
		}
		for _, n := range append([]string{col(r, 2), col(r, 3)}, strings.Split(col(r, 7), " or ")...) {
			if !regionName(n) { // the West Bank and the Gaza Strip are places, not names of their state
				c.names = addUniq(c.names, n)
			}
		}
		for _, n := range strings.Split(col(r, 9), ",") {
			n = strings.TrimSpace(n)
			if i := strings.Index(n, "(s)"); i > 0 {
				c.adjs = addUniq(c.adjs, n[:i], n[:i]+"s")
			} else {
				c.adjs = addUniq(c.adjs, n)
			}
		}
		for _, n := range strings.FieldsFunc(col(r, 10), func(r rune) bool { return r == ',' || r == ';' }) {
			c.adjs = addUniq(c.adjs, n)
		}
		if cp := cleanCapital(col(r, 8)); cp != "" && c.capital == "" {
			c.capital = cp
		}
	}
	rows, err = readTSV(filepath.Join(b.data, "geonames/countryInfo.txt"), true)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if c := b.byA2[col(r, 0)]; c != nil && col(r, 5) != "" {
			c.capital = col(r, 5) // GeoNames spells capitals as its places do
		}
		if c := b.byA2[col(r, 0)]; c != nil {
			c.pop, _ = strconv.Atoi(col(r, 7))
		}
	}
	for _, h := range historicalCountries {
		c := &bcountry{code: h[0], name: h[1], names: list(h[2]), adjs: list(h[3])}
		b.cs = append(b.cs, c)
		b.byCode[c.code] = c
	}
	for code, ns := range extraCountryNames {
		if c := b.byCode[code]; c != nil {
			c.names = addUniq(c.names, ns...)
		}
	}
	for code, ns := range extraAdjectives {
		if c := b.byCode[code]; c != nil {
			c.adjs = addUniq(c.adjs, ns...)
		}
	}
	for code, ns := range seatsOfPower {
		if c := b.byCode[code]; c != nil {
			c.seats = addUniq(c.seats, ns...)
		}
	}
	for _, c := range b.cs {
		if c.name == c.a2 && len(c.names) > 0 {
			c.name = strings.ReplaceAll(c.names[0], " & ", " and ")
		}
		if c.name == c.a2 || strings.ContainsAny(c.name, ",(") { // "Congo - Kinshasa", "Myanmar (Burma)": a plainer name
			for _, n := range c.names {
				if len(n) > 4 && !strings.ContainsAny(n, ",(&") && !strings.Contains(n, " - ") {
					c.name = n
					break
				}
			}
		}
	}
	// Short abbreviations in capitals ("AS", "CAR", "PNG") are ordinary
	// words in headlines: only well-known ones are kept.
	for _, c := range b.cs {
		c.names = slices.DeleteFunc(c.names, func(s string) bool {
			return len(s) <= 3 && strings.ToUpper(s) == s && !knownAbbrev[s]
		})
	}
	// A name or adjective shared by several countries ("French": France and
	// its territories) stays with the most populous one.
	owner := map[string]*bcountry{}
	claim := func(c *bcountry, ss []string) {
		for _, s := range ss {
			if o := owner[Key(s)]; o == nil || c.pop > o.pop {
				owner[Key(s)] = c
			}
		}
	}
	for _, c := range b.cs {
		claim(c, append([]string{c.name}, c.names...))
		claim(c, c.adjs)
	}
	for _, c := range b.cs {
		c.names = slices.DeleteFunc(c.names, func(s string) bool { return Key(s) == Key(c.name) || owner[Key(s)] != c })
		c.adjs = slices.DeleteFunc(c.adjs, func(s string) bool { return owner[Key(s)] != c })
	}
	return nil
}

// cleanCapital keeps the first name of a Factbook capital field.
func cleanCapital(s string) string {
	if i := strings.IndexAny(s, "(;"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func (b *builder) countryLines() []string {
	cs := slices.Clone(b.cs)
	slices.SortFunc(cs, func(a, b *bcountry) int { return cmp.Compare(a.code, b.code) })
	var out []string
	for _, c := range cs {
		out = append(out, strings.Join([]string{"country", c.code, c.name, strings.Join(c.names, ";"),
			strings.Join(c.adjs, ";"), c.capital, strings.Join(c.seats, ";")}, "\t"))
	}
	return out
}

// handOrgs are organisations news names often, with Phoenix codes where
// Phoenix has one and "IGO" otherwise.
var handOrgs = [][3]string{
	{"IGOUNO", "United Nations", "UN;U.N.;UNO;United Nations Organization;UN Security Council;Security Council;UN General Assembly"},
	{"IGOWSTNAT", "NATO", "North Atlantic Treaty Organization;North Atlantic Alliance;the Alliance"},
	{"IGOEEC", "European Union", "EU;E.U.;European Commission;European Council;Brussels"},
	{"IGOEEC", "European Community", "EC;EEC;European Economic Community;European Communities;Common Market"},
	{"IGOWHMOAS", "Organization of American States", "OAS;Organisation of American States"},
	{"IGOAFR", "African Union", "AU"},
	{"IGOSEAASN", "Association of Southeast Asian Nations", "ASEAN"},
	{"IGO", "Arctic Council", ""},
	{"IGO", "Lima Group", "Grupo de Lima"},
	{"IGOMEAARL", "Arab League", "League of Arab States;LAS"},
	{"IGOMOSOIC", "Organisation of Islamic Cooperation", "OIC;Organization of Islamic Cooperation;Organization of the Islamic Conference"},
	{"IGOEUROSC", "Organization for Security and Co-operation in Europe", "OSCE;Organization for Security and Cooperation in Europe"},
	{"IGO", "BRICS", ""},
	{"IGO", "G20", "G-20;Group of Twenty"},
	{"IGO", "G7", "G-7;Group of Seven"},
	{"IGOBUSIMF", "International Monetary Fund", "IMF"},
	{"IGODEVWBK", "World Bank", ""},
	{"IGOBUSWTO", "World Trade Organization", "WTO"},
	{"IGOUNOHLHWHO", "World Health Organization", "WHO"},
	{"IGOUNOIAE", "International Atomic Energy Agency", "IAEA"},
	{"IGOJUDICC", "International Criminal Court", "ICC"},
	{"IGOUNOJUDICJ", "International Court of Justice", "ICJ"},
	{"IGOUNOREFHCR", "UN High Commissioner for Refugees", "UNHCR"},
	{"IGOUNOKID", "UNICEF", "United Nations Children's Fund"},
	{"IGOBUSOPC", "OPEC", "Organization of the Petroleum Exporting Countries"},
	{"IGOMEAGCC", "Gulf Cooperation Council", "GCC"},
	{"IGO", "Shanghai Cooperation Organisation", "SCO;Shanghai Cooperation Organization"},
	{"IGO", "Collective Security Treaty Organization", "CSTO"},
	{"IGO", "Commonwealth of Independent States", "CIS"},
	{"IGO", "Mercosur", "Southern Common Market"},
	{"IGO", "Council of Europe", ""},
	{"IGO", "Interpol", "International Criminal Police Organization"},
	{"IGO", "Union of South American Nations", "UNASUR"},
	{"IGO", "Community of Latin American and Caribbean States", "CELAC"},
	{"IGO", "ALBA", "Bolivarian Alliance for the Peoples of Our America"},
	{"IGO", "Caricom", "Caribbean Community"},
	{"IGO", "ECOWAS", "Economic Community of West African States"},
	{"IGO", "Eurasian Economic Union", "EAEU"},
	{"NGO", "Red Cross", "International Committee of the Red Cross;ICRC"},
	{"NGO", "Amnesty International", "Amnesty"},
	{"NGO", "Human Rights Watch", "HRW"},
	{"USAMED", "CNN", "Cable News Network"},
	{"USAMED", "Associated Press", "AP"},
	{"USAMED", "New York Times", "The New York Times"},
	{"USAMED", "Washington Post", "The Washington Post"},
	{"USAMED", "Fox News", ""},
	{"USAMED", "Bloomberg", ""},
	{"USAMED", "Wall Street Journal", "WSJ"},
	{"USAMED", "PBS", "Public Broadcasting Service"},
	{"USAMED", "NBC News", "NBC"},
	{"USAMED", "CBS News", "CBS"},
	{"USAMED", "ABC News", ""},
	{"USAMED", "NPR", "National Public Radio"},
	{"GBRMED", "The Guardian", "Guardian"},
	{"GBRMED", "Financial Times", "FT"},
	{"GBRMED", "The Telegraph", "Daily Telegraph"},
	{"GBRMED", "Daily Mail", ""},
	{"GBRMED", "Sky News", ""},
	{"FRAMED", "Le Monde", ""},
	{"DEUMED", "Der Spiegel", "Spiegel"},
	{"GBRMED", "Reuters", ""},
	{"GBRMED", "BBC", "British Broadcasting Corporation"},
	{"FRAMED", "Agence France-Presse", "AFP"},
	{"RUSMED", "TASS", "ITAR-TASS"},
	{"RUSMED", "RIA Novosti", "RIA"},
	{"RUSMED", "Interfax", ""},
	{"RUSMED", "RT", "Russia Today"},
	{"RUSMED", "Sputnik", ""},
	{"CHNMED", "Xinhua", ""},
	{"QATMED", "Al Jazeera", ""},
	{"DEUMED", "Deutsche Welle", "DW"},
	{"USAGOV", "White House", ""},
	{"RUSGOV", "Kremlin", "the Kremlin"},
	{"GBRGOV", "Downing Street", "Number 10"},
	{"USABUS", "Twitter", ""},
	{"USABUS", "Facebook", "Meta"},
	{"USABUS", "YouTube", ""},
	{"USABUS", "Instagram", ""},
	{"USABUS", "WhatsApp", ""},
	{"USABUS", "Google", ""},
	{"CHNBUS", "TikTok", ""},
	{"USAGOV", "State Department", "US State Department;U.S. State Department;Department of State"},
	{"USAGOV", "Pentagon", "Department of Defense"},
	{"USALEG", "United States Congress", "US Congress;U.S. Congress"},
	{"USALEG", "United States Senate", "US Senate;U.S. Senate"},
	{"USALEG", "United States House of Representatives", "US House of Representatives;U.S. House of Representatives"},
	{"USASPY", "CIA", "Central Intelligence Agency"},
	{"USACOP", "FBI", "Federal Bureau of Investigation"},
}

// recentOrgs are named armed groups and organisations that rose, or changed
// what they are, after the Phoenix dictionaries were frozen in 2014, with
// the year the code holds from. They win over Phoenix entries of the same
// name. Codes follow ../shared/gold/CONVENTIONS.md: IMG for the Islamic
// State, REB of their country for armed groups, MIL for a state's forces.
var recentOrgs = []struct{ code, name, aliases, since string }{
	{"IMG", "Islamic State", "ISIS;ISIL;Daesh;Islamic State of Iraq and the Levant;Islamic State of Iraq and Syria;Islamic State group", "2014"},
	{"SYRREB", "Syrian Democratic Forces", "SDF", "2015"},
	{"SYRREB", "People's Protection Units", "YPG;Kurdish People's Protection Units", "2012"},
	{"SYRREB", "Hayat Tahrir al-Sham", "HTS;Tahrir al-Sham", "2017"},
	{"SYRREB", "Jabhat al-Nusra", "Nusra Front;al-Nusra Front;Jabhat Fateh al-Sham", "2012"},
	{"YEMREB", "Houthis", "Houthi;Houthi rebels;Ansar Allah;Ansarullah", "2014"},
	{"RUSMIL", "Wagner Group", "Wagner;PMC Wagner", "2014"},
	{"TURREB", "Kurdistan Workers' Party", "PKK;Kurdistan Workers Party", "1978"},
	{"PHLREB", "Abu Sayyaf", "Abu Sayyaf Group;ASG", "1991"},
	{"PHLREB", "Moro Islamic Liberation Front", "MILF", "1978"},
	{"PSEREB", "Hamas", "Islamic Resistance Movement", "1987"},
	{"PSEREB", "Palestinian Islamic Jihad", "Islamic Jihad", "1981"},
	{"LBNREB", "Hezbollah", "Hizbollah;Hizbullah;Hizballah", "1982"},
	{"AFGREB", "Taliban", "the Taliban", "1994"},
	{"IRNMIL", "Islamic Revolutionary Guard Corps", "IRGC;Revolutionary Guards;Revolutionary Guard;Quds Force", "1979"},
	{"NGAREB", "Boko Haram", "Islamic State West Africa Province;ISWAP", "2002"},
	{"SOMREB", "al-Shabaab", "al-Shabab;Al Shabaab", "2006"},
	{"MLIREB", "Jama'at Nasr al-Islam wal Muslimin", "JNIM", "2017"},
	{"MMRREB", "Arakan Army", "", "2009"},
	{"MMRREB", "People's Defence Force", "People's Defense Force", "2021"},
	{"SDNMIL", "Rapid Support Forces", "RSF", "2013"},
	{"COLREB", "National Liberation Army", "ELN", "1964"},
	{"COLREB", "FARC", "Revolutionary Armed Forces of Colombia", "1964"},
	{"UKRMIL", "Azov Regiment", "Azov Battalion;Azov", "2014"},
	{"RUSSPY", "Federal Security Service", "FSB", "1995"},
	{"RUSSPY", "Foreign Intelligence Service of Russia", "SVR", "1991"},
	{"RUSSPY", "GRU", "Main Intelligence Directorate", "1992"},
	{"GBRSPY", "MI6", "Secret Intelligence Service", "1909"},
	{"GBRSPY", "MI5", "", "1909"},
	{"GBRSPY", "GCHQ", "Government Communications Headquarters", "1919"},
	{"ISRSPY", "Mossad", "", "1949"},
	{"ISRSPY", "Shin Bet", "Shabak", "1948"},
	{"PAKSPY", "Inter-Services Intelligence", "ISI", "1948"},
	{"USASPY", "National Security Agency", "NSA", "1952"},
	{"ISRLEG", "Knesset", "", "1949"},
	{"RUSBUS", "Gazprom", "", "1989"},
	{"RUSBUS", "Rosneft", "", "1993"},
	{"SAUBUS", "Saudi Aramco", "Aramco", "1933"},
	{"CHNBUS", "Huawei", "", "1987"},
	{"NGO", "Doctors Without Borders", "Medecins Sans Frontieres;MSF", "1971"},
	{"NGO", "Greenpeace", "", "1971"},
	{"NGO", "Reporters Without Borders", "Reporters Sans Frontieres", "1985"},
	{"NGO", "Committee to Protect Journalists", "CPJ", "1981"},
	{"IGOUNOHRI", "Office of the UN High Commissioner for Human Rights", "OHCHR;UN Human Rights Office;UN human rights office", "1993"},
	{"IGOUNOHRI", "UN Human Rights Council", "Human Rights Council;UNHRC", "2006"},
	{"IGO", "Group of Six", "G6", "2019"},
}

// validCode reports whether code would pass the loader's actor check.
func (b *builder) validCode(code string) bool {
	if len(code) < 3 || len(code)%3 != 0 {
		return false
	}
	for i := 0; i < len(code); i += 3 {
		if !isUpper3(code[i : i+3]) {
			return false
		}
	}
	return actorPrefixes[code[:3]] || b.byCode[code[:3]] != nil
}

func (b *builder) addOrg(code, name, aliases string) {
	// Phoenix writes a state's legislature, courts and forces as parts of
	// its government (USAGOVLEG); the conventions code them by their own
	// sector (USALEG)
	if len(code) == 9 && code[3:6] == "GOV" {
		switch code[6:] {
		case "LEG", "JUD", "MIL", "SPY", "COP":
			code = code[:3] + code[6:]
		}
	}
	// Phoenix's multinationals (MNCUSA) are firms of their country (USABUS),
	// as the conventions code firms
	if len(code) >= 6 && code[:3] == "MNC" && b.byCode[code[3:6]] != nil {
		code = code[3:6] + "BUS"
	}
	k := Key(name)
	if k == "" || b.orgSeen[k] || !b.validCode(code) {
		return
	}
	b.orgSeen[k] = true
	b.orgList = append(b.orgList, [3]string{code, name, aliases})
}

func (b *builder) orgs() error {
	b.orgSeen = map[string]bool{}
	for _, o := range recentOrgs {
		b.addOrg(o.code, o.name, o.aliases)
		for _, a := range list(o.aliases) {
			b.orgSeen[Key(a)] = true
		}
	}
	for _, o := range handOrgs {
		b.addOrg(o[0], o[1], o[2])
		for _, a := range list(o[2]) {
			b.orgSeen[Key(a)] = true
		}
	}
	rows, err := readTSV(filepath.Join(b.data, "cia-factbook/factbook-appendix-b-organizations-2020-01.tsv"), false)
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		acr, name := col(r, 0), col(r, 1)
		if acr == "" || name == "" || b.orgSeen[Key(acr)] || len(acr) < 3 {
			continue
		}
		b.addOrg("IGO", titleWords(name), acr)
		b.orgSeen[Key(acr)] = true
	}
	return nil
}

func (b *builder) orgLines() []string {
	var out []string
	for _, o := range b.orgList {
		if b.sectorMap[Key(o[1])] != "" {
			continue // "Senate", "Parliament": a kind of body any state has, not one organisation
		}
		var aliases []string
		for _, a := range list(o[2]) {
			if b.sectorMap[Key(a)] == "" && !isTitlePhrase(a) {
				aliases = append(aliases, a)
			}
		}
		out = append(out, "org\t"+o[0]+"\t"+o[1]+"\t"+strings.Join(aliases, ";"))
	}
	return out
}

// isTitlePhrase reports whether a name is a person's title ("German
// Chancellor", "Federal Chancellor Of Germany"), which Phoenix lists among
// the names of a government: a title before a name is no organisation.
func isTitlePhrase(s string) bool {
	for _, w := range strings.Fields(strings.ToUpper(s)) {
		if titleWordsInName[w] && w != "THE" && w != "OF" {
			return true
		}
	}
	return false
}

// titleWords capitalises the first letter of each word of a lower-case name.
func titleWords(s string) string {
	ws := strings.Fields(s)
	small := map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "de": true}
	for i, w := range ws {
		if i > 0 && small[w] {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		ws[i] = string(r)
	}
	return strings.Join(ws, " ")
}

// handSectors is the core sector lexicon; it wins over Phoenix agents.
var handSectors = [][2]string{
	{"government", "GOV"}, {"administration", "GOV"}, {"cabinet", "GOV"}, {"minister", "GOV"}, {"ministry", "GOV"},
	{"foreign ministry", "GOV"}, {"foreign minister", "GOV"}, {"foreign office", "GOV"}, {"embassy", "GOV"},
	{"ambassador", "GOV"}, {"diplomat", "GOV"}, {"envoy", "GOV"}, {"consulate", "GOV"}, {"president", "GOV"},
	{"prime minister", "GOV"}, {"premier", "GOV"}, {"chancellor", "GOV"}, {"secretary of state", "GOV"},
	{"national security adviser", "GOV"}, {"national security advisor", "GOV"}, {"spokesman", "GOV"},
	{"spokeswoman", "GOV"}, {"spokesperson", "GOV"}, {"authorities", "GOV"}, {"official", "GOV"},
	{"governor", "GOV"}, {"mayor", "GOV"}, {"king", "GOV"}, {"queen", "GOV"}, {"vice president", "GOV"},
	{"department", "GOV"}, {"state department", "GOV"}, {"trade representative", "GOV"}, {"commissioner", "GOV"},
	{"secretary", "GOV"}, {"secretary general", "GOV"}, {"secretary-general", "GOV"}, {"interior ministry", "GOV"}, {"regime", "GOV"},
	{"military", "MIL"}, {"army", "MIL"}, {"armed forces", "MIL"}, {"troops", "MIL"}, {"soldier", "MIL"},
	{"national guard", "MIL"}, {"presidential guard", "MIL"}, {"airbase", "MIL"}, {"air base", "MIL"},
	{"air force", "MIL"}, {"navy", "MIL"}, {"defense minister", "MIL"}, {"defence minister", "MIL"},
	{"defense ministry", "MIL"}, {"defence ministry", "MIL"}, {"general", "MIL"}, {"commander", "MIL"},
	{"officer", "MIL"}, {"servicemen", "MIL"}, {"serviceman", "MIL"}, {"military specialist", "MIL"},
	{"police", "COP"}, {"policeman", "COP"}, {"police officer", "COP"}, {"security forces", "COP"},
	{"court", "JUD"}, {"supreme court", "JUD"}, {"judge", "JUD"}, {"judiciary", "JUD"}, {"prosecutor", "JUD"},
	{"attorney general", "JUD"}, {"tribunal", "JUD"}, {"supreme court chairman", "JUD"}, {"chief justice", "JUD"},
	{"parliament", "LEG"}, {"speaker", "LEG"}, {"parliamentary speaker", "LEG"}, {"lawmaker", "LEG"},
	{"legislature", "LEG"}, {"national assembly", "LEG"}, {"congress", "LEG"}, {"senate", "LEG"},
	{"senator", "LEG"}, {"deputy", "LEG"}, {"mp", "LEG"}, {"duma", "LEG"},
	{"opposition", "OPP"}, {"opposition leader", "OPP"}, {"opposition figurehead", "OPP"}, {"dissident", "OPP"},
	{"opponent", "OPP"}, {"opposition supporter", "OPP"},
	{"rebel", "REB"}, {"insurgent", "REB"}, {"militant", "REB"}, {"guerrilla", "REB"}, {"militia", "REB"},
	{"protester", "OPP"}, {"protestor", "OPP"}, {"demonstrator", "OPP"}, {"civilian", "CVL"}, {"resident", "CVL"},
	{"prisoner", "CVL"}, {"inmate", "CVL"}, {"elder", "CVL"}, {"tribal elder", "CVL"}, {"villager", "CVL"},
	{"youth", "CVL"}, {"teenager", "CVL"}, {"man", "CVL"}, {"men", "CVL"}, {"individual", "CVL"}, {"national", "CVL"},
	{"migrant", "REF"}, {"asylum seeker", "REF"}, {"fundamentalist", "REB"}, {"extremist", "REB"}, {"islamist", "REB"},
	{"mercenary", "MIL"}, {"sailor", "MIL"}, {"adviser", "GOV"}, {"advisor", "GOV"}, {"leader", "GOV"},
	{"kurd", "CVL"}, {"tamil", "CVL"}, {"shiite", "CVL"}, {"sunni", "CVL"}, {"druze", "CVL"}, {"hutu", "CVL"},
	{"tutsi", "CVL"}, {"pashtun", "CVL"}, {"uighur", "CVL"}, {"uyghur", "CVL"}, {"rohingya", "CVL"}, {"copt", "CVL"},
	{"yazidi", "CVL"}, {"baloch", "CVL"}, {"berber", "CVL"},
	{"superintendent", "COP"}, {"chief superintendent", "COP"}, {"inspector", "COP"}, {"constable", "COP"},
	{"chief constable", "COP"}, {"network", "MED"}, {"broadcast network", "MED"}, {"television network", "MED"}, {"commission", "GOV"},
	{"coalition", "IGO"}, {"alliance", "IGO"}, {"forces", "MIL"}, {"military forces", "MIL"}, {"tank", "MIL"}, {"jet", "MIL"}, {"fighter jet", "MIL"},
	{"warplane", "MIL"}, {"aircraft", "MIL"}, {"helicopter", "MIL"}, {"gunship", "MIL"}, {"artillery", "MIL"},
	{"warship", "MIL"}, {"drone", "MIL"}, {"peacekeeper", "MIL"}, {"paratrooper", "MIL"}, {"marine", "MIL"},
	{"fighter", "REB"}, {"separatist", "REB"}, {"jihadist", "REB"}, {"gunman", "REB"}, {"gunmen", "REB"},
	{"intelligence", "SPY"}, {"intelligence service", "SPY"}, {"intelligence agency", "SPY"}, {"spy agency", "SPY"},
	{"riot police", "COP"}, {"border guard", "COP"}, {"coast guard", "MIL"}, {"police force", "COP"},
	{"foreign minister", "GOV"}, {"security council", "GOV"}, {"delegation", "GOV"}, {"negotiator", "GOV"},
	{"citizen", "CVL"}, {"people", "CVL"}, {"crowd", "CVL"}, {"activist", "ACT"},
	{"media", "MED"}, {"newspaper", "MED"}, {"agency", "MED"}, {"news agency", "MED"}, {"journalist", "MED"},
	{"reporter", "MED"}, {"television", "MED"}, {"broadcaster", "MED"},
	{"business", "BUS"}, {"company", "BUS"}, {"firm", "BUS"}, {"bank", "BUS"},
	{"party", "PTY"}, {"ruling party", "PTY"}, {"union", "LAB"}, {"trade union", "LAB"},
	{"student", "EDU"}, {"university", "EDU"}, {"church", "REL"}, {"cleric", "REL"},
	{"non-governmental organization", "NGO"}, {"non-governmental organisation", "NGO"}, {"ngo", "NGO"},
	{"refugee", "REF"}, {"terrorist", "SEP"}, {"criminal", "CRM"}, {"gang", "CRM"},
}

func (b *builder) sectors() error {
	b.sectorMap = map[string]string{}
	b.agentCodes = map[string]bool{}
	f, err := os.Open(filepath.Join(b.data, "petrarch2/dictionaries/Phoenix.agents.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	known := map[string]bool{"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true, "REB": true,
		"CVL": true, "MED": true, "BUS": true, "EDU": true, "LAB": true, "REL": true, "AGR": true, "HLH": true, "SPY": true}
	sets := map[string][]string{} // !PERSON! = MAN, MEN, ...
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || l[0] == '#' {
			continue
		}
		if name, vals, ok := strings.Cut(l, "="); ok && strings.HasPrefix(l, "!") && !strings.Contains(l, "[") {
			for _, v := range strings.Split(vals, ",") {
				sets[strings.TrimSpace(name)] = append(sets[strings.TrimSpace(name)], strings.TrimSpace(v))
			}
			continue
		}
		i := strings.Index(l, "[~")
		if i < 0 {
			continue
		}
		code := strings.TrimSuffix(strings.Fields(l[i+2:])[0], "]")
		for k := 0; k+3 <= len(code); k += 3 {
			b.agentCodes[code[k:k+3]] = true
		}
		if len(code) < 3 || !known[code[:3]] {
			continue
		}
		// PHRASE {IRREGULAR_PLURAL ...} [~CODE]; regular plurals are made
		// by the lookup (Dictionary.Sector)
		phrases := []string{l[:i]}
		if a := strings.IndexByte(l[:i], '{'); a >= 0 {
			z := strings.IndexByte(l[a:i], '}')
			if z < 0 {
				continue
			}
			phrases = append([]string{l[:a]}, strings.Fields(l[a+1:a+z])...)
		}
		for _, p := range phrases {
			for _, x := range expandSets(strings.TrimSpace(p), sets) {
				w := strings.ToLower(strings.Trim(strings.ReplaceAll(x, "_", " "), " "))
				if w == "" || strings.ContainsAny(w, "\t;!{}") {
					continue
				}
				b.sectorMap[Key(w)] = code[:3]
			}
		}
	}
	for _, s := range handSectors {
		b.sectorMap[Key(s[0])] = s[1]
	}
	return sc.Err()
}

// expandSets writes out a Phoenix phrase with substitution sets
// ("BUSINESS!PERSON!" → BUSINESSMAN, BUSINESSMEN, BUSINESSWOMAN, ...).
func expandSets(p string, sets map[string][]string) []string {
	a := strings.IndexByte(p, '!')
	if a < 0 {
		return []string{p}
	}
	z := strings.IndexByte(p[a+1:], '!')
	if z < 0 {
		return nil
	}
	vals, ok := sets[p[a:a+z+2]]
	if !ok {
		return nil
	}
	var out []string
	for _, v := range vals {
		out = append(out, expandSets(p[:a]+v+p[a+z+2:], sets)...)
	}
	return out
}

func (b *builder) sectorLines() []string {
	keys := make([]string, 0, len(b.sectorMap))
	for k := range b.sectorMap {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = "sector\t" + k + "\t" + b.sectorMap[k]
	}
	return out
}
