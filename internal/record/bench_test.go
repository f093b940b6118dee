package record

import (
	"context"
	"testing"

	"github.com/chronicle-history/chronicle/internal/actor"
	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/event"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
	"github.com/chronicle-history/chronicle/internal/timex"
)

// BenchmarkRecordFounding measures the record stage alone (treaties,
// tenures) on the founding article read by the earlier stages.
func BenchmarkRecordFounding(b *testing.B) {
	d, err := read.Bytes(corpus.Name, corpus.Founding(), read.Options{})
	if err != nil {
		b.Fatal(err)
	}
	segment.Annotate(d)
	ctx := context.Background()
	tg, _ := timex.New(timex.Options{})
	ac, _ := actor.New()
	ev, _ := event.New()
	if err := tg.Annotate(ctx, d); err != nil {
		b.Fatal(err)
	}
	if err := ac.Annotate(ctx, d); err != nil {
		b.Fatal(err)
	}
	if err := ev.Annotate(ctx, d); err != nil {
		b.Fatal(err)
	}
	r := New()
	b.SetBytes(int64(len(d.Raw)))
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}
