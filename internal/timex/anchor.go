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
	// prev is the month- or day-level reference in force before the
	// last change, and setAt the sentence of that change: a partial date
	// right after a jump ("In November 2008, protesters staged a similar
	// ...; on April 15 ...") may continue the story the jump interrupted.
	prev  point
	setAt int
	// explicit: the reference came from a date written in full, not from
	// one completed or computed from the narrative.
	explicit bool
	// month places a reference coarser than a month within its year
	// ("late 1942" stands near November), for completing later months.
	month int
	// aside is the latest end of a span ("until July 1794") and asideAt
	// its sentence; see anchorCtx.asideYear.
	aside   point
	asideAt int
	// clock is the latest time of day the story has reached on the day of
	// ref ("shortly before midnight"), gran below GPartOfDay when none:
	// "the following night" after it is the next day's.
	clock point
}

// anchorCtx is the state of one anchoring pass.
type anchorCtx struct {
	tg    *Tagger
	d     *doc.Document
	sents []sentence
	nar   narrative
	si    int // current sentence
	// refTime is the reference's value, written again only when it
	// changes.
	refTime  string
	refPoint point // what refTime was formatted from
	hadNone  bool  // the document had no timexes slice before the pass
	// tx gathers the timexes in reading order, in scratch space reused
	// between documents: the document's list is made once, at its exact
	// size, when the pass ends.
	tx []doc.Timex
}

// newAnchor starts the anchoring pass over d, whose sentences are sents:
// its sentences are then anchored in reading order (sentence), each once
// the expressions of its paragraph are recognised, and the section
// periods set at the end (sectionPeriods).
// tx is the scratch list the timexes are gathered in.
func (tg *Tagger) newAnchor(d *doc.Document, sents []sentence, tx []doc.Timex) *anchorCtx {
	return &anchorCtx{tg: tg, d: d, sents: sents, hadNone: d.Timexes == nil, tx: tx[:0]}
}

// finish ends the pass: the section periods, and the document's timexes
// copied out of the scratch list (into the document's own list when it
// has room, as when a document is tagged again). It returns the scratch
// list, cleared so that it keeps nothing of the document alive.
func (a *anchorCtx) finish() []doc.Timex {
	a.sectionPeriods()
	ts := a.tx
	switch {
	case len(ts) == 0 && a.hadNone:
		a.d.Timexes = nil
	case cap(a.d.Timexes) >= len(ts) && cap(a.d.Timexes) <= 2*len(ts)+16:
		a.d.Timexes = append(a.d.Timexes[:0], ts...)
	default:
		a.d.Timexes = append(make([]doc.Timex, 0, len(ts)), ts...)
	}
	clear(ts)
	a.tx = nil
	return ts[:0]
}

// sentence resolves the expressions of sentence si and writes the results
// into the document: its timexes and its reference time.
func (a *anchorCtx) sentence(si int) {
	a.si = si
	s := &a.sents[si]
	updated := false
	for _, e := range s.exprs {
		a.resolve(e)
		if a.update(e) && !updated {
			updated = true
			if r := a.nar.ref.dayLevel(); r != a.refPoint || a.refTime == "" {
				a.refPoint, a.refTime = r, r.format()
			}
		}
	}
	a.d.Sentences[si].RefTime = a.refTime
	for _, e := range s.exprs {
		if e.dropped {
			continue
		}
		a.tx = append(a.tx, a.emit(si, s, e))
	}
}

