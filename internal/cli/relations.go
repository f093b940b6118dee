package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/record"
	"github.com/chronicle-history/chronicle/internal/relplot"
)

type relationsOptions struct {
	in     inputOptions
	db     dbOptions
	by     string
	format string
	plot   string
	verbal float64
	output string
}

func newRelationsCmd(env *Env) *cobra.Command {
	var o relationsOptions
	cmd := &cobra.Command{
		Use:   "relations A B [flags] [FILE|- ...]",
		Short: "Print the cooperation–conflict index between two actors over time",
		Long: `relations reads the files (none: the built-in corpus), codes their events and
prints the relations index between actors A and B (actor ids: state codes such
as DEU and SUN, or "person:…", "org:…"): for each period the sum of the PLOVER
scores of the asserted events between them, in both directions, with the count
and the ids of the events behind it. Negated, hypothetical and disputed events
do not count. By default verbal events (PLOVER quads VC and VK: statements,
meetings, demands, accusations) count at half their score and material ones
in full; --verbal-weight changes that, and the weighting is printed with the
index and on the plot.

--plot draws the index (SVG or PNG, by the file's extension) with the named
events between the two — treaties signed, invasions — marked.`,
		Example: `  chronicle relations DEU SUN --by year
  chronicle relations DEU SUN --by quarter --format csv
  chronicle relations DEU SUN --plot docs/relations-deu-sun.svg
  chronicle relations POL SUN history.txt --format json
  chronicle relations DEU SUN --db ~/chronicle.db --by quarter`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("relations needs two actors, e.g. chronicle relations DEU SUN")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRelations(cmd, env, &o, args)
		},
	}
	o.in.register(cmd)
	o.db.register(cmd)
	cmd.Flags().Lookup("db").Usage = "compute from the store (a SQLite file or postgres:// URL) instead of reading files"
	cmd.Flags().StringVar(&o.by, "by", record.ByYear, "period: year, quarter or month")
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table, json or csv")
	cmd.Flags().StringVar(&o.plot, "plot", "", "also draw the index to this .svg or .png file")
	cmd.Flags().Float64Var(&o.verbal, "verbal-weight", record.DefaultWeighting().Verbal, "weight of verbal event types (quads VC, VK); material types count 1")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write the index to this file instead of standard output")
	return cmd
}

func runRelations(cmd *cobra.Command, env *Env, o *relationsOptions, args []string) error {
	switch o.by {
	case record.ByYear, record.ByQuarter, record.ByMonth:
	default:
		return usagef("--by %q: want year, quarter or month", o.by)
	}
	if o.format != "table" && o.format != "json" && o.format != "csv" {
		return usagef("--format %q: want table, json or csv", o.format)
	}
	if o.plot != "" {
		if err := relplot.CheckPath(o.plot); err != nil {
			return usagef("--plot %v", err)
		}
	}
	if o.verbal < 0 || o.verbal > 1 {
		return usagef("--verbal-weight %g: want a weight from 0 to 1", o.verbal)
	}
	a, b := args[0], args[1]
	var events []doc.Event
	if o.db.dsn != "" {
		if len(args) > 2 {
			return usagef("--db computes from the store: give no files")
		}
		var err error
		if events, a, b, err = storeRelationsEvents(cmd.Context(), env, &o.db, a, b); err != nil {
			return err
		}
	} else {
		docs, err := o.in.readAll(cmd.Context(), env, args[2:])
		if err != nil {
			return err
		}
		events = doc.Collect(docs).Events
	}
	w := record.Weighting{Verbal: o.verbal}
	ix, err := record.Relations(events, a, b, o.by, w)
	if err != nil {
		return usagef("%v", err)
	}
	markers := record.Markers(events, a, b)
	var out []byte
	switch o.format {
	case "json":
		out, err = marshalJSON(struct {
			A       string          `json:"a"`
			B       string          `json:"b"`
			Index   record.Index    `json:"index"`
			Markers []record.Marker `json:"markers"`
		}{a, b, ix, markers}, true)
		if err != nil {
			return err
		}
	case "csv":
		out, err = relationsCSV(ix)
		if err != nil {
			return err
		}
	default:
		out = relationsTable(a, b, ix, markers)
	}
	if o.plot != "" {
		title := fmt.Sprintf("Relations %s–%s by %s", a, b, o.by)
		img, err := relplot.Render(ix, markers, title, filepath.Ext(o.plot))
		if err != nil {
			return err
		}
		if err := writeOutput(env.Stdout, o.plot, img); err != nil {
			return err
		}
	}
	return writeOutput(env.Stdout, o.output, out)
}

func eventIDs(pt record.Point) string {
	ids := make([]string, len(pt.Events))
	for i, e := range pt.Events {
		ids[i] = e.ID
	}
	return strings.Join(ids, " ")
}

func relationsTable(a, b string, ix record.Index, markers []record.Marker) []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "Relations %s–%s by %s\nWeighting: %s\n\n", a, b, ix.By, ix.Weighting)
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "period\tscore\tcount\tcooperation\tconflict\t events\t")
	for _, pt := range ix.Points {
		fmt.Fprintf(tw, "%s\t%.1f\t%d\t%.1f\t%.1f\t %s\t\n", pt.Period, pt.Score, pt.Count, pt.Cooperation, pt.Conflict, eventIDs(pt))
	}
	tw.Flush()
	if ix.Unplaced > 0 {
		fmt.Fprintf(&buf, "\n%d event(s) dated too coarsely for this period are not placed.\n", ix.Unplaced)
	}
	if len(markers) > 0 {
		fmt.Fprintln(&buf, "\nNamed events:")
		for _, m := range markers {
			fmt.Fprintf(&buf, "  %-10s %s\n", m.Date, m.Label)
		}
	}
	if len(ix.Points) == 0 {
		fmt.Fprintf(&buf, "No asserted events between %s and %s.\n", a, b)
	}
	return buf.Bytes()
}

func relationsCSV(ix record.Index) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	rows := [][]string{{"period", "score", "count", "cooperation", "conflict", "events", "weighting"}}
	for _, pt := range ix.Points {
		rows = append(rows, []string{pt.Period, f1(pt.Score), strconv.Itoa(pt.Count), f1(pt.Cooperation), f1(pt.Conflict), eventIDs(pt), ix.Weighting})
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func f1(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
