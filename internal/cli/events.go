package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/export"
	"github.com/chronicle-history/chronicle/internal/store"
)

// eventFilterFlags are the event filters shared by `events` and `export`.
type eventFilterFlags struct {
	actors     []string
	pair       string
	types      []string
	modes      []string
	modalities []string
	from, to   string
	overlap    bool
	text       string
	document   string
	treaty     string
}

func (f *eventFilterFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringArrayVar(&f.actors, "actor", nil, "events involving this actor (id, state code, name or alias); repeat for all of several")
	fl.StringVar(&f.pair, "pair", "", "events between two actors, either direction: A,B (e.g. DEU,SUN)")
	fl.StringSliceVar(&f.types, "type", nil, "PLOVER event types, comma-separated (e.g. AGREE,SUPPORT)")
	fl.StringSliceVar(&f.modes, "mode", nil, "event modes, comma-separated (e.g. sign,visit)")
	fl.StringSliceVar(&f.modalities, "modality", nil, "asserted, negated, hypothetical, disputed (comma-separated)")
	fl.StringVar(&f.from, "from", "", "from this date: a TIMEX3/ISO date at any precision (1939, 1939-08, 1939-08-23, 193X, 1939-SU)")
	fl.StringVar(&f.to, "to", "", "until the end of this date (same forms as --from)")
	fl.BoolVar(&f.overlap, "overlap", false, "also match events whose imprecise date only overlaps --from/--to (default: the date must lie inside)")
	fl.StringVar(&f.text, "text", "", `full-text query over the evidence sentences: words, "a phrase", OR, -excluded`)
	fl.StringVar(&f.document, "document", "", "events of this document id only")
	fl.StringVar(&f.treaty, "treaty", "", "events that sign, ratify or denounce this treaty id")
}

func (f *eventFilterFlags) filter() (store.EventFilter, error) {
	ef := store.EventFilter{Actors: f.actors, Types: f.types, Modes: f.modes, Modalities: f.modalities, From: f.from, To: f.to,
		Overlap: f.overlap, Text: f.text, Document: f.document, Treaty: f.treaty}
	if f.pair != "" {
		parts := strings.Split(f.pair, ",")
		if len(parts) != 2 || strings.TrimSpace(parts[0]) == "" || strings.TrimSpace(parts[1]) == "" {
			return ef, usagef("--pair %q: want two actors as A,B", f.pair)
		}
		ef.Pair = [2]string{strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])}
	}
	return ef, nil
}

type eventsOptions struct {
	db     dbOptions
	filter eventFilterFlags
	format string
	limit  int
	offset int
	all    bool
	pretty bool
}

func newEventsCmd(env *Env) *cobra.Command {
	var o eventsOptions
	cmd := &cobra.Command{
		Use:   "events [flags]",
		Short: "List stored events, filtered by actor, pair, type, period or text",
		Long: `events lists the events in the store in date order (events dated only to a
year sort at the year's start), as a table for people or as JSON or CSV for
programs. Filters combine: all must hold.

Dates: --from and --to take TIMEX3/ISO values at any precision. By default an
event must lie wholly inside the range, so an event dated only "1939" is not
inside --from 1939-08 --to 1939-08; --overlap includes such events.`,
		Example: `  chronicle events --pair DEU,SUN --from 1939 --to 1941
  chronicle events --actor Molotov --type AGREE,SUPPORT --format json
  chronicle events --text '"secret protocol"' --format csv > protocol.csv`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := listFormat(o.format); err != nil {
				return err
			}
			f, err := o.filter.filter()
			if err != nil {
				return err
			}
			st, err := o.db.open(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer st.Close()
			var evs []store.Event
			total := 0
			if o.all {
				err = st.EachEvent(cmd.Context(), f, func(e *store.Event) error { evs = append(evs, *e); return nil })
				total = len(evs)
			} else {
				f.Page = store.Page{Limit: o.limit, Offset: o.offset}
				var list *store.EventList
				list, err = st.Events(cmd.Context(), f)
				if list != nil {
					evs, total = list.Events, list.Total
				}
			}
			if err != nil {
				return storeErr(err)
			}
			if evs == nil {
				evs = []store.Event{}
			}
			switch o.format {
			case "json":
				b, err := marshalJSON(store.EventList{Total: total, Limit: len(evs), Offset: o.offset, Events: evs}, o.pretty)
				if err != nil {
					return err
				}
				_, err = env.Stdout.Write(b)
				return err
			case "csv":
				rows := make([][]string, len(evs))
				for i := range evs {
					rows[i] = export.CSVRow(&evs[i])
				}
				return writeCSV(env.Stdout, export.CSVHeader, rows)
			}
			if total == 0 {
				fmt.Fprintln(env.Stderr, "chronicle: no event matches")
				return nil
			}
			rows := make([][]string, 0, len(evs))
			for _, e := range evs {
				what := e.Type
				if e.Mode != "" {
					what += "/" + e.Mode
				}
				mod := ""
				if e.Modality != "asserted" {
					mod = e.Modality
				}
				rows = append(rows, []string{displayDate(e.Date), what, cell(strings.Join(e.ActorNames, "+"), 24),
					cell(strings.Join(e.RecipientNames, "+"), 24), mod, strconv.FormatFloat(e.Score, 'f', -1, 64), cell(e.Name, 28), cell(e.Evidence.Text, 64)})
			}
			if err := writeTable(env.Stdout, []string{"DATE", "TYPE", "ACTOR", "RECIPIENT", "MODALITY", "SCORE", "NAME", "EVIDENCE"}, rows); err != nil {
				return err
			}
			if len(evs) < total {
				fmt.Fprintf(env.Stderr, "chronicle: showing %d–%d of %d events (--offset %d for more, --all for every one)\n",
					o.offset+1, o.offset+len(evs), total, o.offset+len(evs))
			}
			return nil
		},
	}
	o.db.register(cmd)
	o.filter.register(cmd)
	cmd.Flags().StringVar(&o.format, "format", "table", "table, json or csv")
	cmd.Flags().IntVar(&o.limit, "limit", 50, "at most this many events (max 1000; see --all)")
	cmd.Flags().IntVar(&o.offset, "offset", 0, "skip this many events first")
	cmd.Flags().BoolVar(&o.all, "all", false, "every matching event, however many")
	cmd.Flags().BoolVar(&o.pretty, "pretty", false, "indent JSON")
	return cmd
}

// displayDate shows an event's TIMEX3 value, and its end for a span.
func displayDate(d store.EventDate) string {
	if d.End != "" && d.End != d.Value {
		return d.Value + "/" + d.End
	}
	return d.Value
}
