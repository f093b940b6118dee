package doc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// WriteJSON writes the collection of docs, Collect(docs), to w as JSON:
// the same bytes as encoding/json makes of it (without HTML escaping,
// indented by two spaces when pretty, with a trailing newline), but
// without building the collection or its encoding in memory. Each
// document field, list element and annotation is encoded on its own and
// written through, so the memory it needs is that of the largest single
// element, not of the whole output (several times the input on a long
// text). w should be buffered.
func WriteJSON(w io.Writer, docs []*Document, pretty bool) error {
	s := &jsonStream{w: w, pretty: pretty}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	s.writeCollection(docs)
	if s.err == nil {
		_, s.err = io.WriteString(w, "\n")
	}
	return s.err
}

// jsonStream writes JSON piece by piece; the first error sticks.
type jsonStream struct {
	w      io.Writer
	pretty bool
	enc    *json.Encoder
	buf    bytes.Buffer
	indent string // the indentation prefix the encoder was last set to
	err    error
}

func (s *jsonStream) raw(text string) {
	if s.err == nil {
		_, s.err = io.WriteString(s.w, text)
	}
}

// newline starts a line at the given depth (pretty output only).
func (s *jsonStream) newline(depth int) {
	if s.pretty {
		s.raw("\n")
		s.raw(strings.Repeat("  ", depth))
	}
}

// value writes v, standing at the given depth, as encoding/json would
// write it there.
func (s *jsonStream) value(v any, depth int) {
	if s.err != nil {
		return
	}
	if s.pretty {
		if p := strings.Repeat("  ", depth); p != s.indent {
			s.enc.SetIndent(p, "  ")
			s.indent = p
		}
	}
	s.buf.Reset()
	if err := s.enc.Encode(v); err != nil {
		s.err = err
		return
	}
	b := bytes.TrimSuffix(s.buf.Bytes(), []byte("\n"))
	_, s.err = s.w.Write(b)
}

// key writes an object's member name (after a comma unless first).
func (s *jsonStream) key(name string, first bool, depth int) {
	if !first {
		s.raw(",")
	}
	s.newline(depth)
	s.raw(`"` + name + `"`)
	if s.pretty {
		s.raw(": ")
	} else {
		s.raw(":")
	}
}

// array writes a list of n elements at the given depth, each written by
// elem at depth+1; a nil list is null, as encoding/json writes it.
func (s *jsonStream) array(isNil bool, n, depth int, elem func(i int)) {
	switch {
	case isNil:
		s.raw("null")
		return
	case n == 0:
		s.raw("[]")
		return
	}
	s.raw("[")
	for i := 0; i < n && s.err == nil; i++ {
		if i > 0 {
			s.raw(",")
		}
		s.newline(depth + 1)
		elem(i)
	}
	s.newline(depth)
	s.raw("]")
}

// writeCollection writes Collect(docs), member by member in the order of
// Collection's fields.
func (s *jsonStream) writeCollection(docs []*Document) {
	actors := collectActors(docs)
	members := map[string]func(){
		"documents": func() {
			s.array(docs == nil, len(docs), 1, func(i int) { s.writeStruct(reflect.ValueOf(docs[i]).Elem(), 2) })
		},
		"actors": func() {
			s.array(false, len(actors), 1, func(i int) { s.value(&actors[i], 2) })
		},
		"mentions": func() {
			n := 0
			for _, d := range docs {
				n += len(d.Mentions)
			}
			s.array(false, n, 1, eachOf(docs, func(d *Document) int { return len(d.Mentions) }, func(d *Document, i int) any {
				m := d.Mentions[i]
				m.Document = d.ID
				return &m
			}, s))
		},
		"events": func() {
			n := 0
			for _, d := range docs {
				n += len(d.Events)
			}
			s.array(false, n, 1, eachOf(docs, func(d *Document) int { return len(d.Events) }, func(d *Document, i int) any {
				e := d.Events[i]
				e.Document = d.ID
				return &e
			}, s))
		},
		"treaties": func() {
			n := 0
			for _, d := range docs {
				n += len(d.Treaties)
			}
			s.array(false, n, 1, eachOf(docs, func(d *Document) int { return len(d.Treaties) }, func(d *Document, i int) any {
				t := d.Treaties[i]
				t.Document = d.ID
				return &t
			}, s))
		},
		"tenures": func() {
			n := 0
			for _, d := range docs {
				n += len(d.Tenures)
			}
			s.array(false, n, 1, eachOf(docs, func(d *Document) int { return len(d.Tenures) }, func(d *Document, i int) any {
				t := d.Tenures[i]
				t.Document = d.ID
				return &t
			}, s))
		},
		"timexes": func() {
			n := 0
			for _, d := range docs {
				n += len(d.Timexes)
			}
			s.array(false, n, 1, eachOf(docs, func(d *Document) int { return len(d.Timexes) }, func(d *Document, i int) any {
				t := d.Timexes[i]
				t.Document = d.ID
				return &t
			}, s))
		},
	}
	s.raw("{")
	fields := jsonFields(reflect.TypeFor[Collection]())
	for k, f := range fields {
		write, ok := members[f.name]
		if !ok {
			s.err = fmt.Errorf("doc: WriteJSON does not know the collection's member %q", f.name)
			return
		}
		s.key(f.name, k == 0, 1)
		write()
	}
	s.newline(0)
	s.raw("}")
}

// eachOf returns the element writer for the annotations of all docs in
// turn: count gives how many a document has, get the i-th, labelled.
func eachOf(docs []*Document, count func(*Document) int, get func(*Document, int) any, s *jsonStream) func(int) {
	di, base := 0, 0
	return func(i int) {
		for i-base >= count(docs[di]) {
			base += count(docs[di])
			di++
		}
		s.value(get(docs[di], i-base), 2)
	}
}

// writeStruct writes the struct v at the given depth field by field, and
// a field that is a list element by element, as encoding/json writes it.
func (s *jsonStream) writeStruct(v reflect.Value, depth int) {
	s.raw("{")
	first := true
	for _, f := range jsonFields(v.Type()) {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmptyValue(fv) {
			continue
		}
		s.key(f.name, first, depth+1)
		first = false
		if fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() != reflect.Uint8 {
			s.array(fv.IsNil(), fv.Len(), depth+1, func(i int) { s.value(fv.Index(i).Addr().Interface(), depth+2) })
			continue
		}
		s.value(fv.Interface(), depth+1)
	}
	if !first {
		s.newline(depth)
	}
	s.raw("}")
}

// isEmptyValue is encoding/json's test for omitempty: false, 0, a nil
// pointer or interface, an empty array, slice, map or string. A struct is
// never empty.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// jsonField is an exported struct field as encoding/json names it.
type jsonField struct {
	name      string
	index     int
	omitEmpty bool
}

// jsonFields lists the fields encoding/json writes for a struct type with
// no embedded fields (Document, Collection), in order.
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Anonymous {
			panic("doc: WriteJSON cannot stream a struct with embedded fields: " + t.String())
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		jf := jsonField{name: name, index: i}
		for _, o := range strings.Split(opts, ",") {
			switch o {
			case "":
			case "omitempty":
				jf.omitEmpty = true
			default:
				panic("doc: WriteJSON does not handle the json option " + o + " of " + t.String() + "." + f.Name)
			}
		}
		out = append(out, jf)
	}
	return out
}
