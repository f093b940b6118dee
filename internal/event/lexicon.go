package event

import (
	"fmt"
	"sort"
	"strings"
)

// Lexicon is the trigger lexicon: the verbs, nouns and phrases that report
// an event, each with the PLOVER type, mode and subtype it codes and the
// options that steer how its participants are found. It is read from the
// data file data/triggers.txt, whose header documents the format.
type Lexicon struct {
	entries []*entry
	// byFirst indexes entries by every surface form of their first word.
	byFirst map[string][]int
	classes map[string]map[string]bool
	forms   map[string][]string // irregular verb forms: lemma → forms
	stops   [][]string          // phrases that trigger nothing
	stopsBy map[string][]int    // the stops by their first word, in file order
	verbs   map[string]bool     // every form of the verbs that trigger
	// verbish holds the words verbish accepts from its lists and verbs,
	// gathered once so that a word is one lookup.
	verbish map[string]bool
	// lights are the light verbs with a preposition ("engage in", "take
	// part in"): an event noun in their phrase is their subject's act.
	lights []lightVerb
	// classBit numbers the classes for the vocabulary's class sets
	// (wordInfo.classes), when there are at most 64; set by newVocabulary.
	classBit map[string]uint64
}

// lightVerb is a verb (its words, the first in every inflection) whose
// preposition introduces its subject's own act: "engaged in talks".
type lightVerb struct {
	words []map[string]bool
	prep  string
}

// lightBefore reports whether items[k] is the preposition of a light verb
// whose words end at items[k-1] (adverbs between allowed), and returns the
// item of the verb's first word.
func (lx *Lexicon) lightBefore(items []item, k int) (int, bool) {
	if k <= 0 || items[k].kind != itWord {
		return 0, false
	}
	for _, lv := range lx.lights {
		if items[k].lower != lv.prep {
			continue
		}
		j := k - 1
		for j >= 0 && items[j].kind == itWord && strings.HasSuffix(items[j].lower, "ly") && !lv.words[len(lv.words)-1][items[j].lower] {
			j--
		}
		start := j - len(lv.words) + 1
		if start < 0 {
			continue
		}
		ok := true
		for w := range lv.words {
			it := &items[start+w]
			if it.kind != itWord || !lv.words[w][it.lower] {
				ok = false
				break
			}
		}
		if ok {
			return start, true
		}
	}
	return 0, false
}

// elemKind is the kind of one pattern element.
type elemKind uint8

const (
	elWord  elemKind = iota // a literal word (any of forms)
	elClass                 // @class: a word of a class, or a name of it
	elGap                   // *: up to three items
	elActor                 // @actor: an actor mention
)

type elem struct {
	kind  elemKind
	forms map[string]bool
	class string
}

// altRule retypes an entry when a word of a class stands near the trigger
// ("deport" a diplomat is SANCTION expel, "deport" peasants COERCE deport).
type altRule struct {
	class              string
	typ, mode, subtype string
}

// entry is one trigger of the lexicon.
type entry struct {
	kind    byte // 'V' verb (inflected), 'N' noun (plural), 'P' fixed phrase
	pattern string
	elems   []elem
	typ     string
	mode    string
	subtype string
	line    int

	obj       []string  // the object (or passive subject) must be of one of these classes
	notObj    []string  // …and must not be of these
	alts      []altRule // retype by a class word near the trigger
	from      string    // "actor": a "from X" phrase names the actor
	subj      string    // role of the grammatical subject: "actor" (default) or "recipient"
	sym       bool      // symmetric: parties of a joint act go on both sides
	modality  string    // inherent modality ("hypothetical" for a plan)
	embed     string    // what happens to a trigger in this one's object: negated, hypothetical, drop
	yield     bool      // drop this trigger when it governs another
	needObj   bool      // only an event when an object or recipient is found
	ofActor   bool      // an event noun's "of X" is its author ("the proposal of X")
	cue       []string  // a class word must follow in the sentence
	intrans   bool      // only without a direct object
	proper    bool      // the object must be a proper treaty name
	lemma     string    // the verb's base form
	recip     []string  // prepositions that introduce the recipient
	actorPrep []string  // prepositions that introduce the actor ("under the auspices of")
	inf       bool      // only followed by an infinitive
	active    bool      // not an event in the passive
	deferTo   []string  // types of embedded events that stand for this one
	objLeft   bool      // the object class is looked for in the subject
	speaker   bool      // the speaker of the reported words acts, their subject receives
}

