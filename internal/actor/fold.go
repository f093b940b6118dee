package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldTable maps accented Latin letters to their base letters so that
// "Piłsudski" and "Pilsudski", "Thälmann" and "Thalmann" meet in the same
// key. The table is read-only.
var foldTable = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c",
	'ď': "d", 'đ': "d", 'ð': "d",
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
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || ('A' <= s[i] && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
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
		b.WriteRune(r)
	}
	return b.String()
}

// Slug makes the id part of a name: lower-case ASCII words joined by
// hyphens ("People's Commissariat" -> "peoples-commissariat").
func Slug(s string) string {
	f := fold(s)
	var b strings.Builder
	dash := false
	for _, r := range f {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'' || r == '.':
			// "People's" -> "peoples", "U.S." -> "us"
		default:
			dash = true
		}
	}
	return b.String()
}

// nameKey is the key under which person names are compared across
// spellings and transliterations: folded, particles dropped, and the
// common variants of romanised Russian made equal (Joffe/Ioffe,
// Potemkin/Potyomkin, Aleksey/Alexei, Krestinsky/Krestinskii).
func nameKey(name string) string {
	words := strings.FieldsFunc(fold(name), func(r rune) bool { return r == ' ' || r == '.' })
	var parts []string
	for _, w := range words {
		if particles[w] || w == "graf" || w == "freiherr" || w == "count" {
			continue
		}
		parts = append(parts, translit(w))
	}
	return strings.Join(parts, " ")
}

// translit folds the spelling variants of romanised names.
func translit(w string) string {
	r := strings.NewReplacer("x", "ks", "ph", "f", "yo", "e", "ye", "e", "jo", "io", "w", "v", "ck", "k", "tz", "ts", "sz", "s", "zs", "s")
	w = r.Replace(w)
	var b strings.Builder
	var prev byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 'y', 'j':
			c = 'i'
		}
		if c == prev && c != '-' {
			continue
		}
		b.WriteByte(c)
		prev = c
	}
	return b.String()
}

// particles are the lower-case words inside European surnames.
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "du": true, "des": true,
	"di": true, "da": true, "del": true, "della": true, "la": true, "le": true, "zu": true,
	"ten": true, "ter": true, "y": true, "dos": true, "das": true, "af": true, "vom": true,
}
