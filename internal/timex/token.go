package timex

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord   tokKind = iota // letters
	tNum                   // digits, maybe with thousands separators or decimals
	tOrd                   // digits with an ordinal suffix: 17th, 1st
	tDecade                // digits with s: 1920s, 20s
	tPunct                 // one punctuation character
	tAlnum                 // any other mix of digits and letters
)

// Token flags.
const (
	fCap     uint16 = 1 << iota // starts with an upper-case letter
	fAllCap                     // all letters upper case, more than one
	fSpace                      // white space before the token
	fNewline                    // a line break before the token
	fGrouped                    // a number written with thousands separators
	fDecimal                    // a number with a decimal point
)

// token is a word, number or punctuation mark of the text, with byte
// offsets into the text it was cut from.
type token struct {
	start, end int32
	id         int32 // lexicon word id, -1 if unknown
	num        int32 // value of a number, ordinal or decade (1920 for 1920s)
	kind       tokKind
	ndig       int8 // digits in a number (before any separator)
	flags      uint16
}

// tokenize cuts text into tokens; offsets are shifted by base. With a
// lexicon, every token gets its word id.
func tokenize(text string, base int, lex *lexicon) []token {
	var buf []byte
	return appendTokens(nil, text, base, lex, &buf)
}

// lookup finds the word id of w. ASCII words go through the lexicon's
// own hash table, hashed and compared without building a lower-case
// copy; others are lower-cased into buf for the map.
func (l *lexicon) lookup(w string, buf *[]byte) int32 {
	if l.table != nil {
		h := uint32(2166136261)
		ascii := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint32(c)) * 16777619
		}
		if ascii {
			return l.probe(h, w)
		}
	}
	*buf = lowerInto((*buf)[:0], w)
	if id, ok := l.words[string(*buf)]; ok {
		return id
	}
	return -1
}

// appendTokens is tokenize appending to dst; buf is scratch space for
// lower-casing.
func appendTokens(dst []token, text string, base int, lex *lexicon, buf *[]byte) []token {
	i := 0
	var flags uint16
	for i < len(text) {
		if lex != nil && lex.table != nil {
			// Spaces, ASCII words and ASCII punctuation, most of a text,
			// are cut in a loop that calls nothing; it stops at what it
			// leaves to the loop below (a digit, a byte past ASCII, a
			// full array).
			dst, i, flags = appendASCIITokens(dst, text, base, i, flags, lex)
			if i >= len(text) {
				break
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				flags |= fSpace
				i++
				continue
			case c == '\n':
				flags |= fSpace | fNewline
				i++
				continue
			case c >= '0' && c <= '9':
				t, n := scanNumber(text, i)
				t.flags |= flags
				flags = 0
				t.start, t.end = int32(base+i), int32(base+i+n)
				t.id = -1
				if lex != nil && t.kind == tOrd {
					// Ordinals in digits ("17th") may be words of the lists.
					t.id = lex.lookup(text[i:i+n], buf)
				}
				dst = append(dst, t)
				i += n
				continue
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				if n, h, lower, ok := scanASCIIWord(text, i); ok {
					t := token{start: int32(base + i), end: int32(base + i + n), kind: tWord, flags: flags | asciiFlags(c, n, lower), id: -1}
					flags = 0
					if lex != nil {
						t.id = lex.idOf(text[i:i+n], h)
					}
					dst = append(dst, t)
					i += n
					continue
				}
				n := scanWord(text, i)
				t := token{start: int32(base + i), end: int32(base + i + n), kind: tWord, flags: flags, id: -1}
				flags = 0
				wordFlags(&t, text[i:i+n])
				if lex != nil {
					t.id = lex.lookup(text[i:i+n], buf)
				}
				dst = append(dst, t)
				i += n
				continue
			}
			// ASCII punctuation.
			t := token{start: int32(base + i), end: int32(base + i + 1), kind: tPunct, flags: flags, id: -1}
			flags = 0
			switch {
			case lex != nil && lex.table != nil:
				t.id = lex.punct[c]
			case lex != nil:
				if id, ok := lex.words[text[i:i+1]]; ok {
					t.id = id
				}
			}
			dst = append(dst, t)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == 0xA0 || r == 0x2009 || r == 0x202F || r == 0x200A || r == 0x2002 || r == 0x2003 || unicode.IsSpace(r):
			flags |= fSpace
			if r == 0x2028 || r == 0x2029 || r == 0x85 {
				flags |= fNewline
			}
			i += size
			continue
		case unicode.IsLetter(r):
			n := scanWord(text, i)
			t := token{start: int32(base + i), end: int32(base + i + n), kind: tWord, flags: flags, id: -1}
			flags = 0
			wordFlags(&t, text[i:i+n])
			if lex != nil {
				t.id = lex.lookup(text[i:i+n], buf)
			}
			dst = append(dst, t)
			i += n
			continue
		}
		t := token{start: int32(base + i), end: int32(base + i + size), kind: tPunct, flags: flags, id: -1}
		flags = 0
		if lex != nil {
			if k := punctKey(r); k != "" {
				if id, ok := lex.words[k]; ok {
					t.id = id
				}
			}
		}
		dst = append(dst, t)
		i += size
	}
	return dst
}

