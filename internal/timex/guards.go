package timex

import "strings"

// sentCtx is what guards and anchoring know about the sentence at hand.
type sentCtx struct {
	index   int  // sentence index in the document
	heading bool // a heading or title line
}

// guardNames are the checks rules may name with guard=.
var guardNames = map[string]bool{"year": true, "yy": true, "bare-month": true, "weekday": true, "season": true,
	"next-bare": true, "this": true, "dir-final": true, "clock": true, "daypart": true, "short-year": true,
	"plural": true, "set": true, "ref-adj": true, "holiday": true, "ref": true, "military": true}

// guard runs the named check on a match; false rejects it. Guards keep
// ordinary words and numbers that look temporal out: "may", "March" the
// verb, "Article 231", "1,000 men", "the fall of France".
func (tg *Tagger) guard(name string, m *matcher, mt *match, s *sentCtx) bool {
	toks := m.toks
	prev := func(k int) *token { // k-th token before the match
		if mt.from-k < 0 {
			return nil
		}
		return &toks[mt.from-k]
	}
	next := func(k int) *token { // k-th token after the match
		if mt.to+k-1 >= len(toks) {
			return nil
		}
		return &toks[mt.to+k-1]
	}
	single := mt.to-mt.from == 1
	switch name {
	case "year":
		if m.slot(mt, "era") != nil {
			return true
		}
		return tg.yearOK(m, mt.from)
	case "yy":
		// "'39": not after a letter ("rock'n'roll").
		if p := prev(1); p != nil && p.kind == tWord && toks[mt.from].flags&fSpace == 0 {
			return false
		}
		return true
	case "bare-month":
		c := m.slot(mt, "m")
		if c == nil || c.e == nil {
			return false
		}
		if c.e.has("abbr") {
			return false
		}
		// "May–August 1950": a month at the start of a range is a month.
		if n := next(1); n != nil && tg.rangeWords[tg.lex.wordName(n.id)] && mt.to+1 < len(toks) {
			if nn := &toks[mt.to+1]; tg.inClass(nn, "month") || nn.kind == tNum {
				return true
			}
		}
		// "Ernst August Köstring": a capitalised word before a bare month
		// makes it part of a name.
		if p := prev(1); p != nil && p.kind == tWord && p.flags&fCap != 0 && !tg.inClass(p, "month-signal") {
			return false
		}
		if c.e.has("bare-needs-signal") {
			p := prev(1)
			if p == nil || !tg.inClass(p, "month-signal") {
				return false
			}
			// "to March" is a verb after "to" unless a date is near:
			// accept only when the word after is no verb-like word.
			if n := next(1); n != nil && n.kind == tWord && n.flags&fCap == 0 && m.tokText(mt.from-1) == "to" {
				return false
			}
		}
		return true
	case "weekday":
		c := m.slot(mt, "wd")
		return c != nil && c.e != nil && !c.e.has("abbr")
	case "season":
		c := m.slot(mt, "season")
		if c == nil || c.e == nil {
			return false
		}
		t := &toks[c.from]
		// A capitalised season inside a sentence is a name: "the Prague
		// Spring", "Operation Winter Storm".
		if t.flags&fCap != 0 && c.from > 0 && !(c.from == 1 && mt.from == 0) && !s.heading && !tg.opts.timex2() {
			return false
		}
		if c.e.has("bare-needs-the") && single {
			return false
		}
		// "the summer offensive" is still the summer; "the spring of
		// Prague" is handled above. A season followed by "of" and a name is
		// an event ("the fall of France").
		if n := next(1); n != nil && m.tokText(mt.to) == "of" {
			return false
		}
		if single && !tg.opts.timex2() {
			// A bare season needs a determiner under TimeML: "the summer".
			p := prev(1)
			if p == nil {
				return true
			}
			w := m.lowerTok(mt.from - 1)
			return w == "in" || w == "during" || w == "by" || w == "until" || w == "and" || w == "since"
		}
		return true
	case "next-bare":
		w := m.lowerTok(mt.from)
		return w == "next" || w == "last"
	case "this":
		w := m.lowerTok(mt.from)
		// "this" in a past-tense narrative is the narrative's own period;
		// "that day" is fine. Reject "that" right after a verb of saying.
		if w == "that" {
			if p := prev(1); p != nil && p.kind == tWord {
				pw := m.lowerTok(mt.from - 1)
				if strings.HasSuffix(pw, "ed") || pw == "said" || pw == "say" || pw == "says" || pw == "thought" || pw == "knew" || pw == "so" || pw == "such" {
					return false
				}
			}
		}
		return true
	case "dir-final":
		n := next(1)
		if n == nil || n.kind == tPunct {
			return true
		}
		w := m.lowerTok(mt.to)
		switch w {
		case "and", "but", "when", "while", "he", "she", "they", "it", "we", "i", "there", "then", "his", "her", "their", "its", "as":
			return true
		}
		return false
	case "clock":
		if m.slot(mt, "ampm") != nil {
			return true
		}
		p := prev(1)
		if p == nil {
			return false
		}
		switch m.lowerTok(mt.from - 1) {
		case "at", "around", "about", "by", "until", "till", "before", "after", "from", "to", "since", "–", "-":
			return true
		}
		return false
	case "daypart":
		c := m.slot(mt, "tod")
		t := &toks[c.from]
		if t.flags&fCap != 0 && c.from > 0 && !s.heading {
			return false // "the Night of the Long Knives"
		}
		if n := next(1); n != nil && m.tokText(mt.to) == "of" {
			return false // "the dawn of reconciliation", "the night of the long knives"
		}
		if single {
			if tg.opts.timex2() {
				// "night-raid", "night attack" count under TIMEX2.
				return true
			}
			// Under TimeML a lone part of the day needs a preposition
			// that makes it a time: "at dawn", "by nightfall".
			p := prev(1)
			if p == nil {
				return false
			}
			switch m.lowerTok(mt.from - 1) {
			case "at", "by", "until", "till", "before", "after", "from", "overnight":
				return true
			}
			return false
		}
		return true
	case "short-year":
		// A number of one to four digits alone is a year only after a
		// preposition of time, and only when the narrative is in the
		// first millennium or before the common era (checked when the
		// story's date is known): "in 218", "by 480".
		t := &toks[mt.from]
		if t.ndig == 4 && t.num >= 1000 {
			return false // four-digit years go through the year rule
		}
		p := prev(1)
		if p == nil {
			return false
		}
		switch m.lowerTok(mt.from - 1) {
		case "in", "by", "since", "until", "till", "from", "before", "after", "circa", "c.", "ca.":
		default:
			return false
		}
		if n := next(1); n != nil && (tg.inClass(n, "not-year-after") || n.kind == tNum || tg.inClass(n, "unit") || tg.inClass(n, "units") || m.tokText(mt.to) == "%" || m.tokText(mt.to) == "-" && n.flags&fSpace == 0) {
			return false
		}
		// "from 6 to 12 September", "218–201 BC": the start of a range,
		// which the range step reads from its other end.
		if n := next(1); n != nil && tg.rangeWords[tg.lex.wordName(n.id)] {
			return false
		}
		return true
	case "plural":
		if n := next(1); n != nil {
			if n.kind == tNum {
				return false // "the years 1512–1514": the years are the dates
			}
			w := m.lowerTok(mt.to)
			if w == "old" || w == "'" {
				return false
			}
			if w == "of" && mt.to+1 < len(toks) && strings.EqualFold(m.tokText(mt.to+1), "age") {
				return false
			}
		}
		if p := prev(1); p != nil {
			switch m.lowerTok(mt.from - 1) {
			case "these", "those", "early", "late", "recent", "later", "first", "last", "final":
				return false
			}
		}
		c := m.slot(mt, "unit")
		return c != nil && toks[c.from].flags&fCap == 0
	case "set":
		q := m.slot(mt, "q")
		if q == nil {
			return false
		}
		switch strings.ToLower(q.val) {
		case "per", "each", "every":
			return true
		case "/":
			p := prev(1)
			return p != nil && p.kind == tNum
		}
		// "a year" is a set only after a quantity: "100,000 tons a year",
		// "twice a year".
		p := prev(1)
		if p == nil {
			return false
		}
		if p.kind == tNum {
			return true
		}
		pw := m.lowerTok(mt.from - 1)
		if pw == "times" || pw == "once" || pw == "twice" {
			return true
		}
		// "100,000 tons a year", "2 million tons short a year": an amount
		// a few words before.
		for k := 2; k <= 4; k++ {
			q := prev(k)
			if q == nil || q.kind == tPunct && m.tokText(mt.from-k) != "," {
				break
			}
			if q.kind == tNum && !(q.ndig == 4 && q.flags&(fGrouped|fDecimal) == 0) {
				return true
			}
		}
		return false
	case "ref-adj":
		w := m.lowerTok(mt.from)
		n := next(1)
		if n == nil || n.kind != tWord {
			// "the former hinted", "its present" : a pronoun or noun use.
			return w == "future" && n != nil && n.kind == tPunct && prev(1) != nil && strings.EqualFold(m.tokText(mt.from-1), "the")
		}
		nw := m.lowerTok(mt.to)
		switch nw {
		case "was", "is", "had", "has", "were", "would", "did", "could", "and", "or", "of", "a", "an", "the", "to", "in", "as":
			return false
		}
		if strings.HasSuffix(nw, "ed") && w == "former" {
			return false
		}
		if w == "present" {
			p := prev(1)
			if p == nil {
				return false
			}
			switch m.lowerTok(mt.from - 1) {
			case "the", "its", "his", "her", "their", "our":
				return true
			}
			return false
		}
		return true
	case "military":
		// "0400 hours": four digits, a valid clock time.
		t := &toks[mt.from]
		return t.ndig == 4 && t.num%100 < 60 && t.num/100 <= 24
	case "holiday":
		// "White Christmas", "Lunar New Year": a capitalised word before
		// a named day makes another name.
		if p := prev(1); p != nil && p.kind == tWord && p.flags&fCap != 0 && !tg.inClass(p, "month-signal") && !(mt.from == 1) {
			return false
		}
		return true
	case "ref":
		// "the future development": "the future" before a noun is an
		// adjective, no expression under TimeML.
		if tg.opts.timex2() || mt.to-mt.from < 2 {
			return true
		}
		n := next(1)
		if n == nil || n.kind != tWord {
			return true
		}
		return functionWords[m.lowerTok(mt.to)]
	}
	return false
}

