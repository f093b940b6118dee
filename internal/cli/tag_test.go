package cli

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTagJSON(t *testing.T) {
	text := "The pact was signed on August 23, 1939. The following night the ministers celebrated.\n"
	code, out, errs := run(t, text, "tag", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Document string `json:"document"`
		Timexes  []struct {
			Start, End                     int
			Text, Type, Value, Mod, Anchor string
		} `json:"timexes"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	type row struct{ text, typ, value, anchor string }
	var got []row
	for _, x := range res.Timexes {
		if text[x.Start:x.End] != x.Text {
			t.Errorf("offsets %d–%d cut %q, text says %q", x.Start, x.End, text[x.Start:x.End], x.Text)
		}
		got = append(got, row{x.Text, x.Type, x.Value, x.Anchor})
	}
	want := []row{{"August 23, 1939", "DATE", "1939-08-23", "explicit"}, {"The following night", "TIME", "1939-08-23TNI", "relative"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %v, want %v", got, want)
	}
	if res.Document != "-" {
		t.Errorf("document %q", res.Document)
	}
}

func TestTagBuiltInCorpus(t *testing.T) {
	code, out, errs := run(t, "", "tag")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"value":"1939-08-23"`) || !strings.Contains(out, `"document":"germany-soviet-union-relations-1918-1941.txt"`) {
		t.Errorf("the built-in corpus output lacks the pact's date or its name: %.300s", out)
	}
}

// TestTagTimeML checks that the TimeML output is well-formed XML whose
// text, tags removed, is the document's text.
func TestTagTimeML(t *testing.T) {
	text := "Trade <fell> & rose in 1933–34; on March 3, 1918 \"peace\" came.\n"
	code, out, errs := run(t, text, "tag", "--format", "timeml", "--input-format", "plain", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	var plain strings.Builder
	var values []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local == "TEXT" {
				inText = true
			}
			if el.Name.Local == "TIMEX3" {
				for _, a := range el.Attr {
					if a.Name.Local == "value" {
						values = append(values, a.Value)
					}
				}
			}
		case xml.EndElement:
			if el.Name.Local == "TEXT" {
				inText = false
			}
		case xml.CharData:
			if inText {
				plain.Write(el)
			}
		}
	}
	if plain.String() != text {
		t.Errorf("text inside <TEXT> is %q, want %q", plain.String(), text)
	}
	want := []string{"1933", "1934", "1918-03-03"}
	if strings.Join(values, " ") != strings.Join(want, " ") {
		t.Errorf("values %v, want %v", values, want)
	}
}

func TestTagErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown format", []string{"tag", "--format", "xml", "-"}, 2, "--format"},
		{"unknown convention", []string{"tag", "--convention", "timex4", "-"}, 2, "--convention"},
		{"missing file", []string{"tag", filepath.Join(dir, "nope.txt")}, 1, "nope.txt"},
		{"empty file", []string{"tag", empty}, 1, "empty.txt"},
		{"two files", []string{"tag", "a", "b"}, 2, "at most 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (%s)", code, tc.code, errs)
			}
			if out != "" {
				t.Errorf("wrote to stdout on error: %q", out)
			}
			first := strings.SplitN(errs, "\n", 2)[0]
			if !strings.Contains(first, tc.msg) || strings.Contains(errs, "goroutine") {
				t.Errorf("stderr %q does not name %q", errs, tc.msg)
			}
		})
	}
}
