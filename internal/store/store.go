// Package store keeps chronicle's readings of documents so that they can be
// queried, served and exported: documents with their text, sections,
// paragraphs and sentences, temporal expressions, actors and their mentions,
// events with evidence, treaties and office tenures.
//
// One interface, Store, has two backends behind it: an embedded SQLite file
// (pure Go, no cgo; the default, for one person on a laptop) and PostgreSQL
// (for a department's shared server). Both run the same SQL where the
// dialects agree; what differs (full-text search, upserts) is in the dialect.
// The schema is created and upgraded by embedded, append-only migrations, one
// folder per dialect, each step in a transaction; a database whose schema is
// newer than this program knows is refused rather than misread.
//
// Writes are per document and atomic: a document and everything read from it
// are stored in one transaction, so a crash, a cancelled context or a full
// disk leaves either the old reading or the new one, never half of either.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Store is chronicle's storage: every command and the API go through it.
type Store interface {
	// Backend is "sqlite" or "postgres".
	Backend() string
	// Location describes where the data lives (a file path or a redacted URL).
	Location() string
	// SchemaVersion is the migration version the database is at.
	SchemaVersion(ctx context.Context) (int64, error)
	Close() error

	// Ingest stores d and everything annotated on it in one transaction.
	// The same bytes already stored by the same reader (Options.Reader)
	// are left alone (OutcomeUnchanged); a document stored under the same
	// path with other bytes, or with the same bytes by another reader, is
	// replaced.
	Ingest(ctx context.Context, d *doc.Document) (IngestResult, error)
	// StoredHash returns the id of the document stored with these bytes
	// (by SHA-256, hex) by this reader, or "" — so an ingest can skip the
	// pipeline for a file it already has read.
	StoredHash(ctx context.Context, sha256 string) (string, error)
	// DeleteDocument removes a document and everything read from it.
	DeleteDocument(ctx context.Context, id string) error

	Documents(ctx context.Context, p Page) (*DocumentList, error)
	Document(ctx context.Context, id string, withRaw bool) (*Document, error)
	Sentences(ctx context.Context, docID string, from, to int) ([]Sentence, error)
	Annotations(ctx context.Context, docID string, from, to int) (*Annotations, error)

	Events(ctx context.Context, f EventFilter) (*EventList, error)
	// EachEvent calls fn for every event matching f (Limit and Offset are
	// ignored) in the stable order, without holding them all in memory.
	EachEvent(ctx context.Context, f EventFilter, fn func(*Event) error) error
	Event(ctx context.Context, id string) (*Event, error)
	EventContext(ctx context.Context, id string) (*EventContext, error)

	Actors(ctx context.Context, f ActorFilter) (*ActorList, error)
	Actor(ctx context.Context, id string) (*Actor, error)
	// ResolveActor turns what a person types (an id, a state code, a name
	// or an alias) into the ids of the stored actors it names.
	ResolveActor(ctx context.Context, name string) ([]string, error)

	Treaties(ctx context.Context, f TreatyFilter) (*TreatyList, error)
	Tenures(ctx context.Context, f TenureFilter) (*TenureList, error)
	Relations(ctx context.Context, q RelationsQuery) (*Series, error)
	Network(ctx context.Context, f NetworkFilter) (*Network, error)
	Search(ctx context.Context, q string, limit int) (*SearchResult, error)
	Stats(ctx context.Context) (*Stats, error)

	// LoadDocument rebuilds a stored document with its text, sections,
	// sentences and annotation layers (exports that need the text use it).
	LoadDocument(ctx context.Context, id string) (*doc.Document, error)
}

// Options tune how a store is opened.
type Options struct {
	// NoMigrate opens the store without creating or upgrading its schema;
	// an out-of-date schema is then an error.
	NoMigrate bool
	// BeforeWrite, if set, is called before every statement an ingest
	// executes; an error from it aborts the ingest as a failed write would
	// (tests use it to simulate a full disk or a dying connection).
	BeforeWrite func(ctx context.Context, stmt string) error
	// Reader names the build of chronicle that reads what is ingested
	// (see cli's readerID). A document stored with the same bytes by
	// another reader is read again and replaced, not left as it was; ""
	// keeps any stored reading.
	Reader string
}

