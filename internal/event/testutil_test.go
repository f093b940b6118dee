package event

import (
	"context"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/doctest"
)

func annotated(t testing.TB, src string) *doc.Document { return doctest.Annotated(t, src) }

// coded runs the coder over an annotated passage.
func coded(t testing.TB, src string) []doc.Event {
	t.Helper()
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := annotated(t, src)
	if err := c.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Events
}
