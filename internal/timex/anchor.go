package timex

import (
	"strings"
	"time"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// narrative is the reference time that follows the text: the date the
// story has reached, which completes partial dates and anchors relative
// ones. The document's creation time plays no part: a history text is
// dated by what it tells.
type narrative struct {
	ref point // gran GNone when the text has not yet given a date
}

// anchorCtx is the state of one anchoring pass.
type anchorCtx struct {
	tg    *Tagger
	d     *doc.Document
	sents []sentence
	nar   narrative
	si    int // current sentence
}

// anchor resolves every expression of the document in reading order and
// writes the results into d.
func (tg *Tagger) anchor(d *doc.Document, sents []sentence) {
	a := &anchorCtx{tg: tg, d: d, sents: sents}
	d.Timexes = d.Timexes[:0]
	for si := range sents {
		a.si = si
		s := &sents[si]
		refTime := ""
		updated := false
		for _, e := range s.exprs {
			a.resolve(e)
			if a.update(e) && !updated {
				updated = true
				refTime = a.nar.ref.dayLevel().format()
			}
		}
		if !updated && a.nar.ref.gran != GNone {
			refTime = a.nar.ref.dayLevel().format()
		}
		d.Sentences[si].RefTime = refTime
		for _, e := range s.exprs {
			d.Timexes = append(d.Timexes, a.emit(si, s, e))
		}
	}
	a.sectionPeriods()
}

// dayLevel drops the time of day from a point.
func (p point) dayLevel() point {
	if p.gran > GDay {
		p.gran = GDay
		p.dayPart, p.hour, p.minute = "", 0, 0
	}
	return p
}

func (a *anchorCtx) emit(si int, s *sentence, e *expr) doc.Timex {
	clean := doc.Span{Start: s.toks[e.from].start, End: s.toks[e.to-1].end}
	t := doc.Timex{
		Span:     a.d.RawSpan(clean),
		Clean:    clean,
		Text:     a.d.Text[clean.Start:clean.End],
		Type:     e.typ,
		Value:    e.val,
		Mod:      e.mod,
		Anchor:   e.anchor,
		Quant:    e.quant,
		Freq:     e.freq,
		Sentence: si,
	}
	return t
}

// update moves the narrative to e's date when e is a point of the story;
// it reports whether the reference changed.
func (a *anchorCtx) update(e *expr) bool {
	if e.kind != kDate || e.noUpdate || !e.resolved {
		return false
	}
	pv, ok := parseValue(e.val)
	if !ok || pv.ref || pv.duration || pv.p.noYear {
		return false
	}
	p := pv.p.dayLevel()
	if p.gran == GWeek {
		return false
	}
	ref := a.nar.ref
	if ref.gran != GNone && !ref.noYear && p.gran <= ref.gran && containsPoint(p, ref) {
		// A coarser mention of the period the story is in ("in 1939",
		// told on September 17, 1939) keeps the finer reference.
		return false
	}
	a.nar.ref = p
	return true
}

func containsPoint(outer, inner point) bool {
	os, ok1 := outer.start()
	oe, ok2 := outer.end()
	is, ok3 := inner.start()
	ie, ok4 := inner.end()
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return false
	}
	return !is.Before(os) && !ie.After(oe)
}

// resolve computes e's type, value and anchor.
func (a *anchorCtx) resolve(e *expr) {
	if e.resolved {
		return
	}
	e.resolved = true
	switch e.kind {
	case kDuration:
		e.typ, e.val, e.anchor = "DURATION", e.value, doc.AnchorExplicit
		return
	case kSet:
		e.typ, e.val, e.anchor = "SET", e.value, doc.AnchorExplicit
		return
	case kRef:
		e.typ, e.val, e.anchor = "DATE", e.value, doc.AnchorExplicit
		if e.narrative && !a.tg.opts.timex2() && !e.noUpdate && a.nar.ref.gran != GNone && !a.nar.ref.noYear && a.pastTense(e) {
			e.val = a.nar.ref.dayLevel().format()
			e.anchor = doc.AnchorContext
		}
		return
	}
	p, anchor := a.resolveDate(e)
	e.typ = "DATE"
	if p.gran >= GPartOfDay {
		e.typ = "TIME"
	}
	e.val = p.format()
	if e.val == "" {
		// A vague span from an unknown or coarse point: only the
		// direction is known.
		switch {
		case e.dir > 0:
			e.val = "FUTURE_REF"
		case e.dir < 0:
			e.val = "PAST_REF"
		default:
			e.val = "XXXX"
		}
	}
	e.anchor = anchor
}

