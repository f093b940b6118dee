package bench

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/chronicle-history/chronicle/internal/store"
)

// TestBenchTools runs the generator, the query timer and the load
// generator on a small store: they must work and stop by themselves.
func TestBenchTools(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "b.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Generate(ctx, st, 500, 200, nil); err != nil {
		t.Fatal(err)
	}
	stats, _ := st.Stats(ctx)
	if stats.Counts.Events != 600 || stats.Counts.Documents != 3 {
		t.Fatalf("generated %+v", stats.Counts)
	}
	// Resuming adds nothing when the store is full enough.
	if err := Generate(ctx, st, 500, 200, nil); err != nil {
		t.Fatal(err)
	}
	ls, err := Queries(ctx, st, 3, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != len(queries()) || ls[0].N != 3 || ls[0].P50 <= 0 || ls[0].P99 < ls[0].P50 {
		t.Fatalf("latencies %+v", ls)
	}
	res, err := API(ctx, st, 5, 60, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != 60 || res.Errors != 0 || res.PerSecond <= 0 {
		t.Fatalf("load %+v", res)
	}
}
