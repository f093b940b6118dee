package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Event is a stored event: the contract's event with a global id, the
// names of its actors and the day bounds of its date.
type Event struct {
	ID             string         `json:"id"`
	LocalID        string         `json:"local_id"`
	Document       string         `json:"document"`
	Type           string         `json:"type"`
	Mode           string         `json:"mode"`
	Subtype        string         `json:"subtype"`
	Quad           string         `json:"quad,omitempty"`
	Actor          []string       `json:"actor"`
	Recipient      []string       `json:"recipient"`
	ActorNames     []string       `json:"actor_names"`
	RecipientNames []string       `json:"recipient_names"`
	Date           EventDate      `json:"date"`
	Modality       string         `json:"modality"`
	Name           string         `json:"name"`
	Place          string         `json:"place"`
	Quantities     []doc.Quantity `json:"quantities"`
	Score          float64        `json:"score"`
	Treaty         string         `json:"treaty,omitempty"`
	Sentence       int            `json:"sentence"`
	Trigger        doc.Evidence   `json:"trigger"`
	Evidence       doc.Evidence   `json:"evidence"`
	Mentions       []doc.Evidence `json:"mentions,omitempty"`
}

// EventDate is the contract's event date with the day bounds chronicle
// derived from it ("" when the value is no calendar date).
type EventDate struct {
	Value     string `json:"value"`
	End       string `json:"end"`
	Precision string `json:"precision"`
	Anchor    string `json:"anchor"`
	StartDate string `json:"start_date"`
	EndDate   string `json:"end_date"`
}

// Doc converts the stored event back to the document model (ids stay
// global, so events of several documents can be mixed).
func (e *Event) Doc() doc.Event {
	treaty := e.Treaty
	return doc.Event{ID: e.ID, Document: e.Document, Type: e.Type, Mode: e.Mode, Subtype: e.Subtype, Quad: e.Quad,
		Actor: e.Actor, Recipient: e.Recipient,
		Date:     doc.EventDate{Value: e.Date.Value, End: e.Date.End, Precision: e.Date.Precision, Anchor: e.Date.Anchor, Timex: -1},
		Modality: e.Modality, Name: e.Name, Place: e.Place, Quantities: e.Quantities, Score: e.Score,
		Trigger: e.Trigger, Evidence: e.Evidence, Mentions: e.Mentions, Treaty: treaty, Sentence: e.Sentence}
}

// EventFilter selects events. Empty fields do not filter.
type EventFilter struct {
	// Actors: the event involves every one of them (on either side).
	Actors []string
	// Pair: the event is between the two (either direction).
	Pair       [2]string
	Types      []string
	Modes      []string
	Modalities []string
	// From and To are TIMEX3/ISO dates at any precision.
	From, To string
	// Overlap makes a date range match events whose dated interval only
	// overlaps it; by default the interval must lie inside it.
	Overlap bool
	// Text is a full-text query over the events' evidence sentences.
	Text     string
	Document string
	Treaty   string
	Page
}

// EventList is one page of events.
type EventList struct {
	Total  int     `json:"total"`
	Limit  int     `json:"limit"`
	Offset int     `json:"offset"`
	Events []Event `json:"events"`
}

const eventCols = `e.id, e.local_id, e.doc_id, e.type, e.mode, e.subtype, e.quad, e.actors, e.recipients,
	e.date_value, e.date_end, e.precision, e.anchor, e.date_lo, e.date_hi, e.modality, e.name, e.place, e.score,
	e.treaty, e.sentence, e.trigger_start, e.trigger_end, e.trigger_text, e.evidence_start, e.evidence_end, e.evidence_text,
	e.quantities, e.mentions`

const eventOrder = ` ORDER BY e.date_lo, e.date_hi, e.key`

