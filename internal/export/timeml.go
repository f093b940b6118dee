package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/store"
)

// ErrSeveralDocuments is returned when TimeML, one document per file, is
// asked for a store that holds several and no document was chosen.
var ErrSeveralDocuments = errors.New("the store holds several documents and TimeML is one document per file: choose one with --document, or give -o a folder for one .tml file per document")

// TimeML writes one stored document as TimeML: its clean text with every
// temporal expression wrapped in an inline TIMEX3 tag (tid, type, value,
// mod, quant, freq, and temporalFunction="true" for values computed from
// the narrative), inside <TimeML><TEXT>.
// The text between the tags is the document's text exactly, XML-escaped.
func TimeML(ctx context.Context, w io.Writer, st store.Store, o Options) error {
	id := o.Document
	if id == "" {
		list, err := st.Documents(ctx, store.Page{Limit: 2})
		if err != nil {
			return err
		}
		switch list.Total {
		case 0:
			return errors.New("the store holds no document")
		case 1:
			id = list.Documents[0].ID
		default:
			return ErrSeveralDocuments
		}
	}
	d, err := st.LoadDocument(ctx, id)
	if err != nil {
		return err
	}
	return WriteTimeML(w, d)
}

// DocumentIDs lists every stored document id (for one file per document).
func DocumentIDs(ctx context.Context, st store.Store) ([]string, error) {
	var ids []string
	for off := 0; ; off += store.MaxLimit {
		list, err := st.Documents(ctx, store.Page{Limit: store.MaxLimit, Offset: off})
		if err != nil {
			return nil, err
		}
		for _, d := range list.Documents {
			ids = append(ids, d.ID)
		}
		if len(list.Documents) == 0 || off+len(list.Documents) >= list.Total {
			return ids, nil
		}
	}
}

// WriteTimeML writes d as a TimeML document. Temporal expressions that
// overlap an earlier one are left untagged (TimeML tags cannot overlap).
// Both `chronicle tag --format timeml` and the TimeML export use it.
func WriteTimeML(w io.Writer, d *doc.Document) error {
	tx := append([]doc.Timex(nil), d.Timexes...)
	sort.SliceStable(tx, func(i, j int) bool { return tx[i].Clean.Start < tx[j].Clean.Start })
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString("<TimeML>\n<DOCID>")
	b.WriteString(escapeXML(d.ID))
	b.WriteString("</DOCID>\n<TITLE>")
	b.WriteString(escapeXML(d.Title))
	b.WriteString("</TITLE>\n<TEXT>")
	pos := 0
	n := 0
	for _, t := range tx {
		s, e := t.Clean.Start, t.Clean.End
		if s < pos || e <= s || e > len(d.Text) {
			continue
		}
		b.WriteString(escapeXML(d.Text[pos:s]))
		n++
		fmt.Fprintf(&b, `<TIMEX3 tid="t%d" type="%s" value="%s"`, n, attr(t.Type), attr(t.Value))
		if t.Mod != "" {
			fmt.Fprintf(&b, ` mod="%s"`, attr(t.Mod))
		}
		if t.Quant != "" {
			fmt.Fprintf(&b, ` quant="%s"`, attr(t.Quant))
		}
		if t.Freq != "" {
			fmt.Fprintf(&b, ` freq="%s"`, attr(t.Freq))
		}
		if t.Anchor != doc.AnchorExplicit && t.Anchor != "" {
			b.WriteString(` temporalFunction="true"`)
		}
		b.WriteString(">")
		b.WriteString(escapeXML(d.Text[s:e]))
		b.WriteString("</TIMEX3>")
		pos = e
	}
	b.WriteString(escapeXML(d.Text[pos:]))
	b.WriteString("</TEXT>\n</TimeML>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeXML escapes character data. Characters XML 1.0 forbids (control
// characters other than tab, newline, carriage return) become U+FFFD, so
// the output always parses.
func escapeXML(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;") // a literal CR would be normalised away
		case r < 0x20 && r != '\t' && r != '\n', r == 0xFFFE, r == 0xFFFF, r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func attr(s string) string { return strings.ReplaceAll(escapeXML(s), `"`, "&quot;") }
