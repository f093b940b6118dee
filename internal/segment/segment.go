// Package segment builds a document's section tree from its headings and
// splits its blocks into sentences with a splitter tuned to history prose.
package segment

import (
	"github.com/chronicle-history/chronicle/internal/doc"
)

// Annotate fills d.Sections and d.Sentences from d.Blocks, and sets each
// block's section.
func Annotate(d *doc.Document) {
	buildSections(d)
	d.Sentences = d.Sentences[:0]
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind == doc.BlockTitle || b.Kind == doc.BlockHeading || b.Kind == doc.BlockInfobox || b.Kind == doc.BlockListItem && !hasSentenceEnd(d.Text[b.Clean.Start:b.Clean.End]) {
			// A heading, field or short list item is one unit, never split
			// and never glued to what follows.
			d.Sentences = append(d.Sentences, sentence(d, bi, b.Clean))
			continue
		}
		for _, s := range Split(d.Text[b.Clean.Start:b.Clean.End]) {
			s.Start += b.Clean.Start
			s.End += b.Clean.Start
			d.Sentences = append(d.Sentences, sentence(d, bi, s))
		}
	}
}

func sentence(d *doc.Document, bi int, clean doc.Span) doc.Sentence {
	return doc.Sentence{
		Span:    d.RawSpan(clean),
		Text:    d.Text[clean.Start:clean.End],
		Block:   bi,
		Section: d.Blocks[bi].Section,
		Clean:   clean,
	}
}

// hasSentenceEnd reports whether s holds a sentence-final mark followed by
// more text, that is, whether it might hold more than one sentence.
func hasSentenceEnd(s string) bool {
	return len(Split(s)) > 1
}

// buildSections makes the section tree: the title (or, without one, an
// untitled root) covers the whole text; each heading opens a section that
// runs to the next heading of the same or a higher level.
func buildSections(d *doc.Document) {
	d.Sections = d.Sections[:0]
	rootTitle := d.Title
	root := doc.Section{Level: 1, Title: rootTitle, Path: []string{rootTitle}, Parent: -1,
		Clean: doc.Span{Start: 0, End: len(d.Text)}}
	for _, b := range d.Blocks {
		if b.Kind == doc.BlockTitle {
			root.Title = b.Text
			root.Path = []string{b.Text}
			root.Heading = b.Span
			break
		}
	}
	root.Span = doc.Span{Start: 0, End: len(d.Raw)}
	d.Sections = append(d.Sections, root)
	open := []int{0} // stack of open section indexes
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		if b.Kind == doc.BlockHeading {
			level := max(b.Level, 2)
			for len(open) > 1 && d.Sections[open[len(open)-1]].Level >= level {
				closeSection(d, open[len(open)-1], b.Clean.Start)
				open = open[:len(open)-1]
			}
			parent := open[len(open)-1]
			path := append(append([]string(nil), d.Sections[parent].Path...), b.Text)
			d.Sections = append(d.Sections, doc.Section{
				Level: level, Title: b.Text, Path: path, Parent: parent,
				Heading: b.Span, Clean: doc.Span{Start: b.Clean.Start, End: len(d.Text)},
			})
			open = append(open, len(d.Sections)-1)
		}
		b.Section = open[len(open)-1]
	}
	for len(open) > 1 {
		closeSection(d, open[len(open)-1], len(d.Text))
		open = open[:len(open)-1]
	}
	for i := range d.Sections {
		s := &d.Sections[i]
		if i == 0 {
			continue
		}
		// A section starts at its heading line and ends where the next
		// section at its level or above begins.
		s.Span = doc.Span{Start: d.Map.RawStart(s.Clean.Start), End: d.Map.RawEnd(s.Clean.End)}
		if s.Heading.Start < s.Span.Start {
			s.Span.Start = s.Heading.Start
		}
		s.Span.Start = lineStart(d.Raw, s.Span.Start)
	}
}

func closeSection(d *doc.Document, i, end int) {
	// Back up over the next heading's markers and the white space before
	// them, so the section ends at its last text.
	for end > d.Sections[i].Clean.Start && (d.Text[end-1] == '=' || d.Text[end-1] == '#' || d.Text[end-1] == ' ') {
		end--
	}
	for end > d.Sections[i].Clean.Start && isASCIISpace(d.Text[end-1]) {
		end--
	}
	d.Sections[i].Clean.End = end
}

func isASCIISpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// lineStart moves a raw offset back to the start of its line, so that a
// heading's section includes its "==" markers.
func lineStart(raw string, i int) int {
	for i > 0 && raw[i-1] != '\n' {
		if raw[i-1] != '=' && raw[i-1] != ' ' && raw[i-1] != '#' && raw[i-1] != '\t' {
			return i
		}
		i--
	}
	return i
}
