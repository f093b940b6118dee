package cli

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestActorsCommand(t *testing.T) {
	text := "In 1922 German Foreign Minister Walther Rathenau met Georgy Chicherin. Rathenau signed for Germany.\n"
	tests := []struct {
		name   string
		args   []string
		check  func(t *testing.T, out string)
		stdin  string
		wantRC int
	}{
		{"table of the built-in corpus", []string{"actors"}, func(t *testing.T, out string) {
			lines := strings.Split(out, "\n")
			if !strings.HasPrefix(lines[0], "ID") || !strings.HasPrefix(lines[1], "SUN ") {
				t.Errorf("table starts %q / %q; want a header and the Soviet Union first", lines[0], lines[1])
			}
		}, "", 0},
		{"json from stdin", []string{"actors", "--format", "json", "-"}, func(t *testing.T, out string) {
			var v struct {
				Actors []struct {
					ID, Kind, Code, State string
					Mentions              int
					Aliases               []string
				}
			}
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, a := range v.Actors {
				got[a.ID] = a.Mentions
			}
			want := map[string]int{"DEU": 2, "person:walther-rathenau": 2, "person:georgy-chicherin": 1}
			for id, n := range want {
				if got[id] != n {
					t.Errorf("%s: %d mentions, want %d (all: %v)", id, got[id], n, got)
				}
			}
		}, text, 0},
		{"csv", []string{"actors", "--format", "csv", "-"}, func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(rows[0], ",") != "id,name,kind,code,state,mentions,aliases" || len(rows) != 4 {
				t.Errorf("csv rows = %q", rows)
			}
		}, text, 0},
		{"bad format", []string{"actors", "--format", "xml"}, nil, "", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, tc.stdin, tc.args...)
			if code != tc.wantRC {
				t.Fatalf("exit %d, want %d: %s", code, tc.wantRC, errs)
			}
			if tc.check != nil {
				tc.check(t, out)
			}
		})
	}
}

func TestEvalActorsCommand(t *testing.T) {
	code, out, errs := run(t, "", "eval", "actors", "--gold", "../../testdata/gold", "--errors")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"state ", "person ", "organization ", "overall ", "miss "} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	code, _, errs = run(t, "", "eval", "actors", "--gold", "/nonexistent")
	if code != 1 || !strings.Contains(errs, "events.jsonl") {
		t.Errorf("missing gold: exit %d, stderr %q", code, errs)
	}
}
