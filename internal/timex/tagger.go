// Package timex finds the temporal expressions of a history text and
// normalises them to TIMEX3 values, anchoring partial and relative ones in
// the narrative: a reference time follows the text sentence by sentence,
// section headings that carry a period give context to their section, and
// "On September 17" in a 1939 paragraph becomes 1939-09-17.
//
// Recognition is rule-based. The word lists (months, numbers, seasons,
// holidays, signal words ...) and the patterns are data files embedded from
// data/, in a format documented in data/README.md, so that they can be
// extended without touching Go. The text is cut into tokens once; each
// token looks up its word id in one map, and only the patterns that can
// start with that word or its lists are tried.
package timex

import (
	"context"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Conventions of annotation.
const (
	// ConventionTIMEX3 follows TimeML / TempEval-3 and chronicle's output
	// contract: the default.
	ConventionTIMEX3 = "timex3"
	// ConventionTIMEX2 follows the TIMEX2 guidelines (ACE, WikiWars): it
	// also marks adjectives such as "former" and "current" and phrases
	// such as "this period", and "now" is always PRESENT_REF.
	ConventionTIMEX2 = "timex2"
)

// Options tune the tagger.
type Options struct {
	// Convention is ConventionTIMEX3 (default) or ConventionTIMEX2.
	Convention string
}

func (o Options) timex2() bool { return o.Convention == ConventionTIMEX2 }

// Tagger finds and normalises temporal expressions. It is safe for
// concurrent use: all its tables are read-only after New.
type Tagger struct {
	lex  *lexicon
	g    *grammar
	opts Options

	numCls     [3]int
	fracCl     int
	approxCl   int
	pointCl    int
	emphasisCl int
	rangeWords map[string]bool
	// wflag holds, per word id, what markAttributive looks for.
	wflag                   []uint8
	idBy, idBefore, idComma int32
	// scratch pools working memory between documents (it makes the
	// Tagger no less safe for concurrent use).
	scratch sync.Pool
}

// Word flags.
const (
	wIrrealis   uint8 = 1 << iota // would, planned ...
	wBound                        // since, until ...
	wDeterminer                   // the, his ...
	wClauseEnd                    // ; . :
	wOpen                         // ( [
	wClose                        // ) ]
	wUntil                        // until, till: the end of a span
)

func (tg *Tagger) flagOf(t *token) uint8 {
	if t.id < 0 || int(t.id) >= len(tg.wflag) {
		return 0
	}
	return tg.wflag[t.id]
}

// New builds a tagger from the embedded word lists and rules.
func New(opts Options) (*Tagger, error) {
	return NewFromFS(dataFS, opts)
}

// NewFromFS builds a tagger from the data/ folder of fsys (the embedded
// one, or a historian's extended copy).
func NewFromFS(fsys fs.FS, opts Options) (*Tagger, error) {
	switch opts.Convention {
	case "":
		opts.Convention = ConventionTIMEX3
	case ConventionTIMEX3, ConventionTIMEX2:
	default:
		return nil, fmt.Errorf("timex: unknown convention %q (want %s or %s)", opts.Convention, ConventionTIMEX3, ConventionTIMEX2)
	}
	lex, err := loadLexicon(fsys)
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	for _, c := range []string{"number", "tens", "multiplier", "fraction", "approx", "approx-point", "emphasis",
		"month", "season", "unit", "units", "ordinal", "part-adj", "part-noun", "this", "next", "later", "earlier",
		"not-year-before", "not-year-after", "month-signal", "era-bc", "era-ad", "holiday", "daypart", "clock", "ref"} {
		if _, ok := lex.classes[c]; !ok {
			return nil, fmt.Errorf("timex: word list [%s] missing from data/", c)
		}
	}
	// Words the tagger itself looks at get ids before the rules are
	// indexed, so that checks compare ids, not strings.
	wflags := map[string]uint8{}
	for _, w := range []string{"would", "could", "might", "will", "shall", "planned", "plan", "plans", "planning",
		"expected", "scheduled", "intended", "hoped", "proposed", "projected", "envisaged", "predicted"} {
		wflags[w] |= wIrrealis
	}
	wflags["since"] |= wBound
	for _, w := range []string{"until", "till", "til"} {
		wflags[w] |= wBound | wUntil
	}
	for _, w := range []string{"the", "a", "an", "his", "her", "its", "their", "this", "that", "our", "my", "your"} {
		wflags[w] |= wDeterminer
	}
	for _, w := range []string{";", ".", ":"} {
		wflags[w] |= wClauseEnd
	}
	wflags["("] |= wOpen
	wflags["["] |= wOpen
	wflags[")"] |= wClose
	wflags["]"] |= wClose
	for w := range wflags {
		lex.word(w)
	}
	for _, w := range []string{"by", "before", ","} {
		lex.word(w)
	}
	rules, err := fs.ReadFile(fsys, "data/rules.txt")
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	g, err := compileRules(lex, "rules.txt", string(rules))
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	for _, r := range g.rules {
		if gd := r.param("guard"); gd != "" && !guardNames[gd] {
			return nil, fmt.Errorf("timex: rules.txt:%d: rule %s: unknown guard %q", r.line, r.name, gd)
		}
		if w := r.param("when"); w != "" && w != ConventionTIMEX2 && w != ConventionTIMEX3 {
			return nil, fmt.Errorf("timex: rules.txt:%d: rule %s: unknown convention %q", r.line, r.name, w)
		}
	}
	lex.buildTable()
	tg := &Tagger{lex: lex, g: g, opts: opts}
	tg.wflag = make([]uint8, len(lex.names))
	for w, f := range wflags {
		tg.wflag[lex.words[w]] = f
	}
	tg.idBy, tg.idBefore, tg.idComma = lex.words["by"], lex.words["before"], lex.words[","]
	tg.numCls = [3]int{lex.classes["number"], lex.classes["tens"], lex.classes["multiplier"]}
	tg.fracCl = lex.classes["fraction"]
	tg.approxCl = lex.classes["approx"]
	tg.pointCl = lex.classes["approx-point"]
	tg.emphasisCl = lex.classes["emphasis"]
	tg.rangeWords = map[string]bool{"-": true, "–": true, "—": true, "to": true, "until": true, "till": true,
		"through": true, "and": true, "or": true, "&": true, "/": true, "thru": true}
	return tg, nil
}

// Name implements the pipeline's Stage.
func (tg *Tagger) Name() string { return "timex" }

// sentence holds the tokens and expressions of one sentence.
type sentence struct {
	toks  []token
	exprs []*expr
	ctx   sentCtx
	block int
}

// Annotate finds the temporal expressions of d (segmented already) and
// fills d.Timexes, each sentence's RefTime and each section's Period.
func (tg *Tagger) Annotate(ctx context.Context, d *doc.Document) error {
	if len(d.Text) >= math.MaxInt32 {
		return fmt.Errorf("text of %d bytes is too long to tag (the limit is 2 GiB)", len(d.Text))
	}
	for i := range d.Sentences {
		s := &d.Sentences[i]
		if s.Clean.End > len(d.Text) || s.Clean.Start > s.Clean.End || s.Clean.Start < 0 {
			return fmt.Errorf("sentence %d lies outside the text", i)
		}
	}
	// Scratch space (the sentence states, the token array, the matcher's
	// stacks, the timex list) is reused from earlier documents. Tokens
	// are made a paragraph at a time: the anchoring of a sentence looks
	// ahead at the expressions of its paragraph but at no other
	// sentence's tokens, so the token array holds one paragraph, however
	// long the document.
	sc, _ := tg.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{m: &matcher{g: tg.g, lex: tg.lex, numCls: tg.numCls, fracCl: tg.fracCl}}
	}
	defer tg.scratch.Put(sc)
	if cap(sc.sents) < len(d.Sentences) {
		sc.sents = make([]sentence, len(d.Sentences))
	}
	sents := sc.sents[:len(d.Sentences)]
	// Nothing of this document stays in the pool.
	defer clear(sents)
	m := sc.m
	m.text = d.Text
	all, bounds, buf := sc.toks, sc.bounds, sc.buf
	a := tg.newAnchor(d, sents, sc.tx)
	for lo := 0; lo < len(d.Sentences); {
		hi := lo + 1
		for hi < len(d.Sentences) && d.Sentences[hi].Block == d.Sentences[lo].Block {
			hi++
		}
		all, bounds = all[:0], append(bounds[:0], 0)
		for i := lo; i < hi; i++ {
			s := &d.Sentences[i]
			all = appendTokens(all, d.Text[s.Clean.Start:s.Clean.End], s.Clean.Start, tg.lex, &buf)
			bounds = append(bounds, len(all))
		}
		for i := lo; i < hi; i++ {
			if i%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			s := &d.Sentences[i]
			st := &sents[i]
			st.block = s.Block
			st.ctx.index = i
			if s.Block >= 0 && s.Block < len(d.Blocks) {
				k := d.Blocks[s.Block].Kind
				st.ctx.heading = k == doc.BlockHeading || k == doc.BlockTitle
			}
			st.toks = all[bounds[i-lo]:bounds[i-lo+1]:bounds[i-lo+1]]
			m.toks = st.toks
			st.exprs = tg.recognise(m, &st.ctx)
		}
		for i := lo; i < hi; i++ {
			a.sentence(i)
			sents[i].toks = nil // the array is the next paragraph's
			if !sents[i].ctx.heading {
				// Only headings' expressions are read again (for the
				// section periods); the others' slab is the next
				// paragraph's.
				sents[i].exprs = nil
			}
		}
		m.slab.reset()
		lo = hi
	}
	sc.tx = a.finish()
	// The tokens go back to the pool; nothing kept refers to them.
	sc.toks, sc.bounds, sc.buf = all[:0], bounds[:0], buf
	m.toks, m.text = nil, ""
	return nil
}

