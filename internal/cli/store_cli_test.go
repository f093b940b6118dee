package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/store"
	"github.com/chronicle-history/chronicle/internal/synth"
)

// articleDB makes a store holding the synthetic test article, whose
// events, treaties and tenures are known.
func articleDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.db")
	st, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Ingest(context.Background(), synth.Article("test.txt", 1)); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestIngestCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	arts := filepath.Join(dir, "articles")
	os.MkdirAll(filepath.Join(arts, "sub"), 0o755)
	os.MkdirAll(filepath.Join(arts, ".git"), 0o755)
	os.WriteFile(filepath.Join(arts, "a.txt"), []byte("Alpha\n\nIn 1922 Germany and Soviet Russia signed a treaty at Rapallo.\n"), 0o644)
	os.WriteFile(filepath.Join(arts, "sub", "b.html"), []byte("<html><body><h1>Beta</h1><p>In 1939 a pact was signed.</p></body></html>"), 0o644)
	os.WriteFile(filepath.Join(arts, "notes.pdf"), []byte("%PDF-1.4 not text"), 0o644)
	os.WriteFile(filepath.Join(arts, ".git", "c.txt"), []byte("hidden"), 0o644)

	code, out, errs := run(t, "", "ingest", "--db", db, "--format", "json", arts)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	var res []store.IngestResult
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 2 || res[0].Outcome != store.OutcomeAdded || res[1].Outcome != store.OutcomeAdded {
		t.Fatalf("results: %s %v", out, err)
	}
	if !strings.Contains(errs, "2 documents: 2 added, 0 replaced, 0 unchanged") {
		t.Fatalf("summary: %q", errs)
	}
	// Again: nothing to do. Then one file changes and one is unreadable.
	if code, _, errs = run(t, "", "ingest", "--db", db, arts); code != 0 || !strings.Contains(errs, "0 added, 0 replaced, 2 unchanged") {
		t.Fatalf("re-ingest: %d %q", code, errs)
	}
	os.WriteFile(filepath.Join(arts, "a.txt"), []byte("Alpha\n\nIn 1922 Germany and Soviet Russia signed the Treaty of Rapallo.\n"), 0o644)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte{0, 0, 0, 1, 2}, 0o644)
	code, _, errs = run(t, "", "ingest", "--db", db, arts, bad)
	if code != 1 || !strings.Contains(errs, "1 replaced, 1 unchanged, 1 failed") || !strings.Contains(errs, "bad.txt: binary data") {
		t.Fatalf("changed + bad: %d %q", code, errs)
	}
	// Standard input under a name, and usage mistakes.
	if code, _, errs = run(t, "Gamma\n\nIn 1941 the war began.\n", "ingest", "--db", db, "--name", "gamma.txt", "-"); code != 0 || !strings.Contains(errs, "1 added") {
		t.Fatalf("stdin: %d %q", code, errs)
	}
	if code, _, _ = run(t, "", "ingest", "--db", db, "-", "-"); code != 2 {
		t.Fatalf("stdin twice: exit %d, want 2", code)
	}
	if code, _, errs = run(t, "", "ingest", "--db", db, filepath.Join(dir, "missing.txt")); code != 1 || !strings.Contains(errs, "missing.txt: no such file") {
		t.Fatalf("missing file: %d %q", code, errs)
	}
}