func scanEvent(r interface{ Scan(...any) error }) (*Event, error) {
	var e Event
	var actors, recips, quant, ments string
	var lo, hi int64
	if err := r.Scan(&e.ID, &e.LocalID, &e.Document, &e.Type, &e.Mode, &e.Subtype, &e.Quad, &actors, &recips,
		&e.Date.Value, &e.Date.End, &e.Date.Precision, &e.Date.Anchor, &lo, &hi, &e.Modality, &e.Name, &e.Place, &e.Score,
		&e.Treaty, &e.Sentence, &e.Trigger.Start, &e.Trigger.End, &e.Trigger.Text, &e.Evidence.Start, &e.Evidence.End, &e.Evidence.Text,
		&quant, &ments); err != nil {
		return nil, err
	}
	e.Date.StartDate, e.Date.EndDate = Day(lo).ISO(), Day(hi).ISO()
	for _, x := range []struct {
		s string
		v any
	}{{actors, &e.Actor}, {recips, &e.Recipient}, {quant, &e.Quantities}, {ments, &e.Mentions}} {
		if err := json.Unmarshal([]byte(x.s), x.v); err != nil {
			return nil, fmt.Errorf("event %s: %w", e.ID, err)
		}
	}
	if len(e.Mentions) == 0 {
		e.Mentions = nil
	}
	return &e, nil
}

// where builds the WHERE clause of an event query and its arguments.
type where struct {
	conds []string
	args  []any
	// side is set when the whole filter is one pair or one actor and a
	// period: the query can then be answered from that side table alone.
	side *sideScan
}

// sideScan is a filter on event_pairs or event_actors that holds the
// whole of an event filter.
type sideScan struct {
	table, cond string
	// unique: each event matches at most one row (one id per side).
	unique bool
	// nargs is how many of the filter's arguments cond uses (the first).
	nargs int
}

func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return fmt.Sprintf("$%d", len(w.args))
}

// isIn is " = $n" for one value (so SQLite can use an index for the
// order too) or " IN ($n, ...)" for several.
func (w *where) isIn(vals []string) string {
	if len(vals) == 1 {
		return " = " + w.arg(vals[0])
	}
	return " IN " + w.in(vals)
}

