package event

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/doctest"
)

// Sentence structure: several events in one sentence, passives with and
// without "by", "between … and …", appositions, pronouns, fronted
// participles, event nouns with possessors.
func TestCoderStructure(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []brief
	}{
		{"two events, shared subject",
			"On {November 3, 1918|1918-11-03}, [Austria-Hungary|AUT] signed an armistice with [Italy|ITA] and withdrew its troops from Venetia.",
			[]brief{
				{"SUPPORT", "armistice.sign", []string{"AUT"}, []string{"ITA"}, "1918-11-03", "", "explicit", "asserted"},
				{"RETREAT", "troops.withdraw", []string{"AUT"}, []string{}, "1918-11-03", "", "explicit", "asserted"},
			}},
		{"two clauses, two dates",
			"On {August 1, 1914|1914-08-01} [Germany|DEU] declared war on [Russia|RUS], and on {August 4, 1914|1914-08-04} [Germany|DEU] invaded [Belgium|BEL].",
			[]brief{
				{"THREATEN", "war.declaration", []string{"DEU"}, []string{"RUS"}, "1914-08-01", "", "explicit", "asserted"},
				{"ASSAULT", "invasion", []string{"DEU"}, []string{"BEL"}, "1914-08-04", "", "explicit", "asserted"},
			}},
		{"a new subject after \", and\" is not in the list before it",
			"In {1935|1935}, [France|FRA] ceded a strip of land to [Italy|ITA], and [Laval|p:FRA] promised [Mussolini|p:ITA] a free hand.",
			[]brief{
				{"CONCEDE", "territory.cede", []string{"FRA"}, []string{"ITA"}, "1935", "", "explicit", "asserted"},
				{"AGREE", "promise", []string{"person:laval", "FRA"}, []string{"person:mussolini", "ITA"}, "1935", "", "explicit", "asserted"},
			}},
		{"event noun after a light verb's preposition",
			"In {1906|1906}, [Britain|GBR] engaged in secret talks with [Russia|RUS].",
			[]brief{{"CONSULT", "talks", []string{"GBR"}, []string{"RUS"}, "1906", "", "explicit", "asserted"}}},
		{"event noun as an infinitive's object, after a control noun",
			"In {1926|1926}, [Italy|ITA] made repeated efforts to renew closer contacts with [Spain|ESP].",
			[]brief{{"CONSULT", "contacts", []string{"ITA"}, []string{"ESP"}, "1926", "", "explicit", "asserted"}}},
		{"event noun as an infinitive's object, after the verb's object",
			"In {1911|1911}, [Russia|RUS] encouraged [Serbia|SRB] to open negotiations with [Bulgaria|BGR].",
			[]brief{{"CONSULT", "negotiations", []string{"SRB"}, []string{"BGR"}, "1911", "", "explicit", "asserted"}}},
		{"an aim is hypothetical",
			"In {1904|1904}, [France|FRA] courted [Britain|GBR] in order to conclude an alliance treaty with [Britain|GBR].",
			[]brief{{"SUPPORT", "treaty.sign", []string{"FRA"}, []string{"GBR"}, "1904", "", "explicit", "hypothetical"}}},
		{"\"the body of X\" heading the clause acts for X",
			"In {1920|1920}, forces of [Poland|POL] under the command of [Piłsudski|p:POL] attacked [Ukraine|UKR].",
			[]brief{{"ASSAULT", "attack", []string{"POL"}, []string{"UKR"}, "1920", "", "explicit", "asserted"}}},
		{"\"the territory of X\" as a passive's subject is the recipient",
			"In {1914|1914}, the territory of [Belgium|BEL] was occupied by [Germany|DEU].",
			[]brief{{"COERCE", "occupation", []string{"DEU"}, []string{"BEL"}, "1914", "", "explicit", "asserted"}}},
		{"\"of X\" after a preposition is no subject",
			"In {1923|1923}, despite a note from the government of [Greece|GRC], [Italy|ITA] occupied [Corfu|o:GRC].",
			[]brief{{"COERCE", "occupation", []string{"ITA"}, []string{"org:corfu", "GRC"}, "1923", "", "explicit", "asserted"}}},
		{"a treaty dictated by one party: that party acts, the other receives",
			"The Treaty of Bucharest, dictated by [Germany|DEU] ended the war between [Romania|ROU] and [Germany|DEU]; it was signed on {May 7, 1918|1918-05-07}.",
			[]brief{{"SUPPORT", "treaty.sign", []string{"DEU"}, []string{"ROU"}, "1918-05-07", "", "explicit", "asserted"}}},
		{"contacts between A and B: one on each side",
			"The first contacts between [Kemal|p:TUR] and [the Soviets|SUN] took place in {1920|1920}.",
			[]brief{{"CONSULT", "contacts", []string{"person:kemal", "TUR"}, []string{"SUN"}, "1920", "", "explicit", "asserted"}}},
		{"a joint act in a fronted phrase: the subject after the comma is the other party",
			"During the negotiations with [Japan|JPN] in {1905|1905}, [Russia|RUS] ceded half of Sakhalin.",
			[]brief{
				{"CONSULT", "negotiations", []string{"RUS"}, []string{"JPN"}, "1905", "", "explicit", "asserted"},
				{"CONCEDE", "territory.cede", []string{"RUS"}, []string{}, "1905", "", "explicit", "asserted"},
			}},
		{"passive without agent",
			"In {1806|1806}, [Prussia|PRU] was invaded.",
			[]brief{{"ASSAULT", "invasion", nil, []string{"PRU"}, "1806", "", "explicit", "asserted"}}},
		{"between A and B",
			"In {1921|1921}, a trade agreement was concluded between [Britain|GBR] and [Soviet Russia|SUN].",
			[]brief{{"SUPPORT", "treaty.sign", []string{"GBR"}, []string{"SUN"}, "1921", "", "explicit", "asserted"}}},
		{"person with title acts for the state",
			"On {May 22, 1939|1939-05-22}, [Italian|ITA] Foreign Minister [Galeazzo Ciano|p:ITA] signed the Pact of Steel with [Germany|DEU].",
			[]brief{{"SUPPORT", "treaty.sign", []string{"ITA", "person:galeazzo-ciano"}, []string{"DEU"}, "1939-05-22", "", "explicit", "asserted"}}},
		{"pronoun subject from the sentence before",
			"[Hungary|HUN] reorganized its army in {1940|1940}. It then signed a pact with [Romania|ROU].",
			[]brief{{"SUPPORT", "treaty.sign", []string{"HUN"}, []string{"ROU"}, "1940", "", "context", "asserted"}}},
		{"pronoun for the object when the sentence names no subject",
			"In {1922|1922}, the treaty gave [Hungary|HUN] access to the port, while in return it supplied [Austria|AUT] with grain.",
			[]brief{{"AID", "supply", []string{"HUN"}, []string{"AUT"}, "1922", "", "explicit", "asserted"}}},
		{"pronoun not for a mention inside a phrase",
			"[Romania|ROU] mobilized its army in {1883|1883}. During talks between [Germany|DEU] and [Austria|AUT], it signed a treaty with [Italy|ITA].",
			[]brief{
				{"MOBILIZE", "mobilization", []string{"ROU"}, []string{}, "1883", "", "explicit", "asserted"},
				{"CONSULT", "talks", []string{"DEU"}, []string{"AUT"}, "1883", "", "context", "asserted"},
				{"SUPPORT", "treaty.sign", []string{"ROU"}, []string{"ITA"}, "1883", "", "context", "asserted"},
			}},
		{"what an absorbed event's object reports is absorbed too",
			"In {1907|1907}, [Japan|JPN] rejected an invitation to attend a conference with [Russia|RUS].",
			[]brief{{"REJECT", "reject", []string{"JPN"}, []string{}, "1907", "", "explicit", "asserted"}}},
		{"the subject after a fronted phrase ending in a treaty's name",
			"Under this agreement the [Hudson's Bay Company|o:GBR] agreed to sell furs to [Russia|RUS] in {1821|1821}.",
			[]brief{{"AGREE", "agree", []string{"org:hudson's-bay-company", "GBR"}, []string{"RUS"}, "1821", "", "explicit", "asserted"}}},
		{"no subject inside a quotation",
			"In {1936|1936}, [the Japanese|JPN] stated that \"[Germany|DEU] and [Japan|JPN] share one enemy\", and explained their policy to [China|CHN].",
			[]brief{{"CONSULT", "diplomatic.explanation", []string{"JPN"}, []string{"CHN"}, "1936", "", "explicit", "asserted"}}},
		{"an official dismissed with no agent: his government dismissed him",
			"On {May 3, 1926|1926-05-03}, [Chicherin|p:SUN] was dismissed.",
			[]brief{{"RETREAT", "official.dismissed", []string{"SUN"}, []string{"person:chicherin"}, "1926-05-03", "", "explicit", "asserted"}}},
		{"dismissing an idea is rejecting it",
			"In {1911|1911}, [Britain|GBR] dismissed the proposal of [Germany|DEU].",
			[]brief{{"REJECT", "reject", []string{"GBR"}, []string{"DEU"}, "1911", "", "explicit", "asserted"}}},
		{"an act as a passive's subject: its author acts",
			"The [Italian|ITA] decision to leave the League was communicated to [Britain|GBR] on {December 11, 1937|1937-12-11}.",
			[]brief{{"CONSULT", "inform", []string{"ITA"}, []string{"GBR"}, "1937-12-11", "", "explicit", "asserted"}}},
		{"an event noun as a passive's subject: the agent acts",
			"The negotiations with [Turkey|TUR] had been opened by [Greece|GRC] in {1929|1929}.",
			[]brief{{"CONSULT", "negotiations", []string{"GRC"}, []string{"TUR"}, "1929", "", "explicit", "asserted"}}},
		{"an agentless passive continuing a passive with an agent",
			"In {1940|1940}, the territory of [Latvia|LVA] was occupied by [the Red Army|o:SUN], and its ports were bombed.",
			[]brief{
				{"COERCE", "occupation", []string{"org:red-army", "SUN"}, []string{"LVA"}, "1940", "", "explicit", "asserted"},
				{"ASSAULT", "aerial.bombing", []string{"org:red-army", "SUN"}, []string{"LVA"}, "1940", "", "explicit", "asserted"},
			}},
		{"on behalf of: acting with the actor",
			"In {1935|1935}, [Kandelaki|p:SUN] made attempts at political negotiations with [Germany|DEU] on behalf of [Stalin|p:SUN].",
			[]brief{{"CONSULT", "negotiations", []string{"person:kandelaki", "SUN", "person:stalin"}, []string{"DEU"}, "1935", "", "explicit", "asserted"}}},
		{"an event noun the actor recogniser took into a mention",
			"In {1934|1934}, [the Nazis|o:DEU] closed the consulates. They also launched an anti-[Soviet propaganda|SUN] campaign.",
			[]brief{{"ACCUSE", "propaganda", []string{"org:nazis", "DEU"}, []string{"SUN"}, "1934", "", "context", "asserted"}}},
		{"the same act in opposite directions is two events",
			"On {March 1, 1933|1933-03-01}, [Germany|DEU] began a propaganda campaign against [Poland|POL]. [Poland|POL] then began its own propaganda campaign against [Germany|DEU].",
			[]brief{
				{"ACCUSE", "propaganda", []string{"DEU"}, []string{"POL"}, "1933-03-01", "", "explicit", "asserted"},
				{"ACCUSE", "propaganda", []string{"POL"}, []string{"DEU"}, "1933-03-01", "", "context", "asserted"},
			}},
		{"a demonym before a plural noun is no subject",
			"In {1939|1939}, [Estonia|EST] acceded to the [Soviet|SUN] demands.",
			[]brief{{"CONCEDE", "demands.accede", []string{"EST"}, []string{"SUN"}, "1939", "", "explicit", "asserted"}}},
		{"a demand stating an act's aim is part of the act",
			"On {May 1, 1926|1926-05-01}, [British|GBR] miners staged demonstrations to demand better pay from [the government|o:GBR].",
			[]brief{{"PROTEST", "demonstration", []string{"GBR"}, []string{"org:government"}, "1926-05-01", "", "explicit", "asserted"}}},
		{"a demand governed by a verb is a demand",
			"In {1926|1926}, [Poland|POL] urged [France|FRA] to demand guarantees from [Germany|DEU].",
			[]brief{{"REQUEST", "urge", []string{"POL"}, []string{"FRA"}, "1926", "", "explicit", "asserted"}}},
		{"an ultimatum handed over with its object",
			"On {June 14, 1940|1940-06-14}, [Molotov|p:SUN] presented [Lithuania|LTU] with a ten-hour ultimatum, demanding a new government.",
			[]brief{{"THREATEN", "ultimatum", []string{"person:molotov", "SUN"}, []string{"LTU"}, "1940-06-14", "", "explicit", "asserted"}}},
		{"a crowd the recogniser does not name acts as itself",
			"In {1919|1919}, Egyptian students demonstrated against [British|GBR] rule.",
			[]brief{{"PROTEST", "demonstration", []string{"group:egyptian-students"}, []string{"GBR"}, "1919", "", "explicit", "asserted"}}},
		{"a crowd with a phrase of its own, a noun trigger",
			"In {1921|1921}, rebels in [Morocco|MAR] were continuing a hunger strike.",
			[]brief{{"PROTEST", "hunger_strike", []string{"group:rebels"}, []string{}, "1921", "", "explicit", "asserted"}}},
		{"a number before the subject is no phrase",
			"In {1956|1956}, up to 100 [Hungarian|HUN] students demonstrated in Budapest.",
			[]brief{{"PROTEST", "demonstration", []string{"HUN"}, []string{}, "1956", "", "explicit", "asserted"}}},
		{"an adverb before a verb whose past is its base form",
			"In {1941|1941}, [German|DEU] soldiers routinely beat up [Polish|POL] prisoners.",
			[]brief{{"ASSAULT", "beating", []string{"DEU"}, []string{"POL"}, "1941", "", "explicit", "asserted"}}},
		{"they: the subject of the last clause before",
			"In {1960|1960}, [Mao|p:CHN] condemned [Soviet|SUN] revisionism, and the [Chinese press|CHN] attacked [Khrushchev|p:SUN]. They also accused [Moscow|SUN] of betrayal.",
			[]brief{
				{"ACCUSE", "condemn", []string{"person:mao", "CHN"}, []string{"SUN"}, "1960", "", "explicit", "asserted"},
				{"ACCUSE", "press.attacks", []string{"CHN"}, []string{"person:khrushchev", "SUN"}, "1960", "", "explicit", "asserted"},
				{"ACCUSE", "allege", []string{"CHN"}, []string{"SUN"}, "1960", "", "context", "asserted"},
			}},
		{"a treaty signed in a relative clause is signed; the clause is not the cancelling's object",
			"In {June 1959|1959-06}, [the Soviet Union|SUN] cancelled the agreement that it had signed with [China|CHN] in {October 1957|1957-10}.",
			[]brief{
				{"SANCTION", "treaty.denounce", []string{"SUN"}, []string{"CHN"}, "1959-06", "", "explicit", "asserted"},
				{"SUPPORT", "treaty.sign", []string{"SUN"}, []string{"CHN"}, "1957-10", "", "explicit", "asserted"},
			}},
		{"the object a treaty name holds on to its phrase",
			"In {1937|1937}, [Stalin|p:SUN] sought an agreement with [Hitler|p:DEU].",
			[]brief{{"REQUEST", "seek", []string{"person:stalin", "SUN"}, []string{"person:hitler", "DEU"}, "1937", "", "explicit", "asserted"}}},
		{"an act named again: its author receives",
			"In {1915|1915}, [Japan|JPN] presented demands to [China|CHN]. [Britain|GBR] did not support the demands.",
			[]brief{
				{"REQUEST", "demand", []string{"JPN"}, []string{"CHN"}, "1915", "", "explicit", "asserted"},
				{"SUPPORT", "support", []string{"GBR"}, []string{"JPN"}, "1915", "", "context", "negated"},
			}},
		{"a pluperfect in an after-clause: before the main clause's date, in its year",
			"The alliance was renewed by [Britain|GBR] in {August 1905|1905-08}, after [Japan|JPN] had defeated [Russia|RUS].",
			[]brief{
				{"SUPPORT", "treaty.renew", []string{"GBR"}, []string{}, "1905-08", "", "explicit", "asserted"},
				{"ASSAULT", "defeat", []string{"JPN"}, []string{"RUS"}, "1905", "", "explicit", "asserted"},
			}},
		{"an act as a passive's subject past a clause about something else",
			"On {October 27, 1940|1940-10-27}, the [Italian|ITA] decision to attack the region which had been designated as the [Greek|GRC] zone was communicated to [Britain|GBR].",
			[]brief{
				{"ASSAULT", "attack", []string{"ITA"}, []string{}, "1940-10-27", "", "explicit", "hypothetical"},
				{"CONSULT", "inform", []string{"ITA"}, []string{"GBR"}, "1940-10-27", "", "explicit", "asserted"},
			}},
		{"the author of the noun an infinitive completes",
			"In {1940|1940}, the agreement entailed a [Swedish|SWE] obligation to deliver iron ore to [Germany|DEU].",
			[]brief{{"AID", "supply", []string{"SWE"}, []string{"DEU"}, "1940", "", "explicit", "asserted"}}},
		{"a colon inside a quotation ends no clause",
			"In {1936|1936}, [the Italians|ITA] stated that \"there is one enemy: [Britain|GBR]\", and explained their policy to [France|FRA].",
			[]brief{{"CONSULT", "diplomatic.explanation", []string{"ITA"}, []string{"FRA"}, "1936", "", "explicit", "asserted"}}},
		{"an act suspended: its author acts, its other party receives",
			"In {1939|1939}, the [Soviet Union|SUN]'s prolonged negotiations with [France|FRA] had been suspended.",
			[]brief{
				{"CONSULT", "negotiations", []string{"SUN"}, []string{"FRA"}, "1939", "", "explicit", "asserted"},
				{"SANCTION", "suspend", []string{"SUN"}, []string{"FRA"}, "1939", "", "explicit", "asserted"},
			}},
		{"negotiations named again in their sentence are one event",
			"In {1938|1938}, negotiations with [Finland|FIN] were opened by [the Soviet side|SUN], and negotiations ended in {April 1939|1939-04}.",
			[]brief{{"CONSULT", "negotiations", []string{"SUN"}, []string{"FIN"}, "1938", "", "explicit", "asserted"}}},
		{"possessive event noun",
			"[Spain|ESP]'s occupation of Tangier began on {June 14, 1940|1940-06-14}.",
			[]brief{{"COERCE", "occupation", []string{"ESP"}, []string{}, "1940-06-14", "", "explicit", "asserted"}}},
		{"treaty name dates itself",
			"Relations were governed by the {1920|1920} [Estonian|EST]–[Soviet|SUN] Peace Treaty.",
			[]brief{{"SUPPORT", "treaty.sign", []string{"EST"}, []string{"SUN"}, "1920", "", "explicit", "asserted"}}},
		{"non-events: a plan, quoted words, no actor",
			"In {1912|1912}, the general concluded that \"[Serbia|SRB] must be invaded\". The factories were occupied.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []brief
			for _, e := range coded(t, tc.src) {
				b := briefOf(e)
				if len(b.Actor) == 0 {
					b.Actor = nil
				}
				got = append(got, b)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// An event retold later in the document is one event with two evidence
// spans; distinct events of a paragraph stay apart.
func TestCoderCoreference(t *testing.T) {
	src := "= Relations =\n\nThe war ended with the [Chilean|CHL] invasion of [Peru|PER] on {January 17, 1881|1881-01-17}.\n\n" +
		"== War ==\n\nOn {January 17, 1881|1881-01-17}, [Chile|CHL] invaded [Peru|PER] from the south. In {1883|1883}, [Chile|CHL] accused [Peru|PER] of delay, and [Chile|CHL] accused [Bolivia|BOL] of treachery.\n"
	evs := coded(t, src)
	var inv []doc.Event
	acc := 0
	for _, e := range evs {
		switch e.Type {
		case "ASSAULT":
			inv = append(inv, e)
		case "ACCUSE":
			acc++
		}
	}
	if len(inv) != 1 || len(inv[0].Mentions) != 1 || !strings.Contains(inv[0].Mentions[0].Text, "from the south") {
		t.Errorf("want one invasion with a second evidence span, got %+v", inv)
	}
	if acc != 2 {
		t.Errorf("want two accusations kept apart, got %d", acc)
	}
}

func TestCoderQuantities(t *testing.T) {
	evs := coded(t, "Under the agreement of {1952|1952}, [Argentina|ARG] delivered to [Chile|CHL] 900,000 tons of wheat and half a million tons of oil.")
	var got []doc.Quantity
	for _, e := range evs {
		if e.Type == "AID" {
			got = e.Quantities
		}
	}
	want := []doc.Quantity{{Amount: 900000, Unit: "tonne", Item: "wheat"}, {Amount: 500000, Unit: "tonne", Item: "oil"}}
	if len(got) != len(want) {
		t.Fatalf("quantities %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Amount != want[i].Amount || got[i].Unit != want[i].Unit || got[i].Item != want[i].Item {
			t.Errorf("quantity %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestParseQuantities(t *testing.T) {
	tests := []struct {
		text string
		want []doc.Quantity
	}{
		{"900,000 tons of oil", []doc.Quantity{{Amount: 900000, Unit: "tonne", Item: "oil"}}},
		{"nine hundred thousand tons of oil", []doc.Quantity{{Amount: 900000, Unit: "tonne", Item: "oil"}}},
		{"a million tons of feed grains", []doc.Quantity{{Amount: 1e6, Unit: "tonne", Item: "feed grains"}}},
		{"7.5 million dollars", []doc.Quantity{{Amount: 7.5e6, Unit: "USD"}}},
		{"750,000 casualties", []doc.Quantity{{Amount: 750000, Unit: "count", Item: "casualties"}}},
		{"over four times larger", []doc.Quantity{{Amount: 4, Unit: "times", Item: "larger", Approx: "MORE_THAN"}}},
		{"more than 100,000 men", []doc.Quantity{{Amount: 100000, Unit: "count", Item: "men", Approx: "MORE_THAN"}}},
		{"thirty of Germany's latest warplanes", []doc.Quantity{{Amount: 30, Unit: "count", Item: "germany latest warplanes"}}},
		{"Article 231", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := ParseQuantities(tc.text)
			for i := range got {
				got[i].Text, got[i].Span = "", nil
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func FuzzParseQuantities(f *testing.F) {
	for _, s := range []string{"900,000 tons of oil", "half a million tons", "7.5 million dollars", "over four times", "1,2,3", "a", "$5", "one and", "99999999999999999999999 tons"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, q := range ParseQuantities(s) {
			if q.Span == nil || q.Span.Start < 0 || q.Span.End > len(s) || q.Span.Start > q.Span.End {
				t.Fatalf("span %+v out of [0,%d]", q.Span, len(s))
			}
			if s[q.Span.Start:q.Span.End] != q.Text {
				t.Fatalf("text %q is not the span's %q", q.Text, s[q.Span.Start:q.Span.End])
			}
		}
	})
}

// FuzzCoder runs the coder over arbitrary text with arbitrary annotations:
// no panic, and every span in bounds.
func FuzzCoder(f *testing.F) {
	f.Add("On {June 22, 1941|1941-06-22}, [Germany|DEU] invaded [the Soviet Union|SUN].")
	f.Add("[A|DEU] signed the Treaty of X (1926) with [B|SUN]; it was not ratified by {1927|1927}.")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.Count(s, "[")+strings.Count(s, "{") > 40 {
			return
		}
		if !balanced(s) {
			return
		}
		c, err := New()
		if err != nil {
			t.Fatal(err)
		}
		d := annotatedLenient(s)
		if d == nil {
			return
		}
		if err := c.Annotate(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			for _, sp := range []doc.Span{e.Evidence.Span, e.Trigger.Span} {
				if sp.Start < 0 || sp.End > len(d.Raw) || sp.Start > sp.End {
					t.Fatalf("span %+v out of bounds", sp)
				}
			}
			for _, q := range e.Quantities {
				if q.Span != nil && (q.Span.Start < 0 || q.Span.End > len(d.Raw)) {
					t.Fatalf("quantity span %+v out of bounds", q.Span)
				}
			}
		}
	})
}

// balanced reports whether the annotation brackets of a fuzz input are
// well formed enough for the test builder.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '{':
			if depth > 0 {
				return false
			}
			depth++
		case ']', '}':
			if depth == 0 {
				return false
			}
			depth--
		}
	}
	return depth == 0
}

// annotatedLenient is annotated for fuzzing: malformed input yields nil.
func annotatedLenient(s string) (d *doc.Document) {
	defer func() {
		if recover() != nil {
			d = nil
		}
	}()
	ft := &doctest.FuzzTB{}
	d = annotated(ft, s)
	if ft.Stopped {
		return nil
	}
	return d
}
