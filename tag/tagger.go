package tag

import (
	"context"
	"sync"

	"github.com/dateline-news/dateline"
	"github.com/dateline-news/dateline/internal/perceptron"
)

// Word is one word of a training or tagged sentence.
type Word struct {
	Form  string
	UPOS  string
	XPOS  string
	Lemma string
	Feats string
}

// label is one class of the tagger: a UPOS with its XPOS.
type label struct {
	UPOS, XPOS, Feats string // Feats: the features most often seen with the label
}

// Tagger tags, lemmatises and adds features to words. It is safe for
// concurrent use once built.
type Tagger struct {
	model  *perceptron.Model // left to right
	back   *perceptron.Model // right to left; nil when not trained
	labels []label
	words  map[string]*entry // what training taught of a normalised word
	lem    *Lemmatizer
	cache  *wordCache // nil while training
}

// wordCache holds, for the forms of frequent words, the sums of the
// weights of their features in each role (roleFeatures) under each model:
// a word's static features cost one dense row instead of a dozen lookups,
// many with weights for most labels; and, for each label before, the sums
// of the bias and the label features (labelFeatures). The sums are kept as
// 16-bit multiples of the models' weight step; sums of such multiples are
// exact, so the scores are those the features give.
type wordCache struct {
	index map[string]int32 // form → entry; entry 0 is the padding word
	rows  []int16          // entry × model (left to right, right to left) × role × label
	L     int
	step  float32
	// the sums of labelFeatures: by model, the bias with fT1 for each
	// label before (-1 for none), then fT2 for each (-2 and -1 for none)
	labels []int16
}

// label returns the row of labelFeatures' sums under model dir: of the
// bias and fT1 (of 0) or of fT2 (of 1), at index at.
func (w *wordCache) label(dir, of, at int) []int16 {
	L := w.L
	i := (dir*(2*L+3) + of*(L+1) + at) * L
	return w.labels[i : i+L : i+L]
}

// row returns the sums of entry c in role r under model dir.
func (w *wordCache) row(c int32, dir, r int) []int16 {
	at := ((int(c)*2+dir)*nCached + r) * w.L
	return w.rows[at : at+w.L : at+w.L]
}

// add adds row to scores, which is as long.
func (w *wordCache) add(scores []float32, row []int16) {
	scores = scores[:len(row)]
	for c, q := range row {
		scores[c] += float32(q) * w.step
	}
}

// buildCache fills t.cache with the forms of the words seen at least 20
// times in training, lower case and capitalised, whose sums fit. step is
// the models' weight step.
func (t *Tagger) buildCache(step float32) {
	L := len(t.labels)
	forms := []string{""} // the padding word
	for n, e := range t.words {
		if e.cands == nil {
			continue
		}
		forms = append(forms, n)
		if c := n[0]; 'a' <= c && c <= 'z' {
			forms = append(forms, string(c-'a'+'A')+n[1:])
		}
	}
	w := &wordCache{index: make(map[string]int32, len(forms)), L: L, step: step}
	w.rows = make([]int16, 0, len(forms)*2*nCached*L)
	sc := &scratch{}
	var feats []uint64
	sums := make([]float32, L)
	for _, f := range forms {
		k := &padTok
		if f != "" {
			k = &t.prepare(sc, []string{f})[0]
		}
		at := len(w.rows)
		fits := true
		for _, m := range [2]*perceptron.Model{t.model, t.back} {
			for r := range nCached {
				clear(sums)
				if m != nil {
					feats = roleFeatures(feats[:0], r, k)
					m.Score(feats, sums)
				}
				for _, x := range sums {
					q := int16(x / step)
					fits = fits && float32(q)*step == x
					w.rows = append(w.rows, q)
				}
			}
		}
		switch {
		case !fits && f == "":
			return // no cache without the padding word
		case !fits:
			w.rows = w.rows[:at]
		case f != "":
			w.index[f] = int32(at / (2 * nCached * L))
		}
	}
	w.labels = make([]int16, 0, 2*(2*L+3)*L)
	for _, m := range [2]*perceptron.Model{t.model, t.back} {
		for of, from := range [2]int{-1, -2} {
			for y := from; y < L; y++ {
				clear(sums)
				if m != nil {
					feats = labelFeatures(feats[:0], y, 0)[:2]
					if of == 1 {
						feats = labelFeatures(feats[:0], 0, y)[2:]
					}
					m.Score(feats, sums)
				}
				for _, x := range sums {
					q := int16(x / step)
					if float32(q)*step != x {
						return // no cache when a sum does not fit
					}
					w.labels = append(w.labels, q)
				}
			}
		}
	}
	t.cache = w
}

