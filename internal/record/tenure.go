package record

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// officeWords make a phrase an office ("ambassador", "People's Commissar
// for Foreign Affairs", "chief of the Reichswehr"); ranks alone
// ("General") do not.
var officeWords = map[string]bool{
	"ambassador": true, "minister": true, "commissar": true, "chancellor": true, "president": true,
	"premier": true, "leader": true, "secretary": true, "representative": true, "chief": true, "envoy": true,
	"deputy": true, "agent": true, "commander": true, "consul": true, "chairman": true, "governor": true,
	"head": true, "dictator": true, "king": true, "emperor": true, "chargé": true, "attaché": true,
	"plenipotentiary": true, "spokesman": true, "director": true, "commissioner": true, "mayor": true,
	"ambassadors": true, "foreign-minister": true, "führer": true, "fuhrer": true, "duce": true, "tsar": true,
	"czar": true, "kaiser": true, "pope": true, "viceroy": true, "prime": true,
}

// officeByFirst lists officeWords by their first byte, for officeKey.
var officeByFirst = func() (t [256][]string) {
	for w := range officeWords {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// titleWords may stand inside a title besides office words: capitalised
// words, a few joiners, and lower-case qualifiers.
var titleJoiners = map[string]bool{"of": true, "for": true, "in": true, "to": true, "the": false, "and": true,
	"general": true, "special": true, "trade": true, "foreign": true, "state": true, "deputy": true, "military": true,
	"naval": true, "air": true, "prime": true, "vice": true, "acting": true, "chief": true, "supreme": true,
	"political": true, "first": true, "second": true, "nkvd": true, "party": true}

// hasOffice reports whether a phrase names an office.
func hasOffice(phrase string) bool {
	// Word by word, as strings.Fields of the lower-cased phrase splits it
	// (lower-casing makes and unmakes no space); an ASCII word is
	// lower-cased into a buffer rather than a new string.
	var buf [64]byte
	for i := 0; i < len(phrase); {
		r, size := rune(phrase[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(phrase[i:])
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i + size
		ascii := r < utf8.RuneSelf
		for j < len(phrase) {
			r, size := rune(phrase[j]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(phrase[j:])
				ascii = false
			}
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		w := phrase[i:j]
		i = j
		if !ascii || len(w) > len(buf) {
			lw := strings.ToLower(w)
			if officeWords[strings.Trim(strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s"), ",.()")] {
				return true
			}
			continue
		}
		b := buf[:len(w)]
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[k] = c
		}
		// An ASCII word cannot end in "’s".
		if officeWords[string(bytes.Trim(bytes.TrimSuffix(b, []byte("'s")), ",.()"))] {
			return true
		}
	}
	return false
}

// indexAnchored is strings.Index(s, needle), found by searching for
// needle[k:] (a part with a rarer first byte than a space) and checking
// needle[:k] before it.
func indexAnchored(s, needle string, k int) int {
	pre, anchor := needle[:k], needle[k:]
	for from := k; from <= len(s); {
		j := strings.Index(s[from:], anchor)
		if j < 0 {
			return -1
		}
		j += from
		if s[j-k:j] == pre {
			return j - k
		}
		from = j + 1
	}
	return -1
}

// tenures finds the offices held in d: lists under headings that name an
// office ("German ambassadors to Moscow") and offices stated in prose.
func tenures(d *doc.Document) []doc.Tenure {
	pb := newPersonBook(d)
	out := listTenures(d, pb)
	out = append(out, proseTenures(d, pb)...)
	out = mergeTenures(out)
	closeByEvents(d, pb, out)
	return out
}

// closeByEvents ends an open tenure where the events report its holder
// dismissed, resigning or replaced ("On May 3, 1939, Litvinov was
// dismissed"): the event's date, if it is at least to the month and not
// before the tenure's start.
func closeByEvents(d *doc.Document, pb *personBook, ts []doc.Tenure) {
	for _, e := range d.Events {
		if e.Type != "RETREAT" || e.Modality != doc.ModalityAsserted || (e.Mode != "resign" && e.Subtype != "official.dismissed") {
			continue
		}
		if p := Precision(e.Date.Value); p != "day" && p != "month" {
			continue
		}
		for _, id := range allIDs(e.Actor, e.Recipient) {
			a, ok := pb.actors[id]
			if !ok || a.Kind != doc.KindPerson {
				continue
			}
			// The actor's name split once; the names compared last, as
			// the cheap tests turn most tenures down.
			an := newPersonName(a.Name)
			for i := range ts {
				t := &ts[i]
				if t.End != "" || t.Start > e.Date.Value || !newPersonName(t.Person).same(an) {
					continue
				}
				t.End = dayPart(e.Date.Value)
			}
		}
	}
}

// Precision names the granularity of a date value (year, month, day …).
func Precision(v string) string {
	v = dayPart(v)
	switch {
	case len(v) == 10:
		return "day"
	case len(v) == 7 && v[5] >= '0' && v[5] <= '9':
		return "month"
	case len(v) == 4 && hasYear(v):
		return "year"
	}
	return ""
}

func dayPart(v string) string {
	if i := strings.IndexByte(v, 'T'); i >= 0 {
		return v[:i]
	}
	return v
}

// personBook names persons by their mentions.
type personBook struct {
	d      *doc.Document
	actors map[string]*doc.Actor // into d.Actors
	ms, ts *spanIndex
}

func newPersonBook(d *doc.Document) *personBook {
	pb := &personBook{d: d, actors: actorIndex(d)}
	pb.ms = newSpanIndex(len(d.Mentions), func(i int) int { return d.Mentions[i].Clean.Start }, func(i int) int { return d.Mentions[i].Clean.End })
	pb.ts = newSpanIndex(len(d.Timexes), func(i int) int { return d.Timexes[i].Clean.Start }, func(i int) int { return d.Timexes[i].Clean.End })
	return pb
}

// actorIndex maps the actors of d by id (the last of an id wins).
func actorIndex(d *doc.Document) map[string]*doc.Actor {
	m := make(map[string]*doc.Actor, len(d.Actors))
	for i := range d.Actors {
		m[d.Actors[i].ID] = &d.Actors[i]
	}
	return m
}

// name returns the canonical name of a mention's actor, or its text.
func (pb *personBook) name(mi int) string {
	m := pb.d.Mentions[mi]
	if a, ok := pb.actors[m.Actor]; ok && a.Name != "" {
		return a.Name
	}
	return m.Text
}

// stateName is the code of a state actor or the name of an organisation.
func (pb *personBook) stateOf(mi int) string {
	m := pb.d.Mentions[mi]
	if m.State != "" {
		return m.State
	}
	if m.Kind == doc.KindState {
		return m.Actor
	}
	if m.Kind == doc.KindOrganization {
		if a, ok := pb.actors[m.Actor]; ok {
			return a.Name
		}
		return m.Text
	}
	return ""
}

// spanIndex finds annotations by clean offset without scanning them all:
// their indexes sorted by start.
// The starts and ends are copied in that order, so that a search reads
// plain integers.
type spanIndex struct {
	order      []int32
	starts, ed []int32
}

func newSpanIndex(n int, start, end func(i int) int) *spanIndex {
	ix := &spanIndex{order: make([]int32, n), starts: make([]int32, n), ed: make([]int32, n)}
	sorted := true
	for i := range ix.order {
		ix.order[i] = int32(i)
		if i > 0 && start(i) < start(i-1) {
			sorted = false
		}
	}
	if !sorted {
		// Annotations usually come in text order already.
		sort.SliceStable(ix.order, func(a, b int) bool { return start(int(ix.order[a])) < start(int(ix.order[b])) })
	}
	for k, i := range ix.order {
		ix.starts[k], ix.ed[k] = int32(start(int(i))), int32(end(int(i)))
	}
	return ix
}

// in returns the annotations whose span lies in [lo, hi), in text order.
func (ix *spanIndex) in(lo, hi int) []int { return ix.appendIn(nil, lo, hi) }

// appendIn appends to dst the annotations whose span lies in [lo, hi),
// in text order.
func (ix *spanIndex) appendIn(dst []int, lo, hi int) []int {
	k := ix.first(lo)
	for ; k < len(ix.starts) && int(ix.starts[k]) < hi; k++ {
		if int(ix.ed[k]) <= hi {
			dst = append(dst, int(ix.order[k]))
		}
	}
	return dst
}

// first returns the first position of the index whose start is lo or
// after.
func (ix *spanIndex) first(lo int) int {
	a, b := 0, len(ix.starts)
	for a < b {
		h := int(uint(a+b) >> 1)
		if int(ix.starts[h]) < lo {
			a = h + 1
		} else {
			b = h
		}
	}
	return a
}

// mentionsIn returns the mentions whose clean span lies in [lo, hi).
func (pb *personBook) mentionsIn(lo, hi int) []int { return pb.ms.in(lo, hi) }

// listTenures reads office lists: a heading ParseHeading accepts followed
// by list items naming holders.
func listTenures(d *doc.Document, pb *personBook) []doc.Tenure {
	var out []doc.Tenure
	for bi, b := range d.Blocks {
		if b.Kind != doc.BlockHeading {
			continue
		}
		h, ok := ParseHeading(b.Text)
		if !ok {
			continue
		}
		// whose office: a state mention in the heading's "of" part
		state := ""
		headingMs := pb.mentionsIn(b.Clean.Start, b.Clean.End)
		textOff := strings.Index(d.Text[b.Clean.Start:b.Clean.End], b.Text)
		if textOff < 0 {
			textOff = 0
		}
		base := b.Clean.Start + textOff
		for _, mi := range headingMs {
			m := d.Mentions[mi]
			if h.Of != "" && m.Clean.Start >= base+h.OfSpan[0] && m.Clean.End <= base+h.OfSpan[1] {
				state = pb.stateOf(mi)
				break
			}
		}
		if state == "" {
			for _, mi := range headingMs {
				m := d.Mentions[mi]
				inPost := h.Post != "" && m.Clean.Start >= base+h.PostSpan[0]
				if !inPost && pb.stateOf(mi) != "" {
					state = pb.stateOf(mi)
					break
				}
			}
		}
		office := h.Office
		if h.Of != "" {
			office = h.Of + " " + office
		}
		if h.Post != "" {
			office += " to " + h.Post
		}
		for li := bi + 1; li < len(d.Blocks); li++ {
			it := d.Blocks[li]
			if it.Kind == doc.BlockHeading || it.Kind == doc.BlockTitle {
				break
			}
			if it.Kind != doc.BlockListItem {
				continue
			}
			text := d.Text[it.Clean.Start:it.Clean.End]
			e, ok := ParseListEntry(text)
			if !ok {
				continue
			}
			person := e.Name
			// the canonical name of a person mention over the name
			for _, mi := range pb.mentionsIn(it.Clean.Start+e.NameSpan[0], it.Clean.Start+e.NameSpan[1]) {
				if d.Mentions[mi].Kind == doc.KindPerson {
					person = pb.name(mi)
					break
				}
			}
			span := d.RawSpan(it.Clean)
			out = append(out, doc.Tenure{
				Document: d.ID, Person: person, Office: office, State: state,
				Start: e.Start, End: e.End, Source: "list",
				Evidence: doc.Evidence{Span: span, Text: d.Raw[span.Start:span.End]},
			})
		}
	}
	return out
}

// timexIn returns the first usable date timex in [lo, hi), or "".
func (pb *personBook) timexIn(lo, hi int) string {
	// The first timex from lo on that ends by hi, in text order.
	k := pb.ts.first(lo)
	for ; k < len(pb.ts.starts) && int(pb.ts.starts[k]) < hi; k++ {
		if int(pb.ts.ed[k]) > hi {
			continue
		}
		t := &pb.d.Timexes[pb.ts.order[k]]
		if (t.Type == "DATE" || t.Type == "") && hasYear(t.Value) {
			v := t.Value
			if i := strings.IndexByte(v, 'T'); i >= 0 {
				v = v[:i]
			}
			return v
		}
	}
	return ""
}

// proseTenures reads offices stated in prose around person mentions:
//
//	People's Commissar for Foreign Affairs Georgy Chicherin   (title before)
//	Hans von Seeckt, chief of the Reichswehr                   (apposition after)
//	the German ambassador to Moscow, Wilhelm von Mirbach       (apposition before)
//	Konstantin von Neurath (foreign minister from 1932 to 1938)
//	Maxim Litvinov, who had been People's Commissar … since 1930
//	the Communist Party of Germany (KPD) under Ernst Thälmann  (leader)
//	The Nationalists led by General Francisco Franco           (leader)
//	forces of the USSR under the command of Kliment Voroshilov (commander)
//	Adolf Hitler came to power on January 30, 1933             (head of government)
//	A was replaced by B as commander of the front on <date>    (B from, A until)
func proseTenures(d *doc.Document, pb *personBook) []doc.Tenure {
	var out []doc.Tenure
	var msBuf []int // the sentence's mentions, reused sentence after sentence
	for si, s := range d.Sentences {
		if s.Block >= 0 && s.Block < len(d.Blocks) && d.Blocks[s.Block].Kind != doc.BlockParagraph {
			continue
		}
		msBuf = pb.ms.appendIn(msBuf[:0], s.Clean.Start, s.Clean.End)
		ms := msBuf
		// " led by " is looked for before every name; most sentences
		// have none. It is looked for once, at the first name that
		// asks (most sentences name no person).
		ledBy, ledByKnown := false, false
		hasLedBy := func() bool {
			if !ledByKnown {
				ledBy, ledByKnown = indexAnchored(d.Text[s.Clean.Start:s.Clean.End], " led by ", len(" led ")) >= 0, true
			}
			return ledBy
		}
		_ = si
		for k, mi := range ms {
			m := d.Mentions[mi]
			if m.Kind != doc.KindPerson {
				continue
			}
			left := d.Text[s.Clean.Start:m.Clean.Start]
			right := d.Text[m.Clean.End:s.Clean.End]
			add := func(office, state, start, end string) {
				office = strings.TrimSpace(strings.Trim(office, ", "))
				if office == "" {
					return
				}
				if state == "" {
					state = pb.stateOf(mi)
				}
				out = append(out, doc.Tenure{Document: d.ID, Person: pb.name(mi), Office: office, State: state,
					Start: start, End: end, Source: "prose", Evidence: doc.Evidence{Span: s.Span, Text: s.Text}})
			}
			stateIn := func(lo, hi int) string {
				for _, x := range ms {
					xm := d.Mentions[x]
					if x != mi && xm.Clean.Start >= lo && xm.Clean.End <= hi && xm.Kind != doc.KindPerson {
						if st := pb.stateOf(x); st != "" {
							return st
						}
					}
				}
				return ""
			}
			// came to power
			if strings.HasPrefix(right, " came to power") || strings.HasPrefix(right, " seized power") || strings.HasPrefix(right, " took power") {
				end := m.Clean.End + len(" came to power") + 30
				add("head of government", "", pb.timexIn(m.Clean.End, min(end, s.Clean.End)), "")
				continue
			}
			// (office from A to B)
			if strings.HasPrefix(right, " (") {
				if j := strings.IndexByte(right, ')'); j > 0 {
					inner := right[2:j]
					if hasOffice(inner) {
						off := inner
						start, end := "", ""
						if i := strings.Index(inner, " from "); i >= 0 {
							off = inner[:i]
							lo := m.Clean.End + 2 + i
							start = pb.timexIn(lo, m.Clean.End+2+j)
							if k2 := strings.Index(inner[i:], " to "); k2 >= 0 {
								end = pb.timexIn(lo+k2, m.Clean.End+2+j)
							}
						} else if i := strings.Index(inner, " since "); i >= 0 {
							off = inner[:i]
							start = pb.timexIn(m.Clean.End+2+i, m.Clean.End+2+j)
						}
						add(off, stateIn(m.Clean.End, m.Clean.End+2+j), start, end)
						continue
					}
				}
			}
			// , who had been OFFICE … since DATE
			if strings.HasPrefix(right, ", who had been ") || strings.HasPrefix(right, ", who was ") || strings.HasPrefix(right, ", who has been ") {
				rest := right[strings.Index(right, "been ")+5:]
				if strings.HasPrefix(right, ", who was ") {
					rest = right[len(", who was "):]
				}
				stop := strings.IndexAny(rest, ",;")
				if stop < 0 {
					stop = len(rest)
				}
				phrase := rest[:stop]
				if hasOffice(phrase) {
					start := ""
					off := phrase
					if i := strings.Index(phrase, " since "); i >= 0 {
						off = phrase[:i]
						lo := s.Clean.End - len(rest) + i
						start = pb.timexIn(lo, lo+len(phrase)-i)
					}
					if i := strings.Index(off, " ("); i >= 0 {
						off = off[:i]
					}
					add(off, stateIn(m.Clean.End, m.Clean.End+len(right)-len(rest)+stop), start, "")
					continue
				}
			}
			// , (the|an) OFFICE …,
			if strings.HasPrefix(right, ", ") {
				rest := right[2:]
				stop := strings.IndexAny(rest, ",;.)(")
				if stop < 0 {
					stop = len(rest)
				}
				phrase := rest[:stop]
				lw := strings.ToLower(phrase)
				words := strings.Fields(lw)
				if len(words) > 0 && len(words) <= 9 && hasOffice(strings.Join(words[:min(len(words), 5)], " ")) && !strings.HasPrefix(lw, "who ") && !strings.HasPrefix(lw, "and ") && !strings.HasPrefix(lw, "which ") && noVerb(words) {
					off := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(phrase, "the "), "an "), "a ")
					lo := m.Clean.End + 2
					add(off, stateIn(lo, lo+stop), "", dateAfterDefected(pb, s, m, right))
					continue
				}
			}
			// under the command of X: in command at the sentence's date
			if strings.HasSuffix(left, "under the command of ") {
				subj := strings.TrimSuffix(left, "under the command of ")
				add("commander of "+lastPhrase(subj), stateIn(s.Clean.Start, m.Clean.Start), pb.timexIn(s.Clean.Start, s.Clean.End), "")
				continue
			}
			// X under Y / X led by (General) Y
			if strings.HasSuffix(left, " under ") || strings.HasSuffix(left, " led by ") || hasLedBy() && hasRankBefore(left, " led by ") {
				cut := strings.LastIndex(left, " under ")
				if i := strings.LastIndex(left, " led by "); i > cut {
					cut = i
				}
				if k == 0 || d.Mentions[ms[k-1]].Clean.End > s.Clean.Start+cut || s.Clean.Start+cut-d.Mentions[ms[k-1]].Clean.End > 8 {
					// "The Nationalists led by …" with no actor named:
					// the capitalised phrase before the cue
					if what := capitalPhrase(left[:cut]); what != "" && strings.Contains(left[cut:], "led by") {
						add("leader of the "+what, "", "", "")
						continue
					}
				}
				if k > 0 {
					pm := ms[k-1]
					pmM := d.Mentions[pm]
					if pmM.Clean.End <= s.Clean.Start+cut && s.Clean.Start+cut-pmM.Clean.End <= 8 && pmM.Kind != doc.KindPerson {
						what := d.Text[pmM.Clean.Start:pmM.Clean.End]
						if strings.HasPrefix(d.Text[pmM.Clean.End:], " (") {
							if j := strings.IndexByte(d.Text[pmM.Clean.End:s.Clean.End], ')'); j > 0 && pmM.Clean.End+j < s.Clean.Start+cut+1 {
								what = d.Text[pmM.Clean.Start : pmM.Clean.End+j+1]
							}
						}
						state := pb.stateOf(pm)
						if pmM.Kind == doc.KindOrganization || pmM.Kind == doc.KindGroup {
							if ps := pb.stateOf(mi); ps != "" {
								state = ps
							}
						}
						add("leader of "+strings.TrimPrefix(what, "the "), state, "", "")
						continue
					}
				}
			}
			// title before: "Soviet Ambassador Nikolay Krestinsky",
			// "Litvinov's deputy Vladimir Potemkin"
			if title, tlo := titleBefore(left); title != "" {
				state := stateIn(s.Clean.Start+tlo, m.Clean.Start)
				add(title, state, "", "")
				continue
			}
			// "the German ambassador to Moscow, Wilhelm von Mirbach"
			if strings.HasSuffix(left, ", ") {
				l2 := strings.TrimSuffix(left, ", ")
				i := strings.LastIndex(strings.ToLower(l2), "the ")
				if i >= 0 && (i == 0 || l2[i-1] == ' ') {
					phrase := l2[i+4:]
					if len(strings.Fields(phrase)) <= 7 && hasOffice(phrase) && !strings.ContainsAny(phrase, ",;") {
						add(phrase, stateIn(s.Clean.Start+i, m.Clean.Start), "", "")
						continue
					}
				}
			}
		}
		out = append(out, replacements(d, pb, s, ms)...)
	}
	return out
}

// noVerb reports whether an apposition's words hold no finite verb (so
// ", who had been" and ", was dismissed" are not offices).
func noVerb(words []string) bool {
	for _, w := range words {
		switch w {
		case "was", "were", "had", "has", "is", "are", "did", "would", "said", "told":
			return false
		}
	}
	return true
}

// dateAfterDefected gives the end of an office its holder left: "an NKVD
// agent, who defected … in 1937".
func dateAfterDefected(pb *personBook, s doc.Sentence, m doc.Mention, right string) string {
	for _, v := range []string{"who defected", "who resigned", "who was dismissed", "who fled"} {
		if i := strings.Index(right, v); i >= 0 {
			lo := m.Clean.End + i
			stop := strings.IndexAny(right[i:], ",;")
			hi := s.Clean.End
			if stop >= 0 {
				hi = lo + stop
			}
			return pb.timexIn(lo, hi)
		}
	}
	return ""
}

// hasRankBefore reports "led by General " style rank words between "led
// by" and the name.
func hasRankBefore(left, cue string) bool {
	i := strings.LastIndex(left, cue)
	if i < 0 {
		return false
	}
	rest := strings.TrimSpace(left[i+len(cue):])
	if rest == "" {
		return true
	}
	return len(strings.Fields(rest)) <= 2 && isCapWords(rest)
}

func isCapWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// lastPhrase returns the last noun phrase of s ("forces of the USSR").
func lastPhrase(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, ",;"); i >= 0 {
		s = strings.TrimSpace(s[i+1:])
	}
	ws := strings.Fields(s)
	// from the last article or preposition-less start
	for i := len(ws) - 1; i >= 0; i-- {
		switch strings.ToLower(ws[i]) {
		case "attacked", "by", "when", "and", "on", "in":
			return strings.Join(ws[i+1:], " ")
		}
		if len(ws)-i > 6 {
			return strings.Join(ws[i:], " ")
		}
	}
	return strings.Join(ws, " ")
}

// titleBefore returns the title written right before a name ("Soviet
// Ambassador", "People's Commissar for Foreign Affairs", "Soviet trade
// representative in Berlin", "Litvinov's deputy") and its offset in left,
// or "" when the words before the name hold no office.
func titleBefore(left string) (string, int) {
	if !strings.HasSuffix(left, " ") || strings.HasSuffix(left, ", ") || strings.HasSuffix(left, "( ") {
		return "", 0
	}
	// The words must run up to the name with single spaces. They are read
	// backwards from the name, as far as the title can reach, so a long
	// sentence is not split into words for every name in it.
	var buf [16]word
	ws := buf[:0] // the title's words, last first
	last, ok := lastWord(left, len(left))
	if !ok || last.end != len(left)-1 {
		return "", 0
	}
	var lbuf [32]byte
	for w := last; ; {
		lw := lowerBytes(lbuf[:0], w.text)
		cap := w.text[0] >= 'A' && w.text[0] <= 'Z'
		switch string(lw) {
		case "the", "a", "an", "his", "her", "their", "its":
			goto done
		}
		if !cap && !officeWords[string(lw)] && !titleJoiners[string(lw)] && !bytes.HasSuffix(lw, []byte("'s")) && !bytes.HasSuffix(lw, []byte("’s")) {
			break
		}
		if l := string(lw); l == "and" || l == "of" || l == "for" || l == "in" || l == "to" {
			if len(ws) == 0 {
				break
			}
		}
		ws = append(ws, w)
		prev, ok := lastWord(left, w.start)
		if !ok || w.start-prev.end != 1 {
			break // punctuation between
		}
		w = prev
	}
done:
	if len(ws) == 0 {
		ws = append(ws, last) // the word before the name is tried even so
	}
	for len(ws) > 0 && joinerOnly[string(lowerBytes(lbuf[:0], ws[len(ws)-1].text))] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return "", 0
	}
	first := ws[len(ws)-1]
	title := left[first.start:last.end]
	if !hasOffice(title) {
		return "", 0
	}
	// a sentence-initial "According" and the like are not titles
	if containsFoldASCII(title, " and ") {
		return "", 0
	}
	return title, first.start
}

// lowerBytes appends strings.ToLower(s) to dst, without a new string when
// s is ASCII.
func lowerBytes(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// containsFoldASCII is strings.Contains(strings.ToLower(s), sub) for a
// lower-case ASCII sub of spaces and the letters a, d, n (" and "): no
// rune but an ASCII one lower-cases to one of those, so the match is on
// the bytes of s, ASCII case folded.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFold(s[i:], sub) {
			return true
		}
	}
	return false
}

