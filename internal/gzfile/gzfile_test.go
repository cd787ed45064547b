package gzfile

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "a.txt")
	os.WriteFile(plain, []byte("hello"), 0o644)
	zipped := filepath.Join(dir, "a.txt.gz")
	f, _ := os.Create(zipped)
	zw := gzip.NewWriter(f)
	zw.Write([]byte("hello"))
	zw.Close()
	f.Close()
	bad := filepath.Join(dir, "bad.gz")
	os.WriteFile(bad, []byte("not gzip"), 0o644)
	for _, p := range []string{plain, zipped} {
		r, err := Open(p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil || string(b) != "hello" {
			t.Errorf("%s: %q, %v", p, b, err)
		}
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	}
	if _, err := Open(bad); err == nil {
		t.Error("a file that is not gzip opened")
	}
	if _, err := Open(filepath.Join(dir, "none")); err == nil {
		t.Error("a missing file opened")
	}
}

func TestReadAll(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	want := bytes.Repeat([]byte("dateline "), 10000)
	zw.Write(want)
	zw.Close()
	for _, r := range []io.Reader{bytes.NewReader(b.Bytes()), bytes.NewBuffer(b.Bytes())} {
		got, err := ReadAll(r, 1<<20)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%T: %d bytes, %v; want %d", r, len(got), err, len(want))
		}
	}
	if got, _ := ReadAll(bytes.NewReader(b.Bytes()), 100); len(got) != 100 {
		t.Errorf("limit 100: %d bytes", len(got))
	}
	if _, err := ReadAll(bytes.NewReader([]byte("not gzip")), 100); err == nil {
		t.Error("no error for a stream that is not gzip")
	}
}
