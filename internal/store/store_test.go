package store_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/store"
	"github.com/chronicle-history/chronicle/internal/synth"
)

func eventIDs(evs []store.Event) []string {
	out := []string{}
	for _, e := range evs {
		out = append(out, e.LocalID)
	}
	return out
}

func TestIngestIdempotentAndReplace(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		ctx := context.Background()
		v1 := article("articles/test.txt", 1)
		r := mustIngest(t, s, v1)
		want := store.IngestResult{Outcome: store.OutcomeAdded, Document: "test", Path: "articles/test.txt", Bytes: len(v1.Raw),
			Sentences: len(v1.Sentences), Timexes: len(v1.Timexes), Actors: len(v1.Actors), Mentions: len(v1.Mentions),
			Events: 6, Treaties: 3, Tenures: 4}
		if !reflect.DeepEqual(r, want) {
			t.Fatalf("first ingest:\n got %+v\nwant %+v", r, want)
		}
		if r := mustIngest(t, s, article("articles/test.txt", 1)); r.Outcome != store.OutcomeUnchanged || r.Document != "test" {
			t.Fatalf("same bytes again: got %+v, want unchanged", r)
		}
		r = mustIngest(t, s, article("articles/test.txt", 2))
		if r.Outcome != store.OutcomeReplaced || r.Replaced != "test" || r.Events != 5 {
			t.Fatalf("changed document: got %+v, want replaced with 5 events", r)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		v2 := article("articles/test.txt", 2)
		wantCounts := store.Counts{Documents: 1, Sentences: len(v2.Sentences), Timexes: len(v2.Timexes), Actors: len(v2.Actors),
			Mentions: len(v2.Mentions), Events: 5, Treaties: 3, Tenures: 4}
		if st.Counts != wantCounts {
			t.Fatalf("after replace: counts %+v, want %+v (old records must be gone)", st.Counts, wantCounts)
		}
		// A second file with the same base name gets its own id.
		other := article("elsewhere/test.txt", 2)
		other.Raw += "\nAnother copy, edited.\n"
		other.Text = other.Raw
		other.SHA256 = "different"
		if r := mustIngest(t, s, other); r.Outcome != store.OutcomeAdded || r.Document != "test-2" {
			t.Fatalf("same name elsewhere: got %+v, want added as test-2", r)
		}
		deuEvents := func() int {
			a, err := s.Actor(ctx, "DEU")
			if err != nil {
				t.Fatal(err)
			}
			return a.Events
		}
		if n := deuEvents(); n != 10 {
			t.Fatalf("DEU in %d events across both documents, want 10", n)
		}
		if err := s.DeleteDocument(ctx, "test-2"); err != nil {
			t.Fatal(err)
		}
		if n := deuEvents(); n != 5 {
			t.Fatalf("after deleting a document DEU is in %d events, want 5", n)
		}
		// An alias only one document gave goes with that document.
		bl := synth.NewBuilder("ussr.txt", "USSR")
		bl.Actor(doc.Actor{ID: "SUN", Name: "Soviet Union", Kind: doc.KindState, Code: "SUN"})
		bl.Sentence("In {1925|1925} [the USSR|SUN] grew.")
		mustIngest(t, s, bl.Done())
		hasAlias := func(want string) bool {
			a, err := s.Actor(ctx, "SUN")
			if err != nil {
				t.Fatal(err)
			}
			for _, al := range a.Aliases {
				if al == want {
					return true
				}
			}
			return false
		}
		if !hasAlias("the USSR") || !hasAlias("the Soviets") {
			t.Fatal("aliases of both documents not united")
		}
		if err := s.DeleteDocument(ctx, "ussr"); err != nil {
			t.Fatal(err)
		}
		if hasAlias("the USSR") || !hasAlias("the Soviets") {
			t.Fatal("deleting a document did not retract only its alias")
		}
		if err := s.DeleteDocument(ctx, "test-2"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("deleting twice: %v, want ErrNotFound", err)
		}
	})
}

