package timex

import (
	"strings"
	"unicode/utf8"

	"github.com/dateline-news/dateline/conllu"
)

// GoldFromGUM turns a GUM treebank (UD English-GUM, CoNLL-U) into time
// evaluation documents: GUM keeps its TEI markup in MISC as
// XML=<date when:::"2015">…</date>, and the creation date of each document
// as "meta::dateCreated". A "when" gives the value, "from"/"to" a range;
// "notBefore"/"notAfter" spans are scored on span only. GUM marks dates and
// times, not durations or sets, so only DATE and TIME are scored.
func GoldFromGUM(sents []*conllu.Sentence) []GoldDoc {
	var out []GoldDoc
	var cur *GoldDoc
	var text strings.Builder
	n := 0 // code points written
	type open struct {
		tag, value string
		start      int
	}
	var stack []open
	flush := func() {
		if cur != nil {
			cur.Text = text.String()
			out = append(out, *cur)
		}
	}
	for _, s := range sents {
		if id := s.Comment("newdoc id"); id != "" || cur == nil {
			flush()
			cur = &GoldDoc{ID: id, Types: []string{"DATE", "TIME"}, Intervals: true, Timexes: []GoldTimex{}}
			text.Reset()
			n, stack = 0, stack[:0]
		}
		if d := s.Comment("meta::dateCreated"); d != "" {
			cur.DCT = d
		}
		st := s.Text()
		if n > 0 {
			sep := " "
			if s.Has("newpar") {
				sep = "\n\n"
			}
			text.WriteString(sep)
			n += len(sep)
		}
		base := n
		text.WriteString(st)
		n += utf8.RuneCountInString(st)
		// locate each surface token in the sentence text
		pos := 0 // byte cursor in st
		wordSpan := map[int][2]int{}
		for _, tk := range s.Surface() {
			i := strings.Index(st[pos:], tk.Form)
			if i < 0 {
				continue
			}
			b0 := pos + i
			b1 := b0 + len(tk.Form)
			c0 := base + utf8.RuneCountInString(st[:b0])
			c1 := c0 + utf8.RuneCountInString(tk.Form)
			for w := tk.First; w <= tk.Last; w++ {
				wordSpan[w] = [2]int{c0, c1}
			}
			pos = b1
		}
		for _, w := range s.Words {
			xml := miscValue(w.Misc, "XML")
			if xml == "" {
				continue
			}
			sp, ok := wordSpan[w.ID]
			if !ok {
				continue
			}
			for xml != "" {
				i := strings.IndexByte(xml, '<')
				if i < 0 {
					break
				}
				j := strings.IndexByte(xml[i:], '>')
				if j < 0 {
					break
				}
				tag := xml[i+1 : i+j]
				xml = xml[i+j+1:]
				switch {
				case strings.HasPrefix(tag, "date") || strings.HasPrefix(tag, "time"):
					stack = append(stack, open{tag: tag[:4], value: gumValue(tag), start: sp[0]})
				case tag == "/date" || tag == "/time":
					for k := len(stack) - 1; k >= 0; k-- {
						if stack[k].tag == tag[1:] {
							o := stack[k]
							stack = append(stack[:k], stack[k+1:]...)
							typ := "DATE"
							if o.tag == "time" {
								typ = "TIME"
							}
							cur.Timexes = append(cur.Timexes, GoldTimex{Start: o.start, End: sp[1], Type: typ, Value: o.value})
							break
						}
					}
				}
			}
		}
	}
	flush()
	for i := range out {
		d := &out[i]
		rs := []rune(d.Text)
		for j := range d.Timexes {
			t := &d.Timexes[j]
			if t.End <= len(rs) && t.Start < t.End {
				t.Text = string(rs[t.Start:t.End])
			}
		}
		sortGold(d.Timexes)
	}
	return out
}

func sortGold(ts []GoldTimex) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Start < ts[j-1].Start; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// miscValue returns the value of key in a MISC field.
func miscValue(misc, key string) string {
	for f := range strings.SplitSeq(misc, "|") {
		if k, v, ok := strings.Cut(f, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// gumValue reads the value of a TEI date tag: when:::"2015" gives 2015,
// from:::"a" to:::"b" gives a/b, anything else no value.
func gumValue(tag string) string {
	attr := func(name string) string {
		i := strings.Index(tag, name+`:::"`)
		if i < 0 {
			return ""
		}
		rest := tag[i+len(name)+4:]
		j := strings.IndexByte(rest, '"')
		if j < 0 {
			return ""
		}
		return rest[:j]
	}
	if w := attr("when"); w != "" {
		return w
	}
	if f, t := attr("from"), attr("to"); f != "" && t != "" {
		return f + "/" + t
	}
	return ""
}
