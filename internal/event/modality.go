package event

import (
	"fmt"
	"slices"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// cueScope says where a modality cue must stand relative to the trigger.
type cueScope uint8

const (
	scopePre        cueScope = iota // shortly before the trigger, in its clause
	scopeClause                     // anywhere in the trigger's clause
	scopeSentence                   // anywhere earlier in the sentence
	scopeAfter                      // later in the sentence ("…, but this was not taken up")
	scopeFirst                      // opening the sentence ("Had the Soviet Union joined …")
	scopeBefore                     // anywhere before the trigger in its clause ("in order to …")
	scopeReported                   // as pre, in words reported ("said they would meet …")
	scopeComplement                 // after the cue, up to the next clause boundary ("some argue that …")
)

type cue struct {
	modality string
	scope    cueScope
	words    []map[string]bool
	// alts holds the forms of words[j] as a list: a cue's word has one to
	// a few forms, which a few string comparisons test in fewer
	// instructions than hashing the item's word for a map.
	alts [][]string
	// asserted: modality is doc.ModalityAsserted (tested for every hit)
	asserted bool
	// inf marks a cue ending in "to" ("decision to", "planned to"): it
	// reaches only into its infinitive's phrase, not past the next verb
	// ("the decision to leave the League was communicated").
	inf bool
}

// Cues is the modality cue list read from data/modality.txt.
type Cues struct {
	// speech are the verbs that report words ("said", "announced"):
	// "would" after them states what the speaker will do.
	speech map[string]bool
	// debate cues open a frame of historiographical debate for the rest
	// of their section; hedges inside such a frame dispute what they hedge.
	debate, hedge [][]map[string]bool
	cues          []cue
	// byFirst indexes the cues by each form of their first word.
	byFirst map[string][]int
}

// preWindow is how many items before a trigger a "pre" cue may stand.
const preWindow = 4

// ParseCues reads the modality cue format documented in data/modality.txt.
func ParseCues(src string) (*Cues, error) {
	c := &Cues{speech: map[string]bool{}}
	order := map[string]int{"asserted": 0, modalityRefusal: 1, doc.ModalityNegated: 2, doc.ModalityDisputed: 3, doc.ModalityHypothetical: 4, modalityFuture: 5, modalityConditional: 6}
	var byMod [7][]cue
	for n, line := range strings.Split(src, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if f[0] == "speech" {
			for _, w := range f[1:] {
				c.speech[strings.ToLower(w)] = true
			}
			continue
		}
		if f[0] == "debate" || f[0] == "hedge" {
			if len(f) != 2 {
				return nil, fmt.Errorf("modality line %d: want %s CUE", n+1, f[0])
			}
			ws := cueWords(f[1])
			if f[0] == "debate" {
				c.debate = append(c.debate, ws)
			} else {
				c.hedge = append(c.hedge, ws)
			}
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
		case "first":
			sc = scopeFirst
		case "before":
			sc = scopeBefore
		case "reported":
			sc = scopeReported
		case "complement":
			sc = scopeComplement
		default:
			return nil, fmt.Errorf("modality line %d: unknown scope %q", n+1, f[1])
		}
		k := cue{modality: f[0], scope: sc, words: cueWords(f[2])}
		k.alts = formLists(k.words)
		k.asserted = k.modality == "asserted"
		last := k.words[len(k.words)-1]
		k.inf = len(last) == 1 && last["to"]
		byMod[o] = append(byMod[o], k)
	}
	for _, l := range byMod {
		c.cues = append(c.cues, l...)
	}
	c.byFirst = map[string][]int{}
	for i, k := range c.cues {
		for w := range k.words[0] {
			c.byFirst[w] = append(c.byFirst[w], i)
		}
	}
	return c, nil
}

// cueWords reads a cue's words: joined by _, alternatives by |.
func cueWords(s string) []map[string]bool {
	var out []map[string]bool
	for _, w := range strings.Split(s, "_") {
		alts := map[string]bool{}
		for _, a := range strings.Split(w, "|") {
			alts[strings.ToLower(a)] = true
		}
		out = append(out, alts)
	}
	return out
}

// anyAt returns the start and end of the first of the phrases ps found in
// items[from:to] (adverbs may stand between their words: "have long
// argued") and whether one was.
func anyAt(ps [][]map[string]bool, flag wordFlag, items []item, from, to int) (int, int, bool) {
	for i := max(from, 0); i < to && i < len(items); i++ {
		if items[i].kind != itWord || items[i].info != nil && items[i].info.flags&flag == 0 {
			continue // a word no such phrase starts with
		}
		for _, p := range ps {
			if end, ok := matchLoose(p, items, i); ok {
				return i, end, true
			}
		}
	}
	return 0, 0, false
}

// matchLoose is matchWords letting adverbs stand between the words, and
// returns the end of the match.
func matchLoose(ws []map[string]bool, items []item, i int) (int, bool) {
	k := i
	for j, alts := range ws {
		for j > 0 && k < len(items) && items[k].kind == itWord && !alts[items[k].lower] && (strings.HasSuffix(items[k].lower, "ly") || items[k].lower == "long" || items[k].lower == "also" || items[k].lower == "often") {
			k++
		}
		if k >= len(items) || items[k].kind != itWord || !alts[items[k].lower] {
			return 0, false
		}
		k++
	}
	return k, true
}

// Debate reports whether the sentence opens a frame of historiographical
// debate ("historians have argued about …").
func (c *Cues) Debate(items []item) bool {
	_, _, ok := anyAt(c.debate, wDebate, items, 0, len(items))
	return ok
}

// matchCueRest reports whether the other words of cue k, found by its
// first word items[i] (Cues.byFirst indexes the cues by the forms of
// their first word), follow it.
func matchCueRest(k *cue, items []item, i int) bool {
	for j := 1; j < len(k.words); j++ {
		if i+j >= len(items) {
			return false
		}
		it := &items[i+j]
		if it.kind != itWord || !slices.Contains(k.alts[j], it.lower) {
			return false
		}
	}
	return true
}

// formLists lists the forms of each word of a cue (see cue.alts).
func formLists(words []map[string]bool) [][]string {
	out := make([][]string, len(words))
	for j, alts := range words {
		for w, in := range alts {
			if in {
				out[j] = append(out[j], w)
			}
		}
	}
	return out
}

// inScope reports whether a cue of scope sc starting at item i (and
// spanning n items) applies to the trigger at head in clause [lo, hi).
func inScope(sc cueScope, i, n, head, lo, hi, total int) bool {
	switch sc {
	case scopePre:
		return i >= lo && i+n <= head && i+n >= head-preWindow
	case scopeClause:
		return i >= lo && i < hi
	case scopeSentence:
		return i < head
	case scopeAfter:
		return i > head && i < total
	case scopeFirst:
		return i == 0
	case scopeBefore:
		return i >= lo && i+n <= head
	case scopeReported:
		return i+n <= head && i+n >= head-preWindow
	case scopeComplement:
		return i+n <= head
	}
	return false
}

// cueHit is a cue (index ci into Cues.cues) whose words stand at item i;
// an infinitive cue reaches up to item reach (exclusive); reported marks
// a cue in words a speech verb reports.
type cueHit struct {
	i, ci, reach int
	reported     bool
}

// hits lists the cues whose words stand in items, by item and then in the
// cue index's order: what modality tries for every trigger of a sentence.
// bound (may be nil) holds the clause boundaries before each item: a
// complement cue reaches up to the next.
func (c *Cues) hits(items []item, bound []uint8, out []cueHit) []cueHit {
	speech := false // a speech verb stands before item i
	for i := range items {
		it := &items[i]
		if it.kind != itWord {
			continue
		}
		if wi := it.info; wi != nil && len(wi.cues) == 0 {
			// the common case: no cue starts here
			if !speech && wi.flags&wSpeech != 0 {
				speech = true
			}
			continue
		}
		for _, ci := range c.cuesAt(it) {
			if k := &c.cues[ci]; matchCueRest(k, items, i) {
				reach := len(items)
				if k.inf {
					reach = infinitiveReach(items, i+len(k.words))
				}
				if k.scope == scopeComplement && bound != nil {
					reach = complementReach(items, bound, i+len(k.words)+1)
				}
				out = append(out, cueHit{i: i, ci: ci, reach: reach, reported: speech})
			}
		}
		if !speech && (items[i].info != nil && items[i].info.flags&wSpeech != 0 || items[i].info == nil && c.speech[items[i].lower]) {
			speech = true
		}
	}
	return out
}

// complementEnders open a clause that is not part of what a claim
// states: the "when …" that dates it, the "which …" that describes what
// it names, the "but …" that answers it. A "because …" argues the claim
// and belongs to it.
var complementEnders = map[string]bool{"when": true, "which": true, "who": true, "whom": true, "whose": true, "where": true,
	"while": true, "whereas": true, "but": true, "although": true, "though": true, "after": true, "before": true, "however": true}

// complementReach returns the item where a complement starting at item
// from ends: a strong boundary, or a weak one opened by a complement
// ender.
func complementReach(items []item, bound []uint8, from int) int {
	for j := from; j < len(items) && j < len(bound); j++ {
		switch bound[j] {
		case bStrong:
			return j
		case bWeak:
			o := j
			if items[o].kind == itPunct && o+1 < len(items) {
				o++
			}
			if items[o].kind == itWord && complementEnders[items[o].lower] {
				return j
			}
		}
	}
	return len(items)
}

// infinitiveReach returns the end of the infinitive phrase starting at
// item from: the next form of "be" or "have", or punctuation.
func infinitiveReach(items []item, from int) int {
	for k := from + 1; k < len(items); k++ {
		it := &items[k]
		if it.kind == itPunct && it.text != "-" && it.text != "–" || it.kind == itWord && (beForms[it.lower] || it.lower == "had" || it.lower == "has" || it.lower == "have") {
			return k
		}
	}
	return len(items)
}

// modalityWithout decides the modality of the trigger at items[head] whose
// clause is items[lo:hi], given the sentence's cue hits (see hits) and its
// number of items. Cues are tried in the file's order of precedence; an
// "asserted" cue covers the words it spans so they cannot cue anything
// else. The complement cues are left out when noComplement: an event
// named in a claim rather than claimed ("the first sign of détente was the
// conversation of April 17").
func (c *Cues) modalityWithout(hits []cueHit, total, head, lo, hi int, noComplement bool) string {
	var silenced [8]int
	ns := 0
	best := len(c.cues)
	for pass := 0; pass < 2; pass++ {
		for _, h := range hits {
			k := &c.cues[h.ci]
			if (pass == 0) != k.asserted || h.ci >= best {
				continue
			}
			if !inScope(k.scope, h.i, len(k.words), head, lo, hi, total) || head >= h.reach || k.scope == scopeReported && !h.reported ||
				noComplement && k.scope == scopeComplement {
				continue
			}
			if pass == 0 {
				for j := range k.words {
					if ns < len(silenced) {
						silenced[ns] = h.i + j
						ns++
					}
				}
				continue
			}
			quiet := false
			for _, x := range silenced[:ns] {
				if x == h.i {
					quiet = true
				}
			}
			if !quiet {
				best = h.ci
			}
		}
	}
	if best < len(c.cues) {
		return c.cues[best].modality
	}
	return doc.ModalityAsserted
}
