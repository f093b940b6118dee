// Package actor recognises and resolves the actors of history in a
// document: states (by name, regime, demonym and metonym), organisations,
// groups and people, each tied to the state it acts for and the regime in
// force at the sentence's date.
//
// Recognition is one pass over each sentence's tokens with a trie of every
// registry name (data/*.txt, embedded); rules then read demonym phrases
// ("the German side"), titles and appositions around names ("Soviet
// ambassador Nikolay Krestinsky", "Victor Kopp, the RSFSR's special
// representative to Berlin"), capitals in political contexts ("Moscow's
// reaction") and pair phrases ("the two countries"). Resolution within the
// document links surnames and pronouns to people named before, short names
// to organisations named before, and weak names to the state named nearby.
package actor

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Annotator is the actor stage of the pipeline. It only reads its
// registry, so one annotator may serve concurrent documents.
type Annotator struct {
	reg *Registry
	// scratch holds *docScratch: the buffers and maps of one document's
	// reading, reused from document to document rather than made anew.
	scratch sync.Pool
	// maxPooled overrides maxPooledText when not 0 (for tests).
	maxPooled int
}

// New returns an annotator with the registry shipped with chronicle.
func New() (*Annotator, error) {
	r, err := Default()
	if err != nil {
		return nil, err
	}
	return &Annotator{reg: r}, nil
}

// NewWith returns an annotator using the registry r.
func NewWith(r *Registry) *Annotator { return &Annotator{reg: r} }

// Registry is the annotator's registry.
func (a *Annotator) Registry() *Registry { return a.reg }

// Name implements pipeline.Stage.
func (a *Annotator) Name() string { return "actor" }

// Annotate fills d.Mentions and d.Actors. It reads the sentences and, when
// present, the temporal expressions; it changes nothing else.
func (a *Annotator) Annotate(ctx context.Context, d *doc.Document) error {
	// Memory stays proportional to one sentence plus the mentions: each
	// sentence is tokenised, analysed and resolved in turn; only weak
	// names and pair phrases wait for the end of the document.
	sc, _ := a.scratch.Get().(*docScratch)
	if sc == nil {
		sc = &docScratch{}
	}
	dates := sentenceDatesIn(d, &sc.dates)
	res := newResolver(a.reg, d, dates, sc)
	days := grow(sc.days, len(dates))
	for i := range dates {
		days[i] = dates[i].day()
	}
	res.days, sc.days = days, days
	// A long document's tables are not kept for the next: they would hold
	// their memory for nothing, and its mentions are handed over in the
	// slice they were gathered in rather than copied (see finish).
	limit := maxPooledText
	if a.maxPooled != 0 {
		limit = a.maxPooled
	}
	pooled := len(d.Text) <= limit
	res.inPlace = !pooled
	if guess := len(d.Text)/48 + 8; !pooled || cap(res.mentions) < guess { // about one per 50 bytes of history
		res.mentions = make([]doc.Mention, 0, guess)
	}
	arena := &res.arena
	p := &sc.p
	p.r, p.arena = a.reg, arena
	toks := sc.toks
	defer func() {
		// The buffers may keep strings of this document reachable until
		// they are reused or the pool is dropped at a collection.
		p.text, p.toks, p.arena = "", nil, nil
		if pooled {
			sc.toks, sc.mentions = toks[:0], res.mentions[:0]
			a.scratch.Put(sc)
		}
	}()
	for si, s := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if skipSentence(d, si) {
			continue
		}
		toks = tokenizeWith(d.Text, s.Clean.Start, s.Clean.End, toks[:0], a.reg.lex, arena)
		p.out = p.out[:0]
		p.analyse(d, si, dates[si], days[si], toks)
		res.pass1(p.out)
	}
	res.pass2()
	return nil
}

// skipSentence leaves out infobox lines that name files ("Map: Germany
// Soviet Union Locator.png").
func skipSentence(d *doc.Document, si int) bool {
	s := d.Sentences[si]
	if s.Block >= 0 && s.Block < len(d.Blocks) && d.Blocks[s.Block].Kind == doc.BlockInfobox {
		t := strings.ToLower(strings.TrimSpace(d.Text[s.Clean.Start:s.Clean.End]))
		for _, ext := range []string{".png", ".jpg", ".jpeg", ".svg", ".gif"} {
			if strings.HasSuffix(t, ext) {
				return true
			}
		}
		if strings.HasPrefix(t, "filetype:") || strings.HasPrefix(t, "flag") || strings.HasPrefix(t, "image") || strings.HasPrefix(t, "map:") {
			return true
		}
	}
	return false
}

// docPerson is a person as known in one document.
type docPerson struct {
	id, name, state, org string
	reg                  int // registry index or -1
	roles                []string
	lastSent             int
}

// surShape is a surname key's first letter and length.
type surShape struct {
	first byte
	n     int
}

