package actor

import (
	"encoding/binary"
	"math/bits"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// candKind says what kind of reference a candidate mention is.
type candKind uint8

const (
	cState   candKind = iota + 1 // a state by name, demonym, metonym
	cOrg                         // an organisation (registry or found)
	cGroup                       // a group of people
	cPerson                      // a person by full name or registry name
	cSurname                     // a bare surname, resolved in the document
	cPronoun                     // "he", resolved to a person
	cPair                        // "the two countries"
	cWeak                        // a name valid only with its state nearby
	cAnaphor                     // "the League" after "League of Nations"
)

// cand is a mention found in a sentence, before document-level resolution.
type cand struct {
	sent    int
	lo, hi  int // clean offsets
	kind    candKind
	via     string
	actor   string // resolved actor id, when known already
	state   string // state the mention stands or acts for
	org     string // organisation it acts for
	regime  string // regime named by the mention
	role    string
	name    string  // name of a person, group or organisation found in the text
	entries []entry // registry meanings still to choose from
	cue     bool    // a title or office stands before a surname
	members []string
}

// item is a registry name found in a sentence: tokens [lo, hi).
type item struct {
	lo, hi  int
	entries []entry
	mask    uint32 // the kinds of the entries (1 << kind)
}

// sentProc analyses one sentence.
type sentProc struct {
	r      *Registry
	text   string
	toks   []token
	items  []item
	itemAt []int // token -> index of the item covering it, or -1
	day    Day
	lo, hi Day // the sentence's date range (MinDay..MaxDay when unknown)
	sent   int
	out    []cand
	names  []nameSpan
	inName []int   // token -> index of the name covering it, where flags has fInName
	ents   []entry // storage for the items' entries
	arena  *strArena
	// known says that every token has its lexicon info already.
	known bool
	// flags holds per token what the skip loops of match, findNames
	// and scan test (fStarts ...), one byte for the fields of three
	// slices.
	flags []uint8
}

// Token flags of sentProc.flags.
const (
	fName   uint8 = 1 << iota // may open a person's name: a capitalised word or a particle (wParticle)
	fScan                     // scan looks at it: wScan or capitalised
	fStarts                   // a registry name may begin here (wStarts)
	fItem                     // in a registry name found (itemAt >= 0)
	fInName                   // in a person's name found (inName holds its index)
)

// classFlags are the word classes that are token flags at the same bits.
const classFlags = wParticle | wScan | wStarts

// skipFlags returns the first index from i whose flags have a bit of m,
// or len(flags): eight tokens at a time.
func skipFlags(flags []uint8, i int, m uint8) int {
	rep := uint64(m) * 0x0101010101010101
	for i+8 <= len(flags) {
		if x := binary.LittleEndian.Uint64(flags[i:]) & rep; x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
		i += 8
	}
	for i < len(flags) && flags[i]&m == 0 {
		i++
	}
	return i
}

// tokFlags is the flags of t that do not depend on the names found.
func tokFlags(t *token) uint8 {
	var f uint8
	if t.class&wStarts != 0 {
		f |= fStarts
	}
	if t.shape&(tCap|tWord|tDigit) == tCap|tWord || t.class&wParticle != 0 {
		f |= fName
	}
	if t.class&wScan != 0 || t.shape&tCap != 0 {
		f |= fScan
	}
	return f
}

// nameSpan is a person's name in the sentence.
type nameSpan struct {
	lo, hi   int     // tokens
	reg      []entry // registry person entries
	full     bool    // given name + surname, or cue + name
	surname  bool    // a single word (plus particles)
	cue      bool
	role     string
	affState string
	affOrg   string
}

// analyse finds the candidate mentions of sentence si and appends them to
// p.out; day is date.day(). p's buffers are reused from sentence to
// sentence.
func (p *sentProc) analyse(d *doc.Document, si int, date dateRange, day Day, toks []token) {
	p.text, p.day, p.lo, p.hi, p.sent, p.toks = d.Text, day, MinDay, MaxDay, si, toks
	if date.known {
		p.lo, p.hi = date.lo, date.hi
	}
	// Candidates copy what they keep of the items, so the item storage
	// is reused.
	p.items, p.names, p.ents = p.items[:0], p.names[:0], p.ents[:0]
	p.known = true // tokenizeWith with the registry's lexicon made toks
	p.match()
	p.findNames()
	p.scan()
}

// grow returns s resized to n, reusing its storage.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// match finds the longest registry name at each token, left to right.
func (p *sentProc) match() {
	lex := p.r.lex
	n := len(p.toks)
	if !p.known {
		for i := range p.toks {
			if !p.toks[i].known {
				p.toks[i].setInfo(lex.info(p.toks[i].key))
			}
		}
	}
	toks := p.toks
	p.itemAt = grow(p.itemAt, n)
	p.flags = grow(p.flags, n)
	itemAt, flags := p.itemAt[:n], p.flags[:n]
	for i := range toks {
		itemAt[i] = -1
		// tokFlags(&toks[i]), by table.
		flags[i] = uint8(toks[i].class&classFlags) | lex.shapeFlags[toks[i].shape&63]
	}
	for i := 0; i < n; {
		// Most words begin no name: skip them in a tight loop.
		i = skipFlags(flags, i, fStarts)
		if i == n {
			break
		}
		node := int32(0)
		bestHi := -1
		var best []entry
		for j := i; j < n; j++ {
			if j == i {
				node = lex.root[toks[i].word] // the first step, known to exist
			} else {
				next, ok := lex.nextEdge(node, toks[j].word)
				if !ok {
					break
				}
				node = next
			}
			if es := lex.nodes[node].entries; len(es) > 0 {
				all := true
				for k := range es {
					all = all && es[k].shapeOK(p.toks[i:j+1])
				}
				if all {
					bestHi, best = j+1, es // shared, read-only
					continue
				}
				start := len(p.ents)
				for k := range es {
					if es[k].shapeOK(p.toks[i : j+1]) {
						p.ents = append(p.ents, es[k])
					}
				}
				if len(p.ents) > start {
					bestHi, best = j+1, p.ents[start:len(p.ents):len(p.ents)]
				}
			}
		}
		if bestHi < 0 {
			i++
			continue
		}
		idx := len(p.items)
		var mask uint32
		for _, e := range best {
			mask |= 1 << e.kind
		}
		p.items = append(p.items, item{lo: i, hi: bestHi, entries: best, mask: mask})
		for k := i; k < bestHi; k++ {
			itemAt[k] = idx
			flags[k] |= fItem
		}
		i = bestHi
	}
}

// itemStart returns the item starting at token i, or nil.
func (p *sentProc) itemStart(i int) *item {
	if i < 0 || i >= len(p.toks) || p.itemAt[i] < 0 {
		return nil
	}
	it := &p.items[p.itemAt[i]]
	if it.lo != i {
		return nil
	}
	return it
}

// itemEnd returns the item ending just before token i, or nil.
func (p *sentProc) itemEnd(i int) *item {
	if i <= 0 || i > len(p.toks) || p.itemAt[i-1] < 0 {
		return nil
	}
	it := &p.items[p.itemAt[i-1]]
	if it.hi != i {
		return nil
	}
	return it
}

// hasAny reports whether the item has an entry of a kind in mask (a set
// of 1<<kind, a constant at every call).
func (it *item) hasAny(mask uint32) bool { return it.mask&mask != 0 }

func (it *item) only(kinds ...entryKind) []entry {
	var out []entry
	for _, e := range it.entries {
		for _, k := range kinds {
			if e.kind == k {
				out = append(out, e)
			}
		}
	}
	return out
}

// only is it.only stored in the sentence's entry buffer instead of a new
// slice: for entries read before the next sentence is analysed (nil when
// none match, as it.only).
func (p *sentProc) only(it *item, kind entryKind) []entry {
	start := len(p.ents)
	for _, e := range it.entries {
		if e.kind == kind {
			p.ents = append(p.ents, e)
		}
	}
	if len(p.ents) == start {
		return nil
	}
	return p.ents[start:len(p.ents):len(p.ents)]
}

// first returns the item's first entry of the kind.
func (it *item) first(kind entryKind) (entry, bool) {
	for _, e := range it.entries {
		if e.kind == kind {
			return e, true
		}
	}
	return entry{}, false
}

// onlyOf reports whether every entry of the item is of a kind in mask.
func (it *item) onlyOf(mask uint32) bool {
	for _, e := range it.entries {
		if mask&(1<<e.kind) == 0 {
			return false
		}
	}
	return true
}

// chooseEntry picks the meaning in force at the sentence's date: one whose
// period (and whose actor's lifetime) overlaps the date range, else the
// one nearest to its middle day.
func chooseEntry(r *Registry, es []entry, day Day, rng Period) (entry, bool) {
	return chooseEntryMask(r, es, ^uint32(0), day, rng)
}

// generation is thirty years in YYYYMMDD units.
const generation = 300000

// chooseK chooses among the item's meanings of the kinds in mask.
func (p *sentProc) chooseK(it *item, mask uint32) (entry, bool) {
	return chooseEntryMask(p.r, it.entries, mask, p.day, Period{From: p.lo, To: p.hi})
}

// chooseEntryMask is chooseEntry over the entries of the kinds in mask.
func chooseEntryMask(r *Registry, es []entry, mask uint32, day Day, rng Period) (entry, bool) {
	best, bestDist := -1, int64(-1)
	for i := range es {
		e := &es[i]
		if mask&(1<<e.kind) == 0 {
			continue
		}
		if day != MinDay && e.period != always && !e.period.Overlaps(rng) {
			// A name given a period in the registry ("Russia@1917-11-07..",
			// "Ukrainian@1991-08-24..") means nothing outside it.
			continue
		}
		per := e.period
		life := always // when the actor existed
		switch e.kind {
		case eOrgName, eOrgWeak, eOrgAnaphor:
			life = r.Orgs[e.ref].Period
		case eSeat:
			if e.isOrg {
				life = r.Orgs[e.ref].Period
			} else {
				life = r.States[e.ref].Period
			}
		case eStateName, eAdjective, ePlural, eSingular, eCombining, eCapital, eStateWeak:
			life = r.States[e.ref].Period
		}
		per = intersect(per, life)
		if day != MinDay && life.Distance(day) > generation {
			// A generation before or after the actor existed, its name
			// names something else: Georgia in 1864 is an American state,
			// the Allies of 480 BC are not the Entente.
			continue
		}
		// Rank by distance to the date (0 inside); at equal distance a name
		// with a period of its own ("Russia@1917-11-07..") beats a name
		// good at any time.
		dist := int64(0)
		if day != MinDay && !per.Overlaps(rng) {
			dist = per.Distance(day)
		}
		dist *= 2
		if e.period == always {
			dist++
		}
		if best < 0 || dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best < 0 {
		return entry{}, false
	}
	return es[best], true
}

func intersect(a, b Period) Period {
	p := Period{From: max(a.From, b.From), To: min(a.To, b.To)}
	if p.From > p.To {
		return a
	}
	return p
}

func (p *sentProc) tokText(lo, hi int) string {
	if lo >= hi {
		return ""
	}
	return p.text[p.toks[lo].start:p.toks[hi-1].end]
}

func (p *sentProc) emit(c cand, lo, hi int) {
	c.sent = p.sent
	c.lo, c.hi = int(p.toks[lo].start), int(p.toks[hi-1].end)
	p.out = append(p.out, c)
}

// classAt reports whether token i exists and has a word class of c.
func (p *sentProc) classAt(i int, c uint16) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].class&c != 0
}

