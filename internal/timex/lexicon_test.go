package timex

import (
	"testing"
	"testing/fstest"
)

// TestWordLists checks that words land in the lists their files put them
// in (a stray "#" once cut a list short).
func TestWordLists(t *testing.T) {
	tg := newTagger(t, "")
	tests := []struct {
		class string
		words []string
	}{
		{"not-year-before", []string{"article", "page", "resolution", "hill", "route", "division"}},
		{"not-year-after", []string{"men", "troops", "tons", "km", "hundred"}},
		{"month", []string{"january", "september", "may"}},
		{"season", []string{"summer", "fall"}},
		{"unit", []string{"day", "year", "decade", "fortnight", "hour"}},
		{"ref", []string{"now", "recently", "today"}},
		{"ordinal", []string{"first", "17th", "nineteenth"}},
		{"holiday", []string{"christmas", "easter"}},
		{"month-signal", []string{"in", "by", "until", "late"}},
	}
	for _, tc := range tests {
		for _, w := range tc.words {
			t.Run(tc.class+"/"+w, func(t *testing.T) {
				id, ok := tg.lex.words[w]
				if !ok {
					t.Fatalf("%q is no word of the lexicon", w)
				}
				if !tg.inClass(&token{id: id}, tc.class) {
					t.Errorf("%q is not in [%s]", w, tc.class)
				}
			})
		}
	}
}

// TestDataErrors checks that mistakes in the data files are reported with
// the file and line, not silently ignored.
func TestDataErrors(t *testing.T) {
	base := map[string]string{}
	for _, name := range []string{"calendar.txt", "numbers.txt", "units.txt", "dayparts.txt", "holidays.txt", "signals.txt", "refs.txt", "nonyears.txt", "rules.txt"} {
		b, err := dataFS.ReadFile("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		base[name] = string(b)
	}
	tests := []struct {
		name, file, add, want string
	}{
		{"entry before a class", "units.txt", "", ""},
		{"unknown list in a rule", "rules.txt", "\nbad.rule: @nolist => date\n", "unknown word list"},
		{"unknown action", "rules.txt", "\nbad.rule: year => fly\n", "unknown action"},
		{"capital literal", "rules.txt", "\nbad.rule: DATE => date\n", "capitals"},
		{"rule matching nothing", "rules.txt", "\nbad.rule: year? => date\n", "can match nothing"},
		{"unknown guard", "rules.txt", "\nbad.rule: year => date guard=maybe\n", "unknown guard"},
		{"missing bar", "refs.txt", "\n[ref]\nPAST_REF yesteryear\n", "want"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for n, s := range base {
				fsys["data/"+n] = &fstest.MapFile{Data: []byte(s)}
			}
			if tc.add != "" {
				fsys["data/"+tc.file] = &fstest.MapFile{Data: []byte(base[tc.file] + tc.add)}
			}
			_, err := NewFromFS(fsys, Options{})
			if tc.want == "" {
				if err != nil {
					t.Fatalf("the shipped data fails: %v", err)
				}
				return
			}
			if err == nil || !contains(err.Error(), tc.want) || !contains(err.Error(), tc.file) {
				t.Errorf("error %v, want one naming %s and saying %q", err, tc.file, tc.want)
			}
		})
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
