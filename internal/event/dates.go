package event

import (
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// dateRef is a date with how it was found.
type dateRef = doc.EventDate

// narrative is what the coder remembers from sentence to sentence: the
// narrative's reference time, the last subjects (for pronouns) and the
// last treaty named (for "the pact", "a secret protocol").
type narrative struct {
	ref           dateRef
	dated         bool  // the chapter has given a date
	lastSubject   []int // mention indexes
	lastPerson    []int
	lastTreaty    *recordName
	lastByHead    map[string]*recordName // the last treaty named with each head ("alliance")
	lastSign      *cand                  // the last treaty signing coded, for its protocols
	pair          *cand                  // the paragraph's last two-sided event
	recent        []*cand                // the paragraph's events with an actor, latest last
	pairBlock     int
	states        []string // the states of the section's events, latest last, each once
	statesSection int
	signings      map[string]*cand // treaty signings by normalised name
	// debate is set while a section is framed as historiographical
	// debate (see Cues.Debate).
	debate bool
}

// noteSigning remembers a treaty's signing by its name, for the later acts
// that name it.
func (n *narrative) noteSigning(k *cand) {
	key := treatyKey(k.ev.Name)
	if key == "" {
		return
	}
	if n.signings == nil {
		n.signings = map[string]*cand{}
	}
	if _, ok := n.signings[key]; !ok {
		n.signings[key] = k
	}
}

// noteTreaty remembers a treaty named by its proper name, for "the pact"
// and "the alliance" later.
func (n *narrative) noteTreaty(nm *recordName) {
	n.lastTreaty = nm
	if n.lastByHead == nil {
		n.lastByHead = map[string]*recordName{}
	}
	n.lastByHead[nm.head] = nm
}

// noteState remembers a state the paragraph's events involve.
func (n *narrative) noteState(s string) {
	for i, x := range n.states {
		if x == s {
			n.states = append(n.states[:i], n.states[i+1:]...)
			break
		}
	}
	n.states = append(n.states, s)
}

// reset starts a section: its period, if it has one, becomes the reference
// time; otherwise the narrative's time runs on from the section before.
func (n *narrative) reset(period dateRef, chapter bool) {
	if chapter {
		n.ref, n.dated = dateRef{}, false
	}
	if period.Value != "" {
		n.ref = period
		n.dated = true
	}
	n.lastSubject, n.lastPerson = nil, nil
	n.debate = false
}

// after updates the narrative with a coded sentence: the last date it
// gives (outside names of records) becomes the reference time, its subject
// and last person are remembered.
func (n *narrative) after(st *sent, heading bool) {
	d := st.d
	// The story's time is the last date the sentence reaches in an
	// adverbial ("on September 7", "in 1933–1934" → 1933), not a date
	// that modifies a noun ("the policy of 1934–1939", "the 1932 pact") or
	// stands in parentheses.
	lastTimex := -1 // the last timex item: no other is looked at before it
	if !heading {
		for i := len(st.items) - 1; i >= 0; i-- {
			if st.items[i].kind == itTimex {
				lastTimex = i
				break
			}
		}
	}
	for i := lastTimex; i >= 0 && !heading; i-- {
		it := &st.items[i]
		if it.kind != itTimex || !st.usable(it.ref) || st.depth[i] != 0 || isDeadline(st, i) {
			continue
		}
		if isRangeEnd(st, i) {
			i -= 2
			it = &st.items[i]
		}
		if i > 1 && st.items[i-1].kind == itWord && st.items[i-1].lower == "of" && !isHead(st, i-2) {
			continue // "the policy of 1934–1939"; but "the war … of 1919–1920"
		}
		if flashback(st, i) {
			continue // "larger than the one the two countries had signed in August 1939"
		}
		n.ref = dateOfTimex(d, it.ref)
		n.ref.Anchor = doc.AnchorContext
		n.ref.End = ""
		n.dated = true
		break
	}
	// The subject of each clause; "they" in the next sentence stands for
	// the last ("Mao condemned revisionism, and the Chinese press attacked
	// Khrushchev. They also accused Moscow …").
	clauseStart, first := 0, true
	nextClause := func(j int) int {
		for j < len(st.items) && (j >= len(st.bound) || st.bound[j] == bNone || st.items[j].lower == "and" && !st.newClauseAt(j)) {
			j++
		}
		return j
	}
	for i := 0; i < len(st.items); i++ {
		if !first && i > clauseStart+6 {
			// a later clause's subject stands at its start
			clauseStart = nextClause(i)
			i = clauseStart - 1
			continue
		}
		if st.items[i].kind != itMention {
			continue
		}
		bi := st.before(i)
		if bi >= 0 && st.items[bi].kind == itWord && st.items[bi].isPreposition() && bi+1 < i {
			continue // inside a phrase, and not a group's later member
		}
		var gbuf [8]int // the group is looked at, its mentions copied
		g, glo, ghi := st.groupAroundInto(gbuf[:0], i)
		b := bi // the group mostly starts at its mention: before(glo) is known
		if glo != i {
			b = st.before(glo)
		}
		if b < 0 || st.items[b].kind != itWord || !st.items[b].isPreposition() && !(st.items[b].isVerbish(st.lx) && !beForms[st.items[b].lower] && !st.items[b].cap) {
			ms := st.mentions(g)
			if d.Mentions[ms[0]].Kind == doc.KindPerson {
				n.lastPerson = ms
			} else {
				n.lastSubject = ms
			}
			// on to the next clause
			first = false
			clauseStart = nextClause(ghi + 1)
			i = clauseStart - 1
			continue
		}
		i = ghi
	}
	for i := len(st.items) - 1; i >= 0; i-- {
		if st.items[i].kind == itMention && d.Mentions[st.items[i].ref].Kind == doc.KindPerson {
			n.lastPerson = []int{st.items[i].ref}
			break
		}
	}
}

// refer returns the remembered group a pronoun points to, as negative
// item indexes (see sent.mentions).
func (n *narrative) refer(kind string, st *sent) []int {
	var ms []int
	if kind == "person" {
		ms = n.lastPerson
	} else {
		// first: the subject earlier in this sentence, else a verb's
		// object there when the sentence names no subject ("The
		// agreements provided the USSR with weapons, while in return it
		// provided …")
		var object []int
		for i := 0; i < len(st.items); i++ {
			if st.items[i].kind == itMention {
				m := st.d.Mentions[st.items[i].ref]
				g, glo, ghi := st.groupAround(i)
				b := st.before(glo)
				// not inside a phrase ("between Russia and Germany"), not
				// a verb's object ("accused Moscow")
				inPhrase := b >= 0 && st.items[b].kind == itWord && (st.items[b].isPreposition() || !st.items[b].cap && st.items[b].isVerbish(st.lx) && !beForms[st.items[b].lower])
				if m.Kind != doc.KindPerson && !inPhrase {
					return g
				}
				if m.Kind != doc.KindPerson && object == nil && b >= 0 && !st.items[b].isPreposition() {
					object = g
				}
				i = max(i, ghi)
				continue
			}
			if st.items[i].kind == itWord && st.items[i].pronounKind() != "" {
				break
			}
		}
		if object != nil {
			return object
		}
		ms = n.lastSubject
	}
	out := make([]int, 0, len(ms))
	for _, mi := range ms {
		out = append(out, -mi-1)
	}
	return out
}

// sectionPeriods holds each section's period: the date its heading gives
// ("1939 needs and discussions", "January 1941 Border and Commercial
// Agreement"), else its parent's.
type sectionPeriodTable []dateRef

func (t sectionPeriodTable) at(i int) dateRef {
	if i < 0 || i >= len(t) {
		return dateRef{}
	}
	return t[i]
}

func sectionPeriods(d *doc.Document, tsBy sentenceRuns) sectionPeriodTable {
	t := make(sectionPeriodTable, len(d.Sections))
	// The tagger's period of each section, when it gives one.
	for i, s := range d.Sections {
		if hasYear(s.Period) {
			t[i] = dateRef{Value: s.Period, End: s.PeriodEnd, Precision: Precision(s.Period), Anchor: doc.AnchorSection, Timex: -1}
		}
	}
	for si, s := range d.Sentences {
		if s.Block < 0 || s.Block >= len(d.Blocks) || d.Blocks[s.Block].Kind != doc.BlockHeading {
			continue
		}
		sec := s.Section
		if sec < 0 || sec >= len(t) || t[sec].Value != "" {
			continue
		}
		for _, ti := range tsBy.at(si) {
			if usableTimex(d, ti) {
				t[sec] = dateOfTimex(d, ti)
				t[sec].Anchor = doc.AnchorSection
				break
			}
		}
	}
	// The document's own period (a title "… (1918–1941)") spans the whole
	// story and dates nothing.
	if len(t) > 0 {
		t[0] = dateRef{}
	}
	for i := range t {
		if t[i].Value == "" {
			for p := d.Sections[i].Parent; p > 0 && p < len(t) && p != i; p = d.Sections[p].Parent {
				if t[p].Value != "" {
					t[i] = t[p]
					break
				}
			}
		}
	}
	return t
}

// usableTimex reports whether a timex can date an event: a date or time
// whose value starts with a year.
func usableTimex(d *doc.Document, ti int) bool {
	t := &d.Timexes[ti]
	if t.Type != "" && t.Type != "DATE" && t.Type != "TIME" || !hasYear(t.Value) {
		return false
	}
	// "now", "then": the narrative's own time, which adds nothing
	return !isDeictic(t.Text)
}

// usable is usableTimex(s.d, ti), found once per timex of the document
// when the sentence has the document's table (usableTx).
func (s *sent) usable(ti int) bool {
	if ti < 0 || ti >= len(s.usableTx) {
		return usableTimex(s.d, ti)
	}
	switch s.usableTx[ti] {
	case 1:
		return true
	case 2:
		return false
	}
	u := usableTimex(s.d, ti)
	s.usableTx[ti] = 2
	if u {
		s.usableTx[ti] = 1
	}
	return u
}

// isDeictic reports whether deictic[strings.ToLower(s)], lower-casing an
// ASCII s on the stack: no deictic word is longer than the buffer.
func isDeictic(s string) bool {
	if s != "" && s[0] < 0x80 {
		// the deictic words start with these letters; a date mostly
		// starts with a digit or a month
		switch s[0] | 0x20 {
		case 'n', 't', 'a', 'c', 'p', 'm':
		default:
			return false
		}
	}
	var buf [16]byte
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return deictic[strings.ToLower(s)]
		}
	}
	if len(s) > len(buf) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return deictic[string(buf[:len(s)])]
}

