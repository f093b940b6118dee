package read

import (
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// checkBlocks verifies the reader's invariants: every block lies inside
// the file and the clean text, blocks are ordered and do not overlap, and
// each block's text is its clean span.
func checkBlocks(t *testing.T, d *doc.Document) {
	t.Helper()
	prev, prevClean := 0, 0
	for i, b := range d.Blocks {
		if b.Start < 0 || b.End > len(d.Raw) || b.Start > b.End {
			t.Fatalf("block %d span %v outside file of %d bytes", i, b.Span, len(d.Raw))
		}
		if b.Clean.Start < 0 || b.Clean.End > len(d.Text) || b.Clean.Start >= b.Clean.End {
			t.Fatalf("block %d clean span %v outside text of %d bytes", i, b.Clean, len(d.Text))
		}
		if b.Start < prev || b.Clean.Start < prevClean {
			t.Fatalf("block %d %v (clean %v) starts before the previous block ends (%d, clean %d)", i, b.Span, b.Clean, prev, prevClean)
		}
		if b.Text != d.Text[b.Clean.Start:b.Clean.End] {
			t.Fatalf("block %d text %q is not its clean span", i, b.Text)
		}
		prev, prevClean = b.End, b.Clean.End
	}
	for i, f := range d.Infobox {
		for _, s := range []doc.Span{f.KeySpan, f.ValueSpan} {
			if s.Start < 0 || s.End > len(d.Raw) || s.Start > s.End {
				t.Fatalf("infobox field %d span %v outside file", i, s)
			}
		}
	}
}

func FuzzReaders(f *testing.F) {
	seeds := []string{
		"= T =\n\nInfobox\n- A: b\n\nText. More.\n==H==\n- item\n1. one\n",
		"'''B''' [[a|b]] {{lang|de|x}} <ref>r</ref> <!-- c --> [http://x y] &amp; {{convert|5|km}}\n== H ==\n* i\n{|\n|a\n|}\n",
		"[[File:x.png|thumb|[[a]] b]] {{unclosed\n\ntext",
		"<html><body><div id=\"mw-content-text\"><p>a &amp; b</p><h2>H</h2><ul><li>x</li></ul></div></body></html>",
		"<p>unclosed <b>bold <table class=infobox><tr><th>k</th><td>v",
		"<DOC><TEXT>On <TIMEX2 val=\"1939\">1939</TIMEX2> &lt;x&gt;</TEXT></DOC>",
		"plain text\n\nTitle\n=====\n\n- a\n- b\n",
		"\uFEFF= BOM =\r\nline\r\n",
	}
	for _, s := range seeds {
		for fi := range Formats {
			f.Add(s, uint8(fi))
		}
	}
	f.Fuzz(func(t *testing.T, in string, fi uint8) {
		format := Formats[int(fi)%len(Formats)]
		d, err := Bytes("fuzz", []byte(in), Options{Format: format})
		if err != nil {
			return
		}
		if d.Raw != in {
			t.Fatal("document does not hold the original bytes")
		}
		checkBlocks(t, d)
		// The offset map is monotonic over the whole clean text.
		last := 0
		for c := 0; c <= len(d.Text); c++ {
			s, e := d.Map.RawStart(c), d.Map.RawEnd(c)
			if s < 0 || e > len(d.Raw) || s > len(d.Raw) || e < 0 {
				t.Fatalf("clean offset %d maps outside the file: %d, %d", c, s, e)
			}
			if s < last {
				t.Fatalf("map not monotonic at clean offset %d: %d < %d", c, s, last)
			}
			last = s
		}
	})
}
