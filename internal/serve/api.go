// Package serve is chronicle's HTTP server: a JSON API over the store under
// /api/ (this file and the other api*.go files) and the web explorer's
// pages at / (pages.go; the explorer adds its files beside).
//
// The API's routes are declared once, in a table (routes below) that both
// the router and the OpenAPI description at /api/openapi.json are built
// from, so the description cannot fall behind the API.
package serve

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/store"
)

// Config is what a server needs.
type Config struct {
	Store store.Store
	// Pipeline reads uploaded articles; nil disables uploads.
	Pipeline *pipeline.Pipeline
	// Token enables writes (POST/DELETE) for requests bearing it; empty
	// means writes are off.
	Token string
	// MaxUpload is the largest article accepted by POST (default 8 MiB).
	MaxUpload int64
	Logger    *slog.Logger
}

// DefaultMaxUpload is the default upload limit.
const DefaultMaxUpload = 8 << 20

// Server serves the API and the pages.
type Server struct {
	cfg    Config
	log    *slog.Logger
	routes []route
}

// New makes a server for cfg.
func New(cfg Config) *Server {
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, log: cfg.Logger}
	s.routes = s.apiRoutes()
	return s
}

// param describes one query or path parameter of a route.
type param struct {
	name, in, typ, desc string
	// list: may repeat and take comma-separated values.
	list     bool
	required bool
}

// route is one API endpoint.
type route struct {
	method, path, summary, returns string
	params                         []param
	write                          bool
	body                           string // request body description (writes)
	handle                         func(w http.ResponseWriter, r *http.Request) (any, int, error)
}