// known lowers a point's granularity to its finest known field: a
// "1941-XX-XX" reference is a year.
func (p point) known() point {
	if p.gran >= GMonth && p.gran != GWeek && p.month == 0 {
		p.gran, p.day = GYear, 0
	}
	if p.gran >= GDay && p.day == 0 {
		p.gran = GMonth
	}
	return p
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
	clean := doc.Span{Start: int(s.toks[e.from].start), End: int(s.toks[e.to-1].end)}
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
	if e.kind != kDate || !e.resolved {
		return false
	}
	if e.aside {
		if pv, ok := parseValue(e.val); ok && !pv.ref && !pv.duration && !pv.p.noYear && pv.p.gran >= GMonth {
			a.nar.aside, a.nar.asideAt = pv.p.dayLevel(), a.si
		}
	}
	if e.noUpdate {
		return false
	}
	if e.partner != nil && e.partner.from < e.from {
		// The end of a range: the story stands at its start.
		return false
	}
	if e.shift && e.dir < 0 || e.hasRel && e.rel < 0 {
		// "two years earlier", "the previous year": a look back; the
		// story stays where it was.
		return false
	}
	if e.shift && (e.vague || unitGran(e.shiftU) <= GDecade) {
		// "a few months later", "two decades earlier": too vague to
		// move the story.
		return false
	}
	pv, ok := parseValue(e.val)
	if !ok || pv.ref || pv.duration || pv.p.noYear {
		return false
	}
	p := pv.p.dayLevel().known()
	if p.gran == GWeek {
		return false
	}
	ref := a.nar.ref
	if pv.p.gran >= GPartOfDay && p.gran == GDay && (ref.gran != GDay || sameDay(p, ref)) {
		a.nar.clock = pv.p
	}
	heading := a.sents[a.si].ctx.heading
	if !heading && ref.gran != GNone && !ref.noYear && p.gran <= ref.gran && containsPoint(p, ref) {
		// A coarser mention of the period the story is in ("in 1939",
		// told on September 17, 1939) keeps the finer reference.
		return false
	}
	// A heading that carries a period sets its section's context afresh.
	a.nar.prev = ref
	a.nar.ref = p
	if !sameDay(a.nar.clock, p) || pv.p.gran < GPartOfDay {
		a.nar.clock = point{}
	}
	a.nar.setAt = a.si
	a.nar.explicit = e.anchor == doc.AnchorExplicit
	a.nar.month = 0
	if p.gran == GYear {
		switch e.mod {
		case "START":
			a.nar.month = 2
		case "MID":
			a.nar.month = 6
		case "END":
			a.nar.month = 11
		}
	}
	return true
}

// asideYear gives a partial date the year of a span's end read just
// before it: "The Terror lasted until July 1794; Robespierre was
// guillotined on 28 July." The date must fall within a month before or two
// after that end, at most two sentences later.
func (a *anchorCtx) asideYear(p point) (int, bool, bool) {
	as := a.nar.aside
	if as.gran < GMonth || as.noYear || a.si-a.nar.asideAt > 2 || p.month == 0 {
		return 0, false, false
	}
	c := p
	c.year, c.bc, c.noYear = as.year, as.bc, false
	if c.gran > GDay {
		c.gran = GDay
	}
	if c.day == 0 && c.gran >= GDay {
		c.gran = GMonth
	}
	cs, ok1 := c.start()
	s, ok2 := as.start()
	if !ok1 || !ok2 {
		return 0, false, false
	}
	if d := cs.Sub(s); d < -31*24*time.Hour || d > 62*24*time.Hour {
		return 0, false, false
	}
	return c.year, c.bc, true
}

