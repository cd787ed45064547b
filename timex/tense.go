package timex

import (
	"sort"
	"strings"

	"github.com/dateline-news/dateline"
)

// tenser finds the tense of the clause around a span: from the tagger's
// tags when the document has them, else from word lists over the scanner's
// tokens.
type tenser struct {
	text   string
	toks   []tok            // the scanner's tokens of text
	doc    []dateline.Token // the document's tokens; used when tagged
	tagged bool             // doc tokens carry Tag or Feats
	sents  []dateline.Span  // sentence spans, in order
}

// sentenceOf returns the span of the sentence around byte off.
func (tn *tenser) sentenceOf(off int) dateline.Span {
	i := sort.Search(len(tn.sents), func(i int) bool { return tn.sents[i].End > off })
	if i < len(tn.sents) && tn.sents[i].Start <= off {
		return tn.sents[i]
	}
	return dateline.Span{Start: off, End: off}
}

// at returns the tense of the clause around [s, e): the nearest verb before
// the span in its sentence, else the nearest after it.
func (tn *tenser) at(s, e int) tense {
	sen := tn.sentenceOf(s)
	if tn.tagged {
		return tn.tagged2(sen, s, e)
	}
	return tn.words(sen, s, e)
}

// tagged2 reads the tense from Penn tags (or UD features).
func (tn *tenser) tagged2(sen dateline.Span, s, e int) tense {
	d := tn.doc
	first := sort.Search(len(d), func(i int) bool { return d[i].Span.Start >= s })
	for k := first - 1; k >= 0 && d[k].Span.Start >= sen.Start; k-- {
		if t, stop := tn.tagVerdict(k, false); stop {
			return t
		}
	}
	after := sort.Search(len(d), func(i int) bool { return d[i].Span.Start >= e })
	for k := after; k < len(d) && d[k].Span.End <= sen.End; k++ {
		if k > 0 && d[k-1].Text == "," && relativeWord(d[k].Text) {
			for k+1 < len(d) && d[k+1].Span.End <= sen.End && d[k+1].Text != "," {
				k++ // a relative clause between commas is not the main clause
			}
			continue
		}
		if t, stop := tn.tagVerdict(k, true); stop {
			return t
		}
	}
	return tenseUnknown
}

// relativeWord reports whether w opens a relative clause.
func relativeWord(w string) bool {
	switch strings.ToLower(w) {
	case "who", "which", "whose", "whom":
		return true
	}
	return false
}

// tagVerdict reads the tense token k gives, and whether the search stops
// there; ahead says the search runs forward from the expression, where an
// infinitive that qualifies a noun ("the election to be held on August 9,
// held a rally") is passed over for the main verb.
func (tn *tenser) tagVerdict(k int, ahead bool) (tense, bool) {
	d := tn.doc
	tk := d[k]
	low := strings.ToLower(tk.Text)
	if low == ";" || low == ":" {
		return tenseUnknown, true
	}
	tag := tk.Tag
	if tag == "" {
		switch {
		case strings.Contains(tk.Feats, "VerbForm=Fin") && strings.Contains(tk.Feats, "Tense=Past"):
			tag = "VBD"
		case strings.Contains(tk.Feats, "VerbForm=Fin") && strings.Contains(tk.Feats, "Tense=Pres"):
			tag = "VBZ"
		case tk.POS == "AUX" && (low == "will" || low == "shall" || low == "'ll" || low == "would" || low == "wo"):
			tag = "MD"
		case strings.Contains(tk.Feats, "VerbForm=Inf"):
			tag = "VB"
		}
	}
	switch tag {
	case "MD":
		switch low {
		case "will", "shall", "'ll", "’ll", "wo", "would":
			return tenseFuture, true
		}
		return tenseUnknown, true
	case "VBD", "VBZ", "VBP":
		if isBe(low) && k+2 < len(d) && futureLink(strings.ToLower(d[k+1].Text)) && strings.EqualFold(d[k+2].Text, "to") {
			return tenseFuture, true
		}
		if tag == "VBD" {
			return tensePast, true
		}
		if (low == "has" || low == "have") && k+1 < len(d) && d[k+1].Tag == "VBN" {
			return tensePast, true
		}
		return tensePresent, true
	case "VB":
		if k > 0 && strings.EqualFold(d[k-1].Text, "to") {
			if k > 1 {
				if w2 := strings.ToLower(d[k-2].Text); forwardVerb(w2) || isBe(w2) {
					return tenseFuture, true
				}
				if ahead && nounTag(d[k-2].Tag) {
					return tenseUnknown, false
				}
			}
			return tenseUnknown, true
		}
	}
	return tenseUnknown, false
}

