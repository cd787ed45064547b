// Package gzfile opens data files that may be gzip-compressed, as the
// training data, corpora and shipped dictionaries are.
package gzfile

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
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

// ReadAll decompresses the gzip stream r whole, at most limit bytes of it.
// When r can seek, as a file can, the result is one buffer of the size
// the stream's trailer gives, without the copies of a growing buffer.
func ReadAll(r io.Reader, limit int) ([]byte, error) {
	size := min(trailerSize(r), limit)
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(zr, int64(limit))); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// trailerSize returns the uncompressed size that the trailer of the gzip
// stream r gives, when r is an [io.ReadSeeker], and leaves r where it was;
// else, or when the trailer cannot be read, it returns 0. It is a hint:
// nothing checks it before the stream ends.
func trailerSize(r io.Reader) int {
	rs, ok := r.(io.ReadSeeker)
	if !ok {
		return 0
	}
	at, err := rs.Seek(0, io.SeekCurrent)
	if err != nil {
		return 0
	}
	defer rs.Seek(at, io.SeekStart)
	var b [4]byte
	if _, err := rs.Seek(-4, io.SeekEnd); err != nil {
		return 0
	}
	if _, err := io.ReadFull(rs, b[:]); err != nil {
		return 0
	}
	return int(binary.LittleEndian.Uint32(b[:]))
}
