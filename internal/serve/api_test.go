package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/store"
	"github.com/chronicle-history/chronicle/internal/synth"
)

type fixture struct {
	st  store.Store
	srv *httptest.Server
	s   *Server
}

func newFixture(t *testing.T, dsn, token string, maxUpload int64) *fixture {
	t.Helper()
	if dsn == "" {
		dsn = filepath.Join(t.TempDir(), "api.db")
	}
	st, err := store.Open(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Ingest(context.Background(), synth.Article("test.txt", 1)); err != nil && !strings.Contains(err.Error(), "read-only") {
		t.Fatal(err)
	}
	p, err := pipeline.Default(read.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{Store: st, Pipeline: p, Token: token, MaxUpload: maxUpload})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return &fixture{st: st, srv: srv, s: s}
}

// get fetches path and decodes the JSON answer into out (if not nil).
func (f *fixture) do(t *testing.T, method, path string, body io.Reader, header map[string]string, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); strings.HasPrefix(path, "/api/") && ct != "application/json; charset=utf-8" {
		t.Fatalf("%s %s: Content-Type %q", method, path, ct)
	}
	if resp.StatusCode >= 400 {
		var e map[string]string
		if err := json.Unmarshal(data, &e); err != nil || e["error"] == "" || len(e) != 1 {
			t.Fatalf("%s %s: error answer %d is not {\"error\": ...}: %s", method, path, resp.StatusCode, data)
		}
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, path, err, data)
		}
	}
	return resp.StatusCode
}

func (f *fixture) get(t *testing.T, path string, out any) int {
	t.Helper()
	return f.do(t, "GET", path, nil, nil, out)
}

func TestReadEndpoints(t *testing.T) {
	f := newFixture(t, "", "", 0)
	var evs store.EventList
	if c := f.get(t, "/api/events?pair=DEU,SUN&from=1930&to=1941&limit=1", &evs); c != 200 || evs.Total != 2 || len(evs.Events) != 1 || evs.Events[0].ID != "test:e3" {
		t.Fatalf("events: %d %+v", c, evs)
	}
	var repeated store.EventList
	f.get(t, "/api/events?actor=DEU&actor=POL&type=ASSAULT", &repeated)
	if repeated.Total != 1 || repeated.Events[0].LocalID != "e4" {
		t.Fatalf("repeated actor: %+v", repeated)
	}
	var ec store.EventContext
	if c := f.get(t, "/api/events/test:e6", &ec); c != 200 || ec.Sentence == nil || ec.Paragraph == nil || ec.Event.Name != "Operation Barbarossa" {
		t.Fatalf("event: %d %+v", c, ec)
	}
	var d store.Document
	f.get(t, "/api/documents/test", &d)
	if sent := d.Sentences[ec.Event.Sentence]; d.Text[sent.CleanStart:sent.CleanEnd] != sent.Text || sent.Text != ec.Sentence.Text {
		t.Fatal("document sentences and event context disagree")
	}
	var ss SentenceList
	if f.get(t, "/api/documents/test/sentences?from=1&to=2", &ss); len(ss.Sentences) != 2 || ss.Sentences[0].Index != 1 {
		t.Fatalf("sentences: %+v", ss)
	}
	var an store.Annotations
	if f.get(t, "/api/documents/test/annotations?from=1&to=1", &an); len(an.Timexes) != 1 || len(an.Mentions) != 2 {
		t.Fatalf("annotations: %+v", an)
	}
	var tl store.TenureList
	if f.get(t, "/api/tenures?office=ambassador&state=DEU&at=1930-06", &tl); len(tl.Tenures) != 1 || tl.Tenures[0].Person != "Herbert von Dirksen" || tl.Tenures[0].Status != store.Held {
		t.Fatalf("tenures at: %+v", tl)
	}
	var series store.Series
	if f.get(t, "/api/relations?a=DEU&b=SUN&by=year", &series); len(series.Points) != 20 || series.Points[19].Events[0] != "test:e6" || series.Weighting == "" {
		t.Fatalf("relations: %+v", series)
	}
	var sr store.SearchResult
	if f.get(t, "/api/search?q=Rapallo", &sr); len(sr.Treaties) != 1 || len(sr.Sentences) != 1 || len(sr.Events) != 1 {
		t.Fatalf("search: %+v", sr)
	}
	var tr store.TreatyList
	if f.get(t, "/api/treaties?party=SUN&party=Germany&from=1932", &tr); tr.Total != 1 || !tr.Treaties[0].SecretProtocol {
		t.Fatalf("treaties: %+v", tr)
	}
	var al store.ActorList
	if f.get(t, "/api/actors?kind=person&limit=2", &al); al.Total != 5 || len(al.Actors) != 2 {
		t.Fatalf("actors: %+v", al)
	}
	var a store.Actor
	if f.get(t, "/api/actors/SUN", &a); a.Name != "Soviet Union" || a.Events != 4 {
		t.Fatalf("actor: %+v", a)
	}
	var n store.Network
	if f.get(t, "/api/network?from=1939&to=1941", &n); len(n.Edges) != 2 {
		t.Fatalf("network: %+v", n)
	}
	var st store.Stats
	if f.get(t, "/api/stats", &st); st.Counts.Events != 6 || len(st.TopActors) == 0 {
		t.Fatalf("stats: %+v", st)
	}
	var h Health
	if f.get(t, "/api/health", &h); h.Status != "ok" || h.Writes {
		t.Fatalf("health: %+v", h)
	}
}

