package timex

import (
	"fmt"
	"strings"
)

// The rule language (data/rules.txt, documented in data/README.md):
//
//	define NAME = elements           a macro, used as $NAME
//	name: elements => action k=v ... a rule
//
// Elements: a bare word or "quoted text" is a literal; @class a phrase of a
// word list; %builtin a number matcher; (a | b c) alternatives; [a b] an
// optional group; a trailing ? makes an element optional and :slot
// captures what it matched for the action.

// builtin matchers of numbers.
type builtin uint8

const (
	bYear    builtin = iota // four-digit year 1000..2099
	bYearNum                // 1..4 digit number, a year when an era follows
	bYY                     // two digits (the end of "1933–34")
	bDay                    // day of month 1..31, digits or "17th"
	bInt                    // any plain integer
	bNum                    // a quantity in digits or words ("twenty-five")
	bDecade                 // "1920s", "20s", "1920's"
	bHour                   // 0..24
	bMinute                 // two digits 00..59
	bAdj                    // one lower-case word that is in no list: "two [bloody] weeks"
	nBuiltins
)

var builtinNames = map[string]builtin{
	"year": bYear, "yearnum": bYearNum, "yy": bYY, "day": bDay, "int": bInt,
	"num": bNum, "decade": bDecade, "hour": bHour, "minute": bMinute, "adj": bAdj,
}

type atomKind uint8

const (
	aWord atomKind = iota
	aClass
	aBuiltin
)

// atom is one element of a rule: it matches one token (a literal or
// builtin) or one phrase (a class), and may feed a slot.
type atom struct {
	kind atomKind
	id   int32 // word id, class id or builtin
	slot int8  // -1 for none
}

// Opcodes of a compiled rule. A rule is a small program run by a
// backtracking matcher: atoms consume tokens, splits try both ways.
const (
	opAtom uint8 = iota
	opSplit
	opJmp
	opMatch
)

type inst struct {
	op   uint8
	atom atom
	x, y int // split targets; jmp target in x
}

// prog is one compiled rule.
type prog struct {
	rule *rule
	code []inst
}

// rule is a compiled rule.
type rule struct {
	name   string
	index  int // order in the file: earlier rules win ties
	action string
	params []param
	slots  []string // slot id → name
	line   int
	// names has nameBit set for every slot and parameter name, so that
	// asking a rule for a name it lacks (most asks) costs no string
	// comparison.
	names uint64
}

// nameBit is the bit of name in rule.names.
func nameBit(name string) uint64 {
	if name == "" {
		return 1
	}
	return 1 << ((uint(len(name))*7 + uint(name[0]) + uint(name[len(name)-1])*3) & 63)
}

// param is a key=value of a rule's action.
type param struct{ k, v string }

func (r *rule) param(k string) string {
	v, _ := r.lookup(k)
	return v
}

func (r *rule) lookup(k string) (string, bool) {
	if r.names&nameBit(k) == 0 {
		return "", false
	}
	for _, p := range r.params {
		if p.k == k {
			return p.v, true
		}
	}
	return "", false
}

// grammar is the compiled rule set, indexed by what can start a sequence.
type grammar struct {
	rules     []*rule
	progs     []*prog // by rule index
	byWord    map[int32][]*prog
	byClass   map[int][]*prog
	byBuiltin [nBuiltins][]*prog
	// Precomputed candidates: for each word id, the rules that may start
	// with it (as a literal, a phrase of a list or a number word); for
	// each token kind, the rules a number matcher may start.
	forWord []candSet
	forKind [tAlnum + 1]candSet
	// wordNone and kindNone mark the sets above that hold no rule at
	// all, whatever follows: most tokens start nothing.
	wordNone []bool
	kindNone [tAlnum + 1]bool
}

// none reports whether c holds no rule.
func (c *candSet) none() bool {
	if len(c.always) > 0 || len(c.byWord) > 0 || len(c.byClass) > 0 {
		return false
	}
	for _, ps := range c.byKind {
		if len(ps) > 0 {
			return false
		}
	}
	return len(c.byNumWord) == 0 && len(c.byAdjWord) == 0
}

