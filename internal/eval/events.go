package eval

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Scoring of events, treaties and tenures against seed-dev gold.
//
// Events: an extracted event matches a gold event when the dates agree at
// the gold's precision (the extracted value, cut to the gold value's
// length, equals it; a decade "192X" compares its first three digits),
// the PLOVER type is the same, and at least one gold actor or recipient is
// among the extracted actors or recipients. Gold events retold (same_as)
// form one group and count once; an extracted event matches a group when
// it matches any of its members. Matching is one-to-one (a maximum
// bipartite matching), so an event extracted twice is one hit and one
// false alarm.
//
// Treaties: the signing dates agree at the gold's precision, at least one
// party is shared, and the names agree: equal after normalising, one an
// alias of the other, or sharing at least half of the content words of the
// shorter (a description like "neutrality pact" against "Soviet–Japanese
// neutrality pact").
//
// Tenures: the same person (equal names, or the same surname — allowing
// two letters' difference for transliteration — and first initial), the
// same office (a shared office word: ambassador, commissar, leader …), and
// start and end agreeing at the gold's precision where the gold gives
// them.
//
// Scope: the gold annotates only some sections of the article (seed-dev:
// the even-numbered ones). The sections are found from the gold quotes;
// when they all share one parity, every section of that parity is in
// scope. An extracted item is scored when any of its evidence spans lies
// in a section in scope.

// EventItem is one gold or extracted item in a report.
type EventItem struct {
	ID        string   `json:"id"`
	Type      string   `json:"type,omitempty"`
	Date      string   `json:"date,omitempty"`
	Actor     []string `json:"actor,omitempty"`
	Recipient []string `json:"recipient,omitempty"`
	Modality  string   `json:"modality,omitempty"`
	Text      string   `json:"text"`
	Note      string   `json:"note,omitempty"`
}

// ModalityCheck is a gold event that is not simply asserted, and what was
// extracted for it.
type ModalityCheck struct {
	Gold      string `json:"gold"`
	Want      string `json:"want"`
	Got       string `json:"got"` // "" when the event was not found
	Quote     string `json:"quote"`
	Extracted string `json:"extracted,omitempty"`
}

// EventReport is the result of scoring events, treaties and tenures.
type EventReport struct {
	Sections    []int           `json:"sections"`
	Events      PRF             `json:"events"`
	Treaties    PRF             `json:"treaties"`
	Tenures     PRF             `json:"tenures"`
	PerType     map[string]*PRF `json:"per_type"`
	Modality    []ModalityCheck `json:"modality"`
	EventMisses []EventItem     `json:"event_misses"`
	EventFalse  []EventItem     `json:"event_false_alarms"`
	TreatyMiss  []EventItem     `json:"treaty_misses"`
	TreatyFalse []EventItem     `json:"treaty_false_alarms"`
	TenureMiss  []EventItem     `json:"tenure_misses"`
	TenureFalse []EventItem     `json:"tenure_false_alarms"`
	// Hits pair extracted event ids with the gold events they matched.
	Hits []EventItem `json:"hits"`
}

// ScoreEvents scores the events, treaties and tenures of d (the founding
// article, read by the whole pipeline) against the seed-dev gold in dir.
func ScoreEvents(d *doc.Document, dir string) (*EventReport, error) {
	gev, err := LoadJSONL[SeedEvent](filepath.Join(dir, "events.jsonl"))
	if err != nil {
		return nil, err
	}
	gtr, err := LoadJSONL[SeedTreaty](filepath.Join(dir, "treaties.jsonl"))
	if err != nil {
		return nil, err
	}
	gtn, err := LoadJSONL[SeedTenure](filepath.Join(dir, "tenures.jsonl"))
	if err != nil {
		return nil, err
	}
	gac, err := LoadJSONL[SeedActor](filepath.Join(dir, "actors.jsonl"))
	if err != nil {
		// actors are optional: names are then matched against ours only
		gac = nil
	}
	var quotes []string
	for _, e := range gev {
		quotes = append(quotes, e.Quote)
	}
	for _, t := range gtr {
		quotes = append(quotes, t.Quote)
	}
	for _, t := range gtn {
		quotes = append(quotes, t.Quote)
	}
	scope := coveredSections(d, quotes)
	rep := &EventReport{PerType: map[string]*PRF{}}
	for s := range scope {
		rep.Sections = append(rep.Sections, s)
	}
	sort.Ints(rep.Sections)
	pm := newParticipantMap(d, gac)
	scoreEventsLayer(d, gev, scope, pm, rep)
	scoreTreaties(d, gtr, scope, pm, rep)
	scoreTenures(d, gtn, scope, rep)
	return rep, nil
}