func TestMalformedParameters(t *testing.T) {
	f := newFixture(t, "", "", 0)
	cases := []struct {
		name, method, path string
		status             int
	}{
		{"limit not a number", "GET", "/api/events?limit=ten", 400},
		{"limit too large", "GET", "/api/events?limit=100000", 400},
		{"negative offset", "GET", "/api/events?offset=-5", 400},
		{"date not a date", "GET", "/api/events?from=yesterday", 400},
		{"month 13", "GET", "/api/events?to=1939-13", 400},
		{"pair of one", "GET", "/api/events?pair=DEU", 400},
		{"unknown actor", "GET", "/api/events?actor=Atlantis", 400},
		{"unknown modality", "GET", "/api/events?modality=perhaps", 400},
		{"overlap not a bool", "GET", "/api/events?overlap=maybe", 400},
		{"unknown parameter", "GET", "/api/events?acter=DEU", 400},
		{"parameter twice", "GET", "/api/events?from=1939&from=1940", 400},
		{"relations without b", "GET", "/api/relations?a=DEU", 400},
		{"relations by week", "GET", "/api/relations?a=DEU&b=SUN&by=week", 400},
		{"reversed sentence range", "GET", "/api/documents/test/sentences?from=5&to=2", 400},
		{"empty search", "GET", "/api/search?q=", 400},
		{"search of punctuation only", "GET", "/api/search?q=%22%22", 400},
		{"tenures at nonsense", "GET", "/api/tenures?at=soon", 400},
		{"stats takes nothing", "GET", "/api/stats?verbose=1", 400},
		{"no such event", "GET", "/api/events/test:e99", 404},
		{"no such document", "GET", "/api/documents/none", 404},
		{"no such actor", "GET", "/api/actors/ATL", 404},
		{"no such endpoint", "GET", "/api/timeline", 404},
		{"wrong method", "PUT", "/api/events", 405},
	}
	before := fingerprint(t, f.st)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := f.do(t, c.method, c.path, nil, nil, nil); got != c.status {
				t.Fatalf("%s %s: status %d, want %d", c.method, c.path, got, c.status)
			}
		})
	}
	if fingerprint(t, f.st) != before {
		t.Fatal("bad requests changed the store")
	}
}

