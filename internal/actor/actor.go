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
	"context"
	"sort"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Annotator is the actor stage of the pipeline.
type Annotator struct {
	reg *Registry
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
	dates := sentenceDates(d)
	var cands []cand
	var buf []token
	for si := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if skipSentence(d, si) {
			continue
		}
		var cs []cand
		cs, buf = a.analyse(d, si, dates[si], buf)
		cands = append(cands, cs...)
	}
	res := newResolver(a.reg, d, dates)
	res.run(cands)
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

type resolver struct {
	r        *Registry
	d        *doc.Document
	dates    []dateRange
	mentions []doc.Mention
	actors   map[string]*doc.Actor
	order    []string
	persons  map[string]*docPerson
	byKey    map[string]string   // nameKey -> person id
	bySur    map[string][]string // surname key -> person ids
	orgSeen  map[string]int      // org id -> last sentence mentioned
	deferred []deferred
}

type deferred struct {
	c   cand
	pos int // position in mentions where it belongs (for ordering)
}

func newResolver(r *Registry, d *doc.Document, dates []dateRange) *resolver {
	return &resolver{r: r, d: d, dates: dates, actors: map[string]*doc.Actor{}, persons: map[string]*docPerson{},
		byKey: map[string]string{}, bySur: map[string][]string{}, orgSeen: map[string]int{}}
}

func (rs *resolver) day(si int) Day {
	if si < 0 || si >= len(rs.dates) {
		return MinDay
	}
	return rs.dates[si].day()
}

func (rs *resolver) run(cands []cand) {
	var pairs, weaks []cand
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
			pairs = append(pairs, c)
		case cWeak:
			weaks = append(weaks, c)
		}
	}
	rs.sortMentions()
	for _, c := range weaks {
		rs.addWeak(c)
	}
	rs.sortMentions()
	pair := rs.mainPair()
	for _, c := range pairs {
		rs.addPair(c, pair)
	}
	rs.sortMentions()
	rs.finish()
}

func (rs *resolver) sortMentions() {
	sort.SliceStable(rs.mentions, func(i, j int) bool { return rs.mentions[i].Clean.Start < rs.mentions[j].Clean.Start })
}

// mention appends a mention of actor for candidate c.
func (rs *resolver) mention(c cand, actorID, kind, state, via string) *doc.Mention {
	clean := doc.Span{Start: c.lo, End: c.hi}
	m := doc.Mention{
		Span:     rs.d.RawSpan(clean),
		Clean:    clean,
		Text:     rs.d.Text[c.lo:c.hi],
		Actor:    actorID,
		Kind:     kind,
		State:    state,
		Role:     c.role,
		Via:      via,
		Sentence: c.sent,
		Org:      c.org,
	}
	if state != "" {
		if c.regime != "" && state == c.state {
			m.Regime = c.regime
		} else {
			m.Regime = rs.r.RegimeAt(state, rs.day(c.sent))
		}
	}
	rs.mentions = append(rs.mentions, m)
	return &rs.mentions[len(rs.mentions)-1]
}

// actor returns the document's actor with the id, creating it.
func (rs *resolver) actor(id, name, kind string) *doc.Actor {
	if a, ok := rs.actors[id]; ok {
		return a
	}
	a := &doc.Actor{ID: id, Name: name, Kind: kind, Aliases: []string{}}
	rs.actors[id] = a
	rs.order = append(rs.order, id)
	return a
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
	key := nameKey(c.name)
	if ps := rs.r.LookupPerson(c.name); len(ps) > 0 {
		rs.mentionPerson(c, rs.registryPerson(rs.r.personByID[ps[0].ID]), "alias")
		return
	}
	if id, ok := rs.byKey[key]; ok {
		rs.mentionPerson(c, rs.persons[id], "alias")
		return
	}
	// "Nikolay Bukharin" after "Bukharin" from the registry and the like:
	// a full name whose surname belongs to one person met before.
	words := strings.Fields(key)
	if len(words) > 1 {
		if ids := rs.bySur[words[len(words)-1]]; len(ids) == 1 && rs.persons[ids[0]].reg < 0 {
			rs.mentionPerson(c, rs.persons[ids[0]], "alias")
			return
		}
	}
	id := "person:" + Slug(c.name)
	dp := &docPerson{id: id, name: c.name, reg: -1}
	rs.persons[id] = dp
	rs.register(dp, c.name)
	rs.mentionPerson(c, dp, c.via)
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
	dp := &docPerson{id: p.ID, name: p.Name, state: p.State, reg: pi}
	rs.persons[p.ID] = dp
	rs.register(dp, p.Name)
	for _, al := range p.Aliases {
		rs.register(dp, al.Text)
	}
	return dp
}