// resolveDate computes the calendar point of a date or time expression.
func (a *anchorCtx) resolveDate(e *expr) (point, string) {
	ref := a.nar.ref
	switch {
	case e.refUnit:
		if ref.gran == GNone {
			return point{gran: GYear, noYear: true}, doc.AnchorRelative
		}
		return ref.dayLevel(), doc.AnchorRelative
	case e.shift:
		return a.shifted(e, ref)
	case e.hasRel:
		return a.relative(e, ref)
	}
	p := e.pt
	anchor := doc.AnchorExplicit
	// A time of day alone takes its date from a date next to it ("at noon
	// the following day", "midnight on 23 August") or from the narrative.
	if p.noYear && p.month == 0 && p.day == 0 && e.hol == "" && e.weekday == 0 && p.season == "" && e.yy < 0 && e.decw < 0 && p.gran >= GPartOfDay {
		if o := a.adjacentDate(e); o != nil {
			a.resolve(o)
			if pv, ok := parseValue(o.val); ok && !pv.ref && !pv.duration && pv.p.gran >= GDay {
				base := pv.p.dayLevel()
				return a.withTime(e, base), o.anchor
			}
		}
		if ref.gran >= GDay && !ref.noYear {
			return a.withTime(e, ref.dayLevel()), doc.AnchorContext
		}
		base := point{gran: GDay, noYear: true}
		if ref.gran >= GMonth && !ref.noYear {
			base = point{gran: GDay, year: ref.year, bc: ref.bc, month: ref.month}
		}
		return a.withTime(e, base), doc.AnchorContext
	}
	// Two-digit years and decade words need a century.
	if e.yy >= 0 {
		c := 1900
		if pr := e.partner; pr != nil && pr.resolved && !pr.pt.noYear {
			c = pr.pt.year / 100 * 100
		} else if ref.gran != GNone && !ref.noYear {
			c = ref.year / 100 * 100
		}
		p.year = c + e.yy
		p.noYear = false
		anchor = doc.AnchorContext
	}
	if e.decw >= 0 {
		c := 1900
		if ref.gran != GNone && !ref.noYear && ref.gran >= GDecade {
			c = ref.year / 100 * 100
		}
		p.year = c + e.decw
		p.noYear = false
		p.gran = GDecade
		anchor = doc.AnchorContext
	}
	if p.noYear && p.gran != GNone {
		if y, bc, ok := a.yearFor(e, p); ok {
			p.year, p.bc, p.noYear = y, bc, false
			anchor = doc.AnchorContext
		}
	}
	if e.hol != "" {
		p = applyHoliday(p, e.hol)
	}
	if e.weekday > 0 && p.day == 0 {
		// "on Friday": the first such day on or after the narrative's day.
		if ref.gran >= GDay && !ref.noYear {
			t, _ := ref.start()
			for k := 0; k < 7; k++ {
				d := t.AddDate(0, 0, k)
				if isoWeekday(d) == e.weekday {
					p = pointAt(d, GDay)
					anchor = doc.AnchorContext
					break
				}
			}
		} else {
			p = point{gran: GWeek, noYear: true, weekday: e.weekday}
			if ref.gran != GNone && !ref.noYear {
				p.year, p.bc, p.noYear = ref.year, ref.bc, false
			}
			anchor = doc.AnchorContext
		}
	}
	if e.tod != "" || e.hasClock {
		p = a.withTime(e, p)
	}
	return p, anchor
}

