// Package export writes the stored chronicle in the formats of the tools
// historians and political scientists already use: CSV and JSON Lines for
// R and pandas, POLECAT-style TSV (the event-data column layout), TimelineJS
// JSON for a web timeline, GEXF 1.3 for Gephi and other network tools, and
// TimeML with inline TIMEX3 tags for temporal-annotation tools.
//
// Every writer streams from the store, so exports of a million events need
// no more memory than one event at a time (GEXF and TimelineJS, whose
// formats are one document, hold their aggregate or their items).
package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/store"
)

// Formats lists the export formats.
var Formats = []string{"csv", "jsonl", "polecat", "timelinejs", "gexf", "timeml"}

// Options select what is exported.
type Options struct {
	// Events selects the events of the event formats (Limit is ignored).
	Events store.EventFilter
	// Document restricts TimeML to one document.
	Document string
	// Title names the export (TimelineJS title slide, GEXF description).
	Title string
}

// Write writes the store's chronicle in format to w.
func Write(ctx context.Context, w io.Writer, st store.Store, format string, o Options) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var err error
	switch format {
	case "csv":
		err = CSV(ctx, bw, st, o)
	case "jsonl":
		err = JSONL(ctx, bw, st, o)
	case "polecat":
		err = POLECAT(ctx, bw, st, o)
	case "timelinejs":
		err = TimelineJS(ctx, bw, st, o)
	case "gexf":
		err = GEXF(ctx, bw, st, o)
	case "timeml":
		err = TimeML(ctx, bw, st, o)
	default:
		return fmt.Errorf("unknown export format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// JSONL writes one event object per line, as the API returns them.
func JSONL(ctx context.Context, w io.Writer, st store.Store, o Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return st.EachEvent(ctx, o.Events, func(e *store.Event) error { return enc.Encode(e) })
}

// actorBook knows every stored actor, to give kinds, codes and states.
type actorBook map[string]store.Actor

func loadActors(ctx context.Context, st store.Store) (actorBook, error) {
	book := actorBook{}
	for off := 0; ; off += store.MaxLimit {
		list, err := st.Actors(ctx, store.ActorFilter{Page: store.Page{Limit: store.MaxLimit, Offset: off}})
		if err != nil {
			return nil, err
		}
		for _, a := range list.Actors {
			book[a.ID] = a
		}
		if off+len(list.Actors) >= list.Total || len(list.Actors) == 0 {
			return book, nil
		}
	}
}

func (b actorBook) name(id string) string {
	if a, ok := b[id]; ok && a.Name != "" {
		return a.Name
	}
	return id
}

// country is the state an actor is or acts for.
func (b actorBook) country(id string) string {
	a, ok := b[id]
	if !ok {
		return ""
	}
	if a.Code != "" {
		return a.Code
	}
	return a.State
}

// pairs are the unordered pairs of actors an event passes between, as
// the store's pair index has them: one on each side, or two actors of a
// joint act with no recipient.
func (b actorBook) pairs(e *store.Event) [][2]string {
	seen := map[[2]string]bool{}
	var out [][2]string
	add := func(x, y string) {
		if x == "" || y == "" || x == y {
			return
		}
		p := [2]string{x, y}
		if p[1] < p[0] {
			p[0], p[1] = p[1], p[0]
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, x := range e.Actor {
		for _, y := range e.Recipient {
			add(x, y)
		}
	}
	if len(e.Recipient) == 0 {
		for i, x := range e.Actor {
			for _, y := range e.Actor[i+1:] {
				add(x, y)
			}
		}
	}
	return out
}

// quadName spells out a PLOVER quad code, as POLECAT writes it.
func quadName(q, typ string) string {
	switch doc.QuadOf(q, typ) {
	case "VC":
		return "VERBAL COOPERATION"
	case "MC":
		return "MATERIAL COOPERATION"
	case "VK":
		return "VERBAL CONFLICT"
	case "MK":
		return "MATERIAL CONFLICT"
	}
	return q
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
