package store

import (
	"database/sql"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want DateRange
		ok   bool
	}{
		{"1939", DateRange{19390101, 19391231, "year"}, true},
		{"1939-08", DateRange{19390801, 19390831, "month"}, true},
		{"1940-02", DateRange{19400201, 19400229, "month"}, true},
		{"1939-08-23", DateRange{19390823, 19390823, "day"}, true},
		{"1939-08-23TNI", DateRange{19390823, 19390823, "day"}, true},
		{"193X", DateRange{19300101, 19391231, "decade"}, true},
		{"19XX", DateRange{19000101, 19991231, "century"}, true},
		{"1940-SU", DateRange{19400601, 19400831, "season"}, true},
		{"1940-WI", DateRange{19391201, 19400229, "season"}, true}, // a winter is named by the year it ends in
		{"1939-Q3", DateRange{19390701, 19390930, "quarter"}, true},
		{"1939-H1", DateRange{19390101, 19390630, "half"}, true},
		{"1939-W01", DateRange{19390102, 19390108, "week"}, true},
		{"1939-13", DateRange{}, false},
		{"1939-02-30", DateRange{}, false},
		{"P5Y", DateRange{}, false},
		{"PRESENT_REF", DateRange{}, false},
		{"", DateRange{}, false},
		{"spring", DateRange{}, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, ok := ParseDate(c.in)
			if ok != c.ok || got != c.want {
				t.Fatalf("ParseDate(%q) = %+v, %v; want %+v, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1939", "1939-08-23", "193X", "1939-W53", "1939-SU", "0000-01-01", "9999-12-31T10:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, ok := ParseDate(s)
		if !ok {
			return
		}
		if r.Lo > r.Hi || r.Lo <= 0 && s[0] != '0' || r.Precision == "" {
			t.Fatalf("ParseDate(%q) = %+v", s, r)
		}
		for _, d := range []Day{r.Lo, r.Hi} {
			if _, ok := ParseDate(d.ISO()); !ok && d > 10000 {
				t.Fatalf("ParseDate(%q) bound %d is no valid day", s, d)
			}
		}
	})
}

func TestFTSQuery(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Rapallo", `"Rapallo"`},
		{"treaty Rapallo", `"treaty" AND "Rapallo"`},
		{`"secret protocol" pact`, `"secret protocol" AND "pact"`},
		{"Rapallo OR Berlin", `("Rapallo" OR "Berlin")`},
		{"invaded -Sweden", `("invaded") NOT "Sweden"`},
		{`Molotov–Ribbentrop`, `"Molotov Ribbentrop"`},
		{`NEAR(a b) ^c*`, `"NEAR a" AND "b" AND "c"`},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ftsQuery(c.in)
			if err != nil || got != c.want {
				t.Fatalf("ftsQuery(%q) = %q, %v; want %q", c.in, got, err, c.want)
			}
		})
	}
	for _, bad := range []string{"", "  ", `""`, "-x", "OR", "!!!"} {
		if _, err := ftsQuery(bad); err == nil {
			t.Errorf("ftsQuery(%q): no error", bad)
		}
	}
}

// FuzzFTSQuery checks that whatever a user types, the FTS5 query made of
// it is valid FTS5 syntax (or refused before reaching SQLite).
func FuzzFTSQuery(f *testing.F) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');
		INSERT INTO t(text) VALUES ('The Treaty of Rapallo was signed'), ('a secret protocol')`); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Rapallo", `"secret protocol" -pact`, "a OR b", `"unclosed`, "NEAR(a b)", "x* ^y", "-", `"" OR ""`, "é ü ñ", "AND AND"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		q, err := ftsQuery(s)
		if err != nil {
			if !strings.Contains(err.Error(), "no word") {
				t.Fatalf("ftsQuery(%q): unexpected error %v", s, err)
			}
			return
		}
		rows, err := db.Query(`SELECT rowid FROM t WHERE t MATCH ?`, q)
		if err != nil {
			t.Fatalf("ftsQuery(%q) = %q: FTS5 rejects it: %v", s, q, err)
		}
		rows.Close()
	})
}
