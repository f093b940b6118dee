package event

import (
	"slices"
	"strings"
)

// wordInfo is what the coder's tables hold for one lower-case word: the
// trigger entries, stop phrases and modality cues that start with it, and
// the word lists it belongs to. A word of a sentence is looked up once,
// when it is tokenized, rather than once per table and per rule that asks
// about it. The tables themselves stay as they are (and as the data files
// say); wordInfo only gathers their answers.
type wordInfo struct {
	triggers []int  // Lexicon.byFirst
	stops    []int  // Lexicon.stopsBy
	cues     []int  // Cues.byFirst
	head     string // nameHeads: the treaty noun the word is a form of
	flags    wordFlag
	classes  uint64 // the lexicon classes the word is in (Lexicon.classBit)
}

// wordFlag records a word's membership of the package's word lists.
type wordFlag uint32

const (
	wClauseOpener wordFlag = 1 << iota // clauseOpeners
	wAlwaysOpener                      // alwaysOpeners
	wPreposition                       // prepositions
	wRoleWord                          // roleWords
	wNounTrigger                       // the first word of a noun trigger
	wDebate                            // the first word of a debate cue
	wHedge                             // the first word of a hedge
	wCrowd                             // the lexicon's class crowd
	wBody                              // the lexicon's class body
	wSpeech                            // a speech verb of the modality cues
	wNP                                // npWords
	wVerbish                           // the lexicon's verbish words
	wArticle                           // articles
	wDeterminer                        // determiners
	wNumber                            // a number word of isNumberWord
	wPronoun                           // a subject pronoun (subjectPronouns, with a kind)
	wNumberStart                       // may start an amount without being a number word ("a", "half", "one")
	wTopic                             // topicWords
	wSubordinator                      // subordinators
	wCue                               // the first word of a modality cue (cues not empty)
	wHead                              // a treaty noun (head not empty)
	wDigit                             // not in the tables: a word starting with a digit (lowerer.seen only)
)

// vocabulary maps each word some table knows to its wordInfo; every other
// word gets none, an empty wordInfo. Every word of a sentence is looked up,
// so the words are also kept in an open-addressing table with a cheap
// hash (slots), which answers in about half the instructions of the map.
type vocabulary struct {
	words map[string]*wordInfo
	none  *wordInfo
	slots []vocabSlot // len a power of two, at most a quarter full
	mask  uint32
}

// vocabSlot is one slot of vocabulary.slots; info is nil in an empty one.
type vocabSlot struct {
	word string
	info *wordInfo
}

// newVocabulary gathers the words of the lexicon, the cues and the word
// lists.
func newVocabulary(lx *Lexicon, cues *Cues) *vocabulary {
	v := gatherVocabulary(lx, cues)
	if len(lx.classes) <= 64 {
		names := make([]string, 0, len(lx.classes))
		for cl := range lx.classes {
			names = append(names, cl)
		}
		slices.Sort(names)
		lx.classBit = make(map[string]uint64, len(names))
		for i, cl := range names {
			bit := uint64(1) << i
			lx.classBit[cl] = bit
			for w, in := range lx.classes[cl] {
				if in {
					wi := v.words[w]
					if wi == nil {
						wi = &wordInfo{}
						v.words[w] = wi
					}
					wi.classes |= bit
				}
			}
		}
	}
	for _, wi := range v.words {
		if len(wi.cues) > 0 {
			wi.flags |= wCue
		}
		if wi.head != "" {
			wi.flags |= wHead
		}
	}
	n := 16
	for n < 4*len(v.words) {
		n *= 2
	}
	v.slots, v.mask = make([]vocabSlot, n), uint32(n-1)
	for w, wi := range v.words {
		i := wordHash(w) & v.mask
		for v.slots[i].info != nil {
			i = (i + 1) & v.mask
		}
		v.slots[i] = vocabSlot{w, wi}
	}
	return v
}

