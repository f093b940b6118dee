package store_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/chronicle-history/chronicle/internal/store"
	"github.com/chronicle-history/chronicle/internal/synth"
)

// snapshot is everything a reader can see, to compare a store before and
// after a failed write.
func snapshot(t *testing.T, s store.Store) string {
	t.Helper()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var evs []store.Event
	if err := s.EachEvent(ctx, store.EventFilter{}, func(e *store.Event) error { evs = append(evs, *e); return nil }); err != nil {
		t.Fatal(err)
	}
	docs, err := s.Documents(ctx, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs.Documents {
		docs.Documents[i].IngestedAt = ""
	}
	b, _ := json.Marshal([]any{st.Counts, st.TopActors, evs, docs})
	return string(b)
}

// failAfter returns a BeforeWrite hook that fails the n-th statement of
// each write transaction with err (n counts from 1), or, with cancel set,
// cancels the context instead, as Ctrl-C would.
type failAfter struct {
	n      int64
	count  atomic.Int64
	err    error
	cancel context.CancelFunc
}

func (f *failAfter) hook(ctx context.Context, stmt string) error {
	if f.count.Add(1) != f.n {
		return nil
	}
	if f.cancel != nil {
		f.cancel()
		return ctx.Err()
	}
	return f.err
}

func TestFailedIngestLeavesStoreUnchanged(t *testing.T) {
	cases := []struct {
		name   string
		at     int64 // statement at which the write fails
		err    error
		cancel bool
	}{
		{"cancelled mid-way (Ctrl-C)", 40, nil, true},
		{"cancelled at commit", -1, nil, true},
		{"disk full mid-way", 25, errors.New("write /data/chronicle.db: no space left on device"), false},
		{"connection lost before commit", -1, errors.New("connection reset by peer"), false},
	}
	for _, b := range backends(t) {
		for _, c := range cases {
			t.Run(b.name+"/"+c.name, func(t *testing.T) {
				dsn := b.dsn(t)
				ctx := context.Background()
				// Fill the store first, with the hook idle.
				f := &failAfter{n: 1 << 62}
				s, err := store.Open(ctx, dsn, store.Options{BeforeWrite: f.hook})
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				mustIngest(t, s, article("test.txt", 1))
				before := snapshot(t, s)

				v2 := article("test.txt", 2) // a replacement: deletes, then inserts
				at := c.at
				if at < 0 {
					// Count the statements of the replacing ingest, to fail at its COMMIT.
					var n int64
					counting := false
					probe, err := store.Open(ctx, b.dsn(t), store.Options{BeforeWrite: func(_ context.Context, stmt string) error {
						if counting && stmt != "COMMIT" {
							n++
						}
						return nil
					}})
					if err != nil {
						t.Fatal(err)
					}
					mustIngest(t, probe, article("test.txt", 1))
					counting = true
					mustIngest(t, probe, v2)
					probe.Close()
					at = n + 1
				}
				ictx, cancel := context.WithCancel(ctx)
				defer cancel()
				f.count.Store(0)
				f.n, f.err = at, c.err
				if c.cancel {
					f.cancel = cancel
				}
				_, err = s.Ingest(ictx, v2)
				if err == nil {
					t.Fatal("ingest succeeded despite the failure")
				}
				if !strings.Contains(err.Error(), "test.txt: not stored") {
					t.Fatalf("error does not say what was not stored: %v", err)
				}
				if c.cancel && !errors.Is(err, context.Canceled) {
					t.Fatalf("cancelled ingest: %v, want context.Canceled", err)
				}
				f.n = 1 << 62
				if after := snapshot(t, s); after != before {
					t.Fatalf("store changed by a failed ingest:\nbefore %s\nafter  %s", before, after)
				}
				// And the store still works: the same ingest now succeeds.
				if r := mustIngest(t, s, v2); r.Outcome != store.OutcomeReplaced {
					t.Fatalf("retry: %+v", r)
				}
			})
		}
	}
}

// TestSQLiteDiskFull fills a database to its page limit, a real SQLITE_FULL
// from the engine, as a full disk gives.
func TestSQLiteDiskFull(t *testing.T) {
	path := t.TempDir() + "/full.db"
	ctx := context.Background()
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, article("test.txt", 1))
	before := snapshot(t, s)
	var pages int
	raw, _ := sql.Open("sqlite", path)
	raw.QueryRow(`PRAGMA page_count`).Scan(&pages)
	raw.Close()
	s.Close()
	s, err = store.Open(ctx, "file:"+path+"?_pragma=max_page_count("+itoa(pages+2)+")", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Ingest(ctx, synth.Document(1, 0, 2000))
	if !errors.Is(err, store.ErrFull) {
		t.Fatalf("ingest into a full database: %v, want ErrFull", err)
	}
	if after := snapshot(t, s); after != before {
		t.Fatal("a full disk changed the store")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestReadOnlyDatabase(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.dsn(t)
			ctx := context.Background()
			s, err := store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			mustIngest(t, s, article("test.txt", 1))
			before := snapshot(t, s)
			s.Close()
			var ro string
			if b.name == "sqlite" {
				// Root can write any file, so the test cannot rely on file
				// modes; mode=ro is what SQLite does with an unwritable file.
				if os.Geteuid() != 0 {
					if err := os.Chmod(dsn, 0o444); err != nil {
						t.Fatal(err)
					}
				}
				ro = "file:" + dsn + "?mode=ro"
			} else {
				ro = dsn + "&default_transaction_read_only=on"
			}
			s, err = store.Open(ctx, ro, store.Options{})
			if err != nil {
				t.Fatalf("opening a read-only store for reading: %v", err)
			}
			defer s.Close()
			_, err = s.Ingest(ctx, article("test.txt", 2))
			if !errors.Is(err, store.ErrReadOnly) {
				t.Fatalf("ingest into a read-only store: %v, want ErrReadOnly", err)
			}
			if after := snapshot(t, s); after != before {
				t.Fatal("read-only store changed")
			}
		})
	}
}

