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

var (
	deu         = doc.Actor{ID: "DEU", Name: "Germany", Kind: doc.KindState, Code: "DEU"}
	sun         = doc.Actor{ID: "SUN", Name: "Soviet Union", Kind: doc.KindState, Code: "SUN"}
	pol         = doc.Actor{ID: "POL", Name: "Poland", Kind: doc.KindState, Code: "POL"}
	swe         = doc.Actor{ID: "SWE", Name: "Sweden", Kind: doc.KindState, Code: "SWE"}
	stresemann  = doc.Actor{ID: "p-stresemann", Name: "Gustav Stresemann", Kind: doc.KindPerson, State: "DEU", Roles: []string{"German Foreign Minister"}}
	brockdorff  = doc.Actor{ID: "p-brockdorff", Name: "Ulrich von Brockdorff-Rantzau", Kind: doc.KindPerson, State: "DEU"}
	dirksen     = doc.Actor{ID: "p-dirksen", Name: "Herbert von Dirksen", Kind: doc.KindPerson, State: "DEU"}
	krestinsky  = doc.Actor{ID: "p-krestinsky", Name: "Nikolay Krestinsky", Kind: doc.KindPerson, State: "SUN"}
	khinchuk    = doc.Actor{ID: "p-khinchuk", Name: "Lev Khinchuk", Kind: doc.KindPerson, State: "SUN"}
	allFixtures = []doc.Actor{deu, sun, pol, swe, stresemann, brockdorff, dirksen, krestinsky, khinchuk}
)