var deictic = map[string]bool{"now": true, "then": true, "today": true, "at the time": true,
	"at that time": true, "that time": true, "currently": true, "presently": true, "meanwhile": true}

// dateOfTimex turns a timex into an event date.
func dateOfTimex(d *doc.Document, ti int) dateRef {
	t := d.Timexes[ti]
	a := t.Anchor
	if a == "" {
		a = doc.AnchorExplicit
	}
	return dateRef{Value: t.Value, Precision: Precision(t.Value), Anchor: a, Timex: ti}
}

// Precision names the granularity of a TIMEX3 value: day, month, season,
// quarter, half, week, year, decade, century, or "" when it is not a date.
func Precision(v string) string {
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		v = v[:i]
	}
	switch {
	case len(v) == 4 && hasYear(v):
		return "year"
	case len(v) == 4 && strings.HasSuffix(v, "XX"):
		return "century"
	case len(v) == 4 && strings.HasSuffix(v, "X"):
		return "decade"
	case len(v) == 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '9':
		return "month"
	case len(v) == 7 && v[4] == '-' && (v[5:] == "SP" || v[5:] == "SU" || v[5:] == "FA" || v[5:] == "WI"):
		return "season"
	case len(v) == 7 && v[4] == '-' && v[5] == 'Q':
		return "quarter"
	case len(v) == 7 && v[4] == '-' && v[5] == 'H':
		return "half"
	case len(v) == 8 && v[4] == '-' && v[5] == 'W':
		return "week"
	case len(v) == 10 && v[4] == '-' && v[7] == '-':
		return "day"
	}
	return ""
}

