package timex

import (
	"math"
	"strconv"
	"strings"
)

type exprKind uint8

const (
	kDate     exprKind = iota // a date or time, explicit, partial or relative
	kDuration                 // "five years"
	kSet                      // "per year"
	kRef                      // PRESENT_REF, PAST_REF, FUTURE_REF
)

// expr is a recognised temporal expression before and after anchoring.
type expr struct {
	from, to int // token range in the sentence
	kind     exprKind
	rule     *rule
	mod      string

	// Calendar fields given in the text.
	pt       point // pt.gran is the finest field given; GNone if none
	yy       int   // a two-digit year still needing its century, or -1
	decw     int   // a decade word ("the twenties") still needing its century, or -1
	hol      string
	weekday  int
	tod      string // part of day
	hasClock bool
	hour     int
	minute   int

	// Relative parts.
	hasRel  bool // next/previous/this <unit>
	rel     int
	relUnit Gran
	refUnit bool // "this time": the narrative time at its own granularity
	shift   bool // n units later/earlier
	shiftN  float64
	shiftU  string // duration unit code
	vague   bool   // the count is vague ("a few")
	dir     int

	narrative bool // "now" in past-tense prose stands for the narrative time
	// eraContext: a short bare number taken for a year only when the
	// story is in the first millennium or before the common era.
	eraContext bool

	// Durations, sets and refs carry their value directly.
	value string
	quant string
	freq  string

	// Results of anchoring.
	typ      string
	val      string
	anchor   string
	resolved bool
	dropped  bool // found to be no expression after all (see eraContext)
	noUpdate bool // does not move the narrative (attributive, in parentheses)
	// aside: the end of a span ("lasted until July 1794"); it does not move
	// the story, but a partial date right after it may fall in it.
	aside   bool
	bare    bool // a bare number made an expression by the other end of its range
	partner *expr
}

// unitGran maps a duration unit code to the granularity of a date.
func unitGran(u string) Gran {
	switch u {
	case "D":
		return GDay
	case "W", "2W":
		return GWeek
	case "M":
		return GMonth
	case "Y":
		return GYear
	case "DE":
		return GDecade
	case "CE":
		return GCentury
	case "ML":
		return GMillennium
	case "H", "MIN", "S":
		return GHour
	}
	return GNone
}

// unitOf reads the unit of a capture: a unit-list entry, or a literal
// unit word captured directly.
func unitOf(c *capture) string {
	if c == nil {
		return ""
	}
	if c.e != nil {
		u := c.e.value
		if c.e.has("time") && u == "M" {
			return "MIN"
		}
		return u
	}
	switch strings.ToLower(c.val) {
	case "day", "days":
		return "D"
	case "week", "weeks":
		return "W"
	case "month", "months":
		return "M"
	case "year", "years":
		return "Y"
	case "decade", "decades":
		return "DE"
	case "century", "centuries":
		return "CE"
	}
	return c.val
}

// countOf reads a number slot: digits, words, "a", "half", a fraction.
func countOf(c *capture) (float64, bool) {
	if c == nil {
		return 0, false
	}
	switch strings.ToLower(c.val) {
	case "a", "an", "one":
		return 1, true
	case "half":
		return 0.5, true
	case "other":
		return 2, true
	}
	if c.num != 0 {
		return c.num, true
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(c.val, ",", ""), 64)
	return f, err == nil
}

func dirOf(s string) int {
	switch strings.ToLower(s) {
	case "+", "after", "on", "later", "following", "afterwards", "+1":
		return 1
	case "-", "before", "earlier", "ago", "-1":
		return -1
	}
	return 0
}

// interpret runs the action of match mt, building the expression in e
// (whatever e held before is overwritten); it returns false when a guard
// rejects the match.
func (tg *Tagger) interpret(m *matcher, mt *match, sent *sentCtx, e *expr) (*expr, bool) {
	r := mt.rule
	m.resetViews()
	if w := r.param("when"); w != "" && w != tg.opts.Convention {
		return nil, false
	}
	if g := r.param("guard"); g != "" && !tg.guard(g, m, mt, sent) {
		return nil, false
	}
	*e = expr{from: mt.from, to: mt.to, rule: r, yy: -1, decw: -1}
	get := func(name string) *capture {
		if r.names&nameBit(name) == 0 {
			return nil
		}
		for i, n := range r.slots {
			if n == name {
				if mt.caps[i].set {
					return m.view(mt, i)
				}
				break
			}
		}
		for k := range r.params {
			if r.params[k].k == name {
				return m.paramView(r, k)
			}
		}
		return nil
	}
	switch r.action {
	case "ref":
		c := get("val")
		if c == nil {
			return nil, false
		}
		e.kind = kRef
		e.value = c.val
		e.narrative = c.e != nil && c.e.has("narrative")
		return e, true
	case "set":
		return tg.setExpr(e, get)
	case "duration":
		return tg.durationExpr(e, get)
	}
	return tg.dateExpr(e, get, m)
}

