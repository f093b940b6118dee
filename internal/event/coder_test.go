package event

import (
	"reflect"
	"strconv"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// brief is the part of an event the table tests compare.
type brief struct {
	Type, Subtype     string
	Actor, Recipient  []string
	Date, End, Anchor string
	Modality          string
}

func briefOf(e doc.Event) brief {
	return brief{Type: e.Type, Subtype: e.Subtype, Actor: e.Actor, Recipient: e.Recipient,
		Date: e.Date.Value, End: e.Date.End, Anchor: e.Date.Anchor, Modality: e.Modality}
}

// Every PLOVER type, on passages written for the test (none from the
// founding article), with the participants, date and modality expected.
func TestCoderTypes(t *testing.T) {
	asserted := doc.ModalityAsserted
	tests := []struct {
		name string
		src  string
		want []brief
	}{
		{"AGREE promise", "On {May 2, 1951|1951-05-02}, [Chile|CHL] promised to support [Peru|PER] at the conference.",
			[]brief{{"AGREE", "promise", []string{"CHL"}, []string{"PER"}, "1951-05-02", "", "explicit", asserted}}},
		{"AGREE stated intent", "On {March 1, 1952|1952-03-01}, [Norway|NOR] said it will give [Iceland|ISL] a loan.",
			[]brief{{"AGREE", "intent.grant", []string{"NOR"}, []string{"ISL"}, "1952-03-01", "", "explicit", asserted}}},
		{"AGREE willing to withdraw", "In {1958|1958}, [Egypt|EGY] said it was willing to withdraw its troops from [Yemen|YEM].",
			[]brief{{"AGREE", "intent.troops.withdraw", []string{"EGY"}, []string{}, "1958", "", "explicit", asserted}}},
		{"CONSULT visit", "In {March 1962|1962-03}, [Ghana|GHA]'s foreign minister visited [Mali|MLI].",
			[]brief{{"CONSULT", "visit", []string{"GHA"}, []string{"MLI"}, "1962-03", "", "explicit", asserted}}},
		{"CONSULT negotiations with", "In {1880|1880}, [Peru|PER] opened negotiations with [Bolivia|BOL].",
			[]brief{{"CONSULT", "negotiations", []string{"PER"}, []string{"BOL"}, "1880", "", "explicit", asserted}}},
		{"SUPPORT treaty signed, passive with by", "The Treaty of Lima was signed by [Peru|PER] and [Chile|CHL] on {June 3, 1929|1929-06-03}.",
			[]brief{{"SUPPORT", "treaty.sign", []string{"PER"}, []string{"CHL"}, "1929-06-03", "", "explicit", asserted}}},
		{"SUPPORT recognition", "In {1949|1949}, [Burma|MMR] recognized [the People's Republic|CHN].",
			[]brief{{"SUPPORT", "diplomatic.recognition", []string{"MMR"}, []string{"CHN"}, "1949", "", "explicit", asserted}}},
		{"CONCEDE cede", "In {1867|1867}, [Russia|RUS] ceded Alaska to [the United States|USA].",
			[]brief{{"CONCEDE", "territory.cede", []string{"RUS"}, []string{"USA"}, "1867", "", "explicit", asserted}}},
		{"COOPERATE military cooperation", "In {1936|1936}, [Japanese|JPN] and [Italian|ITA] military cooperation began.",
			[]brief{{"COOPERATE", "military.cooperation", []string{"JPN"}, []string{"ITA"}, "1936", "", "explicit", asserted}}},
		{"AID credit granted", "In {1958|1958}, [Britain|GBR] granted [Ceylon|LKA] a credit of 5 million pounds.",
			[]brief{{"AID", "credit", []string{"GBR"}, []string{"LKA"}, "1958", "", "explicit", asserted}}},
		{"RETREAT resign", "On {July 9, 1974|1974-07-09}, the [Belgian|BEL] premier [Leo Tindemans|p:BEL] resigned.",
			[]brief{{"RETREAT", "resign", []string{"BEL", "person:leo-tindemans"}, []string{}, "1974-07-09", "", "explicit", asserted}}},
		{"REQUEST demand", "On {August 2, 1914|1914-08-02}, [Germany|DEU] demanded free passage from [Belgium|BEL].",
			[]brief{{"REQUEST", "demand", []string{"DEU"}, []string{"BEL"}, "1914-08-02", "", "explicit", asserted}}},
		{"ACCUSE accuse", "In {1964|1964}, [Cambodia|KHM] accused [Thailand|THA] of border violations.",
			[]brief{{"ACCUSE", "allege", []string{"KHM"}, []string{"THA"}, "1964", "", "explicit", asserted}}},
		{"REJECT reject", "On {June 1, 1905|1905-06-01}, [Norway|NOR] rejected the proposal of [Sweden|SWE].",
			[]brief{{"REJECT", "reject", []string{"NOR"}, []string{"SWE"}, "1905-06-01", "", "explicit", asserted}}},
		{"THREATEN ultimatum", "On {July 23, 1914|1914-07-23}, [Austria-Hungary|AUT] presented [Serbia|SRB] with an ultimatum.",
			[]brief{{"THREATEN", "ultimatum", []string{"AUT"}, []string{"SRB"}, "1914-07-23", "", "explicit", asserted}}},
		{"PROTEST demonstrations", "In {1968|1968}, [students|g:FRA] staged demonstrations against [the French government|o:FRA].",
			[]brief{{"PROTEST", "demonstration", []string{"group:students"}, []string{"org:french-government", "FRA"}, "1968", "", "explicit", asserted}}},
		{"SANCTION expel diplomats", "On {March 4, 1971|1971-03-04}, [Mexico|MEX] expelled five [Soviet|SUN] diplomats.",
			[]brief{{"SANCTION", "diplomat.expel", []string{"MEX"}, []string{"SUN"}, "1971-03-04", "", "explicit", asserted}}},
		{"SANCTION break relations", "On {May 1, 1961|1961-05-01}, [Cuba|CUB] broke off diplomatic relations with [Peru|PER].",
			[]brief{{"SANCTION", "relations.break", []string{"CUB"}, []string{"PER"}, "1961-05-01", "", "explicit", asserted}}},
		{"MOBILIZE mobilized", "On {July 30, 1914|1914-07-30}, [Russia|RUS] mobilized its army against [Austria-Hungary|AUT].",
			[]brief{{"MOBILIZE", "mobilization", []string{"RUS"}, []string{"AUT"}, "1914-07-30", "", "explicit", asserted}}},
		{"COERCE occupation noun", "The [Japanese|JPN] occupation of Manchuria began in {1931|1931}.",
			[]brief{{"COERCE", "occupation", []string{"JPN"}, []string{}, "1931", "", "explicit", asserted}}},
		{"COERCE deport people", "In {1944|1944}, [the NKVD|o:SUN] deported the [Chechen|g] population to Kazakhstan.",
			[]brief{{"COERCE", "deportation", []string{"org:nkvd", "SUN"}, []string{"group:chechen"}, "1944", "", "explicit", asserted}}},
		{"ASSAULT invasion noun with of", "The [Italian|ITA] invasion of [Ethiopia|ETH] began on {October 3, 1935|1935-10-03}.",
			[]brief{{"ASSAULT", "invasion", []string{"ITA"}, []string{"ETH"}, "1935-10-03", "", "explicit", asserted}}},
		{"ASSAULT invaded verb", "On {August 2, 1990|1990-08-02}, [Iraq|IRQ] invaded [Kuwait|KWT].",
			[]brief{{"ASSAULT", "invasion", []string{"IRQ"}, []string{"KWT"}, "1990-08-02", "", "explicit", asserted}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []brief
			for _, e := range coded(t, tc.src) {
				got = append(got, briefOf(e))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// Triggers and trigger options beyond one per type, on passages written
// for the test: offers to act, preparations, orders carried out, sanctions
// imposed, personnel withdrawn, clashes, destruction.
func TestCoderLexicon(t *testing.T) {
	asserted := doc.ModalityAsserted
	tests := []struct {
		name string
		src  string
		want []brief
	}{
		{"offer to act is AGREE", "In {1905|1905}, [the United States|USA] offered to mediate between [Russia|RUS] and [Japan|JPN].",
			[]brief{{"AGREE", "offer", []string{"USA"}, []string{"RUS", "JPN"}, "1905", "", "explicit", asserted}}},
		{"offer of something to someone is a proposal", "In {1905|1905}, [Britain|GBR] offered [Japan|JPN] a loan.",
			[]brief{{"REQUEST", "offer", []string{"GBR"}, []string{"JPN"}, "1905", "", "explicit", asserted}}},
		{"prepared to attack is a preparation", "In {1912|1912}, [Serbia|SRB] prepared to attack [Turkey|TUR].",
			[]brief{{"MOBILIZE", "war.preparation", []string{"SRB"}, []string{"TUR"}, "1912", "", "explicit", asserted}}},
		{"was prepared to sign is a willingness", "In {1912|1912}, [Serbia|SRB] was prepared to sign a treaty with [Greece|GRC].",
			[]brief{{"AGREE", "intent.treaty.sign", []string{"SRB"}, []string{"GRC"}, "1912", "", "explicit", asserted}}},
		{"an order carried out is the act", "On {May 1, 1933|1933-05-01}, [the Prussian government|o:DEU] ordered the newspaper to suspend publication.",
			[]brief{{"COERCE", "censorship", []string{"org:prussian-government", "DEU"}, []string{}, "1933-05-01", "", "explicit", asserted}}},
		{"sanctions imposed", "In {1935|1935}, [the League|o:CHE] imposed sanctions on [Italy|ITA].",
			[]brief{{"SANCTION", "sanctions", []string{"org:league", "CHE"}, []string{"ITA"}, "1935", "", "explicit", asserted}}},
		{"experts recalled", "In {1960|1960}, [the Soviet Union|SUN] recalled its experts from [China|CHN].",
			[]brief{{"SANCTION", "personnel.recall", []string{"SUN"}, []string{"CHN"}, "1960", "", "explicit", asserted}}},
		{"advisers to be withdrawn: a threat", "In {1936|1936}, [France|FRA] said it will withdraw its advisers from [Spain|ESP].",
			[]brief{{"THREATEN", "threat.personnel.withdraw", []string{"FRA"}, []string{"ESP"}, "1936", "", "explicit", asserted}}},
		{"troops clash", "In {1969|1969}, [Chinese|CHN] and [Soviet|SUN] troops clashed on the Ussuri.",
			[]brief{{"ASSAULT", "clash", []string{"CHN"}, []string{"SUN"}, "1969", "", "explicit", asserted}}},
		{"property destroyed", "In {1948|1948}, [Jordanian|JOR] troops demolished the villages of [Palestine|PSE].",
			[]brief{{"COERCE", "destruction", []string{"JOR"}, []string{"PSE"}, "1948", "", "explicit", asserted}}},
		{"ties established", "In {1964|1964}, [France|FRA] established diplomatic ties with [China|CHN].",
			[]brief{{"SUPPORT", "relations.establish", []string{"FRA"}, []string{"CHN"}, "1964", "", "explicit", asserted}}},
		{"a curfew shortened", "In {1958|1958}, [the French army|o:FRA] shortened the curfew of [Algiers|o:DZA].",
			[]brief{{"CONCEDE", "easing", []string{"org:french-army", "FRA"}, []string{"org:algiers", "DZA"}, "1958", "", "explicit", asserted}}},
		{"what the speaker says another must do is a demand", "On {May 3, 1920|1920-05-03}, [Britain|GBR] said that [Persia|IRN] must cede the islands.",
			[]brief{{"REQUEST", "demand", []string{"GBR"}, []string{"IRN"}, "1920-05-03", "", "explicit", asserted}}},
		{"reported would states what the speaker will do", "In {1936|1936}, [Italy|ITA] said it would meet [Britain|GBR] at Stresa.",
			[]brief{{"AGREE", "intent.meeting", []string{"ITA"}, []string{"GBR"}, "1936", "", "explicit", asserted}}},
		{"will not accept is a refusal", "In {1938|1938}, [Switzerland|CHE] said it will not accept more refugees from [Austria|AUT].",
			[]brief{{"REJECT", "refuse.accept", []string{"CHE"}, []string{}, "1938", "", "explicit", asserted}}},
		{"a vow to fight is a threat", "In {1919|1919}, [Ireland|IRL] vowed to fight [Britain|GBR].",
			[]brief{{"THREATEN", "threat.fighting", []string{"IRL"}, []string{"GBR"}, "1919", "", "explicit", asserted}}},
		{"a demand that another act: the demanded act's subject receives", "In {1914|1914}, [Austria|AUT] demanded that [Serbia|SRB] dissolve its secret societies.",
			[]brief{{"REQUEST", "demand", []string{"AUT"}, []string{"SRB"}, "1914", "", "explicit", asserted}}},
		{"a ban defied", "In {1930|1930}, [the Congress|o:IND] defied the salt ban of [Britain|GBR].",
			[]brief{{"REJECT", "defy", []string{"org:congress", "IND"}, []string{"GBR"}, "1930", "", "explicit", asserted}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []brief
			for _, e := range coded(t, tc.src) {
				got = append(got, briefOf(e))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestDigits holds digits, which cuts the event ids out of one string, to
// the length of the number written.
func TestDigits(t *testing.T) {
	for _, n := range []int{1, 9, 10, 99, 100, 101, 999, 1000, 12345, 1 << 40} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			if got, want := digits(n), len(strconv.Itoa(n)); got != want {
				t.Errorf("digits(%d) = %d, want %d", n, got, want)
			}
		})
	}
}

// TestFreeAdjunct checks that a joint act told in a participle after a
// comma takes the date and the other party of the clause it continues,
// and that a participle opening a sentence of its own does not.
func TestFreeAdjunct(t *testing.T) {
	src := "= History =\n\n== The settlement of {1905|1905} ==\n\nThe treaty between [Chile|CHL] and [Argentina|ARG] was signed by the envoy of [Chile|CHL] and his colleague from [Argentina|ARG] on {May 28, 1905|1905-05-28}, during the Santiago Conference, ending all border claims, restoring full diplomatic relations, and opening trade.\n"
	var got *doc.Event
	for _, e := range coded(t, src) {
		if e.Mode == "establish_relations" {
			got = &e
		}
	}
	if got == nil {
		t.Fatal("no establish_relations event")
	}
	if got.Date.Value != "1905-05-28" || !reflect.DeepEqual(got.Actor, []string{"CHL"}) || !reflect.DeepEqual(got.Recipient, []string{"ARG"}) {
		t.Fatalf("restoring relations: %v %v → %v, want 1905-05-28 [CHL] → [ARG]", got.Date, got.Actor, got.Recipient)
	}
}