func (p *sentProc) key(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	return p.toks[i].key
}

// --- people ------------------------------------------------------------------

// findNames finds people's names: registry names, and capitalised name
// sequences opened by a given name or a title.
func (p *sentProc) findNames() {
	n := len(p.toks)
	// inName[i] is set, and read, only where flags[i] has fInName.
	p.inName = grow(p.inName, n)
	flags := p.flags[:n]
	for i := 0; i < n; {
		// Words in no registry name that can open no name are passed
		// over in a tight loop (mayStartName's test, in fName).
		i = skipFlags(flags, i, fItem|fName)
		if i == n {
			break
		}
		if it := p.itemStart(i); it != nil && it.hasAny(1<<ePersonName) && !p.combiningHere(it) && !p.namesDocument(it.hi) {
			ns := nameSpan{lo: it.lo, hi: it.hi, reg: p.only(it, ePersonName), full: true}
			i = p.addName(ns)
			continue
		}
		if !p.mayStartName(i) {
			i++ // scanName would find nothing and stop here
			continue
		}
		if j, ns, ok := p.scanName(i); ok {
			i = p.addName(ns)
			_ = j
			continue
		} else if j > i {
			i = j
			continue
		}
		i++
	}
}

// mayStartName is scanName's first test: whether a name can start at
// token i.
func (p *sentProc) mayStartName(i int) bool {
	return p.toks[i].shape&(tCap|tWord|tDigit) == tCap|tWord ||
		p.toks[i].class&wParticle != 0 && p.particleOpens(i)
}

