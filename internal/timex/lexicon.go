package timex

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

//go:embed data/*.txt
var dataFS embed.FS

// entry is one lexicon phrase: its tokens (word ids) and what it means.
type entry struct {
	id    int32 // index in lexicon.ents
	class int
	words []int32
	value string
	flags []string
	// capital: the form was written with a capital letter, so it matches
	// only a capitalised word in the text ("May" the month, not "may").
	capital bool
	// num is value read as a number, when numOK: the value of a number
	// word, parsed once rather than at every match.
	num   float64
	numOK bool
}

func (e *entry) has(flag string) bool {
	for _, f := range e.flags {
		if f == flag {
			return true
		}
	}
	return false
}

// head is the trie node a word leads to in one class.
type head struct {
	class int
	node  *trieNode
}

// trieNode indexes the phrases of one class by their words.
type trieNode struct {
	next  map[int32]*trieNode
	entry *entry // phrase ending here, if any
}

// lexicon holds every word list and the vocabulary of the rules. Words
// (lower-cased tokens) get small integer ids so that matching compares
// integers; tokens that are no word of any list or rule get id -1.
type lexicon struct {
	words   map[string]int32
	names   []string           // id → word
	classes map[string]int     // class name → id
	cnames  []string           // class id → name
	tries   []*trieNode        // class id → phrase trie
	starts  [][]int            // word id → classes with a phrase starting with it
	heads   [][]head           // word id → first trie node of each class it starts
	entries map[string][]entry // class name → entries, for checks and tests
	ents    []*entry           // every entry by id
	// table is an open-addressing hash table of the ASCII words, built
	// once every word is known (buildTable), for the tokenizer.
	table []slotEntry
	mask  uint32
	// punct holds the ids of the one-character ASCII words ("-", ",",
	// "/"), -1 for none, built with table.
	punct [utf8.RuneSelf]int32
}

type slotEntry struct {
	hash uint32
	id   int32 // -1 empty
	word string
}

func fnvLower(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// buildTable indexes every ASCII word for lookup.
func (l *lexicon) buildTable() {
	n := 1
	for n < 4*len(l.names) {
		n <<= 1
	}
	l.table = make([]slotEntry, n)
	l.mask = uint32(n - 1)
	for c := range l.punct {
		l.punct[c] = -1
		if id, ok := l.words[string(rune(c))]; ok {
			l.punct[c] = id
		}
	}
	for i := range l.table {
		l.table[i].id = -1
	}
	for id, w := range l.names {
		ascii := true
		for i := 0; i < len(w); i++ {
			if w[i] >= 0x80 {
				ascii = false
			}
		}
		if !ascii {
			continue
		}
		h := fnvLower(w)
		for k := h & l.mask; ; k = (k + 1) & l.mask {
			if l.table[k].id < 0 {
				l.table[k] = slotEntry{hash: h, id: int32(id), word: w}
				break
			}
		}
	}
}

// probe finds w (any case) with hash h in the table.
func (l *lexicon) probe(h uint32, w string) int32 {
	for k := h & l.mask; ; k = (k + 1) & l.mask {
		e := &l.table[k]
		if e.id < 0 {
			return -1
		}
		if e.hash == h && len(e.word) == len(w) && equalFoldASCII(e.word, w) {
			return e.id
		}
	}
}

// equalFoldASCII compares lower-case lw with w ignoring ASCII case.
func equalFoldASCII(lw, w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lw[i] {
			return false
		}
	}
	return true
}

func newLexicon() *lexicon {
	return &lexicon{words: map[string]int32{}, classes: map[string]int{}, entries: map[string][]entry{}}
}

// word returns the id of w (lower case), adding it.
func (l *lexicon) word(w string) int32 {
	if id, ok := l.words[w]; ok {
		return id
	}
	id := int32(len(l.names))
	l.words[w] = id
	l.names = append(l.names, w)
	l.starts = append(l.starts, nil)
	l.heads = append(l.heads, nil)
	return id
}

// wordName returns the word of id, or "" for -1.
func (l *lexicon) wordName(id int32) string {
	if id < 0 || int(id) >= len(l.names) {
		return ""
	}
	return l.names[id]
}

// class returns the id of class name, adding it.
func (l *lexicon) class(name string) int {
	if id, ok := l.classes[name]; ok {
		return id
	}
	id := len(l.cnames)
	l.classes[name] = id
	l.cnames = append(l.cnames, name)
	l.tries = append(l.tries, &trieNode{})
	return id
}

