package mention

import (
	"bufio"
	"io"
	"slices"
	"strings"
)

// Tagged is a sentence with its words, universal parts of speech (may be
// nil) and IOB2 tags, as training reads it.
type Tagged struct {
	Words, POS, Tags []string
}

// ReadGUMEntities turns the entity annotation of GUM CoNLL-U (MISC
// "Entity=(id-type-..." and "id)") into IOB2 named-entity tags: a person,
// organization or place mention whose head is a proper noun gives the run
// of proper nouns around its head (with "of", "the", "and", "&", "-"
// inside); an enclosing mention wins over one nested in it.
func ReadGUMEntities(r io.Reader) ([]Tagged, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []Tagged
	type tok struct {
		form, pos, misc string
		head            int
	}
	var toks []tok
	flush := func() {
		if len(toks) == 0 {
			return
		}
		t := Tagged{Words: make([]string, len(toks)), POS: make([]string, len(toks)), Tags: make([]string, len(toks))}
		for i, k := range toks {
			t.Words[i], t.POS[i], t.Tags[i] = k.form, k.pos, "O"
		}
		type ment struct {
			start, end int
			typ        string
		}
		var ms []ment
		open := map[string][]ment{}
		for i, k := range toks {
			e := ""
			for _, m := range strings.Split(k.misc, "|") {
				if strings.HasPrefix(m, "Entity=") {
					e = m[7:]
				}
			}
			for e != "" {
				switch {
				case e[0] == '(':
					j := strings.IndexAny(e[1:], "()")
					body := e[1:]
					if j >= 0 {
						body = e[1 : 1+j]
					}
					parts := strings.SplitN(body, "-", 3)
					if len(parts) >= 2 {
						id, typ := parts[0], parts[1]
						if j >= 0 && e[1+j] == ')' { // single-token mention "(id-...)"
							ms = append(ms, ment{i, i + 1, typ})
							e = e[2+j:]
							continue
						}
						open[id] = append(open[id], ment{i, -1, typ})
					}
					if j < 0 {
						e = ""
					} else {
						e = e[1+j:]
					}
				default:
					j := strings.IndexByte(e, ')')
					if j < 0 {
						e = ""
						continue
					}
					id := e[:j]
					if st := open[id]; len(st) > 0 {
						m := st[len(st)-1]
						open[id] = st[:len(st)-1]
						m.end = i + 1
						ms = append(ms, m)
					}
					e = e[j+1:]
				}
			}
		}
		slices.SortStableFunc(ms, func(a, b ment) int { return (b.end - b.start) - (a.end - a.start) })
		for _, m := range ms {
			label := map[string]string{"person": "PER", "organization": "ORG", "place": "LOC"}[m.typ]
			if label == "" {
				continue
			}
			head := -1
			for i := m.start; i < m.end; i++ {
				if h := toks[i].head - 1; h < m.start || h >= m.end {
					head = i
					break
				}
			}
			if head < 0 || toks[head].pos != "PROPN" {
				continue
			}
			a, z := head, head+1
			for a > m.start && (toks[a-1].pos == "PROPN" || (isInner(toks[a-1].form) && a-2 >= m.start && toks[a-2].pos == "PROPN")) {
				a--
			}
			for z < m.end && (toks[z].pos == "PROPN" || (isInner(toks[z].form) && z+1 < m.end && toks[z+1].pos == "PROPN")) {
				z++
			}
			free := true
			for i := a; i < z; i++ {
				if t.Tags[i] != "O" {
					free = false
				}
			}
			if !free {
				continue
			}
			for i := a; i < z; i++ {
				t.Tags[i] = "I-" + label
			}
			t.Tags[a] = "B-" + label
		}
		out = append(out, t)
		toks = toks[:0]
	}
	for sc.Scan() {
		l := sc.Text()
		if l == "" {
			flush()
			continue
		}
		if l[0] == '#' {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) < 10 || strings.ContainsAny(c[0], "-.") {
			continue
		}
		h := 0
		for _, ch := range c[6] {
			if ch < '0' || ch > '9' {
				h = 0
				break
			}
			h = h*10 + int(ch-'0')
		}
		toks = append(toks, tok{form: c[1], pos: c[3], misc: c[9], head: h})
	}
	flush()
	return out, sc.Err()
}

func isInner(w string) bool {
	switch w {
	case "of", "the", "and", "&", "-", "de", "for":
		return true
	}
	return false
}
