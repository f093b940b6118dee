package cli

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
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
		out = TimeML(d)
	}
	return writeOutput(env.Stdout, o.output, out)
}

// TimeML writes the clean text of d with its temporal expressions as
// inline TIMEX3 elements, in a TimeML document that any XML parser reads.
func TimeML(d *doc.Document) []byte {
	var b bytes.Buffer
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>")
	xmlText(&b, d.ID)
	b.WriteString("</DOCID>\n<TEXT>")
	at := 0
	for i, t := range d.Timexes {
		if t.Clean.Start < at || t.Clean.End > len(d.Text) || t.Clean.Start > t.Clean.End {
			continue // never nest or cross tags
		}
		xmlText(&b, d.Text[at:t.Clean.Start])
		fmt.Fprintf(&b, `<TIMEX3 tid="t%d" type="%s" value="%s"`, i+1, t.Type, xmlAttr(t.Value))
		if t.Mod != "" {
			fmt.Fprintf(&b, ` mod="%s"`, xmlAttr(t.Mod))
		}
		if t.Quant != "" {
			fmt.Fprintf(&b, ` quant="%s"`, xmlAttr(t.Quant))
		}
		if t.Freq != "" {
			fmt.Fprintf(&b, ` freq="%s"`, xmlAttr(t.Freq))
		}
		if t.Anchor != doc.AnchorExplicit && t.Anchor != "" {
			b.WriteString(` temporalFunction="true"`)
		}
		b.WriteString(">")
		xmlText(&b, d.Text[t.Clean.Start:t.Clean.End])
		b.WriteString("</TIMEX3>")
		at = t.Clean.End
	}
	xmlText(&b, d.Text[at:])
	b.WriteString("</TEXT>\n</TimeML>\n")
	return b.Bytes()
}

// xmlText writes s escaped for XML character data, dropping characters
// XML 1.0 does not allow.
func xmlText(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF:
			b.WriteRune(r)
		default:
			b.WriteRune(utf8.RuneError)
		}
	}
}

func xmlAttr(s string) string {
	var b bytes.Buffer
	xmlText(&b, s)
	return strings.ReplaceAll(b.String(), `"`, "&quot;")
}
