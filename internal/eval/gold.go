// Package eval scores chronicle against gold annotations: temporal
// expressions (our JSONL, inline TIMEX2 and inline TIMEX3), actors, events,
// treaties and tenures, in the manner of the usual shared-task scorers.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// SeedTimex is a line of seed-dev/timex.jsonl.
type SeedTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod"`
}

// SeedEvent is a line of seed-dev/events.jsonl.
type SeedEvent struct {
	ID        string   `json:"id"`
	Quote     string   `json:"quote"`
	Date      string   `json:"date"`
	End       *string  `json:"end"`
	DateBasis string   `json:"date_basis"`
	Type      string   `json:"type"`
	Subtype   string   `json:"subtype"`
	Actor     []string `json:"actor"`
	Recipient []string `json:"recipient"`
	Modality  string   `json:"modality"`
	Name      *string  `json:"name"`
	Section   string   `json:"section"`
	SameAs    *string  `json:"same_as"`
	Note      *string  `json:"note"`
}

// SeedTreaty is a line of seed-dev/treaties.jsonl.
type SeedTreaty struct {
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Signed      string   `json:"signed"`
	Parties     []string `json:"parties"`
	Signatories []string `json:"signatories"`
	Quote       string   `json:"quote"`
	EventID     string   `json:"event_id"`
	Note        string   `json:"note"`
}

// SeedTenure is a line of seed-dev/tenures.jsonl.
type SeedTenure struct {
	Person      string   `json:"person"`
	Office      string   `json:"office"`
	State       string   `json:"state"`
	Start       *string  `json:"start"`
	End         *string  `json:"end"`
	Quote       string   `json:"quote"`
	Source      string   `json:"source"`
	OtherQuotes []string `json:"other_quotes"`
	Note        string   `json:"note"`
}

// SeedActor is a line of seed-dev/actors.jsonl.
type SeedActor struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Note    string   `json:"note"`
}

// SeedQA is a line of seed-dev/qa.jsonl.
type SeedQA struct {
	ID      string   `json:"id"`
	Q       string   `json:"q"`
	Answers []string `json:"answers"`
	Kind    string   `json:"kind"`
	Quote   string   `json:"quote"`
	Hard    bool     `json:"hard"`
	Support []string `json:"support"`
}

// LoadJSONL reads one T per non-empty line of the file at path. Errors
// name the file and line.
func LoadJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return out, nil
}

// PRF is precision, recall and F1 from counts.
type PRF struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP), 0 when nothing was found.
func (p PRF) Precision() float64 {
	if p.TP+p.FP == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FP)
}

// Recall is TP / (TP + FN), 0 when there is nothing to find.
func (p PRF) Recall() float64 {
	if p.TP+p.FN == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FN)
}

// F1 is the harmonic mean of precision and recall.
func (p PRF) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

// Add sums counts.
func (p PRF) Add(o PRF) PRF { return PRF{p.TP + o.TP, p.FP + o.FP, p.FN + o.FN} }
