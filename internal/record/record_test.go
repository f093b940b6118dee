package record

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/doctest"
	"github.com/chronicle-history/chronicle/internal/event"
)

// build runs the event coder and the record builder over an annotated
// passage.
func build(t *testing.T, src string) *doc.Document {
	t.Helper()
	d := doctest.Annotated(t, src)
	c, err := event.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := New().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseHeading(t *testing.T) {
	tests := []struct {
		h    string
		want Heading
		ok   bool
	}{
		{"Soviet ambassadors (chargés) to Berlin", Heading{Office: "ambassador", Of: "Soviet", Post: "Berlin", OfSpan: [2]int{0, 6}, PostSpan: [2]int{33, 39}}, true},
		{"French envoys to Vienna", Heading{Office: "envoy", Of: "French", Post: "Vienna", OfSpan: [2]int{0, 6}, PostSpan: [2]int{17, 23}}, true},
		{"Foreign ministers of Sweden", Heading{Office: "foreign minister", Of: "Sweden", OfSpan: [2]int{21, 27}}, true},
		{"List of chancellors of Austria", Heading{Office: "chancellor", Of: "Austria", OfSpan: [2]int{23, 30}}, true},
		{"People's Commissars for Foreign Affairs", Heading{Office: "People's commissar for Foreign Affairs"}, true},
		{"Trade", Heading{}, false},
		{"See also", Heading{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.h, func(t *testing.T) {
			got, ok := ParseHeading(tc.h)
			if ok != tc.ok || ok && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v %v, want %+v %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestParseListEntry(t *testing.T) {
	tests := []struct {
		s    string
		want ListEntry
		ok   bool
	}{
		{"- Anton Berg (1921–1930)", ListEntry{Name: "Anton Berg", NameSpan: [2]int{2, 12}, Start: "1921", End: "1930", DateSpan: [2]int{14, 25}}, true},
		{"- Jan Olsen (1918)", ListEntry{Name: "Jan Olsen", NameSpan: [2]int{2, 11}, Start: "1918", End: "1918", DateSpan: [2]int{13, 17}}, true},
		{"- Karl Weiss", ListEntry{Name: "Karl Weiss", NameSpan: [2]int{2, 12}}, true},
		{"* Piet de Vries, 1933–34", ListEntry{Name: "Piet de Vries", NameSpan: [2]int{2, 15}, Start: "1933", End: "1934", DateSpan: [2]int{17, 26}}, true},
		{"- Ana Ruiz (1939–)", ListEntry{Name: "Ana Ruiz", NameSpan: [2]int{2, 10}, Start: "1939", DateSpan: [2]int{12, 16}}, true},
		{"- see the list below", ListEntry{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.s, func(t *testing.T) {
			got, ok := ParseListEntry(tc.s)
			if ok != tc.ok || ok && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v %v, want %+v %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func FuzzParseHeading(f *testing.F) {
	for _, s := range []string{"Soviet ambassadors (chargés) to Berlin", "List of foreign ministers of Germany", "Ministers (", "Envoys to", "x ambassadors of"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, ok := ParseHeading(s)
		if !ok {
			return
		}
		for _, sp := range [][2]int{h.OfSpan, h.PostSpan} {
			if sp[0] < 0 || sp[1] > len(s) || sp[0] > sp[1] {
				t.Fatalf("span %v out of [0,%d]", sp, len(s))
			}
		}
		if h.Of != "" && s[h.OfSpan[0]:h.OfSpan[1]] != h.Of || h.Post != "" && s[h.PostSpan[0]:h.PostSpan[1]] != h.Post {
			t.Fatalf("spans do not cut out %q / %q", h.Of, h.Post)
		}
	})
}

func FuzzParseListEntry(f *testing.F) {
	for _, s := range []string{"- Anton Berg (1921–1930)", "- A (1933–34)", "* B, 1939–", "- C: 12345", "- D (19)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, ok := ParseListEntry(s)
		if !ok {
			return
		}
		if e.NameSpan[0] < 0 || e.NameSpan[1] > len(s) || s[e.NameSpan[0]:e.NameSpan[1]] != e.Name {
			t.Fatalf("name span %v does not cut out %q", e.NameSpan, e.Name)
		}
		if e.DateSpan[0] < 0 || e.DateSpan[1] > len(s) || e.DateSpan[0] > e.DateSpan[1] {
			t.Fatalf("date span %v out of bounds", e.DateSpan)
		}
		for _, y := range []string{e.Start, e.End} {
			if y != "" && (len(y) != 4 || !isDigits(y)) {
				t.Fatalf("year %q is not four digits", y)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
	})
}

// Tenures from a list under a heading that names the office, and from the
// prose patterns, on passages written for the test.
func TestTenures(t *testing.T) {
	src := "= Relations =\n\n" +
		"In {1931|1931}, [Swedish|SWE] Foreign Minister [Karl Lund|p:SWE] met [Danish|DNK] ambassador [Erik Holm|p:DNK]. " +
		"[Nils Berg|p:SWE], chief of the [General Staff|o:SWE], objected. " +
		"[Olaf Dahl|p:NOR] (foreign minister from {1925|1925} to {1929|1929}) had said so. " +
		"[Per Vik|p:NOR], who had been Prime Minister since {1926|1926}, agreed.\n\n" +
		"== [Swedish|SWE] envoys to [Oslo|NOR] ==\n" +
		"- [Anton Berg|p:SWE] (1921–1930)\n" +
		"- [Jan Olsen|p:SWE]\n"
	d := build(t, src)
	type tn struct{ Person, Office, State, Start, End, Source string }
	var got []tn
	for _, x := range d.Tenures {
		got = append(got, tn{x.Person, x.Office, x.State, x.Start, x.End, x.Source})
	}
	want := []tn{
		{"Anton Berg", "Swedish envoy to Oslo", "SWE", "1921", "1930", "list"},
		{"Jan Olsen", "Swedish envoy to Oslo", "SWE", "", "", "list"},
		{"Karl Lund", "Swedish Foreign Minister", "SWE", "", "", "prose"},
		{"Erik Holm", "Danish ambassador", "DNK", "", "", "prose"},
		{"Nils Berg", "chief of the General Staff", "SWE", "", "", "prose"},
		{"Olaf Dahl", "foreign minister", "NOR", "1925", "1929", "prose"},
		{"Per Vik", "Prime Minister", "NOR", "1926", "", "prose"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %+v\nwant %+v", got, want)
	}
}

// A treaty record from its signing, with parties, signatories and a later
// mention ("the Pact") resolved to it; a secret protocol marks it.
func TestTreaties(t *testing.T) {
	src := "On {May 22, 1939|1939-05-22}, the Pact of Steel was signed by [Italian|ITA] Foreign Minister [Galeazzo Ciano|p:ITA] and [German|DEU] Foreign Minister [Joachim von Ribbentrop|p:DEU]. " +
		"The Pact was supplemented by a secret protocol. " +
		"In {1940|1940}, [Italy|ITA] invaded [Greece|GRC]."
	d := build(t, src)
	if len(d.Treaties) < 1 {
		t.Fatalf("no treaty: events %+v", d.Events)
	}
	tr := d.Treaties[0]
	if tr.Name != "Pact of Steel" || tr.Signed != "1939-05-22" || !reflect.DeepEqual(tr.Parties, []string{"ITA", "DEU"}) ||
		!reflect.DeepEqual(tr.Signatories, []string{"Galeazzo Ciano", "Joachim von Ribbentrop"}) || !tr.SecretProtocol {
		t.Errorf("treaty %+v", tr)
	}
	if !contains(tr.Aliases, "the Pact") {
		t.Errorf("aliases %v lack the later mention \"the Pact\"", tr.Aliases)
	}
	linked := false
	for _, e := range d.Events {
		if e.Treaty == tr.ID && e.Subtype == "treaty.sign" {
			linked = true
		}
	}
	if !linked {
		t.Errorf("signing event not linked to %s", tr.ID)
	}
}

func TestRelations(t *testing.T) {
	ev := func(id, typ, quad string, score float64, a, r, date, mod string) doc.Event {
		return doc.Event{ID: id, Type: typ, Quad: quad, Score: score, Actor: []string{a}, Recipient: []string{r},
			Date: doc.EventDate{Value: date}, Modality: mod}
	}
	events := []doc.Event{
		ev("e1", "SUPPORT", "VC", 5, "DEU", "SUN", "1922-04-16", doc.ModalityAsserted),
		ev("e2", "COOPERATE", "MC", 9.5, "SUN", "DEU", "1922-08", doc.ModalityAsserted),
		ev("e3", "ASSAULT", "MK", -9, "DEU", "SUN", "1924", doc.ModalityAsserted),
		ev("e4", "ASSAULT", "MK", -9, "DEU", "SUN", "1924", doc.ModalityHypothetical),
		ev("e5", "ASSAULT", "MK", -9, "DEU", "POL", "1924", doc.ModalityAsserted),
	}
	ix, err := Relations(events, "DEU", "SUN", ByYear, DefaultWeighting())
	if err != nil {
		t.Fatal(err)
	}
	want := []Point{
		{Period: "1922", Score: 12, Count: 2, Cooperation: 12, Events: []EventRef{{ID: "e1", Type: "SUPPORT", Score: 5, Weighted: 2.5}, {ID: "e2", Type: "COOPERATE", Score: 9.5, Weighted: 9.5}}},
		{Period: "1923", Events: []EventRef{}},
		{Period: "1924", Score: -9, Count: 1, Conflict: -9, Events: []EventRef{{ID: "e3", Type: "ASSAULT", Score: -9, Weighted: -9}}},
	}
	if !reflect.DeepEqual(ix.Points, want) {
		t.Errorf("\n got %+v\nwant %+v", ix.Points, want)
	}
	if !strings.Contains(ix.Weighting, "×0.5") {
		t.Errorf("weighting not stated: %q", ix.Weighting)
	}
	q, _ := Relations(events, "DEU", "SUN", ByQuarter, DefaultWeighting())
	if len(q.Points) != 2 || q.Points[0].Period != "1922-Q2" || q.Points[1].Period != "1922-Q3" || q.Unplaced != 1 {
		t.Errorf("quarters %+v unplaced %d", q.Points, q.Unplaced)
	}
	if _, err := Relations(events, "DEU", "SUN", "week", DefaultWeighting()); err == nil {
		t.Error("week accepted")
	}
}
