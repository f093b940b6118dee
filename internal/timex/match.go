package timex

import (
	"strconv"
	"strings"
)

const maxSlots = 12

// rawCap is what one slot of a rule matched, as the matcher records it:
// no pointers, so that copying matches costs the garbage collector
// nothing.
type rawCap struct {
	set      bool
	from, to int32 // token range
	ent      int32 // lexicon entry + 1, 0 for none
	num      float64
}

// capture is a slot as actions read it.
type capture struct {
	set      bool
	from, to int // token range
	val      string
	num      float64
	e        *entry
}

// match is one way a rule matched tokens [from, to).
type match struct {
	rule     *rule
	from, to int
	caps     [maxSlots]rawCap
}

// slot returns what the slot name of mt captured, or nil: the value is
// the list entry's value for a phrase, else the text of the tokens.
func (m *matcher) slot(mt *match, name string) *capture {
	for i, n := range mt.rule.slots {
		if n == name && mt.caps[i].set {
			return m.view(mt, i)
		}
	}
	return nil
}

// view makes the capture of slot i of mt. It is made once per match
// (resetViews forgets them) in the matcher's own array: captures are only
// read, and none outlives the interpretation of its match.
func (m *matcher) view(mt *match, i int) *capture {
	if m.capOK&(1<<i) != 0 {
		return &m.capv[i]
	}
	m.capOK |= 1 << i
	r := &mt.caps[i]
	c := &m.capv[i]
	*c = capture{set: true, from: int(r.from), to: int(r.to), num: r.num}
	if r.ent > 0 {
		c.e = m.lex.ents[r.ent-1]
		c.val = c.e.value
	} else if c.to > c.from {
		c.val = m.text[m.toks[c.from].start:m.toks[c.to-1].end]
		if c.num != 0 && c.to-c.from > 1 || m.toks[c.from].kind == tWord && c.num != 0 {
			// A number in words: its value.
			c.val = strconv.FormatFloat(c.num, 'f', -1, 64)
		}
	}
	return c
}

// matcher runs the grammar over the tokens of one sentence.
type matcher struct {
	g     *grammar
	lex   *lexicon
	text  string // the document text tokens point into
	toks  []token
	out   []match
	phr   []phrase
	cands []*prog
	// cc caches candidates by token pair; candIdx is scratch for the
	// pairs it cannot hold.
	cc      candCache
	candIdx []int32
	numCls  [3]int // number, tens, multiplier classes
	fracCl  int
	// seen stamps rules already among the candidates of a token, so that
	// a rule reachable by several first words is tried once.
	seen  []uint32
	stamp uint32
	// slab holds the expressions of the paragraph being tagged.
	slab exprSlab
	// capv holds the captures of the match being interpreted by slot,
	// capOK which of them are made; pcap the captures of rule
	// parameters, by parameter.
	// found, order and kept are recognise's scratch lists.
	found, order, kept []*expr

	capv  [maxSlots]capture
	capOK uint16
	pcap  []capture
}

// resetViews forgets the captures of the previous match.
func (m *matcher) resetViews() { m.capOK = 0 }

// paramView is the capture of parameter k of r, made in the matcher.
func (m *matcher) paramView(r *rule, k int) *capture {
	for len(m.pcap) < len(r.params) {
		m.pcap = append(m.pcap, capture{})
	}
	c := &m.pcap[k]
	*c = capture{set: true, val: r.params[k].v}
	return c
}

func (m *matcher) tokText(i int) string { return m.text[m.toks[i].start:m.toks[i].end] }

// lowerTok is strings.ToLower of token i's text: for a word of the
// lexicon its name (the lexicon's key is the lower-cased word), without
// building a copy.
func (m *matcher) lowerTok(i int) string {
	if t := &m.toks[i]; t.kind == tWord && t.id >= 0 {
		return m.lex.names[t.id]
	}
	return strings.ToLower(m.tokText(i))
}

// candCache remembers the candidates of the token pairs seen: they
// depend only on the two tokens' word ids and kinds (and whether a line
// break parts them), and a few pairs ("of the", ", and", "in 1939") make
// most of a text. Direct-mapped; the rule indexes are kept without
// pointers.
type candCache struct {
	keys  []uint64 // 0 for an empty slot
	spans []candSpan
	store []int32 // rule indexes
}

type candSpan struct{ off, n int32 }

