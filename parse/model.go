package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

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

// New returns the parser shipped inside the binary.
func New() (*Parser, error) {
	sub, err := fs.Sub(data.Models, "models")
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	return Load(sub)
}

// Load reads a parser from the model folder fsys.
func Load(fsys fs.FS) (*Parser, error) {
	p := &Parser{}
	var err error
	labelErr := make(chan error, 1)
	go func() {
		var err error
		p.label, err = readModel(fsys, LabelFile)
		labelErr <- err
	}()
	p.trans, err = readModel(fsys, TransFile)
	if lerr := <-labelErr; err == nil {
		err = lerr
	}
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
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
	if p.trans.Classes != nTrans || p.label.Classes != len(p.labels) || len(p.labels) == 0 {
		return nil, fmt.Errorf("load parser: %d relations for %d classes: %w", len(p.labels), p.label.Classes, perceptron.ErrFormat)
	}
	p.root = slices.Index(p.labels, "root")
	return p, nil
}

func readModel(fsys fs.FS, name string) (*perceptron.Model, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := perceptron.Read(bufio.NewReaderSize(f, 1<<16))
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
	if err := write(TransFile, p.trans, Prune); err != nil {
		return err
	}
	if err := write(LabelFile, p.label, Prune); err != nil {
		return err
	}
	var b bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	gz.Write([]byte(strings.Join(p.labels, "\n") + "\n"))
	if err := gz.Close(); err != nil {
		return fmt.Errorf("save parser: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, RelsFile), b.Bytes(), 0o644)
}
