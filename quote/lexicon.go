package quote

import (
	"bufio"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/dateline-news/dateline/data"
)

// Cue kinds, the second field of a lexicon line.
const (
	KindSpeech     = "speech"
	KindCognition  = "cognition"
	KindAccusation = "accusation"
	KindNaming     = "naming"
	KindSource     = "source"
)

// Cue frames, the third field of a lexicon line: how the content follows
// the cue.
const (
	FrameClause = "clause" // a content clause, with or without "that"
	FrameThat   = "that"   // a content clause after "that", or a quotation
	FrameObject = "object" // an optional listener, then the clause
	FrameOf     = "of"     // an object, then "of" and the accusation
	FrameName   = "name"   // an optional object, then a quotation
	FrameSource = "source" // "according to" and its source
)

// Entry is one cue of the lexicon.
type Entry struct {
	Lemma string   // written into Cue.Lemma: "say", "according to"
	Kind  string   // one of the Kind constants
	Frame string   // one of the Frame constants
	Forms []string // lower-case forms, each one or more space-separated words
}

// Lexicon is the set of cues, indexed by the first word of each form.
type Lexicon struct {
	Entries []Entry
	byFirst map[string][]form
}

// form is one inflected form split into words.
type form struct {
	words []string
	entry int
}

// DefaultLexicon reads the shipped lexicon, data/quotes/cues.txt.
func DefaultLexicon() (*Lexicon, error) {
	return LoadLexicon(data.Quotes, "quotes/cues.txt")
}

// LoadLexicon reads the lexicon file name from fsys.
func LoadLexicon(fsys fs.FS, name string) (*Lexicon, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("load quote cues: %w", err)
	}
	lx, err := ParseLexicon(string(b))
	if err != nil {
		return nil, fmt.Errorf("load quote cues %s: %w", name, err)
	}
	return lx, nil
}

var kinds = map[string]bool{KindSpeech: true, KindCognition: true, KindAccusation: true, KindNaming: true, KindSource: true}
var frames = map[string]bool{FrameClause: true, FrameThat: true, FrameObject: true, FrameOf: true, FrameName: true, FrameSource: true}

// ParseLexicon reads a lexicon in the format of data/quotes/cues.txt:
// "lemma | kind | frame | form, form, ..." per line, "#" comments.
func ParseLexicon(text string) (*Lexicon, error) {
	lx := &Lexicon{byFirst: map[string][]form{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: want 4 fields separated by \"|\", got %d", n, len(f))
		}
		e := Entry{
			Lemma: strings.Join(strings.Fields(strings.ToLower(f[0])), " "),
			Kind:  strings.TrimSpace(f[1]),
			Frame: strings.TrimSpace(f[2]),
		}
		if e.Lemma == "" {
			return nil, fmt.Errorf("line %d: empty lemma", n)
		}
		if !kinds[e.Kind] {
			return nil, fmt.Errorf("line %d: unknown kind %q", n, e.Kind)
		}
		if !frames[e.Frame] {
			return nil, fmt.Errorf("line %d: unknown frame %q", n, e.Frame)
		}
		for _, s := range strings.Split(f[3], ",") {
			w := strings.Fields(strings.ToLower(s))
			if len(w) == 0 {
				continue
			}
			e.Forms = append(e.Forms, strings.Join(w, " "))
			lx.byFirst[w[0]] = append(lx.byFirst[w[0]], form{words: w, entry: len(lx.Entries)})
		}
		if len(e.Forms) == 0 {
			return nil, fmt.Errorf("line %d: no forms", n)
		}
		lx.Entries = append(lx.Entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n, err)
	}
	if len(lx.Entries) == 0 {
		return nil, fmt.Errorf("no cues: %w", errEmptyLexicon)
	}
	for k, fs := range lx.byFirst {
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].words) > len(fs[j].words) })
		lx.byFirst[k] = fs
	}
	return lx, nil
}

// match returns the entry whose form starts at words[i] (lower-case word
// texts) and the number of words it covers; ok is false when none does.
func (lx *Lexicon) match(low func(int) string, i, n int) (e int, size int, ok bool) {
	for _, f := range lx.byFirst[low(i)] {
		if i+len(f.words) > n {
			continue
		}
		all := true
		for k := 1; k < len(f.words); k++ {
			if low(i+k) != f.words[k] {
				all = false
				break
			}
		}
		if all {
			return f.entry, len(f.words), true
		}
	}
	return 0, 0, false
}