// exprSlab hands out the expressions of the paragraph being tagged from
// chunks reused paragraph after paragraph, instead of one allocation each.
type exprSlab struct {
	chunks [][]expr
	c, i   int // the next free expression is chunks[c][i]
	// lists holds the sentences' expression lists the same way.
	lists []*expr
}

// list returns an empty list with room for n expressions, valid until
// reset.
func (s *exprSlab) list(n int) []*expr {
	if len(s.lists)+n > cap(s.lists) {
		// Lists handed out keep the old array; the new one serves from
		// here on.
		s.lists = make([]*expr, 0, max(2*cap(s.lists), n, 64))
	}
	l := s.lists[len(s.lists) : len(s.lists) : len(s.lists)+n]
	s.lists = s.lists[:len(s.lists)+n]
	return l
}

func (s *exprSlab) get() *expr {
	if s.c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]expr, 64))
	}
	e := &s.chunks[s.c][s.i]
	if s.i++; s.i == len(s.chunks[s.c]) {
		s.c, s.i = s.c+1, 0
	}
	return e
}

// reset takes every expression back, cleared so that the slab keeps
// nothing of the document alive.
func (s *exprSlab) reset() {
	for c := 0; c < s.c; c++ {
		clear(s.chunks[c])
	}
	if s.c < len(s.chunks) {
		clear(s.chunks[s.c][:s.i])
	}
	s.c, s.i = 0, 0
	clear(s.lists)
	s.lists = s.lists[:0]
}

