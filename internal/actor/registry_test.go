package actor

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestRegistryValid loads the shipped registry: Load validates unique ids,
// codes, regimes that do not overlap, and that every state, organisation
// and office class referred to exists.
func TestRegistryValid(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.States) < 200 {
		t.Errorf("only %d states; every sovereign state since 1900 should be listed", len(r.States))
	}
	for _, code := range []string{"DEU", "SUN", "RUS", "POL", "FRA", "GBR", "ITA", "JPN", "USA", "CSK", "YUG", "DDR", "AUT", "TUR"} {
		if _, ok := r.State(code); !ok {
			t.Errorf("state %s missing", code)
		}
	}
}

func TestRegistryValidationCatchesMistakes(t *testing.T) {
	base := map[string]string{
		"data/offices.txt":     "class: foreign-minister\ntitles: Foreign Minister\n",
		"data/nouns.txt":       "refers: state\nnouns: government\n",
		"data/given-names.txt": "Karl\n",
		"data/persons.txt":     "",
		"data/orgs.txt":        "",
		"data/states.txt":      "code: DEU\nname: Germany\nfrom: 1871\n",
	}
	tests := []struct {
		name, file, text, want string
	}{
		{"bad code", "data/states.txt", "code: Deu\nname: Germany\n", "not a three-letter"},
		{"duplicate code", "data/states.txt", "code: DEU\nname: Germany\n\ncode: DEU\nname: Germany again\n", "appears twice"},
		{"overlapping regimes", "data/states.txt", "code: DEU\nname: Germany\nregime: A | 1900 | 1920 |\nregime: B | 1919 | 1930 |\n", "overlap"},
		{"dissolved without ISO 3166-3 code", "data/states.txt", "code: DEU\nname: Germany\n\ncode: PRU\nname: Prussia\nto: 1947\n", "ISO 3166-3"},
		{"org of unknown state", "data/orgs.txt", "name: Cheka\nstate: SUN\n", "unknown state SUN"},
		{"duplicate org", "data/orgs.txt", "name: Cheka\n\nname: Cheka\n", "appears twice"},
		{"unknown office class", "data/persons.txt", "name: A B\nstate: DEU\noffice: pope | DEU | | 1900 | 1901 | Pope\n", "unknown office class"},
		{"unknown tenure org", "data/persons.txt", "name: A B\noffice: foreign-minister | DEU | Foo | 1900 | 1901 | x\n", "unknown organisation"},
		{"bad date", "data/states.txt", "code: DEU\nname: Germany\nfrom: 1918-13\n", "bad month"},
		{"period backwards", "data/orgs.txt", "name: X\nfrom: 1930\nto: 1920\n", "ends before it starts"},
		{"not key value", "data/orgs.txt", "just words\n", "key: value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = &fstest.MapFile{Data: []byte(v)}
			}
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.text)}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load: got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
