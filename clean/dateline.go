package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dateline is what ParseDateline reads from the opening of a wire story.
type Dateline struct {
	Place      string // normalised: "Moscow", "New York"
	PlaceStart int    // byte offsets of the printed place in the line
	PlaceEnd   int
	Region     string // "Ariz.", "Ukraine", "India", when printed
	Month, Day int    // 0 when no date is printed
	Year       int    // 0 when no year is printed
	Agency     string // "TASS", "Reuters"; "" when none is printed
	End        int    // bytes of the line the dateline takes, without the separator
	BodyStart  int    // where the story's own text starts after the separator
}

// agencies maps the spellings of news agencies in datelines to their names.
var agencies = map[string]string{
	"AP": "AP", "AFP": "AFP", "REUTERS": "Reuters", "XINHUA": "Xinhua", "UPI": "UPI",
	"DPA": "dpa", "AA": "Anadolu", "ANADOLU": "Anadolu", "PTI": "PTI", "ANI": "ANI", "IANS": "IANS",
	"TASS": "TASS", "ITAR-TASS": "TASS", "RIA": "RIA Novosti", "SPUTNIK": "Sputnik", "INTERFAX": "Interfax",
	"BLOOMBERG": "Bloomberg", "EFE": "EFE", "ANSA": "ANSA", "KYODO": "Kyodo", "YONHAP": "Yonhap",
	"IRNA": "IRNA", "MENA": "MENA", "WAM": "WAM", "SPA": "SPA", "KUNA": "KUNA", "QNA": "QNA",
	"BERNAMA": "Bernama", "ANTARA": "Antara", "PAP": "PAP", "CTK": "CTK", "APA": "APA", "MTI": "MTI",
	"BTA": "BTA", "HINA": "HINA", "TANJUG": "Tanjug", "UKRINFORM": "Ukrinform", "BELTA": "BelTA",
	"CNA": "CNA", "KCNA": "KCNA", "VNA": "VNA", "PNA": "PNA", "APP": "APP", "UNI": "UNI", "NAN": "NAN",
	"IPS": "IPS", "CNN": "CNN", "BBC": "BBC", "AAP": "AAP", "CP": "CP", "NTB": "NTB", "TT": "TT",
	"STT": "STT", "RITZAU": "Ritzau", "BELGA": "Belga", "ANP": "ANP", "LUSA": "Lusa", "PRENSA LATINA": "Prensa Latina",
	"NOTIMEX": "Notimex", "TELAM": "Télam", "SANA": "SANA", "ISNA": "ISNA", "FARS": "Fars", "TASNIM": "Tasnim",
	"XINHUA NEWS AGENCY": "Xinhua", "ASSOCIATED PRESS": "AP", "AGENCE FRANCE-PRESSE": "AFP",
}

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

// scanner walks a line byte by byte.
type scanner struct {
	s string
	i int
}

func (sc *scanner) spaces() {
	for sc.i < len(sc.s) && (sc.s[sc.i] == ' ' || sc.s[sc.i] == '\t') {
		sc.i++
	}
}

func (sc *scanner) peek(p string) bool { return strings.HasPrefix(sc.s[sc.i:], p) }

func (sc *scanner) take(p string) bool {
	if sc.peek(p) {
		sc.i += len(p)
		return true
	}
	return false
}