// register indexes a person's name and surname for later references.
func (rs *resolver) register(dp *docPerson, name string) {
	key := nameKey(name)
	if key == "" {
		return
	}
	if _, ok := rs.byKey[key]; !ok {
		rs.byKey[key] = dp.id
	}
	words := strings.Fields(key)
	sur := words[len(words)-1]
	if len(words) == 1 && dp.reg >= 0 && !strings.EqualFold(name, rs.r.Persons[dp.reg].Name) {
		// A registry alias of one word is itself a surname.
		sur = words[0]
	}
	for _, id := range rs.bySur[sur] {
		if id == dp.id {
			return
		}
	}
	rs.bySur[sur] = append(rs.bySur[sur], dp.id)
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
	if c.role != "" && !contains(a.Roles, c.role) {
		a.Roles = append(a.Roles, c.role)
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
	key := nameKey(c.name)
	if key == "" {
		return
	}
	if ids := rs.bySur[key]; len(ids) > 0 {
		rs.mentionPerson(c, rs.mostRecent(ids), "surname")
		return
	}
	if len([]rune(key)) >= 6 {
		var near []string
		for sur, ids := range rs.bySur {
			if len([]rune(sur)) >= 6 && damerau(sur, key) <= 1 {
				near = append(near, ids...)
			}
		}
		if len(near) > 0 {
			sort.Strings(near)
			rs.mentionPerson(c, rs.mostRecent(near), "surname-variant")
			return
		}
	}
	if c.cue {
		id := "person:" + Slug(c.name)
		dp, ok := rs.persons[id]
		if !ok {
			dp = &docPerson{id: id, name: c.name, reg: -1}
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
			for _, m := range rs.mentions {
				if m.Sentence == prev && m.Kind == doc.KindPerson {
					target = m.Actor
					break
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
	near := map[string]int{} // state -> distance in sentences
	for _, m := range rs.mentions {
		if m.State == "" || rs.d.Sentences[m.Sentence].Block != block {
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
				next, ok := rs.r.lex.edges[lexEdge{n, toks[j].key}]
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
func (rs *resolver) addPair(c cand, main []string) {
	local := map[string]bool{}
	var order []string
	outside := main == nil
	for _, m := range rs.mentions {
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
	codes := append([]string(nil), pair...)
	sort.Strings(codes)
	var names []string
	for _, code := range codes {
		s, _ := rs.r.State(code)
		names = append(names, s.Name)
	}
	name := strings.Join(names, " and ")
	id := "group:" + Slug(name)
	a := rs.actor(id, name, doc.KindGroup)
	a.Members = codes
	m := rs.mention(c, id, doc.KindGroup, "", "pair")
	m.Members = codes
}

// finish drops overlapping mentions and fills the document.
func (rs *resolver) finish() {
	out := rs.mentions[:0]
	end := -1
	for _, m := range rs.mentions {
		if m.Clean.Start < end || m.Clean.End <= m.Clean.Start {
			continue
		}
		out = append(out, m)
		end = m.Clean.End
	}
	rs.mentions = out
	used := map[string]bool{}
	for _, m := range rs.mentions {
		used[m.Actor] = true
		a := rs.actors[m.Actor]
		if a == nil || m.Via == "pronoun" || m.Via == "pair" {
			continue
		}
		alias := strings.TrimSpace(m.Text)
		if !contains(a.Aliases, alias) {
			a.Aliases = append(a.Aliases, alias)
		}
	}
	rs.d.Actors = rs.d.Actors[:0]
	for _, id := range rs.order {
		if used[id] {
			rs.d.Actors = append(rs.d.Actors, *rs.actors[id])
		}
	}
	rs.d.Mentions = append(rs.d.Mentions[:0], rs.mentions...)
	if rs.d.Mentions == nil {
		rs.d.Mentions = []doc.Mention{}
	}
}

// damerau is the optimal-string-alignment distance of two strings.
func damerau(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > 1 {
		return 2
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
