package record

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// signing subtypes make a treaty record; ratifying and denouncing link to
// one.
func isSigning(sub string) bool {
	return sub == "treaty.sign" || sub == "armistice.sign" || sub == "secret_protocol.sign"
}

func isTreatyAct(sub string) bool {
	return isSigning(sub) || sub == "ratification" || sub == "treaty.denounce" || sub == "treaty.adhere"
}

// key normalises a treaty name: lower case, dashes unified, article and a
// trailing parenthesis dropped.
func key(name string) string {
	s := strings.ToLower(strings.TrimSpace(name))
	if i := strings.Index(s, " ("); i >= 0 {
		s = s[:i]
	}
	if strings.ContainsAny(s, keyChars) {
		s = keyReplacer.Replace(s)
	}
	s = strings.TrimPrefix(s, "the ")
	return strings.TrimSpace(s)
}

// keyReplacer unifies dashes and drops quotes in treaty keys. A Replacer
// is safe for concurrent use; building it once keeps key cheap.
var keyReplacer = strings.NewReplacer("–", "-", "—", "-", "'", "", "’", "", "\"", "", "“", "", "”", "")

// keyChars are the characters keyReplacer replaces: a name without any
// is left as it is (Replace would copy it).
const keyChars = "–—'’\"“”"

// genericNames describe a kind of treaty rather than name one.
var genericNames = map[string]bool{"treaty": true, "pact": true, "agreement": true, "protocol": true,
	"convention": true, "armistice": true, "accord": true, "treaties": true, "pacts": true, "agreements": true,
	"protocols": true, "alliance": true}

// heads of treaty names, for "the pact" → the last pact named.
var treatyHeads = []string{"treaty", "pact", "agreement", "protocol", "convention", "armistice", "accord", "alliance"}

func headOf(name string) string {
	l := strings.ToLower(name)
	if i := strings.Index(l, " to the "); i >= 0 {
		l = l[:i] // "secret protocol to the Pact": a protocol
	}
	best, bi := "", -1
	for _, h := range treatyHeads {
		if i := strings.LastIndex(l, h); i > bi {
			best, bi = h, i
		}
	}
	return best
}

// aliasesOf returns the short forms a treaty's name may be cited by:
// "Treaty of Rapallo" → "Rapallo"; "Treaty of Berlin (1926)" → "Treaty of
// Berlin", "Berlin Treaty"; "Molotov–Ribbentrop Pact" → "the Pact".
func aliasesOf(name string) []string {
	var out []string
	base := name
	if i := strings.Index(base, " ("); i >= 0 {
		base = strings.TrimSpace(base[:i])
		out = append(out, base)
	}
	// "Treaty of Rapallo" is cited as "Rapallo"; "Pact of Steel" is not
	// cited as "Steel".
	for _, h := range []string{"Treaty of ", "Peace of ", "Convention of "} {
		if strings.HasPrefix(base, h) {
			place := strings.TrimPrefix(base, h)
			out = append(out, place, place+" "+strings.TrimSuffix(strings.TrimSpace(h), " of"))
		}
	}
	return out
}

