package timex

import (
	"strconv"
	"strings"
	"time"
)

// Gran is the granularity of a calendar point: how much of the calendar
// an expression pins down. Coarser granularities sort first.
type Gran int8

// Granularities, coarse to fine.
const (
	GNone Gran = iota
	GMillennium
	GCentury
	GDecade
	GYear
	GHalf
	GQuarter
	GSeason
	GMonth
	GWeek
	GDay
	GPartOfDay
	GHour
	GMinute
)

// point is a position in the calendar at some granularity, possibly
// partial (the year not yet known: "September 17" before anchoring).
type point struct {
	gran   Gran
	bc     bool
	noYear bool // year unknown (a partial date)
	// year is the full year; for a decade its first year (1920 for the
	// 1920s), for a century the first year of its hundred (1800 for 18XX).
	year    int
	month   int    // 1..12, 0 unknown
	day     int    // 1..31, 0 unknown
	season  string // SP, SU, FA, WI
	part    int    // half (1-2) or quarter (1-4) number
	week    int    // ISO week number
	weekday int    // 1 = Monday .. 7 = Sunday, for "XXXX-WXX-5"
	dayPart string // MO, AF, EV, NI, DT
	hour    int
	minute  int
}

// format writes the TIMEX3 value of p.
func (p point) format() string {
	// Built in a buffer on the stack: one allocation, the string.
	var arr [48]byte
	b := arr[:0]
	switch p.gran {
	case GNone:
		return ""
	case GMillennium:
		if p.bc {
			b = append(b, "BC"...)
		}
		b = appendPadded(b, p.year/1000, 0)
		b = append(b, "XXX"...)
		return string(b)
	case GCentury:
		if p.bc {
			b = append(b, "BC"...)
		}
		b = appendPadded(b, p.year/100, 2)
		b = append(b, "XX"...)
		return string(b)
	case GDecade:
		if p.bc {
			b = append(b, "BC"...)
		}
		b = appendPadded(b, p.year/10, 3)
		b = append(b, "X"...)
		return string(b)
	}
	b = appendYear(b, p)
	switch p.gran {
	case GYear:
	case GHalf:
		b = append(b, "-H"...)
		b = appendPadded(b, p.part, 0)
	case GQuarter:
		b = append(b, "-Q"...)
		b = appendPadded(b, p.part, 0)
	case GSeason:
		b = append(b, "-"+p.season...)
	case GWeek:
		if p.week == 0 {
			b = append(b, "-WXX"...)
		} else {
			b = append(b, "-W"...)
			b = appendPadded(b, p.week, 2)
		}
		if p.weekday > 0 {
			b = append(b, "-"...)
			b = appendPadded(b, p.weekday, 0)
		}
	default: // month and finer
		if p.month == 0 {
			b = append(b, "-XX"...)
		} else {
			b = append(b, "-"...)
			b = appendPadded(b, p.month, 2)
		}
		if p.gran == GMonth {
			break
		}
		if p.day == 0 {
			b = append(b, "-XX"...)
		} else {
			b = append(b, "-"...)
			b = appendPadded(b, p.day, 2)
		}
		switch p.gran {
		case GPartOfDay:
			b = append(b, "T"+p.dayPart...)
		case GHour:
			b = append(b, "T"...)
			b = appendPadded(b, p.hour, 2)
		case GMinute:
			b = append(b, "T"...)
			b = appendPadded(b, p.hour, 2)
			b = append(b, ":"...)
			b = appendPadded(b, p.minute, 2)
		}
	}
	return string(b)
}

// appendYear appends the year of p (or XXXX), after BC for years
// before the common era.
func appendYear(b []byte, p point) []byte {
	if p.bc {
		b = append(b, "BC"...)
	}
	if p.noYear {
		return append(b, "XXXX"...)
	}
	return appendPadded(b, p.year, 4)
}

// writePadded writes n as fmt's %0*d verb does: at least width
// characters, zeros between any sign and the digits.
func writePadded(b *strings.Builder, n, width int) {
	var buf [24]byte
	b.Write(appendPadded(buf[:0], n, width))
}