func (w *where) in(vals []string) string {
	ps := make([]string, len(vals))
	for i, v := range vals {
		ps[i] = w.arg(v)
	}
	return "(" + strings.Join(ps, ", ") + ")"
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func splitList(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func (s *db) resolveAll(ctx context.Context, param, name string) ([]string, error) {
	ids, err := s.ResolveActor(ctx, name)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, badParam(param, "no stored actor is called %q (try an id, a state code like DEU, a name or an alias)", name)
	}
	return ids, nil
}

// eventWhere turns a filter into SQL. Filters on actors and pairs go
// through event_actors / event_pairs so that they use those tables'
// (actor, date) indexes.
func (s *db) eventWhere(ctx context.Context, f EventFilter) (*where, error) {
	w := &where{}
	var lo, hi Day
	if f.From != "" {
		r, err := parseBound("from", f.From)
		if err != nil {
			return nil, err
		}
		lo = r.Lo
	}
	if f.To != "" {
		r, err := parseBound("to", f.To)
		if err != nil {
			return nil, err
		}
		hi = r.Hi
	}
	if lo != 0 && hi != 0 && lo > hi {
		return nil, badParam("from", "%s is after --to %s", f.From, f.To)
	}
	// keyRange applies the period to a side table, which holds each
	// event's day bounds: within mode bounds both ends, overlap mode asks
	// for any shared day.
	keyRange := func() string {
		c := ""
		if f.Overlap {
			if lo != 0 {
				c += " AND date_hi >= " + w.arg(int64(lo))
			}
			if hi != 0 {
				c += " AND date_lo >= 1 AND date_lo <= " + w.arg(int64(hi))
			}
			return c
		}
		// One lower bound on date_lo only, or SQLite may start the range
		// at the weaker one. Undated events (date_lo 0) never match a
		// period.
		if lo != 0 {
			c += " AND date_lo >= " + w.arg(int64(lo))
		} else if hi != 0 {
			c += " AND date_lo >= 1"
		}
		if hi != 0 {
			// date_lo <= date_hi <= hi: bounding date_lo too closes the
			// index range.
			h := w.arg(int64(hi))
			c += " AND date_lo <= " + h + " AND date_hi <= " + h
		}
		return c
	}
	var sides []*sideScan
	if f.Pair[0] != "" || f.Pair[1] != "" {
		if f.Pair[0] == "" || f.Pair[1] == "" {
			return nil, badParam("pair", "needs two actors, as A,B")
		}
		a, err := s.resolveAll(ctx, "pair", f.Pair[0])
		if err != nil {
			return nil, err
		}
		b, err := s.resolveAll(ctx, "pair", f.Pair[1])
		if err != nil {
			return nil, err
		}
		sc := &sideScan{table: "event_pairs", cond: "a" + w.isIn(a) + " AND b" + w.isIn(b) + keyRange(), unique: len(a) == 1 && len(b) == 1}
		sc.nargs = len(w.args)
		sides = append(sides, sc)
		w.conds = append(w.conds, "e.key IN (SELECT event_key FROM event_pairs WHERE "+sc.cond+")")
	}
	for _, name := range splitList(f.Actors) {
		ids, err := s.resolveAll(ctx, "actor", name)
		if err != nil {
			return nil, err
		}
		sc := &sideScan{table: "event_actors", cond: "actor_id" + w.isIn(ids) + keyRange(), unique: len(ids) == 1}
		sc.nargs = len(w.args)
		sides = append(sides, sc)
		w.conds = append(w.conds, "e.key IN (SELECT event_key FROM event_actors WHERE "+sc.cond+")")
	}
	if ts := splitList(f.Types); len(ts) > 0 {
		for i := range ts {
			ts[i] = strings.ToUpper(ts[i])
		}
		w.conds = append(w.conds, "e.type"+w.isIn(ts))
	}
	if ms := splitList(f.Modes); len(ms) > 0 {
		w.conds = append(w.conds, "e.mode"+w.isIn(ms))
	}
	if ms := splitList(f.Modalities); len(ms) > 0 {
		for i := range ms {
			ms[i] = strings.ToLower(ms[i])
			switch ms[i] {
			case doc.ModalityAsserted, doc.ModalityNegated, doc.ModalityHypothetical, doc.ModalityDisputed:
			default:
				return nil, badParam("modality", "%q: want asserted, negated, hypothetical or disputed", ms[i])
			}
		}
		w.conds = append(w.conds, "e.modality"+w.isIn(ms))
	}
	// Only the side filter so far (types, modes, modalities add conditions
	// on events): the period goes into the side table too.
	if len(sides) == 1 && len(w.conds) == 1 && f.Document == "" && f.Treaty == "" && strings.TrimSpace(f.Text) == "" {
		w.side = sides[0]
	}
	if f.Overlap {
		if lo != 0 {
			w.conds = append(w.conds, "e.date_hi >= "+w.arg(int64(lo)))
		}
		if hi != 0 {
			w.conds = append(w.conds, "e.date_lo >= 1", "e.date_lo <= "+w.arg(int64(hi)))
		}
	} else {
		if lo != 0 {
			w.conds = append(w.conds, "e.date_lo >= "+w.arg(int64(lo)))
		} else if hi != 0 {
			w.conds = append(w.conds, "e.date_lo >= 1")
		}
		if hi != 0 {
			h := w.arg(int64(hi))
			w.conds = append(w.conds, "e.date_lo <= "+h, "e.date_hi <= "+h)
		}
	}
	if f.Document != "" {
		w.conds = append(w.conds, "e.doc_id = "+w.arg(f.Document))
	}
	if f.Treaty != "" {
		w.conds = append(w.conds, "e.treaty = "+w.arg(f.Treaty))
	}
	if strings.TrimSpace(f.Text) != "" {
		c, err := s.sentenceMatch(w, f.Text)
		if err != nil {
			return nil, err
		}
		w.conds = append(w.conds, "(e.doc_id, e.sentence) IN ("+c+")")
	}
	return w, nil
}

// Events implements Store.
func (s *db) Events(ctx context.Context, f EventFilter) (*EventList, error) {
	p, err := f.Page.norm(false)
	if err != nil {
		return nil, err
	}
	w, err := s.eventWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	out := &EventList{Limit: p.Limit, Offset: p.Offset, Events: []Event{}}
	countQ := `SELECT count(*) FROM events e` + w.String()
	pageQ := `SELECT ` + eventCols + ` FROM events e` + w.String() + eventOrder + fmt.Sprintf(" LIMIT %d OFFSET %d", p.Limit, p.Offset)
	if sc := w.side; sc != nil {
		// One index range scan gives the count and, in date order, the
		// keys of the page; only the page's events are read.
		if sc.unique {
			countQ = `SELECT count(*) FROM ` + sc.table + ` WHERE ` + sc.cond
		} else {
			countQ = `SELECT count(*) FROM (SELECT DISTINCT event_key FROM ` + sc.table + ` WHERE ` + sc.cond + `) x`
		}
		pageQ = `SELECT ` + eventCols + ` FROM events e WHERE e.key IN (SELECT event_key FROM (SELECT DISTINCT date_lo, date_hi, event_key FROM ` +
			sc.table + ` WHERE ` + sc.cond + fmt.Sprintf(` ORDER BY date_lo, date_hi, event_key LIMIT %d OFFSET %d) x)`, p.Limit, p.Offset) + eventOrder
	}
	args := w.args
	if w.side != nil {
		args = w.args[:w.side.nargs]
	}
	if err := tx.QueryRowContext(ctx, countQ, args...).Scan(&out.Total); err != nil {
		return nil, classify(err)
	}
	rows, err := tx.QueryContext(ctx, pageQ, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out.Events = append(out.Events, *e)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	if err := s.nameEvents(ctx, tx, out.Events); err != nil {
		return nil, err
	}
	return out, nil
}

// EachEvent implements Store.
func (s *db) EachEvent(ctx context.Context, f EventFilter, fn func(*Event) error) error {
	w, err := s.eventWhere(ctx, f)
	if err != nil {
		return err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	names, err := actorNames(ctx, tx, nil)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+eventCols+` FROM events e`+w.String()+eventOrder, w.args...)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return err
		}
		applyNames(e, names)
		if err := fn(e); err != nil {
			return err
		}
	}
	return classify(rows.Err())
}