// lastWord returns the last word of s[:end] as splitWords would split s:
// the last run of name runes, read backwards.
func lastWord(s string, end int) (word, bool) {
	j := end
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if isNameRune(r) {
			break
		}
		j -= w
	}
	if j == 0 {
		return word{}, false
	}
	i := j
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if !isNameRune(r) {
			break
		}
		i -= w
	}
	return word{s[i:j], i, j}, true
}

// replacements reads "A was replaced by B as OFFICE on DATE (and four
// months later as OFFICE2)": B holds each office from its date, A until
// it.
func replacements(d *doc.Document, pb *personBook, s doc.Sentence, ms []int) []doc.Tenure {
	var out []doc.Tenure
	text := s.Text
	// Two persons are needed (one each side of the cue): most sentences
	// are turned down before the cue is looked for.
	persons := 0
	for _, mi := range ms {
		if d.Mentions[mi].Kind == doc.KindPerson {
			persons++
		}
	}
	if persons < 2 {
		return nil
	}
	i := indexAnchored(text, " was replaced by ", len(" was replaced "))
	if i < 0 {
		return nil
	}
	base := s.Clean.Start
	var a, b = -1, -1
	for _, mi := range ms {
		m := d.Mentions[mi]
		if m.Kind != doc.KindPerson {
			continue
		}
		if m.Clean.End <= base+i {
			a = mi
		} else if b < 0 && m.Clean.Start >= base+i {
			b = mi
		}
	}
	if a < 0 || b < 0 {
		return nil
	}
	after := d.Text[d.Mentions[b].Clean.End:s.Clean.End]
	off := 0
	for {
		j := strings.Index(after[off:], " as ")
		if j < 0 {
			break
		}
		j += off
		rest := after[j+4:]
		stop := len(rest)
		for _, sep := range []string{" on ", " in ", ")", ",", ";"} {
			if k := strings.Index(rest, sep); k >= 0 && k < stop {
				stop = k
			}
		}
		office := strings.TrimPrefix(rest[:stop], "the ")
		if !hasOffice(office) {
			off = j + 4
			continue
		}
		// the date: a timex after the office, else one between "(and" and "as"
		lo := d.Mentions[b].Clean.End + j + 4 + stop
		hi := lo + 40
		if k := strings.IndexAny(d.Text[lo:min(s.Clean.End, hi)], ";()"); k >= 0 {
			hi = lo + k
		}
		date := pb.timexIn(lo, min(hi, s.Clean.End))
		if date == "" {
			back := d.Mentions[b].Clean.End + j
			from := back - 30
			if p := strings.LastIndex(d.Text[max(from, base):back], "("); p >= 0 {
				date = pb.timexIn(max(from, base)+p, back)
			}
		}
		ev := doc.Evidence{Span: s.Span, Text: s.Text}
		out = append(out,
			doc.Tenure{Document: d.ID, Person: pb.name(b), Office: office, State: pb.stateOf(b), Start: date, Source: "prose", Evidence: ev},
			doc.Tenure{Document: d.ID, Person: pb.name(a), Office: office, State: pb.stateOf(a), End: date, Source: "prose", Evidence: ev})
		off = j + 4 + stop
	}
	return out
}

