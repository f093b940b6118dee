package doc

import "sort"

// Collection is the reading of several documents together: the shape that
// `chronicle extract --format json` prints (see spec CONTRACT.md).
type Collection struct {
	Documents []*Document `json:"documents"`
	Actors    []Actor     `json:"actors"`
	Mentions  []Mention   `json:"mentions"`
	Events    []Event     `json:"events"`
	Treaties  []Treaty    `json:"treaties"`
	Tenures   []Tenure    `json:"tenures"`
	Timexes   []Timex     `json:"timexes"`
}

// Collect gathers the annotations of docs into one collection. Actors with
// the same id are merged (their aliases united); every other annotation is
// labelled with its document's id.
func Collect(docs []*Document) *Collection {
	c := &Collection{
		Documents: docs,
		Actors:    []Actor{},
		Mentions:  []Mention{},
		Events:    []Event{},
		Treaties:  []Treaty{},
		Tenures:   []Tenure{},
		Timexes:   []Timex{},
	}
	c.Actors = collectActors(docs)
	for _, d := range docs {
		for _, m := range d.Mentions {
			m.Document = d.ID
			c.Mentions = append(c.Mentions, m)
		}
		for _, t := range d.Timexes {
			t.Document = d.ID
			c.Timexes = append(c.Timexes, t)
		}
		for _, e := range d.Events {
			e.Document = d.ID
			c.Events = append(c.Events, e)
		}
		for _, t := range d.Treaties {
			t.Document = d.ID
			c.Treaties = append(c.Treaties, t)
		}
		for _, t := range d.Tenures {
			t.Document = d.ID
			c.Tenures = append(c.Tenures, t)
		}
	}
	return c
}

// collectActors merges the actors of docs: actors with the same id are
// one, their aliases and roles united.
func collectActors(docs []*Document) []Actor {
	out := []Actor{}
	byID := map[string]int{}
	for _, d := range docs {
		for _, a := range d.Actors {
			if i, ok := byID[a.ID]; ok {
				out[i].Aliases = unionStrings(out[i].Aliases, a.Aliases)
				out[i].Roles = unionStrings(out[i].Roles, a.Roles)
				continue
			}
			byID[a.ID] = len(out)
			a.Aliases = append([]string(nil), a.Aliases...)
			out = append(out, a)
		}
	}
	for i := range out {
		if out[i].Aliases == nil {
			out[i].Aliases = []string{}
		}
	}
	return out
}

func unionStrings(a, b []string) []string {
	seen := make(map[string]bool, len(a)+len(b))
	out := make([]string, 0, len(a)+len(b))
	for _, s := range append(append([]string(nil), a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
