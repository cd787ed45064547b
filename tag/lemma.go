package tag

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Lemmatizer gives the dictionary form of a word with a known XPOS: first
// from a table learnt from the treebanks, then from WordNet's exception
// lists and suffix rules checked against WordNet's lemma index.
type Lemmatizer struct {
	table map[lemmaKey]string // form and XPOS → lemma
	exc   [3]map[string]string
	index [3][]string // sorted lemmas
}

// lemmaKey is a form with its XPOS.
type lemmaKey struct{ form, xpos string }

const (
	wnNoun = iota
	wnVerb
	wnAdj
)

var wnNames = [3]string{"noun", "verb", "adj"}

// Lemma returns the lemma of form, whose normalised form is norm, tagged xpos.
func (l *Lemmatizer) Lemma(form, norm, xpos string) string {
	if v, ok := l.table[lemmaKey{form, xpos}]; ok {
		return v
	}
	proper := xpos == "NNP" || xpos == "NNPS"
	if !proper {
		if v, ok := l.table[lemmaKey{norm, xpos}]; ok {
			return v
		}
	}
	switch xpos {
	case "CD":
		return number(form)
	case "NNP", "FW", "ADD", "LS", "SYM", "NFP", "GW", "XX":
		return form
	case "NNPS":
		if s, ok := strings.CutSuffix(form, "s"); ok && len(s) > 1 {
			return s
		}
		return form
	case "NNS":
		return l.morphy(norm, wnNoun)
	case "VBZ", "VBD", "VBN", "VBG":
		return l.morphy(norm, wnVerb)
	case "JJR", "JJS", "RBR", "RBS":
		return l.morphy(norm, wnAdj)
	case "``", "''", "-LRB-", "-RRB-", ",", ".", ":", "HYPH", "$", "#":
		return form
	}
	return strings.ToLower(straight(form))
}

// number drops the thousands separators of a number written like
// "85,000" or "1,250.5", as the treebanks' lemmas do.
func number(form string) string {
	intPart, frac, _ := strings.Cut(form, ".")
	groups := strings.Split(intPart, ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 {
		return form
	}
	for i, g := range groups {
		if (i > 0 && len(g) != 3) || strings.Trim(g, "0123456789") != "" {
			return form
		}
	}
	if strings.Trim(frac, "0123456789") != "" {
		return form
	}
	return strings.ReplaceAll(form, ",", "")
}

type rule struct{ from, to string }

var rules = [3][]rule{
	wnNoun: {{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"s", ""}},
	wnVerb: {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}, {"s", ""}, {"ied", "y"}, {"ying", "ie"}},
	wnAdj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {"ier", "y"}, {"iest", "y"}},
}

// morphy is WordNet's morphological analyser: exceptions, then suffix
// rules whose result WordNet knows, then a guess.
func (l *Lemmatizer) morphy(w string, pos int) string {
	if b, ok := l.exc[pos][w]; ok {
		return b
	}
	for _, r := range rules[pos] {
		if s, ok := strings.CutSuffix(w, r.from); ok && s != "" {
			c := s + r.to
			if l.known(c, pos) {
				return c
			}
			// doubled final consonant: "stopped" → "stop", "bigger" → "big"
			if n := len(s); r.to == "" && n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiousl", rune(s[n-1])) {
				if l.known(s[:n-1], pos) {
					return s[:n-1]
				}
			}
		}
	}
	return guess(w, pos)
}

func (l *Lemmatizer) known(w string, pos int) bool {
	_, ok := slices.BinarySearch(l.index[pos], w)
	return ok
}

// guess strips a regular ending from a word WordNet does not know.
func guess(w string, pos int) string {
	cut := func(suf string) (string, bool) {
		s, ok := strings.CutSuffix(w, suf)
		return s, ok && len(s) >= 2
	}
	switch pos {
	case wnNoun:
		if s, ok := cut("ies"); ok {
			return s + "y"
		}
		for _, e := range []string{"sses", "xes", "zes", "ches", "shes"} {
			if s, ok := cut(e); ok {
				return s + e[:len(e)-2]
			}
		}
		if strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") {
			return w
		}
		if s, ok := cut("s"); ok {
			return s
		}
	case wnVerb:
		if s, ok := cut("ies"); ok {
			return s + "y"
		}
		if s, ok := cut("ied"); ok {
			return s + "y"
		}
		for _, e := range []string{"ed", "ing"} {
			if s, ok := cut(e); ok {
				n := len(s)
				if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouslz", rune(s[n-1])) {
					return s[:n-1]
				}
				if needsE(s) {
					return s + "e"
				}
				return s
			}
		}
		for _, e := range []string{"sses", "xes", "zes", "ches", "shes"} {
			if s, ok := cut(e); ok {
				return s + e[:len(e)-2]
			}
		}
		if s, ok := cut("s"); ok && !strings.HasSuffix(w, "ss") {
			return s
		}
	case wnAdj:
		if s, ok := cut("iest"); ok {
			return s + "y"
		}
		if s, ok := cut("ier"); ok {
			return s + "y"
		}
		for _, e := range []string{"est", "er"} {
			if s, ok := cut(e); ok {
				n := len(s)
				if n >= 3 && s[n-1] == s[n-2] {
					return s[:n-1]
				}
				return s
			}
		}
	}
	return w
}

