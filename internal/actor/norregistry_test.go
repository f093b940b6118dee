package actor

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

// TestPeopleWithoutRegistry runs the brief's examples with a registry that
// knows no people at all: names, states and roles must come from the
// text's titles, appositions and particles alone.
func TestPeopleWithoutRegistry(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"states.txt", "orgs.txt", "offices.txt", "nouns.txt", "given-names.txt"} {
		b, err := fs.ReadFile(dataFS, "data/"+name)
		if err != nil {
			t.Fatal(err)
		}
		fsys["data/"+name] = &fstest.MapFile{Data: b}
	}
	fsys["data/persons.txt"] = &fstest.MapFile{Data: []byte("# nobody\n")}
	reg, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	a := NewWith(reg)
	text := "In 1920 Victor Kopp, the RSFSR's special representative to Berlin, asked for talks. " +
		"In 1922 German Foreign Minister Walther Rathenau signed the treaty. " +
		"In 1926 Soviet ambassador Nikolay Krestinsky signed another. " +
		"General Hans von Seeckt, chief of the Reichswehr, agreed. Later von Seeckt and Kopp met again."
	d, err := read.Bytes("x.txt", []byte(text), read.Options{Format: doc.FormatPlain})
	if err != nil {
		t.Fatal(err)
	}
	segment.Annotate(d)
	if err := a.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		if m.Kind == doc.KindPerson {
			got = append(got, m.Text+"|"+m.Actor+"|"+m.State+"|"+m.Role+"|"+m.Org)
		}
	}
	want := []string{
		"Victor Kopp|person:victor-kopp|SUN|RSFSR's special representative to Berlin|",
		"Walther Rathenau|person:walther-rathenau|DEU|German Foreign Minister|",
		"Nikolay Krestinsky|person:nikolay-krestinsky|SUN|Soviet ambassador|",
		"Hans von Seeckt|person:hans-von-seeckt|DEU|chief of the Reichswehr|org:reichswehr",
		"von Seeckt|person:hans-von-seeckt|DEU||org:reichswehr",
		"Kopp|person:victor-kopp|SUN||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("people:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
