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
	// word and class are the lexicon's knowledge of the key, when
	// tokenised with a lexicon (known says so).
	word  int32
	class uint16
	shape uint8
	known bool
}

func (t *token) is(f uint8) bool { return t.shape&f != 0 }

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
	if lex != nil {
		return tokenizeLex(text[:end], start, out, lex, arena)
	}
	i := start
	for i < end {
		c := text[i]
		if c == ' ' || c == '\n' {
			i++
			continue
		}
		if c < utf8.RuneSelf && isASCIIAlnum(c) {
			j := i + 1
			for j < end && isASCIIAlnum(text[j]) {
				j++
			}
			if j == end || (text[j] < utf8.RuneSelf && text[j] != '\'') {
				out = append(out, asciiWord(text, i, j, nil))
				i = j
				continue
			}
		}
		if c < utf8.RuneSelf && !isASCIIAlnum(c) && c != '\'' && c != '\t' && c != '\r' && c > ' ' {
			out = append(out, token{start: int32(i), end: int32(i + 1), key: text[i : i+1], shape: tPunct})
			i++
			continue
		}
		i, out = otherToken(text, i, end, out, nil)
	}
	return out
}

// tokenizeLex is tokenizeWith with a lexicon over text[start:], the
// sentence ending where text ends. A word of ASCII letters and digits, most
// words, is read, classed and hashed in one pass over its bytes, and a
// lower-case one is looked up and stored here; a capitalised one goes to
// lexWord.
func tokenizeLex(text string, start int, out []token, lex *lexicon, arena *strArena) []token {
	cls := &lex.alnum
	slots, words := lex.slots, lex.words
	mask := uint32(len(slots) - 1)
	i := start
	for i < len(text) {
		c := text[i]
		if c == ' ' || c == '\n' {
			i++
			continue
		}
		if f := cls[c]; f != 0 {
			// b|0x20 is the lower case of an ASCII letter or digit b.
			h := (hashInit ^ uint32(c|0x20)) * hashPrime
			j := i + 1
			for j < len(text) {
				b := text[j]
				g := cls[b]
				if g == 0 {
					break
				}
				f |= g
				h = (h ^ uint32(b|0x20)) * hashPrime
				j++
			}
			if j == len(text) || (text[j] < utf8.RuneSelf && (text[j] != '\'' || wordEndsAtQuote(text, j))) ||
				(text[j] >= utf8.RuneSelf && wordEndsAtRune(text, j)) {
				// Every field of the slot is set: it is not cleared first
				// (clearing a reused slot that holds a key costs a write
				// barrier while the collector runs).
				if len(out) < cap(out) {
					out = out[:len(out)+1]
				} else {
					out = append(out, token{})
				}
				t := &out[len(out)-1]
				if f&cUpper != 0 {
					lexWord(t, text, i, j, f, h, lex, arena)
					i = j
					continue
				}
				shape := tWord
				if f&cDigit != 0 && c-'0' < 10 {
					shape |= tDigit
				}
				w := text[i:j]
				id, class := int32(-1), uint16(0)
				for k := h & mask; ; k = (k + 1) & mask {
					s := slots[k]
					if s == 0 {
						break
					}
					if uint32(s>>32) == h {
						if e := &words[uint32(s)-1]; e.key == w {
							id, class = e.id, e.class
							break
						}
					}
				}
				t.start, t.end, t.key, t.shape, t.word, t.class, t.known = int32(i), int32(j), w, shape, id, class, true
				i = j
				continue
			}
		}
		if c < utf8.RuneSelf && cls[c] == 0 && c != '\'' && c != '\t' && c != '\r' && c > ' ' {
			// ASCII punctuation: its own key, no allocation.
			t := token{start: int32(i), end: int32(i + 1), key: text[i : i+1], shape: tPunct}
			t.setInfo(lex.punct[c])
			out = append(out, t)
			i++
			continue
		}
		i, out = otherToken(text, i, len(text), out, lex)
	}
	return out
}

// wordEndsAtQuote reports, for an ASCII word followed by an apostrophe at
// text[j], that otherToken would end the word there too: the apostrophe
// is not followed by a letter, or is a possessive "'s". It says false
// when the bytes after it are not ASCII, leaving those to otherToken.
func wordEndsAtQuote(text string, j int) bool {
	k := j + 1
	if k >= len(text) {
		return true
	}
	n := text[k]
	if n >= utf8.RuneSelf {
		return false
	}
	if !isASCIILetter(n) {
		return true
	}
	if n != 's' {
		return false
	}
	if k+1 >= len(text) {
		return true
	}
	m := text[k+1]
	return m < utf8.RuneSelf && !isASCIILetter(m)
}

// wordEndsAtRune reports, for an ASCII word followed by a non-ASCII rune
// at text[j], that otherToken would end the word there too: the rune is
// neither a letter, a digit, nor an apostrophe ("Soviet–German").
func wordEndsAtRune(text string, j int) bool {
	r, _ := utf8.DecodeRuneInString(text[j:])
	return r != '’' && !isLetter(r) && !unicode.IsDigit(r)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

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

// lexWord is asciiWord with a lexicon for a word with a capital, from
// the classes of its bytes (cDigit, cLower, cUpper ored) and the hash of
// its lower-case key that the tokenizer made while reading the word. It
// sets every field of *t.
func lexWord(t *token, text string, i, j int, f uint8, h uint32, lex *lexicon, arena *strArena) {
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
	if f&cLower == 0 {
		// Every letter a capital: "all capitals" needs two of them.
		upper := 0
		for k := i; k < j && upper < 2; k++ {
			if text[k] >= 'A' {
				upper++
			}
		}
		if upper >= 2 {
			t.shape |= tAllCaps
		}
	}
	t.known = true
	var k int32
	if j-i <= 8 && i+8 <= len(text) {
		// Lower case by bit 0x20 of every byte (the word is ASCII letters
		// and digits).
		k = lex.findShort(load8(text, i, j)|(lowerBits&(^uint64(0)>>(64-8*uint(j-i)))), h)
	} else {
		k = lex.findFold(text[i:j], h)
	}
	if k >= 0 {
		w := &lex.words[k]
		t.key, t.word, t.class = w.key, w.id, w.class
		return
	}
	if j-i <= 64 {
		var buf [64]byte
		for k := i; k < j; k++ {
			buf[k-i] = text[k] | 0x20
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
