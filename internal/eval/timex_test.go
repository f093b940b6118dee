package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
)

func TestNormalizeValue(t *testing.T) {
	tests := []struct {
		name string
		v    string
		set  bool
		want string
	}{
		{"decade TIMEX2", "192", false, "192X"},
		{"decade TIMEX3", "192X", false, "192X"},
		{"century TIMEX2", "18", false, "18XX"},
		{"BC TIMEX2", "BC0490", false, "BC0490"},
		{"BC minus", "-0490", false, "BC0490"},
		{"BC decade", "BC048", false, "BC048X"},
		{"unknown day", "1971-XX-XX", false, "1971"},
		{"unknown time", "1958-05-29TXX", false, "1958-05-29"},
		{"unknown week", "1913-WXX", false, "1913"},
		{"all unknown", "XXXX-XX-XX", false, "XXXX"},
		{"decade duration", "P1DE", false, "P10Y"},
		{"half century", "P.5CE", false, "P50Y"},
		{"years", "P1Y", false, "P1Y"},
		{"set daily", "XXXX-XX-XX", true, "P1D"},
		{"set weekly", "XXXX-WXX", true, "P1W"},
		{"set yearly", "XXXX", true, "P1Y"},
		{"set as period", "P1M", true, "P1M"},
		{"ref", "PRESENT_REF", false, "PRESENT_REF"},
		{"null", "null", false, ""},
		{"lower case", "1940-su", false, "1940-SU"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := NormalizeValue(tc.v, tc.set); got != tc.want {
				t.Errorf("NormalizeValue(%q, %v) = %q, want %q", tc.v, tc.set, got, tc.want)
			}
		})
	}
}

func TestScoreTimexDoc(t *testing.T) {
	raw := "On March 3, 1918 and in the 1920s, for five years; later 1933."
	gd := TimexGoldDoc{Name: "t", Raw: []byte(raw), Gold: []GoldTimex{
		{Span: doc.Span{Start: 3, End: 16}, Text: "March 3, 1918", Type: "DATE", Value: "1918-03-03"},
		{Span: doc.Span{Start: 24, End: 33}, Text: "the 1920s", Type: "DATE", Value: "192"},
		{Span: doc.Span{Start: 39, End: 49}, Text: "five years", Type: "DURATION", Value: "P5Y"},
		{Span: doc.Span{Start: 57, End: 61}, Text: "1933", Type: "DATE", Value: "1933"},
	}}
	sys := []doc.Timex{
		{Span: doc.Span{Start: 3, End: 16}, Text: "March 3, 1918", Type: "DATE", Value: "1918-03-03"}, // strict, right value
		{Span: doc.Span{Start: 28, End: 33}, Text: "1920s", Type: "DATE", Value: "192X"},              // lenient, right value
		{Span: doc.Span{Start: 39, End: 49}, Text: "five years", Type: "DATE", Value: "P4Y"},          // strict, wrong value and type
		{Span: doc.Span{Start: 51, End: 56}, Text: "later", Type: "DATE", Value: "1934"},              // false alarm
	}
	got := ScoreTimexDoc(gd, sys, true)
	want := TimexScore{Gold: 4, System: 4,
		Strict:  PRF{TP: 2, FP: 2, FN: 2},
		Lenient: PRF{TP: 3, FP: 1, FN: 1},
		Value:   PRF{TP: 2, FP: 2, FN: 2},
		Type:    PRF{TP: 2, FP: 2, FN: 2}}
	if got.Score != want {
		t.Errorf("score %+v, want %+v", got.Score, want)
	}
	kinds := map[string]int{}
	for _, e := range got.Errors {
		kinds[e.Kind]++
	}
	wantKinds := map[string]int{"miss": 1, "false_alarm": 1, "wrong_value": 1, "wrong_extent": 1}
	for k, n := range wantKinds {
		if kinds[k] != n {
			t.Errorf("%d %s errors, want %d (%v)", kinds[k], k, n, got.Errors)
		}
	}
}

