package serve

import (
	"net/http"
)

// pagesHandler serves everything outside /api/: the web explorer's
// embedded pages (web.go), or, in a binary built without them, a page that
// says how to build them. The Add page offers its form only when uploads
// can work: a token is set and the server has a pipeline to read with.
func (s *Server) pagesHandler() http.Handler {
	w, err := NewWeb(WebOptions{Writes: s.cfg.Token != "" && s.cfg.Pipeline != nil, MaxUpload: s.cfg.MaxUpload})
	if err != nil {
		s.log.Error("web explorer unavailable", "err", err)
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			http.Error(rw, "the web explorer's pages are unavailable: "+err.Error(), http.StatusInternalServerError)
		})
	}
	if !w.Built() {
		s.log.Info("web explorer pages not built into this binary; / says how to build them (make web)")
	}
	return w
}
