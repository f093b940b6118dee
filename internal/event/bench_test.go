package event

import (
	"context"
	"testing"

	"github.com/chronicle-history/chronicle/internal/actor"
	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
	"github.com/chronicle-history/chronicle/internal/timex"
)

// foundingAnnotated reads the founding article through the stages before
// the event coder.
func foundingAnnotated(b *testing.B) *doc.Document {
	d, err := read.Bytes(corpus.Name, corpus.Founding(), read.Options{})
	if err != nil {
		b.Fatal(err)
	}
	segment.Annotate(d)
	tg, err := timex.New(timex.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ac, err := actor.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := tg.Annotate(ctx, d); err != nil {
		b.Fatal(err)
	}
	if err := ac.Annotate(ctx, d); err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkCodeFounding measures the event coder alone on the founding
// article, annotated beforehand by the tagger and the actor recogniser.
func BenchmarkCodeFounding(b *testing.B) {
	d := foundingAnnotated(b)
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(d.Raw)))
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		if err := c.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCode2MB measures the coder on a ~2 MB document (the founding
// article repeated), to show the cost per byte does not grow with length.
func BenchmarkCode2MB(b *testing.B) {
	one := foundingAnnotated(b)
	_ = one
	data := corpus.Founding()
	body := data[bytesIndexNewline(data)+1:]
	big := append([]byte(nil), data...)
	for len(big) < 2<<20 {
		big = append(big, body...)
	}
	d, err := read.Bytes("big.txt", big, read.Options{})
	if err != nil {
		b.Fatal(err)
	}
	segment.Annotate(d)
	tg, _ := timex.New(timex.Options{})
	ac, _ := actor.New()
	ctx := context.Background()
	if err := tg.Annotate(ctx, d); err != nil {
		b.Fatal(err)
	}
	if err := ac.Annotate(ctx, d); err != nil {
		b.Fatal(err)
	}
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(d.Raw)))
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

func bytesIndexNewline(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return -1
}