// dateFor dates the trigger m in clause [lo, hi): a timex in its clause
// (nearest first), else one earlier in the sentence, else the date written
// into the record it names, else the narrative's reference time, else the
// section's period.
func (c *Coder) dateFor(st *sent, nar *narrative, m match, lo, hi int, objName *recordName, period dateRef) dateRef {
	d := st.d
	best, bestDist := -1, 1<<30
	ownedBest := -1
	// "X reported in his memoirs in 1938 that already then Stalin had
	// sought …": the date of the report bounds what it reports, which
	// happened before
	rf0, rf1 := c.reportFrame(st, m.head)
	// distance from a timex item to a trigger head, dates after a trigger
	// counting a little nearer
	dist := func(k, head int) int {
		if k > head {
			return k - head
		}
		return head - k + 1
	}
	for k := lo; k < hi && k < len(st.items); k++ {
		it := &st.items[k]
		if it.kind != itTimex || !st.usable(it.ref) || isRangeEnd(st, k) || isDeadline(st, k) || rf0 < k && k < rf1 {
			continue
		}
		if k > m.head && m.e != nil && statement[m.e.typ] && st.items[k-1].kind == itWord && st.items[k-1].lower == "by" {
			continue // "threatened to invade Czechoslovakia by October 1": the deadline set
		}
		// a date in parentheses dates the aside, not the trigger outside
		if st.depth[k] > st.depth[min(m.head, len(st.depth)-1)] {
			continue
		}
		dk := dist(k, m.head)
		// a date nearer another trigger of the clause is that one's
		owned := false
		for _, h := range st.heads {
			// (a date fronted before both is shared: "In 1940, Italy
			// delayed the planned invasion")
			if h != m.head && h >= lo && h < hi && dist(k, h) < dk && !(k < h && k < m.head) {
				owned = true
			}
		}
		if owned {
			if ownedBest < 0 {
				ownedBest = k
			}
			continue
		}
		if dk < bestDist {
			best, bestDist = k, dk
		}
	}
	earlier := false // the date is another clause's, earlier in the sentence
	if best < 0 {
		for k := lo - 1; k >= 0; k-- {
			if st.bound[k+1] == bStrong {
				break
			}
			it := &st.items[k]
			if it.kind == itTimex && st.usable(it.ref) && !isRangeEnd(st, k) && st.depth[k] == 0 && !isDeadline(st, k) && !(rf0 < k && k < rf1) {
				best, earlier = k, true
				break
			}
		}
	}
	if earlier && priorClause(st, lo) && pluperfectBefore(st, m.first) {
		// "The alliance was renewed in August 1905, after Japan had
		// defeated Russia": before the main clause's date, in its year
		r := dateOfTimex(d, st.items[best].ref)
		if len(r.Value) >= 7 && hasYear(r.Value) {
			r.Value, r.Precision = r.Value[:4], "year"
		}
		return r
	}
	if best >= 0 {
		r := dateOfTimex(d, st.items[best].ref)
		if e := rangeEnd(st, best); e >= 0 {
			r.End = d.Timexes[st.items[e].ref].Value
		}
		reanchor(st, nar, best, &r)
		return r
	}
	if objName != nil && objName.timex >= 0 {
		return dateOfTimex(d, objName.timex)
	}
	if rf0 >= 0 && ownedBest >= 0 && ownedBest < rf0 {
		// a flashback in a report: the last date stated before the
		// report ("who defected in 1937, reported in 1938 that already
		// then …")
		return dateOfTimex(d, st.items[ownedBest].ref)
	}
	// "signed … on April 16, 1922, annulling all claims, restoring
	// relations": a participle after a comma, with no subject of its own,
	// tells what the earlier clause did, at its time
	if ownedBest >= 0 && ownedBest < m.first && participleAdjunct(st, m.first) {
		return dateOfTimex(d, st.items[ownedBest].ref)
	}
	// "terminated the Pact with its invasion … on June 22, 1941": with no
	// narrative time to go by, the clause's date dates both
	if ownedBest >= 0 && !nar.dated {
		return dateOfTimex(d, st.items[ownedBest].ref)
	}
	// A sentence with no date of its own, before the coder's narrative has
	// a time, takes the tagger's reference time for it. (The coder's own
	// narrative time — the last adverbial date — scores better on the
	// gold than the tagger's, which also moves on dates that modify nouns.)
	// The story's time does not run on from one chapter into the next: a
	// chapter that has given no date yet leaves its events undated.
	if !nar.dated {
		if period.Value != "" {
			r := period
			r.Timex = -1
			r.Anchor = doc.AnchorSection
			return r
		}
		return dateRef{Timex: -1}
	}
	if rt := d.Sentences[st.index].RefTime; rt != "" && hasYear(rt) && !sentenceHasDate(st) && nar.ref.Value == "" {
		return dateRef{Value: rt, Precision: Precision(rt), Anchor: doc.AnchorContext, Timex: -1}
	}
	if nar.ref.Value != "" {
		r := nar.ref
		r.Timex = -1
		if r.Anchor != doc.AnchorSection {
			r.Anchor = doc.AnchorContext
		}
		if r.Precision == "day" && pluperfectBefore(st, m.first) {
			// "Britain had asked Japan to help …" after a sentence of
			// August 23: before the story's day, in its month at best
			r.Value, r.Precision = r.Value[:7], "month"
		}
		return r
	}
	if period.Value != "" {
		r := period
		r.Timex = -1
		r.Anchor = doc.AnchorSection
		return r
	}
	return dateRef{Timex: -1}
}

