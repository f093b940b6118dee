package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/actor"
	"github.com/chronicle-history/chronicle/internal/eval"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
)

type evalActorsOptions struct {
	gold   string
	errors bool
	format string
}

func newEvalActorsCmd(env *Env) *cobra.Command {
	var o evalActorsOptions
	cmd := &cobra.Command{
		Use:   "actors [flags]",
		Short: "Score actor resolution against the seed-dev gold events",
		Long: `actors reads the built-in corpus and asks, for every gold event of
seed-dev/events.jsonl, whether its gold actors and recipients are among the
actors resolved in the sentences that hold the event's quote (a person or
organisation counts for the state it acts for; a coalition or "the two
countries" for its member states). It prints recall overall and per kind
(state, person, organization, group); --errors lists every miss.`,
		Example: `  chronicle eval actors
  chronicle eval actors --errors
  chronicle eval actors --format json --gold /path/to/gold`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvalActors(cmd, env, &o)
		},
	}
	cmd.Flags().StringVar(&o.gold, "gold", defaultGold, "folder holding seed-dev/events.jsonl and seed-dev/actors.jsonl")
	cmd.Flags().BoolVar(&o.errors, "errors", false, "list every gold actor that was missed")
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	return cmd
}

func runEvalActors(cmd *cobra.Command, env *Env, o *evalActorsOptions) error {
	if o.format != "text" && o.format != "json" {
		return usagef("--format %q: want text or json", o.format)
	}
	dir := filepath.Join(o.gold, "seed-dev")
	events, err := eval.LoadJSONL[eval.SeedEvent](filepath.Join(dir, "events.jsonl"))
	if err != nil {
		return fmt.Errorf("gold events: %w", err)
	}
	actors, err := eval.LoadJSONL[eval.SeedActor](filepath.Join(dir, "actors.jsonl"))
	if err != nil {
		return fmt.Errorf("gold actors: %w", err)
	}
	p, err := pipeline.Default(read.Options{})
	if err != nil {
		return err
	}
	d, err := p.Founding(cmd.Context())
	if err != nil {
		return err
	}
	reg, err := actor.Default()
	if err != nil {
		return err
	}
	sc := eval.ScoreActors(d, reg, events, actors)
	if o.format == "json" {
		if !o.errors {
			sc.Misses = nil
		}
		out, err := marshalJSON(sc, true)
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(out)
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "actors on seed-dev (%d gold events)\n", len(events))
	b.WriteString(sc.String())
	if len(sc.Unplaced) > 0 {
		fmt.Fprintf(&b, "quotes not found in the corpus: %s\n", strings.Join(sc.Unplaced, ", "))
	}
	if o.errors {
		for _, m := range sc.Misses {
			fmt.Fprintf(&b, "miss %s %s %q (%s)\n  quote: %s\n  resolved: %s\n", m.Event, m.Role, m.Name, m.Kind, m.Quote, strings.Join(m.Found, " "))
		}
	}
	_, err = fmt.Fprint(env.Stdout, b.String())
	return err
}
