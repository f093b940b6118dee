package actor

import (
	"slices"
	"strings"
	"unicode/utf8"
)

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
	// vocab numbers every token key of a registry name; edges are keyed by
	// node and word number, so a walk costs one string lookup per token.
	vocab  map[string]wordInfo
	edges  map[uint64]int32
	nextID int32
	root   []int32 // children of the root by word number (0: none)
	// edgeKeys and edgeNext are edges below the root as an open-addressing
	// table (key 0: an empty slot), so that a step of a walk is a
	// multiply and a probe or two, not a map lookup.
	edgeKeys []uint64
	edgeNext []int32
	// words and slots are vocab as an open-addressing hash table keyed
	// by keyHash, so that the tokenizer can look a word up with the hash
	// it computes while reading the word, without building its key.
	words []wordInfo
	slots []uint64 // key hash << 32 | index+1 into words; 0 for an empty slot
	// prefix holds, by index into words, a key of at most eight bytes as
	// a little-endian number (0 for a longer key): with the hash, one
	// comparison finds a short word (see load8).
	prefix []uint64
	// punct is what the lexicon knows of each one-byte ASCII key.
	punct [utf8.RuneSelf]wordInfo
	// shapeFlags is the token flags (sentProc.flags) of each token
	// shape.
	shapeFlags [64]uint8
	// alnum classes each byte for the tokenizer: cDigit, cLower or
	// cUpper for an ASCII digit or letter, 0 for any other byte.
	alnum [256]uint8
}

// lowerBits is bit 0x20 of every byte: or'd into an ASCII letter or digit
// it gives the lower case.
const lowerBits uint64 = 0x2020202020202020

// Byte classes of lexicon.alnum.
const (
	cDigit uint8 = 1 << iota
	cLower
	cUpper
)

// FNV-1a, 32 bits: the hash of a key in the lexicon's table.
const (
	hashInit  uint32 = 2166136261
	hashPrime uint32 = 16777619
)

// keyHash is the table hash of a key.
func keyHash(key string) uint32 {
	h := hashInit
	for i := 0; i < len(key); i++ {
		h = (h ^ uint32(key[i])) * hashPrime
	}
	return h
}

// buildTable fills words and slots from vocab, and punct.
func (l *lexicon) buildTable() {
	keys := make([]string, 0, len(l.vocab))
	for k := range l.vocab {
		keys = append(keys, k)
	}
	slices.Sort(keys) // a fixed layout, whatever the map's order
	n := 1
	for n < 2*len(keys) {
		n *= 2
	}
	l.words = make([]wordInfo, 0, len(keys))
	l.slots = make([]uint64, n)
	mask := uint32(n - 1)
	for _, k := range keys {
		wi := l.vocab[k]
		wi.key = k
		l.words = append(l.words, wi)
		kh := keyHash(k)
		h := kh & mask
		for l.slots[h] != 0 {
			h = (h + 1) & mask
		}
		l.slots[h] = uint64(kh)<<32 | uint64(len(l.words))
		var x uint64
		if len(k) <= 8 {
			for b := len(k) - 1; b >= 0; b-- {
				x = x<<8 | uint64(k[b])
			}
		}
		l.prefix = append(l.prefix, x)
	}
	for c := range l.punct {
		l.punct[c] = l.info(string(rune(c)))
	}
	for sh := range l.shapeFlags {
		t := token{shape: uint8(sh)}
		l.shapeFlags[sh] = tokFlags(&t)
	}
	for c := range l.alnum {
		switch {
		case '0' <= c && c <= '9':
			l.alnum[c] = cDigit
		case 'a' <= c && c <= 'z':
			l.alnum[c] = cLower
		case 'A' <= c && c <= 'Z':
			l.alnum[c] = cUpper
		}
	}
}

// lookup finds the key text[i:j] of hash h in the table.
func (l *lexicon) lookup(text string, i, j int, h uint32) (wordInfo, bool) {
	k := l.find(text[i:j], h)
	if k < 0 {
		return wordInfo{id: -1}, false
	}
	return l.words[k], true
}

// load8 is text[i:j] (j-i from 1 to 8, i+8 <= len(text)) as a
// little-endian number, the bytes from j on zero: one load.
func load8(text string, i, j int) uint64 {
	b := text[i : i+8]
	x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	return x & (^uint64(0) >> (64 - 8*uint(j-i)))
}

