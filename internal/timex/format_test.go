package timex

import (
	"fmt"
	"strings"
	"testing"
)

// TestWritePadded holds writePadded to fmt's %0*d, which it replaces in
// the formatting of values.
func TestWritePadded(t *testing.T) {
	for _, n := range []int{0, 1, 7, 9, 10, 42, 99, 100, 193, 999, 1000, 1939, 12345, -1, -7, -42, -193, -1939} {
		for _, w := range []int{0, 1, 2, 3, 4} {
			var b strings.Builder
			writePadded(&b, n, w)
			if want := fmt.Sprintf("%0*d", w, n); b.String() != want {
				t.Errorf("writePadded(%d, %d) = %q, want %q", n, w, b.String(), want)
			}
		}
	}
}