func (s *Server) apiRoutes() []route {
	pLimit := param{name: "limit", in: "query", typ: "integer", desc: "page size (default 100, at most 1000)"}
	pOffset := param{name: "offset", in: "query", typ: "integer", desc: "items to skip"}
	pFrom := param{name: "from", in: "query", typ: "string", desc: "from the start of this TIMEX3/ISO date at any precision (1939, 1939-08, 1939-08-23, 193X, 1939-SU, 1939-Q3)"}
	pTo := param{name: "to", in: "query", typ: "string", desc: "until the end of this date (same forms as from)"}
	eventFilters := []param{
		{name: "actor", in: "query", typ: "string", list: true, desc: "involves this actor (id, state code, name or alias); repeat: all of them"},
		{name: "pair", in: "query", typ: "string", desc: "between two actors, either direction: A,B"},
		{name: "type", in: "query", typ: "string", list: true, desc: "PLOVER types (comma-separated)"},
		{name: "mode", in: "query", typ: "string", list: true, desc: "event modes (comma-separated)"},
		{name: "modality", in: "query", typ: "string", list: true, desc: "asserted, negated, hypothetical, disputed"},
		pFrom, pTo,
		{name: "overlap", in: "query", typ: "boolean", desc: "match events whose imprecise date only overlaps the range (default: inside it)"},
		{name: "q", in: "query", typ: "string", desc: `full-text query over evidence sentences: words, "a phrase", OR, -excluded`},
		{name: "document", in: "query", typ: "string", desc: "document id"},
		{name: "treaty", in: "query", typ: "string", desc: "treaty id"},
		pLimit, pOffset,
	}
	id := func(what string) param {
		return param{name: "id", in: "path", typ: "string", required: true, desc: what + " id"}
	}
	return []route{
		{method: "GET", path: "/api/health", summary: "Liveness and the store's backend and schema version", returns: "Health", handle: s.health},
		{method: "GET", path: "/api/stats", summary: "Overview: counts, period covered, top actors, event types, modalities", returns: "Stats", handle: s.stats},
		{method: "GET", path: "/api/documents", summary: "Stored documents, by title", returns: "DocumentList", params: []param{pLimit, pOffset}, handle: s.documents},
		{method: "GET", path: "/api/documents/{id}", summary: "One document with its clean text, sections, paragraphs and sentences", returns: "Document",
			params: []param{id("document"), {name: "raw", in: "query", typ: "boolean", desc: "include the original file"}}, handle: s.document},
		{method: "GET", path: "/api/documents/{id}/sentences", summary: "Sentences of a document, by index range", returns: "SentenceList",
			params: []param{id("document"), {name: "from", in: "query", typ: "integer", desc: "first sentence index"}, {name: "to", in: "query", typ: "integer", desc: "last sentence index (inclusive)"}}, handle: s.sentences},
		{method: "GET", path: "/api/documents/{id}/annotations", summary: "Temporal expressions and actor mentions of a document, by sentence range", returns: "Annotations",
			params: []param{id("document"), {name: "from", in: "query", typ: "integer", desc: "first sentence index"}, {name: "to", in: "query", typ: "integer", desc: "last sentence index (inclusive)"}}, handle: s.annotations},
		{method: "GET", path: "/api/events", summary: "Events, filtered, in stable date order, paginated with a total", returns: "EventList", params: eventFilters, handle: s.events},
		{method: "GET", path: "/api/events/{id}", summary: "One event with its evidence sentence, paragraph, date expression and actor mentions", returns: "EventContext",
			params: []param{id("event")}, handle: s.event},
		{method: "GET", path: "/api/actors", summary: "Actors with mention and event counts, most active first", returns: "ActorList",
			params: []param{{name: "kind", in: "query", typ: "string", desc: "state, person, organization or group"}, {name: "q", in: "query", typ: "string", desc: "name or alias contains, or code equals"}, pLimit, pOffset}, handle: s.actors},
		{method: "GET", path: "/api/actors/{id}", summary: "One actor with aliases, roles and counts", returns: "Actor", params: []param{id("actor")}, handle: s.actor},
		{method: "GET", path: "/api/treaties", summary: "Treaties by signing date", returns: "TreatyList",
			params: []param{{name: "party", in: "query", typ: "string", list: true, desc: "a party (code, name or alias); repeat: all of them"}, pFrom, pTo,
				{name: "q", in: "query", typ: "string", desc: "name or alias contains"}, pLimit, pOffset}, handle: s.treaties},
		{method: "GET", path: "/api/tenures", summary: "Office tenures; with at, who held the office then (held, part or possible)", returns: "TenureList",
			params: []param{{name: "office", in: "query", typ: "string", desc: "office contains (case-insensitive)"}, {name: "state", in: "query", typ: "string", desc: "state code or name"},
				{name: "person", in: "query", typ: "string", desc: "person's name contains"}, {name: "at", in: "query", typ: "string", desc: "a date at any precision: who held the office then"}, pLimit, pOffset}, handle: s.tenures},
		{method: "GET", path: "/api/relations", summary: "The cooperation–conflict series of a pair, with the events behind each point", returns: "Series",
			params: []param{{name: "a", in: "query", typ: "string", required: true, desc: "first actor"}, {name: "b", in: "query", typ: "string", required: true, desc: "second actor"},
				{name: "by", in: "query", typ: "string", desc: "year (default), quarter or month"}, pFrom, pTo,
				{name: "verbal", in: "query", typ: "number", desc: "weight of verbal event types (quads VC, VK), 0..1 (default 0.5)"},
				{name: "ids", in: "query", typ: "integer", desc: "event ids listed per point (default 100, at most 1000; 0: counts only)"}}, handle: s.relations},
		{method: "GET", path: "/api/network", summary: "Actors as nodes and their interactions as weighted edges", returns: "Network",
			params: []param{pFrom, pTo, {name: "modality", in: "query", typ: "string", list: true, desc: "modalities counted (default asserted)"},
				{name: "kind", in: "query", typ: "string", list: true, desc: "actor kinds kept (default all)"}}, handle: s.network},
		{method: "GET", path: "/api/search", summary: "Search sentences (full text), events, actors and treaties", returns: "SearchResult",
			params: []param{{name: "q", in: "query", typ: "string", required: true, desc: `words, "a phrase", OR, -excluded`}, {name: "limit", in: "query", typ: "integer", desc: "results per kind (default 20)"}}, handle: s.search},
		{method: "GET", path: "/api/openapi.json", summary: "This API's OpenAPI 3 description", returns: "object", handle: s.openapi},
		{method: "POST", path: "/api/documents", summary: "Ingest an article (the request body); needs the server's token", returns: "IngestResult", write: true,
			body: "the article's bytes: plain text, HTML or wikitext",
			params: []param{{name: "name", in: "query", typ: "string", desc: "file name: the document's id and path (upload/NAME) and a format hint; default upload.txt"},
				{name: "format", in: "query", typ: "string", desc: "input format (default: auto)"}}, handle: s.upload},
		{method: "DELETE", path: "/api/documents/{id}", summary: "Delete a document and everything read from it; needs the server's token", returns: "Deleted", write: true,
			params: []param{id("document")}, handle: s.deleteDocument},
	}
}