// particleOpens is the rest of mayStartName for a particle at i.
func (p *sentProc) particleOpens(i int) bool {
	return p.isParticle(i) && i+1 < len(p.toks) && (p.toks[i+1].is(tCap) || p.isParticle(i+1))
}

func (p *sentProc) addName(ns nameSpan) int {
	p.cueAndRole(&ns)
	p.apposition(&ns)
	if ns.affState == "" {
		p.listAffiliation(&ns)
	}
	idx := len(p.names)
	p.names = append(p.names, ns)
	for k := ns.lo; k < ns.hi; k++ {
		p.inName[k] = idx
		p.flags[k] |= fInName
	}
	return ns.hi
}

// listCues introduce the members of a group just named ("Soviet
// representatives ... were A, B and C", "a German delegation, including
// A and B").
var listCues = set("were", "included", "including", "among", "as", "was")

// listAffiliation gives a person listed after a group of a state's agents
// that state: "Other Soviet representatives instrumental in the
// negotiations were Karl Radek, Leonid Krasin and Victor Kopp".
func (p *sentProc) listAffiliation(ns *nameSpan) {
	// Walk back over the earlier names of the list to its cue word.
	k := ns.lo - 1
	for k >= 0 {
		key := p.key(k)
		if key == "," || key == "and" {
			k--
			continue
		}
		if ni := p.inNameIdx(k); ni >= 0 {
			k = p.names[ni].lo - 1
			continue
		}
		break
	}
	if !p.classAt(k, wListCue) {
		return
	}
	if p.key(k) == "as" && p.key(k-1) != "such" {
		return
	}
	// The group: a demonym followed by a noun naming a state's agents,
	// earlier in the clause, with no person between.
	for j := k - 1; j >= 0; j-- {
		if p.inNameIdx(j) >= 0 || p.key(j) == ";" || p.key(j) == "." {
			return
		}
		it := p.itemStart(j)
		if it == nil || !it.hasAny(1<<eAdjective) {
			continue
		}
		head := p.itemStart(it.hi)
		if head == nil && it.hi+1 < len(p.toks) {
			head = p.itemStart(it.hi + 1) // "German military delegation"
		}
		if head == nil {
			continue
		}
		for _, e := range head.entries {
			if e.kind == eNoun && p.r.Nouns[e.ref].Refers == "state" {
				if a, ok := p.chooseK(it, 1<<eAdjective); ok {
					ns.affState = p.r.States[a.ref].Code
				}
				return
			}
		}
	}
}

// inNameIdx is the index of the name covering token i, or -1 (names found
// so far in this sentence).
func (p *sentProc) inNameIdx(i int) int {
	for ni, ns := range p.names {
		if ns.lo <= i && i < ns.hi {
			return ni
		}
	}
	return -1
}

// combiningHere reports whether the item is a combining form before a
// hyphen ("Franco-Soviet"), not a name.
func (p *sentProc) combiningHere(it *item) bool {
	return it.hasAny(1<<eCombining) && p.key(it.hi) == "-" && p.toks[it.hi].start == p.toks[it.hi-1].end
}

func (p *sentProc) isParticle(i int) bool {
	return i < len(p.toks) && p.toks[i].class&wParticle != 0 && p.toks[i].is(tWord)
}

