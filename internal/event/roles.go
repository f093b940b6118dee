package event

import "strings"

// roles.go finds who did what to whom: the subject left of a verb, its
// object or prepositional recipient, the "by" agent of a passive, the
// premodifier or possessor of an event noun ("the German invasion",
// "Germany's invasion"), and "between A and B".

// pronouns that may stand for an actor as subject or possessor.
var subjectPronouns = map[string]string{
	"he": "person", "she": "person", "his": "person", "her": "person", "him": "person",
	"they": "other", "their": "other", "it": "other", "its": "other", "them": "other",
	"who": "who",
}

// subjectResult is the subject found left of a trigger.
type subjectResult struct {
	group   []int // item indexes of mentions
	pronoun string
	at      int // item of the pronoun
}

// subjectLeft looks left of item from for the subject: the nearest
// coordinated group of mentions that is not inside a prepositional phrase
// and not the object of a verb, or a pronoun. It does not cross ";" or ":".
func (s *sent) subjectLeft(from int) subjectResult {
	d0 := int8(0)
	if from < len(s.depth) {
		d0 = s.depth[from]
	} else if from > 0 {
		d0 = s.depth[from-1]
	}
	for j := from - 1; j >= 0; j-- {
		if s.bound[j+1] == bStrong {
			break
		}
		if s.depth[j] > d0 || s.quoted[j] && (from >= len(s.quoted) || !s.quoted[min(from, len(s.quoted)-1)]) {
			continue // inside parentheses or words quoted
		}
		it := &s.items[j]
		switch it.kind {
		case itMention:
			g, glo, ghi := s.groupAround(j)
			b := s.before(glo)
			if b >= 0 {
				p := &s.items[b]
				// "After Germany entered …": a subordinator, not a
				// preposition, when a verb follows the group.
				subord := p.hasFlag(wSubordinator, subordinators) && ghi+1 < len(s.items) && s.items[ghi+1].kind == itWord && s.items[ghi+1].isVerbish(s.lx)
				// "to contain Nazi Germany": an infinitive's object
				infinitive := p.kind == itWord && !p.cap && b > 0 && s.items[b-1].lower == "to" && !p.isPreposition() && !p.hasFlag(wNP, npWords)
				if p.kind == itWord && p.lower == "of" && s.ofSubject(b) {
					// "the 9th Plenum of the Comintern favored …": the
					// body heading the clause stands for its state or
					// organisation
					return subjectResult{group: g}
				}
				// "agreed as the Soviet zone", "known as": a predicate
				predicate := p.kind == itWord && p.lower == "as" && b > 0 && s.items[b-1].kind == itWord && isParticipleForm(s.items[b-1].lower)
				if p.kind == itWord && !subord && (infinitive || predicate || p.isPreposition() || !p.cap && p.isVerbish(s.lx) && !beForms[p.lower]) {
					j = glo
					continue
				}
				if p.kind == itName || p.kind == itMention {
					// "Under this agreement the Union of Industrialists
					// agreed …": a name in a fronted phrase is no subject
					nb := b - 1
					for nb >= 0 && s.items[nb].kind == itWord && (s.items[nb].hasFlag(wNP, npWords) || s.items[nb].hasFlag(wDeterminer, determiners) && !s.items[nb].isPreposition()) {
						nb--
					}
					if p.kind == itName && nb >= 0 && s.items[nb].kind == itWord && s.items[nb].isPreposition() && s.openingPhrase(b) {
						return subjectResult{group: g}
					}
					j = glo
					continue
				}
			}
			// "the Soviet government", "German diplomats": a demonym
			// before a noun is still the subject.
			return subjectResult{group: g}
		case itWord:
			if k := it.pronounKind(); k != "" {
				if it.lower == "its" || it.lower == "their" || it.lower == "his" || it.lower == "her" {
					// a possessive inside the subject phrase: keep looking
					// for a subject; remember it in case there is none.
					r := s.subjectLeft(j)
					if len(r.group) > 0 || r.pronoun != "" {
						return r
					}
					return subjectResult{pronoun: it.lower, at: j}
				}
				if it.lower == "him" || it.lower == "them" || it.lower == "it" && s.expletiveIt(j) {
					continue
				}
				return subjectResult{pronoun: it.lower, at: j}
			}
		}
	}
	return subjectResult{}
}

