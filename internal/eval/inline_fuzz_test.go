package eval

import (
	"testing"
)

// FuzzParseInline feeds the inline TIMEX2/TIMEX3 gold reader malformed
// markup: no panic, and every gold span it returns lies inside the file.
func FuzzParseInline(f *testing.F) {
	f.Add("<DOC><TEXT>On <TIMEX2 val=\"1939-09-01\">September 1, 1939</TIMEX2> it began.</TEXT></DOC>")
	f.Add("<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"2009\">2009</TIMEX3></DCT><TEXT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1940\">1940</TIMEX3></TEXT></TimeML>")
	f.Add("<TEXT><TIMEX2 val=\"x\"><TIMEX2 val=\"y\">a</TIMEX2></TIMEX2> <TIMEX2 val='z' set=\"YES\">b</TEXT>")
	f.Add("<TEXT>unclosed <TIMEX3 value=\"1\">x")
	f.Fuzz(func(t *testing.T, s string) {
		gd, _, err := parseInline("fuzz.xml", []byte(s))
		if err != nil {
			return
		}
		for _, g := range gd.Gold {
			if g.Span.Start < 0 || g.Span.End > len(gd.Raw) || g.Span.Start > g.Span.End {
				t.Fatalf("gold span %v outside a file of %d bytes", g.Span, len(gd.Raw))
			}
		}
	})
}
