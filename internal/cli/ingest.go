package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/store"
)

type ingestOptions struct {
	in     inputOptions
	db     dbOptions
	name   string
	format string
}

func newIngestCmd(env *Env) *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest [flags] [FILE|DIR|- ...]",
		Short: "Read documents and keep their chronicle in the store",
		Long: `ingest runs the whole reading (sections, sentences, temporal expressions,
actors, events, treaties, tenures) over each FILE, every text-like file under
each DIR (.txt .text .wiki .wikitext .html .htm .xhtml .sgm .sgml .xml .tml),
or standard input ("-"), and stores the results. With no argument it ingests
the built-in corpus.

Each document is stored in one transaction: an interrupted ingest (Ctrl-C, a
crash, a full disk) leaves every document either as it was or wholly new.
Ingesting the same bytes again does nothing; a file whose bytes changed
replaces its earlier reading. Files that cannot be read are reported and
skipped; the exit status is then 1.`,
		Example: `  chronicle ingest
  chronicle ingest articles/ notes/rapallo.html
  chronicle ingest --db postgres://chronicle@db.example.org/chronicle articles/
  curl -s https://example.org/page.html | chronicle ingest --name page.html -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), env, &o, args)
		},
	}
	o.in.register(cmd)
	o.db.register(cmd)
	cmd.Flags().StringVar(&o.name, "name", "stdin", "the name (path) to store standard input under")
	cmd.Flags().StringVar(&o.format, "format", "text", "report format: text (a summary on stderr) or json (one result per document on stdout)")
	return cmd
}

// textExts are the file extensions ingest picks up when walking a folder.
var textExts = map[string]bool{".txt": true, ".text": true, ".wiki": true, ".wikitext": true, ".mediawiki": true,
	".html": true, ".htm": true, ".xhtml": true, ".sgm": true, ".sgml": true, ".xml": true, ".tml": true}

// collectInputs expands folders into the text-like files under them, in a
// stable order, skipping hidden files and folders.
func collectInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			out = append(out, a) // the reader reports what is wrong with it
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %v", p, unwrapPathErr(err))
			}
			name := d.Name()
			if p != a && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && textExts[strings.ToLower(filepath.Ext(name))] {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ingestTotals adds up the results of an ingest run.
type ingestTotals struct {
	added, replaced, unchanged, failed int
	events, treaties, tenures          int
	sentences, timexes, mentions       int
	bytes                              int64
}

func (t *ingestTotals) add(r store.IngestResult) {
	switch r.Outcome {
	case store.OutcomeAdded:
		t.added++
	case store.OutcomeReplaced:
		t.replaced++
	case store.OutcomeUnchanged:
		t.unchanged++
		return
	}
	t.events += r.Events
	t.treaties += r.Treaties
	t.tenures += r.Tenures
	t.sentences += r.Sentences
	t.timexes += r.Timexes
	t.mentions += r.Mentions
	t.bytes += int64(r.Bytes)
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, word[:len(word)-1])
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func (t *ingestTotals) summary(took time.Duration, where string) string {
	docs := t.added + t.replaced + t.unchanged + t.failed
	s := fmt.Sprintf("%s: %d added, %d replaced, %d unchanged", plural(docs, "document"), t.added, t.replaced, t.unchanged)
	if t.failed > 0 {
		s += fmt.Sprintf(", %d failed", t.failed)
	}
	s += fmt.Sprintf("; stored %s, %s, %s, %s, %s, %s",
		plural(t.events, "event"), plural(t.treaties, "treaty"), plural(t.tenures, "tenure"),
		plural(t.sentences, "sentence"), plural(t.timexes, "temporal expression"), plural(t.mentions, "actor mention"))
	rate := ""
	if secs := took.Seconds(); secs > 0 && t.bytes > 0 {
		rate = fmt.Sprintf(", %.2f MB/s", float64(t.bytes)/1e6/secs)
	}
	return fmt.Sprintf("%s in %s%s into %s", s, took.Round(time.Millisecond), rate, where)
}

// ingestOne reads path, skips it if its bytes are stored already, and
// otherwise runs the pipeline and stores the document.
func ingestOne(ctx context.Context, p *pipeline.Pipeline, st store.Store, env *Env, path, stdinName string) (store.IngestResult, error) {
	var d *doc.Document
	var err error
	switch path {
	case "":
		o := p.Read
		o.Format = ""
		d, err = read.Bytes(corpus.Name, corpus.Founding(), o)
	case "-":
		var data []byte
		limit := p.Read.MaxBytes
		if limit <= 0 {
			limit = read.DefaultMaxBytes
		}
		data, err = io.ReadAll(io.LimitReader(env.Stdin, limit+1))
		if err == nil && int64(len(data)) > limit {
			err = &read.Error{Path: stdinName, Problem: "input is larger than the limit per document (raise it with --max-size)"}
		}
		if err == nil {
			d, err = read.Bytes(stdinName, data, p.Read)
		}
	default:
		d, err = read.File(ctx, path, env.Stdin, p.Read)
		if err == nil {
			if abs, aerr := filepath.Abs(path); aerr == nil {
				d.Path = abs // one file, one identity, wherever it is ingested from
			}
		}
	}
	if err != nil {
		return store.IngestResult{Path: path}, err
	}
	if id, err := st.StoredHash(ctx, d.SHA256); err != nil {
		return store.IngestResult{Path: d.Path}, err
	} else if id != "" {
		return store.IngestResult{Outcome: store.OutcomeUnchanged, Document: id, Path: d.Path, Bytes: d.Size}, nil
	}
	if err := p.Run(ctx, d); err != nil {
		return store.IngestResult{Path: d.Path}, err
	}
	return st.Ingest(ctx, d)
}

func runIngest(ctx context.Context, env *Env, o *ingestOptions, args []string) error {
	if o.format != "text" && o.format != "json" {
		return usagef("--format %q: want text or json", o.format)
	}
	ro, err := o.in.readOptions()
	if err != nil {
		return err
	}
	p, err := pipeline.Default(ro)
	if err != nil {
		return err
	}
	inputs := []string{""} // the built-in corpus
	if len(args) > 0 {
		if inputs, err = collectInputs(args); err != nil {
			return err
		}
		stdin := 0
		for _, in := range inputs {
			if in == "-" {
				stdin++
			}
		}
		if stdin > 1 {
			return usagef("standard input (-) named more than once")
		}
		if len(inputs) == 0 {
			return fmt.Errorf("no text-like files (%s) found in %s", strings.Join(sortedKeys(textExts), " "), strings.Join(args, ", "))
		}
	}
	st, err := o.db.open(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()

	var bar *progressbar.ProgressBar
	if len(inputs) > 1 && env.IsTerminal() && o.format == "text" {
		bar = progressbar.NewOptions(len(inputs), progressbar.OptionSetWriter(env.Stderr), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond))
	}
	start := time.Now()
	var tot ingestTotals
	var results []store.IngestResult
	var firstErr error
	for _, in := range inputs {
		r, err := ingestOne(ctx, p, st, env, in, o.name)
		if ctx.Err() != nil {
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintf(env.Stderr, "chronicle: interrupted; %s\n", tot.summary(time.Since(start), st.Location()))
			return fmt.Errorf("ingest interrupted: documents stored before it are kept, the one being stored was not")
		}
		if err != nil {
			tot.failed++
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintf(env.Stderr, "chronicle: %v\n", err)
			if firstErr == nil {
				firstErr = err
			}
			if errors.Is(err, store.ErrReadOnly) || errors.Is(err, store.ErrFull) {
				break // every further document would fail the same way
			}
		} else {
			tot.add(r)
			results = append(results, r)
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	if o.format == "json" {
		if results == nil {
			results = []store.IngestResult{}
		}
		b, err := marshalJSON(results, false)
		if err != nil {
			return err
		}
		if _, err := env.Stdout.Write(b); err != nil {
			return err
		}
	}
	fmt.Fprintln(env.Stderr, "chronicle: "+tot.summary(time.Since(start), st.Location()))
	if firstErr != nil {
		return fmt.Errorf("%s could not be ingested (see above)", plural(tot.failed, "input"))
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
