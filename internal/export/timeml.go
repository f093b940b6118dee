package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/store"
)

// ErrSeveralDocuments is returned when TimeML, one document per file, is
// asked for a store that holds several and no document was chosen.
var ErrSeveralDocuments = errors.New("the store holds several documents and TimeML is one document per file: choose one with --document, or give -o a folder for one .tml file per document")

// TimeML writes one stored document as TimeML: its clean text with every
// temporal expression wrapped in an inline TIMEX3 tag (tid, type, value,
// mod, quant, freq, and temporalFunction="true" for values computed from
// the narrative), inside <TimeML><TEXT>.
// The text between the tags is the document's text exactly, XML-escaped.
func TimeML(ctx context.Context, w io.Writer, st store.Store, o Options) error {
	id := o.Document
	if id == "" {
		list, err := st.Documents(ctx, store.Page{Limit: 2})
		if err != nil {
			return err
		}
		switch list.Total {
		case 0:
			return errors.New("the store holds no document")
		case 1:
			id = list.Documents[0].ID
		default:
			return ErrSeveralDocuments
		}
	}
	d, err := st.LoadDocument(ctx, id)
	if err != nil {
		return err
	}
	return WriteTimeML(w, d)
}

// DocumentIDs lists every stored document id (for one file per document).
func DocumentIDs(ctx context.Context, st store.Store) ([]string, error) {
	var ids []string
	for off := 0; ; off += store.MaxLimit {
		list, err := st.Documents(ctx, store.Page{Limit: store.MaxLimit, Offset: off})
		if err != nil {
			return nil, err
		}
		for _, d := range list.Documents {
			ids = append(ids, d.ID)
		}
		if len(list.Documents) == 0 || off+len(list.Documents) >= list.Total {
			return ids, nil
		}
	}
}

// WriteTimeML writes d as a TimeML document: every temporal expression as
// an inline TIMEX3 and every coded event's trigger word as an inline EVENT;
// after the text, one MAKEINSTANCE per coded event (several events coded
// from one word are several instances of one EVENT) with its polarity and
// modality, and a TLINK saying the instance IS_INCLUDED in the TIMEX3 of
// its sentence that gave its date. A comment before each MAKEINSTANCE names
// the chronicle event (id, PLOVER type, actor and recipient), since TimeML
// has no attribute for them. Tags cannot overlap: a trigger inside a
// temporal expression, or an expression overlapping an earlier one, is left
// untagged, and an event whose trigger is untagged has no instance. Both `chronicle tag --format timeml` (which
// codes no events) and the TimeML export use it.
func WriteTimeML(w io.Writer, d *doc.Document) error {
	tags := timemlTags(d)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString("<TimeML>\n<DOCID>")
	b.WriteString(escapeXML(d.ID))
	b.WriteString("</DOCID>\n<TITLE>")
	b.WriteString(escapeXML(d.Title))
	b.WriteString("</TITLE>\n<TEXT>")
	pos := 0
	for _, t := range tags {
		b.WriteString(escapeXML(d.Text[pos:t.start]))
		if t.timex >= 0 {
			x := d.Timexes[t.timex]
			fmt.Fprintf(&b, `<TIMEX3 tid="t%d" type="%s" value="%s"`, t.n, attr(x.Type), attr(x.Value))
			if x.Mod != "" {
				fmt.Fprintf(&b, ` mod="%s"`, attr(x.Mod))
			}
			if x.Quant != "" {
				fmt.Fprintf(&b, ` quant="%s"`, attr(x.Quant))
			}
			if x.Freq != "" {
				fmt.Fprintf(&b, ` freq="%s"`, attr(x.Freq))
			}
			if x.Anchor != doc.AnchorExplicit && x.Anchor != "" {
				b.WriteString(` temporalFunction="true"`)
			}
			b.WriteString(">")
			b.WriteString(escapeXML(d.Text[t.start:t.end]))
			b.WriteString("</TIMEX3>")
		} else {
			fmt.Fprintf(&b, `<EVENT eid="e%d" class="%s">`, t.n, timemlClass(d.Events[t.events[0]].Type))
			b.WriteString(escapeXML(d.Text[t.start:t.end]))
			b.WriteString("</EVENT>")
		}
		pos = t.end
	}
	b.WriteString(escapeXML(d.Text[pos:]))
	b.WriteString("</TEXT>\n")
	// tid of each tagged temporal expression, by its index in d.Timexes;
	// eid of the EVENT of each coded event, by its index in d.Events.
	tid, eid := make(map[int]int), make(map[int]int)
	for _, t := range tags {
		if t.timex >= 0 {
			tid[t.timex] = t.n
		}
		for _, k := range t.events {
			eid[k] = t.n
		}
	}
	bySent := make(map[int][]int) // timexes by sentence, for datingTimex
	for i, t := range d.Timexes {
		bySent[t.Sentence] = append(bySent[t.Sentence], i)
	}
	ei, lid := 0, 0
	for k, e := range d.Events {
		if eid[k] == 0 {
			continue
		}
		ei++
		fmt.Fprintf(&b, "<!-- ei%d: %s %s%s %s -> %s -->\n", ei, comment(e.ID), comment(e.Type), comment(slashMode(e.Mode)),
			comment(strings.Join(e.Actor, "+")), comment(strings.Join(e.Recipient, "+")))
		polarity := "POS"
		if e.Modality == doc.ModalityNegated {
			polarity = "NEG"
		}
		fmt.Fprintf(&b, `<MAKEINSTANCE eiid="ei%d" eventID="e%d" tense="NONE" aspect="NONE" polarity="%s" pos="UNKNOWN"`, ei, eid[k], polarity)
		if e.Modality == doc.ModalityHypothetical || e.Modality == doc.ModalityDisputed {
			fmt.Fprintf(&b, ` modality="%s"`, attr(e.Modality))
		}
		b.WriteString("/>\n")
		if x := datingTimex(d, bySent[e.Sentence], e); x >= 0 && tid[x] > 0 {
			lid++
			fmt.Fprintf(&b, `<TLINK lid="l%d" eventInstanceID="ei%d" relatedToTime="t%d" relType="IS_INCLUDED"/>`+"\n", lid, ei, tid[x])
		}
	}
	b.WriteString("</TimeML>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// timemlTag is one inline tag: a temporal expression (timex >= 0, the
// index into Document.Timexes) or an event trigger (events: indices into
// Document.Events coded from that word). n numbers tags of each kind.
type timemlTag struct {
	start, end int
	timex      int
	events     []int
	n          int
}

// timemlTags places the inline tags in text order, dropping any that
// overlaps one before it (temporal expressions win over triggers).
func timemlTags(d *doc.Document) []timemlTag {
	var all []timemlTag
	for i, t := range d.Timexes {
		if t.Clean.Start >= 0 && t.Clean.End > t.Clean.Start && t.Clean.End <= len(d.Text) {
			all = append(all, timemlTag{start: t.Clean.Start, end: t.Clean.End, timex: i})
		}
	}
	trig := make(map[[2]int]int) // clean span of a trigger -> its tag in all
	for i, e := range d.Events {
		s, ok := cleanTrigger(d, e)
		if !ok {
			continue
		}
		if k, seen := trig[s]; seen {
			all[k].events = append(all[k].events, i)
			continue
		}
		trig[s] = len(all)
		all = append(all, timemlTag{start: s[0], end: s[1], timex: -1, events: []int{i}})
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].timex >= 0 && all[j].timex < 0
	})
	var out []timemlTag
	pos, nt, ne := 0, 0, 0
	for _, t := range all {
		if t.start < pos {
			continue
		}
		if t.timex >= 0 {
			nt++
			t.n = nt
		} else {
			ne++
			t.n = ne
		}
		out = append(out, t)
		pos = t.end
	}
	return out
}

