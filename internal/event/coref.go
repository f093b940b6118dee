package event

import (
	"slices"
	"sort"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Event coreference within a document. A history article tells its story
// twice: the lead summarises ("culminating with the Molotov–Ribbentrop Pact
// of 1939"), the body narrates ("the Molotov–Ribbentrop Pact was signed by
// him and his Soviet colleague"). Both are one event with two evidence
// spans. Two coded events are taken to be one when
//   - they sign (or ratify, or denounce) the same named treaty, or
//   - they have the same type and subtype, the same states on their sides,
//     dates that agree at the coarser precision, and either both are dated
//     to the same day or they stand in different paragraphs with at least
//     one dated to the month.
// Events of one paragraph dated only to the year are kept apart: a
// paragraph reporting two propaganda campaigns of 1933 reports two events.

// treatyKey normalises a treaty name for comparison.
func treatyKey(name string) string {
	if name == "" {
		return ""
	}
	s := strings.ToLower(name)
	if i := strings.Index(s, " ("); i >= 0 {
		s = s[:i]
	}
	s = treatyKeyReplace(s)
	s = strings.TrimSpace(s)
	// A generic description names no particular treaty.
	if generic[s] {
		return ""
	}
	return s
}

// treatyKeyReplace unifies dashes and drops articles and quotes in treaty
// keys: what strings.NewReplacer("–", "-", "—", "-", "the ", "", "'", "",
// "’", "", "\"", "") does, scanning left to right, without allocating when
// there is nothing to replace (no pattern is a prefix of another, so at
// most one matches at a place).
func treatyKeyReplace(s string) string {
	var b []byte
	last := 0 // s[last:i] is still to copy
	for i := 0; i < len(s); {
		n, val := 0, ""
		switch c := s[i]; c {
		case 0xE2: // "–" (E2 80 93), "—" (E2 80 94), "’" (E2 80 99)
			if i+2 < len(s) && s[i+1] == 0x80 {
				switch s[i+2] {
				case 0x93, 0x94:
					n, val = 3, "-"
				case 0x99:
					n = 3
				}
			}
		case 't':
			if strings.HasPrefix(s[i:], "the ") {
				n = 4
			}
		case '\'', '"':
			n = 1
		}
		if n == 0 {
			i++
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(b, s[last:i]...)
		b = append(b, val...)
		i += n
		last = i
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

var generic = map[string]bool{"treaty": true, "pact": true, "agreement": true, "protocol": true, "convention": true,
	"armistice": true, "accord": true, "treaties": true, "pacts": true, "agreements": true, "protocols": true,
	"trade agreements": true, "trade agreement": true, "non-aggression pact": true, "credit agreement": true,
	"commercial agreement": true, "secret protocol": true, "secret protocols": true, "neutrality pact": true,
	"trade pact": true, "alliance": true}

// stateList is the event's states, sorted, made once: the states of its
// actor and recipient mentions (a mention's own state and the members of a
// group), else, when they name none, its actor and recipient ids.
// Comparing two events' states compares two short lists, which matters in
// a long text where an event is compared with the hundreds of earlier
// events of its kind.
func stateList(d *doc.Document, k *cand) []string { return stateListIn(d, k, nil) }

// stateListIn is stateList, the list cut from *arena (when not nil), a
// block of strings that serves many events.
func stateListIn(d *doc.Document, k *cand, arena *[]string) []string {
	if k.stateList != nil {
		return k.stateList
	}
	n := 0
	for _, ms := range [2][]int{k.actorM, k.recipM} {
		for _, mi := range ms {
			n += 1 + len(d.Mentions[mi].Members)
		}
	}
	n = max(n, len(k.ev.Actor)+len(k.ev.Recipient))
	var keys []string
	if arena == nil {
		keys = make([]string, 0, n)
	} else {
		a := *arena
		if cap(a)-len(a) < n {
			a = make([]string, 0, max(256, n))
		}
		keys = a[len(a) : len(a) : len(a)+n]
		*arena = a[:len(a)+n]
	}
	for _, ms := range [2][]int{k.actorM, k.recipM} {
		for _, mi := range ms {
			if st := stateOf(d, mi); st != "" {
				keys = append(keys, st)
			}
			keys = append(keys, d.Mentions[mi].Members...)
		}
	}
	if len(keys) == 0 {
		keys = append(append(keys, k.ev.Actor...), k.ev.Recipient...)
	}
	sort.Strings(keys)
	keys = slices.Compact(keys)
	k.stateList = keys[:len(keys):len(keys)]
	return k.stateList
}

// sameStates reports whether two events have the same, non-empty, states.
func sameStates(d *doc.Document, p, k *cand) bool {
	a, b := stateList(d, p), stateList(d, k)
	return len(a) > 0 && slices.Equal(a, b)
}

// datesAgree reports whether two values agree at the coarser precision.
func datesAgree(a, b string) bool {
	a, b = dayPart(a), dayPart(b)
	if len(a) > len(b) {
		a, b = b, a
	}
	return a != "" && strings.HasPrefix(b, a)
}

func dayPart(v string) string {
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		return v[:i]
	}
	return v
}

// corefIndex finds the earlier events a new one may retell without
// looking at every event of the document: by treaty name, by type and
// states, and the events of the same sentence. The events of one treaty
// or one kind are chained from the latest back (indexes into cands), so
// that indexing an event allocates nothing of its own.
type corefIndex struct {
	cands []*cand // the events indexed, in order
	// byTreaty holds the latest event of each treaty key; prevTreaty[i]
	// the event before cands[i] with its key, or -1.
	byTreaty   map[string]int32
	prevTreaty []int32
	// byKind numbers the kindKeys (looked up in keyBuf: no string is made
	// but for a new kind); kindHead holds each kind's latest event and
	// prevKind[i] the event before cands[i] of its kind, or -1.
	byKind   map[string]int
	kindHead []int32
	prevKind []int32
	keyBuf   []byte
	arena    []string // the events' state lists are cut from it
	last     []*cand  // the events of the current sentence
}

// maxCorefLookback bounds how many earlier events of one kind a new
// event is compared with.
const maxCorefLookback = 256

func newCorefIndex() *corefIndex {
	return &corefIndex{byTreaty: map[string]int32{}, byKind: map[string]int{}}
}

// kindKey sets ix.keyBuf to k's kindKey: its type and sorted states, as
// type|state,state….
func (ix *corefIndex) kindKey(d *doc.Document, k *cand) {
	b := append(ix.keyBuf[:0], k.ev.Type...)
	b = append(b, '|')
	for i, s := range stateListIn(d, k, &ix.arena) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, s...)
	}
	ix.keyBuf = b
}

// add indexes k, whose kindKey is in ix.keyBuf.
func (ix *corefIndex) add(k *cand) {
	i := int32(len(ix.cands))
	ix.cands = append(ix.cands, k)
	pt := int32(-1)
	if k.treatyKy != "" {
		if j, ok := ix.byTreaty[k.treatyKy]; ok {
			pt = j
		}
		ix.byTreaty[k.treatyKy] = i
	}
	ix.prevTreaty = append(ix.prevTreaty, pt)
	pk := int32(-1)
	if kind, ok := ix.byKind[string(ix.keyBuf)]; ok {
		pk = ix.kindHead[kind]
		ix.kindHead[kind] = i
	} else {
		ix.byKind[string(ix.keyBuf)] = len(ix.kindHead)
		ix.kindHead = append(ix.kindHead, i)
	}
	ix.prevKind = append(ix.prevKind, pk)
	if len(ix.last) > 0 && ix.last[0].sent != k.sent {
		ix.last = ix.last[:0]
	}
	ix.last = append(ix.last, k)
}

// coref merges k, whose kindKey is in ix.keyBuf, into an earlier event it
// retells and reports whether it did.
func (ix *corefIndex) coref(k *cand, d *doc.Document) bool {
	tryOne := func(p *cand) bool {
		if p.ev.Type == k.ev.Type && corefers(p, k, d) {
			merge(p, k)
			return true
		}
		return false
	}
	// the latest candidates only: work per event stays bounded in a
	// document of any length
	tryChain := func(head int32, prev []int32) bool {
		for i, n := head, 0; i >= 0 && n < maxCorefLookback; i, n = prev[i], n+1 {
			if tryOne(ix.cands[i]) {
				return true
			}
		}
		return false
	}
	if k.treatyKy != "" {
		if head, ok := ix.byTreaty[k.treatyKy]; ok && tryChain(head, ix.prevTreaty) {
			return true
		}
	}
	if len(ix.last) > 0 && ix.last[0].sent == k.sent {
		for i, n := len(ix.last)-1, 0; i >= 0 && n < maxCorefLookback; i, n = i-1, n+1 {
			if tryOne(ix.last[i]) {
				return true
			}
		}
	}
	if kind, ok := ix.byKind[string(ix.keyBuf)]; ok {
		return tryChain(ix.kindHead[kind], ix.prevKind)
	}
	return false
}

func corefers(p, k *cand, d *doc.Document) bool {
	if p.ev.Modality != k.ev.Modality {
		return false // a plan and its execution are two events
	}
	if p.treatyKy != "" && p.treatyKy == k.treatyKy && p.ev.Subtype == k.ev.Subtype {
		return p.ev.Date.Value == "" || k.ev.Date.Value == "" || datesAgree(p.ev.Date.Value[:4], k.ev.Date.Value[:4])
	}
	if sameSentenceKin(p, k, d) && datesAgree(p.ev.Date.Value, k.ev.Date.Value) && !strings.HasSuffix(p.ev.Subtype, ".sign") && !strings.HasSuffix(k.ev.Subtype, ".sign") {
		return true
	}
	if !sameStates(d, p, k) || !datesAgree(p.ev.Date.Value, k.ev.Date.Value) {
		return false
	}
	if opposite(d, p, k) {
		return false // the German campaign against the Soviets, and theirs against the Nazis
	}
	if p.treatyKy != "" && k.treatyKy != "" && p.treatyKy != k.treatyKy {
		return false // two treaties signed the same day
	}
	if p.ev.Subtype != k.ev.Subtype && (strings.HasSuffix(p.ev.Subtype, ".sign") || strings.HasSuffix(k.ev.Subtype, ".sign")) {
		return false
	}
	pp, kp := p.ev.Date.Precision, k.ev.Date.Precision
	// the same day, as the text dates both: one event, whatever the words
	if pp == "day" && kp == "day" && p.ev.Date.Timex >= 0 && k.ev.Date.Timex >= 0 {
		return true
	}
	if p.ev.Subtype != k.ev.Subtype {
		return false
	}
	fine := func(x string) bool { return x == "day" || x == "month" }
	if fine(pp) && fine(kp) || p.block != k.block && (fine(pp) || fine(kp)) {
		return true
	}
	// One sentence reporting two acts of one kind between the same
	// parties ("sent advisors, and sold munitions") reports one event.
	return p.sent == k.sent
}

// opposite reports two one-sided acts running in opposite directions:
// both name acting states and no state acts in both. Joint acts (a
// signing, talks) may name their parties in either order.
func opposite(d *doc.Document, p, k *cand) bool {
	if p.m.e == nil || k.m.e == nil || p.m.e.sym || k.m.e.sym {
		return false
	}
	pn, kn := 0, 0
	for _, pm := range p.actorM {
		ps := stateOf(d, pm)
		if ps == "" {
			continue
		}
		pn++
		for _, km := range k.actorM {
			ks := stateOf(d, km)
			if ks == "" {
				continue
			}
			kn++
			if ks == ps {
				return false // a state acts in both
			}
		}
	}
	return pn > 0 && kn > 0
}

// sameSentenceKin reports two events of one sentence with the same type
// and the same states.
func sameSentenceKin(p, k *cand, d *doc.Document) bool {
	return p.sent == k.sent && p.ev.Type == k.ev.Type && len(p.ev.Actor) > 0 && sameStrings(p.ev.Actor, k.ev.Actor) &&
		(len(p.ev.Recipient) == 0 || len(k.ev.Recipient) == 0 || sameStrings(p.ev.Recipient, k.ev.Recipient)) &&
		(p.treatyKy == "" || k.treatyKy == "" || p.treatyKy == k.treatyKy)
}

// merge folds k into p: k's sentence becomes another evidence span of p,
// the more precise date wins, participants are united.
func merge(p, k *cand) {
	if k.ev.Evidence.Span != p.ev.Evidence.Span {
		if p.evidence == nil {
			p.evidence = map[doc.Span]bool{p.ev.Evidence.Span: true}
		}
		if !p.evidence[k.ev.Evidence.Span] {
			p.evidence[k.ev.Evidence.Span] = true
			p.ev.Mentions = append(p.ev.Mentions, k.ev.Evidence)
		}
	}
	switch {
	case k.ev.Date.Timex >= 0 && p.ev.Date.Timex < 0 && p.treatyKy != "" && p.treatyKy == k.treatyKy:
		// a treaty's signing is dated where the text gives its date, not
		// by the narrative around a later mention
		p.ev.Date = k.ev.Date
	case len(dayPart(k.ev.Date.Value)) > len(dayPart(p.ev.Date.Value)) && datesAgree(p.ev.Date.Value, k.ev.Date.Value):
		p.ev.Date = k.ev.Date
	}
	p.ev.Actor = union(p.ev.Actor, k.ev.Actor)
	p.ev.Recipient = minus(union(p.ev.Recipient, k.ev.Recipient), p.ev.Actor)
	if p.ev.Name == "" {
		p.ev.Name = k.ev.Name
	}
	if p.ev.Modality != doc.ModalityAsserted && k.ev.Modality == doc.ModalityAsserted {
		p.ev.Modality = doc.ModalityAsserted
	}
	if len(p.ev.Quantities) == 0 {
		p.ev.Quantities = k.ev.Quantities
	}
}

func union(a, b []string) []string {
	out := append([]string{}, a...)
	for _, x := range b {
		found := false
		for _, y := range out {
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