// candSet holds the rules that may start at a token, split by what the
// next token must be: rules in always are tried whatever follows; the
// others only when the next token is the right word, starts a phrase of
// the right list, or is the right kind of number.
type candSet struct {
	always  []*prog
	byWord  map[int32][]*prog
	byClass map[int][]*prog
	byKind  [tAlnum + 1][]*prog
	// byNumWord and byAdjWord hold the rules whose next atom is a
	// number in words (%num) or an unlisted adjective (%adj): a next word
	// is tried for them only when it could be one (byKind[tWord] stays
	// empty). Most words that follow "the" or "a" are neither.
	byNumWord, byAdjWord []*prog
	empty                bool
}

// build files the candidates cs into the set; kindOf lists the token kinds
// a builtin can start on.
func (c *candSet) build(cs []cand, kindOf func(builtin) []tokKind) {
	for _, cd := range cs {
		if !cd.filter || cd.end {
			c.always = append(c.always, cd.p)
			continue
		}
		for _, a := range cd.next {
			switch a.kind {
			case aWord:
				if c.byWord == nil {
					c.byWord = map[int32][]*prog{}
				}
				c.byWord[a.id] = appendOnce(c.byWord[a.id], cd.p)
			case aClass:
				if c.byClass == nil {
					c.byClass = map[int][]*prog{}
				}
				c.byClass[int(a.id)] = appendOnce(c.byClass[int(a.id)], cd.p)
			case aBuiltin:
				for _, k := range kindOf(builtin(a.id)) {
					switch {
					case k != tWord:
						c.byKind[k] = appendOnce(c.byKind[k], cd.p)
					case builtin(a.id) == bNum:
						c.byNumWord = appendOnce(c.byNumWord, cd.p)
					case builtin(a.id) == bAdj:
						c.byAdjWord = appendOnce(c.byAdjWord, cd.p)
					default:
						// A number matcher that starts on words and
						// has no test of its own: tried on every word.
						c.byKind[k] = appendOnce(c.byKind[k], cd.p)
					}
				}
			}
		}
	}
	c.empty = len(cs) == 0
}

func appendOnce(ps []*prog, p *prog) []*prog {
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}

// builtinKinds lists the token kinds each number matcher may start on
// (bNum and bAdj also start on words, found through the word lists).
func builtinKinds(b builtin) []tokKind {
	switch b {
	case bDay:
		return []tokKind{tNum, tOrd}
	case bDecade:
		return []tokKind{tDecade}
	case bAdj:
		return []tokKind{tWord}
	case bNum:
		return []tokKind{tNum, tWord}
	}
	return []tokKind{tNum}
}

// cand is a rule that may start at a token. When the rule starts with a
// literal word, next lists what may follow it (end is true when the rule
// may end right after), so most tries stop after one comparison.
type cand struct {
	p    *prog
	next []atom
	end  bool
	// filter is set when next/end apply (the first atom was a literal).
	filter bool
}

// node is a parsed element before expansion.
type node struct {
	kind  string // "word", "class", "builtin", "group"
	text  string
	alts  [][]node
	opt   bool
	slot  string
	words []string // a quoted literal may be several tokens
}

type ruleParser struct {
	lex    *lexicon
	macros map[string][]node
	file   string
	line   int
}

func (p *ruleParser) errf(format string, a ...any) error {
	return fmt.Errorf("%s:%d: %s", p.file, p.line, fmt.Sprintf(format, a...))
}

// lexElems splits the element text into lexical items.
func lexElems(s string) ([]string, error) {
	var out []string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '?':
			out = append(out, s[i:i+1])
			i++
		case c == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				return nil, fmt.Errorf("unclosed quote")
			}
			out = append(out, s[i:i+j+2])
			i += j + 2
		case c == ':':
			j := i + 1
			for j < len(s) && isSlotChar(s[j]) {
				j++
			}
			if j == i+1 {
				return nil, fmt.Errorf("empty slot name")
			}
			out = append(out, s[i:j])
			i = j
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t()[]|?:\"", rune(s[j])) {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out, nil
}

func isSlotChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// parseSeq parses items until one of the stop items; returns nodes and
// the index of the stop.
func (p *ruleParser) parseSeq(items []string, i int, stops string) ([]node, int, error) {
	var out []node
	for i < len(items) {
		it := items[i]
		if len(it) == 1 && strings.Contains(stops, it) {
			return out, i, nil
		}
		var n node
		switch {
		case it == "(" || it == "[":
			closer := ")"
			if it == "[" {
				closer = "]"
			}
			i++
			for {
				alt, j, err := p.parseSeq(items, i, "|"+closer)
				if err != nil {
					return nil, 0, err
				}
				if j >= len(items) {
					return nil, 0, p.errf("missing %s", closer)
				}
				n.alts = append(n.alts, alt)
				i = j + 1
				if items[j] == closer {
					break
				}
			}
			n.kind = "group"
			n.opt = it == "["
		case it == ")" || it == "]" || it == "|" || it == "?":
			return nil, 0, p.errf("unexpected %q", it)
		case it[0] == ':':
			return nil, 0, p.errf("slot %q without an element", it)
		case it[0] == '$':
			m, ok := p.macros[it[1:]]
			if !ok {
				return nil, 0, p.errf("unknown macro %s", it)
			}
			n = node{kind: "group", alts: [][]node{m}}
			i++
		case it[0] == '@':
			if _, ok := p.lex.classes[it[1:]]; !ok {
				return nil, 0, p.errf("unknown word list @%s", it[1:])
			}
			n = node{kind: "class", text: it[1:]}
			i++
		case it[0] == '%':
			if _, ok := builtinNames[it[1:]]; !ok {
				return nil, 0, p.errf("unknown matcher %s", it)
			}
			n = node{kind: "builtin", text: it[1:]}
			i++
		case it[0] == '"':
			inner := it[1 : len(it)-1]
			toks := tokenize(inner, 0, nil)
			if len(toks) == 0 {
				return nil, 0, p.errf("empty literal")
			}
			n = node{kind: "word"}
			for _, t := range toks {
				n.words = append(n.words, keyOf(inner[t.start:t.end], t))
			}
			i++
		default:
			if strings.ToLower(it) != it {
				return nil, 0, p.errf("literal %q has capitals: write literals in lower case (a macro is $%s)", it, it)
			}
			toks := tokenize(it, 0, nil)
			if len(toks) != 1 {
				return nil, 0, p.errf("literal %q must be one word; quote it", it)
			}
			n = node{kind: "word", words: []string{keyOf(it, toks[0])}}
			i++
		}
		// Suffixes.
		for i < len(items) {
			if items[i] == "?" {
				n.opt = true
				i++
				continue
			}
			if items[i][0] == ':' {
				n.slot = items[i][1:]
				i++
				continue
			}
			break
		}
		out = append(out, n)
	}
	return out, i, nil
}

// emit compiles nodes into code, atoms feeding slot inherited unless a
// node names its own.
func (p *ruleParser) emit(code []inst, nodes []node, slotOf func(string) int8, inherited int8) []inst {
	for _, n := range nodes {
		slot := inherited
		if n.slot != "" {
			slot = slotOf(n.slot)
		}
		var split int
		if n.opt {
			split = len(code)
			code = append(code, inst{op: opSplit})
			code[split].x = len(code)
		}
		switch n.kind {
		case "word":
			for _, w := range n.words {
				code = append(code, inst{op: opAtom, atom: atom{kind: aWord, id: p.lex.word(w), slot: slot}})
			}
		case "class":
			code = append(code, inst{op: opAtom, atom: atom{kind: aClass, id: int32(p.lex.classes[n.text]), slot: slot}})
		case "builtin":
			code = append(code, inst{op: opAtom, atom: atom{kind: aBuiltin, id: int32(builtinNames[n.text]), slot: slot}})
		case "group":
			// split a1, next; a1...; jmp end; next: split a2, next2 ...
			var jumps []int
			for k, alt := range n.alts {
				var sp int
				if k < len(n.alts)-1 {
					sp = len(code)
					code = append(code, inst{op: opSplit})
					code[sp].x = len(code)
				}
				code = p.emit(code, alt, slotOf, slot)
				if k < len(n.alts)-1 {
					jumps = append(jumps, len(code))
					code = append(code, inst{op: opJmp})
					code[sp].y = len(code)
				}
			}
			for _, j := range jumps {
				code[j].x = len(code)
			}
		}
		if n.opt {
			code[split].y = len(code)
		}
	}
	return code
}