func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// withTime sets e's time of day on the day point base.
func (a *anchorCtx) withTime(e *expr, base point) point {
	p := base
	if p.gran < GDay {
		p.gran = GDay
	}
	switch {
	case e.hasClock:
		p.hour, p.minute = e.hour, e.minute
		p.gran = GMinute
	case e.tod != "":
		p.dayPart = e.tod
		p.gran = GPartOfDay
	}
	return p
}

// adjacentDate finds a date expression right next to time-of-day e, with
// at most "on", "of", "at" or a comma between.
func (a *anchorCtx) adjacentDate(e *expr) *expr {
	s := &a.sents[a.si]
	for i, o := range s.exprs {
		if o != e {
			continue
		}
		if i+1 < len(s.exprs) {
			n := s.exprs[i+1]
			if n.kind == kDate && a.joinable(s, e.to, n.from) && !(n.pt.gran >= GPartOfDay && n.pt.month == 0 && !n.hasRel && !n.shift) {
				return n
			}
		}
		if i > 0 {
			p := s.exprs[i-1]
			if p.kind == kDate && p.resolved && a.joinable(s, p.to, e.from) {
				return p
			}
		}
	}
	return nil
}

func (a *anchorCtx) joinable(s *sentence, from, to int) bool {
	if to-from > 2 || to < from {
		return false
	}
	for k := from; k < to; k++ {
		w := strings.ToLower(a.d.Text[s.toks[k].start:s.toks[k].end])
		if w != "on" && w != "of" && w != "at" && w != "," && w != "in" {
			return false
		}
	}
	return true
}

// yearFor finds the year of a partial date: from the other end of its
// range, else from the narrative, else from a year later in the same
// paragraph.
func (a *anchorCtx) yearFor(e *expr, p point) (year int, bc, ok bool) {
	if pr := e.partner; pr != nil {
		if !pr.pt.noYear && pr.pt.gran >= GYear {
			y := pr.pt.year
			// "November 1939 – March": the end is not before the start.
			if pr.from < e.from && pr.pt.month > 0 && p.month > 0 && p.month < pr.pt.month {
				y++
			}
			if pr.from > e.from && pr.pt.month > 0 && p.month > pr.pt.month {
				y--
			}
			return y, pr.pt.bc, true
		}
		if pr.resolved {
			if pv, ok := parseValue(pr.val); ok && !pv.ref && !pv.duration && !pv.p.noYear && pv.p.gran >= GYear {
				return pv.p.year, pv.p.bc, true
			}
		}
	}
	ref := a.nar.ref
	if ref.gran >= GYear && !ref.noYear {
		y := ref.year
		if ref.gran >= GMonth && ref.month > 0 {
			m := p.month
			if m == 0 && p.season != "" {
				m = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[p.season]
			}
			if m == 0 && e.hol != "" && len(e.hol) == 5 {
				m = int(e.hol[0]-'0')*10 + int(e.hol[1]-'0')
			}
			// A narrative moves forward: a month well before the
			// reference month is next year's, unless the sentence looks
			// back ("had", "earlier").
			if m > 0 && ref.month-m > 4 && !a.looksBack() {
				if ref.bc {
					y--
				} else {
					y++
				}
			}
		}
		return y, ref.bc, true
	}
	// No narrative yet: a year later in the same paragraph.
	s := &a.sents[a.si]
	for k := a.si; k < len(a.sents) && a.sents[k].block == s.block; k++ {
		for _, o := range a.sents[k].exprs {
			if o.kind == kDate && !o.pt.noYear && o.pt.gran == GYear || o.kind == kDate && !o.pt.noYear && o.pt.gran > GYear && !o.hasRel && !o.shift {
				if k == a.si && o.from < e.from {
					continue
				}
				return o.pt.year, o.pt.bc, true
			}
		}
	}
	return 0, false, false
}

