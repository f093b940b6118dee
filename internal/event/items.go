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
	cap        bool   // starts with an upper-case letter (beside kind: a smaller item)
	start, end int    // clean offsets
	text       string // as written
	lower      string // lower-cased (words only)
	ref        int    // index into Document.Mentions / Timexes / the sentence's names
	// info is what the coder's tables hold for a word tokenized by the
	// coder; nil for other items (see vocab.go).
	info *wordInfo
}

// tokenize splits the clean text s (starting at clean offset base) into
// word and punctuation items. Letters and digits with inner hyphens,
// apostrophes and periods form words; a possessive "'s" and "n't" are words
// of their own.
func tokenize(s string, base int, out []item) []item {
	return newLowerer(s, base).tokenize(base, base+len(s), out)
}

// lowerer gives the lower-case forms of the words of one text (a
// sentence) without a string per word: an ASCII word without capitals is
// its own form, a slice of the text; the form of an ASCII word with
// capitals is written into lowered, one buffer for the forms of a whole
// document, and is a slice of it; a word with other letters is lower-cased
// on its own. Either way the form is strings.ToLower of the word.
type lowerer struct {
	text    string
	base    int         // clean offset of text[0]
	vocab   *vocabulary // when set, words get their wordInfo
	lowered *strings.Builder
	// seen is the union of the flags of the words tokenized (with
	// vocab): a sentence without a cue word, say, is not searched for
	// cues.
	seen wordFlag
}

func newLowerer(text string, base int) *lowerer {
	return &lowerer{text: text, base: base, lowered: &strings.Builder{}}
}

// of returns the lower-case form of the clean span [start, end), which
// lies in the lowerer's text.
func (l *lowerer) of(start, end int) string {
	w := l.text[start-l.base : end-l.base]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
		if c-'A' < 26 {
			// a capital: lower the word, looking for other letters as
			// it goes (a name's capital is mostly its first byte)
			if lw, high := l.lowerASCIIHigh(w); high < utf8.RuneSelf {
				return lw
			}
			return strings.ToLower(w) // what was written is left unused
		}
	}
	return w
}

// lowerASCII returns the ASCII text w lower-cased, written into the
// lowerer's buffer: a strings.Builder never changes what it has written,
// so the slices of its strings stay as they were while it grows.
func (l *lowerer) lowerASCII(w string) string {
	lw, _ := l.lowerASCIIHigh(w)
	return lw
}

// lowerASCIIHigh is lowerASCII, also returning the bytes of w or-ed
// together: below utf8.RuneSelf when w is ASCII, as lowerASCII needs.
func (l *lowerer) lowerASCIIHigh(w string) (string, byte) {
	b := l.lowered
	n := b.Len()
	var buf [64]byte
	var high byte
	for len(w) > 0 {
		k := copy(buf[:], w)
		for j, c := range buf[:k] {
			high |= c
			if c-'A' < 26 {
				buf[j] = c + 'a' - 'A'
			}
		}
		b.Write(buf[:k])
		w = w[k:]
	}
	return b.String()[n:], high
}