// firsts collects the atoms that can start code at pc; it reports
// whether the program can match without consuming anything.
func firsts(code []inst, pc int, seen map[int]bool, out *[]atom) (empty bool) {
	if seen[pc] {
		return false
	}
	seen[pc] = true
	switch code[pc].op {
	case opAtom:
		*out = append(*out, code[pc].atom)
		return false
	case opSplit:
		a := firsts(code, code[pc].x, seen, out)
		b := firsts(code, code[pc].y, seen, out)
		return a || b
	case opJmp:
		return firsts(code, code[pc].x, seen, out)
	}
	return true
}

// compileRules parses the rules file against the lexicon.
func compileRules(lex *lexicon, file, text string) (*grammar, error) {
	p := &ruleParser{lex: lex, macros: map[string][]node{}, file: file}
	g := &grammar{byWord: map[int32][]*prog{}, byClass: map[int][]*prog{}}
	seen := map[string]bool{}
	lines := strings.Split(text, "\n")
	for n := 0; n < len(lines); n++ {
		p.line = n + 1
		line := lines[n]
		if i := strings.Index(line, "#"); i >= 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			line = line[:i]
		}
		// A line ending in a backslash continues on the next.
		for strings.HasSuffix(strings.TrimRight(line, " \t"), "\\") && n+1 < len(lines) {
			line = strings.TrimSuffix(strings.TrimRight(line, " \t"), "\\") + " "
			n++
			next := lines[n]
			if i := strings.Index(next, "#"); i >= 0 && (i == 0 || next[i-1] == ' ' || next[i-1] == '\t') {
				next = next[:i]
			}
			line += next
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "define "); ok {
			name, body, ok := strings.Cut(rest, "=")
			name = strings.TrimSpace(name)
			if !ok || name == "" {
				return nil, p.errf("want \"define NAME = elements\"")
			}
			items, err := lexElems(body)
			if err != nil {
				return nil, p.errf("%v", err)
			}
			nodes, j, err := p.parseSeq(items, 0, "")
			if err != nil {
				return nil, err
			}
			if j != len(items) {
				return nil, p.errf("unexpected %q", items[j])
			}
			p.macros[name] = nodes
			continue
		}
		name, rest, ok := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, p.errf("want \"name: elements => action\"")
		}
		if seen[name] {
			return nil, p.errf("rule %s defined twice", name)
		}
		seen[name] = true
		body, act, ok := strings.Cut(rest, "=>")
		if !ok {
			return nil, p.errf("rule %s has no => action", name)
		}
		fields := strings.Fields(act)
		if len(fields) == 0 {
			return nil, p.errf("rule %s has no action", name)
		}
		r := &rule{name: name, index: len(g.rules), action: fields[0], line: p.line}
		switch r.action {
		case "date", "duration", "set", "ref":
		default:
			return nil, p.errf("rule %s: unknown action %q", name, r.action)
		}
		for _, kv := range fields[1:] {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return nil, p.errf("rule %s: want key=value, got %q", name, kv)
			}
			r.params = append(r.params, param{k, v})
		}
		items, err := lexElems(body)
		if err != nil {
			return nil, p.errf("%v", err)
		}
		nodes, j, err := p.parseSeq(items, 0, "")
		if err != nil {
			return nil, err
		}
		if j != len(items) {
			return nil, p.errf("unexpected %q", items[j])
		}
		slotOf := func(s string) int8 {
			for i, n := range r.slots {
				if n == s {
					return int8(i)
				}
			}
			r.slots = append(r.slots, s)
			return int8(len(r.slots) - 1)
		}
		code := p.emit(nil, nodes, slotOf, -1)
		code = append(code, inst{op: opMatch})
		for _, n := range r.slots {
			r.names |= nameBit(n)
		}
		for _, p := range r.params {
			r.names |= nameBit(p.k)
		}
		if len(r.slots) > maxSlots {
			return nil, p.errf("rule %s has more than %d slots", name, maxSlots)
		}
		g.rules = append(g.rules, r)
		pr := &prog{rule: r, code: code}
		g.progs = append(g.progs, pr)
		var starts []atom
		if firsts(code, 0, map[int]bool{}, &starts) {
			return nil, p.errf("rule %s can match nothing", name)
		}
		type key struct {
			k  atomKind
			id int32
		}
		done := map[key]bool{}
		for _, a := range starts {
			if done[key{a.kind, a.id}] {
				continue
			}
			done[key{a.kind, a.id}] = true
			switch a.kind {
			case aWord:
				g.byWord[a.id] = append(g.byWord[a.id], pr)
			case aClass:
				g.byClass[int(a.id)] = append(g.byClass[int(a.id)], pr)
			case aBuiltin:
				g.byBuiltin[a.id] = append(g.byBuiltin[a.id], pr)
			}
		}
	}
	g.index(lex)
	return g, nil
}

