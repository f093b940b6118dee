package actor

import (
	"strings"
	"testing"
)

// TestHardCases checks the phenomena the recogniser exists for, each on a
// sentence or two, comparing every mention found (text|actor|state).
func TestHardCases(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"title, demonym and registry person",
			"In 1922 German Foreign Minister Walther Rathenau signed the treaty.",
			[]string{"German|DEU|DEU", "Walther Rathenau|person:walther-rathenau|DEU"}},
		{"title before a person the registry does not know",
			"In 1929 Soviet envoy Boris Stomonyakov met General Kurt Hammerstein.",
			[]string{"Soviet|SUN|SUN", "Boris Stomonyakov|person:boris-stomonyakov|SUN", "Kurt Hammerstein|person:kurt-hammerstein|"}},
		{"apposition gives the state",
			"In 1929 Grigory Besedovsky, the Soviet chargé d'affaires in Paris, defected. Besedovsky later wrote memoirs.",
			[]string{"Grigory Besedovsky|person:grigory-besedovsky|SUN", "Soviet chargé d'affaires|SUN|SUN", "Paris|FRA|FRA", "Besedovsky|person:grigory-besedovsky|SUN"}},
		{"apposition with an organisation",
			"In 1937 Ignace Poretsky, an NKVD agent, broke with Moscow.",
			[]string{"Ignace Poretsky|person:ignace-poretsky|SUN", "NKVD|org:peoples-commissariat-for-internal-affairs|SUN"}},
		{"particles and a later surname",
			"In 1919 General Rüdiger von der Goltz commanded the Freikorps in the Baltic. Von der Goltz refused to withdraw.",
			[]string{"Rüdiger von der Goltz|person:rudiger-von-der-goltz|", "Freikorps|org:freikorps|DEU", "Von der Goltz|person:rudiger-von-der-goltz|"}},
		{"surname after the full name",
			"In 1920 Victor Kopp, the RSFSR's special representative to Berlin, asked at the German Foreign Office for talks. Kopp was told to wait.",
			[]string{"Victor Kopp|person:victor-kopp|SUN", "RSFSR|SUN|SUN", "Berlin|DEU|DEU", "German Foreign Office|org:german-foreign-office|DEU", "Kopp|person:victor-kopp|SUN"}},
		{"metonym in a political context",
			"In 1933 Moscow's reaction was restrained, and Berlin realized it.",
			[]string{"Moscow|SUN|SUN", "Berlin|DEU|DEU"}},
		{"capital as a place",
			"In 1925 a flying school was opened near Moscow, and the delegation arrived in Berlin.",
			nil},
		{"demonym phrases",
			"In 1939 the German side and Soviet representatives met; the Soviet government consulted the German Foreign Office.",
			[]string{"German side|DEU|DEU", "Soviet representatives|SUN|SUN", "Soviet government|SUN|SUN", "German Foreign Office|org:german-foreign-office|DEU"}},
		{"a people, not a state",
			"In 1930 the Soviet government let 5,461 Germans emigrate, while ethnic Germans stayed.",
			[]string{"Soviet government|SUN|SUN", "Germans|group:germans|", "ethnic Germans|group:ethnic-germans|"}},
		{"the Germans as a state",
			"On 11 November 1918 the Germans signed an armistice with the Allies.",
			[]string{"Germans|DEU|DEU", "Allies|org:allies-of-world-war-i|"}},
		{"pronoun",
			"In 1939 Stalin outlined a new line. He labeled Poland a fascist state.",
			[]string{"Stalin|person:joseph-stalin|SUN", "He|person:joseph-stalin|SUN", "Poland|POL|POL"}},
		{"office holder at the date",
			"In 1939 the German Foreign Minister flew to Moscow. In 1914 the Kaiser declared war.",
			[]string{"German Foreign Minister|person:joachim-von-ribbentrop|DEU", "Kaiser|person:wilhelm-ii|DEU"}},
		{"shared surname settled by date",
			"In 1925 Chamberlain signed at Locarno. In 1938 Chamberlain flew to Munich.",
			[]string{"Chamberlain|person:austen-chamberlain|GBR", "Chamberlain|person:neville-chamberlain|GBR"}},
		{"combining forms and a person named Franco",
			"In 1935 the Franco-Soviet Treaty was signed; in 1936 General Franco rebelled.",
			[]string{"Franco|FRA|FRA", "Soviet|SUN|SUN", "General Franco|person:francisco-franco|ESP"}},
		{"people inside a treaty's name are not actors",
			"In 1939 the Molotov–Ribbentrop Pact was signed.",
			nil},
		{"Russia before and after the revolution",
			"In 1910 Russia armed. In 1920 Russia made peace.",
			[]string{"Russia|RUS|RUS", "Russia|SUN|SUN"}},
		{"weak name with its state nearby",
			"In 1937 Spain was at war. The Loyalists held Madrid.",
			[]string{"Spain|ESP|ESP", "Loyalists|ESP|ESP"}},
		{"weak name without its state is left alone",
			"In 1937 the Loyalists held out.",
			nil},
		{"anaphor after the full name",
			"In 1926 Germany joined the League of Nations. The League welcomed it.",
			[]string{"Germany|DEU|DEU", "League of Nations|org:league-of-nations|", "League|org:league-of-nations|"}},
		{"product named after a person",
			"In 1930 Andrei Tupolev designed the Tupolev TB-3.",
			[]string{"Andrei Tupolev|person:andrei-tupolev|"}},
		{"lower-case general is not a title",
			"In 1934 the Soviet Union feared a general European war.",
			[]string{"Soviet Union|SUN|SUN"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := annotate(t, "case.txt", tc.text)
			var got []string
			for _, m := range d.Mentions {
				got = append(got, short(m))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("mentions:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}
