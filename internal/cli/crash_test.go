package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/store"
)

// TestMain lets a test run chronicle as a real process (this test binary
// with CHRONICLE_TEST_MAIN set), so that it can be interrupted or killed.
func TestMain(m *testing.M) {
	if args := os.Getenv("CHRONICLE_TEST_MAIN"); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Main(ctx, a, ProcessEnv())
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// chronicleProcess starts chronicle with args in a process of its own.
func chronicleProcess(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	b, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CHRONICLE_TEST_MAIN="+string(b))
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &errb
}

// articles writes n different copies of the founding article.
func articles(t *testing.T, n int) string {
	dir := filepath.Join(t.TempDir(), "articles")
	os.MkdirAll(dir, 0o755)
	text := corpus.Founding()
	for i := 0; i < n; i++ {
		data := append([]byte(fmt.Sprintf("Copy %d of the article\n\n", i)), text...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.txt", i)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkWhole checks that every stored document holds exactly what the
// pipeline reads from its file: no document is half stored.
func checkWhole(t *testing.T, db, dir string) int {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Documents(ctx, store.Page{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := pipeline.Default(read.Options{})
	for _, info := range list.Documents {
		d, err := p.File(ctx, info.Path, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.LoadDocument(ctx, info.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.SHA256 != d.SHA256 || len(got.Sentences) != len(d.Sentences) || len(got.Timexes) != len(d.Timexes) ||
			len(got.Mentions) != len(d.Mentions) || len(got.Events) != len(d.Events) {
			t.Fatalf("%s is stored incompletely: %d/%d sentences, %d/%d timexes, %d/%d mentions, %d/%d events", info.Path,
				len(got.Sentences), len(d.Sentences), len(got.Timexes), len(d.Timexes), len(got.Mentions), len(d.Mentions), len(got.Events), len(d.Events))
		}
	}
	return list.Total
}

// TestKilledAndInterruptedIngest kills an ingest of many documents with
// SIGKILL (a crash) and interrupts another with SIGINT (Ctrl-C) while they
// run: every document stored is whole, and running ingest again completes
// the rest. (Where exactly the signal lands is up to the scheduler; the
// store's own tests fail a write at chosen statements of a transaction.)
func TestKilledAndInterruptedIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs chronicle processes")
	}
	dir := articles(t, 12)
	for _, sig := range []os.Signal{syscall.SIGKILL, os.Interrupt} {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "c.db")
			cmd, errb := chronicleProcess(t, "ingest", "--db", db, dir)
			// Wait until some documents are stored, then strike.
			deadline := time.Now().Add(60 * time.Second)
			for {
				if n := storedCount(db); n >= 2 || time.Now().After(deadline) {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			time.Sleep(37 * time.Millisecond) // land inside a later document's work
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if err == nil {
				t.Fatalf("ingest finished before the signal; make the input larger")
			}
			if sig == os.Interrupt && !strings.Contains(errb.String(), "interrupted") {
				t.Fatalf("Ctrl-C: %v, stderr %q", err, errb.String())
			}
			n := checkWhole(t, db, dir)
			if n == 0 || n >= 12 {
				t.Fatalf("%d documents stored before the signal; want some but not all", n)
			}
			if code, _, errs := run(t, "", "ingest", "--db", db, dir); code != 0 || !strings.Contains(errs, fmt.Sprintf("%d unchanged", n)) {
				t.Fatalf("ingest again: %d %q", code, errs)
			}
			if m := checkWhole(t, db, dir); m != 12 {
				t.Fatalf("after ingesting again %d documents, want 12", m)
			}
		})
	}
}

// storedCount reads how many documents a store holds, 0 if it cannot yet.
func storedCount(db string) int {
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	st, err := store.Open(context.Background(), "file:"+db+"?mode=ro", store.Options{NoMigrate: true})
	if err != nil {
		return 0
	}
	defer st.Close()
	l, err := st.Documents(context.Background(), store.Page{Limit: 1})
	if err != nil {
		return 0
	}
	return l.Total
}
