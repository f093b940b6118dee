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
	// Verbal weighs verbal event types (quads VC, VK) against material
	// ones; nil means DefaultVerbal.
	Verbal *float64
	// IDs is how many event ids each point lists (0: 100, at most 1000,
	// negative: none); the rest are counted in More and found with an
	// event query for the pair and the point's period.
	IDs int
}

// DefaultVerbal is the default weight of verbal events in the index: an
// index read as "how relations went" counts words less than deeds.
const DefaultVerbal = 0.5

// Series is the relations index of a pair over time.
type Series struct {
	A         string   `json:"a"`
	B         string   `json:"b"`
	AIDs      []string `json:"a_ids"`
	BIDs      []string `json:"b_ids"`
	By        string   `json:"by"`
	Weighting string   `json:"weighting"`
	Verbal    float64  `json:"verbal_weight"`
	// Points has one point per period from the first to the last period
	// with an event; periods without events have Count 0.
	Points []Point `json:"points"`
	// Unplaced are events between the pair whose start is dated too
	// coarsely to fall in one period (an event dated "1939" when the
	// series is by month);
	// UnplacedCount counts them all, Unplaced lists up to IDs of them.
	Unplaced      []string `json:"unplaced"`
	UnplacedCount int      `json:"unplaced_count"`
}

// Point is one period of a relations series, with the events behind it.
type Point struct {
	Period string `json:"period"`
	Start  string `json:"start"`
	End    string `json:"end"`
	// Score is the weighted sum of the scores of the period's events.
	Score float64 `json:"score"`
	Count int     `json:"count"`
	// Cooperation and Conflict are the weighted sums of the positive and
	// of the negative scores.
	Cooperation float64  `json:"cooperation"`
	Conflict    float64  `json:"conflict"`
	Events      []string `json:"events"`
	// More is how many of the period's events Events does not list.
	More int `json:"more"`
}

// WeightingText states how the index is computed; it is shown with it.
func WeightingText(verbal float64) string {
	if verbal == 1 {
		return "sum of PLOVER scores (-10..+10) of asserted events between the two, both directions; all types at full weight; negated, hypothetical and disputed events not counted"
	}
	return fmt.Sprintf("sum of PLOVER scores (-10..+10) of asserted events between the two, both directions; verbal types (quads VC, VK) weighted ×%g, material types ×1; negated, hypothetical and disputed events not counted", verbal)
}

// periodExpr is the SQL for the period number of a YYYYMMDD column.
func periodExpr(col, by string) string {
	switch by {
	case "month":
		return col + " / 100"
	case "quarter":
		return "(" + col + " / 10000) * 10 + ((" + col + " / 100) % 100 + 2) / 3"
	}
	return col + " / 10000"
}

// periodOf names period number n and gives its bounds.
func periodOf(n int64, by string) (string, Day, Day) {
	switch by {
	case "month":
		return period(Day(n*100+1), by)
	case "quarter":
		y, q := int(n/10), int(n%10)
		return period(mkDay(y, 3*q-2, 1), by)
	}
	return period(Day(n*10000+101), by)
}

// nextPeriod is the period number after n.
func nextPeriod(n int64, by string) int64 {
	switch by {
	case "month":
		if n%100 == 12 {
			return (n/100+1)*100 + 1
		}
		return n + 1
	case "quarter":
		if n%10 == 4 {
			return (n/10+1)*10 + 1
		}
		return n + 1
	}
	return n + 1
}

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