// hasGap reports whether the entry's pattern has a "*" gap.
func (e *entry) hasGap() bool {
	for _, el := range e.elems {
		if el.kind == elGap {
			return true
		}
	}
	return false
}

// ParseLexicon reads the trigger lexicon format of data/triggers.txt.
func ParseLexicon(src string, onto *Ontology) (*Lexicon, error) {
	lx := &Lexicon{byFirst: map[string][]int{}, classes: map[string]map[string]bool{}, forms: map[string][]string{}}
	type pending struct {
		f    []string
		line int
	}
	var triggers, lights []pending
	for n, line := range strings.Split(src, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "class":
			if len(f) < 3 {
				return nil, fmt.Errorf("triggers line %d: want: class NAME word…", n+1)
			}
			c := lx.classes[f[1]]
			if c == nil {
				c = map[string]bool{}
				lx.classes[f[1]] = c
			}
			for _, w := range f[2:] {
				c[strings.ToLower(strings.ReplaceAll(w, "_", " "))] = true
			}
		case "forms":
			if len(f) < 3 {
				return nil, fmt.Errorf("triggers line %d: want: forms LEMMA form…", n+1)
			}
			lx.forms[f[1]] = append(lx.forms[f[1]], f[2:]...)
		case "stop":
			if len(f) != 2 {
				return nil, fmt.Errorf("triggers line %d: want: stop PHRASE", n+1)
			}
			st := strings.Split(strings.ToLower(f[1]), "_")
			if lx.stopsBy == nil {
				lx.stopsBy = map[string][]int{}
			}
			lx.stopsBy[st[0]] = append(lx.stopsBy[st[0]], len(lx.stops))
			lx.stops = append(lx.stops, st)
		case "light":
			if len(f) != 3 {
				return nil, fmt.Errorf("triggers line %d: want: light VERB PREPOSITION", n+1)
			}
			lights = append(lights, pending{f, n + 1})
		case "V", "N", "P":
			triggers = append(triggers, pending{f, n + 1})
		default:
			return nil, fmt.Errorf("triggers line %d: unknown line kind %q (want class, forms, stop, light, V, N or P)", n+1, f[0])
		}
	}
	// Class words are matched in their plural too.
	for _, c := range lx.classes {
		for w := range c {
			if !strings.Contains(w, " ") {
				c[plural(w)] = true
			}
		}
	}
	// Light verbs are read once the irregular forms are known.
	for _, p := range lights {
		var lv lightVerb
		for i, w := range strings.Split(strings.ToLower(p.f[1]), "_") {
			forms := map[string]bool{w: true}
			if i == 0 {
				for _, v := range lx.verbForms(w) {
					forms[v] = true
				}
			}
			lv.words = append(lv.words, forms)
		}
		lv.prep = strings.ToLower(p.f[2])
		lx.lights = append(lx.lights, lv)
	}
	for _, p := range triggers {
		e, err := lx.parseEntry(p.f, p.line, onto)
		if err != nil {
			return nil, err
		}
		lx.entries = append(lx.entries, e)
	}
	// Longer patterns win over shorter ones starting with the same word;
	// among equals the file order decides.
	idx := make([]int, len(lx.entries))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return len(lx.entries[idx[a]].elems) > len(lx.entries[idx[b]].elems)
	})
	lx.verbs = map[string]bool{}
	for _, i := range idx {
		for w := range lx.entries[i].elems[0].forms {
			lx.byFirst[w] = append(lx.byFirst[w], i)
			if lx.entries[i].kind == 'V' {
				lx.verbs[w] = true
			}
		}
	}
	vb := map[string]bool{}
	for _, ws := range []map[string]bool{beForms, irregularPast, lx.verbs} {
		for w := range ws {
			if verbishWord(lx, w) {
				vb[w] = true
			}
		}
	}
	for _, w := range verbishList {
		vb[w] = true
	}
	lx.verbish = vb
	return lx, nil
}

