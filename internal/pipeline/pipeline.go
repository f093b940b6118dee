// Package pipeline runs chronicle's components over a document in their
// fixed order: read → segment → timex → actor → event → record. Each stage
// adds one layer of annotation and never changes the layers before it.
package pipeline

import (
	"context"
	"io"

	"github.com/chronicle-history/chronicle/internal/actor"
	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
	"github.com/chronicle-history/chronicle/internal/timex"
)

// Stage is one component of the pipeline.
type Stage interface {
	Name() string
	Annotate(ctx context.Context, d *doc.Document) error
}

// StageFunc adapts a function to a Stage.
type StageFunc struct {
	StageName string
	Fn        func(ctx context.Context, d *doc.Document) error
}

// Name implements Stage.
func (s StageFunc) Name() string { return s.StageName }

// Annotate implements Stage.
func (s StageFunc) Annotate(ctx context.Context, d *doc.Document) error { return s.Fn(ctx, d) }

// Pipeline is an ordered list of stages.
type Pipeline struct {
	Stages []Stage
	Read   read.Options
}

// Segment is the segmenting stage.
var segmentStage = StageFunc{StageName: "segment", Fn: func(_ context.Context, d *doc.Document) error {
	segment.Annotate(d)
	return nil
}}

// Default returns the full pipeline with its default resources.
func Default(o read.Options) (*Pipeline, error) {
	tagger, err := timex.New(timex.Options{})
	if err != nil {
		return nil, err
	}
	actors, err := actor.New()
	if err != nil {
		return nil, err
	}
	return &Pipeline{Read: o, Stages: []Stage{
		segmentStage,
		tagger,
		actors,
	}}, nil
}

// Tagging returns the pipeline up to the temporal tagger (read → segment
// → timex), with the tagger's options: what `chronicle tag` and the timex
// evaluation need, without the later stages.
func Tagging(o read.Options, to timex.Options) (*Pipeline, error) {
	tagger, err := timex.New(to)
	if err != nil {
		return nil, err
	}
	return &Pipeline{Read: o, Stages: []Stage{segmentStage, tagger}}, nil
}

// Run applies every stage to d in order.
func (p *Pipeline) Run(ctx context.Context, d *doc.Document) error {
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Annotate(ctx, d); err != nil {
			return &read.Error{Path: d.Path, Problem: s.Name() + ": " + err.Error(), Err: err}
		}
	}
	return nil
}

// File reads the file at path ("-" for stdin) and runs the pipeline on it.
func (p *Pipeline) File(ctx context.Context, path string, stdin io.Reader) (*doc.Document, error) {
	d, err := read.File(ctx, path, stdin, p.Read)
	if err != nil {
		return nil, err
	}
	return d, p.Run(ctx, d)
}

// Bytes reads data named path and runs the pipeline on it.
func (p *Pipeline) Bytes(ctx context.Context, path string, data []byte) (*doc.Document, error) {
	d, err := read.Bytes(path, data, p.Read)
	if err != nil {
		return nil, err
	}
	return d, p.Run(ctx, d)
}

// Founding reads the built-in founding article and runs the pipeline on it.
func (p *Pipeline) Founding(ctx context.Context) (*doc.Document, error) {
	o := p.Read
	o.Format = ""
	d, err := read.Bytes(corpus.Name, corpus.Founding(), o)
	if err != nil {
		return nil, err
	}
	return d, p.Run(ctx, d)
}