// word returns the next run of letters, digits and the marks . ' - & inside names.
func (sc *scanner) word() string {
	start := sc.i
	for sc.i < len(sc.s) {
		r, n := utf8.DecodeRuneInString(sc.s[sc.i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '\'' || r == '’' || r == '&' {
			sc.i += n
			continue
		}
		if r == '-' && sc.i+1 < len(sc.s) && sc.s[sc.i+1] != ' ' && sc.s[sc.i+1] != '-' && sc.i > start {
			sc.i += n
			continue
		}
		break
	}
	return sc.s[start:sc.i]
}

// ParseDateline reads a dateline at the start of line, in the styles of the
// major agencies: "MOSCOW, May 5. /TASS/.", "WASHINGTON (AP) —",
// "LONDON, Jan 5 (Reuters) -", "PARIS, Jan 5, 2019 (AFP) -",
// "BEIJING, Jan. 5 (Xinhua) --", "New Delhi [India], Jan 5 (ANI):",
// "Berlin (dpa) -" and the bare "SALVADOR, Feb 26 -". It reports false
// when the line does not open with one.
func ParseDateline(line string) (Dateline, bool) {
	var d Dateline
	sc := &scanner{s: line}
	// Wire services sometimes prefix priority marks: "****PARIS".
	for sc.i < len(sc.s) && (sc.s[sc.i] == '*' || sc.s[sc.i] == '+') {
		sc.i++
	}
	sc.spaces()
	d.PlaceStart = sc.i
	upper, words := true, 0
	for words < 6 {
		save := sc.i
		w := sc.word()
		if w == "" || !startsUpper(w) {
			sc.i = save
			break
		}
		if !isUpperWord(w) {
			upper = false
		}
		words++
		d.PlaceEnd = sc.i
		if !sc.peek(" ") {
			break
		}
		sc.i++
		if sc.peek("(") || sc.peek("[") || sc.peek("-") || sc.peek("—") || sc.peek("–") || sc.peek("/") {
			sc.i--
			break
		}
	}
	if words == 0 || d.PlaceEnd-d.PlaceStart > 40 {
		return d, false
	}
	sc.i = d.PlaceEnd
	place := line[d.PlaceStart:d.PlaceEnd]
	if _, isMonth := months[strings.ToLower(strings.TrimSuffix(place, "."))]; isMonth {
		return d, false
	}

	// Optional region and country: ", Ariz.", ", Ukraine", " [India]".
	for range 2 {
		save := sc.i
		if !sc.take(",") {
			break
		}
		sc.spaces()
		if d.Month = monthAt(sc); d.Month != 0 {
			sc.i = save
			d.Month = 0
			break
		}
		r := sc.word()
		for sc.peek(" ") && !sc.peek(" (") && !sc.peek(" -") && !sc.peek(" —") && !sc.peek(" –") {
			sc.i++
			w := sc.word()
			if w == "" || !startsUpper(w) {
				sc.i = save
				r = ""
				break
			}
			r += " " + w
		}
		if r == "" || !startsUpper(r) || len(r) > 30 {
			sc.i = save
			break
		}
		d.Region = r
	}
	if sc.peek(" [") {
		sc.i += 2
		j := strings.IndexByte(sc.s[sc.i:], ']')
		if j <= 0 || j > 30 {
			return d, false
		}
		d.Region = sc.s[sc.i : sc.i+j]
		sc.i += j + 1
	}

	// Optional date: ", May 5", ", Jan. 5, 2019", ", 5 January".
	dated := false
	if save := sc.i; sc.take(",") {
		sc.spaces()
		if m := monthAt(sc); m != 0 {
			sc.spaces()
			if day := number(sc, 2); day >= 1 && day <= 31 {
				d.Month, d.Day, dated = m, day, true
			}
		} else if day := number(sc, 2); day >= 1 && day <= 31 {
			sc.spaces()
			if m := monthAt(sc); m != 0 {
				d.Month, d.Day, dated = m, day, true
			}
		}
		if dated {
			if save2 := sc.i; sc.take(",") || sc.peek(" ") {
				sc.spaces()
				if y := number(sc, 4); y >= 1800 && y <= 2200 {
					d.Year = y
				} else {
					sc.i = save2
				}
			}
		} else {
			sc.i = save
			d.Month, d.Day = 0, 0
		}
	}
	if !dated && !upper && !sc.peek(" (") {
		return d, false // Title-case places need an agency: "Berlin (dpa)"
	}
	periodAfterDate := dated && sc.take(".")
	d.End = sc.i

	// Optional agency: " (Reuters)", " /TASS/.".
	slashAgency := false
	save := sc.i
	sc.spaces()
	switch {
	case sc.take("("):
		j := strings.IndexByte(sc.s[sc.i:], ')')
		if j <= 0 || j > 30 {
			return d, false
		}
		name := sc.s[sc.i : sc.i+j]
		a, ok := agencyName(name)
		if !ok {
			return d, false
		}
		d.Agency = a
		sc.i += j + 1
		d.End = sc.i
	case sc.take("/"):
		j := strings.IndexByte(sc.s[sc.i:], '/')
		if j <= 0 || j > 30 {
			sc.i = save
			break
		}
		a, ok := agencyName(sc.s[sc.i : sc.i+j])
		if !ok {
			sc.i = save
			break
		}
		d.Agency, slashAgency = a, true
		sc.i += j + 1
		sc.take(".")
		d.End = sc.i
	default:
		sc.i = save
	}
	if !dated && d.Agency == "" {
		return d, false
	}

	// Separator: " - ", " -- ", " — ", ":", or nothing after "/TASS/." and "May 5.".
	sc.spaces()
	sep := false
	for _, p := range []string{"---", "--", "—", "–", "-", ":"} {
		if sc.take(p) {
			sep = true
			break
		}
	}
	if !sep && !slashAgency && !periodAfterDate && d.Agency == "" {
		return d, false
	}
	if !sep && !slashAgency && !periodAfterDate {
		// "WASHINGTON (AP) Officials said" is rare but real; require a capital next.
		if sc.i < len(sc.s) && !startsUpper(sc.s[sc.i:]) {
			return d, false
		}
	}
	sc.spaces()
	d.BodyStart = sc.i
	d.Place = placeName(place)
	return d, true
}

func agencyName(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if a, ok := agencies[strings.ToUpper(s)]; ok {
		return a, true
	}
	return "", false
}

// monthAt reads a month name at the scanner, with an optional period.
func monthAt(sc *scanner) int {
	save := sc.i
	start := sc.i
	for sc.i < len(sc.s) && isASCIILetter(sc.s[sc.i]) {
		sc.i++
	}
	m := months[strings.ToLower(sc.s[start:sc.i])]
	if m == 0 {
		sc.i = save
		return 0
	}
	sc.take(".")
	return m
}

// number reads up to max digits; it reports -1 when there are none or more.
func number(sc *scanner, max int) int {
	start := sc.i
	n := 0
	for sc.i < len(sc.s) && sc.s[sc.i] >= '0' && sc.s[sc.i] <= '9' {
		n = n*10 + int(sc.s[sc.i]-'0')
		sc.i++
	}
	if sc.i == start || sc.i-start > max || (sc.i < len(sc.s) && isASCIILetter(sc.s[sc.i]) && max == 2 && !ordinalAt(sc)) {
		sc.i = start
		return -1
	}
	return n
}

// ordinalAt skips "st", "nd", "rd", "th" after a day number.
func ordinalAt(sc *scanner) bool {
	for _, o := range []string{"st", "nd", "rd", "th"} {
		if sc.peek(o) && (sc.i+2 == len(sc.s) || !isASCIILetter(sc.s[sc.i+2])) {
			sc.i += 2
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isUpperWord(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// placeName turns a printed place into a name: "NEW YORK" → "New York",
// "RIO DE JANEIRO" → "Rio de Janeiro"; mixed case is kept.
func placeName(s string) string {
	if !isUpperWord(s) {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case i > 0 && (lw == "de" || lw == "da" || lw == "do" || lw == "del" || lw == "of" || lw == "la" || lw == "el" || lw == "es" || lw == "au" || lw == "sur"):
			words[i] = lw
		default:
			words[i] = titleWord(lw)
		}
	}
	return strings.Join(words, " ")
}

// titleWord upper-cases the first letter of w and each letter after a hyphen
// or apostrophe: "winston-salem" → "Winston-Salem".
func titleWord(w string) string {
	b := []rune(w)
	up := true
	for i, r := range b {
		if up && unicode.IsLetter(r) {
			b[i] = unicode.ToUpper(r)
			up = false
		}
		if r == '-' || r == '.' {
			up = true
		}
	}
	return string(b)
}

// parseDateLine reads a line that is only a full date, with or without its
// weekday: "Monday, August 3, 2020", "August 3, 2020", "3 August 2020". It
// is a dateline with a date and no place or agency.
func parseDateLine(line string) (Dateline, bool) {
	t := strings.TrimSpace(line)
	sc := &scanner{s: t}
	save := sc.i
	if w := sc.word(); weekdays[strings.ToLower(w)] {
		sc.take(",")
		sc.spaces()
	} else {
		sc.i = save
	}
	var d Dateline
	if d.Month = monthAt(sc); d.Month != 0 {
		sc.spaces()
		d.Day = number(sc, 2)
	} else {
		d.Day = number(sc, 2)
		sc.spaces()
		d.Month = monthAt(sc)
	}
	if d.Month == 0 || d.Day < 1 || d.Day > 31 {
		return Dateline{}, false
	}
	sc.take(",")
	sc.spaces()
	d.Year = number(sc, 4)
	if d.Year < 1800 || strings.TrimSpace(t[sc.i:]) != "" {
		return Dateline{}, false
	}
	off := strings.Index(line, t)
	d.PlaceStart, d.PlaceEnd, d.End, d.BodyStart = off, off, off+len(t), len(line)
	return d, true
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true}