// tokenize splits the clean span [start, end) of the lowerer's text into
// items, as the package's tokenize does.
func (l *lowerer) tokenize(start, end int, out []item) []item {
	off := start - l.base // s[i] is l.text[off+i]
	s := l.text[off : end-l.base]
	base := start
	i := 0
	for i < len(s) {
		// utf8.DecodeRuneInString and isSpace, with ASCII answered here
		var r rune
		var w int
		if c := s[i]; c < utf8.RuneSelf {
			if c == ' ' || '\t' <= c && c <= '\r' {
				i++
				continue
			}
			r, w = rune(c), 1
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += w
				continue
			}
		}
		if (r == '\'' || r == '’') && i+w < len(s) && s[i+w] == 's' && (i+w+1 == len(s) || !isWordByte(s[i+w+1])) {
			it := item{kind: itWord, start: base + i, end: base + i + w + 1, text: s[i : i+w+1], lower: "'s"}
			if l.vocab != nil {
				it.info = l.vocab.of(it.lower)
				l.seen |= it.info.flags
			}
			out = append(out, it)
			i += w + 1
			continue
		}
		if r < utf8.RuneSelf && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') || r >= utf8.RuneSelf && !isWordRune(r) {
			out = grow1(out)
			it := &out[len(out)-1] // every field written: out's memory is reused
			it.kind, it.cap = itPunct, false
			it.start, it.end, it.ref = base+i, base+i+w, 0
			it.text, it.lower, it.info = s[i:i+w], s[i:i+w], nil
			i += w
			continue
		}
		j := i + w
		ascii := r < utf8.RuneSelf    // the word so far is ASCII
		upper := 'A' <= r && r <= 'Z' // … and has a capital
		// h is wordHash of the word lower-cased, while it is ASCII: the
		// vocabulary is asked without hashing the word again
		h := (uint32(fnvOffset) ^ uint32(asciiFold(byte(r)))) * fnvPrime
		for j < len(s) {
			if c := s[j]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				h = (h ^ uint32(c)) * fnvPrime
				j++ // an ASCII letter or digit: a word rune, decoded at once
				continue
			} else if 'A' <= c && c <= 'Z' {
				h = (h ^ uint32(c+'a'-'A')) * fnvPrime
				j++
				upper = true
				continue
			}
			// an ASCII byte here is no word rune (answered above)
			r2, w2 := rune(s[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, w2 = utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += w2
					ascii = false
					continue
				}
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
						if r2 < utf8.RuneSelf {
							h = (h ^ uint32(r2)) * fnvPrime // a joiner: no capital
						}
						j += w2
						ascii = ascii && r2 < utf8.RuneSelf
						continue
					}
				}
			}
			break
		}
		var lw string
		var info *wordInfo // found with the form, when it is
		switch {
		case ascii && !upper:
			lw = s[i:j] // what l.of finds, without looking again
		case ascii && l.vocab != nil:
			// a word the tables know is its table's own string
			if info, lw = l.vocab.ofFoldedHashed(s[i:j], h); lw == "" {
				lw = l.lowerASCII(s[i:j])
			}
		case ascii:
			lw = l.lowerASCII(s[i:j])
		default:
			lw = l.of(base+i, base+j)
		}
		if strings.HasSuffix(lw, "n't") && len(lw) > 3 {
			// "didn't" → "did", "n't"
			k := j - 3
			out = append(out, l.word(base+i, base+k, l.of(base+i, base+k)))
			out = append(out, l.word(base+k, base+j, l.of(base+k, base+j)))
		} else {
			// l.word, built in place
			if info == nil && l.vocab != nil {
				if ascii {
					info = l.vocab.ofHashed(lw, h) // lw is the word lower-cased: h is its hash
				} else {
					info = l.vocab.of(lw)
				}
			}
			if info != nil {
				l.seen |= info.flags
			}
			if '0' <= r && r <= '9' {
				l.seen |= wDigit
			}
			out = grow1(out)
			it := &out[len(out)-1] // every field written: out's memory is reused
			it.kind, it.cap = itWord, r < utf8.RuneSelf && 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
			it.start, it.end, it.ref = base+i, base+j, 0
			it.text, it.lower, it.info = s[i:j], lw, info
		}
		i = j
	}
	return out
}

// grow1 returns out one item longer, the new item's fields as they were
// in out's memory (the caller writes them all): an item written in place
// rather than built aside and copied in.
func grow1(out []item) []item {
	n := len(out)
	if n == cap(out) {
		return append(out, item{})
	}
	return out[:n+1]
}

// word makes the item of the word at the clean span [start, end), whose
// lower-case form (l.of) is lower.
func (l *lowerer) word(start, end int, lower string) item {
	w := l.text[start-l.base : end-l.base]
	var cap bool
	if w != "" && w[0] < utf8.RuneSelf {
		cap = 'A' <= w[0] && w[0] <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(w)
		cap = unicode.IsUpper(r)
	}
	it := item{kind: itWord, start: start, end: end, text: w, lower: lower, cap: cap}
	if l.vocab != nil {
		it.info = l.vocab.of(it.lower)
		l.seen |= it.info.flags
		if w != "" && '0' <= w[0] && w[0] <= '9' {
			l.seen |= wDigit
		}
	}
	return it
}

// endsInCommonNoun reports a mention of several words whose last is in
// lower case ("Soviet propaganda", not "Soviet Union"): a demonym before a
// noun, which may be an event noun.
func endsInCommonNoun(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	return i > 0 && i+1 < len(s) && 'a' <= s[i+1] && s[i+1] <= 'z'
}

