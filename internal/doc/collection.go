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
	byID := map[string]int{}
	for _, d := range docs {
		for _, a := range d.Actors {
			if i, ok := byID[a.ID]; ok {
				c.Actors[i].Aliases = unionStrings(c.Actors[i].Aliases, a.Aliases)
				c.Actors[i].Roles = unionStrings(c.Actors[i].Roles, a.Roles)
				continue
			}
			byID[a.ID] = len(c.Actors)
			a.Aliases = append([]string(nil), a.Aliases...)
			c.Actors = append(c.Actors, a)
		}
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
	for i := range c.Actors {
		if c.Actors[i].Aliases == nil {
			c.Actors[i].Aliases = []string{}
		}
	}
	return c
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
