package record

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Weighting says how much each kind of event counts in the relations
// index. PLOVER's scores weigh a verbal act (a statement, a meeting) on the
// same scale as a material one (a delivery, an invasion); an index read as
// "how relations went" usually wants words to count less than deeds.
type Weighting struct {
	// Verbal multiplies the score of verbal cooperation and verbal
	// conflict (quads VC and VK); material types count in full.
	Verbal float64
}

// DefaultWeighting counts verbal events at half their score.
func DefaultWeighting() Weighting { return Weighting{Verbal: 0.5} }

// String states the weighting, for every place the index is shown.
func (w Weighting) String() string {
	if w.Verbal == 1 {
		return "sum of PLOVER scores of asserted events, both directions; all types at full weight"
	}
	return fmt.Sprintf("sum of PLOVER scores of asserted events, both directions; verbal types (VC, VK) weighted ×%g, material types ×1", w.Verbal)
}

// weight is an event's weighted score.
func (w Weighting) weight(e doc.Event) float64 {
	if q := doc.EventQuad(e); q == "VC" || q == "VK" {
		return e.Score * w.Verbal
	}
	return e.Score
}

// EventRef names one event behind a point of the index.
type EventRef struct {
	Document string  `json:"document"`
	ID       string  `json:"id"`
	Type     string  `json:"type"`
	Score    float64 `json:"score"`
	Weighted float64 `json:"weighted"`
}

// Point is the index for one period.
type Point struct {
	Period      string     `json:"period"` // 1939, 1939-Q3, 1939-08
	Score       float64    `json:"score"`  // weighted sum
	Count       int        `json:"count"`
	Cooperation float64    `json:"cooperation"` // weighted sum of positive scores
	Conflict    float64    `json:"conflict"`    // weighted sum of negative scores
	Events      []EventRef `json:"events"`
}

// Index is the relations index between two actors.
type Index struct {
	A, B      string  `json:"-"`
	By        string  `json:"by"`
	Weighting string  `json:"weighting"`
	Points    []Point `json:"points"`
	// Unplaced counts asserted events between the pair dated too coarsely
	// for the granularity (a year-only event in a monthly index).
	Unplaced int `json:"unplaced"`
}

// Granularities of the index.
const (
	ByYear    = "year"
	ByQuarter = "quarter"
	ByMonth   = "month"
)