// cleanTrigger finds an event's trigger in the clean text. Events carry
// byte offsets into the original file; inside the event's sentence the
// clean text is the original minus markup, so the trigger is where its
// offset from the sentence start puts it when the two agree, else its
// first occurrence in the clean sentence.
func cleanTrigger(d *doc.Document, e doc.Event) ([2]int, bool) {
	tr := e.Trigger
	if tr.Text == "" || e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
		return [2]int{}, false
	}
	st := d.Sentences[e.Sentence]
	if st.Clean.End > len(d.Text) || st.Clean.Start < 0 || st.Clean.Start > st.Clean.End {
		return [2]int{}, false
	}
	if off := tr.Start - st.Start; off >= 0 && st.Clean.Start+off+len(tr.Text) <= st.Clean.End {
		if c := st.Clean.Start + off; d.Text[c:c+len(tr.Text)] == tr.Text {
			return [2]int{c, c + len(tr.Text)}, true
		}
	}
	if k := strings.Index(d.Text[st.Clean.Start:st.Clean.End], tr.Text); k >= 0 {
		c := st.Clean.Start + k
		return [2]int{c, c + len(tr.Text)}, true
	}
	return [2]int{}, false
}

// datingTimex is the index of the temporal expression that dated e: the one
// the coder recorded, else the one of e's sentence (inSent, indices into
// d.Timexes) with e's date as value; -1 when the date came from the
// narrative or the section.
func datingTimex(d *doc.Document, inSent []int, e doc.Event) int {
	if e.Date.Timex >= 0 && e.Date.Timex < len(d.Timexes) {
		return e.Date.Timex
	}
	if e.Date.Value == "" || e.Date.Anchor == doc.AnchorSection {
		return -1
	}
	for _, i := range inSent {
		if d.Timexes[i].Value == e.Date.Value {
			return i
		}
	}
	return -1
}

// timemlClass is the TimeML event class of a PLOVER type: speech acts that
// commit, ask or refuse are intensional actions (I_ACTION), accusations are
// reporting, everything else an occurrence.
func timemlClass(typ string) string {
	switch typ {
	case "AGREE", "REQUEST", "REJECT", "THREATEN":
		return "I_ACTION"
	case "ACCUSE":
		return "REPORTING"
	}
	return "OCCURRENCE"
}

func slashMode(m string) string {
	if m == "" {
		return ""
	}
	return "/" + m
}

// comment makes s safe inside an XML comment, which may not contain "--".
func comment(s string) string {
	s = escapeXML(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	return strings.TrimSuffix(s, "-")
}

// escapeXML escapes character data. Characters XML 1.0 forbids (control
// characters other than tab, newline, carriage return) become U+FFFD, so
// the output always parses.
func escapeXML(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;") // a literal CR would be normalised away
		case r < 0x20 && r != '\t' && r != '\n', r == 0xFFFE, r == 0xFFFF, r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func attr(s string) string { return strings.ReplaceAll(escapeXML(s), `"`, "&quot;") }
