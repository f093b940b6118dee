package doc

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"testing"
)

// encodeWhole is what WriteJSON must match: encoding/json on the whole
// collection, without HTML escaping.
func encodeWhole(t *testing.T, docs []*Document, pretty bool) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(Collect(docs)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestWriteJSONMatchesEncodingJSON(t *testing.T) {
	full := &Document{
		ID: "a", Title: "A <&> title", Path: "a.txt", SHA256: "00", Format: FormatPlain, Size: 12,
		Sections:  []Section{{Level: 1, Title: "A", Path: []string{"A"}, Span: Span{0, 12}, Parent: -1, Period: "1939"}},
		Blocks:    []Block{{Kind: BlockParagraph, Span: Span{0, 12}, Text: "Stalin & co."}, {Kind: BlockListItem, Ordinal: "1"}},
		Infobox:   []InfoboxField{},
		Sentences: []Sentence{{Span: Span{0, 12}, Text: "Stalin & co.", RefTime: "1939-08"}},
		Timexes:   []Timex{{Span: Span{1, 2}, Text: "1939", Type: "DATE", Value: "1939"}},
		Mentions:  []Mention{{Span: Span{0, 6}, Text: "Stalin", Actor: "stalin", Kind: KindPerson, Members: []string{"SUN"}}},
		Actors:    []Actor{{ID: "stalin", Name: "Joseph Stalin", Kind: KindPerson, Aliases: []string{"Stalin"}, Roles: []string{"leader"}}, {ID: "SUN", Kind: KindState}},
		Events:    []Event{{ID: "e1", Type: "AGREE", Actor: []string{"SUN"}, Quantities: []Quantity{{Amount: 1.5, Span: &Span{1, 2}}}, Score: 3.5}},
		Treaties:  []Treaty{{ID: "t1", Name: "Pact", Aliases: []string{}}},
		Tenures:   []Tenure{{Person: "Stalin", Office: "leader"}},
	}
	second := &Document{ID: "b", Actors: []Actor{{ID: "stalin", Aliases: []string{"Koba"}, Roles: []string{"general secretary"}}},
		Mentions: []Mention{{Text: "Koba", Actor: "stalin"}}}
	tests := []struct {
		name string
		docs []*Document
	}{
		{"none", nil},
		{"no documents", []*Document{}},
		{"empty document", []*Document{{ID: "e"}}},
		{"full", []*Document{full}},
		{"actors merged across documents", []*Document{full, {ID: "empty"}, second}},
	}
	for _, tc := range tests {
		for _, pretty := range []bool{false, true} {
			name := tc.name
			if pretty {
				name += " pretty"
			}
			t.Run(name, func(t *testing.T) {
				var got bytes.Buffer
				if err := WriteJSON(&got, tc.docs, pretty); err != nil {
					t.Fatal(err)
				}
				if want := encodeWhole(t, tc.docs, pretty); got.String() != want {
					t.Errorf("WriteJSON wrote\n%s\nencoding/json writes\n%s", got.String(), want)
				}
			})
		}
	}
}

func TestWriteJSONErrors(t *testing.T) {
	bad := &Document{ID: "x", Events: []Event{{Score: math.NaN()}}}
	if err := WriteJSON(&bytes.Buffer{}, []*Document{bad}, false); err == nil {
		t.Error("a NaN score: no error")
	}
	if err := WriteJSON(failWriter{}, []*Document{{ID: "x"}}, true); err == nil {
		t.Error("a failing writer: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
