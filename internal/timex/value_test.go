package timex

import "testing"

func TestValid(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"1922-04-16", true}, {"1939-09", true}, {"1925", true}, {"192X", true}, {"18XX", true},
		{"1940-SU", true}, {"1939-08-23TNI", true}, {"1940-03-13T12:00", true}, {"1940-06-14T24:00", true},
		{"P5Y", true}, {"PT10H", true}, {"P2.5M", true}, {"PXY", true}, {"P1DE", true},
		{"PRESENT_REF", true}, {"PAST_REF", true}, {"FUTURE_REF", true},
		{"BC0490", true}, {"BC048X", true}, {"XXXX-09-17", true}, {"1939-XX-XX", true}, {"1939-W36", true},
		{"XXXX-WXX-5", true}, {"2008-H2", true}, {"1940-Q1", true},
		{"", false}, {"1939-13", false}, {"1939-02-30", false}, {"1939-9-1", false}, {"P", false}, {"PY", false},
		{"P5", false}, {"1940-XY", false}, {"T12:00", false}, {"19", true}, {"1940-03-13T25:00", false},
		{"1940-03-13T12:60", false}, {"NOW", false}, {"P1X2Y", false},
	}
	for _, tc := range tests {
		t.Run(tc.v, func(t *testing.T) {
			if got := Valid(tc.v); got != tc.want {
				t.Errorf("Valid(%q) = %v, want %v", tc.v, got, tc.want)
			}
		})
	}
}

func TestPrecision(t *testing.T) {
	tests := []struct{ v, want string }{
		{"1939-09-17", "day"}, {"1939-09", "month"}, {"1940-SU", "season"}, {"1940-Q2", "quarter"},
		{"1939", "year"}, {"193X", "decade"}, {"18XX", "century"}, {"1939-08-23TNI", "time"},
		{"1939-XX-XX", "year"}, {"BC0490", "year"}, {"P5Y", ""}, {"PRESENT_REF", ""}, {"junk", ""},
	}
	for _, tc := range tests {
		t.Run(tc.v, func(t *testing.T) {
			if got := Precision(tc.v); got != tc.want {
				t.Errorf("Precision(%q) = %q, want %q", tc.v, got, tc.want)
			}
		})
	}
}

func TestCompareAndContains(t *testing.T) {
	cmp := []struct {
		a, b string
		want int
		ok   bool
	}{
		{"1939", "1939-09-01", -1, true},
		{"1939-09-01", "1939-09-02", -1, true},
		{"1940", "1939-12-31", 1, true},
		{"193X", "1930", -1, true},
		{"BC0490", "BC0480", -1, true},
		{"BC0001", "0001", -1, true},
		{"1939-09", "1939-09", 0, true},
		{"P5Y", "1939", 0, false},
		{"XXXX-09-17", "1939", 0, false},
	}
	for _, tc := range cmp {
		t.Run(tc.a+" vs "+tc.b, func(t *testing.T) {
			got, ok := Compare(tc.a, tc.b)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Compare(%q, %q) = %d, %v; want %d, %v", tc.a, tc.b, got, ok, tc.want, tc.ok)
			}
		})
	}
	contains := []struct {
		outer, inner string
		want         bool
	}{
		{"1939", "1939-09-17", true}, {"193X", "1939", true}, {"19XX", "1939-09", true},
		{"1939-09", "1939", false}, {"1940-WI", "1940-01-15", true}, {"1940-WI", "1939-12-24", true},
		{"1940-SU", "1940-07-01", true}, {"BC048X", "BC0485", true}, {"BC048X", "BC0479", false},
		{"1939-08-23", "1939-08-23TNI", true}, {"P1Y", "1939", false},
	}
	for _, tc := range contains {
		t.Run(tc.outer+" ⊇ "+tc.inner, func(t *testing.T) {
			if got := Contains(tc.outer, tc.inner); got != tc.want {
				t.Errorf("Contains(%q, %q) = %v, want %v", tc.outer, tc.inner, got, tc.want)
			}
		})
	}
	if !Overlaps("1939", "1939-12") || Overlaps("1939", "1940-01") {
		t.Errorf("Overlaps wrong")
	}
}

func TestEaster(t *testing.T) {
	for y, want := range map[int]string{1916: "1916-04-23", 1941: "1941-04-13", 2024: "2024-03-31"} {
		if got := easter(y).Format("2006-01-02"); got != want {
			t.Errorf("easter(%d) = %s, want %s", y, got, want)
		}
	}
}

// TestContainsPointAgrees holds containsPoint's comparison of years,
// months and days as numbers to the comparison of their times, over
// every pair of a set of points around month, year and leap-day edges.
func TestContainsPointAgrees(t *testing.T) {
	var ps []point
	for _, y := range []int{1, 1900, 1939, 1940, 2000, 2100} {
		for _, g := range []Gran{GYear, GMonth, GDay, GSeason, GDecade, GHour} {
			for _, m := range []int{0, 1, 2, 11, 12, 13} {
				for _, d := range []int{0, 1, 28, 29, 30, 31, 32} {
					ps = append(ps, point{gran: g, year: y, month: m, day: d, season: "WI", hour: 3})
				}
			}
		}
	}
	ps = append(ps, point{gran: GYear, year: 480, bc: true}, point{gran: GDay, noYear: true, month: 3, day: 1})
	for _, a := range ps {
		for _, b := range ps {
			if got, want := containsPoint(a, b), containsPointTime(a, b); got != want {
				t.Fatalf("containsPoint(%+v, %+v) = %v, want %v", a, b, got, want)
			}
		}
	}
}