// appendASCIITokens is appendTokens for the spaces, ASCII words and ASCII
// punctuation from i on, with a lexicon that has its table; it returns
// where it stopped and the flags for the next token. It stops before a
// digit, a byte past ASCII or a word that runs into one, or when dst is
// full, and leaves that to appendTokens.
func appendASCIITokens(dst []token, text string, base, i int, flags uint16, lex *lexicon) ([]token, int, uint16) {
	table, mask := lex.table, lex.mask
	for i < len(text) && len(dst) < cap(dst) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			flags |= fSpace
			i++
			continue
		case c == '\n':
			flags |= fSpace | fNewline
			i++
			continue
		case c >= utf8.RuneSelf || c >= '0' && c <= '9':
			return dst, i, flags
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			n, h, lower, ok := scanASCIIWord(text, i)
			if !ok {
				return dst, i, flags
			}
			w := text[i : i+n]
			id := int32(-1)
			for k := h & mask; ; k = (k + 1) & mask {
				e := &table[k]
				if e.id < 0 {
					break
				}
				if e.hash == h && len(e.word) == len(w) && equalFoldASCII(e.word, w) {
					id = e.id
					break
				}
			}
			k := len(dst)
			dst = dst[:k+1]
			dst[k] = token{start: int32(base + i), end: int32(base + i + n), kind: tWord, flags: flags | asciiFlags(c, n, lower), id: id}
			flags = 0
			i += n
			continue
		}
		// ASCII punctuation.
		k := len(dst)
		dst = dst[:k+1]
		dst[k] = token{start: int32(base + i), end: int32(base + i + 1), kind: tPunct, flags: flags, id: lex.punct[c]}
		flags = 0
		i++
	}
	return dst, i, flags
}

// scanASCIIWord reads the word at i in one pass when it is all ASCII:
// its length, the hash lookup uses and whether it has a lower-case
// letter. It reports false for a word with other letters, left to
// scanWord.
func scanASCIIWord(text string, i int) (n int, h uint32, lower, ok bool) {
	h = 2166136261
	j := i
	for ; j < len(text); j++ {
		c := text[j]
		if c-'a' <= 'z'-'a' {
			lower = true
		} else if c-'A' <= 'Z'-'A' {
			c += 'a' - 'A'
		} else if c >= utf8.RuneSelf {
			return 0, 0, false, false
		} else {
			break
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return j - i, h, lower, true
}

// idOf is lookup for an ASCII word whose hash is h.
func (l *lexicon) idOf(w string, h uint32) int32 {
	if l.table != nil {
		return l.probe(h, w)
	}
	var buf []byte
	return l.lookup(w, &buf)
}

// asciiFlags are the flags wordFlags gives an ASCII word of n letters
// starting with c (lower: it has a lower-case letter).
func asciiFlags(c byte, n int, lower bool) uint16 {
	if c > 'Z' {
		return 0
	}
	if n >= 2 && !lower {
		return fCap | fAllCap
	}
	return fCap
}

// asciiWord reads the word at i as appendTokens does when it is all
// ASCII: its token (offsets left to the caller), its length; false for
// a word with other letters.
func asciiWord(text string, i int, lex *lexicon) (token, int, bool) {
	n, h, lower, ok := scanASCIIWord(text, i)
	if !ok {
		return token{}, 0, false
	}
	t := token{kind: tWord, id: -1, flags: asciiFlags(text[i], n, lower)}
	if lex != nil {
		t.id = lex.idOf(text[i:i+n], h)
	}
	return t, n, true
}

// punctKey is the lexicon spelling of a non-ASCII punctuation mark: curly
// apostrophes are the straight one, the many hyphens are "-", the dashes
// are "–" (en) and "—" (em).
func punctKey(r rune) string {
	switch r {
	case '\u2019', '\u2018', '\u02BC', '\u2032':
		return "'"
	case '\u2010', '\u2011', '\u2212', '\u00AD':
		return "-"
	case '\u2013', '\u2012':
		return "–"
	case '\u2014', '\u2015':
		return "—"
	case '\u201C', '\u201D', '\u201E':
		return "\""
	}
	return string(r)
}

// scanWord returns the length of the run of letters (and combining marks)
// starting at i.
func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		j += size
	}
	return j - i
}