// ofSubject reports whether the "of" at item of follows the head of a
// clause's subject that stands for what follows it: a body, people or
// part of a state (class body of the lexicon: "the 9th Plenum of",
// "forces of", "the territory of"), at the start of its clause.
func (s *sent) ofSubject(of int) bool {
	h := of - 1
	if h < 0 || s.items[h].kind != itWord || s.lx == nil || !s.lx.inClassFlag(&s.items[h], "body", wBody) {
		return false
	}
	k := h - 1
	for k >= 0 && s.items[k].kind == itWord && (s.items[k].hasFlag(wNP, npWords) || s.items[k].isNumber() || ordinal(s.items[k].lower) ||
		s.items[k].cap && !s.items[k].isPreposition() && !s.items[k].hasFlag(wSubordinator, subordinators) || !s.items[k].cap && s.items[k].isAdjective()) {
		if s.bound[k+1] != bNone {
			break
		}
		k--
	}
	if k < 0 || s.bound[k+1] != bNone {
		return true
	}
	it := &s.items[k]
	return it.kind == itPunct && it.text == "," || it.kind == itWord && (it.hasFlag(wSubordinator, subordinators) || it.lower == "and" || it.lower == "but" || clauseOpeners[it.lower])
}

// ordinal reports an ordinal in digits ("9th", "21st").
func ordinal(w string) bool {
	if len(w) < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[len(w)-2:] {
	case "th", "st", "nd", "rd":
		return true
	}
	return false
}

// relativeBefore returns the item of the "that" or "which" opening the
// relative clause whose verb is at item v ("the agreement that the two
// countries had signed"), or -1: between them only the clause's subject
// and auxiliaries or adverbs.
func (s *sent) relativeBefore(v int) int {
	k := v - 1
	for k >= 0 && s.items[k].kind == itWord && (auxiliaries[s.items[k].lower] || strings.HasSuffix(s.items[k].lower, "ly") || s.items[k].lower == "already") {
		k--
	}
	if k < 0 {
		return -1
	}
	if s.items[k].kind == itMention {
		_, glo, _ := s.groupAround(k)
		k = glo - 1
	} else {
		// a subject the recogniser did not name: "the two countries"
		n := 0
		for k >= 0 && n < 4 && s.items[k].kind == itWord && !s.items[k].cap && !s.items[k].isPreposition() && !s.items[k].isVerbish(s.lx) && s.items[k].lower != "that" && s.items[k].lower != "which" {
			k--
			n++
		}
		if n == 0 {
			return -1
		}
	}
	for k >= 0 && s.items[k].kind == itWord && (s.items[k].hasFlag(wNP, npWords) || s.items[k].hasFlag(wArticle, articles)) {
		k--
	}
	if k >= 1 && s.items[k].kind == itWord && (s.items[k].lower == "that" || s.items[k].lower == "which") {
		return k
	}
	return -1
}

// expletiveIt reports an "it" at item j that stands for nothing: "it is
// possible that", "it was clear to Molotov that", "it is disputed whether".
func (s *sent) expletiveIt(j int) bool {
	k := j + 1
	if k >= len(s.items) || !beForms[s.items[k].lower] && s.items[k].lower != "seems" && s.items[k].lower != "seemed" && s.items[k].lower != "must" {
		return false
	}
	for k++; k < len(s.items) && k < j+10; k++ {
		it := &s.items[k]
		if it.kind == itWord && (it.lower == "that" || it.lower == "whether" || it.lower == "how" || it.lower == "when") {
			return true
		}
		if it.kind == itPunct && it.text != "," {
			return false
		}
	}
	return false
}

// whoAntecedent returns the mention group a "who" at item at refers to:
// the group ending right before the comma before it.
func (s *sent) whoAntecedent(at int) []int {
	k := at - 1
	if k >= 0 && s.items[k].kind == itPunct && s.items[k].text == "," {
		k--
	}
	for k >= 0 && s.items[k].kind == itWord && !s.items[k].cap && k > at-4 {
		k--
	}
	if k >= 0 && s.items[k].kind == itMention {
		g, _, _ := s.groupAround(k)
		return g
	}
	return nil
}

// objectResult is what follows a trigger.
type objectResult struct {
	recip   []int // direct object or prepositional recipient
	agent   []int // "by X"
	from    []int // "from X"
	between []int // "between A and B"
	actorP  []int // the entry's actor preposition
	ofG     []int // "of X"
	behalf  []int // "on behalf of X": acting with the actor
}

