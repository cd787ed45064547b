package cameo

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
)

// Control kinds: how a governing verb changes the event of its clausal
// complement ("refused to support" → reject, "tried to bring" → attempt).
const (
	ControlReject   = "reject"   // the event becomes a CAMEO 12 rejection of it
	ControlAttempt  = "attempt"  // the event is attempted
	ControlPlan     = "plan"     // the event is planned
	ControlIntent   = "intent"   // the event becomes a CAMEO 03 intent to do it
	ControlThreaten = "threaten" // the event becomes a CAMEO 13 threat to do it
	ControlFail     = "fail"     // the event did not happen (negated)
	ControlRequest  = "request"  // the event is asked for: the governor codes, the complement does not
	ControlAllege   = "allege"   // the event is alleged
	// ControlMilitary is no control verb but the map of a state's armed
	// forces' violence onto CAMEO 19 (used by %map military).
	ControlMilitary = "military"
)

var controlKinds = map[string]bool{
	ControlReject: true, ControlAttempt: true, ControlPlan: true, ControlIntent: true,
	ControlThreaten: true, ControlFail: true, ControlRequest: true, ControlAllege: true,
}

// Term is what an argument's head word must be: a word, a set (&NAME) or
// any word, with optional modifier words that must depend on it.
type Term struct {
	Any  bool     // "*": any word
	Head string   // lower-case word or "&SET"
	Mods []string // words or "&SET" that must be children of the head
}

// String formats t as it is written in a pattern file.
func (t Term) String() string {
	if t.Any {
		return "*"
	}
	return strings.Join(append(append([]string{}, t.Mods...), t.Head), "_")
}

// Cond is one condition of a pattern on the trigger's syntactic context.
type Cond struct {
	// Role is "obj", "subj", "prt", "case", "pred" or a preposition ("in",
	// "with", ...) naming an oblique or nominal modifier it introduces.
	Role string
	Term Term
}

// Pattern is one line of a pattern file: a trigger word in a syntactic
// context mapped to a CAMEO code.
type Pattern struct {
	Code     string // CAMEO code; "" for the null code "---" that codes nothing
	Noun     bool   // the trigger is an event noun ("n:talk") rather than a verb
	Lemma    string // trigger lemma, lower case; "" when Set is used
	Set      string // trigger set, "&NAME", for noun triggers
	Particle string // verb particle ("come_out" → "out")
	Conds    []Cond
	// Target names the role the target comes from: "obj", "subj", a
	// preposition, "none"; "" means the default search.
	Target string
	// Reverse, when set, also codes the target's side: "visit" 042 with
	// Reverse 043 yields A 042 B and B 043 A (PETRARCH's "[042:043]").
	Reverse    string
	Swap       bool // the found target is the source and the subject the target
	Mutual     bool // a compound subject with no target yields events among its members
	Untargeted bool // code the event even when no target is found
	// Free marks an event noun that is an event without a host verb ("the
	// attack on the base", "a US airstrike"): its source is its possessor,
	// a nationality or name before it, or its by-agent.
	Free   bool
	Source string // "file:line"
	Text   string // the line as written, without its comment
	Rank   int    // load order: later patterns win ties
}

// Specificity reports how many conditions p places, for choosing the most
// specific of several matching patterns.
func (p *Pattern) Specificity() int {
	n := 0
	if p.Particle != "" {
		n++
	}
	for _, c := range p.Conds {
		n++
		if !c.Term.Any {
			n++
		}
		n += len(c.Term.Mods)
	}
	return n
}

// Dictionary is a set of patterns with the word sets, verb classes and
// control verbs they use. The zero value is not usable: call
// [NewDictionary].
type Dictionary struct {
	Sets    map[string][]string // "&NAME" → members, lower case, "_" joins words
	Classes map[string][]string // "@NAME" → verb lemmas
	Control map[string]string   // governing verb lemma → control kind
	// Maps rewrites the code of a complement event for a control kind:
	// kind → CAMEO prefix → new code (longest prefix wins).
	Maps  map[string]map[string]string
	Light map[string]bool // verbs that host an event noun as their object

	verbs map[string][]*Pattern
	nouns map[string][]*Pattern
	n     int
	used  map[string]string // set name → first place it was used, for Check
}

// NewDictionary returns an empty dictionary.
func NewDictionary() *Dictionary {
	return &Dictionary{
		Sets: map[string][]string{}, Classes: map[string][]string{}, Control: map[string]string{},
		Maps: map[string]map[string]string{}, Light: map[string]bool{},
		verbs: map[string][]*Pattern{}, nouns: map[string][]*Pattern{}, used: map[string]string{},
	}
}

// Verbs returns the patterns whose verb trigger has lemma, most specific
// first (on a tie, the last loaded first).
func (d *Dictionary) Verbs(lemma string) []*Pattern { return d.verbs[lemma] }

// Nouns returns the patterns whose noun trigger is lemma, directly or
// through a set.
func (d *Dictionary) Nouns(lemma string) []*Pattern { return d.nouns[lemma] }

