package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// db is the one implementation of Store over database/sql; the dialect
// holds what SQLite and PostgreSQL do differently.
type db struct {
	sql      *sql.DB
	dialect  dialect
	location string
	opts     Options

	// statsMu guards the overview computed for the store's contents as
	// they were at statsKey (counting a million events takes a while).
	statsMu  sync.Mutex
	statsKey string
	stats    *Stats
}

type dialect int

const (
	dialectSQLite dialect = iota
	dialectPostgres
)

func (d dialect) String() string {
	if d == dialectPostgres {
		return "postgres"
	}
	return "sqlite"
}

func (s *db) Backend() string  { return s.dialect.String() }
func (s *db) Location() string { return s.location }

// Close closes the store. SQLite first refreshes the statistics its
// query planner uses, as SQLite recommends before closing.
func (s *db) Close() error {
	if s.dialect == dialectSQLite {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, _ = s.sql.ExecContext(ctx, `PRAGMA optimize`) // read-only stores refuse: harmless
		cancel()
	}
	return s.sql.Close()
}

// sqliteDSN builds the driver's DSN for path: foreign keys on, WAL so that
// readers never wait for a writer, a busy timeout so writers queue rather
// than fail, and write transactions that take their lock at BEGIN.
func sqliteDSN(path string) (dsn, display string, err error) {
	var q url.Values
	file := path
	if strings.HasPrefix(path, "file:") {
		u, err := url.Parse(path)
		if err != nil {
			return "", "", fmt.Errorf("--db %q: %v", path, err)
		}
		q = u.Query()
		file = u.Opaque
		if file == "" {
			file = u.Path
		}
	} else {
		q = url.Values{}
	}
	ro := q.Get("mode") == "ro"
	pragmas := []string{"busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)"}
	if !ro {
		pragmas = append(pragmas, "journal_mode(WAL)")
	}
	q["_pragma"] = append(pragmas, q["_pragma"]...)
	if q.Get("_txlock") == "" {
		q.Set("_txlock", "immediate")
	}
	return "file:" + file + "?" + q.Encode(), file, nil
}

func openSQLite(ctx context.Context, path string, o Options) (Store, error) {
	dsn, file, err := sqliteDSN(path)
	if err != nil {
		return nil, err
	}
	if file != ":memory:" && file != "" {
		if dir := filepath.Dir(file); dir != "" {
			if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return nil, fmt.Errorf("cannot create the database folder %s: %w", dir, err)
				}
			}
		}
	}
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := sdb.PingContext(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("%s: cannot open the database: %w", file, classify(err))
	}
	// Keep connections open: each new SQLite connection re-reads the schema
	// and runs the pragmas, which many concurrent readers would pay again
	// and again with database/sql's default of two idle connections.
	sdb.SetMaxOpenConns(16)
	sdb.SetMaxIdleConns(16)
	s := &db{sql: sdb, dialect: dialectSQLite, location: file, opts: o}
	if err := s.migrate(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return s, nil
}

func openPostgres(ctx context.Context, dsn string, o Options) (Store, error) {
	shown := redact(dsn)
	sdb, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	sdb.SetMaxOpenConns(32)
	sdb.SetMaxIdleConns(32)
	if err := sdb.PingContext(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("%s: cannot connect: %w", shown, err)
	}
	s := &db{sql: sdb, dialect: dialectPostgres, location: shown, opts: o}
	if err := s.migrate(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("%s: %w", shown, err)
	}
	return s, nil
}

// redact hides a password in a database URL before it is shown.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	return u.String()
}

