// Package doc holds chronicle's document model: a document owns the original
// bytes of one input file, and every later stage (segmenter, temporal tagger,
// actor recogniser, event coder, record builder) adds a layer of annotations
// that point back into those bytes.
//
// Offsets are byte offsets into the original file, half-open [Start, End),
// so that anyone can cut the evidence for a fact out of the file without
// knowing our parser. Readers of marked-up formats (wikitext, HTML, SGML)
// also produce a clean text in which markup is dropped and entities are
// decoded; stages work on that clean text and convert positions back with
// the document's OffsetMap. For plain formats the clean text is the file.
//
// This package imports nothing of chronicle's; every component imports it.
package doc

// Span is a half-open byte range [Start, End) in the original file.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Formats a reader can produce.
const (
	FormatWikiPlain = "wikiplain" // plain-text export of a Wikipedia article
	FormatPlain     = "plain"     // plain text, blank-line paragraphs
	FormatWikitext  = "wikitext"  // MediaWiki source
	FormatHTML      = "html"      // an article page
	FormatSGML      = "sgml"      // ACE / TimeML style <TEXT> documents
)

// Block kinds.
const (
	BlockTitle     = "title"
	BlockHeading   = "heading"
	BlockParagraph = "paragraph"
	BlockListItem  = "list_item"
	BlockInfobox   = "infobox_field"
)

// Document is one input file and every annotation made on it.
type Document struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Format string `json:"format"`
	Size   int    `json:"size"`

	// Raw is the original file, byte for byte.
	Raw string `json:"-"`
	// Text is the clean text the reader made of Raw (markup dropped,
	// entities decoded). For plain formats Text == Raw.
	Text string `json:"-"`
	// Map converts offsets in Text to offsets in Raw.
	Map OffsetMap `json:"-"`

	Sections  []Section      `json:"sections"`
	Blocks    []Block        `json:"paragraphs"`
	Infobox   []InfoboxField `json:"infobox"`
	Sentences []Sentence     `json:"sentences"`

	Timexes  []Timex   `json:"-"`
	Mentions []Mention `json:"-"`
	Actors   []Actor   `json:"-"`
	Events   []Event   `json:"-"`
	Treaties []Treaty  `json:"-"`
	Tenures  []Tenure  `json:"-"`
}

// Section is a heading and everything under it up to the next heading of the
// same or a higher level. The title of the document is a level-1 section
// covering the whole text; its lead is the part before the first heading.
type Section struct {
	Level int      `json:"level"`
	Title string   `json:"title"`
	Path  []string `json:"path"`
	Span
	Heading Span `json:"heading"`
	// Parent is the index of the enclosing section, -1 for none.
	Parent int `json:"parent"`
	// Clean is the section's extent in Text.
	Clean Span `json:"-"`
	// Period is the TIMEX3 value of the period the section's heading
	// carries ("1939" for "1939 needs and discussions", "1930" for "Early
	// 1930s"), and PeriodEnd the end of that period when it is a range
	// ("1933" for "Early 1930s", "1941" for "(1918–1941)"). The temporal
	// tagger fills them; the event layer dates events the text leaves
	// undated by them.
	Period    string `json:"period,omitempty"`
	PeriodEnd string `json:"period_end,omitempty"`
}

// Block is a paragraph-like unit: a title, heading, paragraph, list item or
// infobox field. Sentences never cross a block boundary.
type Block struct {
	Kind string `json:"kind"`
	Span
	// Section is the index of the innermost section holding the block.
	Section int `json:"section"`
	// Level is a heading's level (1 for the title, 2 for "== H ==" ...).
	Level int `json:"level,omitempty"`
	// Text is the block's clean text (for a heading, its title).
	Text string `json:"text"`
	// Ordinal is the list marker of a numbered list item ("1"), else "".
	Ordinal string `json:"ordinal,omitempty"`
	Clean   Span   `json:"-"`
}

// InfoboxField is one "Key: value" line of an infobox.
type InfoboxField struct {
	Key       string `json:"key"`
	Value     string `json:"value"`
	KeySpan   Span   `json:"key_span"`
	ValueSpan Span   `json:"value_span"`
}

// Sentence is a sentence, a heading or a list item, as a span of the file.
type Sentence struct {
	Span
	Text    string `json:"text"`
	Block   int    `json:"paragraph"`
	Section int    `json:"section"`
	Clean   Span   `json:"-"`
	// RefTime is the TIMEX3 value of the narrative reference time in force
	// for the sentence: the date the story has reached once the sentence's
	// first date is read (or carried over from earlier sentences when it
	// has none). A bare event in the sentence is dated by it. The temporal
	// tagger fills it; "" when the text has given no date yet.
	RefTime string `json:"ref_time,omitempty"`
}

// CleanText returns the clean text of a clean span.
func (d *Document) CleanText(s Span) string { return d.Text[s.Start:s.End] }

// RawSpan converts a span of Text into the span of Raw it came from.
func (d *Document) RawSpan(clean Span) Span {
	return Span{Start: d.Map.RawStart(clean.Start), End: d.Map.RawEnd(clean.End)}
}

// SectionAt returns the index of the innermost section containing the clean
// offset c, or -1.
func (d *Document) SectionAt(c int) int {
	best := -1
	for i, s := range d.Sections {
		if s.Clean.Start <= c && c < s.Clean.End {
			best = i
		}
	}
	return best
}
