package cli

import (
	"bytes"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/eval"
	"github.com/chronicle-history/chronicle/internal/timex"
)

type evalTimexOptions struct {
	gold       string
	errors     bool
	format     string
	convention string
}

func newEvalTimexCmd(env *Env) *cobra.Command {
	var o evalTimexOptions
	cmd := &cobra.Command{
		Use:   "timex [flags]",
		Short: "Score the temporal tagger against gold expressions",
		Long: `timex tags the gold documents and scores the temporal expressions found, in
the manner of the TempEval-3 scorer (one-to-one matching): strict extent (the
same bytes) and lenient extent (overlapping) precision, recall and F1, then
value and type F1 on the lenient matches. Values are compared after putting
TIMEX2 and TIMEX3 spellings into one form (decades "192" and "192X", BC years,
durations in decades and years, sets, unknown trailing fields).

--gold takes our JSONL (seed-dev/timex.jsonl, over the built-in corpus; only
the sections the gold covers are scored), a folder of inline TIMEX2 files
(*.key.xml) or inline TIMEX3 files (*.tml), or a folder holding such sets.
Without --gold every set under testdata/gold is scored. --errors lists the
misses, false alarms, wrong values and wrong extents with their context.`,
		Example: `  chronicle eval timex
  chronicle eval timex --gold testdata/gold/wikiwars-dev/keyinline --errors
  chronicle eval timex --gold testdata/gold/seed-dev/timex.jsonl --format json`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvalTimex(cmd, env, &o)
		},
	}
	cmd.Flags().StringVar(&o.gold, "gold", "", "gold file or folder (default: every timex set under "+defaultGold+")")
	cmd.Flags().BoolVar(&o.errors, "errors", false, "list misses, false alarms and wrong values")
	cmd.Flags().StringVar(&o.format, "format", "table", "output format: table or json")
	cmd.Flags().StringVar(&o.convention, "convention", "auto", "tag under this convention: auto (the gold's), timex3 or timex2")
	return cmd
}

func runEvalTimex(cmd *cobra.Command, env *Env, o *evalTimexOptions) error {
	if o.format != "table" && o.format != "json" {
		return usagef("--format %q: want table or json", o.format)
	}
	conv := ""
	switch o.convention {
	case "auto", "":
	case timex.ConventionTIMEX2, timex.ConventionTIMEX3:
		conv = o.convention
	default:
		return usagef("--convention %q: want auto, timex3 or timex2", o.convention)
	}
	var sets []eval.TimexGoldSet
	if o.gold == "" {
		for _, p := range []string{"seed-dev/timex.jsonl", "wikiwars-dev/keyinline", "wikiwars-dev/timex3_derczynski2012"} {
			s, err := eval.LoadTimexGold(filepath.Join(defaultGold, filepath.FromSlash(p)))
			if err != nil {
				return err
			}
			sets = append(sets, s...)
		}
	} else {
		s, err := eval.LoadTimexGold(o.gold)
		if err != nil {
			return err
		}
		sets = s
	}
	var results []eval.TimexSetResult
	for _, s := range sets {
		r, err := eval.RunTimex(cmd.Context(), s, conv, o.errors)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	var buf bytes.Buffer
	var err error
	if o.format == "json" {
		err = eval.WriteTimexJSON(&buf, results)
	} else {
		err = eval.WriteTimexTable(&buf, results, o.errors)
	}
	if err != nil {
		return err
	}
	_, err = env.Stdout.Write(buf.Bytes())
	return err
}
