// Package synth makes synthetic chronicle documents: text with every
// annotation layer filled in and consistent with it (offsets point at the
// words they annotate). Tests use its Builder to write small documents
// whose right answers are known; benchmarks use Corpus to make as many
// events as a load test needs (a million and more) without a real pipeline.
package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Builder assembles one document sentence by sentence. Sentence text may
// mark actor mentions as [surface|actorID] and temporal expressions as
// {surface|VALUE}; the marks are removed and become annotations.
type Builder struct {
	d         *doc.Document
	b         strings.Builder
	actors    map[string]doc.Actor
	order     []string
	paraStart int
	paraSents []int
	section   int
}

// NewBuilder starts a document with a title (a level-1 section).
func NewBuilder(path, title string) *Builder {
	bl := &Builder{d: &doc.Document{ID: docID(path), Path: path, Title: title, Format: doc.FormatPlain}, actors: map[string]doc.Actor{}}
	bl.b.WriteString(title + "\n\n")
	bl.d.Blocks = append(bl.d.Blocks, doc.Block{Kind: doc.BlockTitle, Span: doc.Span{Start: 0, End: len(title)}, Text: title, Level: 1})
	bl.d.Sections = append(bl.d.Sections, doc.Section{Level: 1, Title: title, Path: []string{title}, Parent: -1,
		Heading: doc.Span{Start: 0, End: len(title)}})
	bl.d.Sentences = append(bl.d.Sentences, doc.Sentence{Span: doc.Span{Start: 0, End: len(title)}, Text: title, Block: 0})
	bl.paraStart = -1
	return bl
}

func docID(path string) string {
	base := path
	if i := strings.LastIndexByte(base, '/'); i >= 0 {
		base = base[i+1:]
	}
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return strings.ToLower(base)
}

// Actor registers an actor the document's mentions may name.
func (bl *Builder) Actor(a doc.Actor) *Builder {
	if _, ok := bl.actors[a.ID]; !ok {
		bl.order = append(bl.order, a.ID)
	}
	bl.actors[a.ID] = a
	return bl
}

// Heading starts a level-2 section.
func (bl *Builder) Heading(title string) *Builder {
	bl.endParagraph()
	start := bl.b.Len()
	bl.b.WriteString(title + "\n\n")
	end := start + len(title)
	bl.closeSections(start)
	bl.d.Sections = append(bl.d.Sections, doc.Section{Level: 2, Title: title, Path: []string{bl.d.Title, title}, Parent: 0,
		Span: doc.Span{Start: start}, Heading: doc.Span{Start: start, End: end}})
	bl.section = len(bl.d.Sections) - 1
	bl.d.Blocks = append(bl.d.Blocks, doc.Block{Kind: doc.BlockHeading, Span: doc.Span{Start: start, End: end}, Text: title, Level: 2, Section: bl.section})
	bl.d.Sentences = append(bl.d.Sentences, doc.Sentence{Span: doc.Span{Start: start, End: end}, Text: title, Block: len(bl.d.Blocks) - 1, Section: bl.section})
	return bl
}

func (bl *Builder) closeSections(at int) {
	for i := 1; i < len(bl.d.Sections); i++ {
		if bl.d.Sections[i].End == 0 {
			bl.d.Sections[i].End = at
		}
	}
}

// Paragraph ends the current paragraph; the next sentence starts another.
func (bl *Builder) Paragraph() *Builder {
	bl.endParagraph()
	return bl
}

func (bl *Builder) endParagraph() {
	if bl.paraStart < 0 {
		return
	}
	end := bl.b.Len()
	text := bl.b.String()[bl.paraStart:end]
	bl.d.Blocks = append(bl.d.Blocks, doc.Block{Kind: doc.BlockParagraph, Span: doc.Span{Start: bl.paraStart, End: end}, Text: text, Section: bl.section})
	for _, i := range bl.paraSents {
		bl.d.Sentences[i].Block = len(bl.d.Blocks) - 1
	}
	bl.b.WriteString("\n\n")
	bl.paraStart, bl.paraSents = -1, nil
}