const (
	candCacheSize  = 1 << 12
	candStoreLimit = 1 << 16
)

// candKey packs what the candidates of token i depend on; ok is false
// when the ids are too large to pack.
func (m *matcher) candKey(i int) (uint64, bool) {
	t := &m.toks[i]
	a := uint64(uint32(t.id + 1))
	if a >= 1<<20 {
		return 0, false
	}
	k := a | uint64(t.kind)<<20 | 1<<63
	if i+1 < len(m.toks) && m.toks[i+1].flags&fNewline == 0 {
		nt := &m.toks[i+1]
		b := uint64(uint32(nt.id + 1))
		if b >= 1<<20 {
			return 0, false
		}
		k |= b<<24 | uint64(nt.kind)<<44 | 1<<48
	}
	return k, true
}

// mayStart reports whether some rule may start at token i: most tokens
// start none at all.
func (m *matcher) mayStart(i int) bool {
	t := &m.toks[i]
	return t.id >= 0 && !m.g.wordNone[t.id] || !m.g.kindNone[t.kind]
}

// cachedCandidates lists the rules worth trying at token i (as rule
// indexes), from the cache or from candidates.
func (m *matcher) cachedCandidates(i int) []int32 {
	if !m.mayStart(i) {
		return nil
	}
	key, ok := m.candKey(i)
	c := &m.cc
	if !ok {
		m.candIdx = m.candIdx[:0]
		for _, p := range m.candidates(i) {
			m.candIdx = append(m.candIdx, int32(p.rule.index))
		}
		return m.candIdx
	}
	if c.keys == nil {
		c.keys = make([]uint64, candCacheSize)
		c.spans = make([]candSpan, candCacheSize)
	}
	slot := (key * 0x9E3779B97F4A7C15) >> (64 - 12)
	if c.keys[slot] == key {
		sp := c.spans[slot]
		return c.store[sp.off : sp.off+sp.n : sp.off+sp.n]
	}
	ps := m.candidates(i)
	if len(c.store)+len(ps) > candStoreLimit {
		clear(c.keys)
		c.store = c.store[:0]
	}
	off := len(c.store)
	for _, p := range ps {
		c.store = append(c.store, int32(p.rule.index))
	}
	c.keys[slot] = key
	c.spans[slot] = candSpan{int32(off), int32(len(ps))}
	return c.store[off:len(c.store):len(c.store)]
}

// candidates lists the rules worth trying at token i.
func (m *matcher) candidates(i int) []*prog {
	m.cands = m.cands[:0]
	t := &m.toks[i]
	var sets [2]*candSet
	n := 0
	if t.id >= 0 && !m.g.forWord[t.id].empty {
		sets[n] = &m.g.forWord[t.id]
		n++
	}
	if k := &m.g.forKind[t.kind]; !k.empty {
		sets[n] = k
		n++
	}
	if n == 0 {
		return m.cands
	}
	if len(m.seen) < len(m.g.rules) {
		m.seen = make([]uint32, len(m.g.rules))
	}
	m.stamp++
	if m.stamp == 0 {
		clear(m.seen)
		m.stamp = 1
	}
	var nt *token
	if i+1 < len(m.toks) && m.toks[i+1].flags&fNewline == 0 {
		nt = &m.toks[i+1]
	}
	for _, cs := range sets[:n] {
		m.add(cs.always)
		if nt == nil {
			continue
		}
		if nt.id >= 0 {
			if cs.byWord != nil {
				m.add(cs.byWord[nt.id])
			}
			if cs.byClass != nil {
				for _, c := range m.lex.starts[nt.id] {
					m.add(cs.byClass[c])
				}
			}
		}
		m.add(cs.byKind[nt.kind])
		if nt.kind == tWord {
			if len(cs.byNumWord) > 0 && m.mayNumWord(nt) {
				m.add(cs.byNumWord)
			}
			if len(cs.byAdjWord) > 0 && m.mayAdj(nt) {
				m.add(cs.byAdjWord)
			}
		}
	}
	return m.cands
}

// mayNumWord reports whether numberWords may read a number from word
// t: it must start with a number or a tens word of the lists. It looks
// at the word id alone, as the candidate cache keys on it.
func (m *matcher) mayNumWord(t *token) bool {
	if t.id < 0 {
		return false
	}
	for _, h := range m.lex.heads[t.id] {
		if h.class == m.numCls[0] || h.class == m.numCls[1] {
			return true
		}
	}
	return false
}