func TestEventQueries(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		mustIngest(t, s, article("test.txt", 1))
		ctx := context.Background()
		cases := []struct {
			name string
			f    store.EventFilter
			want []string
		}{
			{"all in date order", store.EventFilter{}, []string{"e1", "e2", "e3", "e4", "e5", "e6"}},
			{"pair by codes", store.EventFilter{Pair: [2]string{"DEU", "SUN"}}, []string{"e1", "e2", "e3", "e6"}},
			{"pair reversed, by name and alias", store.EventFilter{Pair: [2]string{"soviet russia", "Germany"}}, []string{"e1", "e2", "e3", "e6"}},
			{"pair and year", store.EventFilter{Pair: [2]string{"DEU", "SUN"}, From: "1939", To: "1939"}, []string{"e3"}},
			{"year range within", store.EventFilter{From: "1939", To: "1940"}, []string{"e3", "e4", "e5"}},
			{"month: a year-dated event is not inside it", store.EventFilter{From: "1926-05", To: "1926-05"}, []string{}},
			{"month with overlap", store.EventFilter{From: "1926-05", To: "1926-05", Overlap: true}, []string{"e2"}},
			{"decade", store.EventFilter{From: "192X", To: "192X"}, []string{"e1", "e2"}},
			{"season", store.EventFilter{From: "1941-SU", To: "1941-SU"}, []string{"e6"}},
			{"type", store.EventFilter{Types: []string{"assault"}}, []string{"e4", "e5", "e6"}},
			{"types as a list", store.EventFilter{Types: []string{"CONSULT,SUPPORT"}}, []string{"e1", "e2", "e3"}},
			{"mode", store.EventFilter{Modes: []string{"negotiate"}}, []string{"e2"}},
			{"modality", store.EventFilter{Modalities: []string{"negated"}}, []string{"e5"}},
			{"actor person by surname-free name", store.EventFilter{Actors: []string{"Gustav Stresemann"}}, []string{"e2"}},
			{"two actors", store.EventFilter{Actors: []string{"DEU", "POL"}}, []string{"e4"}},
			{"full text, stemmed", store.EventFilter{Text: "invaded"}, []string{"e4", "e5", "e6"}},
			{"full text phrase", store.EventFilter{Text: `"secret protocol"`}, []string{"e3"}},
			{"full text with exclusion", store.EventFilter{Text: "invaded -Sweden"}, []string{"e4", "e6"}},
			{"full text OR", store.EventFilter{Text: "Rapallo OR Berlin"}, []string{"e1", "e2"}},
			{"document", store.EventFilter{Document: "test", Types: []string{"CONSULT"}}, []string{"e2"}},
			{"treaty", store.EventFilter{Treaty: "test:t3"}, []string{"e3"}},
			{"page", store.EventFilter{Page: store.Page{Limit: 2, Offset: 2}}, []string{"e3", "e4"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got, err := s.Events(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				if ids := eventIDs(got.Events); !reflect.DeepEqual(ids, c.want) {
					t.Fatalf("got %v, want %v", ids, c.want)
				}
				if c.f.Limit == 0 && got.Total != len(c.want) {
					t.Fatalf("total %d, want %d", got.Total, len(c.want))
				}
			})
		}
		got, err := s.Events(ctx, store.EventFilter{Page: store.Page{Limit: 2, Offset: 2}})
		if err != nil || got.Total != 6 {
			t.Fatalf("paged total: %v %v, want 6", got, err)
		}
	})
}

