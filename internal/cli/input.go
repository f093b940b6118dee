package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
)

func stderrIsTerminal() bool { return term.IsTerminal(int(os.Stderr.Fd())) }

// inputOptions are the flags of every command that reads documents.
type inputOptions struct {
	format  string
	maxSize string
}

func (o *inputOptions) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.format, "input-format", "auto", "input format: auto, "+strings.Join(read.Formats, ", "))
	cmd.Flags().StringVar(&o.maxSize, "max-size", "128MiB", "largest document accepted (e.g. 64MiB, 1GiB)")
}

func (o *inputOptions) readOptions() (read.Options, error) {
	f := strings.ToLower(o.format)
	if f != "" && f != "auto" {
		ok := false
		for _, k := range read.Formats {
			ok = ok || k == f
		}
		if !ok {
			return read.Options{}, usagef("--input-format %q: want auto or one of %s", o.format, strings.Join(read.Formats, ", "))
		}
	}
	n, err := parseSize(o.maxSize)
	if err != nil {
		return read.Options{}, usagef("--max-size %q: %v", o.maxSize, err)
	}
	return read.Options{Format: f, MaxBytes: n}, nil
}

// parseSize reads sizes like "128MiB", "50MB", "1GiB" or a plain byte count.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(strings.ToUpper(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t = strings.TrimSpace(strings.TrimSuffix(t, u.suffix))
			mult = u.m
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("not a size")
	}
	return int64(v * float64(mult)), nil
}

// readAll runs the whole default pipeline over the named files (none: the
// built-in corpus), with these input options.
func (o *inputOptions) readAll(ctx context.Context, env *Env, paths []string) ([]*doc.Document, error) {
	ro, err := o.readOptions()
	if err != nil {
		return nil, err
	}
	p, err := pipeline.Default(ro)
	if err != nil {
		return nil, err
	}
	return readDocuments(ctx, p, env, paths)
}

// readDocuments runs the pipeline over every named file ("-" is stdin);
// with no names it reads the built-in corpus. It stops at the first bad
// input, before anything is written.
func readDocuments(ctx context.Context, p *pipeline.Pipeline, env *Env, paths []string) ([]*doc.Document, error) {
	if len(paths) == 0 {
		d, err := p.Founding(ctx)
		if err != nil {
			return nil, err
		}
		return []*doc.Document{d}, nil
	}
	stdinUsed := false
	var docs []*doc.Document
	ids := map[string]int{}
	for _, path := range paths {
		if path == "-" {
			if stdinUsed {
				return nil, usagef("standard input (-) named more than once")
			}
			stdinUsed = true
		}
		d, err := p.File(ctx, path, env.Stdin)
		if err != nil {
			return nil, err
		}
		// Keep ids unique within one run.
		if n := ids[d.ID]; n > 0 {
			ids[d.ID] = n + 1
			d.ID = fmt.Sprintf("%s-%d", d.ID, n+1)
		} else {
			ids[d.ID] = 1
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// writeOutput writes data to path atomically (a temporary file renamed into
// place), or to w when path is empty or "-", so a failure never leaves a
// half-written file.
func writeOutput(w io.Writer, path string, data []byte) error {
	return writeStream(w, path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeStream has write produce the output through a buffer into w when
// path is empty or "-", else into a temporary file beside path that is
// renamed into place only once write has succeeded and the file is closed:
// a failure never leaves a half-written file, and the output need never
// be held whole in memory.
func writeStream(w io.Writer, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriterSize(w, 256<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, unwrapPathErr(err))
	}
	tmp := f.Name()
	bw := bufio.NewWriterSize(f, 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("%s: cannot write: %w", path, unwrapPathErr(err))
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: cannot write: %w", path, unwrapPathErr(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: cannot write: %w", path, unwrapPathErr(err))
	}
	return nil
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// marshalJSON encodes v with a trailing newline, without escaping <, >, &
// (evidence text is quoted as it stands).
func marshalJSON(v any, pretty bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
