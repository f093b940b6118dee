package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// writer runs the statements of one write transaction, preparing each
// distinct statement once and giving the BeforeWrite hook its say first.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	hook  func(context.Context, string) error
	stmts map[string]*sql.Stmt
	// numbered: the dialect wants $1, $2 … placeholders (PostgreSQL).
	numbered bool
}

func (w *writer) stmt(q string) (*sql.Stmt, error) {
	if err := w.ctx.Err(); err != nil {
		return nil, err
	}
	if w.hook != nil {
		if err := w.hook(w.ctx, q); err != nil {
			return nil, err
		}
	}
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, q)
	if err != nil {
		return nil, err
	}
	w.stmts[q] = st
	return st, nil
}

func (w *writer) exec(q string, args ...any) error {
	st, err := w.stmt(q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(w.ctx, args...)
	return err
}

func (w *writer) queryKey(q string, args ...any) (int64, error) {
	st, err := w.stmt(q)
	if err != nil {
		return 0, err
	}
	var k int64
	err = st.QueryRowContext(w.ctx, args...).Scan(&k)
	return k, err
}

// batch gathers rows for one table and inserts them many at a time, so a
// document costs a few statements rather than one per row (a round trip
// each on PostgreSQL).
type batch struct {
	w     *writer
	head  string
	ncols int
	args  []any
	rows  int
	// suffix follows the VALUES (an ON CONFLICT clause).
	suffix string
	// returning, if set, is a RETURNING clause whose rows go to onRow.
	returning string
	onRow     func(*sql.Rows) error
}

// maxParams keeps a statement under both databases' parameter limits.
const maxParams = 999

func (w *writer) batch(table string, cols ...string) *batch {
	return &batch{w: w, head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ", ncols: len(cols)}
}

func (b *batch) add(vals ...any) error {
	if len(vals) != b.ncols {
		return fmt.Errorf("store: %d values for %d columns in %s", len(vals), b.ncols, b.head)
	}
	b.args = append(b.args, vals...)
	b.rows++
	if (b.rows+1)*b.ncols > maxParams {
		return b.flush()
	}
	return nil
}

func (b *batch) flush() error {
	if b.rows == 0 {
		return nil
	}
	var q strings.Builder
	q.WriteString(b.head)
	n := 0
	for r := 0; r < b.rows; r++ {
		if r > 0 {
			q.WriteString(", ")
		}
		q.WriteByte('(')
		for c := 0; c < b.ncols; c++ {
			if c > 0 {
				q.WriteString(", ")
			}
			n++
			if b.w.numbered {
				q.WriteByte('$')
				q.WriteString(strconv.Itoa(n))
			} else {
				// SQLite binds plain ? by position; numbered names would be
				// looked up one by one.
				q.WriteByte('?')
			}
		}
		q.WriteByte(')')
	}
	defer func() { b.args, b.rows = b.args[:0], 0 }()
	q.WriteString(b.suffix)
	if b.returning == "" {
		return b.w.exec(q.String(), b.args...)
	}
	q.WriteString(" RETURNING " + b.returning)
	st, err := b.w.stmt(q.String())
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(b.w.ctx, b.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := b.onRow(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// write runs fn in one transaction, committed only if fn and the commit
// succeed; a cancelled context rolls it back.
func (s *db) write(ctx context.Context, fn func(w *writer) error) (err error) {
	tx, err := s.sql.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	w := &writer{ctx: ctx, tx: tx, hook: s.opts.BeforeWrite, stmts: map[string]*sql.Stmt{}, numbered: s.dialect == dialectPostgres}
	defer func() {
		w.close()
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(w); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return classify(err)
	}
	if s.opts.BeforeWrite != nil {
		if err = s.opts.BeforeWrite(ctx, "COMMIT"); err != nil {
			return err
		}
	}
	if err = tx.Commit(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return classify(err)
	}
	return nil
}

func js(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Only plain data is stored; a failure here is a programming error
		// that must not be silently written as garbage.
		panic(fmt.Sprintf("store: cannot encode %T: %v", v, err))
	}
	return string(b)
}

func strs(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

// Ingest implements Store.
func (s *db) Ingest(ctx context.Context, d *doc.Document) (IngestResult, error) {
	res := IngestResult{Path: d.Path, Bytes: d.Size}
	if d.SHA256 == "" || d.Path == "" {
		return res, errors.New("cannot store a document without a path and content hash")
	}
	err := s.write(ctx, func(w *writer) error {
		res.Outcome, res.Document, res.Replaced = OutcomeAdded, "", ""
		var id, reader string
		var orphans []string
		err := w.tx.QueryRowContext(ctx, `SELECT id, reader FROM documents WHERE sha256 = $1`, d.SHA256).Scan(&id, &reader)
		switch {
		case err == nil && s.sameReader(reader):
			res.Outcome, res.Document = OutcomeUnchanged, id
			return nil
		case err == nil:
			// the same bytes, read by another build: this reading replaces it
			res.Outcome, res.Replaced = OutcomeReplaced, id
			if orphans, err = deleteDocument(w, id); err != nil {
				return err
			}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		err = w.tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE path = $1`, d.Path).Scan(&id)
		switch {
		case err == nil:
			res.Outcome, res.Replaced = OutcomeReplaced, id
			more, err := deleteDocument(w, id)
			if err != nil {
				return err
			}
			orphans = append(orphans, more...)
		case errors.Is(err, sql.ErrNoRows):
			id, err = s.freeID(ctx, w.tx, d.ID)
			if err != nil {
				return err
			}
		default:
			return err
		}
		res.Document = id
		if err := insertDocument(w, id, s.opts.Reader, d, &res); err != nil {
			return err
		}
		return pruneActors(w, orphans)
	})
	if err != nil {
		return IngestResult{Path: d.Path, Bytes: d.Size}, fmt.Errorf("%s: not stored: %w", d.Path, err)
	}
	return res, nil
}

// freeID returns want, or want-2, want-3 … if another path already uses it.
func (s *db) freeID(ctx context.Context, tx *sql.Tx, want string) (string, error) {
	if want == "" {
		want = "document"
	}
	id := want
	for n := 2; ; n++ {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = $1`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return id, nil
		}
		if err != nil {
			return "", err
		}
		id = want + "-" + strconv.Itoa(n)
	}
}

// DeleteDocument implements Store.
func (s *db) DeleteDocument(ctx context.Context, id string) error {
	return s.write(ctx, func(w *writer) error {
		var one int
		err := w.tx.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = $1`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("document %q: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		orphans, err := deleteDocument(w, id)
		if err != nil {
			return err
		}
		return pruneActors(w, orphans)
	})
}

// deleteDocument removes a document's records and returns the ids of the
// actors it named, which may now be named by no document.
func deleteDocument(w *writer, id string) ([]string, error) {
	rows, err := w.tx.QueryContext(w.ctx, `SELECT actor_id FROM document_actors WHERE doc_id = $1`, id)
	if err != nil {
		return nil, err
	}
	var actors []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			rows.Close()
			return nil, err
		}
		actors = append(actors, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Take the document's counts off the actors' totals.
	if err := w.exec(`UPDATE actors SET
		mentions = mentions - COALESCE((SELECT da.mentions FROM document_actors da WHERE da.doc_id = $1 AND da.actor_id = actors.id), 0),
		events = events - COALESCE((SELECT da.events FROM document_actors da WHERE da.doc_id = $1 AND da.actor_id = actors.id), 0)
		WHERE id IN (SELECT actor_id FROM document_actors WHERE doc_id = $1)`, id); err != nil {
		return nil, err
	}
	for _, q := range []string{
		`DELETE FROM event_pairs WHERE event_key IN (SELECT key FROM events WHERE doc_id = $1)`,
		`DELETE FROM event_actors WHERE event_key IN (SELECT key FROM events WHERE doc_id = $1)`,
		`DELETE FROM events WHERE doc_id = $1`,
		`DELETE FROM treaty_parties WHERE treaty_key IN (SELECT key FROM treaties WHERE doc_id = $1)`,
		`DELETE FROM treaties WHERE doc_id = $1`,
		`DELETE FROM tenures WHERE doc_id = $1`,
		`DELETE FROM mentions WHERE doc_id = $1`,
		`DELETE FROM actor_aliases WHERE doc_id = $1`,
		`DELETE FROM document_actors WHERE doc_id = $1`,
		`DELETE FROM timexes WHERE doc_id = $1`,
		`DELETE FROM sentences WHERE doc_id = $1`,
		`DELETE FROM paragraphs WHERE doc_id = $1`,
		`DELETE FROM sections WHERE doc_id = $1`,
		`DELETE FROM documents WHERE id = $1`,
	} {
		if err := w.exec(q, id); err != nil {
			return nil, err
		}
	}
	return actors, nil
}

// pruneActors removes those of ids that no document names any more, and
// recomputes the aliases and roles of the others from the documents that
// still name them.
func pruneActors(w *writer, ids []string) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		wh := &where{}
		if err := w.exec(`DELETE FROM actors WHERE id`+wh.isIn(ids[:n])+
			` AND NOT EXISTS (SELECT 1 FROM document_actors da WHERE da.actor_id = actors.id)`, wh.args...); err != nil {
			return err
		}
		for _, id := range ids[:n] {
			rows, err := w.tx.QueryContext(w.ctx, `SELECT DISTINCT aliases, roles FROM document_actors WHERE actor_id = $1`, id)
			if err != nil {
				return err
			}
			var aliases, roles []string
			for rows.Next() {
				var al, ro string
				var a, r []string
				if err := rows.Scan(&al, &ro); err != nil {
					rows.Close()
					return err
				}
				if err := json.Unmarshal([]byte(al), &a); err != nil {
					rows.Close()
					return err
				}
				if err := json.Unmarshal([]byte(ro), &r); err != nil {
					rows.Close()
					return err
				}
				aliases, roles = union(aliases, a), union(roles, r)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if err := w.exec(`UPDATE actors SET aliases = $1, roles = $2 WHERE id = $3`, js(strs(aliases)), js(strs(roles)), id); err != nil {
				return err
			}
		}
		ids = ids[n:]
	}
	return nil
}

// storedAliases reads the aliases and roles the store has for actors,
// in one query per few hundred actors.
func storedAliases(w *writer, actors []doc.Actor) (map[string][2][]string, error) {
	out := map[string][2][]string{}
	for len(actors) > 0 {
		n := min(len(actors), 500)
		ids := make([]string, 0, n)
		for _, a := range actors[:n] {
			ids = append(ids, a.ID)
		}
		actors = actors[n:]
		wh := &where{}
		rows, err := w.tx.QueryContext(w.ctx, `SELECT id, aliases, roles FROM actors WHERE id`+wh.isIn(ids), wh.args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, al, ro string
			var aliases, roles []string
			if err := rows.Scan(&id, &al, &ro); err != nil {
				rows.Close()
				return nil, err
			}
			if err := json.Unmarshal([]byte(al), &aliases); err != nil {
				rows.Close()
				return nil, err
			}
			if err := json.Unmarshal([]byte(ro), &roles); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = [2][]string{aliases, roles}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// union is the sorted union of two lists, never nil.
func union(a, b []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, x := range append(append([]string(nil), a...), b...) {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

func insertDocument(w *writer, id, reader string, d *doc.Document, res *IngestResult) error {
	text := d.Text
	if text == d.Raw {
		text = "" // the clean text is the file: keep it once
	}
	infobox := d.Infobox
	if infobox == nil {
		infobox = []doc.InfoboxField{}
	}
	if err := w.exec(`INSERT INTO documents (id, path, title, sha256, format, size, raw, text, infobox, ingested_at, reader)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		id, d.Path, d.Title, d.SHA256, d.Format, len(d.Raw), d.Raw, text, js(infobox),
		time.Now().UTC().Format(time.RFC3339), reader); err != nil {
		return err
	}
	bSections := w.batch("sections", "doc_id", "idx", "level", "title", "path", "parent", "start_off", "end_off", "clean_start", "clean_end", "heading_start", "heading_end")
	for i, sec := range d.Sections {
		if err := bSections.add(id, i, sec.Level, sec.Title, js(strs(sec.Path)), sec.Parent, sec.Start, sec.End, sec.Clean.Start, sec.Clean.End,
			sec.Heading.Start, sec.Heading.End); err != nil {
			return err
		}
	}
	if err := bSections.flush(); err != nil {
		return err
	}
	bParagraphs := w.batch("paragraphs", "doc_id", "idx", "kind", "level", "section", "ordinal", "text", "start_off", "end_off", "clean_start", "clean_end")
	for i, b := range d.Blocks {
		if err := bParagraphs.add(id, i, b.Kind, b.Level, b.Section, b.Ordinal, b.Text, b.Start, b.End, b.Clean.Start, b.Clean.End); err != nil {
			return err
		}
	}
	if err := bParagraphs.flush(); err != nil {
		return err
	}
	bSentences := w.batch("sentences", "doc_id", "idx", "text", "paragraph", "section", "start_off", "end_off", "clean_start", "clean_end")
	for i, st := range d.Sentences {
		if err := bSentences.add(id, i, st.Text, st.Block, st.Section, st.Start, st.End, st.Clean.Start, st.Clean.End); err != nil {
			return err
		}
	}
	if err := bSentences.flush(); err != nil {
		return err
	}
	res.Sentences = len(d.Sentences)
	bTimexes := w.batch("timexes", "doc_id", "idx", "text", "type", "value", "mod", "anchor", "quant", "freq", "sentence", "start_off", "end_off", "clean_start", "clean_end")
	for i, t := range d.Timexes {
		if err := bTimexes.add(id, i, t.Text, t.Type, t.Value, t.Mod, t.Anchor, t.Quant, t.Freq, t.Sentence, t.Start, t.End, t.Clean.Start, t.Clean.End); err != nil {
			return err
		}
	}
	if err := bTimexes.flush(); err != nil {
		return err
	}
	res.Timexes = len(d.Timexes)
	if err := insertActors(w, id, d); err != nil {
		return err
	}
	res.Actors, res.Mentions = len(d.Actors), len(d.Mentions)
	if err := insertTreaties(w, id, d); err != nil {
		return err
	}
	res.Treaties = len(d.Treaties)
	if err := insertEvents(w, id, d); err != nil {
		return err
	}
	res.Events = len(d.Events)
	if err := insertTenures(w, id, d); err != nil {
		return err
	}
	res.Tenures = len(d.Tenures)
	return nil
}

// insertActors stores the document's actors with how often this document
// mentions them and puts them in events, so that actor lists with counts
// need no scan of the events. An actor an event names without the actor
// layer listing it is stored under its id.
func insertActors(w *writer, id string, d *doc.Document) error {
	mentions := map[string]int{}
	for _, m := range d.Mentions {
		mentions[m.Actor]++
	}
	events := map[string]int{}
	actors := append([]doc.Actor(nil), d.Actors...)
	listed := map[string]bool{}
	for _, a := range d.Actors {
		listed[a.ID] = true
	}
	for _, e := range d.Events {
		in := map[string]bool{}
		for _, a := range append(append([]string(nil), e.Actor...), e.Recipient...) {
			if a == "" || in[a] {
				continue
			}
			in[a] = true
			events[a]++
			if !listed[a] {
				listed[a] = true
				actors = append(actors, doc.Actor{ID: a, Name: a})
			}
		}
	}
	bDocumentactors := w.batch("document_actors", "doc_id", "actor_id", "name", "kind", "code", "state", "aliases", "roles", "mentions", "events")
	bActoraliases := w.batch("actor_aliases", "doc_id", "actor_id", "alias")
	stored, err := storedAliases(w, actors)
	if err != nil {
		return err
	}
	bActors := w.batch("actors", "id", "name", "kind", "code", "state", "aliases", "roles", "mentions", "events")
	bActors.suffix = ` ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, code = excluded.code, state = excluded.state,
		aliases = excluded.aliases, roles = excluded.roles,
		mentions = actors.mentions + excluded.mentions, events = actors.events + excluded.events`
	seen := map[string]bool{}
	for _, a := range actors {
		if a.ID == "" || seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		if err := bDocumentactors.add(id, a.ID, a.Name, a.Kind, a.Code, a.State, js(strs(a.Aliases)), js(strs(a.Roles)), mentions[a.ID], events[a.ID]); err != nil {
			return err
		}
		st := stored[a.ID]
		if err := bActors.add(a.ID, a.Name, a.Kind, a.Code, a.State, js(union(st[0], a.Aliases)), js(union(st[1], a.Roles)), mentions[a.ID], events[a.ID]); err != nil {
			return err
		}
		names := map[string]bool{}
		for _, al := range append([]string{a.Name}, a.Aliases...) {
			if al == "" || names[al] {
				continue
			}
			names[al] = true
			if err := bActoraliases.add(id, a.ID, al); err != nil {
				return err
			}
		}
	}
	if err := bDocumentactors.flush(); err != nil {
		return err
	}
	if err := bActors.flush(); err != nil {
		return err
	}
	if err := bActoraliases.flush(); err != nil {
		return err
	}
	bMentions := w.batch("mentions", "doc_id", "idx", "text", "actor_id", "kind", "state", "regime", "role", "via", "sentence", "start_off", "end_off", "clean_start", "clean_end")
	for i, m := range d.Mentions {
		if err := bMentions.add(id, i, m.Text, m.Actor, m.Kind, m.State, m.Regime, m.Role, m.Via, m.Sentence, m.Start, m.End, m.Clean.Start, m.Clean.End); err != nil {
			return err
		}
	}
	if err := bMentions.flush(); err != nil {
		return err
	}
	return nil
}

// globalID makes a document-local annotation id unique across the store.
func globalID(docID, local string) string {
	if local == "" {
		return ""
	}
	return docID + ":" + local
}

func localOr(id, prefix string, i int) string {
	if id != "" {
		return id
	}
	return prefix + strconv.Itoa(i+1)
}

func insertTreaties(w *writer, id string, d *doc.Document) error {
	bTreatyparties := w.batch("treaty_parties", "party", "treaty_key")
	for i, t := range d.Treaties {
		local := localOr(t.ID, "t", i)
		lo, hi, _ := spanOf(t.Signed, "")
		evs := make([]string, 0, len(t.Events))
		for _, e := range t.Events {
			evs = append(evs, globalID(id, e))
		}
		k, err := w.queryKey(`INSERT INTO treaties (id, doc_id, local_id, ord, name, aliases, signed, signed_lo, signed_hi, parties, signatories, secret_protocol, events, evidence_start, evidence_end, evidence_text)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING key`,
			globalID(id, local), id, local, i, t.Name, js(strs(t.Aliases)), t.Signed, nullDay(lo), nullDay(hi),
			js(strs(t.Parties)), js(strs(t.Signatories)), t.SecretProtocol, js(evs),
			t.Evidence.Start, t.Evidence.End, t.Evidence.Text)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, p := range t.Parties {
			// Kept lower-case so the index answers case-insensitive lookups.
			p = strings.ToLower(p)
			if p == "" || seen[p] {
				continue
			}
			seen[p] = true
			if err := bTreatyparties.add(p, k); err != nil {
				return err
			}
		}
	}
	if err := bTreatyparties.flush(); err != nil {
		return err
	}
	return nil
}

func insertEvents(w *writer, id string, d *doc.Document) error {
	keys := make([]int64, len(d.Events))
	los := make([]Day, len(d.Events))
	his := make([]Day, len(d.Events))
	bEvents := w.batch("events", "id", "doc_id", "local_id", "ord", "type", "mode", "subtype", "quad", "actors", "recipients",
		"date_value", "date_end", "precision", "anchor", "date_lo", "date_hi", "modality", "name", "place", "score", "treaty", "sentence",
		"trigger_start", "trigger_end", "trigger_text", "evidence_start", "evidence_end", "evidence_text", "quantities", "mentions")
	bEvents.returning = "key, ord"
	bEvents.onRow = func(r *sql.Rows) error {
		var k int64
		var ord int
		if err := r.Scan(&k, &ord); err != nil {
			return err
		}
		if ord < 0 || ord >= len(keys) {
			return fmt.Errorf("store: event key for unknown position %d", ord)
		}
		keys[ord] = k
		return nil
	}
	for i, e := range d.Events {
		local := localOr(e.ID, "e", i)
		lo, hi, dated := spanOf(e.Date.Value, e.Date.End)
		los[i], his[i] = lo, hi
		prec := e.Date.Precision
		if prec == "" && dated {
			r, _ := ParseDate(e.Date.Value)
			prec = r.Precision
		}
		quant := e.Quantities
		if quant == nil {
			quant = []doc.Quantity{}
		}
		ments := e.Mentions
		if ments == nil {
			ments = []doc.Evidence{}
		}
		if err := bEvents.add(globalID(id, local), id, local, i, e.Type, e.Mode, e.Subtype, e.Quad, js(strs(e.Actor)), js(strs(e.Recipient)),
			e.Date.Value, e.Date.End, prec, e.Date.Anchor, int64(lo), int64(hi), e.Modality, e.Name, e.Place, e.Score,
			globalID(id, e.Treaty), e.Sentence, e.Trigger.Start, e.Trigger.End, e.Trigger.Text,
			e.Evidence.Start, e.Evidence.End, e.Evidence.Text, js(quant), js(ments)); err != nil {
			return err
		}
	}
	if err := bEvents.flush(); err != nil {
		return err
	}
	bEventactors := w.batch("event_actors", "actor_id", "date_lo", "date_hi", "event_key", "role")
	bEventpairs := w.batch("event_pairs", "a", "b", "date_lo", "date_hi", "value_hi", "event_key", "score", "asserted", "verbal")
	for i, e := range d.Events {
		k, lo, hi := keys[i], los[i], his[i]
		var valueHi Day
		if r, ok := ParseDate(e.Date.Value); ok {
			valueHi = r.Hi
		}
		asserted, verbal := 0, 0
		if e.Modality == doc.ModalityAsserted {
			asserted = 1
		}
		if q := doc.QuadOf(e.Quad, e.Type); q == "VC" || q == "VK" {
			verbal = 1
		}
		type side struct {
			actor string
			role  string
		}
		var parts []side
		seen := map[string]bool{}
		for _, a := range e.Actor {
			if a != "" && !seen[a] {
				seen[a] = true
				parts = append(parts, side{a, "actor"})
			}
		}
		for _, a := range e.Recipient {
			if a != "" && !seen[a] {
				seen[a] = true
				parts = append(parts, side{a, "recipient"})
			}
		}
		for _, p := range parts {
			if err := bEventactors.add(p.actor, int64(lo), int64(hi), k, p.role); err != nil {
				return err
			}
		}
		// The pairs the event passes between: one on each side, or two
		// actors of a joint act with no recipient ("the two countries
		// negotiated"). Two states acting together on a third are no pair
		// (the rule of record.Relations, so both give the same index).
		for _, x := range parts {
			for _, y := range parts {
				if x.actor == y.actor || (x.role == y.role && (x.role == "recipient" || len(e.Recipient) > 0)) {
					continue
				}
				if err := bEventpairs.add(x.actor, y.actor, int64(lo), int64(hi), int64(valueHi), k, e.Score, asserted, verbal); err != nil {
					return err
				}
			}
		}
	}
	if err := bEventactors.flush(); err != nil {
		return err
	}
	return bEventpairs.flush()
}

func insertTenures(w *writer, id string, d *doc.Document) error {
	bTenures := w.batch("tenures", "doc_id", "ord", "person", "office", "state", "start_value", "end_value", "start_lo", "start_hi", "end_lo", "end_hi", "source", "evidence_start", "evidence_end", "evidence_text")
	for i, t := range d.Tenures {
		var slo, shi, elo, ehi Day
		if r, ok := ParseDate(t.Start); ok {
			slo, shi = r.Lo, r.Hi
		}
		if r, ok := ParseDate(t.End); ok {
			elo, ehi = r.Lo, r.Hi
		}
		if err := bTenures.add(id, i, t.Person, t.Office, t.State, t.Start, t.End, nullDay(slo), nullDay(shi), nullDay(elo), nullDay(ehi),
			t.Source, t.Evidence.Start, t.Evidence.End, t.Evidence.Text); err != nil {
			return err
		}
	}
	if err := bTenures.flush(); err != nil {
		return err
	}
	return nil
}
