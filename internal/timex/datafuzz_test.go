package timex

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

// FuzzDataFiles feeds the tagger's data-file parser edited word lists and
// rules, as a historian extending them might write them: a broken file is
// refused with an error, never a panic, and a file that loads gives a
// tagger that runs.
func FuzzDataFiles(f *testing.F) {
	names, err := fs.Glob(dataFS, "data/*.txt")
	if err != nil || len(names) == 0 {
		f.Fatalf("no data files: %v", err)
	}
	for i, n := range names {
		b, _ := fs.ReadFile(dataFS, n)
		f.Add(uint8(i), string(b))
		f.Add(uint8(i), string(b[:len(b)/2]))
	}
	f.Add(uint8(0), "define = \nrule: ( [ %nope => date\n")
	d, err := read.Bytes("t.txt", []byte("On 3 March 1918 the treaty was signed. Two days later it was ratified.\n"), read.Options{})
	if err != nil {
		f.Fatal(err)
	}
	segment.Annotate(d)
	f.Fuzz(func(t *testing.T, which uint8, content string) {
		m := fstest.MapFS{}
		for _, n := range names {
			b, _ := fs.ReadFile(dataFS, n)
			m[n] = &fstest.MapFile{Data: b}
		}
		m[names[int(which)%len(names)]] = &fstest.MapFile{Data: []byte(content)}
		tg, err := NewFromFS(m, Options{})
		if err != nil {
			return
		}
		dd := *d
		dd.Timexes = nil
		if err := tg.Annotate(context.Background(), &dd); err != nil {
			t.Fatalf("tagging with loaded data: %v", err)
		}
		for _, x := range dd.Timexes {
			if x.Start < 0 || x.End > len(dd.Raw) || x.Start > x.End {
				t.Fatalf("expression %v outside the text", x.Span)
			}
		}
	})
}
