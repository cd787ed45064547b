package cameo

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Actors is an actor and agent dictionary in the TABARI/PETRARCH format,
// as the PETRARCH2 validation suite ships it: phrases mapped to actor codes
// ("ARNOR_ [ARN]", with "+SYNONYM" lines and dated "[CODE 950601-990815]"
// lines) and to agent codes ("FOREIGN_MINISTER [~GOVFRM]" suffixes the
// country's code, "MSF [NGO~]" prefixes it).
type Actors struct {
	byFirst map[string][]*ActorEntry
	macros  map[string][]string
}

// ActorEntry is one phrase of an actor or agent dictionary.
type ActorEntry struct {
	Words []string // lower case; the last matches as a prefix when Stem is set
	Stem  bool     // the phrase did not end in "_": its last word is a stem
	Code  string   // actor code, or agent code without its "~"
	Agent bool
	// Prefix marks an agent code written "NGO~": it goes before the country.
	Prefix bool
	Dated  []DatedCode
}

// DatedCode is an actor code in force between two dates (YYYYMMDD, ""
// for open).
type DatedCode struct{ Code, From, To string }

// CodeOn returns the entry's code on date (YYYYMMDD; "" for any).
func (e *ActorEntry) CodeOn(date string) string {
	if date != "" {
		for _, d := range e.Dated {
			if (d.From == "" || date >= d.From) && (d.To == "" || date <= d.To) {
				return d.Code
			}
		}
	}
	if e.Code == "" && len(e.Dated) > 0 {
		return e.Dated[len(e.Dated)-1].Code
	}
	return e.Code
}

// NewActors returns an empty actor dictionary.
func NewActors() *Actors {
	return &Actors{byFirst: map[string][]*ActorEntry{}, macros: map[string][]string{}}
}

// ParseActors reads a TABARI actor file.
func (a *Actors) ParseActors(name string, r io.Reader) error { return a.parse(name, r, false) }

// ParseAgents reads a TABARI agent file.
func (a *Actors) ParseAgents(name string, r io.Reader) error { return a.parse(name, r, true) }