func (lx *Lexicon) parseEntry(f []string, line int, onto *Ontology) (*entry, error) {
	if len(f) < 5 {
		return nil, fmt.Errorf("triggers line %d: want: KIND pattern TYPE mode subtype [options]", line)
	}
	e := &entry{kind: f[0][0], pattern: f[1], typ: f[2], mode: f[3], subtype: f[4], line: line}
	if e.kind == 'V' {
		e.lemma = strings.ToLower(strings.SplitN(strings.Split(f[1], "_")[0], "|", 2)[0])
	}
	if e.mode == "-" {
		e.mode = ""
	}
	if _, ok := onto.Type(e.typ); !ok {
		return nil, fmt.Errorf("triggers line %d: unknown PLOVER type %q", line, e.typ)
	}
	words := strings.Split(f[1], "_")
	for wi, w := range words {
		switch {
		case w == "*":
			if wi == 0 {
				return nil, fmt.Errorf("triggers line %d: a pattern cannot start with *", line)
			}
			e.elems = append(e.elems, elem{kind: elGap})
		case w == "@actor":
			if wi == 0 {
				return nil, fmt.Errorf("triggers line %d: a pattern cannot start with @actor", line)
			}
			e.elems = append(e.elems, elem{kind: elActor})
		case strings.HasPrefix(w, "@"):
			if wi == 0 {
				return nil, fmt.Errorf("triggers line %d: a pattern cannot start with a class", line)
			}
			if lx.classes[w[1:]] == nil {
				return nil, fmt.Errorf("triggers line %d: unknown class %s", line, w)
			}
			e.elems = append(e.elems, elem{kind: elClass, class: w[1:]})
		default:
			w = strings.ToLower(w)
			forms := map[string]bool{}
			for _, alt := range strings.Split(w, "|") {
				forms[alt] = true
				switch {
				case e.kind == 'V' && wi == 0:
					for _, v := range lx.verbForms(alt) {
						forms[v] = true
					}
				case e.kind == 'N' && (wi == len(words)-1 || len(words) > 1 && words[wi+1] == "of"):
					forms[plural(alt)] = true
				}
			}
			e.elems = append(e.elems, elem{kind: elWord, forms: forms})
		}
	}
	for _, o := range f[5:] {
		k, v, _ := strings.Cut(o, "=")
		list := func() []string {
			var out []string
			for _, x := range strings.Split(v, ",") {
				x = strings.TrimPrefix(x, "@")
				if x != "" {
					out = append(out, x)
				}
			}
			return out
		}
		checkClasses := func(cs []string) error {
			for _, c := range cs {
				if lx.classes[c] == nil {
					return fmt.Errorf("triggers line %d: unknown class @%s", line, c)
				}
			}
			return nil
		}
		switch k {
		case "obj":
			e.obj = list()
			if err := checkClasses(e.obj); err != nil {
				return nil, err
			}
		case "notobj":
			e.notObj = list()
			if err := checkClasses(e.notObj); err != nil {
				return nil, err
			}
		case "alt":
			// alt=@class:TYPE:mode:subtype
			p := strings.Split(v, ":")
			if len(p) != 4 {
				return nil, fmt.Errorf("triggers line %d: want alt=@class:TYPE:mode:subtype", line)
			}
			c := strings.TrimPrefix(p[0], "@")
			if err := checkClasses([]string{c}); err != nil {
				return nil, err
			}
			if _, ok := onto.Type(p[1]); !ok {
				return nil, fmt.Errorf("triggers line %d: unknown PLOVER type %q", line, p[1])
			}
			if p[2] == "-" {
				p[2] = ""
			}
			e.alts = append(e.alts, altRule{c, p[1], p[2], p[3]})
		case "from":
			e.from = v
		case "subj":
			e.subj = v
		case "sym":
			e.sym = true
		case "modality":
			e.modality = v
		case "embed":
			e.embed = v
		case "yield":
			e.yield = true
		case "needobj":
			e.needObj = true
		case "of":
			e.ofActor = v == "actor"
		case "cue":
			e.cue = list()
			if err := checkClasses(e.cue); err != nil {
				return nil, err
			}
		case "intrans":
			e.intrans = true
		case "proper":
			e.proper = true
		case "recip":
			e.recip = list()
		case "actorprep":
			e.actorPrep = list()
		case "infinitive":
			e.inf = true
		case "active":
			e.active = true
		case "defer":
			e.deferTo = list()
			for _, t := range e.deferTo {
				if _, ok := onto.Type(t); !ok {
					return nil, fmt.Errorf("triggers line %d: unknown PLOVER type %q", line, t)
				}
			}
		case "objleft":
			e.objLeft = true
		case "speaker":
			e.speaker = true
		default:
			return nil, fmt.Errorf("triggers line %d: unknown option %q", line, k)
		}
	}
	return e, nil
}

