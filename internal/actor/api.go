package actor

import (
	"sort"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// MentionsBySentence groups a document's mentions by sentence index, for
// the event coder: out[i] holds the mentions of sentence i in text order.
func MentionsBySentence(d *doc.Document) [][]doc.Mention {
	out := make([][]doc.Mention, len(d.Sentences))
	for _, m := range d.Mentions {
		if m.Sentence >= 0 && m.Sentence < len(out) {
			out[m.Sentence] = append(out[m.Sentence], m)
		}
	}
	return out
}

// SentenceActors lists, sorted, every actor id a sentence's mentions stand
// or act for: the actors mentioned, the states and organisations people and
// bodies act for, and the member states of coalitions and pairs.
func SentenceActors(d *doc.Document, si int) []string {
	seen := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Sentence != si {
			continue
		}
		for _, id := range append([]string{m.Actor, m.State, m.Org}, m.Members...) {
			if id != "" {
				seen[id] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for id := range seen {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// DayOf reads a TIMEX3 date value ("1939-08-23", "1922", "1940-SU") as the
// day used for registry lookups: its middle day.
func DayOf(timex string) (Day, bool) {
	lo, hi, ok := ParseTimexValue(timex)
	if !ok {
		return 0, false
	}
	return mid(lo, hi), true
}
