package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Treaty is a stored treaty: the contract's treaty with a global id and
// the day bounds of its signing date.
type Treaty struct {
	ID             string       `json:"id"`
	LocalID        string       `json:"local_id"`
	Document       string       `json:"document"`
	Name           string       `json:"name"`
	Aliases        []string     `json:"aliases"`
	Signed         string       `json:"signed"`
	SignedStart    string       `json:"signed_start"`
	SignedEnd      string       `json:"signed_end"`
	Parties        []string     `json:"parties"`
	Signatories    []string     `json:"signatories"`
	SecretProtocol bool         `json:"secret_protocol"`
	Evidence       doc.Evidence `json:"evidence"`
	Events         []string     `json:"events"`
}

// TreatyFilter selects treaties.
type TreatyFilter struct {
	// Parties: every one must be a party (a code, an actor name or alias,
	// or an organisation's name as the treaty gives it).
	Parties  []string
	From, To string
	// Query matches a substring of the name or an alias.
	Query string
	Page
}

// TreatyList is one page of treaties.
type TreatyList struct {
	Total    int      `json:"total"`
	Limit    int      `json:"limit"`
	Offset   int      `json:"offset"`
	Treaties []Treaty `json:"treaties"`
}

// partyNames lists what a party may be called in treaty_parties: the
// name as typed and the codes and names of the actors it resolves to.
func (s *db) partyNames(ctx context.Context, name string) ([]string, error) {
	out := []string{strings.ToLower(name)}
	ids, err := s.ResolveActor(ctx, name)
	if err != nil {
		return nil, err
	}
	if len(ids) > 0 {
		w := &where{}
		rows, err := s.sql.QueryContext(ctx, `SELECT code, name FROM actors WHERE id`+w.isIn(ids), w.args...)
		if err != nil {
			return nil, classify(err)
		}
		defer rows.Close()
		for rows.Next() {
			var code, n string
			if err := rows.Scan(&code, &n); err != nil {
				return nil, err
			}
			for _, x := range []string{code, n} {
				if x != "" {
					out = append(out, strings.ToLower(x))
				}
			}
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Treaties implements Store.
func (s *db) Treaties(ctx context.Context, f TreatyFilter) (*TreatyList, error) {
	p, err := f.Page.norm(false)
	if err != nil {
		return nil, err
	}
	w := &where{}
	for _, party := range splitList(f.Parties) {
		names, err := s.partyNames(ctx, party)
		if err != nil {
			return nil, err
		}
		w.conds = append(w.conds, "EXISTS (SELECT 1 FROM treaty_parties tp WHERE tp.treaty_key = t.key AND tp.party"+w.isIn(names)+")")
	}
	if f.From != "" {
		r, err := parseBound("from", f.From)
		if err != nil {
			return nil, err
		}
		w.conds = append(w.conds, "t.signed_lo >= "+w.arg(int64(r.Lo)))
	}
	if f.To != "" {
		r, err := parseBound("to", f.To)
		if err != nil {
			return nil, err
		}
		h := w.arg(int64(r.Hi))
		// signed_lo <= signed_hi <= hi: the bound on signed_lo closes the index range.
		w.conds = append(w.conds, "t.signed_lo <= "+h, "t.signed_hi <= "+h)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(q)) + "%"
		p := w.arg(like)
		w.conds = append(w.conds, "(lower(t.name) LIKE "+p+` ESCAPE '\' OR lower(t.aliases) LIKE `+p+` ESCAPE '\')`)
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	out := &TreatyList{Limit: p.Limit, Offset: p.Offset, Treaties: []Treaty{}}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM treaties t`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return nil, classify(err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT t.id, t.local_id, t.doc_id, t.name, t.aliases, t.signed, t.signed_lo, t.signed_hi,
		t.parties, t.signatories, t.secret_protocol, t.events, t.evidence_start, t.evidence_end, t.evidence_text
		FROM treaties t`+w.String()+fmt.Sprintf(` ORDER BY t.signed_lo IS NULL, t.signed_lo, t.doc_id, t.ord LIMIT %d OFFSET %d`, p.Limit, p.Offset), w.args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var t Treaty
		var aliases, parties, sigs, evs string
		var lo, hi *int64
		if err := rows.Scan(&t.ID, &t.LocalID, &t.Document, &t.Name, &aliases, &t.Signed, &lo, &hi, &parties, &sigs, &t.SecretProtocol,
			&evs, &t.Evidence.Start, &t.Evidence.End, &t.Evidence.Text); err != nil {
			return nil, err
		}
		if lo != nil {
			t.SignedStart = Day(*lo).ISO()
		}
		if hi != nil {
			t.SignedEnd = Day(*hi).ISO()
		}
		for _, x := range []struct {
			s string
			v *[]string
		}{{aliases, &t.Aliases}, {parties, &t.Parties}, {sigs, &t.Signatories}, {evs, &t.Events}} {
			if err := json.Unmarshal([]byte(x.s), x.v); err != nil {
				return nil, fmt.Errorf("treaty %s: %w", t.ID, err)
			}
		}
		out.Treaties = append(out.Treaties, t)
	}
	return out, classify(rows.Err())
}
