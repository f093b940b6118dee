package actor

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

// TestAnnotatorReuse checks that an annotator reading one document after
// another (its buffers and maps are kept from document to document) gives
// each the mentions and actors a fresh annotator gives it.
func TestAnnotatorReuse(t *testing.T) {
	inputs := []struct{ name, text string }{
		{corpus.Name, string(corpus.Founding())},
		{"franco-italian.txt", francoItalian},
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gold", "wikiwars-dev", "in", "13_RussianCivWar.sgm")); err == nil {
		inputs = append(inputs, struct{ name, text string }{"13_RussianCivWar.sgm", string(b)})
	}
	load := func(name, text string) *doc.Document {
		d, err := read.Bytes(name, []byte(text), read.Options{})
		if err != nil {
			t.Fatal(err)
		}
		segment.Annotate(d)
		return d
	}
	shared, err := New()
	if err != nil {
		t.Fatal(err)
	}
	// Twice over, so that every document follows another.
	for round := 0; round < 2; round++ {
		for _, in := range inputs {
			t.Run(in.name, func(t *testing.T) {
				fresh := NewWith(shared.Registry())
				want, got := load(in.name, in.text), load(in.name, in.text)
				if err := fresh.Annotate(context.Background(), want); err != nil {
					t.Fatal(err)
				}
				if err := shared.Annotate(context.Background(), got); err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Mentions, want.Mentions) {
					t.Errorf("mentions differ from a fresh annotator's (%d and %d)", len(got.Mentions), len(want.Mentions))
				}
				if !reflect.DeepEqual(got.Actors, want.Actors) {
					t.Errorf("actors differ from a fresh annotator's (%d and %d)", len(got.Actors), len(want.Actors))
				}
			})
		}
	}
}

// TestLongDocumentInPlace checks that a document too long for the pooled
// scratch, whose mentions are merged and filtered in their own slice, gets
// the mentions and actors it gets through the pooled path.
func TestLongDocumentInPlace(t *testing.T) {
	text := string(corpus.Founding())
	for len(text) <= maxPooledText {
		text += "\n\n" + string(corpus.Founding())
	}
	load := func() *doc.Document {
		d, err := read.Bytes("long.txt", []byte(text), read.Options{Format: doc.FormatPlain})
		if err != nil {
			t.Fatal(err)
		}
		segment.Annotate(d)
		return d
	}
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	inPlace, copied := NewWith(r), NewWith(r)
	copied.maxPooled = 2 * len(text)
	got, want := load(), load()
	if err := inPlace.Annotate(context.Background(), got); err != nil {
		t.Fatal(err)
	}
	if err := copied.Annotate(context.Background(), want); err != nil {
		t.Fatal(err)
	}
	if len(want.Mentions) == 0 {
		t.Fatal("no mentions")
	}
	if !reflect.DeepEqual(got.Mentions, want.Mentions) {
		t.Errorf("mentions differ (%d in place, %d copied)", len(got.Mentions), len(want.Mentions))
	}
	if !reflect.DeepEqual(got.Actors, want.Actors) {
		t.Errorf("actors differ (%d in place, %d copied)", len(got.Actors), len(want.Actors))
	}
}
