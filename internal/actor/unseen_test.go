package actor

import (
	"strings"
	"testing"
)

// francoItalian is a paragraph written for this test about a topic the
// rules were not built on: Franco-Italian relations in the 1930s.
const francoItalian = `Franco-Italian relations in the 1930s

In January 1935 the French Foreign Minister Pierre Laval travelled to Rome, where he and Benito Mussolini signed the Franco-Italian Agreement. Laval hoped that Italy would stand with France against Germany. In April 1935 the heads of government of Britain, France and Italy met at Stresa and formed the Stresa Front. Rome's invasion of Abyssinia in October 1935 strained relations with Paris. The Quai d'Orsay tried to keep the Duce on side, while Whitehall pressed for sanctions at the League of Nations. Count Galeazzo Ciano, the Italian Foreign Minister from 1936, distrusted the French. By 1938 the two countries were openly hostile, and the Italian press attacked France.
`

// TestUnseenParagraph checks every mention of a paragraph the rules were
// not built on, with the state, regime and how it was resolved.
func TestUnseenParagraph(t *testing.T) {
	d := annotate(t, "franco-italian.txt", francoItalian)
	want := []string{
		"Franco|FRA|FRA|French Third Republic|demonym|||[]",
		"Italian|ITA|ITA|Fascist Italy (Kingdom of Italy)|demonym|||[]",
		"French|FRA|FRA|French Third Republic|demonym|||[]",
		"Pierre Laval|person:pierre-laval|FRA|French Third Republic|name|French Foreign Minister|org:french-ministry-of-foreign-affairs|[]",
		"he|person:pierre-laval|FRA|French Third Republic|pronoun|Minister of Foreign Affairs|org:french-ministry-of-foreign-affairs|[]",
		"Benito Mussolini|person:benito-mussolini|ITA|Fascist Italy (Kingdom of Italy)|name|Prime Minister and Head of Government||[]",
		"Franco|FRA|FRA|French Third Republic|demonym|||[]",
		"Italian|ITA|ITA|Fascist Italy (Kingdom of Italy)|demonym|||[]",
		"Laval|person:pierre-laval|FRA|French Third Republic|alias|Minister of Foreign Affairs|org:french-ministry-of-foreign-affairs|[]",
		"Italy|ITA|ITA|Fascist Italy (Kingdom of Italy)|name|||[]",
		"France|FRA|FRA|French Third Republic|name|||[]",
		"Germany|DEU|DEU|Nazi Germany|name|||[]",
		"Britain|GBR|GBR|United Kingdom of Great Britain and Northern Ireland|name|||[]",
		"France|FRA|FRA|French Third Republic|name|||[]",
		"Italy|ITA|ITA|Fascist Italy (Kingdom of Italy)|name|||[]",
		"Stresa Front|org:stresa-front|||name|||[]",
		"Rome|ITA|ITA|Fascist Italy (Kingdom of Italy)|metonym|||[]",
		"Abyssinia|ETH|ETH||name|||[]",
		"Paris|FRA|FRA|French Third Republic|metonym|||[]",
		"Quai d'Orsay|org:french-ministry-of-foreign-affairs|FRA|French Third Republic|metonym|||[]",
		"Duce|person:benito-mussolini|ITA|Fascist Italy (Kingdom of Italy)|alias|Prime Minister and Head of Government||[]",
		"Whitehall|GBR|GBR|United Kingdom of Great Britain and Northern Ireland|metonym|||[]",
		"League of Nations|org:league-of-nations|||name|||[]",
		"Galeazzo Ciano|person:galeazzo-ciano|ITA|Fascist Italy (Kingdom of Italy)|name|Italian Foreign Minister|org:italian-ministry-of-foreign-affairs|[]",
		"Italian Foreign Minister|person:galeazzo-ciano|ITA|Fascist Italy (Kingdom of Italy)|office|Italian Foreign Minister|org:italian-ministry-of-foreign-affairs|[]",
		"French|FRA|FRA|French Third Republic|demonym|||[]",
		"the two countries|group:france-and-italy|||pair|||[FRA ITA]",
		"Italian press|ITA|ITA|Fascist Italy (Kingdom of Italy)|demonym|||[]",
		"France|FRA|FRA|French Third Republic|name|||[]",
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, brief(m))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mentions:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
