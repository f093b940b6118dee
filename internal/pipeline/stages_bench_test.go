package pipeline

import (
	"context"
	"slices"
	"testing"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
)

// BenchmarkStages measures each stage of the extract pipeline alone on
// the founding article, as a table: "read" is reading alone, and every
// later stage runs on a copy of the document annotated by the stages
// before it. The sum of the rows is about the cost of
// BenchmarkExtractFounding.
func BenchmarkStages(b *testing.B) {
	p, err := Default(read.Options{})
	if err != nil {
		b.Fatal(err)
	}
	data := corpus.Founding()
	ctx := context.Background()
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := read.Bytes(corpus.Name, data, p.Read); err != nil {
				b.Fatal(err)
			}
		}
	})
	base, err := read.Bytes(corpus.Name, data, p.Read)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range p.Stages {
		b.Run(s.Name(), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				d := cloneDoc(base)
				b.StartTimer()
				if err := s.Annotate(ctx, d); err != nil {
					b.Fatal(err)
				}
			}
		})
		if err := s.Annotate(ctx, base); err != nil {
			b.Fatal(err)
		}
	}
}

// cloneDoc copies d deeply enough that a stage run on the copy leaves d
// as it was: stages set whole annotation slices and write only into the
// elements of Sections and Sentences.
func cloneDoc(d *doc.Document) *doc.Document {
	c := *d
	c.Sections = slices.Clone(d.Sections)
	c.Sentences = slices.Clone(d.Sentences)
	return &c
}
