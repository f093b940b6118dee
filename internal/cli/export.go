package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/export"
	"github.com/chronicle-history/chronicle/internal/store"
)

type exportOptions struct {
	db       dbOptions
	filter   eventFilterFlags
	format   string
	output   string
	title    string
	document string
}

func newExportCmd(env *Env) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export --format FORMAT [flags]",
		Short: "Write the stored chronicle for other tools (CSV, POLECAT, TimelineJS, Gephi, TimeML)",
		Long: `export writes the events in the store (all, or those the filters select) in
one of these formats:

  csv         one row per event (R, pandas, spreadsheets)
  jsonl       one JSON event per line, as the API gives them
  polecat     tab-separated, POLECAT/ICEWS-style columns (Event ID, Event Date,
              Event Type, Event Mode, Event Intensity, Quad Code, Actor Name,
              Actor Country, Recipient Name, Recipient Country, ...) plus date
              precision, modality and evidence columns
  timelinejs  TimelineJS JSON: a slide per dated event, grouped by actor pair
  gexf        GEXF 1.3 for Gephi: actors as nodes, interactions as weighted,
              time-stamped edges (asserted events unless --modality says)
  timeml      a document's text with inline TIMEX3 tags; with several
              documents, --document ID or -o FOLDER/ for one .tml per document

Output goes to standard output or, with -o, to a file written atomically.`,
		Example: `  chronicle export --format polecat -o events.tsv
  chronicle export --format timelinejs --pair DEU,SUN -o timeline.json
  chronicle export --format gexf --from 1933 --to 1941 -o network.gexf
  chronicle export --format timeml -o tml/`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), env, &o)
		},
	}
	o.db.register(cmd)
	o.filter.register(cmd)
	cmd.Flags().StringVar(&o.format, "format", "", "csv, jsonl, polecat, timelinejs, gexf or timeml (required)")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write to this file (or, for timeml, folder/) instead of standard output")
	cmd.Flags().StringVar(&o.title, "title", "", "a title for the export (TimelineJS title slide, GEXF description)")
	return cmd
}

func runExport(ctx context.Context, env *Env, o *exportOptions) error {
	ok := false
	for _, f := range export.Formats {
		ok = ok || f == o.format
	}
	if !ok {
		return usagef("--format %q: want one of %s", o.format, strings.Join(export.Formats, ", "))
	}
	f, err := o.filter.filter()
	if err != nil {
		return err
	}
	st, err := o.db.open(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	eo := export.Options{Events: f, Document: o.filter.document, Title: o.title}
	if o.format == "timeml" && o.output != "" && isFolder(o.output) {
		return exportTimeMLFolder(ctx, st, o.output, eo)
	}
	return writeStream(env.Stdout, o.output, func(w io.Writer) error {
		return storeErr(export.Write(ctx, w, st, o.format, eo))
	})
}

// isFolder reports whether path names a folder (existing, or ending in /).
func isFolder(path string) bool {
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return true
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

func exportTimeMLFolder(ctx context.Context, st store.Store, dir string, eo export.Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: cannot create folder: %w", dir, unwrapPathErr(err))
	}
	ids := []string{eo.Document}
	if eo.Document == "" {
		var err error
		if ids, err = export.DocumentIDs(ctx, st); err != nil {
			return err
		}
	}
	for _, id := range ids {
		d, err := st.LoadDocument(ctx, id)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, id+".tml")
		if err := writeStream(nil, path, func(w io.Writer) error { return export.WriteTimeML(w, d) }); err != nil {
			return err
		}
	}
	return nil
}