// forwardVerb reports whether w before "to" + verb puts that verb's event
// after the speaker's now: "expected to", "plans to", "agreed to".
func forwardVerb(w string) bool {
	if futureLink(w) {
		return true
	}
	return forwardVerbs[w]
}

var forwardVerbs = map[string]bool{
	"plan": true, "plans": true, "planned": true, "intend": true, "intends": true, "intended": true,
	"want": true, "wants": true, "wanted": true, "hope": true, "hopes": true, "hoped": true,
	"agree": true, "agrees": true, "agreed": true, "decide": true, "decides": true, "decided": true,
	"expect": true, "expects": true, "promise": true, "promises": true, "promised": true,
	"aim": true, "aims": true, "aimed": true, "seek": true, "seeks": true, "prepare": true,
	"prepares": true, "prepared": true, "vow": true, "vows": true, "vowed": true, "threaten": true,
	"threatens": true, "threatened": true, "pledge": true, "pledges": true, "pledged": true,
	"scheduled": true, "ready": true, "likely": true,
}

// nounTag reports whether the Penn tag is a noun's.
func nounTag(tag string) bool { return strings.HasPrefix(tag, "NN") }

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "am", "'s", "'re":
		return true
	}
	return false
}

// futureLink reports whether "be W to" announces a future: "is expected to".
func futureLink(w string) bool {
	switch w {
	case "expected", "due", "set", "scheduled", "going", "slated", "poised", "planning", "about":
		return true
	}
	return false
}

// words reads the tense from word lists when there are no tags.
func (tn *tenser) words(sen dateline.Span, s, e int) tense {
	t := tn.toks
	first := sort.Search(len(t), func(i int) bool { return t[i].s >= s })
	for k := first - 1; k >= 0 && t[k].s >= sen.Start; k-- {
		if v, stop := tn.wordVerdict(k, false); stop {
			return v
		}
	}
	after := sort.Search(len(t), func(i int) bool { return t[i].s >= e })
	for k := after; k < len(t) && t[k].e <= sen.End; k++ {
		if k > 0 && t[k-1].punct == ',' && relativeWord(tn.word(k)) {
			for k+1 < len(t) && t[k+1].e <= sen.End && t[k+1].punct != ',' {
				k++ // a relative clause between commas is not the main clause
			}
			continue
		}
		if v, stop := tn.wordVerdict(k, true); stop {
			return v
		}
	}
	return tenseUnknown
}

func (tn *tenser) word(k int) string {
	if k < 0 || k >= len(tn.toks) {
		return ""
	}
	return tn.text[tn.toks[k].s:tn.toks[k].e]
}

