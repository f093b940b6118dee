package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/bench"
)

type benchOptions struct {
	db       dbOptions
	events   int
	perDoc   int
	n        int
	clients  int
	requests int
	limit    time.Duration
}

func newBenchCmd(env *Env) *cobra.Command {
	var o benchOptions
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure the store and the API at scale (synthetic data; for developers)",
		Long: `bench fills a store with synthetic events and measures it:

  chronicle bench generate --db /tmp/bench.db --events 1000000
  chronicle bench query    --db /tmp/bench.db
  chronicle bench api      --db /tmp/bench.db --clients 50 --requests 20000

Use a store of its own (--db): generate adds synthetic documents to it.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(env.Stderr)
			_ = cmd.Help()
			return usagef("bench needs a subcommand: generate, query or api")
		},
	}
	gen := &cobra.Command{
		Use:   "generate",
		Short: "Add synthetic documents until the store holds --events events",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.db.dsn == "" {
				return usagef("bench generate needs --db (a store of its own)")
			}
			st, err := o.db.open(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer st.Close()
			start := time.Now()
			last := time.Now()
			err = bench.Generate(cmd.Context(), st, o.events, o.perDoc, func(done, total int, mbps float64) {
				if time.Since(last) > 5*time.Second || done >= total {
					last = time.Now()
					fmt.Fprintf(env.Stderr, "chronicle: %d/%d events, %.2f MB/s, %s\n", done, total, mbps, time.Since(start).Round(time.Second))
				}
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "store %s holds at least %d events (%s)\n", st.Location(), o.events, time.Since(start).Round(time.Second))
			return nil
		},
	}
	gen.Flags().IntVar(&o.events, "events", 1000000, "events the store should hold")
	gen.Flags().IntVar(&o.perDoc, "per-document", 1000, "events per synthetic document")
	query := &cobra.Command{
		Use:   "query",
		Short: "Time event queries and relations series: p50, p99 and max per kind",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := o.db.open(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer st.Close()
			stats, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			ls, err := bench.Queries(cmd.Context(), st, o.n, o.limit)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "%s store, %d events, %d documents; %d runs per query (first page of 100 + total)\n",
				st.Backend(), stats.Counts.Events, stats.Counts.Documents, o.n)
			rows := [][]string{}
			for _, l := range ls {
				rows = append(rows, []string{l.Name, fmt.Sprint(l.N), ms(l.P50), ms(l.P99), ms(l.Max), fmt.Sprintf("%.0f", l.Items)})
			}
			return writeTable(env.Stdout, []string{"QUERY", "RUNS", "P50 ms", "P99 ms", "MAX ms", "MEAN MATCHES"}, rows)
		},
	}
	query.Flags().IntVar(&o.n, "n", 300, "runs per query kind")
	query.Flags().DurationVar(&o.limit, "limit", time.Minute, "time limit per query kind")
	api := &cobra.Command{
		Use:   "api",
		Short: "Load the HTTP API on loopback with concurrent clients; requests/s and latency",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := o.db.open(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := bench.API(cmd.Context(), st, o.clients, o.requests, o.limit)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "%s store: %d clients, %d requests in %s: %.0f requests/s, p50 %s ms, p99 %s ms, %d errors\n",
				st.Backend(), res.Clients, res.Requests, res.Elapsed.Round(time.Millisecond), res.PerSecond, ms(res.Latency.P50), ms(res.Latency.P99), res.Errors)
			rows := [][]string{}
			for _, l := range res.ByPath {
				rows = append(rows, []string{l.Name, fmt.Sprint(l.N), ms(l.P50), ms(l.P99), ms(l.Max)})
			}
			if err := writeTable(env.Stdout, []string{"ENDPOINT", "REQUESTS", "P50 ms", "P99 ms", "MAX ms"}, rows); err != nil {
				return err
			}
			if res.Errors > 0 {
				return fmt.Errorf("%d requests failed", res.Errors)
			}
			return nil
		},
	}
	api.Flags().IntVar(&o.clients, "clients", 50, "concurrent clients")
	api.Flags().IntVar(&o.requests, "requests", 20000, "requests in all")
	api.Flags().DurationVar(&o.limit, "limit", 2*time.Minute, "time limit")
	for _, c := range []*cobra.Command{gen, query, api} {
		o.db.register(c)
		c.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
		cmd.AddCommand(c)
	}
	return cmd
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }
