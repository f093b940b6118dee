package actor

import (
	"fmt"
	"strconv"
	"strings"
)

// Day is a calendar day written as the number YYYYMMDD, so that days order
// as numbers do. It is the unit of every period in the registry.
type Day int32

// Open ends of a period.
const (
	MinDay Day = -99999999
	MaxDay Day = 99991231
)

// Period is a closed range of days: both ends are in force.
type Period struct {
	From, To Day
}

// Always is the period with no ends.
var always = Period{From: MinDay, To: MaxDay}

// Contains reports whether d falls in the period.
func (p Period) Contains(d Day) bool { return p.From <= d && d <= p.To }

// Overlaps reports whether two periods share a day.
func (p Period) Overlaps(o Period) bool { return p.From <= o.To && o.From <= p.To }

// Distance is how many "day numbers" d lies outside the period (0 inside).
// It is only used to rank periods, so the uneven scale of YYYYMMDD numbers
// does not matter.
func (p Period) Distance(d Day) int64 {
	switch {
	case d < p.From:
		return int64(p.From) - int64(d)
	case d > p.To:
		return int64(d) - int64(p.To)
	}
	return 0
}

// String writes the period as the registry does ("1918-11-09..1933-01-30").
func (p Period) String() string {
	var b strings.Builder
	if p.From != MinDay {
		b.WriteString(p.From.String())
	}
	b.WriteString("..")
	if p.To != MaxDay {
		b.WriteString(p.To.String())
	}
	return b.String()
}

// Year is the day's year.
func (d Day) Year() int { return int(d) / 10000 }

// String writes the day as YYYY-MM-DD.
func (d Day) String() string {
	if d == MinDay || d == MaxDay {
		return ""
	}
	y, m, dd := int(d)/10000, int(d)/100%100, int(d)%100
	if d < 0 {
		y, m, dd = int(d)/10000, (-int(d))/100%100, (-int(d))%100
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// MakeDay builds a day from its parts.
func MakeDay(y, m, d int) Day {
	if y < 0 {
		return Day(y*10000 - m*100 - d)
	}
	return Day(y*10000 + m*100 + d)
}

func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD; end chooses the last day of
// a partial date instead of the first.
func parseDate(s string, end bool) (Day, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if end {
			return MaxDay, nil
		}
		return MinDay, nil
	}
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) == 0 || len(parts[0]) > 4 {
		return 0, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	y, err := strconv.Atoi(parts[0])
	if err != nil {
		return 0, fmt.Errorf("bad year in %q", s)
	}
	if neg {
		y = -y
	}
	m, d := 1, 1
	if end {
		m, d = 12, 31
	}
	if len(parts) >= 2 {
		if len(parts[1]) != 2 {
			return 0, fmt.Errorf("bad month in %q", s)
		}
		m, err = strconv.Atoi(parts[1])
		if err != nil || m < 1 || m > 12 {
			return 0, fmt.Errorf("bad month in %q", s)
		}
		if end {
			d = daysIn(y, m)
		}
	}
	if len(parts) == 3 {
		if len(parts[2]) != 2 {
			return 0, fmt.Errorf("bad day in %q", s)
		}
		d, err = strconv.Atoi(parts[2])
		if err != nil || d < 1 || d > daysIn(y, m) {
			return 0, fmt.Errorf("bad day in %q", s)
		}
	}
	return MakeDay(y, m, d), nil
}

// parsePeriod reads the two ends of a period.
func parsePeriod(from, to string) (Period, error) {
	f, err := parseDate(from, false)
	if err != nil {
		return Period{}, err
	}
	t, err := parseDate(to, true)
	if err != nil {
		return Period{}, err
	}
	if f > t {
		return Period{}, fmt.Errorf("period %s..%s ends before it starts", from, to)
	}
	return Period{From: f, To: t}, nil
}

// ParseTimexValue reads the start of a TIMEX3 date value ("1922-04-16",
// "1939-09", "1925", "1940-SU", "192X") as a range of days. ok is false
// for values that name no calendar range (durations, PRESENT_REF ...).
func ParseTimexValue(v string) (lo, hi Day, ok bool) {
	if len(v) < 4 {
		return 0, 0, false
	}
	for i := 0; i < 4; i++ {
		c := v[i]
		if (c < '0' || c > '9') && !(c == 'X' && i >= 2) {
			return 0, 0, false
		}
	}
	if v[2] == 'X' || v[3] == 'X' {
		// A decade (192X) or century (19XX).
		base := v[:4]
		lo, err1 := strconv.Atoi(strings.ReplaceAll(base, "X", "0"))
		hi, err2 := strconv.Atoi(strings.ReplaceAll(base, "X", "9"))
		if err1 != nil || err2 != nil {
			return 0, 0, false
		}
		return MakeDay(lo, 1, 1), MakeDay(hi, 12, 31), true
	}
	y, _ := strconv.Atoi(v[:4])
	rest := v[4:]
	if len(rest) >= 3 && rest[0] == '-' {
		if m, err := strconv.Atoi(rest[1:3]); err == nil && m >= 1 && m <= 12 {
			if len(rest) >= 6 && rest[3] == '-' {
				if d, err := strconv.Atoi(rest[4:6]); err == nil && d >= 1 && d <= daysIn(y, m) {
					return MakeDay(y, m, d), MakeDay(y, m, d), true
				}
			}
			return MakeDay(y, m, 1), MakeDay(y, m, daysIn(y, m)), true
		}
		switch rest[1:3] {
		case "SP":
			return MakeDay(y, 3, 1), MakeDay(y, 5, 31), true
		case "SU":
			return MakeDay(y, 6, 1), MakeDay(y, 8, 31), true
		case "FA", "AU":
			return MakeDay(y, 9, 1), MakeDay(y, 11, 30), true
		case "WI":
			return MakeDay(y, 12, 1), MakeDay(y, 12, 31), true
		case "Q1", "H1":
			return MakeDay(y, 1, 1), MakeDay(y, 3, 31), true
		case "Q2":
			return MakeDay(y, 4, 1), MakeDay(y, 6, 30), true
		case "Q3", "H2":
			return MakeDay(y, 7, 1), MakeDay(y, 9, 30), true
		case "Q4":
			return MakeDay(y, 10, 1), MakeDay(y, 12, 31), true
		}
	}
	return MakeDay(y, 1, 1), MakeDay(y, 12, 31), true
}

// mid is the middle day of a range, the day used to choose a regime or an
// office holder for a date known only to the year or month.
func mid(lo, hi Day) Day {
	if lo == hi {
		return lo
	}
	ly, lm := lo.Year(), int(lo)/100%100
	hy, hm := hi.Year(), int(hi)/100%100
	months := (hy-ly)*12 + (hm - lm)
	mm := lm - 1 + months/2
	y, m := ly+mm/12, mm%12+1
	d := 15
	if months%2 == 1 {
		d = daysIn(y, m)
	}
	if months == 0 {
		d = (int(lo)%100 + int(hi)%100) / 2
	}
	return MakeDay(y, m, d)
}