// wordVerdict is tagVerdict from word lists.
func (tn *tenser) wordVerdict(k int, ahead bool) (tense, bool) {
	t := tn.toks[k]
	switch t.punct {
	case 0:
	case ':':
		if k > 0 && k+1 < len(tn.toks) && tn.toks[k-1].nd > 0 && tn.toks[k+1].nd > 0 && tn.toks[k-1].e == t.s && t.e == tn.toks[k+1].s {
			return tenseUnknown, false // the colon of a clock time: "18:00"
		}
		return tenseUnknown, true
	case ';', '"', '\n':
		return tenseUnknown, true
	default:
		return tenseUnknown, false
	}
	if t.nd > 0 || t.upper && k > 0 && tn.toks[k-1].punct == 0 {
		return tenseUnknown, false
	}
	w := strings.ToLower(tn.word(k))
	switch w {
	case "will", "shall", "would", "wo":
		return tenseFuture, true
	case "ll":
		if k > 0 && tn.toks[k-1].punct == '\'' {
			return tenseFuture, true
		}
	case "is", "are", "am", "was", "were":
		if futureLink(strings.ToLower(tn.word(k+1))) && strings.EqualFold(tn.word(k+2), "to") ||
			strings.EqualFold(tn.word(k+1), "to") {
			return tenseFuture, true // "is expected to", "is to be held"
		}
		if w == "was" || w == "were" {
			return tensePast, true
		}
		return tensePresent, true
	case "has", "have":
		return tensePast, true // the perfect reports the past
	case "says", "say", "does", "do", "plans", "wants":
		return tensePresent, true
	case "can", "could", "may", "might", "must", "should":
		return tenseUnknown, true
	}
	if prev := strings.ToLower(tn.word(k - 1)); isBe(prev) || prev == "be" || prev == "been" || prev == "being" ||
		prev == "had" || prev == "has" || prev == "have" {
		if pastWords[w] || strings.HasSuffix(w, "ed") {
			return tenseUnknown, false // a participle: the auxiliary decides
		}
	}
	if pastWords[w] {
		return tensePast, true
	}
	if len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPast[w] && !t.upper {
		return tensePast, true
	}
	if k > 0 && strings.EqualFold(tn.word(k-1), "to") && t.cls == clNone && !t.upper {
		if w2 := strings.ToLower(tn.word(k - 2)); forwardVerb(w2) || isBe(w2) {
			return tenseFuture, true // "expected to resume", "agreed to meet"
		}
		if ahead && k > 1 && tn.toks[k-2].punct == 0 && tn.toks[k-2].cls == clNone && !pastWords[strings.ToLower(tn.word(k-2))] &&
			!strings.HasSuffix(strings.ToLower(tn.word(k-2)), "ed") {
			return tenseUnknown, false // "the election to be held …, held": a noun's infinitive
		}
		return tenseUnknown, true // an infinitive has no tense of its own
	}
	return tenseUnknown, false
}

// pastWords are irregular past-tense forms.
var pastWords = map[string]bool{
	"said": true, "told": true, "had": true, "did": true, "went": true, "came": true, "took": true,
	"made": true, "met": true, "held": true, "gave": true, "got": true, "left": true, "began": true,
	"saw": true, "found": true, "sent": true, "led": true, "fell": true, "rose": true, "won": true,
	"lost": true, "paid": true, "spoke": true, "wrote": true, "became": true, "brought": true,
	"bought": true, "thought": true, "felt": true, "kept": true, "ran": true, "stood": true,
	"struck": true, "fought": true, "shot": true, "fled": true, "sought": true, "sold": true,
	"built": true, "broke": true, "chose": true, "drove": true, "drew": true, "flew": true,
	"knew": true, "meant": true, "spent": true, "threw": true, "withdrew": true, "heard": true,
	"grew": true, "wore": true, "sat": true, "slid": true, "swept": true, "overthrew": true,
	"forbade": true, "arose": true, "dealt": true, "hung": true, "lay": true, "sank": true,
	"sprang": true, "stole": true, "swore": true, "taught": true, "tore": true, "underwent": true,
	"upheld": true, "woke": true, "ago": false,
}

// notPast are words in -ed that are not past-tense verbs.
var notPast = map[string]bool{
	"united": true, "hundred": true, "indeed": true, "speed": true, "need": true, "proceed": true,
	"exceed": true, "succeed": true, "breed": true, "creed": true, "greed": true, "seed": true,
	"embed": true, "based": true, "related": true, "alleged": true, "armed": true, "limited": true,
	"detailed": true, "concerned": true, "interested": true, "supposed": true, "required": true,
}
