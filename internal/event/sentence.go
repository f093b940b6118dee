package event

import (
	"slices"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// boundary strengths between items.
const (
	bNone   = 0
	bWeak   = 1 // a new clause: ", which", ", but", ", when" …
	bStrong = 2 // ";", ":" — the subject is not looked for across it
)

// clauseOpeners start a new clause after a comma (or on their own).
var clauseOpeners = map[string]bool{
	"which": true, "who": true, "whom": true, "whose": true, "when": true, "while": true, "whereas": true,
	"although": true, "though": true, "but": true, "because": true, "thereby": true, "causing": true,
	"until": true, "where": true, "whereby": true, "however": true, "after": true, "before": true,
	"since": true, "as": true, "so": true, "yet": true, "if": true, "unless": true,
}

// alwaysOpeners start a clause even without a comma.
var alwaysOpeners = map[string]bool{"when": true, "whereas": true, "but": true, "while": true, "because": true, "although": true, "though": true,
	"which": true, "who": true}

// sent is one sentence prepared for coding.
type sent struct {
	d      *doc.Document
	lx     *Lexicon
	index  int // sentence index
	items  []item
	names  []recordName
	bound  []uint8 // bound[i]: boundary before item i
	depth  []int8  // parenthesis depth of item i
	quoted []bool  // inside quotation marks
	heads  []int   // the trigger heads of the sentence
	// matches are the triggers found (Lexicon.find), kept for their
	// memory: a coded event copies its match.
	matches []match
	// cands is the buffer of the events coded in the sentence, kept for
	// its memory: the events kept are copied out of it.
	cands []*cand
	// cueHits are the modality cues standing in the sentence, found on
	// the first call of modality.
	cueHits  []cueHit
	cuesDone bool
	// complement is 0 until known, then 1 without a complement cue, 2
	// with one (see hasComplementCue).
	complement uint8
	// numAt are the items where a number may start (numberCandidates),
	// found on the first call of quantities.
	numAt   []int32
	numDone bool
	// chunk is where ints and groupAround cut their slices from: its
	// elements up to its length belong to slices handed out, the rest is
	// free (see ints).
	chunk []int
	// candChunk is where newCand cuts coded events from, as chunk is
	// for ints: never written again once handed out.
	candChunk []cand
	// grp holds the bounds of the group around each item, once found
	// (see groupAroundInto); cleared by prepare.
	grp []groupSpan
	// seen is the union of the flags of the sentence's words, when
	// seenKnown (see lowerer.seen): what no word has, no search finds.
	seen      wordFlag
	seenKnown bool
	// usableTx is 0 for a timex of the document not yet looked at, 1 when
	// usableTimex, 2 when not (see usable); kept from sentence to
	// sentence of one document.
	usableTx []int8
}

// lacks reports that no word of the sentence has flag f.
func (s *sent) lacks(f wordFlag) bool { return s.seenKnown && s.seen&f == 0 }

// candChunkLen is how many events a chunk of newCand holds: a document
// codes one in two sentences or so.
const candChunkLen = 16

// newCand returns a zero cand of its own, cut from the sentence's chunk
// of them: one allocation for many events.
func (s *sent) newCand() *cand {
	if len(s.candChunk) == cap(s.candChunk) {
		s.candChunk = make([]cand, 0, candChunkLen)
	}
	s.candChunk = s.candChunk[:len(s.candChunk)+1]
	return &s.candChunk[len(s.candChunk)-1]
}

// quantities is the package's quantities over the sentence's items
// [lo, hi), trying only the items where a number may start.
func (s *sent) quantities(lo, hi int, src string) []doc.Quantity {
	if s.lacks(wNumber | wNumberStart | wDigit) {
		return nil // no word where an amount may start
	}
	if !s.numDone {
		s.numAt = numberCandidates(s.items, s.numAt[:0])
		s.numDone = true
	}
	return quantitiesAt(s.items, lo, hi, src, s.numAt, false)
}

// start makes s the sentence index of d with items and names, in place:
// as sent{...} followed by reuse of what s was, without copying s twice.
func (s *sent) start(d *doc.Document, lx *Lexicon, index int, items []item, names []recordName, seen wordFlag, seenKnown bool) {
	s.d, s.lx, s.index, s.items, s.names = d, lx, index, items, names
	s.bound, s.depth, s.quoted = s.bound[:0], s.depth[:0], s.quoted[:0]
	s.heads, s.cueHits, s.matches, s.cands = s.heads[:0], s.cueHits[:0], s.matches[:0], s.cands[:0]
	s.cuesDone, s.complement = false, 0
	s.numAt, s.numDone = s.numAt[:0], false
	// chunk and candChunk stay: what they handed out is not written again
	s.grp = s.grp[:0]
	s.seen, s.seenKnown = seen, seenKnown
}

// modality is Cues.modality for the trigger at items[head] of clause
// items[lo:hi], with the sentence's cue hits found once.
func (s *sent) modality(c *Cues, head, lo, hi int) string {
	return s.modalityWithout(c, head, lo, hi, false)
}

// modalityWithout is modality, leaving out complement cues when
// noComplement (see Cues.modalityWithout).
func (s *sent) modalityWithout(c *Cues, head, lo, hi int, noComplement bool) string {
	if !s.cuesDone {
		s.findCues(c)
	}
	return c.modalityWithout(s.cueHits, len(s.items), head, lo, hi, noComplement)
}

// findCues finds the sentence's cue hits (none when no word starts a cue).
func (s *sent) findCues(c *Cues) {
	if s.lacks(wCue) {
		s.cueHits = s.cueHits[:0]
	} else {
		s.cueHits = c.hits(s.items, s.bound, s.cueHits[:0])
	}
	s.cuesDone = true
}

// hasComplementCue reports whether a cue of scope complement stands in
// the sentence.
func (s *sent) hasComplementCue(c *Cues) bool {
	if !s.cuesDone {
		s.findCues(c)
	}
	if s.complement == 0 {
		s.complement = 1
		for _, h := range s.cueHits {
			if c.cues[h.ci].scope == scopeComplement {
				s.complement = 2
			}
		}
	}
	return s.complement == 2
}

func (s *sent) prepare() {
	n := len(s.items)
	s.bound = grown(s.bound, n+1)
	s.depth = grown(s.depth, n)
	s.quoted = grown(s.quoted, n)
	s.grp = grown(s.grp, n)
	var depth int8
	inQuote := false
	items, depths, quoted := s.items, s.depth[:n], s.quoted[:n] // one bounds check for all
	comma := false                                              // items[i-1] is a comma
	for i := range items {
		it := &items[i]
		prevComma := comma
		comma = it.kind == itPunct && it.text == ","
		if it.kind == itPunct {
			switch it.text {
			case "(", "[":
				depth++
			case ")", "]":
				if depth > 0 {
					depth--
				}
			case "\"", "“", "”":
				inQuote = !inQuote
				if it.text == "“" {
					inQuote = true
				} else if it.text == "”" {
					inQuote = false
				}
			case ";", ":":
				if !inQuote { // a colon inside words quoted ends no clause of ours
					s.bound[i] = bStrong
					s.bound[i+1] = bStrong
				}
			}
		}
		depths[i] = depth
		quoted[i] = inQuote
		if it.kind == itWord {
			if it.hasFlag(wClauseOpener, clauseOpeners) && (prevComma || it.hasFlag(wAlwaysOpener, alwaysOpeners)) {
				if s.bound[i] < bWeak {
					s.bound[i] = bWeak
				}
				if prevComma && s.bound[i-1] < bWeak {
					s.bound[i-1] = bWeak
				}
			}
			// ", and" followed by a new subject or verb starts a clause
			if prevComma && it.lower == "and" {
				s.bound[i] = max(s.bound[i], bWeak)
			}
		}
	}
}

// grown returns xs cleared and of length n, reusing its memory.
func grown[T any](xs []T, n int) []T {
	if cap(xs) < n {
		return make([]T, n)
	}
	xs = xs[:n]
	clear(xs)
	return xs
}

// clause returns the clause [lo, hi) holding item i.
func (s *sent) clause(i int) (int, int) {
	lo := i
	for lo > 0 && s.bound[lo] == bNone {
		lo--
	}
	hi := i + 1
	for hi < len(s.items) && s.bound[hi] == bNone {
		hi++
	}
	return lo, hi
}

// prepositions introduce a phrase that is not the subject.
var prepositions = map[string]bool{
	"of": true, "in": true, "on": true, "at": true, "to": true, "with": true, "by": true, "from": true, "for": true,
	"against": true, "towards": true, "toward": true, "into": true, "between": true, "under": true, "over": true,
	"among": true, "after": true, "before": true, "during": true, "through": true, "within": true, "without": true,
	"via": true, "upon": true, "about": true, "across": true, "behind": true, "beyond": true, "near": true,
	"despite": true, "like": true, "than": true, "including": true, "regarding": true, "concerning": true,
	"onto": true, "unlike": true, "except": true, "until": true, "since": true, "along": true, "alongside": true,
	"facing": true, "whom": true, "outside": true, "inside": true, "throughout": true, "around": true,
	"beside": true, "amid": true, "amidst": true, "opposite": true,
}

// npWords may stand inside a noun phrase before its head: articles,
// quantifiers and common adjectives. They are skipped when looking for what
// precedes a phrase.
var npWords = map[string]bool{
	"the": true, "a": true, "an": true, "both": true, "all": true, "several": true, "many": true, "some": true,
	"entire": true, "new": true, "old": true, "other": true, "its": true, "their": true, "his": true, "her": true,
	"two": true, "three": true, "whole": true, "former": true, "then": true, "so-called": true, "most": true,
	"first": true, "last": true, "nazi": true, "soviet": true, "german": true, "whose": true, "also": true,
	"still": true, "independent": true, "neutral": true, "neighbouring": true, "neighboring": true,
}

// beForms mark a passive before a participle.
var beForms = map[string]bool{"was": true, "were": true, "been": true, "being": true, "be": true, "is": true, "are": true, "got": true, "get": true}

// verbish reports whether the word looks like a finite verb or participle,
// so that a phrase right after it is its object rather than a subject.
func verbish(lx *Lexicon, w string) bool {
	if len(w) > 4 && strings.HasSuffix(w, "ed") {
		return true
	}
	if lx != nil && lx.verbish != nil {
		return lx.verbish[w] // the lists below and the lexicon's verbs, gathered once
	}
	return verbishWord(nil, w)
}

// verbishWord is verbish from the word lists and the lexicon's verbs
// (lx may be nil), without the -ed rule.
func verbishWord(lx *Lexicon, w string) bool {
	if beForms[w] || slices.Contains(verbishList, w) {
		return true
	}
	if irregularPast[w] {
		return true
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") {
		return true
	}
	if lx != nil && lx.verbs[w] && !strings.HasSuffix(w, "s") {
		return true
	}
	return false
}

// verbishList are verb forms verbish accepts besides "be", the irregular
// pasts and the lexicon's verbs.
var verbishList = []string{"had", "has", "have", "did", "made", "told", "gave", "sent", "took", "saw", "let", "asked", "urged",
	"forced", "accused", "presented", "provided", "considered", "regarded", "offered"}

// mentionIDs returns the actor ids a mention stands for: the actor, and for
// a person, organisation or group of a state, that state too.
func mentionIDs(d *doc.Document, mi int) []string { return mentionIDsAs(d, mi, true) }

// mentionIDsAs is mentionIDs, with a group's state only when groupState:
// a state's people acted upon ("captured Soviet prisoners") stand for the
// state; a group acting ("students demonstrated") acts for itself.
func mentionIDsAs(d *doc.Document, mi int, groupState bool) []string {
	return appendMentionIDsAs([]string{}, d, mi, groupState)
}

// appendMentionIDsAs appends the ids of mentionIDsAs to ids.
func appendMentionIDsAs(ids []string, d *doc.Document, mi int, groupState bool) []string {
	m := &d.Mentions[mi]
	if len(m.Members) > 0 {
		// "the two countries", "the Western powers": the states it stands for
		return append(ids, m.Members...)
	}
	if m.Actor != "" {
		ids = append(ids, m.Actor)
	}
	// a person or organisation acting for a state, and a group of a
	// state's people ("Soviet prisoners"), stand with that state
	if m.State != "" && m.State != m.Actor && (m.Kind == doc.KindPerson || m.Kind == doc.KindOrganization || m.Kind == doc.KindGroup && groupState) {
		ids = append(ids, m.State)
	}
	return ids
}

// stateOf returns the state a mention stands or acts for, or "".
func stateOf(d *doc.Document, mi int) string {
	m := &d.Mentions[mi]
	if m.State != "" {
		return m.State
	}
	if m.Kind == doc.KindState {
		return m.Actor
	}
	return ""
}

// groupAround returns the coordinated group of mentions around the mention
// at item i ("Britain and France", "British, French and Japanese troops",
// "Foreign Minister Walther Rathenau and his Soviet colleague Georgy
// Chicherin"), as item indexes, with the group's first and last item.
func (s *sent) groupAround(i int) (ms []int, lo, hi int) {
	s.reserveInts(8)
	n := len(s.chunk)
	free := cap(s.chunk) - n
	ms, lo, hi = s.groupAroundInto(s.chunk[n:n], i)
	if len(ms) == 0 {
		return nil, lo, hi
	}
	if len(ms) <= free { // written into the chunk, not moved
		s.chunk = s.chunk[:n+len(ms)]
		ms = ms[:len(ms):len(ms)]
	}
	return ms, lo, hi
}

// reserveInts makes room for n ints in the sentence's chunk.
func (s *sent) reserveInts(n int) {
	if cap(s.chunk)-len(s.chunk) < n {
		s.chunk = make([]int, 0, max(intChunk, n))
	}
}

// intChunk is the size of the chunks the small int slices of a sentence
// (groups, their mentions) are cut from.
const intChunk = 512

// ints returns an empty slice of capacity n, its own memory, cut from the
// sentence's chunk: groups and mentions are slices of one to a few ints,
// made by the hundred per document, and may outlive the sentence (a
// coded event keeps its mentions), so a chunk is never written again, only
// followed by a new one.
func (s *sent) ints(n int) []int {
	s.reserveInts(n)
	m := len(s.chunk)
	s.chunk = s.chunk[:m+n]
	return s.chunk[m : m : m+n]
}

// groupAroundInto is groupAround, appending the group to ms (a buffer of
// the caller's, for a group it only looks at).
func (s *sent) groupAroundInto(ms []int, i int) (_ []int, lo, hi int) {
	if i >= 0 && i < len(s.grp) {
		// the group's bounds depend on the sentence alone: found once
		if g := s.grp[i]; g.end > 0 {
			lo, hi = int(g.lo), int(g.end)-1
		} else {
			lo, hi = s.groupBounds(i)
			s.grp[i] = groupSpan{lo: int32(lo), end: int32(hi) + 1}
		}
	} else {
		lo, hi = s.groupBounds(i)
	}
	for k := lo; k <= hi; k++ {
		if s.items[k].kind == itMention {
			ms = append(ms, k)
		}
	}
	return ms, lo, hi
}

// groupSpan is the first and last item (end-1) of the group around an
// item; end is 0 while not known.
type groupSpan struct{ lo, end int32 }

// joinersOnly reports whether items [from, to) only join two mentions into
// one group: coordination, titles, articles, commas and dashes.
func (s *sent) joinersOnly(from, to int) bool {
	for x := from; x < to; x++ {
		w := &s.items[x]
		if w.kind == itPunct && w.text != "," && w.text != "–" && w.text != "-" || w.kind == itTimex || w.kind == itName {
			return false
		}
		if w.kind == itWord && !groupJoiner(w) {
			return false
		}
	}
	return true
}

// groupBounds returns the first and last item of the group around the
// mention at item i (see groupAround).
func (s *sent) groupBounds(i int) (lo, hi int) {
	lo, hi = i, i
	// right
	for k := i + 1; k < len(s.items) && k <= hi+5; k++ {
		it := &s.items[k]
		if s.bound[k] != bNone && it.lower != "and" {
			break
		}
		if it.kind == itMention {
			if !s.joinersOnly(hi+1, k) || s.newSubjectAfterComma(hi, k) {
				break
			}
			hi = k
			continue
		}
		if it.kind == itPunct && it.text != "," && it.text != "–" && it.text != "-" {
			break
		}
		if it.kind != itWord && it.kind != itPunct {
			break
		}
	}
	// left
	for k := i - 1; k >= 0 && k >= lo-5; k-- {
		it := &s.items[k]
		if s.bound[k+1] != bNone && s.items[k+1].lower != "and" {
			break
		}
		if it.kind == itMention {
			if !s.joinersOnly(k+1, lo) || s.newSubjectAfterComma(k, lo) {
				break
			}
			lo = k
			continue
		}
		if it.kind == itPunct && it.text != "," && it.text != "–" && it.text != "-" {
			break
		}
		if it.kind != itWord && it.kind != itPunct {
			break
		}
	}
	// A comma joins a list only when the list ends in "and" or "or"
	// ("British, French and Japanese troops"); otherwise it ends a phrase
	// ("… of France, Soviet troops raided").
	if s.crossesComma(lo, hi) && !s.hasConjunction(lo, hi) {
		for k := i - 1; k >= lo; k-- {
			if s.items[k].kind == itPunct && s.items[k].text == "," {
				lo = k + 1
				break
			}
		}
		for k := i + 1; k <= hi; k++ {
			if s.items[k].kind == itPunct && s.items[k].text == "," {
				hi = k - 1
				break
			}
		}
	}
	// A group reaching past "and"/"," with nothing after the last mention
	// but a noun is still the group; trailing words are not ours to trim.
	return lo, hi
}

// before returns the index of the word that precedes the phrase starting
// at item lo, skipping articles and adjectives, or -1.
func (s *sent) before(lo int) int {
	k := lo - 1
	for k >= 0 && s.items[k].kind == itWord && (s.items[k].hasFlag(wNP, npWords) || s.items[k].isNumber() || !s.items[k].cap && s.items[k].isAdjective() && !s.items[k].isVerbish(s.lx)) {
		if s.items[k].isNumber() && k >= 2 && s.items[k-1].kind == itWord && (s.items[k-1].lower == "to" && s.items[k-2].lower == "up" || s.items[k-1].lower == "than" && (s.items[k-2].lower == "more" || s.items[k-2].lower == "fewer" || s.items[k-2].lower == "less")) {
			k -= 2 // "up to 100", "more than 1,000": a number, not a phrase
		}
		k--
	}
	return k
}

// isNumberWord reports a number in digits or words ("5,461", "several").
func isNumberWord(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	_, ok := parseNumberWord(w)
	return ok || slices.Contains(numberWordsToo[:], w)
}

// numberWordsToo are the words isNumberWord takes besides numberWords and
// scaleWords.
var numberWordsToo = [...]string{"several", "remaining", "thousands", "hundreds"}

// irregularPast are common irregular past forms, so that "fought a war"
// reads as a verb and its object.
var irregularPast = map[string]bool{"fought": true, "won": true, "lost": true, "began": true, "led": true,
	"held": true, "kept": true, "left": true, "became": true, "went": true, "came": true, "got": true,
	"found": true, "thought": true, "said": true, "wrote": true, "ran": true, "drew": true, "bore": true,
	"struck": true, "brought": true, "met": true, "sought": true, "undertook": true, "overran": true,
	"withdrew": true, "broke": true, "shot": true, "sold": true, "spent": true, "stood": true, "took": true,
	"paid": true, "laid": true, "felt": true, "knew": true, "saw": true, "set": true, "put": true}

// roleWords may stand between the mentions of one group: titles and roles
// ("German Foreign Minister Walther Rathenau and his Soviet colleague
// Georgy Chicherin").
var roleWords = map[string]bool{"ambassador": true, "minister": true, "colleague": true, "leader": true,
	"representative": true, "commissar": true, "president": true, "premier": true, "secretary": true,
	"general": true, "deputy": true, "envoy": true, "officer": true, "chief": true, "delegate": true,
	"foreign": true, "trade": true, "military": true, "counterpart": true, "partner": true, "chancellor": true,
	"dictator": true, "marshal": true, "admiral": true, "king": true, "emperor": true, "prime": true,
	"special": true, "state": true, "people's": true, "commander": true, "head": true, "consul": true,
	"and": true, "or": true, "as": true, "well": true, "the": true, "his": true, "her": true, "its": true,
	"their": true, "both": true, "former": true, "then": true, "power": true, "ally": true, "member": true,
	"neighbour": true, "neighbor": true}

// groupJoiner reports whether a word may stand between two mentions of
// one coordinated group.
func groupJoiner(w *item) bool {
	return w.cap && !w.isPreposition() || w.hasFlag(wRoleWord, roleWords)
}

// newClauseAt reports whether the ", and" boundary at item j starts a
// clause with a subject of its own: a mention group, then a verb.
func (s *sent) newClauseAt(j int) bool {
	k := j + 1
	for k < len(s.items) && s.items[k].kind == itWord && (s.items[k].hasFlag(wNP, npWords) || s.items[k].hasFlag(wArticle, articles)) {
		k++
	}
	if k >= len(s.items) || s.items[k].kind != itMention {
		return false
	}
	return s.newSubjectAfterComma(max(j-2, 0), k)
}

// newSubjectAfterComma reports whether the mention at item k, joined to
// the one at item prev by ", and", starts a clause of its own: a verb
// follows its group ("ceded … to Italy, and Laval promised …").
func (s *sent) newSubjectAfterComma(prev, k int) bool {
	comma := false
	for x := prev + 1; x < k; x++ {
		if s.items[x].kind == itPunct && s.items[x].text == "," {
			comma = true
		}
	}
	if !comma {
		return false
	}
	// the end of k's own run of mentions and titles
	j := k + 1
	for j < len(s.items) && (s.items[j].kind == itMention || s.items[j].kind == itWord && s.items[j].cap && !s.items[j].isPreposition()) {
		j++
	}
	for j < len(s.items) && s.items[j].kind == itWord && (strings.HasSuffix(s.items[j].lower, "ly") || s.items[j].lower == "also" || s.items[j].lower == "then" || s.items[j].lower == "never" || s.items[j].lower == "not") {
		j++
	}
	if j >= len(s.items) || s.items[j].kind != itWord {
		return false
	}
	w := s.items[j].lower
	return verbish(s.lx, w) && !isParticipleAdj(w) || s.lx != nil && s.lx.verbs[w]
}

func (s *sent) crossesComma(lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		if s.items[k].kind == itPunct && s.items[k].text == "," {
			return true
		}
	}
	return false
}

func (s *sent) hasConjunction(lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		if s.items[k].kind == itWord && (s.items[k].lower == "and" || s.items[k].lower == "or") {
			return true
		}
	}
	return false
}
