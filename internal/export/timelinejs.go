package export

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/chronicle-history/chronicle/internal/store"
)

// Timeline is the JSON document TimelineJS reads: a title slide and
// events (see TimelineJS's "JSON format" documentation).
type Timeline struct {
	Title  *Slide  `json:"title,omitempty"`
	Events []Slide `json:"events"`
}

// Slide is one TimelineJS slide.
type Slide struct {
	StartDate *TLDate `json:"start_date,omitempty"`
	EndDate   *TLDate `json:"end_date,omitempty"`
	Text      TLText  `json:"text"`
	Group     string  `json:"group,omitempty"`
	// DisplayDate overrides the date TimelineJS prints (the TIMEX3 value,
	// so imprecise dates are not shown as if exact).
	DisplayDate string `json:"display_date,omitempty"`
	UniqueID    string `json:"unique_id,omitempty"`
}

// TLDate is a TimelineJS date; fields the text does not support are left
// out, which TimelineJS shows as the coarser date.
type TLDate struct {
	Year  string `json:"year"`
	Month string `json:"month,omitempty"`
	Day   string `json:"day,omitempty"`
}

// TLText is a slide's headline and body, as HTML.
type TLText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// tlDate cuts an ISO day to the given precision.
func tlDate(iso, precision string) *TLDate {
	if len(iso) != 10 {
		return nil
	}
	y, _ := strconv.Atoi(iso[:4])
	m, _ := strconv.Atoi(iso[5:7])
	d, _ := strconv.Atoi(iso[8:10])
	out := &TLDate{Year: strconv.Itoa(y)}
	switch precision {
	case "day":
		out.Month, out.Day = strconv.Itoa(m), strconv.Itoa(d)
	case "month", "week", "season", "quarter", "half":
		out.Month = strconv.Itoa(m)
	}
	return out
}

// TimelineJS writes the selected dated events as a TimelineJS timeline,
// grouped by actor pair. All text is HTML-escaped: TimelineJS renders
// slide text as HTML and article text must never become markup.
func TimelineJS(ctx context.Context, w io.Writer, st store.Store, o Options) error {
	title := o.Title
	if title == "" {
		title = "chronicle"
	}
	tl := Timeline{Title: &Slide{Text: TLText{Headline: html.EscapeString(title),
		Text: "Events read by chronicle, each with the sentence that states it."}}, Events: []Slide{}}
	err := st.EachEvent(ctx, o.Events, func(e *store.Event) error {
		start := tlDate(e.Date.StartDate, e.Date.Precision)
		if start == nil {
			return nil // undated: nothing to place on a timeline
		}
		s := Slide{StartDate: start, UniqueID: slug(e.ID), Group: group(e), DisplayDate: displayValue(e.Date)}
		if e.Date.End != "" && e.Date.EndDate != e.Date.StartDate {
			endPrec := e.Date.Precision
			if r, ok := store.ParseDate(e.Date.End); ok {
				endPrec = r.Precision
			}
			s.EndDate = tlDate(e.Date.EndDate, endPrec)
		}
		head := e.Name
		if head == "" {
			head = fmt.Sprintf("%s: %s → %s", strings.ToLower(e.Type), strings.Join(e.ActorNames, ", "), strings.Join(e.RecipientNames, ", "))
		}
		if e.Modality != "asserted" {
			head += " (" + e.Modality + ")"
		}
		body := "<blockquote>" + html.EscapeString(e.Evidence.Text) + "</blockquote><p>" +
			html.EscapeString(fmt.Sprintf("%s %s, score %s, dated %s (%s precision) — %s", e.Type, e.Mode, fmtFloat(e.Score),
				displayValue(e.Date), e.Date.Precision, e.Document)) + "</p>"
		s.Text = TLText{Headline: html.EscapeString(head), Text: body}
		tl.Events = append(tl.Events, s)
		return nil
	})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	return enc.Encode(tl)
}

// group names an event's actor pair for TimelineJS's rows.
func group(e *store.Event) string {
	names := append(append([]string(nil), e.ActorNames...), e.RecipientNames...)
	if len(names) > 2 {
		names = names[:2]
	}
	if len(names) == 2 && names[1] < names[0] {
		names[0], names[1] = names[1], names[0]
	}
	return html.EscapeString(strings.Join(names, " – "))
}

// slug makes an id safe for TimelineJS's unique_id (used in URLs).
func slug(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}