var defaultRecipPreps = map[string]bool{"with": true, "to": true, "against": true, "on": true, "toward": true,
	"towards": true, "into": true, "at": true, "upon": true}

// objectRight scans items [from, to) for the trigger's participants.
func (s *sent) objectRight(from, to int, e *entry, noun bool) objectResult {
	var r objectResult
	if from > len(s.items) {
		return r
	}
	d0 := int8(0)
	if from > 0 {
		d0 = s.depth[from-1]
	}
	recipPreps := defaultRecipPreps
	if len(e.recip) > 0 {
		recipPreps = map[string]bool{}
		for _, p := range e.recip {
			recipPreps[p] = true
		}
	}
	for k := from; k < to && k < from+14; k++ {
		if s.depth[k] > d0 {
			continue
		}
		it := &s.items[k]
		// an event noun's participants stand in its own phrase
		if noun && (it.kind == itPunct && it.text == "," || it.kind == itWord && !it.isPreposition() && it.isVerbish(s.lx)) {
			break
		}
		if it.kind != itMention {
			continue
		}
		g, glo, ghi := s.groupAround(k)
		b := s.before(glo)
		if b > 0 && s.items[b].kind == itPunct && (s.items[b].text == "'" || s.items[b].text == "\"" || s.items[b].text == "‘" || s.items[b].text == "“") {
			if bb := s.before(b); bb >= 0 && s.items[bb].lower == "by" {
				b = bb // "turned down by 'Anglo-French imperialists'"
			}
		}
		prep := ""
		if b >= from-1 && b >= 0 && s.items[b].kind == itWord && s.items[b].isPreposition() {
			prep = s.items[b].lower
			if prep == "of" && b >= 2 && s.items[b-1].lower == "behalf" {
				if r.behalf == nil {
					r.behalf = g
				}
				k = ghi
				continue
			}
			// "under the auspices of X"
			if prep == "of" && b >= 2 && len(e.actorPrep) > 0 {
				for _, ap := range e.actorPrep {
					if s.items[b-1].lower == ap {
						prep = "actor"
					}
				}
			}
			for _, ap := range e.actorPrep {
				if prep == ap {
					prep = "actor"
				}
			}
		} else if b >= 0 && b >= from && s.items[b].kind == itWord && s.items[b].lower == "'s" {
			// "X's Y" after the trigger: part of a phrase; take X.
			prep = ""
		} else if b >= from && b <= from+2 && s.items[b].kind == itWord && s.items[b].lower == "that" && !noun || b >= 0 && b == from && s.items[b].lower == "that" {
			// "demanded that Hamas renounce …", "its demand today that
			// Israel ease …": the subject of the demanded act receives
			// the demand
			prep = ""
		} else if b >= from && s.items[b].kind == itWord && !s.items[b].isPreposition() && b > from {
			// a noun between the trigger and the mention: "presented
			// Finland with proposals" keeps Finland as the object, but
			// "the spheres of interest in Lithuania" is a location.
			prep = "?"
		}
		if prep == "between" && r.between == nil {
			// "contacts between A and B": the two sides, whether or not
			// the entry lists "between" among its recipient prepositions
			r.between = g
		}
		switch {
		case len(e.recip) > 0 && recipPreps[prep]:
			if r.recip == nil {
				r.recip = g
			}
		case prep == "by":
			if r.agent == nil {
				r.agent = g
			}
		case prep == "from":
			if r.from == nil {
				r.from = g
			}
		case prep == "between":
			if r.between == nil {
				r.between = g
			}
		case prep == "actor":
			if r.actorP == nil {
				r.actorP = g
			}
		case prep == "" && !noun:
			// a noun has no direct object: "the negotiations were X" names
			// no party to them
			if r.recip == nil {
				r.recip = g
			}
		case prep == "of" && noun:
			if r.ofG == nil {
				r.ofG = g
			}
			if r.recip == nil {
				r.recip = g
			}
		case prep == "of" && r.recip == nil && b <= from+4 && s.objectHead(from, b):
			// "demolished the villages of Palestine", "killed the deputy
			// chief of Hezbollah": the owner of the verb's object
			r.recip = g
		case recipPreps[prep]:
			if r.recip == nil {
				r.recip = g
			}
		}
		k = ghi
	}
	return r
}

