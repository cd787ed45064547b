package cameo

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ConvertStats counts what [ConvertPetrarch] kept and dropped.
type ConvertStats struct {
	Blocks, Verbs, Patterns, Sets int // converted
	Dropped                       int // patterns left out (unknown code, unsupported form)
	Transformations               int // "~" lines, which Dateline does with %control instead
}

// particles are the words a PETRARCH multi-word verb or pattern may use as
// a verb particle.
var particles = map[string]bool{"up": true, "out": true, "off": true, "down": true, "in": true, "on": true,
	"away": true, "back": true, "over": true, "forward": true, "aside": true, "through": true, "along": true}

// ConvertPetrarch reads a PETRARCH2 verb dictionary (CAMEO.2.0.txt format)
// from r and writes the equivalent Dateline pattern file to w: synsets
// become &SETS, verb blocks @CLASSES, and each pattern
// "- PRE * POST (PREP NOUN) [CODE]" a line "CODE @CLASS subj=PRE obj=POST
// prep=NOUN". When known is not nil, patterns whose code it does not know
// are dropped. The output is deterministic.
func ConvertPetrarch(r io.Reader, w io.Writer, source string, known func(code string) bool) (ConvertStats, error) {
	var st ConvertStats
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Derived by \"dateline patterns\" from %s (PETRARCH2, MIT licence,\n# Copyright (c) 2015 Open Event Data Alliance; see NOTICE). Do not edit: edit the converter\n# or add your own .patterns file.\n\n", source)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var lines []string
	defined := map[string]bool{}
	for sc.Scan() {
		l := sc.Text()
		lines = append(lines, l)
		if strings.HasPrefix(l, "&") {
			if f := strings.Fields(l); len(f) > 0 {
				defined["&"+strings.ToUpper(strings.TrimRight(f[0][1:], "_"))] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return st, fmt.Errorf("convert %s: %w", source, err)
	}
	usable := func(conds string) bool {
		for _, f := range strings.FieldsFunc(conds, func(r rune) bool { return r == ' ' || r == '=' || r == '_' }) {
			if strings.HasPrefix(f, "&") && !defined[f] {
				return false
			}
		}
		return true
	}
	var (
		inSet     string
		setBuf    []string
		block     string
		blockCode string
		classes   = map[string]int{}
		className string
		verbs     []string
	)
	flushSet := func() {
		if inSet != "" && len(setBuf) > 0 {
			fmt.Fprintf(bw, "%s %s\n", inSet, strings.Join(setBuf, " "))
			st.Sets++
		}
		inSet, setBuf = "", nil
	}
	classWritten := false
	writeClass := func() {
		if classWritten || len(verbs) == 0 {
			return
		}
		fmt.Fprintf(bw, "%s %s\n", className, strings.Join(verbs, " "))
		classWritten = true
	}
	for _, line := range lines {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "<!--") {
			continue
		}
		switch {
		case strings.HasPrefix(line, "&"):
			flushSet()
			inSet = "&" + strings.ToUpper(strings.TrimRight(strings.Fields(line)[0][1:], "_"))
			continue
		case strings.HasPrefix(line, "+") && inSet != "":
			m := strings.ToLower(strings.TrimSpace(line[1:]))
			m = strings.Join(strings.Fields(m), "_")
			m = strings.TrimRight(m, "_")
			if m != "" && !strings.ContainsAny(m, "{}[]") {
				if strings.HasPrefix(m, "&") {
					m = strings.ToUpper(m)
				}
				setBuf = append(setBuf, m)
			}
			continue
		case strings.HasPrefix(line, "~"):
			st.Transformations++
			continue
		case strings.HasPrefix(line, "---"):
			flushSet()
			f := strings.Fields(strings.Trim(line, "- "))
			if len(f) == 0 {
				continue
			}
			block = strings.ToUpper(f[0])
			blockCode = ""
			if c := bracketCode(line); c != "" && c != "---" {
				blockCode = c
			}
			classes[block]++
			className = "@" + block
			if classes[block] > 1 {
				className = fmt.Sprintf("@%s_%d", block, classes[block])
			}
			className = strings.ReplaceAll(className, "_", "")
			verbs, classWritten = nil, false
			st.Blocks++
			fmt.Fprintf(bw, "\n# %s\n", strings.Trim(line, "- "))
			continue
		case strings.HasPrefix(line, "-"):
			flushSet()
			if block == "" {
				continue
			}
			out, ok := convertPattern(line, known)
			if !ok || !usable(out.conds) {
				st.Dropped++
				continue
			}
			writeClass()
			if !classWritten {
				st.Dropped++
				continue
			}
			fmt.Fprintf(bw, "%s %s%s\n", out.code, className, out.conds)
			st.Patterns++
			continue
		}
		flushSet()
		if block == "" {
			continue
		}
		// a verb of the current block: WORD {FORMS} [CODE]
		code := blockCode
		if c := bracketCode(line); c != "" {
			code = c
		}
		if i := strings.IndexAny(line, "{["); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) != 1 {
			continue
		}
		v := strings.ToLower(f[0])
		var trigger, extra string
		switch {
		case !strings.Contains(v, "+") && !strings.Contains(v, "_"):
			if !isWord(v) {
				continue
			}
			trigger = v
			verbs = append(verbs, v)
		case strings.HasPrefix(v, "+"):
			words := strings.Split(strings.TrimRight(v[1:], "_"), "_")
			switch {
			case !isWord(words[0]) || len(words) == 2 && !isWord(words[1]):
				continue
			case len(words) == 2 && particles[words[1]]:
				trigger = words[0] + "_" + words[1]
				verbs = append(verbs, trigger)
			case len(words) == 2:
				trigger, extra = words[0], " "+words[1]+"=*"
			default:
				continue
			}
		default:
			continue // "WIRE_+TAP": a noun before the verb; not matched on trees
		}
		st.Verbs++
		if isCode(code) && (known == nil || known(code)) {
			fmt.Fprintf(bw, "%s %s%s\n", code, trigger, extra)
		}
	}
	flushSet()
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("convert %s: %w", source, err)
	}
	return st, nil
}

