package event

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLowererOf(t *testing.T) {
	text := "The Soviet–German Pact, signed in MOSCOW by Молотов and ÎLE-de-France’s envoy"
	tests := []struct {
		name       string
		start, end int
	}{
		{"capitalised", 0, 3},
		{"ASCII run", 4, 10},
		{"dash inside", 4, 19},
		{"all caps", strings.Index(text, "MOSCOW"), strings.Index(text, "MOSCOW") + 6},
		{"Cyrillic", strings.Index(text, "Молотов"), strings.Index(text, "Молотов") + len("Молотов")},
		{"whole", 0, len(text)},
		{"empty", 5, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// offsets are clean offsets: the text starts at 100
			lw := newLowerer(text, 100)
			if got, want := lw.of(100+tc.start, 100+tc.end), strings.ToLower(text[tc.start:tc.end]); got != want {
				t.Errorf("of = %q, want %q", got, want)
			}
		})
	}
}

// FuzzLowerer checks that the lower-case form of any span is what
// strings.ToLower makes of it, and that tokens keep their text.
func FuzzLowerer(f *testing.F) {
	f.Add("The Treaty of Rapallo didn't (1922) ÎLE Molotov’s", 3, 20)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if a < 0 || b < a || b > len(s) {
			return
		}
		lw := newLowerer(s, 7)
		if got, want := lw.of(7+a, 7+b), strings.ToLower(s[a:b]); got != want {
			t.Fatalf("of(%q) = %q, want %q", s[a:b], got, want)
		}
		for _, it := range tokenize(s, 7, nil) {
			if it.text != s[it.start-7:it.end-7] {
				t.Fatalf("item %q at %d–%d does not hold its text", it.text, it.start, it.end)
			}
			if it.kind == itWord && it.lower != "'s" && it.lower != strings.ToLower(it.text) {
				t.Fatalf("item %q lower %q", it.text, it.lower)
			}
			if r, _ := utf8.DecodeRuneInString(it.text); it.kind == itWord && it.cap != unicode.IsUpper(r) {
				t.Fatalf("item %q cap %v", it.text, it.cap)
			}
		}
	})
}

// TestASCIIShortcuts holds the tokenizer's ASCII answers to the unicode
// package's for every ASCII character.
func TestASCIIShortcuts(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if got, want := isSpace(r), unicode.IsSpace(r); got != want {
			t.Errorf("isSpace(%q) = %v, want %v", r, got, want)
		}
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestIsDeictic holds isDeictic to deictic[strings.ToLower(s)], the
// lower-casing done on the stack for ASCII text.
func TestIsDeictic(t *testing.T) {
	var cases []string
	for w := range deictic {
		cases = append(cases, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	cases = append(cases, "", "1939", "then and now", "ÎLE", "At That Time Exactly", "NOW")
	for _, s := range cases {
		t.Run(s, func(t *testing.T) {
			if got, want := isDeictic(s), deictic[strings.ToLower(s)]; got != want {
				t.Errorf("isDeictic(%q) = %v, want %v", s, got, want)
			}
		})
	}
}

// FuzzLowerASCII holds lowerer.lowerASCII to lower-casing byte by byte, A
// to Z only, and checks that a form it gave stays as it was while the
// buffer it is cut from grows.
func FuzzLowerASCII(f *testing.F) {
	f.Add("The Treaty of RAPALLO (1922)", "ÎLE-de-France")
	f.Add(strings.Repeat("Ab", 700), "X")
	f.Fuzz(func(t *testing.T, s, s2 string) {
		lower := func(s string) string {
			b := []byte(s)
			for i, c := range b {
				if 'A' <= c && c <= 'Z' {
					b[i] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
		lw := newLowerer("", 0)
		got := lw.lowerASCII(s)
		if want := lower(s); got != want {
			t.Fatalf("lowerASCII(%q) = %q, want %q", s, got, want)
		}
		if got2 := lw.lowerASCII(s2 + s); got2 != lower(s2+s) || got != lower(s) {
			t.Fatalf("lowerASCII(%q) then (%q): %q, %q", s, s2+s, got, got2)
		}
	})
}
