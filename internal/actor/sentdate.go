package actor

import (
	"sort"
	"strconv"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// dateRange is the narrative date of a sentence: the days it may fall on.
type dateRange struct {
	lo, hi Day
	known  bool
}

// day is the day used for lookups: the middle of the range, or MinDay when
// the date is unknown.
func (r dateRange) day() Day {
	if !r.known {
		return MinDay
	}
	return mid(r.lo, r.hi)
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// textDate finds the first date written in text[lo:hi]: a full date
// ("March 3, 1918", "11 November 1918"), a month and year ("August 1939"),
// a year ("1925") or a decade ("1920s"). It is the fallback when the
// temporal tagger has not run.
func textDate(text string, toks []token) dateRange {
	year := func(t token) (int, bool) {
		k := t.key
		if !t.is(tDigit) || len(k) < 4 || len(k) > 5 || (len(k) == 5 && k[4] != 's') {
			return 0, false
		}
		y, err := strconv.Atoi(k[:4])
		if err != nil || y < 1500 || y > 2099 {
			return 0, false
		}
		if i := t.start; i > 0 && (text[i-1] == ',' || text[i-1] == '.' || text[i-1] == '$') {
			return 0, false // "100,000", "1.1918"
		}
		return y, true
	}
	day := func(t token) (int, bool) {
		if !t.is(tDigit) || len(t.key) > 2 {
			return 0, false
		}
		d, err := strconv.Atoi(t.key)
		return d, err == nil && d >= 1 && d <= 31
	}
	at := func(i int) token {
		if i < len(toks) {
			return toks[i]
		}
		return token{}
	}
	for i, t := range toks {
		if !t.is(tDigit) && !t.is(tCap) {
			continue
		}
		if m, ok := months[t.key]; ok && t.is(tCap) && len(t.key) > 3 {
			j := i + 1
			if d, ok := day(at(j)); ok {
				k := j + 1
				if at(k).key == "," {
					k++
				}
				if y, ok := year(at(k)); ok && d <= daysIn(y, m) {
					return dateRange{MakeDay(y, m, d), MakeDay(y, m, d), true}
				}
			}
			if at(j).key == "," {
				j++
			}
			if y, ok := year(at(j)); ok {
				return dateRange{MakeDay(y, m, 1), MakeDay(y, m, daysIn(y, m)), true}
			}
		}
		if d, ok := day(t); ok {
			if m, ok := months[at(i+1).key]; ok && at(i+1).is(tCap) {
				if y, ok := year(at(i + 2)); ok && d <= daysIn(y, m) {
					return dateRange{MakeDay(y, m, d), MakeDay(y, m, d), true}
				}
			}
		}
		if y, ok := year(t); ok {
			if strings.HasSuffix(t.key, "s") {
				return dateRange{MakeDay(y, 1, 1), MakeDay(y+9, 12, 31), true}
			}
			return dateRange{MakeDay(y, 1, 1), MakeDay(y, 12, 31), true}
		}
	}
	return dateRange{}
}

// sentenceDates gives every sentence its narrative date: the temporal
// tagger's reference time for the sentence (Sentence.RefTime) when the
// tagger ran; else the first date in the sentence (from the tagger's
// expressions, or from the years written in it), or a date carried over
// from its neighbours. Sentences before any date get the document's
// typical date (the median of the dates found).
func sentenceDates(d *doc.Document, lex *lexicon) []dateRange {
	var buf []token
	toks := func(si int) []token {
		s := d.Sentences[si]
		buf = tokenizeWith(d.Text, s.Clean.Start, s.Clean.End, buf[:0], lex)
		return buf
	}
	out := make([]dateRange, len(d.Sentences))
	own := make([]dateRange, len(d.Sentences))
	refs := false
	hasTimex := make([]bool, len(d.Sentences))
	for _, t := range d.Timexes {
		if t.Sentence >= 0 && t.Sentence < len(hasTimex) && t.Type == "DATE" {
			hasTimex[t.Sentence] = true
		}
	}
	for i, s := range d.Sentences {
		// The tagger's reference time where the sentence has a date of
		// its own; sentences without one take their neighbours' below,
		// which respects paragraphs and sections.
		if lo, hi, ok := ParseTimexValue(s.RefTime); ok && hasTimex[i] {
			own[i], refs = dateRange{lo, hi, true}, true
		}
	}
	if refs {
		// Dated by the temporal tagger.
	} else if len(d.Timexes) > 0 {
		for _, t := range d.Timexes {
			if t.Sentence < 0 || t.Sentence >= len(own) || own[t.Sentence].known || t.Type != "DATE" {
				continue
			}
			if lo, hi, ok := ParseTimexValue(t.Value); ok {
				own[t.Sentence] = dateRange{lo, hi, true}
			}
		}
	} else {
		for i := range d.Sentences {
			own[i] = textDate(d.Text, toks(i))
		}
	}
	// A sentence without a date of its own takes the last date before it
	// in its paragraph, else the first after it in its paragraph, else the
	// last before it in its section, else the first after it in its
	// section, else the last before it in the document.
	var known []Day
	n := len(d.Sentences)
	block := func(i int) int { return d.Sentences[i].Block }
	section := func(i int) int { return d.Sentences[i].Section }
	for i := 0; i < n; i++ {
		if own[i].known {
			out[i] = own[i]
			known = append(known, own[i].day())
			continue
		}
		found := false
		for _, same := range []func(int) int{block, section} {
			for j := i - 1; j >= 0 && same(j) == same(i); j-- {
				if own[j].known {
					out[i], found = own[j], true
					break
				}
			}
			if found {
				break
			}
			for j := i + 1; j < n && same(j) == same(i); j++ {
				if own[j].known {
					out[i], found = own[j], true
					break
				}
			}
			if found {
				break
			}
		}
		if !found && i > 0 {
			out[i] = out[i-1]
		}
	}
	if len(known) > 0 {
		sort.Slice(known, func(i, j int) bool { return known[i] < known[j] })
		m := known[len(known)/2]
		for i := range out {
			if !out[i].known {
				out[i] = dateRange{m, m, true}
			}
		}
	}
	return out
}