func TestParseInline(t *testing.T) {
	dir := t.TempDir()
	timex2 := `<DOC><DATETIME> <TIMEX2 val="2009-12-19">2009-12-19</TIMEX2> </DATETIME>
<TEXT>On <TIMEX2 val="1939-09-01">September 1, 1939</TIMEX2>, and <TIMEX2 val="P35Y"><TIMEX2 val="1876">1876</TIMEX2>-x</TIMEX2>
the <TIMEX2 val="PRESENT_REF" anchor_val="1939" anchor_dir="AS_OF">now</TIMEX2> <TIMEX2 val="XXXX-XX-XX" set="YES">daily</TIMEX2>.</TEXT></DOC>`
	timex3 := `<?xml version="1.0" ?><TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2009-12-19">2009-12-19</TIMEX3></DCT>
<TEXT> <TIMEX3 tid="t0" type="TIME" value="2009-12-19T17:00:00">2009-12-19T17:00:00</TIMEX3>
On <TIMEX3 tid="t1" type="DATE" value="1939-09-01">September 1, 1939</TIMEX3> it began.</TEXT></TimeML>`
	p2 := filepath.Join(dir, "a.key.xml")
	p3 := filepath.Join(dir, "a.tml")
	if err := os.WriteFile(p2, []byte(timex2), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p3, []byte(timex3), 0o644); err != nil {
		t.Fatal(err)
	}
	g2, f2, err := parseInline(p2, []byte(timex2))
	if err != nil || f2 != "timex2" {
		t.Fatalf("timex2: %v %q", err, f2)
	}
	type row struct{ text, val, typ, alt string }
	var got2 []row
	for _, g := range g2.Gold {
		got2 = append(got2, row{g.Text, g.Value, g.Type, g.Alt})
		if timex2[g.Start:g.End] != g.Text && g.Text != "1876-x" {
			t.Errorf("span %d–%d is %q, text %q", g.Start, g.End, timex2[g.Start:g.End], g.Text)
		}
	}
	want2 := []row{{"September 1, 1939", "1939-09-01", "DATE", ""}, {"1876-x", "P35Y", "DURATION", ""},
		{"1876", "1876", "DATE", ""}, {"now", "PRESENT_REF", "DATE", "1939"}, {"daily", "XXXX-XX-XX", "SET", ""}}
	if len(got2) != len(want2) {
		t.Fatalf("timex2 gold %v, want %v", got2, want2)
	}
	for i := range want2 {
		if got2[i] != want2[i] {
			t.Errorf("timex2 gold %d: %v, want %v", i, got2[i], want2[i])
		}
	}
	g3, f3, err := parseInline(p3, []byte(timex3))
	if err != nil || f3 != "timex3" {
		t.Fatalf("timex3: %v %q", err, f3)
	}
	if len(g3.Gold) != 1 || g3.Gold[0].Value != "1939-09-01" || len(g3.Ignore) != 1 {
		t.Errorf("timex3 gold %+v ignore %v", g3.Gold, g3.Ignore)
	}
	if _, _, err := parseInline("bad.tml", []byte("<TEXT><TIMEX3 value='1'>x</TEXT>")); err == nil {
		t.Errorf("an unclosed TIMEX3 must be an error")
	}
}

func TestSeedScope(t *testing.T) {
	raw := "lead 1918\n== A ==\nodd 1920\n== B ==\neven 1930\n== C ==\nodd\n== D ==\neven, no gold\n"
	gold := []GoldTimex{{Span: doc.Span{Start: 5, End: 9}}, {Span: doc.Span{Start: 40, End: 44}}}
	got := seedScope(raw, gold)
	// Sections 0, 2 and 4 (the lead, B, D): every even one.
	if len(got) != 3 {
		t.Fatalf("scope %v", got)
	}
	for i, want := range []string{"lead", "== B", "== D"} {
		if s := raw[got[i].Start:got[i].End]; len(s) < len(want) || s[:len(want)] != want {
			t.Errorf("scope %d starts %q, want %q", i, s, want)
		}
	}
}

// TestTimexRegressionGuard runs the evaluation on the gold sets of the
// repository and fails when a score drops below the floor reached when it
// was written (see docs/timex.md for the figures and how to raise them).
func TestTimexRegressionGuard(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the tagger over every gold set")
	}
	root := repoRoot(t)
	floors := []struct {
		path                   string
		lenient, strict, value float64
	}{
		{"testdata/gold/seed-dev/timex.jsonl", 1, 0.993, 1},
		{"testdata/gold/wikiwars-dev/keyinline", 0.977, 0.938, 0.908},
		{"testdata/gold/wikiwars-dev/timex3_derczynski2012", 0.970, 0.925, 0.899},
	}
	for _, f := range floors {
		t.Run(f.path, func(t *testing.T) {
			sets, err := LoadTimexGold(filepath.Join(root, filepath.FromSlash(f.path)))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range sets {
				r, err := RunTimex(context.Background(), s, "", false)
				if err != nil {
					t.Fatal(err)
				}
				o := r.Overall
				for _, c := range []struct {
					name       string
					got, floor float64
				}{{"lenient F1", o.Lenient.F1(), f.lenient}, {"strict F1", o.Strict.F1(), f.strict}, {"lenient+value F1", o.Value.F1(), f.value}} {
					if c.got < c.floor-1e-9 {
						t.Errorf("%s %s = %.4f, below the floor %.3f", s.Name, c.name, c.got, c.floor)
					}
				}
			}
		})
	}
}