func TestEventRecord(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		d := article("test.txt", 1)
		mustIngest(t, s, d)
		ctx := context.Background()
		e, err := s.Event(ctx, "test:e6")
		if err != nil {
			t.Fatal(err)
		}
		src := d.Events[5]
		want := store.Event{ID: "test:e6", LocalID: "e6", Document: "test", Type: "ASSAULT", Mode: "invasion",
			Actor: []string{"DEU"}, Recipient: []string{"SUN"}, ActorNames: []string{"Germany"}, RecipientNames: []string{"Soviet Union"},
			Date:     store.EventDate{Value: "1941-06-22", Precision: "day", Anchor: "explicit", StartDate: "1941-06-22", EndDate: "1941-06-22"},
			Modality: "asserted", Name: "Operation Barbarossa", Quantities: src.Quantities, Score: -9,
			Sentence: src.Sentence, Trigger: src.Trigger, Evidence: src.Evidence}
		if !reflect.DeepEqual(*e, want) {
			t.Fatalf("event:\n got %+v\nwant %+v", *e, want)
		}
		if d.Raw[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
			t.Fatalf("evidence offsets do not cut the evidence out of the file")
		}
		c, err := s.EventContext(ctx, "test:e3")
		if err != nil {
			t.Fatal(err)
		}
		if c.Sentence == nil || c.Paragraph == nil || !strings.Contains(c.Paragraph.Text, c.Sentence.Text) {
			t.Fatalf("context: sentence %+v in paragraph %+v", c.Sentence, c.Paragraph)
		}
		if len(c.Timexes) != 1 || c.Timexes[0].Value != "1939-08-23" || len(c.Mentions) != 2 || c.Title != d.Title {
			t.Fatalf("context annotations: %+v", c)
		}
		if _, err := s.Event(ctx, "test:e99"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("missing event: %v", err)
		}
	})
}

func TestBadParameters(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		mustIngest(t, s, article("test.txt", 1))
		ctx := context.Background()
		for name, f := range map[string]store.EventFilter{
			"bad from":       {From: "last spring"},
			"bad to":         {To: "1939-13"},
			"reversed range": {From: "1940", To: "1939"},
			"unknown actor":  {Actors: []string{"Atlantis"}},
			"half a pair":    {Pair: [2]string{"DEU", ""}},
			"bad modality":   {Modalities: []string{"maybe"}},
			"huge limit":     {Page: store.Page{Limit: 100000}},
			"negative":       {Page: store.Page{Offset: -1}},
			"empty text":     {Text: `"" -`},
		} {
			t.Run(name, func(t *testing.T) {
				_, err := s.Events(ctx, f)
				var bp *store.BadParamError
				if !errors.As(err, &bp) {
					t.Fatalf("got %v, want a BadParamError", err)
				}
			})
		}
		if _, err := s.Relations(ctx, store.RelationsQuery{A: "DEU", B: "SUN", By: "week"}); err == nil {
			t.Fatal("by=week accepted")
		}
	})
}

func TestTreaties(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		mustIngest(t, s, article("test.txt", 1))
		ctx := context.Background()
		cases := []struct {
			name string
			f    store.TreatyFilter
			want []string
		}{
			{"all", store.TreatyFilter{}, []string{"Treaty of Rapallo", "Treaty of Berlin", "Molotov–Ribbentrop Pact"}},
			{"party by name", store.TreatyFilter{Parties: []string{"Soviet Union"}, From: "1932", To: "1941"}, []string{"Molotov–Ribbentrop Pact"}},
			{"two parties", store.TreatyFilter{Parties: []string{"DEU", "SUN"}, To: "1926"}, []string{"Treaty of Rapallo", "Treaty of Berlin"}},
			{"party not in any", store.TreatyFilter{Parties: []string{"POL"}}, []string{}},
			{"alias search", store.TreatyFilter{Query: "nazi–soviet"}, []string{"Molotov–Ribbentrop Pact"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got, err := s.Treaties(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				names := []string{}
				for _, tr := range got.Treaties {
					names = append(names, tr.Name)
				}
				if !reflect.DeepEqual(names, c.want) || got.Total != len(c.want) {
					t.Fatalf("got %v (total %d), want %v", names, got.Total, c.want)
				}
			})
		}
		got, _ := s.Treaties(ctx, store.TreatyFilter{Query: "Molotov"})
		if tr := got.Treaties[0]; !tr.SecretProtocol || tr.ID != "test:t3" || !reflect.DeepEqual(tr.Events, []string{"test:e3"}) || tr.SignedStart != "1939-08-23" {
			t.Fatalf("pact record: %+v", tr)
		}
	})
}

