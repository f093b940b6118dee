// Package event codes the events a history text reports — who did what to
// whom, and when — with the 16 PLOVER types, their modes, our subtypes and
// PLOVER's cooperation–conflict scores.
//
// A trigger lexicon (data/triggers.txt) names the verbs, event nouns and
// phrases that report an event; a light clause chunker over the sentence,
// with the actor mentions and temporal expressions of the earlier stages
// collapsed into single units, finds the actor and recipient (subject and
// object, "by" agents of passives, "with", "between … and …", the
// premodifier of an event noun); the date comes from the timex of the
// event's clause, else the narrative's reference time, else the section's
// period; a cue list (data/modality.txt) decides whether the event is
// asserted, negated, hypothetical or disputed. Events retold later in the
// document are merged into one event with several evidence spans.
//
// Contract: an event with no political actor, or with no date at least to
// the year, is not emitted.
package event

import (
	"context"
	_ "embed"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
)

//go:embed data/ontology.tsv
var ontologySrc string

//go:embed data/triggers.txt
var triggersSrc string

//go:embed data/modality.txt
var modalitySrc string

// Coder is the event coding stage. It is safe for concurrent use: it holds
// only read-only tables built once by New.
type Coder struct {
	onto        *Ontology
	lex         *Lexicon
	cues        *Cues
	vocab       *vocabulary
	keepUndated bool
}

// Options tune the coder.
type Options struct {
	// KeepUndated keeps events the text does not date (the contract drops
	// them); for coding stand-alone sentences, as in the PLOVER gold
	// standard records, where only the event type is scored.
	KeepUndated bool
}

// New builds a Coder from the embedded ontology, trigger lexicon and
// modality cues.
func New() (*Coder, error) { return NewWithOptions(Options{}) }

// NewWithOptions builds a Coder with options.
func NewWithOptions(o Options) (*Coder, error) {
	onto, err := ParseOntology(ontologySrc)
	if err != nil {
		return nil, err
	}
	lex, err := ParseLexicon(triggersSrc, onto)
	if err != nil {
		return nil, err
	}
	cues, err := ParseCues(modalitySrc)
	if err != nil {
		return nil, err
	}
	return &Coder{onto: onto, lex: lex, cues: cues, vocab: newVocabulary(lex, cues), keepUndated: o.KeepUndated}, nil
}

// Ontology returns the PLOVER table the coder scores with.
func (c *Coder) Ontology() *Ontology { return c.onto }

// Name implements pipeline.Stage.
func (c *Coder) Name() string { return "event" }

// skippedSections are sections of reference apparatus, not narrative.
var skippedSections = map[string]bool{"see also": true, "references": true, "further reading": true,
	"external links": true, "notes": true, "bibliography": true, "sources": true, "citations": true, "footnotes": true}

// cand is an event being built. Its flags stand together so that it fits
// the 640-byte size class (scattered, their padding made it 656 bytes,
// allocated as 704): a document allocates one per trigger that stands.
type cand struct {
	ev       doc.Event
	m        match
	sent     int
	block    int
	section  int
	name     *recordName
	lo, hi   int   // clause
	actorM   []int // mention indexes
	recipM   []int
	treatyKy string   // normalised treaty name, for coreference
	trig     doc.Span // clean span of the trigger words
	dateName *recordName
	dropped  bool
	isVerb   bool
	refEvent bool              // named as a point of reference ("before the invasion")
	absorbed bool              // dropped as what another event reports ("refused to accept …")
	evidence map[doc.Span]bool // evidence spans already merged in
	// stateList is states sorted, once computed.
	stateList []string
}

// Annotate codes the events of d and sets d.Events.
func (c *Coder) Annotate(ctx context.Context, d *doc.Document) error {
	msBy := mentionsBySentence(d)
	tsBy := timexesBySentence(d)
	periods := sectionPeriods(d, tsBy)
	// all is sized for one event in two sentences, buf for a long
	// sentence: fewer copies as they grow
	all := make([]*cand, 0, len(d.Sentences)/2)
	buf := make([]item, 0, 64)
	var names []recordName
	// st is the sentence being coded, one value for all: its buffers are
	// reused from sentence to sentence (no coded event refers to it).
	var st sent
	st.usableTx = make([]int8, len(d.Timexes))
	var spans []itemSpan
	var found []nameFound
	// lowered holds the lower-case forms of the document's ASCII words and
	// mentions with capitals (see lowerer): in the founding article and
	// the WikiWars texts, 29–31 % of the text; sized for a third.
	var lowered strings.Builder
	lowered.Grow(len(d.Text) / 3)
	nar := &narrative{}
	lastSection := -1
	skipped := make([]bool, len(d.Sections))
	for i := range d.Sections {
		skipped[i] = isSkippedSection(d.Sections[i].Title)
	}
	for si, s := range d.Sentences {
		if si%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if s.Block < 0 || s.Block >= len(d.Blocks) {
			continue
		}
		kind := d.Blocks[s.Block].Kind
		if kind == doc.BlockTitle || kind == doc.BlockInfobox {
			continue
		}
		if s.Section >= 0 && s.Section < len(d.Sections) && skipped[s.Section] {
			continue
		}
		if s.Section != lastSection {
			nar.reset(periods.at(s.Section), chapterOf(d, s.Section) != chapterOf(d, lastSection))
			lastSection = s.Section
		}
		lw := lowerer{text: d.Text[s.Clean.Start:s.Clean.End], base: s.Clean.Start, vocab: c.vocab, lowered: &lowered}
		items := sentenceItems(d, &lw, s, msBy.at(si), tsBy.at(si), buf, &spans)
		items, names, found = findNamesWith(d, &lw, items, names, found)
		st.start(d, c.lex, si, items, append([]recordName(nil), names...), lw.seen, c.vocab != nil)
		st.prepare()
		cs := c.codeSentence(&st, nar, periods.at(s.Section), kind == doc.BlockHeading)
		for _, k := range cs {
			k.block = s.Block
			k.section = s.Section
		}
		all = append(all, cs...)
		nar.after(&st, kind == doc.BlockHeading)
		buf = items[:0]
	}
	evs := c.finish(d, all)
	d.Events = evs
	return nil
}

