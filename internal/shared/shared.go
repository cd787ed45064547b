// Package shared finds ../shared, the training data, corpora and gold that
// sit beside the repository, for tests and benchmarks. It is absent on a
// bare clone: tests that need it skip with a message that says so.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the path of the shared folder beside the module root, or ""
// when it is absent.
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(filepath.Dir(dir), "shared")
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the path of rel inside the shared folder, skipping tb with a
// clear message when the shared folder or the file is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("../shared is absent (a bare clone): skipping a test that needs its data")
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("../shared/%s is absent: skipping", rel)
	}
	return p
}