func TestTenuresAsOf(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		mustIngest(t, s, article("test.txt", 1))
		ctx := context.Background()
		type row struct{ Person, Status string }
		cases := []struct {
			name string
			f    store.TenureFilter
			want []row
		}{
			{"German ambassador mid-1930", store.TenureFilter{Office: "ambassador", State: "DEU", At: "1930-06"},
				[]row{{"Herbert von Dirksen", store.Held}}},
			{"state by name", store.TenureFilter{Office: "Ambassador", State: "Germany", At: "1925"},
				[]row{{"Ulrich von Brockdorff-Rantzau", store.Held}}},
			{"a change-over year known only to the year", store.TenureFilter{Office: "ambassador", State: "DEU", At: "1928-03"},
				[]row{{"Ulrich von Brockdorff-Rantzau", store.Possible}, {"Herbert von Dirksen", store.Possible}}},
			{"whole change-over year: both held part of it", store.TenureFilter{Office: "ambassador", State: "DEU", At: "1928"},
				[]row{{"Ulrich von Brockdorff-Rantzau", store.Part}, {"Herbert von Dirksen", store.Part}}},
			{"open end bounded by nobody", store.TenureFilter{State: "SUN", At: "1930-06"},
				[]row{{"Nikolay Krestinsky", store.Possible}, {"Lev Khinchuk", store.Possible}}},
			{"open end still possible later", store.TenureFilter{State: "SUN", At: "1933"},
				[]row{{"Lev Khinchuk", store.Possible}}},
			{"before anyone", store.TenureFilter{State: "SUN", At: "1919"}, []row{}},
			{"list without at", store.TenureFilter{Person: "von"},
				[]row{{"Ulrich von Brockdorff-Rantzau", ""}, {"Herbert von Dirksen", ""}}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got, err := s.Tenures(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				rows := []row{}
				for _, tn := range got.Tenures {
					rows = append(rows, row{tn.Person, tn.Status})
				}
				if !reflect.DeepEqual(rows, c.want) {
					t.Fatalf("got %v, want %v", rows, c.want)
				}
			})
		}
	})
}

