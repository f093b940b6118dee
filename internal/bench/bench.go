// Package bench measures chronicle's store and API at scale: it fills a
// store with synthetic events (a million and more), times the queries
// people make (pair + period, type, actor, the relations series) and
// loads the HTTP API with many concurrent clients on loopback. Every loop
// is bounded by a count and a time limit and stops by itself.
package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chronicle-history/chronicle/internal/serve"
	"github.com/chronicle-history/chronicle/internal/store"
	"github.com/chronicle-history/chronicle/internal/synth"
)

// Seed makes generated corpora reproducible.
const Seed = 1918

// Generate ingests synthetic documents of perDoc events each until the
// store holds at least events events. It resumes where an earlier run
// stopped (documents are numbered and deterministic) and reports progress
// to progress (may be nil).
func Generate(ctx context.Context, st store.Store, events, perDoc int, progress func(done, total int, mbps float64)) error {
	if perDoc <= 0 {
		perDoc = 1000
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	have := stats.Counts.Events
	n := stats.Counts.Documents
	start := time.Now()
	var bytes int64
	for have < events {
		if err := ctx.Err(); err != nil {
			return err
		}
		d := synth.Document(Seed, n, perDoc)
		r, err := st.Ingest(ctx, d)
		if err != nil {
			return err
		}
		if r.Outcome != store.OutcomeUnchanged {
			have += r.Events
			bytes += int64(d.Size)
		}
		n++
		if progress != nil {
			progress(have, events, float64(bytes)/1e6/time.Since(start).Seconds())
		}
	}
	return nil
}

// Latency summarises timings.
type Latency struct {
	Name  string
	N     int
	P50   time.Duration
	P99   time.Duration
	Max   time.Duration
	Items float64 // mean rows in the answer (total for lists)
}

func summarise(name string, ds []time.Duration, items float64) Latency {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	at := func(q float64) time.Duration {
		if len(ds) == 0 {
			return 0
		}
		i := int(q*float64(len(ds))+0.5) - 1
		return ds[max(0, min(i, len(ds)-1))]
	}
	return Latency{Name: name, N: len(ds), P50: at(0.50), P99: at(0.99), Max: at(1), Items: items}
}

// query is one kind of query, made with random parameters.
type query struct {
	name string
	run  func(ctx context.Context, st store.Store, r *rand.Rand) (int, error)
}

var pairs = [][2]string{{"DEU", "SUN"}, {"POL", "FIN"}, {"FRA", "GBR"}, {"ITA", "JPN"}}

func yearRange(r *rand.Rand, span int) (string, string) {
	y := 1900 + r.IntN(50-span+1)
	return fmt.Sprint(y), fmt.Sprint(y + span - 1)
}

// queries are the measured query kinds: the event list a person pages
// through (first page of 100 and the total), and the relations series.
func queries() []query {
	return []query{
		{"pair + 1 year (DEU,SUN, frequent)", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			from, to := yearRange(r, 1)
			l, err := st.Events(ctx, store.EventFilter{Pair: [2]string{"DEU", "SUN"}, From: from, To: to})
			return total(l), err
		}},
		{"pair + 5 years (random pair)", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			p := pairs[1+r.IntN(len(pairs)-1)]
			from, to := yearRange(r, 5)
			l, err := st.Events(ctx, store.EventFilter{Pair: p, From: from, To: to})
			return total(l), err
		}},
		{"pair + month", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			y, m := 1900+r.IntN(50), 1+r.IntN(12)
			v := fmt.Sprintf("%d-%02d", y, m)
			l, err := st.Events(ctx, store.EventFilter{Pair: [2]string{"DEU", "SUN"}, From: v, To: v})
			return total(l), err
		}},
		{"type + 1 year", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			from, to := yearRange(r, 1)
			l, err := st.Events(ctx, store.EventFilter{Types: []string{[]string{"ASSAULT", "AGREE", "SANCTION"}[r.IntN(3)]}, From: from, To: to})
			return total(l), err
		}},
		{"type, all time", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			l, err := st.Events(ctx, store.EventFilter{Types: []string{[]string{"ASSAULT", "AGREE", "SANCTION"}[r.IntN(3)]}})
			return total(l), err
		}},
		{"actor + 1 year", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			from, to := yearRange(r, 1)
			l, err := st.Events(ctx, store.EventFilter{Actors: []string{[]string{"FRA", "Poland", "JPN"}[r.IntN(3)]}, From: from, To: to})
			return total(l), err
		}},
		{"relations by year (random rarer pair)", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			p := pairs[1+r.IntN(len(pairs)-1)]
			s, err := st.Relations(ctx, store.RelationsQuery{A: p[0], B: p[1], By: "year"})
			return points(s), err
		}},
		{"relations by year, 5 years (DEU,SUN)", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			from, to := yearRange(r, 5)
			s, err := st.Relations(ctx, store.RelationsQuery{A: "DEU", B: "SUN", By: "year", From: from, To: to})
			return points(s), err
		}},
		{"relations by year, all (DEU,SUN)", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			s, err := st.Relations(ctx, store.RelationsQuery{A: "DEU", B: "SUN", By: "year"})
			return points(s), err
		}},
		{"relations by year, rarer pair, counts only", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			p := pairs[1+r.IntN(len(pairs)-1)]
			s, err := st.Relations(ctx, store.RelationsQuery{A: p[0], B: p[1], By: "year", IDs: -1})
			return points(s), err
		}},
		{"relations by year, all (DEU,SUN), counts only", func(ctx context.Context, st store.Store, r *rand.Rand) (int, error) {
			s, err := st.Relations(ctx, store.RelationsQuery{A: "DEU", B: "SUN", By: "year", IDs: -1})
			return points(s), err
		}},
	}
}