// entry is what the tagger knows of one normalised word, found with one
// lookup per token.
type entry struct {
	dict   int    // label of a frequent unambiguous word, else -1
	amb    uint64 // ambiguity class, when hasAmb
	hasAmb bool
	cands  []int      // the labels a frequent word had in training, else nil
	feats  []wordFeat // features by label where they differ from the label's, by label
}

type wordFeat struct {
	label int
	feats string
}

// noEntry is the entry of a word training did not see.
var noEntry = &entry{dict: -1}

// entry returns the entry of normalised word n, noEntry when none.
func (t *Tagger) entry(n string) *entry {
	if e, ok := t.words[n]; ok {
		return e
	}
	return noEntry
}

// add returns the entry of n, made when missing.
func (t *Tagger) add(n string) *entry {
	e, ok := t.words[n]
	if !ok {
		e = &entry{dict: -1}
		t.words[n] = e
	}
	return e
}

// Annotate tags every sentence of doc, filling Token.POS, Tag, Lemma and
// Feats.
func (t *Tagger) Annotate(ctx context.Context, doc *dateline.Document) error {
	var forms []string
	var out []Word
	for _, s := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		r := s.Tokens
		if r.Start < 0 || r.End > len(doc.Tokens) || r.Start >= r.End {
			continue
		}
		forms = forms[:0]
		for _, tk := range doc.Tokens[r.Start:r.End] {
			forms = append(forms, tk.Text)
		}
		out = t.Tag(forms, out[:0])
		for i, w := range out {
			tk := &doc.Tokens[r.Start+i]
			tk.POS, tk.Tag, tk.Lemma, tk.Feats = w.UPOS, w.XPOS, w.Lemma, w.Feats
		}
	}
	return nil
}

// Tag tags one sentence of forms, appending a Word for each to out.
func (t *Tagger) Tag(forms []string, out []Word) []Word {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	toks := t.prepare(sc, forms)
	n, L := len(toks), len(t.labels)
	sc.ys = grow(sc.ys, n)
	ys := sc.ys
	if t.back == nil {
		t.decode(sc, t.model, 0, toks, ys, nil)
	} else {
		// left to right and right to left, then the label with the best
		// summed score
		sc.all = grow(sc.all, 2*n*L)
		fw, bw := sc.all[:n*L], sc.all[n*L:]
		t.decode(sc, t.model, 0, toks, ys, fw)
		sc.rev = grow(sc.rev, n)
		rt := sc.rev
		for i := range toks {
			rt[n-1-i] = toks[i]
		}
		sc.rys = grow(sc.rys, n)
		t.decode(sc, t.back, 1, rt, sc.rys, bw)
		for i := range toks {
			if toks[i].e.dict >= 0 {
				continue
			}
			f, b := fw[i*L:(i+1)*L], bw[(n-1-i)*L:(n-i)*L]
			for c := range f {
				f[c] += b[c]
			}
			ys[i] = t.best(toks[i].e, f)
		}
	}
	for i, y := range ys {
		l := t.labels[y]
		w := Word{Form: forms[i], UPOS: l.UPOS, XPOS: l.XPOS}
		w.Lemma = t.lem.Lemma(forms[i], toks[i].norm, l.XPOS)
		if w.Feats = t.featsOf(toks[i].e, y); w.Feats == "_" {
			w.Feats = ""
		}
		out = append(out, w)
	}
	return out
}

// scratch is the memory one Tag call works in, kept between calls.
type scratch struct {
	toks, rev []tok
	ys, rys   []int
	all       []float32
	scores    []float32
	feats     []uint64
}

var scratchPool = sync.Pool{New: func() any { return &scratch{feats: make([]uint64, 0, 64)} }}