// participleAdjunct reports whether the trigger starting at item first is
// an -ing participle opening a free adjunct: right after a comma, or after
// "and" that follows one ("…, annulling all claims, and establishing …").
func participleAdjunct(st *sent, first int) bool {
	if first < 1 || first >= len(st.items) {
		return false
	}
	w := &st.items[first]
	if w.kind != itWord || w.cap || len(w.lower) < 6 || !strings.HasSuffix(w.lower, "ing") {
		return false
	}
	k := first - 1
	if st.items[k].kind == itWord && st.items[k].lower == "and" {
		k--
	}
	return k >= 0 && st.items[k].kind == itPunct && st.items[k].text == ","
}

// priorClause reports a clause opened by "after", "since" or "once",
// which tells what happened before the clause it hangs on.
func priorClause(st *sent, lo int) bool {
	o := lo
	if o < len(st.items) && st.items[o].kind == itPunct {
		o++
	}
	if o >= len(st.items) || st.items[o].kind != itWord {
		return false
	}
	switch st.items[o].lower {
	case "after", "since", "once":
		return true
	}
	return false
}

// reanchor corrects the year of a date the tagger completed from a
// flashback earlier in its sentence: in "The Soviet Union had signed a
// treaty in May 1935, but it was not consulted in September" the tagger
// reads September 1935; the story's year is the one before the flashback.
func reanchor(st *sent, nar *narrative, k int, r *dateRef) {
	t := &st.d.Timexes[st.items[k].ref]
	if t.Anchor != doc.AnchorContext || !hasYear(nar.ref.Value) || len(r.Value) < 4 || r.Value[:4] == nar.ref.Value[:4] || hasYearDigits(t.Text) {
		return
	}
	for j := k - 1; j >= 0; j-- {
		it := &st.items[j]
		if it.kind != itTimex || !st.usable(it.ref) {
			continue
		}
		if flashback(st, j) && strings.HasPrefix(r.Value, st.d.Timexes[it.ref].Value[:4]) {
			r.Value = nar.ref.Value[:4] + r.Value[4:]
		}
		return
	}
}

