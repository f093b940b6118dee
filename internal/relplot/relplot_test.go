package relplot

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/record"
)

func TestRender(t *testing.T) {
	ix := record.Index{By: record.ByYear, Weighting: "weights stated here", Points: []record.Point{
		{Period: "1922", Score: 5, Count: 1, Cooperation: 5},
		{Period: "1923"},
		{Period: "1924", Score: -9, Count: 1, Conflict: -9},
	}}
	markers := []record.Marker{{Date: "1922-04-16", Label: "Treaty of Rapallo"}, {Date: "1930", Label: "outside"}}
	svg, err := Render(ix, markers, "Relations A–B", ".svg")
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	for _, want := range []string{"<svg", "Relations A–B", "weights stated here", "Treaty of Rapallo (1922-04-16)", "1924"} {
		if !strings.Contains(s, want) {
			t.Errorf("svg lacks %q", want)
		}
	}
	if strings.Contains(s, "outside") {
		t.Error("a marker outside the index was drawn")
	}
	png, err := Render(ix, markers, "Relations A–B", ".PNG")
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("png: %v", err)
	}
	if _, err := Render(record.Index{By: record.ByYear}, nil, "empty", ".svg"); err != nil {
		t.Errorf("empty index: %v", err)
	}
	if _, err := Render(ix, nil, "x", ".gif"); err == nil {
		t.Error("gif accepted")
	}
	if CheckPath("a/b.svg") != nil || CheckPath("b.png") != nil || CheckPath("b.pdf") == nil {
		t.Error("CheckPath")
	}
}
