package mention

import "fmt"

// Span is one entity mention in a tag sequence: tokens [Start, End) of Type.
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the mentions an IOB2 tag sequence encodes.
func Spans(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if len(t) < 3 || (t[0] != 'B' && t[0] != 'I') {
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, Span{i, j, typ})
		i = j - 1
	}
	return out
}

// Counts are exact-span matching counts for one type or overall.
type Counts struct{ Gold, Pred, Correct int }

// P returns precision.
func (c Counts) P() float64 { return ratio(c.Correct, c.Pred) }

// R returns recall.
func (c Counts) R() float64 { return ratio(c.Correct, c.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// String formats c as "P 0.812 R 0.790 F1 0.801 (gold 1088, predicted 1060)".
func (c Counts) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (gold %d, predicted %d, correct %d)", c.P(), c.R(), c.F1(), c.Gold, c.Pred, c.Correct)
}

// Score compares predicted with gold tag sequences by exact span and type,
// overall ("" key) and per type.
func Score(gold, pred [][]string) map[string]*Counts {
	out := map[string]*Counts{"": {}, "PER": {}, "ORG": {}, "LOC": {}}
	get := func(t string) *Counts {
		if out[t] == nil {
			out[t] = &Counts{}
		}
		return out[t]
	}
	for i := range gold {
		g, p := Spans(gold[i]), Spans(pred[i])
		set := map[Span]bool{}
		for _, s := range g {
			set[s] = true
			get(s.Type).Gold++
			out[""].Gold++
		}
		for _, s := range p {
			get(s.Type).Pred++
			out[""].Pred++
			if set[s] {
				get(s.Type).Correct++
				out[""].Correct++
			}
		}
	}
	return out
}