// isSkippedSection is skippedSections[strings.ToLower(strings.TrimSpace(title))],
// an ASCII title lower-cased on the stack rather than in a new string.
func isSkippedSection(title string) bool {
	t := strings.TrimSpace(title)
	var buf [48]byte
	if len(t) > len(buf) {
		return skippedSections[strings.ToLower(t)]
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf {
			return skippedSections[strings.ToLower(t)]
		}
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return skippedSections[string(buf[:len(t)])]
}

// sentenceRuns lists annotations by sentence: those of sentence si are
// idx[bounds[si]:bounds[si+1]]. Two flat arrays without pointers rather
// than a slice per sentence: less to allocate and nothing for the
// collector to scan.
type sentenceRuns struct {
	idx    []int
	bounds []int32
}

// at returns the annotations of sentence si (capped: appending copies).
func (r sentenceRuns) at(si int) []int {
	return r.idx[r.bounds[si]:r.bounds[si+1]:r.bounds[si+1]]
}

// mentionsBySentence lists the mentions inside each sentence, by clean span.
func mentionsBySentence(d *doc.Document) sentenceRuns {
	spans := make([]doc.Span, len(d.Mentions))
	for i := range d.Mentions {
		spans[i] = d.Mentions[i].Clean
	}
	return bySentence(d, spans)
}

// timexesBySentence lists the timexes inside each sentence, by clean span.
func timexesBySentence(d *doc.Document) sentenceRuns {
	spans := make([]doc.Span, len(d.Timexes))
	for i := range d.Timexes {
		spans[i] = d.Timexes[i].Clean
	}
	return bySentence(d, spans)
}

// bySentence lists the annotations (clean spans spans[i]) inside each
// sentence, in order of start, the lists cut from one array.
func bySentence(d *doc.Document, spans []doc.Span) sentenceRuns {
	n := len(spans)
	span := func(i int) doc.Span { return spans[i] } // inlined: a slice read
	bounds := make([]int32, len(d.Sentences)+1)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	// The earlier stages emit their annotations in text order: sort only
	// when they are not (a stable sort leaves sorted input as it is).
	sorted := true
	for i := 1; i < len(idx) && sorted; i++ {
		sorted = span(idx[i-1]).Start <= span(idx[i]).Start
	}
	if !sorted {
		sort.SliceStable(idx, func(a, b int) bool { return span(idx[a]).Start < span(idx[b]).Start })
	}
	// idx is in text order and sentences are: each sentence's annotations
	// are a run of idx, kept in place.
	kept := idx[:0]
	si := 0
	for _, ai := range idx {
		a := span(ai)
		for si < len(d.Sentences) && d.Sentences[si].Clean.End <= a.Start {
			si++
		}
		if si < len(d.Sentences) && d.Sentences[si].Clean.Start <= a.Start && a.End <= d.Sentences[si].Clean.End {
			kept = append(kept, ai)
			bounds[si+1]++ // counted here, summed below
		}
	}
	for i := 1; i < len(bounds); i++ {
		bounds[i] += bounds[i-1]
	}
	return sentenceRuns{idx: kept, bounds: bounds}
}

// codeSentence finds and codes the events of one sentence.
func (c *Coder) codeSentence(st *sent, nar *narrative, period dateRef, heading bool) []*cand {
	isName := func(i int, class string) bool {
		nm := &st.names[st.items[i].ref]
		return c.lex.inClass(class, nm.head)
	}
	bareHead := func(i int) string {
		nm := &st.names[st.items[i].ref]
		if nm.proper {
			return "" // a proper name is no bare head: not lowered
		}
		if l := strings.ToLower(nm.text); nameHeads[l] != "" {
			return l
		}
		return ""
	}
	ms := c.lex.findInto(st.matches[:0], st.items, isName, bareHead)
	st.matches = ms
	// out is the sentence's buffer: the caller copies the events kept
	out := st.cands[:0]
	defer func() { st.cands = out[:0] }()
	// prevEnd is the end of the last trigger that coded an event: a cue
	// before it is that event's; a trigger turned down ("sought" with no
	// object of its class) leaves its cues to the next ("sought to annex").
	prevEnd := 0
	for mi, m := range ms {
		limit := len(st.items)
		if mi+1 < len(ms) {
			limit = ms[mi+1].head
		}
		k := c.codeMatch(st, nar, m, prevEnd, limit, period)
		for _, alt := range m.alts {
			if k != nil {
				break
			}
			k = c.codeMatch(st, nar, alt, prevEnd, limit, period)
		}
		if k != nil {
			out = append(out, k)
			prevEnd = k.m.end
		}
	}
	c.applyEmbedding(st, out)
	c.absorbPurposes(st, out)
	// Dates, once it is known which triggers stand: a date belongs to the
	// nearest trigger of its clause.
	for _, k := range out {
		if !k.dropped {
			st.heads = append(st.heads, k.m.head)
		}
	}
	for _, k := range out {
		if k.dropped {
			continue
		}
		k.ev.Date = c.dateFor(st, nar, k.m, k.lo, k.hi, k.dateName, period)
		if k.refEvent && k.ev.Date.Timex < 0 {
			// "before his dismissal", "after the invasion": an event named
			// as a point of reference, with no date of its own here
			k.dropped = true
		}
	}
	treatyParties(out)
	c.frameDebate(st, nar, out)
	c.shareParticipants(st, nar, out)
	for _, k := range out {
		if !k.dropped && k.ev.Subtype == "treaty.sign" && k.ev.Modality == doc.ModalityAsserted && k.ev.Date.Value != "" && k.ev.Name != "" && len(k.ev.Actor)+len(k.ev.Recipient) > 0 {
			nar.lastSign = k
			nar.noteSigning(k)
		}
	}
	out = append(out, c.nameEvents(st, nar, period, out)...)
	// A heading names its section's subject ("Soviet invasion of eastern
	// Poland"): the body tells the event, dated; the heading is no evidence
	// of its own.
	if heading {
		return nil
	}
	kept := out[:0]
	for _, k := range out {
		if !k.dropped {
			kept = append(kept, k)
		}
	}
	return kept
}

// codeMatch codes one trigger, or returns nil when the entry's conditions
// are not met.
func (c *Coder) codeMatch(st *sent, nar *narrative, m match, prevEnd, limit int, period dateRef) *cand {
	var idScratch, idScratch2 [4]string // ids looked at only, on the stack
	e := m.e
	d := st.d
	lo, hi := st.clause(m.head)
	if st.quoted[m.head] {
		return nil // words quoted from a source are not narrated events
	}
	if it := st.items[m.first]; it.kind == itName && st.names[it.ref].claimed {
		return nil // "signed an agreement with X": the signing is the event
	}
	// The candidate is built on the stack and copied to the heap only if
	// it stands: most triggers tried are turned down.
	kv := cand{m: m, sent: st.index, lo: lo, hi: hi, isVerb: e.kind == 'V',
		trig: doc.Span{Start: st.items[m.first].start, End: st.items[m.end-1].end}}
	k := &kv
	k.ev.Type, k.ev.Mode, k.ev.Subtype = e.typ, e.mode, e.subtype
	if len(e.cue) > 0 {
		found := false
		for _, cl := range e.cue {
			if c.classInRange(st, cl, m.end, len(st.items), m) {
				found = true
			}
		}
		if !found {
			return nil
		}
	}
	if e.intrans && m.end < len(st.items) && st.items[m.end].kind == itWord && !st.items[m.end].isPreposition() {
		return nil
	}
	if e.inf && (m.end >= len(st.items) || st.items[m.end].kind != itWord || !infinitiveWord(st.lx, &st.items[m.end])) {
		return nil // "offered to Germany …" is no offer to act
	}
	if e.speaker {
		// "Russia said on Tuesday that Sudan must return …": a demand by
		// the speaker on the subject of the reported words
		return c.codeSpeaker(st, nar, k, lo, hi)
	}
	// An event noun named as a topic ("documents pertaining to the
	// cooperation", "referencing entering an agreement") is not narrated.
	if topicBefore(st, m.first) {
		return nil
	}
	for _, a := range e.alts {
		if c.classInRange(st, a.class, lo, len(st.items), m) {
			k.ev.Type, k.ev.Mode, k.ev.Subtype = a.typ, a.mode, a.subtype
			break
		}
	}
	passive := e.kind == 'V' && isPassive(st, m)
	if passive && e.active {
		return nil // "is prepared to sign": a willingness, not a preparation
	}
	objHi := min(hi, limit)
	if objHi <= m.end {
		objHi = min(hi, len(st.items))
	}
	// Object class conditions.
	var objName *recordName
	itIsName := false // a passive's "it" stands for the record named before
	if len(e.obj) > 0 || len(e.notObj) > 0 {
		var from, to int
		if passive || e.objLeft {
			from, to = lo, m.first
		} else {
			from, to = m.end, min(hi, m.end+8)
		}
		found, nm := c.objectOfClass(st, from, to, e.obj, passive || e.objLeft)
		if !found && passive && pronounSubject(st, m.first) {
			// "The Treaty of X …; it was signed on …"
			found, nm = c.objectOfClass(st, 0, m.first, e.obj, true)
			itIsName = found
		}
		if !found && !passive && !e.objLeft {
			// "the agreement … that the two countries had signed": the
			// object is the relative clause's antecedent
			if rel := st.relativeBefore(m.first); rel > 0 {
				found, nm = c.objectOfClass(st, max(rel-6, 0), rel, e.obj, true)
			}
		}
		if len(e.obj) > 0 && !found {
			// the pattern itself may end in the object ("sign … armistice")
			if !c.patternHasClass(st, m, e.obj) {
				return nil
			}
		}
		if nm == nil && found && nar.lastByHead != nil {
			// "The alliance was renewed", "the alliance lapsed": the
			// treaty last named, when the word is its head
			if w := c.definiteTreatyWord(st, from, to, passive || e.objLeft); w != "" && nar.lastByHead[w] != nil {
				nm = nar.lastByHead[w]
			}
		}
		objName = nm
		if e.proper && (nm == nil || !nm.proper) {
			return nil
		}
		if len(e.notObj) > 0 {
			if bad, _ := c.objectOfClass(st, from, to, e.notObj, passive); bad {
				return nil
			}
		}
	}
	if objName == nil {
		// a name inside the pattern ("draft … agreement")
		for i := m.first; i < m.end; i++ {
			if st.items[i].kind == itName {
				objName = &st.names[st.items[i].ref]
			}
		}
	}
	if objName == nil && strings.HasPrefix(k.ev.Subtype, "treaty.") {
		// "terminated the Molotov–Ribbentrop Pact": the treaty acted on
		for i := m.end; i < min(hi, m.end+6); i++ {
			if st.items[i].kind == itName {
				objName = &st.names[st.items[i].ref]
				break
			}
		}
	}
	// Participants.
	var actor, recip []int
	objFrom := m.end
	if e.hasGap() {
		// "gave Iceland a loan": the gap may hold the recipient
		objFrom = m.head + 1
	}
	if objName != nil && objHi < hi && objHi < len(st.items) && st.items[objHi].kind == itName && &st.names[st.items[objHi].ref] == objName {
		// "sought an agreement with Hitler": the next trigger is this
		// one's object, so its phrase is this one's too
		objHi = hi
	}
	obj := st.objectRight(objFrom, objHi, e, e.kind != 'V')
	switch {
	case e.kind == 'V' && passive:
		r := st.subjectLeft(m.first)
		var patient []int
		if !itIsName {
			patient = c.resolve(st, nar, r, lo)
		}
		if g := st.reducedRelative(m.first); g != nil {
			// "the Baltic States now occupied by the Soviets": the phrase
			// the participle hangs on
			patient = g
		}
		actor = obj.agent
		if actor == nil && r.group != nil && c.actPremodifier(st, r.group) {
			// "The Soviet decision … was communicated to the ambassador":
			// the act is the subject, its author the actor; "the Soviet
			// Union's negotiations with France … had been suspended": the
			// act's own other party receives
			actor, patient = r.group, nil
			if obj.recip == nil {
				for i := r.group[len(r.group)-1] + 1; i < m.first; i++ {
					if st.items[i].kind == itWord && st.items[i].lower == "with" && i+1 < m.first && st.items[i+1].kind == itMention {
						g, _, _ := st.groupAround(i + 1)
						obj.recip = g
						break
					}
				}
			}
		}
		if actor == nil && obj.from == nil && obj.actorP == nil && !itIsName {
			// "… occupied by the two powers, and the Polish state was
			// liquidated": the agent of the clause before
			actor = st.earlierAgent(lo)
		}
		if e.from == "actor" && obj.from != nil {
			actor = obj.from
		}
		if obj.actorP != nil {
			actor = obj.actorP
		}
		recip = patient
		if e.subj == "recipient" {
			// "X was admitted to the League": the League admits X
			if obj.recip != nil && actor == nil {
				actor = obj.recip
			}
		} else if recip == nil {
			recip = obj.recip
		}
	case e.kind == 'V':
		r := st.subjectLeft(m.first)
		if r.group == nil && r.pronoun == "" && isParticiple(st, m) {
			// "After having signed the pact, Germany invaded …": the
			// subject follows.
			r = st.subjectRight(m.end)
		}
		subj := c.resolve(st, nar, r, lo)
		if subj == nil || r.group != nil && r.group[0] < lo-1 {
			// "a Soviet obligation to deliver raw materials", "Germany's
			// decision to attack": the author of the noun the infinitive
			// completes
			if m.first >= 2 && st.items[m.first-1].lower == "to" && st.items[m.first-2].kind == itWord && !st.items[m.first-2].cap && !verbLike(st.lx, st.items[m.first-2].lower) {
				if pm, _ := st.premodifier(m.first - 2); pm != nil {
					subj = pm
				}
			}
		}
		actor, recip = subj, obj.recip
		if e.subj == "recipient" {
			actor, recip = obj.from, subj
			if actor == nil {
				actor = obj.recip
			}
		} else if e.from == "actor" && obj.from != nil && actor == nil {
			actor = obj.from
		}
		if obj.actorP != nil {
			actor = obj.actorP
		}
	default: // nouns and phrases
		pm, pron := st.premodifier(m.first)
		var target []int
		np := m.first // where the noun's phrase starts
		if pm != nil && st.antiBefore(pm) {
			// "an anti-Soviet propaganda campaign": the target
			target, pm = pm, nil
			np = st.antiStart(target)
		}
		switch {
		case pm != nil:
			actor = pm
		case pron != "":
			actor = c.resolve(st, nar, subjectResult{pronoun: pron, at: m.first - 1}, lo)
		case obj.agent != nil:
			actor = obj.agent
		case obj.actorP != nil:
			actor = obj.actorP
		case e.from == "actor" && obj.from != nil:
			actor = obj.from
		case e.ofActor && obj.ofG != nil:
			// "rejected the proposal of Sweden": the noun's own author
			actor = obj.ofG
		case e.kind == 'P' || st.instrument(np, lo):
			actor = c.resolve(st, nar, st.subjectLeft(np), lo)
		case governed(c, st, nar, np, lo, &actor):
		default:
			// "presented Serbia with an ultimatum": the verb's subject
			// acts, its object receives.
			if g, ok := st.withObject(m.first, lo); ok {
				actor = c.resolve(st, nar, st.subjectLeft(m.first), lo)
				if obj.recip == nil {
					obj.recip = g
				}
			}
		}
		recip = obj.recip
		if actor == nil {
			// "The last negotiations with Finland had been initiated by
			// the Soviet side"
			actor = st.passiveAgentAfter(m.end, hi)
		}
		if actor == nil && e.sym && recip != nil && st.fronted(m.first) {
			// "From the beginning of the negotiations with France, the
			// Soviets demanded …": the other party of a joint act named in
			// a fronted phrase is the subject that follows
			if r := st.subjectRight(m.end); r.group != nil && !sameGroup(r.group, recip) {
				actor = r.group
			}
		}
		if target != nil {
			recip = target
			if actor == nil {
				actor = c.resolve(st, nar, st.subjectLeft(np), lo)
			}
		}
		if e.ofActor && obj.ofG != nil {
			if actor == nil {
				actor = obj.ofG
			}
			if sameGroup(recip, obj.ofG) {
				recip = nil
			}
		}
		if pm != nil && obj.agent != nil {
			// "the invasion of X by Y" — rare with a premodifier
			recip = pm
			actor = obj.agent
		}
	}
	if obj.between != nil && (actor == nil || e.sym) && len(st.statesOf(obj.between)) >= 2 {
		actor, recip = st.splitByState(obj.between)
	}
	if recip == nil && e.kind == 'V' {
		// "pressed Britain to …": a mention the pattern itself holds
		for i := m.first + 1; i < m.end; i++ {
			if st.items[i].kind == itMention {
				g, _, _ := st.groupAround(i)
				recip = g
				break
			}
		}
	}
	if recip == nil && e.kind == 'V' && !passive && len(nar.recent) > 0 {
		// "Japan presented the Twenty-One Demands to China. Britain did
		// not support the demands.": the author of the act named again
		if p := c.namedAgain(st, nar, m.end, hi); p != nil && !sameMentions(st.mentions(actor), p.actorM) {
			recip = negIdx(p.actorM)
		}
	}
	if obj.behalf != nil {
		// "… made attempts at negotiations on behalf of Stalin"
		actor = append(append([]int(nil), actor...), obj.behalf...)
		if sameGroup(recip, obj.behalf) {
			recip = nil
		}
	}
	if e.sym && recip == nil && actor != nil {
		actor, recip = st.splitByState(actor)
	}

	if actor != nil && recip != nil && sameGroup(actor, recip) {
		recip = nil
	}
	if e.needObj && recip == nil && objName == nil && !st.objectThenInfinitive(m.end, hi) {
		return nil
	}
	// "the negotiations", "the invasion" with no participants of their own
	// refer back to an event already told.
	if e.kind == 'N' && m.first > 0 && st.items[m.first-1].lower == "the" && actor == nil && recip == nil && obj.between == nil {
		return nil
	}
	k.actorM, k.recipM = st.mentions(actor), st.mentions(recip)
	k.ev.Actor = st.idsAs(actor, false)
	k.ev.Recipient = minus(st.idsInto(idScratch[:0], recip), k.ev.Actor)
	if len(k.ev.Actor) == 0 && k.ev.Subtype == "official.dismissed" {
		// "Litvinov was dismissed", "the replacement of Litvinov": the
		// government he served dismissed him
		for _, mi := range k.recipM {
			if m := &d.Mentions[mi]; m.Kind == doc.KindPerson && m.State != "" && !slices.Contains(k.ev.Actor, m.State) {
				k.ev.Actor = append(k.ev.Actor, m.State)
			}
		}
		k.ev.Recipient = minus(k.ev.Recipient, k.ev.Actor)
	}
	if len(k.ev.Actor) == 0 && !passive && e.subj != "recipient" {
		// "Islamic fundamentalists continued their hunger strike",
		// "Rebels in the Ivory Coast blocked transport": a crowd the
		// actor recogniser does not name acts as itself
		if id := st.crowdActor(m.first, lo); id != "" {
			k.ev.Actor = []string{id}
		}
	}
	// Treaty named as the object; "the pact" is the last treaty named.
	if objName != nil {
		objName.claimed = true
		if strings.HasSuffix(k.ev.Subtype, ".sign") || k.ev.Subtype == "ratification" {
			objName.claimSign = true
		}
		k.name = objName
		if !objName.proper && objName.definite && nar.lastTreaty != nil && nar.lastTreaty.head == objName.head {
			objName = nar.lastTreaty
		}
		if c.lex.inClass("treaty", objName.head) {
			k.ev.Name = cleanName(objName.text)
		}
		if len(k.ev.Actor) == 0 && len(objName.parties) > 0 {
			a, r := splitMentionsByState(d, objName.parties)
			k.ev.Actor, k.ev.Recipient = idsOf(d, a), minus(idsOf(d, r), idsOf(d, a))
		} else if e.sym && len(objName.parties) > 0 {
			// "The Anglo-Japanese Alliance was signed … by Lord
			// Lansdowne": the parties the name gives that do not act
			// receive
			for _, id := range idsOf(d, objName.parties) {
				if !slices.Contains(k.ev.Actor, id) && !slices.Contains(k.ev.Recipient, id) && actingState(d, k, id) {
					k.ev.Recipient = append(k.ev.Recipient, id)
				}
			}
		}
		if len(k.ev.Actor)+len(k.ev.Recipient) == 0 {
			// "The Treaty of X, dictated by A, ended hostilities between B
			// and A; it was signed on …": the parties named near the name.
			if g := st.partiesNear(objName); g != nil {
				a, r := st.splitByState(g)
				if im := st.imposer(objName); im != nil {
					// "… dictated by Germany": the party that imposed it
					// acts, the others receive
					a, r = st.splitAround(g, im)
				}
				k.actorM, k.recipM = st.mentions(a), st.mentions(r)
				k.ev.Actor, k.ev.Recipient = st.ids(a), minus(st.idsInto(idScratch[:0], r), st.idsInto(idScratch2[:0], a))
			}
		}
	}
	splitPair(d, k, e)
	// A treaty denounced, ratified or joined: the other parties of its
	// signing are the recipients.
	if objName != nil && k.ev.Name != "" && len(k.ev.Recipient) == 0 && !strings.HasSuffix(k.ev.Subtype, ".sign") {
		if sg := nar.signings[treatyKey(k.ev.Name)]; sg != nil {
			k.ev.Recipient = minus(union(sg.ev.Actor, sg.ev.Recipient), k.ev.Actor)
		}
	}
	k.dateName = objName
	k.refEvent = e.kind != 'V' && st.referencePoint(m.first)
	// How sure.
	k.ev.Modality = e.modality
	mlo := max(lo, prevEnd)
	// An event noun that no verb governs is named in a claim, not claimed:
	// "according to others, the first sign of détente was the
	// conversation of April 17", "Molotov's speech … is usually taken to
	// mark this change".
	named := e.kind != 'V' && st.hasComplementCue(c.cues) && !claimedNoun(c, st, nar, m.first, lo)
	if k.ev.Modality == "" {
		k.ev.Modality = st.modalityWithout(c.cues, m.first, mlo, hi, named)
	} else if mod := st.modalityWithout(c.cues, m.first, mlo, hi, named); mod == doc.ModalityNegated || mod == doc.ModalityDisputed {
		k.ev.Modality = mod
	}
	if k.ev.Modality == modalityFuture {
		// "Finland will give Tanzania a grant": the statement of intent is
		// the event — AGREE for a cooperative act, THREATEN for a hostile one
		switch c.onto.Quad(k.ev.Type) {
		case "VC", "MC":
			k.ev.Type, k.ev.Mode, k.ev.Subtype = "AGREE", "", "intent."+k.ev.Subtype
		default:
			if k.ev.Type != "REQUEST" && k.ev.Type != "REJECT" {
				k.ev.Type, k.ev.Mode, k.ev.Subtype = "THREATEN", "", "threat."+k.ev.Subtype
			}
		}
		k.ev.Modality = doc.ModalityAsserted
	}
	if k.ev.Modality == modalityRefusal {
		switch c.onto.Quad(k.ev.Type) {
		case "VC", "MC":
			k.ev.Type, k.ev.Mode, k.ev.Subtype = "REJECT", "", "refuse."+k.ev.Subtype
		default:
			k.ev.Type, k.ev.Mode, k.ev.Subtype = "AGREE", "", "forswear."+k.ev.Subtype
		}
		k.ev.Modality = doc.ModalityAsserted
	}
	if k.ev.Modality == modalityConditional {
		// a condition or a possibility ("in case of a German attack",
		// "would invade"), not a reported plan: no event
		return nil
	}
	// How much.
	qs := st.quantities(m.end, min(limit, len(st.items)), d.Text)
	for i := range qs {
		if qs[i].Span != nil {
			r := d.RawSpan(*qs[i].Span)
			qs[i].Span = &r
		}
	}
	k.ev.Quantities = qs
	kp := st.newCand()
	*kp = kv
	return kp
}

// codeSpeaker codes a trigger standing in reported words: the speaker
// (the subject of the nearest speech verb before it) acts, the subject of
// the reported words receives. It returns nil when no speech verb stands
// before the trigger in its sentence.
func (c *Coder) codeSpeaker(st *sent, nar *narrative, k *cand, lo, hi int) *cand {
	var idScratch [4]string // ids looked at only, on the stack
	sv := -1
	for i := k.m.first - 1; i >= 0; i-- {
		if st.items[i].kind == itWord && c.cues.speech[st.items[i].lower] {
			sv = i
			break
		}
	}
	if sv < 0 {
		return nil
	}
	actor := c.resolve(st, nar, st.subjectLeft(sv), 0)
	recip := c.resolve(st, nar, st.subjectLeft(k.m.first), sv+1)
	if r := st.subjectLeft(k.m.first); r.group != nil && r.group[0] < sv {
		recip = nil // no subject of its own in the reported words
	}
	if actor == nil {
		return nil
	}
	if sameGroup(actor, recip) {
		recip = nil
	}
	k.actorM, k.recipM = st.mentions(actor), st.mentions(recip)
	k.ev.Actor = st.idsAs(actor, false)
	k.ev.Recipient = minus(st.idsInto(idScratch[:0], recip), k.ev.Actor)
	k.ev.Modality = st.modality(c.cues, k.m.first, lo, hi)
	if k.ev.Modality != doc.ModalityAsserted && k.ev.Modality != doc.ModalityDisputed {
		return nil
	}
	kp := st.newCand()
	*kp = *k
	return kp
}

// claimedNoun reports whether an event noun is the object of a verb
// other than "be" (so a claim about the verb's subject claims it), as
// Coder.governedActor finds.
func claimedNoun(c *Coder, st *sent, nar *narrative, first, lo int) bool {
	_, ok := c.governedActor(st, nar, first, lo)
	return ok
}

// namedAgain returns the event of the paragraph that a definite event
// noun right after a verb names again ("did not support the demands"):
// the latest event of the noun's type with an actor.
func (c *Coder) namedAgain(st *sent, nar *narrative, from, to int) *cand {
	if from+1 >= to || from+1 >= len(st.items) {
		return nil
	}
	if d := st.items[from]; d.kind != itWord || d.lower != "the" && d.lower != "these" && d.lower != "this" && d.lower != "that" {
		return nil
	}
	w := &st.items[from+1]
	if w.kind != itWord {
		return nil
	}
	typ := ""
	for _, ei := range c.lex.triggersAt(w) {
		if e := c.lex.entries[ei]; e.kind == 'N' {
			typ = e.typ
			break
		}
	}
	if typ == "" {
		return nil
	}
	block := st.d.Sentences[st.index].Block
	for i := len(nar.recent) - 1; i >= 0; i-- {
		p := nar.recent[i]
		if p.ev.Type == typ && st.d.Sentences[p.sent].Block == block {
			return p
		}
	}
	return nil
}

// negIdx turns mention indexes into the negative item indexes that stand
// for mentions of earlier sentences (see sent.mentions).
func negIdx(ms []int) []int {
	out := make([]int, len(ms))
	for i, mi := range ms {
		out[i] = -mi - 1
	}
	return out
}

// sameMentions reports two lists of mention indexes with the same states.
func sameMentions(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// governed is Coder.governedActor for a switch case: it stores the actor
// found and reports whether the noun is governed.
func governed(c *Coder, st *sent, nar *narrative, first, lo int, actor *[]int) bool {
	g, ok := c.governedActor(st, nar, first, lo)
	if ok {
		*actor = g
	}
	return ok
}

// classInRange reports whether a word of class cl (or a name of it) stands
// in items[lo:hi], other than inside the trigger's own pattern.
func (c *Coder) classInRange(st *sent, cl string, lo, hi int, m match) bool {
	bit := c.lex.classMask(cl)
	for i := lo; i < hi; i++ {
		if i >= m.first && i < m.end {
			continue
		}
		it := &st.items[i]
		switch it.kind {
		case itWord:
			if c.lex.wordInClass(it, cl, bit) {
				return true
			}
		case itName:
			if c.lex.inClass(cl, st.names[it.ref].head) {
				return true
			}
		case itMention:
			for w := range strings.FieldsSeq(it.lower) {
				if c.lex.inClass(cl, w) {
					return true
				}
			}
		}
	}
	return false
}

// objectOfClass looks for a word of one of the classes (or a treaty name)
// in items[from:to]: the object after an active verb, the subject before a
// passive one.
func (c *Coder) objectOfClass(st *sent, from, to int, classes []string, passive bool) (bool, *recordName) {
	if from < 0 {
		from = 0
	}
	var bitBuf [8]uint64
	bits := bitBuf[:0]
	for _, cl := range classes {
		bits = append(bits, c.lex.classMask(cl))
	}
	for i := from; i < to && i < len(st.items); i++ {
		it := &st.items[i]
		for ci, cl := range classes {
			switch it.kind {
			case itWord:
				if c.lex.wordInClass(it, cl, bits[ci]) {
					return true, nil
				}
			case itName:
				nm := &st.names[it.ref]
				if c.lex.inClass(cl, nm.head) {
					return true, nm
				}
			case itMention:
				for w := range strings.FieldsSeq(it.lower) {
					if c.lex.inClass(cl, w) {
						return true, nil
					}
				}
			}
		}
		if !passive && it.kind == itWord && it.isVerbish(c.lex) && i > from+1 {
			break
		}
	}
	return false, nil
}

// actingState reports whether id is a state not already on the actor
// side of k by one of its people ("Lord Lansdowne" acts for GBR).
func actingState(d *doc.Document, k *cand, id string) bool {
	for _, mi := range k.actorM {
		if stateOf(d, mi) == id {
			return false
		}
	}
	return true
}

// definiteTreatyWord returns the treaty word ("alliance", "treaty") of a
// definite description in items[from:to] ("the alliance"), or "".
func (c *Coder) definiteTreatyWord(st *sent, from, to int, passive bool) string {
	for i := max(from, 1); i < to && i < len(st.items); i++ {
		it := &st.items[i]
		if it.kind == itWord && c.lex.inClass("treaty", it.lower) {
			if p := st.items[i-1].lower; p == "the" || p == "this" || p == "that" || p == "their" || p == "its" {
				if h, ok := nameHeads[it.lower]; ok {
					return h
				}
			}
			return ""
		}
		if !passive && it.kind == itWord && it.isVerbish(c.lex) && i > from+1 {
			return ""
		}
	}
	return ""
}

func (c *Coder) patternHasClass(st *sent, m match, classes []string) bool {
	for i := m.first + 1; i < m.end; i++ {
		for _, cl := range classes {
			if st.items[i].kind == itWord && c.lex.inClass(cl, st.items[i].lower) {
				return true
			}
			if st.items[i].kind == itName && c.lex.inClass(cl, st.names[st.items[i].ref].head) {
				return true
			}
		}
	}
	return false
}

// isPassive reports whether the verb trigger m is in the passive voice: a
// participle after a form of "be" ("was signed"), or a reduced relative
// followed by "by" ("…, dictated by Germany").
func isPassive(st *sent, m match) bool {
	w := st.items[m.head].lower
	if !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") || w == "sent" || w == "sold" ||
		w == "held" || w == "told" || w == "shot" || w == "met" || w == "set" || w == "put" || w == "cut" || w == "led" || w == "struck" || w == "laid" || w == "sought" || w == "brought") {
		return false
	}
	for k := m.head - 1; k >= 0 && k >= m.head-6; k-- {
		it := &st.items[k]
		if it.kind != itWord {
			break
		}
		if beForms[it.lower] {
			return true
		}
		// "were distrusted and persecuted by"
		if it.lower == "and" || it.lower == "or" || strings.HasSuffix(it.lower, "ed") && k < m.head-1 {
			continue
		}
		if it.lower == "had" || it.lower == "has" || it.lower == "have" {
			return false
		}
		if !(strings.HasSuffix(it.lower, "ly") || it.lower == "not" || it.lower == "never" || it.lower == "also" || it.lower == "then" || it.lower == "finally" || it.lower == "soon" || it.lower == "later" || it.lower == "first" || it.lower == "all") {
			break
		}
	}
	// reduced relative: ", dictated by Germany", "the States now occupied
	// by the Soviets"
	if m.end < len(st.items) && st.items[m.end].lower == "by" && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) {
		return true
	}
	return false
}