type resolver struct {
	r        *Registry
	d        *doc.Document
	dates    []dateRange
	days     []Day // dates[i].day(), computed once
	mentions []doc.Mention
	// actors are the document's actors in the order first met; byID
	// indexes them. A *doc.Actor into it is good until the next actor is
	// made.
	actors []doc.Actor
	*docMaps
	scratch *docScratch
	// inPlace says that mentions is the document's own slice, not the
	// scratch's: finish merges and filters it in place.
	inPlace bool
	sorted  int     // mentions[:sorted] are in text order
	weaks   []later // weak names, for pass2
	pairs   []later // pair phrases, for pass2
	// arena holds the document's keys and ids.
	arena strArena
	// people holds the docPersons, in blocks that never move: the
	// scratch's blocks[:block], the last being people.
	people []docPerson
	block  int
	// ones is the current block of appendOne.
	ones []string
	// idCache holds byID lookups lately made (see actorIndex).
	idCache [32]idIndex
	// regimes holds RegimeAt answers lately given (see regimeAt).
	regimes [16]regimeOn
}

// regimeOn is the regime of a state on a day.
type regimeOn struct {
	state  string
	day    Day
	regime string
}

// regimeAt is rs.r.RegimeAt(state, d). The mentions of a sentence, and of
// the sentences of one date, ask it the same question over and over: a
// small cache, slotted by the code's bytes, answers.
func (rs *resolver) regimeAt(state string, d Day) string {
	if state == "" {
		return rs.r.RegimeAt(state, d)
	}
	c := &rs.regimes[(int(state[0])*3^int(state[len(state)-1])^len(state))&(len(rs.regimes)-1)]
	if c.state == state && c.day == d {
		return c.regime
	}
	r := rs.r.RegimeAt(state, d)
	*c = regimeOn{state: state, day: d, regime: r}
	return r
}

// aliasKey is an actor (its index) and one of its aliases.
type aliasKey struct {
	actor int32
	alias string
}

// idIndex is an actor id and its index in resolver.actors.
type idIndex struct {
	id string
	i  int32
}

// actorIndex is rs.byID[id]. A document names a few actors over and over,
// so a small cache, slotted by the id's length and end bytes, answers most
// lookups without hashing the id.
func (rs *resolver) actorIndex(id string) (int32, bool) {
	if id == "" {
		i, ok := rs.byID[id]
		return i, ok
	}
	c := &rs.idCache[(int(id[0])<<2^int(id[len(id)-1])^len(id))&(len(rs.idCache)-1)]
	if c.id == id {
		return c.i, true
	}
	i, ok := rs.byID[id]
	if ok {
		c.id, c.i = id, i
	}
	return i, ok
}

// appendOne is append(l, s), except that a list begun with s takes its
// one place from a block shared by many such lists (most stay at one).
func (rs *resolver) appendOne(l []string, s string) []string {
	if len(l) > 0 {
		return append(l, s)
	}
	if len(rs.ones) == cap(rs.ones) {
		rs.ones = make([]string, 0, 64)
	}
	rs.ones = append(rs.ones, s)
	n := len(rs.ones)
	return rs.ones[n-1 : n : n]
}

// newPerson stores a docPerson in the resolver's current block.
func (rs *resolver) newPerson(dp docPerson) *docPerson {
	if len(rs.people) == cap(rs.people) {
		sc := rs.scratch
		if rs.block == len(sc.people) {
			sc.people = append(sc.people, make([]docPerson, 0, 32))
		}
		rs.people = sc.people[rs.block][:0]
		rs.block++
	}
	rs.people = append(rs.people, dp)
	return &rs.people[len(rs.people)-1]
}

// key is nameKey, remembered for the document.
func (rs *resolver) key(name string) string {
	if k, ok := rs.keys[name]; ok {
		return k
	}
	k := nameKeyIn(name, &rs.arena)
	rs.keys[name] = k
	return k
}

// maxPooledText is the length of the longest document whose scratch is
// kept for the next document.
const maxPooledText = 1 << 20

// docScratch is what reading a document needs for the time of its
// reading only: the sentence buffers, the mentions before the final copy,
// the resolver's maps and finish's tables.
type docScratch struct {
	p        sentProc
	toks     []token
	mentions []doc.Mention
	maps     docMaps
	// for finish
	used, head []int32
	aliases    []aliasOf
	many       map[aliasKey]bool
	// people are blocks of docPersons, used in turn (resolver.newPerson)
	people [][]docPerson
	dates  dateBufs
	days   []Day
}

// aliasOf is an alias of the actor at index actor; prev is the index of
// the actor's alias before it, plus one.
type aliasOf struct {
	actor, prev int32
	alias       string
}

