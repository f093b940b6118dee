package store

import (
	"context"
	"strings"
	"unicode"
)

// SearchResult is what a search across the chronicle finds.
type SearchResult struct {
	Query     string        `json:"q"`
	Sentences []SentenceHit `json:"sentences"`
	Events    []Event       `json:"events"`
	Actors    []Actor       `json:"actors"`
	Treaties  []Treaty      `json:"treaties"`
}

// SentenceHit is a sentence matching a full-text query.
type SentenceHit struct {
	Sentence
	Title string `json:"title"`
	// Snippet is the matching part with the matched words in [brackets].
	Snippet string `json:"snippet"`
}

// ftsQuery turns a web-search style query (words, "quoted phrases", OR,
// -excluded) into an FTS5 query in which every word is a quoted string,
// so that a user's punctuation can never be FTS5 syntax.
func ftsQuery(q string) (string, error) {
	type term struct {
		text string
		neg  bool
		or   bool // joined to the previous term with OR
	}
	var terms []term
	rs := []rune(q)
	orNext := false
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		neg := false
		if r == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			neg = true
			i++
		}
		var text string
		if i < len(rs) && rs[i] == '"' {
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			text = string(rs[i+1 : j])
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			text = string(rs[i:j])
			i = j
		}
		if !neg && text == "OR" {
			orNext = len(terms) > 0
			continue
		}
		// Keep letters and digits; other characters separate words, as
		// the unicode61 tokenizer would split them anyway.
		words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(words) == 0 {
			continue
		}
		terms = append(terms, term{text: strings.Join(words, " "), neg: neg, or: orNext && !neg})
		orNext = false
	}
	var pos, neg []string
	for _, t := range terms {
		quoted := `"` + t.text + `"`
		if t.neg {
			neg = append(neg, quoted)
			continue
		}
		if t.or && len(pos) > 0 {
			pos[len(pos)-1] = pos[len(pos)-1] + " OR " + quoted
			continue
		}
		pos = append(pos, quoted)
	}
	if len(pos) == 0 {
		return "", badParam("q", "%q has no word to search for", q)
	}
	for i, p := range pos {
		if strings.Contains(p, " OR ") {
			pos[i] = "(" + p + ")"
		}
	}
	out := strings.Join(pos, " AND ")
	for _, n := range neg {
		out = "(" + out + ") NOT " + n
	}
	return out, nil
}

// sentenceMatch returns a subquery selecting (doc_id, idx) of the
// sentences matching the full-text query q.
func (s *db) sentenceMatch(w *where, q string) (string, error) {
	fq, err := ftsQuery(q) // validates the query for both dialects
	if err != nil {
		return "", err
	}
	if s.dialect == dialectPostgres {
		return "SELECT doc_id, idx FROM sentences WHERE tsv @@ websearch_to_tsquery('english', " + w.arg(q) + ")", nil
	}
	return "SELECT s.doc_id, s.idx FROM sentences s WHERE s.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH " + w.arg(fq) + ")", nil
}

// SearchSentences finds sentences matching a full-text query, best first.
func (s *db) searchSentences(ctx context.Context, q querier, query string, limit int) ([]SentenceHit, error) {
	var sqlq string
	var args []any
	fq, err := ftsQuery(query)
	if err != nil {
		return nil, err
	}
	if s.dialect == dialectPostgres {
		sqlq = `SELECT ` + sentenceCols + `, d.title,
			ts_headline('english', s.text, q, 'StartSel=[, StopSel=], MaxWords=30, MinWords=12, MaxFragments=1')
			FROM sentences s JOIN documents d ON d.id = s.doc_id, websearch_to_tsquery('english', $1) q
			WHERE s.tsv @@ q ORDER BY ts_rank(s.tsv, q) DESC, s.doc_id, s.idx LIMIT $2`
		args = []any{query, limit}
	} else {
		sqlq = `SELECT ` + sentenceCols + `, d.title, snippet(sentences_fts, 0, '[', ']', '…', 24)
			FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.doc_id
			WHERE sentences_fts MATCH $1 ORDER BY sentences_fts.rank, s.doc_id, s.idx LIMIT $2`
		args = []any{fq, limit}
	}
	rows, err := q.QueryContext(ctx, sqlq, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []SentenceHit{}
	for rows.Next() {
		var h SentenceHit
		if err := scanSentence(rows, &h.Sentence, &h.Title, &h.Snippet); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Search implements Store: full-text search over sentences, events whose
// evidence sentence matches, and actors and treaties whose names match.
func (s *db) Search(ctx context.Context, q string, limit int) (*SearchResult, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, badParam("q", "empty query")
	}
	if limit <= 0 {
		limit = 20
	}
	if limit > MaxLimit {
		return nil, badParam("limit", "at most %d", MaxLimit)
	}
	out := &SearchResult{Query: q}
	var err error
	if out.Sentences, err = s.searchSentences(ctx, s.sql, q, limit); err != nil {
		return nil, err
	}
	evs, err := s.Events(ctx, EventFilter{Text: q, Page: Page{Limit: limit}})
	if err != nil {
		return nil, err
	}
	out.Events = evs.Events
	as, err := s.Actors(ctx, ActorFilter{Query: q, Page: Page{Limit: limit}})
	if err != nil {
		return nil, err
	}
	out.Actors = as.Actors
	ts, err := s.Treaties(ctx, TreatyFilter{Query: q, Page: Page{Limit: limit}})
	if err != nil {
		return nil, err
	}
	out.Treaties = ts.Treaties
	return out, nil
}
