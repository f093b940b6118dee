package timex

import "strings"

// sentCtx is what guards and anchoring know about the sentence at hand.
type sentCtx struct {
	index   int  // sentence index in the document
	heading bool // a heading or title line
}

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
		if mt.slot("era") != nil {
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
		c := mt.slot("m")
		if c == nil || c.e == nil {
			return false
		}
		if c.e.has("abbr") {
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
		c := mt.slot("wd")
		return c != nil && c.e != nil && !c.e.has("abbr")
	case "season":
		c := mt.slot("season")
		if c == nil || c.e == nil {
			return false
		}
		t := &toks[c.from]
		// A capitalised season inside a sentence is a name: "the Prague
		// Spring", "Operation Winter Storm".
		if t.flags&fCap != 0 && c.from > 0 && !(c.from == 1 && mt.from == 0) && !s.heading {
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
			w := strings.ToLower(m.tokText(mt.from - 1))
			return w == "in" || w == "during" || w == "by" || w == "until" || w == "and" || w == "since"
		}
		return true
	case "next-bare":
		w := strings.ToLower(m.tokText(mt.from))
		return w == "next" || w == "last"
	case "this":
		w := strings.ToLower(m.tokText(mt.from))
		// "this" in a past-tense narrative is the narrative's own period;
		// "that day" is fine. Reject "that" right after a verb of saying.
		if w == "that" {
			if p := prev(1); p != nil && p.kind == tWord {
				pw := strings.ToLower(m.tokText(mt.from - 1))
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
		w := strings.ToLower(m.tokText(mt.to))
		switch w {
		case "and", "but", "when", "while", "he", "she", "they", "it", "we", "i", "there", "then", "his", "her", "their", "its", "as":
			return true
		}
		return false
	case "clock":
		if mt.slot("ampm") != nil {
			return true
		}
		p := prev(1)
		if p == nil {
			return false
		}
		switch strings.ToLower(m.tokText(mt.from - 1)) {
		case "at", "around", "about", "by", "until", "till", "before", "after", "from", "to", "since", "–", "-":
			return true
		}
		return false
	case "daypart":
		c := mt.slot("tod")
		t := &toks[c.from]
		if t.flags&fCap != 0 && c.from > 0 && !s.heading {
			return false // "the Night of the Long Knives"
		}
		if single {
			if !tg.opts.timex2() {
				return false
			}
			// "night-raid", "night attack" count under TIMEX2; so does a
			// lone "night" after a preposition.
			return true
		}
		if n := next(1); n != nil && m.tokText(mt.to) == "of" {
			return false // "the night of the long knives" and the like
		}
		return true
	case "plural":
		if n := next(1); n != nil {
			w := strings.ToLower(m.tokText(mt.to))
			if w == "old" || w == "'" {
				return false
			}
			if w == "of" && mt.to+1 < len(toks) && strings.EqualFold(m.tokText(mt.to+1), "age") {
				return false
			}
		}
		if p := prev(1); p != nil {
			switch strings.ToLower(m.tokText(mt.from - 1)) {
			case "these", "those", "early", "late", "recent", "later", "first", "last", "final":
				return false
			}
		}
		c := mt.slot("unit")
		return c != nil && toks[c.from].flags&fCap == 0
	case "set":
		q := mt.slot("q")
		if q == nil {
			return false
		}
		switch strings.ToLower(q.val) {
		case "per", "each", "every":
			return true
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
		pw := strings.ToLower(m.tokText(mt.from - 1))
		if pw == "times" || pw == "once" || pw == "twice" {
			return true
		}
		if p.kind == tWord && strings.HasSuffix(pw, "s") {
			for k := 2; k <= 4; k++ {
				if q := prev(k); q != nil && q.kind == tNum {
					return true
				}
			}
		}
		return false
	case "ref-adj":
		w := strings.ToLower(m.tokText(mt.from))
		n := next(1)
		if n == nil || n.kind != tWord {
			// "the former hinted", "its present" : a pronoun or noun use.
			return w == "future" && n != nil && n.kind == tPunct && prev(1) != nil && strings.EqualFold(m.tokText(mt.from-1), "the")
		}
		nw := strings.ToLower(m.tokText(mt.to))
		switch nw {
		case "was", "is", "had", "has", "were", "would", "did", "could", "and", "or", "of":
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
			switch strings.ToLower(m.tokText(mt.from - 1)) {
			case "the", "its", "his", "her", "their", "our":
				return true
			}
			return false
		}
		return true
	case "time-noun":
		return true
	case "nth-day":
		return true
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
					w := strings.ToLower(m.tokText(i - 2))
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
			}
		}
		if n.kind == tNum && n.flags&fSpace != 0 {
			return false // "1939 1940" is a list of figures, not a year
		}
	}
	return true
}