// ofFolded returns the wordInfo of the ASCII word w lower-cased, and the
// vocabulary's own string of that form; none and "" when the vocabulary
// does not hold it. w is not lower-cased to look it up.
func (v *vocabulary) ofFolded(w string) (*wordInfo, string) {
	h := uint32(fnvOffset)
	for i := 0; i < len(w); i++ {
		h ^= uint32(asciiFold(w[i]))
		h *= fnvPrime
	}
	return v.ofFoldedHashed(w, h)
}

// ofFoldedHashed is ofFolded for a word whose folded hash h (wordHash of
// its lower-case form) is known.
func (v *vocabulary) ofFoldedHashed(w string, h uint32) (*wordInfo, string) {
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		sl := &v.slots[i]
		if sl.info == nil {
			return v.none, ""
		}
		if len(sl.word) == len(w) && foldedEqual(w, sl.word) {
			return sl.info, sl.word
		}
	}
}

// asciiFold lower-cases an ASCII capital.
func asciiFold(c byte) byte {
	if c-'A' < 26 {
		return c + 'a' - 'A'
	}
	return c
}

// foldedEqual reports whether w lower-cased (ASCII) is lower, of its
// length.
func foldedEqual(w, lower string) bool {
	for i := 0; i < len(w); i++ {
		if asciiFold(w[i]) != lower[i] {
			return false
		}
	}
	return true
}

// The constants of 32-bit FNV-1a.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// wordHash is 32-bit FNV-1a.
func wordHash(w string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= fnvPrime
	}
	return h
}

// gatherVocabulary makes the vocabulary's map of the words of the lexicon,
// the cues and the word lists.
func gatherVocabulary(lx *Lexicon, cues *Cues) *vocabulary {
	v := &vocabulary{words: map[string]*wordInfo{}, none: &wordInfo{}}
	get := func(w string) *wordInfo {
		wi := v.words[w]
		if wi == nil {
			wi = &wordInfo{}
			v.words[w] = wi
		}
		return wi
	}
	for w, es := range lx.byFirst {
		wi := get(w)
		wi.triggers = es
		for _, ei := range es {
			if lx.entries[ei].kind == 'N' {
				wi.flags |= wNounTrigger
			}
		}
	}
	for w, ss := range lx.stopsBy {
		get(w).stops = ss
	}
	for w, cs := range cues.byFirst {
		get(w).cues = cs
	}
	for cl, f := range map[string]wordFlag{"crowd": wCrowd, "body": wBody} {
		for w := range lx.classes[cl] {
			get(w).flags |= f
		}
	}
	for w := range cues.speech {
		get(w).flags |= wSpeech
	}
	for _, p := range cues.debate {
		for w := range p[0] {
			get(w).flags |= wDebate
		}
	}
	for _, p := range cues.hedge {
		for w := range p[0] {
			get(w).flags |= wHedge
		}
	}
	for _, ws := range []map[string]float64{numberWords, scaleWords} {
		for w := range ws {
			if isNumberWord(w) {
				get(w).flags |= wNumber
			}
		}
	}
	for _, w := range numberWordsToo {
		get(w).flags |= wNumber
	}
	for _, w := range numberStarts {
		get(w).flags |= wNumberStart
	}
	for w, in := range topicWords {
		if in {
			get(w).flags |= wTopic
		}
	}
	for w, in := range subordinators {
		if in {
			get(w).flags |= wSubordinator
		}
	}
	for w, k := range subjectPronouns {
		if k != "" {
			get(w).flags |= wPronoun
		}
	}
	for w, h := range nameHeads {
		get(w).head = h
	}
	for _, l := range []struct {
		words map[string]bool
		flag  wordFlag
	}{{clauseOpeners, wClauseOpener}, {alwaysOpeners, wAlwaysOpener}, {prepositions, wPreposition}, {roleWords, wRoleWord},
		{npWords, wNP}, {lx.verbish, wVerbish}, {articles, wArticle}, {determiners, wDeterminer}} {
		for w, in := range l.words {
			if in {
				get(w).flags |= l.flag
			}
		}
	}
	return v
}

