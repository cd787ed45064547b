// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies treebanks (https://universaldependencies.org/format.html).
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dateline-news/dateline/internal/gzfile"
)

// Word is one syntactic word: a line whose ID is a single integer.
type Word struct {
	ID     int // 1-based position in the sentence
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 for the root
	Deprel string
	Deps   string
	Misc   string
}

// SpaceAfter reports whether the word is followed by a space in the raw text.
func (w Word) SpaceAfter() bool { return !hasMisc(w.Misc, "SpaceAfter=No") }

// MultiToken is a range line such as "1-2 won't": one surface token made of
// several syntactic words.
type MultiToken struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one sentence with its comment lines.
type Sentence struct {
	Comments []string // without the leading "# "
	Words    []Word
	Multi    []MultiToken
}

// Comment returns the value of the comment "key = value", or "" when absent.
func (s *Sentence) Comment(key string) string {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Has reports whether the sentence has a comment that starts with key
// ("newdoc", "newpar").
func (s *Sentence) Has(key string) bool {
	for _, c := range s.Comments {
		if c == key || strings.HasPrefix(c, key+" ") {
			return true
		}
	}
	return false
}

// Text returns the sentence text: the "text" comment when present, else
// the forms joined as SpaceAfter says.
func (s *Sentence) Text() string {
	if t := s.Comment("text"); t != "" {
		return t
	}
	var b strings.Builder
	for _, tok := range s.Surface() {
		b.WriteString(tok.Form)
		if tok.SpaceAfter {
			b.WriteByte(' ')
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// SurfaceToken is one token of the raw text: a multiword token or a word
// outside any multiword token. Words lists the IDs it covers.
type SurfaceToken struct {
	Form        string
	SpaceAfter  bool
	First, Last int
}

// Surface returns the surface tokens of s in order.
func (s *Sentence) Surface() []SurfaceToken {
	var out []SurfaceToken
	m := 0
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		for m < len(s.Multi) && s.Multi[m].Last < w.ID {
			m++ // a range that matches no word: ignore it
		}
		if m < len(s.Multi) && s.Multi[m].First == w.ID {
			mt := s.Multi[m]
			out = append(out, SurfaceToken{Form: mt.Form, SpaceAfter: !hasMisc(mt.Misc, "SpaceAfter=No"), First: mt.First, Last: mt.Last})
			for i+1 < len(s.Words) && s.Words[i+1].ID <= mt.Last {
				i++
			}
			m++
			continue
		}
		out = append(out, SurfaceToken{Form: w.Form, SpaceAfter: w.SpaceAfter(), First: w.ID, Last: w.ID})
	}
	return out
}

func hasMisc(misc, item string) bool {
	for f := range strings.SplitSeq(misc, "|") {
		if f == item {
			return true
		}
	}
	return false
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	return &Reader{sc: sc}
}

// Next returns the next sentence, or io.EOF after the last one.
func (r *Reader) Next() (*Sentence, error) {
	s := &Sentence{}
	started := false
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if started {
				return s, nil
			}
			continue
		}
		started = true
		if strings.HasPrefix(line, "#") {
			s.Comments = append(s.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("conllu line %d: %d fields, want 10", r.line, len(f))
		}
		if a, b, ok := strings.Cut(f[0], "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || last < first {
				return nil, fmt.Errorf("conllu line %d: bad range %q", r.line, f[0])
			}
			s.Multi = append(s.Multi, MultiToken{First: first, Last: last, Form: f[1], Misc: f[9]})
			continue
		}
		if strings.Contains(f[0], ".") {
			continue // empty node of the enhanced graph
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("conllu line %d: bad id %q", r.line, f[0])
		}
		head := 0
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil {
				return nil, fmt.Errorf("conllu line %d: bad head %q", r.line, f[6])
			}
		}
		s.Words = append(s.Words, Word{ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4],
			Feats: f[5], Head: head, Deprel: f[7], Deps: f[8], Misc: f[9]})
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu line %d: %w", r.line, err)
	}
	if started {
		return s, nil
	}
	return nil, io.EOF
}

// ReadAll reads every sentence from r.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	cr := NewReader(r)
	var out []*Sentence
	for {
		s, err := cr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of a CoNLL-U file, gunzipping it when its
// name ends in ".gz".
func ReadFile(path string) ([]*Sentence, error) {
	r, err := gzfile.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	ss, err := ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return ss, nil
}

// Write writes s in CoNLL-U, ending with a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	m := 0
	for _, wd := range s.Words {
		for m < len(s.Multi) && s.Multi[m].Last < wd.ID {
			m++ // a range that matches no word: dropped
		}
		for m < len(s.Multi) && s.Multi[m].First == wd.ID {
			mt := s.Multi[m]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", mt.First, mt.Last, mt.Form, or(mt.Misc))
			m++
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", wd.ID, wd.Form, or(wd.Lemma), or(wd.UPOS),
			or(wd.XPOS), or(wd.Feats), wd.Head, or(wd.Deprel), or(wd.Deps), or(wd.Misc))
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func or(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