// docMaps are the resolver's indexes, emptied for each document.
type docMaps struct {
	byID    map[string]int32
	persons map[string]*docPerson
	byKey   map[string]string   // nameKey -> person id
	bySur   map[string][]string // surname key -> person ids
	orgSeen map[string]int      // org id -> last sentence mentioned
	// noNear remembers surname keys with no near spelling among the
	// surnames known, and how many surnames were known then.
	noNear map[string]int
	// byShape lists the surname keys of six letters or more by first
	// letter and length, for the spelling-slip search.
	byShape map[surShape][]string
	keys    map[string]string // memo of nameKey
	// pairGroups are the groups named by pair phrases, by sorted codes.
	pairGroups map[[2]string]pairGroup
}

// reset empties the maps, keeping their storage; it makes them the first
// time, at the size an article of history fills (the founding article
// names some 160 actors) rather than grown from nothing.
func (m *docMaps) reset() {
	if m.byID == nil {
		const n = 64
		*m = docMaps{byID: make(map[string]int32, n), persons: make(map[string]*docPerson, n),
			byKey: make(map[string]string, n), bySur: make(map[string][]string, n), orgSeen: map[string]int{}, noNear: map[string]int{},
			byShape: map[surShape][]string{}, keys: make(map[string]string, n), pairGroups: map[[2]string]pairGroup{}}
		return
	}
	clear(m.byID)
	clear(m.persons)
	clear(m.byKey)
	clear(m.bySur)
	clear(m.orgSeen)
	clear(m.noNear)
	clear(m.byShape)
	clear(m.keys)
	clear(m.pairGroups)
}

func newResolver(r *Registry, d *doc.Document, dates []dateRange, sc *docScratch) *resolver {
	sc.maps.reset()
	return &resolver{r: r, d: d, dates: dates, actors: make([]doc.Actor, 0, min(len(d.Text)/384+16, 1024)),
		docMaps: &sc.maps, mentions: sc.mentions[:0], scratch: sc}
}

func (rs *resolver) day(si int) Day {
	if si < 0 || si >= len(rs.days) {
		return MinDay
	}
	return rs.days[si]
}

// later is a weak name or pair phrase kept for pass2: all its candidate
// holds besides its kind (cWeak with via "alias", cPair with via "pair",
// as sentProc makes them).
type later struct {
	sent, lo, hi int32
	entries      []entry
}

// pass1 resolves a sentence's candidates in text order, keeping weak
// names and pair phrases for pass2.
func (rs *resolver) pass1(cands []cand) {
	for _, c := range cands {
		switch c.kind {
		case cState:
			rs.addState(c, c.actor)
		case cOrg, cGroup:
			rs.addOrg(c)
		case cPerson:
			rs.addPerson(c)
		case cSurname:
			rs.addSurname(c)
		case cPronoun:
			rs.addPronoun(c)
		case cAnaphor:
			rs.addAnaphor(c)
		case cPair:
			rs.pairs = append(rs.pairs, later{sent: int32(c.sent), lo: int32(c.lo), hi: int32(c.hi)})
		case cWeak:
			rs.weaks = append(rs.weaks, later{sent: int32(c.sent), lo: int32(c.lo), hi: int32(c.hi), entries: c.entries})
		}
	}
}

// pass2 resolves the weak names and pair phrases, which need the states of
// the whole paragraph and document, and fills the document. Pass one's
// mentions are in text order; the new ones are merged in.
func (rs *resolver) pass2() {
	n := len(rs.mentions)
	rs.sorted = n
	for _, w := range rs.weaks {
		rs.addWeak(cand{kind: cWeak, via: "alias", sent: int(w.sent), lo: int(w.lo), hi: int(w.hi), entries: w.entries})
	}
	pair := rs.mainPair()
	for _, w := range rs.pairs {
		rs.addPair(cand{kind: cPair, via: "pair", sent: int(w.sent), lo: int(w.lo), hi: int(w.hi)}, pair, n)
	}
	rs.finish(n)
}

// mergeInPlace is merged for a long document, done in its own slice of
// mentions (no second copy of them all at once): the mentions after
// index n are merged in from the back, then the slice is filtered.
func (rs *resolver) mergeInPlace(n int) []doc.Mention {
	ms := rs.mentions
	if n < len(ms) {
		tail := append([]doc.Mention(nil), ms[n:]...) // few: weak names and pairs
		i, j, k := n-1, len(tail)-1, len(ms)-1
		for j >= 0 {
			if i >= 0 && ms[i].Clean.Start > tail[j].Clean.Start {
				ms[k] = ms[i]
				i--
			} else {
				ms[k] = tail[j]
				j--
			}
			k--
		}
	}
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.Clean.Start < end || m.Clean.End <= m.Clean.Start {
			continue
		}
		out = append(out, m)
		end = m.Clean.End
	}
	return out
}