func fingerprint(t *testing.T, st store.Store) string {
	t.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.Documents = nil
	evs, err := st.Events(context.Background(), store.EventFilter{Page: store.Page{Limit: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal([]any{s, evs})
	return string(b)
}

func TestWrites(t *testing.T) {
	article := []byte("The Treaty of Example\n\nOn 3 March 1918 two states signed a treaty at Example. It was denounced in 1920.\n")
	t.Run("disabled without a token", func(t *testing.T) {
		f := newFixture(t, "", "", 0)
		if c := f.do(t, "POST", "/api/documents?name=a.txt", bytes.NewReader(article), map[string]string{"Authorization": "Bearer x"}, nil); c != 403 {
			t.Fatalf("status %d, want 403", c)
		}
		if c := f.do(t, "DELETE", "/api/documents/test", nil, map[string]string{"Authorization": "Bearer x"}, nil); c != 403 {
			t.Fatalf("delete: status %d, want 403", c)
		}
	})
	f := newFixture(t, "", "s3cret", 1024)
	auth := map[string]string{"Authorization": "Bearer s3cret"}
	before := fingerprint(t, f.st)
	failures := []struct {
		name   string
		body   io.Reader
		header map[string]string
		status int
	}{
		{"no token", bytes.NewReader(article), nil, 401},
		{"wrong token", bytes.NewReader(article), map[string]string{"Authorization": "Bearer guess"}, 401},
		{"not bearer", bytes.NewReader(article), map[string]string{"Authorization": "Basic czNjcmV0"}, 401},
		{"too large (declared)", bytes.NewReader(bytes.Repeat([]byte("history "), 200)), auth, 413},
		// A reader that hides its length makes the client send chunks,
		// so only the server's byte limit can stop it.
		{"too large (chunked)", io.MultiReader(strings.NewReader(strings.Repeat("history ", 200))), auth, 413},
		{"binary", bytes.NewReader([]byte{0, 1, 2, 3, 0, 0, 7, 8}), auth, 400},
		{"empty", bytes.NewReader(nil), auth, 400},
	}
	for _, c := range failures {
		t.Run(c.name, func(t *testing.T) {
			if got := f.do(t, "POST", "/api/documents?name=a.txt", c.body, c.header, nil); got != c.status {
				t.Fatalf("status %d, want %d", got, c.status)
			}
		})
	}
	if fingerprint(t, f.st) != before {
		t.Fatal("refused uploads changed the store")
	}
	var res UploadResult
	if c := f.do(t, "POST", "/api/documents?name=../../etc/a.txt", bytes.NewReader(article), auth, &res); c != 201 || res.Outcome != store.OutcomeAdded || res.Path != "upload/a.txt" {
		t.Fatalf("upload: %d %+v", c, res)
	}
	if c := f.do(t, "POST", "/api/documents?name=a.txt", bytes.NewReader(article), auth, &res); c != 200 || res.Outcome != store.OutcomeUnchanged {
		t.Fatalf("same upload again: %d %+v", c, res)
	}
	edited := append(append([]byte(nil), article...), "It was restored in 1922.\n"...)
	if c := f.do(t, "POST", "/api/documents?name=a.txt", bytes.NewReader(edited), auth, &res); c != 201 || res.Outcome != store.OutcomeReplaced {
		t.Fatalf("edited upload: %d %+v", c, res)
	}
	var docs store.DocumentList
	if f.get(t, "/api/documents", &docs); docs.Total != 2 {
		t.Fatalf("documents after uploads: %+v", docs)
	}
	if c := f.do(t, "DELETE", "/api/documents/a", nil, auth, nil); c != 200 {
		t.Fatalf("delete: %d", c)
	}
	if c := f.do(t, "DELETE", "/api/documents/a", nil, auth, nil); c != 404 {
		t.Fatalf("delete again: %d", c)
	}
	if fingerprint(t, f.st) != before {
		t.Fatal("after deleting the upload the store differs from before it")
	}
}

func TestWritesToReadOnlyAndFullStores(t *testing.T) {
	article := []byte(strings.Repeat("In 1925 Germany and the Soviet Union traded grain and machines at Berlin. ", 200))
	auth := map[string]string{"Authorization": "Bearer t"}
	t.Run("read-only", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "ro.db")
		newFixture(t, path, "", 0).st.Close()
		f := newFixture(t, "file:"+path+"?mode=ro", "t", 1<<20)
		before := fingerprint(t, f.st)
		if c := f.do(t, "POST", "/api/documents?name=b.txt", bytes.NewReader(article), auth, nil); c != 503 {
			t.Fatalf("upload to a read-only store: %d, want 503", c)
		}
		if fingerprint(t, f.st) != before {
			t.Fatal("changed")
		}
	})
	t.Run("disk full", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "full.db")
		newFixture(t, path, "", 0).st.Close()
		st, _ := os.Stat(path)
		pages := st.Size()/4096 + 1
		f := newFixture(t, "file:"+path+"?_pragma=max_page_count("+itoa(pages)+")", "t", 1<<20)
		before := fingerprint(t, f.st)
		if c := f.do(t, "POST", "/api/documents?name=b.txt", bytes.NewReader(article), auth, nil); c != 507 {
			t.Fatalf("upload to a full store: %d, want 507", c)
		}
		if fingerprint(t, f.st) != before {
			t.Fatal("changed")
		}
	})
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