// appendPadded appends n to dst as writePadded writes it.
func appendPadded(dst []byte, n, width int) []byte {
	var buf [24]byte
	digits := strconv.AppendInt(buf[:0], int64(n), 10)
	if n < 0 {
		dst = append(dst, '-')
		digits = digits[1:]
		width--
	}
	for i := len(digits); i < width; i++ {
		dst = append(dst, '0')
	}
	return append(dst, digits...)
}

// astroYear is the astronomical year number (1 BC is year 0).
func (p point) astroYear() int {
	if p.bc {
		return 1 - p.year
	}
	return p.year
}

func fromAstro(y int) (year int, bc bool) {
	if y <= 0 {
		return 1 - y, true
	}
	return y, false
}

// start returns the first instant of p (zero time if the year is unknown).
func (p point) start() (time.Time, bool) {
	if p.noYear || p.gran == GNone {
		return time.Time{}, false
	}
	y := p.astroYear()
	switch p.gran {
	case GMillennium, GCentury, GDecade, GYear:
		if p.bc && p.gran != GYear {
			// BC periods run backwards: the 480s BC are 489..480 BC.
			y = p.astroYear() - (p.span() - 1)
		}
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), true
	case GHalf:
		return time.Date(y, time.Month(1+6*(p.part-1)), 1, 0, 0, 0, 0, time.UTC), true
	case GQuarter:
		return time.Date(y, time.Month(1+3*(p.part-1)), 1, 0, 0, 0, 0, time.UTC), true
	case GSeason:
		// A winter is named by the year it ends in: 1940-WI runs from
		// December 1939 to February 1940.
		if p.season == "WI" {
			return time.Date(y-1, 12, 1, 0, 0, 0, 0, time.UTC), true
		}
		m := map[string]int{"SP": 3, "SU": 6, "FA": 9}[p.season]
		if m == 0 {
			m = 1
		}
		return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), true
	case GWeek:
		if p.week == 0 {
			return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), true
		}
		return isoWeekStart(y, p.week), true
	}
	if p.month == 0 {
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), true
	}
	if p.day == 0 {
		return time.Date(y, time.Month(p.month), 1, 0, 0, 0, 0, time.UTC), true
	}
	t := time.Date(y, time.Month(p.month), p.day, 0, 0, 0, 0, time.UTC)
	switch p.gran {
	case GPartOfDay:
		h := map[string]int{"MO": 6, "MI": 11, "AF": 12, "EV": 18, "NI": 21, "DT": 8}[p.dayPart]
		if h == 0 {
			h = 12
		}
		t = t.Add(time.Duration(h) * time.Hour)
	case GHour:
		t = t.Add(time.Duration(p.hour) * time.Hour)
	case GMinute:
		t = t.Add(time.Duration(p.hour)*time.Hour + time.Duration(p.minute)*time.Minute)
	}
	return t, true
}

// span is the number of years a period coarser than a year covers.
func (p point) span() int {
	switch p.gran {
	case GMillennium:
		return 1000
	case GCentury:
		return 100
	case GDecade:
		return 10
	}
	return 1
}

// end returns the instant just after p.
func (p point) end() (time.Time, bool) {
	s, ok := p.start()
	if !ok {
		return s, false
	}
	switch p.gran {
	case GMillennium, GCentury, GDecade:
		return s.AddDate(p.span(), 0, 0), true
	case GYear:
		return s.AddDate(1, 0, 0), true
	case GHalf:
		return s.AddDate(0, 6, 0), true
	case GQuarter, GSeason:
		return s.AddDate(0, 3, 0), true
	case GWeek:
		if p.week == 0 {
			return s.AddDate(1, 0, 0), true
		}
		return s.AddDate(0, 0, 7), true
	}
	if p.month == 0 {
		return s.AddDate(1, 0, 0), true
	}
	if p.day == 0 {
		return s.AddDate(0, 1, 0), true
	}
	switch p.gran {
	case GPartOfDay:
		// Parts of a day end within it: a night is its evening's night.
		h := map[string]int{"MO": 6, "MI": 2, "AF": 5, "EV": 3, "NI": 3, "DT": 10}[p.dayPart]
		return s.Add(time.Duration(max(h, 1)) * time.Hour), true
	case GHour:
		return s.Add(time.Hour), true
	case GMinute:
		return s.Add(time.Minute), true
	}
	return s.AddDate(0, 0, 1), true
}