// merged walks the mentions in text order, those after index n (sorted
// already) merged into the sorted ones before it (at equal starts the
// earlier first), leaving out those that overlap a mention kept before
// them or are empty. It copies the kept ones into out when out is not
// nil, and returns how many it kept.
func (rs *resolver) merged(n int, out []doc.Mention) int {
	ms := rs.mentions
	i, j, kept, end := 0, n, 0, -1
	for i < n || j < len(ms) {
		var m *doc.Mention
		if j >= len(ms) || i < n && ms[i].Clean.Start <= ms[j].Clean.Start {
			m = &ms[i]
			i++
		} else {
			m = &ms[j]
			j++
		}
		if m.Clean.Start < end || m.Clean.End <= m.Clean.Start {
			continue
		}
		if out != nil {
			out[kept] = *m
		}
		kept++
		end = m.Clean.End
	}
	return kept
}

// mention appends a mention of actor for candidate c.
func (rs *resolver) mention(c cand, actorID, kind, state, via string) *doc.Mention {
	// Made in place: a Mention is large, and copying it twice cost more
	// than filling it.
	rs.mentions = append(rs.mentions, doc.Mention{})
	m := &rs.mentions[len(rs.mentions)-1]
	clean := doc.Span{Start: c.lo, End: c.hi}
	m.Span, m.Clean = rs.d.RawSpan(clean), clean
	m.Text, m.Actor, m.Kind, m.State = rs.d.Text[c.lo:c.hi], actorID, kind, state
	m.Role, m.Via, m.Sentence, m.Org = c.role, via, c.sent, c.org
	if state != "" {
		if c.regime != "" && state == c.state {
			m.Regime = c.regime
		} else {
			m.Regime = rs.regimeAt(state, rs.day(c.sent))
		}
	}
	return m
}

// actor returns the document's actor with the id, creating it.
func (rs *resolver) actor(id, name, kind string) *doc.Actor {
	if i, ok := rs.actorIndex(id); ok {
		return &rs.actors[i]
	}
	rs.byID[id] = int32(len(rs.actors))
	rs.actors = append(rs.actors, doc.Actor{ID: id, Name: name, Kind: kind})
	return &rs.actors[len(rs.actors)-1]
}

func (rs *resolver) addState(c cand, code string) {
	s, ok := rs.r.State(code)
	if !ok {
		return
	}
	a := rs.actor(code, s.Name, doc.KindState)
	a.Code = code
	c.state = code
	rs.mention(c, code, doc.KindState, code, c.via)
}

func (rs *resolver) addOrg(c cand) {
	if o, ok := rs.r.Org(c.actor); ok {
		a := rs.actor(o.ID, o.Name, o.Kind)
		a.State = o.State
		day := rs.day(c.sent)
		members := o.MembersAt(day)
		if len(a.Members) == 0 {
			a.Members = o.MembersAt(MinDay)
		}
		state := o.State
		if c.state != "" && state == "" {
			state = c.state
		}
		m := rs.mention(c, o.ID, o.Kind, state, c.via)
		m.Members = members
		rs.orgSeen[o.ID] = c.sent
		return
	}
	kind := doc.KindOrganization
	if c.kind == cGroup {
		kind = doc.KindGroup
	}
	a := rs.actor(c.actor, c.name, kind)
	if a.State == "" {
		a.State = c.state
	}
	rs.mention(c, c.actor, kind, c.state, c.via)
	rs.orgSeen[c.actor] = c.sent
}

// addPerson resolves a person's name: a registry person (chosen by date
// and by who was named before when a surname is shared), a person already
// met in the document under another spelling, or a new person.
func (rs *resolver) addPerson(c cand) {
	day := rs.day(c.sent)
	if len(c.entries) > 0 {
		pi := rs.chooseRegistryPerson(c.entries, day, c.name)
		if pi < 0 {
			return
		}
		rs.mentionPerson(c, rs.registryPerson(pi), c.via)
		return
	}
	key := rs.key(c.name)
	if ps := rs.r.personByKey[key]; len(ps) > 0 {
		rs.mentionPerson(c, rs.registryPerson(ps[0]), "alias")
		return
	}
	if id, ok := rs.byKey[key]; ok {
		rs.mentionPerson(c, rs.persons[id], "alias")
		return
	}
	// A full name whose surname belongs to one person met before by
	// surname only ("Mr. Rapoport", then "Samuel Rapoport"), or whose
	// given name agrees ("J. Kennedy" after "John Kennedy"), is that
	// person; "Robert F. Kennedy" after "John F. Kennedy" is not.
	if first, last, words := keyWords(key); words > 1 {
		var same *docPerson
		n := 0
		for _, id := range rs.bySur[last] {
			dp := rs.persons[id]
			if dp.reg >= 0 {
				continue
			}
			oldFirst, _, oldWords := keyWords(rs.key(dp.name))
			if oldWords == 1 || oldFirst == first ||
				(len(oldFirst) == 1 || len(first) == 1) && oldFirst[0] == first[0] {
				same = dp
				n++
			}
		}
		if n == 1 {
			rs.mentionPerson(c, same, "alias")
			return
		}
	}
	id := rs.arena.prefixSlug("person:", c.name)
	dp := rs.newPerson(docPerson{id: id, name: c.name, reg: -1})
	rs.persons[id] = dp
	rs.register(dp, c.name)
	rs.mentionPerson(c, dp, c.via)
}