// looksBack reports whether the current sentence tells of an earlier time
// (past perfect: "had signed").
func (a *anchorCtx) looksBack() bool {
	s := &a.sents[a.si]
	for _, t := range s.toks {
		if t.kind != tWord || t.end-t.start > 7 {
			continue
		}
		switch strings.ToLower(a.d.Text[t.start:t.end]) {
		case "had", "earlier", "previously", "before":
			return true
		}
	}
	return false
}

// pastTense reports whether the words around e tell the past ("was now",
// "now urged") rather than the writer's present ("is now", "now known as").
func (a *anchorCtx) pastTense(e *expr) bool {
	s := &a.sents[a.si]
	past, present := 0, 0
	for k := max(0, e.from-3); k < min(len(s.toks), e.to+3); k++ {
		if k >= e.from && k < e.to {
			continue
		}
		t := &s.toks[k]
		if t.kind != tWord {
			continue
		}
		w := strings.ToLower(a.d.Text[t.start:t.end])
		switch w {
		case "is", "are", "has", "have", "known", "called", "named", "remains", "lies", "stands", "exists", "does", "do":
			present++
		case "was", "were", "had", "did", "could", "would", "began", "became", "took", "made", "led", "held", "saw", "went", "came", "found", "felt", "seemed", "stood", "lay", "fought", "sought", "thought":
			past++
		default:
			if len(w) > 4 && strings.HasSuffix(w, "ed") {
				past++
			}
		}
	}
	return past > present
}

// applyHoliday fixes the month and day of a named day once its year is
// known.
func applyHoliday(p point, hol string) point {
	p.gran = GDay
	if len(hol) == 5 && hol[2] == '-' {
		p.month = int(hol[0]-'0')*10 + int(hol[1]-'0')
		p.day = int(hol[3]-'0')*10 + int(hol[4]-'0')
		return p
	}
	if strings.HasPrefix(hol, "easter") {
		off := 0
		if rest := hol[len("easter"):]; rest != "" {
			sign := 1
			if rest[0] == '-' {
				sign = -1
			}
			n := 0
			for _, c := range rest[1:] {
				if c >= '0' && c <= '9' {
					n = n*10 + int(c-'0')
				}
			}
			off = sign * n
		}
		if p.noYear {
			return p
		}
		t := easter(p.astroYear()).AddDate(0, 0, off)
		q := pointAt(t, GDay)
		return q
	}
	return p
}

