package event

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TestVocabularyAgreesWithTables checks that a word tokenized with the
// coder's vocabulary gets from it the answers the tables give.
func TestVocabularyAgreesWithTables(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Signed", "the", "Treaty", "pacts", "however", "which", "with", "Ambassador", "minister", "unknownword", "1939"}
	for _, m := range []map[string][]int{c.lex.byFirst, c.lex.stopsBy, c.cues.byFirst} {
		for w := range m {
			words = append(words, w)
		}
	}
	for _, m := range []map[string]bool{clauseOpeners, alwaysOpeners, prepositions, roleWords, npWords, articles, determiners, c.lex.verbish} {
		for w := range m {
			words = append(words, w)
		}
	}
	for w := range nameHeads {
		words = append(words, w)
	}
	for _, m := range []map[string]float64{numberWords, scaleWords} {
		for w := range m {
			words = append(words, w)
		}
	}
	for _, m := range c.lex.classes {
		for w := range m {
			words = append(words, w)
		}
	}
	if len(c.lex.classes) <= 64 && len(c.lex.classBit) != len(c.lex.classes) {
		t.Errorf("%d classes numbered, want %d", len(c.lex.classBit), len(c.lex.classes))
	}
	for w := range subjectPronouns {
		words = append(words, w)
	}
	words = append(words, numberWordsToo[:]...)
	words = append(words, "announced", "general", "Western", "seventy", "2,000", "Hundreds", "jointly", "fed")
	for _, w := range words {
		lw := newLowerer(w, 0)
		lw.vocab = c.vocab
		items := lw.tokenize(0, len(w), nil)
		for i := range items {
			it := &items[i]
			bare := *it
			bare.info = nil // answered from the tables
			if it.kind == itWord && it.info == nil {
				t.Errorf("%q: word item without its info", it.text)
			}
			if !slices.Equal(c.lex.triggersAt(it), c.lex.triggersAt(&bare)) || !slices.Equal(c.lex.stopsAt(it), c.lex.stopsAt(&bare)) ||
				!slices.Equal(c.cues.cuesAt(it), c.cues.cuesAt(&bare)) {
				t.Errorf("%q: entries differ from the tables'", it.text)
			}
			h1, ok1 := nameHead(it)
			h2, ok2 := nameHead(&bare)
			if h1 != h2 || ok1 != ok2 {
				t.Errorf("%q: name head %q %v, tables say %q %v", it.text, h1, ok1, h2, ok2)
			}
			for _, f := range []struct {
				flag wordFlag
				list map[string]bool
			}{{wClauseOpener, clauseOpeners}, {wAlwaysOpener, alwaysOpeners}, {wPreposition, prepositions}, {wRoleWord, roleWords},
				{wNP, npWords}, {wArticle, articles}, {wDeterminer, determiners}} {
				if it.hasFlag(f.flag, f.list) != bare.hasFlag(f.flag, f.list) {
					t.Errorf("%q: flag %d differs from the list", it.text, f.flag)
				}
			}
			if it.isNumber() != bare.isNumber() || it.isNumber() != isNumberWord(it.lower) {
				t.Errorf("%q: isNumber differs from isNumberWord", it.text)
			}
			if it.isVerbish(c.lex) != bare.isVerbish(c.lex) || it.isVerbish(c.lex) != verbish(c.lex, it.lower) {
				t.Errorf("%q: isVerbish differs from verbish", it.text)
			}
			for cl := range c.lex.classes {
				if got, want := c.lex.wordInClass(it, cl, c.lex.classMask(cl)), c.lex.inClass(cl, it.lower); got != want {
					t.Errorf("%q: in class %s %v, tables say %v", it.text, cl, got, want)
				}
			}
			if it.pronounKind() != subjectPronouns[it.lower] {
				t.Errorf("%q: pronoun kind %q, table says %q", it.text, it.pronounKind(), subjectPronouns[it.lower])
			}
			if it.isAdjective() != isAdjective(it.lower) {
				t.Errorf("%q: isAdjective differs", it.text)
			}
		}
	}
}

// TestVocabularyTable holds the vocabulary's hash table to its map: every
// word finds its own info, and words it does not hold find none.
func TestVocabularyTable(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	v := c.vocab
	for w, wi := range v.words {
		if got := v.of(w); got != wi {
			t.Errorf("of(%q) is not the word's info", w)
		}
	}
	for w, wi := range v.words {
		up := strings.ToUpper(w)
		if !isASCII(up) {
			continue
		}
		if got, form := v.ofFolded(up); got != wi || form != w {
			t.Errorf("ofFolded(%q) = %p %q, want the info of %q", up, got, form, w)
		}
	}
	if got, form := v.ofFolded("Unknownword"); got != v.none || form != "" {
		t.Errorf("ofFolded(Unknownword) = %p %q, want none", got, form)
	}
	// the tokenizer's forms and infos, capitals or not
	text := "The Treaty OF Rapallo was Signed; Ambassador Krestinsky SIGNED it, however."
	lw := newLowerer(text, 0)
	lw.vocab = v
	for _, it := range lw.tokenize(0, len(text), nil) {
		if it.kind != itWord {
			continue
		}
		if it.lower != strings.ToLower(it.text) || it.info != v.of(it.lower) {
			t.Errorf("%q: form %q, info %p; want %q, %p", it.text, it.lower, it.info, strings.ToLower(it.text), v.of(it.lower))
		}
	}
	for _, w := range []string{"", "unknownword", "Treaty", "treatyx", "xtreaty", "молотов", "1939"} {
		if _, in := v.words[w]; !in && v.of(w) != v.none {
			t.Errorf("of(%q) found info for a word the vocabulary does not hold", w)
		}
	}
}