func TestRelationsSeries(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		mustIngest(t, s, article("test.txt", 1))
		ctx := context.Background()
		got, err := s.Relations(ctx, store.RelationsQuery{A: "SUN", B: "DEU", By: "year"})
		if err != nil {
			t.Fatal(err)
		}
		// Verbal types (SUPPORT, CONSULT: quad VC) count half by default.
		want := []store.Point{
			{Period: "1922", Start: "1922-01-01", End: "1922-12-31", Score: 2.5, Count: 1, Cooperation: 2.5, Events: []string{"test:e1"}},
			{Period: "1926", Start: "1926-01-01", End: "1926-12-31", Score: 1.25, Count: 1, Cooperation: 1.25, Events: []string{"test:e2"}},
			{Period: "1939", Start: "1939-01-01", End: "1939-12-31", Score: 2.5, Count: 1, Cooperation: 2.5, Events: []string{"test:e3"}},
			{Period: "1941", Start: "1941-01-01", End: "1941-12-31", Score: -9, Count: 1, Conflict: -9, Events: []string{"test:e6"}},
		}
		var nonEmpty []store.Point
		for _, p := range got.Points {
			if p.Count > 0 {
				nonEmpty = append(nonEmpty, p)
			} else if len(p.Events) != 0 || p.Score != 0 {
				t.Fatalf("empty period with content: %+v", p)
			}
		}
		if !reflect.DeepEqual(nonEmpty, want) || len(got.Points) != 20 || got.Points[1].Period != "1923" || got.UnplacedCount != 0 {
			t.Fatalf("by year:\n got %+v\nwant %+v (and a point for every year 1922..1941)", got.Points, want)
		}
		one := 1.0
		got, err = s.Relations(ctx, store.RelationsQuery{A: "DEU", B: "SUN", By: "month", From: "1925", Verbal: &one, IDs: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got.Points[0].Period != "1939-08" || got.Points[0].Score != 5 || got.Points[len(got.Points)-1].Period != "1941-06" ||
			!reflect.DeepEqual(got.Unplaced, []string{"test:e2"}) || got.UnplacedCount != 1 || !strings.Contains(got.Weighting, "full weight") {
			t.Fatalf("by month: %+v", got)
		}
		got, err = s.Relations(ctx, store.RelationsQuery{A: "DEU", B: "SUN", By: "quarter", From: "1939", To: "1941"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Points[0].Period != "1939-Q3" || len(got.Points) != 8 || got.Points[7].Period != "1941-Q2" {
			t.Fatalf("by quarter: %+v", got.Points)
		}
	})
}

func TestActorsSearchStatsNetwork(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		mustIngest(t, s, article("a.txt", 1))
		ctx := context.Background()
		as, err := s.Actors(ctx, store.ActorFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if as.Total != 9 || as.Actors[0].ID != "DEU" || as.Actors[0].Events != 6 {
			t.Fatalf("actors: %+v", as.Actors[:2])
		}
		sun, err := s.Actor(ctx, "SUN")
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"Soviet Russia", "the Soviet Union", "the Soviets"}; !reflect.DeepEqual(sun.Aliases, want) || sun.Mentions != 4 {
			t.Fatalf("SUN: %+v", sun)
		}
		persons, _ := s.Actors(ctx, store.ActorFilter{Kind: "person", Query: "dirk"})
		if len(persons.Actors) != 1 || persons.Actors[0].ID != "p-dirksen" {
			t.Fatalf("person search: %+v", persons)
		}
		res, err := s.Search(ctx, "Rapallo", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Sentences) != 1 || !strings.Contains(res.Sentences[0].Snippet, "[Rapallo]") || len(res.Treaties) != 1 || len(res.Events) != 1 {
			t.Fatalf("search Rapallo: %+v", res)
		}
		// A query full of FTS syntax is searched as words, not an error.
		if _, err := s.Search(ctx, `"Treaty" AND (NEAR* ^Berlin:`, 10); err != nil {
			t.Fatalf("punctuation in a query: %v", err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Period != (store.Period{From: "1922-04-16", To: "1941-06-22"}) || st.EventTypes[0] != (store.CountOf{Value: "ASSAULT", Count: 3}) {
			t.Fatalf("stats: %+v", st)
		}
		net, err := s.Network(ctx, store.NetworkFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var deuSun *store.Edge
		for i, e := range net.Edges {
			if e.Source == "DEU" && e.Target == "SUN" {
				deuSun = &net.Edges[i]
			}
		}
		if deuSun == nil || deuSun.Weight != 4 || deuSun.Score != 3.5 || deuSun.First != "1922-04-16" || deuSun.Last != "1941-06-22" {
			t.Fatalf("DEU–SUN edge: %+v", deuSun)
		}
	})
}

func TestDocumentsRoundTrip(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, _ string) {
		d := article("test.txt", 1)
		mustIngest(t, s, d)
		ctx := context.Background()
		got, err := s.Document(ctx, "test", true)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != d.Text || got.Raw != d.Raw || len(got.Sentences) != len(d.Sentences) || len(got.Sections) != 2 || got.Sections[1].Title != "Ambassadors" {
			t.Fatalf("document: %d sentences, %d sections", len(got.Sentences), len(got.Sections))
		}
		for _, st := range got.Sentences {
			if got.Text[st.CleanStart:st.CleanEnd] != st.Text || d.Raw[st.Start:st.End] != st.Text {
				t.Fatalf("sentence %d offsets do not cut its text", st.Index)
			}
		}
		back, err := s.LoadDocument(ctx, "test")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back.Timexes, d.Timexes) || !reflect.DeepEqual(back.Mentions, d.Mentions) || len(back.Events) != len(d.Events) {
			t.Fatalf("LoadDocument does not give back the layers")
		}
		list, err := s.Documents(ctx, store.Page{})
		if err != nil || list.Total != 1 || list.Documents[0].Events != 6 {
			t.Fatalf("documents: %+v %v", list, err)
		}
		if _, err := s.Document(ctx, "nope", false); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("missing document: %v", err)
		}
	})
}

