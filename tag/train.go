package tag

import (
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/dateline-news/dateline/internal/perceptron"
)

// TrainConfig says how to train a tagger.
type TrainConfig struct {
	Iterations int       // passes over the training data; 0 means 10
	Seed       uint64    // shuffles the sentences between passes
	WordNet    string    // folder of WordNet 3.0 (*.exc, index.*.gz)
	Backward   bool      // also train a right-to-left model to combine with
	Dev        [][]Word  // scored at the end when not nil
	Log        io.Writer // progress; nil for none
}

// Train learns a tagger from sentences with gold UPOS, XPOS, lemma and
// features. The result depends only on the sentences and cfg.
func Train(sents [][]Word, cfg TrainConfig) (*Tagger, error) {
	if cfg.Iterations == 0 {
		cfg.Iterations = 10
	}
	t := &Tagger{words: map[string]*entry{}}
	exc, index, err := readWordNet(cfg.WordNet)
	if err != nil {
		return nil, err
	}
	t.lem = &Lemmatizer{table: map[lemmaKey]string{}, exc: exc, index: index}

	// labels, in sorted order
	labelFeats := map[string]map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			k := w.UPOS + "\t" + w.XPOS
			if labelFeats[k] == nil {
				labelFeats[k] = map[string]int{}
			}
			labelFeats[k][cleanFeats(w.Feats)]++
		}
	}
	keys := sortedKeys(labelFeats)
	ids := map[string]int{}
	for i, k := range keys {
		u, x, _ := strings.Cut(k, "\t")
		t.labels = append(t.labels, label{UPOS: u, XPOS: x, Feats: majority(labelFeats[k])})
		ids[k] = i
	}

	// word statistics
	wordLabels := map[string]map[int]int{}
	wordFeats := map[string]map[string]int{}
	lemmas := map[string]map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			n := Norm(w.Form)
			y := ids[w.UPOS+"\t"+w.XPOS]
			if wordLabels[n] == nil {
				wordLabels[n] = map[int]int{}
			}
			wordLabels[n][y]++
			fk := n + "\t" + strconv.Itoa(y)
			if wordFeats[fk] == nil {
				wordFeats[fk] = map[string]int{}
			}
			wordFeats[fk][cleanFeats(w.Feats)]++
			lk := w.Form + "\t" + w.XPOS
			if lemmas[lk] == nil {
				lemmas[lk] = map[string]int{}
			}
			lemmas[lk][w.Lemma]++
		}
	}
	for _, n := range sortedKeys(wordLabels) {
		c := wordLabels[n]
		total, best, bn := 0, 0, -1
		ys := make([]int, 0, len(c))
		for y, k := range c {
			total += k
			ys = append(ys, y)
		}
		slices.Sort(ys)
		for _, y := range ys {
			if c[y] > bn {
				best, bn = y, c[y]
			}
		}
		if total >= 20 && float64(bn)/float64(total) >= 0.995 {
			t.add(n).dict = best
		}
		if total >= 20 {
			t.add(n).cands = ys
		}
		if total >= 3 {
			h := uint64(7)
			for _, y := range ys {
				if float64(c[y])/float64(total) >= 0.02 {
					h = perceptron.Mix(h, uint64(y+1))
				}
			}
			e := t.add(n)
			e.amb, e.hasAmb = h, true
		}
	}
	for _, k := range sortedKeys(wordFeats) {
		n, y, _ := strings.Cut(k, "\t")
		f := majority(wordFeats[k])
		if f != t.labels[atoi(y)].Feats {
			e := t.add(n)
			e.feats = append(e.feats, wordFeat{atoi(y), f})
		}
	}
	for _, k := range sortedKeys(lemmas) {
		form, xpos, _ := strings.Cut(k, "\t")
		t.lem.table[lemmaKey{form, xpos}] = majority(lemmas[k])
	}

	gold := make([][]int, len(sents))
	for i, s := range sents {
		gold[i] = make([]int, len(s))
		for j, w := range s {
			gold[i][j] = ids[w.UPOS+"\t"+w.XPOS]
		}
	}
	t.model = t.learn(sents, gold, false, cfg)
	if cfg.Backward {
		t.back = t.learn(sents, gold, true, cfg)
	}
	if cfg.Dev != nil && cfg.Log != nil {
		s := t.Evaluate(cfg.Dev)
		fmt.Fprintf(cfg.Log, "tagger dev: %s\n", s)
	}
	return t, nil
}

