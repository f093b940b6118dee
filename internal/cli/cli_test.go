package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/corpus"
)

// run calls Main like a process would and returns exit code, stdout, stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "chronicle ") {
		t.Errorf("version: code %d, out %q", code, out)
	}
}

type extraction struct {
	Documents []struct {
		ID, Title, Path, SHA256, Format string
		Sections                        []struct {
			Level      int
			Title      string
			Start, End int
		}
		Sentences []struct {
			Start, End int
			Text       string
		}
	}
	Actors, Events, Treaties, Tenures, Timexes []json.RawMessage
}

func TestExtractBuiltinCorpus(t *testing.T) {
	code, out, errs := run(t, "", "extract")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var x extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatal(err)
	}
	if len(x.Documents) != 1 || x.Documents[0].Path != corpus.Name || x.Documents[0].Format != "wikiplain" {
		t.Fatalf("documents = %+v", x.Documents)
	}
	d := x.Documents[0]
	if len(d.SHA256) != 64 || len(d.Sections) != 40 || len(d.Sentences) < 300 {
		t.Errorf("sha256 %q, %d sections, %d sentences", d.SHA256, len(d.Sections), len(d.Sentences))
	}
	raw := corpus.Founding()
	for _, s := range d.Sentences {
		if string(raw[s.Start:s.End]) != s.Text {
			t.Fatalf("sentence offsets [%d,%d) do not cut %q", s.Start, s.End, s.Text)
		}
	}
	// The other arrays are present even when empty.
	for _, key := range []string{`"actors":`, `"events":`, `"treaties":`, `"tenures":`, `"timexes":`} {
		if !strings.Contains(out, key) || strings.Contains(out, key+"null") {
			t.Errorf("output lacks array %s", key)
		}
	}
}

func TestExtractStdinAndJSONL(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(a, []byte("The treaty was signed in 1922. It mattered.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "<p>Hello &amp; goodbye. Second.</p>", "extract", "--format", "jsonl", a, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	var x extraction
	if err := json.Unmarshal([]byte(lines[1]), &x); err != nil {
		t.Fatal(err)
	}
	if x.Documents[0].Path != "-" || x.Documents[0].Format != "html" || len(x.Documents[0].Sentences) != 2 {
		t.Errorf("stdin document = %+v", x.Documents[0])
	}
}

func TestExitCodesAndErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("A sentence.\n"))
	tests := []struct {
		name     string
		args     []string
		code     int
		stderrIn string
	}{
		{"empty file", []string{"extract", write("empty.txt", nil)}, 1, "empty.txt: empty file"},
		{"binary file", []string{"extract", write("x.bin", []byte("\x00\x01\x02ELF"))}, 1, "x.bin: binary data"},
		{"invalid utf-8", []string{"extract", write("l1.txt", []byte("na\xefve"))}, 1, "l1.txt: invalid UTF-8 at byte 2"},
		{"missing file", []string{"extract", filepath.Join(dir, "missing.txt")}, 1, "missing.txt: no such file"},
		{"directory", []string{"extract", dir}, 1, "is a directory"},
		{"over the size limit", []string{"extract", "--max-size", "4", good}, 1, "larger than the limit of 4 bytes"},
		{"good then bad writes nothing", []string{"extract", good, write("e2.txt", nil)}, 1, "e2.txt: empty file"},
		{"unknown flag", []string{"extract", "--bogus"}, 2, "unknown flag: --bogus"},
		{"bad output format", []string{"extract", "--format", "xml"}, 2, `--format "xml"`},
		{"bad input format", []string{"extract", "--input-format", "pdf", good}, 2, `--input-format "pdf"`},
		{"bad size", []string{"extract", "--max-size", "lots", good}, 2, `--max-size "lots"`},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"no command", nil, 2, "no command given"},
		{"stdin twice", []string{"extract", "-", "-"}, 2, "more than once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "x", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errs)
			}
			// An input error is exactly one line; a usage error may follow
			// the command's help.
			lines := strings.Split(strings.TrimSpace(errs), "\n")
			msg := lines[0]
			if tt.code == 2 {
				msg = lines[len(lines)-2]
				if lines[len(lines)-1] != "Run 'chronicle --help' for usage." {
					t.Errorf("usage error does not end with the help hint: %q", errs)
				}
			} else if len(lines) != 1 {
				t.Errorf("stderr has %d lines, want 1: %q", len(lines), errs)
			}
			if !strings.HasPrefix(msg, "chronicle: ") || !strings.Contains(msg, tt.stderrIn) {
				t.Errorf("stderr line %q, want it to contain %q", msg, tt.stderrIn)
			}
			if strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic") {
				t.Errorf("stderr shows a panic: %s", errs)
			}
			if tt.code == 1 && out != "" {
				t.Errorf("partial output on error: %q", out[:min(len(out), 80)])
			}
		})
	}
}

func TestExtractOutputFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "out.json")
	if err := os.WriteFile(dst, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, "", "extract", "-o", dst, empty); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if b, _ := os.ReadFile(dst); string(b) != "previous" {
		t.Fatalf("a failed run changed the output file: %q", b)
	}
	if code, _, errs := run(t, "", "extract", "-o", dst); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(dst)
	if !json.Valid(b) {
		t.Fatal("output file is not JSON")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	if code, _, errs := run(t, "", "extract", "-o", filepath.Join(dir, "no", "such", "dir", "x.json")); code != 1 || !strings.Contains(errs, "cannot write") {
		t.Errorf("unwritable output: exit %d, stderr %q", code, errs)
	}
}
