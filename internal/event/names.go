package event

import (
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// recordName is a treaty, pact, agreement, protocol or armistice named or
// described in a sentence: "the Treaty of Rapallo", "the 1932 Soviet–Finnish
// Non-Aggression Pact", "a neutrality pact", "a secret additional protocol".
type recordName struct {
	text       string // the name as written, without a leading article
	head       string // treaty, pact, agreement, protocol, convention, armistice …
	proper     bool   // a capitalised name rather than a description
	secret     bool   // "secret … protocol"
	definite   bool   // "the …", "this …": a later mention of a known record
	indefinite bool   // "a …", "an …": a record introduced here
	parties    []int  // mentions before the head ("German–Soviet", "Molotov–Ribbentrop")
	timex      int    // a date written into the name ("(1939)", "the 1932 …", "… of 1939"), or -1
	start, end int    // clean span
	nameStart  int    // clean span of the name proper, without a date
	nameEnd    int    //   written before it or as "of <date>"
	claimed    bool   // the object of a trigger, so not an event of its own
	claimSign  bool   // …of a signing or ratification
}

// nameHeads are the nouns that end a treaty's name.
var nameHeads = map[string]string{
	"treaty": "treaty", "treaties": "treaty", "pact": "pact", "pacts": "pact",
	"agreement": "agreement", "agreements": "agreement", "protocol": "protocol", "protocols": "protocol",
	"convention": "convention", "conventions": "convention", "armistice": "armistice",
	"accord": "accord", "accords": "accord", "alliance": "alliance", "entente": "entente",
	"concordat": "concordat",
}

// nameModifiers are the lower-case words a described treaty may carry
// before its head ("a ten-year non-aggression pact").
var nameModifiers = map[string]bool{
	"non-aggression": true, "nonaggression": true, "mutual-assistance": true, "mutual": true, "assistance": true,
	"neutrality": true, "trade": true, "commercial": true, "credit": true, "economic": true, "peace": true,
	"border": true, "boundary": true, "friendship": true, "secret": true, "additional": true, "supplementary": true,
	"military": true, "naval": true, "political": true, "defence": true, "defense": true, "intricate": true,
	"new": true, "bilateral": true, "tripartite": true, "final": true, "formal": true, "armistice": true,
	"frontier": true, "cultural": true, "consular": true, "arbitration": true, "barter": true, "clearing": true,
	"payments": true, "transit": true, "fishing": true, "naval-limitation": true, "territorial": true,
	"four-power": true, "four": true, "power": true, "powers": true, "merchandise": true, "preliminary": true,
	"separate": true, "provisional": true, "interim": true, "definitive": true, "general": true, "main": true,
}

// notNameAfter are words after a head that show it modifies a noun rather
// than names a record ("treaty inspectors", "alliance negotiations").
var functionWords = map[string]bool{
	"was": true, "is": true, "has": true, "as": true, "its": true, "this": true, "his": true, "thus": true,
	"was not": true, "does": true, "has not": true, "across": true, "towards": true, "besides": true,
}

// nameFound is a name findNames found, covering items[lo:hi].
type nameFound struct {
	lo, hi int
	nm     recordName
}

// findNamesWith finds treaty names in items and collapses each into one
// itName item; it returns the new items and the names, indexed by the
// items' ref, and fs, a buffer for the names found reused from sentence
// to sentence.
func findNamesWith(d *doc.Document, lw *lowerer, items []item, names []recordName, fs []nameFound) ([]item, []recordName, []nameFound) {
	names = names[:0]
	fs = fs[:0]
	if lw != nil && lw.vocab != nil && lw.seen&wHead == 0 {
		return items, names, fs // no treaty noun among the words: no name
	}
	i := 0
	n := len(items)
	type found = nameFound
	for h := 0; h < n; h++ {
		it := &items[h]
		if it.kind != itWord {
			continue
		}
		head, ok := nameHead(it)
		if !ok {
			continue
		}
		// "treaty inspectors", "alliance negotiations": a modifier.
		if h+1 < n && items[h+1].kind == itWord && !items[h+1].cap {
			w := items[h+1].lower
			if len(w) > 3 && strings.HasSuffix(w, "s") && !functionWords[w] && !strings.HasSuffix(w, "ss") {
				continue
			}
		}
		nm := recordName{head: head, proper: it.cap && h > 0, timex: -1}
		lo := h
		// Left: modifiers, capitalised words, mentions, dashes between them,
		// a year written before the name.
		for j := h - 1; j >= 0; j-- {
			p := &items[j]
			ok := false
			switch p.kind {
			case itMention:
				ok = true
			case itTimex:
				if len(p.text) == 4 && nm.timex < 0 {
					nm.timex = p.ref
					ok = true
				}
			case itPunct:
				if (p.text == "–" || p.text == "-") && j > 0 && lo == j+1 && (items[j-1].cap || items[j-1].kind == itMention) {
					ok = true
				}
			case itWord:
				switch {
				case p.lower == "the" || p.lower == "this" || p.lower == "that" || p.lower == "these" || p.lower == "its" || p.lower == "their":
					nm.definite = true
				case p.lower == "a" || p.lower == "an" || p.lower == "another":
					nm.indefinite = true
				case p.lower == "and" && j > 0 && items[j-1].cap && items[j+1].cap && nm.proper:
					ok = true
				case p.cap && j > 0 && !p.hasFlag(wDeterminer, determiners):
					ok = true
					nm.proper = true
				case p.cap && j == 0 && !p.hasFlag(wDeterminer, determiners) && p.lower != "in" && p.lower != "on" && p.lower != "after" && p.lower != "before":
					ok = true
					nm.proper = true
				case !p.cap && (nameModifiers[p.lower] || strings.HasSuffix(p.lower, "-year") || strings.HasSuffix(p.lower, "-aggression")):
					ok = true
					if p.lower == "secret" {
						nm.secret = true
					}
				}
			}
			if !ok {
				break
			}
			lo = j
		}
		hi := h + 1
		// Right: "of" + capitalised words or mentions ("Treaty of Rapallo"),
		// a year in parentheses, "of" + a date.
		for hi < n {
			if items[hi].kind == itWord && items[hi].lower == "of" && hi+1 < n {
				nx := &items[hi+1]
				if nx.kind == itMention || nx.kind == itWord && nx.cap && !determiners[nx.lower] {
					k := hi + 1
					for k < n && (items[k].kind == itMention || items[k].kind == itWord && items[k].cap ||
						items[k].kind == itWord && items[k].lower == "and" && k+1 < n && items[k+1].cap) {
						k++
					}
					hi = k
					nm.proper = true
					continue
				}
				if nx.kind == itTimex && nm.timex < 0 && (nm.proper || it.cap) {
					nm.timex = nx.ref
					hi += 2
					continue
				}
			}
			if items[hi].kind == itPunct && items[hi].text == "(" && hi+2 < n && items[hi+1].kind == itTimex && items[hi+2].text == ")" && nm.timex < 0 {
				nm.timex = items[hi+1].ref
				hi += 3
				continue
			}
			break
		}
		if h > 0 && items[h].cap {
			nm.proper = true
		}
		if head == "alliance" && !nm.proper {
			continue
		}
		for k := lo; k < h; k++ {
			if items[k].kind == itMention && !(k >= 2 && items[k-1].text == "-" && items[k-2].kind == itWord && items[k-2].lower == "anti") {
				// not the target of an "Anti-Comintern Pact"
				nm.parties = append(nm.parties, items[k].ref)
			}
		}
		if nm.secret || strings.Contains(lw.of(items[lo].start, items[hi-1].end), "secret") {
			nm.secret = true
		}
		nm.start, nm.end = items[lo].start, items[hi-1].end
		// the name proper leaves out a year written before it ("the 1932
		// … Pact") and an "of <date>" after it ("the … Pact of 1939")
		nlo, nhi := lo, hi
		for nlo < h && items[nlo].kind == itTimex {
			nlo++
		}
		if nhi-2 > h && items[nhi-1].kind == itTimex && items[nhi-2].kind == itWord && items[nhi-2].lower == "of" {
			nhi -= 2
		}
		nm.nameStart, nm.nameEnd = items[nlo].start, items[nhi-1].end
		nm.text = d.Text[nm.nameStart:nm.nameEnd]
		// Don't overlap a previous name.
		if len(fs) > 0 && lo < fs[len(fs)-1].hi {
			continue
		}
		fs = append(fs, found{lo, hi, nm})
		h = hi - 1
	}
	if len(fs) == 0 {
		return items, names, fs
	}
	// Collapse each name into one item, in place: the items written never
	// pass the items still to be read.
	out := items[:0]
	fi := 0
	for i < n {
		if fi < len(fs) && i == fs[fi].lo {
			f := fs[fi]
			names = append(names, f.nm)
			out = append(out, item{kind: itName, start: f.nm.start, end: f.nm.end, text: f.nm.text,
				lower: lw.of(f.nm.nameStart, f.nm.nameEnd), cap: f.nm.proper, ref: len(names) - 1})
			i = f.hi
			fi++
			continue
		}
		if len(out) < i {
			out = append(out, items[i])
		} else {
			out = out[:i+1] // no name before it yet: the item is in place
		}
		i++
	}
	return out, names, fs
}
