package segment_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

var update = flag.Bool("update", false, "rewrite golden files")

func founding(t testing.TB) *doc.Document {
	t.Helper()
	d, err := read.Bytes(corpus.Name, corpus.Founding(), read.Options{})
	if err != nil {
		t.Fatal(err)
	}
	segment.Annotate(d)
	return d
}

// render writes the reading of a document in a reviewable text form.
func render(d *doc.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# document %s format=%s title=%q\n", d.ID, d.Format, d.Title)
	b.WriteString("\n# sections (level [start,end) title)\n")
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "%s%d [%d,%d) %s\n", strings.Repeat("  ", s.Level-1), s.Level, s.Start, s.End, s.Title)
	}
	b.WriteString("\n# infobox\n")
	for _, f := range d.Infobox {
		fmt.Fprintf(&b, "[%d,%d) %q = [%d,%d) %q\n", f.KeySpan.Start, f.KeySpan.End, f.Key, f.ValueSpan.Start, f.ValueSpan.End, f.Value)
	}
	b.WriteString("\n# list items (section: text)\n")
	for _, bl := range d.Blocks {
		if bl.Kind == doc.BlockListItem {
			fmt.Fprintf(&b, "[%d,%d) %s: %s\n", bl.Start, bl.End, d.Sections[bl.Section].Title, bl.Text)
		}
	}
	b.WriteString("\n# sentences ([start,end) paragraph text)\n")
	for _, s := range d.Sentences {
		fmt.Fprintf(&b, "[%d,%d) p%d %s\n", s.Start, s.End, s.Block, strings.ReplaceAll(s.Text, "\n", `\n`))
	}
	return b.String()
}

func TestFoundingArticleGolden(t *testing.T) {
	d := founding(t)
	got := render(d)
	path := filepath.Join("testdata", "founding.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("reading differs from %s at line %d:\n got %s\nwant %s\n(review, then go test -update)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("reading differs from %s in length: %d lines, want %d", path, len(gl), len(wl))
	}
}

// TestFoundingArticleStructure checks facts about the founding article's
// reading that hold whatever the golden file says.
func TestFoundingArticleStructure(t *testing.T) {
	d := founding(t)
	// 40 headings: the title (level 1) and 39 section headings.
	levels := map[int]int{}
	for _, s := range d.Sections {
		levels[s.Level]++
	}
	if len(d.Sections) != 40 || levels[1] != 1 || levels[2] != 9 || levels[3] != 29 || levels[4] != 1 {
		t.Errorf("headings = %d by level %v, want 40 (1 title, 9 at level 2, 29 at 3, 1 at 4)", len(d.Sections), levels)
	}
	if d.Sections[0].Title != "Germany–Soviet Union relations (1918–1941)" {
		t.Errorf("title section = %q", d.Sections[0].Title)
	}
	if len(d.Infobox) != 4 || d.Infobox[0].Key != "Map" || d.Infobox[3].Value != "1924" {
		t.Errorf("infobox = %+v", d.Infobox)
	}
	items := map[string][]string{}
	for _, b := range d.Blocks {
		if b.Kind == doc.BlockListItem {
			title := d.Sections[b.Section].Title
			items[title] = append(items[title], b.Text)
		}
	}
	if got := items["Soviet ambassadors (chargés) to Berlin"]; len(got) != 9 || got[1] != "Nikolay Krestinsky (1921–1930)" {
		t.Errorf("Soviet ambassadors = %q", got)
	}
	if got := items["German ambassadors to Moscow"]; len(got) != 6 || got[1] != "Karl Helfferich" {
		t.Errorf("German ambassadors = %q", got)
	}
	// Every span cut from the original file equals its text.
	for _, s := range d.Sentences {
		if d.Raw[s.Start:s.End] != s.Text {
			t.Errorf("sentence %v: file bytes %q != text %q", s.Span, d.Raw[s.Start:s.End], s.Text)
		}
	}
	for _, b := range d.Blocks {
		if d.Raw[b.Start:b.End] != b.Text {
			t.Errorf("block %v: file bytes %q != text %q", b.Span, d.Raw[b.Start:b.End], b.Text)
		}
	}
	for _, s := range d.Sections[1:] {
		if !strings.HasPrefix(d.Raw[s.Start:s.End], "==") || !strings.Contains(d.Raw[s.Heading.Start:s.Heading.End], s.Title) {
			t.Errorf("section %q span does not start at its heading: %q", s.Title, d.Raw[s.Start:min(s.End, s.Start+40)])
		}
	}
	// Headings and list items are sentences of their own.
	for _, s := range d.Sentences {
		if strings.Contains(s.Text, "\n") {
			t.Errorf("sentence spans a line break: %q", s.Text)
		}
	}
}

func FuzzReadSegment(f *testing.F) {
	f.Add("= T =\n\nInfobox\n- A: b\n\nText. More. U.S. In 1939. Stalin.\n==H==\n- item\n1. one\n", uint8(0))
	f.Add("'''B''' [[a|b]]. {{lang|de|x}} <ref>r</ref>. Next.\n== H ==\n* i. ii\n", uint8(2))
	f.Add("<p>a &amp; b. C d.</p><h2>H</h2><ul><li>x. Y.</li></ul>", uint8(3))
	f.Fuzz(func(t *testing.T, in string, fi uint8) {
		format := read.Formats[int(fi)%len(read.Formats)]
		d, err := read.Bytes("fuzz", []byte(in), read.Options{Format: format})
		if err != nil {
			return
		}
		segment.Annotate(d)
		prev := 0
		for i, s := range d.Sentences {
			if s.Start < prev || s.Start > s.End || s.End > len(d.Raw) {
				t.Fatalf("sentence %d span %v out of order or bounds (prev end %d, file %d)", i, s.Span, prev, len(d.Raw))
			}
			if s.Clean.Start < 0 || s.Clean.End > len(d.Text) || s.Text != d.Text[s.Clean.Start:s.Clean.End] {
				t.Fatalf("sentence %d clean span %v wrong", i, s.Clean)
			}
			prev = s.End
		}
		for i, s := range d.Sections {
			if s.Start < 0 || s.End > len(d.Raw) || s.Start > s.End {
				t.Fatalf("section %d span %v outside file", i, s.Span)
			}
			if s.Parent >= i {
				t.Fatalf("section %d parent %d not before it", i, s.Parent)
			}
		}
	})
}

func BenchmarkReadSegmentFounding(b *testing.B) {
	data := corpus.Founding()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := read.Bytes(corpus.Name, data, read.Options{})
		if err != nil {
			b.Fatal(err)
		}
		segment.Annotate(d)
	}
}

// BenchmarkReadSegment50MB reads and segments a ~50 MB concatenation of
// the founding article (its title line dropped from every copy but the
// first, so it reads as one long article).
func BenchmarkReadSegment50MB(b *testing.B) {
	one := corpus.Founding()
	body := one[strings.Index(string(one), "\n")+1:]
	data := append([]byte(nil), one...)
	for len(data) < 50<<20 {
		data = append(data, body...)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := read.Bytes(corpus.Name, data, read.Options{})
		if err != nil {
			b.Fatal(err)
		}
		segment.Annotate(d)
	}
}
