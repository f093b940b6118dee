package read

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"wikiplain title", "= Treaty of Rapallo =\n\nThe treaty was signed.\n", doc.FormatWikiPlain},
		{"wikiplain headings only", "Intro text.\n\n== Background ==\nMore.\n", doc.FormatWikiPlain},
		{"wikitext links", "'''Rapallo''' was signed by [[Walther Rathenau]] and [[Georgy Chicherin]].\n", doc.FormatWikitext},
		{"wikitext templates", "{{Infobox treaty\n| name = X\n}}\nText{{cn}}.\n", doc.FormatWikitext},
		{"html doctype", "<!DOCTYPE html><html><body><p>Hi.</p></body></html>", doc.FormatHTML},
		{"html fragment", "<div><p>Hi.</p></div>", doc.FormatHTML},
		{"sgml doc", "<DOC>\n<DOCID>x</DOCID>\n<TEXT>\nHello.\n</TEXT>\n</DOC>\n", doc.FormatSGML},
		{"timeml", "<?xml version=\"1.0\"?>\n<TimeML><TEXT>On <TIMEX3 tid=\"t1\">May 2</TIMEX3>.</TEXT></TimeML>", doc.FormatSGML},
		{"plain", "The Treaty of Rapallo was signed in 1922.\n\nIt restored relations.\n", doc.FormatPlain},
		{"plain with bom", "\uFEFFPlain text here.\n", doc.FormatPlain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.in)); got != tt.want {
				t.Errorf("Sniff = %q, want %q", got, tt.want)
			}
		})
	}
}

// blk is a compact view of a block for comparisons.
type blk struct {
	Kind  string
	Level int
	Text  string
	Raw   string // the raw bytes the block's span covers
}

func blocksOf(d *doc.Document) []blk {
	var out []blk
	for _, b := range d.Blocks {
		out = append(out, blk{b.Kind, b.Level, b.Text, d.Raw[b.Start:b.End]})
	}
	return out
}

