package actor

import (
	"testing"

	"github.com/chronicle-history/chronicle/internal/corpus"
)

// tokenizeSlow is what tokenizeWith must equal: the plain tokenizer, then
// each token's key looked up in the lexicon.
func tokenizeSlow(text string, start, end int, lex *lexicon) []token {
	toks := tokenize(text, start, end, nil)
	for i := range toks {
		toks[i].setInfo(lex.info(toks[i].key))
	}
	return toks
}

// checkTokenizeWith compares tokenizeWith on text[start:end] with
// tokenizeSlow, token by token.
func checkTokenizeWith(t *testing.T, lex *lexicon, text string, start, end int) {
	t.Helper()
	var arena strArena
	got := tokenizeWith(text, start, end, nil, lex, &arena)
	want := tokenizeSlow(text, start, end, lex)
	if len(got) != len(want) {
		t.Fatalf("%q [%d:%d]: %d tokens, want %d", text, start, end, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q [%d:%d]: token %d = %+v, want %+v", text, start, end, i, got[i], want[i])
		}
	}
}

// TestTokenizeWith checks the lexicon tokenizer's fast paths (ASCII words
// read, hashed and looked up in one pass) against the plain tokenizer.
func TestTokenizeWith(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, text string }{
		{"lower words", "the treaty was signed by both states"},
		{"capitals", "Soviet Union USSR NKVD Molotov D. Weitz A"},
		{"digits", "1939 2nd 10x X1 1A"},
		{"possessive", "Germany's Stalin's it's Hitler's"},
		{"apostrophe inside", "Quai d'Orsay o'clock D'Abernon rock'n'roll"},
		{"apostrophe at end", "the states' x' Kopp'"},
		{"quote before non-ASCII", "Germany'é Stalin'sé Kopp's"},
		{"non-ASCII after word", "Rapallo–Berlin Café Gdańsk"},
		{"punctuation", "(a), [b]; c: d! \"e\" f-g"},
		{"founding article", string(corpus.Founding())},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkTokenizeWith(t, r.lex, tc.text, 0, len(tc.text))
			checkTokenizeWith(t, r.lex, tc.text, len(tc.text)/3, 2*len(tc.text)/3)
		})
	}
}

// FuzzTokenizeWith checks tokenizeWith against the plain tokenizer on any
// text, whole and in a middle range.
func FuzzTokenizeWith(f *testing.F) {
	f.Add("Germany's Quai d'Orsay: USSR, 1939; Café's x'")
	f.Add(string(corpus.Founding()[:2000]))
	r, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokenizeWith(t, r.lex, text, 0, len(text))
		checkTokenizeWith(t, r.lex, text, len(text)/3, 2*len(text)/3)
	})
}

// TestTokenFlagsTable checks that match's flags by table (class bits at
// the flags' places, shapeFlags for the shape) equal tokFlags for every
// shape and class.
func TestTokenFlagsTable(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for shape := 0; shape < 64; shape++ {
		for class := 0; class < 1<<11; class++ {
			tok := token{shape: uint8(shape), class: uint16(class)}
			got := uint8(tok.class&classFlags) | r.lex.shapeFlags[tok.shape&63]
			if want := tokFlags(&tok); got != want {
				t.Fatalf("shape %b class %b: flags %b, want %b", shape, class, got, want)
			}
		}
	}
}

// TestSkipFlags checks skipFlags against a byte-by-byte scan at every
// start, for runs shorter and longer than eight.
func TestSkipFlags(t *testing.T) {
	for _, tc := range []struct {
		name  string
		flags []uint8
	}{
		{"empty", nil},
		{"none", make([]uint8, 19)},
		{"short", []uint8{0, 0, fScan, 0, fItem}},
		{"long gaps", []uint8{0, 0, 0, 0, 0, 0, 0, 0, 0, fName, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, fStarts | fScan, 0, fInName}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, m := range []uint8{fStarts, fItem | fName, fInName | fItem | fScan} {
				for i := 0; i <= len(tc.flags); i++ {
					want := i
					for want < len(tc.flags) && tc.flags[want]&m == 0 {
						want++
					}
					if got := skipFlags(tc.flags, i, m); got != want {
						t.Errorf("skipFlags(%v, %d, %b) = %d, want %d", tc.flags, i, m, got, want)
					}
				}
			}
		})
	}
}