func isoWeekStart(year, week int) time.Time {
	// The Monday of ISO week 1 is the Monday on or before January 4.
	jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
	wd := int(jan4.Weekday())
	if wd == 0 {
		wd = 7
	}
	return jan4.AddDate(0, 0, 1-wd+7*(week-1))
}

// pointAt makes a day point from a time.
func pointAt(t time.Time, g Gran) point {
	y, bc := fromAstro(t.Year())
	p := point{gran: g, year: y, bc: bc, month: int(t.Month()), day: t.Day()}
	switch g {
	case GYear, GDecade, GCentury, GMillennium:
		p.month, p.day = 0, 0
		if g != GYear {
			p.year = truncYear(y, bc, g)
		}
	case GMonth:
		p.day = 0
	}
	return p
}

// truncYear returns the first year label of the decade/century/millennium
// holding year y ("1925" → 1920; for BC the labels count down, 485 BC is in
// the 480s BC).
func truncYear(y int, bc bool, g Gran) int {
	n := map[Gran]int{GDecade: 10, GCentury: 100, GMillennium: 1000}[g]
	if n == 0 {
		return y
	}
	return y / n * n
}

// parsedValue is a TIMEX3 value taken apart.
type parsedValue struct {
	p        point
	duration bool
	ref      bool
}

