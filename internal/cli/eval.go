package cli

import "github.com/spf13/cobra"

// defaultGold is where the gold sets live in a checkout of chronicle.
const defaultGold = "testdata/gold"

func newEvalCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score chronicle against gold annotations",
		Long: `eval scores chronicle's reading against gold annotations and prints precision,
recall and F1 per document and overall. The gold sets ship in testdata/gold of a
checkout; --gold points elsewhere.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			cmd.SetOut(env.Stderr)
			_ = cmd.Help()
			return usagef("eval needs a subcommand")
		},
	}
	for _, c := range []*cobra.Command{
		// eval subcommands are added here, one line each.
		newEvalTimexCmd(env),
		newEvalActorsCmd(env),
	} {
		c.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
		cmd.AddCommand(c)
	}
	return cmd
}