// verbForms returns the inflections of a verb lemma: the irregular forms
// listed in the lexicon, else the regular -s, -ed and -ing forms.
func (lx *Lexicon) verbForms(lemma string) []string {
	if f, ok := lx.forms[lemma]; ok {
		return append([]string{lemma, thirdPerson(lemma), ingForm(lemma)}, f...)
	}
	return []string{lemma, thirdPerson(lemma), pastForm(lemma), ingForm(lemma)}
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "y") && len(v) > 1 && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"), strings.HasSuffix(v, "o"):
		return v + "es"
	}
	return v + "s"
}

// doubles reports whether a one-syllable verb ending consonant-vowel-
// consonant doubles its last letter before -ed/-ing ("ship", "ban").
func doubles(v string) bool {
	n := len(v)
	if n < 3 || n > 4 {
		return false
	}
	c := v[n-1]
	if isVowel(c) || c == 'w' || c == 'x' || c == 'y' {
		return false
	}
	if !isVowel(v[n-2]) || isVowel(v[n-3]) {
		return false
	}
	vowels := 0
	for i := 0; i < n; i++ {
		if isVowel(v[i]) {
			vowels++
		}
	}
	return vowels == 1
}

func pastForm(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case strings.HasSuffix(v, "y") && len(v) > 1 && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ied"
	case doubles(v):
		return v + v[len(v)-1:] + "ed"
	}
	return v + "ed"
}

func ingForm(v string) string {
	switch {
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "ee"):
		return v + "ing"
	case strings.HasSuffix(v, "e") && len(v) > 2:
		return v[:len(v)-1] + "ing"
	case doubles(v):
		return v + v[len(v)-1:] + "ing"
	}
	return v + "ing"
}

// plural is the regular plural of a noun.
func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "y") && len(n) > 1 && !isVowel(n[len(n)-2]):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "s"), strings.HasSuffix(n, "sh"), strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "x"):
		return n + "es"
	}
	return n + "s"
}

// inClass reports whether the word w belongs to class c.
func (lx *Lexicon) inClass(c, w string) bool { return lx.classes[c][w] }

// match is one trigger found in a sentence.
type match struct {
	e          *entry
	first, end int // item range [first, end) the pattern covered
	head       int // the item of the trigger word
	// alts are the other entries matching at the same place, tried in
	// turn when e's conditions are not met ("join" a treaty, else "join"
	// an organisation).
	alts []match
}

// findInto appends to out (a buffer reused from sentence to sentence) the
// triggers in items, longest first at each position, one per position, in
// text order. Items covered by a longer match are not tried again.
func (lx *Lexicon) findInto(out []match, items []item, isName func(i int, class string) bool, bareHead func(i int) string) []match {
	covered := -1
	for i := 0; i < len(items); i++ {
		if i < covered {
			continue
		}
		if k := items[i].kind; k == itWord {
			if wi := items[i].info; wi != nil && len(wi.stops) == 0 && len(wi.triggers) == 0 {
				continue // a word that starts no stop phrase and no trigger (the common case, first)
			}
		} else if k != itName {
			continue
		}
		first := items[i].lower
		if items[i].kind == itName {
			// a bare "his agreement": its head may start a noun pattern
			if bareHead == nil {
				continue
			}
			if first = bareHead(i); first == "" {
				continue
			}
		} else if items[i].kind != itWord {
			continue
		} else if wi := items[i].info; wi != nil && len(wi.stops) == 0 && len(wi.triggers) == 0 {
			continue // a word that starts no stop phrase and no trigger
		}
		if end := lx.stopAt(items, i); end > i {
			covered = end
			continue
		}
		// A capitalised trigger inside a sentence belongs to a title or a
		// name ("Political Conversations With Adolf Hitler").
		if items[i].cap && i > 0 && !(items[i-1].kind == itPunct && (items[i-1].text == "\"" || items[i-1].text == "(")) {
			continue
		}
		var found match // found.e == nil: none yet
		var es []int
		if items[i].kind == itWord {
			es = lx.triggersAt(&items[i])
		} else {
			es = lx.byFirst[first] // a bare name's head
		}
		for _, ei := range es {
			e := lx.entries[ei]
			if items[i].kind == itName && (e.kind != 'N' || len(e.elems) < 2) {
				continue
			}
			var end int
			var ok bool
			if items[i].kind == itWord && e.elems[0].kind == elWord {
				// the entry was found by this word, a form of its first
				// (byFirst): match the rest
				end, ok = lx.matchElems('P', e.elems[1:], items, i+1, isName)
			} else {
				end, ok = lx.matchAt(e, items, i, isName)
			}
			if !ok {
				continue
			}
			if e.kind == 'V' && (!plausibleVerb(lx, items, i) || items[i].lower == e.lemma && !bareVerbOK(items, i)) {
				continue
			}
			if e.kind == 'N' && !plausibleNoun(items, i) {
				continue
			}
			if found.e == nil {
				found = match{e: e, first: i, end: end, head: i}
			} else {
				found.alts = append(found.alts, match{e: e, first: i, end: end, head: i})
			}
		}
		if found.e != nil {
			out = append(out, found)
			covered = found.end
		}
	}
	return out
}

