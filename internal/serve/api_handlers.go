package serve

import (
	"errors"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/store"
)

// Health is the answer of /api/health.
type Health struct {
	Status        string `json:"status"`
	Backend       string `json:"backend"`
	SchemaVersion int64  `json:"schema_version"`
	Writes        bool   `json:"writes"`
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) (any, int, error) {
	v, err := s.cfg.Store.SchemaVersion(r.Context())
	if err != nil {
		return nil, 0, err
	}
	return Health{Status: "ok", Backend: s.cfg.Store.Backend(), SchemaVersion: v, Writes: s.cfg.Token != ""}, http.StatusOK, nil
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) (any, int, error) {
	st, err := s.cfg.Store.Stats(r.Context())
	return st, http.StatusOK, err
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) (any, int, error) {
	p, err := page(r)
	if err != nil {
		return nil, 0, err
	}
	list, err := s.cfg.Store.Documents(r.Context(), p)
	return list, http.StatusOK, err
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) (any, int, error) {
	raw, err := qBool(r, "raw")
	if err != nil {
		return nil, 0, err
	}
	d, err := s.cfg.Store.Document(r.Context(), r.PathValue("id"), raw)
	return d, http.StatusOK, err
}

func sentenceRange(r *http.Request) (int, int, error) {
	from, err := qInt(r, "from", -1)
	if err != nil {
		return 0, 0, err
	}
	to, err := qInt(r, "to", -1)
	if err != nil {
		return 0, 0, err
	}
	if from < -1 || to < -1 || (from >= 0 && to >= 0 && to < from) {
		return 0, 0, badRequest("sentence range from=%d to=%d is not a range of sentence indexes", from, to)
	}
	return from, to, nil
}

// SentenceList is the answer of /api/documents/{id}/sentences.
type SentenceList struct {
	Sentences []store.Sentence `json:"sentences"`
}

func (s *Server) sentences(w http.ResponseWriter, r *http.Request) (any, int, error) {
	from, to, err := sentenceRange(r)
	if err != nil {
		return nil, 0, err
	}
	ss, err := s.cfg.Store.Sentences(r.Context(), r.PathValue("id"), from, to)
	return SentenceList{ss}, http.StatusOK, err
}

func (s *Server) annotations(w http.ResponseWriter, r *http.Request) (any, int, error) {
	from, to, err := sentenceRange(r)
	if err != nil {
		return nil, 0, err
	}
	a, err := s.cfg.Store.Annotations(r.Context(), r.PathValue("id"), from, to)
	return a, http.StatusOK, err
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) (any, int, error) {
	p, err := page(r)
	if err != nil {
		return nil, 0, err
	}
	overlap, err := qBool(r, "overlap")
	if err != nil {
		return nil, 0, err
	}
	q := r.URL.Query()
	f := store.EventFilter{Actors: q["actor"], Types: qList(r, "type"), Modes: qList(r, "mode"), Modalities: qList(r, "modality"),
		From: q.Get("from"), To: q.Get("to"), Overlap: overlap, Text: q.Get("q"), Document: q.Get("document"), Treaty: q.Get("treaty"), Page: p}
	if pair := q.Get("pair"); pair != "" {
		parts := strings.Split(pair, ",")
		if len(parts) != 2 || strings.TrimSpace(parts[0]) == "" || strings.TrimSpace(parts[1]) == "" {
			return nil, 0, badRequest("parameter \"pair\": %q is not two actors as A,B", pair)
		}
		f.Pair = [2]string{strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])}
	}
	list, err := s.cfg.Store.Events(r.Context(), f)
	return list, http.StatusOK, err
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) (any, int, error) {
	c, err := s.cfg.Store.EventContext(r.Context(), r.PathValue("id"))
	return c, http.StatusOK, err
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) (any, int, error) {
	p, err := page(r)
	if err != nil {
		return nil, 0, err
	}
	list, err := s.cfg.Store.Actors(r.Context(), store.ActorFilter{Kind: r.URL.Query().Get("kind"), Query: r.URL.Query().Get("q"), Page: p})
	return list, http.StatusOK, err
}

func (s *Server) actor(w http.ResponseWriter, r *http.Request) (any, int, error) {
	a, err := s.cfg.Store.Actor(r.Context(), r.PathValue("id"))
	return a, http.StatusOK, err
}