// scratch is the reusable working memory of one Annotate call.
type scratch struct {
	m      *matcher
	sents  []sentence
	toks   []token
	bounds []int // where each sentence's tokens start in toks
	buf    []byte
	tx     []doc.Timex
}

// recognise finds the expressions of one sentence.
func (tg *Tagger) recognise(m *matcher, s *sentCtx) []*expr {
	found := m.found[:0]
	defer func() { m.found = found[:0] }()
	// Most matches tried are turned down: each is interpreted in one
	// scratch expression, copied out only when it stands.
	var scratch expr
	// Most tokens start no rule: the test is made on locals, without a
	// call.
	toks, wordNone, kindNone := m.toks, m.g.wordNone, &m.g.kindNone
	for i := range toks {
		if t := &toks[i]; !(t.id >= 0 && !wordNone[t.id] || !kindNone[t.kind]) {
			continue
		}
		ms := m.all(i)
		for k := range ms {
			// Nothing interpret does runs the matcher again: the match
			// is read in place.
			if e, ok := tg.interpret(m, &ms[k], s, &scratch); ok {
				var kept *expr
				if s.heading {
					kept = new(expr) // read again for the section periods
				} else {
					kept = m.slab.get()
				}
				*kept = *e
				found = append(found, kept)
				break
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	// Keep the longest of overlapping expressions: try them longest
	// first (stable, so earlier ones first among equals).
	order := append(m.order[:0], found...)
	defer func() { m.order = order[:0] }()
	for a := 1; a < len(order); a++ {
		for b := a; b > 0 && order[b].to-order[b].from > order[b-1].to-order[b-1].from; b-- {
			order[b], order[b-1] = order[b-1], order[b]
		}
	}
	kept := m.kept[:0]
	defer func() { m.kept = kept[:0] }()
	for _, e := range order {
		ok := true
		for _, k := range kept {
			if e.from < k.to && k.from < e.to {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, e)
		}
	}
	for a := 1; a < len(kept); a++ {
		for b := a; b > 0 && kept[b].from < kept[b-1].from; b-- {
			kept[b], kept[b-1] = kept[b-1], kept[b]
		}
	}
	// The sentence's list outlives the scratch lists: it is taken from
	// the paragraph's share (a heading's is its own, kept to the end).
	var dst []*expr
	if !s.heading {
		dst = m.slab.list(3 * len(kept))
	}
	res := tg.ranges(m, kept, dst)
	tg.lists(m, res)
	for _, e := range res {
		tg.extendPrefix(m, e, res)
	}
	if tg.opts.timex2() {
		for k, e := range res {
			limit := len(m.toks)
			if k+1 < len(res) {
				limit = res[k+1].from
			}
			tg.extendOf(m, e, limit)
		}
	}
	// A bare end takes "around" from the other end: "around 1933–34".
	for _, e := range res {
		if e.bare && e.partner != nil && e.mod == "" && e.partner.mod == "APPROX" {
			e.mod = "APPROX"
		}
	}
	tg.markAttributive(m, res)
	return res
}

// connectorBetween reports whether the tokens between a and b (a before b)
// are one range connector, and returns its text.
func (tg *Tagger) connectorBetween(m *matcher, aEnd, bFrom int) (string, bool) {
	if bFrom-aEnd != 1 {
		return "", false
	}
	w := m.lowerTok(aEnd)
	if m.toks[aEnd].id >= 0 {
		w = tg.lex.names[m.toks[aEnd].id]
	}
	return w, tg.rangeWords[w]
}

// ranges links the two ends of a range ("1930–1932", "August–September
// 1933", "from May to July 1940") so that an incomplete end borrows from
// the other, and makes expressions of bare numbers at one end of a range
// ("6–7 February", "1933–34", "twelve to eighteen months").
//
// The result is appended to out, which must not share es's array.
func (tg *Tagger) ranges(m *matcher, es []*expr, out []*expr) []*expr {
	for i := 0; i < len(es); i++ {
		e := es[i]
		// A bare number before a connector and an expression: the start of
		// a range whose end says what the number is.
		if e.from >= 2 {
			if w, ok := tg.connectorBetween(m, e.from-1, e.from); ok && (w != "or" || e.kind == kDuration) {
				if n := tg.bareStart(m, e, e.from-1, out); n != nil {
					out = append(out, n)
				}
			}
		}
		out = append(out, e)
		// A bare number after a connector: the end of a range.
		if e.to+1 < len(m.toks) && (i+1 >= len(es) || es[i+1].from > e.to+1) {
			if w, ok := tg.connectorBetween(m, e.to, e.to+1); ok && w != "or" {
				if n := tg.bareEnd(m, e, e.to+1); n != nil {
					out = append(out, n)
					// "September 1–3, 1939": the end took the year.
					for i+1 < len(es) && es[i+1].from < n.to {
						i++
					}
					continue
				}
			}
		}
		// Two expressions joined by a connector.
		if i+1 < len(es) {
			b := es[i+1]
			if _, ok := tg.connectorBetween(m, e.to, b.from); ok && e.kind == kDate && b.kind == kDate {
				link(e, b)
			}
		}
	}
	return out
}

// lists lets the dates of a list share the year written once at its end:
// "on September 28, October 5, and October 10, 1939".
func (tg *Tagger) lists(m *matcher, es []*expr) {
	for i := 0; i+1 < len(es); i++ {
		// Find the chain starting at i.
		j := i
		for j+1 < len(es) && es[j].kind == kDate && es[j+1].kind == kDate && tg.listSep(m, es[j].to, es[j+1].from) {
			j++
		}
		if j == i {
			continue
		}
		last := es[j]
		if !last.pt.noYear && last.pt.gran >= GMonth && !last.hasRel && !last.shift {
			for k := i; k < j; k++ {
				e := es[k]
				if e.partner == nil && e.pt.noYear && (e.pt.month > 0 || e.pt.season != "" || e.hol != "") && !e.hasRel && !e.shift {
					e.partner = last
				}
			}
		}
		i = j
	}
}

// listSep reports whether the tokens [from, to) separate two items of a
// list: a comma, "and", "or", a range connector, or a comma and a
// conjunction.
func (tg *Tagger) listSep(m *matcher, from, to int) bool {
	n := to - from
	if n < 1 || n > 2 {
		return false
	}
	w0 := m.lowerTok(from)
	if n == 1 {
		return w0 == "," || tg.rangeWords[w0]
	}
	w1 := m.lowerTok(from + 1)
	return w0 == "," && (w1 == "and" || w1 == "or")
}

// link makes a and b the two ends of one range.
func link(a, b *expr) {
	if a.partner == nil && b.partner == nil {
		a.partner, b.partner = b, a
	}
}

// numberAt reads a bare number ending just before token end (digits or
// number words); it returns the first token and the value.
func (tg *Tagger) numberBefore(m *matcher, end int) (from int, v float64, ok bool) {
	if end <= 0 {
		return 0, 0, false
	}
	t := &m.toks[end-1]
	if t.kind == tNum && t.flags&(fGrouped|fDecimal) == 0 {
		return end - 1, float64(t.num), true
	}
	// Number words: try starts up to three tokens back.
	for k := max(0, end-3); k < end; k++ {
		if e, v, ok := m.numberWords(k); ok && e == end {
			return k, v, true
		}
	}
	return 0, 0, false
}

// bareStart makes an expression of a bare number before a connector at
// token conn, when b (after the connector) shows what the number is.
func (tg *Tagger) bareStart(m *matcher, b *expr, conn int, prev []*expr) *expr {
	if b.kind == kDate && b.pt.gran == GCentury && conn >= 1 {
		// "the eighteenth and nineteenth centuries"
		var buf [2]phrase
		ps := tg.lex.matchClass(tg.lex.classes["ordinal"], m.toks, conn-1, buf[:0])
		for _, p := range ps {
			if p.end != conn {
				continue
			}
			n, err := strconv.Atoi(p.e.value)
			if err != nil || n < 1 || n > 30 {
				return nil
			}
			for _, q := range prev {
				if q.to > conn-1 {
					return nil
				}
			}
			e := &expr{from: conn - 1, to: conn, rule: b.rule, yy: -1, decw: -1, kind: kDate, pt: b.pt, bare: true}
			e.pt.year = (n - 1) * 100
			link(e, b)
			return e
		}
	}
	from, v, ok := tg.numberBefore(m, conn)
	if !ok {
		return nil
	}
	for _, p := range prev {
		if p.to > from {
			return nil
		}
	}
	t := &m.toks[from]
	e := &expr{from: from, to: conn, rule: b.rule, yy: -1, decw: -1}
	switch {
	case b.kind == kDuration && !strings.Contains(b.value, "X"):
		u := durationUnit(b.value)
		if u == "" {
			return nil
		}
		e.kind = kDuration
		e.value = durationValue(v, u, false)
	case b.kind == kDate && b.pt.gran == GDay && b.pt.day > 0 && b.pt.month > 0 && conn-from == 1 && t.kind == tNum && t.ndig <= 2 && v >= 1 && v <= 31 && int(v) < b.pt.day:
		// "6–7 February 1920": the day borrows month and year.
		e.kind = kDate
		e.pt = b.pt
		e.pt.day = int(v)
		e.hol = ""
	case b.kind == kDate && b.pt.gran == GYear && !b.pt.noYear && b.yy < 0 && t.kind == tNum && t.ndig <= 4 && conn-from == 1:
		y := int(v)
		if b.pt.bc && y <= b.pt.year || !b.pt.bc && (y >= b.pt.year || t.ndig < 4) {
			return nil
		}
		e.kind = kDate
		e.pt = b.pt
		e.pt.year = y
	default:
		return nil
	}
	e.bare = true
	link(e, b)
	return e
}

// bareEnd makes an expression of a bare number at token at, after a
// connector following a.
func (tg *Tagger) bareEnd(m *matcher, a *expr, at int) *expr {
	t := &m.toks[at]
	if t.kind != tNum || t.flags&(fGrouped|fDecimal) != 0 || t.flags&fSpace == 0 && m.toks[at-1].flags&fSpace == 0 && at+1 < len(m.toks) && m.tokText(at+1) == "-" {
		return nil
	}
	// The number must end the phrase: "1933–34 the Soviet Union", not
	// "1933–34 men".
	if at+1 < len(m.toks) {
		n := &m.toks[at+1]
		if tg.inClass(n, "not-year-after") || tg.inClass(n, "month") || n.kind == tNum {
			return nil
		}
	}
	e := &expr{from: at, to: at + 1, rule: a.rule, yy: -1, decw: -1, kind: kDate}
	v := int(t.num)
	switch {
	case a.kind == kDate && (a.pt.gran == GYear || a.pt.gran == GSeason) && !a.pt.noYear && a.pt.month == 0 && t.ndig == 2:
		// "1933–34", "the winter of 1941–42"
		y := a.pt.year/100*100 + v
		if y <= a.pt.year {
			y += 100
		}
		if a.pt.bc {
			y = a.pt.year/100*100 + v
			if y >= a.pt.year {
				return nil
			}
		}
		e.pt = point{gran: GYear, year: y, bc: a.pt.bc}
	case a.kind == kDate && a.pt.gran == GDay && a.pt.day > 0 && t.ndig <= 2 && v > a.pt.day && v <= 31 && a.hol == "":
		// "April 6–7", "May 4 and 5"
		e.pt = a.pt
		e.pt.day = v
		e.yy = a.yy
		// "September 1–3, 1939": the year after the end is the range's.
		if at+2 < len(m.toks) && m.tokText(at+1) == "," {
			if y := &m.toks[at+2]; y.kind == tNum && y.ndig == 4 && y.flags&(fGrouped|fDecimal) == 0 && y.num >= 1000 && y.num <= 2099 {
				e.to = at + 3
				e.pt.year, e.pt.noYear = int(y.num), false
			}
		}
	default:
		return nil
	}
	e.bare = true
	link(a, e)
	return e
}

// durationUnit returns the unit code of a simple duration value.
func durationUnit(v string) string {
	if len(v) < 3 || v[0] != 'P' {
		return ""
	}
	last := v[len(v)-1:]
	if strings.HasPrefix(v, "PT") {
		switch last {
		case "H":
			return "H"
		case "M":
			return "MIN"
		case "S":
			return "S"
		}
		return ""
	}
	switch last {
	case "D", "W", "M", "Y":
		return last
	}
	return ""
}

// extendPrefix adds to e the modifier words just before it: "around",
// "almost", "more than", "shortly before", "only", "a mere".
func (tg *Tagger) extendPrefix(m *matcher, e *expr, all []*expr) {
	limit := 0
	for _, o := range all {
		if o != e && o.to <= e.from && o.to > limit {
			limit = o.to
		}
	}
	for {
		grew := false
		for _, cl := range []int{tg.approxCl, tg.pointCl, tg.emphasisCl} {
			if cl == tg.pointCl && e.kind != kDate {
				continue
			}
			if cl == tg.approxCl && e.kind == kDate && !e.shift && !e.vague {
				// "about 1910" takes "about" from the point list; "over"
				// or "under" before a date are prepositions.
				continue
			}
			if cl == tg.approxCl && (e.kind == kSet || e.kind == kRef || strings.EqualFold(m.tokText(e.from), "the")) {
				continue
			}
			if cl == tg.emphasisCl && e.kind != kDuration && !e.shift {
				continue
			}
			for j := max(limit, e.from-4); j < e.from; j++ {
				var buf [4]phrase
				ps := tg.lex.matchClass(cl, m.toks, j, buf[:0])
				for _, p := range ps {
					if p.end != e.from {
						continue
					}
					if cl != tg.emphasisCl && e.mod == "" {
						e.mod = p.e.value
					}
					e.from = j
					grew = true
					break
				}
				if grew {
					break
				}
			}
			if grew {
				break
			}
		}
		if !grew {
			return
		}
	}
}

// extendOf gives a span the event it measures, as the TIMEX2 guidelines
// do: "three weeks [of fighting]", "eight years [of savage warfare]". The
// phrase after "of" runs to a punctuation mark or a word that starts
// something else, for at most eight words.
func (tg *Tagger) extendOf(m *matcher, e *expr, limit int) {
	if e.kind != kDuration || e.to+1 >= limit || m.lowerTok(e.to) != "of" {
		return
	}
	end := e.to + 1
	for end < limit && end-e.to <= 8 {
		t := &m.toks[end]
		w := m.lowerTok(end)
		if t.kind == tPunct && w != "'" && w != "-" || t.kind == tNum || stopOf[w] || t.kind == tWord && len(w) > 4 && strings.HasSuffix(w, "ed") {
			break
		}
		end++
	}
	if end > e.to+1 {
		e.to = end
	}
}

// stopOf are words that end the phrase extendOf takes.
var stopOf = map[string]bool{"in": true, "on": true, "at": true, "to": true, "for": true, "from": true, "with": true,
	"by": true, "when": true, "while": true, "which": true, "that": true, "who": true, "as": true, "than": true,
	"until": true, "before": true, "after": true, "was": true, "were": true, "is": true, "are": true, "had": true,
	"has": true, "have": true, "would": true, "could": true, "will": true, "did": true, "during": true, "into": true}

// markAttributive marks expressions that must not move the narrative: a
// year used as a modifier ("the 1931 extension", "his 1940 book") and
// anything inside parentheses ("(which first appeared in 1926)").
func (tg *Tagger) markAttributive(m *matcher, es []*expr) {
	if len(es) == 0 {
		return
	}
	depth := 0
	k := 0
	// Depth matters only up to the furthest expression's start.
	last := 0
	for _, e := range es {
		last = max(last, e.from)
	}
	for i := range m.toks[:last+1] {
		for k < len(es) && es[k].from == i {
			if depth > 0 {
				es[k].noUpdate = true
			}
			k++
		}
		switch f := tg.flagOf(&m.toks[i]); {
		case f&wOpen != 0:
			depth++
		case f&wClose != 0 && depth > 0:
			depth--
		}
	}
	for _, e := range es {
		if e.kind != kDate || e.from == 0 {
			continue
		}
		// A date bounding or looking back ("since 1995", "until 1991") or
		// planned, hoped or hypothetical ("a planned campaign in 1976")
		// is no point the story reaches.
		switch m.toks[e.from-1].id {
		case tg.idBefore:
			e.noUpdate = true
		case tg.idBy:
			// "in March ... by December": the end of a span the
			// sentence opened, not the story's new point.
			for _, o := range es {
				if o != e && o.kind == kDate && o.to <= e.from {
					e.noUpdate, e.aside = true, true
				}
			}
		}
		for k := e.from - 1; k >= 0 && k >= e.from-8; k-- {
			t := &m.toks[k]
			f := tg.flagOf(t)
			if f&wClauseEnd != 0 || t.id == tg.idComma && k < e.from-1 {
				break
			}
			if f&(wIrrealis|wBound) != 0 {
				e.noUpdate = true
				e.aside = f&wUntil != 0
				break
			}
		}
	}
	for _, e := range es {
		if e.kind != kDate || e.pt.gran != GYear || e.pt.noYear || e.from == 0 || e.to >= len(m.toks) {
			continue
		}
		n := &m.toks[e.to]
		if tg.flagOf(&m.toks[e.from-1])&wDeterminer != 0 && n.kind == tWord && !tg.inClass(n, "era-bc") && !tg.inClass(n, "era-ad") {
			e.noUpdate = true
		}
	}
}
