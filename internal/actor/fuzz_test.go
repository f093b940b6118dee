package actor

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

// FuzzAnnotate feeds arbitrary text to the actor stage: it must not panic,
// and its mentions must lie in bounds, in order, without overlapping, each
// naming an actor of the document.
func FuzzAnnotate(f *testing.F) {
	f.Add("In 1922 German Foreign Minister Walther Rathenau and his Soviet colleague Georgy Chicherin signed.")
	f.Add("Victor Kopp, the RSFSR's special representative to Berlin, asked. Kopp left. He returned.")
	f.Add("Moscow's reaction; the two countries; both states; Von der Goltz; 'Union of Industrialists'")
	f.Add("Franco-Soviet-Italo- -Anglo Mr. . D. Weitz, (who had been ")
	f.Add(string(corpus.Founding()[:4000]))
	a, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d, err := read.Bytes("fuzz.txt", []byte(text), read.Options{Format: doc.FormatPlain})
		if err != nil {
			return
		}
		segment.Annotate(d)
		if err := a.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, ac := range d.Actors {
			ids[ac.ID] = true
		}
		end := 0
		for _, m := range d.Mentions {
			if m.Clean.Start < end || m.Clean.End <= m.Clean.Start || m.Clean.End > len(d.Text) {
				t.Fatalf("mention %+v out of order, empty or out of bounds (previous end %d, text %d)", m, end, len(d.Text))
			}
			if m.Start < 0 || m.End > len(d.Raw) || m.Start > m.End {
				t.Fatalf("raw span %+v out of bounds (%d)", m.Span, len(d.Raw))
			}
			if d.Text[m.Clean.Start:m.Clean.End] != m.Text {
				t.Fatalf("mention text %q is not its span %q", m.Text, d.Text[m.Clean.Start:m.Clean.End])
			}
			if m.Sentence < 0 || m.Sentence >= len(d.Sentences) || !d.Sentences[m.Sentence].Clean.Contains(m.Clean) {
				t.Fatalf("mention %q not inside its sentence %d", m.Text, m.Sentence)
			}
			if !ids[m.Actor] {
				t.Fatalf("mention %q names actor %q missing from the document's actors", m.Text, m.Actor)
			}
			end = m.Clean.End
		}
	})
}

// BenchmarkAnnotate measures the actor stage alone on the founding article
// (segmented beforehand), one core.
func BenchmarkAnnotate(b *testing.B) {
	data := corpus.Founding()
	d, err := read.Bytes(corpus.Name, data, read.Options{})
	if err != nil {
		b.Fatal(err)
	}
	segment.Annotate(d)
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Mentions, d.Actors = nil, nil
		if err := a.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnnotateLarge runs the stage on twenty copies of the founding
// article as one document (1.3 MB), to show that the cost grows with the
// text and not faster.
func BenchmarkAnnotateLarge(b *testing.B) {
	one := string(corpus.Founding())
	var sb strings.Builder
	for i := 0; i < 20; i++ {
		sb.WriteString(one)
		sb.WriteString("\n\n")
	}
	d, err := read.Bytes("large.txt", []byte(sb.String()), read.Options{})
	if err != nil {
		b.Fatal(err)
	}
	segment.Annotate(d)
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(len(d.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Mentions, d.Actors = nil, nil
		if err := a.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecognize measures the one-pass registry match (tokenising and
// the trie walk) alone.
func BenchmarkRecognize(b *testing.B) {
	text := string(corpus.Founding())
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	var toks []token
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		toks = tokenize(text, 0, len(text), toks[:0])
		p := &sentProc{r: r, text: text, toks: toks, day: MinDay}
		p.match()
	}
}