// inClass reports whether token t is a one-word phrase of the named list.
func (tg *Tagger) inClass(t *token, class string) bool {
	if t.id < 0 {
		return false
	}
	c, ok := tg.lex.classes[class]
	if !ok {
		return false
	}
	nx := tg.lex.tries[c].next[t.id]
	return nx != nil && nx.entry != nil
}

// yearOK decides whether the four-digit number at token i is a year.
func (tg *Tagger) yearOK(m *matcher, i int) bool {
	toks := m.toks
	t := &toks[i]
	if i > 0 {
		p := &toks[i-1]
		if tg.inClass(p, "not-year-before") {
			return false
		}
		// Attached to a word or symbol before it: "T-1000", "No.1939",
		// "$1500", "#1941", "/1937".
		if t.flags&fSpace == 0 {
			pt := m.tokText(i - 1)
			switch pt {
			case "(", "[", "\"", "'", "–", "—", "‘", "“", "«":
			case "-":
				if i >= 2 && toks[i-1].flags&fSpace == 0 && toks[i-2].kind == tWord {
					// "mid-1941" is handled by the part rules; other
					// words joined by a hyphen are model numbers.
					w := m.lowerTok(i - 2)
					if w != "mid" && w != "pre" && w != "post" && w != "early" && w != "late" {
						return false
					}
				}
			default:
				if p.kind != tNum {
					return false
				}
			}
		}
		// A year directly after another number is part of a figure.
		if p.kind == tNum {
			return false
		}
	}
	if i+1 < len(toks) {
		n := &toks[i+1]
		if tg.inClass(n, "not-year-after") {
			return false
		}
		nt := m.tokText(i + 1)
		if n.flags&fSpace == 0 {
			switch {
			case nt == "." && i+2 < len(toks) && toks[i+2].flags&fSpace == 0 && toks[i+2].kind == tWord:
				return false // "1937.png"
			case nt == "%" || nt == "/" && i+2 < len(toks) && toks[i+2].kind == tNum:
				return false
			case nt == "-" && i+3 < len(toks) && toks[i+2].kind == tNum && toks[i+2].ndig == 2 && toks[i+2].flags&fSpace == 0 &&
				m.tokText(i+3) == "-" && toks[i+3].flags&fSpace == 0:
				// "2009-12-19T17:00:00": a time stamp (a document's
				// creation time copied into its text), not prose.
				return false
			}
		}
		if n.kind == tNum && n.flags&fSpace != 0 {
			return false // "1939 1940" is a list of figures, not a year
		}
	}
	return true
}

// functionWords may follow "the future" or "the past" used as a noun.
var functionWords = map[string]bool{"of": true, "and": true, "or": true, "but": true, "in": true, "to": true,
	"for": true, "with": true, "was": true, "were": true, "is": true, "are": true, "would": true, "will": true,
	"could": true, "might": true, "had": true, "has": true, "have": true, "as": true, "when": true, "that": true,
	"which": true, "than": true, "seemed": true, "looked": true, "held": true, "lay": true, "belonged": true,
	"remained": true, "did": true, "does": true, "do": true, "may": true, "must": true, "should": true,
	"on": true, "at": true, "by": true, "from": true, "there": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "you": true, "so": true, "too": true, "alone": true}
