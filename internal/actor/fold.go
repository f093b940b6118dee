package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps accented Latin letters to their base letters so that
// "Piłsudski" and "Pilsudski", "Thälmann" and "Thalmann" meet in the same
// key. The table is read-only.
var foldTable = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c",
	'ď': "d", 'đ': "d", 'ð': "d", 'Ð': "d", 'Đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ģ': "g",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i", 'İ': "i",
	'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ŕ': "r", 'ř': "r",
	'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y",
	'ź': "z", 'ż': "z", 'ž': "z",
	'æ': "ae", 'œ': "oe", 'þ': "th",
	'ʻ': "", '’': "'", '‘': "'", 'ʼ': "'",
	'–': "-", '—': "-", '‐': "-", '‑': "-", '−': "-",
}

// fold lower-cases s and strips diacritics: the key under which names are
// looked up.
func fold(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
		upper = upper || 'A' <= s[i] && s[i] <= 'Z'
	}
	if ascii {
		if !upper {
			return s
		}
		// An ASCII name: only its capitals change, by runs.
		var b strings.Builder
		b.Grow(len(s))
		from := 0
		for i := 0; i < len(s); i++ {
			if c := s[i]; 'A' <= c && c <= 'Z' {
				b.WriteString(s[from:i])
				b.WriteByte(c + 'a' - 'A')
				from = i + 1
			}
		}
		b.WriteString(s[from:])
		return b.String()
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		if unicode.IsLetter(r) {
			// Any other accented letter ("ế", "ũ", "ọ"): its base
			// letters, without the combining marks.
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(d)
				}
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldEqual reports whether fold(a) == fold(b), without building either
// key when both are ASCII (the case of nearly every name compared).
func foldEqual(a, b string) bool {
	if isASCII(a) && isASCII(b) {
		// for ASCII strings fold is lower-casing, and EqualFold
		// compares ASCII letters case-insensitively
		return strings.EqualFold(a, b)
	}
	return fold(a) == fold(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Slug makes the id part of a name: lower-case ASCII words joined by
// hyphens ("People's Commissariat" -> "peoples-commissariat").
func Slug(s string) string { return prefixSlug("", s) }

// prefixSlug is prefix + Slug(s) ("person:" + Slug(name)) in one
// allocation.
func prefixSlug(prefix, s string) string { return (*strArena)(nil).prefixSlug(prefix, s) }

// prefixSlug is prefixSlug with the string made in the arena.
func (a *strArena) prefixSlug(prefix, s string) string {
	var buf [128]byte
	b := append(buf[:0], prefix...)
	n := len(b)
	dash := false
	if isASCII(s) {
		// fold of ASCII is lower-casing
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				if dash && len(b) > n {
					b = append(b, '-')
				}
				dash = false
				b = append(b, c)
			case c == '\'' || c == '.':
			default:
				dash = true
			}
		}
		return a.str(b)
	}
	for _, r := range fold(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && len(b) > n {
				b = append(b, '-')
			}
			dash = false
			b = append(b, byte(r))
		case r == '\'' || r == '.':
			// "People's" -> "peoples", "U.S." -> "us"
		default:
			dash = true
		}
	}
	return a.str(b)
}

// nameKey is the key under which person names are compared across
// spellings and transliterations: folded, particles dropped, and the
// common variants of romanised Russian made equal (Joffe/Ioffe,
// Potemkin/Potyomkin, Aleksey/Alexei, Krestinsky/Krestinskii).
func nameKey(name string) string { return nameKeyIn(name, nil) }

// nameKeyIn is nameKey with the key made in the arena.
func nameKeyIn(name string, arena *strArena) string {
	// One pass into a stack buffer: fold, split at spaces and dots, drop
	// particles, transliterate, join with single spaces; one allocation.
	var fbuf, obuf [128]byte
	var f []byte
	if isASCII(name) && len(name) <= len(fbuf) {
		f = fbuf[:len(name)]
		for i := 0; i < len(name); i++ {
			c := name[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			f[i] = c
		}
	} else {
		f = []byte(fold(name))
	}
	out := obuf[:0]
	for i := 0; i < len(f); {
		if f[i] == ' ' || f[i] == '.' {
			i++
			continue
		}
		j := i
		for j < len(f) && f[j] != ' ' && f[j] != '.' {
			j++
		}
		w := f[i:j]
		i = j
		if particles[string(w)] || string(w) == "graf" || string(w) == "freiherr" || string(w) == "count" {
			continue
		}
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = appendTranslit(out, w)
	}
	return arena.str(out)
}

// appendTranslit appends w to b with the spelling variants of romanised
// names folded: x = ks, ph = f, yo = ye = e, jo = io, w = v, ck = k,
// tz = ts, sz = zs = s, y = j = i, and doubled letters count once.
func appendTranslit(b, w []byte) []byte {
	var prev byte
	put := func(c byte) {
		if c == prev && c != '-' {
			return
		}
		b = append(b, c)
		prev = c
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		var next byte
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case c == 'x':
			put('k')
			put('s')
		case c == 'p' && next == 'h':
			put('f')
			i++
		case c == 'y' && (next == 'o' || next == 'e'):
			put('e')
			i++
		case c == 'j' && next == 'o':
			put('i')
			put('o')
			i++
		case c == 'w':
			put('v')
		case c == 'c' && next == 'k':
			put('k')
			i++
		case c == 't' && next == 'z':
			put('t')
			put('s')
			i++
		case (c == 's' && next == 'z') || (c == 'z' && next == 's'):
			put('s')
			i++
		case c == 'y' || c == 'j':
			put('i')
		default:
			put(c)
		}
	}
	return b
}

// particles are the lower-case words inside European surnames.
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "du": true, "des": true,
	"di": true, "da": true, "del": true, "della": true, "la": true, "le": true, "zu": true,
	"ten": true, "ter": true, "y": true, "dos": true, "das": true, "af": true, "vom": true,
}
