package record

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The record stage reads words backwards from a name and compares names
// by their first and last words without splitting them whole; these
// checks hold the shortcuts to the plain splits they replace.

func TestEdgeFields(t *testing.T) {
	tests := []struct {
		name, in, first, last string
		n                     int
	}{
		{"empty", "", "", "", 0},
		{"spaces", " \t\n", "", "", 0},
		{"one", " Litvinov ", "Litvinov", "Litvinov", 1},
		{"two same", "Ivan Ivan", "Ivan", "Ivan", 2},
		{"three", "Maxim  M.\u00a0Litvinov", "Maxim", "Litvinov", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first, last, n := edgeFields(tc.in)
			if first != tc.first || last != tc.last || n != tc.n {
				t.Errorf("edgeFields(%q) = %q, %q, %d; want %q, %q, %d", tc.in, first, last, n, tc.first, tc.last, tc.n)
			}
		})
	}
}

func TestLastWord(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // last first
	}{
		{"none", " , (", nil},
		{"title", "the Soviet Ambassador ", []string{"Ambassador", "Soviet", "the"}},
		{"apostrophes", "People’s Commissar, d'Orsay-x. ", []string{"d'Orsay-x.", "Commissar", "People’s"}},
		{"non-ASCII", "Reichskanzler Führer ", []string{"Führer", "Reichskanzler"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := backwardWords(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("backward words of %q = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func backwardWords(s string) []string {
	var out []string
	for end := len(s); ; {
		w, ok := lastWord(s, end)
		if !ok {
			return out
		}
		out = append(out, w.text)
		end = w.start
	}
}

// FuzzWordShortcuts checks edgeFields against strings.Fields and lastWord
// against splitWords on any valid UTF-8 text.
func FuzzWordShortcuts(f *testing.F) {
	for _, s := range []string{"", "the Soviet Ambassador ", "People’s  Commissar\tfor Foreign Affairs", "a\u2003b", "x.-' y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // documents are valid UTF-8
		}
		fs := strings.Fields(s)
		first, last, n := edgeFields(s)
		switch {
		case len(fs) == 0 && n != 0, len(fs) == 1 && (n != 1 || first != fs[0] || last != fs[0]),
			len(fs) > 1 && (n != 2 || first != fs[0] || last != fs[len(fs)-1]):
			t.Fatalf("edgeFields(%q) = %q, %q, %d; Fields gives %q", s, first, last, n, fs)
		}
		var want []string
		for _, w := range splitWords(s) {
			want = append(want, w.text)
		}
		slices.Reverse(want)
		if got := backwardWords(s); !slices.Equal(got, want) {
			t.Fatalf("backward words of %q = %q, want %q", s, got, want)
		}
	})
}

// FuzzTitleBefore checks titleBefore, which reads words backwards from
// the name, against titleBeforeSplit, the plain version that splits the
// whole text before the name first.
func FuzzTitleBefore(f *testing.F) {
	for _, s := range []string{"the Soviet Ambassador ", "People's Commissar for Foreign Affairs ", "and of ambassador. ",
		"Litvinov's deputy ", "In 1939 German Foreign Minister ", "( ", "to Ambassador and Minister "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		title, at := titleBefore(s)
		wantTitle, wantAt := titleBeforeSplit(s)
		if title != wantTitle || at != wantAt {
			t.Fatalf("titleBefore(%q) = %q, %d; want %q, %d", s, title, at, wantTitle, wantAt)
		}
	})
}

// titleBeforeSplit is titleBefore as first written: split every word of
// left, then walk back from the last.
func titleBeforeSplit(left string) (string, int) {
	ws := splitWords(left)
	if len(ws) == 0 || !strings.HasSuffix(left, " ") || strings.HasSuffix(left, ", ") || strings.HasSuffix(left, "( ") {
		return "", 0
	}
	// the words must run up to the name with single spaces
	i := len(ws) - 1
	if ws[i].end != len(left)-1 {
		return "", 0
	}
	lo := i
	for j := i; j >= 0; j-- {
		w := ws[j].text
		lw := strings.ToLower(w)
		if j < i && ws[j+1].start-ws[j].end != 1 {
			break // punctuation between
		}
		cap := w[0] >= 'A' && w[0] <= 'Z'
		if lw == "the" || lw == "a" || lw == "an" || lw == "his" || lw == "her" || lw == "their" || lw == "its" {
			break
		}
		if !cap && !officeWords[lw] && !titleJoiners[lw] && !strings.HasSuffix(lw, "'s") && !strings.HasSuffix(lw, "’s") {
			break
		}
		if lw == "and" || lw == "of" || lw == "for" || lw == "in" || lw == "to" {
			if j == i {
				break
			}
		}
		lo = j
	}
	for lo <= i && joinerOnly[strings.ToLower(ws[lo].text)] {
		lo++
	}
	if lo > i {
		return "", 0
	}
	title := left[ws[lo].start:ws[i].end]
	if !hasOffice(title) {
		return "", 0
	}
	// a sentence-initial "According" and the like are not titles
	if strings.Contains(strings.ToLower(title), " and ") {
		return "", 0
	}
	return title, ws[lo].start
}

func TestIsASCII(t *testing.T) {
	for _, s := range []string{"", "a", "the Pact of Steel", "exactly8", "sixteen bytes ok", "Führer", "the Molotov–Ribbentrop Pact", "1234567é", "é1234567", "12345678é"} {
		want := true
		for i := 0; i < len(s); i++ {
			want = want && s[i] < utf8.RuneSelf
		}
		if got := isASCII(s); got != want {
			t.Errorf("isASCII(%q) = %v, want %v", s, got, want)
		}
	}
}

// decodedSplitWords is splitWords as first written: every rune decoded
// and tested with isNameRune.
func decodedSplitWords(s string) []word {
	var out []word
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isNameRune(r) {
			i += w
			continue
		}
		j := i
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if !isNameRune(r2) {
				break
			}
			j += w2
		}
		out = append(out, word{s[i:j], i, j})
		i = j
	}
	return out
}

// FuzzSplitWordsASCII holds splitWords, which tells ASCII bytes without
// decoding, to decodedSplitWords on any text.
func FuzzSplitWordsASCII(f *testing.F) {
	for _, s := range []string{"", "Soviet Ambassadors to Germany", "People’s Commissars (1923–1941)", "x.-'_y\xff9", "Ä b\u2003c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitWords(s), decodedSplitWords(s); !slices.Equal(got, want) {
			t.Fatalf("splitWords(%q) = %+v, want %+v", s, got, want)
		}
	})
}