// keyWords returns the first and last of the space-separated words of a
// name key and whether there are none, one or more (0, 1, 2), without
// splitting it.
func keyWords(key string) (first, last string, words int) {
	for i := 0; i < len(key); i++ {
		if c := key[i]; c < '!' && c != ' ' || c >= utf8.RuneSelf {
			// Other spaces than ' ' may separate words: split for real.
			f := strings.Fields(key)
			if len(f) == 0 {
				return "", "", 0
			}
			return f[0], f[len(f)-1], min(len(f), 2)
		}
	}
	key = strings.Trim(key, " ")
	if key == "" {
		return "", "", 0
	}
	i, j := strings.IndexByte(key, ' '), strings.LastIndexByte(key, ' ')
	if i < 0 {
		return key, key, 1
	}
	return key[:i], key[j+1:], 2
}

// chooseRegistryPerson picks among registry people sharing a name: the one
// named before in the document, else the one in office nearest the date.
func (rs *resolver) chooseRegistryPerson(es []entry, day Day, text string) int {
	// Rank: in office at the date, then named before in the document, then
	// nearest in office to the date.
	best, bestRank, bestDist := -1, 0, int64(-1)
	single := !strings.ContainsAny(strings.TrimSpace(text), " ")
	for _, e := range es {
		p := &rs.r.Persons[e.ref]
		if single && !p.active(day) {
			continue
		}
		dist := int64(0)
		if day != MinDay && len(p.Tenures) > 0 {
			dist = -1
			for _, t := range p.Tenures {
				if d := t.Period.Distance(day); dist < 0 || d < dist {
					dist = d
				}
			}
		}
		rank := 0
		if dist == 0 {
			rank += 2
		}
		if dp, ok := rs.persons[p.ID]; ok && dp.reg >= 0 {
			rank++
		}
		if best < 0 || rank > bestRank || rank == bestRank && dist < bestDist {
			best, bestRank, bestDist = int(e.ref), rank, dist
		}
	}
	return best
}

func (rs *resolver) registryPerson(pi int) *docPerson {
	p := &rs.r.Persons[pi]
	if dp, ok := rs.persons[p.ID]; ok {
		return dp
	}
	dp := rs.newPerson(docPerson{id: p.ID, name: p.Name, state: p.State, reg: pi})
	rs.persons[p.ID] = dp
	for _, k := range p.keys {
		rs.registerKey(dp, k)
	}
	return dp
}

// register indexes a person's name and surname for later references.
func (rs *resolver) register(dp *docPerson, name string) { rs.registerKey(dp, rs.key(name)) }

// registerKey indexes a name key and its last word as a surname (a
// one-word registry alias is itself a surname).
func (rs *resolver) registerKey(dp *docPerson, key string) {
	if key == "" {
		return
	}
	if _, ok := rs.byKey[key]; !ok {
		rs.byKey[key] = dp.id
	}
	sur := key
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		sur = key[i+1:]
	}
	for _, id := range rs.bySur[sur] {
		if id == dp.id {
			return
		}
	}
	if len(rs.bySur[sur]) == 0 && len(sur) >= 6 {
		s := surShape{sur[0], len(sur)}
		rs.byShape[s] = rs.appendOne(rs.byShape[s], sur)
	}
	rs.bySur[sur] = rs.appendOne(rs.bySur[sur], dp.id)
}

