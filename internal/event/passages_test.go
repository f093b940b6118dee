package event_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/event"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
)

// TestPassages codes short history passages written for the test, on other
// topics than the founding article (Anglo-Japanese relations 1902–1923, the
// Franco-Italian rapprochement of 1935, the Munich crisis, the Sino-Soviet
// split), with the whole pipeline, and compares every event with the events
// a historian expects (testdata/passages/NAME.events): the proof that the
// rules carry over to text they were not written from.
func TestPassages(t *testing.T) {
	p, err := pipeline.Events(read.Options{Format: "plain"}, event.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "passages", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no passages: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want := readExpected(t, strings.TrimSuffix(f, ".txt")+".events")
			d, err := p.Bytes(context.Background(), filepath.Base(f), src)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Events {
				got = append(got, passageLine(e))
			}
			for i := 0; i < max(len(got), len(want)); i++ {
				g, w := "(none)", "(none)"
				if i < len(got) {
					g = got[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w {
					t.Errorf("event %d:\n got %s\nwant %s", i+1, g, w)
				}
			}
		})
	}
}

// passageLine writes an event as a line of the .events format.
func passageLine(e doc.Event) string {
	ids := func(xs []string) string {
		var out []string
		for _, x := range xs {
			if !strings.HasPrefix(x, "person:") {
				out = append(out, x)
			}
		}
		if len(out) == 0 {
			return "-"
		}
		return strings.Join(out, ",")
	}
	return strings.Join([]string{e.Type, e.Subtype, ids(e.Actor), ids(e.Recipient), e.Date.Value, e.Modality, e.Trigger.Text}, "\t")
}

// readExpected reads the event lines of a .events file.
func readExpected(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if n := len(strings.Split(line, "\t")); n != 7 {
			t.Fatalf("%s: %d fields in %q, want 7", path, n, line)
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
