package event

import (
	"reflect"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Each modality, on passages written for the test.
func TestCoderModality(t *testing.T) {
	tests := []struct {
		name, src string
		typ       string
		want      string
	}{
		{"asserted", "In {1904|1904}, [France|FRA] signed an agreement with [Britain|GBR].", "SUPPORT", doc.ModalityAsserted},
		{"negated never", "[Sweden|SWE] never responded to the note of [Norway|NOR] in {1905|1905}.", "CONSULT", doc.ModalityNegated},
		{"negated did not", "In {1911|1911}, [Britain|GBR] did not sign the treaty with [Germany|DEU].", "SUPPORT", doc.ModalityNegated},
		{"negated failed to", "In {1899|1899}, [Russia|RUS] failed to sign an agreement with [Japan|JPN].", "SUPPORT", doc.ModalityNegated},
		{"negated offer not taken up", "In {1927|1927}, [Italy|ITA] offered [Hungary|HUN] a naval base, but this was not taken up.", "REQUEST", doc.ModalityNegated},
		{"negated delayed invasion", "In {1940|1940}, [Italy|ITA] delayed the planned invasion of [Greece|GRC].", "ASSAULT", doc.ModalityNegated},
		{"hypothetical planned to", "In {1912|1912}, [Serbia|SRB] planned to invade [Albania|ALB].", "ASSAULT", doc.ModalityHypothetical},
		{"hypothetical planned", "In {1938|1938}, the planned [German|DEU] invasion of [Czechoslovakia|CSK] was the subject of talks.", "ASSAULT", doc.ModalityHypothetical},
		{"hypothetical tried to", "In {1919|1919}, [Poland|POL] tried to seize the city from [Lithuania|LTU].", "COERCE", doc.ModalityHypothetical},
		{"hypothetical sought to", "In {1904|1904}, [Russia|RUS] sought to annex [Korea|KOR].", "COERCE", doc.ModalityHypothetical},
		{"negated never carried out", "In {1923|1923}, [France|FRA] planned an occupation of [Luxembourg|LUX], but it was never carried out.", "COERCE", doc.ModalityNegated},
		{"hypothetical discussing", "In {1941|1941}, [Japan|JPN] was secretly discussing an invasion of [Siam|THA].", "ASSAULT", doc.ModalityHypothetical},
		{"disputed rumored", "In {1906|1906}, it was rumored that [Austria|AUT] had signed an agreement with [Russia|RUS].", "SUPPORT", doc.ModalityDisputed},
		{"disputed it is disputed whether", "It is disputed whether [Romania|ROU] signed an accord with [Bulgaria|BGR] in {1913|1913}.", "SUPPORT", doc.ModalityDisputed},
		{"disputed allegedly", "In {1923|1923}, [Lithuania|LTU] allegedly invaded [Memel|o:DEU].", "ASSAULT", doc.ModalityDisputed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := coded(t, tc.src)
			var got []string
			for _, e := range evs {
				if e.Type == tc.typ {
					got = append(got, e.Modality)
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				var all []brief
				for _, e := range evs {
					all = append(all, briefOf(e))
				}
				t.Errorf("%s modality: got %v, want [%s]; events %+v", tc.typ, got, tc.want, all)
			}
		})
	}
}

// Claims attributed to historians, and events told inside a section framed
// as historiographical debate, on passages written for the test: the claim
// is disputed, the facts around it ("when …", the event a claim is about)
// and plain narrative stay asserted.
func TestCoderDisputedFraming(t *testing.T) {
	tests := []struct {
		name, src string
		typ       string
		want      []string // modality of each event of the type, in order
	}{
		{"some historians argue that: the claim",
			"Some historians argue that [Russia|RUS] sought an alliance with [France|FRA] in {1891|1891}, when [Germany|DEU] refused to renew its treaty with [Russia|RUS].",
			"REQUEST", []string{doc.ModalityDisputed}},
		{"some historians argue that: the when-clause is a fact",
			"Some historians argue that [Russia|RUS] sought an alliance with [France|FRA] in {1891|1891}, when [Germany|DEU] refused to renew its treaty with [Russia|RUS].",
			"REJECT", []string{doc.ModalityAsserted}},
		{"according to other historians",
			"According to other historians, [Italy|ITA] promised support to [Austria|AUT] in {1882|1882}.",
			"AGREE", []string{doc.ModalityDisputed}},
		{"it is also possible that",
			"It is also possible that [Japan|JPN] signed a secret accord with [Russia|RUS] in {1907|1907}.",
			"SUPPORT", []string{doc.ModalityDisputed}},
		{"an event a claim is about is not claimed",
			"According to others, the first sign of the entente was the meeting between [Delcassé|p:FRA] and [Lansdowne|p:GBR] in {1903|1903}.",
			"CONSULT", []string{doc.ModalityAsserted}},
		{"a hedged event inside a debate frame",
			"Historians have long argued about the origins of the entente. [France|FRA] opened talks with [Britain|GBR] at some point in {1903|1903}. [France|FRA] signed an agreement with [Britain|GBR] on {April 8, 1904|1904-04-08}.",
			"CONSULT", []string{doc.ModalityDisputed}},
		{"plain narrative inside a debate frame",
			"Historians have long argued about the origins of the entente. [France|FRA] opened talks with [Britain|GBR] at some point in {1903|1903}. [France|FRA] signed an agreement with [Britain|GBR] on {April 8, 1904|1904-04-08}.",
			"SUPPORT", []string{doc.ModalityAsserted}},
		{"a hedge outside any debate frame",
			"[France|FRA] opened talks with [Britain|GBR] at some point in {1903|1903}.",
			"CONSULT", []string{doc.ModalityAsserted}},
		{"a claim in memoirs",
			"[Krasin|p:SUN], who left the embassy in {1924|1924}, wrote in his memoirs in {1926|1926} that already then [Stalin|p:SUN] had sought an agreement with [Britain|GBR].",
			"REQUEST", []string{doc.ModalityDisputed}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := coded(t, tc.src)
			var got []string
			for _, e := range evs {
				if e.Type == tc.typ {
					got = append(got, e.Modality)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				var all []brief
				for _, e := range evs {
					all = append(all, briefOf(e))
				}
				t.Errorf("%s modalities %v, want %v; events %+v", tc.typ, got, tc.want, all)
			}
		})
	}
}

// A flashback in a report takes the last date stated before the report,
// not the report's own date.
func TestCoderReportedFlashbackDate(t *testing.T) {
	evs := coded(t, "[Krasin|p:SUN], who left the embassy in {1924|1924}, wrote in his memoirs in {1926|1926} that already then [Stalin|p:SUN] had sought an agreement with [Britain|GBR].")
	for _, e := range evs {
		if e.Type == "REQUEST" {
			if e.Date.Value != "1924" {
				t.Errorf("date %+v, want 1924", e.Date)
			}
			return
		}
	}
	t.Errorf("no REQUEST in %+v", evs)
}

// A condition or a mere possibility is no event at all.
func TestCoderConditional(t *testing.T) {
	for _, src := range []string{
		"In {1912|1912}, [Serbia|SRB] would invade [Albania|ALB] if the powers agreed.",
		"In {1935|1935}, [Poland|POL] prepared its defences in case of a [German|DEU] attack.",
		"In {1938|1938}, [France|FRA] feared a possible [German|DEU] invasion of [Belgium|BEL].",
	} {
		if evs := coded(t, src); len(evs) != 0 {
			t.Errorf("%q: want no event, got %+v", src, evs)
		}
	}
}

// Each date source: the clause's timex, an earlier timex of the sentence,
// the narrative's reference time, the section's period; and spans.
func TestCoderDateSources(t *testing.T) {
	tests := []struct {
		name, src          string
		typ                string
		value, end, anchor string
	}{
		{"explicit in clause", "On {April 7, 1939|1939-04-07}, [Italy|ITA] invaded [Albania|ALB].", "ASSAULT", "1939-04-07", "", doc.AnchorExplicit},
		{"timex after the trigger", "[Italy|ITA] invaded [Albania|ALB] on {April 7, 1939|1939-04-07}.", "ASSAULT", "1939-04-07", "", doc.AnchorExplicit},
		{"context timex completed by the tagger", "On {April 7|1939-04-07|context}, [Italy|ITA] invaded [Albania|ALB].", "ASSAULT", "1939-04-07", "", doc.AnchorContext},
		{"relative timex", "On {April 7, 1939|1939-04-07}, [Italy|ITA] invaded [Albania|ALB]. {The next day|1939-04-08|relative}, [Italy|ITA] occupied [Tirana|o:ALB].", "COERCE", "1939-04-08", "", doc.AnchorRelative},
		{"own clause, not the other's", "On {March 1, 1920|1920-03-01} [Poland|POL] protested to [Lithuania|LTU], and on {March 3, 1920|1920-03-03} it broke off diplomatic relations with [Lithuania|LTU].", "SANCTION", "1920-03-03", "", doc.AnchorExplicit},
		{"narrative reference time", "In {1921|1921}, the border was disputed. [Poland|POL] then invaded [Lithuania|LTU].", "ASSAULT", "1921", "", doc.AnchorContext},
		{"span", "From {1930|1930} to {1932|1932}, [Bolivia|BOL] negotiated with [Paraguay|PRY].", "CONSULT", "1930", "1932", doc.AnchorExplicit},
		{"dash span", "In {1932|1932}–{1935|1935} [Bolivia|BOL] fought a war with [Paraguay|PRY].", "ASSAULT", "1932", "1935", doc.AnchorExplicit},
		{"a pluperfect date does not move the story's time", "On {February 11, 1940|1940-02-11}, [Germany|DEU] and [Russia|SUN] signed a pact larger than the one they had signed in {August 1939|1939-08}. The pact helped [Germany|DEU] to survive the blockade.", "AID", "1940-02-11", "", doc.AnchorContext},
		{"a pluperfect event falls before the story's day, in its month", "On {August 23, 1914|1914-08-23}, [Japan|JPN] declared war on [Germany|DEU]. [Britain|GBR] had asked [Japan|JPN] to destroy the raiders.", "REQUEST", "1914-08", "", doc.AnchorContext},
		{"a date after by does move it", "The territory of [Poland|POL] had been occupied by [Germany|DEU] by {October 6, 1939|1939-10-06}. [Germany|DEU] then attacked [Lithuania|LTU].", "ASSAULT", "1939-10-06", "", doc.AnchorContext},
		{"a month the tagger took from a flashback", "In {September 1938|1938-09}, [Britain|GBR] mobilized its fleet. [Russia|SUN] had signed a treaty with [Czechoslovakia|CSK] in {May 1935|1935-05}, but it was not consulted by [Britain|GBR] in {September|1935-09|context}.", "CONSULT", "1938-09", "", doc.AnchorContext},
		{"a date after by in a threat is its deadline", "On {September 22, 1938|1938-09-22}, [Hitler|p:DEU] threatened to invade [Czechoslovakia|CSK] by {October 1|1938-10-01|context}.", "THREATEN", "1938-09-22", "", doc.AnchorExplicit},
		{"a participle after a comma shares its clause's date", "= History =\n\n== The crisis of {1905|1905} ==\n\nThe treaty between [Germany|DEU] and [Morocco|MAR] was signed by the envoy of [Germany|DEU] and his colleague from [Morocco|MAR] on {March 31, 1905|1905-03-31}, during the Algeciras Conference, annulling all mutual claims, breaking off diplomatic relations with [France|FRA], and starting trade.\n", "SANCTION", "1905-03-31", "", doc.AnchorExplicit},
		{"a participle with no comma does not", "In {1905|1905}, tension rose in the region. On {March 31, 1905|1905-03-31}, [Germany|DEU] signed a treaty with [Morocco|MAR]. [Spain|ESP] was then breaking off diplomatic relations with [France|FRA].", "SANCTION", "1905-03-31", "", doc.AnchorContext},
		{"section period", "= History =\n\n== Crisis of {1911|1911} ==\n\n[France|FRA] occupied Fez, and [Germany|DEU] sent a gunboat to [Morocco|MAR].\n", "COERCE", "1911", "", doc.AnchorSection},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := coded(t, tc.src)
			if tc.typ == "" {
				return
			}
			for _, e := range evs {
				if e.Type != tc.typ {
					continue
				}
				if e.Date.Value != tc.value || e.Date.End != tc.end || e.Date.Anchor != tc.anchor {
					t.Errorf("date %+v, want %s..%s (%s)", e.Date, tc.value, tc.end, tc.anchor)
				}
				return
			}
			var all []brief
			for _, e := range evs {
				all = append(all, briefOf(e))
			}
			t.Errorf("no %s event in %+v", tc.typ, all)
		})
	}
}