// isParticiple reports whether a verb trigger is an -ing form or follows
// "having", so its subject may come after it.
func isParticiple(st *sent, m match) bool {
	w := st.items[m.head].lower
	if strings.HasSuffix(w, "ing") {
		return true
	}
	return m.head > 0 && st.items[m.head-1].lower == "having"
}

// subjectRight finds the subject after a fronted participial clause:
// the first mention group after the next comma (and only its part after
// the comma).
func (s *sent) subjectRight(from int) subjectResult {
	comma := -1
	for k := from; k < len(s.items) && k < from+25; k++ {
		it := &s.items[k]
		if it.kind == itPunct && it.text == "," {
			comma = k
			continue
		}
		if comma >= 0 && it.kind == itMention {
			b := s.before(k)
			if b >= 0 && s.items[b].kind == itWord && s.items[b].isPreposition() {
				continue
			}
			g, _, _ := s.groupAround(k)
			var out []int
			for _, x := range g {
				if x > comma {
					out = append(out, x)
				}
			}
			return subjectResult{group: out}
		}
	}
	return subjectResult{}
}

// reducedRelative returns the mention group a participle without "be"
// follows directly ("the Baltic States now occupied by …"), or nil.
func (s *sent) reducedRelative(first int) []int {
	k := first - 1
	for k >= 0 && (s.items[k].kind == itTimex && deictic[s.items[k].lower] || s.items[k].kind == itWord && (strings.HasSuffix(s.items[k].lower, "ly") || s.items[k].lower == "now" || s.items[k].lower == "then" || s.items[k].lower == "still")) {
		k--
	}
	if k < 0 || s.items[k].kind != itMention {
		return nil
	}
	for j := k + 1; j < first; j++ {
		if beForms[s.items[j].lower] {
			return nil
		}
	}
	g, _, _ := s.groupAround(k)
	return g
}

