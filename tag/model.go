package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/dateline-news/dateline/data"
	"github.com/dateline-news/dateline/internal/gzfile"
	"github.com/dateline-news/dateline/internal/perceptron"
)

// Files of a tagger model inside a model folder.
const (
	WeightsFile = "tagger.gz"        // perceptron weights, left to right
	BackFile    = "tagger-back.gz"   // perceptron weights, right to left (optional)
	LexFile     = "tagger-lex.gz"    // labels, tag dictionary, features, lemmas
	WordNetFile = "lemma-wordnet.gz" // WordNet exceptions and lemma index
)

// Prune is the smallest weight a saved tagger keeps: smaller ones cost
// space and do not help on dev.
const Prune = 0.5

// weightStep is what a saved tagger's weights are multiples of.
const weightStep = 1.0 / 64

// New returns the tagger shipped inside the binary. It is loaded once and
// shared: a Tagger is read-only.
func New() (*Tagger, error) { return shipped() }

var shipped = sync.OnceValues(func() (*Tagger, error) {
	sub, err := fs.Sub(data.Models, "models")
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	return Load(sub)
})

// Load reads a tagger from the model folder fsys.
func Load(fsys fs.FS) (*Tagger, error) {
	// the two weight files load beside the lexicon
	type result struct {
		m   *perceptron.Model
		err error
	}
	back := make(chan result, 1)
	go func() {
		m, err := readModel(fsys, BackFile)
		if errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
		back <- result{m, err}
	}()
	fwd := make(chan result, 1)
	go func() {
		m, err := readModel(fsys, WeightsFile)
		fwd <- result{m, err}
	}()
	t := &Tagger{words: map[string]*entry{}, lem: &Lemmatizer{table: map[lemmaKey]string{}}}
	lex, err := readGzip(fsys, LexFile)
	if err == nil {
		err = t.parseLex(lex)
	}
	var wn string
	if err == nil {
		wn, err = readGzip(fsys, WordNetFile)
	}
	if err == nil {
		t.lem.exc, t.lem.index, err = parseWordNet(wn)
	}
	f, b := <-fwd, <-back
	for _, e := range []error{err, f.err, b.err} {
		if e != nil {
			return nil, fmt.Errorf("load tagger: %w", e)
		}
	}
	t.model, t.back = f.m, b.m
	if len(t.labels) != t.model.Classes || (t.back != nil && t.back.Classes != t.model.Classes) {
		return nil, fmt.Errorf("load tagger: %d labels for %d classes: %w", len(t.labels), t.model.Classes, perceptron.ErrFormat)
	}
	t.buildCache(weightStep)
	return t, nil
}

func readModel(fsys fs.FS, name string) (*perceptron.Model, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := perceptron.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

func readGzip(fsys fs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := gzfile.ReadAll(f, 1<<28)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return string(b), nil
}

// Save writes the tagger's files into dir.
func (t *Tagger) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	var w bytes.Buffer
	if err := t.model.Write(&w, Prune, weightStep); err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, WeightsFile), w.Bytes(), 0o644); err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	if t.back != nil {
		w.Reset()
		if err := t.back.Write(&w, Prune, weightStep); err != nil {
			return fmt.Errorf("save tagger: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, BackFile), w.Bytes(), 0o644); err != nil {
			return fmt.Errorf("save tagger: %w", err)
		}
	}
	if err := writeGzip(filepath.Join(dir, LexFile), t.writeLex); err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	wn := func(w io.Writer) error { return writeWordNet(w, t.lem.exc, t.lem.index) }
	if err := writeGzip(filepath.Join(dir, WordNetFile), wn); err != nil {
		return fmt.Errorf("save tagger: %w", err)
	}
	return nil
}

func writeGzip(path string, write func(io.Writer) error) error {
	var b bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err := write(gz); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// writeLex writes the sections "#labels", "#dict", "#amb", "#feats" and
// "#lemmas", tab-separated, in sorted order.
func (t *Tagger) writeLex(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "#labels\n")
	for _, l := range t.labels {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", l.UPOS, l.XPOS, l.Feats)
	}
	words := sortedKeys(t.words)
	fmt.Fprintf(bw, "#dict\n")
	for _, k := range words {
		if e := t.words[k]; e.dict >= 0 {
			fmt.Fprintf(bw, "%s\t%d\n", k, e.dict)
		}
	}
	fmt.Fprintf(bw, "#amb\n")
	for _, k := range words {
		if e := t.words[k]; e.hasAmb {
			fmt.Fprintf(bw, "%s\t%x\t%s\n", k, e.amb, ints(e.cands))
		}
	}

	fmt.Fprintf(bw, "#feats\n")
	feats := map[string]string{}
	for k, e := range t.words {
		for _, f := range e.feats {
			feats[k+"\t"+strconv.Itoa(f.label)] = f.feats
		}
	}
	for _, k := range sortedKeys(feats) {
		fmt.Fprintf(bw, "%s\t%s\n", k, feats[k])
	}
	fmt.Fprintf(bw, "#lemmas\n")
	lemmas := make(map[string]string, len(t.lem.table))
	for k, l := range t.lem.table {
		lemmas[k.form+"\t"+k.xpos] = l
	}
	for _, k := range sortedKeys(lemmas) {
		fmt.Fprintf(bw, "%s\t%s\n", k, lemmas[k])
	}
	return bw.Flush()
}

var errBadLex = errors.New("lexicon: bad line")

func (t *Tagger) parseLex(text string) error {
	sec := ""
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") && !strings.Contains(line, "\t") {
			sec = line[1:]
			continue
		}
		f := strings.Split(line, "\t")
		bad := errBadLex
		switch sec {
		case "labels":
			if len(f) != 3 {
				return bad
			}
			t.labels = append(t.labels, label{UPOS: f[0], XPOS: f[1], Feats: f[2]})
		case "dict":
			y, err := strconv.Atoi(f[len(f)-1])
			if len(f) != 2 || err != nil || y < 0 || y >= len(t.labels) {
				return bad
			}
			t.add(f[0]).dict = y
		case "amb":
			if len(f) != 3 {
				return bad
			}
			h, err := strconv.ParseUint(f[1], 16, 64)
			cs, err2 := t.parseInts(f[2])
			if err != nil || err2 != nil {
				return bad
			}
			e := t.add(f[0])
			e.amb, e.hasAmb = h, true
			if cs != nil {
				e.cands = cs
			}

		case "feats":
			y, err := strconv.Atoi(f[min(1, len(f)-1)])
			if len(f) != 3 || err != nil || y < 0 || y >= len(t.labels) || strconv.Itoa(y) != f[1] {
				return bad
			}
			e := t.add(f[0])
			e.feats = append(e.feats, wordFeat{y, f[2]})
		case "lemmas":
			if len(f) != 3 {
				return bad
			}
			t.lem.table[lemmaKey{f[0], f[1]}] = f[2]
		default:
			return bad
		}
	}
	return nil
}

func ints(a []int) string {
	var b strings.Builder
	for i, x := range a {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(x))
	}
	return b.String()
}

// parseInts reads a comma-separated list of labels.
func (t *Tagger) parseInts(s string) ([]int, error) {
	var out []int
	if s == "" {
		return nil, nil
	}
	for f := range strings.SplitSeq(s, ",") {
		y, err := strconv.Atoi(f)
		if err != nil || y < 0 || y >= len(t.labels) {
			return nil, fmt.Errorf("bad label %q", f)
		}
		out = append(out, y)
	}
	return out, nil
}