// treaties builds the treaty records of d from its signing events, links
// ratifications and denunciations to them, and resolves later mentions.
func treaties(d *doc.Document) []doc.Treaty {
	actorByID := actorIndex(d)
	var recs []doc.Treaty
	byKey := map[string]int{}
	aliasKey := map[string]int{}
	// The same names are keyed again and again (every alias check, every
	// lookup): each is keyed once.
	keys := map[string]string{}
	keyOf := func(name string) string {
		k, ok := keys[name]
		if !ok {
			k = key(name)
			keys[name] = k
		}
		return k
	}
	addAlias := func(ri int, a string) {
		k := keyOf(a)
		if k == "" || k == keyOf(recs[ri].Name) {
			return
		}
		if _, ok := aliasKey[k]; !ok {
			aliasKey[k] = ri
		}
		for _, x := range recs[ri].Aliases {
			if keyOf(x) == k {
				return
			}
		}
		recs[ri].Aliases = append(recs[ri].Aliases, a)
	}
	find := func(name string) (int, bool) {
		k := keyOf(name)
		if k == "" || genericNames[k] {
			return 0, false
		}
		if i, ok := byKey[k]; ok {
			return i, true
		}
		if i, ok := aliasKey[k]; ok {
			return i, true
		}
		return 0, false
	}
	for ei := range d.Events {
		e := &d.Events[ei]
		if !isSigning(e.Subtype) || e.Modality != doc.ModalityAsserted || !hasYear(e.Date.Value) {
			continue
		}
		name := e.Name
		if name == "" {
			name = e.Trigger.Text
		}
		if ri, ok := find(name); ok {
			linkEvent(&recs[ri], e, actorByID)
			continue
		}
		// "an agreement with Germany" in August 1939: a description of a
		// treaty already recorded with the same parties and date
		if genericNames[keyOf(name)] || genericDescription(name) {
			if ri, ok := sameTreaty(recs, e, actorByID); ok {
				linkEvent(&recs[ri], e, actorByID)
				continue
			}
		}
		r := doc.Treaty{
			ID:       fmt.Sprintf("t%d", len(recs)+1),
			Document: d.ID,
			Name:     describe(name, e, actorByID),
			Aliases:  []string{},
			Signed:   e.Date.Value,
			Evidence: e.Evidence,
		}
		if i := strings.IndexByte(r.Signed, 'T'); i >= 0 {
			r.Signed = r.Signed[:i]
		}
		r.SecretProtocol = e.Subtype == "secret_protocol.sign"
		recs = append(recs, r)
		ri := len(recs) - 1
		if k := keyOf(r.Name); !genericNames[k] {
			byKey[k] = ri
		}
		if r.Name != name {
			addAlias(ri, name)
		}
		for _, a := range aliasesOf(r.Name) {
			addAlias(ri, a)
		}
		linkEvent(&recs[ri], e, actorByID)
		// A secret protocol marks its parent treaty too.
		if r.SecretProtocol {
			if i := strings.Index(strings.ToLower(name), " to the "); i >= 0 {
				if pi, ok := find(name[i+len(" to the "):]); ok {
					recs[pi].SecretProtocol = true
				}
			}
		}
	}
	// Ratifications, denunciations and accessions link to their treaty.
	for ei := range d.Events {
		e := &d.Events[ei]
		if isSigning(e.Subtype) || !isTreatyAct(e.Subtype) || e.Name == "" {
			continue
		}
		if ri, ok := find(e.Name); ok {
			recs[ri].Events = appendUnique(recs[ri].Events, e.ID)
			e.Treaty = recs[ri].ID
		}
	}
	resolveMentions(d, recs, find)
	for i := range recs {
		sort.Strings(recs[i].Signatories)
		if recs[i].Parties == nil {
			recs[i].Parties = []string{}
		}
		if recs[i].Signatories == nil {
			recs[i].Signatories = []string{}
		}
	}
	return recs
}

// describe names a treaty the text only describes ("a neutrality pact")
// after its parties: "Soviet–Japanese neutrality pact" is not what the text
// says, so the description is kept as written and the parties are listed.
func describe(name string, e *doc.Event, actors map[string]*doc.Actor) string {
	return strings.TrimSpace(name)
}

// linkEvent adds a signing event's parties and signatories to a record.
func linkEvent(r *doc.Treaty, e *doc.Event, actors map[string]*doc.Actor) {
	r.Events = appendUnique(r.Events, e.ID)
	e.Treaty = r.ID
	linkEventParties(r, e, actors)
}