// officeKey is the office's head word, for telling one office of a
// person from another.
func officeKey(office string) string {
	l := strings.ToLower(office)
	best := firstOfficeWord(l)
	if strings.Contains(l, "embassy") || strings.Contains(l, "legation") {
		return "ambassador" // the head of an embassy
	}
	switch best {
	case "head", "leader", "dictator", "führer", "fuhrer", "duce", "chancellor", "premier", "prime":
		return "leader"
	case "minister", "commissar", "foreign-minister", "secretary":
		if strings.Contains(l, "foreign") {
			return "foreign"
		}
		if strings.Contains(l, "defen") {
			return "defence"
		}
	}
	return best
}

// firstOfficeWord returns the office word found first in l, the longest
// of those found there, or "". The words are tried at each byte of l in
// turn, only those that start with that byte (was: strings.Index of
// every word, walking the map).
func firstOfficeWord(l string) string {
	best := ""
	for p := 0; p < len(l) && best == ""; p++ {
		for _, w := range officeByFirst[l[p]] {
			if len(w) > len(best) && strings.HasPrefix(l[p:], w) {
				best = w
			}
		}
	}
	return best
}

// personName is a person's name as personName.same compares it: the whole,
// and its first and last words.
type personName struct {
	whole, first, last string
	n                  int // words: 0, 1 or 2 for more
}