// easter returns Western Easter Sunday of year y (Gregorian computus).
func easter(y int) time.Time {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// seasonMonth is the first month of a season.
func seasonMonth(s string) int {
	return map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[s]
}

// relative resolves "the following day", "that year", "next summer",
// "the previous month" against the narrative.
func (a *anchorCtx) relative(e *expr, ref point) (point, string) {
	if ref.gran == GNone || ref.noYear {
		// No narrative date: the value keeps the unknown year.
		p := e.pt
		p.noYear = true
		if e.relUnit > p.gran {
			p.gran = e.relUnit
		}
		if p.gran > GDay && e.tod == "" {
			p.gran = GDay
		}
		if p.gran == GNone || p.gran < GYear {
			p.gran = GYear
		}
		if e.tod != "" {
			p = a.withTime(e, p)
		}
		return p, doc.AnchorRelative
	}
	p := e.pt
	// A month, season, weekday or named day relative to the reference:
	// "the following January", "that summer", "next spring".
	if p.month > 0 || p.season != "" || e.hol != "" || e.weekday > 0 {
		rm := ref.month
		tm := p.month
		if p.season != "" {
			tm = seasonMonth(p.season)
		}
		y := ref.year
		if tm > 0 && rm > 0 {
			switch {
			case e.rel > 0 && tm <= rm:
				y++
			case e.rel < 0 && tm >= rm:
				y--
			}
		} else if e.rel != 0 {
			y += e.rel
		}
		p.year, p.bc, p.noYear = y, ref.bc, false
		if e.hol != "" {
			p = applyHoliday(p, e.hol)
		}
		if e.weekday > 0 && ref.gran >= GDay {
			t, _ := ref.start()
			for k := 1; k <= 7; k++ {
				d := t.AddDate(0, 0, k*max(1, abs(e.rel))*sign(e.rel))
				if e.rel == 0 {
					d = t.AddDate(0, 0, k-1)
				}
				if isoWeekday(d) == e.weekday {
					p = pointAt(d, GDay)
					break
				}
			}
		}
		if e.tod != "" || e.hasClock {
			p = a.withTime(e, p)
		}
		return p, doc.AnchorRelative
	}
	unit := e.relUnit
	if unit == GNone {
		if e.tod != "" {
			unit = GDay
		} else {
			unit = ref.gran
		}
	}
	rel := e.rel
	// "the following night" is the night of the same day.
	if unit == GDay && rel == 1 && (e.tod == "NI" || e.tod == "EV") && e.relUnit == GNone {
		rel = 0
	}
	out := a.shiftPoint(ref, rel, unit)
	if e.mod == "" && e.pt.gran == GNone {
		// nothing more to add
	}
	if e.tod != "" || e.hasClock {
		out = a.withTime(e, out)
	}
	return out, doc.AnchorRelative
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func sign(n int) int {
	if n < 0 {
		return -1
	}
	return 1
}

// shiftPoint moves ref by n units of granularity unit, giving a point at
// that granularity (with unknown parts when the reference is coarser).
func (a *anchorCtx) shiftPoint(ref point, n int, unit Gran) point {
	t, ok := ref.start()
	if !ok {
		return point{gran: GYear, noYear: true}
	}
	switch unit {
	case GMillennium, GCentury, GDecade:
		span := map[Gran]int{GDecade: 10, GCentury: 100, GMillennium: 1000}[unit]
		y, bc := fromAstro(t.Year() + n*span*dirOfEra(ref.bc))
		if bc != ref.bc && ref.bc {
			// crossing into the common era
		}
		return point{gran: unit, year: truncYear(y, bc, unit), bc: bc}
	case GYear:
		y, bc := fromAstro(t.Year() + n)
		return point{gran: GYear, year: y, bc: bc}
	case GHalf, GQuarter, GSeason:
		// "the following season" is rare; keep the year.
		y, bc := fromAstro(t.Year())
		return point{gran: GYear, year: y, bc: bc}
	case GMonth:
		if ref.gran < GMonth || ref.month == 0 {
			y, bc := fromAstro(t.Year())
			return point{gran: GMonth, year: y, bc: bc}
		}
		return pointAt(t.AddDate(0, n, 0), GMonth)
	case GWeek:
		if ref.gran < GDay || ref.day == 0 {
			return a.shiftPoint(ref, 0, min(ref.gran, GMonth))
		}
		d := t.AddDate(0, 0, 7*n)
		y, w := d.ISOWeek()
		yy, bc := fromAstro(y)
		return point{gran: GWeek, year: yy, bc: bc, week: w}
	}
	// Day and finer.
	if ref.gran < GDay || ref.day == 0 {
		p := ref
		if p.gran < GMonth || p.month == 0 {
			return point{gran: GDay, year: ref.year, bc: ref.bc}
		}
		p.gran = GDay
		p.day = 0
		return p
	}
	return pointAt(t.AddDate(0, 0, n), GDay)
}

// dirOfEra: BC years count down, so moving forward in time lowers them;
// astronomical years already handle this, so the factor is 1.
func dirOfEra(bc bool) int { return 1 }

// shifted resolves "two days later", "a few months later", "weeks
// earlier": the reference moved by the span, at the span's granularity.
func (a *anchorCtx) shifted(e *expr, ref point) (point, string) {
	if ref.gran == GNone || ref.noYear {
		if e.dir > 0 {
			return point{}, doc.AnchorRelative
		}
		return point{}, doc.AnchorRelative
	}
	g := unitGran(e.shiftU)
	n := e.shiftN
	if e.vague {
		n = 3
	}
	t, _ := ref.start()
	var moved time.Time
	switch e.shiftU {
	case "D":
		moved = t.AddDate(0, 0, int(n*float64(e.dir)))
	case "W", "2W":
		k := 7.0
		if e.shiftU == "2W" {
			k = 14
		}
		moved = t.AddDate(0, 0, int(n*k*float64(e.dir)))
		g = GDay
	case "M":
		moved = t.AddDate(0, int(n*float64(e.dir)), 0)
	case "Y":
		moved = t.AddDate(int(n*float64(e.dir)), 0, 0)
	case "DE":
		moved = t.AddDate(int(n*10*float64(e.dir)), 0, 0)
		g = GYear
	case "CE":
		moved = t.AddDate(int(n*100*float64(e.dir)), 0, 0)
		g = GYear
	case "H", "MIN":
		moved = t
		g = GDay
	default:
		return point{gran: GYear, noYear: true}, doc.AnchorRelative
	}
	if e.vague {
		// "a few months later": only the coarser period is known.
		switch g {
		case GDay, GWeek:
			g = GMonth
		case GMonth:
			g = GYear
		default:
			return point{}, doc.AnchorRelative
		}
	}
	// Never finer than the reference itself.
	if g > ref.gran {
		g = ref.gran
	}
	if g > GDay {
		g = GDay
	}
	if g == GSeason || g == GHalf || g == GQuarter || g == GWeek {
		g = GMonth
		if ref.month == 0 {
			g = GYear
		}
	}
	if g < GYear {
		g = GYear
	}
	return pointAt(moved, g), doc.AnchorRelative
}

// sectionPeriods sets the Period of every section whose heading carries a
// date: "1939 needs and discussions" → 1939, "Early 1930s" → 1930–1933,
// "Germany–Soviet Union relations (1918–1941)" → 1918–1941.
func (a *anchorCtx) sectionPeriods() {
	d := a.d
	done := map[int]bool{}
	for si, s := range a.sents {
		if !s.ctx.heading || s.block < 0 || s.block >= len(d.Blocks) {
			continue
		}
		sec := d.Blocks[s.block].Section
		if sec < 0 || sec >= len(d.Sections) || done[sec] {
			continue
		}
		var vals []string
		for _, e := range s.exprs {
			if e.kind != kDate || !e.resolved {
				continue
			}
			pv, ok := parseValue(e.val)
			if !ok || pv.ref || pv.duration || pv.p.noYear {
				continue
			}
			start, end := periodOf(pv.p, e.mod)
			vals = append(vals, start)
			if end != "" {
				vals = append(vals, end)
			}
		}
		_ = si
		if len(vals) == 0 {
			continue
		}
		done[sec] = true
		d.Sections[sec].Period = vals[0]
		if len(vals) > 1 {
			d.Sections[sec].PeriodEnd = vals[len(vals)-1]
		}
	}
}

// periodOf writes a heading's date as a period: a decade or century with
// a part ("Early 1930s") becomes a range of years.
func periodOf(p point, mod string) (start, end string) {
	if (p.gran == GDecade || p.gran == GCentury) && mod != "" {
		span := p.span()
		first := p.year
		var lo, hi int
		switch mod {
		case "START":
			lo, hi = 0, span*3/10
		case "MID":
			lo, hi = span*3/10, span*7/10
		case "END":
			lo, hi = span*7/10, span-1
		default:
			return p.format(), ""
		}
		if p.bc {
			return point{gran: GYear, year: first + span - 1 - lo, bc: true}.format(),
				point{gran: GYear, year: first + span - 1 - hi, bc: true}.format()
		}
		return point{gran: GYear, year: first + lo}.format(), point{gran: GYear, year: first + hi}.format()
	}
	return p.dayLevel().format(), ""
}