// index precomputes the candidate lists of every word and token kind.
func (g *grammar) index(lex *lexicon) {
	g.forWord = make([]candSet, len(lex.names))
	for id := range lex.names {
		// For each rule that may start with this word, what the next
		// token may be: after a literal, what follows it in the rule;
		// after a phrase of a list, the phrase's second word or (when
		// the word alone is a phrase) what follows the list in the rule.
		type acc struct {
			c     cand
			order int
		}
		byProg := map[*prog]*acc{}
		var order []*prog
		get := func(p *prog) *acc {
			a := byProg[p]
			if a == nil {
				a = &acc{c: cand{p: p, filter: true}, order: len(order)}
				byProg[p] = a
				order = append(order, p)
			}
			return a
		}
		for k, c := range lex.starts[id] {
			node := lex.heads[id][k].node
			for _, p := range g.byClass[c] {
				a := get(p)
				for w := range node.next {
					a.c.next = append(a.c.next, atom{kind: aWord, id: w})
				}
				if node.entry != nil {
					next, end := afterFirst(p.code, aClass, int32(c))
					a.c.next = append(a.c.next, next...)
					a.c.end = a.c.end || end
				}
			}
			if c == lex.classes["number"] || c == lex.classes["tens"] {
				// Number words may run over several tokens.
				for _, p := range g.byBuiltin[bNum] {
					get(p).c.filter = false
				}
			}
		}
		for _, p := range g.byWord[int32(id)] {
			a := get(p)
			next, end := afterFirst(p.code, aWord, int32(id))
			a.c.next = append(a.c.next, next...)
			a.c.end = a.c.end || end
		}
		cs := make([]cand, 0, len(order))
		for _, p := range order {
			cs = append(cs, byProg[p].c)
		}
		g.forWord[id].build(cs, builtinKinds)
	}
	kinds := map[tokKind][]builtin{
		tNum:    {bYear, bYearNum, bYY, bDay, bInt, bNum, bHour, bMinute},
		tOrd:    {bDay},
		tDecade: {bDecade},
	}
	// A digit token is one token for every number matcher, so what may
	// follow the first atom can be checked first.
	for k, bs := range kinds {
		var cs []cand
		seen := map[*prog]bool{}
		for _, b := range bs {
			for _, p := range g.byBuiltin[b] {
				if seen[p] {
					continue
				}
				seen[p] = true
				cd := cand{p: p, filter: true}
				for _, b2 := range bs {
					next, end := afterFirst(p.code, aBuiltin, int32(b2))
					cd.next = append(cd.next, next...)
					cd.end = cd.end || end
				}
				cs = append(cs, cd)
			}
		}
		g.forKind[k].build(cs, builtinKinds)
	}
	g.wordNone = make([]bool, len(g.forWord))
	for id := range g.forWord {
		g.wordNone[id] = g.forWord[id].none()
	}
	for k := range g.forKind {
		g.kindNone[k] = g.forKind[k].none()
	}
}

// afterFirst lists the atoms that may follow a first atom (kind, id) of
// code, and whether the rule may end right after it.
func afterFirst(code []inst, kind atomKind, id int32) (next []atom, end bool) {
	var starts []int
	var walk func(pc int, seen map[int]bool)
	walk = func(pc int, seen map[int]bool) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		switch code[pc].op {
		case opAtom:
			if code[pc].atom.kind == kind && code[pc].atom.id == id {
				starts = append(starts, pc)
			}
		case opSplit:
			walk(code[pc].x, seen)
			walk(code[pc].y, seen)
		case opJmp:
			walk(code[pc].x, seen)
		}
	}
	walk(0, map[int]bool{})
	seen := map[int]bool{}
	for _, pc := range starts {
		if firsts(code, pc+1, seen, &next) {
			end = true
		}
	}
	return next, end
}
