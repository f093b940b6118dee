package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/store"
)

type treatiesOptions struct {
	db       dbOptions
	parties  []string
	from, to string
	query    string
	format   string
	limit    int
	offset   int
	pretty   bool
}

func newTreatiesCmd(env *Env) *cobra.Command {
	var o treatiesOptions
	cmd := &cobra.Command{
		Use:   "treaties [flags]",
		Short: "List stored treaties, pacts and agreements by party and signing date",
		Long: `treaties lists the treaties, pacts, conventions, protocols and agreements in the
store in order of signing. --party takes a state code, an actor's name or
alias, or an organisation's name; repeated, every one must be a party.
--from and --to bound the signing date (a treaty dated only to the month or
year must lie wholly inside the range).`,
		Example: `  chronicle treaties --party SUN --from 1932 --to 1941
  chronicle treaties --party Germany --party "Soviet Union" --format json`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := listFormat(o.format); err != nil {
				return err
			}
			st, err := o.db.open(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer st.Close()
			list, err := st.Treaties(cmd.Context(), store.TreatyFilter{Parties: o.parties, From: o.from, To: o.to, Query: o.query,
				Page: store.Page{Limit: o.limit, Offset: o.offset}})
			if err != nil {
				return storeErr(err)
			}
			header := []string{"SIGNED", "NAME", "PARTIES", "SECRET PROTOCOL", "SIGNATORIES", "ID"}
			var rows [][]string
			for _, t := range list.Treaties {
				secret := ""
				if t.SecretProtocol {
					secret = "yes"
				}
				rows = append(rows, []string{t.Signed, t.Name, strings.Join(t.Parties, ", "), secret, strings.Join(t.Signatories, ", "), t.ID})
			}
			switch o.format {
			case "json":
				b, err := marshalJSON(list, o.pretty)
				if err != nil {
					return err
				}
				_, err = env.Stdout.Write(b)
				return err
			case "csv":
				var csvRows [][]string
				for _, t := range list.Treaties {
					csvRows = append(csvRows, []string{t.ID, t.Name, strings.Join(t.Aliases, ";"), t.Signed, t.SignedStart, t.SignedEnd,
						strings.Join(t.Parties, ";"), strings.Join(t.Signatories, ";"), strconv.FormatBool(t.SecretProtocol), t.Document, t.Evidence.Text})
				}
				return writeCSV(env.Stdout, []string{"id", "name", "aliases", "signed", "signed_start", "signed_end", "parties", "signatories",
					"secret_protocol", "document", "evidence"}, csvRows)
			}
			if list.Total == 0 {
				fmt.Fprintln(env.Stderr, "chronicle: no treaty matches")
				return nil
			}
			for _, r := range rows {
				r[1] = cell(r[1], 48)
				r[4] = cell(r[4], 40)
			}
			if err := writeTable(env.Stdout, header, rows); err != nil {
				return err
			}
			if len(list.Treaties) < list.Total {
				fmt.Fprintf(env.Stderr, "chronicle: showing %d of %d treaties (--offset for more)\n", len(list.Treaties), list.Total)
			}
			return nil
		},
	}
	o.db.register(cmd)
	cmd.Flags().StringArrayVar(&o.parties, "party", nil, "a party (code, name or alias); repeat for several, all required")
	cmd.Flags().StringVar(&o.from, "from", "", "signed from this date (TIMEX3/ISO at any precision)")
	cmd.Flags().StringVar(&o.to, "to", "", "signed until the end of this date")
	cmd.Flags().StringVar(&o.query, "name", "", "name or alias contains this")
	cmd.Flags().StringVar(&o.format, "format", "table", "table, json or csv")
	cmd.Flags().IntVar(&o.limit, "limit", 100, "at most this many (max 1000)")
	cmd.Flags().IntVar(&o.offset, "offset", 0, "skip this many first")
	cmd.Flags().BoolVar(&o.pretty, "pretty", false, "indent JSON")
	return cmd
}

type tenuresOptions struct {
	db             dbOptions
	office, person string
	state, at      string
	format         string
	limit, offset  int
	pretty         bool
}

func newTenuresCmd(env *Env) *cobra.Command {
	var o tenuresOptions
	cmd := &cobra.Command{
		Use:   "tenures [flags]",
		Short: "List office tenures, or ask who held an office at a date",
		Long: `tenures lists who held which office for which state, from lists and prose in
the documents. With --at it answers an as-of question: who held the office
then. Tenures are often known only to the year ("1921–1930"), so a person is
reported as

  held      certainly in office for the whole of --at,
  part      certainly in office for part of it,
  possible  the year-precision (or missing) dates allow it but do not prove
            it — e.g. a tenure ending "1930" asked about June 1930.

An unstated end is bounded by the next holder's start when the same office
of the same state has one.`,
		Example: `  chronicle tenures --office ambassador --state DEU --at 1930-06
  chronicle tenures --person Krestinsky
  chronicle tenures --office "foreign minister" --format csv`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := listFormat(o.format); err != nil {
				return err
			}
			st, err := o.db.open(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer st.Close()
			list, err := st.Tenures(cmd.Context(), store.TenureFilter{Office: o.office, State: o.state, Person: o.person, At: o.at,
				Page: store.Page{Limit: o.limit, Offset: o.offset}})
			if err != nil {
				return storeErr(err)
			}
			header := []string{"PERSON", "OFFICE", "STATE", "FROM", "TO"}
			if o.at != "" {
				header = append(header, "AT "+o.at, "NOTE")
			}
			var rows [][]string
			for _, t := range list.Tenures {
				r := []string{t.Person, t.Office, t.State, t.Start, t.End}
				if o.at != "" {
					r = append(r, t.Status, t.Note)
				}
				rows = append(rows, r)
			}
			switch o.format {
			case "json":
				b, err := marshalJSON(list, o.pretty)
				if err != nil {
					return err
				}
				_, err = env.Stdout.Write(b)
				return err
			case "csv":
				for i, t := range list.Tenures {
					rows[i] = append(rows[i], t.StartDate, t.EndDate, t.Source, t.Document, t.Evidence.Text)
				}
				return writeCSV(env.Stdout, append(lower(header), "start_date", "end_date", "source", "document", "evidence"), rows)
			}
			if list.Total == 0 {
				if o.at != "" {
					fmt.Fprintf(env.Stderr, "chronicle: no stored tenure matches at %s\n", o.at)
				} else {
					fmt.Fprintln(env.Stderr, "chronicle: no tenure matches")
				}
				return nil
			}
			return writeTable(env.Stdout, header, rows)
		},
	}
	o.db.register(cmd)
	cmd.Flags().StringVar(&o.office, "office", "", "office contains this (case-insensitive), e.g. ambassador")
	cmd.Flags().StringVar(&o.state, "state", "", "the state the office is of: a code (DEU) or a name")
	cmd.Flags().StringVar(&o.person, "person", "", "person's name contains this")
	cmd.Flags().StringVar(&o.at, "at", "", "who held it then: a date at any precision (1930, 1930-06, 1930-06-15)")
	cmd.Flags().StringVar(&o.format, "format", "table", "table, json or csv")
	cmd.Flags().IntVar(&o.limit, "limit", 100, "at most this many (max 1000)")
	cmd.Flags().IntVar(&o.offset, "offset", 0, "skip this many first")
	cmd.Flags().BoolVar(&o.pretty, "pretty", false, "indent JSON")
	return cmd
}

func lower(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ReplaceAll(strings.ToLower(s), " ", "_")
	}
	return out
}
