package actor_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
)

var update = flag.Bool("update", false, "rewrite testdata/review-founding.tsv from the current output, keeping the verdicts of unchanged rows")

const reviewFile = "testdata/review-founding.tsv"

// sample picks 50 mentions of the founding article by a fixed procedure:
// with N mentions and k = N/50, the mentions at k/2, k/2+k, k/2+2k, ...
func sample(ms []doc.Mention) []int {
	k := len(ms) / 50
	var out []int
	for i := 0; i < 50 && k > 0; i++ {
		out = append(out, k/2+i*k)
	}
	return out
}

func rowKey(m doc.Mention) string {
	return strings.Join([]string{fmt.Sprint(m.Start), fmt.Sprint(m.End), m.Text, m.Actor, m.State, m.Regime}, "\t")
}

// TestReviewedSample checks that the reviewed sample of 50 mentions of the
// founding article in testdata is the sample the current code produces,
// that every mention has a verdict, and that no more than 3 are wrong.
// After a change, run with -update, then review the rows marked "?".
func TestReviewedSample(t *testing.T) {
	p, err := pipeline.Default(read.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Founding(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	idx := sample(d.Mentions)
	if len(idx) != 50 {
		t.Fatalf("only %d mentions to sample from", len(d.Mentions))
	}
	b, err := os.ReadFile(reviewFile)
	if err != nil && !*update {
		t.Fatal(err)
	}
	verdicts := map[string][2]string{}
	var rows []string
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "n\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 11 {
			t.Fatalf("%s: row %q has %d fields, want 11", reviewFile, line, len(f))
		}
		key := strings.Join(f[2:8], "\t")
		verdicts[key] = [2]string{f[9], f[10]}
		rows = append(rows, key)
	}
	if *update {
		var out strings.Builder
		out.WriteString("# A reviewed sample of 50 actor mentions of the founding article, chosen as\n")
		out.WriteString("# every k-th mention (k = mentions/50, starting at k/2); see review_test.go.\n")
		out.WriteString("# verdict: ok (actor, state and regime right), wrong (any of them wrong), ? (not reviewed).\n")
		out.WriteString("n\tindex\tstart\tend\ttext\tactor\tstate\tregime\tvia\tverdict\tnote\n")
		for n, i := range idx {
			m := d.Mentions[i]
			v, ok := verdicts[rowKey(m)]
			if !ok {
				v = [2]string{"?", ""}
			}
			fmt.Fprintf(&out, "%d\t%d\t%s\t%s\t%s\t%s\n", n+1, i, rowKey(m), m.Via, v[0], v[1])
		}
		if err := os.WriteFile(reviewFile, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if len(rows) != 50 {
		t.Fatalf("%s has %d rows, want 50", reviewFile, len(rows))
	}
	wrong := 0
	for n, i := range idx {
		key := rowKey(d.Mentions[i])
		if rows[n] != key {
			t.Errorf("row %d: file has %q, output has %q: rerun with -update and review", n+1, rows[n], key)
			continue
		}
		switch v := verdicts[key][0]; v {
		case "ok":
		case "wrong":
			wrong++
		default:
			t.Errorf("row %d (%q): verdict %q, want ok or wrong", n+1, d.Mentions[i].Text, v)
		}
	}
	if wrong > 3 {
		t.Errorf("%d of 50 reviewed mentions are wrong; at most 3 allowed", wrong)
	}
}
