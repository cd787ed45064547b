package cameo

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// Code is one CAMEO event code and what it means.
type Code struct {
	Code      string  // "042"
	Name      string  // "Make a visit"
	Goldstein float64 // -10 (conflict) to +10 (cooperation)
	Quad      int     // QuadClass 1-4
	Plover    string  // PLOVER type, "" for CAMEO 01 and 02
	Mode      string  // PLOVER mode, "" when none applies
}

// Root returns the two-digit CAMEO root of code ("042" → "04", "1056" →
// "10"), or "" when code is shorter than two bytes.
func Root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// QuadClass returns the QuadClass of a CAMEO root: 1 verbal cooperation
// (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4
// material conflict (14-20), 0 when root is not a CAMEO root.
func QuadClass(root string) int {
	n, err := strconv.Atoi(root)
	if err != nil || len(root) != 2 {
		return 0
	}
	switch {
	case n >= 1 && n <= 5:
		return 1
	case n >= 6 && n <= 8:
		return 2
	case n >= 9 && n <= 13:
		return 3
	case n >= 14 && n <= 20:
		return 4
	}
	return 0
}

// Ontology is the table of CAMEO codes with their PLOVER mapping.
type Ontology struct {
	codes map[string]Code
	order []string
	types []prefixLabel // CAMEO prefix → PLOVER type
	modes []prefixLabel // CAMEO prefix → mode, with its type
	// Types lists the PLOVER types in the order the file gives them.
	Types []string
	// Modes lists the modes of each PLOVER type.
	Modes map[string][]string
}

type prefixLabel struct{ prefix, typ, mode string }

// LoadOntology reads codes.txt and plover.txt from fsys.
func LoadOntology(fsys fs.FS) (*Ontology, error) {
	o := &Ontology{codes: map[string]Code{}, Modes: map[string][]string{}}
	for _, name := range []string{"plover.txt", "codes.txt"} {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("load ontology: %w", err)
		}
		if name == "plover.txt" {
			err = o.readPlover(name, f)
		} else {
			err = o.readCodes(name, f)
		}
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return o, nil
}

func (o *Ontology) readPlover(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(stripComment(sc.Text()))
		if len(f) == 0 {
			continue
		}
		switch {
		case f[0] == "type" && len(f) >= 3:
			o.Types = append(o.Types, f[1])
			for _, p := range f[2:] {
				if !isDigits(p) {
					return fmt.Errorf("%s:%d: %q is not a CAMEO code prefix", name, n, p)
				}
				o.types = append(o.types, prefixLabel{prefix: p, typ: f[1]})
			}
		case f[0] == "mode" && len(f) >= 4:
			o.Modes[f[1]] = append(o.Modes[f[1]], f[2])
			for _, p := range f[3:] {
				if !isDigits(p) {
					return fmt.Errorf("%s:%d: %q is not a CAMEO code prefix", name, n, p)
				}
				o.modes = append(o.modes, prefixLabel{prefix: p, typ: f[1], mode: f[2]})
			}
		default:
			return fmt.Errorf("%s:%d: want \"type TYPE PREFIX...\" or \"mode TYPE MODE PREFIX...\"", name, n)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

func (o *Ontology) readCodes(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 || !isDigits(f[0]) || len(f[0]) < 2 || len(f[0]) > 4 {
			return fmt.Errorf("%s:%d: want CODE<TAB>GOLDSTEIN<TAB>NAME", name, n)
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil || g < -10 || g > 10 {
			return fmt.Errorf("%s:%d: Goldstein score %q is not a number in [-10, 10]", name, n, f[1])
		}
		c := Code{Code: f[0], Name: f[2], Goldstein: g, Quad: QuadClass(Root(f[0]))}
		c.Plover, _ = longest(o.types, c.Code)
		best := 0
		for _, m := range o.modes {
			if m.typ == c.Plover && strings.HasPrefix(c.Code, m.prefix) && len(m.prefix) > best {
				c.Mode, best = m.mode, len(m.prefix)
			}
		}
		if _, dup := o.codes[c.Code]; dup {
			return fmt.Errorf("%s:%d: code %s listed twice", name, n, c.Code)
		}
		o.codes[c.Code] = c
		o.order = append(o.order, c.Code)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

func longest(ls []prefixLabel, code string) (string, int) {
	typ, n := "", 0
	for _, l := range ls {
		if strings.HasPrefix(code, l.prefix) && len(l.prefix) > n {
			typ, n = l.typ, len(l.prefix)
		}
	}
	return typ, n
}

// Lookup returns the code c; for an unknown code of a known root it
// returns the root's entry with Code set to c, and reports false.
func (o *Ontology) Lookup(c string) (Code, bool) {
	if e, ok := o.codes[c]; ok {
		return e, true
	}
	if e, ok := o.codes[Root(c)]; ok {
		e.Code = c
		return e, false
	}
	return Code{Code: c}, false
}

// Codes returns every code in file order.
func (o *Ontology) Codes() []Code {
	out := make([]Code, 0, len(o.order))
	for _, c := range o.order {
		out = append(out, o.codes[c])
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func stripComment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return s
}