// coveredSections finds the sections holding the gold quotes; if they all
// share a parity, every section of that parity.
func coveredSections(d *doc.Document, quotes []string) map[int]bool {
	found := map[int]bool{}
	for _, q := range quotes {
		if q == "" {
			continue
		}
		i := strings.Index(d.Raw, q)
		if i < 0 {
			continue
		}
		found[sectionOfRaw(d, i)] = true
	}
	parity := -1
	same := len(found) > 0
	for s := range found {
		if parity < 0 {
			parity = s % 2
		} else if s%2 != parity {
			same = false
		}
	}
	if !same || len(found) < 3 {
		return found
	}
	out := map[int]bool{}
	for i := range d.Sections {
		if i%2 == parity {
			out[i] = true
		}
	}
	return out
}

// sectionOfRaw returns the innermost section whose raw span holds offset.
func sectionOfRaw(d *doc.Document, off int) int {
	best := 0
	for i, s := range d.Sections {
		if s.Start <= off && off < s.End {
			best = i
		}
	}
	return best
}

func inScope(d *doc.Document, scope map[int]bool, spans ...doc.Span) bool {
	for _, s := range spans {
		if scope[sectionOfRaw(d, s.Start)] {
			return true
		}
	}
	return false
}

// participantMap maps gold participant strings (state codes or full
// names) to extracted actor ids.
type participantMap struct {
	byKey map[string][]string // normalised name/alias/code → actor ids
	gold  map[string][]string // gold name → its aliases
}

func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("–", "-", "—", "-", "’", "'", "\"", "", "“", "", "”", "").Replace(s)
	s = strings.TrimPrefix(s, "the ")
	return s
}

func newParticipantMap(d *doc.Document, gold []SeedActor) *participantMap {
	pm := &participantMap{byKey: map[string][]string{}, gold: map[string][]string{}}
	add := func(k, id string) {
		k = norm(k)
		if k == "" {
			return
		}
		for _, x := range pm.byKey[k] {
			if x == id {
				return
			}
		}
		pm.byKey[k] = append(pm.byKey[k], id)
	}
	for _, a := range d.Actors {
		add(a.ID, a.ID)
		add(a.Name, a.ID)
		add(a.Code, a.ID)
		for _, al := range a.Aliases {
			add(al, a.ID)
		}
	}
	for _, g := range gold {
		names := append([]string{g.ID, g.Name}, g.Aliases...)
		pm.gold[norm(g.ID)] = names
		pm.gold[norm(g.Name)] = names
	}
	return pm
}

// ids returns the extracted actor ids a gold participant string stands for.
func (pm *participantMap) ids(g string) map[string]bool {
	out := map[string]bool{g: true}
	for _, id := range pm.byKey[norm(g)] {
		out[id] = true
	}
	for _, al := range pm.gold[norm(g)] {
		for _, id := range pm.byKey[norm(al)] {
			out[id] = true
		}
	}
	return out
}

