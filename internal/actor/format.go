package actor

import (
	"bufio"
	"fmt"
	"strings"
)

// field is one "key: value" line of a registry record.
type field struct {
	key, value string
	line       int
}

// record is a group of fields separated from the next by a blank line.
type record struct {
	fields []field
	line   int
}

func (r record) get(key string) string {
	for _, f := range r.fields {
		if f.key == key {
			return f.value
		}
	}
	return ""
}

func (r record) all(key string) []field {
	var out []field
	for _, f := range r.fields {
		if f.key == key {
			out = append(out, f)
		}
	}
	return out
}

// parseRecords reads the registry's record format: "key: value" lines,
// records separated by blank lines, "#" comments.
func parseRecords(name, text string) ([]record, error) {
	var out []record
	var cur record
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	flush := func() {
		if len(cur.fields) > 0 {
			out = append(out, cur)
		}
		cur = record{}
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "#") {
			continue
		}
		if trimmed == "" {
			flush()
			continue
		}
		k, v, ok := strings.Cut(trimmed, ":")
		if !ok || strings.ContainsAny(k, " \t") {
			return nil, fmt.Errorf("%s:%d: want \"key: value\", got %q", name, n, trimmed)
		}
		if len(cur.fields) == 0 {
			cur.line = n
		}
		cur.fields = append(cur.fields, field{key: k, value: strings.TrimSpace(v), line: n})
	}
	flush()
	return out, sc.Err()
}

// splitList splits a ";" list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Named is a name with the period in which it denotes its actor.
type Named struct {
	Text   string
	Period Period
}

// parseNamed reads "Name" or "Name@FROM..TO"; a leading "the " is dropped.
func parseNamed(s string) (Named, error) {
	name, per, has := strings.Cut(s, "@")
	name = strings.TrimSpace(name)
	if strings.HasPrefix(name, "the ") {
		name = strings.TrimSpace(name[4:])
	}
	n := Named{Text: name, Period: always}
	if name == "" {
		return n, fmt.Errorf("empty name in %q", s)
	}
	if has {
		from, to, ok := strings.Cut(per, "..")
		if !ok {
			return n, fmt.Errorf("bad period in %q: want @FROM..TO", s)
		}
		p, err := parsePeriod(from, to)
		if err != nil {
			return n, fmt.Errorf("%q: %v", s, err)
		}
		n.Period = p
	}
	return n, nil
}

func parseNamedList(s string) ([]Named, error) {
	var out []Named
	for _, item := range splitList(s) {
		n, err := parseNamed(item)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
