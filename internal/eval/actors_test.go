package eval

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/chronicle-history/chronicle/internal/actor"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
)

// TestActorRecallFloor guards the recall reached on seed-dev (see
// docs/actors.md): states 265/277, persons 69/70, organisations 31/33 when
// it was set. It fails if a change loses more than the floor allows.
func TestActorRecallFloor(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "testdata", "gold", "seed-dev")
	events, err := LoadJSONL[SeedEvent](filepath.Join(dir, "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	actors, err := LoadJSONL[SeedActor](filepath.Join(dir, "actors.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Default(read.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Founding(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	reg, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := ScoreActors(d, reg, events, actors)
	if len(sc.Unplaced) > 0 {
		t.Errorf("quotes not found in the corpus: %v", sc.Unplaced)
	}
	floors := map[string]float64{"state": 0.95, "person": 0.90, "organization": 0.90}
	for kind, floor := range floors {
		if r := sc.ByKind[kind]; r.Recall() < floor {
			t.Errorf("%s recall %.3f (%d/%d) is below the floor %.2f", kind, r.Recall(), r.Found, r.Gold, floor)
		}
	}
}

func TestFindQuote(t *testing.T) {
	text := "The treaty was signed\nby both sides on May 5."
	tests := []struct {
		name, quote string
		lo, hi      int
		ok          bool
	}{
		{"verbatim", "was signed", 11, 21, true},
		{"across a line break", "signed by both", 15, 29, true},
		{"absent", "was ratified", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi, ok := findQuote(text, tc.quote)
			if lo != tc.lo || hi != tc.hi || ok != tc.ok {
				t.Errorf("findQuote = %d, %d, %v; want %d, %d, %v", lo, hi, ok, tc.lo, tc.hi, tc.ok)
			}
		})
	}
}
