package actor

import (
	"unicode"
	"unicode/utf8"
)

// Token shapes.
const (
	tWord    uint8 = 1 << iota // letters (and digits) of a word
	tCap                       // first letter upper-case
	tAllCaps                   // every letter upper-case, at least two letters
	tDigit                     // starts with a digit
	tPunct                     // a punctuation mark
	tInitial                   // a single upper-case letter (an initial, "D" of "Eric D. Weitz")
)

// token is a word or punctuation mark of the clean text.
type token struct {
	start, end int32
	key        string // folded form used in lookups
	shape      uint8
}

func (t token) is(f uint8) bool { return t.shape&f != 0 }

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// tokenize splits text[start:end] into words and punctuation marks. A
// possessive "'s" and every dash and hyphen are tokens of their own, so that
// "Germany's" and "Soviet-German" yield their names; an apostrophe between
// letters stays in the word ("d'Orsay"). Offsets are into text.
func tokenize(text string, start, end int, out []token) []token {
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || unicode.IsSpace(r):
			i += size
		case isLetter(r) || unicode.IsDigit(r):
			j := i
			allCaps, letters := true, 0
			first := r
			for j < end {
				r2, s2 := utf8.DecodeRuneInString(text[j:end])
				if isLetter(r2) || unicode.IsDigit(r2) {
					if unicode.IsLetter(r2) {
						letters++
						if !unicode.IsUpper(r2) {
							allCaps = false
						}
					}
					j += s2
					continue
				}
				if r2 == '\'' || r2 == '’' {
					// Keep an apostrophe between letters ("d'Orsay"), but
					// not a possessive "'s".
					k := j + s2
					if k < end {
						r3, s3 := utf8.DecodeRuneInString(text[k:end])
						if isLetter(r3) && !(r3 == 's' && (k+s3 >= end || !isLetterAt(text, k+s3, end))) {
							j = k
							continue
						}
					}
				}
				break
			}
			t := token{start: int32(i), end: int32(j), key: fold(text[i:j]), shape: tWord}
			if unicode.IsUpper(first) {
				t.shape |= tCap
				if letters == 1 && j-i == utf8.RuneLen(first) {
					t.shape |= tInitial
				}
			}
			if allCaps && letters >= 2 {
				t.shape |= tAllCaps
			}
			if unicode.IsDigit(first) {
				t.shape |= tDigit
			}
			out = append(out, t)
			i = j
		case (r == '\'' || r == '’') && i+size < end && (text[i+size] == 's') && !isLetterAt(text, i+size+1, end):
			out = append(out, token{start: int32(i), end: int32(i + size + 1), key: "'s", shape: tPunct})
			i += size + 1
		default:
			k := string(r)
			if f, ok := foldTable[r]; ok {
				k = f
			}
			out = append(out, token{start: int32(i), end: int32(i + size), key: k, shape: tPunct})
			i += size
		}
	}
	return out
}

func isLetterAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return isLetter(r)
}

// tokenizeName splits a registry name the way tokenize splits text.
func tokenizeName(name string) []token { return tokenize(name, 0, len(name), nil) }
