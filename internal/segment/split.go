package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Split returns the sentences of one block of text as spans of it, trimmed
// of surrounding white space. It breaks after ".", "!", "?" and "…" (with
// any closing quotes or brackets) when white space and a sentence-like
// start follow, and not after abbreviations ("Mr.", "cf.", "e.g."),
// initials ("Alan S. Milward"), dotted acronyms before a name ("U.S.
// Department"), list ordinals ("1."), or inside a short quotation.
func Split(text string) []doc.Span {
	var out []doc.Span
	start := skipSpace(text, 0)
	quoteOpen := -1 // offset of an open double quote, -1 for none
	for i := start; i < len(text); i++ {
		c := text[i]
		switch c {
		case '"':
			if quoteOpen >= 0 {
				quoteOpen = -1
			} else if i == 0 || isOpenContext(text[i-1]) {
				quoteOpen = i
			}
			continue
		case 0xE2: // “ ” …
			if strings.HasPrefix(text[i:], "“") {
				quoteOpen = i
				continue
			}
			if strings.HasPrefix(text[i:], "”") {
				quoteOpen = -1
				continue
			}
			if !strings.HasPrefix(text[i:], "…") {
				continue
			}
		case '.', '!', '?':
		default:
			continue
		}
		// i is at a terminal mark. Extend over further marks and closers.
		j := i + 1
		if c == 0xE2 {
			j = i + len("…")
		}
		for j < len(text) && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
			j++
		}
		closedQuote := false
		for j < len(text) {
			if n := closerLen(text[j:]); n > 0 {
				if text[j] == '"' || strings.HasPrefix(text[j:], "”") {
					closedQuote = true
				}
				j += n
				continue
			}
			break
		}
		if j >= len(text) {
			break
		}
		if !isSpaceByte(text[j]) {
			i = j - 1
			continue
		}
		k := skipSpace(text, j)
		if k >= len(text) {
			break
		}
		if closedQuote {
			quoteOpen = -1
		}
		if quoteOpen >= 0 && i-quoteOpen < 300 && closesSoon(text[j:]) {
			i = j - 1
			continue
		}
		if !isBoundary(text, start, i, k) {
			i = j - 1
			continue
		}
		out = append(out, doc.Span{Start: start, End: j})
		start = k
		quoteOpen = -1
		i = k - 1
	}
	if start < len(text) {
		end := len(text)
		for end > start && isSpaceByte(text[end-1]) {
			end--
		}
		if end > start {
			out = append(out, doc.Span{Start: start, End: end})
		}
	}
	return out
}

// closesSoon reports whether a closing double quote follows within a short
// distance, so that a mark before it is inside a quotation.
func closesSoon(s string) bool {
	if len(s) > 300 {
		s = s[:300]
	}
	return strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "”")
}

func isOpenContext(c byte) bool {
	return c == ' ' || c == '(' || c == '[' || c == '\n' || c == '\t' || c == '-'
}

func closerLen(s string) int {
	switch s[0] {
	case '"', '\'', ')', ']':
		return 1
	}
	for _, q := range []string{"”", "’", "»"} {
		if strings.HasPrefix(s, q) {
			return len(q)
		}
	}
	return 0
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

func skipSpace(s string, i int) int {
	for i < len(s) {
		if isSpaceByte(s[i]) {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], "\u00a0") {
			i += 2
			continue
		}
		break
	}
	return i
}

