package timex

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

// entry is one lexicon phrase: its tokens (word ids) and what it means.
type entry struct {
	class int
	words []int32
	value string
	flags []string
	// capital: the form was written with a capital letter, so it matches
	// only a capitalised word in the text ("May" the month, not "may").
	capital bool
}

func (e *entry) has(flag string) bool {
	for _, f := range e.flags {
		if f == flag {
			return true
		}
	}
	return false
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
	entries map[string][]entry // class name → entries, for checks and tests
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
	return id
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
		node.entry = &ec
	}
	first := e.words[0]
	for _, c := range l.starts[first] {
		if c == e.class {
			return
		}
	}
	l.starts[first] = append(l.starts[first], e.class)
}

// isUpperStart reports whether s starts with an upper-case ASCII letter.
func isUpperStart(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// phrase is a lexicon match: the entry and the token just after it.
type phrase struct {
	e   *entry
	end int
}

// matchClass appends to out every phrase of class c that starts at token
// i, longest first.
func (l *lexicon) matchClass(c int, toks []token, i int, out []phrase) []phrase {
	node := l.tries[c]
	n0 := len(out)
	for j := i; j < len(toks) && node.next != nil; j++ {
		id := toks[j].id
		if id < 0 {
			break
		}
		// Inside a phrase, words must be adjacent up to spaces; a phrase
		// never spans a line break.
		if j > i && toks[j].flags&fNewline != 0 {
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
