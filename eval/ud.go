package eval

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/dateline-news/dateline/conllu"
)

// UDScore is one metric of the CoNLL 2018 shared task evaluation: counts
// of gold, system and correct units, and for the metrics computed on
// aligned words the number of aligned words.
type UDScore struct {
	Gold      int     `json:"gold"`
	System    int     `json:"system"`
	Correct   int     `json:"correct"`
	Aligned   int     `json:"aligned,omitempty"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// AlignedAccuracy is Correct/Aligned: the accuracy on the words whose
	// segmentation is right; 0 for the span metrics.
	AlignedAccuracy float64 `json:"aligned_accuracy,omitempty"`
}

func newUDScore(gold, system, correct, aligned int) UDScore {
	s := UDScore{Gold: gold, System: system, Correct: correct, Aligned: aligned}
	if system > 0 {
		s.Precision = float64(correct) / float64(system)
	}
	if gold > 0 {
		s.Recall = float64(correct) / float64(gold)
	}
	if gold+system > 0 {
		s.F1 = 2 * float64(correct) / float64(gold+system)
	}
	if aligned > 0 {
		s.AlignedAccuracy = float64(correct) / float64(aligned)
	}
	return s
}

// UDScores are the scores of a system treebank against a gold one, as the
// CoNLL 2018 shared task script conll18_ud_eval.py computes them.
type UDScores struct {
	Tokens    UDScore `json:"tokens"`
	Sentences UDScore `json:"sentences"`
	Words     UDScore `json:"words"`
	UPOS      UDScore `json:"upos"`
	XPOS      UDScore `json:"xpos"`
	UFeats    UDScore `json:"ufeats"`
	AllTags   UDScore `json:"alltags"`
	Lemmas    UDScore `json:"lemmas"`
	UAS       UDScore `json:"uas"`
	LAS       UDScore `json:"las"`
}

// ErrUDText is returned by [UD] when the gold and system treebanks do not
// spell the same text (spaces aside), so that they cannot be aligned.
var ErrUDText = errors.New("gold and system texts differ")

// udUniversalFeature reports whether name is one of the features that UFeats compares; others are
// language-specific and ignored, as in the CoNLL 2018 evaluation.
func udUniversalFeature(name string) bool {
	switch name {
	case "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number",
		"Case", "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident",
		"Polarity", "Person", "Polite":
		return true
	}
	return false
}

// udSpan is a half-open range of character (rune) indexes in the text
// without spaces.
type udSpan struct{ start, end int }

type udWord struct {
	span   udSpan // of the surface token the word belongs to
	multi  bool   // part of a multiword token
	form   string // lower-cased, spaces removed
	upos   string
	xpos   string
	feats  string // universal features only, sorted
	lemma  string
	deprel string // universal part only
	parent int    // index into the words; -1 for the root
}

type udTreebank struct {
	chars     []rune
	tokens    []udSpan
	words     []udWord
	sentences []udSpan
}

// blank turns the empty string into "_", so that unset and "_" compare equal.
func udBlank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

func loadUD(ss []*conllu.Sentence) (*udTreebank, error) {
	tb := &udTreebank{}
	for si, s := range ss {
		start := len(tb.chars)
		first := len(tb.words)
		n := len(s.Words)
		byID := make(map[int]int, n) // word ID -> position in s.Words
		for i, w := range s.Words {
			byID[w.ID] = i
		}
		for _, st := range s.Surface() {
			form := strings.Map(func(r rune) rune {
				if unicode.Is(unicode.Zs, r) {
					return -1
				}
				return r
			}, st.Form)
			if form == "" {
				return nil, fmt.Errorf("sentence %d: empty form", si+1)
			}
			sp := udSpan{len(tb.chars), len(tb.chars) + len([]rune(form))}
			tb.chars = append(tb.chars, []rune(form)...)
			tb.tokens = append(tb.tokens, sp)
			for id := st.First; id <= st.Last; id++ {
				i, ok := byID[id]
				if !ok {
					return nil, fmt.Errorf("sentence %d: multiword token %d-%d: no word %d", si+1, st.First, st.Last, id)
				}
				w := s.Words[i]
				parent := -1
				if w.Head < 0 || w.Head > n {
					return nil, fmt.Errorf("sentence %d: word %d: head %d outside the sentence", si+1, w.ID, w.Head)
				}
				if w.Head > 0 {
					parent = first + w.Head - 1
				}
				dep, _, _ := strings.Cut(udBlank(w.Deprel), ":")
				tb.words = append(tb.words, udWord{
					span:   sp,
					multi:  st.Last > st.First,
					form:   strings.ToLower(w.Form),
					upos:   udBlank(w.UPOS),
					xpos:   udBlank(w.XPOS),
					feats:  udUniversalFeats(w.Feats),
					lemma:  udBlank(w.Lemma),
					deprel: dep,
					parent: parent,
				})
			}
		}
		tb.sentences = append(tb.sentences, udSpan{start, len(tb.chars)})
	}
	return tb, nil
}

func udUniversalFeats(feats string) string {
	var keep []string
	for f := range strings.SplitSeq(feats, "|") {
		name, _, _ := strings.Cut(f, "=")
		if udUniversalFeature(name) {
			keep = append(keep, f)
		}
	}
	sort.Strings(keep)
	return strings.Join(keep, "|")
}

// UD scores system against gold as the CoNLL 2018 shared task did: both are
// aligned on their characters without spaces; tokens and sentences are
// scored by exact character spans; words by alignment, through the longest
// common subsequence of forms inside multiword tokens; UPOS, XPOS, UFeats
// (universal features), AllTags, Lemmas, UAS and LAS (universal relation
// without subtype) count the aligned words whose value (and head, aligned)
// agrees. Each score's F1 is correct / mean of gold and system counts.
// It returns an error wrapping [ErrUDText] when the texts differ.
func UD(gold, system []*conllu.Sentence) (UDScores, error) {
	g, err := loadUD(gold)
	if err != nil {
		return UDScores{}, fmt.Errorf("ud gold: %w", err)
	}
	s, err := loadUD(system)
	if err != nil {
		return UDScores{}, fmt.Errorf("ud system: %w", err)
	}
	if i := udFirstDiff(g.chars, s.chars); i >= 0 {
		return UDScores{}, fmt.Errorf("ud: %w at character %d: gold %q, system %q", ErrUDText, i,
			string(g.chars[i:min(i+20, len(g.chars))]), string(s.chars[i:min(i+20, len(s.chars))]))
	}
	al := udAlignWords(g.words, s.words)
	sys2gold := make(map[int]int, len(al))
	for _, p := range al {
		sys2gold[p[1]] = p[0]
	}
	// goldOf returns the gold word aligned with the system word i: -1 for
	// the root, -2 when not aligned.
	goldOf := func(i int) int {
		if i < 0 {
			return -1
		}
		if gi, ok := sys2gold[i]; ok {
			return gi
		}
		return -2
	}
	count := func(eq func(gw, sw *udWord) bool) UDScore {
		c := 0
		for _, p := range al {
			if eq(&g.words[p[0]], &s.words[p[1]]) {
				c++
			}
		}
		return newUDScore(len(g.words), len(s.words), c, len(al))
	}
	var out UDScores
	out.Tokens = udSpanScore(g.tokens, s.tokens)
	out.Sentences = udSpanScore(g.sentences, s.sentences)
	out.Words = newUDScore(len(g.words), len(s.words), len(al), 0)
	out.UPOS = count(func(gw, sw *udWord) bool { return gw.upos == sw.upos })
	out.XPOS = count(func(gw, sw *udWord) bool { return gw.xpos == sw.xpos })
	out.UFeats = count(func(gw, sw *udWord) bool { return gw.feats == sw.feats })
	out.AllTags = count(func(gw, sw *udWord) bool {
		return gw.upos == sw.upos && gw.xpos == sw.xpos && gw.feats == sw.feats
	})
	out.Lemmas = count(func(gw, sw *udWord) bool { return gw.lemma == "_" || gw.lemma == sw.lemma })
	out.UAS = count(func(gw, sw *udWord) bool { return gw.parent == goldOf(sw.parent) })
	out.LAS = count(func(gw, sw *udWord) bool { return gw.parent == goldOf(sw.parent) && gw.deprel == sw.deprel })
	return out, nil
}

func udFirstDiff(a, b []rune) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

// spanScore counts the spans of system that equal a span of gold.
func udSpanScore(gold, system []udSpan) UDScore {
	correct, gi, si := 0, 0, 0
	for gi < len(gold) && si < len(system) {
		switch {
		case system[si].start < gold[gi].start:
			si++
		case gold[gi].start < system[si].start:
			gi++
		default:
			if gold[gi].end == system[si].end {
				correct++
			}
			gi++
			si++
		}
	}
	return newUDScore(len(gold), len(system), correct, 0)
}

// alignWords returns the pairs (gold index, system index) of aligned words.
func udAlignWords(gold, system []udWord) [][2]int {
	var al [][2]int
	gi, si := 0, 0
	for gi < len(gold) && si < len(system) {
		if gold[gi].multi || system[si].multi {
			var gs, ss int
			gs, ss, gi, si = udMultiwordSpan(gold, system, gi, si)
			if si > ss && gi > gs {
				al = udAlignLCS(al, gold[gs:gi], system[ss:si], gs, ss)
			}
			continue
		}
		switch {
		case gold[gi].span == system[si].span:
			al = append(al, [2]int{gi, si})
			gi++
			si++
		case gold[gi].span.start <= system[si].span.start:
			gi++
		default:
			si++
		}
	}
	return al
}

func udBeyondEnd(words []udWord, i, end int) bool {
	if i >= len(words) {
		return true
	}
	if words[i].multi {
		return words[i].span.start >= end
	}
	return words[i].span.end > end
}

func udExtendEnd(w *udWord, end int) int {
	if w.multi && w.span.end > end {
		return w.span.end
	}
	return end
}

// multiwordSpan finds the smallest stretch of gold and system words around
// a multiword token that starts and ends together in both.
func udMultiwordSpan(gold, system []udWord, gi, si int) (gs, ss, ge, se int) {
	var end int
	if gold[gi].multi {
		end = gold[gi].span.end
		if !system[si].multi && system[si].span.start < gold[gi].span.start {
			si++
		}
	} else {
		end = system[si].span.end
		if !gold[gi].multi && gold[gi].span.start < system[si].span.start {
			gi++
		}
	}
	gs, ss = gi, si
	for !udBeyondEnd(gold, gi, end) || !udBeyondEnd(system, si, end) {
		if gi < len(gold) && (si >= len(system) || gold[gi].span.start <= system[si].span.start) {
			end = udExtendEnd(&gold[gi], end)
			gi++
		} else {
			end = udExtendEnd(&system[si], end)
			si++
		}
	}
	return gs, ss, gi, si
}

// alignLCS aligns the words of g and s (which start at gold index gOff and
// system index sOff) along the longest common subsequence of their forms.
func udAlignLCS(al [][2]int, g, s []udWord, gOff, sOff int) [][2]int {
	ng, ns := len(g), len(s)
	lcs := make([]int, (ng+1)*(ns+1)) // lcs[i*(ns+1)+j] for g[i:], s[j:]
	at := func(i, j int) int { return lcs[i*(ns+1)+j] }
	for i := ng - 1; i >= 0; i-- {
		for j := ns - 1; j >= 0; j-- {
			v := 0
			if g[i].form == s[j].form {
				v = 1 + at(i+1, j+1)
			}
			v = max(v, at(i+1, j), at(i, j+1))
			lcs[i*(ns+1)+j] = v
		}
	}
	i, j := 0, 0
	for i < ng && j < ns {
		switch {
		case g[i].form == s[j].form:
			al = append(al, [2]int{gOff + i, sOff + j})
			i++
			j++
		case at(i, j) == at(i+1, j):
			i++
		default:
			j++
		}
	}
	return al
}
