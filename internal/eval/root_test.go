package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// repoRoot finds the repository root (the folder holding go.mod), where the
// gold sets live under testdata/gold.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("go.mod not found")
		}
		dir = up
	}
}
