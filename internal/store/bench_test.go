package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"

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

// BenchmarkIngestFounding stores the pipeline's reading of the founding
// article (read once, outside the timing) again and again under new
// names: the store's write throughput on real text and real annotation
// density. Run:
//
//	go test -run '^$' -bench IngestFounding -benchtime 20x ./internal/store/
func BenchmarkIngestFounding(b *testing.B) {
	p, err := pipeline.Default(read.Options{})
	if err != nil {
		b.Fatal(err)
	}
	d, err := p.Founding(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for _, be := range backends(b) {
		b.Run(be.name, func(b *testing.B) {
			ctx := context.Background()
			s, err := store.Open(ctx, be.dsn(b), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.SetBytes(int64(d.Size))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c := *d
				c.Path = fmt.Sprintf("copy-%d.txt", i)
				c.ID = fmt.Sprintf("copy-%d", i)
				c.SHA256 = fmt.Sprintf("%064d", i)
				if _, err := s.Ingest(ctx, &c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(d.Events)*b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