// findShort is find for a word of one to eight bytes given by its load8
// form x (a key the word holds in upper case when x is lowered first).
func (l *lexicon) findShort(x uint64, h uint32) int32 {
	mask := uint32(len(l.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		s := l.slots[k]
		if s == 0 {
			return -1
		}
		if uint32(s>>32) == h && l.prefix[uint32(s)-1] == x {
			return int32(uint32(s) - 1)
		}
	}
}

// find returns the index in words of the key w of hash h, or -1.
func (l *lexicon) find(w string, h uint32) int32 {
	mask := uint32(len(l.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		s := l.slots[k]
		if s == 0 {
			return -1
		}
		if uint32(s>>32) == h && l.words[uint32(s)-1].key == w {
			return int32(uint32(s) - 1)
		}
	}
}

// findFold is find for a word of ASCII letters and digits whose capitals
// stand for the key's lower-case letters (h is the hash of the lower-case
// form): b|0x20 is the lower case of such a byte.
func (l *lexicon) findFold(w string, h uint32) int32 {
	mask := uint32(len(l.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		s := l.slots[k]
		if s == 0 {
			return -1
		}
		if uint32(s>>32) != h {
			continue
		}
		key := l.words[uint32(s)-1].key
		if len(key) != len(w) {
			continue
		}
		m := 0
		for m < len(w) && w[m]|0x20 == key[m] {
			m++
		}
		if m == len(w) {
			return int32(uint32(s) - 1)
		}
	}
}

// wordInfo is what the lexicon knows of a token key: its number among
// registry words (-1 for none) and its grammatical classes.
type wordInfo struct {
	id    int32
	class uint16
	key   string
}

// Word classes. The first three are the token flags fName, fScan and
// fStarts of sentProc.flags, at the same bits.
const (
	wParticle   uint16 = 1 << iota // von, de, van ...
	wScan                          // may open a pair phrase or be a pronoun (sentProc.scan)
	wStarts                        // some registry name begins with the word (startsName)
	wStop                          // never part of a person's name
	wOrgHead                       // ends an organisation's name
	wCompass                       // opens the name of a front or region
	wDocHead                       // ends the name of a document named after a person
	wRoleMod                       // roleModifiers
	wRolePrep                      // rolePreps
	wListCue                       // listCues
	wDeterminer                    // determiners
)

// scanWords are the words sentProc.scan looks at when they are neither
// names nor capitalised: pair phrases and pronouns.
var scanWords = set("the", "these", "those", "both", "he", "him")

type lexNode struct {
	entries []entry
}

func edgeKey(node, word int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(word)) }

// word returns the vocabulary number of a token key, or -1.
func (l *lexicon) word(key string) int32 {
	if w, ok := l.vocab[key]; ok {
		return w.id
	}
	return -1
}

// info returns the lexicon's knowledge of a token key.
func (l *lexicon) info(key string) wordInfo {
	wi, _ := l.lookup(key, 0, len(key), keyHash(key))
	return wi
}

// startsName reports whether some registry name begins with word w.
func (l *lexicon) startsName(w int32) bool {
	return w >= 0 && int(w) < len(l.root) && l.root[w] > 0
}

// next follows the edge from node for word w.
func (l *lexicon) next(node, w int32) (int32, bool) {
	if w < 0 {
		return 0, false
	}
	if node == 0 {
		// Most steps start at the root: an array, not a map.
		if int(w) < len(l.root) && l.root[w] > 0 {
			return l.root[w], true
		}
		return 0, false
	}
	return l.nextEdge(node, w)
}

// nextEdge is next from a node other than the root (no edge has the word
// -1 of a word the lexicon does not know).
func (l *lexicon) nextEdge(node, w int32) (int32, bool) {
	key := edgeKey(node, w)
	mask := uint64(len(l.edgeKeys) - 1)
	for k := (key * edgeMul) >> 32 & mask; ; k = (k + 1) & mask {
		switch l.edgeKeys[k] {
		case key:
			return l.edgeNext[k], true
		case 0:
			return 0, false
		}
	}
}

// edgeMul spreads edge keys over the edge table.
const edgeMul = 0x9e3779b97f4a7c15

// buildEdges fills edgeKeys and edgeNext from edges, leaving out the
// root's edges (see root).
func (l *lexicon) buildEdges() {
	n := 1
	for n < 2*len(l.edges)+1 {
		n *= 2
	}
	l.edgeKeys, l.edgeNext = make([]uint64, n), make([]int32, n)
	mask := uint64(n - 1)
	for key, child := range l.edges {
		if key>>32 == 0 {
			continue
		}
		k := (key * edgeMul) >> 32 & mask
		for l.edgeKeys[k] != 0 {
			k = (k + 1) & mask
		}
		l.edgeKeys[k], l.edgeNext[k] = key, child
	}
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
		wi, ok := l.vocab[t.key]
		if !ok || wi.id < 0 {
			wi.id, wi.key = l.nextID, t.key
			l.nextID++
			l.vocab[t.key] = wi
		}
		w := wi.id
		next, ok := l.edges[edgeKey(n, w)]
		if !ok {
			next = int32(len(l.nodes))
			l.nodes = append(l.nodes, lexNode{})
			l.edges[edgeKey(n, w)] = next
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
		next, ok := l.next(n, l.word(t.key))
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
	l := &lexicon{nodes: []lexNode{{}}, edges: map[uint64]int32{}, vocab: map[string]wordInfo{}}
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
	l.root = make([]int32, l.nextID)
	for k, child := range l.edges {
		if k>>32 == 0 {
			l.root[int32(uint32(k))] = child
		}
	}
	for _, set := range []struct {
		words map[string]bool
		class uint16
	}{{particles, wParticle}, {nameStop, wStop}, {orgHeads, wOrgHead}, {compass, wCompass}, {documentHeads, wDocHead}, {scanWords, wScan},
		{roleModifiers, wRoleMod}, {rolePreps, wRolePrep}, {listCues, wListCue}, {determiners, wDeterminer}} {
		for w := range set.words {
			wi, ok := l.vocab[w]
			if !ok {
				wi.id, wi.key = -1, w
			}
			wi.class |= set.class
			l.vocab[w] = wi
		}
	}
	for k, wi := range l.vocab {
		if l.startsName(wi.id) {
			wi.class |= wStarts
			l.vocab[k] = wi
		}
	}
	l.buildTable()
	l.buildEdges()
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
