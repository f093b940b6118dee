package timex

import (
	"sort"
	"strconv"
)

const maxSlots = 16

// capture is what one slot of a rule matched.
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
	caps     [maxSlots]capture
}

func (m *match) slot(name string) *capture {
	for i, n := range m.rule.slots {
		if n == name && m.caps[i].set {
			return &m.caps[i]
		}
	}
	return nil
}

// matcher runs the grammar over the tokens of one sentence.
type matcher struct {
	g      *grammar
	lex    *lexicon
	text   string // the document text tokens point into
	toks   []token
	out    []match
	phr    []phrase
	cands  []*prog
	numCls [3]int // number, tens, multiplier classes
	fracCl int
}

func (m *matcher) tokText(i int) string { return m.text[m.toks[i].start:m.toks[i].end] }

// candidates lists the sequences that may start at token i.
func (m *matcher) candidates(i int) []*prog {
	m.cands = m.cands[:0]
	t := &m.toks[i]
	if t.id >= 0 {
		m.cands = append(m.cands, m.g.byWord[t.id]...)
		for _, c := range m.lex.starts[t.id] {
			m.cands = append(m.cands, m.g.byClass[c]...)
		}
	}
	for b := builtin(0); b < nBuiltins; b++ {
		if len(m.g.byBuiltin[b]) > 0 && m.canStart(b, t) {
			m.cands = append(m.cands, m.g.byBuiltin[b]...)
		}
	}
	return m.cands
}

func (m *matcher) canStart(b builtin, t *token) bool {
	switch b {
	case bDay:
		return t.kind == tNum || t.kind == tOrd
	case bDecade:
		return t.kind == tDecade
	case bNum:
		if t.kind == tNum {
			return true
		}
		if t.id < 0 {
			return false
		}
		for _, c := range m.lex.starts[t.id] {
			if c == m.numCls[0] || c == m.numCls[1] {
				return true
			}
		}
		return false
	}
	return t.kind == tNum
}

// all collects every complete match starting at token i.
func (m *matcher) all(i int) []match {
	m.out = m.out[:0]
	cands := m.candidates(i)
	for k, pr := range cands {
		dup := false
		for _, q := range cands[:k] {
			if q == pr {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		var caps [maxSlots]capture
		m.run(pr, 0, i, i, &caps)
	}
	// Longest first, then rule order.
	sort.SliceStable(m.out, func(a, b int) bool {
		la, lb := m.out[a].to-m.out[a].from, m.out[b].to-m.out[b].from
		if la != lb {
			return la > lb
		}
		return m.out[a].rule.index < m.out[b].rule.index
	})
	return m.out
}

// run executes program pr from instruction pc at token i.
func (m *matcher) run(pr *prog, pc, start, i int, caps *[maxSlots]capture) {
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
			m.run(pr, in.x, start, i, caps)
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
			m.step(pr, pc, a, start, i, i+1, "", 0, nil, caps)
		case aBuiltin:
			end, val, num, ok := m.builtin(builtin(a.id), i)
			if !ok {
				return
			}
			m.step(pr, pc, a, start, i, end, val, num, nil, caps)
		case aClass:
			if m.toks[i].id < 0 {
				return
			}
			var buf [4]phrase
			ps := m.lex.matchClass(int(a.id), m.toks, i, buf[:0])
			for _, p := range ps {
				m.step(pr, pc, a, start, i, p.end, p.e.value, 0, p.e, caps)
			}
		}
		return
	}
}

// step records the capture of atom a over tokens [i, end) and runs on.
func (m *matcher) step(pr *prog, pc int, a atom, start, i, end int, val string, num float64, e *entry, caps *[maxSlots]capture) {
	if a.slot < 0 {
		m.run(pr, pc+1, start, end, caps)
		return
	}
	if a.kind == aWord {
		val = m.tokText(i)
	}
	saved := caps[a.slot]
	c := &caps[a.slot]
	if c.set {
		// A slot fed by several atoms spans them all and keeps the
		// first value.
		c.to = end
	} else {
		*c = capture{set: true, from: i, to: end, val: val, num: num, e: e}
	}
	m.run(pr, pc+1, start, end, caps)
	caps[a.slot] = saved
}

// builtin runs a number matcher at token i.
func (m *matcher) builtin(b builtin, i int) (end int, val string, num float64, ok bool) {
	t := &m.toks[i]
	plain := t.kind == tNum && t.flags&(fGrouped|fDecimal) == 0
	switch b {
	case bYear:
		if plain && t.ndig == 4 && t.num >= 1000 && t.num <= 2099 {
			return i + 1, m.tokText(i), float64(t.num), true
		}
	case bYearNum:
		if plain && t.ndig <= 4 && t.num >= 1 {
			return i + 1, strconv.Itoa(t.num), float64(t.num), true
		}
	case bYY:
		if plain && t.ndig == 2 {
			return i + 1, m.tokText(i), float64(t.num), true
		}
	case bDay:
		if (plain && t.ndig <= 2 || t.kind == tOrd) && t.num >= 1 && t.num <= 31 {
			return i + 1, strconv.Itoa(t.num), float64(t.num), true
		}
	case bInt:
		if plain {
			return i + 1, m.tokText(i), float64(t.num), true
		}
	case bHour:
		if plain && t.ndig <= 2 && t.num <= 24 {
			return i + 1, m.tokText(i), float64(t.num), true
		}
	case bMinute:
		if plain && t.ndig == 2 && t.num <= 59 {
			return i + 1, m.tokText(i), float64(t.num), true
		}
	case bDecade:
		if t.kind == tDecade {
			return i + 1, m.tokText(i), float64(t.num), true
		}
	case bNum:
		if t.kind == tNum {
			if t.flags&fDecimal != 0 {
				f, err := strconv.ParseFloat(m.tokText(i), 64)
				if err != nil {
					return 0, "", 0, false
				}
				return i + 1, m.tokText(i), f, true
			}
			return i + 1, m.tokText(i), float64(t.num), true
		}
		end, v, ok := m.numberWords(i)
		if ok {
			return end, strconv.FormatFloat(v, 'f', -1, 64), v, true
		}
	}
	return 0, "", 0, false
}

// numberWords reads a number written in words from token i: "five",
// "twenty-five", "twenty five", "one hundred", "two thousand".
func (m *matcher) numberWords(i int) (end int, v float64, ok bool) {
	val := func(j, class int) (float64, bool) {
		if j >= len(m.toks) || m.toks[j].id < 0 {
			return 0, false
		}
		n0 := len(m.phr)
		m.phr = m.lex.matchClass(class, m.toks, j, m.phr)
		defer func() { m.phr = m.phr[:n0] }()
		for _, p := range m.phr[n0:] {
			if p.end == j+1 {
				f, err := strconv.ParseFloat(p.e.value, 64)
				return f, err == nil
			}
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
