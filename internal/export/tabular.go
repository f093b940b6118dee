package export

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/chronicle-history/chronicle/internal/store"
)

// CSVHeader are the columns of the CSV export (and `chronicle events
// --format csv`): one row per event, lists joined with ";".
var CSVHeader = []string{"id", "document", "date", "date_end", "precision", "start_date", "end_date", "type", "mode", "subtype", "quad",
	"actor", "actor_names", "recipient", "recipient_names", "modality", "score", "name", "place", "treaty",
	"evidence_start", "evidence_end", "evidence"}

// CSVRow is an event's row under CSVHeader.
func CSVRow(e *store.Event) []string {
	return []string{e.ID, e.Document, e.Date.Value, e.Date.End, e.Date.Precision, e.Date.StartDate, e.Date.EndDate,
		e.Type, e.Mode, e.Subtype, e.Quad, strings.Join(e.Actor, ";"), strings.Join(e.ActorNames, ";"),
		strings.Join(e.Recipient, ";"), strings.Join(e.RecipientNames, ";"), e.Modality, fmtFloat(e.Score),
		e.Name, e.Place, e.Treaty, strconv.Itoa(e.Evidence.Start), strconv.Itoa(e.Evidence.End), e.Evidence.Text}
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// CSV writes every selected event as a CSV row (RFC 4180).
func CSV(ctx context.Context, w io.Writer, st store.Store, o Options) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	err := st.EachEvent(ctx, o.Events, func(e *store.Event) error { return cw.Write(CSVRow(e)) })
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// POLECATHeader are the columns of the POLECAT-style export: the event-data
// layout of the POLECAT dataset (PLOVER-coded) for the columns chronicle can
// fill, then chronicle's own (date precision, modality, evidence). Like
// POLECAT, one row names the first actor and recipient; "Actor Names" and
// "Recipient Names" list all of them.
var POLECATHeader = []string{
	"Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
	"Actor Name", "Actor Country", "Actor Title", "Actor Name Raw",
	"Recipient Name", "Recipient Country", "Recipient Title", "Recipient Name Raw",
	"Placename", "Source", "Story ID", "Version",
	// chronicle's columns
	"Event Date End", "Date Value", "Date Precision", "Date Anchor", "Modality", "Event Name", "Treaty",
	"Actor Names", "Recipient Names", "Quantities",
	"Evidence Start", "Evidence End", "Evidence Text",
}

// POLECAT writes the selected events as tab-separated values under
// POLECATHeader. Event Date is the first day the event's date allows; Date
// Value and Date Precision say how much of it the text supports.
func POLECAT(ctx context.Context, w io.Writer, st store.Store, o Options) error {
	book, err := loadActors(ctx, st)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	if err := cw.Write(POLECATHeader); err != nil {
		return err
	}
	first := func(xs []string) string {
		if len(xs) > 0 {
			return xs[0]
		}
		return ""
	}
	title := func(id string) string {
		if a, ok := book[id]; ok && len(a.Roles) > 0 {
			return a.Roles[0]
		}
		return ""
	}
	err = st.EachEvent(ctx, o.Events, func(e *store.Event) error {
		a, r := first(e.Actor), first(e.Recipient)
		var qs []string
		for _, q := range e.Quantities {
			s := fmtFloat(q.Amount) + " " + q.Unit
			if q.Item != "" {
				s += " " + q.Item
			}
			qs = append(qs, strings.TrimSpace(s))
		}
		mode := e.Mode
		if mode == "" {
			mode = e.Subtype
		}
		return cw.Write([]string{
			e.ID, e.Date.StartDate, e.Type, mode, fmtFloat(e.Score), quadName(e.Quad, e.Type), "",
			book.name(a), book.country(a), title(a), actorSurface(e, a),
			book.name(r), book.country(r), title(r), actorSurface(e, r),
			e.Place, e.Document, e.Document, "chronicle",
			e.Date.EndDate, displayValue(e.Date), e.Date.Precision, e.Date.Anchor, e.Modality, e.Name, e.Treaty,
			strings.Join(e.ActorNames, "; "), strings.Join(e.RecipientNames, "; "), strings.Join(qs, "; "),
			strconv.Itoa(e.Evidence.Start), strconv.Itoa(e.Evidence.End), e.Evidence.Text,
		})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// actorSurface is the actor's name as the event's evidence gives it, when
// it does (POLECAT's "Name Raw").
func actorSurface(e *store.Event, id string) string {
	for i, a := range e.Actor {
		if a == id && i < len(e.ActorNames) && strings.Contains(e.Evidence.Text, e.ActorNames[i]) {
			return e.ActorNames[i]
		}
	}
	for i, a := range e.Recipient {
		if a == id && i < len(e.RecipientNames) && strings.Contains(e.Evidence.Text, e.RecipientNames[i]) {
			return e.RecipientNames[i]
		}
	}
	return ""
}

func displayValue(d store.EventDate) string {
	if d.End != "" && d.End != d.Value {
		return d.Value + "/" + d.End
	}
	return d.Value
}