// isBoundary decides whether the mark at i (in the sentence that began at
// start) ends a sentence, given that the next sentence would begin at k.
func isBoundary(text string, start, i, k int) bool {
	next, _ := utf8.DecodeRuneInString(text[k:])
	if unicode.IsLower(next) {
		return false
	}
	startsLike := unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“‘'([¿¡", next) || unicode.IsTitle(next)
	if !startsLike {
		return false
	}
	if text[i] != '.' {
		return true
	}
	// The word before the period.
	ws := i
	for ws > start && !isSpaceByte(text[ws-1]) && text[ws-1] != '(' && text[ws-1] != '"' {
		ws--
	}
	word := text[ws:i]
	if word == "" {
		return true
	}
	if strings.HasSuffix(word, ".") { // an ellipsis "..."
		return true
	}
	nextWord := wordAt(text, k)
	// A list ordinal at the start of a block: "1. In the event ...".
	if ws == 0 && len(word) <= 3 && allDigits(word) {
		return false
	}
	lw := strings.ToLower(word)
	if never[word] {
		return false
	}
	if unicode.IsDigit(next) {
		return !beforeNumber[lw]
	}
	if titles[lw] && unicode.IsUpper(rune(word[0])) {
		return false
	}
	if afterWordOnly[lw] {
		return starters[nextWord]
	}
	// Dotted acronyms (U.S., U.S.S.R., B.C.): a sentence ends only if a
	// word that cannot be part of a name follows.
	if strings.Contains(word, ".") {
		return starters[nextWord]
	}
	// Initials: a single capital letter.
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		if (word == "I" || word == "V" || word == "X") && romanContext(text, start, ws) {
			return true
		}
		return starters[nextWord]
	}
	return true
}

// romanContext reports whether the word before ws is one that takes a
// Roman numeral ("World War I", "Part V").
func romanContext(text string, start, ws int) bool {
	e := ws
	for e > start && isSpaceByte(text[e-1]) {
		e--
	}
	s := e
	for s > start && !isSpaceByte(text[s-1]) {
		s--
	}
	switch text[s:e] {
	case "War", "Part", "Phase", "Chapter", "Article", "Volume", "Book", "Act", "Title", "Stage":
		return true
	}
	return false
}

func wordAt(text string, k int) string {
	e := k
	for e < len(text) && !isSpaceByte(text[e]) && text[e] != ',' && text[e] != ';' && text[e] != ':' {
		e++
	}
	return strings.Trim(text[k:e], "\"“‘'([")
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// never: abbreviations that are not the end of a sentence even before a
// capital ("e.g. Silesian Uprisings", "cf. Chapter 2").
var never = setOf("e.g", "i.e", "cf", "viz", "vs", "v", "ibid", "op", "loc", "et", "approx", "ca")

// titles: words that come before a name.
var titles = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "sgt", "maj", "adm", "gov", "sen",
	"rep", "rev", "hon", "pres", "st", "mt", "ft", "messrs", "mme", "mlle", "mgr", "fr", "cpl", "pvt", "brig",
	"cmdr", "cdr", "lieut", "sr", "jr", "supt", "insp", "gens", "rt", "amb", "bros")

// beforeNumber: abbreviations followed by a number ("No. 5", "p. 12", "c. 1900").
var beforeNumber = setOf("no", "nos", "p", "pp", "vol", "vols", "art", "arts", "fig", "figs", "ch", "sec", "nr", "c",
	"ca", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "st", "op", "n", "cf")

// afterWordOnly: abbreviations that may end a sentence, which they do only
// when a typical sentence opener follows ("... guns etc. The ...").
var afterWordOnly = setOf("etc", "al", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec", "bc", "ad", "bce", "ce")

// starters are words that open sentences and are rarely part of a name.
var starters = setOf("The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "By", "For", "From",
	"He", "She", "They", "We", "I", "His", "Her", "Their", "Our", "However", "But", "And", "After", "Before",
	"During", "When", "Where", "While", "Although", "Though", "As", "Since", "Under", "With", "Without", "A", "An",
	"Some", "Many", "Most", "There", "Then", "Thus", "Also", "Meanwhile", "Moreover", "Furthermore",
	"Nevertheless", "Yet", "Both", "Each", "According", "Following", "Despite", "Between", "Within", "Among",
	"Over", "One", "Two", "Such", "What", "Which", "Who", "If", "Later", "Soon", "Finally", "Initially",
	"Subsequently", "Instead", "Still", "Not", "Other", "All", "Several", "Only", "Even", "Until", "Once",
	"Because", "Its", "To", "Of", "Here", "So", "Whether", "Although", "Nonetheless", "Hence", "Therefore",
	"Indeed", "Accordingly", "Consequently", "Afterwards", "Shortly", "Eventually", "Through", "Upon", "Toward",
	"Towards", "Around", "About", "Against", "Despite", "Unlike", "Like", "Any", "No", "None", "Few", "Much",
	"More", "Less", "Another", "Every", "Neither", "Either", "Nor", "Or", "Was", "Were", "Is", "Are", "Had", "Has")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
