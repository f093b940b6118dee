package actor

import (
	"regexp"
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

var (
	reMDY  = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+(1[0-9]{3}|20[0-9]{2})\b`)
	reDMY  = regexp.MustCompile(`\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December),?\s+(1[0-9]{3}|20[0-9]{2})\b`)
	reMY   = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December),?\s+(1[0-9]{3}|20[0-9]{2})\b`)
	reYear = regexp.MustCompile(`(^|[^0-9,.])(1[5-9][0-9]{2}|20[0-9]{2})s?([^0-9]|$)`)
)

// textDate finds the first date written in s: a full date, a month and
// year, or a year. It is the fallback when no temporal expressions are on
// the document.
func textDate(s string) (dateRange, bool) {
	type hit struct {
		at int
		r  dateRange
	}
	var hits []hit
	if m := reMDY.FindStringSubmatchIndex(s); m != nil {
		mo := months[strings.ToLower(s[m[2]:m[3]])]
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if d >= 1 && d <= daysIn(y, mo) {
			hits = append(hits, hit{m[0], dateRange{MakeDay(y, mo, d), MakeDay(y, mo, d), true}})
		}
	}
	if m := reDMY.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo := months[strings.ToLower(s[m[4]:m[5]])]
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if d >= 1 && d <= daysIn(y, mo) {
			hits = append(hits, hit{m[0], dateRange{MakeDay(y, mo, d), MakeDay(y, mo, d), true}})
		}
	}
	if m := reMY.FindStringSubmatchIndex(s); m != nil {
		mo := months[strings.ToLower(s[m[2]:m[3]])]
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		hits = append(hits, hit{m[0], dateRange{MakeDay(y, mo, 1), MakeDay(y, mo, daysIn(y, mo)), true}})
	}
	if m := reYear.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		hi := MakeDay(y, 12, 31)
		if m[5] < len(s) && s[m[5]] == 's' {
			hi = MakeDay(y+9, 12, 31)
		}
		hits = append(hits, hit{m[4], dateRange{MakeDay(y, 1, 1), hi, true}})
	}
	if len(hits) == 0 {
		return dateRange{}, false
	}
	best := hits[0]
	for _, h := range hits[1:] {
		// The earliest in the text; at the same place, the most precise.
		if h.at < best.at || (h.at == best.at && h.r.hi-h.r.lo < best.r.hi-best.r.lo) {
			best = h
		}
		if h.at < best.at+12 && h.at > best.at && h.r.hi-h.r.lo < best.r.hi-best.r.lo && h.r.lo >= best.r.lo && h.r.hi <= best.r.hi {
			best = h
		}
	}
	return best.r, true
}

// sentenceDates gives every sentence its narrative date: the temporal
// tagger's reference time for the sentence (Sentence.RefTime) when the
// tagger ran; else the first date in the sentence (from the tagger's
// expressions, or from the years written in it), or a date carried over
// from its neighbours. Sentences before any date get the document's
// typical date (the median of the dates found).
func sentenceDates(d *doc.Document) []dateRange {
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
		for i, s := range d.Sentences {
			if r, ok := textDate(d.Text[s.Clean.Start:s.Clean.End]); ok {
				own[i] = r
			}
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
