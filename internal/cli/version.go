package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X .../cli.version=v1.2.3".
var version = "dev"

func newVersionCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print chronicle's version",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := version
			goVersion := ""
			if bi, ok := debug.ReadBuildInfo(); ok {
				goVersion = bi.GoVersion
				if v == "dev" {
					for _, s := range bi.Settings {
						if s.Key == "vcs.revision" && len(s.Value) >= 12 {
							v = "dev-" + s.Value[:12]
						}
					}
				}
			}
			_, err := fmt.Fprintf(env.Stdout, "chronicle %s (%s, output contract v1)\n", v, goVersion)
			return err
		},
	}
}

// readerID names this build of chronicle for the store (store.Options.
// Reader): the version, and for a build from a git checkout its commit, so
// that a new build reads again the documents an older one stored. A build
// from a checkout with uncommitted changes cannot be told from its commit
// (delete the database, or ingest into a new one, to read again with it).
func readerID() string {
	id := version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision":
				id += "+" + s.Value
			case s.Key == "vcs.modified" && s.Value == "true":
				id += "+modified"
			}
		}
	}
	return id
}