func (rs *resolver) mentionPerson(c cand, dp *docPerson, via string) {
	day := rs.day(c.sent)
	a := rs.actor(dp.id, dp.name, doc.KindPerson)
	state, org, role := c.state, c.org, c.role
	if dp.reg >= 0 {
		p := &rs.r.Persons[dp.reg]
		if t := p.TenureAt(day); t != nil {
			if t.State != "" {
				state = t.State
			}
			if t.Org != "" {
				org = t.Org
			}
			if role == "" {
				role = t.Title
			}
		} else {
			if dp.org == "" && org != "" {
				dp.org = org
			}
			if org == "" {
				org = dp.org
			}
			if state == "" {
				state = p.State
			}
		}
		if c.org != "" && dp.org == "" {
			dp.org = c.org
		}
		if a.State == "" {
			a.State = p.State
		}
	} else {
		if dp.state == "" && state != "" {
			dp.state = state
		}
		if dp.org == "" && org != "" {
			dp.org = org
		}
		if state == "" {
			state = dp.state
		}
		if org == "" {
			org = dp.org
		}
		if a.State == "" {
			a.State = dp.state
		}
	}
	if role != "" && !contains(a.Roles, role) {
		a.Roles = rs.appendOne(a.Roles, role) // as the text gives it, or the office held then
	}
	c.org, c.role = org, role
	c.regime = ""
	rs.mention(c, dp.id, doc.KindPerson, state, via)
	dp.lastSent = c.sent
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// addSurname resolves "Kopp", "von Seeckt", "Weiszäcker" to a person named
// before in the document (allowing one slip of spelling in a long name),
// or, after a title ("Mr. Rapoport"), makes a new person.
func (rs *resolver) addSurname(c cand) {
	key := rs.key(c.name)
	if key == "" {
		return
	}
	if ids := rs.bySur[key]; len(ids) > 0 {
		rs.mentionPerson(c, rs.mostRecent(ids), "surname")
		return
	}
	if n, ok := rs.noNear[key]; len(key) >= 6 && (!ok || n != len(rs.bySur)) {
		rs.noNear[key] = len(rs.bySur)
		var near []string
		for l := len(key) - 1; l <= len(key)+1; l++ {
			for _, sur := range rs.byShape[surShape{key[0], l}] {
				if damerau(sur, key) <= 1 {
					near = append(near, rs.bySur[sur]...)
				}
			}
		}
		if len(near) > 0 {
			sort.Strings(near)
			rs.mentionPerson(c, rs.mostRecent(near), "surname-variant")
			return
		}
	}
	if c.cue {
		id := rs.arena.prefixSlug("person:", c.name)
		dp, ok := rs.persons[id]
		if !ok {
			dp = rs.newPerson(docPerson{id: id, name: c.name, reg: -1})
			rs.persons[id] = dp
			rs.register(dp, c.name)
		}
		rs.mentionPerson(c, dp, "title")
	}
}

func (rs *resolver) mostRecent(ids []string) *docPerson {
	var best *docPerson
	for _, id := range ids {
		dp := rs.persons[id]
		if best == nil || dp.lastSent > best.lastSent {
			best = dp
		}
	}
	return best
}

// addPronoun links "he" to the person named last in the sentence before
// it, else to the first person of the previous sentence of the paragraph.
func (rs *resolver) addPronoun(c cand) {
	var target string
	for i := len(rs.mentions) - 1; i >= 0; i-- {
		m := rs.mentions[i]
		if m.Sentence != c.sent {
			break
		}
		if m.Kind == doc.KindPerson && m.Clean.End <= c.lo {
			target = m.Actor
			break
		}
	}
	if target == "" && c.sent > 0 {
		prev := c.sent - 1
		if rs.d.Sentences[prev].Block == rs.d.Sentences[c.sent].Block {
			// The first person of the previous sentence: scan back to it.
			for i := len(rs.mentions) - 1; i >= 0 && rs.mentions[i].Sentence >= prev; i-- {
				if m := rs.mentions[i]; m.Sentence == prev && m.Kind == doc.KindPerson {
					target = m.Actor
				}
			}
		}
	}
	if target == "" {
		return
	}
	dp := rs.persons[target]
	if dp == nil {
		return
	}
	c.role = ""
	rs.mentionPerson(c, dp, "pronoun")
}

// addAnaphor resolves "the League" to the League of Nations named earlier
// in the same section.
func (rs *resolver) addAnaphor(c cand) {
	sec := rs.d.Sentences[c.sent].Section
	best, bestSent := "", -1
	for _, e := range c.entries {
		o := rs.r.Orgs[e.ref]
		if s, ok := rs.orgSeen[o.ID]; ok && s <= c.sent && rs.d.Sentences[s].Section == sec && s > bestSent {
			best, bestSent = o.ID, s
		}
	}
	if best == "" {
		return
	}
	c.actor, c.kind = best, cOrg
	c.via = "anaphor"
	rs.addOrg(c)
}

// addWeak resolves a name that stands for a state or body only when that
// state is named in the same paragraph ("the Loyalists", "Foreign Office").
func (rs *resolver) addWeak(c cand) {
	block := rs.d.Sentences[c.sent].Block
	first, last := c.sent, c.sent
	for first > 0 && rs.d.Sentences[first-1].Block == block {
		first--
	}
	for last+1 < len(rs.d.Sentences) && rs.d.Sentences[last+1].Block == block {
		last++
	}
	near := map[string]int{} // state -> distance in sentences
	ms := rs.mentions[:rs.sorted]
	from := sort.Search(len(ms), func(i int) bool { return ms[i].Sentence >= first })
	for _, m := range ms[from:] {
		if m.Sentence > last {
			break
		}
		if m.State == "" {
			continue
		}
		dist := m.Sentence - c.sent
		if dist < 0 {
			dist = -dist
		}
		if old, ok := near[m.State]; !ok || dist < old {
			near[m.State] = dist
		}
	}
	rng := Period{From: MinDay, To: MaxDay}
	if c.sent < len(rs.dates) && rs.dates[c.sent].known {
		rng = Period{From: rs.dates[c.sent].lo, To: rs.dates[c.sent].hi}
	}
	var best entry
	bestDist := -1
	for _, e := range c.entries {
		per := e.period
		state := ""
		if e.kind == eStateWeak {
			state = rs.r.States[e.ref].Code
		} else {
			state = rs.r.Orgs[e.ref].State
			per = intersect(per, rs.r.Orgs[e.ref].Period)
		}
		if !per.Overlaps(rng) {
			continue
		}
		dist, ok := near[state]
		if !ok {
			continue
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = e, dist
		}
	}
	if bestDist < 0 {
		return
	}
	c.via = "context"
	if best.kind == eStateWeak {
		rs.addState(c, rs.r.States[best.ref].Code)
		return
	}
	o := rs.r.Orgs[best.ref]
	c.actor, c.state = o.ID, o.State
	c.kind = cOrg
	if o.Kind == "group" {
		c.kind = cGroup
	}
	rs.addOrg(c)
}

// mainPair is the document's main pair of states: the two states its
// title names ("Germany–Soviet Union relations"), else the two most
// mentioned states when they clearly dominate the document.
func (rs *resolver) mainPair() []string {
	title := rs.d.Title
	if len(rs.d.Sections) > 0 && rs.d.Sections[0].Title != "" {
		title = rs.d.Sections[0].Title
	}
	if title != "" {
		toks := tokenize(title, 0, len(title), nil)
		seen := map[string]bool{}
		var codes []string
		for i := 0; i < len(toks); {
			n, hi := int32(0), -1
			var es []entry
			for j := i; j < len(toks); j++ {
				next, ok := rs.r.lex.next(n, rs.r.lex.word(toks[j].key))
				if !ok {
					break
				}
				n = next
				if len(rs.r.lex.nodes[n].entries) > 0 {
					hi, es = j+1, rs.r.lex.nodes[n].entries
				}
			}
			if hi < 0 {
				i++
				continue
			}
			for _, e := range es {
				if e.kind == eStateName || e.kind == eAdjective || e.kind == eCombining {
					code := rs.r.States[e.ref].Code
					if !seen[code] {
						seen[code] = true
						codes = append(codes, code)
					}
					break
				}
			}
			i = hi
		}
		if len(codes) == 2 {
			return codes
		}
	}
	count := map[string]int{}
	total := 0
	for _, m := range rs.mentions {
		if m.State != "" {
			count[m.State]++
			total++
		}
	}
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range count {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v || l[i].v == l[j].v && l[i].k < l[j].k })
	if len(l) < 2 {
		return nil
	}
	third := 0
	if len(l) > 2 {
		third = l[2].v
	}
	if 2*(l[0].v+l[1].v) >= total && 2*l[1].v >= 3*third {
		return []string{l[0].k, l[1].k}
	}
	return nil
}

