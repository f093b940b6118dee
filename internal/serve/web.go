package serve

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// static holds the web explorer's pages. static/dist is made by `make web`
// (esbuild, from web/src) and is not committed, so a fresh clone embeds
// only the placeholder that tells how to build the pages.
//
//go:embed all:static
var static embed.FS

// ContentSecurityPolicy is sent with every page: scripts and styles only
// from our own files (no inline script, no inline style element), data only
// from this server, nothing may frame us. Article text is shown through
// textContent, so even a script that slipped into the DOM could not run.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; manifest-src 'self'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"

// WebOptions configure the pages of the web explorer.
type WebOptions struct {
	// Writes tells the pages that the server accepts uploaded articles (a
	// token is configured), so the Add page offers its form.
	Writes bool
	// MaxUpload is the largest article the server accepts, in bytes; the
	// Add page checks it before sending.
	MaxUpload int64
	// Assets replaces the embedded bundle (tests); nil means the embedded
	// static/dist, or the placeholder when it was not built.
	Assets fs.FS
}

// Web serves the explorer's pages and their assets: every GET outside
// /api/ that names no file is the single page (the pages route in the
// browser), /assets/ holds the bundle under content-hashed names.
type Web struct {
	index  []byte // the page, with the server's settings filled in
	assets fs.FS  // nil without a bundle
	built  bool
}

// NewWeb returns the web explorer's handler for o.
func NewWeb(o WebOptions) (*Web, error) {
	dist := o.Assets
	if dist == nil {
		sub, err := fs.Sub(static, "static/dist")
		if err != nil {
			return nil, err
		}
		dist = sub
	}
	w := &Web{}
	page, err := fs.ReadFile(dist, "index.html")
	if err != nil {
		page, err = fs.ReadFile(static, "static/placeholder.html")
		if err != nil {
			return nil, fmt.Errorf("web: no page embedded: %w", err)
		}
		w.index = page
		return w, nil
	}
	w.built = true
	w.assets = dist
	w.index = bytes.ReplaceAll(page, []byte("__CHRONICLE_WRITES__"), []byte(strconv.FormatBool(o.Writes)))
	w.index = bytes.ReplaceAll(w.index, []byte("__CHRONICLE_MAX_UPLOAD__"), []byte(strconv.FormatInt(o.MaxUpload, 10)))
	return w, nil
}

// Built reports whether the pages were built into this binary; without
// them `/` explains how to build them.
func (w *Web) Built() bool { return w.built }

// ServeHTTP implements http.Handler.
func (w *Web) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	SecurityHeaders(rw.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		rw.Header().Set("Allow", "GET, HEAD")
		http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	switch {
	case strings.HasPrefix(p, "/api/") || p == "/api":
		http.NotFound(rw, r)
	case !w.built && p == "/placeholder.css":
		w.serveFile(rw, r, static, "static/placeholder.css", "no-cache")
	case w.built && strings.HasPrefix(p, "/assets/"):
		// Names carry a hash of their content: they never change.
		w.serveFile(rw, r, w.assets, strings.TrimPrefix(p, "/"), "public, max-age=31536000, immutable")
	case strings.Contains(path.Base(p), "."):
		// A file we do not have (favicon.ico, a stale asset name).
		http.NotFound(rw, r)
	default:
		h := rw.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("Content-Length", strconv.Itoa(len(w.index)))
		rw.WriteHeader(http.StatusOK)
		if r.Method == http.MethodGet {
			_, _ = rw.Write(w.index)
		}
	}
}

func (w *Web) serveFile(rw http.ResponseWriter, r *http.Request, fsys fs.FS, name, cache string) {
	f, err := fsys.Open(name)
	if err != nil {
		http.NotFound(rw, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(rw, r)
		return
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		http.Error(rw, "cannot read asset", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Cache-Control", cache)
	// Embedded files have no modification time; the hashed name is the version.
	http.ServeContent(rw, r, name, time.Time{}, rs)
}

// SecurityHeaders sets the headers every response of the explorer carries:
// the Content-Security-Policy, no MIME sniffing, no referrer, no framing.
func SecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// WithSecurityHeaders wraps next (the API, say) so its responses carry the
// same security headers as the pages.
func WithSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		SecurityHeaders(rw.Header())
		next.ServeHTTP(rw, r)
	})
}
