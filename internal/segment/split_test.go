package segment

import (
	"reflect"
	"testing"
)

func texts(s string) []string {
	var out []string
	for _, sp := range Split(s) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two plain sentences", "The treaty was signed. It restored relations.",
			[]string{"The treaty was signed.", "It restored relations."}},
		{"break after a year", "The pact was signed in 1939. Stalin approved it.",
			[]string{"The pact was signed in 1939.", "Stalin approved it."}},
		{"U.S. before a name", "Papers were published by the U.S. Department of State in 1948.",
			[]string{"Papers were published by the U.S. Department of State in 1948."}},
		{"U.S.S.R. ending a sentence", "The line divided Germany and the U.S.S.R. In this connection the border moved.",
			[]string{"The line divided Germany and the U.S.S.R.", "In this connection the border moved."}},
		{"Mr. and initials", "According to Mr. Rapoport, the historians Alan S. Milward and W. Medicott agree.",
			[]string{"According to Mr. Rapoport, the historians Alan S. Milward and W. Medicott agree."}},
		{"cf. and e.g.", "Poland was an enemy (see e.g. Silesian Uprisings; cf. Chapter Two). Relations improved.",
			[]string{"Poland was an enemy (see e.g. Silesian Uprisings; cf. Chapter Two).", "Relations improved."}},
		{"decimal and ordinal", "It paid 7.5 million dollars on the 18th of May. The 2nd Army moved.",
			[]string{"It paid 7.5 million dollars on the 18th of May.", "The 2nd Army moved."}},
		{"quoted sentence inside", `He said "We will not fight. Never." and left. Then he returned.`,
			[]string{`He said "We will not fight. Never." and left.`, "Then he returned."}},
		{"closing quote after period", `The reply was "no useful purpose can be served." The talks ended.`,
			[]string{`The reply was "no useful purpose can be served."`, "The talks ended."}},
		{"question and exclamation", "Was it a surprise? Nobody knew! The debate continues.",
			[]string{"Was it a surprise?", "Nobody knew!", "The debate continues."}},
		{"lowercase after period is no break", "He bought guns, howitzers etc. but no tanks.",
			[]string{"He bought guns, howitzers etc. but no tanks."}},
		{"etc. at the end of a sentence", "He bought guns, howitzers etc. The money ran out.",
			[]string{"He bought guns, howitzers etc.", "The money ran out."}},
		{"list ordinal", "1. In the event of a rearrangement the line holds. It is final.",
			[]string{"1. In the event of a rearrangement the line holds.", "It is final."}},
		{"World War I ends a sentence", "The army was rebuilt after World War I. The Reichswehr grew.",
			[]string{"The army was rebuilt after World War I.", "The Reichswehr grew."}},
		{"No. before a number", "Order No. 227 was issued. It forbade retreat.",
			[]string{"Order No. 227 was issued.", "It forbade retreat."}},
		{"Gen. and St.", "Gen. Hans von Seeckt visited St. Petersburg. He left.",
			[]string{"Gen. Hans von Seeckt visited St. Petersburg.", "He left."}},
		{"BC year then a sentence", "Xerxes invaded in 480 BC. The Greeks resisted.",
			[]string{"Xerxes invaded in 480 BC.", "The Greeks resisted."}},
		{"B.C. before a capitalised noun", "In 490 B.C. Athens won at Marathon.",
			[]string{"In 490 B.C. Athens won at Marathon."}},
		{"ellipsis", "The talks stalled... Then they resumed.",
			[]string{"The talks stalled...", "Then they resumed."}},
		{"newline inside a paragraph", "The treaty was signed\nin 1922. It mattered.",
			[]string{"The treaty was signed\nin 1922.", "It mattered."}},
		{"curly quotes", "Stalin spoke of “chestnuts. Out of the fire.” The West listened.",
			[]string{"Stalin spoke of “chestnuts. Out of the fire.”", "The West listened."}},
		{"parenthesis closing a sentence", "They met in Berlin (in 1926.) Nothing came of it.",
			[]string{"They met in Berlin (in 1926.)", "Nothing came of it."}},
		{"white space only", "   ", nil},
		{"no final period", "A heading-like line", []string{"A heading-like line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"A. B. C.", "U.S. In the", "\"Hi. There.\" Ok.", "1. x", "… ‘a.’ B", "etc. The", "“x. y”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.Start >= sp.End || sp.End > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			if isSpaceByte(s[sp.Start]) || isSpaceByte(s[sp.End-1]) {
				t.Fatalf("span %v of %q not trimmed", sp, s)
			}
			prev = sp.End
		}
	})
}
