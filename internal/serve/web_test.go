package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func TestWeb(t *testing.T) {
	bundle := fstest.MapFS{
		"index.html":          {Data: []byte(`<html data-writes="__CHRONICLE_WRITES__" data-max-upload="__CHRONICLE_MAX_UPLOAD__"><script type="module" src="/assets/app-ABC.js"></script></html>`)},
		"assets/app-ABC.js":   {Data: []byte("console.log(1)")},
		"assets/style-D1.css": {Data: []byte("body{}")},
	}
	built, err := NewWeb(WebOptions{Assets: bundle, Writes: true, MaxUpload: 1024})
	if err != nil {
		t.Fatal(err)
	}
	bare, err := NewWeb(WebOptions{Assets: fstest.MapFS{}})
	if err != nil {
		t.Fatal(err)
	}
	if !built.Built() || bare.Built() {
		t.Fatalf("Built() = %v, %v; want true, false", built.Built(), bare.Built())
	}
	type want struct {
		status      int
		contentType string // prefix
		cache       string
		body        string // substring
		noBody      string // must not appear
	}
	cases := []struct {
		name   string
		web    *Web
		method string
		path   string
		want   want
	}{
		{"page at root", built, "GET", "/", want{200, "text/html", "no-cache", `data-writes="true" data-max-upload="1024"`, "__CHRONICLE"}},
		{"page for a client route", built, "GET", "/timeline", want{200, "text/html", "no-cache", "/assets/app-ABC.js", ""}},
		{"page for a detail route", built, "GET", "/events/doc:e1", want{200, "text/html", "no-cache", "/assets/app-ABC.js", ""}},
		{"hashed script cached for ever", built, "GET", "/assets/app-ABC.js", want{200, "text/javascript", "public, max-age=31536000, immutable", "console.log", ""}},
		{"hashed style", built, "GET", "/assets/style-D1.css", want{200, "text/css", "public, max-age=31536000, immutable", "body{}", ""}},
		{"missing asset", built, "GET", "/assets/app-OLD.js", want{404, "text/plain", "", "not found", ""}},
		{"missing file", built, "GET", "/favicon.ico", want{404, "text/plain", "", "not found", ""}},
		{"api is not ours", built, "GET", "/api/nothing", want{404, "text/plain", "", "not found", ""}},
		{"no writes", built, "POST", "/", want{405, "text/plain", "", "method not allowed", ""}},
		{"dot-dot stays inside", built, "GET", "/assets/../index.html", want{404, "text/plain", "", "not found", ""}},
		{"placeholder says how to build", bare, "GET", "/", want{200, "text/html", "no-cache", "make web", ""}},
		{"placeholder on any page", bare, "GET", "/relations", want{200, "text/html", "no-cache", "make run", ""}},
		{"placeholder style", bare, "GET", "/placeholder.css", want{200, "text/css", "no-cache", "font", ""}},
		{"no assets without a bundle", bare, "GET", "/assets/app-ABC.js", want{404, "text/plain", "", "not found", ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			c.web.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			got := want{res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"), string(body), ""}
			if got.status != c.want.status || !strings.HasPrefix(got.contentType, c.want.contentType) || got.cache != c.want.cache ||
				!strings.Contains(got.body, c.want.body) || (c.want.noBody != "" && strings.Contains(got.body, c.want.noBody)) {
				t.Errorf("%s %s = %d %q cache %q body %q; want %+v", c.method, c.path, got.status, got.contentType, got.cache, got.body, c.want)
			}
			if csp := res.Header.Get("Content-Security-Policy"); csp != ContentSecurityPolicy {
				t.Errorf("CSP = %q", csp)
			}
			if res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("no nosniff header")
			}
		})
	}
}

// TestContentSecurityPolicy checks the policy forbids what would let article
// text run: inline scripts, eval, inline styles, plugins, framing.
func TestContentSecurityPolicy(t *testing.T) {
	dirs := map[string]string{}
	for _, d := range strings.Split(ContentSecurityPolicy, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			dirs[f[0]] = strings.Join(f[1:], " ")
		}
	}
	want := map[string]string{
		"default-src":     "'none'",
		"script-src":      "'self'",
		"style-src":       "'self'",
		"object-src":      "'none'",
		"base-uri":        "'none'",
		"frame-ancestors": "'none'",
	}
	for k, v := range want {
		if dirs[k] != v {
			t.Errorf("%s = %q, want %q", k, dirs[k], v)
		}
	}
	if strings.Contains(ContentSecurityPolicy, "unsafe") {
		t.Errorf("policy allows something unsafe: %s", ContentSecurityPolicy)
	}
}

func TestWithSecurityHeaders(t *testing.T) {
	h := WithSecurityHeaders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "{}") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/stats", nil))
	if rec.Header().Get("Content-Security-Policy") == "" || rec.Header().Get("X-Frame-Options") != "DENY" {
		t.Errorf("headers = %v", rec.Header())
	}
}
