package timex

import (
	"context"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

// tx is the part of a timex the phenomenon tests compare.
type tx struct {
	Text, Type, Value, Mod, Anchor string
}

func newTagger(t testing.TB, conv string) *Tagger {
	t.Helper()
	tg, err := New(Options{Convention: conv})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// tagDoc reads text in the given format, segments it and tags it.
func tagDoc(t testing.TB, tg *Tagger, format, text string) *doc.Document {
	t.Helper()
	d, err := read.Bytes("test.txt", []byte(text), read.Options{Format: format})
	if err != nil {
		t.Fatal(err)
	}
	segment.Annotate(d)
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func simplify(ts []doc.Timex) []tx {
	out := []tx{}
	for _, t := range ts {
		out = append(out, tx{t.Text, t.Type, t.Value, t.Mod, t.Anchor})
	}
	return out
}

func diff(got, want []tx) string {
	var b strings.Builder
	n := max(len(got), len(want))
	for i := 0; i < n; i++ {
		var g, w tx
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		mark := "  "
		if g != w {
			mark = "≠ "
		}
		b.WriteString(mark)
		b.WriteString("got ")
		b.WriteString(strings.Join([]string{g.Text, g.Type, g.Value, g.Mod, g.Anchor}, " | "))
		b.WriteString("\n   want ")
		b.WriteString(strings.Join([]string{w.Text, w.Type, w.Value, w.Mod, w.Anchor}, " | "))
		b.WriteString("\n")
	}
	return b.String()
}

const (
	E = doc.AnchorExplicit
	C = doc.AnchorContext
	R = doc.AnchorRelative
)

// TestPhenomena covers every kind of expression the tagger must handle,
// on sentences written for the test.
func TestPhenomena(t *testing.T) {
	tg := newTagger(t, "")
	tests := []struct {
		name string
		text string
		want []tx
	}{
		{"partial date in a year's paragraph",
			"The crisis deepened in 1939. On September 17 the eastern army crossed the river.",
			[]tx{{"1939", "DATE", "1939", "", E}, {"September 17", "DATE", "1939-09-17", "", C}}},
		{"partial date before the paragraph's year",
			"On September 17 the eastern army crossed the river. It was the autumn of 1939.",
			[]tx{{"September 17", "DATE", "1939-09-17", "", C}, {"the autumn of 1939", "DATE", "1939-FA", "", E}}},
		{"noon the following day",
			"The armistice was signed on March 12, 1940, and fighting stopped at noon the following day.",
			[]tx{{"March 12, 1940", "DATE", "1940-03-12", "", E}, {"noon", "TIME", "1940-03-13T12:00", "", R}, {"the following day", "DATE", "1940-03-13", "", R}}},
		{"month range borrowing the year",
			"The camps were closed in August–September 1933.",
			[]tx{{"August", "DATE", "1933-08", "", C}, {"September 1933", "DATE", "1933-09", "", E}}},
		{"duration after for",
			"The treaty was to run for five years.",
			[]tx{{"five years", "DURATION", "P5Y", "", E}}},
		{"decade with the",
			"In the 1920s the two armies trained together.",
			[]tx{{"the 1920s", "DATE", "192X", "", E}}},
		{"large number is no year",
			"The army lost 100,000 men and 1500 guns in the retreat.",
			[]tx{}},
		{"article number is no year",
			"Article 231 of the treaty assigned the blame; page 1919 of the record is missing.",
			[]tx{}},
		{"BC years",
			"Darius ruled from 522 BC; the revolt lasted from 499 to 493 BC and Octavian won in 31 BCE.",
			[]tx{{"522 BC", "DATE", "BC0522", "", E}, {"499", "DATE", "BC0499", "", E}, {"493 BC", "DATE", "BC0493", "", E}, {"31 BCE", "DATE", "BC0031", "", E}}},
		{"AD year",
			"The town was founded in AD 1066 by settlers.",
			[]tx{{"AD 1066", "DATE", "1066", "", E}}},
		{"late century",
			"Since the late nineteenth century the region had exported grain.",
			[]tx{{"the late nineteenth century", "DATE", "18XX", "END", E}}},
		{"mid-month with comma year",
			"Talks resumed in mid-February, 1940, after a pause.",
			[]tx{{"mid-February, 1940", "DATE", "1940-02", "MID", E}}},
		{"a mere range of months",
			"Their stocks would have lasted a mere 9 to 12 months.",
			[]tx{{"a mere 9", "DURATION", "P9M", "", E}, {"12 months", "DURATION", "P12M", "", E}}},
		{"per year",
			"The factory delivered 300 engines per year.",
			[]tx{{"per year", "SET", "P1Y", "", E}}},
		{"shortly before midnight",
			"On June 14, 1940, the border was closed. Shortly before midnight, an ultimatum was delivered.",
			[]tx{{"June 14, 1940", "DATE", "1940-06-14", "", E}, {"Shortly before midnight", "TIME", "1940-06-14T24:00", "BEFORE", C}}},
		{"date orders and abbreviations",
			"The fleet sailed on 17 September 1939, met on Sept. 18, 1939, and landed on the 19th of September, 1939.",
			[]tx{{"17 September 1939", "DATE", "1939-09-17", "", E}, {"Sept. 18, 1939", "DATE", "1939-09-18", "", E}, {"the 19th of September, 1939", "DATE", "1939-09-19", "", E}}},
		{"month and year",
			"The pact lapsed in June 1941 and talks began in February of 1940.",
			[]tx{{"June 1941", "DATE", "1941-06", "", E}, {"February of 1940", "DATE", "1940-02", "", E}}},
		{"season of a year",
			"The summer of 1928 brought a grain crisis.",
			[]tx{{"The summer of 1928", "DATE", "1928-SU", "", E}}},
		{"early year",
			"In early 1921 the first delegation arrived.",
			[]tx{{"early 1921", "DATE", "1921", "START", E}}},
		{"the end of a month",
			"The offensive began in 1940. By the end of August the front was quiet.",
			[]tx{{"1940", "DATE", "1940", "", E}, {"the end of August", "DATE", "1940-08", "END", C}}},
		{"mid decade and late decade",
			"Trade grew in the mid-1920s and collapsed in the late 1930s.",
			[]tx{{"the mid-1920s", "DATE", "192X", "MID", E}, {"the late 1930s", "DATE", "193X", "END", E}}},
		{"the following year and that year",
			"The congress met in 1925. The following year it was dissolved, and that year a new party formed.",
			[]tx{{"1925", "DATE", "1925", "", E}, {"The following year", "DATE", "1926", "", R}, {"that year", "DATE", "1926", "", R}}},
		{"a few weeks later",
			"The envoy arrived on May 2, 1935. A few weeks later he was recalled.",
			[]tx{{"May 2, 1935", "DATE", "1935-05-02", "", E}, {"A few weeks later", "DATE", "1935-05", "", R}}},
		{"months later with the right granularity",
			"The agreement was signed on January 7, 1940; four months later it was broken.",
			[]tx{{"January 7, 1940", "DATE", "1940-01-07", "", E}, {"four months later", "DATE", "1940-05", "", R}}},
		{"two years earlier",
			"The border was fixed in 1926. Two years earlier the commission had met.",
			[]tx{{"1926", "DATE", "1926", "", E}, {"Two years earlier", "DATE", "1924", "", R}}},
		{"the same day",
			"The note arrived on August 25, 1939, and the reply came the same day.",
			[]tx{{"August 25, 1939", "DATE", "1939-08-25", "", E}, {"the same day", "DATE", "1939-08-25", "", R}}},
		{"the following night",
			"The pact was signed on August 23, 1939. The following night the ministers celebrated.",
			[]tx{{"August 23, 1939", "DATE", "1939-08-23", "", E}, {"The following night", "TIME", "1939-08-23TNI", "", R}}},
		{"the following night after a late hour",
			"On March 3, 1921, the garrison rose. Shortly before midnight the envoy left. The following night the rebels attacked.",
			[]tx{{"March 3, 1921", "DATE", "1921-03-03", "", E}, {"Shortly before midnight", "TIME", "1921-03-03T24:00", "BEFORE", C},
				{"The following night", "TIME", "1921-03-04TNI", "", R}}},
		{"the following evening after a night",
			"On May 9, 1936, the decree was read. That night crowds gathered. The following evening the king spoke.",
			[]tx{{"May 9, 1936", "DATE", "1936-05-09", "", E}, {"That night", "TIME", "1936-05-09TNI", "", R},
				{"The following evening", "TIME", "1936-05-10TEV", "", R}}},
		{"the following night after the small hours",
			"On June 2, 1863, at 2 a.m. the bridge fell. The following night the army crossed.",
			[]tx{{"June 2, 1863", "DATE", "1863-06-02", "", E}, {"2 a.m.", "TIME", "1863-06-02T02:00", "", E},
				{"The following night", "TIME", "1863-06-02TNI", "", R}}},
		{"hyphenated durations",
			"He delivered a ten-hour ultimatum and a ten-year plan.",
			[]tx{{"ten-hour", "DURATION", "PT10H", "", E}, {"ten-year", "DURATION", "P10Y", "", E}}},
		{"two and a half months",
			"The migration was to be completed within two and a half months.",
			[]tx{{"two and a half months", "DURATION", "P2.5M", "", E}}},
		{"approximate durations",
			"The talks lasted almost ten days; the siege more than a week.",
			[]tx{{"almost ten days", "DURATION", "P10D", "LESS_THAN", E}, {"more than a week", "DURATION", "P1W", "MORE_THAN", E}}},
		{"every month",
			"The committee met every month and reported daily.",
			[]tx{{"every month", "SET", "P1M", "", E}, {"daily", "SET", "P1D", "", E}}},
		{"year ranges with dash and to",
			"The ambassador served 1921–1930 and the minister from 1932 to 1938.",
			[]tx{{"1921", "DATE", "1921", "", E}, {"1930", "DATE", "1930", "", E}, {"1932", "DATE", "1932", "", E}, {"1938", "DATE", "1938", "", E}}},
		{"two-digit range end",
			"It is often argued that the change happened around 1933–34.",
			[]tx{{"around 1933", "DATE", "1933", "APPROX", E}, {"34", "DATE", "1934", "APPROX", E}}},
		{"between and",
			"Between 1935 and 1937 the purges intensified.",
			[]tx{{"1935", "DATE", "1935", "", E}, {"1937", "DATE", "1937", "", E}}},
		{"day range",
			"The conference met on 6–7 February 1920.",
			[]tx{{"6", "DATE", "1920-02-06", "", E}, {"7 February 1920", "DATE", "1920-02-07", "", E}}},
		{"list sharing a year",
			"The treaties were signed on September 28, October 5, and October 10, 1939.",
			[]tx{{"September 28", "DATE", "1939-09-28", "", C}, {"October 5", "DATE", "1939-10-05", "", C}, {"October 10, 1939", "DATE", "1939-10-10", "", E}}},
		{"named day with the year known",
			"The parade was held on 1 May 1941. International Workers' Day was marked in Moscow.",
			[]tx{{"1 May 1941", "DATE", "1941-05-01", "", E}, {"International Workers' Day", "DATE", "1941-05-01", "", C}}},
		{"around a day",
			"In 1939 the army reached the river around September 12.",
			[]tx{{"1939", "DATE", "1939", "", E}, {"around September 12", "DATE", "1939-09-12", "APPROX", C}}},
		{"the end of decade without the",
			"Relations restarted in the end of 1930s.",
			[]tx{{"the end of 1930s", "DATE", "193X", "END", E}}},
		{"now in past narrative",
			"On September 7, 1939, the line was now based on a new idea.",
			[]tx{{"September 7, 1939", "DATE", "1939-09-07", "", E}, {"now", "DATE", "1939-09-07", "", C}}},
		{"recently",
			"According to recently released documents, the offer was real.",
			[]tx{{"recently", "DATE", "PAST_REF", "", E}}},
		{"bare plural unit",
			"The talks went on for months.",
			[]tx{{"months", "DURATION", "PXM", "", E}}},
		{"the years",
			"These offers were repeated over the years.",
			[]tx{{"the years", "DURATION", "PXY", "", E}}},
		{"attributive year keeps the narrative",
			"The treaty was ratified in 1926. The 1931 extension was ratified in Germany on May 5.",
			[]tx{{"1926", "DATE", "1926", "", E}, {"1931", "DATE", "1931", "", E}, {"May 5", "DATE", "1926-05-05", "", C}}},
		{"clock time",
			"The first bombs fell at 4:45 a.m. on September 1, 1939.",
			[]tx{{"4:45 a.m.", "TIME", "1939-09-01T04:45", "", E}, {"September 1, 1939", "DATE", "1939-09-01", "", E}}},
		{"easter",
			"The rising began on Easter Monday 1916.",
			[]tx{{"Easter Monday 1916", "DATE", "1916-04-24", "", E}}},
		{"a time stamp is no year",
			"Retrieved 2009-12-19T17:00:00. On September 17 the army crossed.",
			[]tx{{"September 17", "DATE", "XXXX-09-17", "", E}}},
		{"the may of modal verbs",
			"It may be argued that they march on.",
			[]tx{}},
		{"season without year in a year's story",
			"The army regrouped in 1943. In the summer it attacked again.",
			[]tx{{"1943", "DATE", "1943", "", E}, {"the summer", "DATE", "1943-SU", "", C}}},
		{"forward narrative crosses the new year",
			"The offensive stalled in November 1939. In March the armistice was signed.",
			[]tx{{"November 1939", "DATE", "1939-11", "", E}, {"March", "DATE", "1940-03", "", C}}},
		{"since does not move the story",
			"On May 1, 1940, the convoy left. It was the first crossing since 1995. It arrived on May 9.",
			[]tx{{"May 1, 1940", "DATE", "1940-05-01", "", E}, {"1995", "DATE", "1995", "", E}, {"May 9", "DATE", "1940-05-09", "", C}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tagDoc(t, tg, "plain", tc.text)
			got := simplify(d.Timexes)
			if len(got) != len(tc.want) || !equalTx(got, tc.want) {
				t.Errorf("%q:\n%s", tc.text, diff(got, tc.want))
			}
		})
	}
}

func equalTx(a, b []tx) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestConventionTIMEX2 checks what the TIMEX2 guidelines add: adjectives
// such as "former", and "now" as PRESENT_REF.
func TestConventionTIMEX2(t *testing.T) {
	tests := []struct {
		name, conv, text string
		want             []tx
	}{
		{"former under timex2", ConventionTIMEX2, "The former president fled in 1939.",
			[]tx{{"former", "DATE", "PAST_REF", "", E}, {"1939", "DATE", "1939", "", E}}},
		{"former under timex3", ConventionTIMEX3, "The former president fled in 1939.",
			[]tx{{"1939", "DATE", "1939", "", E}}},
		{"the former as a pronoun", ConventionTIMEX2, "Britain and France met; the former hinted at a deal.",
			[]tx{}},
		{"a span and what it measures under timex2", ConventionTIMEX2, "The army needed three weeks of hard fighting, and the first year of the war ended.",
			[]tx{{"three weeks of hard fighting", "DURATION", "P3W", "", E}, {"the first year of the war", "DURATION", "P1Y", "", E}}},
		{"a span alone under timex3", ConventionTIMEX3, "The army needed three weeks of hard fighting.",
			[]tx{{"three weeks", "DURATION", "P3W", "", E}}},
		{"now under timex2", ConventionTIMEX2, "On September 7, 1939, the line was now based on a new idea.",
			[]tx{{"September 7, 1939", "DATE", "1939-09-07", "", E}, {"now", "DATE", "PRESENT_REF", "", E}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tagDoc(t, newTagger(t, tc.conv), "plain", tc.text)
			got := simplify(d.Timexes)
			if len(got) != len(tc.want) || !equalTx(got, tc.want) {
				t.Errorf("%q:\n%s", tc.text, diff(got, tc.want))
			}
		})
	}
}

// TestNarrative checks the reference time of sentences and the periods of
// sections, on an article written for the test.
func TestNarrative(t *testing.T) {
	text := `= Relations between two states (1918–1941) =

The two states signed a treaty in 1922.

== Early 1930s ==

Trade declined. On May 5 a protocol was signed.

== 1939 needs and discussions ==

Talks stalled. On August 19 an agreement was reached. The following day it was published.

== Aftermath ==

Historians disagree.
`
	tg := newTagger(t, "")
	d := tagDoc(t, tg, "wikiplain", text)
	periods := map[string][2]string{}
	for _, s := range d.Sections {
		periods[s.Title] = [2]string{s.Period, s.PeriodEnd}
	}
	wantPeriods := map[string][2]string{
		"Relations between two states (1918–1941)": {"1918", "1941"},
		"Early 1930s":                {"1930", "1933"},
		"1939 needs and discussions": {"1939", ""},
		"Aftermath":                  {"", ""},
	}
	for title, want := range wantPeriods {
		if got := periods[title]; got != want {
			t.Errorf("section %q: period %v, want %v", title, got, want)
		}
	}
	refs := map[string]string{}
	for _, s := range d.Sentences {
		refs[s.Text] = s.RefTime
	}
	wantRefs := map[string]string{
		"The two states signed a treaty in 1922.": "1922",
		"Trade declined.":                         "193X",
		"On May 5 a protocol was signed.":         "193X",
		"Talks stalled.":                          "1939",
		"On August 19 an agreement was reached.":  "1939-08-19",
		"The following day it was published.":     "1939-08-20",
		"Historians disagree.":                    "1939-08-20",
	}
	for s, want := range wantRefs {
		if got, ok := refs[s]; !ok || got != want {
			t.Errorf("sentence %q: ref_time %q, want %q", s, got, want)
		}
	}
}

// TestCreationTimeIgnored: a document's DATETIME never anchors anything.
func TestCreationTimeIgnored(t *testing.T) {
	sgml := `<DOC><DOCID>x</DOCID><DATETIME> 2009-12-19T17:00:00 </DATETIME><TEXT>
On September 17 the army crossed the border. The war had begun in 1939.
</TEXT></DOC>`
	d := tagDoc(t, newTagger(t, ""), "sgml", sgml)
	got := simplify(d.Timexes)
	want := []tx{{"September 17", "DATE", "1939-09-17", "", C}, {"1939", "DATE", "1939", "", E}}
	if !equalTx(got, want) || len(got) != len(want) {
		t.Errorf("\n%s", diff(got, want))
	}
}

// TestOffsetsPointIntoTheFile checks that raw spans cut the expression out
// of a file whose clean text differs from it (entities, tags).
func TestOffsetsPointIntoTheFile(t *testing.T) {
	sgml := "<DOC><TEXT>\nOn <b>September&nbsp;1</b>, 1939 &amp; after.\n</TEXT></DOC>"
	d := tagDoc(t, newTagger(t, ""), "sgml", sgml)
	if len(d.Timexes) != 1 {
		t.Fatalf("got %v", simplify(d.Timexes))
	}
	x := d.Timexes[0]
	if x.Value != "1939-09-01" {
		t.Errorf("value %q", x.Value)
	}
	if raw := d.Raw[x.Start:x.End]; !strings.HasPrefix(raw, "September") || !strings.HasSuffix(raw, "1939") {
		t.Errorf("raw span %d–%d is %q", x.Start, x.End, raw)
	}
	if x.Text != d.Text[x.Clean.Start:x.Clean.End] {
		t.Errorf("text %q is not the clean span %q", x.Text, d.Text[x.Clean.Start:x.Clean.End])
	}
}

// TestMoreRanges covers ranges whose ends share parts in less common ways.
func TestMoreRanges(t *testing.T) {
	tg := newTagger(t, "")
	tests := []struct {
		name, text string
		want       []tx
	}{
		{"days then a year", "The battle raged on September 1–3, 1939, near the border.",
			[]tx{{"September 1", "DATE", "1939-09-01", "", C}, {"3, 1939", "DATE", "1939-09-03", "", E}}},
		{"a winter across two years", "During the winter of 1941–42 the front froze.",
			[]tx{{"the winter of 1941", "DATE", "1941-WI", "", E}, {"42", "DATE", "1942", "", E}}},
		{"two centuries", "Trade grew in the eighteenth and nineteenth centuries.",
			[]tx{{"eighteenth", "DATE", "17XX", "", E}, {"nineteenth centuries", "DATE", "18XX", "", E}}},
		{"a short year in an ancient story", "Rome fought Carthage from 264 BC. In 218 Hannibal crossed the Alps with 37 elephants.",
			[]tx{{"264 BC", "DATE", "BC0264", "", E}, {"218", "DATE", "BC0218", "", E}}},
		{"a short number in a modern story is no year", "The war began in 1939. In 218 villages the harvest failed.",
			[]tx{{"1939", "DATE", "1939", "", E}}},
		{"at dawn", "On June 22, 1941, the attack began at dawn.",
			[]tx{{"June 22, 1941", "DATE", "1941-06-22", "", E}, {"dawn", "TIME", "1941-06-22TMO", "", C}}},
		{"from day to day month", "War came in 1914. The battle was fought from 6 to 12 September.",
			[]tx{{"1914", "DATE", "1914", "", E}, {"6", "DATE", "1914-09-06", "", C}, {"12 September", "DATE", "1914-09-12", "", C}}},
		{"a date right after a span's end", "The king died on 21 January 1793. The Terror lasted until July 1794; Robespierre fell on 28 July.",
			[]tx{{"21 January 1793", "DATE", "1793-01-21", "", E}, {"July 1794", "DATE", "1794-07", "", E}, {"28 July", "DATE", "1794-07-28", "", C}}},
		{"military time", "The landings began at 0630 hours on 6 June 1944.",
			[]tx{{"0630 hours", "TIME", "1944-06-06T06:30", "", E}, {"6 June 1944", "DATE", "1944-06-06", "", E}}},
		{"the next decade is a span", "The empire was founded in 1871 and over the next decade it grew.",
			[]tx{{"1871", "DATE", "1871", "", E}, {"the next decade", "DURATION", "P10Y", "", E}}},
		{"late that night", "The order came on 3 May 1940, and late that night the troops moved.",
			[]tx{{"3 May 1940", "DATE", "1940-05-03", "", E}, {"late that night", "TIME", "1940-05-03TNI", "END", R}}},
		{"weekdays around a day", "On Tuesday, 3 September 1940, the council met; it had met last Friday and met again on Monday.",
			[]tx{{"Tuesday, 3 September 1940", "DATE", "1940-09-03", "", E}, {"last Friday", "DATE", "1940-08-30", "", R}, {"Monday", "DATE", "1940-09-09", "", C}}},
		{"a weekday in a year's story", "In 1940 the council met on a Friday; it met again last Friday.",
			[]tx{{"1940", "DATE", "1940", "", E}, {"Friday", "DATE", "1940-WXX-5", "", C}, {"last Friday", "DATE", "1940-WXX-5", "", R}}},
		{"the new year", "The talks stalled in December 1938 and resumed after the new year.",
			[]tx{{"December 1938", "DATE", "1938-12", "", E}, {"the new year", "DATE", "1939-01-01", "", C}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tagDoc(t, tg, "plain", tc.text)
			got := simplify(d.Timexes)
			if len(got) != len(tc.want) || !equalTx(got, tc.want) {
				t.Errorf("%q:\n%s", tc.text, diff(got, tc.want))
			}
		})
	}
}