// scanName reads a capitalised name sequence at token i. It returns where
// scanning stopped even when no name was found, so that the caller can
// skip the words looked at.
func (p *sentProc) scanName(i int) (int, nameSpan, bool) {
	n := len(p.toks)
	t := &p.toks[i]
	startsName := t.is(tCap) && t.is(tWord) && !t.is(tDigit)
	if !startsName && !(p.isParticle(i) && i+1 < n && (p.toks[i+1].is(tCap) || p.isParticle(i+1))) {
		return i, nameSpan{}, false
	}
	j := i
	given, words, initials := 0, 0, 0
	end := -1
	var reg []entry
	for j < n {
		tk := &p.toks[j]
		if it := p.itemStart(j); it != nil {
			switch {
			case it.hi == j+1 && it.hasAny(1<<eGiven) && words == given && !it.hasAny(1<<eStateName|1<<eAdjective|1<<eCapital|1<<eOrgName):
				given++
				words++
				j++
				// A hyphenated given name: "Jean-Marie", "Hans-Adolf".
				for j+1 < n && p.toks[j].key == "-" && p.toks[j].start == p.toks[j-1].end &&
					p.toks[j+1].start == p.toks[j].end && p.toks[j+1].is(tCap) {
					j += 2
				}
				end = j
				continue
			case j > i && it.hi == j+1 && (tk.key == "graf" || tk.key == "freiherr") && (p.isParticle(j+1) || j+1 < n && p.toks[j+1].is(tCap)):
				j++
				continue
			case j > i && given > 0 && it.hasAny(1<<ePersonName):
				reg = p.only(it, ePersonName)
				words++
				j = it.hi
				end = j
			}
			break
		}
		if p.itemAt[j] >= 0 {
			break
		}
		if p.isParticle(j) && (j > i || tk.is(tCap) || i == j) {
			k := j
			for k < n && p.isParticle(k) {
				k++
			}
			if k > j && k < n && p.toks[k].is(tCap) && p.toks[k].is(tWord) && p.toks[k].class&wStop == 0 && p.itemAt[k] < 0 {
				j = k
				continue
			}
			break
		}
		if tk.is(tWord) && tk.is(tCap) && !tk.is(tDigit) && p.toks[j].class&wStop == 0 {
			if tk.is(tInitial) && p.key(j+1) == "." {
				initials++
				j += 2
				continue
			}
			words++
			j++
			// Hyphenated surnames: "Brockdorff-Rantzau", "Trevor-Roper".
			for j+1 < n && p.toks[j].key == "-" && p.toks[j].start == p.toks[j-1].end &&
				p.toks[j+1].start == p.toks[j].end && p.toks[j+1].is(tCap) && p.itemAt[j+1] < 0 {
				j += 2
			}
			end = j
			continue
		}
		if (j > i || !tk.is(tCap)) && p.isParticle(j) {
			k := j
			for k < n && p.isParticle(k) {
				k++
			}
			if k < n && p.toks[k].is(tCap) && p.toks[k].is(tWord) && p.toks[k].class&wStop == 0 && p.itemAt[k] < 0 {
				j = k
				continue
			}
		}
		if j == i && p.isParticle(j) {
			// A capitalised particle opening a sentence: "Von der Schulenburg".
			k := j
			for k < n && p.isParticle(k) {
				k++
			}
			if k < n && k > j && p.toks[k].is(tCap) && p.itemAt[k] < 0 {
				j = k
				continue
			}
		}
		break
	}
	if end <= i {
		return max(j, i+1), nameSpan{}, false
	}
	ns := nameSpan{lo: i, hi: end, reg: reg}
	surnameWords := words - given
	switch {
	case reg != nil:
		ns.full = true
	case given > 0 && surnameWords > 0:
		ns.full = true
	case initials > 0 && surnameWords > 0:
		ns.full = true
	case surnameWords == 1 && given == 0 && initials == 0:
		ns.surname = true
	case surnameWords >= 2 && given == 0:
		// Capitalised words with no given name: a person only after a
		// title ("General Francisco Franco"); decided in cueAndRole.
		ns.full = false
	default:
		return end, nameSpan{}, false
	}
	// A surname followed by a model designation is a product ("Tupolev
	// TB-3"); one followed by "Front", "Union" ... names a body ("Stresa
	// Front").
	if ns.surname && end < n && (p.toks[end].is(tAllCaps) || p.toks[end].is(tDigit) || p.toks[end].class&wOrgHead != 0 && p.toks[end].is(tCap)) {
		return end, nameSpan{}, false
	}
	if !ns.full && !ns.surname {
		probe := ns
		p.apposition(&probe)
		if !p.hasCue(i) && probe.role == "" {
			return end, nameSpan{}, false
		}
		ns.full = true
	}
	if p.namesDocument(end) {
		return end, nameSpan{}, false
	}
	return end, ns, true
}

// documentHeads end the names of treaties, plans and lines named after
// people ("Molotov–Ribbentrop Pact", "Curzon Line", "Dawes Plan").
var documentHeads = set("pact", "treaty", "agreement", "line", "plan", "protocol", "doctrine",
	"declaration", "note", "memorandum", "offensive", "cabinet", "government", "ministry", "award", "accords")

// namesDocument reports whether the name ending at token end is part of
// such a name: followed by a head, directly or through "–Name".
func (p *sentProc) namesDocument(end int) bool {
	n := len(p.toks)
	j := end
	for j+1 < n && p.toks[j].key == "-" && p.toks[j+1].is(tCap) {
		j += 2
		if it := p.itemStart(j - 1); it != nil {
			j = it.hi
		}
	}
	return j < n && p.toks[j].class&wDocHead != 0 && p.toks[j].is(tCap)
}

// hasCue reports whether a title, rank or office stands right before
// token i ("General", "Mr.", "ambassador", "Historian").
func (p *sentProc) hasCue(i int) bool {
	it := p.itemEnd(i)
	return it != nil && p.isCue(it)
}

// isCue reports whether an office item can introduce a person: a
// capitalised title ("General", "Mr.") or a lower-case office that names
// a person ("ambassador").
func (p *sentProc) isCue(it *item) bool {
	if !it.hasAny(1 << eOffice) {
		return false
	}
	if p.toks[it.lo].is(tCap) {
		return true
	}
	// A lower-case title is a cue only for an office that names a person
	// ("ambassador Ivan Maisky"), not for a word like "general".
	for _, e := range it.entries {
		if e.kind != eOffice {
			continue
		}
		switch p.r.Offices[e.ref].Class {
		case "military-rank", "official", "honorific", "minister":
		default:
			return true
		}
	}
	return false
}

// cueAndRole reads the role phrase before a name: "German Foreign Minister
// Walther Rathenau", "Soviet trade representative in Berlin David
// Kandelaki", "Litvinov's deputy Vladimir Potemkin".
func (p *sentProc) cueAndRole(ns *nameSpan) {
	ns.cue = p.hasCue(ns.lo)
	k := ns.lo - 1
	for k >= 0 {
		if it := p.itemEnd(k + 1); it != nil {
			if it.hasAny(1<<eOffice|1<<eAdjective|1<<eStateName|1<<eOrgName|1<<eCapital|1<<eDefinite) || (it.hasAny(1<<ePersonName) && p.key(it.hi) == "'s") {
				k = it.lo - 1
				continue
			}
			break
		}
		key := p.toks[k].key
		if key == "'s" || p.toks[k].class&(wRoleMod|wRolePrep) != 0 || (key == "the" && k+1 < ns.lo && p.itemAt[k+1] >= 0 && p.classAt(k-1, wRolePrep)) {
			k--
			continue
		}
		break
	}
	lo := k + 1
	// Trim leading prepositions and modifiers that are not part of a role.
	for lo < ns.lo && p.itemAt[lo] < 0 && (p.toks[lo].class&wRolePrep != 0 || p.toks[lo].key == "the") {
		lo++
	}
	if lo >= ns.lo {
		p.underAffiliation(ns)
		return
	}
	role, st, org, office := p.readRole(lo, ns.lo, false)
	if !office {
		p.underAffiliation(ns)
		return
	}
	ns.cue = true
	ns.role, ns.affState, ns.affOrg = role, st, org
	if ns.affState == "" && ns.affOrg == "" {
		p.underAffiliation(ns)
	}
}

