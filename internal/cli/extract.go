package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/doc"
)

type extractOptions struct {
	in     inputOptions
	format string
	output string
	pretty bool
}

func newExtractCmd(env *Env) *cobra.Command {
	var o extractOptions
	cmd := &cobra.Command{
		Use:   "extract [flags] [FILE|- ...]",
		Short: "Read documents and print their whole reading as JSON",
		Long: `extract reads each FILE ("-" for standard input; none for the built-in corpus)
and prints documents with their sections and sentences, the temporal
expressions, actors, events, treaties and tenures found in them, with byte
offsets into the files as given (see the output contract).

Formats: json (one object for all documents) or jsonl (one object per line
per document).`,
		Example: `  chronicle extract --pretty
  chronicle extract --format jsonl article1.txt article2.html
  curl -s https://example.org/page.html | chronicle extract -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd, env, &o, args)
		},
	}
	o.in.register(cmd)
	cmd.Flags().StringVar(&o.format, "format", "json", "output format: json or jsonl")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&o.pretty, "pretty", false, "indent the JSON")
	return cmd
}

func runExtract(cmd *cobra.Command, env *Env, o *extractOptions, args []string) error {
	if o.format != "json" && o.format != "jsonl" {
		return usagef("--format %q: want json or jsonl", o.format)
	}
	docs, err := o.in.readAll(cmd.Context(), env, args)
	if err != nil {
		return err
	}
	// Every document is read and annotated before anything is written;
	// the output then streams, document by document and annotation by
	// annotation, so it is never held whole in memory.
	return writeStream(env.Stdout, o.output, func(w io.Writer) error {
		if o.format == "json" {
			return doc.WriteJSON(w, docs, o.pretty)
		}
		for _, d := range docs {
			if err := doc.WriteJSON(w, []*doc.Document{d}, false); err != nil {
				return err
			}
		}
		return nil
	})
}