func wordFlags(t *token, w string) {
	if w == "" {
		return
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return
	}
	t.flags |= fCap
	if len(w) < 2 {
		return
	}
	for _, r := range w {
		if unicode.IsLower(r) {
			return
		}
	}
	t.flags |= fAllCap
}

// scanNumber reads a number starting at i: digits, thousands groups
// ("100,000"), a decimal part ("2.5"), and a suffix that makes it an
// ordinal ("17th") or a decade ("1920s").
func scanNumber(text string, i int) (token, int) {
	j := i
	v := 0
	for j < len(text) && text[j] >= '0' && text[j] <= '9' {
		if v < 1e8 {
			v = v*10 + int(text[j]-'0')
		}
		j++
	}
	t := token{kind: tNum, num: int32(v), ndig: int8(min(j-i, 100))}
	// Thousands groups: ",ddd" repeated, each followed by a non-digit.
	for j+3 < len(text) && text[j] == ',' && isDigit3(text[j+1:j+4]) && (j+4 == len(text) || !isDigitByte(text[j+4])) {
		for k := j + 1; k < j+4; k++ {
			if v < 1e8 {
				v = v*10 + int(text[k]-'0')
			}
		}
		j += 4
		t.flags |= fGrouped
		t.num = int32(v)
	}
	if j+1 < len(text) && text[j] == '.' && isDigitByte(text[j+1]) && t.flags&fGrouped == 0 {
		j++
		for j < len(text) && isDigitByte(text[j]) {
			j++
		}
		t.flags |= fDecimal
	}
	// Suffix letters.
	k := j
	for k < len(text) && (text[k] >= 'a' && text[k] <= 'z' || text[k] >= 'A' && text[k] <= 'Z') {
		k++
	}
	if k > j && t.flags&(fGrouped|fDecimal) == 0 {
		suf := text[j:k]
		switch {
		case (suf == "s" || suf == "S") && v%10 == 0:
			t.kind = tDecade
			return t, k - i
		case isOrdSuffix(suf, v):
			t.kind = tOrd
			return t, k - i
		}
		t.kind = tAlnum
		return t, k - i
	}
	// A decade written with an apostrophe: 1920's.
	if j+2 < len(text) && text[j] == '\'' && text[j+1] == 's' && (j+2 == len(text) || !isLetterByte(text[j+2])) && v%10 == 0 && t.flags&(fGrouped|fDecimal) == 0 && (t.ndig == 4 || t.ndig == 2) {
		t.kind = tDecade
		return t, j + 2 - i
	}
	return t, j - i
}

func isOrdSuffix(s string, v int) bool {
	switch s {
	case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH", "d": // "2d", "3d" in older prose
		return true
	}
	return false
}

func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit3(s string) bool   { return isDigitByte(s[0]) && isDigitByte(s[1]) && isDigitByte(s[2]) }

// lowerInto appends the lower-case form of s to buf.
func lowerInto(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			return buf
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// keyOf is the lexicon key of token t whose text is s.
func keyOf(s string, t token) string {
	if t.kind == tPunct {
		r, _ := utf8.DecodeRuneInString(s)
		if r >= utf8.RuneSelf {
			return punctKey(r)
		}
		return s
	}
	return string(lowerInto(nil, s))
}