// readRole reads tokens [lo, hi) as a role phrase: its text, the state
// and organisation it names as the person's own (not the destination after
// "to" or a place after "in"), and whether it holds an office title. Before
// a name only titles that can introduce a person count (loose false);
// after a comma any office does ("Seeckt, chief of the Reichswehr").
func (p *sentProc) readRole(lo, hi int, loose bool) (role, state, org string, office bool) {
	prep := ""
	titled := false // an office, not only a rank or honorific
	for i := lo; i < hi; {
		if it := p.itemStart(i); it != nil {
			poss := p.key(it.hi) == "'s"
			switch {
			case it.hasAny(1<<eOffice | 1<<eDefinite):
				office = office || loose || p.isCue(it) || it.hasAny(1<<eDefinite)
				for _, e := range it.entries {
					if e.kind != eOffice {
						continue
					}
					if c := p.r.Offices[e.ref].Class; c != "honorific" && c != "military-rank" {
						titled = true
					}
				}
				if it.hasAny(1 << eDefinite) {
					titled = true
				}
				for _, e := range it.entries {
					if e.kind != eOffice && e.kind != eDefinite {
						continue
					}
					if o := p.r.Offices[e.ref]; o.State != "" && state == "" {
						state = o.State
					}
				}
			case it.hasAny(1<<ePersonName) && poss:
				if e, ok := p.chooseK(it, 1<<ePersonName); ok && state == "" {
					state = p.r.StateAt(p.r.Persons[e.ref].ID, p.day)
				}
			case it.hasAny(1 << eOrgName):
				if prep != "to" {
					if e, ok := p.chooseK(it, 1<<eOrgName); ok && org == "" {
						org = p.r.Orgs[e.ref].ID
						if state == "" {
							state = p.r.Orgs[e.ref].State
						}
					}
				}
			case it.hasAny(1<<eAdjective | 1<<eStateName):
				if prep == "" || prep == "of" || prep == "for" || poss {
					if e, ok := p.chooseK(it, (1<<eAdjective | 1<<eStateName)); ok && state == "" {
						state = p.r.States[e.ref].Code
					}
				}
			}
			i = it.hi
			continue
		}
		if k := p.toks[i].key; p.toks[i].class&wRolePrep != 0 {
			prep = k
		}
		i++
	}
	if !titled {
		// "Count", "General": a cue to a name, but not a role to record.
		return "", state, org, office
	}
	role = p.tokText(lo, hi)
	for _, det := range []string{"the ", "an ", "a ", "The ", "An ", "A "} {
		role = strings.TrimPrefix(role, det)
	}
	return role, state, org, office
}

// apposition reads a role after the name: "Victor Kopp, the RSFSR's
// special representative to Berlin,", "Walter Krivitsky, an NKVD agent",
// "Konstantin von Neurath (foreign minister from 1932 to 1938)".
func (p *sentProc) apposition(ns *nameSpan) {
	n := len(p.toks)
	j := ns.hi
	if j >= n || (p.toks[j].key != "," && p.toks[j].key != "(") {
		return
	}
	j++
	if p.key(j) == "who" {
		j++
		for c := 0; c < 3 && j < n && (p.key(j) == "had" || p.key(j) == "has" || p.key(j) == "been" || p.key(j) == "was" || p.key(j) == "is" || p.key(j) == "became"); c++ {
			j++
		}
	}
	for j < n && p.toks[j].class&wDeterminer != 0 {
		j++
	}
	start := j
	for j < n {
		if it := p.itemStart(j); it != nil {
			if it.hasAny(1<<eOffice|1<<eDefinite|1<<eAdjective|1<<eStateName|1<<eOrgName|1<<eCapital) || (it.hasAny(1<<ePersonName) && p.key(it.hi) == "'s") {
				j = it.hi
				continue
			}
			break
		}
		k := p.toks[j].key
		if k == "'s" || p.toks[j].class&(wRoleMod|wRolePrep) != 0 || (k == "the" && p.classAt(j-1, wRolePrep)) {
			j++
			continue
		}
		break
	}
	if j == start || p.inNameAt(start) {
		return
	}
	role, st, org, office := p.readRole(start, j, true)
	if !office {
		return
	}
	if ns.role == "" {
		ns.role = role
	}
	if ns.affState == "" {
		ns.affState = st
	}
	if ns.affOrg == "" {
		ns.affOrg = org
	}
}

func (p *sentProc) inNameAt(i int) bool {
	return i < len(p.flags) && p.flags[i]&fInName != 0
}

// underAffiliation reads "the Soviet embassy under Adolph Joffe", "the
// Communist Party of Germany (KPD) under Ernst Thälmann": the person leads
// the body named before "under".
func (p *sentProc) underAffiliation(ns *nameSpan) {
	k := ns.lo - 1
	if p.key(k) != "under" {
		return
	}
	k--
	if p.key(k) == ")" {
		for k >= 0 && p.key(k) != "(" {
			k--
		}
		k--
	}
	it := p.itemEnd(k + 1)
	if it == nil {
		return
	}
	switch {
	case it.hasAny(1 << eOrgName):
		if e, ok := p.chooseK(it, 1<<eOrgName); ok {
			ns.affOrg = p.r.Orgs[e.ref].ID
			ns.affState = p.r.Orgs[e.ref].State
		}
	case it.hasAny(1 << eStateName):
		if e, ok := p.chooseK(it, 1<<eStateName); ok {
			ns.affState = p.r.States[e.ref].Code
		}
	case it.hasAny(1 << eNoun):
		if adj := p.itemEnd(it.lo); adj != nil && adj.hasAny(1<<eAdjective) {
			if e, ok := p.chooseK(adj, 1<<eAdjective); ok {
				ns.affState = p.r.States[e.ref].Code
			}
		}
	}
}

// --- everything else -----------------------------------------------------------

