package event

import (
	"strings"
	"testing"
)

// treatyKeyReference is the replacement treatyKeyReplace stands for.
var treatyKeyReference = strings.NewReplacer("–", "-", "—", "-", "the ", "", "'", "", "’", "", "\"", "")

func TestTreatyKeyReplace(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty", ""},
		{"nothing to replace", "treaty of rapallo"},
		{"en dash", "molotov–ribbentrop pact"},
		{"em dash", "german—soviet pact"},
		{"article inside a word", "breathe the air"},
		{"article at the end", "the"},
		{"quotes", "\"the pact\" of 'steel' ’39"},
		{"other dashes kept", "a‐b ‑ c"},
		{"cut sequences", "\xe2\x80"},
		{"many", "the the – — ' ’ \" x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := treatyKeyReplace(tc.in), treatyKeyReference.Replace(tc.in); got != want {
				t.Errorf("treatyKeyReplace(%q) = %q, want %q", tc.in, got, want)
			}
		})
	}
}

// FuzzTreatyKeyReplace holds treatyKeyReplace to the strings.Replacer it
// stands for on any input.
func FuzzTreatyKeyReplace(f *testing.F) {
	f.Add("the Molotov–Ribbentrop \"Pact\"")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := treatyKeyReplace(s), treatyKeyReference.Replace(s); got != want {
			t.Fatalf("treatyKeyReplace(%q) = %q, want %q", s, got, want)
		}
	})
}
