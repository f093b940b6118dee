package actor

import "strings"

// entryKind says what a registry name denotes.
type entryKind uint8

const (
	eStateName  entryKind = iota + 1 // "Germany", "USSR", "Weimar Germany"
	eAdjective                       // "German"
	eSingular                        // "Pole"
	ePlural                          // "Germans"
	eCombining                       // "Anglo" (before a hyphen)
	eCapital                         // "Berlin"
	eSeat                            // "Kremlin" (state) or "Quai d'Orsay" (org)
	eStateWeak                       // "Loyalists"
	eOrgName                         // "NKVD"
	eOrgWeak                         // "Foreign Office"
	eOrgAnaphor                      // "League"
	ePersonName                      // "Molotov"
	eOffice                          // "Foreign Minister"
	eDefinite                        // "Kaiser" (names the holder)
	eNoun                            // head of a demonym phrase
	eGiven                           // "Karl"
)

// entry is one meaning of a name in the lexicon.
type entry struct {
	kind   entryKind
	ref    int32 // index into States, Orgs, Persons, Offices or Nouns
	regime int16 // index into the state's Regimes, -1 for none
	period Period
	shape  []uint8 // per token: 0 any case, 1 capitalised, 2 all capitals
	adj    bool    // noun that is also an adjective ("military?")
	isOrg  bool    // for eSeat: ref is an org
}

// lexicon is a trie over the folded tokens of every registry name; one
// walk from each token finds the longest name starting there.
type lexicon struct {
	nodes []lexNode
	edges map[lexEdge]int32
}

type lexNode struct {
	entries []entry
}

type lexEdge struct {
	node int32
	key  string
}

func (l *lexicon) add(name string, e entry) {
	toks := tokenizeName(name)
	if len(toks) == 0 {
		return
	}
	n := int32(0)
	e.shape = make([]uint8, len(toks))
	for i, t := range toks {
		switch {
		case t.is(tAllCaps):
			e.shape[i] = 2
		case t.is(tCap) && !(i == 0 && t.key == "the"):
			e.shape[i] = 1
		}
		next, ok := l.edges[lexEdge{n, t.key}]
		if !ok {
			next = int32(len(l.nodes))
			l.nodes = append(l.nodes, lexNode{})
			l.edges[lexEdge{n, t.key}] = next
		}
		n = next
	}
	// One entry per meaning; the same name listed twice for an actor
	// (with different case) keeps the most permissive shape.
	for i, old := range l.nodes[n].entries {
		if old.kind == e.kind && old.ref == e.ref && old.regime == e.regime && old.period == e.period && old.isOrg == e.isOrg {
			for j := range old.shape {
				if e.shape[j] < old.shape[j] {
					l.nodes[n].entries[i].shape[j] = e.shape[j]
				}
			}
			return
		}
	}
	l.nodes[n].entries = append(l.nodes[n].entries, e)
}

// walk follows the tokens of a name from the root.
func (l *lexicon) walk(toks []token) (int32, bool) {
	n := int32(0)
	for _, t := range toks {
		next, ok := l.edges[lexEdge{n, t.key}]
		if !ok {
			return 0, false
		}
		n = next
	}
	return n, len(l.nodes[n].entries) > 0
}

// shapeOK reports whether the text tokens have the case the entry needs.
func (e *entry) shapeOK(toks []token) bool {
	for i, s := range e.shape {
		switch s {
		case 1:
			if !toks[i].is(tCap) && !toks[i].is(tDigit) {
				return false
			}
		case 2:
			if !toks[i].is(tAllCaps) {
				return false
			}
		}
	}
	return true
}

func buildLexicon(r *Registry) *lexicon {
	l := &lexicon{nodes: []lexNode{{}}, edges: map[lexEdge]int32{}}
	for si, s := range r.States {
		ref := int32(si)
		l.add(s.Name, entry{kind: eStateName, ref: ref, regime: -1, period: always})
		for _, n := range s.Aliases {
			l.add(n.Text, entry{kind: eStateName, ref: ref, regime: -1, period: n.Period})
		}
		for gi, g := range s.Regimes {
			l.add(g.Name, entry{kind: eStateName, ref: ref, regime: int16(gi), period: always})
			for _, a := range g.Aliases {
				na, _ := parseNamed(a)
				l.add(na.Text, entry{kind: eStateName, ref: ref, regime: int16(gi), period: na.Period})
			}
		}
		for _, set := range []struct {
			kind  entryKind
			names []Named
		}{{eAdjective, s.Adjectives}, {eSingular, s.Singulars}, {ePlural, s.Plurals}, {eCombining, s.Combining},
			{eCapital, s.Capitals}, {eSeat, s.Seats}, {eStateWeak, s.Weak}} {
			for _, n := range set.names {
				l.add(n.Text, entry{kind: set.kind, ref: ref, regime: -1, period: n.Period})
			}
		}
	}
	for oi, o := range r.Orgs {
		ref := int32(oi)
		l.add(o.Name, entry{kind: eOrgName, ref: ref, regime: -1, period: always})
		for _, n := range o.Aliases {
			l.add(n.Text, entry{kind: eOrgName, ref: ref, regime: -1, period: n.Period})
		}
		for _, n := range o.Weak {
			l.add(n.Text, entry{kind: eOrgWeak, ref: ref, regime: -1, period: n.Period})
		}
		for _, n := range o.Anaphors {
			l.add(n.Text, entry{kind: eOrgAnaphor, ref: ref, regime: -1, period: n.Period})
		}
		for _, n := range o.Seats {
			l.add(n.Text, entry{kind: eSeat, ref: ref, regime: -1, period: n.Period, isOrg: true})
		}
	}
	for pi, p := range r.Persons {
		ref := int32(pi)
		l.add(p.Name, entry{kind: ePersonName, ref: ref, regime: -1, period: always})
		for _, n := range p.Aliases {
			l.add(n.Text, entry{kind: ePersonName, ref: ref, regime: -1, period: n.Period})
		}
	}
	for oi, o := range r.Offices {
		for _, t := range o.Titles {
			l.add(t, entry{kind: eOffice, ref: int32(oi), regime: -1, period: always})
		}
		for _, t := range o.Definite {
			l.add(t, entry{kind: eDefinite, ref: int32(oi), regime: -1, period: always})
		}
	}
	for ni, n := range r.Nouns {
		for _, w := range n.Nouns {
			adj := strings.HasSuffix(w, "?")
			l.add(strings.TrimSuffix(w, "?"), entry{kind: eNoun, ref: int32(ni), regime: -1, period: always, adj: adj})
		}
	}
	for g := range r.Given {
		l.add(strings.ToUpper(g[:1])+g[1:], entry{kind: eGiven, regime: -1, period: always})
	}
	return l
}

// entryActor is the actor id an entry denotes directly, or "".
func (r *Registry) entryActor(e entry) string {
	switch e.kind {
	case eStateName, eAdjective, eSingular, ePlural, eCombining, eCapital, eStateWeak:
		return r.States[e.ref].Code
	case eSeat:
		if e.isOrg {
			return r.Orgs[e.ref].ID
		}
		return r.States[e.ref].Code
	case eOrgName, eOrgWeak, eOrgAnaphor:
		return r.Orgs[e.ref].ID
	case ePersonName:
		return r.Persons[e.ref].ID
	}
	return ""
}