// resolve turns a subject result into a mention group, resolving pronouns
// against the narrative.
func (c *Coder) resolve(st *sent, nar *narrative, r subjectResult, lo int) []int {
	if r.group != nil {
		return r.group
	}
	switch r.pronoun {
	case "":
		return nil
	case "who":
		return st.whoAntecedent(r.at)
	case "he", "she", "his", "her", "him":
		// the nearest person earlier in this sentence, else the narrative's
		for k := r.at - 1; k >= 0; k-- {
			if st.items[k].kind == itMention && st.d.Mentions[st.items[k].ref].Kind == doc.KindPerson {
				return []int{k}
			}
		}
		return nar.refer("person", st)
	default:
		return nar.refer("other", st)
	}
}

// mentions turns a group of item indexes (which may hold negative indexes
// standing for mentions carried over from earlier sentences) into mention
// indexes.
func (s *sent) mentions(g []int) []int {
	if len(g) == 0 {
		return nil
	}
	return s.appendMentions(s.ints(len(g)), g)
}

// appendMentions appends the mention indexes of group g (see mentions) to
// out.
func (s *sent) appendMentions(out []int, g []int) []int {
	for _, i := range g {
		if i < 0 {
			out = append(out, -i-1)
			continue
		}
		out = append(out, s.items[i].ref)
	}
	return out
}