// addPair resolves "the two countries": the two states of the sentence so
// far and the sentence before, when exactly two are named there, else the
// document's main pair.
func (rs *resolver) addPair(c cand, main []string, sorted int) {
	local := map[string]bool{}
	var order []string
	outside := main == nil
	// Mentions are sorted: look only at this sentence and the one before.
	ms := rs.mentions[:sorted]
	from := sort.Search(len(ms), func(i int) bool { return ms[i].Sentence >= c.sent-1 })
	for _, m := range ms[from:] {
		if m.Sentence > c.sent {
			break
		}
		if m.Via == "pair" || m.State == "" {
			continue
		}
		here := m.Sentence == c.sent && m.Clean.End <= c.lo
		if here || (m.Sentence == c.sent-1 && rs.d.Sentences[m.Sentence].Block == rs.d.Sentences[c.sent].Block) {
			if !local[m.State] {
				local[m.State] = true
				order = append(order, m.State)
			}
			if here && main != nil && m.State != main[0] && m.State != main[1] {
				outside = true
			}
		}
	}
	pair := main
	if len(order) == 2 && outside {
		// The sentence turns to another pair: "Finland requested a
		// withdrawal of troops of both nations" after a Soviet move.
		pair = order
	}
	if len(pair) != 2 {
		return
	}
	key := [2]string{pair[0], pair[1]}
	if key[1] < key[0] {
		key[0], key[1] = key[1], key[0]
	}
	g, ok := rs.pairGroups[key]
	if !ok {
		// The group of a pair is the same for every mention of it: its
		// codes, name and id are made once.
		g.codes = []string{key[0], key[1]}
		s0, _ := rs.r.State(key[0])
		s1, _ := rs.r.State(key[1])
		g.name = s0.Name + " and " + s1.Name
		g.id = rs.arena.prefixSlug("group:", g.name)
		rs.pairGroups[key] = g
	}
	codes, name, id := g.codes, g.name, g.id
	a := rs.actor(id, name, doc.KindGroup)
	a.Members = codes
	m := rs.mention(c, id, doc.KindGroup, "", "pair")
	m.Members = codes
}

