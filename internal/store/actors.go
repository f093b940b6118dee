package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Actor is a stored actor with its aliases across documents and how often
// it is mentioned and takes part in events.
type Actor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Code     string   `json:"code,omitempty"`
	State    string   `json:"state,omitempty"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles"`
	Mentions int      `json:"mentions"`
	Events   int      `json:"events"`
}

// ActorFilter selects actors.
type ActorFilter struct {
	Kind string
	// Query matches a substring of the name or an alias, or the code.
	Query string
	Page
}

// ActorList is one page of actors.
type ActorList struct {
	Total  int     `json:"total"`
	Limit  int     `json:"limit"`
	Offset int     `json:"offset"`
	Actors []Actor `json:"actors"`
}

// ResolveActor implements Store.
func (s *db) ResolveActor(ctx context.Context, name string) ([]string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	rows, err := s.sql.QueryContext(ctx, `SELECT id FROM actors WHERE id = $1 OR lower(code) = lower($1) OR lower(name) = lower($1)
		UNION SELECT actor_id FROM actor_aliases WHERE lower(alias) = lower($1)`, name)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids, rows.Err()
}

func (s *db) actorWhere(f ActorFilter) *where {
	w := &where{}
	if f.Kind != "" {
		w.conds = append(w.conds, "a.kind = "+w.arg(strings.ToLower(f.Kind)))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(q)) + "%"
		p := w.arg(like)
		w.conds = append(w.conds, "(lower(a.name) LIKE "+p+` ESCAPE '\' OR lower(a.code) = `+w.arg(strings.ToLower(q))+
			" OR a.id IN (SELECT actor_id FROM actor_aliases WHERE lower(alias) LIKE "+p+` ESCAPE '\'))`)
	}
	return w
}

const actorSelect = `SELECT a.id, a.name, a.kind, a.code, a.state, a.aliases, a.roles, a.mentions, a.events FROM actors a`

// Actors implements Store.
func (s *db) Actors(ctx context.Context, f ActorFilter) (*ActorList, error) {
	if _, err := f.Page.norm(false); err != nil {
		return nil, err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return s.actorsIn(ctx, tx, f)
}

func (s *db) actorsIn(ctx context.Context, tx *sql.Tx, f ActorFilter) (*ActorList, error) {
	p, err := f.Page.norm(false)
	if err != nil {
		return nil, err
	}
	w := s.actorWhere(f)
	out := &ActorList{Limit: p.Limit, Offset: p.Offset, Actors: []Actor{}}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM actors a`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return nil, classify(err)
	}
	rows, err := tx.QueryContext(ctx, actorSelect+w.String()+fmt.Sprintf(` ORDER BY a.events DESC, a.mentions DESC, a.name, a.id LIMIT %d OFFSET %d`, p.Limit, p.Offset), w.args...)
	if err != nil {
		return nil, classify(err)
	}
	for rows.Next() {
		var a Actor
		if err := scanActor(rows, &a); err != nil {
			rows.Close()
			return nil, err
		}
		out.Actors = append(out.Actors, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	return out, nil
}

func scanActor(r interface{ Scan(...any) error }, a *Actor) error {
	var al, ro string
	if err := r.Scan(&a.ID, &a.Name, &a.Kind, &a.Code, &a.State, &al, &ro, &a.Mentions, &a.Events); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(al), &a.Aliases); err != nil {
		return err
	}
	return json.Unmarshal([]byte(ro), &a.Roles)
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Actor implements Store.
func (s *db) Actor(ctx context.Context, id string) (*Actor, error) {
	rows, err := s.sql.QueryContext(ctx, actorSelect+` WHERE a.id = $1`, id)
	if err != nil {
		return nil, classify(err)
	}
	var out []Actor
	for rows.Next() {
		var a Actor
		if err := scanActor(rows, &a); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	rows.Close()
	if len(out) == 0 {
		return nil, fmt.Errorf("actor %q: %w", id, ErrNotFound)
	}
	return &out[0], nil
}