// ids returns the actor ids of a group, persons and organisations joined by
// the state they act for, without repeats.
func (s *sent) ids(g []int) []string { return s.idsAs(g, true) }

// idsInto is ids, appended to out (a buffer of the caller's for ids it
// only looks at).
func (s *sent) idsInto(out []string, g []int) []string { return s.appendIDsAs(out, g, true) }

// idsAs is ids, with groups' states only when groupState (see
// mentionIDsAs).
func (s *sent) idsAs(g []int, groupState bool) []string {
	// gathered on the stack, then copied once into a slice of their number
	var buf [8]string
	ids := s.appendIDsAs(buf[:0], g, groupState)
	out := make([]string, len(ids))
	copy(out, ids)
	return out
}

// appendIDsAs appends the ids of idsAs to out.
func (s *sent) appendIDsAs(out []string, g []int, groupState bool) []string {
	// ms, kept and ids are a few elements: on the stack
	var msBuf, keptBuf [8]int
	var idBuf [4]string
	ms := s.appendMentions(msBuf[:0], g)
	// "Axis power Japan": the coalition named for the member beside it
	kept := keptBuf[:0]
	for _, mi := range ms {
		mem := s.d.Mentions[mi].Members
		dup := false
		for _, mj := range ms {
			if mj != mi && len(mem) > 0 && len(s.d.Mentions[mj].Members) == 0 {
				for _, x := range mem {
					if stateOf(s.d, mj) == x {
						dup = true
					}
				}
			}
		}
		if !dup {
			kept = append(kept, mi)
		}
	}
	for _, mi := range kept {
		for _, id := range appendMentionIDsAs(idBuf[:0], s.d, mi, groupState) {
			if !slices.Contains(out, id) { // a handful: no set needed
				out = append(out, id)
			}
		}
	}
	return out
}