// hasYearDigits reports four digits in a row: a year written out.
func hasYearDigits(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
			if n == 4 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// flashback reports a date told in the pluperfect: the nearest verb
// before the timex at item i in its clause is a participle after "had"
// ("the one the two countries had signed in August 1939"). Such a date
// looks back from the story's time and does not move it; "by October 6
// … had been occupied" does.
func flashback(st *sent, i int) bool {
	if i > 0 && st.items[i-1].kind == itWord && st.items[i-1].lower == "by" {
		return false
	}
	lo, _ := st.clause(i)
	for k := i - 1; k >= lo; k-- {
		it := &st.items[k]
		if it.kind != itWord {
			continue
		}
		if it.isPreposition() || it.hasFlag(wNP, npWords) || it.hasFlag(wArticle, articles) || strings.HasSuffix(it.lower, "ly") {
			continue
		}
		if verbLike(st.lx, it.lower) || beForms[it.lower] {
			return isParticipleForm(it.lower) && pluperfectBefore(st, k+1)
		}
	}
	return false
}

// isParticipleForm reports a past participle's look: -ed, -en, or an
// irregular past.
func isParticipleForm(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") || irregularPast[w] || w == "been"
}

// pluperfectBefore reports a pluperfect governing the word at item first:
// "had" before it with only participles, adverbs and the words of a noun
// phrase between ("had signed", "had earlier been agreed", "had begun
// their British negotiations").
func pluperfectBefore(st *sent, first int) bool {
	for k := first - 1; k >= 0 && k >= first-7; k-- {
		it := &st.items[k]
		if it.kind == itMention && k < first-1 {
			continue // "had begun their British negotiations"
		}
		if it.kind != itWord {
			return false
		}
		switch {
		case it.lower == "had":
			return true
		case isParticipleForm(it.lower), strings.HasSuffix(it.lower, "ly"), it.lower == "already", it.lower == "earlier",
			it.lower == "also", it.lower == "not", it.lower == "never", it.hasFlag(wNP, npWords), it.hasFlag(wArticle, articles),
			!it.cap && it.isAdjective():
		default:
			return false
		}
	}
	return false
}

// reportFrame returns the items (verb, that) of a report whose words the
// trigger at item head stands in as a flashback: a speech or report verb,
// then "that", then a pluperfect before the trigger ("reported in his
// memoires in 1938 that already then Stalin had sought …"). It returns
// (-1, -1) otherwise.
func (c *Coder) reportFrame(st *sent, head int) (int, int) {
	that := -1
	for k := head - 1; k >= 0 && k >= head-12; k-- {
		if it := &st.items[k]; it.kind == itWord && it.lower == "that" {
			that = k
			break
		}
	}
	if that < 0 {
		return -1, -1
	}
	pluperfect := false
	for k := that + 1; k < head; k++ {
		if st.items[k].kind == itWord && st.items[k].lower == "had" {
			pluperfect = true
		}
	}
	if !pluperfect {
		return -1, -1
	}
	for k := that - 1; k >= 0 && k >= that-10; k-- {
		if it := &st.items[k]; it.kind == itWord && (c.cues.speech[it.lower] || reportVerbs[it.lower]) {
			return k, that
		}
	}
	return -1, -1
}

// reportVerbs report what someone learnt or wrote, besides the speech
// verbs of data/modality.txt.
var reportVerbs = map[string]bool{"reported": true, "reports": true, "recalled": true, "noted": true, "revealed": true,
	"testified": true, "confirmed": true, "admitted": true, "learned": true, "learnt": true, "discovered": true, "wrote": true}

// rangeEnd returns the item of the timex ending a range that starts at the
// timex item k ("1930–1932", "from 1928 to 1948"), or -1.
func rangeEnd(st *sent, k int) int {
	if k+2 >= len(st.items) || st.items[k+2].kind != itTimex {
		return -1
	}
	j := &st.items[k+1]
	if j.kind == itPunct && (j.text == "–" || j.text == "-" || j.text == "—") {
		return k + 2
	}
	if j.kind == itWord && (j.lower == "to" || j.lower == "until" || j.lower == "till") {
		return k + 2
	}
	if j.kind == itWord && j.lower == "and" && k > 0 && st.items[k-1].lower == "between" {
		return k + 2
	}
	return -1
}

// isRangeEnd reports whether the timex item k ends a range.
func isRangeEnd(st *sent, k int) bool {
	return k >= 2 && st.items[k-2].kind == itTimex && rangeEnd(st, k-2) == k
}

// sentenceHasDate reports whether the sentence holds a date that could
// date an event (outside the names of records).
func sentenceHasDate(st *sent) bool {
	for i := range st.items {
		it := &st.items[i]
		if it.kind == itTimex && st.usable(it.ref) {
			return true
		}
	}
	return false
}

func isHead(st *sent, i int) bool {
	for _, h := range st.heads {
		if h == i {
			return true
		}
	}
	return false
}

// statement lists the types of events that are statements: a date after
// "by" in what they say is a deadline they set.
var statement = map[string]bool{"REQUEST": true, "THREATEN": true, "AGREE": true}

// isDeadline reports a date after "until" or "till": the end of a
// state of affairs ("extended … until August 1, 1942"), not when the
// reported act took place.
func isDeadline(st *sent, k int) bool {
	return k > 0 && st.items[k-1].kind == itWord && (st.items[k-1].lower == "until" || st.items[k-1].lower == "till")
}