// dateAgrees reports whether an extracted date value agrees with a gold
// date at the gold's precision.
func dateAgrees(ext, gold string) bool {
	if gold == "" {
		return true
	}
	if i := strings.IndexByte(ext, 'T'); i >= 0 {
		ext = ext[:i]
	}
	if i := strings.IndexByte(gold, 'T'); i >= 0 {
		gold = gold[:i]
	}
	g := strings.TrimRight(gold, "X")
	if len(ext) < len(g) {
		return false
	}
	return strings.HasPrefix(ext, g)
}

func eventMatches(e doc.Event, g SeedEvent, pm *participantMap) bool {
	if e.Type != g.Type || !dateAgrees(e.Date.Value, g.Date) {
		return false
	}
	ext := map[string]bool{}
	for _, x := range e.Actor {
		ext[x] = true
	}
	for _, x := range e.Recipient {
		ext[x] = true
	}
	for _, p := range append(append([]string(nil), g.Actor...), g.Recipient...) {
		for id := range pm.ids(p) {
			if ext[id] {
				return true
			}
		}
	}
	return false
}

// maxMatching returns, for each left node, the right node it is matched
// to (-1 for none), maximising the number of pairs (Kuhn's algorithm).
func maxMatching(nLeft, nRight int, edge func(l, r int) bool, prefer func(l, r int) bool) []int {
	adj := make([][]int, nLeft)
	for l := 0; l < nLeft; l++ {
		for r := 0; r < nRight; r++ {
			if edge(l, r) {
				adj[l] = append(adj[l], r)
			}
		}
		if prefer != nil {
			sort.SliceStable(adj[l], func(i, j int) bool { return prefer(l, adj[l][i]) && !prefer(l, adj[l][j]) })
		}
	}
	matchR := make([]int, nRight)
	for i := range matchR {
		matchR[i] = -1
	}
	var try func(l int, seen []bool) bool
	try = func(l int, seen []bool) bool {
		for _, r := range adj[l] {
			if seen[r] {
				continue
			}
			seen[r] = true
			if matchR[r] < 0 || try(matchR[r], seen) {
				matchR[r] = l
				return true
			}
		}
		return false
	}
	// First the preferred pairs, then augment to a maximum matching (the
	// number of pairs is the maximum either way; the preference only picks
	// which of equally good pairings is reported).
	if prefer != nil {
		full := adj
		adj = make([][]int, nLeft)
		for l := range full {
			for _, r := range full[l] {
				if prefer(l, r) {
					adj[l] = append(adj[l], r)
				}
			}
		}
		for l := 0; l < nLeft; l++ {
			try(l, make([]bool, nRight))
		}
		adj = full
	}
	matchedL := make([]bool, nLeft)
	for _, l := range matchR {
		if l >= 0 {
			matchedL[l] = true
		}
	}
	for l := 0; l < nLeft; l++ {
		if !matchedL[l] {
			try(l, make([]bool, nRight))
		}
	}
	matchL := make([]int, nLeft)
	for i := range matchL {
		matchL[i] = -1
	}
	for r, l := range matchR {
		if l >= 0 {
			matchL[l] = r
		}
	}
	return matchL
}

