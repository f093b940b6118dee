package actor

import (
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"

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

// dateBufs are sentenceDatesIn's slices, kept to be reused.
type dateBufs struct {
	out, own []dateRange
	hasTimex []bool
	known    []Day
}

// sentenceDatesIn gives every sentence its narrative date: the temporal
// tagger's reference time for the sentence (Sentence.RefTime) when the
// tagger ran; else the first date in the sentence (from the tagger's
// expressions, or from the years written in it), or a date carried over
// from its neighbours. Sentences before any date get the document's
// typical date (the median of the dates found). It works in b's slices;
// the result is b.out, good until b is used again.
func sentenceDatesIn(d *doc.Document, b *dateBufs) []dateRange {
	n := len(d.Sentences)
	b.out, b.own, b.hasTimex = grow(b.out, n), grow(b.own, n), grow(b.hasTimex, n)
	clear(b.out)
	clear(b.own)
	clear(b.hasTimex)
	out, own, hasTimex := b.out, b.own, b.hasTimex
	refs := false
	for _, t := range d.Timexes {
		if t.Sentence >= 0 && t.Sentence < len(hasTimex) && t.Type == "DATE" {
			hasTimex[t.Sentence] = true
		}
	}
	for i, s := range d.Sentences {
		// The tagger's reference time where the sentence has a date of
		// its own; sentences without one take their neighbours' below,
		// which respects paragraphs and sections.
		if !hasTimex[i] {
			continue
		}
		if lo, hi, ok := ParseTimexValue(s.RefTime); ok {
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
		for i, s := range d.Sentences {
			own[i] = textDate(d.Text[s.Clean.Start:s.Clean.End])
		}
	}
	// A sentence without a date of its own takes the last date before it
	// in its paragraph, else the first after it in its paragraph, else the
	// last before it in its section, else the first after it in its
	// section, else the last before it in the document.
	known := b.known[:0]
	defer func() { b.known = known[:0] }()
	ss := d.Sentences
	for i := 0; i < n; i++ {
		if own[i].known {
			out[i] = own[i]
			known = append(known, own[i].day())
			continue
		}
		found := false
		for by := range 2 { // paragraph, then section
			g := groupOf(ss, i, by)
			for j := i - 1; j >= 0 && groupOf(ss, j, by) == g; j-- {
				if own[j].known {
					out[i], found = own[j], true
					break
				}
			}
			if found {
				break
			}
			for j := i + 1; j < n && groupOf(ss, j, by) == g; j++ {
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

// textDate finds the first date written in a sentence: a full date
// ("March 3, 1918", "11 November 1918"), a month and year ("August 1939"),
// a year ("1925") or a decade ("1920s"). It is the fallback when the
// temporal tagger has not run, and reads the bytes directly: it looks for
// a year and reads the month and day before it.
func textDate(s string) dateRange {
	// wordAt and wordBefore report whether a letter or digit starts at i
	// or ends just before i.
	wordAt := func(i int) bool {
		if i >= len(s) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	wordBefore := func(i int) bool {
		if i <= 0 {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	// prevWord returns the word ending before position i, skipping white
	// space and at most one comma.
	prevWord := func(i int) (string, int) {
		for i > 0 && s[i-1] == ' ' {
			i--
		}
		if i > 0 && s[i-1] == ',' {
			i--
			for i > 0 && s[i-1] == ' ' {
				i--
			}
		}
		j := i
		for j > 0 && isASCIIAlnum(s[j-1]) {
			j--
		}
		return s[j:i], j
	}
	month := func(w string) int {
		if len(w) < 3 || len(w) > 9 || w[0] < 'A' || w[0] > 'Z' {
			return 0
		}
		var buf [9]byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return months[string(buf[:len(w)])]
	}
	day := func(w string) int {
		if len(w) == 0 || len(w) > 2 || w[0] < '0' || w[0] > '9' {
			return 0
		}
		d, err := strconv.Atoi(w)
		if err != nil || d < 1 || d > 31 {
			return 0
		}
		return d
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || wordBefore(i) {
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		decade := j < len(s) && s[j] == 's' && !wordAt(j+1)
		if j-i != 4 || (wordAt(j) && !decade) || (i > 0 && (s[i-1] == ',' || s[i-1] == '.' || s[i-1] == '$')) {
			i = j
			continue
		}
		y, _ := strconv.Atoi(s[i:j])
		if y < 1500 || y > 2099 {
			i = j
			continue
		}
		if decade {
			return dateRange{MakeDay(y, 1, 1), MakeDay(y+9, 12, 31), true}
		}
		w1, p1 := prevWord(i)
		if m := month(w1); m > 0 {
			if w2, _ := prevWord(p1); day(w2) > 0 && day(w2) <= daysIn(y, m) {
				return dateRange{MakeDay(y, m, day(w2)), MakeDay(y, m, day(w2)), true} // 11 November 1918
			}
			return dateRange{MakeDay(y, m, 1), MakeDay(y, m, daysIn(y, m)), true} // August 1939
		}
		if d := day(w1); d > 0 {
			if w2, _ := prevWord(p1); month(w2) > 0 && d <= daysIn(y, month(w2)) {
				return dateRange{MakeDay(y, month(w2), d), MakeDay(y, month(w2), d), true} // March 3, 1918
			}
		}
		return dateRange{MakeDay(y, 1, 1), MakeDay(y, 12, 31), true}
	}
	return dateRange{}
}

// groupOf is sentence j's paragraph (by 0) or section (by 1).
func groupOf(ss []doc.Sentence, j, by int) int {
	if by == 0 {
		return ss[j].Block
	}
	return ss[j].Section
}
