package event

import (
	"fmt"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// cueScope says where a modality cue must stand relative to the trigger.
type cueScope uint8

const (
	scopePre      cueScope = iota // shortly before the trigger, in its clause
	scopeClause                   // anywhere in the trigger's clause
	scopeSentence                 // anywhere earlier in the sentence
	scopeAfter                    // later in the sentence ("…, but this was not taken up")
)

type cue struct {
	modality string
	scope    cueScope
	words    []map[string]bool
}

// Cues is the modality cue list read from data/modality.txt.
type Cues struct {
	cues []cue
}

// preWindow is how many items before a trigger a "pre" cue may stand.
const preWindow = 4

// ParseCues reads the modality cue format documented in data/modality.txt.
func ParseCues(src string) (*Cues, error) {
	c := &Cues{}
	order := map[string]int{"asserted": 0, doc.ModalityNegated: 1, doc.ModalityDisputed: 2, doc.ModalityHypothetical: 3}
	var byMod [4][]cue
	for n, line := range strings.Split(src, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("modality line %d: want MODALITY SCOPE CUE", n+1)
		}
		o, ok := order[f[0]]
		if !ok {
			return nil, fmt.Errorf("modality line %d: unknown modality %q", n+1, f[0])
		}
		var sc cueScope
		switch f[1] {
		case "pre":
			sc = scopePre
		case "clause":
			sc = scopeClause
		case "sentence":
			sc = scopeSentence
		case "after":
			sc = scopeAfter
		default:
			return nil, fmt.Errorf("modality line %d: unknown scope %q", n+1, f[1])
		}
		k := cue{modality: f[0], scope: sc}
		for _, w := range strings.Split(f[2], "_") {
			alts := map[string]bool{}
			for _, a := range strings.Split(w, "|") {
				alts[strings.ToLower(a)] = true
			}
			k.words = append(k.words, alts)
		}
		byMod[o] = append(byMod[o], k)
	}
	for _, l := range byMod {
		c.cues = append(c.cues, l...)
	}
	return c, nil
}

// matchCue reports whether cue k's words start at items[i].
func matchCue(k *cue, items []item, i int) bool {
	for j, alts := range k.words {
		if i+j >= len(items) {
			return false
		}
		it := items[i+j]
		if it.kind != itWord || !alts[it.lower] {
			return false
		}
	}
	return true
}

// modality decides the modality of the trigger at items[head] whose clause
// is items[lo:hi]. Cues are tried in the file's order of precedence; an
// "asserted" cue covers the words it spans so they cannot cue anything
// else.
func (c *Cues) modality(items []item, head, lo, hi int) string {
	silenced := map[int]bool{}
	for ci := range c.cues {
		k := &c.cues[ci]
		var from, to int
		switch k.scope {
		case scopePre:
			from, to = max(lo, head-preWindow), head
		case scopeClause:
			from, to = lo, hi
		case scopeSentence:
			from, to = 0, head
		case scopeAfter:
			from, to = head+1, len(items)
		}
		for i := from; i < to; i++ {
			if silenced[i] || !matchCue(k, items, i) {
				continue
			}
			if k.scope == scopePre && i+len(k.words) > head {
				continue
			}
			if k.modality == "asserted" {
				for j := range k.words {
					silenced[i+j] = true
				}
				continue
			}
			return k.modality
		}
	}
	return doc.ModalityAsserted
}