// needsE reports whether a verb stem left by removing -ed or -ing most
// likely lost a final e: "creat" → "create", "chang" → "change".
func needsE(s string) bool {
	for _, e := range []string{"at", "iz", "is", "uc", "v", "rg", "dg", "ng", "bl", "pl", "tl", "dl", "gl", "kl", "ur", "ir", "ok", "id", "ud", "ut", "ot", "ast", "yp", "ib", "ym"} {
		if strings.HasSuffix(s, e) {
			if e == "ng" && (strings.HasSuffix(s, "ing") || strings.HasSuffix(s, "ong") || strings.HasSuffix(s, "ang")) {
				return false
			}
			if e == "ot" || e == "id" || e == "ud" || e == "ut" || e == "ok" {
				return false
			}
			return true
		}
	}
	return false
}

// readWordNet builds the exception maps and lemma indexes from the WordNet
// 3.0 folder dir (files *.exc and index.*.gz).
func readWordNet(dir string) (exc [3]map[string]string, index [3][]string, err error) {
	for p, name := range wnNames {
		exc[p] = map[string]string{}
		f, err := os.Open(filepath.Join(dir, name+".exc"))
		if err != nil {
			return exc, index, fmt.Errorf("read wordnet: %w", err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fs := strings.Fields(sc.Text())
			if len(fs) >= 2 && !strings.Contains(fs[0], "_") {
				if _, dup := exc[p][fs[0]]; !dup {
					exc[p][fs[0]] = fs[1]
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return exc, index, fmt.Errorf("read wordnet %s.exc: %w", name, err)
		}
		g, err := os.Open(filepath.Join(dir, "index."+name+".gz"))
		if err != nil {
			return exc, index, fmt.Errorf("read wordnet: %w", err)
		}
		gz, err := gzip.NewReader(g)
		if err != nil {
			g.Close()
			return exc, index, fmt.Errorf("read wordnet index.%s: %w", name, err)
		}
		sc = bufio.NewScanner(gz)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, " ") {
				continue
			}
			w, _, _ := strings.Cut(line, " ")
			if w != "" && !strings.ContainsAny(w, "_0123456789") {
				index[p] = append(index[p], w)
			}
		}
		g.Close()
		if err := sc.Err(); err != nil {
			return exc, index, fmt.Errorf("read wordnet index.%s: %w", name, err)
		}
		slices.Sort(index[p])
		index[p] = slices.Compact(index[p])
	}
	return exc, index, nil
}

// writeWordNet writes the derived WordNet table: sections "#exc POS" and
// "#index POS", one entry a line.
func writeWordNet(w io.Writer, exc [3]map[string]string, index [3][]string) error {
	bw := bufio.NewWriter(w)
	for p, name := range wnNames {
		fmt.Fprintf(bw, "#exc %s\n", name)
		keys := make([]string, 0, len(exc[p]))
		for k := range exc[p] {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(bw, "%s %s\n", k, exc[p][k])
		}
		fmt.Fprintf(bw, "#index %s\n", name)
		for _, k := range index[p] {
			bw.WriteString(k)
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

// parseWordNet reads what writeWordNet wrote.
func parseWordNet(text string) (exc [3]map[string]string, index [3][]string, err error) {
	for p := range exc {
		exc[p] = map[string]string{}
	}
	sec, p := "", -1
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" {
			continue
		}
		if h, ok := strings.CutPrefix(line, "#"); ok {
			kind, name, _ := strings.Cut(h, " ")
			p = slices.Index(wnNames[:], name)
			if p < 0 || (kind != "exc" && kind != "index") {
				return exc, index, fmt.Errorf("wordnet table: bad section %q", line)
			}
			sec = kind
			continue
		}
		if p < 0 {
			return exc, index, fmt.Errorf("wordnet table: entry before any section")
		}
		if sec == "exc" {
			a, b, ok := strings.Cut(line, " ")
			if !ok {
				return exc, index, fmt.Errorf("wordnet table: bad exception %q", line)
			}
			exc[p][a] = b
		} else {
			index[p] = append(index[p], line)
		}
	}
	for p := range index {
		if !slices.IsSorted(index[p]) {
			slices.Sort(index[p])
		}
	}
	return exc, index, nil
}