func idsOf(d *doc.Document, ms []int) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, mi := range ms {
		for _, id := range mentionIDs(d, mi) {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// statesOf returns the states of group g's mentions, in order, without
// repeats (a handful: no set needed).
func (s *sent) statesOf(g []int) []string {
	var out []string
	var msBuf [8]int
	for _, mi := range s.appendMentions(msBuf[:0], g) {
		for _, st := range s.d.Mentions[mi].Members {
			if !slices.Contains(out, st) {
				out = append(out, st)
			}
		}
		if st := stateOf(s.d, mi); st != "" && !slices.Contains(out, st) {
			out = append(out, st)
		}
	}
	return out
}

// splitByState puts the first state of a group (with its people) on the
// actor side and the others on the recipient side: "Germany and the Soviet
// Union signed" is Germany → Soviet Union.
func (s *sent) splitByState(g []int) ([]int, []int) {
	states := s.statesOf(g)
	if len(states) < 2 {
		return g, nil
	}
	var a, r []int
	for _, i := range g {
		mi := i
		if i >= 0 {
			mi = s.items[i].ref
		} else {
			mi = -i - 1
		}
		if stateOf(s.d, mi) == states[0] {
			a = append(a, i)
		} else {
			r = append(r, i)
		}
	}
	return a, r
}

func splitMentionsByState(d *doc.Document, ms []int) ([]int, []int) {
	first := ""
	var a, r []int
	for _, mi := range ms {
		st := stateOf(d, mi)
		if first == "" {
			first = st
		}
		if st == first {
			a = append(a, mi)
		} else {
			r = append(r, mi)
		}
	}
	return a, r
}

func sameStrings(a, b []string) bool {
	return slices.Equal(a, b)
}

func sameGroup(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// minus returns a without the elements of b.
func minus(a, b []string) []string {
	out := []string{}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

// cleanName strips the article and trailing punctuation from a name.
func cleanName(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"the ", "The ", "a ", "A ", "an ", "An ", "this ", "This "} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.TrimRight(s, " ,.;:")
}

// applyEmbedding applies the embed and yield options: an event reported in
// the object of another trigger takes its modality or is dropped.
func (c *Coder) applyEmbedding(st *sent, cs []*cand) {
	for _, a := range cs {
		e := a.m.e
		if e.embed == "" {
			continue
		}
		governed := false
		for _, b := range cs {
			if b == a || b.m.head < a.m.end || b.m.head > a.m.end+8 || b.m.head >= a.hi+6 {
				continue
			}
			// the embedded trigger must be in the governing trigger's
			// object: no clause break between them
			broken := false
			for k := a.m.end; k <= b.m.head && k < len(st.bound); k++ {
				if st.bound[k] != bNone || k < len(st.items) && st.items[k].kind == itPunct && st.items[k].text == "," {
					broken = true
					break
				}
				// "cancelled the agreement that it had signed …": a
				// relative clause describes the object, it is not it
				if w := st.items[k].lower; k > a.m.end && k < b.m.head && st.items[k].kind == itWord && (w == "that" || w == "which") {
					broken = true
					break
				}
			}
			if broken {
				continue
			}
			governed = true
			if slices.Contains(e.deferTo, b.ev.Type) {
				// "ordered the newspaper to suspend publication": the
				// censorship stands, by the one who ordered it
				if len(b.ev.Actor) == 0 || !sameStrings(b.ev.Actor, a.ev.Actor) && len(a.ev.Actor) > 0 {
					b.ev.Actor, b.actorM = a.ev.Actor, a.actorM
					b.ev.Recipient = minus(b.ev.Recipient, b.ev.Actor)
				}
				a.dropped = true
				break
			}
			switch e.embed {
			case "drop":
				b.dropped, b.absorbed = true, true
				// "promised to support Peru", "rejected the proposal of
				// Sweden": the embedded event's other party is this one's
				// recipient.
				if len(a.ev.Recipient) == 0 {
					if len(b.ev.Recipient) > 0 {
						a.ev.Recipient, a.recipM = minus(b.ev.Recipient, a.ev.Actor), b.recipM
					} else if len(b.ev.Actor) > 0 && !sameStrings(b.ev.Actor, a.ev.Actor) {
						a.ev.Recipient, a.recipM = minus(b.ev.Actor, a.ev.Actor), b.actorM
					}
				}
			case doc.ModalityNegated:
				if b.isVerb {
					// "delayed signing": one refusal, not a negated signing
					b.dropped = true
					governed = false
				} else {
					b.ev.Modality = doc.ModalityNegated
				}
			default:
				if b.ev.Modality == doc.ModalityAsserted {
					b.ev.Modality = e.embed
				}
			}
			break
		}
		if governed && e.yield {
			a.dropped = true
		}
	}
	// What an absorbed event's own object reports is absorbed with it:
	// "rejected an invitation to attend a meeting" is one refusal,
	// "agreed to provide … the industrial base to support it" one promise.
	for i, b := range cs {
		if !b.absorbed {
			continue
		}
		for _, c := range cs[i+1:] {
			if c.dropped || c.m.head <= b.m.head || c.m.head > b.m.end+12 || st.brokenBetween(b.m.end, c.m.head) {
				continue
			}
			c.dropped, c.absorbed = true, true
		}
	}
}

// treatyParties gives an act on a treaty with no recipient (cancelled,
// denounced, renewed …) the other parties of the treaty's signing told in
// the same sentence ("cancelled the agreement that it had signed with
// China").
func treatyParties(cs []*cand) {
	for _, k := range cs {
		if k.dropped || k.name == nil || len(k.ev.Recipient) > 0 || strings.HasSuffix(k.ev.Subtype, ".sign") || !strings.HasPrefix(k.ev.Subtype, "treaty.") && k.ev.Subtype != "ratification" {
			continue
		}
		for _, s := range cs {
			if s != k && !s.dropped && s.name == k.name && strings.HasSuffix(s.ev.Subtype, ".sign") {
				k.ev.Recipient = minus(union(s.ev.Actor, s.ev.Recipient), k.ev.Actor)
				break
			}
		}
	}
}

// frameDebate applies a frame of historiographical debate: a sentence
// opening one ("historians have argued about the start of the
// rapprochement") names disputed topics, and inside the frame an event
// hedged in its own clause ("Germany started its quest for a pact at some
// point in the spring of 1939") is one of the contested claims.
func (c *Coder) frameDebate(st *sent, nar *narrative, cs []*cand) {
	opens := !st.lacks(wDebate) && c.cues.Debate(st.items)
	if opens {
		nar.debate = true
	}
	if !nar.debate {
		return
	}
	for _, k := range cs {
		if k.dropped || k.ev.Modality != doc.ModalityAsserted {
			continue
		}
		if opens || c.hedged(st, k) {
			k.ev.Modality = doc.ModalityDisputed
		}
	}
}

// hedged reports a hedge in the event's clause that bears on it: after
// the trigger with no verb between, or before it with at most the verb
// that governs a noun trigger between.
func (c *Coder) hedged(st *sent, k *cand) bool {
	from := k.lo
	if st.lacks(wHedge) {
		return false // no word starts a hedge
	}
	for from < k.hi {
		start, end, ok := anyAt(c.cues.hedge, wHedge, st.items, from, k.hi)
		if !ok {
			return false
		}
		verbs := 0
		lo, hi := end, k.m.first
		if start >= k.m.end {
			lo, hi = k.m.end, start
		}
		for i := lo; i < hi; i++ {
			if it := st.items[i]; it.kind == itWord && verbLike(st.lx, it.lower) && !beForms[it.lower] && !auxiliaries[it.lower] {
				verbs++
			}
		}
		allowed := 0
		if start < k.m.first && !k.isVerb {
			allowed = 1
		}
		if verbs <= allowed {
			return true
		}
		from = end
	}
	return false
}

// absorbPurposes drops a demand or a permission that states the aim of an
// earlier act of its sentence: "staged demonstrations to demand reforms",
// "joining demonstrators in demanding a referendum", "resigned to allow
// elections" report the demonstration and the resignation. The act takes
// the demand's recipient when it has none.
func (c *Coder) absorbPurposes(st *sent, cs []*cand) {
	for i, b := range cs {
		if b.dropped || !b.isVerb || !(b.ev.Type == "REQUEST" || b.ev.Subtype == "permit") || !st.purposeVerb(b.m.first) {
			continue
		}
		var main *cand
		for _, a := range cs[:i] {
			if !a.dropped && a.ev.Type != "REQUEST" {
				main = a
			}
		}
		if main == nil {
			continue
		}
		b.dropped, b.absorbed = true, true
		if len(main.ev.Recipient) == 0 && len(b.ev.Recipient) > 0 {
			main.ev.Recipient, main.recipM = minus(b.ev.Recipient, main.ev.Actor), b.recipM
		}
	}
}

// purposeVerb reports a verb at item v that states an aim: an infinitive
// after a noun, a date or an adverb rather than after a verb that
// governs it ("staged demonstrations Saturday to demand …", not "agreed
// to provide"), or an -ing form after "in" or a comma ("in demanding",
// ", demanding").
func (s *sent) purposeVerb(v int) bool {
	if v < 2 {
		return false
	}
	p, pp := s.items[v-1], s.items[v-2]
	if p.kind == itWord && p.lower == "to" {
		switch pp.kind {
		case itTimex:
			return true
		case itMention:
			// "urged France to demand …" governs; "outside Parliament
			// to demand" is a place
			b := s.before(v - 2)
			return b >= 0 && s.items[b].kind == itWord && s.items[b].isPreposition()
		case itWord:
			w := pp.lower
			return !verbLike(s.lx, w) && !beForms[w] && !s.lx.verbs[w] && !isAdjective(w) && w != "able" && w != "going" && w != "order" && w != "ought" && w != "have" && w != "has"
		}
		return false
	}
	if strings.HasSuffix(s.items[v].lower, "ing") {
		return p.kind == itWord && p.lower == "in" || p.kind == itPunct && p.text == ","
	}
	return false
}

// brokenBetween reports a clause boundary or a comma in items[from:to].
func (s *sent) brokenBetween(from, to int) bool {
	for k := from; k <= to && k < len(s.bound); k++ {
		if s.bound[k] != bNone || k < len(s.items) && s.items[k].kind == itPunct && s.items[k].text == "," {
			return true
		}
	}
	return false
}

// nameEvents codes the signings a treaty's name dates by itself ("the
// 1932 Soviet–Finnish Non-Aggression Pact", "the Pact of 1939") and the
// secret protocols a sentence introduces, unless a trigger already took
// the name as its object.
func (c *Coder) nameEvents(st *sent, nar *narrative, period dateRef, done []*cand) []*cand {
	var out []*cand
	d := st.d
	for i := range st.items {
		it := &st.items[i]
		if it.kind != itName {
			continue
		}
		nm := &st.names[it.ref]
		// A name claimed by a signing is that signing; a name with its own
		// date claimed by another act ("denounced the 1932 … Pact") still
		// dates its signing.
		if nm.claimed && (nm.claimSign || nm.timex < 0) || st.quoted[i] {
			if c.lex.inClass("treaty", nm.head) && nm.proper {
				nar.noteTreaty(nm)
			}
			continue
		}
		secretProto := nm.secret && nm.head == "protocol" && nm.indefinite
		if !secretProto && (nm.timex < 0 || !nm.proper && !nm.indefinite) {
			if nm.proper {
				nar.noteTreaty(nm)
			}
			continue
		}
		k := &cand{m: match{first: i, end: i + 1, head: i}, sent: st.index, name: nm, trig: doc.Span{Start: it.start, End: it.end}}
		k.lo, k.hi = st.clause(i)
		k.ev.Type, k.ev.Mode = "SUPPORT", "sign"
		k.ev.Subtype = "treaty.sign"
		if nm.head == "armistice" {
			k.ev.Subtype = "armistice.sign"
		}
		parties := nm.parties
		// "… Pact of January 26, 1934, between Nazi Germany and the Second
		// Polish Republic"
		for j := i + 1; j < len(st.items) && j < i+4; j++ {
			if st.items[j].kind == itWord && st.items[j].lower == "between" && j+1 < len(st.items) {
				for x := j + 1; x < len(st.items) && x < j+4; x++ {
					if st.items[x].kind == itMention {
						g, _, _ := st.groupAround(x)
						parties = st.mentions(g)
						break
					}
				}
				break
			}
		}
		if secretProto {
			k.ev.Subtype = "secret_protocol.sign"
			if nar.lastSign != nil {
				k.ev.Name = cleanName(nm.text) + " to the " + nar.lastSign.ev.Name
				if len(parties) == 0 {
					k.actorM, k.recipM = nar.lastSign.actorM, nar.lastSign.recipM
					k.ev.Actor = append([]string(nil), nar.lastSign.ev.Actor...)
					k.ev.Recipient = append([]string(nil), nar.lastSign.ev.Recipient...)
				}
			}
		}
		if k.ev.Name == "" {
			k.ev.Name = cleanName(nm.text)
		}
		if len(parties) > 0 || !secretProto {
			a, r := splitMentionsByState(d, parties)
			k.actorM, k.recipM = a, r
			k.ev.Actor = idsOf(d, a)
			k.ev.Recipient = minus(idsOf(d, r), k.ev.Actor)
		}
		if nm.timex >= 0 {
			k.ev.Date = dateOfTimex(d, nm.timex)
		} else {
			k.ev.Date = c.dateFor(st, nar, k.m, k.lo, k.hi, nil, period)
			if secretProto && nar.lastSign != nil {
				k.ev.Date = nar.lastSign.ev.Date
				k.ev.Date.Anchor = doc.AnchorContext
			}
		}
		k.ev.Modality = st.modality(c.cues, i, k.lo, k.hi)
		if nm.proper {
			nar.noteTreaty(nm)
		}
		out = append(out, k)
	}
	for _, k := range out {
		if k.ev.Subtype == "treaty.sign" && k.ev.Date.Value != "" && k.ev.Name != "" && len(k.ev.Actor)+len(k.ev.Recipient) > 0 {
			nar.lastSign = k
			nar.noteSigning(k)
		}
	}
	return out
}

// finish scores, filters, merges retold events and numbers the events of
// a document.
func (c *Coder) finish(d *doc.Document, all []*cand) []doc.Event {
	political := politicalActors(d)
	ix := newCorefIndex()
	var kept []*cand
	for _, k := range all {
		if !anyPolitical(political, k.ev.Actor) && !anyPolitical(political, k.ev.Recipient) {
			continue // no political actor
		}
		if !hasYear(k.ev.Date.Value) && !c.keepUndated {
			continue // not dated to the year
		}
		k.ev.Score, k.ev.Quad = c.onto.scoreQuad(k.ev.Type, k.ev.Mode)
		k.ev.Document = d.ID
		k.ev.Sentence = k.sent
		s := d.Sentences[k.sent]
		k.ev.Evidence = doc.Evidence{Span: s.Span, Text: s.Text}
		k.ev.Trigger = doc.Evidence{Span: d.RawSpan(k.trig), Text: d.Text[k.trig.Start:k.trig.End]}
		if k.ev.Quantities == nil {
			k.ev.Quantities = []doc.Quantity{}
		}
		if k.ev.Recipient == nil {
			k.ev.Recipient = []string{}
		}
		if k.ev.Actor == nil {
			k.ev.Actor = []string{}
		}
		k.treatyKy = treatyKey(k.ev.Name)
		ix.kindKey(d, k) // k's type and states, fixed from here on
		if ix.coref(k, d) {
			continue
		}
		ix.add(k)
		kept = append(kept, k)
	}
	// The ids e1, e2 … written one after the other into one string, each
	// id a slice of it: one allocation for all.
	var ids strings.Builder
	for i := range kept {
		ids.WriteByte('e')
		ids.WriteString(strconv.Itoa(i + 1))
	}
	idText := ids.String()
	out := make([]doc.Event, 0, len(kept))
	at := 0
	for i, k := range kept {
		n := 1 + digits(i+1)
		k.ev.ID = idText[at : at+n]
		at += n
		out = append(out, k.ev)
	}
	return out
}

// digits returns the number of decimal digits of n > 0.
func digits(n int) int {
	d := 1
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}

func hasYear(v string) bool {
	if len(v) < 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// chapterOf returns the top-level section (below the title) holding
// section i; the lead is its own chapter.
func chapterOf(d *doc.Document, i int) int {
	for i > 0 && i < len(d.Sections) {
		p := d.Sections[i].Parent
		if p <= 0 {
			return i
		}
		i = p
	}
	return i
}

// politicalActors tells which actor ids are political: states,
// organisations and groups, and persons who act for a state or hold an
// office. A historian quoted in the text is not. The map holds only the
// ids known not to be political (false): anyPolitical counts an id it
// does not hold as political, as it counts one marked true.
func politicalActors(d *doc.Document) map[string]bool {
	byID := make(map[string]bool, len(d.Actors))
	for _, a := range d.Actors {
		byID[a.ID] = a.Kind != doc.KindPerson || a.State != "" || len(a.Roles) > 0
	}
	var not []string // the ids not political, as far as the actors tell
	for id, p := range byID {
		if !p {
			not = append(not, id)
		}
	}
	out := make(map[string]bool, len(not))
	if len(not) == 0 {
		return out
	}
	if len(not) > 16 {
		// many: looked up in a map rather than a list
		// lens has bit n set when an id in not is n bytes long (63: or
		// more): a state's code of another length is not looked up
		var lens uint64
		for _, id := range not {
			out[id] = false
			lens |= 1 << min(len(id), 63)
		}
		for i := range d.Mentions {
			if m := &d.Mentions[i]; (m.State != "" || m.Role != "") && lens&(1<<min(len(m.Actor), 63)) != 0 {
				if _, ok := out[m.Actor]; ok {
					delete(out, m.Actor)
				}
			}
		}
		return out
	}
	// a mention acting for a state or in an office makes its actor
	// political: only the few actors in not are looked for
	for i := range d.Mentions {
		if m := &d.Mentions[i]; m.State != "" || m.Role != "" {
			if j := slices.Index(not, m.Actor); j >= 0 {
				not = slices.Delete(not, j, j+1)
				if len(not) == 0 {
					break
				}
			}
		}
	}
	for _, id := range not {
		out[id] = false
	}
	return out
}

func anyPolitical(pol map[string]bool, ids []string) bool {
	for _, id := range ids {
		if p, known := pol[id]; p || !known {
			return true
		}
	}
	return false
}

// modalityConditional marks a condition or possibility: the event is not
// emitted.
const modalityConditional = "conditional"

// modalityFuture marks an act stated as what the actor will do: the
// statement is coded (AGREE or THREATEN), asserted.
const modalityFuture = "future"

// modalityRefusal marks an act stated as what the actor will not do
// ("will not accept more refugees"): the statement is coded, REJECT for a
// cooperative act, AGREE for a hostile one forsworn, asserted.
const modalityRefusal = "refusal"

// pronounSubject reports a passive whose subject is "it", "this" or
// "which", standing for something named earlier.
func pronounSubject(st *sent, first int) bool {
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		w := st.items[k].lower
		if w == "it" || w == "this" || w == "which" {
			return true
		}
		if st.items[k].kind != itWord {
			return false
		}
	}
	return false
}

// shareParticipants gives a joint act named without its parties
// ("secret negotiations were sanctioned", "new negotiations started") the
// parties of the nearest event of its sentence, and a treaty signed or a
// fighting ended without named parties those of the paragraph's last
// two-sided event.
func (c *Coder) shareParticipants(st *sent, nar *narrative, cs []*cand) {
	block := st.d.Sentences[st.index].Block
	if nar.pairBlock != block {
		nar.pair = nil
		nar.pairBlock = block
		nar.recent = nar.recent[:0]
	}
	if sec := st.d.Sentences[st.index].Section; nar.statesSection != sec {
		nar.states, nar.statesSection = nil, sec
	}
	for i, k := range cs {
		if !k.dropped && len(k.ev.Recipient) == 0 && k.m.e != nil && k.m.e.sym && participleAdjunct(st, k.m.first) {
			// "signed by Rathenau and his Soviet colleague Chicherin …,
			// restoring full diplomatic relations": a joint act told in a
			// free adjunct is between the parties of the clause it
			// continues (its subject is that clause's)
			for j := i - 1; j >= 0; j-- {
				p := cs[j]
				if p.dropped || len(p.ev.Actor) == 0 || len(p.ev.Recipient) == 0 {
					continue
				}
				switch {
				case len(k.ev.Actor) == 0:
					k.ev.Actor = append([]string(nil), p.ev.Actor...)
					k.ev.Recipient = append([]string(nil), p.ev.Recipient...)
					k.actorM, k.recipM = p.actorM, p.recipM
				case slices.ContainsFunc(k.ev.Actor, func(a string) bool { return slices.Contains(p.ev.Actor, a) }):
					k.ev.Recipient = append([]string(nil), p.ev.Recipient...)
					k.recipM = p.recipM
				}
				break
			}
		}
		if k.dropped || len(k.ev.Actor)+len(k.ev.Recipient) > 0 {
			continue
		}
		var src *cand
		if k.m.e != nil && k.m.e.sym && k.m.e.kind != 'V' {
			for d := 1; d < len(cs) && src == nil; d++ {
				for _, j := range []int{i - d, i + d} {
					if j >= 0 && j < len(cs) && !cs[j].dropped && len(cs[j].ev.Actor) > 0 && len(cs[j].ev.Recipient) > 0 {
						src = cs[j]
						break
					}
				}
			}
		}
		joint := strings.HasSuffix(k.ev.Subtype, ".sign") || k.ev.Subtype == "ceasefire"
		if src == nil && joint {
			src = nar.pair
		}
		if src != nil && src.ev.Type == k.ev.Type && src.ev.Subtype == k.ev.Subtype && src.sent == k.sent {
			// "negotiations with Finland had been initiated …, and
			// negotiations ended in April 1939": the act named again
			k.dropped = true
			continue
		}
		if src != nil {
			k.ev.Actor = append([]string(nil), src.ev.Actor...)
			k.ev.Recipient = append([]string(nil), src.ev.Recipient...)
			k.actorM, k.recipM = src.actorM, src.recipM
		} else if joint && len(nar.states) >= 2 {
			// the two states the paragraph has just been about
			n := len(nar.states)
			k.ev.Actor, k.ev.Recipient = []string{nar.states[n-2]}, []string{nar.states[n-1]}
		}
	}
	for _, k := range cs {
		if k.dropped || k.ev.Modality != doc.ModalityAsserted {
			continue
		}
		if len(k.ev.Actor) > 0 && len(k.ev.Recipient) > 0 {
			nar.pair, nar.pairBlock = k, block
		}
		if len(k.actorM) > 0 {
			if len(nar.recent) == 8 {
				nar.recent = append(nar.recent[:0], nar.recent[1:]...)
			}
			nar.recent = append(nar.recent, k)
		}
		for _, ms := range [][]int{k.actorM, k.recipM} {
			for _, mi := range ms {
				if st := stateOf(st.d, mi); st != "" {
					nar.noteState(st)
				}
			}
		}
	}
}

// splitPair puts the two states of a pair mention ("the two countries",
// "between the two nations") on the two sides of a joint act that names
// no other party.
func splitPair(d *doc.Document, k *cand, e *entry) {
	if !e.sym && e.kind == 'V' {
		return
	}
	var only []int
	switch {
	case len(k.actorM) == 1 && len(k.recipM) == 0:
		only = k.actorM
	case len(k.actorM) == 0 && len(k.recipM) == 1:
		only = k.recipM
	default:
		if len(k.ev.Actor) == 0 && len(k.recipM) == 1 {
			only = k.recipM
		} else {
			return
		}
	}
	if mem := d.Mentions[only[0]].Members; len(mem) >= 2 {
		k.ev.Actor, k.ev.Recipient = []string{mem[0]}, append([]string(nil), mem[1:]...)
	}
}
