package actor

import "testing"

func TestTextDate(t *testing.T) {
	day := func(y, m, d int) Day { return MakeDay(y, m, d) }
	tests := []struct {
		name, text string
		want       dateRange
	}{
		{"month day year", "It was signed on March 3, 1918, at Brest.", dateRange{day(1918, 3, 3), day(1918, 3, 3), true}},
		{"day month year", "On 11 November 1918, the Germans signed.", dateRange{day(1918, 11, 11), day(1918, 11, 11), true}},
		{"short month", "On 1 May 1941, a delegation attended.", dateRange{day(1941, 5, 1), day(1941, 5, 1), true}},
		{"month year", "In August 1939 talks began.", dateRange{day(1939, 8, 1), day(1939, 8, 31), true}},
		{"year", "In 1925, Germany broke its isolation.", dateRange{day(1925, 1, 1), day(1925, 12, 31), true}},
		{"decade", "In the 1920s, many in the leadership agreed.", dateRange{day(1920, 1, 1), day(1929, 12, 31), true}},
		{"range takes its start", "Lev Khinchuk (1930–1934)", dateRange{day(1930, 1, 1), day(1930, 12, 31), true}},
		{"the end of a range with a month", "(May 11 – September 16, 1939)", dateRange{day(1939, 9, 16), day(1939, 9, 16), true}},
		{"numbers are not years", "It limited the army to 100,000 men and 7.5 million dollars.", dateRange{}},
		{"no date", "The Soviets offered facilities.", dateRange{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := textDate(tc.text); got != tc.want {
				t.Errorf("textDate(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
