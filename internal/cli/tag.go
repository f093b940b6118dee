package cli

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/export"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/timex"
)

type tagOptions struct {
	in         inputOptions
	format     string
	output     string
	pretty     bool
	convention string
}

func newTagCmd(env *Env) *cobra.Command {
	var o tagOptions
	cmd := &cobra.Command{
		Use:   "tag [flags] [FILE|-]",
		Short: "Find the temporal expressions of a document",
		Long: `tag reads FILE ("-" for standard input; none for the built-in corpus) and
prints every temporal expression in it with its byte offsets, TIMEX3 type,
value and mod, and how the value was found: explicit (complete in the text),
context (a partial date completed from the narrative) or relative (computed
from another date).

Formats: json (the output contract's shape) or timeml (the document text with
inline <TIMEX3> tags). --convention timex2 follows the TIMEX2 guidelines
(ACE, WikiWars) instead of TimeML: adjectives such as "former" are marked too.`,
		Example: `  chronicle tag
  chronicle tag --format timeml article.txt
  chronicle tag --input-format sgml --convention timex2 war.sgm`,
		Args: maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTag(cmd, env, &o, args)
		},
	}
	o.in.register(cmd)
	cmd.Flags().StringVar(&o.format, "format", "json", "output format: json or timeml")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&o.pretty, "pretty", false, "indent the JSON")
	cmd.Flags().StringVar(&o.convention, "convention", timex.ConventionTIMEX3, "annotation guidelines: timex3 (TimeML) or timex2")
	return cmd
}

// tagResult is the JSON shape of `tag` (see the output contract).
type tagResult struct {
	Document string      `json:"document"`
	Timexes  []doc.Timex `json:"timexes"`
}

func runTag(cmd *cobra.Command, env *Env, o *tagOptions, args []string) error {
	if o.format != "json" && o.format != "timeml" {
		return usagef("--format %q: want json or timeml", o.format)
	}
	if o.convention != timex.ConventionTIMEX3 && o.convention != timex.ConventionTIMEX2 {
		return usagef("--convention %q: want timex3 or timex2", o.convention)
	}
	ro, err := o.in.readOptions()
	if err != nil {
		return err
	}
	p, err := pipeline.Tagging(ro, timex.Options{Convention: o.convention})
	if err != nil {
		return err
	}
	docs, err := readDocuments(cmd.Context(), p, env, args)
	if err != nil {
		return err
	}
	d := docs[0]
	var out []byte
	if o.format == "json" {
		name := d.Path
		if len(args) == 0 {
			name = corpus.Name
		}
		ts := d.Timexes
		if ts == nil {
			ts = []doc.Timex{}
		}
		out, err = marshalJSON(tagResult{Document: name, Timexes: ts}, o.pretty)
		if err != nil {
			return err
		}
	} else {
		var b bytes.Buffer
		if err := export.WriteTimeML(&b, d); err != nil {
			return err
		}
		out = b.Bytes()
	}
	return writeOutput(env.Stdout, o.output, out)
}
