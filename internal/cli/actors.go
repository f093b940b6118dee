package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/doc"
)

type actorsOptions struct {
	in     inputOptions
	format string
	output string
}

// actorRow is one line of the actors table.
type actorRow struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Code     string   `json:"code,omitempty"`
	State    string   `json:"state,omitempty"`
	Mentions int      `json:"mentions"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles,omitempty"`
	Members  []string `json:"members,omitempty"`
}

func newActorsCmd(env *Env) *cobra.Command {
	var o actorsOptions
	cmd := &cobra.Command{
		Use:   "actors [flags] [FILE|- ...]",
		Short: "List the actors of documents with their mention counts",
		Long: `actors reads each FILE ("-" for standard input; none for the built-in corpus)
and lists the states, organisations, groups and people mentioned in it, most
mentioned first: id, kind, state code (the code of a state, or the state a
person or organisation acts for), number of mentions and the names seen.

Formats: table (default), json, csv.`,
		Example: `  chronicle actors
  chronicle actors --format csv article.txt > actors.csv
  chronicle actors --format json - < article.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runActors(cmd, env, &o, args)
		},
	}
	o.in.register(cmd)
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table, json or csv")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

func runActors(cmd *cobra.Command, env *Env, o *actorsOptions, args []string) error {
	if o.format != "table" && o.format != "json" && o.format != "csv" {
		return usagef("--format %q: want table, json or csv", o.format)
	}
	docs, err := o.in.readAll(cmd.Context(), env, args)
	if err != nil {
		return err
	}
	rows := actorRows(docs)
	var out []byte
	switch o.format {
	case "json":
		out, err = marshalJSON(map[string]any{"actors": rows}, true)
		if err != nil {
			return err
		}
	case "csv":
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		_ = w.Write([]string{"id", "name", "kind", "code", "state", "mentions", "aliases"})
		for _, r := range rows {
			_ = w.Write([]string{r.ID, r.Name, r.Kind, r.Code, r.State, strconv.Itoa(r.Mentions), strings.Join(r.Aliases, "; ")})
		}
		w.Flush()
		out = buf.Bytes()
	default:
		var buf bytes.Buffer
		tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tKIND\tCODE/STATE\tMENTIONS\tALIASES")
		for _, r := range rows {
			cs := r.Code
			if cs == "" {
				cs = r.State
			}
			if cs == "" {
				cs = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", r.ID, r.Kind, cs, r.Mentions, strings.Join(r.Aliases, "; "))
		}
		tw.Flush()
		out = buf.Bytes()
	}
	return writeOutput(env.Stdout, o.output, out)
}

// actorRows merges the actors of the documents and counts their mentions.
func actorRows(docs []*doc.Document) []actorRow {
	c := doc.Collect(docs)
	count := map[string]int{}
	for _, m := range c.Mentions {
		count[m.Actor]++
	}
	rows := make([]actorRow, 0, len(c.Actors))
	for _, a := range c.Actors {
		rows = append(rows, actorRow{ID: a.ID, Name: a.Name, Kind: a.Kind, Code: a.Code, State: a.State,
			Mentions: count[a.ID], Aliases: a.Aliases, Roles: a.Roles, Members: a.Members})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Mentions != rows[j].Mentions {
			return rows[i].Mentions > rows[j].Mentions
		}
		return rows[i].ID < rows[j].ID
	})
	return rows
}
