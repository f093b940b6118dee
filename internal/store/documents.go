package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// DocumentInfo describes a stored document.
type DocumentInfo struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Path       string `json:"path"`
	SHA256     string `json:"sha256"`
	Format     string `json:"format"`
	Size       int    `json:"size"`
	IngestedAt string `json:"ingested_at"`
	Sentences  int    `json:"sentences"`
	Events     int    `json:"events"`
}

// DocumentList is one page of documents.
type DocumentList struct {
	Total     int            `json:"total"`
	Limit     int            `json:"limit"`
	Offset    int            `json:"offset"`
	Documents []DocumentInfo `json:"documents"`
}

// Document is a stored document with its text and structure.
type Document struct {
	DocumentInfo
	// Text is the clean text; clean offsets point into it.
	Text string `json:"text"`
	// Raw is the original file, when asked for.
	Raw        string             `json:"raw,omitempty"`
	Infobox    []doc.InfoboxField `json:"infobox"`
	Sections   []Section          `json:"sections"`
	Paragraphs []Paragraph        `json:"paragraphs"`
	Sentences  []Sentence         `json:"sentences"`
}

// Section is a stored section.
type Section struct {
	Index  int      `json:"index"`
	Level  int      `json:"level"`
	Title  string   `json:"title"`
	Path   []string `json:"path"`
	Parent int      `json:"parent"`
	OffsetSpan
	Heading doc.Span `json:"heading"`
}

// Paragraph is a stored block (paragraph, heading, list item ...).
type Paragraph struct {
	Index   int    `json:"index"`
	Kind    string `json:"kind"`
	Level   int    `json:"level,omitempty"`
	Section int    `json:"section"`
	Ordinal string `json:"ordinal,omitempty"`
	Text    string `json:"text"`
	OffsetSpan
}

// Sentence is a stored sentence.
type Sentence struct {
	Document  string `json:"document"`
	Index     int    `json:"index"`
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
	Section   int    `json:"section"`
	OffsetSpan
}

// Timex is a stored temporal expression.
type Timex struct {
	Document string `json:"document"`
	Index    int    `json:"index"`
	Text     string `json:"text"`
	Type     string `json:"type"`
	Value    string `json:"value"`
	Mod      string `json:"mod"`
	Anchor   string `json:"anchor"`
	Quant    string `json:"quant,omitempty"`
	Freq     string `json:"freq,omitempty"`
	Sentence int    `json:"sentence"`
	OffsetSpan
}

// Mention is a stored actor mention.
type Mention struct {
	Document string `json:"document"`
	Index    int    `json:"index"`
	Text     string `json:"text"`
	Actor    string `json:"actor"`
	Kind     string `json:"kind"`
	State    string `json:"state,omitempty"`
	Regime   string `json:"regime,omitempty"`
	Role     string `json:"role,omitempty"`
	Via      string `json:"via,omitempty"`
	Sentence int    `json:"sentence"`
	OffsetSpan
}

// Annotations are the timexes and mentions of (part of) a document.
type Annotations struct {
	Timexes  []Timex   `json:"timexes"`
	Mentions []Mention `json:"mentions"`
}

const docInfoCols = `d.id, d.title, d.path, d.sha256, d.format, d.size, d.ingested_at,
	(SELECT count(*) FROM sentences s WHERE s.doc_id = d.id),
	(SELECT count(*) FROM events e WHERE e.doc_id = d.id)`

func scanDocInfo(r interface{ Scan(...any) error }, di *DocumentInfo) error {
	return r.Scan(&di.ID, &di.Title, &di.Path, &di.SHA256, &di.Format, &di.Size, &di.IngestedAt, &di.Sentences, &di.Events)
}

// Documents implements Store.
func (s *db) Documents(ctx context.Context, p Page) (*DocumentList, error) {
	p, err := p.norm(false)
	if err != nil {
		return nil, err
	}
	out := &DocumentList{Limit: p.Limit, Offset: p.Offset, Documents: []DocumentInfo{}}
	if err := s.sql.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&out.Total); err != nil {
		return nil, classify(err)
	}
	rows, err := s.sql.QueryContext(ctx, `SELECT `+docInfoCols+` FROM documents d ORDER BY d.title, d.id LIMIT $1 OFFSET $2`, p.Limit, p.Offset)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var di DocumentInfo
		if err := scanDocInfo(rows, &di); err != nil {
			return nil, err
		}
		out.Documents = append(out.Documents, di)
	}
	return out, rows.Err()
}