// premodifier returns the mention group or possessive pronoun right before
// an event noun: "the German invasion", "Germany's invasion", "its
// invasion", "the Soviet–Finnish negotiations".
func (s *sent) premodifier(first int) ([]int, string) {
	k := first - 1
	steps := 0
	for k >= 0 && steps < 4 {
		it := &s.items[k]
		switch it.kind {
		case itMention:
			g, _, _ := s.groupAround(k)
			return g, ""
		case itTimex:
			k--
			continue
		case itPunct:
			if it.text == "–" || it.text == "-" || (it.text == "'" || it.text == "’") && k > 0 && s.items[k-1].kind == itMention {
				k-- // "German–Soviet", "the parties' talks"
				continue
			}
			return nil, ""
		case itWord:
			if it.lower == "'s" {
				k--
				continue
			}
			if it.lower == "its" || it.lower == "their" || it.lower == "his" || it.lower == "her" {
				return nil, it.lower
			}
			if it.isPreposition() || it.lower == "and" || it.lower == "or" || it.isVerbish(s.lx) && !it.hasFlag(wNP, npWords) && !isParticipleAdj(it.lower) {
				return nil, ""
			}
			k--
			steps++
			continue
		default:
			return nil, ""
		}
	}
	return nil, ""
}

// isParticipleAdj lists -ed words that work as adjectives before an event
// noun ("the planned invasion", "the so-called agreement").
func isParticipleAdj(w string) bool {
	switch w {
	case "planned", "proposed", "intended", "expected", "alleged", "reported", "renewed", "unprovoked",
		"combined", "limited", "protracted", "prolonged", "so-called", "armed", "coordinated", "staged",
		"disputed", "failed", "abortive", "repeated", "continued", "unexpected", "secretive":
		return true
	}
	return false
}

// auxiliaries may stand between a subject and its verb.
var auxiliaries = map[string]bool{"have": true, "has": true, "had": true, "been": true, "be": true, "is": true, "are": true,
	"was": true, "were": true, "will": true, "would": true, "also": true, "then": true, "again": true, "still": true}

// crowdActor returns an actor id ("group:islamic-fundamentalists") for
// the subject of the trigger at item first when that subject is a crowd
// the actor recogniser does not name: a noun phrase ending in a word of
// the lexicon's class crowd, possibly followed by a phrase ("Rebels in
// the Ivory Coast on Tuesday blocked …"). A "they" with nothing to stand
// for is the crowd opening the sentence.
func (s *sent) crowdActor(first, lo int) string {
	k := first - 1
	verb := false // the verb governing a noun trigger was passed
	for k >= 0 && k >= lo-1 {
		it := &s.items[k]
		switch {
		case it.kind == itTimex, it.kind == itMention:
			// dates and phrases between the subject and its verb
		case it.kind == itWord && (it.lower == "they" || it.lower == "who"):
			if it.lower == "who" {
				k--
				if k >= 0 && s.items[k].kind == itPunct {
					k--
				}
				return s.crowdAt(k)
			}
			// the crowd opening the sentence
			for j := 0; j < k && j < 8; j++ {
				if s.items[j].kind != itWord || s.items[j].isPreposition() && j > 0 {
					break
				}
				if s.lx.inClassFlag(&s.items[j], "crowd", wCrowd) {
					return s.crowdAt(j)
				}
			}
			return ""
		case it.kind == itWord && (strings.HasSuffix(it.lower, "ly") || auxiliaries[it.lower] || it.lower == "not"):
		case it.kind == itWord && s.lx.inClassFlag(&s.items[k], "crowd", wCrowd):
			return s.crowdAt(k)
		case it.kind == itWord && (it.hasFlag(wNP, npWords) || it.hasFlag(wArticle, articles) || it.isPreposition() || it.isNumber() || !it.cap && it.isAdjective() && !it.isVerbish(s.lx)):
		case it.kind == itWord && !verb && verbLike(s.lx, it.lower):
			verb = true // "are continuing [a hunger strike]"
		default:
			return ""
		}
		k--
	}
	return ""
}

