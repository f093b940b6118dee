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
	"sort"
	"strings"

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

	numCls      [3]int
	fracCl      int
	approxCl    int
	pointCl     int
	emphasisCl  int
	rangeWords  map[string]bool
	determiners map[string]bool
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
	rules, err := fs.ReadFile(fsys, "data/rules.txt")
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	g, err := compileRules(lex, "rules.txt", string(rules))
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	tg := &Tagger{lex: lex, g: g, opts: opts}
	tg.numCls = [3]int{lex.classes["number"], lex.classes["tens"], lex.classes["multiplier"]}
	tg.fracCl = lex.classes["fraction"]
	tg.approxCl = lex.classes["approx"]
	tg.pointCl = lex.classes["approx-point"]
	tg.emphasisCl = lex.classes["emphasis"]
	tg.rangeWords = map[string]bool{"-": true, "–": true, "—": true, "to": true, "until": true, "till": true,
		"through": true, "and": true, "or": true, "&": true, "/": true, "thru": true}
	tg.determiners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true,
		"their": true, "this": true, "that": true, "our": true, "my": true, "your": true}
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
	sents := make([]sentence, len(d.Sentences))
	m := &matcher{g: tg.g, lex: tg.lex, text: d.Text, numCls: tg.numCls, fracCl: tg.fracCl}
	var buf []byte
	for i := range d.Sentences {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s := &d.Sentences[i]
		if s.Clean.End > len(d.Text) || s.Clean.Start > s.Clean.End {
			return fmt.Errorf("sentence %d lies outside the text", i)
		}
		st := &sents[i]
		st.block = s.Block
		st.ctx.index = i
		if s.Block >= 0 && s.Block < len(d.Blocks) {
			k := d.Blocks[s.Block].Kind
			st.ctx.heading = k == doc.BlockHeading || k == doc.BlockTitle
		}
		st.toks = appendTokens(nil, d.Text[s.Clean.Start:s.Clean.End], s.Clean.Start, tg.lex, buf)
		m.toks = st.toks
		st.exprs = tg.recognise(m, &st.ctx)
	}
	tg.anchor(d, sents)
	return nil
}

// recognise finds the expressions of one sentence.
func (tg *Tagger) recognise(m *matcher, s *sentCtx) []*expr {
	var found []*expr
	for i := range m.toks {
		for _, mt := range m.all(i) {
			mt := mt
			if e, ok := tg.interpret(m, &mt, s); ok {
				found = append(found, e)
				break
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	// Keep the longest of overlapping expressions.
	sort.SliceStable(found, func(a, b int) bool {
		la, lb := found[a].to-found[a].from, found[b].to-found[b].from
		if la != lb {
			return la > lb
		}
		return found[a].from < found[b].from
	})
	var kept []*expr
	for _, e := range found {
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
	sort.Slice(kept, func(a, b int) bool { return kept[a].from < kept[b].from })
	kept = tg.ranges(m, kept)
	for _, e := range kept {
		tg.extendPrefix(m, e, kept)
	}
	tg.markAttributive(m, kept)
	return kept
}

// connectorBetween reports whether the tokens between a and b (a before b)
// are one range connector, and returns its text.
func (tg *Tagger) connectorBetween(m *matcher, aEnd, bFrom int) (string, bool) {
	if bFrom-aEnd != 1 {
		return "", false
	}
	w := strings.ToLower(m.tokText(aEnd))
	if m.toks[aEnd].id >= 0 {
		w = tg.lex.names[m.toks[aEnd].id]
	}
	return w, tg.rangeWords[w]
}

// ranges links the two ends of a range ("1930–1932", "August–September
// 1933", "from May to July 1940") so that an incomplete end borrows from
// the other, and makes expressions of bare numbers at one end of a range
// ("6–7 February", "1933–34", "twelve to eighteen months").
func (tg *Tagger) ranges(m *matcher, es []*expr) []*expr {
	var out []*expr
	for i := 0; i < len(es); i++ {
		e := es[i]
		// A bare number before a connector and an expression: the start of
		// a range whose end says what the number is.
		if e.from >= 2 {
			if w, ok := tg.connectorBetween(m, e.from-2, e.from); ok && w != "or" {
				if n := tg.bareStart(m, e, e.from-2, out); n != nil {
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
	if b.mod == "APPROX" {
		e.mod = b.mod
	}
	link(e, b)
	return e
}

// bareEnd makes an expression of a bare number at token at, after a
// connector following a.
func (tg *Tagger) bareEnd(m *matcher, a *expr, at int) *expr {
	t := &m.toks[at]
	if t.kind != tNum || t.flags&(fGrouped|fDecimal) != 0 {
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
	v := t.num
	switch {
	case a.kind == kDate && a.pt.gran == GYear && !a.pt.noYear && a.pt.month == 0 && t.ndig == 2:
		// "1933–34"
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
		e.pt = a.pt
		e.pt.year = y
	case a.kind == kDate && a.pt.gran == GDay && a.pt.day > 0 && t.ndig <= 2 && v > a.pt.day && v <= 31 && a.hol == "":
		// "April 6–7", "May 4 and 5"
		e.pt = a.pt
		e.pt.day = v
		e.yy = a.yy
	default:
		return nil
	}
	if a.mod == "APPROX" {
		e.mod = a.mod
	}
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
			if cl == tg.approxCl && (e.kind == kSet || e.kind == kRef) {
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

// markAttributive marks expressions that must not move the narrative: a
// year used as a modifier ("the 1931 extension", "his 1940 book") and
// anything inside parentheses ("(which first appeared in 1926)").
func (tg *Tagger) markAttributive(m *matcher, es []*expr) {
	if len(es) == 0 {
		return
	}
	depth := 0
	k := 0
	for i := range m.toks {
		for k < len(es) && es[k].from == i {
			if depth > 0 {
				es[k].noUpdate = true
			}
			k++
		}
		switch m.tokText(i) {
		case "(", "[":
			depth++
		case ")", "]":
			if depth > 0 {
				depth--
			}
		}
	}
	for _, e := range es {
		if e.kind != kDate || e.pt.gran != GYear || e.pt.noYear || e.from == 0 || e.to >= len(m.toks) {
			continue
		}
		p := strings.ToLower(m.tokText(e.from - 1))
		n := &m.toks[e.to]
		if tg.determiners[p] && n.kind == tWord && !tg.inClass(n, "era-bc") && !tg.inClass(n, "era-ad") {
			e.noUpdate = true
		}
	}
}