// Relations implements Store. The sums are computed by the database over
// the pair index (one range scan, no event read); only the listed event
// ids are read from the events.
func (s *db) Relations(ctx context.Context, q RelationsQuery) (*Series, error) {
	by := strings.ToLower(q.By)
	if by == "" {
		by = "year"
	}
	if by != "year" && by != "quarter" && by != "month" {
		return nil, badParam("by", "%q: want year, quarter or month", q.By)
	}
	verbal := DefaultVerbal
	if q.Verbal != nil {
		verbal = *q.Verbal
	}
	if verbal < 0 || verbal > 1 {
		return nil, badParam("verbal", "%g: want a weight from 0 to 1", verbal)
	}
	ids := q.IDs
	if ids == 0 {
		ids = 100
	}
	if ids > MaxLimit {
		return nil, badParam("ids", "at most %d event ids per point", MaxLimit)
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
	base := "a" + w.isIn(a) + " AND b" + w.isIn(b) + " AND asserted = 1"
	nbase := len(w.args)
	lower, upper := Day(1), Day(0)
	if q.From != "" {
		r, err := parseBound("from", q.From)
		if err != nil {
			return nil, err
		}
		lower = r.Lo
	}
	if q.To != "" {
		r, err := parseBound("to", q.To)
		if err != nil {
			return nil, err
		}
		upper = r.Hi
	}
	// bounded restricts base to events whose start value lies inside
	// [lo, hi] (hi 0: open), with one bound on each side of date_lo so the
	// index range is closed. An event is placed by its start value, as
	// record.Relations places it: "1930 to 1932" counts in 1930.
	bounded := func(w *where, lo, hi Day) string {
		c := base + " AND date_lo >= " + w.arg(int64(lo))
		if hi != 0 {
			h := w.arg(int64(hi))
			c += " AND date_lo <= " + h + " AND value_hi <= " + h
		}
		return c
	}
	cond := bounded(w, lower, upper)
	baseArgs := func() *where { return &where{args: append([]any(nil), w.args[:nbase]...)} }
	// With several ids on a side an event may match twice: count it once.
	unique := len(a) == 1 && len(b) == 1
	src := "(SELECT date_lo, value_hi, event_key, score, verbal FROM event_pairs WHERE " + cond + ") p"
	if !unique {
		src = "(SELECT DISTINCT date_lo, value_hi, event_key, score, verbal FROM event_pairs WHERE " + cond + ") p"
	}
	weighted := "p.score * CASE p.verbal WHEN 1 THEN CAST(" + w.arg(verbal) + " AS DOUBLE PRECISION) ELSE 1.0 END"
	plo, phi := periodExpr("p.date_lo", by), periodExpr("p.value_hi", by)
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	// One pass over the pair's index range: a row per period, and one
	// (period -1) for the events that span periods.
	rows, err := tx.QueryContext(ctx, `SELECT CASE WHEN `+plo+` = `+phi+` THEN `+plo+` ELSE -1 END, count(*), sum(`+weighted+`),
		COALESCE(sum(CASE WHEN p.score > 0 THEN `+weighted+` END), 0), COALESCE(sum(CASE WHEN p.score < 0 THEN `+weighted+` END), 0)
		FROM `+src+` GROUP BY 1 ORDER BY 1`, w.args...)
	if err != nil {
		return nil, classify(err)
	}
	out := &Series{A: q.A, B: q.B, AIDs: a, BIDs: b, By: by, Weighting: WeightingText(verbal), Verbal: verbal, Points: []Point{}, Unplaced: []string{}}
	var nums []int64
	for rows.Next() {
		var n int64
		var pt Point
		if err := rows.Scan(&n, &pt.Count, &pt.Score, &pt.Cooperation, &pt.Conflict); err != nil {
			rows.Close()
			return nil, err
		}
		if n < 0 {
			out.UnplacedCount = pt.Count
			continue
		}
		// Fill the periods between with empty points, so a chart has one
		// point per period.
		for len(nums) > 0 && nextPeriod(nums[len(nums)-1], by) < n {
			m := nextPeriod(nums[len(nums)-1], by)
			name, lo, hi := periodOf(m, by)
			out.Points = append(out.Points, Point{Period: name, Start: lo.ISO(), End: hi.ISO(), Events: []string{}})
			nums = append(nums, m)
		}
		var lo, hi Day
		pt.Period, lo, hi = periodOf(n, by)
		pt.Start, pt.End = lo.ISO(), hi.ISO()
		out.Points = append(out.Points, pt)
		nums = append(nums, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	// The events behind each point, in date order, up to ids of them.
	for i := range out.Points {
		pt := &out.Points[i]
		if pt.Count == 0 || ids < 0 {
			pt.More = pt.Count
			continue
		}
		lo, _ := ParseDate(pt.Start)
		hi, _ := ParseDate(pt.End)
		plo, phi := max(lo.Lo, lower), hi.Hi
		if upper != 0 {
			phi = min(phi, upper)
		}
		pw := baseArgs()
		pcond := bounded(pw, plo, phi)
		if pt.Events, err = s.eventIDs(ctx, tx, pcond, pw.args, ids, unique); err != nil {
			return nil, err
		}
		pt.More = pt.Count - len(pt.Events)
	}
	if out.UnplacedCount > 0 && ids > 0 {
		uw := baseArgs()
		ucond := bounded(uw, lower, upper) + " AND " + strings.ReplaceAll(plo, "p.", "") + " <> " + strings.ReplaceAll(phi, "p.", "")
		if out.Unplaced, err = s.eventIDs(ctx, tx, ucond, uw.args, ids, unique); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// eventIDs lists, in event order, the ids of up to n events whose pair
// rows match cond.
// With unique set (one id on each side) no event repeats, and the index
// order with the limit stops the scan early.
func (s *db) eventIDs(ctx context.Context, q querier, cond string, args []any, n int, unique bool) ([]string, error) {
	inner := `SELECT event_key FROM (SELECT DISTINCT date_lo, date_hi, event_key FROM event_pairs WHERE ` + cond +
		fmt.Sprintf(` ORDER BY date_lo, date_hi, event_key LIMIT %d) x`, n)
	if unique {
		// Without the derived table SQLite walks the index in order and
		// stops at the limit.
		inner = `SELECT event_key FROM event_pairs WHERE ` + cond + fmt.Sprintf(` ORDER BY date_lo, date_hi, event_key LIMIT %d`, n)
	}
	rows, err := q.QueryContext(ctx, `SELECT e.id FROM events e WHERE e.key IN (`+inner+`)`+eventOrder, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
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
	conds = append(conds, "e.modality"+w.isIn(mods))
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
	rows, err = tx.QueryContext(ctx, `SELECT id, name, kind, code FROM actors WHERE id`+nw.isIn(ids)+` ORDER BY id`, nw.args...)
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
