package gzfile

import (
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
