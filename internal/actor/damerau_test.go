package actor

import "testing"

// damerauDP is the optimal-string-alignment distance of two keys (bytes of
// folded ASCII), capped: any distance above 1 is reported as 2.
func damerauDP(a, b string) int {
	if abs(len(a)-len(b)) > 1 || len(a) > 63 || len(b) > 63 {
		return 2
	}
	var rows [3][64]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > 1 {
			return 2
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], 2)
}

// TestDamerau checks damerau against the full optimal-string-alignment
// table it replaced.
func TestDamerau(t *testing.T) {
	for _, tc := range []struct{ name, a, b string }{
		{"equal", "molotov", "molotov"},
		{"empty", "", ""},
		{"one empty", "", "a"},
		{"substitution", "weizsacker", "weizsaecker"[:10]},
		{"changed byte", "kopp", "kepp"},
		{"swap", "stresemann", "strseemann"},
		{"swap at end", "rathenau", "rathenua"},
		{"added", "chicherin", "chicheriin"},
		{"dropped first", "litvinov", "itvinov"},
		{"two edits", "ribbentrop", "ribentropp"},
		{"two swaps", "abcd", "badc"},
		{"too long", string(make([]byte, 64)), string(make([]byte, 64))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := damerau(tc.a, tc.b), damerauDP(tc.a, tc.b); got != want {
				t.Errorf("damerau(%q, %q) = %d, want %d", tc.a, tc.b, got, want)
			}
			if got, want := damerau(tc.b, tc.a), damerauDP(tc.b, tc.a); got != want {
				t.Errorf("damerau(%q, %q) = %d, want %d", tc.b, tc.a, got, want)
			}
		})
	}
}

// FuzzDamerau holds damerau equal to the full table on any two keys.
func FuzzDamerau(f *testing.F) {
	f.Add("molotov", "molotow")
	f.Add("ab", "ba")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := damerau(a, b), damerauDP(a, b); got != want {
			t.Fatalf("damerau(%q, %q) = %d, want %d", a, b, got, want)
		}
	})
}
