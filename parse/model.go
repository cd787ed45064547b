package parse

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dateline-news/dateline/data"
	"github.com/dateline-news/dateline/internal/perceptron"
)

// Files of a parser model inside a model folder.
const (
	TransFile = "parser.gz"        // transition weights
	LabelFile = "parser-labels.gz" // relation weights
	RelsFile  = "parser-rels.gz"   // the relations, one a line
)

// Prune is the smallest weight a saved model keeps: smaller ones, mostly
// of features seen once or twice, cost space and do not help on dev.
const Prune = 1.5

// New returns the parser shipped inside the binary. Its models are loaded
// once and shared by every Parser New returns.
func New() (*Parser, error) {
	p, err := shipped()
	if err != nil {
		return nil, err
	}
	c := *p
	return &c, nil
}

var shipped = sync.OnceValues(func() (*Parser, error) {
	sub, err := fs.Sub(data.Models, "models")
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	return Load(sub)
})

// Load reads a parser from the model folder fsys: the relations and the
// weights of every ensemble member present.
func Load(fsys fs.FS) (*Parser, error) {
	p := &Parser{Beam: DefaultBeam}
	f, err := fsys.Open(RelsFile)
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("load parser: %s: %w", RelsFile, err)
	}
	b, err := io.ReadAll(gz)
	if err != nil {
		return nil, fmt.Errorf("load parser: %s: %w", RelsFile, err)
	}
	p.labels = strings.Fields(string(b))
	p.root = slices.Index(p.labels, "root")
	var names []string
	for i := 0; ; i++ {
		t, l := memberFiles(i)
		if _, err := fs.Stat(fsys, t); err != nil {
			if i == 0 {
				return nil, fmt.Errorf("load parser: %w", err)
			}
			break
		}
		names = append(names, t, l)
	}
	// read the files two at a time: there are two cores to use
	models := make([]*perceptron.Model, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() { models[i], errs[i] = readModel(fsys, name) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("load parser: %w", err)
		}
		want := nTrans
		if i%2 == 1 {
			want = len(p.labels)
		}
		if models[i].Classes != want || len(p.labels) == 0 {
			return nil, fmt.Errorf("load parser: %s: %d classes, want %d: %w", names[i], models[i].Classes, want, perceptron.ErrFormat)
		}
		if i%2 == 0 {
			p.trans = append(p.trans, models[i])
		} else {
			p.label = append(p.label, models[i])
		}
	}
	return p, nil
}

// memberFiles returns the transition and label weight files of ensemble
// member i: parser.gz and parser-labels.gz, then parser-2.gz and
// parser-labels-2.gz, ...
func memberFiles(i int) (trans, label string) {
	if i == 0 {
		return TransFile, LabelFile
	}
	n := strconv.Itoa(i + 1)
	return "parser-" + n + ".gz", "parser-labels-" + n + ".gz"
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

// Save writes the parser's files into dir.
func (p *Parser) Save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	write := func(name string, m *perceptron.Model, prune float32) error {
		var b bytes.Buffer
		if err := m.Write(&b, prune, 1.0/32); err != nil {
			return fmt.Errorf("save parser: %w", err)
		}
		return os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644)
	}
	for i := range p.trans {
		t, l := memberFiles(i)
		if err := write(t, p.trans[i], Prune); err != nil {
			return err
		}
		if err := write(l, p.label[i], Prune); err != nil {
			return err
		}
	}
	var b bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	gz.Write([]byte(strings.Join(p.labels, "\n") + "\n"))
	if err := gz.Close(); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, RelsFile), b.Bytes(), 0o644)
}