// Document implements Store.
func (s *db) Document(ctx context.Context, id string, withRaw bool) (*Document, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	out := &Document{}
	var raw, text, infobox string
	err = tx.QueryRowContext(ctx, `SELECT `+docInfoCols+`, d.raw, d.text, d.infobox FROM documents d WHERE d.id = $1`, id).
		Scan(&out.ID, &out.Title, &out.Path, &out.SHA256, &out.Format, &out.Size, &out.IngestedAt, &out.DocumentInfo.Sentences, &out.Events, &raw, &text, &infobox)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, classify(err)
	}
	out.Text = text
	if text == "" {
		out.Text = raw
	}
	if withRaw {
		out.Raw = raw
	}
	if err := json.Unmarshal([]byte(infobox), &out.Infobox); err != nil {
		return nil, err
	}
	if out.Sections, err = querySections(ctx, tx, id); err != nil {
		return nil, err
	}
	if out.Paragraphs, err = queryParagraphs(ctx, tx, id, -1, -1); err != nil {
		return nil, err
	}
	if out.Sentences, err = querySentences(ctx, tx, id, -1, -1); err != nil {
		return nil, err
	}
	return out, nil
}

// readTx opens a read-only transaction so that a reader sees one
// consistent state even while an ingest commits.
func (s *db) readTx(ctx context.Context) (*sql.Tx, error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.dialect == dialectPostgres {
		// One snapshot for all the statements of the read (a count and
		// its page must agree); SQLite's WAL readers have that already.
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := s.sql.BeginTx(ctx, opts)
	if err != nil {
		return nil, classify(err)
	}
	return tx, nil
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func querySections(ctx context.Context, q querier, id string) ([]Section, error) {
	rows, err := q.QueryContext(ctx, `SELECT idx, level, title, path, parent, start_off, end_off, clean_start, clean_end, heading_start, heading_end
		FROM sections WHERE doc_id = $1 ORDER BY idx`, id)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []Section{}
	for rows.Next() {
		var sec Section
		var path string
		if err := rows.Scan(&sec.Index, &sec.Level, &sec.Title, &path, &sec.Parent, &sec.Start, &sec.End, &sec.CleanStart, &sec.CleanEnd,
			&sec.Heading.Start, &sec.Heading.End); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(path), &sec.Path); err != nil {
			return nil, err
		}
		out = append(out, sec)
	}
	return out, rows.Err()
}

// rangeClause restricts idx-like column col to [from, to] (-1 = open).
func rangeClause(col string, from, to int, args *[]any) string {
	c := ""
	if from >= 0 {
		*args = append(*args, from)
		c += fmt.Sprintf(" AND %s >= $%d", col, len(*args))
	}
	if to >= 0 {
		*args = append(*args, to)
		c += fmt.Sprintf(" AND %s <= $%d", col, len(*args))
	}
	return c
}

func queryParagraphs(ctx context.Context, q querier, id string, from, to int) ([]Paragraph, error) {
	args := []any{id}
	rows, err := q.QueryContext(ctx, `SELECT idx, kind, level, section, ordinal, text, start_off, end_off, clean_start, clean_end
		FROM paragraphs WHERE doc_id = $1`+rangeClause("idx", from, to, &args)+` ORDER BY idx`, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []Paragraph{}
	for rows.Next() {
		var p Paragraph
		if err := rows.Scan(&p.Index, &p.Kind, &p.Level, &p.Section, &p.Ordinal, &p.Text, &p.Start, &p.End, &p.CleanStart, &p.CleanEnd); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

const sentenceCols = `s.doc_id, s.idx, s.text, s.paragraph, s.section, s.start_off, s.end_off, s.clean_start, s.clean_end`

func scanSentence(r interface{ Scan(...any) error }, st *Sentence, extra ...any) error {
	return r.Scan(append([]any{&st.Document, &st.Index, &st.Text, &st.Paragraph, &st.Section, &st.Start, &st.End, &st.CleanStart, &st.CleanEnd}, extra...)...)
}

func querySentences(ctx context.Context, q querier, id string, from, to int) ([]Sentence, error) {
	args := []any{id}
	rows, err := q.QueryContext(ctx, `SELECT `+sentenceCols+` FROM sentences s WHERE s.doc_id = $1`+
		rangeClause("s.idx", from, to, &args)+` ORDER BY s.idx`, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []Sentence{}
	for rows.Next() {
		var st Sentence
		if err := scanSentence(rows, &st); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

func (s *db) docExists(ctx context.Context, q querier, id string) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	return classify(err)
}

// Sentences implements Store; from and to are sentence indexes (-1: open).
func (s *db) Sentences(ctx context.Context, docID string, from, to int) ([]Sentence, error) {
	if err := s.docExists(ctx, s.sql, docID); err != nil {
		return nil, err
	}
	return querySentences(ctx, s.sql, docID, from, to)
}

// Annotations implements Store.
func (s *db) Annotations(ctx context.Context, docID string, from, to int) (*Annotations, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := s.docExists(ctx, tx, docID); err != nil {
		return nil, err
	}
	out := &Annotations{Timexes: []Timex{}, Mentions: []Mention{}}
	args := []any{docID}
	rows, err := tx.QueryContext(ctx, `SELECT doc_id, idx, text, type, value, mod, anchor, quant, freq, sentence, start_off, end_off, clean_start, clean_end
		FROM timexes WHERE doc_id = $1`+rangeClause("sentence", from, to, &args)+` ORDER BY idx`, args...)
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
	if err := rows.Err(); err != nil {
		return nil, err
	}
	args = []any{docID}
	rows, err = tx.QueryContext(ctx, `SELECT doc_id, idx, text, actor_id, kind, state, regime, role, via, sentence, start_off, end_off, clean_start, clean_end
		FROM mentions WHERE doc_id = $1`+rangeClause("sentence", from, to, &args)+` ORDER BY idx`, args...)
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

// LoadDocument implements Store: it rebuilds the doc model of a stored
// document (text, structure and annotation layers), for exports.
func (s *db) LoadDocument(ctx context.Context, id string) (*doc.Document, error) {
	sd, err := s.Document(ctx, id, true)
	if err != nil {
		return nil, err
	}
	d := &doc.Document{ID: sd.ID, Title: sd.Title, Path: sd.Path, SHA256: sd.SHA256, Format: sd.Format, Size: sd.Size,
		Raw: sd.Raw, Text: sd.Text, Infobox: sd.Infobox}
	for _, sec := range sd.Sections {
		d.Sections = append(d.Sections, doc.Section{Level: sec.Level, Title: sec.Title, Path: sec.Path, Parent: sec.Parent,
			Span: doc.Span{Start: sec.Start, End: sec.End}, Heading: sec.Heading, Clean: doc.Span{Start: sec.CleanStart, End: sec.CleanEnd}})
	}
	for _, p := range sd.Paragraphs {
		d.Blocks = append(d.Blocks, doc.Block{Kind: p.Kind, Level: p.Level, Section: p.Section, Ordinal: p.Ordinal, Text: p.Text,
			Span: doc.Span{Start: p.Start, End: p.End}, Clean: doc.Span{Start: p.CleanStart, End: p.CleanEnd}})
	}
	for _, st := range sd.Sentences {
		d.Sentences = append(d.Sentences, doc.Sentence{Text: st.Text, Block: st.Paragraph, Section: st.Section,
			Span: doc.Span{Start: st.Start, End: st.End}, Clean: doc.Span{Start: st.CleanStart, End: st.CleanEnd}})
	}
	an, err := s.Annotations(ctx, id, -1, -1)
	if err != nil {
		return nil, err
	}
	for _, t := range an.Timexes {
		d.Timexes = append(d.Timexes, doc.Timex{Text: t.Text, Type: t.Type, Value: t.Value, Mod: t.Mod, Anchor: t.Anchor,
			Quant: t.Quant, Freq: t.Freq, Sentence: t.Sentence,
			Span: doc.Span{Start: t.Start, End: t.End}, Clean: doc.Span{Start: t.CleanStart, End: t.CleanEnd}})
	}
	for _, m := range an.Mentions {
		d.Mentions = append(d.Mentions, doc.Mention{Text: m.Text, Actor: m.Actor, Kind: m.Kind, State: m.State, Regime: m.Regime,
			Role: m.Role, Via: m.Via, Sentence: m.Sentence,
			Span: doc.Span{Start: m.Start, End: m.End}, Clean: doc.Span{Start: m.CleanStart, End: m.CleanEnd}})
	}
	err = s.EachEvent(ctx, EventFilter{Document: id}, func(e *Event) error {
		d.Events = append(d.Events, e.Doc())
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// sameReader reports whether a document stored by reader counts as read
// by this store's reader: the same, or no reader named.
func (s *db) sameReader(reader string) bool { return s.opts.Reader == "" || reader == s.opts.Reader }

// StoredHash implements Store.
func (s *db) StoredHash(ctx context.Context, sha string) (string, error) {
	var id, reader string
	err := s.sql.QueryRowContext(ctx, `SELECT id, reader FROM documents WHERE sha256 = $1`, sha).Scan(&id, &reader)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !s.sameReader(reader) {
		return "", nil
	}
	return id, classify(err)
}
