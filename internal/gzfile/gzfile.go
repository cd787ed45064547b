// Package gzfile opens data files that may be gzip-compressed, as the
// training data, corpora and shipped dictionaries are.
package gzfile

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
)

// Open opens path for reading, decompressing it when its name ends in
// ".gz". Closing the result closes the file.
func Open(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return readCloser{zr, f}, nil
}

// readCloser reads from the decompressor and closes both it and the file.
type readCloser struct {
	*gzip.Reader
	f *os.File
}

func (r readCloser) Close() error {
	err := r.Reader.Close()
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	return err
}
