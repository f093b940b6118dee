package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/chronicle-history/chronicle/internal/actor"
	"github.com/chronicle-history/chronicle/internal/doc"
)

// ActorMiss is a gold actor or recipient not resolved in the sentences of
// its event's quote.
type ActorMiss struct {
	Event string   `json:"event"`
	Role  string   `json:"role"` // actor or recipient
	Name  string   `json:"name"`
	Kind  string   `json:"kind"`
	Quote string   `json:"quote"`
	Found []string `json:"found"` // the actors resolved there
}

// ActorRecall counts gold actors found and missed.
type ActorRecall struct {
	Found int `json:"found"`
	Gold  int `json:"gold"`
}

// Recall is Found / Gold, 0 when there is no gold.
func (r ActorRecall) Recall() float64 {
	if r.Gold == 0 {
		return 0
	}
	return float64(r.Found) / float64(r.Gold)
}

// ActorScore is the result of scoring actor resolution against gold events.
type ActorScore struct {
	Overall ActorRecall            `json:"overall"`
	ByKind  map[string]ActorRecall `json:"by_kind"`
	Misses  []ActorMiss            `json:"misses"`
	// Unplaced are events whose quote was not found in the document.
	Unplaced []string `json:"unplaced,omitempty"`
}

// ScoreActors asks, for every gold event, whether its gold actors and
// recipients are among the actors resolved in the sentences that hold its
// quote. An actor counts as resolved there when a mention in those
// sentences is of it, acts for it (a person for a state, a person for an
// organisation), or stands for it as a member of a coalition or pair.
// Gold names actors by state code or by full name; names are matched to
// the document's actors by name and aliases (the gold's aliases from
// actors.jsonl, ours from the mentions and the registry).
func ScoreActors(d *doc.Document, reg *actor.Registry, events []SeedEvent, goldActors []SeedActor) *ActorScore {
	kinds := map[string]string{}
	forms := map[string][]string{}
	for _, a := range goldActors {
		kinds[a.ID] = a.Kind
		forms[a.ID] = append([]string{a.ID, a.Name}, a.Aliases...)
	}
	sc := &ActorScore{ByKind: map[string]ActorRecall{}}
	for _, ev := range events {
		lo, hi, ok := findQuote(d.Text, ev.Quote)
		if !ok {
			sc.Unplaced = append(sc.Unplaced, ev.ID)
			continue
		}
		resolved := map[string]bool{}
		for _, m := range d.Mentions {
			s := d.Sentences[m.Sentence].Clean
			if s.Start < hi && lo < s.End {
				for _, id := range append([]string{m.Actor, m.State, m.Org}, m.Members...) {
					if id != "" {
						resolved[id] = true
					}
				}
			}
		}
		check := func(role string, names []string) {
			for _, name := range names {
				kind := kinds[name]
				if kind == "" {
					kind = guessKind(name)
				}
				ids := goldIDs(d, reg, name, forms[name])
				hit := false
				for id := range ids {
					hit = hit || resolved[id]
				}
				r := sc.ByKind[kind]
				r.Gold++
				sc.Overall.Gold++
				if hit {
					r.Found++
					sc.Overall.Found++
				} else {
					var found []string
					for id := range resolved {
						found = append(found, id)
					}
					sort.Strings(found)
					sc.Misses = append(sc.Misses, ActorMiss{Event: ev.ID, Role: role, Name: name, Kind: kind, Quote: ev.Quote, Found: found})
				}
				sc.ByKind[kind] = r
			}
		}
		check("actor", ev.Actor)
		check("recipient", ev.Recipient)
	}
	return sc
}

func guessKind(name string) string {
	if len(name) == 3 && strings.ToUpper(name) == name {
		return doc.KindState
	}
	return doc.KindPerson
}

// goldIDs maps a gold name to the ids of our actors it can denote.
func goldIDs(d *doc.Document, reg *actor.Registry, name string, forms []string) map[string]bool {
	ids := map[string]bool{}
	if len(name) == 3 && strings.ToUpper(name) == name {
		ids[name] = true
		return ids
	}
	want := map[string]bool{}
	for _, f := range append([]string{name}, forms...) {
		want[normName(f)] = true
		if reg != nil {
			for _, id := range reg.LookupName(f, 0) {
				ids[id] = true
			}
			for _, p := range reg.LookupPerson(f) {
				ids[p.ID] = true
			}
		}
	}
	for _, a := range d.Actors {
		for _, f := range append([]string{a.Name}, a.Aliases...) {
			if want[normName(f)] {
				ids[a.ID] = true
			}
		}
	}
	return ids
}

// normName compares names without case, accents, a leading "the" or
// punctuation.
func normName(s string) string {
	s = strings.TrimSpace(s)
	if l := strings.ToLower(s); strings.HasPrefix(l, "the ") {
		s = s[4:]
	}
	return actor.Slug(s)
}

// findQuote finds a gold quote in the text, allowing differences of white
// space.
func findQuote(text, quote string) (int, int, bool) {
	if i := strings.Index(text, quote); i >= 0 {
		return i, i + len(quote), true
	}
	q := strings.Fields(quote)
	if len(q) == 0 {
		return 0, 0, false
	}
	// Slow path: match word by word.
	for i := strings.Index(text, q[0]); i >= 0; {
		j, ok := i+len(q[0]), true
		for _, w := range q[1:] {
			k := j
			for k < len(text) && (text[k] == ' ' || text[k] == '\n' || text[k] == '\t') {
				k++
			}
			if !strings.HasPrefix(text[k:], w) {
				ok = false
				break
			}
			j = k + len(w)
		}
		if ok {
			return i, j, true
		}
		next := strings.Index(text[i+1:], q[0])
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return 0, 0, false
}

// Kinds lists the actor kinds in report order.
var Kinds = []string{doc.KindState, doc.KindPerson, doc.KindOrganization, doc.KindGroup}

// String writes the score as a small report.
func (s *ActorScore) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %6s %6s %7s\n", "kind", "found", "gold", "recall")
	for _, k := range Kinds {
		r, ok := s.ByKind[k]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "%-14s %6d %6d %7.3f\n", k, r.Found, r.Gold, r.Recall())
	}
	fmt.Fprintf(&b, "%-14s %6d %6d %7.3f\n", "overall", s.Overall.Found, s.Overall.Gold, s.Overall.Recall())
	return b.String()
}