// grow returns s resliced to n elements, reallocated when too small; the
// elements are not cleared.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// decode runs model m (dir 0 left to right, 1 right to left) greedily
// over toks, writing each word's label to ys and, when all is not nil, the
// scores of the words not in the tag dictionary to all[i*L:(i+1)*L].
func (t *Tagger) decode(sc *scratch, m *perceptron.Model, dir int, toks []tok, ys []int, all []float32) {
	L := len(t.labels)
	sc.scores = grow(sc.scores, L)
	scores := sc.scores
	p1, p2 := -1, -2
	for i := range toks {
		y := toks[i].e.dict
		if y < 0 {
			clear(scores)
			sc.feats = sc.feats[:0]
			for r := range nRoles {
				k := at(toks, i+roleOffset[r])
				if r < nCached && t.cache != nil && k.c >= 0 {
					t.cache.add(scores, t.cache.row(k.c, dir, r))
				} else {
					sc.feats = roleFeatures(sc.feats, r, k)
				}
			}
			if t.cache != nil {
				t.cache.add(scores, t.cache.label(dir, 0, p1+1))
				t.cache.add(scores, t.cache.label(dir, 1, p2+2))
			} else {
				sc.feats = labelFeatures(sc.feats, p1, p2)
			}
			sc.feats = otherFeatures(sc.feats, toks, i, p1, p2)
			m.Score(sc.feats, scores)
			y = t.best(toks[i].e, scores)
			if all != nil {
				copy(all[i*L:(i+1)*L], scores)
			}
		}
		ys[i] = y
		p2, p1 = p1, y
	}
}

// best returns the best-scoring label that word e may take: one it had
// in training when it was frequent, else any.
func (t *Tagger) best(e *entry, scores []float32) int {
	if e.cands != nil {
		return perceptron.BestOf(scores, e.cands)
	}
	return perceptron.Best(scores, nil)
}

func (t *Tagger) featsOf(e *entry, y int) string {
	for _, f := range e.feats {
		if f.label == y {
			return f.feats
		}
	}
	return t.labels[y].Feats
}

// tok holds the precomputed hashes of one word.
type tok struct {
	norm              string
	e                 *entry
	c                 int32 // entry in the word cache, -1 for none
	w, cased          uint64
	s1, s2, s3, s4    uint64
	p1, p2, p3        uint64
	shape, amb, flags uint64
	title             uint64 // 2 when most words of the sentence are capitalised
}

func (t *Tagger) prepare(sc *scratch, forms []string) []tok {
	sc.toks = grow(sc.toks, len(forms))
	toks := sc.toks
	for i, f := range forms {
		n := Norm(f)
		k := &toks[i]
		k.norm = n
		k.e = t.entry(n)
		k.c = -1
		if t.cache != nil {
			if c, ok := t.cache.index[f]; ok {
				k.c = c
			}
		}
		k.w = perceptron.Hash(n)
		k.cased = perceptron.Hash(straight(f))
		k.s1 = perceptron.Hash(suffix(n, 1))
		k.s2 = perceptron.Hash(suffix(n, 2))
		k.s3 = perceptron.Hash(suffix(n, 3))
		k.s4 = perceptron.Hash(suffix(n, 4))
		k.p1 = perceptron.Hash(prefix(n, 1))
		k.p2 = perceptron.Hash(prefix(n, 2))
		k.p3 = perceptron.Hash(prefix(n, 3))
		k.shape = shapeHash(f)
		k.amb = k.e.amb
		var fl uint64
		if i == 0 {
			fl |= 1
		}
		for j := 0; j < len(f); j++ {
			switch c := f[j]; {
			case c >= '0' && c <= '9':
				fl |= 2
			case c == '-':
				fl |= 4
			case c >= 'A' && c <= 'Z' && j == 0:
				fl |= 8
			}
		}
		k.flags = fl
	}
	// headlines and titles capitalise most words: a cue against PROPN
	caps, words := 0, 0
	for _, f := range forms {
		if f == "" {
			continue
		}
		c := f[0]
		if c >= 'A' && c <= 'Z' {
			caps++
			words++
		} else if c >= 'a' && c <= 'z' {
			words++
		}
	}
	title := uint64(1)
	if words >= 3 && 10*caps >= 6*words {
		title = 2
	}
	for i := range toks {
		toks[i].title = title
	}
	return toks
}

var padTok = tok{e: noEntry, c: 0, w: 11, cased: 11, s3: 11, shape: 11, amb: 11}

func at(toks []tok, i int) *tok {
	if i < 0 || i >= len(toks) {
		return &padTok
	}
	return &toks[i]
}

// Feature templates of the tagger.
const (
	fBias uint64 = iota + 1
	fW
	fCased
	fS1
	fS2
	fS3
	fS4
	fP1
	fP2
	fP3
	fShape
	fFlags
	fT1
	fT2
	fT1T2
	fT1W
	fWm1
	fS3m1
	fWm2
	fWp1
	fS3p1
	fWp2
	fS3p2
	fAmb
	fAmbP1
	fAmbP2
	fAmbM1
	fT1Amb
	fAmbAmbP1
	fWWp1
	fWm1W
	fShapeP1
	fShapeM1
	fT1S3
	fWAmbP1
	fT2T1Amb
	fTitleShape
	fTitleW
	fCasedM1
	fCasedP1
	fShape3
	fT1Shape
	fS3Shape
)