// crowdAt names the crowd whose head noun is at item h: the head and the
// adjectives and names before it, as a group id.
func (s *sent) crowdAt(h int) string {
	if h < 0 || h >= len(s.items) || s.items[h].kind != itWord || !s.lx.inClassFlag(&s.items[h], "crowd", wCrowd) {
		return ""
	}
	lo := h
	for lo > 0 {
		it := &s.items[lo-1]
		if it.kind != itWord || it.isPreposition() || it.hasFlag(wNP, npWords) || it.hasFlag(wArticle, articles) || it.isNumber() || it.isVerbish(s.lx) || it.lower == "'s" {
			break
		}
		lo--
	}
	var b strings.Builder
	b.WriteString("group:")
	for k := lo; k <= h; k++ {
		if k > lo {
			b.WriteByte('-')
		}
		b.WriteString(s.items[k].lower)
	}
	return b.String()
}

// objectThenInfinitive reports an object phrase followed by an
// infinitive after a trigger: "allowed opposition leader Fazl to bring
// out a rally", "permitted 5,461 Germans to emigrate".
func (s *sent) objectThenInfinitive(from, hi int) bool {
	for k := from; k < hi && k < from+7; k++ {
		it := &s.items[k]
		if it.kind == itPunct {
			return false
		}
		if it.kind == itWord && it.lower == "to" && k > from && k+1 < len(s.items) && s.items[k+1].kind == itWord && infinitiveWord(s.lx, &s.items[k+1]) {
			return true
		}
		if it.kind == itWord && (it.isVerbish(s.lx) && !it.isNumber() || it.isPreposition()) {
			return false
		}
	}
	return false
}

// objectHead reports whether items[from:of] are a verb's object noun
// phrase (articles, adjectives, lower-case nouns) ending right before the
// "of" at item of.
func (s *sent) objectHead(from, of int) bool {
	if of <= from {
		return false
	}
	for k := from; k < of; k++ {
		it := &s.items[k]
		if it.kind != itWord || it.isPreposition() || it.isVerbish(s.lx) && !it.hasFlag(wNP, npWords) {
			return false
		}
	}
	return true
}

// passiveAgentAfter finds the "by" agent of a passive verb whose subject
// is the event noun ending at item end: "The last negotiations with
// Finland had been initiated by the Soviet side".
func (s *sent) passiveAgentAfter(end, hi int) []int {
	be := false
	for k := end; k < hi && k < end+12; k++ {
		it := &s.items[k]
		if s.bound[k] != bNone || it.kind == itPunct {
			return nil
		}
		if it.kind != itWord {
			continue
		}
		switch {
		case beForms[it.lower]:
			be = true
		case be && it.lower == "by":
			j := k + 1
			for j < len(s.items) && s.items[j].kind == itWord && (s.items[j].hasFlag(wArticle, articles) || s.items[j].hasFlag(wNP, npWords)) {
				j++
			}
			if j < len(s.items) && s.items[j].kind == itMention {
				g, _, _ := s.groupAround(j)
				return g
			}
			return nil
		case be && !(strings.HasSuffix(it.lower, "ed") || strings.HasSuffix(it.lower, "en") || strings.HasSuffix(it.lower, "ly") || it.lower == "had" || it.lower == "has" || it.lower == "have" || irregularPast[it.lower] || it.lower == "the" || s.items[k].cap):
			return nil
		}
	}
	return nil
}

// earlierAgent finds the "by" agent of a passive in the clause before
// clause [lo, …) of the same sentence: "… had been occupied by the two
// powers by October 6, and the Polish state was liquidated".
func (s *sent) earlierAgent(lo int) []int {
	if lo <= 0 {
		return nil
	}
	// the clause must continue the one before: ", and", ";", "and"
	k := lo
	if s.items[k].lower != "and" && !(k > 0 && s.items[k-1].kind == itPunct && s.items[k-1].text == ";") {
		return nil
	}
	for j := lo - 1; j >= 1; j-- {
		it := &s.items[j]
		if it.kind == itWord && it.lower == "by" && j+1 < lo && s.items[j+1].kind == itMention {
			p := &s.items[j-1]
			if p.kind == itWord && (strings.HasSuffix(p.lower, "ed") || strings.HasSuffix(p.lower, "en") || irregularPast[p.lower] || strings.HasSuffix(p.lower, "ly")) {
				g, _, _ := s.groupAround(j + 1)
				return g
			}
		}
	}
	return nil
}