// parseValue reads a TIMEX3 date/time value ("1939-09-17", "192X",
// "BC0490", "1940-SU", "1939-08-23TNI") into a point. Durations and the
// *_REF values are recognised but carry no point.
func parseValue(v string) (parsedValue, bool) {
	if v == "" {
		return parsedValue{}, false
	}
	switch v {
	case "PRESENT_REF", "PAST_REF", "FUTURE_REF":
		return parsedValue{ref: true}, true
	}
	if v[0] == 'P' {
		return parsedValue{duration: true}, validDuration(v)
	}
	var p point
	s := v
	if strings.HasPrefix(s, "BC") {
		p.bc = true
		s = s[2:]
	}
	// Year part: four characters of digits, possibly with trailing Xs.
	if len(s) < 2 {
		return parsedValue{}, false
	}
	ylen := len(s)
	if i := strings.IndexAny(s, "-T"); i >= 0 {
		ylen = i
	}
	yp := s[:ylen]
	rest := s[ylen:]
	switch {
	case yp == "XXXX":
		p.noYear = true
		p.gran = GYear
	case len(yp) == 4 && allDigits(yp):
		p.year, _ = strconv.Atoi(yp)
		p.gran = GYear
	case len(yp) == 4 && allDigits(yp[:3]) && yp[3] == 'X':
		p.year, _ = strconv.Atoi(yp[:3])
		p.year *= 10
		p.gran = GDecade
	case len(yp) == 4 && allDigits(yp[:2]) && yp[2:] == "XX":
		p.year, _ = strconv.Atoi(yp[:2])
		p.year *= 100
		p.gran = GCentury
	case len(yp) == 4 && allDigits(yp[:1]) && yp[1:] == "XXX":
		p.year, _ = strconv.Atoi(yp[:1])
		p.year *= 1000
		p.gran = GMillennium
	case len(yp) == 3 && allDigits(yp): // TIMEX2 decade "192"
		p.year, _ = strconv.Atoi(yp)
		p.year *= 10
		p.gran = GDecade
	case len(yp) == 2 && allDigits(yp): // century "18"
		p.year, _ = strconv.Atoi(yp)
		p.year *= 100
		p.gran = GCentury
	default:
		return parsedValue{}, false
	}
	if rest == "" {
		return parsedValue{p: p}, true
	}
	if p.gran != GYear {
		return parsedValue{}, false
	}
	if rest[0] == '-' {
		rest = rest[1:]
		switch {
		case len(rest) == 2 && (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI"):
			p.season, p.gran = rest, GSeason
			return parsedValue{p: p}, true
		case len(rest) == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2'):
			p.part, p.gran = int(rest[1]-'0'), GHalf
			return parsedValue{p: p}, true
		case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
			p.part, p.gran = int(rest[1]-'0'), GQuarter
			return parsedValue{p: p}, true
		case len(rest) >= 3 && rest[0] == 'W':
			p.gran = GWeek
			w := rest[1:3]
			if w != "XX" {
				if !allDigits(w) {
					return parsedValue{}, false
				}
				p.week, _ = strconv.Atoi(w)
				if p.week < 1 || p.week > 53 {
					return parsedValue{}, false
				}
			}
			rest = rest[3:]
			if rest == "" {
				return parsedValue{p: p}, true
			}
			if len(rest) == 2 && rest[0] == '-' && rest[1] >= '1' && rest[1] <= '7' {
				p.weekday = int(rest[1] - '0')
				return parsedValue{p: p}, true
			}
			if rest == "-WE" {
				return parsedValue{p: p}, true
			}
			return parsedValue{}, false
		}
		if len(rest) < 2 {
			return parsedValue{}, false
		}
		m := rest[:2]
		rest = rest[2:]
		p.gran = GMonth
		if m != "XX" {
			if !allDigits(m) {
				return parsedValue{}, false
			}
			p.month, _ = strconv.Atoi(m)
			if p.month < 1 || p.month > 12 {
				return parsedValue{}, false
			}
		}
		if rest == "" {
			return parsedValue{p: p}, true
		}
		if rest[0] != '-' || len(rest) < 3 {
			return parsedValue{}, false
		}
		d := rest[1:3]
		rest = rest[3:]
		p.gran = GDay
		if d != "XX" {
			if !allDigits(d) {
				return parsedValue{}, false
			}
			p.day, _ = strconv.Atoi(d)
			if p.day < 1 || p.day > 31 {
				return parsedValue{}, false
			}
			if p.month > 0 && !p.noYear {
				t := time.Date(p.astroYear(), time.Month(p.month), p.day, 0, 0, 0, 0, time.UTC)
				if t.Day() != p.day {
					return parsedValue{}, false
				}
			}
		}
		if rest == "" {
			return parsedValue{p: p}, true
		}
	}
	if p.gran != GDay || rest[0] != 'T' {
		return parsedValue{}, false
	}
	rest = rest[1:]
	switch rest {
	case "MO", "MI", "AF", "EV", "NI", "DT":
		p.gran, p.dayPart = GPartOfDay, rest
		return parsedValue{p: p}, true
	}
	if len(rest) < 2 || !allDigits(rest[:2]) {
		return parsedValue{}, false
	}
	p.hour, _ = strconv.Atoi(rest[:2])
	if p.hour > 24 {
		return parsedValue{}, false
	}
	p.gran = GHour
	rest = rest[2:]
	if rest == "" {
		return parsedValue{p: p}, true
	}
	if len(rest) < 3 || rest[0] != ':' || !allDigits(rest[1:3]) {
		return parsedValue{}, false
	}
	p.minute, _ = strconv.Atoi(rest[1:3])
	if p.minute > 59 {
		return parsedValue{}, false
	}
	p.gran = GMinute
	rest = rest[3:]
	if len(rest) == 3 && rest[0] == ':' && allDigits(rest[1:]) {
		return parsedValue{p: p}, true
	}
	return parsedValue{p: p}, rest == ""
}

// validDuration checks a TIMEX3 duration: P, then number-unit pairs
// (numbers may be X for "some", or decimals), with T before time units.
func validDuration(v string) bool {
	if len(v) < 3 || v[0] != 'P' {
		return false
	}
	s := v[1:]
	inTime := false
	pairs := 0
	for s != "" {
		if s[0] == 'T' {
			if inTime {
				return false
			}
			inTime = true
			s = s[1:]
			if s == "" {
				// TIMEX2 "P1DT" style is tolerated only when a pair came before.
				return pairs > 0
			}
			continue
		}
		n := 0
		for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] == '.' || s[n] == 'X') {
			n++
		}
		if n == 0 || n == len(s) {
			return false
		}
		num := s[:n]
		if strings.Contains(num, "X") && num != "X" {
			return false
		}
		s = s[n:]
		units := "YMWDH"
		if inTime {
			units = "HMS"
		}
		// Two-letter units: DE (decade), CE (century), ML (millennium).
		if !inTime && len(s) >= 2 && (s[:2] == "DE" || s[:2] == "CE" || s[:2] == "ML") {
			s = s[2:]
		} else if strings.IndexByte(units, s[0]) >= 0 {
			s = s[1:]
		} else {
			return false
		}
		pairs++
	}
	return pairs > 0
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Valid reports whether v is a well-formed TIMEX3 value of the kinds
// chronicle writes: calendar dates and times at any granularity (with X
// for unknown parts and BC years), durations, and the *_REF values.
func Valid(v string) bool {
	_, ok := parseValue(v)
	return ok
}