func scoreEventsLayer(d *doc.Document, gold []SeedEvent, scope map[int]bool, pm *participantMap, rep *EventReport) {
	// gold groups by same_as root
	root := func(g SeedEvent) string {
		if g.SameAs != nil && *g.SameAs != "" {
			return *g.SameAs
		}
		return g.ID
	}
	groupIdx := map[string]int{}
	var groups [][]SeedEvent
	for _, g := range gold {
		r := root(g)
		i, ok := groupIdx[r]
		if !ok {
			i = len(groups)
			groupIdx[r] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], g)
	}
	var ext []doc.Event
	for _, e := range d.Events {
		spans := []doc.Span{e.Evidence.Span}
		for _, m := range e.Mentions {
			spans = append(spans, m.Span)
		}
		if inScope(d, scope, spans...) {
			ext = append(ext, e)
		}
	}
	// Prefer pairing an event with the gold event quoted from its own
	// sentence when several gold events would match it.
	told := func(l, r int) bool {
		spans := []string{ext[l].Evidence.Text}
		for _, m := range ext[l].Mentions {
			spans = append(spans, m.Text)
		}
		for _, g := range groups[r] {
			for _, t := range spans {
				if g.Quote != "" && strings.Contains(t, g.Quote) {
					return true
				}
			}
		}
		return false
	}
	edge := func(l, r int) bool {
		for _, g := range groups[r] {
			if eventMatches(ext[l], g, pm) {
				return true
			}
		}
		return false
	}
	matchL := maxMatching(len(ext), len(groups), edge, told)
	matchedGroup := make([]int, len(groups))
	for i := range matchedGroup {
		matchedGroup[i] = -1
	}
	pt := func(t string) *PRF {
		if rep.PerType[t] == nil {
			rep.PerType[t] = &PRF{}
		}
		return rep.PerType[t]
	}
	for l, r := range matchL {
		if r >= 0 {
			matchedGroup[r] = l
			rep.Events.TP++
			pt(groups[r][0].Type).TP++
			e := ext[l]
			note := "matched " + groups[r][0].ID + ": " + groups[r][0].Quote
			if !told(l, r) {
				note += " (not its sentence)"
			}
			rep.Hits = append(rep.Hits, EventItem{ID: e.ID, Type: e.Type + "/" + e.Subtype, Date: e.Date.Value,
				Actor: e.Actor, Recipient: e.Recipient, Modality: e.Modality, Text: e.Evidence.Text, Note: note})
			continue
		}
		rep.Events.FP++
		pt(ext[l].Type).FP++
		e := ext[l]
		note := "trigger: " + e.Trigger.Text
		for r := range groups {
			if edge(l, r) {
				note += "; would match " + groups[r][0].ID + ", taken by another event"
			}
		}
		rep.EventFalse = append(rep.EventFalse, EventItem{ID: e.ID, Type: e.Type + "/" + e.Subtype, Date: e.Date.Value,
			Actor: e.Actor, Recipient: e.Recipient, Modality: e.Modality, Text: e.Evidence.Text, Note: note})
	}
	for r, g := range groups {
		if matchedGroup[r] < 0 {
			rep.Events.FN++
			pt(g[0].Type).FN++
			note := nearest(d, ext, g[0])
			rep.EventMisses = append(rep.EventMisses, EventItem{ID: g[0].ID, Type: g[0].Type + "/" + g[0].Subtype, Date: g[0].Date,
				Actor: g[0].Actor, Recipient: g[0].Recipient, Modality: g[0].Modality, Text: g[0].Quote, Note: note})
		}
		for _, m := range g {
			if m.Modality == doc.ModalityAsserted || m.Modality == "" {
				continue
			}
			mc := ModalityCheck{Gold: m.ID, Want: m.Modality, Quote: m.Quote}
			if l := matchedGroup[r]; l >= 0 {
				mc.Got = ext[l].Modality
				mc.Extracted = ext[l].ID
			}
			rep.Modality = append(rep.Modality, mc)
		}
	}
}

// nearest describes what was extracted from the gold quote's sentence, to
// help read a miss.
func nearest(d *doc.Document, ext []doc.Event, g SeedEvent) string {
	i := strings.Index(d.Raw, g.Quote)
	if i < 0 {
		return "quote not found in the text"
	}
	var parts []string
	for _, e := range ext {
		spans := []doc.Span{e.Evidence.Span}
		for _, m := range e.Mentions {
			spans = append(spans, m.Span)
		}
		for _, s := range spans {
			if s.Start <= i && i < s.End {
				parts = append(parts, fmt.Sprintf("%s %s %s %v→%v", e.ID, e.Type, e.Date.Value, e.Actor, e.Recipient))
				break
			}
		}
	}
	if len(parts) == 0 {
		return "nothing extracted from its sentence"
	}
	return "extracted there: " + strings.Join(parts, "; ")
}