// bracketCode returns the first code in [...] on line: "042" for
// "[042:043]", ":051" for "[:051]", "---" for "[---]".
func bracketCode(line string) string {
	i := strings.LastIndexByte(line, '[')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(line[i:], ']')
	if j < 0 {
		return ""
	}
	c := strings.TrimSpace(line[i+1 : i+j])
	if strings.HasPrefix(c, ":") {
		return c
	}
	if k := strings.IndexByte(c, ':'); k >= 0 {
		c = c[:k]
	}
	return c
}

type converted struct{ code, conds string }

// reverseCode returns the second code of "[042:043]", or "".
func reverseCode(line string) string {
	i := strings.LastIndexByte(line, '[')
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(line[i:], ']')
	if j < 0 {
		return ""
	}
	c := strings.TrimSpace(line[i+1 : i+j])
	if k := strings.IndexByte(c, ':'); k > 0 {
		return strings.TrimSpace(c[k+1:])
	}
	return ""
}

// convertPattern turns "- PRE * POST (PREP X) [CODE]" into a code and
// Dateline conditions.
func convertPattern(line string, known func(string) bool) (converted, bool) {
	code := bracketCode(line)
	if code == "" {
		return converted{}, false
	}
	swap := false
	if strings.HasPrefix(code, ":") {
		swap, code = true, code[1:]
	}
	if code != "---" && !isCode(code) {
		return converted{}, false
	}
	if code != "---" && known != nil && !known(code) {
		return converted{}, false
	}
	rev := reverseCode(line)
	if rev != "" && (!isCode(rev) || known != nil && !known(rev)) {
		rev = ""
	}
	body := line[1:strings.LastIndexByte(line, '[')]
	toks := tokenizePattern(body)
	star := -1
	for i, t := range toks {
		if t == "*" {
			star = i
		}
	}
	if star < 0 {
		return converted{}, false
	}
	var conds []string
	target := ""
	// before the verb: the subject's head noun
	for _, t := range toks[:star] {
		if t == "$" || t == "^" || t == "+" || strings.HasPrefix(t, "(") {
			continue
		}
		if w := termOf(t); w != "" {
			conds = append(conds, "subj="+w)
			break
		}
	}
	haveObj, havePrt := false, false
	post := toks[star+1:]
	// consecutive plain words are one noun phrase, its head last:
	// "DIPLOMATIC TIES" is {DIPLOMATIC TIES}
	var merged []string
	for i := 0; i < len(post); i++ {
		t := post[i]
		if plainWord(t) && !(len(merged) == 0 && particles[strings.ToLower(t)]) {
			j := i
			for j+1 < len(post) && plainWord(post[j+1]) {
				j++
			}
			if j > i {
				t = "{" + strings.Join(post[i:j+1], " ") + "}"
				i = j
			}
		}
		merged = append(merged, t)
	}
	for _, t := range merged {
		switch {
		case t == "$" || t == "^":
		case t == "+":
			target = "obj"
		case strings.HasPrefix(t, "("):
			inner := strings.Fields(strings.Trim(t, "()"))
			if len(inner) == 0 {
				continue
			}
			prep := strings.ToLower(inner[0])
			if !isWord(prep) {
				return converted{}, false
			}
			w := "*"
			if len(inner) > 1 {
				rest := strings.Join(inner[1:], " ")
				switch rest {
				case "+":
					target = prep
				case "^", "$":
				default:
					if tw := termOf(rest); tw != "" {
						w = tw
					}
				}
			}
			conds = append(conds, prep+"="+w)
		default:
			l := strings.ToLower(t)
			if !haveObj && !havePrt && particles[l] {
				conds = append(conds, "prt="+l)
				havePrt = true
				continue
			}
			if haveObj {
				continue
			}
			if w := termOf(t); w != "" {
				conds = append(conds, "obj="+w)
				haveObj = true
			}
		}
	}
	out := ""
	for _, c := range conds {
		out += " " + c
	}
	if target != "" {
		out += " target=" + target
	}
	if rev != "" && code != "---" {
		out += " rev=" + rev
	}
	if swap {
		out += " swap"
	}
	return converted{code: code, conds: out}, true
}