// stopAt returns the end of a stop phrase starting at items[i], or i.
func (lx *Lexicon) stopAt(items []item, i int) int {
	if items[i].kind != itWord {
		return i
	}
	for _, si := range lx.stopsAt(&items[i]) {
		st := lx.stops[si]
		if i+len(st) > len(items) {
			continue
		}
		ok := true
		for j, w := range st {
			if items[i+j].kind != itWord || items[i+j].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return i + len(st)
		}
	}
	return i
}

// bareVerbOK reports whether a verb in its base form is used as a verb:
// after "to", a modal, "did", "not" or a plural pronoun. Narrative history
// is told in the past; a bare "defeat", "attack" or "order" elsewhere is a
// noun ("the final defeat").
func bareVerbOK(items []item, i int) bool {
	if i == 0 {
		return true
	}
	p := &items[i-1]
	if p.kind != itWord {
		return p.kind == itMention
	}
	switch p.lower {
	case "to", "will", "would", "could", "should", "might", "may", "must", "can", "cannot", "did", "do", "does",
		"not", "never", "they", "we", "you", "i", "and", "or", "also", "jointly", "first", "then":
		return true
	}
	// "soldiers routinely beat up …": an adverb after the subject, not
	// an adjective after an article ("the early defeat")
	return strings.HasSuffix(p.lower, "ly") && (i < 2 || !items[i-2].hasFlag(wArticle, articles) && !items[i-2].hasFlag(wDeterminer, determiners))
}

// matchAt tries the pattern of e at items[i:].
func (lx *Lexicon) matchAt(e *entry, items []item, i int, isName func(int, string) bool) (int, bool) {
	return lx.matchElems(e.kind, e.elems, items, i, isName)
}

// matchElems tries the pattern elements elems of an entry of the given
// kind at items[i:].
func (lx *Lexicon) matchElems(kind byte, elems []elem, items []item, i int, isName func(int, string) bool) (int, bool) {
	pos := i
	for k, el := range elems {
		switch el.kind {
		case elWord:
			if pos == i && k == 0 && kind == 'N' && pos < len(items) && items[pos].kind == itName {
				pos++ // a bare name's head, checked by find
				continue
			}
			if pos >= len(items) || items[pos].kind != itWord || !el.forms[items[pos].lower] {
				return 0, false
			}
			pos++
		case elClass:
			if pos >= len(items) || !lx.itemInClass(items, pos, el.class, isName) {
				return 0, false
			}
			pos++
		case elActor:
			if pos >= len(items) || items[pos].kind != itMention {
				return 0, false
			}
			pos++
		case elGap:
			// up to three items, none of them punctuation, then the rest
			for g := 0; g <= 3 && pos+g <= len(items); g++ {
				if g > 0 && items[pos+g-1].kind == itPunct {
					break
				}
				if end, ok := lx.matchElems('P', elems[k+1:], items, pos+g, isName); ok {
					return end, true
				}
			}
			return 0, false
		}
	}
	return pos, true
}