// nounTriggerInside returns the start of the first word after the first
// of the clean span [start, end) that starts a noun trigger, or start.
// Only a lexicon-aware lowerer (with vocab) looks.
func (l *lowerer) nounTriggerInside(start, end int) int {
	if l.vocab == nil {
		return start
	}
	// the words after the first, split at spaces
	s := l.text[start-l.base : end-l.base]
	i := strings.IndexByte(s, ' ')
	for i >= 0 && i+1 < len(s) {
		j := strings.IndexByte(s[i+1:], ' ')
		w := s[i+1:]
		if j >= 0 {
			w = s[i+1 : i+1+j]
		}
		ws := start + i + 1
		if l.vocab.of(l.of(ws, ws+len(w))).flags&wNounTrigger != 0 {
			return ws
		}
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return start
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isSpace is unicode.IsSpace, with ASCII answered first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

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

// itemSpan is an annotation (mention or timex) to collapse into one item.
type itemSpan struct {
	kind       itemKind
	start, end int
	ref        int
}

// sentenceItems chunks one sentence: its words and punctuation, with the
// mentions and timexes whose clean spans lie inside the sentence collapsed
// into single items. ms and ts are indexes into d.Mentions and d.Timexes of
// the annotations inside the sentence; scratch is a buffer reused from
// sentence to sentence. The text between annotations is
// tokenized on its own, so "Soviet-French" with two mentions is three items.
func sentenceItems(d *doc.Document, lw *lowerer, s doc.Sentence, ms, ts []int, buf []item, scratch *[]itemSpan) []item {
	if len(ms) == 0 && len(ts) == 0 {
		return lw.tokenize(s.Clean.Start, s.Clean.End, buf[:0])
	}
	type span = itemSpan
	spans := (*scratch)[:0]
	// Timexes first: a date inside an actor's name is rare, a state named
	// inside a date rarer still.
	for _, ti := range ts {
		t := &d.Timexes[ti]
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
		m := &d.Mentions[mi]
		// "citizens of German origin": a people's descent, not a state
		if rest := d.Text[m.Clean.End:min(len(d.Text), m.Clean.End+12)]; len(rest) > 1 && rest[0] == ' ' &&
			(rest[1] == 'o' || rest[1] == 'd' || rest[1] == 'e' || rest[1] == 'a') && // the words' first letters, tested first
			(strings.HasPrefix(rest, " origin") || strings.HasPrefix(rest, " descent") || strings.HasPrefix(rest, " extraction") || strings.HasPrefix(rest, " ancestry")) {
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
	*scratch = spans // its memory serves the next sentence
	out := buf[:0]
	pos := s.Clean.Start
	for _, sp := range spans {
		if sp.start < pos || sp.end > s.Clean.End || sp.end <= sp.start {
			continue // overlapping or out of the sentence
		}
		out = lw.tokenize(pos, sp.start, out)
		if sp.kind == itMention && endsInCommonNoun(d.Text[sp.start:sp.end]) {
			if cut := lw.nounTriggerInside(sp.start, sp.end); cut > sp.start {
				// "Soviet propaganda", "Soviet demands": the actor
				// recogniser took the event noun into the mention; the
				// demonym stays the mention, the noun is a word again
				it := item{kind: itMention, start: sp.start, end: cut, text: strings.TrimRight(d.Text[sp.start:cut], " "), ref: sp.ref}
				it.end = it.start + len(it.text)
				it.lower = lw.of(it.start, it.end)
				r, _ := utf8.DecodeRuneInString(it.text)
				it.cap = unicode.IsUpper(r)
				out = append(out, it)
				out = lw.tokenize(cut, sp.end, out)
				pos = sp.end
				continue
			}
		}
		text := d.Text[sp.start:sp.end]
		var cap bool
		if c := text[0]; c < utf8.RuneSelf {
			cap = c-'A' < 26
		} else {
			r, _ := utf8.DecodeRuneInString(text)
			cap = unicode.IsUpper(r)
		}
		lower := lw.of(sp.start, sp.end)
		out = grow1(out)
		it := &out[len(out)-1] // every field written: out's memory is reused
		it.kind, it.cap = sp.kind, cap
		it.start, it.end, it.ref = sp.start, sp.end, sp.ref
		it.text, it.lower, it.info = text, lower, nil
		pos = sp.end
	}
	return lw.tokenize(pos, s.Clean.End, out)
}