func (s *Server) treaties(w http.ResponseWriter, r *http.Request) (any, int, error) {
	p, err := page(r)
	if err != nil {
		return nil, 0, err
	}
	q := r.URL.Query()
	list, err := s.cfg.Store.Treaties(r.Context(), store.TreatyFilter{Parties: q["party"], From: q.Get("from"), To: q.Get("to"), Query: q.Get("q"), Page: p})
	return list, http.StatusOK, err
}

func (s *Server) tenures(w http.ResponseWriter, r *http.Request) (any, int, error) {
	p, err := page(r)
	if err != nil {
		return nil, 0, err
	}
	q := r.URL.Query()
	list, err := s.cfg.Store.Tenures(r.Context(), store.TenureFilter{Office: q.Get("office"), State: q.Get("state"), Person: q.Get("person"), At: q.Get("at"), Page: p})
	return list, http.StatusOK, err
}

func (s *Server) relations(w http.ResponseWriter, r *http.Request) (any, int, error) {
	q := r.URL.Query()
	rq := store.RelationsQuery{A: q.Get("a"), B: q.Get("b"), By: q.Get("by"), From: q.Get("from"), To: q.Get("to")}
	if v := q.Get("verbal"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, 0, badRequest("parameter \"verbal\": %q is not a number", v)
		}
		rq.Verbal = &f
	}
	var err error
	if rq.IDs, err = qInt(r, "ids", 100); err != nil {
		return nil, 0, err
	}
	if rq.IDs < 0 {
		return nil, 0, badRequest("parameter \"ids\" must not be negative")
	}
	if rq.IDs == 0 {
		rq.IDs = -1 // counts only
	}
	series, err := s.cfg.Store.Relations(r.Context(), rq)
	return series, http.StatusOK, err
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) (any, int, error) {
	q := r.URL.Query()
	n, err := s.cfg.Store.Network(r.Context(), store.NetworkFilter{From: q.Get("from"), To: q.Get("to"), Modalities: qList(r, "modality"), Kinds: qList(r, "kind")})
	return n, http.StatusOK, err
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) (any, int, error) {
	limit, err := qInt(r, "limit", 20)
	if err != nil {
		return nil, 0, err
	}
	if limit < 1 {
		return nil, 0, badRequest("parameter \"limit\" must be at least 1")
	}
	res, err := s.cfg.Store.Search(r.Context(), r.URL.Query().Get("q"), limit)
	return res, http.StatusOK, err
}

// UploadResult is the answer of POST /api/documents.
type UploadResult struct {
	store.IngestResult
	Info *store.DocumentInfo `json:"info,omitempty"`
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request) (any, int, error) {
	if s.cfg.Pipeline == nil {
		return nil, 0, &httpError{http.StatusForbidden, "this server does not read uploads"}
	}
	max := s.cfg.MaxUpload
	if r.ContentLength > max {
		return nil, 0, &httpError{http.StatusRequestEntityTooLarge, tooLarge(max)}
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, 0, &httpError{http.StatusRequestEntityTooLarge, tooLarge(max)}
		}
		return nil, 0, badRequest("cannot read the request body: %v", err)
	}
	name := path.Base(strings.ReplaceAll(r.URL.Query().Get("name"), `\`, "/"))
	if name == "" || name == "." || name == "/" {
		name = "upload.txt"
	}
	p := *s.cfg.Pipeline
	if f := r.URL.Query().Get("format"); f != "" {
		p.Read.Format = f
	}
	d, err := p.Bytes(r.Context(), "upload/"+name, data)
	if err != nil {
		var re *read.Error
		if errors.As(err, &re) {
			return nil, 0, badRequest("%v", re)
		}
		return nil, 0, err
	}
	res, err := s.cfg.Store.Ingest(r.Context(), d)
	if err != nil {
		return nil, 0, err
	}
	status := http.StatusCreated
	if res.Outcome == store.OutcomeUnchanged {
		status = http.StatusOK
	}
	s.log.InfoContext(r.Context(), "ingested upload", "document", res.Document, "outcome", res.Outcome, "events", res.Events, "bytes", len(data))
	return UploadResult{IngestResult: res}, status, nil
}

func tooLarge(max int64) string {
	return "the article is larger than this server's upload limit of " + humanSize(max)
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// Deleted is the answer of DELETE /api/documents/{id}.
type Deleted struct {
	Deleted string `json:"deleted"`
}

func (s *Server) deleteDocument(w http.ResponseWriter, r *http.Request) (any, int, error) {
	id := r.PathValue("id")
	if err := s.cfg.Store.DeleteDocument(r.Context(), id); err != nil {
		return nil, 0, err
	}
	return Deleted{id}, http.StatusOK, nil
}
