package pipeline

import (
	"context"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/read"
)

// BenchmarkExtractFounding runs the whole extract pipeline (read, segment,
// timex, actor, event, record) over the founding article.
func BenchmarkExtractFounding(b *testing.B) {
	p, err := Default(read.Options{})
	if err != nil {
		b.Fatal(err)
	}
	data := corpus.Founding()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		if _, err := p.Bytes(ctx, corpus.Name, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtract50MB runs the whole pipeline over a ~50 MB document (the
// founding article repeated, its title kept once) and reports the peak
// heap the run reached, to show memory stays bounded by the input.
func BenchmarkExtract50MB(b *testing.B) {
	p, err := Default(read.Options{MaxBytes: 128 << 20})
	if err != nil {
		b.Fatal(err)
	}
	one := corpus.Founding()
	body := one[strings.Index(string(one), "\n")+1:]
	data := append([]byte(nil), one...)
	for len(data) < 50<<20 {
		data = append(data, body...)
	}
	b.SetBytes(int64(len(data)))
	ctx := context.Background()
	var peak uint64
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	for b.Loop() {
		runtime.GC()
		done := make(chan struct{})
		go func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				metrics.Read(sample)
				if v := sample[0].Value.Uint64(); v > peak {
					peak = v
				}
				runtime.Gosched()
			}
		}()
		if _, err := p.Bytes(ctx, "big.txt", data); err != nil {
			b.Fatal(err)
		}
		close(done)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}