func (tg *Tagger) setExpr(e *expr, get func(string) *capture) (*expr, bool) {
	e.kind = kSet
	if c := get("val"); c != nil {
		e.value = c.val
		return e, true
	}
	if c := get("wd"); c != nil {
		e.value = "XXXX-WXX-" + c.val
		e.quant = "EVERY"
		return e, true
	}
	n := 1.0
	if c := get("n"); c != nil {
		if v, ok := countOf(c); ok {
			n = v
		}
	}
	if c := get("q"); c != nil {
		if c.val == "/" {
			e.from++ // "3.14/day": the slash is no part of the expression
		}
		switch strings.ToLower(c.val) {
		case "each", "every":
			e.quant = "EACH"
			if strings.EqualFold(c.val, "every") {
				e.quant = "EVERY"
			}
		}
	}
	if c := get("tod"); c != nil {
		e.value = "XXXX-XX-XXT" + c.val
		return e, true
	}
	u := unitOf(get("unit"))
	if u == "" {
		return nil, false
	}
	e.value = durationValue(n, u, false)
	if c := get("freq"); c != nil {
		e.freq = c.val
	}
	return e, true
}

func (tg *Tagger) durationExpr(e *expr, get func(string) *capture) (*expr, bool) {
	e.kind = kDuration
	u := unitOf(get("unit"))
	if u == "" {
		return nil, false
	}
	vague := false
	n := 1.0
	if c := get("n"); c != nil {
		v, ok := countOf(c)
		if !ok {
			return nil, false
		}
		n = v
	} else if get("q") != nil {
		vague = true
	}
	if get("half") != nil {
		n += 0.5
	}
	if n <= 0 && !vague {
		return nil, false
	}
	e.value = durationValue(n, u, vague)
	return e, true
}

// durationValue writes a TIMEX3 duration: P5Y, PT10H, P2.5M, PXY. Decades,
// centuries and millennia are written in years, fortnights in weeks.
func durationValue(n float64, u string, vague bool) string {
	switch u {
	case "DE":
		n, u = n*10, "Y"
	case "CE":
		n, u = n*100, "Y"
	case "ML":
		n, u = n*1000, "Y"
	case "2W":
		n, u = n*2, "W"
	}
	// Fractions of a year or a month read better in smaller units.
	if !vague && n != math.Trunc(n) {
		switch u {
		case "Y":
			if m := n * 12; m == math.Trunc(m) {
				n, u = m, "M"
			}
		case "D":
			if h := n * 24; h == math.Trunc(h) {
				n, u = h, "H"
			}
		}
	}
	num := "X"
	if !vague {
		num = strconv.FormatFloat(n, 'f', -1, 64)
	}
	switch u {
	case "H", "MIN", "S":
		if u == "MIN" {
			u = "M"
		}
		return "PT" + num + u
	}
	return "P" + num + u
}

