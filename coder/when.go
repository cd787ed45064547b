package coder

import (
	"sort"
	"strings"

	"github.com/dateline-news/dateline"
)

// dateOf returns when the event of clause v happened: a date expression
// inside the clause (or the clauses it hangs from), else the document date.
func (c *Coder) dateOf(s *sent, v int) dateline.EventDate {
	toks := s.doc.Tokens
	best := -1
	// a date expression inside the clause of v, else in a clause above it
	// ("On May 1, Lavrov said he would ...")
	for n, u := 0, v; u >= 0 && n < maxClimb && best < 0; n++ {
		for ti := range s.doc.Timexes {
			tx := &s.doc.Timexes[ti]
			if tx.Type != "DATE" && tx.Type != "TIME" || tx.Value == "" || strings.HasPrefix(tx.Value, "P") {
				continue
			}
			i := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > tx.Span.Start })
			if i >= s.start && i < s.end && c.under(s, i, u) {
				best = ti
				break
			}
		}
		u = s.head(u)
	}
	if best >= 0 {
		tx := &s.doc.Timexes[best]
		v := tx.Value
		if i := strings.IndexByte(v, 'T'); i == 10 && !strings.Contains(v, "/") {
			v = v[:10]
		}
		if p := dateline.Precision(v); p != dateline.PrecisionUnknown {
			return dateline.EventDate{Value: v, Precision: p, Basis: "its clause's time expression '" + tx.Text + "'"}
		}
	}
	// no date in the clause: the narrative time of the sentence, else the
	// article's date
	at := s.doc.Sentences[s.si].Span.Start
	return s.doc.DateOf(dateline.Span{Start: at, End: at})
}

// under reports whether token i lies in the subtree of u, not crossing
// another clause.
func (c *Coder) under(s *sent, i, u int) bool {
	for n := 0; i >= 0 && n < maxClimb; n++ {
		if i == u {
			return true
		}
		switch s.base(i) {
		case "ccomp", "advcl", "acl", "parataxis", "conj":
			// a "when" clause dates the clause it modifies
			if s.isVerb(i) && !(s.base(i) == "advcl" && s.hasMark(i, "when")) {
				return false
			}
		}
		i = s.head(i)
	}
	return false
}

// placeOf returns where the event of clause v happened: a place named by
// an "in"/"at" argument of the clause that is neither source nor target.
func (c *Coder) placeOf(s *sent, v int, src, tgt []part) *dateline.EventPlace {
	used := map[string]bool{}
	for _, p := range src {
		used[p.p.Entity] = true
	}
	for _, p := range tgt {
		used[p.p.Entity] = true
	}
	// the clause's own in/at/near arguments, then those of its arguments
	// ("talks with Arreaza in Moscow")
	cands := append([]int(nil), s.children(v)...)
	for _, a := range s.children(v) {
		switch s.base(a) {
		case "obj", "obl", "nmod":
			cands = append(cands, s.children(a)...)
		}
	}
	for _, k := range cands {
		if s.base(k) != "obl" && s.base(k) != "nmod" {
			continue
		}
		if cs := s.caseOf(k); cs != "in" && cs != "at" && cs != "near" {
			continue
		}
		e := s.ix.tokEnt[k]
		if e < 0 {
			continue
		}
		ent := &s.doc.Entities[e]
		if used[ent.ID] || ent.Type != "GPE" && ent.Type != "LOC" && ent.Geo == nil {
			continue
		}
		pl := &dateline.EventPlace{Name: ent.Name, Entity: ent.ID, Geo: ent.Geo}
		if pl.Geo == nil {
			if in := locatedBefore(s, k, e); in != nil {
				pl.Name, pl.Geo = ent.Name+", "+in.Name, in.Geo
			}
		}
		return pl
	}
	return nil
}

// locatedBefore returns the place that a place the gazetteer does not
// know (token k of entity e: "the Altamira road junction nearby") lies
// in: the located place named last before it in its sentence or the one
// before ("... the airbase in Caracas."), or nil.
func locatedBefore(s *sent, k, e int) *dateline.Entity {
	from := s.start
	if s.si > 0 {
		from = s.doc.Sentences[s.si-1].Tokens.Start
	}
	for j := k - 1; j >= from && j >= 0; j-- {
		o := s.ix.tokEnt[j]
		if o < 0 || o == e {
			continue
		}
		if ent := &s.doc.Entities[o]; ent.Geo != nil && (ent.Type == "GPE" || ent.Type == "LOC") {
			return ent
		}
	}
	return nil
}