func TestReaders(t *testing.T) {
	tests := []struct {
		name   string
		format string
		in     string
		title  string
		want   []blk
	}{
		{
			name:   "wikiplain article",
			format: doc.FormatWikiPlain,
			in: "= Treaty of Rapallo =\n\nInfobox\n- Signed: 16 April 1922\n- Location: Rapallo\n\n" +
				"The treaty was signed. It restored relations.\n\n==Background==\n=== Genoa ===\n" +
				"A paragraph.\nA second line is its own paragraph.\n\n== Signatories ==\n- Walther Rathenau (1922)\n- Georgy Chicherin\n" +
				"1. First numbered point.\n",
			title: "Treaty of Rapallo",
			want: []blk{
				{doc.BlockTitle, 1, "Treaty of Rapallo", "Treaty of Rapallo"},
				{doc.BlockInfobox, 0, "Signed: 16 April 1922", "Signed: 16 April 1922"},
				{doc.BlockInfobox, 0, "Location: Rapallo", "Location: Rapallo"},
				{doc.BlockParagraph, 0, "The treaty was signed. It restored relations.", "The treaty was signed. It restored relations."},
				{doc.BlockHeading, 2, "Background", "Background"},
				{doc.BlockHeading, 3, "Genoa", "Genoa"},
				{doc.BlockParagraph, 0, "A paragraph.", "A paragraph."},
				{doc.BlockParagraph, 0, "A second line is its own paragraph.", "A second line is its own paragraph."},
				{doc.BlockHeading, 2, "Signatories", "Signatories"},
				{doc.BlockListItem, 0, "Walther Rathenau (1922)", "Walther Rathenau (1922)"},
				{doc.BlockListItem, 0, "Georgy Chicherin", "Georgy Chicherin"},
				{doc.BlockListItem, 0, "1. First numbered point.", "1. First numbered point."},
			},
		},
		{
			name:   "plain text with hard-wrapped paragraphs and lists",
			format: doc.FormatPlain,
			in: "Soviet-German Relations\n\nThe treaty was signed in 1922\nand ratified later. It mattered.\n\n" +
				"- first item\n- second item\n\n## Aftermath\n\nThe end.\n",
			title: "plain",
			want: []blk{
				{doc.BlockHeading, 2, "Soviet-German Relations", "Soviet-German Relations"},
				{doc.BlockParagraph, 0, "The treaty was signed in 1922\nand ratified later. It mattered.", "The treaty was signed in 1922\nand ratified later. It mattered."},
				{doc.BlockListItem, 0, "first item", "first item"},
				{doc.BlockListItem, 0, "second item", "second item"},
				{doc.BlockHeading, 2, "Aftermath", "Aftermath"},
				{doc.BlockParagraph, 0, "The end.", "The end."},
			},
		},
		{
			name:   "wikitext links, refs, templates, entities, tables, files",
			format: doc.FormatWikitext,
			in: "{{Short description|Relations}}\n{{Infobox treaty\n| name = Treaty of Rapallo\n| date_signed = {{start date|1922|4|16}}\n}}\n" +
				"The [[Treaty of Rapallo (1922)|Treaty of Rapallo]] was signed on 16&nbsp;April 1922.<ref>Smith, p. 4.</ref> " +
				"It was signed by [[Walther Rathenau]]<!-- note --> and {{lang|ru|Georgy Chicherin}}.\n\n" +
				"== Trade ==\n{| class=\"wikitable\"\n| a || b\n|}\n* Item with [http://example.org a link]\n" +
				"* [[File:Map.png|thumb|A map of [[Poland]]]]Item two\n[[Category:History]]\n",
			title: "wikitext",
			want: []blk{
				{doc.BlockInfobox, 0, "name: Treaty of Rapallo", "name = Treaty of Rapallo"},
				{doc.BlockInfobox, 0, "date_signed: April 16, 1922", "date_signed = {{start date|1922|4|16}}"},
				{doc.BlockParagraph, 0, "The Treaty of Rapallo was signed on 16 April 1922. It was signed by Walther Rathenau and Georgy Chicherin.",
					"The [[Treaty of Rapallo (1922)|Treaty of Rapallo]] was signed on 16&nbsp;April 1922.<ref>Smith, p. 4.</ref> " +
						"It was signed by [[Walther Rathenau]]<!-- note --> and {{lang|ru|Georgy Chicherin}}."},
				{doc.BlockHeading, 2, "Trade", "Trade"},
				{doc.BlockListItem, 0, "Item with a link", "Item with [http://example.org a link"},
				{doc.BlockListItem, 0, "Item two", "Item two"},
			},
		},
		{
			name:   "html main content only",
			format: doc.FormatHTML,
			in: "<!DOCTYPE html><html><head><title>Rapallo - Wikipedia</title><script>var s = \"<p>no</p>\";</script></head>" +
				"<body><nav>Home</nav><div id=\"mw-content-text\"><p>The <b>treaty</b> was signed on 16&nbsp;April 1922 by Germany &amp; Russia." +
				"<sup class=\"reference\">[1]</sup></p><h2><span>Aftermath</span><span class=\"mw-editsection\">[edit]</span></h2>" +
				"<ul><li>One</li><li>Two &ndash; three</li></ul><div class=\"navbox\">junk</div></div><footer>foot</footer></body></html>",
			title: "Rapallo",
			want: []blk{
				{doc.BlockParagraph, 0, "The treaty was signed on 16 April 1922 by Germany & Russia.",
					"The <b>treaty</b> was signed on 16&nbsp;April 1922 by Germany &amp; Russia."},
				{doc.BlockHeading, 2, "Aftermath", "Aftermath"},
				{doc.BlockListItem, 0, "One", "One"},
				{doc.BlockListItem, 0, "Two – three", "Two &ndash; three"},
			},
		},
		{
			name:   "html without main element uses body",
			format: doc.FormatHTML,
			in:     "<html><body><h1>Title</h1><p>Para &lt;one&gt;.</p><script>x()</script></body></html>",
			title:  "Title",
			want: []blk{
				{doc.BlockTitle, 1, "Title", "Title"},
				{doc.BlockParagraph, 0, "Para <one>.", "Para &lt;one&gt;."},
			},
		},
		{
			name:   "sgml text element with inline timex tags",
			format: doc.FormatSGML,
			in: "<DOC>\n<DOCID>01_WW2</DOCID>\n<DATETIME> 2009-12-19 </DATETIME>\n<TEXT>\nCourse of the war\n\n" +
				"On <TIMEX2 val=\"1939-09-01\">September 1, 1939</TIMEX2>, Germany &amp; Slovakia attacked.\n</TEXT>\n</DOC>\n",
			title: "01_WW2",
			want: []blk{
				{doc.BlockHeading, 2, "Course of the war", "Course of the war"},
				{doc.BlockParagraph, 0, "On September 1, 1939, Germany & Slovakia attacked.",
					"On <TIMEX2 val=\"1939-09-01\">September 1, 1939</TIMEX2>, Germany &amp; Slovakia attacked."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Bytes(tt.format, []byte(tt.in), Options{Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title {
				t.Errorf("title = %q, want %q", d.Title, tt.title)
			}
			if got := blocksOf(d); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks:\n got %#v\nwant %#v", got, tt.want)
			}
			// Sniffing picks the same reader.
			if got := Sniff([]byte(tt.in)); got != tt.format {
				t.Errorf("Sniff = %q, want %q", got, tt.format)
			}
		})
	}
}

// TestCleanToRawOffsets checks that a word inside marked-up text maps back
// to exactly that word in the original bytes.
func TestCleanToRawOffsets(t *testing.T) {
	tests := []struct {
		name, format, in, word, wantRaw string
	}{
		{"through a piped link", doc.FormatWikitext, "The [[Treaty of Rapallo (1922)|Treaty of Rapallo]] was signed.", "Rapallo", "Rapallo"},
		{"a whole piped link", doc.FormatWikitext, "The [[Treaty of Rapallo (1922)|Treaty of Rapallo]] was signed.", "Treaty of Rapallo", "Treaty of Rapallo"},
		{"after a link", doc.FormatWikitext, "The [[Treaty of Rapallo (1922)|Treaty of Rapallo]] was signed.", "signed", "signed"},
		{"entity as one character", doc.FormatHTML, "<p>Germany &amp; Russia in 1922.</p>", "&", "&amp;"},
		{"span over an entity", doc.FormatHTML, "<p>16&nbsp;April 1922</p>", "16 April", "16&nbsp;April"},
		{"numeric entity", doc.FormatHTML, "<p>1918&#8211;1941 period</p>", "1918–1941", "1918&#8211;1941"},
		{"sgml inside tag", doc.FormatSGML, "<TEXT>On <TIMEX2 val=\"1939\">1939</TIMEX2> it began.</TEXT>", "1939", "1939"},
		{"wikitext nbsp entity", doc.FormatWikitext, "Signed on 16&nbsp;April 1922.", "April 1922", "April 1922"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Bytes("x", []byte(tt.in), Options{Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			i := strings.Index(d.Text, tt.word)
			if i < 0 {
				t.Fatalf("%q not in clean text %q", tt.word, d.Text)
			}
			sp := d.RawSpan(doc.Span{Start: i, End: i + len(tt.word)})
			if got := d.Raw[sp.Start:sp.End]; got != tt.wantRaw {
				t.Errorf("raw = %q, want %q", got, tt.wantRaw)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A 200 MB single-line file, sparse on disk: refused by size before
	// any of it is read.
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name, path, want string
	}{
		{"empty", write("empty.txt", nil), "empty file"},
		{"white space", write("blank.txt", []byte(" \n\t\n")), "only white space"},
		{"binary", write("bin.dat", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3}), "binary data"},
		{"control bytes", write("ctl.dat", []byte("\x01\x02\x03\x04\x05\x06abc")), "binary data"},
		{"invalid utf-8", write("latin1.txt", []byte("Caf\xe9 in Stra\xdfe.\n")), "invalid UTF-8 at byte 3"},
		{"too large", big, "larger than the limit"},
		{"missing", filepath.Join(dir, "nope.txt"), "no such file"},
		{"directory", dir, "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := File(context.Background(), tt.path, nil, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			var re *Error
			if !errors.As(err, &re) {
				t.Fatalf("error %T is not a *read.Error", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tt.path+": ") || !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line naming %s and saying %q", msg, tt.path, tt.want)
			}
		})
	}
	t.Run("stdin over the limit", func(t *testing.T) {
		_, err := File(context.Background(), "-", strings.NewReader(strings.Repeat("a", 2000)), Options{MaxBytes: 1000})
		if err == nil || !strings.Contains(err.Error(), "-: input is larger than the limit of") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("unknown format", func(t *testing.T) {
		_, err := Bytes("a.txt", []byte("text"), Options{Format: "pdf"})
		if err == nil || !strings.Contains(err.Error(), `unknown input format "pdf"`) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("markup without text", func(t *testing.T) {
		_, err := Bytes("a.html", []byte("<html><body><script>x</script></body></html>"), Options{})
		if err == nil || !strings.Contains(err.Error(), "no text found") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestDocumentID(t *testing.T) {
	tests := map[string]string{
		"/a/b/Germany–Soviet Union (1918).txt": "germany-soviet-union-1918",
		"01_WW2.key.xml":                       "01_ww2",
		"-":                                    "stdin",
		"dir/page.html":                        "page",
		"!!!.txt":                              "document",
	}
	for in, want := range tests {
		if got := DocumentID(in); got != want {
			t.Errorf("DocumentID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSGMLOffsetsWithCaseChangingLetters checks that letters whose lower
// case has another length (Turkish İ, the Kelvin sign) do not shift the
// offsets at which tags are found.
func TestSGMLOffsetsWithCaseChangingLetters(t *testing.T) {
	in := "<DOC><TITLE>İİİ KKK</TITLE><TEXT>İstanbul fell in 1453. KKK.</TEXT></DOC>"
	d, err := Bytes("x.sgm", []byte(in), Options{Format: doc.FormatSGML})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 1 || d.Blocks[0].Text != "İstanbul fell in 1453. KKK." {
		t.Fatalf("blocks = %+v", blocksOf(d))
	}
	if got := d.Raw[d.Blocks[0].Start:d.Blocks[0].End]; got != d.Blocks[0].Text {
		t.Errorf("raw span %q", got)
	}
}
