// Package record builds chronicle's records from the coded events and the
// text: treaty records (name, aliases, signing date, parties, signatories,
// secret protocols) linked to their signing events; office tenures from
// lists and prose; and the relations index, the cooperation–conflict curve
// between two actors over time.
package record

import (
	"context"
	"fmt"
	"math"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Builder is the record stage of the pipeline. It holds no state.
type Builder struct{}

// New returns the record stage.
func New() *Builder { return &Builder{} }

// Name implements pipeline.Stage.
func (*Builder) Name() string { return "record" }

// Annotate fills d.Treaties and d.Tenures, and links each treaty's events
// to it (Event.Treaty).
func (*Builder) Annotate(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(d.Text) >= math.MaxInt32 {
		// Offsets are indexed as int32 (the tagger has the same limit).
		return fmt.Errorf("text of %d bytes is too long for records (the limit is 2 GiB)", len(d.Text))
	}
	d.Treaties = treaties(d)
	d.Tenures = tenures(d)
	return nil
}