// of returns the wordInfo of the lower-case word w.
func (v *vocabulary) of(w string) *wordInfo {
	return v.ofHashed(w, wordHash(w))
}

// ofHashed is of for a word whose wordHash h is known (the tokenizer
// hashes a word's bytes as it reads them).
func (v *vocabulary) ofHashed(w string, h uint32) *wordInfo {
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		sl := &v.slots[i]
		if sl.info == nil {
			return v.none
		}
		if sl.word == w {
			return sl.info
		}
	}
}

// The helpers below answer from an item's wordInfo when it has one (a word
// tokenized by the coder) and from the tables otherwise: the same answer
// either way.

// triggersAt returns the lexicon entries whose pattern starts with the
// word item it.
func (lx *Lexicon) triggersAt(it *item) []int {
	if it.info != nil {
		return it.info.triggers
	}
	return lx.byFirst[it.lower]
}

// stopsAt returns the stop phrases that start with the word item it.
func (lx *Lexicon) stopsAt(it *item) []int {
	if it.info != nil {
		return it.info.stops
	}
	return lx.stopsBy[it.lower]
}

// cuesAt returns the modality cues that start with the word item it.
func (c *Cues) cuesAt(it *item) []int {
	if it.info != nil {
		return it.info.cues
	}
	return c.byFirst[it.lower]
}

// nameHead returns the treaty noun the word item it is a form of.
func nameHead(it *item) (string, bool) {
	if it.info != nil {
		return it.info.head, it.info.head != ""
	}
	h, ok := nameHeads[it.lower]
	return h, ok
}

// hasFlag reports whether the item's word is in the list of flag f, whose
// map is list.
func (it *item) hasFlag(f wordFlag, list map[string]bool) bool {
	if it.info != nil {
		return it.info.flags&f != 0
	}
	return list[it.lower]
}

func (it *item) isPreposition() bool { return it.hasFlag(wPreposition, prepositions) }

// isAdjective is isAdjective of the item's word.
func (it *item) isAdjective() bool {
	return adjectiveEnding(it.lower) || it.hasFlag(wNP, npWords)
}

// isNumber is isNumberWord of the item's word.
func (it *item) isNumber() bool {
	w := it.lower
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	if it.info != nil {
		return it.info.flags&wNumber != 0
	}
	return isNumberWord(w)
}

// pronounKind is subjectPronouns of the item's word.
func (it *item) pronounKind() string {
	if it.info != nil && it.info.flags&wPronoun == 0 {
		return "" // not a pronoun: the vocabulary knows them all
	}
	return subjectPronouns[it.lower]
}

// isVerbish is verbish of the item's word.
func (it *item) isVerbish(lx *Lexicon) bool {
	if it.info == nil || lx == nil || lx.verbish == nil {
		return verbish(lx, it.lower)
	}
	w := it.lower
	return len(w) > 4 && strings.HasSuffix(w, "ed") || it.info.flags&wVerbish != 0
}

// classMask returns the bit of class cl in wordInfo.classes, or 0 when
// the classes are not numbered (or cl is no class).
func (lx *Lexicon) classMask(cl string) uint64 {
	if lx == nil {
		return 0
	}
	return lx.classBit[cl]
}

// wordInClass is lx.inClass(cl, it.lower) for a word item, whose class
// bit (classMask(cl)) is bit: from the word's info when it has one.
func (lx *Lexicon) wordInClass(it *item, cl string, bit uint64) bool {
	if it.info != nil && bit != 0 {
		return it.info.classes&bit != 0
	}
	return lx.inClass(cl, it.lower)
}

// inClassFlag reports whether the item's word is in the lexicon class cl,
// whose words carry the flag f, from the flag when the word has its
// wordInfo.
func (lx *Lexicon) inClassFlag(it *item, cl string, f wordFlag) bool {
	if it.info != nil {
		return it.info.flags&f != 0
	}
	return lx != nil && lx.inClass(cl, it.lower)
}