// Precision names the granularity of a TIMEX3 date value, as the event
// layer records it: "day", "month", "season", "quarter", "half", "week",
// "year", "decade", "century", "millennium", or "time" for values finer
// than a day. It returns "" for durations, *_REF values and anything
// unparsable.
func Precision(v string) string {
	pv, ok := parseValue(v)
	if !ok || pv.duration || pv.ref {
		return ""
	}
	switch pv.p.gran {
	case GMillennium:
		return "millennium"
	case GCentury:
		return "century"
	case GDecade:
		return "decade"
	case GYear:
		return "year"
	case GHalf:
		return "half"
	case GQuarter:
		return "quarter"
	case GSeason:
		return "season"
	case GMonth:
		if pv.p.month == 0 {
			return "year"
		}
		return "month"
	case GWeek:
		return "week"
	case GDay:
		if pv.p.month == 0 {
			return "year"
		}
		if pv.p.day == 0 {
			return "month"
		}
		return "day"
	}
	return "time"
}

// Bounds returns the interval [start, end) a TIMEX3 date value covers, in
// the proleptic Gregorian calendar (BC years as astronomical years). ok is
// false for durations, *_REF values and dates whose year is unknown.
func Bounds(v string) (start, end time.Time, ok bool) {
	pv, ok := parseValue(v)
	if !ok || pv.duration || pv.ref {
		return time.Time{}, time.Time{}, false
	}
	s, ok1 := pv.p.start()
	e, ok2 := pv.p.end()
	return s, e, ok1 && ok2
}

// Compare orders two TIMEX3 date values by where they start, then by
// where they end (so "1939" sorts before "1939-09-01", which sorts before
// "1939-09-02"). ok is false when either value has no place in the
// calendar (durations, *_REF, unknown years).
func Compare(a, b string) (c int, ok bool) {
	as, ae, ok1 := Bounds(a)
	bs, be, ok2 := Bounds(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	switch {
	case as.Before(bs):
		return -1, true
	case bs.Before(as):
		return 1, true
	case ae.After(be):
		return -1, true
	case be.After(ae):
		return 1, true
	}
	return 0, true
}

// Contains reports whether the period of outer covers the period of inner
// ("1939" contains "1939-09-17"; "193X" contains "1939"). A value contains
// itself.
func Contains(outer, inner string) bool {
	os, oe, ok1 := Bounds(outer)
	is, ie, ok2 := Bounds(inner)
	if !ok1 || !ok2 {
		return false
	}
	return !is.Before(os) && !ie.After(oe)
}

// Overlaps reports whether the periods of a and b share any instant.
func Overlaps(a, b string) bool {
	as, ae, ok1 := Bounds(a)
	bs, be, ok2 := Bounds(b)
	if !ok1 || !ok2 {
		return false
	}
	return as.Before(be) && bs.Before(ae)
}