// scan walks the sentence once and turns names, demonyms, metonyms,
// organisations, pair phrases and pronouns into candidates.
func (p *sentProc) scan() {
	n := len(p.toks)
	flags := p.flags[:n]
	for i := 0; i < n; {
		// Nothing below starts at a plain word: skip them in a tight loop.
		i = skipFlags(flags, i, fInName|fItem|fScan)
		if i == n {
			break
		}
		if flags[i]&fInName != 0 {
			ns := p.names[p.inName[i]]
			c := cand{kind: cPerson, entries: ns.reg, cue: ns.cue, role: ns.role, state: ns.affState, org: ns.affOrg,
				name: p.tokText(ns.lo, ns.hi), via: "name"}
			if ns.reg != nil {
				c.via = "alias"
				for _, e := range ns.reg {
					if foldEqual(p.r.Persons[e.ref].Name, c.name) {
						c.via = "name"
					}
				}
			}
			if ns.surname {
				c.kind = cSurname
				c.via = "surname"
			}
			p.emit(c, ns.lo, ns.hi)
			i = ns.hi
			continue
		}
		if it := p.itemStart(i); it != nil {
			i = p.scanItem(it)
			continue
		}
		if j := p.scanPair(i); j > i {
			i = j
			continue
		}
		if k := p.toks[i].key; (k == "he" || k == "him") && p.toks[i].is(tWord) {
			p.emit(cand{kind: cPronoun, via: "pronoun"}, i, i+1)
			i++
			continue
		}
		if t := &p.toks[i]; t.shape&(tCap|tWord|tDigit) != tCap|tWord || p.itemAt[i] >= 0 {
			i++ // not the start of an organisation's name (scanOrgName's first test)
			continue
		}
		if j := p.scanOrgName(i); j > i {
			i = j
			continue
		}
		i++
	}
}

// scanItem handles the registry name at it and returns the next token.
func (p *sentProc) scanItem(it *item) int {
	n := len(p.toks)
	switch {
	case p.combiningHere(it):
		if e, ok := p.chooseK(it, 1<<eCombining); ok {
			p.emit(cand{kind: cState, actor: p.r.States[e.ref].Code, state: p.r.States[e.ref].Code, via: "demonym"}, it.lo, it.hi)
		}
		return it.hi
	case it.hasAny(1<<eStateName | 1<<eOrgName | 1<<eSeat):
		e, ok := p.chooseK(it, (1<<eStateName | 1<<eOrgName | 1<<eSeat))
		if ok && e.kind == eStateName {
			e = p.notTheSame(it, e)
		}
		switch {
		case !ok:
		case e.kind == eStateName:
			code := p.r.States[e.ref].Code
			c := cand{kind: cState, actor: code, state: code, via: "name"}
			if e.regime >= 0 {
				c.regime = p.r.States[e.ref].Regimes[e.regime].Name
				c.via = "regime"
			}
			p.emit(c, it.lo, it.hi)
		case e.kind == eSeat:
			if k := p.key(it.lo - 1); k == "near" || k == "outside" || k == "around" {
				return it.hi
			}
			if e.isOrg {
				o := p.r.Orgs[e.ref]
				p.emit(cand{kind: cOrg, actor: o.ID, state: o.State, via: "metonym"}, it.lo, it.hi)
			} else {
				code := p.r.States[e.ref].Code
				p.emit(cand{kind: cState, actor: code, state: code, via: "metonym"}, it.lo, it.hi)
			}
		default:
			o := p.r.Orgs[e.ref]
			via := "alias"
			if foldEqual(o.Name, p.tokText(it.lo, it.hi)) {
				via = "name"
			}
			c := cand{kind: cOrg, actor: o.ID, state: o.State, via: via}
			if o.Kind == "group" {
				c.kind = cGroup
			}
			p.emit(c, it.lo, it.hi)
		}
		return it.hi
	case it.hasAny(1 << eAdjective):
		return p.demonymPhrase(it)
	case it.hasAny(1 << ePlural):
		p.plural(it)
		return it.hi
	case it.hasAny(1 << eCapital):
		if e, ok := p.chooseK(it, 1<<eCapital); ok && p.politicalCapital(it) {
			code := p.r.States[e.ref].Code
			p.emit(cand{kind: cState, actor: code, state: code, via: "metonym"}, it.lo, it.hi)
		}
		return it.hi
	case it.hasAny(1 << eDefinite):
		if p.key(it.lo-1) == "the" || p.toks[it.lo].is(tCap) {
			p.holder(p.only(it, eDefinite), "", it.lo, it.hi, "title")
		}
		return it.hi
	case it.hasAny(1<<eStateWeak | 1<<eOrgWeak):
		p.emit(cand{kind: cWeak, entries: it.only(eStateWeak, eOrgWeak), via: "alias"}, it.lo, it.hi)
		return it.hi
	case it.hasAny(1 << eOrgAnaphor):
		p.emit(cand{kind: cAnaphor, entries: p.only(it, eOrgAnaphor), via: "anaphor"}, it.lo, it.hi)
		return it.hi
	}
	_ = n
	return it.hi
}

// uniqueOffices are the office classes one person holds at a time in a
// state, so that a title alone can name the holder.
var uniqueOffices = set("head-of-state", "head-of-government", "foreign-minister", "defence-minister", "interior-minister")

// notTheSame reads a name coordinated with a name of the same state as
// the other state it can denote: in "the Soviet Union and Russia" Russia
// is not the Soviet Union.
func (p *sentProc) notTheSame(it *item, e entry) entry {
	conj := p.key(it.lo - 1)
	if (conj != "and" && conj != "or") || len(p.out) == 0 {
		return e
	}
	last := p.out[len(p.out)-1]
	code := p.r.States[e.ref].Code
	if last.sent != p.sent || last.kind != cState || last.state != code || last.hi > int(p.toks[it.lo-1].start) {
		return e
	}
	var others []entry
	for _, o := range it.entries {
		if o.kind == eStateName && p.r.States[o.ref].Code != code {
			others = append(others, o)
		}
	}
	if alt, ok := chooseEntry(p.r, others, MinDay, always); ok {
		return alt
	}
	return e
}