// Sentence appends a sentence (with marks) and returns its index.
func (bl *Builder) Sentence(marked string) int {
	if bl.paraStart < 0 {
		bl.paraStart = bl.b.Len()
	} else {
		bl.b.WriteByte(' ')
	}
	idx := len(bl.d.Sentences)
	start := bl.b.Len()
	for i := 0; i < len(marked); {
		c := marked[i]
		if c != '[' && c != '{' {
			bl.b.WriteByte(c)
			i++
			continue
		}
		closeCh := byte(']')
		if c == '{' {
			closeCh = '}'
		}
		j := strings.IndexByte(marked[i:], closeCh)
		bar := strings.IndexByte(marked[i:], '|')
		if j < 0 || bar < 0 || bar > j {
			bl.b.WriteByte(c)
			i++
			continue
		}
		surface, tag := marked[i+1:i+bar], marked[i+bar+1:i+j]
		s := bl.b.Len()
		bl.b.WriteString(surface)
		sp := doc.Span{Start: s, End: s + len(surface)}
		if c == '[' {
			a := bl.actors[tag]
			bl.d.Mentions = append(bl.d.Mentions, doc.Mention{Span: sp, Clean: sp, Text: surface, Actor: tag, Kind: a.Kind,
				State: firstNonEmpty(a.Code, a.State), Via: "name", Sentence: idx})
		} else {
			typ := "DATE"
			if strings.HasPrefix(tag, "P") {
				typ = "DURATION"
			}
			bl.d.Timexes = append(bl.d.Timexes, doc.Timex{Span: sp, Clean: sp, Text: surface, Type: typ, Value: tag,
				Anchor: doc.AnchorExplicit, Sentence: idx})
		}
		i += j + 1
	}
	end := bl.b.Len()
	sp := doc.Span{Start: start, End: end}
	bl.d.Sentences = append(bl.d.Sentences, doc.Sentence{Span: sp, Clean: sp, Text: bl.b.String()[start:end], Section: bl.section})
	bl.paraSents = append(bl.paraSents, idx)
	return idx
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// SentenceEvidence is the evidence span of sentence i.
func (bl *Builder) SentenceEvidence(i int) doc.Evidence {
	s := bl.d.Sentences[i]
	return doc.Evidence{Span: s.Span, Text: s.Text}
}

// Event adds an event; an empty ID is numbered, empty evidence is the
// sentence's, and the trigger is found in the sentence when given as text.
func (bl *Builder) Event(e doc.Event) *Builder {
	if e.ID == "" {
		e.ID = fmt.Sprintf("e%d", len(bl.d.Events)+1)
	}
	if e.Evidence.Text == "" {
		e.Evidence = bl.SentenceEvidence(e.Sentence)
	}
	if e.Trigger.Text != "" && e.Trigger.End == 0 {
		s := bl.d.Sentences[e.Sentence]
		if k := strings.Index(s.Text, e.Trigger.Text); k >= 0 {
			e.Trigger.Start, e.Trigger.End = s.Start+k, s.Start+k+len(e.Trigger.Text)
		}
	}
	if e.Modality == "" {
		e.Modality = doc.ModalityAsserted
	}
	if e.Date.Anchor == "" {
		e.Date.Anchor = doc.AnchorExplicit
	}
	if e.Quantities == nil {
		e.Quantities = []doc.Quantity{}
	}
	bl.d.Events = append(bl.d.Events, e)
	return bl
}

// Treaty adds a treaty record; empty evidence is sentence's.
func (bl *Builder) Treaty(t doc.Treaty, sentence int) *Builder {
	if t.ID == "" {
		t.ID = fmt.Sprintf("t%d", len(bl.d.Treaties)+1)
	}
	if t.Evidence.Text == "" {
		t.Evidence = bl.SentenceEvidence(sentence)
	}
	bl.d.Treaties = append(bl.d.Treaties, t)
	return bl
}

// Tenure adds a tenure record; empty evidence is the sentence's.
func (bl *Builder) Tenure(t doc.Tenure, sentence int) *Builder {
	if t.Evidence.Text == "" {
		t.Evidence = bl.SentenceEvidence(sentence)
	}
	bl.d.Tenures = append(bl.d.Tenures, t)
	return bl
}

// Done finishes the document: text, hash, spans in clean coordinates.
func (bl *Builder) Done() *doc.Document {
	bl.endParagraph()
	d := bl.d
	d.Raw = bl.b.String()
	d.Text = d.Raw
	d.Size = len(d.Raw)
	sum := sha256.Sum256([]byte(d.Raw))
	d.SHA256 = hex.EncodeToString(sum[:])
	bl.closeSections(len(d.Raw))
	d.Sections[0].End = len(d.Raw)
	for i := range d.Sections {
		d.Sections[i].Clean = d.Sections[i].Span
	}
	for i := range d.Blocks {
		d.Blocks[i].Clean = d.Blocks[i].Span
	}
	for i := range d.Sentences {
		d.Sentences[i].Clean = d.Sentences[i].Span
	}
	for _, id := range bl.order {
		a := bl.actors[id]
		seen := map[string]bool{}
		for _, m := range d.Mentions {
			if m.Actor == id && m.Text != a.Name && !seen[m.Text] {
				seen[m.Text] = true
				a.Aliases = append(a.Aliases, m.Text)
			}
		}
		if a.Aliases == nil {
			a.Aliases = []string{}
		}
		d.Actors = append(d.Actors, a)
	}
	return d
}

// States are the states the corpus generator uses: ISO codes and names.
var states = [][2]string{
	{"DEU", "Germany"}, {"SUN", "Soviet Union"}, {"POL", "Poland"}, {"FRA", "France"}, {"GBR", "United Kingdom"},
	{"ITA", "Italy"}, {"JPN", "Japan"}, {"USA", "United States"}, {"CSK", "Czechoslovakia"}, {"ROU", "Romania"},
	{"FIN", "Finland"}, {"EST", "Estonia"}, {"LVA", "Latvia"}, {"LTU", "Lithuania"}, {"TUR", "Turkey"},
	{"CHN", "China"}, {"HUN", "Hungary"}, {"BGR", "Bulgaria"}, {"YUG", "Yugoslavia"}, {"AUT", "Austria"},
}

// eventKinds are PLOVER types with a mode, a verb and a base score.
var eventKinds = []struct {
	typ, mode, verb string
	score           float64
}{
	{"AGREE", "", "agreed to cooperate with", 2.5}, {"CONSULT", "visit", "held talks with", 4},
	{"SUPPORT", "sign", "signed an agreement with", 5}, {"CONCEDE", "", "made concessions to", 4.5},
	{"COOPERATE", "trade", "traded with", 9.5}, {"AID", "credit", "granted credit to", 10},
	{"RETREAT", "withdraw", "withdrew troops from the border with", 8}, {"REQUEST", "", "demanded guarantees from", 0},
	{"ACCUSE", "disapprove", "protested to", -2}, {"REJECT", "", "rejected the proposal of", -2},
	{"THREATEN", "", "threatened", -3.5}, {"SANCTION", "expel", "expelled the diplomats of", -5.5},
	{"MOBILIZE", "troops", "massed troops against", -5.5}, {"COERCE", "seize", "seized the territory of", -7},
	{"ASSAULT", "invasion", "invaded", -9},
}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// Document makes synthetic document number n of a corpus with events
// events between the generator's states, dated 1900–1949 at day, month
// or year precision, with timexes, mentions, some treaties and tenures.
// The same seed and n give the same document.
func Document(seed uint64, n, events int) *doc.Document {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	bl := NewBuilder(fmt.Sprintf("synth/doc-%05d.txt", n), fmt.Sprintf("Synthetic relations, part %d", n))
	for _, s := range states {
		bl.Actor(doc.Actor{ID: s[0], Name: s[1], Kind: doc.KindState, Code: s[0]})
	}
	for i := 0; i < events; i++ {
		if i%50 == 0 {
			bl.Heading(fmt.Sprintf("Period %d", i/50+1))
		}
		if i%5 == 0 {
			bl.Paragraph()
		}
		a := r.IntN(len(states))
		b := r.IntN(len(states) - 1)
		if b >= a {
			b++
		}
		// Favour a few pairs, as real histories do.
		if r.IntN(3) == 0 {
			a, b = 0, 1
		}
		k := eventKinds[r.IntN(len(eventKinds))]
		y := 1900 + r.IntN(50)
		m := 1 + r.IntN(12)
		d := 1 + r.IntN(28)
		var surface, value, prec string
		switch p := r.IntN(10); {
		case p < 7:
			surface, value, prec = fmt.Sprintf("%d %s %d", d, months[m-1], y), fmt.Sprintf("%04d-%02d-%02d", y, m, d), "day"
		case p < 9:
			surface, value, prec = fmt.Sprintf("%s %d", months[m-1], y), fmt.Sprintf("%04d-%02d", y, m), "month"
		default:
			surface, value, prec = fmt.Sprintf("%d", y), fmt.Sprintf("%04d", y), "year"
		}
		modality := doc.ModalityAsserted
		verb := k.verb
		switch r.IntN(20) {
		case 0:
			modality, verb = doc.ModalityNegated, "did not say it "+k.verb
		case 1:
			modality, verb = doc.ModalityHypothetical, "planned to say it "+k.verb
		}
		sa, sb := states[a], states[b]
		si := bl.Sentence(fmt.Sprintf("On {%s|%s}, [%s|%s] %s [%s|%s].", surface, value, sa[1], sa[0], verb, sb[1], sb[0]))
		e := doc.Event{Type: k.typ, Mode: k.mode, Subtype: strings.ToLower(k.typ), Actor: []string{sa[0]}, Recipient: []string{sb[0]},
			Date: doc.EventDate{Value: value, Precision: prec}, Modality: modality, Score: k.score,
			Trigger: doc.Evidence{Text: strings.Fields(k.verb)[0]}, Sentence: si}
		if k.typ == "SUPPORT" && modality == doc.ModalityAsserted {
			tid := fmt.Sprintf("t%d", len(bl.d.Treaties)+1)
			e.Treaty = tid
			e.Name = fmt.Sprintf("Agreement of %s %d", months[m-1], y)
			bl.Treaty(doc.Treaty{ID: tid, Name: e.Name, Aliases: []string{}, Signed: value, Parties: []string{sa[0], sb[0]},
				Signatories: []string{}, Events: []string{fmt.Sprintf("e%d", len(bl.d.Events)+1)}}, si)
		}
		bl.Event(e)
	}
	return bl.Done()
}
