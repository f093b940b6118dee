package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func repoRoot(t *testing.T) string {
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

func TestEvalTimexSeed(t *testing.T) {
	gold := filepath.Join(repoRoot(t), "testdata", "gold", "seed-dev", "timex.jsonl")
	code, out, errs := run(t, "", "eval", "timex", "--gold", gold, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res []struct {
		Set     string `json:"set"`
		Overall struct {
			Gold  int `json:"gold"`
			Value struct {
				F1 float64 `json:"f1"`
			} `json:"value"`
		} `json:"overall"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if len(res) != 1 || res[0].Overall.Gold != 161 || res[0].Overall.Value.F1 < 0.9 {
		t.Errorf("unexpected result %+v", res)
	}
}

func TestEvalTimexErrorsTable(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "testdata", "gold", "wikiwars-dev", "keyinline")
	code, out, errs := run(t, "", "eval", "timex", "--gold", dir, "--errors")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"wikiwars-dev/keyinline", "01_WW2", "overall", "lenient P", "miss"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestEvalTimexBadGold(t *testing.T) {
	code, _, errs := run(t, "", "eval", "timex", "--gold", filepath.Join(t.TempDir(), "none"))
	if code != 1 || !strings.Contains(errs, "none") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	code, _, _ = run(t, "", "eval", "timex", "--format", "yaml")
	if code != 2 {
		t.Errorf("bad --format: exit %d, want 2", code)
	}
}
