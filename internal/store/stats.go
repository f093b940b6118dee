package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Stats is an overview of what the store holds.
type Stats struct {
	Backend       string         `json:"backend"`
	SchemaVersion int64          `json:"schema_version"`
	Counts        Counts         `json:"counts"`
	Period        Period         `json:"period"`
	TopActors     []Actor        `json:"top_actors"`
	EventTypes    []CountOf      `json:"event_types"`
	Modalities    []CountOf      `json:"modalities"`
	Documents     []DocumentInfo `json:"documents"`
}

// Counts are the numbers of stored records of each kind.
type Counts struct {
	Documents int `json:"documents"`
	Sentences int `json:"sentences"`
	Timexes   int `json:"timexes"`
	Actors    int `json:"actors"`
	Mentions  int `json:"mentions"`
	Events    int `json:"events"`
	Treaties  int `json:"treaties"`
	Tenures   int `json:"tenures"`
}

// Period is the span of days the dated events cover.
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// CountOf is a value and how often it occurs.
type CountOf struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Stats implements Store. The overview is computed once per state of the
// store's documents (their number, sizes, hashes and latest ingest time,
// which every ingest, replacement and deletion changes) and reused until
// they change, also when another process changed them.
func (s *db) Stats(ctx context.Context) (*Stats, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var n int
	var size *int64
	var minSHA, maxSHA, last *string
	if err := tx.QueryRowContext(ctx, `SELECT count(*), sum(size), min(sha256), max(sha256), max(ingested_at) FROM documents`).
		Scan(&n, &size, &minSHA, &maxSHA, &last); err != nil {
		return nil, classify(err)
	}
	key := fmt.Sprint(n, deref(size), deref(minSHA), deref(maxSHA), deref(last))
	s.statsMu.Lock()
	cached := s.stats
	if s.statsKey != key {
		cached = nil
	}
	s.statsMu.Unlock()
	if cached != nil {
		c := *cached
		return &c, nil
	}
	out, err := s.computeStats(ctx, tx)
	if err != nil {
		return nil, err
	}
	s.statsMu.Lock()
	s.statsKey, s.stats = key, out
	s.statsMu.Unlock()
	c := *out
	return &c, nil
}

func deref[T any](p *T) any {
	if p == nil {
		return ""
	}
	return *p
}

func (s *db) computeStats(ctx context.Context, tx *sql.Tx) (*Stats, error) {
	var err error
	out := &Stats{Backend: s.Backend(), TopActors: []Actor{}, EventTypes: []CountOf{}, Modalities: []CountOf{}, Documents: []DocumentInfo{}}
	if out.SchemaVersion, err = s.SchemaVersion(ctx); err != nil {
		return nil, err
	}
	c := &out.Counts
	for _, x := range []struct {
		table string
		n     *int
	}{{"documents", &c.Documents}, {"sentences", &c.Sentences}, {"timexes", &c.Timexes}, {"actors", &c.Actors},
		{"mentions", &c.Mentions}, {"events", &c.Events}, {"treaties", &c.Treaties}, {"tenures", &c.Tenures}} {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+x.table).Scan(x.n); err != nil {
			return nil, classify(err)
		}
	}
	var lo, hi *int64
	if err := tx.QueryRowContext(ctx, `SELECT min(date_lo), max(date_hi) FROM events WHERE date_lo > 0`).Scan(&lo, &hi); err != nil {
		return nil, classify(err)
	}
	if lo != nil && hi != nil {
		out.Period = Period{Day(*lo).ISO(), Day(*hi).ISO()}
	}
	for _, g := range []struct {
		col string
		out *[]CountOf
	}{{"type", &out.EventTypes}, {"modality", &out.Modalities}} {
		rows, err := tx.QueryContext(ctx, `SELECT `+g.col+`, count(*) FROM events GROUP BY `+g.col+` ORDER BY 2 DESC, 1`)
		if err != nil {
			return nil, classify(err)
		}
		for rows.Next() {
			var c CountOf
			if err := rows.Scan(&c.Value, &c.Count); err != nil {
				rows.Close()
				return nil, err
			}
			*g.out = append(*g.out, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, classify(err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+docInfoCols+` FROM documents d ORDER BY d.title, d.id LIMIT 20`)
	if err != nil {
		return nil, classify(err)
	}
	for rows.Next() {
		var di DocumentInfo
		if err := scanDocInfo(rows, &di); err != nil {
			rows.Close()
			return nil, err
		}
		out.Documents = append(out.Documents, di)
	}
	rows.Close()
	top, err := s.actorsIn(ctx, tx, ActorFilter{Page: Page{Limit: 10}})
	if err != nil {
		return nil, err
	}
	out.TopActors = top.Actors
	return out, nil
}
