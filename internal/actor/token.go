package actor

import (
	"strings"
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
	// word and class are the lexicon's knowledge of the key, when
	// tokenised with a lexicon (known says so).
	word  int32
	class uint8
	known bool
}

func (t token) is(f uint8) bool { return t.shape&f != 0 }

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// tokenize splits text[start:end] into words and punctuation marks. A
// possessive "'s" and every dash and hyphen are tokens of their own, so that
// "Germany's" and "Soviet-German" yield their names; an apostrophe between
// letters stays in the word ("d'Orsay"). Offsets are into text.
func tokenize(text string, start, end int, out []token) []token {
	return tokenizeWith(text, start, end, out, nil, nil)
}

// strArena makes strings out of bytes in shared blocks, so that the many
// short keys and ids of a document cost a few allocations, not one each.
// A string made stays valid: a full block is left to its strings and a new
// one begun.
type strArena struct {
	b strings.Builder
}

// arenaBlock is the size of an arena's blocks.
const arenaBlock = 2048

// str returns p as a string; a nil arena allocates it alone.
func (a *strArena) str(p []byte) string {
	if a == nil || len(p) > arenaBlock/4 {
		return string(p)
	}
	if a.b.Cap()-a.b.Len() < len(p) {
		a.b = strings.Builder{}
		a.b.Grow(arenaBlock)
	}
	n := a.b.Len()
	a.b.Write(p)
	return a.b.String()[n:]
}

// tokenizeWith is tokenize that also looks each word up in the lexicon,
// reusing the lexicon's copy of a capitalised word's key instead of
// allocating one.
func tokenizeWith(text string, start, end int, out []token, lex *lexicon, arena *strArena) []token {
	i := start
	for i < end {
		c := text[i]
		if c == ' ' || c == '\n' {
			i++
			continue
		}
		if c < utf8.RuneSelf && isASCIIAlnum(c) {
			// Fast path for a word of ASCII letters and digits: one
			// pass reads its case and hashes its lower-case key.
			j, upper, letters, h := readASCIIWord(text, i, end)
			if j == end || (text[j] < utf8.RuneSelf && text[j] != '\'') {
				if lex != nil {
					// lexWord sets every field: the slot is not cleared first
					// (clearing a reused slot that holds a key costs a write
					// barrier while the collector runs).
					if len(out) < cap(out) {
						out = out[:len(out)+1]
					} else {
						out = append(out, token{})
					}
					lexWord(&out[len(out)-1], text, i, j, upper, letters, h, lex, arena)
				} else {
					out = append(out, asciiWord(text, i, j, nil))
				}
				i = j
				continue
			}
		}
		if c < utf8.RuneSelf && !isASCIIAlnum(c) && c != '\'' && c != '\t' && c != '\r' && c > ' ' {
			// ASCII punctuation: its own key, no allocation.
			t := token{start: int32(i), end: int32(i + 1), key: text[i : i+1], shape: tPunct}
			if lex != nil {
				t.setInfo(lex.punct[c])
			}
			out = append(out, t)
			i++
			continue
		}
		i, out = otherToken(text, i, end, out, lex)
	}
	return out
}

// otherToken is tokenizeWith past its fast paths: it reads the token or
// space at text[i] that is not an ASCII word or mark and returns where it
// stops.
func otherToken(text string, i, end int, out []token, lex *lexicon) (int, []token) {
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
		if lex != nil {
			t.setInfo(lex.info(t.key))
		}
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
		out = append(out, punctToken(i, i+size+1, "'s", lex))
		i += size + 1
	default:
		k := text[i : i+size] // the rune as written
		if r == utf8.RuneError && size == 1 {
			k = string(r) // an invalid byte: the replacement character
		}
		if f, ok := foldTable[r]; ok {
			k = f
		}
		out = append(out, punctToken(i, i+size, k, lex))
		i += size
	}
	return i, out
}

// readASCIIWord reads the ASCII letters and digits from text[i:end]: it
// returns where they stop, how many are capitals and letters, and the
// hash of their lower-case form. It is a function of its own so that its
// loop keeps its counters in registers (in tokenizeWith's body they went
// to the stack).
//
//go:noinline
func readASCIIWord(text string, i, end int) (j, upper, letters int, h uint32) {
	h = hashInit
	text = text[:end]
	for j = i; j < len(text); j++ {
		b := text[j]
		switch {
		case 'a' <= b && b <= 'z':
			letters++
		case 'A' <= b && b <= 'Z':
			letters++
			upper++
			b += 'a' - 'A'
		case '0' <= b && b <= '9':
		default:
			return j, upper, letters, h
		}
		h = (h ^ uint32(b)) * hashPrime
	}
	return j, upper, letters, h
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

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// asciiWord makes the token of an ASCII word text[i:j].
func asciiWord(text string, i, j int, lex *lexicon) token {
	w := text[i:j]
	t := token{start: int32(i), end: int32(j), shape: tWord}
	upper, letters := 0, 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			upper++
			letters++
		} else if 'a' <= c && c <= 'z' {
			letters++
		}
	}
	c := w[0]
	switch {
	case 'A' <= c && c <= 'Z':
		t.shape |= tCap
		if len(w) == 1 {
			t.shape |= tInitial
		}
	case '0' <= c && c <= '9':
		t.shape |= tDigit
	}
	if letters >= 2 && upper == letters {
		t.shape |= tAllCaps
	}
	switch {
	case upper == 0:
		t.key = w
		if lex != nil {
			t.setInfo(lex.info(w))
		}
	case lex != nil && len(w) <= 64:
		var buf [64]byte
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		if wi, ok := lex.vocab[string(buf[:len(w)])]; ok {
			t.key = wi.key
			t.setInfo(wi)
		} else {
			t.key = string(buf[:len(w)])
			t.setInfo(wordInfo{id: -1})
		}
	default:
		t.key = strings.ToLower(w)
	}
	return t
}

// lexWord is asciiWord with a lexicon, from the counts of capitals and
// letters and the hash of the lower-case key that the tokenizer made
// while reading the word. It sets every field of *t.
func lexWord(t *token, text string, i, j, upper, letters int, h uint32, lex *lexicon, arena *strArena) {
	t.start, t.end, t.shape, t.class = int32(i), int32(j), tWord, 0
	c := text[i]
	switch {
	case 'A' <= c && c <= 'Z':
		t.shape |= tCap
		if j-i == 1 {
			t.shape |= tInitial
		}
	case '0' <= c && c <= '9':
		t.shape |= tDigit
	}
	if letters >= 2 && upper == letters {
		t.shape |= tAllCaps
	}
	t.known = true
	if upper == 0 {
		t.key = text[i:j]
		if k := lex.find(t.key, h); k >= 0 {
			w := &lex.words[k]
			t.word, t.class = w.id, w.class
		} else {
			t.word = -1
		}
		return
	}
	if k := lex.findFold(text[i:j], h); k >= 0 {
		w := &lex.words[k]
		t.key, t.word, t.class = w.key, w.id, w.class
		return
	}
	if j-i <= 64 {
		var buf [64]byte
		for k := i; k < j; k++ {
			c := text[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k-i] = c
		}
		t.key = arena.str(buf[:j-i])
	} else {
		t.key = strings.ToLower(text[i:j])
	}
	t.setInfo(wordInfo{id: -1})
}

func punctToken(i, j int, key string, lex *lexicon) token {
	t := token{start: int32(i), end: int32(j), key: key, shape: tPunct}
	if lex != nil {
		t.setInfo(lex.info(key))
	}
	return t
}

func (t *token) setInfo(wi wordInfo) { t.word, t.class, t.known = wi.id, wi.class, true }