func total(l *store.EventList) int {
	if l == nil {
		return 0
	}
	return l.Total
}

func points(s *store.Series) int {
	if s == nil {
		return 0
	}
	n := 0
	for _, p := range s.Points {
		n += p.Count
	}
	return n
}

// Queries times each query kind n times (after a warm-up) and returns
// the latencies, within the time limit per kind.
func Queries(ctx context.Context, st store.Store, n int, limit time.Duration) ([]Latency, error) {
	var out []Latency
	for _, q := range queries() {
		r := rand.New(rand.NewPCG(Seed, 7))
		for i := 0; i < 3; i++ { // warm caches
			if _, err := q.run(ctx, st, r); err != nil {
				return nil, fmt.Errorf("%s: %w", q.name, err)
			}
		}
		var ds []time.Duration
		items := 0
		deadline := time.Now().Add(limit)
		for i := 0; i < n && time.Now().Before(deadline); i++ {
			t := time.Now()
			k, err := q.run(ctx, st, r)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", q.name, err)
			}
			ds = append(ds, time.Since(t))
			items += k
		}
		out = append(out, summarise(q.name, ds, float64(items)/float64(max(1, len(ds)))))
	}
	return out, nil
}

// LoadResult is what an API load run measured.
type LoadResult struct {
	Clients   int
	Requests  int
	Errors    int
	Elapsed   time.Duration
	PerSecond float64
	Latency   Latency
	ByPath    []Latency
}

// apiPaths are the requests the load generator makes, in turn.
func apiPaths(r *rand.Rand) string {
	from, to := yearRange(r, 1)
	p := pairs[r.IntN(len(pairs))]
	switch r.IntN(6) {
	case 0:
		return "/api/events?" + url.Values{"pair": {p[0] + "," + p[1]}, "from": {from}, "to": {to}, "limit": {"50"}}.Encode()
	case 1:
		return "/api/events?" + url.Values{"type": {"ASSAULT"}, "from": {from}, "to": {to}, "limit": {"50"}}.Encode()
	case 2:
		return "/api/relations?" + url.Values{"a": {p[0]}, "b": {p[1]}, "by": {"year"}, "from": {from}, "to": {fmt.Sprint(1900 + r.IntN(50))}}.Encode()
	case 3:
		return "/api/actors?limit=20"
	case 4:
		return "/api/tenures?office=ambassador&at=" + from
	default:
		return "/api/treaties?" + url.Values{"party": {p[0]}, "from": {from}, "to": {to}}.Encode()
	}
}

// API starts the API on a loopback port and sends it requests from
// clients concurrent clients until requests are done or limit passes.
func API(ctx context.Context, st store.Store, clients, requests int, limit time.Duration) (*LoadResult, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	srv := serve.New(serve.Config{Store: st})
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, ln) }()
	base := "http://" + ln.Addr().String()
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()

	var next atomic.Int64
	var errs atomic.Int64
	type sample struct {
		path string
		d    time.Duration
	}
	results := make([][]sample, clients)
	deadline := time.Now().Add(limit)
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(Seed, uint64(c)))
			for next.Add(1) <= int64(requests) && time.Now().Before(deadline) && ctx.Err() == nil {
				path := apiPaths(r)
				t := time.Now()
				resp, err := client.Get(base + path)
				if err != nil {
					errs.Add(1)
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					errs.Add(1)
				}
				results[c] = append(results[c], sample{path[:strings.IndexAny(path+"?", "?")], time.Since(t)})
			}
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	stop()
	if err := <-done; err != nil {
		return nil, err
	}
	var all []time.Duration
	by := map[string][]time.Duration{}
	for _, rs := range results {
		for _, s := range rs {
			all = append(all, s.d)
			by[s.path] = append(by[s.path], s.d)
		}
	}
	res := &LoadResult{Clients: clients, Requests: len(all), Errors: int(errs.Load()), Elapsed: elapsed,
		PerSecond: float64(len(all)) / elapsed.Seconds(), Latency: summarise("all", all, 0)}
	names := make([]string, 0, len(by))
	for k := range by {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		res.ByPath = append(res.ByPath, summarise(k, by[k], 0))
	}
	return res, nil
}