// pairGroup is the group of a pair of states ("Germany and Soviet Union").
type pairGroup struct {
	codes    []string
	name, id string
}

// finish drops overlapping mentions and fills the document.
func (rs *resolver) finish(n int) {
	// The mentions of pass one are in text order, pass two's (few) are
	// sorted and merged in as the document's slice, of its exact size, is
	// filled: each mention is copied once.
	slices.SortStableFunc(rs.mentions[n:], func(a, b doc.Mention) int { return cmp.Compare(a.Clean.Start, b.Clean.Start) })
	var final []doc.Mention
	if rs.inPlace {
		final = rs.mergeInPlace(n)
	} else {
		final = make([]doc.Mention, rs.merged(n, nil))
		rs.merged(n, final)
	}
	// An actor's aliases are the texts of its mentions, each once. They
	// are counted first, so that all the lists share one array; each
	// actor's aliases so far are chained, and compared one by one while
	// they are few.
	sc := rs.scratch
	used := grow(sc.used, len(rs.actors)) // aliases per actor mentioned, plus one
	head := grow(sc.head, len(rs.actors)) // last alias of the actor, plus one
	clear(used)
	clear(head)
	const few = 16
	many := sc.many // actor, alias: for actors with more than few
	clear(many)
	aliases := sc.aliases[:0]
	defer func() {
		clear(aliases) // hold no strings of the document
		sc.used, sc.head, sc.many, sc.aliases = used, head, many, aliases[:0]
	}()
	for i := range final {
		m := &final[i]
		ai, ok := rs.actorIndex(m.Actor)
		if !ok {
			continue
		}
		if used[ai] == 0 {
			used[ai] = 1
		}
		if m.Via == "pronoun" || m.Via == "pair" {
			continue
		}
		alias := m.Text
		if t := alias; t == "" || t[0] <= ' ' || t[0] >= utf8.RuneSelf || t[len(t)-1] <= ' ' || t[len(t)-1] >= utf8.RuneSelf {
			alias = strings.TrimSpace(t) // else it has no space to trim
		}
		if used[ai]-1 > few {
			if many[aliasKey{ai, alias}] {
				continue
			}
			many[aliasKey{ai, alias}] = true
		} else {
			seen := false
			for k := head[ai]; k > 0; k = aliases[k-1].prev {
				if aliases[k-1].alias == alias {
					seen = true
					break
				}
			}
			if seen {
				continue
			}
		}
		aliases = append(aliases, aliasOf{actor: ai, prev: head[ai], alias: alias})
		head[ai] = int32(len(aliases))
		used[ai]++
		if used[ai]-1 == few+1 {
			// From now on a set: filled with the aliases so far.
			if many == nil {
				many = map[aliasKey]bool{}
			}
			for k := head[ai]; k > 0; k = aliases[k-1].prev {
				many[aliasKey{ai, aliases[k-1].alias}] = true
			}
		}
	}
	all := make([]string, len(aliases))
	off := 0
	for i := range rs.actors {
		if n := int(used[i]) - 1; n >= 0 {
			rs.actors[i].Aliases = all[off : off : off+n]
			off += n
		}
	}
	for _, a := range aliases {
		rs.actors[a.actor].Aliases = append(rs.actors[a.actor].Aliases, a.alias)
	}
	// The actors mentioned, in the order first met, in place.
	actors := rs.actors[:0]
	for i := range rs.actors {
		if used[i] > 0 {
			actors = append(actors, rs.actors[i])
		}
	}
	rs.d.Actors = actors
	rs.d.Mentions = final
}

// damerau is the optimal-string-alignment distance of two keys (bytes of
// folded ASCII), capped: any distance above 1 is reported as 2 (and so is
// any distance between keys longer than 63 bytes). A distance of 1 is one
// edit, so it is found in one pass: a byte changed, two neighbours
// swapped, or a byte added or dropped.
func damerau(a, b string) int {
	if abs(len(a)-len(b)) > 1 || len(a) > 63 || len(b) > 63 {
		return 2
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	p := 0 // the first byte that differs
	for p < len(a) && a[p] == b[p] {
		p++
	}
	if len(a) < len(b) {
		if a[p:] == b[p+1:] {
			return 1
		}
		return 2
	}
	switch {
	case p == len(a):
		return 0
	case a[p+1:] == b[p+1:]:
		return 1
	case p+1 < len(a) && a[p] == b[p+1] && a[p+1] == b[p] && a[p+2:] == b[p+2:]:
		return 1
	}
	return 2
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