func (lx *Lexicon) itemInClass(items []item, i int, class string, isName func(int, string) bool) bool {
	it := &items[i]
	switch it.kind {
	case itWord:
		return lx.classes[class][it.lower]
	case itName:
		return isName != nil && isName(i, class)
	}
	return false
}

var determiners = map[string]bool{"a": true, "an": true, "the": true, "its": true, "their": true, "his": true, "her": true,
	"this": true, "that": true, "these": true, "those": true, "'s": true, "any": true, "no": true, "further": true,
	"new": true, "another": true, "of": true, "for": true, "first": true, "joint": true, "surprise": true}

// participleAdverbs before an -ed form make it an adjective ("already
// captured portions", "the newly occupied territories").
var participleAdverbs = map[string]bool{"already": true, "newly": true, "recently": true, "previously": true,
	"formerly": true, "once": true, "still": true, "jointly": false}

// articles and possessives before a word make it a noun.
var articles = map[string]bool{"a": true, "an": true, "the": true, "its": true, "their": true, "his": true,
	"her": true, "this": true, "these": true, "those": true, "'s": true, "any": true, "no": true, "another": true}

// plausibleVerb rejects a verb reading of a word that follows a determiner
// ("the attack", "a demand"), which is a noun.
func plausibleVerb(lx *Lexicon, items []item, i int) bool {
	w := items[i].lower
	if i+1 < len(items) && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && items[i+1].kind == itWord {
		// "shells continued crashing", "their demands are met": a plural
		// noun before its verb
		if nx := items[i+1].lower; beForms[nx] || irregularPast[nx] || len(nx) > 4 && strings.HasSuffix(nx, "ed") {
			return false
		}
	}
	if i == 0 {
		return true
	}
	p := &items[i-1]
	if i >= 2 && p.kind == itWord && !p.cap && p.isAdjective() && !p.isVerbish(lx) && items[i-2].kind == itWord && items[i-2].hasFlag(wArticle, articles) {
		return false // "their political demands"
	}
	if strings.HasSuffix(w, "ed") && i+1 < len(items) && (items[i+1].kind == itMention || items[i+1].kind == itWord && !items[i+1].cap && !items[i+1].isPreposition() && !items[i+1].hasFlag(wArticle, articles) && !items[i+1].hasFlag(wDeterminer, determiners)) {
		// an -ed form before its noun is an adjective after a verb
		// ("reject proposed changes"), a preposition ("an exchange of
		// captured territories") or a list of adjectives ("through Soviet
		// and occupied Polish territories")
		if p.kind == itWord && !p.cap && p.lower != "and" && p.lower != "or" && (p.isPreposition() || lx != nil && lx.verbs[p.lower] && !strings.HasSuffix(p.lower, "s")) {
			return false
		}
		if p.kind == itWord && p.lower == "and" && i >= 3 && items[i-2].kind == itMention && items[i-3].kind == itWord && items[i-3].isPreposition() {
			return false
		}
	}
	if p.kind == itWord && strings.HasSuffix(items[i].lower, "ed") && participleAdverbs[p.lower] &&
		!(i >= 2 && items[i-2].kind == itWord && (items[i-2].lower == "had" || items[i-2].lower == "has" || items[i-2].lower == "have" || beForms[items[i-2].lower])) {
		return false // "already captured portions", not "had already abandoned"
	}
	if p.kind == itWord && p.hasFlag(wArticle, articles) {
		w := items[i].lower
		// past participles after a determiner are adjectives ("the
		// planned invasion") — not events either.
		_ = w
		return false
	}
	if p.kind == itMention && strings.HasSuffix(p.lower, "'s") {
		return false
	}
	if w := items[i].lower; p.kind == itMention && i >= 2 && items[i-2].kind == itWord && items[i-2].hasFlag(wArticle, articles) &&
		strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.Contains(p.text, " ") && !strings.HasSuffix(p.lower, "s") {
		// "the Soviet demands": a demonym before a plural noun, not a
		// subject before its verb ("the Soviets offered")
		return false
	}
	return true
}

// plausibleNoun rejects a noun reading of a form that is also a verb after
// "to" ("to attack").
func plausibleNoun(items []item, i int) bool {
	if i > 0 && items[i-1].kind == itWord && (items[i-1].lower == "to" || items[i-1].lower == "will" || items[i-1].lower == "would") {
		return false
	}
	return true
}
