package event

import (
	"fmt"
	"strconv"
	"strings"
)

// TypeInfo is one PLOVER event type: its base score, its quad and the
// scores of its modes.
type TypeInfo struct {
	Name  string
	Base  float64
	Quad  string
	Modes map[string]float64
}

// Ontology is the table of PLOVER types chronicle codes with, read from
// data/ontology.tsv so that a historian can see and change the scores
// without reading Go.
type Ontology struct {
	types map[string]TypeInfo
	order []string
}

// ParseOntology reads the ontology table format documented at the top of
// data/ontology.tsv.
func ParseOntology(src string) (*Ontology, error) {
	o := &Ontology{types: map[string]TypeInfo{}}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			return nil, fmt.Errorf("ontology line %d: want TYPE base quad modes…", n+1)
		}
		base, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("ontology line %d: base score %q: %v", n+1, f[1], err)
		}
		t := TypeInfo{Name: f[0], Base: base, Quad: f[2], Modes: map[string]float64{}}
		for _, m := range f[3:] {
			name, score, ok := strings.Cut(m, "=")
			s := base
			if ok {
				if s, err = strconv.ParseFloat(score, 64); err != nil {
					return nil, fmt.Errorf("ontology line %d: mode score %q: %v", n+1, m, err)
				}
			}
			t.Modes[name] = s
		}
		if _, dup := o.types[t.Name]; dup {
			return nil, fmt.Errorf("ontology line %d: type %s given twice", n+1, t.Name)
		}
		o.types[t.Name] = t
		o.order = append(o.order, t.Name)
	}
	return o, nil
}

// Types lists the type names in the table's order.
func (o *Ontology) Types() []string { return append([]string(nil), o.order...) }

// Type returns the type named name.
func (o *Ontology) Type(name string) (TypeInfo, bool) {
	t, ok := o.types[name]
	return t, ok
}

// Score is the cooperation–conflict weight of a type and mode: the mode's
// score when the mode has one, else the type's base score.
func (o *Ontology) Score(typ, mode string) float64 {
	t, ok := o.types[typ]
	if !ok {
		return 0
	}
	if s, ok := t.Modes[mode]; ok {
		return s
	}
	return t.Base
}

// Quad is the quad class of a type (VC, MC, VK, MK).
func (o *Ontology) Quad(typ string) string { return o.types[typ].Quad }

// scoreQuad is Score and Quad of a type, looked up once.
func (o *Ontology) scoreQuad(typ, mode string) (float64, string) {
	t, ok := o.types[typ]
	if !ok {
		return 0, ""
	}
	if s, ok := t.Modes[mode]; ok {
		return s, t.Quad
	}
	return t.Base, t.Quad
}