// apiHandler routes /api/ requests.
func (s *Server) apiHandler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		rt := rt
		mux.HandleFunc(rt.method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) { s.serveRoute(rt, w, r) })
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		for _, rt := range s.routes {
			if matchPath(rt.path, r.URL.Path) {
				w.Header().Set("Allow", s.allowed(r.URL.Path))
				writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, s.allowed(r.URL.Path)))
				return
			}
		}
		writeError(w, http.StatusNotFound, "no such API endpoint: "+r.URL.Path+" (see /api/openapi.json)")
	})
	return mux
}

func (s *Server) allowed(path string) string {
	var ms []string
	for _, rt := range s.routes {
		if matchPath(rt.path, path) {
			ms = append(ms, rt.method)
		}
	}
	return strings.Join(ms, ", ")
}

// matchPath matches a concrete path against a route pattern with {vars}.
func matchPath(pattern, path string) bool {
	ps, xs := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(ps) != len(xs) {
		return false
	}
	for i := range ps {
		if !strings.HasPrefix(ps[i], "{") && ps[i] != xs[i] {
			return false
		}
	}
	return true
}

// serveRoute checks parameters and authorisation, runs the handler and
// writes its answer as JSON.
func (s *Server) serveRoute(rt route, w http.ResponseWriter, r *http.Request) {
	known := map[string]bool{}
	for _, p := range rt.params {
		if p.in == "query" {
			known[p.name] = true
		}
	}
	for k := range r.URL.Query() {
		if !known[k] {
			names := sortedNames(known)
			if len(names) == 0 {
				writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown parameter %q: %s takes none", k, rt.path))
			} else {
				writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown parameter %q (%s takes %s)", k, rt.path, strings.Join(names, ", ")))
			}
			return
		}
	}
	for _, p := range rt.params {
		if p.required && p.in == "query" && strings.TrimSpace(r.URL.Query().Get(p.name)) == "" {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("parameter %q is required", p.name))
			return
		}
		if !p.list && p.in == "query" && len(r.URL.Query()[p.name]) > 1 {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("parameter %q given more than once", p.name))
			return
		}
	}
	if rt.write {
		if s.cfg.Token == "" {
			writeError(w, http.StatusForbidden, "writes are disabled: start the server with --token or CHRONICLE_TOKEN")
			return
		}
		auth := r.Header.Get("Authorization")
		tok, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.cfg.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="chronicle"`)
			if auth == "" {
				writeError(w, http.StatusUnauthorized, "this write needs the header Authorization: Bearer <token>")
			} else {
				writeError(w, http.StatusUnauthorized, "wrong token")
			}
			return
		}
	}
	v, status, err := rt.handle(w, r)
	if err != nil {
		s.writeStoreError(w, r, err)
		return
	}
	writeJSON(w, status, v)
}

func sortedNames(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// httpError is an error with its HTTP status.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, a ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, a...)}
}

// writeStoreError answers err with the status it deserves; details of
// unexpected failures go to the log, not to the client.
func (s *Server) writeStoreError(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	var bp *store.BadParamError
	switch {
	case errors.As(err, &he):
		writeError(w, he.status, he.msg)
	case errors.As(err, &bp):
		writeError(w, http.StatusBadRequest, bp.Error())
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, store.ErrReadOnly):
		writeError(w, http.StatusServiceUnavailable, "the store is read-only; nothing was written")
	case errors.Is(err, store.ErrFull):
		writeError(w, http.StatusInsufficientStorage, "the store's disk is full; nothing was written")
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "the request was cancelled; nothing was written")
	default:
		s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error (logged on the server)")
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// query helpers

func qInt(r *http.Request, name string, def int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, badRequest("parameter %q: %q is not a whole number", name, v)
	}
	return n, nil
}

func qBool(r *http.Request, name string) (bool, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, badRequest("parameter %q: %q is not true or false", name, v)
	}
	return b, nil
}

func qList(r *http.Request, name string) []string {
	var out []string
	for _, v := range r.URL.Query()[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func page(r *http.Request) (store.Page, error) {
	l, err := qInt(r, "limit", 0)
	if err != nil {
		return store.Page{}, err
	}
	o, err := qInt(r, "offset", 0)
	if err != nil {
		return store.Page{}, err
	}
	return store.Page{Limit: l, Offset: o}, nil
}

// statusWriter records the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// logged logs every request with slog.
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery,
			"status", sw.status, "bytes", sw.bytes, "duration_ms", float64(time.Since(start).Microseconds())/1000, "remote", r.RemoteAddr)
	})
}