// loadLexicon reads every data/*.txt word list (rules.txt excepted).
func loadLexicon(fsys fs.FS) (*lexicon, error) {
	l := newLexicon()
	names, err := fs.Glob(fsys, "data/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		if path.Base(name) == "rules.txt" {
			continue
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if err := l.parse(path.Base(name), string(b)); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// parse reads one word-list file:
//
//	# comment
//	[class]
//	value flag flag | form, form, form
//
// A # at the start of a line or after a space starts a comment, so no
// form can be "#".
func (l *lexicon) parse(file, text string) error {
	class := -1
	for n, line := range strings.Split(text, "\n") {
		if i := strings.Index(line, "#"); i >= 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		where := fmt.Sprintf("%s:%d", file, n+1)
		if line[0] == '[' {
			if line[len(line)-1] != ']' || len(line) < 3 {
				return fmt.Errorf("%s: bad class header %q", where, line)
			}
			class = l.class(strings.TrimSpace(line[1 : len(line)-1]))
			continue
		}
		if class < 0 {
			return fmt.Errorf("%s: entry before any [class] header", where)
		}
		bar := strings.Index(line, "|")
		if bar < 0 {
			return fmt.Errorf("%s: want \"value | form, form\", got %q", where, line)
		}
		head := strings.Fields(line[:bar])
		if len(head) == 0 {
			return fmt.Errorf("%s: missing value before |", where)
		}
		value := head[0]
		if value == "-" {
			value = ""
		}
		for _, form := range strings.Split(line[bar+1:], ",") {
			form = strings.TrimSpace(form)
			if form == "" {
				continue
			}
			toks := tokenize(form, 0, nil)
			if len(toks) == 0 {
				return fmt.Errorf("%s: form %q has no words", where, form)
			}
			e := entry{class: class, value: value, flags: head[1:], capital: isUpperStart(form)}
			for _, t := range toks {
				e.words = append(e.words, l.word(keyOf(form[t.start:t.end], t)))
			}
			l.add(e)
			l.entries[l.cnames[class]] = append(l.entries[l.cnames[class]], e)
		}
	}
	return nil
}

func (l *lexicon) add(e entry) {
	node := l.tries[e.class]
	for _, w := range e.words {
		if node.next == nil {
			node.next = map[int32]*trieNode{}
		}
		nx := node.next[w]
		if nx == nil {
			nx = &trieNode{}
			node.next[w] = nx
		}
		node = nx
	}
	if node.entry == nil {
		ec := e
		ec.id = int32(len(l.ents))
		f, err := strconv.ParseFloat(ec.value, 64)
		ec.num, ec.numOK = f, err == nil
		l.ents = append(l.ents, &ec)
		node.entry = &ec
	}
	first := e.words[0]
	for _, c := range l.starts[first] {
		if c == e.class {
			return
		}
	}
	l.starts[first] = append(l.starts[first], e.class)
	l.heads[first] = append(l.heads[first], head{class: e.class, node: l.tries[e.class].next[first]})
}

// isUpperStart reports whether s starts with an upper-case ASCII letter.
func isUpperStart(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// phrase is a lexicon match: the entry and the token just after it.
type phrase struct {
	e   *entry
	end int
}

// single returns the entry of class c that is token t alone (a known
// word), as matchClass finds it, or nil.
func (l *lexicon) single(c int, t *token) *entry {
	for _, h := range l.heads[t.id] {
		if h.class == c {
			if e := h.node.entry; e != nil && (!e.capital || t.flags&fCap != 0) {
				return e
			}
			return nil
		}
	}
	return nil
}

// matchClass appends to out every phrase of class c that starts at token
// i, longest first.
func (l *lexicon) matchClass(c int, toks []token, i int, out []phrase) []phrase {
	if i >= len(toks) || toks[i].id < 0 {
		return out
	}
	// The first word: a short list per word instead of a map lookup.
	var node *trieNode
	for _, h := range l.heads[toks[i].id] {
		if h.class == c {
			node = h.node
			break
		}
	}
	if node == nil {
		return out
	}
	n0 := len(out)
	if node.entry != nil && (!node.entry.capital || toks[i].flags&fCap != 0) {
		out = append(out, phrase{e: node.entry, end: i + 1})
	}
	for j := i + 1; j < len(toks) && node.next != nil; j++ {
		id := toks[j].id
		if id < 0 {
			break
		}
		// A phrase never spans a line break.
		if toks[j].flags&fNewline != 0 {
			break
		}
		nx := node.next[id]
		if nx == nil {
			break
		}
		node = nx
		if node.entry != nil && (!node.entry.capital || toks[i].flags&fCap != 0) {
			out = append(out, phrase{e: node.entry, end: j + 1})
		}
	}
	// Longest first.
	for a, b := n0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}
