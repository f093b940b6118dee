package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/eval"
	"github.com/chronicle-history/chronicle/internal/event"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
)

type evalEventsOptions struct {
	gold   string
	errors bool
	format string
	plover bool
}

func newEvalEventsCmd(env *Env) *cobra.Command {
	var o evalEventsOptions
	cmd := &cobra.Command{
		Use:   "events [flags]",
		Short: "Score events, treaties and tenures against the seed-dev gold",
		Long: `events reads the built-in corpus with the whole pipeline and scores its events,
treaties and tenures against the seed-dev gold (events.jsonl, treaties.jsonl,
tenures.jsonl), counting only the sections the gold covers (found from the gold
quotes). An event matches a gold event when the dates agree at the gold's
precision, the PLOVER type is the same and at least one gold participant is
among the extracted actors or recipients; retold gold events count once.
It prints precision, recall and F1 per layer, the per-type breakdown, and
the modality found for every gold event that is not simply asserted.`,
		Example: `  chronicle eval events
  chronicle eval events --errors
  chronicle eval events --gold ../shared/gold --format json`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvalEvents(cmd, env, &o)
		},
	}
	cmd.Flags().StringVar(&o.gold, "gold", defaultGold, "gold directory (holding seed-dev/)")
	cmd.Flags().BoolVar(&o.errors, "errors", false, "list misses and false alarms with their sentences")
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	cmd.Flags().BoolVar(&o.plover, "plover", false, "also score event typing on plover-gsr-dev/sentences.jsonl (typing only: no dates there)")
	return cmd
}

func runEvalEvents(cmd *cobra.Command, env *Env, o *evalEventsOptions) error {
	if o.format != "text" && o.format != "json" {
		return usagef("--format %q: want text or json", o.format)
	}
	dir := o.gold
	if filepath.Base(dir) != "seed-dev" {
		dir = filepath.Join(dir, "seed-dev")
	}
	p, err := pipeline.Default(read.Options{})
	if err != nil {
		return err
	}
	d, err := p.Founding(cmd.Context())
	if err != nil {
		return err
	}
	rep, err := eval.ScoreEvents(d, dir)
	if err != nil {
		return err
	}
	var typing *eval.TypingReport
	if o.plover {
		if typing, err = scorePlover(cmd, filepath.Join(filepath.Dir(dir), "plover-gsr-dev", "sentences.jsonl")); err != nil {
			return err
		}
	}
	if o.format == "json" {
		b, err := marshalJSON(struct {
			*eval.EventReport
			Plover *eval.TypingReport `json:"plover,omitempty"`
		}{rep, typing}, true)
		if err != nil {
			return err
		}
		_, err = env.Stdout.Write(b)
		return err
	}
	printEventReport(env.Stdout, rep, o.errors)
	if typing != nil {
		printTyping(env.Stdout, typing, o.errors)
	}
	return nil
}

// scorePlover codes each PLOVER gold sentence on its own, keeping undated
// events, and scores the types.
func scorePlover(cmd *cobra.Command, path string) (*eval.TypingReport, error) {
	sents, err := eval.LoadJSONL[eval.PloverSentence](path)
	if err != nil {
		return nil, err
	}
	p, err := pipeline.Events(read.Options{Format: "plain"}, event.Options{KeepUndated: true})
	if err != nil {
		return nil, err
	}
	return eval.ScoreTyping(sents, func(text string) ([]doc.Event, error) {
		d, err := p.Bytes(cmd.Context(), "sentence.txt", []byte(text))
		if err != nil {
			return nil, err
		}
		return d.Events, nil
	})
}

func printTyping(w io.Writer, r *eval.TypingReport, errors bool) {
	fmt.Fprintf(w, "\nplover-gsr-dev event typing, %d sentences (typing only):\n", r.Sentences)
	prfLine(w, "typing", r.Typing)
	types := make([]string, 0, len(r.PerType))
	for t := range r.PerType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		prfLine(w, "  "+t, *r.PerType[t])
	}
	if errors {
		fmt.Fprintf(w, "\ntyping errors (%d):\n", len(r.Errors))
		for _, e := range r.Errors {
			fmt.Fprintf(w, "  %s want %s, %s\n      %s\n", e.ID, e.Type, e.Note, clip(e.Text, 200))
		}
	}
}

func prfLine(w io.Writer, name string, p eval.PRF) {
	fmt.Fprintf(w, "%-10s P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)\n", name, p.Precision(), p.Recall(), p.F1(), p.TP, p.FP, p.FN)
}

func printEventReport(w io.Writer, rep *eval.EventReport, errors bool) {
	fmt.Fprintf(w, "seed-dev, sections scored: %v\n\n", rep.Sections)
	prfLine(w, "events", rep.Events)
	prfLine(w, "treaties", rep.Treaties)
	prfLine(w, "tenures", rep.Tenures)
	fmt.Fprintln(w, "\nper type (gold type for hits and misses, extracted type for false alarms):")
	types := make([]string, 0, len(rep.PerType))
	for t := range rep.PerType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		prfLine(w, "  "+t, *rep.PerType[t])
	}
	fmt.Fprintln(w, "\nmodality of gold events that are not simply asserted:")
	right := 0
	for _, m := range rep.Modality {
		got := m.Got
		if got == "" {
			got = "(not found)"
		}
		mark := "wrong"
		if m.Got == m.Want {
			mark = "right"
			right++
		}
		fmt.Fprintf(w, "  %-5s %-12s want %-12s got %-12s %s\n", m.Gold, mark, m.Want, got, clip(m.Quote, 70))
	}
	fmt.Fprintf(w, "  %d of %d right\n", right, len(rep.Modality))
	if !errors {
		return
	}
	list := func(title string, items []eval.EventItem) {
		fmt.Fprintf(w, "\n%s (%d):\n", title, len(items))
		for _, it := range items {
			fmt.Fprintf(w, "  %s %s %s %v→%v %s\n      %s\n", it.ID, it.Type, it.Date, it.Actor, it.Recipient, it.Modality, clip(it.Text, 220))
			if it.Note != "" {
				fmt.Fprintf(w, "      (%s)\n", clip(it.Note, 220))
			}
		}
	}
	list("event hits", rep.Hits)
	list("event misses", rep.EventMisses)
	list("event false alarms", rep.EventFalse)
	list("treaty misses", rep.TreatyMiss)
	list("treaty false alarms", rep.TreatyFalse)
	list("tenure misses", rep.TenureMiss)
	list("tenure false alarms", rep.TenureFalse)
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
