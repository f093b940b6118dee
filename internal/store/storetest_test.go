package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/store"
	"github.com/chronicle-history/chronicle/internal/synth"
)

// backend is a way to make a fresh, empty store for one test.
type backend struct {
	name string
	// dsn returns the DSN of a new empty database, removed after the test.
	dsn func(t testing.TB) string
}

// backends lists the backends every store test runs against: SQLite
// always; PostgreSQL when CHRONICLE_TEST_POSTGRES names a server. In CI
// (CI set) a missing PostgreSQL is a failure, not a skip, so that both
// backends are exercised on every CI run.
func backends(t testing.TB) []backend {
	bs := []backend{{name: "sqlite", dsn: func(t testing.TB) string {
		return filepath.Join(t.TempDir(), "chronicle.db")
	}}}
	pg := os.Getenv("CHRONICLE_TEST_POSTGRES")
	if pg == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but CHRONICLE_TEST_POSTGRES is not: the PostgreSQL backend must be tested in CI (source .ci/postgres.sh)")
		}
		t.Logf("CHRONICLE_TEST_POSTGRES not set: testing SQLite only")
		return bs
	}
	bs = append(bs, backend{name: "postgres", dsn: func(t testing.TB) string { return pgSchema(t, pg) }})
	return bs
}

// pgSchema makes a private schema for one test on the server at base and
// returns a DSN whose search_path is that schema; the schema is dropped
// after the test.
func pgSchema(t testing.TB, base string) string {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("t_%d_%d", os.Getpid(), rand.Uint64()%1e12)
	if _, err := admin.Exec(`CREATE SCHEMA ` + name); err != nil {
		t.Fatalf("postgres at CHRONICLE_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + name + ` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// eachBackend runs fn as a subtest per backend with a fresh store.
func eachBackend(t *testing.T, fn func(t *testing.T, s store.Store, dsn string)) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.dsn(t)
			s, err := store.Open(context.Background(), dsn, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			fn(t, s, dsn)
		})
	}
}

// article is synth.Article: a small history whose right answers are known.
func article(path string, version int) *doc.Document { return synth.Article(path, version) }

func mustIngest(t testing.TB, s store.Store, d *doc.Document) store.IngestResult {
	t.Helper()
	r, err := s.Ingest(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
