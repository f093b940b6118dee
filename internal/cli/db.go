package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/store"
)

// dbOptions is the --db flag of every command that uses the store.
type dbOptions struct {
	dsn string
}

func (o *dbOptions) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.dsn, "db", "", "the store: a SQLite file path or a postgres:// URL (default $CHRONICLE_DB, else chronicle.db in the user's data directory)")
}

// where names the store the options select.
func (o *dbOptions) where(env *Env) (string, error) {
	if o.dsn != "" {
		return o.dsn, nil
	}
	if v := env.Getenv("CHRONICLE_DB"); v != "" {
		return v, nil
	}
	return store.DefaultPath(env.Getenv)
}

// open opens (and if need be creates and migrates) the store.
func (o *dbOptions) open(ctx context.Context, env *Env) (store.Store, error) {
	dsn, err := o.where(env)
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, dsn, store.Options{Reader: readerID()})
}

// table writes rows aligned in columns for people.
func writeTable(w io.Writer, header []string, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		for i := range r {
			r[i] = strings.ReplaceAll(strings.ReplaceAll(r[i], "\t", " "), "\n", " ")
		}
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// listFormat checks a --format of a query command.
func listFormat(f string) error {
	switch f {
	case "table", "json", "csv":
		return nil
	}
	return usagef("--format %q: want table, json or csv", f)
}

// storeErr turns a store's bad-parameter error into a usage error.
func storeErr(err error) error {
	var bp *store.BadParamError
	if errors.As(err, &bp) {
		return usagef("%v", err)
	}
	return err
}

// cell shortens s to n runes for a table cell.
func cell(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
