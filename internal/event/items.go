package event

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// itemKind says what one unit of a chunked sentence is.
type itemKind uint8

const (
	itWord    itemKind = iota // a word
	itPunct                   // punctuation
	itMention                 // a whole actor mention (one or more words)
	itTimex                   // a whole temporal expression
	itName                    // a named record: a treaty, pact, agreement …
)

// item is one unit of a sentence as the event coder sees it: words and
// punctuation, with every actor mention, temporal expression and named
// record collapsed into a single unit, so that patterns can say "a state,
// then a verb, then a treaty" without caring how many words each takes.
type item struct {
	kind       itemKind
	start, end int    // clean offsets
	text       string // as written
	lower      string // lower-cased (words only)
	cap        bool   // starts with an upper-case letter
	ref        int    // index into Document.Mentions / Timexes / the sentence's names
}

// tokenize splits the clean text s (starting at clean offset base) into
// word and punctuation items. Letters and digits with inner hyphens,
// apostrophes and periods form words; a possessive "'s" and "n't" are words
// of their own.
func tokenize(s string, base int, out []item) []item {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if (r == '\'' || r == '’') && i+w < len(s) && s[i+w] == 's' && (i+w+1 == len(s) || !isWordByte(s[i+w+1])) {
			out = append(out, item{kind: itWord, start: base + i, end: base + i + w + 1, text: s[i : i+w+1], lower: "'s"})
			i += w + 1
			continue
		}
		if !isWordRune(r) {
			out = append(out, item{kind: itPunct, start: base + i, end: base + i + w, text: s[i : i+w], lower: s[i : i+w]})
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				j += w2
				continue
			}
			// Inner joiners: a hyphen, apostrophe or period followed by
			// a letter or digit ("Brest-Litovsk", "U.S.", "1.2").
			if r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == ',' && isDigitRun(s[i:j]) {
				if j+w2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if isWordRune(r3) && (r2 != ',' || unicode.IsDigit(r3) && digitsAhead(s[j+w2:]) == 3) {
						if (r2 == '\'' || r2 == '’') && (strings.HasPrefix(s[j+w2:], "s ") || s[j+w2:] == "s" || strings.HasPrefix(s[j+w2:], "s,") || strings.HasPrefix(s[j+w2:], "s.")) {
							break // possessive
						}
						j += w2
						continue
					}
				}
			}
			break
		}
		word := s[i:j]
		lw := strings.ToLower(word)
		if strings.HasSuffix(lw, "n't") && len(lw) > 3 {
			// "didn't" → "did", "n't"
			k := j - 3
			out = append(out, mkWord(s[i:k], base+i))
			out = append(out, mkWord(s[k:j], base+k))
		} else {
			out = append(out, mkWord(word, base+i))
		}
		i = j
	}
	return out
}

func mkWord(w string, start int) item {
	r, _ := utf8.DecodeRuneInString(w)
	return item{kind: itWord, start: start, end: start + len(w), text: w, lower: strings.ToLower(w), cap: unicode.IsUpper(r)}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

func isDigitRun(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != ',' {
			return false
		}
	}
	return s != ""
}

func digitsAhead(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// sentenceItems chunks one sentence: its words and punctuation, with the
// mentions and timexes whose clean spans lie inside the sentence collapsed
// into single items. ms and ts are indexes into d.Mentions and d.Timexes of
// the annotations inside the sentence. The text between annotations is
// tokenized on its own, so "Soviet-French" with two mentions is three items.
func sentenceItems(d *doc.Document, s doc.Sentence, ms, ts []int, buf []item) []item {
	if len(ms) == 0 && len(ts) == 0 {
		return tokenize(d.Text[s.Clean.Start:s.Clean.End], s.Clean.Start, buf[:0])
	}
	type span struct {
		kind       itemKind
		start, end int
		ref        int
	}
	spans := make([]span, 0, len(ms)+len(ts))
	// Timexes first: a date inside an actor's name is rare, a state named
	// inside a date rarer still.
	for _, ti := range ts {
		t := d.Timexes[ti]
		// a "date" inside a person's name is part of the name ("Ernst
		// August Köstring")
		inside := false
		for _, mi := range ms {
			m := d.Mentions[mi].Clean
			if m.Start <= t.Clean.Start && t.Clean.End <= m.End && m.Len() > t.Clean.Len() {
				inside = true
				break
			}
		}
		if !inside {
			spans = append(spans, span{itTimex, t.Clean.Start, t.Clean.End, ti})
		}
	}
	for _, mi := range ms {
		m := d.Mentions[mi]
		// "citizens of German origin": a people's descent, not a state
		if rest := d.Text[m.Clean.End:min(len(d.Text), m.Clean.End+12)]; strings.HasPrefix(rest, " origin") ||
			strings.HasPrefix(rest, " descent") || strings.HasPrefix(rest, " extraction") || strings.HasPrefix(rest, " ancestry") {
			continue
		}
		ok := true
		for _, o := range spans {
			if o.start < m.Clean.End && m.Clean.Start < o.end {
				ok = false
				break
			}
		}
		if ok {
			spans = append(spans, span{itMention, m.Clean.Start, m.Clean.End, mi})
		}
	}
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].start < spans[j-1].start; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	out := buf[:0]
	pos := s.Clean.Start
	for _, sp := range spans {
		if sp.start < pos || sp.end > s.Clean.End || sp.end <= sp.start {
			continue // overlapping or out of the sentence
		}
		out = tokenize(d.Text[pos:sp.start], pos, out)
		it := item{kind: sp.kind, start: sp.start, end: sp.end, text: d.Text[sp.start:sp.end], ref: sp.ref}
		it.lower = strings.ToLower(it.text)
		r, _ := utf8.DecodeRuneInString(it.text)
		it.cap = unicode.IsUpper(r)
		out = append(out, it)
		pos = sp.end
	}
	return tokenize(d.Text[pos:s.Clean.End], pos, out)
}
