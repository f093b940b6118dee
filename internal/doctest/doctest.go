// Package doctest builds documents from passages written with inline
// annotations, standing in for the temporal tagger and the actor
// recogniser, so that the event coder's and the record builder's rules can
// be tested on their own with passages written for the test.
package doctest

import (
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/segment"
)

// Annotated builds a document from a passage written with inline
// annotations, standing in for the temporal tagger and the actor
// recogniser so that the coder's rules are tested on their own:
//
//	[Germany|DEU]                a state mention (id and state DEU)
//	[Ribbentrop|p:DEU]           a person acting for DEU ("person:ribbentrop")
//	[the Reichswehr|o:DEU]       an organisation of DEU
//	[the kulaks|g]               a group
//	{March 3, 1918|1918-03-03}   a DATE timex, anchor explicit
//	{the next day|1918-03-04|relative}
func Annotated(t testing.TB, src string) *doc.Document {
	t.Helper()
	var b strings.Builder
	var ms []doc.Mention
	var ts []doc.Timex
	for i := 0; i < len(src); {
		c := src[i]
		if c != '[' && c != '{' {
			b.WriteByte(c)
			i++
			continue
		}
		close := byte(']')
		if c == '{' {
			close = '}'
		}
		j := strings.IndexByte(src[i:], close)
		if j < 0 {
			t.Fatalf("unclosed %c at %d", c, i)
		}
		body := src[i+1 : i+j]
		parts := strings.Split(body, "|")
		if len(parts) < 2 {
			t.Fatalf("annotation %q needs text|value", body)
		}
		start := b.Len()
		b.WriteString(parts[0])
		sp := doc.Span{Start: start, End: b.Len()}
		if c == '[' {
			m := doc.Mention{Span: sp, Clean: sp, Text: parts[0]}
			code := parts[1]
			slug := strings.ToLower(strings.ReplaceAll(parts[0], " ", "-"))
			slug = strings.TrimPrefix(slug, "the-")
			switch {
			case strings.HasPrefix(code, "p:"):
				m.Actor, m.Kind, m.State = "person:"+slug, doc.KindPerson, code[2:]
			case strings.HasPrefix(code, "o:"):
				m.Actor, m.Kind, m.State = "org:"+slug, doc.KindOrganization, code[2:]
			case code == "g" || strings.HasPrefix(code, "g:"):
				m.Actor, m.Kind = "group:"+slug, doc.KindGroup
				if len(code) > 2 {
					m.State = code[2:]
				}
			default:
				m.Actor, m.Kind, m.State = code, doc.KindState, code
			}
			ms = append(ms, m)
		} else {
			tx := doc.Timex{Span: sp, Clean: sp, Text: parts[0], Type: "DATE", Value: parts[1], Anchor: doc.AnchorExplicit}
			if len(parts) > 2 {
				tx.Anchor = parts[2]
			}
			ts = append(ts, tx)
		}
		i += j + 1
	}
	d, err := read.Bytes("passage.txt", []byte(b.String()), read.Options{})
	if err != nil {
		t.Fatal(err)
	}
	segment.Annotate(d)
	for i := range ms {
		ms[i].Sentence = sentenceOf(d, ms[i].Clean.Start)
	}
	for i := range ts {
		ts[i].Sentence = sentenceOf(d, ts[i].Clean.Start)
	}
	d.Mentions, d.Timexes = ms, ts
	seen := map[string]bool{}
	for _, m := range ms {
		if !seen[m.Actor] {
			seen[m.Actor] = true
			d.Actors = append(d.Actors, doc.Actor{ID: m.Actor, Name: m.Text, Kind: m.Kind, Code: code(m), State: m.State})
		}
	}
	return d
}

func code(m doc.Mention) string {
	if m.Kind == doc.KindState {
		return m.Actor
	}
	return ""
}

func sentenceOf(d *doc.Document, c int) int {
	for i, s := range d.Sentences {
		if s.Clean.Start <= c && c < s.Clean.End {
			return i
		}
	}
	return -1
}

// FuzzTB is a testing.TB whose Fatal stops the builder without failing,
// for fuzz tests that feed the builder malformed passages.
type FuzzTB struct {
	testing.TB
	Stopped bool
}

func (f *FuzzTB) Helper()               {}
func (f *FuzzTB) Fatal(args ...any)     { f.Stopped = true; panic("stop") }
func (f *FuzzTB) Fatalf(string, ...any) { f.Stopped = true; panic("stop") }