// Len reports the number of patterns loaded.
func (d *Dictionary) Len() int { return d.n }

// InSet reports whether word is a member of set ("&NAME").
func (d *Dictionary) InSet(set, word string) bool {
	for _, m := range d.Sets[set] {
		if m == word {
			return true
		}
	}
	return false
}

// Load reads the pattern files of fsys into a new dictionary and checks it:
// first every *.patterns.gz (derived dictionaries), then every *.patterns
// (hand-written ones), each group in name order, so that on a tie the
// hand-written patterns win.
func Load(fsys fs.FS) (*Dictionary, error) {
	d := NewDictionary()
	for _, glob := range []string{"*.patterns.gz", "*.patterns"} {
		names, err := fs.Glob(fsys, glob)
		if err != nil {
			return nil, fmt.Errorf("load patterns: %w", err)
		}
		sort.Strings(names)
		for _, name := range names {
			if err := d.parseFile(fsys, name); err != nil {
				return nil, err
			}
		}
	}
	if err := d.Check(nil); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *Dictionary) parseFile(fsys fs.FS, name string) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("load patterns: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("load patterns %s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	return d.Parse(strings.TrimSuffix(name, ".gz"), r)
}

// Parse reads pattern lines from r, naming them name in errors and in
// Pattern.Source, and adds them to d. It stops at the first bad line with
// an error "name:line: ...".
func (d *Dictionary) Parse(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(stripComment(sc.Text()))
		if line == "" {
			continue
		}
		if err := d.parseLine(line, fmt.Sprintf("%s:%d", name, n)); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	d.order()
	return nil
}

// order sorts each trigger's patterns most specific first, and among
// equally specific ones the last loaded first: the first that holds wins.
func (d *Dictionary) order() {
	for _, m := range []map[string][]*Pattern{d.verbs, d.nouns} {
		for _, ps := range m {
			sort.SliceStable(ps, func(i, j int) bool {
				si, sj := ps[i].Specificity(), ps[j].Specificity()
				if si != sj {
					return si > sj
				}
				return ps[i].Rank > ps[j].Rank
			})
		}
	}
}

func (d *Dictionary) parseLine(line, src string) error {
	f := strings.Fields(line)
	switch {
	case strings.HasPrefix(f[0], "&"):
		if len(f[0]) < 2 || len(f) < 2 {
			return fmt.Errorf("a set needs a name and members: \"&NAME word...\"")
		}
		for _, w := range f[1:] {
			d.Sets[f[0]] = append(d.Sets[f[0]], strings.ToLower(w))
		}
		return nil
	case strings.HasPrefix(f[0], "@"):
		if len(f[0]) < 2 || len(f) < 2 {
			return fmt.Errorf("a verb class needs a name and verbs: \"@NAME verb...\"")
		}
		for _, w := range f[1:] {
			d.Classes[f[0]] = append(d.Classes[f[0]], strings.ToLower(w))
		}
		return nil
	case f[0] == "%control":
		if len(f) < 3 || !controlKinds[f[1]] {
			return fmt.Errorf("want \"%%control KIND verb...\" with KIND one of reject, attempt, plan, intent, threaten, fail, request, allege")
		}
		for _, w := range f[2:] {
			d.Control[strings.ToLower(w)] = f[1]
		}
		return nil
	case f[0] == "%map":
		if len(f) < 3 || !controlKinds[f[1]] && f[1] != ControlMilitary {
			return fmt.Errorf("want \"%%map KIND PREFIX=CODE...\"")
		}
		m := d.Maps[f[1]]
		if m == nil {
			m = map[string]string{}
			d.Maps[f[1]] = m
		}
		for _, kv := range f[2:] {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || !isDigits(k) || !isDigits(v) {
				return fmt.Errorf("%q: want PREFIX=CODE with digits", kv)
			}
			m[k] = v
		}
		return nil
	case f[0] == "%light":
		for _, w := range f[1:] {
			d.Light[strings.ToLower(w)] = true
		}
		return nil
	}
	p := &Pattern{Source: src, Text: line, Rank: d.n}
	switch {
	case f[0] == "---":
	case isCode(f[0]):
		p.Code = f[0]
	default:
		return fmt.Errorf("%q is not an event code (2-4 digits or ---)", f[0])
	}
	if len(f) < 2 {
		return fmt.Errorf("a pattern needs a trigger after its code")
	}
	trig := strings.ToLower(f[1])
	var lemmas []string
	switch {
	case strings.HasPrefix(trig, "n:"):
		p.Noun = true
		w := trig[2:]
		if w == "" {
			return fmt.Errorf("empty noun trigger")
		}
		if strings.HasPrefix(w, "&") {
			p.Set = strings.ToUpper(w)
			mem, ok := d.Sets[p.Set]
			if !ok {
				return fmt.Errorf("set %s is not defined (define sets before the patterns that use them as triggers)", p.Set)
			}
			lemmas = mem
		} else {
			p.Lemma = w
			lemmas = []string{w}
		}
	case strings.HasPrefix(trig, "@"):
		name := strings.ToUpper(trig)
		mem, ok := d.Classes[name]
		if !ok {
			return fmt.Errorf("verb class %s is not defined before use", name)
		}
		lemmas = mem
	default:
		if strings.ContainsAny(trig, "=&*") {
			return fmt.Errorf("%q is not a trigger word", f[1])
		}
		lemmas = []string{trig}
	}
	for _, item := range f[2:] {
		if err := d.parseItem(p, item, src); err != nil {
			return err
		}
	}
	for _, l := range lemmas {
		q := *p
		head, prt, _ := strings.Cut(l, "_")
		if !p.Noun {
			q.Lemma = head
			if prt != "" {
				q.Particle = prt
			}
			d.verbs[head] = append(d.verbs[head], &q)
		} else {
			if prt != "" { // a phrase member: its last word is the head
				parts := strings.Split(l, "_")
				head = parts[len(parts)-1]
			}
			q.Lemma = head
			d.nouns[head] = append(d.nouns[head], &q)
		}
	}
	d.n++
	return nil
}