// mayAdj reports whether the adjective matcher (bAdj) may take word t,
// as far as its word id tells: a word no list starts with.
func (m *matcher) mayAdj(t *token) bool {
	return t.id < 0 || len(m.lex.starts[t.id]) == 0
}

// add appends the rules of ps not yet among the candidates.
func (m *matcher) add(ps []*prog) {
	for _, p := range ps {
		if m.seen[p.rule.index] != m.stamp {
			m.seen[p.rule.index] = m.stamp
			m.cands = append(m.cands, p)
		}
	}
}

// all collects every complete match starting at token i.
func (m *matcher) all(i int) []match {
	m.out = m.out[:0]
	cands := m.cachedCandidates(i)
	if len(cands) == 0 {
		return m.out
	}
	var caps [maxSlots]rawCap
	for _, r := range cands {
		m.run(m.g.progs[r], 0, i, i, &caps)
	}
	// Longest first, then rule order (insertion sort: a handful).
	out := m.out
	for a := 1; a < len(out); a++ {
		for b := a; b > 0 && better(&out[b], &out[b-1]); b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	return m.out
}

// better orders matches: longer first, then earlier rules.
func better(x, y *match) bool {
	lx, ly := x.to-x.from, y.to-y.from
	if lx != ly {
		return lx > ly
	}
	return x.rule.index < y.rule.index
}

// run executes program pr from instruction pc at token i.
func (m *matcher) run(pr *prog, pc, start, i int, caps *[maxSlots]rawCap) {
	for {
		in := &pr.code[pc]
		switch in.op {
		case opMatch:
			if i > start {
				m.out = append(m.out, match{rule: pr.rule, from: start, to: i, caps: *caps})
			}
			return
		case opJmp:
			pc = in.x
			continue
		case opSplit:
			// A branch that starts with a word the token is not (an
			// optional "the", ","): skipped without a call.
			if x := &pr.code[in.x]; x.op != opAtom || m.canStart(x.atom, start, i) {
				m.run(pr, in.x, start, i, caps)
			}
			pc = in.y
			continue
		}
		// opAtom
		if i >= len(m.toks) {
			return
		}
		// A match never crosses a line break.
		if i > start && m.toks[i].flags&fNewline != 0 {
			return
		}
		a := in.atom
		switch a.kind {
		case aWord:
			if m.toks[i].id != a.id {
				return
			}
			if a.slot < 0 {
				// Nothing to capture and one way on: no call.
				pc, i = pc+1, i+1
				continue
			}
			m.step(pr, pc, a, start, i, i+1, 0, nil, caps)
		case aBuiltin:
			end, num, ok := m.builtin(builtin(a.id), i)
			if !ok {
				return
			}
			if a.slot < 0 {
				pc, i = pc+1, end
				continue
			}
			m.step(pr, pc, a, start, i, end, num, nil, caps)
		case aClass:
			if m.toks[i].id < 0 {
				return
			}
			// m.phr is a stack: nested steps push above n1 and pop back.
			n0 := len(m.phr)
			m.phr = m.lex.matchClass(int(a.id), m.toks, i, m.phr)
			n1 := len(m.phr)
			for k := n0; k < n1; k++ {
				p := m.phr[k]
				m.step(pr, pc, a, start, i, p.end, 0, p.e, caps)
			}
			m.phr = m.phr[:n0]
		}
		return
	}
}

// canStart reports whether atom a may match at token i of a match that
// started at start, as far as run would find out before anything else: a
// word must be the token's, a phrase of a list must start with it; a
// number matcher is left to run.
func (m *matcher) canStart(a atom, start, i int) bool {
	if i >= len(m.toks) || i > start && m.toks[i].flags&fNewline != 0 {
		return false
	}
	switch a.kind {
	case aWord:
		return m.toks[i].id == a.id
	case aClass:
		id := m.toks[i].id
		if id < 0 {
			return false
		}
		for _, h := range m.lex.heads[id] {
			if h.class == int(a.id) {
				return true
			}
		}
		return false
	}
	return true
}

// step records the capture of atom a over tokens [i, end) and runs on.
func (m *matcher) step(pr *prog, pc int, a atom, start, i, end int, num float64, e *entry, caps *[maxSlots]rawCap) {
	if a.slot < 0 {
		m.run(pr, pc+1, start, end, caps)
		return
	}
	saved := caps[a.slot]
	c := &caps[a.slot]
	if c.set {
		// A slot fed by several atoms spans them all and keeps the
		// first value.
		c.to = int32(end)
	} else {
		var ent int32
		if e != nil {
			ent = e.id + 1
		}
		*c = rawCap{set: true, from: int32(i), to: int32(end), ent: ent, num: num}
	}
	m.run(pr, pc+1, start, end, caps)
	caps[a.slot] = saved
}

// builtin runs a number matcher at token i.
func (m *matcher) builtin(b builtin, i int) (end int, num float64, ok bool) {
	t := &m.toks[i]
	plain := t.kind == tNum && t.flags&(fGrouped|fDecimal) == 0
	switch b {
	case bYear:
		if plain && t.ndig == 4 && t.num >= 1000 && t.num <= 2099 {
			return i + 1, float64(t.num), true
		}
	case bYearNum:
		if plain && t.ndig <= 4 && t.num >= 1 {
			return i + 1, float64(t.num), true
		}
	case bYY:
		if plain && t.ndig == 2 {
			return i + 1, float64(t.num), true
		}
	case bDay:
		if (plain && t.ndig <= 2 || t.kind == tOrd) && t.num >= 1 && t.num <= 31 {
			return i + 1, float64(t.num), true
		}
	case bInt:
		if plain {
			return i + 1, float64(t.num), true
		}
	case bHour:
		if plain && t.ndig <= 2 && t.num <= 24 {
			return i + 1, float64(t.num), true
		}
	case bMinute:
		if plain && t.ndig == 2 && t.num <= 59 {
			return i + 1, float64(t.num), true
		}
	case bDecade:
		if t.kind == tDecade {
			return i + 1, float64(t.num), true
		}
	case bAdj:
		// An adjective between a count and its unit: a lower-case word
		// of three letters or more that no word list knows.
		if t.kind == tWord && t.flags&fCap == 0 && t.end-t.start >= 3 && (t.id < 0 || len(m.lex.starts[t.id]) == 0) && !stopWords[m.tokText(i)] {
			return i + 1, 0, true
		}
	case bNum:
		if t.kind == tNum {
			if t.flags&fDecimal != 0 {
				f, err := strconv.ParseFloat(m.tokText(i), 64)
				if err != nil {
					return 0, 0, false
				}
				return i + 1, f, true
			}
			return i + 1, float64(t.num), true
		}
		end, v, ok := m.numberWords(i)
		if ok {
			return end, v, true
		}
	}
	return 0, 0, false
}

// numberWords reads a number written in words from token i: "five",
// "twenty-five", "twenty five", "one hundred", "two thousand".
func (m *matcher) numberWords(i int) (end int, v float64, ok bool) {
	// val is the value of token j as a one-word phrase of class: the
	// phrase of it that matchClass would list ending at j+1.
	val := func(j, class int) (float64, bool) {
		if j >= len(m.toks) || m.toks[j].id < 0 {
			return 0, false
		}
		if e := m.lex.single(class, &m.toks[j]); e != nil {
			return e.num, e.numOK
		}
		return 0, false
	}
	j := i
	if tens, ok := val(j, m.numCls[1]); ok {
		v = tens
		j++
		// "twenty-five", "twenty five"
		k := j
		if k < len(m.toks) && m.tokText(k) == "-" && m.toks[k].flags&fSpace == 0 {
			k++
		}
		if u, ok := val(k, m.numCls[0]); ok && u > 0 && u < 10 {
			v += u
			j = k + 1
		}
	} else if u, ok := val(j, m.numCls[0]); ok {
		v = u
		j++
	} else {
		return 0, 0, false
	}
	if mult, ok := val(j, m.numCls[2]); ok {
		v *= mult
		j++
	}
	return j, v, true
}

// stopWords are words that never stand between a count and its unit.
var stopWords = map[string]bool{"and": true, "the": true, "for": true, "but": true, "with": true, "from": true,
	"into": true, "than": true, "that": true, "this": true, "were": true, "was": true, "had": true, "have": true,
	"has": true, "are": true, "his": true, "her": true, "its": true, "their": true, "not": true, "out": true}