// holder emits the person holding the office at the sentence's day, when
// the office is held by one person at a time and the registry knows who.
func (p *sentProc) holder(offices []entry, state string, lo, hi int, via string) bool {
	for _, e := range offices {
		o := p.r.Offices[e.ref]
		if !uniqueOffices[o.Class] {
			continue // many ambassadors, one foreign minister
		}
		st := state
		if o.State != "" {
			if st != "" && st != o.State {
				continue
			}
			st = o.State
		}
		if st == "" || p.day == MinDay {
			continue
		}
		hs := p.r.OfficeHolders(o.Class, st, p.day)
		if len(hs) != 1 {
			continue
		}
		pi := p.r.personByID[hs[0].ID]
		p.ents = append(p.ents, entry{kind: ePersonName, ref: int32(pi), period: always})
		es := p.ents[len(p.ents)-1 : len(p.ents) : len(p.ents)]
		p.emit(cand{kind: cPerson, entries: es,
			role: p.tokText(lo, hi), state: st, via: via}, lo, hi)
		return true
	}
	return false
}

// demonymPhrase reads "German", "the German side", "Soviet
// representatives", "the German Foreign Ministry", "German armaments
// makers", "the German Foreign Minister".
func (p *sentProc) demonymPhrase(it *item) int {
	e, ok := p.chooseK(it, 1<<eAdjective)
	if !ok {
		return it.hi
	}
	code := p.r.States[e.ref].Code
	n := len(p.toks)
	j := it.hi
	// A nationality named by its adjective in a list of peoples:
	// "nationalities (including German)" are people, not the state.
	if prev := p.key(it.lo - 1); (prev == "including" || prev == "as" && p.key(it.lo-2) == "such") && (p.key(j) == ")" || p.key(j) == ";") {
		if pl := p.r.States[e.ref].Plurals; len(pl) > 0 {
			p.emit(cand{kind: cGroup, actor: p.arena.prefixSlug("group:", pl[0].Text), name: pl[0].Text, via: "demonym"}, it.lo, it.hi)
			return it.hi
		}
	}
	// Head noun right after, or after one lower-case modifier.
	head := p.itemStart(j)
	if head == nil && j+1 < n && p.toks[j].is(tWord) && !p.toks[j].is(tCap) && !functionWords[p.toks[j].key] {
		if h := p.itemStart(j + 1); h != nil && h.hasAny(1<<eNoun) {
			head = h
		}
	}
	if head != nil && p.flags[head.lo]&fInName == 0 {
		if nr, ok := head.first(eNoun); ok {
			next := head.hi
			isHead := true
			if nr.adj && next < n && p.toks[next].is(tWord) && !p.toks[next].is(tCap) && !functionWords[p.toks[next].key] && !subjectVerbs[p.toks[next].key] {
				isHead = false
			}
			if isHead && p.inNameAt(head.hi) {
				isHead = false // "Soviet Ambassador Nikolay Krestinsky": the title is the person's
			}
			if isHead {
				rule := p.r.Nouns[nr.ref]
				switch rule.Refers {
				case "state":
					c := cand{kind: cState, actor: code, state: code, via: "demonym"}
					if head.hasAny(1 << eOffice) {
						c.role = p.tokText(it.hi, head.hi)
					}
					p.emit(c, it.lo, head.hi)
					return head.hi
				case "group":
					name := p.tokText(it.lo, head.hi)
					p.emit(cand{kind: cGroup, actor: p.arena.prefixSlug("group:", name), name: name, state: code, via: "demonym"}, it.lo, head.hi)
					return head.hi
				case "type":
					if o, ok := p.orgOfType(code, rule.Type); ok {
						p.emit(cand{kind: cOrg, actor: o.ID, state: code, via: "demonym"}, it.lo, head.hi)
					} else {
						p.emit(cand{kind: cState, actor: code, state: code, via: "demonym"}, it.lo, head.hi)
					}
					return head.hi
				}
			}
		}
		nr, hasNoun := head.first(eNoun)
		adjUse := head.hi < n && hasNoun && nr.adj && p.toks[head.hi].is(tWord) && !p.toks[head.hi].is(tCap) && !functionWords[p.toks[head.hi].key] && !subjectVerbs[p.toks[head.hi].key]
		if head.lo == it.hi && head.hasAny(1<<eOffice) && !p.inNameAt(head.hi) && !adjUse {
			// "the German Foreign Minister" with no name: its holder.
			if p.holder(p.only(head, eOffice), code, it.lo, head.hi, "office") {
				return head.hi
			}
			p.emit(cand{kind: cState, actor: code, state: code, via: "demonym", role: p.tokText(head.lo, head.hi)}, it.lo, head.hi)
			return head.hi
		}
	}
	p.emit(cand{kind: cState, actor: code, state: code, via: "demonym"}, it.lo, it.hi)
	return it.hi
}

// orgOfType finds the state's body of a type, falling back from a branch
// to the armed forces as a whole (the Reichswehr for "the German army" in
// 1925).
func (p *sentProc) orgOfType(code, typ string) (*Org, bool) {
	day := p.day
	if day == MinDay {
		day = MakeDay(1930, 1, 1)
	}
	if o, ok := p.r.OrgOfType(code, typ, day); ok {
		return o, true
	}
	switch typ {
	case "army", "navy", "air-force":
		return p.r.OrgOfType(code, "armed-forces", day)
	}
	return nil, false
}

// plural reads "the Germans", "the Soviets" (the state) and "ethnic
// Germans", "5,461 Germans", "Soviet Germans" (a group of people).
func (p *sentProc) plural(it *item) {
	e, ok := p.chooseK(it, 1<<ePlural)
	if !ok {
		return
	}
	code := p.r.States[e.ref].Code
	prev := p.key(it.lo - 1)
	group := false
	switch {
	case prev == "the" || prev == "The":
		group = false
	case it.lo > 0 && (p.toks[it.lo-1].is(tDigit) || groupQualifiers[prev]):
		group = true
	case p.itemEnd(it.lo) != nil && p.itemEnd(it.lo).hasAny(1<<eAdjective|1<<eStateName):
		group = true
	case it.lo > 0 && p.toks[it.lo-1].is(tCap) && p.itemAt[it.lo-1] < 0 && p.toks[it.lo-1].is(tWord):
		group = true // "Sudetenland Germans", "Volga Germans"
	case prev == "of" && p.key(it.lo-2) == "thousands":
		group = true
	case prev == "," || prev == "as" || prev == "and":
		// A list of peoples: "(such as Germans, Poles, Finns)".
		if k := p.itemEnd(it.lo - 1); k != nil && k.hasAny(1<<ePlural) {
			group = true
		}
		if nx := p.itemStart(it.hi + 1); nx != nil && nx.hasAny(1<<ePlural) && (p.key(it.hi) == "," || p.key(it.hi) == "and") {
			group = true
		}
		if prev == "as" && p.key(it.lo-2) == "such" {
			group = true
		}
	}
	if p.r.States[e.ref].Code == "SUN" && !group {
		group = false
	}
	if !group {
		p.emit(cand{kind: cState, actor: code, state: code, via: "demonym"}, it.lo, it.hi)
		return
	}
	name := p.tokText(it.lo, it.hi)
	p.emit(cand{kind: cGroup, actor: p.arena.prefixSlug("group:", name), name: name, via: "demonym"}, it.lo, it.hi)
}

