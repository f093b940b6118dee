package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Day is a calendar day as the integer YYYYMMDD, so that day bounds sort and
// index as plain integers in both databases. 0 means "no day".
type Day int

// ISO formats d as YYYY-MM-DD ("" for 0).
func (d Day) ISO() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", int(d)/10000, int(d)/100%100, int(d)%100)
}

func mkDay(y, m, d int) Day { return Day(y*10000 + m*100 + d) }

func lastDay(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// DateRange is the span of days a TIMEX3 value covers, with the precision
// the value states.
type DateRange struct {
	Lo, Hi    Day
	Precision string // day, week, month, quarter, season, half, year, decade, century
}

// ParseDate reads a TIMEX3 calendar value at any precision — 1939,
// 1939-08, 1939-08-23 (a time after it is ignored), 193X, 19XX, 1939-SU,
// 1939-Q3, 1939-H2, 1939-W34 — into the days it covers. Values that are no
// calendar date (durations, PRESENT_REF) give ok == false.
func ParseDate(v string) (DateRange, bool) {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	if len(v) < 4 {
		return DateRange{}, false
	}
	head := v[:4]
	rest := v[4:]
	switch {
	case isDigits(head):
	case isDigits(head[:3]) && head[3] == 'X' && rest == "":
		y, _ := strconv.Atoi(head[:3])
		return DateRange{mkDay(y*10, 1, 1), mkDay(y*10+9, 12, 31), "decade"}, true
	case isDigits(head[:2]) && head[2:] == "XX" && rest == "":
		y, _ := strconv.Atoi(head[:2])
		return DateRange{mkDay(y*100, 1, 1), mkDay(y*100+99, 12, 31), "century"}, true
	default:
		return DateRange{}, false
	}
	y, _ := strconv.Atoi(head)
	if rest == "" {
		return DateRange{mkDay(y, 1, 1), mkDay(y, 12, 31), "year"}, true
	}
	if rest[0] != '-' {
		return DateRange{}, false
	}
	rest = rest[1:]
	switch rest {
	case "SP":
		return DateRange{mkDay(y, 3, 1), mkDay(y, 5, 31), "season"}, true
	case "SU":
		return DateRange{mkDay(y, 6, 1), mkDay(y, 8, 31), "season"}, true
	case "FA", "AU":
		return DateRange{mkDay(y, 9, 1), mkDay(y, 11, 30), "season"}, true
	case "WI":
		// Winter of year y runs into the next year.
		return DateRange{mkDay(y, 12, 1), mkDay(y+1, 2, lastDay(y+1, 2)), "season"}, true
	case "Q1", "Q2", "Q3", "Q4":
		q := int(rest[1] - '0')
		return DateRange{mkDay(y, 3*q-2, 1), mkDay(y, 3*q, lastDay(y, 3*q)), "quarter"}, true
	case "H1":
		return DateRange{mkDay(y, 1, 1), mkDay(y, 6, 30), "half"}, true
	case "H2":
		return DateRange{mkDay(y, 7, 1), mkDay(y, 12, 31), "half"}, true
	}
	if len(rest) >= 2 && rest[0] == 'W' && isDigits(rest[1:]) {
		w, _ := strconv.Atoi(rest[1:])
		if w < 1 || w > 53 {
			return DateRange{}, false
		}
		// ISO week w: the week holding January 4th is week 1.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		sunday := monday.AddDate(0, 0, 6)
		return DateRange{dayOf(monday), dayOf(sunday), "week"}, true
	}
	if len(rest) < 2 || !isDigits(rest[:2]) {
		return DateRange{}, false
	}
	m, _ := strconv.Atoi(rest[:2])
	if m < 1 || m > 12 {
		return DateRange{}, false
	}
	rest = rest[2:]
	if rest == "" {
		return DateRange{mkDay(y, m, 1), mkDay(y, m, lastDay(y, m)), "month"}, true
	}
	if len(rest) != 3 || rest[0] != '-' || !isDigits(rest[1:]) {
		return DateRange{}, false
	}
	d, _ := strconv.Atoi(rest[1:])
	if d < 1 || d > lastDay(y, m) {
		return DateRange{}, false
	}
	return DateRange{mkDay(y, m, d), mkDay(y, m, d), "day"}, true
}

func dayOf(t time.Time) Day { return mkDay(t.Year(), int(t.Month()), t.Day()) }

func isDigits(s string) bool {
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

// spanOf is the days covered by a value and an optional end value (an
// event or tenure dated "1930" to "1934" covers 1930-01-01..1934-12-31).
func spanOf(value, end string) (lo, hi Day, ok bool) {
	r, ok := ParseDate(value)
	if !ok {
		return 0, 0, false
	}
	lo, hi = r.Lo, r.Hi
	if end != "" {
		if e, ok := ParseDate(end); ok && e.Hi >= lo {
			hi = e.Hi
		}
	}
	return lo, hi, true
}

// parseBound reads a --from/--to style parameter.
func parseBound(param, v string) (DateRange, error) {
	r, ok := ParseDate(v)
	if !ok {
		return r, badParam(param, "%q is not a date (want e.g. 1939, 1939-08, 1939-08-23, 193X, 1939-SU, 1939-Q3)", v)
	}
	return r, nil
}

// nullDay stores 0 as NULL.
func nullDay(d Day) any {
	if d == 0 {
		return nil
	}
	return int64(d)
}