func (tg *Tagger) dateExpr(e *expr, get func(string) *capture, m *matcher) (*expr, bool) {
	e.kind = kDate
	p := &e.pt
	p.noYear = true
	atoi := func(c *capture) int {
		if c == nil {
			return 0
		}
		if c.num != 0 {
			return int(c.num)
		}
		v, _ := strconv.Atoi(c.val)
		return v
	}
	finer := func(g Gran) {
		if g > p.gran {
			p.gran = g
		}
	}
	if c := get("era"); c != nil && c.e != nil && tg.lex.cnames[c.e.class] == "era-bc" {
		p.bc = true
	}
	if c := get("y"); c != nil {
		p.year = atoi(c)
		p.noYear = false
		finer(GYear)
	}
	if c := get("full"); c != nil {
		pv, ok := parseValue(c.val)
		if !ok || pv.ref || pv.duration {
			return nil, false
		}
		*p = pv.p
	}
	if e.rule.param("guard") == "short-year" {
		e.eraContext = true
	}
	if c := get("yy"); c != nil {
		e.yy = atoi(c)
		finer(GYear)
	}
	if c := get("cent"); c != nil {
		n := atoi(c)
		if n < 1 || n > 30 {
			return nil, false
		}
		p.year = (n - 1) * 100
		p.noYear = false
		p.gran = GCentury
	}
	if c := get("dec"); c != nil {
		t := m.toks[c.from]
		if c.from+1 < c.to {
			t = m.toks[c.to-1]
		}
		switch {
		case t.ndig == 4 && t.num%100 == 0 && !p.bc:
			// "the 1800s" is the nineteenth century.
			p.year, p.gran = int(t.num), GCentury
			p.noYear = false
		case t.ndig == 3 || t.ndig == 4:
			p.year, p.gran = int(t.num), GDecade
			p.noYear = false
		case t.ndig == 2:
			e.decw = int(t.num)
			p.gran = GDecade
		default:
			return nil, false
		}
	}
	if c := get("decw"); c != nil {
		e.decw = atoi(c)
		p.gran = GDecade
	}
	if c := get("m"); c != nil {
		p.month = atoi(c)
		finer(GMonth)
	}
	if c := get("d"); c != nil {
		p.day = atoi(c)
		if p.day < 1 || p.day > 31 {
			return nil, false
		}
		finer(GDay)
	}
	if c := get("season"); c != nil {
		p.season = c.val
		finer(GSeason)
	}
	if c := get("half"); c != nil {
		p.part = atoi(c)
		finer(GHalf)
	}
	if c := get("quarter"); c != nil {
		p.part = atoi(c)
		finer(GQuarter)
	}
	if c := get("hol"); c != nil {
		e.hol = c.val
		finer(GDay)
	}
	if c := get("wd"); c != nil {
		e.weekday = atoi(c)
		if p.gran == GNone {
			p.gran = GDay
		}
	}
	if c := get("part"); c != nil {
		e.mod = c.val
		if !knownMods[e.mod] {
			return nil, false // a rule captured a word, not a mod
		}
	}
	if c := get("tod"); c != nil {
		e.tod = c.val
		finer(GPartOfDay)
	}
	if c := get("clock"); c != nil {
		h, mm, _ := strings.Cut(c.val, ":")
		e.hour, _ = strconv.Atoi(h)
		e.minute, _ = strconv.Atoi(mm)
		e.hasClock = true
		finer(GMinute)
	}
	if c := get("hh"); c != nil {
		h := atoi(c)
		if c.e != nil { // a number word
			h, _ = strconv.Atoi(c.e.value)
		}
		e.hour = h
		if c := get("mm"); c != nil {
			e.minute = atoi(c)
		}
		if c := get("ampm"); c != nil {
			if e.hour > 12 || e.hour == 0 {
				return nil, false
			}
			if c.val == "PM" && e.hour < 12 {
				e.hour += 12
			}
			if c.val == "AM" && e.hour == 12 {
				e.hour = 0
			}
		}
		if e.hour > 24 {
			return nil, false
		}
		e.hasClock = true
		finer(GMinute)
	}
	if c := get("hhmm"); c != nil {
		n := atoi(c)
		e.hour, e.minute, e.hasClock = n/100, n%100, true
		finer(GMinute)
	}
	if c := get("rel"); c != nil {
		e.hasRel = true
		switch c.val {
		case "+1":
			e.rel = 1
		case "-1":
			e.rel = -1
		}
	}
	if c := get("unit"); c != nil {
		u := unitOf(c)
		if u == "ref" {
			e.refUnit = true
		} else if e.hasRel || get("dir") == nil {
			e.relUnit = unitGran(u)
			if e.relUnit == GNone {
				return nil, false
			}
		}
		e.shiftU = u
	}
	if c := get("dir"); c != nil {
		e.dir = dirOf(c.val)
		if e.dir == 0 {
			e.dir = dirOf(c.e.valueOr(c.val))
		}
		if get("rel") == nil {
			// "two days later", "weeks earlier"
			e.shift = true
			n := 1.0
			if c := get("n"); c != nil {
				if v, ok := countOf(c); ok {
					n = v
				}
			} else {
				e.vague = true
			}
			if get("q") != nil {
				e.vague = true
			}
			if get("half") != nil {
				n += 0.5
			}
			e.shiftN = n
			if e.shiftU == "" || e.dir == 0 {
				return nil, false
			}
		}
	}
	if !e.shift && !e.hasRel && !e.refUnit && p.gran == GNone && e.weekday == 0 {
		return nil, false
	}
	return e, true
}

// knownMods are the TIMEX3 mods a rule may set.
var knownMods = map[string]bool{"": true, "START": true, "MID": true, "END": true, "APPROX": true,
	"LESS_THAN": true, "MORE_THAN": true, "EQUAL_OR_LESS": true, "EQUAL_OR_MORE": true, "BEFORE": true,
	"AFTER": true, "ON_OR_BEFORE": true, "ON_OR_AFTER": true}

func (en *entry) valueOr(s string) string {
	if en == nil {
		return s
	}
	return en.value
}