func (s *db) provider() (*goose.Provider, error) {
	sub, err := fs.Sub(migrationFS, "migrations/"+s.dialect.String())
	if err != nil {
		return nil, err
	}
	gd := goose.DialectSQLite3
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	if s.dialect == dialectPostgres {
		gd = goose.DialectPostgres
		// Two chronicle processes starting at once must not migrate twice.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	return goose.NewProvider(gd, s.sql, sub, opts...)
}

// KnownSchemaVersion is the newest schema version this program can read.
func KnownSchemaVersion(backend string) int64 {
	d := dialectSQLite
	if backend == "postgres" {
		d = dialectPostgres
	}
	ents, _ := fs.ReadDir(migrationFS, "migrations/"+d.String())
	var v int64
	for _, e := range ents {
		var n int64
		if _, err := fmt.Sscanf(e.Name(), "%d_", &n); err == nil && n > v {
			v = n
		}
	}
	return v
}

// migrate brings the schema to the newest known version, refusing a
// database that is already past it.
func (s *db) migrate(ctx context.Context) error {
	known := KnownSchemaVersion(s.Backend())
	cur, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if cur > known {
		return fmt.Errorf("%w: it is at version %d, this chronicle knows up to %d; use a newer chronicle", ErrSchemaTooNew, cur, known)
	}
	if cur == known {
		return nil
	}
	if s.opts.NoMigrate {
		return fmt.Errorf("database schema is at version %d, this chronicle needs %d, and upgrading was not allowed (Options.NoMigrate)", cur, known)
	}
	p, err := s.provider()
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("cannot create or upgrade the schema: %w", classify(err))
	}
	return nil
}

// SchemaVersion reads goose's version table directly (0 for a new
// database), so that a read-only or newer database can be inspected
// without goose wanting to write to it.
func (s *db) SchemaVersion(ctx context.Context) (int64, error) {
	var exists bool
	var q string
	if s.dialect == dialectPostgres {
		q = `SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'goose_db_version')`
	} else {
		q = `SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'goose_db_version')`
	}
	if err := s.sql.QueryRowContext(ctx, q).Scan(&exists); err != nil {
		return 0, fmt.Errorf("cannot read the schema version: %w", classify(err))
	}
	if !exists {
		return 0, nil
	}
	var v sql.NullInt64
	if err := s.sql.QueryRowContext(ctx, `SELECT max(version_id) FROM goose_db_version WHERE is_applied`).Scan(&v); err != nil {
		return 0, fmt.Errorf("cannot read the schema version: %w", classify(err))
	}
	return v.Int64, nil
}

// classify turns driver errors people will meet (read-only file, full
// disk) into chronicle's sentinel errors, keeping the driver's words.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_READONLY:
			return fmt.Errorf("%w (%v)", ErrReadOnly, err)
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%w (%v)", ErrFull, err)
		case sqlite3.SQLITE_CANTOPEN:
			return fmt.Errorf("cannot open the database file (%v)", err)
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "25006": // read_only_sql_transaction
			return fmt.Errorf("%w (%v)", ErrReadOnly, err)
		case "53100": // disk_full
			return fmt.Errorf("%w (%v)", ErrFull, err)
		}
	}
	return err
}

// Inspect reports the backend of the store named by dsn, the schema
// version its database is at (0: empty) and the newest this program knows,
// without creating, upgrading or writing anything.
func Inspect(ctx context.Context, dsn string) (backend string, version, known int64, err error) {
	var s *db
	if IsPostgres(dsn) {
		sdb, err := sql.Open("pgx", dsn)
		if err != nil {
			return "", 0, 0, err
		}
		s = &db{sql: sdb, dialect: dialectPostgres}
	} else {
		if dsn == "" {
			if dsn, err = DefaultPath(os.Getenv); err != nil {
				return "", 0, 0, err
			}
		}
		conn, file, err := sqliteDSN(dsn)
		if err != nil {
			return "", 0, 0, err
		}
		if _, err := os.Stat(file); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return "sqlite", 0, KnownSchemaVersion("sqlite"), fmt.Errorf("%s: no store there yet (chronicle ingest or chronicle db migrate creates it)", file)
			}
			return "sqlite", 0, KnownSchemaVersion("sqlite"), fmt.Errorf("%s: %w", file, err)
		}
		sdb, err := sql.Open("sqlite", conn)
		if err != nil {
			return "", 0, 0, err
		}
		s = &db{sql: sdb, dialect: dialectSQLite}
	}
	defer s.sql.Close()
	v, err := s.SchemaVersion(ctx)
	return s.Backend(), v, KnownSchemaVersion(s.Backend()), err
}