// tokenizePattern splits a PETRARCH pattern body into words, "{...}"
// phrases and "(...)" prepositional phrases.
func tokenizePattern(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '{' || c == '(':
			close := byte('}')
			if c == '(' {
				close = ')'
			}
			j := strings.IndexByte(s[i:], close)
			if j < 0 {
				j = len(s) - i - 1
			}
			out = append(out, s[i:i+j+1])
			i += j + 1
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '{' && s[j] != '(' {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

// termOf converts a PETRARCH noun, "{MODS HEAD}" phrase or &SET into a
// Dateline term, or "" when it cannot be matched on a tree.
func termOf(t string) string {
	t = strings.Trim(t, "{}")
	var parts []string
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '_' }) {
		if strings.HasPrefix(w, "&") {
			parts = append(parts, strings.ToUpper(strings.TrimRight(w, "_")))
			continue
		}
		w = strings.ToLower(w)
		if !isWord(w) {
			return ""
		}
		if w == "a" || w == "an" || w == "the" {
			continue
		}
		parts = append(parts, w)
	}
	if len(parts) == 0 || len(parts) > 4 {
		return ""
	}
	return strings.Join(parts, "_")
}

func isWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'' || c == '.') {
			return false
		}
	}
	return true
}

// plainWord reports whether a pattern token is a bare word or set, not a
// phrase, a prepositional phrase or a marker.
func plainWord(t string) bool {
	return t != "" && t != "$" && t != "^" && t != "+" && t != "*" && t[0] != '(' && t[0] != '{'
}