// article is a small history whose right answers are known. version 2
// rewrites one sentence and drops the last event, as an edited article
// would.
func article(path string, version int) *doc.Document {
	bl := synth.NewBuilder(path, "German–Soviet relations, a test")
	for _, a := range allFixtures {
		bl.Actor(a)
	}
	s1 := bl.Sentence("On {16 April 1922|1922-04-16}, [Germany|DEU] and [Soviet Russia|SUN] signed the Treaty of Rapallo.")
	s2 := bl.Sentence("In {1926|1926}, [Gustav Stresemann|p-stresemann] negotiated the Treaty of Berlin with [the Soviets|SUN].")
	bl.Paragraph()
	s3 := bl.Sentence("On {23 August 1939|1939-08-23}, [Germany|DEU] and [the Soviet Union|SUN] signed a non-aggression pact with a secret protocol.")
	s4 := bl.Sentence("[Poland|POL] was invaded by [Germany|DEU] on {1 September 1939|1939-09-01}.")
	s5 := bl.Sentence("[Germany|DEU] did not invade [Sweden|SWE] in {1940|1940}.")
	var s6 int
	if version == 1 {
		s6 = bl.Sentence("On {22 June 1941|1941-06-22}, [Germany|DEU] invaded [the Soviet Union|SUN] with three million soldiers.")
	} else {
		bl.Sentence("The war in the east began later; this sentence was rewritten.")
	}
	bl.Heading("Ambassadors")
	s7 := bl.Sentence("[Ulrich von Brockdorff-Rantzau|p-brockdorff] was German ambassador to the Soviet Union from {1922|1922} to {1928|1928}.")
	s8 := bl.Sentence("[Herbert von Dirksen|p-dirksen] was German ambassador to the Soviet Union from {1928|1928} to {1933|1933}.")
	bl.Paragraph()
	s9 := bl.Sentence("[Nikolay Krestinsky|p-krestinsky] was Soviet ambassador to Germany from {1921|1921} to {1930|1930}.")
	s10 := bl.Sentence("[Lev Khinchuk|p-khinchuk] followed him in {1930|1930}.")

	bl.Event(doc.Event{ID: "e1", Type: "SUPPORT", Mode: "sign", Subtype: "treaty.sign", Quad: "VC", Actor: []string{"DEU"}, Recipient: []string{"SUN"},
		Date: doc.EventDate{Value: "1922-04-16", Precision: "day"}, Name: "Treaty of Rapallo", Score: 5, Treaty: "t1",
		Trigger: doc.Evidence{Text: "signed"}, Sentence: s1})
	bl.Event(doc.Event{ID: "e2", Type: "CONSULT", Mode: "negotiate", Actor: []string{"p-stresemann", "DEU"}, Recipient: []string{"SUN"},
		Date: doc.EventDate{Value: "1926", Precision: "year"}, Score: 2.5, Trigger: doc.Evidence{Text: "negotiated"}, Sentence: s2})
	bl.Event(doc.Event{ID: "e3", Type: "SUPPORT", Mode: "sign", Subtype: "treaty.sign", Actor: []string{"DEU"}, Recipient: []string{"SUN"},
		Date: doc.EventDate{Value: "1939-08-23", Precision: "day"}, Name: "Molotov–Ribbentrop Pact", Score: 5, Treaty: "t3",
		Trigger: doc.Evidence{Text: "signed"}, Sentence: s3})
	bl.Event(doc.Event{ID: "e4", Type: "ASSAULT", Mode: "invasion", Actor: []string{"DEU"}, Recipient: []string{"POL"},
		Date: doc.EventDate{Value: "1939-09-01", Precision: "day"}, Score: -9, Trigger: doc.Evidence{Text: "invaded"}, Sentence: s4})
	bl.Event(doc.Event{ID: "e5", Type: "ASSAULT", Mode: "invasion", Actor: []string{"DEU"}, Recipient: []string{"SWE"},
		Date: doc.EventDate{Value: "1940", Precision: "year"}, Modality: doc.ModalityNegated, Score: -9, Trigger: doc.Evidence{Text: "invade"}, Sentence: s5})
	if version == 1 {
		bl.Event(doc.Event{ID: "e6", Type: "ASSAULT", Mode: "invasion", Actor: []string{"DEU"}, Recipient: []string{"SUN"},
			Date: doc.EventDate{Value: "1941-06-22", Precision: "day"}, Name: "Operation Barbarossa", Score: -9,
			Quantities: []doc.Quantity{{Amount: 3000000, Unit: "soldier", Item: "troops", Text: "three million soldiers"}},
			Trigger: doc.Evidence{Text: "invaded"}, Sentence: s6})
	}
	bl.Treaty(doc.Treaty{ID: "t1", Name: "Treaty of Rapallo", Aliases: []string{"Rapallo"}, Signed: "1922-04-16", Parties: []string{"DEU", "SUN"},
		Signatories: []string{"Walther Rathenau", "Georgy Chicherin"}, Events: []string{"e1"}}, s1)
	bl.Treaty(doc.Treaty{ID: "t2", Name: "Treaty of Berlin", Signed: "1926-04-24", Parties: []string{"DEU", "SUN"}}, s2)
	bl.Treaty(doc.Treaty{ID: "t3", Name: "Molotov–Ribbentrop Pact", Aliases: []string{"Nazi–Soviet Pact"}, Signed: "1939-08-23",
		Parties: []string{"DEU", "SUN"}, SecretProtocol: true, Events: []string{"e3"}}, s3)
	bl.Tenure(doc.Tenure{Person: "Ulrich von Brockdorff-Rantzau", Office: "German ambassador to the Soviet Union", State: "DEU", Start: "1922", End: "1928", Source: "prose"}, s7)
	bl.Tenure(doc.Tenure{Person: "Herbert von Dirksen", Office: "German ambassador to the Soviet Union", State: "DEU", Start: "1928", End: "1933", Source: "prose"}, s8)
	bl.Tenure(doc.Tenure{Person: "Nikolay Krestinsky", Office: "Soviet ambassador to Germany", State: "SUN", Start: "1921", End: "1930", Source: "prose"}, s9)
	bl.Tenure(doc.Tenure{Person: "Lev Khinchuk", Office: "Soviet ambassador to Germany", State: "SUN", Start: "1930", End: "", Source: "prose"}, s10)
	return bl.Done()
}

func mustIngest(t testing.TB, s store.Store, d *doc.Document) store.IngestResult {
	t.Helper()
	r, err := s.Ingest(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