// contentWords of a treaty name: without heads, articles and joiners.
func contentWords(name string) map[string]bool {
	out := map[string]bool{}
	n := norm(name)
	if i := strings.Index(n, " ("); i >= 0 {
		n = n[:i]
	}
	for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '\'' || r == ',' || r == '"' }) {
		switch w {
		case "treaty", "pact", "agreement", "protocol", "protocols", "convention", "the", "of", "and", "to", "a", "an", "with", "secret", "additional", "supplementary", "treaties", "agreements", "pacts":
			continue
		}
		out[w] = true
	}
	return out
}

func namesAgree(a string, aAliases []string, b string, bAliases []string) bool {
	for _, x := range append([]string{a}, aAliases...) {
		for _, y := range append([]string{b}, bAliases...) {
			if norm(x) == norm(y) {
				return true
			}
		}
	}
	ca, cb := contentWords(a), contentWords(b)
	if len(ca) == 0 || len(cb) == 0 {
		return headWord(a) == headWord(b)
	}
	n := 0
	for w := range ca {
		if cb[w] {
			n++
		}
	}
	small := min(len(ca), len(cb))
	return 2*n >= small && n > 0
}

func headWord(name string) string {
	l := norm(name)
	for _, h := range []string{"protocol", "armistice", "treaty", "pact", "agreement", "convention", "accord"} {
		if strings.Contains(l, h) {
			return h
		}
	}
	return ""
}

func scoreTreaties(d *doc.Document, gold []SeedTreaty, scope map[int]bool, pm *participantMap, rep *EventReport) {
	var ext []doc.Treaty
	for _, t := range d.Treaties {
		if inScope(d, scope, t.Evidence.Span) {
			ext = append(ext, t)
		}
	}
	actorName := map[string]string{}
	for _, a := range d.Actors {
		actorName[a.ID] = a.Name
	}
	edge := func(l, r int) bool {
		t, g := ext[l], gold[r]
		if !dateAgrees(t.Signed, g.Signed) || !namesAgree(t.Name, t.Aliases, g.Name, g.Aliases) {
			return false
		}
		if (headWord(t.Name) == "protocol") != (headWord(g.Name) == "protocol") {
			return false
		}
		for _, gp := range g.Parties {
			ids := pm.ids(gp)
			for _, p := range t.Parties {
				if ids[p] || norm(p) == norm(gp) {
					return true
				}
				for id := range ids {
					if norm(actorName[id]) == norm(p) {
						return true
					}
				}
			}
		}
		return false
	}
	matchL := maxMatching(len(ext), len(gold), edge, nil)
	matched := make([]bool, len(gold))
	for l, r := range matchL {
		if r >= 0 {
			matched[r] = true
			rep.Treaties.TP++
			continue
		}
		rep.Treaties.FP++
		t := ext[l]
		rep.TreatyFalse = append(rep.TreatyFalse, EventItem{ID: t.ID, Date: t.Signed, Actor: t.Parties, Text: t.Name, Note: t.Evidence.Text})
	}
	for r, g := range gold {
		if !matched[r] {
			rep.Treaties.FN++
			rep.TreatyMiss = append(rep.TreatyMiss, EventItem{ID: g.Name, Date: g.Signed, Actor: g.Parties, Text: g.Quote})
		}
	}
}