// linkEventParties adds the states and organisations of a signing to a
// record's parties, its persons to the signatories, and its date.
func linkEventParties(r *doc.Treaty, e *doc.Event, actors map[string]*doc.Actor) {
	for _, id := range allIDs(e.Actor, e.Recipient) {
		a, ok := actors[id]
		switch {
		case ok && a.Kind == doc.KindState:
			code := a.Code
			if code == "" {
				code = a.ID
			}
			r.Parties = appendUnique(r.Parties, code)
		case ok && a.Kind == doc.KindPerson:
			r.Signatories = appendUnique(r.Signatories, a.Name)
		case ok && (a.Kind == doc.KindOrganization || a.Kind == doc.KindGroup):
			r.Parties = appendUnique(r.Parties, a.Name)
		case !ok && !strings.Contains(id, ":"):
			r.Parties = appendUnique(r.Parties, id)
		}
	}
	if r.Signed == "" || len(e.Date.Value) > len(r.Signed) && strings.HasPrefix(e.Date.Value, r.Signed) {
		r.Signed = e.Date.Value
		if i := strings.IndexByte(r.Signed, 'T'); i >= 0 {
			r.Signed = r.Signed[:i]
		}
	}
}

// allIDs lists the ids of a and then b, in a new list only when both
// have some.
func allIDs(a, b []string) []string {
	switch {
	case len(b) == 0:
		return a
	case len(a) == 0:
		return b
	}
	return append(append(make([]string, 0, len(a)+len(b)), a...), b...)
}

// resolveMentions finds the later mentions of each record in the text —
// its name, its aliases, and definite descriptions ("the Pact", "the
// treaty") that point to the treaty of that kind named last — and records
// the surface forms as aliases.
func resolveMentions(d *doc.Document, recs []doc.Treaty, find func(string) (int, bool)) {
	if len(recs) == 0 {
		return
	}
	// Where each record is first signed, so "the pact" resolves only to a
	// record introduced before it, and the head of each record's name.
	firstAt := make([]int, len(recs))
	heads := make([]int, len(recs))
	for i, r := range recs {
		firstAt[i] = r.Evidence.Start
		heads[i] = slices.Index(treatyHeads, headOf(r.Name))
	}
	// One pass over each sentence finds every "the " followed by a head;
	// the hits are then taken head by head, in treatyHeads' order, as the
	// aliases and mentions are recorded in that order.
	type hit struct{ head, at int }
	var hits []hit
	// A sentence before every record's first signing resolves nothing.
	firstOfAll := slices.Min(firstAt)
	for _, s := range d.Sentences {
		if s.Start < firstOfAll {
			continue
		}
		text := s.Text
		// Matching ignores ASCII case, so an ASCII sentence needs no
		// lower-case copy; any other is lower-cased as a whole, as before.
		// Nor does one whose lower-case form keeps every byte where it
		// is (ASCII letters aside): only ASCII bytes are matched.
		lower := text
		if !isASCII(text) && !lowerKeepsBytes(text) {
			lower = strings.ToLower(text)
		}
		hits = hits[:0]
		// Every "the " (any case) followed by a byte, found eight
		// positions at a time.
		lim := len(lower) - 4
		for at := findThe(lower, 0, lim); at < lim; at = findThe(lower, at+1, lim) {
			c := lower[at+4] | 0x20
			for hi, h := range treatyHeads {
				if h[0] == c && hasPrefixFold(lower[at+4:], h) {
					hits = append(hits, hit{hi, at})
					break // no head is a prefix of another
				}
			}
		}
		slices.SortFunc(hits, func(a, b hit) int { return cmp.Or(a.head-b.head, a.at-b.at) })
		for _, x := range hits {
			h, at := treatyHeads[x.head], x.at
			end := at + 4 + len(h)
			if end < len(lower) && lower[end]|0x20 == 's' {
				continue // "the pacts"
			}
			if end < len(lower) && isLetter(lower[end]) {
				continue
			}
			// "the Pact of Steel" is the full name, not a short one
			if strings.HasPrefix(text[end:], " of ") && end+4 < len(text) && text[end+4] >= 'A' && text[end+4] <= 'Z' {
				continue
			}
			// the record of this kind signed last before here
			best := -1
			for ri := range recs {
				if firstAt[ri] <= s.Start && heads[ri] == x.head && (best < 0 || firstAt[ri] >= firstAt[best]) {
					best = ri
				}
			}
			if best < 0 {
				continue
			}
			surface := text[at:end]
			if text[at+4] >= 'A' && text[at+4] <= 'Z' {
				// "the Pact": a proper short name
				addAliasOnce(&recs[best], "the "+surface[4:])
			}
			span := d.RawSpan(doc.Span{Start: s.Clean.Start + at, End: s.Clean.Start + end})
			recs[best].Mentions = append(recs[best].Mentions, doc.Evidence{Span: span, Text: surface})
		}
	}
}