// actPremodifier reports whether a mention group premodifies an act noun
// ("the Soviet decision", "the actual Soviet invasion"): a passive whose
// subject it is reports the group's own act, not something done to it.
func (c *Coder) actPremodifier(st *sent, g []int) bool {
	if len(g) == 0 || g[len(g)-1] < 0 {
		return false
	}
	k := g[len(g)-1] + 1
	// "the Soviet Union's prolonged negotiations"
	for k < len(st.items) && st.items[k].kind == itWord && (st.items[k].lower == "'s" || isParticipleAdj(st.items[k].lower) || !st.items[k].cap && st.items[k].isAdjective() && !c.lex.inClass("act", st.items[k].lower)) {
		k++
	}
	if k >= len(st.items) || st.items[k].kind != itWord {
		return false
	}
	w := st.items[k].lower
	if c.lex.inClass("act", w) {
		return true
	}
	for _, ei := range c.lex.triggersAt(&st.items[k]) {
		if c.lex.entries[ei].kind == 'N' {
			return true
		}
	}
	return false
}

// governedActor finds the actor of an event noun that is the object of a
// verb: "launched a propaganda campaign", "engaged in secret talks" (a
// light verb's preposition, see Lexicon.lightBefore), "made repeated
// efforts to reestablish closer contacts" (an infinitive's object). The
// actor is the verb's subject; for an infinitive after a verb and its
// object, that object ("urged France to open negotiations"). ok is false
// when no verb of the clause governs the noun.
func (c *Coder) governedActor(st *sent, nar *narrative, first, lo int) ([]int, bool) {
	k := first - 1
	for k >= lo && (st.items[k].kind == itWord || st.items[k].kind == itTimex) {
		w := &st.items[k]
		if w.kind == itTimex {
			k-- // "the planned August 26 invasion"
			continue
		}
		if k > lo && st.items[k-1].kind == itWord && st.items[k-1].lower == "to" && infinitiveWord(st.lx, w) {
			break // "to reestablish closer contacts": the infinitive
		}
		adj := isParticipleAdj(w.lower) && k > 0 && (st.items[k-1].hasFlag(wNP, npWords) || st.items[k-1].hasFlag(wArticle, articles))
		if w.hasFlag(wNP, npWords) || w.isNumber() || adj || !w.cap && !w.isVerbish(st.lx) && !w.isPreposition() && !subjectPronounish(w.lower) {
			k--
			continue
		}
		break
	}
	if k < lo || k < 0 || st.items[k].kind != itWord {
		return nil, false
	}
	w := &st.items[k]
	verb := -1
	switch {
	case k > lo && st.items[k-1].lower == "to" && infinitiveWord(st.lx, w):
		verb = k
	case w.isPreposition():
		v, ok := st.lx.lightBefore(st.items, k)
		if !ok || v < lo {
			return nil, false
		}
		verb = v
	case w.isVerbish(st.lx) && !beForms[w.lower]:
		verb = k
	default:
		return nil, false
	}
	// An infinitive: its subject is the object just before "to" when a
	// verb governs that object, else the subject of the clause.
	if verb > lo && st.items[verb-1].lower == "to" {
		to := verb - 1
		if to-1 >= lo && st.items[to-1].kind == itMention {
			g, glo, _ := st.groupAround(to - 1)
			if b := st.before(glo); b >= lo && st.items[b].kind == itWord && verbLike(st.lx, st.items[b].lower) && !beForms[st.items[b].lower] {
				return g, true
			}
		}
		return c.resolve(st, nar, st.subjectLeft(to), lo), true
	}
	return c.resolve(st, nar, st.subjectLeft(verb), lo), true
}

// verbLike is verbish, or an -ing form ("causing Hitler to delay …").
func verbLike(lx *Lexicon, w string) bool {
	return verbish(lx, w) || len(w) > 5 && strings.HasSuffix(w, "ing")
}

// infinitiveWord reports whether a word after "to" is a verb rather than
// the start of a noun phrase ("to reestablish", not "to the League", "to
// secret talks" being read as a verb does no harm: its subject is the
// same).
func infinitiveWord(lx *Lexicon, w *item) bool {
	return !w.cap && !w.hasFlag(wNP, npWords) && !w.isNumber() && !w.hasFlag(wArticle, articles) && !w.hasFlag(wDeterminer, determiners) && !w.isPreposition() && !subjectPronounish(w.lower)
}

// subjectPronounish reports a personal or possessive pronoun.
func subjectPronounish(w string) bool {
	_, ok := subjectPronouns[w]
	return ok
}

