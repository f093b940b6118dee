package store

import (
	"context"
	"fmt"
	"strings"
)

// RelationsQuery asks for the cooperation–conflict series of a pair.
type RelationsQuery struct {
	A, B string
	// By is year (default), quarter or month.
	By       string
	From, To string
}

// Series is the relations index of a pair over time.
type Series struct {
	A         string   `json:"a"`
	B         string   `json:"b"`
	AIDs      []string `json:"a_ids"`
	BIDs      []string `json:"b_ids"`
	By        string   `json:"by"`
	Weighting string   `json:"weighting"`
	Points    []Point  `json:"points"`
	// Unplaced are events between the pair dated too coarsely to fall in
	// one period (an event dated "1939" when the series is by month).
	Unplaced []string `json:"unplaced"`
}

// Point is one period of a relations series, with the events behind it.
type Point struct {
	Period      string   `json:"period"`
	Start       string   `json:"start"`
	End         string   `json:"end"`
	Score       float64  `json:"score"`
	Count       int      `json:"count"`
	Cooperation int      `json:"cooperation"`
	Conflict    int      `json:"conflict"`
	Events      []string `json:"events"`
}

// Weighting states how the index is computed; it is shown with the index.
const Weighting = "sum of PLOVER scores (-10..+10) of asserted events between the two, both directions, unweighted; negated, hypothetical and disputed events are not counted"

// period names the period of a day and gives its bounds.
func period(d Day, by string) (name string, lo, hi Day) {
	y, m := int(d)/10000, int(d)/100%100
	switch by {
	case "month":
		return fmt.Sprintf("%04d-%02d", y, m), mkDay(y, m, 1), mkDay(y, m, lastDay(y, m))
	case "quarter":
		q := (m-1)/3 + 1
		return fmt.Sprintf("%04d-Q%d", y, q), mkDay(y, 3*q-2, 1), mkDay(y, 3*q, lastDay(y, 3*q))
	}
	return fmt.Sprintf("%04d", y), mkDay(y, 1, 1), mkDay(y, 12, 31)
}

// Relations implements Store.
func (s *db) Relations(ctx context.Context, q RelationsQuery) (*Series, error) {
	by := strings.ToLower(q.By)
	if by == "" {
		by = "year"
	}
	if by != "year" && by != "quarter" && by != "month" {
		return nil, badParam("by", "%q: want year, quarter or month", q.By)
	}
	if strings.TrimSpace(q.A) == "" || strings.TrimSpace(q.B) == "" {
		return nil, badParam("a", "a relations series needs two actors")
	}
	a, err := s.resolveAll(ctx, "a", q.A)
	if err != nil {
		return nil, err
	}
	b, err := s.resolveAll(ctx, "b", q.B)
	if err != nil {
		return nil, err
	}
	w := &where{}
	cond := "p.a IN " + w.in(a) + " AND p.b IN " + w.in(b) + " AND p.date_lo > 0"
	if q.From != "" {
		r, err := parseBound("from", q.From)
		if err != nil {
			return nil, err
		}
		cond += " AND p.date_lo >= " + w.arg(int64(r.Lo))
	}
	if q.To != "" {
		r, err := parseBound("to", q.To)
		if err != nil {
			return nil, err
		}
		cond += " AND p.date_lo <= " + w.arg(int64(r.Hi))
	}
	rows, err := s.sql.QueryContext(ctx, `SELECT e.id, e.date_lo, e.date_hi, e.score FROM events e
		WHERE e.key IN (SELECT p.event_key FROM event_pairs p WHERE `+cond+`) AND e.modality = 'asserted'`+eventOrder, w.args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := &Series{A: q.A, B: q.B, AIDs: a, BIDs: b, By: by, Weighting: Weighting, Points: []Point{}, Unplaced: []string{}}
	at := map[string]int{}
	for rows.Next() {
		var id string
		var lo, hi int64
		var score float64
		if err := rows.Scan(&id, &lo, &hi, &score); err != nil {
			return nil, err
		}
		name, plo, phi := period(Day(lo), by)
		if Day(hi) > phi {
			out.Unplaced = append(out.Unplaced, id)
			continue
		}
		i, ok := at[name]
		if !ok {
			i = len(out.Points)
			at[name] = i
			out.Points = append(out.Points, Point{Period: name, Start: plo.ISO(), End: phi.ISO(), Events: []string{}})
		}
		pt := &out.Points[i]
		pt.Score += score
		pt.Count++
		if score > 0 {
			pt.Cooperation++
		} else if score < 0 {
			pt.Conflict++
		}
		pt.Events = append(pt.Events, id)
	}
	return out, classify(rows.Err())
}

// NetworkFilter selects the interactions drawn as a network.
type NetworkFilter struct {
	From, To string
	// Modalities to count (default asserted only).
	Modalities []string
	// Kinds restricts nodes to these actor kinds (default all).
	Kinds []string
}

// Network is actors as nodes and their interactions as weighted edges.
type Network struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Node is an actor in the network.
type Node struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	Code string `json:"code,omitempty"`
	// Weight is the sum of the weights of the node's edges.
	Weight int `json:"weight"`
}