func TestSchemaTooNewIsRefused(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.dsn(t)
			ctx := context.Background()
			s, err := store.Open(ctx, dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			driver, conn := "sqlite", dsn
			if b.name == "postgres" {
				driver = "pgx"
			}
			raw, err := sql.Open(driver, conn)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (9999, true)`); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			_, err = store.Open(ctx, dsn, store.Options{})
			if !errors.Is(err, store.ErrSchemaTooNew) || !strings.Contains(err.Error(), "version 9999") {
				t.Fatalf("opening a newer schema: %v, want ErrSchemaTooNew naming the version", err)
			}
		})
	}
}

// TestReadersSeeWholeDocuments replaces a document again and again while
// readers query it: every read must see one version entirely.
func TestReadersSeeWholeDocuments(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		ctx := context.Background()
		versions := []string{}
		for _, v := range []int{1, 2} {
			d := article("test.txt", v)
			ids := []string{}
			for _, e := range d.Events {
				ids = append(ids, "test:"+e.ID)
			}
			versions = append(versions, strings.Join(ids, ","))
		}
		mustIngest(t, s, article("test.txt", 1))
		var wg sync.WaitGroup
		stop := make(chan struct{})
		errs := make(chan error, 16)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(stop)
			for i := 0; i < 30; i++ {
				if _, err := s.Ingest(ctx, article("test.txt", 2-i%2)); err != nil {
					errs <- err
					return
				}
			}
		}()
		seen := make([]atomic.Int64, 2)
		for r := 0; r < 4; r++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					got, err := s.Events(ctx, store.EventFilter{Document: "test"})
					if err != nil {
						errs <- err
						return
					}
					ids := []string{}
					for _, e := range got.Events {
						ids = append(ids, e.ID)
					}
					joined := strings.Join(ids, ",")
					switch {
					case joined == versions[0] && got.Total == 6:
						seen[0].Add(1)
					case joined == versions[1] && got.Total == 5:
						seen[1].Add(1)
					case len(ids) == 0 && got.Total == 0:
						errs <- errors.New("a reader saw the document missing during its replacement")
						return
					default:
						errs <- errors.New("a reader saw a mix of versions: " + joined)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		t.Logf("reads of version 1: %d, of version 2: %d", seen[0].Load(), seen[1].Load())
		if !reflect.DeepEqual(len(versions), 2) {
			t.Fatal("fixture broken")
		}
	})
}

func TestNoMigrateRefusesAnOldSchema(t *testing.T) {
	_, err := store.Open(context.Background(), t.TempDir()+"/new.db", store.Options{NoMigrate: true})
	if err == nil || !strings.Contains(err.Error(), "version 0") {
		t.Fatalf("opening an unmigrated store with NoMigrate: %v", err)
	}
}