// withObject recognises an event noun in a "with" phrase after a verb and
// its object ("presented Serbia with an ultimatum", "provided Finland with
// proposals") and returns the object group.
func (s *sent) withObject(first, lo int) ([]int, bool) {
	k := first - 1
	for k >= lo && (s.items[k].kind == itTimex || s.items[k].kind == itWord && (s.items[k].hasFlag(wNP, npWords) || s.items[k].isNumber() ||
		!s.items[k].cap && !s.items[k].isPreposition() && !s.items[k].isVerbish(s.lx) && !subjectPronounish(s.items[k].lower))) {
		k-- // "with a ten-hour ultimatum"
	}
	if k < lo || s.items[k].kind != itWord || s.items[k].lower != "with" {
		return nil, false
	}
	k--
	if k < lo || s.items[k].kind != itMention {
		return nil, false
	}
	g, glo, _ := s.groupAround(k)
	b := s.before(glo)
	if b < lo || s.items[b].kind != itWord || !s.items[b].isVerbish(s.lx) {
		return nil, false
	}
	return g, true
}

// subordinators may introduce a clause as well as a phrase.
var subordinators = map[string]bool{"after": true, "before": true, "since": true, "until": true, "as": true,
	"once": true, "when": true, "while": true}

// topicWords before an event mention make it a topic, not a report.
var topicWords = map[string]bool{"referencing": true, "regarding": true, "concerning": true, "pertaining": true,
	"about": true, "on": false}

// topicBefore reports an event word introduced as a topic ("documents
// pertaining to the cooperation", "referencing entering an agreement").
func topicBefore(s *sent, first int) bool {
	if first > 0 && s.items[first-1].kind == itWord && s.items[first-1].hasFlag(wTopic, topicWords) {
		return true
	}
	k := first - 1
	for k >= 0 && s.items[k].kind == itWord && (s.items[k].hasFlag(wNP, npWords) || !s.items[k].cap && !s.items[k].isPreposition() && !s.items[k].isVerbish(s.lx) && k >= first-3) {
		k--
	}
	for k >= 0 && s.items[k].kind == itMention && k >= first-4 {
		k--
	}
	if k < 0 || s.items[k].kind != itWord {
		return false
	}
	w := s.items[k].lower
	if w == "to" && k > 0 && s.items[k-1].lower == "pertaining" {
		return true
	}
	return s.items[k].hasFlag(wTopic, topicWords)
}

// instrument reports an event noun in an instrument phrase ("contain
// Germany via cooperation with the League"): the clause's subject acts.
func (s *sent) instrument(first, lo int) bool {
	k := first - 1
	for k >= lo && s.items[k].kind == itWord && s.items[k].hasFlag(wNP, npWords) {
		k--
	}
	if k < lo || s.items[k].kind != itWord {
		return false
	}
	switch s.items[k].lower {
	case "via", "through":
		return true
	}
	return false
}

// partiesNear finds the states named with a treaty: "between A and B"
// right after its name, else the states of the name's clause.
func (s *sent) partiesNear(nm *recordName) []int {
	at := -1
	for i := range s.items {
		it := &s.items[i]
		if it.kind == itName && &s.names[it.ref] == nm {
			at = i
		}
	}
	if at < 0 {
		return nil
	}
	for j := at + 1; j < len(s.items) && j < at+9; j++ {
		if s.items[j].kind == itWord && s.items[j].lower == "between" {
			for x := j + 1; x < len(s.items) && x < j+4; x++ {
				if s.items[x].kind == itMention {
					g, _, _ := s.groupAround(x)
					if len(s.statesOf(g)) >= 2 {
						return g
					}
				}
			}
		}
		if s.bound[j] == bStrong {
			break
		}
	}
	return nil
}

// imposers are participles that name the party that imposed a treaty
// ("the Treaty of X, dictated by Germany").
var imposers = map[string]bool{"dictated": true, "imposed": true, "forced": true, "drafted": true, "proposed": true,
	"initiated": true, "demanded": true}