// Edge joins two actors that took part in events together; Weight is the
// number of events, Score the sum of their scores, First and Last the
// dates of the first and last of them.
type Edge struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Weight int     `json:"weight"`
	Score  float64 `json:"score"`
	First  string  `json:"first"`
	Last   string  `json:"last"`
}

// Network implements Store.
func (s *db) Network(ctx context.Context, f NetworkFilter) (*Network, error) {
	w := &where{}
	conds := []string{"p.a < p.b"}
	mods := splitList(f.Modalities)
	if len(mods) == 0 {
		mods = []string{"asserted"}
	}
	conds = append(conds, "e.modality IN "+w.in(mods))
	if f.From != "" {
		r, err := parseBound("from", f.From)
		if err != nil {
			return nil, err
		}
		conds = append(conds, "e.date_lo >= "+w.arg(int64(r.Lo)))
	}
	if f.To != "" {
		r, err := parseBound("to", f.To)
		if err != nil {
			return nil, err
		}
		conds = append(conds, "e.date_hi <= "+w.arg(int64(r.Hi)), "e.date_lo > 0")
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT p.a, p.b, count(*), sum(e.score), min(NULLIF(e.date_lo, 0)), max(e.date_hi)
		FROM event_pairs p JOIN events e ON e.key = p.event_key WHERE `+strings.Join(conds, " AND ")+`
		GROUP BY p.a, p.b ORDER BY p.a, p.b`, w.args...)
	if err != nil {
		return nil, classify(err)
	}
	out := &Network{Nodes: []Node{}, Edges: []Edge{}}
	inNet := map[string]int{}
	for rows.Next() {
		var e Edge
		var first, last *int64
		if err := rows.Scan(&e.Source, &e.Target, &e.Weight, &e.Score, &first, &last); err != nil {
			rows.Close()
			return nil, err
		}
		if first != nil {
			e.First = Day(*first).ISO()
		}
		if last != nil {
			e.Last = Day(*last).ISO()
		}
		out.Edges = append(out.Edges, e)
		inNet[e.Source] += e.Weight
		inNet[e.Target] += e.Weight
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	ids := keysInt(inNet)
	if len(ids) == 0 {
		return out, nil
	}
	nw := &where{}
	rows, err = tx.QueryContext(ctx, `SELECT id, name, kind, code FROM actors WHERE id IN `+nw.in(ids)+` ORDER BY id`, nw.args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	known := map[string]bool{}
	for rows.Next() {
		var n Node
		if err := rows.Scan(&n.ID, &n.Name, &n.Kind, &n.Code); err != nil {
			return nil, err
		}
		n.Weight = inNet[n.ID]
		known[n.ID] = true
		out.Nodes = append(out.Nodes, n)
	}
	for _, id := range ids {
		if !known[id] {
			out.Nodes = append(out.Nodes, Node{ID: id, Name: id, Weight: inNet[id]})
		}
	}
	kinds := splitList(f.Kinds)
	if len(kinds) > 0 {
		keep := map[string]bool{}
		var nodes []Node
		for _, n := range out.Nodes {
			for _, k := range kinds {
				if strings.EqualFold(n.Kind, k) {
					keep[n.ID] = true
					nodes = append(nodes, n)
				}
			}
		}
		var edges []Edge
		for _, e := range out.Edges {
			if keep[e.Source] && keep[e.Target] {
				edges = append(edges, e)
			}
		}
		out.Nodes, out.Edges = append([]Node{}, nodes...), append([]Edge{}, edges...)
	}
	return out, rows.Err()
}

func keysInt(m map[string]int) []string {
	b := make(map[string]bool, len(m))
	for k := range m {
		b[k] = true
	}
	return keys(b)
}
