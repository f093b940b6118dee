package serve

import (
	"net/http"
)

// pagesHandler serves everything outside /api/. The web explorer replaces
// this placeholder with its embedded pages; until then / says where the
// API is and everything else is 404.
func (s *Server) pagesHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write([]byte("chronicle is running. The JSON API is at /api/ (described at /api/openapi.json); " +
			"the web explorer's pages are not built into this binary.\n"))
	})
}