// actorNames maps actor ids to names: those of ids, or all when ids is nil.
func actorNames(ctx context.Context, q querier, ids []string) (map[string]string, error) {
	out := map[string]string{}
	query := `SELECT id, name FROM actors`
	var args []any
	if ids != nil {
		if len(ids) == 0 {
			return out, nil
		}
		w := &where{}
		query += " WHERE id" + w.isIn(ids)
		args = w.args
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, rows.Err()
}

func applyNames(e *Event, names map[string]string) {
	e.ActorNames = make([]string, len(e.Actor))
	for i, a := range e.Actor {
		e.ActorNames[i] = nameOr(names, a)
	}
	e.RecipientNames = make([]string, len(e.Recipient))
	for i, a := range e.Recipient {
		e.RecipientNames[i] = nameOr(names, a)
	}
}

func nameOr(names map[string]string, id string) string {
	if n, ok := names[id]; ok && n != "" {
		return n
	}
	return id
}

func (s *db) nameEvents(ctx context.Context, q querier, evs []Event) error {
	seen := map[string]bool{}
	var ids []string
	for _, e := range evs {
		for _, a := range append(append([]string(nil), e.Actor...), e.Recipient...) {
			if !seen[a] {
				seen[a] = true
				ids = append(ids, a)
			}
		}
	}
	names, err := actorNames(ctx, q, ids)
	if err != nil {
		return err
	}
	for i := range evs {
		applyNames(&evs[i], names)
	}
	return nil
}

// Event implements Store.
func (s *db) Event(ctx context.Context, id string) (*Event, error) {
	e, err := scanEvent(s.sql.QueryRowContext(ctx, `SELECT `+eventCols+` FROM events e WHERE e.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, classify(err)
	}
	evs := []Event{*e}
	if err := s.nameEvents(ctx, s.sql, evs); err != nil {
		return nil, err
	}
	return &evs[0], nil
}

// EventContext is an event with what a reader needs to check it: the
// evidence sentence, its paragraph, the date expression and the actor
// mentions in the sentence.
type EventContext struct {
	Event     Event      `json:"event"`
	Document  string     `json:"document"`
	Title     string     `json:"title"`
	Sentence  *Sentence  `json:"sentence"`
	Paragraph *Paragraph `json:"paragraph"`
	// Timexes are the temporal expressions in the evidence sentence.
	Timexes  []Timex   `json:"timexes"`
	Mentions []Mention `json:"mentions"`
}

// EventContext implements Store.
func (s *db) EventContext(ctx context.Context, id string) (*EventContext, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	e, err := scanEvent(tx.QueryRowContext(ctx, `SELECT `+eventCols+` FROM events e WHERE e.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, classify(err)
	}
	evs := []Event{*e}
	if err := s.nameEvents(ctx, tx, evs); err != nil {
		return nil, err
	}
	out := &EventContext{Event: evs[0], Document: e.Document, Timexes: []Timex{}, Mentions: []Mention{}}
	if err := tx.QueryRowContext(ctx, `SELECT title FROM documents WHERE id = $1`, e.Document).Scan(&out.Title); err != nil {
		return nil, classify(err)
	}
	sents, err := querySentences(ctx, tx, e.Document, e.Sentence, e.Sentence)
	if err != nil {
		return nil, err
	}
	if len(sents) == 1 {
		out.Sentence = &sents[0]
		ps, err := queryParagraphs(ctx, tx, e.Document, sents[0].Paragraph, sents[0].Paragraph)
		if err != nil {
			return nil, err
		}
		if len(ps) == 1 {
			out.Paragraph = &ps[0]
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT doc_id, idx, text, type, value, mod, anchor, quant, freq, sentence, start_off, end_off, clean_start, clean_end
		FROM timexes WHERE doc_id = $1 AND sentence = $2 ORDER BY idx`, e.Document, e.Sentence)
	if err != nil {
		return nil, classify(err)
	}
	for rows.Next() {
		var t Timex
		if err := rows.Scan(&t.Document, &t.Index, &t.Text, &t.Type, &t.Value, &t.Mod, &t.Anchor, &t.Quant, &t.Freq, &t.Sentence,
			&t.Start, &t.End, &t.CleanStart, &t.CleanEnd); err != nil {
			rows.Close()
			return nil, err
		}
		out.Timexes = append(out.Timexes, t)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT doc_id, idx, text, actor_id, kind, state, regime, role, via, sentence, start_off, end_off, clean_start, clean_end
		FROM mentions WHERE doc_id = $1 AND sentence = $2 ORDER BY idx`, e.Document, e.Sentence)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var m Mention
		if err := rows.Scan(&m.Document, &m.Index, &m.Text, &m.Actor, &m.Kind, &m.State, &m.Regime, &m.Role, &m.Via, &m.Sentence,
			&m.Start, &m.End, &m.CleanStart, &m.CleanEnd); err != nil {
			return nil, err
		}
		out.Mentions = append(out.Mentions, m)
	}
	return out, rows.Err()
}