// features appends the features of word i given the labels of the two
// words before it.
func (t *Tagger) features(f []uint64, toks []tok, i, p1, p2 int) []uint64 {
	for r := range nRoles {
		f = roleFeatures(f, r, at(toks, i+roleOffset[r]))
	}
	return otherFeatures(labelFeatures(f, p1, p2), toks, i, p1, p2)
}

// Roles of a word in the features that read one word only: the word
// itself, and its place before (m1, m2) or after (p1, p2) the word tagged.
// The sum of the weights of a frequent word's features in each of the
// first nCached roles is kept (wordCache); m2 has one feature only.
const (
	roleSelf = iota
	roleM1
	roleP1
	roleP2
	roleM2
	nRoles
	nCached = roleM2
)

// roleOffset is where a word in each role is from the word tagged.
var roleOffset = [nRoles]int{0, -1, 1, 2, -2}

// neighbourTemplates are the templates of a neighbour's features in each
// role, over its word, suffix, ambiguity class, shape and cased form in
// that order (roles with fewer use the first ones).
var neighbourTemplates = [nRoles][]uint64{
	roleM1: {fWm1, fS3m1, fAmbM1, fShapeM1, fCasedM1},
	roleP1: {fWp1, fS3p1, fAmbP1, fShapeP1, fCasedP1},
	roleP2: {fWp2, fS3p2, fAmbP2},
	roleM2: {fWm2},
}

// roleFeatures appends the features that word k has in role r.
func roleFeatures(f []uint64, r int, k *tok) []uint64 {
	mix := perceptron.Mix
	if r != roleSelf {
		vals := [...]uint64{k.w, k.s3, k.amb, k.shape, k.cased}
		for j, tmpl := range neighbourTemplates[r] {
			f = append(f, mix(tmpl, vals[j]))
		}
		return f
	}
	return append(f,
		mix(fW, k.w),
		mix(fCased, k.cased),
		mix(fS1, k.s1),
		mix(fS2, k.s2),
		mix(fS3, k.s3),
		mix(fS4, k.s4),
		mix(fP1, k.p1),
		mix(fP2, k.p2),
		mix(fP3, k.p3),
		mix(fShape, k.shape),
		mix(fAmb, k.amb),
		mix(mix(fS3Shape, k.s3), k.shape),
	)
}

// labelFeatures appends the bias and the features that read only the
// label p1 of the word before or the label p2 of the one before that; the
// word cache keeps their sums too.
func labelFeatures(f []uint64, p1, p2 int) []uint64 {
	mix := perceptron.Mix
	return append(f, fBias, mix(fT1, uint64(p1+3)), mix(fT2, uint64(p2+3)))
}

// otherFeatures appends the other features of word i: those that read more
// than one word, its place in the sentence or both labels before it.
func otherFeatures(f []uint64, toks []tok, i, p1, p2 int) []uint64 {
	mix := perceptron.Mix
	k, m1, n1 := &toks[i], at(toks, i-1), at(toks, i+1)
	t1, t2 := uint64(p1+3), uint64(p2+3)
	return append(f,
		mix(fFlags, k.flags),
		mix(mix(fT1T2, t1), t2),
		mix(mix(fT1W, t1), k.w),
		mix(mix(fT1Amb, t1), k.amb),
		mix(mix(fAmbAmbP1, k.amb), n1.amb),
		mix(mix(fWWp1, k.w), n1.w),
		mix(mix(fWm1W, m1.w), k.w),
		mix(mix(fT1S3, t1), k.s3),
		mix(mix(fWAmbP1, k.w), n1.amb),
		mix(mix(mix(fT2T1Amb, t2), t1), k.amb),
		mix(mix(fTitleShape, k.title), k.shape),
		mix(mix(fTitleW, k.title), k.w),
		mix(mix(mix(fShape3, m1.shape), k.shape), n1.shape),
		mix(mix(fT1Shape, t1), k.shape),
	)
}

// Lemma returns the lemma of form tagged xpos.
func (t *Tagger) Lemma(form, xpos string) string { return t.lem.Lemma(form, Norm(form), xpos) }