// personAgrees compares person names loosely: equal, or the same surname
// (within two letters, for transliterations) and first initial.
func personAgrees(a, b string) bool {
	na, nb := norm(a), norm(b)
	if na == nb {
		return true
	}
	fa, fb := strings.Fields(na), strings.Fields(nb)
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	if editDistance(fa[len(fa)-1], fb[len(fb)-1]) > 2 {
		return false
	}
	return fa[0][0] == fb[0][0] || len(fa) == 1 || len(fb) == 1
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// officeWordsEval are the words that say which office is meant.
var officeWordsEval = []string{"ambassador", "minister", "commissar", "chancellor", "president", "premier", "leader",
	"secretary", "representative", "chief", "envoy", "deputy", "agent", "commander", "head", "consul", "chairman"}

func officeAgrees(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	for _, w := range officeWordsEval {
		if strings.Contains(la, w) && strings.Contains(lb, w) {
			return true
		}
	}
	return false
}

func scoreTenures(d *doc.Document, gold []SeedTenure, scope map[int]bool, rep *EventReport) {
	var ext []doc.Tenure
	for _, t := range d.Tenures {
		if inScope(d, scope, t.Evidence.Span) {
			ext = append(ext, t)
		}
	}
	edge := func(l, r int) bool {
		t, g := ext[l], gold[r]
		if !personAgrees(t.Person, g.Person) || !officeAgrees(t.Office, g.Office) {
			return false
		}
		if g.Start != nil && !dateAgrees(t.Start, *g.Start) {
			return false
		}
		if g.End != nil && !dateAgrees(t.End, *g.End) {
			return false
		}
		return true
	}
	matchL := maxMatching(len(ext), len(gold), edge, nil)
	matched := make([]bool, len(gold))
	for l, r := range matchL {
		if r >= 0 {
			matched[r] = true
			rep.Tenures.TP++
			continue
		}
		rep.Tenures.FP++
		t := ext[l]
		rep.TenureFalse = append(rep.TenureFalse, EventItem{ID: t.Person, Type: t.Office, Date: t.Start + "/" + t.End, Actor: []string{t.State}, Text: t.Evidence.Text})
	}
	for r, g := range gold {
		if !matched[r] {
			rep.Tenures.FN++
			s, e := "", ""
			if g.Start != nil {
				s = *g.Start
			}
			if g.End != nil {
				e = *g.End
			}
			rep.TenureMiss = append(rep.TenureMiss, EventItem{ID: g.Person, Type: g.Office, Date: s + "/" + e, Actor: []string{g.State}, Text: g.Quote})
		}
	}
}

// PloverSentence is a line of plover-gsr-dev/sentences.jsonl.
type PloverSentence struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Type string `json:"type"`
	Mode string `json:"mode"`
}

// TypingReport scores event typing on stand-alone sentences.
type TypingReport struct {
	Sentences int             `json:"sentences"`
	Typing    PRF             `json:"typing"`
	PerType   map[string]*PRF `json:"per_type"`
	Errors    []EventItem     `json:"errors"`
}

// ScoreTyping scores the event types coded on each sentence against its
// gold type: a hit when the gold type is among the types coded, a miss
// when it is not, a false alarm for each other type coded. There are no
// dates: only typing is scored.
func ScoreTyping(sents []PloverSentence, code func(text string) ([]doc.Event, error)) (*TypingReport, error) {
	rep := &TypingReport{Sentences: len(sents), PerType: map[string]*PRF{}}
	pt := func(t string) *PRF {
		if rep.PerType[t] == nil {
			rep.PerType[t] = &PRF{}
		}
		return rep.PerType[t]
	}
	for _, s := range sents {
		evs, err := code(s.Text)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", s.ID, err)
		}
		got := map[string]bool{}
		var types []string
		for _, e := range evs {
			if !got[e.Type] {
				got[e.Type] = true
				types = append(types, e.Type)
			}
		}
		if got[s.Type] {
			rep.Typing.TP++
			pt(s.Type).TP++
		} else {
			rep.Typing.FN++
			pt(s.Type).FN++
		}
		for _, t := range types {
			if t != s.Type {
				rep.Typing.FP++
				pt(t).FP++
			}
		}
		if !got[s.Type] || len(types) > 1 {
			rep.Errors = append(rep.Errors, EventItem{ID: s.ID, Type: s.Type, Text: s.Text, Note: "coded: " + strings.Join(types, ", ")})
		}
	}
	return rep, nil
}
