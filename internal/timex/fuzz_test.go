package timex

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

var validTypes = map[string]bool{"DATE": true, "TIME": true, "DURATION": true, "SET": true}

var validMods = map[string]bool{"": true, "START": true, "MID": true, "END": true, "APPROX": true,
	"LESS_THAN": true, "MORE_THAN": true, "EQUAL_OR_LESS": true, "EQUAL_OR_MORE": true, "BEFORE": true,
	"AFTER": true, "ON_OR_BEFORE": true, "ON_OR_AFTER": true}

// FuzzTag runs the whole tagger on arbitrary text: it must not panic, its
// offsets must lie in the file and on UTF-8 boundaries, its expressions
// must not overlap, and every value must be a well-formed TIMEX3 value.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"On September 17, 1939, the army crossed. At noon the following day it stopped.",
		"from 499 to 493 BC; the late nineteenth century; mid-February, 1940; 1933–34",
		"a mere 9 to 12 months, per year, shortly before midnight, 100,000 men, Article 231",
		"= T (1918–1941) =\n\n== Early 1930s ==\n\nIn May, and on 6–7 February 1920.",
		"<DOC><TEXT>In 1939 &amp; 1940, the <b>summer</b> of 1928.</TEXT></DOC>",
		"the 1920s\u2013'30s, Sept. 1st, 1st of May, 31 BCE, AD 1066, 3:00 p.m., the 480s BC",
		"February 29 1939 and February 29, 1940; the previous decade; 12 o'clock",
	} {
		f.Add(s)
	}
	tg, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	tg2, err := New(Options{Convention: ConventionTIMEX2})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := read.Bytes("fuzz.txt", []byte(s), read.Options{})
		if err != nil {
			return // the reader refused it with an error: fine
		}
		segment.Annotate(d)
		for _, g := range []*Tagger{tg, tg2} {
			if err := g.Annotate(context.Background(), d); err != nil {
				t.Fatalf("Annotate: %v", err)
			}
			prevEnd := -1
			for _, x := range d.Timexes {
				if x.Start < 0 || x.End > len(d.Raw) || x.Start > x.End {
					t.Fatalf("raw span %d–%d outside 0–%d", x.Start, x.End, len(d.Raw))
				}
				if x.Clean.Start < 0 || x.Clean.End > len(d.Text) || x.Clean.Start >= x.Clean.End {
					t.Fatalf("clean span %d–%d outside 0–%d", x.Clean.Start, x.Clean.End, len(d.Text))
				}
				if !onBoundary(d.Raw, x.Start) || !onBoundary(d.Raw, x.End) || !onBoundary(d.Text, x.Clean.Start) || !onBoundary(d.Text, x.Clean.End) {
					t.Fatalf("span of %q not on UTF-8 boundaries", x.Text)
				}
				if x.Text != d.Text[x.Clean.Start:x.Clean.End] {
					t.Fatalf("text %q is not its clean span", x.Text)
				}
				if x.Clean.Start < prevEnd {
					t.Fatalf("%q overlaps the expression before it", x.Text)
				}
				prevEnd = x.Clean.End
				if !Valid(x.Value) {
					t.Fatalf("%q has malformed value %q", x.Text, x.Value)
				}
				if !validTypes[x.Type] || !validMods[x.Mod] {
					t.Fatalf("%q has type %q mod %q", x.Text, x.Type, x.Mod)
				}
				if x.Sentence < 0 || x.Sentence >= len(d.Sentences) {
					t.Fatalf("%q in sentence %d of %d", x.Text, x.Sentence, len(d.Sentences))
				}
			}
			for _, sn := range d.Sentences {
				if sn.RefTime != "" && !Valid(sn.RefTime) {
					t.Fatalf("ref_time %q malformed", sn.RefTime)
				}
			}
			for _, sc := range d.Sections {
				if sc.Period != "" && !Valid(sc.Period) || sc.PeriodEnd != "" && !Valid(sc.PeriodEnd) {
					t.Fatalf("section period %q–%q malformed", sc.Period, sc.PeriodEnd)
				}
			}
		}
	})
}

func onBoundary(s string, i int) bool {
	return i == len(s) || i == 0 || utf8.RuneStart(s[i])
}
