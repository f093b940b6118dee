package cli

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/record"
	"github.com/chronicle-history/chronicle/internal/store"
)

// TestStoreRelationsAgreeWithRecord checks that the store's relations
// series (computed in SQL over the pair index, for the API) gives the same
// scores and counts as record.Relations over the pipeline's events (the
// relations command), on the built-in corpus. By quarter they differ on
// purpose for seasons: record maps a season to a quarter (summer → Q3),
// the store leaves it unplaced, as a season straddles two quarters.
func TestStoreRelationsAgreeWithRecord(t *testing.T) {
	ctx := context.Background()
	p, _ := pipeline.Default(read.Options{})
	d, err := p.Founding(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "r.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Ingest(ctx, d); err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]string{{"DEU", "SUN"}, {"SUN", "POL"}, {"DEU", "POL"}} {
		for _, by := range []string{"year", "month"} {
			ix, err := record.Relations(d.Events, pair[0], pair[1], by, record.DefaultWeighting())
			if err != nil {
				t.Fatal(err)
			}
			s, err := st.Relations(ctx, store.RelationsQuery{A: pair[0], B: pair[1], By: by})
			if err != nil {
				t.Fatal(err)
			}
			want := map[string][2]float64{}
			for _, pt := range ix.Points {
				if pt.Count > 0 {
					want[pt.Period] = [2]float64{pt.Score, float64(pt.Count)}
				}
			}
			got := map[string][2]float64{}
			for _, pt := range s.Points {
				if pt.Count > 0 {
					got[pt.Period] = [2]float64{pt.Score, float64(pt.Count)}
				}
			}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%v by %s, %s: store %v, record %v", pair, by, k, got[k], v)
				}
			}
			for k, v := range got {
				if _, ok := want[k]; !ok {
					t.Errorf("%v by %s, %s: store %v, record none", pair, by, k, v)
				}
			}
			if s.UnplacedCount != ix.Unplaced {
				t.Errorf("%v by %s: unplaced store %d, record %d", pair, by, s.UnplacedCount, ix.Unplaced)
			}
		}
	}
}
