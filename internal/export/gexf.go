package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/store"
)

// GEXF 1.3 document structure (gexf.net), the subset chronicle writes.
type gexfDoc struct {
	XMLName xml.Name  `xml:"gexf"`
	XMLNS   string    `xml:"xmlns,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	LastModified string `xml:"lastmodifieddate,attr"`
	Creator      string `xml:"creator"`
	Description  string `xml:"description"`
}

type gexfGraph struct {
	Mode            string        `xml:"mode,attr"`
	DefaultEdgeType string        `xml:"defaultedgetype,attr"`
	TimeFormat      string        `xml:"timeformat,attr"`
	TimeRepr        string        `xml:"timerepresentation,attr"`
	Attributes      []gexfAttrSet `xml:"attributes"`
	Nodes           gexfNodes     `xml:"nodes"`
	Edges           gexfEdges     `xml:"edges"`
}

type gexfAttrSet struct {
	Class string     `xml:"class,attr"`
	Mode  string     `xml:"mode,attr,omitempty"`
	Attrs []gexfAttr `xml:"attribute"`
}

type gexfAttr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNodes struct {
	Count int        `xml:"count,attr"`
	Nodes []gexfNode `xml:"node"`
}

type gexfNode struct {
	ID       string       `xml:"id,attr"`
	Label    string       `xml:"label,attr"`
	Start    string       `xml:"start,attr,omitempty"`
	End      string       `xml:"end,attr,omitempty"`
	AttValue []gexfAttVal `xml:"attvalues>attvalue"`
}

type gexfEdges struct {
	Count int        `xml:"count,attr"`
	Edges []gexfEdge `xml:"edge"`
}

type gexfEdge struct {
	ID       string       `xml:"id,attr"`
	Source   string       `xml:"source,attr"`
	Target   string       `xml:"target,attr"`
	Weight   string       `xml:"weight,attr"`
	Start    string       `xml:"start,attr,omitempty"`
	End      string       `xml:"end,attr,omitempty"`
	AttValue []gexfAttVal `xml:"attvalues>attvalue"`
}

type gexfAttVal struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
	Start string `xml:"start,attr,omitempty"`
	End   string `xml:"end,attr,omitempty"`
}

// GEXF writes the network of actors who took part in the selected events
// (by default asserted ones) as a dynamic GEXF 1.3 graph: actors are nodes
// (kind and code as attributes), each pair that interacted is one
// undirected edge weighted by its number of events, spanning its first to
// last event (start, end), with its events per year as dynamic "events"
// and "score" attribute values, so Gephi's timeline can replay it.
func GEXF(ctx context.Context, w io.Writer, st store.Store, o Options) error {
	book, err := loadActors(ctx, st)
	if err != nil {
		return err
	}
	f := o.Events
	if len(f.Modalities) == 0 {
		f.Modalities = []string{doc.ModalityAsserted}
	}
	type year struct {
		n     int
		score float64
	}
	type agg struct {
		n           int
		score       float64
		first, last string
		years       map[int]*year
	}
	edges := map[[2]string]*agg{}
	nodes := map[string]int{}
	err = st.EachEvent(ctx, f, func(e *store.Event) error {
		if e.Date.StartDate == "" {
			return nil // undated events cannot be placed in time
		}
		y, _ := strconv.Atoi(e.Date.StartDate[:4])
		for _, p := range book.pairs(e) {
			a := edges[p]
			if a == nil {
				a = &agg{first: e.Date.StartDate, last: e.Date.EndDate, years: map[int]*year{}}
				edges[p] = a
			}
			a.n++
			a.score += e.Score
			if e.Date.StartDate < a.first {
				a.first = e.Date.StartDate
			}
			if e.Date.EndDate > a.last {
				a.last = e.Date.EndDate
			}
			yy := a.years[y]
			if yy == nil {
				yy = &year{}
				a.years[y] = yy
			}
			yy.n++
			yy.score += e.Score
			nodes[p[0]]++
			nodes[p[1]]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	desc := "Actors and their interactions read by chronicle; edge weight = number of events, score = sum of PLOVER scores."
	if o.Title != "" {
		desc = o.Title + ". " + desc
	}
	g := gexfDoc{XMLNS: "http://gexf.net/1.3", Version: "1.3",
		Meta: gexfMeta{LastModified: time.Now().UTC().Format("2006-01-02"), Creator: "chronicle", Description: desc},
		Graph: gexfGraph{Mode: "dynamic", DefaultEdgeType: "undirected", TimeFormat: "date", TimeRepr: "interval",
			Attributes: []gexfAttrSet{
				{Class: "node", Mode: "static", Attrs: []gexfAttr{{"kind", "kind", "string"}, {"code", "code", "string"}, {"events", "events", "integer"}}},
				{Class: "edge", Mode: "dynamic", Attrs: []gexfAttr{{"events", "events", "integer"}, {"score", "score", "double"}}},
			}}}
	for _, id := range sortedKeys(nodes) {
		a := book[id]
		g.Graph.Nodes.Nodes = append(g.Graph.Nodes.Nodes, gexfNode{ID: id, Label: book.name(id), AttValue: []gexfAttVal{
			{For: "kind", Value: a.Kind}, {For: "code", Value: book.country(id)}, {For: "events", Value: strconv.Itoa(nodes[id])}}})
	}
	keys := make([][2]string, 0, len(edges))
	for k := range edges {
		keys = append(keys, k)
	}
	sortPairs(keys)
	for i, k := range keys {
		a := edges[k]
		e := gexfEdge{ID: strconv.Itoa(i), Source: k[0], Target: k[1], Weight: strconv.Itoa(a.n), Start: a.first, End: a.last}
		years := make([]int, 0, len(a.years))
		for y := range a.years {
			years = append(years, y)
		}
		sortInts(years)
		for _, y := range years {
			// Each year's values hold within the edge's own lifetime.
			lo, hi := max(fmt.Sprintf("%04d-01-01", y), a.first), min(fmt.Sprintf("%04d-12-31", y), a.last)
			e.AttValue = append(e.AttValue,
				gexfAttVal{For: "events", Value: strconv.Itoa(a.years[y].n), Start: lo, End: hi},
				gexfAttVal{For: "score", Value: fmtFloat(a.years[y].score), Start: lo, End: hi})
		}
		g.Graph.Edges.Edges = append(g.Graph.Edges.Edges, e)
	}
	g.Graph.Nodes.Count, g.Graph.Edges.Count = len(g.Graph.Nodes.Nodes), len(g.Graph.Edges.Edges)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(g); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

func sortPairs(ps [][2]string) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i][0] != ps[j][0] {
			return ps[i][0] < ps[j][0]
		}
		return ps[i][1] < ps[j][1]
	})
}

func sortInts(xs []int) { sort.Ints(xs) }
