package store

import (
	"context"
	"sort"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Tenure is a stored office tenure with the day bounds of its start and
// end, and, for an as-of question, how sure it is that the person held the
// office then.
type Tenure struct {
	Document       string       `json:"document"`
	Person         string       `json:"person"`
	Office         string       `json:"office"`
	State          string       `json:"state"`
	Start          string       `json:"start"`
	End            string       `json:"end"`
	StartDate      string       `json:"start_date"`
	EndDate        string       `json:"end_date"`
	StartPrecision string       `json:"start_precision"`
	EndPrecision   string       `json:"end_precision"`
	Source         string       `json:"source"`
	Evidence       doc.Evidence `json:"evidence"`
	// Status answers an as-of question (TenureFilter.At): see Held, Part
	// and Possible.
	Status string `json:"status,omitempty"`
	// Note explains a Possible status in words.
	Note string `json:"note,omitempty"`

	sLo, sHi, eLo, eHi Day
	ord                int
}

// As-of statuses, from surest to least sure.
const (
	// Held: by its stated dates the person certainly held the office for
	// the whole period asked about.
	Held = "held"
	// Part: the person certainly held it for part of the period.
	Part = "part"
	// Possible: the dates, known only to the year (or open), allow it but
	// do not prove it — e.g. a tenure ending "1930" asked about June 1930.
	Possible = "possible"
)

// TenureFilter selects tenures.
type TenureFilter struct {
	// Office matches a substring of the office, case-insensitively.
	Office string
	// State is a state code, or an actor name that resolves to one.
	State string
	// Person matches a substring of the person's name.
	Person string
	// At asks who held the office then (a date at any precision).
	At string
	Page
}

// TenureList is one page of tenures.
type TenureList struct {
	Total   int      `json:"total"`
	Limit   int      `json:"limit"`
	Offset  int      `json:"offset"`
	At      string   `json:"at,omitempty"`
	Tenures []Tenure `json:"tenures"`
}

// Tenures implements Store. Without At it lists tenures by office and
// start. With At it keeps those whose dates allow the person to have held
// the office during that period, surest first. Year-precision bounds are
// read as "some day in that year", so a tenure "1921–1930" is certain only
// from 1921-12-31 to 1930-01-01; an unknown end is bounded by the next
// holder's start when the same office of the same state has a successor.
func (s *db) Tenures(ctx context.Context, f TenureFilter) (*TenureList, error) {
	p, err := f.Page.norm(false)
	if err != nil {
		return nil, err
	}
	var at DateRange
	if f.At != "" {
		if at, err = parseBound("at", f.At); err != nil {
			return nil, err
		}
	}
	w := &where{}
	if o := strings.TrimSpace(f.Office); o != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(o)) + "%"
		w.conds = append(w.conds, "lower(office) LIKE "+w.arg(like)+` ESCAPE '\'`)
	}
	if st := strings.TrimSpace(f.State); st != "" {
		names, err := s.partyNames(ctx, st)
		if err != nil {
			return nil, err
		}
		w.conds = append(w.conds, "lower(state)"+w.isIn(names))
	}
	rows, err := s.sql.QueryContext(ctx, `SELECT doc_id, ord, person, office, state, start_value, end_value,
		COALESCE(start_lo, 0), COALESCE(start_hi, 0), COALESCE(end_lo, 0), COALESCE(end_hi, 0),
		source, evidence_start, evidence_end, evidence_text FROM tenures`+w.String()+` ORDER BY doc_id, ord`, w.args...)
	if err != nil {
		return nil, classify(err)
	}
	var all []Tenure
	for rows.Next() {
		var t Tenure
		var slo, shi, elo, ehi int64
		if err := rows.Scan(&t.Document, &t.ord, &t.Person, &t.Office, &t.State, &t.Start, &t.End, &slo, &shi, &elo, &ehi,
			&t.Source, &t.Evidence.Start, &t.Evidence.End, &t.Evidence.Text); err != nil {
			rows.Close()
			return nil, err
		}
		t.sLo, t.sHi, t.eLo, t.eHi = Day(slo), Day(shi), Day(elo), Day(ehi)
		t.StartDate, t.EndDate = t.sLo.ISO(), t.eHi.ISO()
		if r, ok := ParseDate(t.Start); ok {
			t.StartPrecision = r.Precision
		}
		if r, ok := ParseDate(t.End); ok {
			t.EndPrecision = r.Precision
		}
		all = append(all, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	if f.At != "" {
		all = asOf(all, at)
	} else {
		sort.SliceStable(all, func(i, j int) bool {
			a, b := all[i], all[j]
			if a.Office != b.Office {
				return a.Office < b.Office
			}
			if a.sLo != b.sLo {
				return a.sLo < b.sLo
			}
			return a.Person < b.Person
		})
	}
	if person := strings.ToLower(strings.TrimSpace(f.Person)); person != "" {
		kept := all[:0]
		for _, t := range all {
			if strings.Contains(strings.ToLower(t.Person), person) {
				kept = append(kept, t)
			}
		}
		all = kept
	}
	out := &TenureList{Total: len(all), Limit: p.Limit, Offset: p.Offset, At: f.At, Tenures: []Tenure{}}
	if p.Offset < len(all) {
		end := min(len(all), p.Offset+p.Limit)
		out.Tenures = append(out.Tenures, all[p.Offset:end]...)
	}
	return out, nil
}

const forever Day = 99991231

// asOf keeps the tenures that may cover the period at and labels them.
func asOf(all []Tenure, at DateRange) []Tenure {
	// Successors: the next start of the same office of the same state.
	type key struct{ office, state string }
	starts := map[key][]Day{}
	for _, t := range all {
		if t.sLo != 0 {
			k := key{strings.ToLower(t.Office), t.State}
			starts[k] = append(starts[k], t.sLo)
		}
	}
	var out []Tenure
	for _, t := range all {
		if t.sLo == 0 {
			continue // no start date: nothing to reason with
		}
		eLo, eHi := t.eLo, t.eHi
		note := ""
		if t.End == "" || eHi == 0 {
			eLo, eHi = t.sHi, forever
			note = "end not stated"
			var next Day
			for _, s := range starts[key{strings.ToLower(t.Office), t.State}] {
				if s > t.sHi && (next == 0 || s < next) {
					next = s
				}
			}
			if next != 0 {
				// The successor took office during its stated start period at
				// the latest; count that period as a possible end.
				for _, u := range all {
					if u.sLo == next && strings.EqualFold(u.Office, t.Office) && u.State == t.State {
						eHi = u.sHi
						break
					}
				}
				note = "end not stated; bounded by the successor's start"
			}
		}
		// Possible: some day of at may lie inside [start, end].
		if !(t.sLo <= at.Hi && eHi >= at.Lo) {
			continue
		}
		switch {
		case t.sHi <= at.Lo && eLo >= at.Hi && t.End != "":
			t.Status = Held
		case t.End != "" && max(t.sHi, at.Lo) <= min(eLo, at.Hi):
			t.Status = Part
		default:
			t.Status = Possible
			if note == "" {
				note = "dates stated to the " + precisionWord(t) + " only"
			}
			t.Note = note
		}
		out = append(out, t)
	}
	rank := map[string]int{Held: 0, Part: 1, Possible: 2}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank[a.Status] != rank[b.Status] {
			return rank[a.Status] < rank[b.Status]
		}
		if a.sLo != b.sLo {
			return a.sLo < b.sLo
		}
		return a.Person < b.Person
	})
	return out
}

func precisionWord(t Tenure) string {
	p := t.EndPrecision
	if t.StartPrecision != "day" && t.StartPrecision != "" {
		p = t.StartPrecision
	}
	if p == "" {
		p = "year"
	}
	return p
}