// imposer returns the mention group named right after a treaty's name as
// the party that imposed it: "<name>, dictated by <group>".
func (s *sent) imposer(nm *recordName) []int {
	at := -1
	for i := range s.items {
		it := &s.items[i]
		if it.kind == itName && &s.names[it.ref] == nm {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	j := at + 1
	if j < len(s.items) && s.items[j].kind == itPunct && s.items[j].text == "," {
		j++
	}
	if j+2 < len(s.items) && s.items[j].kind == itWord && imposers[s.items[j].lower] && s.items[j+1].lower == "by" && s.items[j+2].kind == itMention {
		g, _, _ := s.groupAround(j + 2)
		return g
	}
	return nil
}

// splitAround puts the mentions of g whose state is one of lead's on the
// actor side, the rest on the recipient side; lead itself acts when g does
// not hold its states.
func (s *sent) splitAround(g, lead []int) ([]int, []int) {
	ls := s.statesOf(lead)
	var r []int
	for _, i := range g {
		mi := i
		if i >= 0 {
			mi = s.items[i].ref
		} else {
			mi = -i - 1
		}
		st := stateOf(s.d, mi)
		in := false
		for _, x := range ls {
			if x == st {
				in = true
			}
		}
		if !in {
			r = append(r, i)
		}
	}
	return lead, r
}

// openingPhrase reports whether items[0..i] are one phrase opening the
// sentence: a preposition first, then no verb or punctuation.
func (s *sent) openingPhrase(i int) bool {
	if len(s.items) == 0 || s.items[0].kind != itWord || !s.items[0].isPreposition() {
		return false
	}
	for k := 1; k <= i && k < len(s.items); k++ {
		it := &s.items[k]
		if it.kind == itPunct || it.kind == itWord && it.isVerbish(s.lx) {
			return false
		}
	}
	return true
}

// fronted reports whether item i stands in a phrase opening the sentence
// before its first comma, with no verb before it ("From the beginning of
// the negotiations with France, …").
func (s *sent) fronted(i int) bool {
	if len(s.items) == 0 || s.items[0].kind != itWord || !s.items[0].isPreposition() {
		return false
	}
	for k := 0; k < i; k++ {
		it := &s.items[k]
		if it.kind == itPunct || it.kind == itWord && it.isVerbish(s.lx) {
			return false
		}
	}
	for k := i; k < len(s.items); k++ {
		if s.items[k].kind == itPunct {
			return s.items[k].text == ","
		}
		if s.items[k].kind == itWord && s.items[k].isVerbish(s.lx) {
			return false
		}
	}
	return false
}

// antiStart returns the item of the "anti" before the group g (see
// antiBefore).
func (s *sent) antiStart(g []int) int {
	i := g[0]
	if s.items[i-1].kind == itPunct && s.items[i-1].text == "-" {
		i--
	}
	return i - 1
}

// antiBefore reports a mention group written after "anti-" ("anti-Soviet").
func (s *sent) antiBefore(g []int) bool {
	if len(g) == 0 || g[0] < 1 {
		return false
	}
	i := g[0]
	if s.items[i-1].kind == itPunct && s.items[i-1].text == "-" {
		i--
	}
	return i >= 1 && s.items[i-1].kind == itWord && s.items[i-1].lower == "anti"
}

// referencePoint reports an event noun named as a point of time ("before
// his dismissal", "after the invasion", "prior to the signing of …").
func (s *sent) referencePoint(first int) bool {
	k := first - 1
	for k >= 0 && (s.items[k].kind == itMention || s.items[k].kind == itWord && (s.items[k].hasFlag(wNP, npWords) || s.items[k].lower == "'s" || !s.items[k].cap && s.items[k].isAdjective())) {
		k--
	}
	if k < 0 || s.items[k].kind != itWord {
		return false
	}
	switch s.items[k].lower {
	case "before", "after", "until", "since", "following", "till":
		return true
	case "to":
		return k > 0 && s.items[k-1].lower == "prior"
	}
	return false
}

// isAdjective guesses an adjective from its ending ("general",
// "western", "diplomatic"), to see past it to what precedes a phrase.
func isAdjective(w string) bool {
	return adjectiveEnding(w) || npWords[w]
}

// adjectiveEnding reports the adjective endings of isAdjective.
func adjectiveEnding(w string) bool {
	n := len(w)
	if n < 5 {
		return false // the shortest suffix needs three letters before it
	}
	last := w[n-1]
	for _, suf := range adjectiveSuffixes {
		// the last letters compared first: most words end otherwise
		if last == suf[len(suf)-1] && n > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var adjectiveSuffixes = [...]string{"al", "ern", "ic", "ive", "ous", "ary", "ish", "ian", "ful", "less", "ible", "able", "ual", "ial"}