// continuation decides whether partial date p continues the story that
// the latest reference interrupted: the latest reference came within the
// last three sentences as a jump (a bare year, or more than a year away
// from the story's day-level reference), and p falls within two months
// after that earlier reference. It returns the year p takes then.
func (a *anchorCtx) continuation(e *expr, p point) (int, bool, bool) {
	prev, ref := a.nar.prev, a.nar.ref
	if prev.gran < GMonth || prev.noYear || ref.gran == GNone || ref.noYear || a.si-a.nar.setAt > 3 || p.month == 0 || !a.nar.explicit {
		return 0, false, false
	}
	ps, _ := prev.start()
	rs, _ := ref.start()
	jump := ref.gran <= GYear && !containsPoint(ref, prev) || rs.Sub(ps) > 400*24*time.Hour || ps.Sub(rs) > 400*24*time.Hour
	if !jump {
		return 0, false, false
	}
	c := p
	c.year, c.bc, c.noYear = prev.year, prev.bc, false
	if c.gran > GDay {
		c.gran = GDay
	}
	if c.day == 0 && c.gran >= GDay {
		c.gran = GMonth
	}
	cs, ok := c.start()
	if !ok {
		return 0, false, false
	}
	if cs.Before(ps) && !(prev.day == 0 && c.month == prev.month) {
		// Try the next year ("December 30" → "January 2").
		if prev.bc {
			c.year--
		} else {
			c.year++
		}
		cs, _ = c.start()
	}
	d := cs.Sub(ps)
	if d < -31*24*time.Hour || d > 62*24*time.Hour {
		return 0, false, false
	}
	// When the date also follows closely on the latest reference, the
	// story has simply moved on.
	if ref.gran >= GMonth {
		r := p
		r.year, r.bc, r.noYear = ref.year, ref.bc, false
		if r.gran > GDay {
			r.gran = GDay
		}
		if r.day == 0 && r.gran >= GDay {
			r.gran = GMonth
		}
		if rs2, ok := r.start(); ok {
			if dd := rs2.Sub(rs); dd >= -31*24*time.Hour && dd <= 62*24*time.Hour {
				return 0, false, false
			}
		}
	}
	// The later reference would give the same year: nothing to choose.
	return c.year, c.bc, true
}

func containsPoint(outer, inner point) bool {
	// Years, months and days (most points) are compared as numbers,
	// without building times.
	if os, oe, ok := outer.dayBounds(); ok {
		if is, ie, ok := inner.dayBounds(); ok {
			return is >= os && ie <= oe
		}
	}
	return containsPointTime(outer, inner)
}

// containsPointTime is containsPoint for any points, through their
// start and end times.
func containsPointTime(outer, inner point) bool {
	os, ok1 := outer.start()
	oe, ok2 := outer.end()
	is, ok3 := inner.start()
	ie, ok4 := inner.end()
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return false
	}
	return !is.Before(os) && !ie.After(oe)
}

// dayBounds returns the start and end (exclusive) of a point of a year,
// month or day AD with a valid month and day, as numbers that order as
// start and end do; ok is false for any other point.
func (p point) dayBounds() (start, end int64, ok bool) {
	if p.noYear || p.bc || p.year < 1 || p.year > 1<<40 {
		return 0, 0, false
	}
	y := int64(p.year)
	key := func(y int64, m, d int) int64 { return y<<9 | int64(m)<<5 | int64(d) }
	switch {
	case p.gran == GYear, (p.gran == GMonth || p.gran == GDay) && p.month == 0:
		return key(y, 1, 1), key(y+1, 1, 1), true
	case p.gran != GMonth && p.gran != GDay, p.month < 1 || p.month > 12:
		return 0, 0, false
	}
	nextMonth := key(y, p.month+1, 1)
	if p.month == 12 {
		nextMonth = key(y+1, 1, 1)
	}
	if p.day == 0 {
		return key(y, p.month, 1), nextMonth, true
	}
	n := daysIn(p.year, p.month)
	if p.day < 1 || p.day > n {
		return 0, 0, false
	}
	if p.day == n {
		return key(y, p.month, p.day), nextMonth, true
	}
	return key(y, p.month, p.day), key(y, p.month, p.day+1), true
}