func newPersonName(s string) personName {
	p := personName{whole: s}
	p.first, p.last, p.n = edgeFields(s)
	return p
}

// same compares two names of a person loosely: equal, or the same
// surname.
func (a personName) same(b personName) bool {
	if strings.EqualFold(a.whole, b.whole) {
		return true
	}
	if a.n == 0 || b.n == 0 {
		return false
	}
	return strings.EqualFold(a.last, b.last) && (a.n == 1 || b.n == 1 || strings.EqualFold(a.first[:1], b.first[:1]))
}

// edgeFields returns the first and last of strings.Fields(s), and whether
// there are none, one or more (n is 0, 1 or 2), without splitting the rest.
func edgeFields(s string) (first, last string, n int) {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s == "" {
		return "", "", 0
	}
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, s, 1
	}
	j := strings.LastIndexFunc(s, unicode.IsSpace)
	_, w := utf8.DecodeRuneInString(s[j:])
	return s[:i], s[j+w:], 2
}

// mergeTenures folds together the tenures of one person in one office
// (by the office's head word, and state when both know it): the list entry
// or the first statement is kept, later statements fill its dates.
func mergeTenures(ts []doc.Tenure) []doc.Tenure {
	if len(ts) == 0 {
		return nil // as before: no list at all
	}
	out := make([]doc.Tenure, 0, len(ts))
	names := make([]personName, 0, len(ts)) // names[i] is out[i].Person
	// keys[i] is officeKey(out[i].Office) once keyed[i]: made only when
	// a holder's names match (officeKey walks every office word).
	keys := make([]string, 0, len(ts))
	keyed := make([]bool, 0, len(ts))
	for _, t := range ts {
		merged := false
		tn := newPersonName(t.Person)
		tk, tkOK := "", false
		for i := range out {
			o := &out[i]
			if !names[i].same(tn) {
				continue
			}
			if o.State != "" && t.State != "" && o.State != t.State {
				continue
			}
			if !tkOK {
				tk, tkOK = officeKey(t.Office), true
			}
			if !keyed[i] {
				keys[i], keyed[i] = officeKey(o.Office), true
			}
			if keys[i] != tk {
				continue
			}
			if o.Start == "" {
				o.Start = t.Start
			}
			if o.End == "" {
				o.End = t.End
			}
			if o.State == "" {
				o.State = t.State
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, t)
			names = append(names, tn)
			keys = append(keys, tk)
			keyed = append(keyed, tkOK)
		}
	}
	return out
}

// joinerOnly are the words a title does not start with.
var joinerOnly = map[string]bool{"of": true, "for": true, "in": true, "to": true, "and": true}

// capitalPhrase returns the last run of capitalised words of s, without a
// leading article ("The Nationalists" → "Nationalists").
func capitalPhrase(s string) string {
	ws := strings.Fields(s)
	i := len(ws)
	for i > 0 && ws[i-1] != "" && ws[i-1][0] >= 'A' && ws[i-1][0] <= 'Z' && len(ws)-i < 4 {
		i--
	}
	out := ws[i:]
	if len(out) > 0 && (out[0] == "The" || out[0] == "A") {
		out = out[1:]
	}
	return strings.Join(out, " ")
}
