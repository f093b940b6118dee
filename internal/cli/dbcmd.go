package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/store"
)

// newDBCmd is `chronicle db`: what a store holds and its schema, for the
// person who looks after it.
func newDBCmd(env *Env) *cobra.Command {
	var o dbOptions
	cmd := &cobra.Command{
		Use:   "db",
		Short: "Inspect or upgrade the store (schema version, counts)",
		Long: `db info prints where the store is, its backend, the schema version it is at
and the newest this chronicle knows, and what it holds. It changes nothing.
db migrate upgrades the schema (every other command does that too when it
opens an older store; migrate does it on purpose, e.g. before rolling out a
new chronicle to a department). A store whose schema is newer than this
chronicle knows is refused by every command.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(env.Stderr)
			_ = cmd.Help()
			return usagef("db needs a subcommand: info or migrate")
		},
	}
	info := &cobra.Command{
		Use:   "info",
		Short: "Print the store's location, backend, schema version and counts",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			dsn, err := o.where(env)
			if err != nil {
				return err
			}
			backend, v, known, err := store.Inspect(cmd.Context(), dsn)
			if err != nil {
				return err
			}
			where := dsn
			if store.IsPostgres(dsn) {
				where = "(PostgreSQL, credentials hidden)"
			}
			fmt.Fprintf(env.Stdout, "store:   %s\nbackend: %s\nschema:  version %d (this chronicle knows up to %d)\n", where, backend, v, known)
			switch {
			case v > known:
				fmt.Fprintln(env.Stdout, "status:  written by a newer chronicle; this one refuses to use it")
				return nil
			case v < known:
				fmt.Fprintln(env.Stdout, "status:  older schema; the next command that opens it (or chronicle db migrate) upgrades it")
				return nil
			}
			st, err := store.Open(cmd.Context(), dsn, store.Options{NoMigrate: true})
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			c := s.Counts
			fmt.Fprintf(env.Stdout, "status:  up to date\nholds:   %d documents, %d sentences, %d temporal expressions, %d actors, %d mentions, %d events, %d treaties, %d tenures\n",
				c.Documents, c.Sentences, c.Timexes, c.Actors, c.Mentions, c.Events, c.Treaties, c.Tenures)
			if s.Period.From != "" {
				fmt.Fprintf(env.Stdout, "period:  %s to %s\n", s.Period.From, s.Period.To)
			}
			return nil
		},
	}
	migrate := &cobra.Command{
		Use:   "migrate",
		Short: "Create or upgrade the store's schema",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := o.open(cmd.Context(), env)
			if err != nil {
				return err
			}
			defer st.Close()
			v, err := st.SchemaVersion(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "%s store %s is at schema version %d\n", st.Backend(), st.Location(), v)
			return nil
		},
	}
	for _, c := range []*cobra.Command{info, migrate} {
		o.register(c)
		c.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
		cmd.AddCommand(c)
	}
	return cmd
}
