package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A passage written for the test: two states, a treaty, a war.
const relationsPassage = `= Chile and Peru =

On June 3, 1929, Chile and Peru signed the Treaty of Lima. In 1930, Chile granted Peru a credit of 5 million dollars.

On April 5, 1932, Chile invaded Peru.
`

func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRelationsCommand(t *testing.T) {
	in := writeTemp(t, "passage.txt", relationsPassage)
	code, out, errOut := run(t, "", "relations", "CHL", "PER", "--by", "year", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Relations CHL–PER by year", "Weighting:", "×0.5", "1929", "1932", "Treaty of Lima"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = run(t, "", "relations", "CHL", "PER", "--format", "json", in)
	if code != 0 {
		t.Fatalf("json exit %d", code)
	}
	var got struct {
		Index struct {
			Weighting string `json:"weighting"`
			Points    []struct {
				Period string  `json:"period"`
				Score  float64 `json:"score"`
				Count  int     `json:"count"`
			} `json:"points"`
		} `json:"index"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	byYear := map[string]float64{}
	for _, p := range got.Index.Points {
		byYear[p.Period] = p.Score
	}
	if byYear["1929"] <= 0 || byYear["1932"] >= 0 || got.Index.Weighting == "" {
		t.Errorf("index %+v: want cooperation in 1929, conflict in 1932, the weighting stated", got.Index)
	}

	code, out, _ = run(t, "", "relations", "CHL", "PER", "--format", "csv", in)
	if code != 0 || !strings.HasPrefix(out, "period,score,count,cooperation,conflict,events,weighting\n") {
		t.Errorf("csv exit %d:\n%s", code, out)
	}

	svg := filepath.Join(t.TempDir(), "rel.svg")
	if code, _, errOut := run(t, "", "relations", "CHL", "PER", "--plot", svg, in); code != 0 {
		t.Fatalf("plot exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(svg)
	if err != nil || !strings.Contains(string(b), "<svg") || !strings.Contains(string(b), "Treaty of Lima") {
		t.Errorf("plot %s: %v, %d bytes", svg, err, len(b))
	}
}

func TestRelationsUsage(t *testing.T) {
	in := writeTemp(t, "passage.txt", relationsPassage)
	for _, args := range [][]string{
		{"relations", "CHL"},
		{"relations", "CHL", "PER", "--by", "week", in},
		{"relations", "CHL", "PER", "--format", "xml", in},
		{"relations", "CHL", "PER", "--plot", "out.gif", in},
		{"relations", "CHL", "PER", "--verbal-weight", "2", in},
	} {
		if code, _, errOut := run(t, "", args...); code != 2 || strings.Count(errOut, "\n") > 2 {
			t.Errorf("%v: exit %d, want 2 with one line; stderr %q", args, code, errOut)
		}
	}
	if code, _, errOut := run(t, "", "relations", "CHL", "PER", "/no/such/file.txt"); code != 1 || !strings.Contains(errOut, "/no/such/file.txt") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
}

func TestEvalEventsCommand(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "", "eval", "events", "--gold", filepath.Join(root, "testdata", "gold"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"events ", "treaties ", "tenures ", "per type", "modality"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if code, _, _ := run(t, "", "eval", "events", "--gold", t.TempDir()); code != 1 {
		t.Errorf("empty gold dir: exit %d, want 1", code)
	}
}