// TestStatsFollowChanges checks that the cached overview is renewed by
// every ingest, replacement and deletion, also made through another
// connection to the same store.
func TestStatsFollowChanges(t *testing.T) {
	eachBackend(t, func(t *testing.T, s store.Store, dsn string) {
		ctx := context.Background()
		events := func() int {
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return st.Counts.Events
		}
		mustIngest(t, s, article("test.txt", 1))
		if n := events(); n != 6 {
			t.Fatalf("%d events, want 6", n)
		}
		other, err := store.Open(ctx, dsn, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		mustIngest(t, other, article("test.txt", 2)) // replaced elsewhere
		if n := events(); n != 5 {
			t.Fatalf("after a replacement by another connection: %d events, want 5", n)
		}
		if err := other.DeleteDocument(ctx, "test"); err != nil {
			t.Fatal(err)
		}
		if n := events(); n != 0 {
			t.Fatalf("after deletion: %d events, want 0", n)
		}
	})
}

// TestIngestByAnotherReader checks that the same bytes ingested by another
// build of chronicle replace the older reading, that the same build leaves
// them alone, and that a store naming no reader keeps any reading.
func TestIngestByAnotherReader(t *testing.T) {
	eachBackend(t, func(t *testing.T, _ store.Store, dsn string) {
		ctx := context.Background()
		open := func(reader string) store.Store {
			s, err := store.Open(ctx, dsn, store.Options{Reader: reader})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}
		old, cur, none := open("v1"), open("v2"), open("")
		v1 := article("articles/test.txt", 1)
		if r := mustIngest(t, old, v1); r.Outcome != store.OutcomeAdded {
			t.Fatalf("first ingest: %+v", r)
		}
		if id, err := cur.StoredHash(ctx, v1.SHA256); err != nil || id != "" {
			t.Fatalf("StoredHash by another reader = %q, %v; want \"\" (read again)", id, err)
		}
		if id, err := none.StoredHash(ctx, v1.SHA256); err != nil || id != "test" {
			t.Fatalf("StoredHash naming no reader = %q, %v; want test", id, err)
		}
		r := mustIngest(t, cur, article("articles/test.txt", 1))
		if r.Outcome != store.OutcomeReplaced || r.Replaced != "test" || r.Document != "test" || r.Events != 6 {
			t.Fatalf("same bytes, another reader: %+v, want replaced as test with 6 events", r)
		}
		if r := mustIngest(t, cur, article("articles/test.txt", 1)); r.Outcome != store.OutcomeUnchanged {
			t.Fatalf("same bytes, same reader: %+v, want unchanged", r)
		}
		if r := mustIngest(t, none, article("articles/test.txt", 1)); r.Outcome != store.OutcomeUnchanged {
			t.Fatalf("same bytes, no reader named: %+v, want unchanged", r)
		}
		st, err := cur.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Counts.Documents != 1 || st.Counts.Events != 6 {
			t.Fatalf("after reading again: %+v, want 1 document and 6 events (the old reading gone)", st.Counts)
		}
	})
}