// daysIn is the number of days of month m of year y (Gregorian).
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
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
	if pr := e.partner; e.eraContext && pr != nil && !pr.pt.noYear && pr.pt.gran >= GYear {
		// "from 499 to 493 BC": the other end says it is a year.
		e.eraContext = false
		e.pt.bc = pr.pt.bc
	}
	if e.eraContext {
		// "in 218": a year only in a story of the first millennium or
		// before the common era, within a few centuries of it.
		ref := a.nar.ref
		if ref.gran == GNone || ref.noYear || !ref.bc && ref.year >= 1000 || abs(ref.year-e.pt.year) > 300 {
			e.dropped = true
			e.typ, e.val = "DATE", "XXXX"
			return
		}
		e.pt.bc = ref.bc
	}
	p, anchor := a.resolveDate(e)
	if p.gran >= GDay && p.day > 0 && p.month > 0 && !p.noYear {
		// "February 29" completed with a common year is no date.
		if t, ok := p.dayLevel().start(); !ok || t.Day() != p.day {
			p.noYear = true
		}
	}
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
		if e.to-e.from == 1 && e.tod != "" && a.tg.opts.timex2() {
			// A bare "night" ("at night", "night attacks") is any night.
			return a.withTime(e, point{gran: GDay, noYear: true}), doc.AnchorExplicit
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
			if ref.gran >= GYear && !ref.noYear {
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
	if pr := e.partner; pr != nil && !pr.eraContext {
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
	if pr := e.partner; pr != nil && pr.from > e.from && pr.pt.noYear && !pr.resolved && p.month > 0 && pr.pt.month > 0 &&
		ref.gran >= GYear && !ref.noYear {
		// "from October to March", both ends without a year: the years
		// that put the range nearest the narrative.
		return a.rangeYear(p.month, pr.pt.month, ref), ref.bc, true
	}
	if y, bc, ok := a.asideYear(p); ok {
		return y, bc, true
	}
	if y, bc, ok := a.continuation(e, p); ok {
		return y, bc, true
	}
	if ref.gran >= GYear && !ref.noYear {
		y := ref.year
		rm := ref.month
		if ref.gran == GSeason {
			rm = seasonMonth(ref.season)
		}
		if rm == 0 && ref == a.nar.ref {
			rm = a.nar.month
		}
		if rm > 0 {
			m := p.month
			if m == 0 && p.season != "" && p.gran == GSeason {
				m = seasonMonth(p.season)
			}
			if m == 0 && e.hol != "" && len(e.hol) == 5 {
				m = int(e.hol[0]-'0')*10 + int(e.hol[1]-'0')
			}
			// A narrative moves forward: a month well before the
			// reference month is next year's, unless the clause looks
			// back ("had signed", "earlier").
			if m > 0 && rm-m > 4 && !a.looksBack(e) {
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

// rangeYear returns the start year of a range of months m1..m2 (the end
// in the next year when m2 < m1) that lies nearest the reference.
func (a *anchorCtx) rangeYear(m1, m2 int, ref point) int {
	rs, _ := ref.start()
	re, _ := ref.end()
	best, bestGap := ref.year, time.Duration(1<<62)
	for _, d := range []int{0, -1, 1} {
		y1 := ref.year + d
		if ref.bc {
			y1 = ref.year - d
		}
		a1 := point{gran: GMonth, year: y1, bc: ref.bc, month: m1}
		y2 := y1
		if m2 < m1 {
			if ref.bc {
				y2--
			} else {
				y2++
			}
		}
		a2 := point{gran: GMonth, year: y2, bc: ref.bc, month: m2}
		s, _ := a1.start()
		e, _ := a2.end()
		var gap time.Duration
		switch {
		case e.Before(rs) || e.Equal(rs):
			gap = rs.Sub(e)
		case s.After(re) || s.Equal(re):
			gap = s.Sub(re)
		}
		if gap < bestGap {
			best, bestGap = y1, gap
		}
	}
	return best
}

// looksBack reports whether the clause around e tells of an earlier time
// ("had signed", "earlier", "previously"); "by March they had launched"
// does not: "by" sets a deadline the past perfect reaches.
func (a *anchorCtx) looksBack(e *expr) bool {
	s := &a.sents[a.si]
	if e.from > 0 {
		switch strings.ToLower(a.d.Text[s.toks[e.from-1].start:s.toks[e.from-1].end]) {
		case "by", "until", "till":
			return false
		}
	}
	lo, hi := e.from, e.to
	for lo > 0 && !clauseBreak(a.d.Text[s.toks[lo-1].start:s.toks[lo-1].end]) {
		lo--
	}
	// A clause that follows ("announced on 4 January that the war had
	// restarted") tells its own time.
	for hi < len(s.toks) && !clauseBreak(a.d.Text[s.toks[hi].start:s.toks[hi].end]) && !subordinator(strings.ToLower(a.d.Text[s.toks[hi].start:s.toks[hi].end])) {
		hi++
	}
	for k := lo; k < hi; k++ {
		t := &s.toks[k]
		if t.kind != tWord || t.end-t.start > 10 {
			continue
		}
		switch strings.ToLower(a.d.Text[t.start:t.end]) {
		case "had", "earlier", "previously", "before", "ago":
			return true
		}
	}
	return false
}

// subordinator reports whether w opens a clause of its own.
func subordinator(w string) bool {
	switch w {
	case "that", "which", "who", "whom", "whose", "because", "although", "though", "since", "while", "whereas", "where", "if", "unless":
		return true
	}
	return false
}

func clauseBreak(w string) bool {
	switch w {
	case ",", ";", ":", ".", "(", ")", "–", "—", "!", "?":
		return true
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

// seasonMonth is the month that places a season in its year. A winter
// is named by the year it ends in (the winter of 1919–20 is 1920-WI, as
// the TIMEX2 annotators of WikiWars do), so it sits at January.
func seasonMonth(s string) int {
	switch s {
	case "SP":
		return 3
	case "SU":
		return 6
	case "FA":
		return 9
	case "WI":
		return 1
	}
	return 0
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
	if e.weekday > 0 && p.month == 0 && ref.gran < GDay {
		// "last Friday" told at a coarser date: some Friday.
		q := point{gran: GWeek, noYear: true, weekday: e.weekday}
		if ref.gran >= GYear {
			q.year, q.bc, q.noYear = ref.year, ref.bc, false
		}
		return q, doc.AnchorRelative
	}
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
	// "the following night" is the night of the same day, unless the
	// reference is already in (or past) that part of the day: after
	// "shortly before midnight June 14" it is the night of June 15.
	if unit == GDay && rel == 1 && (e.tod == "NI" || e.tod == "EV") && e.relUnit == GNone && !(sameDay(a.nar.clock, ref) && reachedPart(a.nar.clock, e.tod)) {
		rel = 0
	}
	out := a.shiftPoint(ref, rel, unit)
	if e.tod != "" || e.hasClock {
		out = a.withTime(e, out)
	}
	return out, doc.AnchorRelative
}

// sameDay tells whether p and q are the same known calendar day.
func sameDay(p, q point) bool {
	return p.gran >= GDay && q.gran >= GDay && !p.noYear && !q.noYear &&
		p.year == q.year && p.bc == q.bc && p.month == q.month && p.day == q.day
}

// reachedPart tells whether the time of day of ref is at or past the
// start of part ("EV" from 17:00, "NI" from 21:00; midnight, 24:00, ends
// the day it closes). The small hours have not: at 2 a.m. the coming
// night is that day's. A reference with no time of day has not reached it.
func reachedPart(ref point, part string) bool {
	start := 21
	if part == "EV" {
		start = 17
	}
	switch {
	case ref.gran >= GHour:
		return ref.hour >= start
	case ref.gran == GPartOfDay:
		return ref.dayPart == "NI" || ref.dayPart == part
	}
	return false
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
		// Move by labels: the decade after the 490s BC is the 480s BC,
		// the one after the 1920s the 1930s.
		span := map[Gran]int{GDecade: 10, GCentury: 100, GMillennium: 1000}[unit]
		label := truncYear(ref.year, ref.bc, unit)
		if ref.bc {
			label -= n * span
			if label < 0 {
				return point{gran: unit, year: -label - span, bc: false}
			}
			return point{gran: unit, year: label, bc: true}
		}
		label += n * span
		if label < 0 {
			return point{gran: unit, year: -label - span, bc: true}
		}
		return point{gran: unit, year: label}
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

// shifted resolves "two days later", "a few months later", "weeks
// earlier": the reference moved by the span, at the span's granularity.
func (a *anchorCtx) shifted(e *expr, ref point) (point, string) {
	if ref.gran == GNone || ref.noYear {
		// No date to count from: only the direction is known.
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
	if e.vague && a.tg.opts.timex2() {
		// The TIMEX2 guidelines give a vague span from the narrative
		// as past or future as such.
		return point{}, doc.AnchorRelative
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
	for _, s := range a.sents {
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
