package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/export"
	"github.com/chronicle-history/chronicle/internal/store"
	"github.com/chronicle-history/chronicle/internal/synth"
)

func testStore(t *testing.T, docs ...*doc.Document) store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "x.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, d := range docs {
		if _, err := s.Ingest(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func run(t *testing.T, s store.Store, format string, o export.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.Write(context.Background(), &buf, s, format, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCSVAndJSONLRoundTrip(t *testing.T) {
	s := testStore(t, synth.Article("test.txt", 1))
	recs, err := csv.NewReader(bytes.NewReader(run(t, s, "csv", export.Options{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recs[0], export.CSVHeader) || len(recs) != 7 {
		t.Fatalf("csv: header %v, %d rows", recs[0], len(recs))
	}
	var events []store.Event
	dec := json.NewDecoder(bytes.NewReader(run(t, s, "jsonl", export.Options{})))
	for {
		var e store.Event
		if err := dec.Decode(&e); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		events = append(events, e)
	}
	all, _ := s.Events(context.Background(), store.EventFilter{})
	if !reflect.DeepEqual(events, all.Events) {
		t.Fatal("jsonl does not give back the stored events")
	}
	for i, r := range recs[1:] {
		if r[0] != events[i].ID || r[len(r)-1] != events[i].Evidence.Text {
			t.Fatalf("csv row %d: %v", i, r)
		}
	}
}

func TestPOLECAT(t *testing.T) {
	s := testStore(t, synth.Article("test.txt", 1))
	r := csv.NewReader(bytes.NewReader(run(t, s, "polecat", export.Options{Events: store.EventFilter{Pair: [2]string{"DEU", "SUN"}}})))
	r.Comma = '\t'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(recs[0], export.POLECATHeader) {
		t.Fatalf("header %v", recs[0])
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	type row struct{ ID, Date, Type, Quad, Actor, ActorCountry, Recipient, Precision, Intensity string }
	var got []row
	for _, rec := range recs[1:] {
		if len(rec) != len(export.POLECATHeader) {
			t.Fatalf("row has %d fields, want %d", len(rec), len(export.POLECATHeader))
		}
		got = append(got, row{rec[col["Event ID"]], rec[col["Event Date"]], rec[col["Event Type"]], rec[col["Quad Code"]],
			rec[col["Actor Name"]], rec[col["Actor Country"]], rec[col["Recipient Name"]], rec[col["Date Precision"]], rec[col["Event Intensity"]]})
	}
	want := []row{
		{"test:e1", "1922-04-16", "SUPPORT", "VERBAL COOPERATION", "Germany", "DEU", "Soviet Union", "day", "5"},
		{"test:e2", "1926-01-01", "CONSULT", "VERBAL COOPERATION", "Gustav Stresemann", "DEU", "Soviet Union", "year", "2.5"},
		{"test:e3", "1939-08-23", "SUPPORT", "VERBAL COOPERATION", "Germany", "DEU", "Soviet Union", "day", "5"},
		{"test:e6", "1941-06-22", "ASSAULT", "MATERIAL CONFLICT", "Germany", "DEU", "Soviet Union", "day", "-9"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("polecat rows:\n got %v\nwant %v", got, want)
	}
}

// timeline is TimelineJS's documented JSON shape, decoded strictly.
type timeline struct {
	Title  *slide  `json:"title"`
	Events []slide `json:"events"`
}

type slide struct {
	StartDate *struct {
		Year  string `json:"year"`
		Month string `json:"month"`
		Day   string `json:"day"`
	} `json:"start_date"`
	EndDate *struct {
		Year string `json:"year"`
	} `json:"end_date"`
	Text struct {
		Headline string `json:"headline"`
		Text     string `json:"text"`
	} `json:"text"`
	Group       string `json:"group"`
	DisplayDate string `json:"display_date"`
	UniqueID    string `json:"unique_id"`
}

func TestTimelineJS(t *testing.T) {
	d := synth.Article("test.txt", 1)
	// Article text is data, never markup: a hostile sentence must come out escaped.
	bl := synth.NewBuilder("xss.txt", "<script>alert(1)</script>")
	bl.Actor(doc.Actor{ID: "DEU", Name: "Germany", Kind: doc.KindState, Code: "DEU"}).Actor(doc.Actor{ID: "POL", Name: "Poland", Kind: doc.KindState, Code: "POL"})
	si := bl.Sentence(`In {1930|1930} [Germany|DEU] wrote <img src=x onerror=alert(1)> to [Poland|POL].`)
	bl.Event(doc.Event{Type: "ACCUSE", Actor: []string{"DEU"}, Recipient: []string{"POL"}, Date: doc.EventDate{Value: "1930", Precision: "year"}, Score: -3,
		Name: `<b onmouseover="x">bold</b>`, Sentence: si})
	s := testStore(t, d, bl.Done())
	out := run(t, s, "timelinejs", export.Options{Title: "Test & <title>"})
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	var tl timeline
	if err := dec.Decode(&tl); err != nil {
		t.Fatal(err)
	}
	if len(tl.Events) != 7 || tl.Title == nil {
		t.Fatalf("%d slides", len(tl.Events))
	}
	for _, sl := range tl.Events {
		if sl.StartDate == nil || sl.StartDate.Year == "" || sl.Text.Headline == "" || sl.UniqueID == "" {
			t.Fatalf("incomplete slide %+v", sl)
		}
		for _, txt := range []string{sl.Text.Headline, sl.Text.Text, sl.Group} {
			if strings.Contains(txt, "<img") || strings.Contains(txt, "<b ") || strings.Contains(txt, "<script") {
				t.Fatalf("unescaped markup from the article: %q", txt)
			}
		}
	}
	first := tl.Events[0]
	if first.StartDate.Year != "1922" || first.StartDate.Month != "4" || first.StartDate.Day != "16" || first.Group != "Germany – Soviet Union" {
		t.Fatalf("first slide %+v", first)
	}
	// A year-precision event must not be shown as 1 January.
	for _, sl := range tl.Events {
		if sl.DisplayDate == "1926" && (sl.StartDate.Month != "" || sl.StartDate.Day != "") {
			t.Fatalf("year-dated event given a month/day: %+v", sl.StartDate)
		}
	}
	if strings.Contains(tl.Title.Text.Headline, "<title>") {
		t.Fatal("title not escaped")
	}
}

// GEXF structure, as a Gephi-compatible reader needs it.
type gexf struct {
	XMLName xml.Name `xml:"gexf"`
	NS      string   `xml:"xmlns,attr"`
	Version string   `xml:"version,attr"`
	Meta    *struct {
		Creator string `xml:"creator"`
	} `xml:"meta"`
	Graph *struct {
		Mode            string `xml:"mode,attr"`
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		TimeFormat      string `xml:"timeformat,attr"`
		Attributes      []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID   string `xml:"id,attr"`
				Type string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes *struct {
			Count int `xml:"count,attr"`
			Node  []struct {
				ID    string `xml:"id,attr"`
				Label string `xml:"label,attr"`
			} `xml:"node"`
		} `xml:"nodes"`
		Edges *struct {
			Count int `xml:"count,attr"`
			Edge  []struct {
				ID        string `xml:"id,attr"`
				Source    string `xml:"source,attr"`
				Target    string `xml:"target,attr"`
				Weight    string `xml:"weight,attr"`
				Start     string `xml:"start,attr"`
				End       string `xml:"end,attr"`
				AttValues []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
					Start string `xml:"start,attr"`
					End   string `xml:"end,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"edge"`
		} `xml:"edges"`
	} `xml:"graph"`
}

func TestGEXF(t *testing.T) {
	s := testStore(t, synth.Article("test.txt", 1))
	var g gexf
	if err := xml.Unmarshal(run(t, s, "gexf", export.Options{}), &g); err != nil {
		t.Fatal(err)
	}
	if g.NS != "http://gexf.net/1.3" || g.Version != "1.3" || g.Meta == nil || g.Graph == nil || g.Graph.Nodes == nil || g.Graph.Edges == nil {
		t.Fatalf("GEXF lacks required elements: %+v", g)
	}
	if g.Graph.Mode != "dynamic" || g.Graph.TimeFormat != "date" || g.Graph.DefaultEdgeType != "undirected" {
		t.Fatalf("graph attributes: %+v", g.Graph)
	}
	nodes := map[string]string{}
	for _, n := range g.Graph.Nodes.Node {
		nodes[n.ID] = n.Label
	}
	if len(nodes) != g.Graph.Nodes.Count || g.Graph.Edges.Count != len(g.Graph.Edges.Edge) {
		t.Fatal("counts disagree with contents")
	}
	ids := map[string]bool{}
	var deuSun string
	for _, e := range g.Graph.Edges.Edge {
		if _, ok := nodes[e.Source]; !ok {
			t.Fatalf("edge %s from unknown node %s", e.ID, e.Source)
		}
		if _, ok := nodes[e.Target]; !ok {
			t.Fatalf("edge %s to unknown node %s", e.ID, e.Target)
		}
		if ids[e.ID] {
			t.Fatalf("duplicate edge id %s", e.ID)
		}
		ids[e.ID] = true
		if w, err := strconv.Atoi(e.Weight); err != nil || w < 1 || e.Start == "" || e.End < e.Start || len(e.AttValues) == 0 {
			t.Fatalf("edge %+v: want a positive weight and a time span", e)
		}
		for _, av := range e.AttValues {
			if av.Start < e.Start || av.End > e.End || av.End < av.Start {
				t.Fatalf("edge %s: value %+v outside the edge's span %s..%s", e.ID, av, e.Start, e.End)
			}
		}
		if e.Source == "DEU" && e.Target == "SUN" {
			deuSun = e.Weight + " " + e.Start + " " + e.End + " " + strconv.Itoa(len(e.AttValues)/2)
		}
	}
	// Asserted DEU–SUN events: 1922, 1926, 1939, 1941 (the negated one is out).
	if deuSun != "4 1922-04-16 1941-06-22 4" {
		t.Fatalf("DEU–SUN edge: %q", deuSun)
	}
	if nodes["SWE"] != "" {
		t.Fatal("an actor only in a negated event is in the network")
	}
}

// timeml is the TimeML structure; Text collects character data and tags.
type timeml struct {
	XMLName xml.Name `xml:"TimeML"`
	DocID   string   `xml:"DOCID"`
	Text    struct {
		Inner []byte `xml:",innerxml"`
	} `xml:"TEXT"`
	Instances []struct {
		EIID     string `xml:"eiid,attr"`
		EventID  string `xml:"eventID,attr"`
		Polarity string `xml:"polarity,attr"`
		Modality string `xml:"modality,attr"`
	} `xml:"MAKEINSTANCE"`
	Links []struct {
		Instance string `xml:"eventInstanceID,attr"`
		Time     string `xml:"relatedToTime,attr"`
		RelType  string `xml:"relType,attr"`
	} `xml:"TLINK"`
}

// tmlTag is an inline tag read back: its element, id, class or value,
// and the clean text span it wraps.
type tmlTag struct {
	Elem, ID, Class, Type, Value, Text string
	Clean                              doc.Span
}

// timemlText parses a TimeML file with encoding/xml and gives back the
// text of <TEXT> with its inline tags, and the whole parsed document.
func timemlText(t *testing.T, data []byte) (text string, tags []tmlTag, tm timeml) {
	t.Helper()
	if err := xml.Unmarshal(data, &tm); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(tm.Text.Inner))
	var b strings.Builder
	var cur *tmlTag
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.CharData:
			b.Write(x)
			if cur != nil {
				cur.Text += string(x)
			}
		case xml.StartElement:
			if (x.Name.Local != "TIMEX3" && x.Name.Local != "EVENT") || cur != nil {
				t.Fatalf("unexpected <%s> in TEXT", x.Name.Local)
			}
			cur = &tmlTag{Elem: x.Name.Local, Clean: doc.Span{Start: b.Len()}}
			for _, a := range x.Attr {
				switch a.Name.Local {
				case "tid", "eid":
					cur.ID = a.Value
				case "class":
					cur.Class = a.Value
				case "type":
					cur.Type = a.Value
				case "value":
					cur.Value = a.Value
				}
			}
		case xml.EndElement:
			cur.Clean.End = b.Len()
			tags = append(tags, *cur)
			cur = nil
		}
	}
	return b.String(), tags, tm
}

func TestTimeML(t *testing.T) {
	d := synth.Article("test.txt", 1)
	// Markup-like text and a control character must survive as text.
	bl := synth.NewBuilder("odd.txt", "Odd & <odd>")
	bl.Sentence(`On {3 March 1918|1918-03-03} "A < B & C > D" was said.`)
	odd := bl.Done()
	s := testStore(t, d, odd)
	if err := export.Write(context.Background(), io.Discard, s, "timeml", export.Options{}); !errors.Is(err, export.ErrSeveralDocuments) {
		t.Fatalf("several documents without --document: %v", err)
	}
	for _, want := range []*doc.Document{d, odd} {
		text, tags, tm := timemlText(t, run(t, s, "timeml", export.Options{Document: want.ID}))
		if text != want.Text {
			t.Fatalf("%s: TimeML text differs from the document text", want.ID)
		}
		var timexes, events []tmlTag
		for _, tg := range tags {
			if tg.Elem == "TIMEX3" {
				timexes = append(timexes, tg)
			} else {
				events = append(events, tg)
			}
		}
		if len(timexes) != len(want.Timexes) {
			t.Fatalf("%s: %d TIMEX3, want %d", want.ID, len(timexes), len(want.Timexes))
		}
		for i, tx := range timexes {
			w := want.Timexes[i]
			if tx.Clean != w.Clean || tx.Value != w.Value || tx.Type != w.Type || tx.Text != w.Text {
				t.Fatalf("%s: TIMEX3 %d = %+v, want %+v", want.ID, i, tx, w)
			}
		}
		// Every coded event is one instance of an EVENT wrapping its trigger
		// word in its sentence.
		if len(tm.Instances) != len(want.Events) {
			t.Fatalf("%s: %d MAKEINSTANCE, want %d", want.ID, len(tm.Instances), len(want.Events))
		}
		byID := map[string]tmlTag{}
		for _, ev := range events {
			byID[ev.ID] = ev
		}
		for i, in := range tm.Instances {
			e := want.Events[i]
			ev, ok := byID[in.EventID]
			if !ok {
				t.Fatalf("%s: instance %s points at no EVENT (%q)", want.ID, in.EIID, in.EventID)
			}
			st := want.Sentences[e.Sentence].Clean
			if ev.Text != e.Trigger.Text || ev.Clean.Start < st.Start || ev.Clean.End > st.End {
				t.Fatalf("%s: event %s tagged %+v, want %q in its sentence %v", want.ID, e.ID, ev, e.Trigger.Text, st)
			}
			if pol := map[bool]string{true: "NEG", false: "POS"}[e.Modality == doc.ModalityNegated]; in.Polarity != pol {
				t.Fatalf("%s: event %s polarity %s, want %s", want.ID, e.ID, in.Polarity, pol)
			}
		}
	}
	// The invasion of Poland is dated by "1 September 1939" in its sentence:
	// its instance is IS_INCLUDED in that TIMEX3.
	_, tags, tm := timemlText(t, run(t, s, "timeml", export.Options{Document: d.ID}))
	tid := map[string]string{}
	for _, tg := range tags {
		tid[tg.ID] = tg.Text
	}
	links := map[string]string{}
	for _, l := range tm.Links {
		if l.RelType != "IS_INCLUDED" {
			t.Fatalf("TLINK %+v: want IS_INCLUDED", l)
		}
		links[l.Instance] = tid[l.Time]
	}
	for i, e := range d.Events {
		ei := tm.Instances[i].EIID
		if e.ID == "e4" && links[ei] != "1 September 1939" {
			t.Fatalf("the invasion of Poland is linked to %q, want \"1 September 1939\"", links[ei])
		}
	}
	if len(links) == 0 {
		t.Fatal("no TLINK at all")
	}
}

func TestUnknownFormat(t *testing.T) {
	s := testStore(t)
	if err := export.Write(context.Background(), io.Discard, s, "xlsx", export.Options{}); err == nil || !strings.Contains(err.Error(), "polecat") {
		t.Fatalf("unknown format: %v", err)
	}
}