// TestOpenAPIDescribesEveryRoute checks the description at /api/openapi.json
// against the routes the server answers, and docs/API.md against both.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	f := newFixture(t, "", "", 0)
	var spec struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Parameters  []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	if c := f.get(t, "/api/openapi.json", &spec); c != 200 || !strings.HasPrefix(spec.OpenAPI, "3.") {
		t.Fatalf("openapi: %d %q", c, spec.OpenAPI)
	}
	apiMD, err := os.ReadFile("../../docs/API.md")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, rt := range f.s.routes {
		op, ok := spec.Paths[rt.path][strings.ToLower(rt.method)]
		if !ok {
			t.Errorf("%s %s is not in openapi.json", rt.method, rt.path)
			continue
		}
		if ids[op.OperationID] {
			t.Errorf("duplicate operationId %s", op.OperationID)
		}
		ids[op.OperationID] = true
		described := map[string]bool{}
		for _, p := range op.Parameters {
			described[p.Name] = true
		}
		for _, p := range rt.params {
			if !described[p.name] {
				t.Errorf("%s %s: parameter %s not described", rt.method, rt.path, p.name)
			}
		}
		for code, r := range op.Responses {
			for _, c := range r.Content {
				if ref := strings.TrimPrefix(c.Schema.Ref, "#/components/schemas/"); ref != "" && spec.Components.Schemas[ref] == nil {
					t.Errorf("%s %s %s: schema %s missing", rt.method, rt.path, code, ref)
				}
			}
		}
		if !strings.Contains(string(apiMD), "`"+rt.method+" "+rt.path+"`") {
			t.Errorf("docs/API.md does not describe %s %s", rt.method, rt.path)
		}
		// The route really answers (not 404/405) at its path.
		p := strings.ReplaceAll(rt.path, "{id}", "test")
		if rt.method == "GET" {
			if c := f.do(t, "GET", p+"?"+requiredQuery(rt), nil, nil, nil); c == 404 && !strings.Contains(rt.path, "{id}") || c == 405 {
				t.Errorf("GET %s answered %d", p, c)
			}
		}
	}
	// And nothing in the description that the server does not answer.
	for path, ops := range spec.Paths {
		for method := range ops {
			found := false
			for _, rt := range f.s.routes {
				found = found || (rt.path == path && strings.ToLower(rt.method) == method)
			}
			if !found {
				t.Errorf("openapi.json describes %s %s, which the server does not have", method, path)
			}
		}
	}
	// Every schema property named in Go is in the description: spot-check.
	var ev map[string]any
	if err := json.Unmarshal(spec.Components.Schemas["EventList"], &ev); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(spec.Components.Schemas["EventList"]), `"evidence"`) {
		t.Error("EventList schema lacks the event's evidence")
	}
}

func requiredQuery(rt route) string {
	v := url.Values{}
	for _, p := range rt.params {
		if p.required && p.in == "query" {
			switch p.name {
			case "a":
				v.Set("a", "DEU")
			case "b":
				v.Set("b", "SUN")
			default:
				v.Set(p.name, "Rapallo")
			}
		}
	}
	return v.Encode()
}

func TestGracefulShutdown(t *testing.T) {
	f := newFixture(t, "", "", 0)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.s.Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/api/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve after shutdown: %v", err)
		}
	case <-time.After(shutdownTimeout + 5*time.Second):
		t.Fatal("server did not shut down")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/api/health"); err == nil {
		t.Fatal("still answering after shutdown")
	}
}