// involves reports whether the event passes between a and b: one on
// each side, or both among the actors of a joint act with no recipient
// ("the two countries negotiated"). Two states acting together on a
// third ("Germany and the Soviet Union invaded Poland") is not an act
// between them.
func involves(e doc.Event, a, b string) bool {
	inA := func(x string) bool { return contains(e.Actor, x) }
	inR := func(x string) bool { return contains(e.Recipient, x) }
	return inA(a) && inR(b) || inA(b) && inR(a) || len(e.Recipient) == 0 && inA(a) && inA(b)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// period returns the period of a date value at the granularity, or "" if
// the value is too coarse.
func period(v, by string) string {
	if !hasYear(v) {
		return ""
	}
	switch by {
	case ByYear:
		return v[:4]
	case ByMonth:
		if len(v) >= 7 && v[4] == '-' && isDigit(v[5]) && isDigit(v[6]) {
			return v[:7]
		}
	case ByQuarter:
		if len(v) >= 7 && v[4] == '-' {
			if isDigit(v[5]) && isDigit(v[6]) {
				m, _ := strconv.Atoi(v[5:7])
				if m >= 1 && m <= 12 {
					return fmt.Sprintf("%s-Q%d", v[:4], (m-1)/3+1)
				}
			}
			if v[5] == 'Q' {
				return v[:7]
			}
			switch v[5:7] {
			case "WI":
				return v[:4] + "-Q1"
			case "SP":
				return v[:4] + "-Q2"
			case "SU":
				return v[:4] + "-Q3"
			case "FA":
				return v[:4] + "-Q4"
			}
		}
	}
	return ""
}

// Relations computes the relations index between actors a and b (actor
// ids, e.g. state codes "DEU", "SUN") from events, by year, quarter or
// month: per period the weighted sum of scores of the asserted events
// between them in both directions, with the count and the events behind
// it. Periods between the first and last with events are filled with
// empty points. Negated, hypothetical and disputed events do not count.
func Relations(events []doc.Event, a, b, by string, w Weighting) (Index, error) {
	switch by {
	case ByYear, ByQuarter, ByMonth:
	default:
		return Index{}, fmt.Errorf("unknown granularity %q (want year, quarter or month)", by)
	}
	ix := Index{A: a, B: b, By: by, Weighting: w.String(), Points: []Point{}}
	byPeriod := map[string]*Point{}
	for _, e := range events {
		if e.Modality != doc.ModalityAsserted || !involves(e, a, b) {
			continue
		}
		p := period(e.Date.Value, by)
		if p == "" {
			ix.Unplaced++
			continue
		}
		pt := byPeriod[p]
		if pt == nil {
			pt = &Point{Period: p, Events: []EventRef{}}
			byPeriod[p] = pt
		}
		s := w.weight(e)
		pt.Score += s
		pt.Count++
		if s > 0 {
			pt.Cooperation += s
		} else {
			pt.Conflict += s
		}
		pt.Events = append(pt.Events, EventRef{Document: e.Document, ID: e.ID, Type: e.Type, Score: e.Score, Weighted: s})
	}
	if len(byPeriod) == 0 {
		return ix, nil
	}
	keys := make([]string, 0, len(byPeriod))
	for k := range byPeriod {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, p := range periodsBetween(keys[0], keys[len(keys)-1], by) {
		if pt, ok := byPeriod[p]; ok {
			ix.Points = append(ix.Points, *pt)
		} else {
			ix.Points = append(ix.Points, Point{Period: p, Events: []EventRef{}})
		}
	}
	return ix, nil
}

// periodsBetween lists every period from first to last inclusive.
func periodsBetween(first, last, by string) []string {
	var out []string
	y, sub := splitPeriod(first, by)
	ly, lsub := splitPeriod(last, by)
	per := map[string]int{ByYear: 1, ByQuarter: 4, ByMonth: 12}[by]
	for n := 0; n < 100000; n++ {
		var p string
		switch by {
		case ByYear:
			p = fmt.Sprintf("%04d", y)
		case ByQuarter:
			p = fmt.Sprintf("%04d-Q%d", y, sub)
		case ByMonth:
			p = fmt.Sprintf("%04d-%02d", y, sub)
		}
		out = append(out, p)
		if y > ly || y == ly && sub >= lsub {
			break
		}
		sub++
		if sub > per {
			sub = 1
			y++
		}
	}
	return out
}

func splitPeriod(p, by string) (int, int) {
	y, _ := strconv.Atoi(p[:4])
	switch by {
	case ByQuarter:
		q, _ := strconv.Atoi(strings.TrimPrefix(p[5:], "Q"))
		return y, q
	case ByMonth:
		m, _ := strconv.Atoi(p[5:7])
		return y, m
	}
	return y, 1
}

// Marker is a named event to mark on a plot of the index: a treaty signed
// or an invasion between the pair.
type Marker struct {
	Date  string `json:"date"`
	Label string `json:"label"`
	Type  string `json:"type"`
}

// Markers returns the named events between a and b worth marking:
// treaties signed under a proper name ("Treaty of Rapallo", not "a credit
// agreement"; their secret protocols go with them) and invasions,
// asserted, in date order.
func Markers(events []doc.Event, a, b string) []Marker {
	var out []Marker
	seen := map[string]bool{}
	for _, e := range events {
		if e.Modality != doc.ModalityAsserted || !involves(e, a, b) || !hasYear(e.Date.Value) {
			continue
		}
		label := ""
		switch {
		case e.Name != "" && e.Subtype == "treaty.sign" && properName(e.Name):
			label = e.Name
		case e.Subtype == "invasion" && len(e.Actor) > 0 && len(e.Recipient) > 0:
			label = strings.Join(e.Actor, ", ") + " invades " + strings.Join(e.Recipient, ", ")
		}
		date := dayPartOf(e.Date.Value)
		if label == "" || seen[label+date] {
			continue
		}
		seen[label+date] = true
		out = append(out, Marker{Date: date, Label: label, Type: e.Type})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// properName reports a name with a capitalised word: "Treaty of Rapallo"
// is a name, "commercial agreement" a description.
func properName(s string) bool {
	for _, w := range strings.Fields(s) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			return true
		}
	}
	return false
}
