package timex

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

// repoRoot walks up from the package folder to the folder holding go.mod.
func repoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatal("go.mod not found above the package")
		}
		dir = up
	}
}

func segmented(tb testing.TB, name string, data []byte, format string) *doc.Document {
	tb.Helper()
	d, err := read.Bytes(name, data, read.Options{Format: format})
	if err != nil {
		tb.Fatal(err)
	}
	segment.Annotate(d)
	return d
}

// BenchmarkTagFounding measures the tagging stage alone (the document is
// read and segmented once) on the founding article.
func BenchmarkTagFounding(b *testing.B) {
	tg := newTagger(b, "")
	d := segmented(b, corpus.Name, corpus.Founding(), "")
	b.SetBytes(int64(len(d.Raw)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := tg.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTagWikiWars measures the tagging stage on the 11 WikiWars
// development articles (their text, without the SGML wrapper).
func BenchmarkTagWikiWars(b *testing.B) {
	tg := newTagger(b, ConventionTIMEX2)
	files, err := filepath.Glob(filepath.Join(repoRoot(b), "testdata", "gold", "wikiwars-dev", "in", "*.sgm"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no WikiWars texts: %v", err)
	}
	var docs []*doc.Document
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := segmented(b, f, data, doc.FormatSGML)
		docs = append(docs, d)
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := tg.Annotate(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadSegmentTagFounding measures reading, segmenting and
// tagging together, as `chronicle tag` does.
func BenchmarkReadSegmentTagFounding(b *testing.B) {
	tg := newTagger(b, "")
	data := corpus.Founding()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d := segmented(b, corpus.Name, data, "")
		if err := tg.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew measures building a tagger from the embedded data.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