// isASCII reports whether s is all ASCII, eight bytes at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		// One bounds check for the eight bytes, so that they are read
		// as one word.
		w := s[i : i+8]
		v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if v&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// lowerKeepsBytes reports whether strings.ToLower(s) differs from s only
// in the case of ASCII letters: every other rune is valid UTF-8 and
// lowers to a rune of the same length that is not ASCII.
func lowerKeepsBytes(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		l := unicode.ToLower(r)
		if l < utf8.RuneSelf || utf8.RuneLen(l) != size {
			return false
		}
		i += size
	}
	return true
}

// findThe returns the first position p in [i, limit) where s holds
// "the " with t, h and e in any case, or limit if there is none; s must
// hold four bytes from any p before limit.
func findThe(s string, i, limit int) int {
	const folds = 0x2020202020202020
	for ; i < limit && i+11 <= len(s); i += 8 {
		// One bounds check for the eleven bytes read.
		w := s[i : i+11]
		m := zeroBytes((load64(w, 0)|folds)^0x7474747474747474) & // t
			zeroBytes((load64(w, 1)|folds)^0x6868686868686868) & // h
			zeroBytes((load64(w, 2)|folds)^0x6565656565656565) & // e
			zeroBytes(load64(w, 3)^folds) // a space, exactly
		if m != 0 {
			return min(i+bits.TrailingZeros64(m)/8, limit)
		}
	}
	for ; i < limit; i++ {
		if s[i]|0x20 == 't' && hasPrefixFold(s[i:], "the ") {
			return i
		}
	}
	return limit
}

// load64 reads the eight bytes of s from p, the first lowest.
func load64(s string, p int) uint64 {
	s = s[p : p+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// zeroBytes marks with 0x80 exactly the zero bytes of x (no borrow runs
// from one byte into the next).
func zeroBytes(x uint64) uint64 {
	const lo7 = 0x7F7F7F7F7F7F7F7F
	return ^((x&lo7 + lo7) | x | lo7)
}

// hasPrefixFold reports whether s starts with prefix, a lower-case ASCII
// string, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func addAliasOnce(r *doc.Treaty, a string) {
	for _, x := range r.Aliases {
		if strings.EqualFold(x, a) {
			return
		}
	}
	r.Aliases = append(r.Aliases, a)
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

func hasYear(v string) bool {
	if len(v) < 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// genericDescription reports a treaty described rather than named: lower
// case, no proper name in it ("a neutrality pact", "political agreement").
func genericDescription(name string) bool {
	for _, w := range strings.Fields(name) {
		if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			return false
		}
	}
	return true
}

// sameTreaty finds a recorded treaty with the same parties as e and a
// signing date that agrees with e's at the coarser precision.
func sameTreaty(recs []doc.Treaty, e *doc.Event, actors map[string]*doc.Actor) (int, bool) {
	var probe doc.Treaty
	linkEventParties(&probe, e, actors)
	for i, r := range recs {
		if len(probe.Parties) == 0 || !subsetOf(probe.Parties, r.Parties) {
			continue
		}
		a, b := r.Signed, dayPartOf(e.Date.Value)
		if len(a) > len(b) {
			a, b = b, a
		}
		if a != "" && strings.HasPrefix(b, a) {
			return i, true
		}
	}
	return 0, false
}

func dayPartOf(v string) string {
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		return v[:i]
	}
	return v
}

// subsetOf reports whether every element of a is in b.
func subsetOf(a, b []string) bool {
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}