func TestIngestBuiltinCorpusStoresWhatThePipelineProduces(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	code, out, errs := run(t, "", "ingest", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res []store.IngestResult
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 1 {
		t.Fatalf("%s %v", out, err)
	}
	p, _ := pipeline.Default(read.Options{})
	d, err := p.Founding(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := store.IngestResult{Outcome: store.OutcomeAdded, Document: d.ID, Path: d.Path, Bytes: d.Size, Sentences: len(d.Sentences),
		Timexes: len(d.Timexes), Actors: len(d.Actors), Mentions: len(d.Mentions), Events: len(d.Events), Treaties: len(d.Treaties), Tenures: len(d.Tenures)}
	if res[0] != want {
		t.Fatalf("stored %+v, the pipeline produced %+v", res[0], want)
	}
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	back, err := st.LoadDocument(context.Background(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Raw != d.Raw || len(back.Sentences) != len(d.Sentences) || len(back.Timexes) != len(d.Timexes) || len(back.Events) != len(d.Events) {
		t.Fatal("the stored document differs from the pipeline's")
	}
}

func TestQueryCommands(t *testing.T) {
	db := articleDB(t)
	cases := []struct {
		name string
		args []string
		code int
		want []string // substrings of stdout
	}{
		{"events table", []string{"events", "--pair", "DEU,SUN", "--from", "1939", "--to", "1941"}, 0,
			[]string{"DATE", "1939-08-23", "SUPPORT/sign", "1941-06-22", "ASSAULT/invasion", "Operation"}},
		{"events text", []string{"events", "--text", "secret protocol", "--format", "json"}, 0, []string{`"total":1`, `"local_id":"e3"`}},
		{"events csv", []string{"events", "--type", "ASSAULT", "--modality", "negated", "--format", "csv"}, 0, []string{"id,document,date", "test:e5"}},
		{"tenures as of", []string{"tenures", "--office", "ambassador", "--state", "DEU", "--at", "1930-06"}, 0,
			[]string{"Herbert von Dirksen", "AT 1930-06", "held"}},
		{"tenures possible", []string{"tenures", "--state", "SUN", "--at", "1930-06"}, 0, []string{"Nikolay Krestinsky", "possible", "year only"}},
		{"treaties", []string{"treaties", "--party", "SUN", "--from", "1932", "--to", "1941"}, 0, []string{"1939-08-23", "Molotov–Ribbentrop Pact", "yes"}},
		{"bad date", []string{"events", "--from", "last spring"}, 2, nil},
		{"bad pair", []string{"events", "--pair", "DEU"}, 2, nil},
		{"bad format", []string{"treaties", "--format", "xml"}, 2, nil},
		{"unknown actor", []string{"events", "--actor", "Atlantis"}, 2, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(t, "", append(c.args, "--db", db)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, errs)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Fatalf("output lacks %q:\n%s", w, out)
				}
			}
			if c.code == 2 && (strings.Contains(errs, "panic") || strings.Count(errs, "\n") > 2) {
				t.Fatalf("usage error is not one clear line: %q", errs)
			}
		})
	}
}

func TestExportCommand(t *testing.T) {
	db := articleDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "events.tsv")
	if code, _, errs := run(t, "", "export", "--db", db, "--format", "polecat", "--pair", "DEU,SUN", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, _ := os.Open(out)
	r := csv.NewReader(f)
	r.Comma = '\t'
	recs, err := r.ReadAll()
	f.Close()
	if err != nil || len(recs) != 5 || recs[0][0] != "Event ID" {
		t.Fatalf("polecat file: %v %v", len(recs), err)
	}
	if code, _, errs := run(t, "", "export", "--db", db, "--format", "timeml", "-o", filepath.Join(dir, "tml")+"/"); code != 0 {
		t.Fatalf("timeml folder: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "tml", "test.tml")); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, "", "export", "--db", db, "--format", "xlsx"); code != 2 {
		t.Fatalf("unknown format: exit %d, want 2", code)
	}
	// A failing export leaves no file behind.
	if code, _, _ := run(t, "", "export", "--db", db, "--format", "csv", "--from", "nonsense", "-o", filepath.Join(dir, "x.csv")); code != 2 {
		t.Fatal("bad filter accepted")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Fatalf("left files behind: %v", ents)
	}
}

// syncBuffer is a bytes buffer safe for a command writing while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	pr, pw := io.Pipe()
	var errb syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, Env{Stdout: pw, Stderr: &errb})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no URL printed: %v (%s)", err, errb.String())
	}
	url := strings.TrimSpace(line)
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("URL %q", url)
	}
	go io.Copy(io.Discard, pr)
	resp, err := http.Get(url + "api/documents")
	if err != nil {
		t.Fatal(err)
	}
	var docs store.DocumentList
	json.NewDecoder(resp.Body).Decode(&docs)
	resp.Body.Close()
	if docs.Total != 1 || !strings.Contains(docs.Documents[0].Path, "germany-soviet") {
		t.Fatalf("an empty store should get the built-in corpus: %+v", docs)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d: %s", code, errb.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errb.String(), "msg=request") || !strings.Contains(errb.String(), "shutting down") {
		t.Fatalf("logs: %s", errb.String())
	}
}

func TestDBCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	if code, _, errs := run(t, "", "db", "info", "--db", db); code != 1 || !strings.Contains(errs, "no store there yet") {
		t.Fatalf("info on nothing: %d %q", code, errs)
	}
	if code, out, errs := run(t, "", "db", "migrate", "--db", db); code != 0 || !strings.Contains(out, "schema version 2") {
		t.Fatalf("migrate: %d %q %q", code, out, errs)
	}
	db2 := articleDB(t)
	code, out, errs := run(t, "", "db", "info", "--db", db2)
	if code != 0 || !strings.Contains(out, "status:  up to date") || !strings.Contains(out, "6 events, 3 treaties, 4 tenures") {
		t.Fatalf("info: %d %q %q", code, out, errs)
	}
}
