package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/chronicle-history/chronicle/internal/timex"
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
	// The temporal tagger owns the meaning of TIMEX3 values (a winter is
	// named by the year it ends in, ISO weeks, BC years); the store keeps
	// their days.
	start, end, ok := timex.Bounds(v)
	if !ok || start.Year() < 1 {
		return DateRange{}, false
	}
	return DateRange{dayOf(start), dayOf(end.AddDate(0, 0, -1)), timex.Precision(v)}, true
}

func dayOf(t time.Time) Day { return mkDay(t.Year(), int(t.Month()), t.Day()) }

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