// Errors callers can test for with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	// ErrSchemaTooNew means the database was written by a newer chronicle.
	ErrSchemaTooNew = errors.New("database schema is newer than this chronicle knows")
	// ErrReadOnly means the database cannot be written.
	ErrReadOnly = errors.New("database is read-only")
	// ErrFull means the disk or the database's size limit is full.
	ErrFull = errors.New("disk or database full")
)

// BadParamError is a query parameter chronicle cannot use (an unknown
// period, an unparseable date); the API answers it with 400.
type BadParamError struct {
	Param, Problem string
}

func (e *BadParamError) Error() string { return e.Param + ": " + e.Problem }

func badParam(param, format string, a ...any) error {
	return &BadParamError{Param: param, Problem: fmt.Sprintf(format, a...)}
}

// Open opens the store named by dsn: a postgres:// or postgresql:// URL for
// PostgreSQL, anything else a SQLite file path (or file: URI). An empty dsn
// is the default file in the user's data directory (see DefaultPath). The
// schema is migrated to the newest version this program knows.
func Open(ctx context.Context, dsn string, o Options) (Store, error) {
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn, o)
	}
	if dsn == "" {
		p, err := DefaultPath(os.Getenv)
		if err != nil {
			return nil, err
		}
		dsn = p
	}
	return openSQLite(ctx, dsn, o)
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// DefaultPath is where chronicle keeps its database when none is named:
// $XDG_DATA_HOME/chronicle/chronicle.db, else the platform's user data
// directory (~/.local/share on Unix, ~/Library/Application Support on
// macOS, %AppData% on Windows).
func DefaultPath(getenv func(string) string) (string, error) {
	if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "chronicle", "chronicle.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a data directory for the database (%v); name one with --db", err)
	}
	if cfg, err := os.UserConfigDir(); err == nil && !strings.HasPrefix(cfg, filepath.Join(home, ".config")) {
		// macOS and Windows keep application data beside the config dir.
		return filepath.Join(cfg, "chronicle", "chronicle.db"), nil
	}
	return filepath.Join(home, ".local", "share", "chronicle", "chronicle.db"), nil
}

// Page is a window on a list.
type Page struct {
	Limit  int
	Offset int
}

// DefaultLimit and MaxLimit bound list sizes.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

func (p Page) norm(unbounded bool) (Page, error) {
	if p.Offset < 0 {
		return p, badParam("offset", "must not be negative")
	}
	if p.Limit < 0 {
		return p, badParam("limit", "must not be negative")
	}
	if p.Limit == 0 {
		p.Limit = DefaultLimit
	}
	if !unbounded && p.Limit > MaxLimit {
		return p, badParam("limit", "at most %d", MaxLimit)
	}
	return p, nil
}

// OffsetSpan is a span in both the original file (Start, End: the output
// contract's offsets) and the document's clean text.
type OffsetSpan struct {
	Start      int `json:"start"`
	End        int `json:"end"`
	CleanStart int `json:"clean_start"`
	CleanEnd   int `json:"clean_end"`
}

// IngestOutcome says what an ingest did.
type IngestOutcome string

// Ingest outcomes.
const (
	OutcomeAdded     IngestOutcome = "added"
	OutcomeReplaced  IngestOutcome = "replaced"
	OutcomeUnchanged IngestOutcome = "unchanged"
)

// IngestResult reports one document's ingest.
type IngestResult struct {
	Outcome  IngestOutcome `json:"outcome"`
	Document string        `json:"document"`
	Path     string        `json:"path"`
	// Replaced is the id of the document this one replaced, if any.
	Replaced  string `json:"replaced,omitempty"`
	Bytes     int    `json:"bytes"`
	Sentences int    `json:"sentences"`
	Timexes   int    `json:"timexes"`
	Actors    int    `json:"actors"`
	Mentions  int    `json:"mentions"`
	Events    int    `json:"events"`
	Treaties  int    `json:"treaties"`
	Tenures   int    `json:"tenures"`
}