// learn trains one direction of the tagger.
func (t *Tagger) learn(sents [][]Word, gold [][]int, backward bool, cfg TrainConfig) *perceptron.Model {
	m := perceptron.New(len(t.labels))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5eed))
	feats := make([]uint64, 0, 64)
	scores := make([]float32, len(t.labels))
	sc := &scratch{}
	var forms []string
	var ys []int
	for it := range cfg.Iterations {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, si := range order {
			s := sents[si]
			forms = forms[:0]
			for _, w := range s {
				forms = append(forms, w.Form)
			}
			toks := t.prepare(sc, forms)
			ys = append(ys[:0], gold[si]...)
			if backward {
				slices.Reverse(toks)
				slices.Reverse(ys)
			}
			p1, p2 := -1, -2
			for i := range toks {
				y := ys[i]
				guess := toks[i].e.dict
				if guess < 0 {
					feats = t.features(feats[:0], toks, i, p1, p2)
					clear(scores)
					m.Score(feats, scores)
					guess = t.best(toks[i].e, scores)
					m.Tick()
					m.Update(feats, y, guess, 1)
				}
				if guess == y {
					right++
				}
				total++
				p2, p1 = p1, guess
			}
		}
		if cfg.Log != nil {
			dir := "left to right"
			if backward {
				dir = "right to left"
			}
			fmt.Fprintf(cfg.Log, "tagger %s pass %d: train accuracy %.2f%%, %d features\n", dir, it+1, 100*float64(right)/float64(total), m.Rows())
		}
	}
	m.Average()
	return m
}

// cleanFeats drops features that record the writer's mistakes.
func cleanFeats(f string) string {
	if !strings.Contains(f, "Typo=") {
		return f
	}
	var keep []string
	for p := range strings.SplitSeq(f, "|") {
		if !strings.HasPrefix(p, "Typo=") {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return "_"
	}
	return strings.Join(keep, "|")
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = 10*n + int(s[i]-'0')
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// majority returns the most frequent key, the smallest on ties.
func majority(c map[string]int) string {
	best, bn := "", -1
	for _, k := range sortedKeys(c) {
		if c[k] > bn {
			best, bn = k, c[k]
		}
	}
	return best
}

// Scores are the accuracies of a tagger on gold sentences, in percent.
type Scores struct {
	Words                    int
	UPOS, XPOS, Lemma, Feats float64
}

func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.2f XPOS %.2f lemma %.2f feats %.2f (%d words)", s.UPOS, s.XPOS, s.Lemma, s.Feats, s.Words)
}

// Evaluate tags gold sentences and scores the result.
func (t *Tagger) Evaluate(sents [][]Word) Scores {
	var sc Scores
	var u, x, l, f int
	var forms []string
	var out []Word
	for _, s := range sents {
		forms = forms[:0]
		for _, w := range s {
			forms = append(forms, w.Form)
		}
		out = t.Tag(forms, out[:0])
		for i, w := range s {
			sc.Words++
			p := out[i]
			if p.UPOS == w.UPOS {
				u++
			}
			if p.XPOS == w.XPOS {
				x++
			}
			if p.Lemma == w.Lemma {
				l++
			}
			if cmp.Compare(featsOrNone(p.Feats), featsOrNone(cleanFeats(w.Feats))) == 0 {
				f++
			}
		}
	}
	if sc.Words > 0 {
		n := float64(sc.Words) / 100
		sc.UPOS, sc.XPOS, sc.Lemma, sc.Feats = float64(u)/n, float64(x)/n, float64(l)/n, float64(f)/n
	}
	return sc
}

func featsOrNone(f string) string {
	if f == "" {
		return "_"
	}
	return f
}
