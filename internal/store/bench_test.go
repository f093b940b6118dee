package store_test

import (
	"context"
	"testing"

	"github.com/chronicle-history/chronicle/internal/store"
	"github.com/chronicle-history/chronicle/internal/synth"
)

// BenchmarkIngest stores fully annotated synthetic documents (200 events
// each, with their sentences, timexes, mentions and treaties) and reports
// the store's write throughput in MB/s of document text. Run:
//
//	go test -run '^$' -bench Ingest -benchtime 50x ./internal/store/
//	(with CHRONICLE_TEST_POSTGRES set for the postgres figure)
func BenchmarkIngest(b *testing.B) {
	for _, be := range backends(b) {
		b.Run(be.name, func(b *testing.B) {
			ctx := context.Background()
			s, err := store.Open(ctx, be.dsn(b), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			docs := make([]int, b.N)
			var size int64
			for i := range docs {
				size += int64(synth.Document(7, i, 200).Size)
			}
			b.SetBytes(size / int64(b.N))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				d := synth.Document(7, i, 200)
				b.StartTimer()
				if _, err := s.Ingest(ctx, d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
