package record

import (
	"strings"
	"testing"
)

// checkLowerKeepsBytes holds lowerKeepsBytes to strings.ToLower: when it
// says yes, the lower-case form has every byte where s has it, ASCII
// letters lower-cased and no other byte ASCII.
func checkLowerKeepsBytes(t *testing.T, s string) bool {
	t.Helper()
	if !lowerKeepsBytes(s) {
		return false
	}
	l := strings.ToLower(s)
	if len(l) != len(s) {
		t.Fatalf("lowerKeepsBytes(%q) but ToLower has %d bytes, not %d", s, len(l), len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			if l[i] < 0x80 {
				t.Fatalf("lowerKeepsBytes(%q) but ToLower has ASCII byte %q at %d", s, l[i], i)
			}
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if l[i] != c {
			t.Fatalf("lowerKeepsBytes(%q) but ToLower has %q at %d, want %q", s, l[i], i, c)
		}
	}
	return true
}

func TestLowerKeepsBytes(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		want    bool
	}{
		{"ascii", "The Pact of 1939", true},
		{"dashes and accents", "Germany–Soviet Union, Köstring’s Ä", true},
		{"kelvin sign lowers to ascii", "5 \u212a", false},
		{"dotted capital I shrinks", "\u0130stanbul", false},
		{"invalid utf-8", "a\xffb", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := checkLowerKeepsBytes(t, tc.s); got != tc.want {
				t.Errorf("lowerKeepsBytes(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

// naiveFindThe is findThe byte by byte, as the scan was written.
func naiveFindThe(s string, i, limit int) int {
	for ; i < limit; i++ {
		if s[i]|0x20 == 't' && hasPrefixFold(s[i:], "the ") {
			return i
		}
	}
	return limit
}

func TestFindThe(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    string
	}{
		{"none", "abcdefghijklmnopqrs tha th e"},
		{"first", "the pact of the treaty"},
		{"capitals", "xxxxxxxxxxxxxxxx THE Pact, tHe accord"},
		{"at a block edge", "1234567the x"},
		{"near the end", "abcdefghijklmnop the x"},
		{"not a space after", "the\x00x and tHe\ta then"},
		{"high bytes", "\xf4\xe8\xe5\xa0 \xd4\xc8\xc5 the "},
		{"short", "the x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lim := len(tc.s) - 4
			for i := 0; i <= lim; i++ {
				if got, want := findThe(tc.s, i, lim), naiveFindThe(tc.s, i, lim); got != want {
					t.Errorf("findThe(%q, %d, %d) = %d, want %d", tc.s, i, lim, got, want)
				}
			}
		})
	}
}

func FuzzTreatyScanShortcuts(f *testing.F) {
	for _, s := range []string{"the Pact", "Germany–Soviet \u212a THE TREATY", "\u0130 the", "x\xfft"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		checkLowerKeepsBytes(t, s)
		if i < 0 || i > len(s) {
			i = 0
		}
		for limit := i; limit <= len(s)-4; limit++ {
			if got, want := findThe(s, i, limit), naiveFindThe(s, i, limit); got != want {
				t.Fatalf("findThe(%q, %d, %d) = %d, want %d", s, i, limit, got, want)
			}
		}
	})
}

// FuzzKeyChars holds key's shortcut to keyReplacer: a name with none of
// keyChars is one Replace leaves as it is.
func FuzzKeyChars(f *testing.F) {
	for _, s := range []string{"Treaty of Rapallo", "Molotov–Ribbentrop Pact", "the \u201cPact\u201d", "a\xe2\x80b", "\xe2\xe2\x80\x93"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !strings.ContainsAny(s, keyChars) && keyReplacer.Replace(s) != s {
			t.Fatalf("%q has none of keyChars but Replace gives %q", s, keyReplacer.Replace(s))
		}
	})
}

// wholeHasOffice is hasOffice as first written: the whole phrase
// lower-cased and split.
func wholeHasOffice(phrase string) bool {
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		w = strings.Trim(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), ",.()")
		if officeWords[w] {
			return true
		}
	}
	return false
}

func TestHasOfficeAgrees(t *testing.T) {
	for _, tc := range []struct {
		name, phrase string
		want         bool
	}{
		{"office", "the German Ambassador to Moscow", true},
		{"possessive", "Litvinov's deputy", true},
		{"curly possessive", "the COMMISSAR’s", true},
		{"punctuation", "(Ambassador),", true},
		{"no office", "the Treaty of Rapallo", false},
		{"non-ASCII spaces", "Soviet\u00a0Ambassador\u2003Krestinsky", true},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := hasOffice(tc.phrase); got != tc.want || got != wholeHasOffice(tc.phrase) {
				t.Errorf("hasOffice(%q) = %v, want %v (whole: %v)", tc.phrase, got, tc.want, wholeHasOffice(tc.phrase))
			}
		})
	}
}

func FuzzRecordWordShortcuts(f *testing.F) {
	for _, s := range []string{"Soviet Ambassador", "x was replaced by y", "led by General Franco", "Ä\u00a0chief’s (ENVOY).", "Minister AND Envoy", "\u212a and\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(lowerBytes(nil, s)), strings.ToLower(s); got != want {
			t.Fatalf("lowerBytes(%q) = %q, want %q", s, got, want)
		}
		if got, want := containsFoldASCII(s, " and "), strings.Contains(strings.ToLower(s), " and "); got != want {
			t.Fatalf("containsFoldASCII(%q) = %v, want %v", s, got, want)
		}
		if got, want := hasOffice(s), wholeHasOffice(s); got != want {
			t.Fatalf("hasOffice(%q) = %v, want %v", s, got, want)
		}
		for _, needle := range []struct {
			s string
			k int
		}{{" was replaced by ", len(" was replaced ")}, {" led by ", len(" led ")}} {
			if got, want := indexAnchored(s, needle.s, needle.k), strings.Index(s, needle.s); got != want {
				t.Fatalf("indexAnchored(%q, %q) = %d, want %d", s, needle.s, got, want)
			}
		}
	})
}

// indexOfficeKey is officeKey's word search as first written: every
// office word looked for with strings.Index, the first found kept, the
// longest among those found at the same place.
func indexOfficeKey(l string) string {
	best, bi := "", len(l)+1
	for w := range officeWords {
		if i := strings.Index(l, w); i >= 0 && (i < bi || i == bi && len(w) > len(best)) {
			best, bi = w, i
		}
	}
	return best
}

// FuzzOfficeKeySearch holds firstOfficeWord, the search by first byte,
// to the search of every word.
func FuzzOfficeKeySearch(f *testing.F) {
	for _, s := range []string{"german ambassador to moscow", "ambassadors", "people's commissar for foreign affairs",
		"führer", "head of the embassy", "vice-chairman", "prime minister", "", "chargé d'affaires", "x\xffhead"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if got, want := firstOfficeWord(l), indexOfficeKey(l); got != want {
			t.Fatalf("firstOfficeWord(%q) = %q, want %q", l, got, want)
		}
	})
}
