// Package cli wires chronicle's commands: it reads flags, builds the
// components each command needs and passes them in, and turns errors into
// one line on stderr and an exit code (0 ok, 1 error, 2 usage).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Env is what commands take from the process, so tests can run a command
// without one.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether stderr is a terminal (progress bars).
	IsTerminal func() bool
}

// ProcessEnv is the environment of the running process.
func ProcessEnv() Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, IsTerminal: stderrIsTerminal}
}

// usageError marks a mistake in how a command was called (exit code 2).
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// Main runs chronicle with args (without the program name) and returns
// the exit code.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.IsTerminal == nil {
		env.IsTerminal = func() bool { return false }
	}
	if env.Stdin == nil {
		env.Stdin = strings.NewReader("")
	}
	root := newRoot(&env)
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	msg := err.Error()
	fmt.Fprintln(env.Stderr, "chronicle: "+firstLine(msg))
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(msg) {
		fmt.Fprintln(env.Stderr, "Run 'chronicle --help' for usage.")
		return 2
	}
	return 1
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// isCobraUsage recognises the errors cobra itself returns for bad command
// lines (unknown commands and flags, wrong argument counts).
func isCobraUsage(msg string) bool {
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument",
		"invalid argument", "accepts ", "requires at least", "requires at most", "bad flag syntax", "required flag"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return true
		}
	}
	return false
}

func newRoot(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "chronicle",
		Short: "Read narrative history and write its chronicle",
		Long: `chronicle reads a history text and produces a dated, sourced record of what
happened: temporal expressions normalised, actors resolved, events coded as who
did what to whom and when, treaties, office tenures, and a cooperation–conflict
index per pair of countries. With no input it reads its built-in corpus, the
Wikipedia article "Germany–Soviet Union relations (1918–1941)".`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Running chronicle with no command is a usage mistake.
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown command %q", args[0])
			}
			cmd.SetOut(env.Stderr)
			_ = cmd.Help()
			return usagef("no command given")
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.CompletionOptions.HiddenDefaultCmd = true
	for _, c := range []*cobra.Command{
		newVersionCmd(env),
		newExtractCmd(env),
		newTagCmd(env),
		newActorsCmd(env),
		newEvalCmd(env),
		newIngestCmd(env),
		newEventsCmd(env),
		newTreatiesCmd(env),
		newTenuresCmd(env),
		newExportCmd(env),
		newServeCmd(env),
		newBenchCmd(env),
		newDBCmd(env),
		newRelationsCmd(env),
	} {
		c.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
		root.AddCommand(c)
	}
	return root
}

// exactArgs etc. wrap cobra's argument checks as usage errors.
func maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef("%s takes at most %d argument(s), got %d", cmd.CommandPath(), n, len(args))
		}
		return nil
	}
}

func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s takes %d argument(s), got %d", cmd.CommandPath(), n, len(args))
		}
		return nil
	}
}