// isCode reports whether s can be an event code: two digits and at most
// two more letters or digits (CAMEO "0256", or a user's own "075A").
func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 || !isDigits(s[:2]) {
		return false
	}
	for i := 2; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

func (d *Dictionary) parseItem(p *Pattern, item, src string) error {
	switch strings.ToLower(item) {
	case "swap":
		p.Swap = true
		return nil
	case "mutual":
		p.Mutual = true
		return nil
	case "untargeted":
		p.Untargeted = true
		return nil
	case "free":
		if !p.Noun {
			return fmt.Errorf("free: only an event noun (n:WORD) stands without a host verb")
		}
		p.Free = true
		return nil
	}
	k, v, ok := strings.Cut(item, "=")
	if !ok || k == "" || v == "" {
		return fmt.Errorf("%q: want ROLE=TERM, target=ROLE, rev=CODE, swap, mutual, untargeted or free", item)
	}
	k = strings.ToLower(k)
	if k == "target" {
		p.Target = strings.ToLower(v)
		return nil
	}
	if k == "rev" {
		if !isCode(v) {
			return fmt.Errorf("%q: rev=CODE needs an event code", item)
		}
		p.Reverse = v
		return nil
	}
	for i := 0; i < len(k); i++ {
		if (k[i] < 'a' || k[i] > 'z') && k[i] != '_' {
			return fmt.Errorf("%q: role %q is not obj, subj, prt, case, pred or a preposition", item, k)
		}
	}
	t, err := d.parseTerm(v, src)
	if err != nil {
		return fmt.Errorf("%q: %w", item, err)
	}
	if k == "prt" && p.Particle == "" && !t.Any {
		p.Particle = t.Head
		return nil
	}
	p.Conds = append(p.Conds, Cond{Role: k, Term: t})
	return nil
}

func (d *Dictionary) parseTerm(v, src string) (Term, error) {
	if v == "*" {
		return Term{Any: true}, nil
	}
	parts := strings.Split(v, "_")
	for i, w := range parts {
		if w == "" {
			return Term{}, fmt.Errorf("empty word in %q", v)
		}
		if strings.HasPrefix(w, "&") {
			w = strings.ToUpper(w)
			if _, ok := d.used[w]; !ok {
				d.used[w] = src
			}
		} else {
			w = strings.ToLower(w)
		}
		parts[i] = w
	}
	return Term{Head: parts[len(parts)-1], Mods: parts[:len(parts)-1]}, nil
}

// Check reports the first set used in a pattern but never defined, and,
// when o is not nil, the first pattern whose code o does not know.
func (d *Dictionary) Check(o *Ontology) error {
	names := make([]string, 0, len(d.used))
	for s := range d.used {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		if _, ok := d.Sets[s]; !ok {
			return fmt.Errorf("%s: set %s is used but never defined", d.used[s], s)
		}
	}
	if o == nil {
		return nil
	}
	for _, m := range []map[string][]*Pattern{d.verbs, d.nouns} {
		for _, ps := range m {
			for _, p := range ps {
				if p.Reverse != "" {
					if _, ok := o.codes[p.Reverse]; !ok {
						return fmt.Errorf("%s: unknown CAMEO code %s", p.Source, p.Reverse)
					}
				}
				if p.Code == "" {
					continue
				}
				if _, ok := o.codes[p.Code]; !ok {
					return fmt.Errorf("%s: unknown CAMEO code %s", p.Source, p.Code)
				}
			}
		}
	}
	for kind, m := range d.Maps {
		for _, c := range m {
			if _, ok := o.codes[c]; !ok {
				return fmt.Errorf("%%map %s: unknown CAMEO code %s", kind, c)
			}
		}
	}
	return nil
}

// MapCode rewrites code for a control kind with the longest matching
// prefix of its %map, reporting false when the kind maps nothing.
func (d *Dictionary) MapCode(kind, code string) (string, bool) {
	m := d.Maps[kind]
	best, out := 0, ""
	for k, v := range m {
		if strings.HasPrefix(code, k) && len(k) > best {
			best, out = len(k), v
		}
	}
	return out, best > 0
}