func (a *Actors) parse(name string, r io.Reader, agents bool) error {
	sc := bufio.NewScanner(r)
	var cur []*ActorEntry // the entry and its synonyms, for dated lines
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		line := raw
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.HasPrefix(strings.TrimSpace(line), "<!--") || strings.TrimSpace(line) == "" {
			continue
		}
		trimmed := strings.TrimSpace(line)
		if agents && strings.HasPrefix(trimmed, "!") && strings.Contains(trimmed, "=") {
			k, v, _ := strings.Cut(trimmed, "=")
			for _, w := range strings.Split(v, ",") {
				if w = strings.TrimSpace(w); w != "" {
					a.macros[strings.TrimSpace(k)] = append(a.macros[strings.TrimSpace(k)], strings.ToLower(w))
				}
			}
			continue
		}
		if (raw[0] == '\t' || raw[0] == ' ') && strings.HasPrefix(trimmed, "[") {
			d, err := parseDated(trimmed)
			if err != nil {
				return fmt.Errorf("%s:%d: %w", name, n, err)
			}
			if len(cur) > 0 && d.Code != "" {
				for _, e := range cur {
					if d.From == "" && d.To == "" {
						e.Code = d.Code
					} else {
						e.Dated = append(e.Dated, d)
					}
				}
			}
			continue
		}
		syn := strings.HasPrefix(trimmed, "+")
		phrase, code := trimmed, ""
		if i := strings.IndexByte(phrase, '['); i >= 0 {
			j := strings.IndexByte(phrase[i:], ']')
			if j < 0 {
				return fmt.Errorf("%s:%d: unclosed [", name, n)
			}
			code = strings.TrimSpace(phrase[i+1 : i+j])
			phrase = phrase[:i]
		}
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			phrase = phrase[:i] // irregular plurals: the stem matching covers most
		}
		phrase = strings.TrimSpace(strings.TrimPrefix(phrase, "+"))
		if phrase == "" {
			continue
		}
		for _, words := range a.expand(phrase) {
			if len(words) == 0 {
				continue
			}
			e := &ActorEntry{Words: words, Agent: agents}
			last := words[len(words)-1]
			e.Stem = !strings.HasSuffix(last, "_")
			e.Words[len(words)-1] = strings.TrimSuffix(last, "_")
			if agents {
				e.Stem = true // agents take plurals
			}
			if code != "" {
				c := strings.TrimSpace(code)
				if agents {
					e.Prefix = strings.HasSuffix(c, "~")
					c = strings.Trim(c, "~ ")
				}
				e.Code = c
			}
			if syn && len(cur) > 0 && e.Code == "" {
				e.Code, e.Dated = cur[0].Code, cur[0].Dated
			}
			if e.Words[0] == "" {
				continue
			}
			if !syn {
				cur = nil
			}
			cur = append(cur, e)
			a.byFirst[e.Words[0]] = append(a.byFirst[e.Words[0]], e)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// expand splits a phrase into lower-case words, substituting agent macros
// ("!MINST!_OF_SILLY_WALKS").
func (a *Actors) expand(phrase string) [][]string {
	var words []string
	for _, w := range strings.FieldsFunc(phrase, func(r rune) bool { return r == ' ' || r == '\t' }) {
		parts := strings.Split(w, "_")
		for i, p := range parts {
			if p == "" && i == len(parts)-1 && len(words) > 0 {
				words[len(words)-1] += "_"
				continue
			}
			if p != "" {
				words = append(words, strings.ToLower(p))
			}
		}
	}
	out := [][]string{words}
	for i, w := range words {
		if !strings.Contains(w, "!") {
			continue
		}
		var next [][]string
		for _, ws := range out {
			for k, vals := range a.macros {
				lk := strings.ToLower(k)
				if !strings.Contains(w, lk) {
					continue
				}
				for _, v := range vals {
					cp := append([]string{}, ws...)
					cp[i] = strings.ReplaceAll(w, lk, v)
					next = append(next, cp)
				}
			}
		}
		if len(next) > 0 {
			out = next
		}
	}
	return out
}

func parseDated(s string) (DatedCode, error) {
	s = strings.Trim(s, "[] \t")
	f := strings.Fields(s)
	if len(f) == 0 {
		return DatedCode{}, fmt.Errorf("empty code")
	}
	d := DatedCode{Code: f[0]}
	rest := strings.Join(f[1:], "")
	switch {
	case rest == "":
	case strings.HasPrefix(rest, "<"):
		d.To = fullDate(rest[1:])
	case strings.HasPrefix(rest, ">"):
		d.From = fullDate(rest[1:])
	case strings.Contains(rest, "-"):
		x, y, _ := strings.Cut(rest, "-")
		d.From, d.To = fullDate(x), fullDate(y)
	default:
		return DatedCode{}, fmt.Errorf("date restriction %q: want <DATE, >DATE or DATE-DATE", rest)
	}
	return d, nil
}

// fullDate turns YYMMDD into YYYYMMDD (TABARI: 19xx above 30, else 20xx).
func fullDate(s string) string {
	if len(s) == 6 {
		if s[0] >= '3' {
			return "19" + s
		}
		return "20" + s
	}
	return s
}

// Match returns the longest entry whose words start at words[i] (lower
// case), and how many words it covers.
func (a *Actors) Match(words []string, i int) (*ActorEntry, int) {
	if i >= len(words) {
		return nil, 0
	}
	var best *ActorEntry
	n := 0
	for _, key := range []string{words[i]} {
		for _, e := range a.byFirst[key] {
			if len(e.Words) > n && a.matches(e, words, i) {
				best, n = e, len(e.Words)
			}
		}
	}
	// a one-word stem entry ("ARGENTIN") is keyed by its stem, not the word
	for k := len(words[i]) - 1; k >= 3 && best == nil; k-- {
		for _, e := range a.byFirst[words[i][:k]] {
			if len(e.Words) == 1 && e.Stem {
				best, n = e, 1
			}
		}
	}
	return best, n
}

func (a *Actors) matches(e *ActorEntry, words []string, i int) bool {
	if i+len(e.Words) > len(words) {
		return false
	}
	for k, w := range e.Words {
		t := words[i+k]
		if t == w {
			continue
		}
		if k == len(e.Words)-1 && e.Stem && strings.HasPrefix(t, w) {
			// a one-word actor's stem matches any ending ("ARGENTIN"); an
			// agent or a phrase takes only its plural ("MINISTER" →
			// "ministers"; "THE_KU" is not "the Kuwait")
			if !e.Agent && len(e.Words) == 1 || plural(w, t) {
				continue
			}
		}
		return false
	}
	return true
}

// plural reports whether t is a regular plural of w.
func plural(w, t string) bool {
	switch {
	case t == w+"s" || t == w+"es":
		return true
	case strings.HasSuffix(w, "y") && t == w[:len(w)-1]+"ies":
		return true
	case strings.HasSuffix(w, "man") && t == w[:len(w)-3]+"men":
		return true
	}
	return false
}