// politicalCapital reports whether a capital stands for its government
// here ("Moscow's reaction", "Berlin realized", "reported to Berlin",
// "relations with Moscow", "accused the city of Kaunas") rather than for
// the place ("a flying school near Moscow", "arrived to Moscow").
func (p *sentProc) politicalCapital(it *item) bool {
	n := len(p.toks)
	next := p.key(it.hi)
	switch {
	case next == "'s":
		return !geoNouns[p.key(it.hi+1)]
	case subjectVerbs[next] && !weakVerbs[next]:
		prev := p.key(it.lo - 1)
		return !(prev == "in" || prev == "at" || prev == "near" || prev == "from" || prev == "to" || prev == "of" || prev == "outside")
	}
	if nx := p.itemStart(it.hi); nx != nil && nx.hasAny(1<<eNoun) {
		for _, e := range nx.entries {
			if e.kind == eNoun && p.r.Nouns[e.ref].Refers == "state" {
				return true // "Berlin officials"
			}
		}
	}
	k := it.lo - 1
	if p.key(k) == "of" && p.key(k-1) == "city" {
		k -= 2
		if p.key(k) == "the" {
			k--
		}
		return politicalObjectVerbs[p.key(k)]
	}
	prev := p.key(k)
	switch prev {
	case "to", "with", "from", "in":
		before := p.key(k - 1)
		if p.itemEnd(k) != nil && p.itemEnd(k).hasAny(1<<eOffice) {
			return true // "ambassador to Berlin", "representative in Berlin"
		}
		if prev == "in" {
			return false
		}
		return politicalNouns[before] || politicalObjectVerbs[before]
	}
	if politicalObjectVerbs[prev] {
		return true
	}
	// Two capitals coordinated act together: "bring Moscow and Berlin closer".
	if next == "and" && it.hi+1 < n {
		if nx := p.itemStart(it.hi + 1); nx != nil && nx.hasAny(1<<eCapital) && prev != "between" && prev != "in" && prev != "from" && prev != "to" && prev != "near" {
			return true
		}
	}
	if prev == "and" {
		if pv := p.itemEnd(k); pv != nil && pv.hasAny(1<<eCapital) {
			before := p.key(pv.lo - 1)
			return before != "between" && before != "in" && before != "from" && before != "to" && before != "near"
		}
	}
	return false
}

// scanPair reads "the two countries", "both states", "the countries'".
func (p *sentProc) scanPair(i int) int {
	k := p.toks[i].key
	n := len(p.toks)
	switch k {
	case "the", "these", "those":
		if p.key(i+1) == "two" && pairNouns[p.key(i+2)] {
			p.emit(cand{kind: cPair, via: "pair"}, i, i+3)
			return i + 3
		}
		if (p.key(i+1) == "countries" || p.key(i+1) == "parties") && i+2 <= n {
			next := p.key(i + 2)
			if next == "'" || next == "'s" || subjectVerbs[next] {
				p.emit(cand{kind: cPair, via: "pair"}, i, i+2)
				return i + 2
			}
		}
	case "both":
		if pairNouns[p.key(i+1)] {
			p.emit(cand{kind: cPair, via: "pair"}, i, i+2)
			return i + 2
		}
	}
	return i
}

// scanOrgName reads a capitalised name ending in a word like Union, Party,
// League or Committee that the registry does not know: "Union of
// Industrialists", "Popular Front".
func (p *sentProc) scanOrgName(i int) int {
	n := len(p.toks)
	t := &p.toks[i]
	if !t.is(tCap) || !t.is(tWord) || t.is(tDigit) || p.itemAt[i] >= 0 || p.toks[i].class&wCompass != 0 {
		return i
	}
	if p.toks[i].class&(wStop|wOrgHead) == wStop {
		return i
	}
	free := func(j int) bool {
		if p.flags[j]&fInName != 0 {
			return false
		}
		if p.itemAt[j] < 0 {
			return true
		}
		it := &p.items[p.itemAt[j]]
		return it.hi == it.lo+1 && it.onlyOf((1<<eNoun | 1<<eOffice | 1<<eGiven))
	}
	j, last, heads, headLast, headOf := i, i, 0, false, false
	for j < n {
		tk := &p.toks[j]
		if tk.is(tCap) && tk.is(tWord) && free(j) && !tk.is(tDigit) {
			headLast = p.toks[j].class&wOrgHead != 0
			if headLast {
				heads++
			}
			j++
			last = j
			continue
		}
		if (tk.key == "of" || tk.key == "for" || tk.key == "and" || tk.key == "&") && j+1 < n && p.toks[j+1].is(tCap) && free(j+1) {
			if tk.key == "of" && headLast {
				headOf = true
			}
			j++
			continue
		}
		break
	}
	if heads == 0 || last-i < 2 || !(headLast || headOf) {
		return i
	}
	name := p.tokText(i, last)
	c := cand{kind: cOrg, actor: p.arena.prefixSlug("org:", name), name: name, via: "name"}
	if adj := p.itemEnd(i); adj != nil && adj.hasAny(1<<eAdjective) {
		if e, ok := p.chooseK(adj, 1<<eAdjective); ok {
			c.state = p.r.States[e.ref].Code
		}
	}
	p.emit(c, i, last)
	return last
}
