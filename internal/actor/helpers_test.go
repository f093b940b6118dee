package actor

import (
	"context"
	"fmt"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

// annotate reads text as a plain document and runs the actor stage.
func annotate(t testing.TB, name, text string) *doc.Document {
	t.Helper()
	d, err := read.Bytes(name, []byte(text), read.Options{Format: doc.FormatPlain})
	if err != nil {
		t.Fatal(err)
	}
	segment.Annotate(d)
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// brief writes a mention as "text|actor|state|regime|via|role|org|members".
func brief(m doc.Mention) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%v", m.Text, m.Actor, m.State, m.Regime, m.Via, m.Role, m.Org, m.Members)
}

// short writes a mention as "text|actor|state".
func short(m doc.Mention) string { return m.Text + "|" + m.Actor + "|" + m.State }
