package doc

import (
	"sort"
	"strings"
)

// OffsetMap converts offsets in a document's clean text into offsets in its
// original bytes. It is a sorted list of pieces; each piece of clean text
// either copies a run of the original verbatim (so offsets map one to one)
// or replaces a run of it (an entity, a link's target, a dropped template),
// in which case the whole clean piece maps to the whole original run.
//
// The zero OffsetMap is the identity.
type OffsetMap struct {
	pieces []piece
}

type piece struct {
	clean, cleanEnd int
	raw, rawEnd     int
	verbatim        bool
}

// Identity reports whether the map is the identity (clean text == file).
func (m *OffsetMap) Identity() bool { return len(m.pieces) == 0 }

// find returns the index of the piece containing clean offset c, preferring
// the piece that starts at c when end is false and the piece that ends at c
// when end is true.
func (m *OffsetMap) find(c int, end bool) int {
	ps := m.pieces
	if end {
		// first piece with cleanEnd >= c
		return sort.Search(len(ps), func(i int) bool { return ps[i].cleanEnd >= c })
	}
	// first piece with cleanEnd > c
	return sort.Search(len(ps), func(i int) bool { return ps[i].cleanEnd > c })
}

// RawStart maps the clean offset c, used as the start of a span.
func (m *OffsetMap) RawStart(c int) int {
	if len(m.pieces) == 0 {
		return c
	}
	i := m.find(c, false)
	if i == len(m.pieces) {
		return m.pieces[len(m.pieces)-1].rawEnd
	}
	p := m.pieces[i]
	if p.verbatim {
		return p.raw + (c - p.clean)
	}
	return p.raw
}

// RawEnd maps the clean offset c, used as the (exclusive) end of a span.
func (m *OffsetMap) RawEnd(c int) int {
	if len(m.pieces) == 0 {
		return c
	}
	i := m.find(c, true)
	if i == len(m.pieces) {
		return m.pieces[len(m.pieces)-1].rawEnd
	}
	p := m.pieces[i]
	if p.verbatim {
		return p.raw + (c - p.clean)
	}
	if c <= p.clean {
		return p.raw
	}
	return p.rawEnd
}

// TextBuilder assembles a clean text from an original and records the
// OffsetMap as it goes. Readers of marked-up formats use it.
type TextBuilder struct {
	raw    string
	b      strings.Builder
	pieces []piece
}

// NewTextBuilder starts a clean text for the original raw.
func NewTextBuilder(raw string) *TextBuilder {
	tb := &TextBuilder{raw: raw}
	tb.b.Grow(len(raw))
	return tb
}

// Len is the length of the clean text so far.
func (tb *TextBuilder) Len() int { return tb.b.Len() }

// Copy appends raw[start:end] verbatim.
func (tb *TextBuilder) Copy(start, end int) {
	if end <= start {
		return
	}
	c := tb.b.Len()
	tb.b.WriteString(tb.raw[start:end])
	if n := len(tb.pieces); n > 0 {
		last := &tb.pieces[n-1]
		if last.verbatim && last.rawEnd == start && last.cleanEnd == c {
			last.cleanEnd += end - start
			last.rawEnd = end
			return
		}
	}
	tb.pieces = append(tb.pieces, piece{clean: c, cleanEnd: c + end - start, raw: start, rawEnd: end, verbatim: true})
}

// Replace appends s as the clean form of raw[start:end].
func (tb *TextBuilder) Replace(start, end int, s string) {
	if s == "" {
		return
	}
	if s == tb.raw[start:end] {
		tb.Copy(start, end)
		return
	}
	c := tb.b.Len()
	tb.b.WriteString(s)
	tb.pieces = append(tb.pieces, piece{clean: c, cleanEnd: c + len(s), raw: start, rawEnd: end})
}

// Insert appends s, which stands for nothing in the original, at raw
// position at (a paragraph break between two blocks, say).
func (tb *TextBuilder) Insert(at int, s string) { tb.Replace(at, at, s) }

// String returns the clean text so far.
func (tb *TextBuilder) String() string { return tb.b.String() }

// Last returns the last byte of the clean text so far, or 0.
func (tb *TextBuilder) Last() byte {
	s := tb.b.String()
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}

// Done returns the clean text and its map.
func (tb *TextBuilder) Done() (string, OffsetMap) {
	text := tb.b.String()
	if len(tb.pieces) == 1 && tb.pieces[0].verbatim && tb.pieces[0].raw == 0 &&
		tb.pieces[0].rawEnd == len(tb.raw) {
		return text, OffsetMap{}
	}
	if len(tb.pieces) == 0 {
		// Nothing kept: map every clean offset to the end of the file.
		return text, OffsetMap{pieces: []piece{{raw: len(tb.raw), rawEnd: len(tb.raw)}}}
	}
	return text, OffsetMap{pieces: tb.pieces}
}
