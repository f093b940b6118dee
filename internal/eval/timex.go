package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/chronicle-history/chronicle/internal/corpus"
	"github.com/chronicle-history/chronicle/internal/doc"
	"github.com/chronicle-history/chronicle/internal/pipeline"
	"github.com/chronicle-history/chronicle/internal/read"
	"github.com/chronicle-history/chronicle/internal/timex"
)

// GoldTimex is one gold temporal expression, whatever the gold format.
type GoldTimex struct {
	doc.Span
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"`
	// Alt is another spelling of the same value the gold accepts: a
	// TIMEX2 PRESENT_REF anchored AS_OF a date is that date in TIMEX3.
	Alt string `json:"alt,omitempty"`
	Set bool   `json:"-"`
}

// TimexGoldDoc is one document of a gold set: its file, its gold
// expressions, and the parts of it that are scored.
type TimexGoldDoc struct {
	Name string
	Path string
	Raw  []byte
	// Format forces the reader ("" sniffs).
	Format string
	Gold   []GoldTimex
	// Scope lists the raw spans that are scored; nil scores the whole
	// document. System expressions outside are ignored.
	Scope []doc.Span
	// Ignore lists raw spans neither side is scored on (the document
	// creation time repeated inside a TimeML text).
	Ignore []doc.Span
}

// TimexGoldSet is a named collection of gold documents with the
// annotation convention they follow.
type TimexGoldSet struct {
	Name       string
	Format     string // jsonl, timex2, timex3
	Convention string // timex.ConventionTIMEX3 or timex.ConventionTIMEX2
	Docs       []TimexGoldDoc
}

// TimexScore holds the counts of one document or a whole set, in the
// manner of the TempEval-3 scorer: one-to-one matching, strict (same
// extent) and lenient (overlapping) extent, and value and type on the
// lenient matches.
type TimexScore struct {
	Gold    int `json:"gold"`
	System  int `json:"system"`
	Strict  PRF `json:"strict"`
	Lenient PRF `json:"lenient"`
	Value   PRF `json:"value"`
	Type    PRF `json:"type"`
}

// prfJSON is a PRF with its rates, for JSON reports.
type prfJSON struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func toPRFJSON(p PRF) prfJSON {
	return prfJSON{p.TP, p.FP, p.FN, round3(p.Precision()), round3(p.Recall()), round3(p.F1())}
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// MarshalJSON writes the counts with precision, recall and F1.
func (s TimexScore) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Gold    int     `json:"gold"`
		System  int     `json:"system"`
		Strict  prfJSON `json:"strict"`
		Lenient prfJSON `json:"lenient"`
		Value   prfJSON `json:"value"`
		Type    prfJSON `json:"type"`
	}{s.Gold, s.System, toPRFJSON(s.Strict), toPRFJSON(s.Lenient), toPRFJSON(s.Value), toPRFJSON(s.Type)})
}

func (s TimexScore) add(o TimexScore) TimexScore {
	return TimexScore{Gold: s.Gold + o.Gold, System: s.System + o.System, Strict: s.Strict.Add(o.Strict),
		Lenient: s.Lenient.Add(o.Lenient), Value: s.Value.Add(o.Value), Type: s.Type.Add(o.Type)}
}

// TimexError is one miss, false alarm or wrong value, with context.
type TimexError struct {
	Kind    string `json:"kind"` // miss, false_alarm, wrong_value, wrong_extent
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Gold    string `json:"gold,omitempty"`
	System  string `json:"system,omitempty"`
	GoldVal string `json:"gold_value,omitempty"`
	SysVal  string `json:"system_value,omitempty"`
	Context string `json:"context"`
}

// TimexDocResult is the score of one document.
type TimexDocResult struct {
	Document string       `json:"document"`
	Score    TimexScore   `json:"score"`
	Errors   []TimexError `json:"errors,omitempty"`
}

// TimexSetResult is the score of one gold set.
type TimexSetResult struct {
	Set        string           `json:"set"`
	Format     string           `json:"format"`
	Convention string           `json:"convention"`
	Documents  []TimexDocResult `json:"documents"`
	Overall    TimexScore       `json:"overall"`
}

// LoadTimexGold loads the gold set at path: a seed-dev timex.jsonl file
// (scored over the built-in corpus), a folder of inline TIMEX2 files
// (*.key.xml, *.sgm) or of inline TIMEX3 files (*.tml), or a folder that
// holds such sets (every set under it is loaded).
func LoadTimexGold(path string) ([]TimexGoldSet, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, describe(err))
	}
	if !st.IsDir() {
		if strings.HasSuffix(path, ".jsonl") {
			s, err := loadSeedTimex(path)
			if err != nil {
				return nil, err
			}
			return []TimexGoldSet{s}, nil
		}
		s, err := loadInlineFiles(filepath.Base(path), []string{path})
		if err != nil {
			return nil, err
		}
		return []TimexGoldSet{s}, nil
	}
	var sets []TimexGoldSet
	var inline []string
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, describe(err))
	}
	for _, e := range entries {
		n := e.Name()
		full := filepath.Join(path, n)
		switch {
		case !e.IsDir() && (strings.HasSuffix(n, ".key.xml") || strings.HasSuffix(n, ".tml")):
			inline = append(inline, full)
		case !e.IsDir() && n == "timex.jsonl":
			s, err := loadSeedTimex(full)
			if err != nil {
				return nil, err
			}
			sets = append(sets, s)
		}
	}
	if len(inline) > 0 {
		s, err := loadInlineFiles(setName(path), inline)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	for _, e := range entries {
		if e.IsDir() {
			sub, err := LoadTimexGold(filepath.Join(path, e.Name()))
			if err != nil {
				if strings.Contains(err.Error(), "no temporal gold") {
					continue
				}
				return nil, err
			}
			sets = append(sets, sub...)
		}
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("%s: no temporal gold found (want timex.jsonl, *.key.xml or *.tml)", path)
	}
	return sets, nil
}

func describe(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// setName names a set by its folder and the folder above it:
// "wikiwars-dev/keyinline".
func setName(dir string) string {
	dir = filepath.Clean(dir)
	return filepath.Base(filepath.Dir(dir)) + "/" + filepath.Base(dir)
}

// loadSeedTimex reads our JSONL gold over the built-in corpus. The file
// covers only some sections of the article (the gold README: every other
// one); which ones is derived from the gold itself (see seedScope).
func loadSeedTimex(path string) (TimexGoldSet, error) {
	rows, err := LoadJSONL[SeedTimex](path)
	if err != nil {
		return TimexGoldSet{}, err
	}
	raw := corpus.Founding()
	gd := TimexGoldDoc{Name: corpus.Name, Path: path, Raw: raw}
	for i, r := range rows {
		if r.Start < 0 || r.End > len(raw) || r.Start >= r.End {
			return TimexGoldSet{}, fmt.Errorf("%s:%d: span %d–%d outside the corpus", path, i+1, r.Start, r.End)
		}
		gd.Gold = append(gd.Gold, GoldTimex{Span: doc.Span{Start: r.Start, End: r.End}, Text: r.Text, Type: r.Type,
			Value: r.Value, Mod: r.Mod, Set: r.Type == "SET"})
	}
	gd.Scope = seedScope(string(raw), gd.Gold)
	return TimexGoldSet{Name: filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path), Format: "jsonl",
		Convention: timex.ConventionTIMEX3, Docs: []TimexGoldDoc{gd}}, nil
}

// seedScope returns the sections of the article the gold covers. The
// article is cut at every heading line (the lead is section 0); a section
// is covered when a gold row lies in it, and when every covered section
// has the same parity, as the gold README describes ("every other
// section"), the uncovered sections of that parity are covered too: they
// were annotated and simply hold no expression.
func seedScope(raw string, gold []GoldTimex) []doc.Span {
	var bounds []int // start of each section
	bounds = append(bounds, 0)
	for i := 0; i < len(raw); {
		j := strings.IndexByte(raw[i:], '\n')
		end := len(raw)
		if j >= 0 {
			end = i + j
		}
		line := strings.TrimSpace(raw[i:end])
		if strings.HasPrefix(line, "==") && strings.HasSuffix(line, "==") && i > 0 {
			bounds = append(bounds, i)
		}
		if j < 0 {
			break
		}
		i = end + 1
	}
	sectionOf := func(off int) int {
		return sort.Search(len(bounds), func(k int) bool { return bounds[k] > off }) - 1
	}
	covered := map[int]bool{}
	for _, g := range gold {
		covered[sectionOf(g.Start)] = true
	}
	parity := -1
	for s := range covered {
		if parity == -1 {
			parity = s % 2
		} else if parity != s%2 {
			parity = -2
		}
	}
	if parity >= 0 && len(covered) > 1 {
		for s := range bounds {
			if s%2 == parity {
				covered[s] = true
			}
		}
	}
	var scope []doc.Span
	for s := range bounds {
		if !covered[s] {
			continue
		}
		end := len(raw)
		if s+1 < len(bounds) {
			end = bounds[s+1]
		}
		scope = append(scope, doc.Span{Start: bounds[s], End: end})
	}
	return scope
}

// loadInlineFiles reads inline-annotated files: TIMEX2 (*.key.xml, *.sgm)
// or TIMEX3 (*.tml). The tag that occurs decides.
func loadInlineFiles(name string, files []string) (TimexGoldSet, error) {
	sort.Strings(files)
	set := TimexGoldSet{Name: name}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return set, fmt.Errorf("%s: %v", f, describe(err))
		}
		gd, format, err := parseInline(f, raw)
		if err != nil {
			return set, err
		}
		if set.Format == "" {
			set.Format = format
		} else if set.Format != format {
			return set, fmt.Errorf("%s: mixes %s and %s files", name, set.Format, format)
		}
		set.Docs = append(set.Docs, gd)
	}
	// Both WikiWars files follow the TIMEX2 extent guidelines: the TIMEX3
	// version is a conversion that kept the TIMEX2 extents.
	set.Convention = timex.ConventionTIMEX2
	return set, nil
}

// parseInline finds the TIMEX2 or TIMEX3 elements inside the <TEXT> of a
// file and returns them with raw spans.
func parseInline(path string, raw []byte) (TimexGoldDoc, string, error) {
	s := string(raw)
	lower := read.LowerASCII(s)
	tag := "timex2"
	format := "timex2"
	if strings.Contains(lower, "<timex3") {
		tag, format = "timex3", "timex3"
	}
	name := filepath.Base(path)
	name = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, ".key.xml"), ".tml"), ".sgm")
	gd := TimexGoldDoc{Name: name, Path: path, Raw: raw, Format: doc.FormatSGML}
	textStart := strings.Index(lower, "<text")
	textEnd := strings.LastIndex(lower, "</text>")
	if textStart < 0 || textEnd < textStart {
		return gd, "", fmt.Errorf("%s: no <TEXT> element", path)
	}
	// The DCT's id, to ignore its copy inside the text.
	dctID := ""
	if i := strings.Index(lower, "functionindocument=\"creation_time\""); i >= 0 {
		open := strings.LastIndex(s[:i], "<")
		if a := attrs(s[open : strings.IndexByte(s[i:], '>')+i]); a["tid"] != "" {
			dctID = a["tid"]
		}
	}
	type open struct {
		start int // content start
		attrs map[string]string
	}
	var stack []open
	for i := textStart; i < textEnd; {
		j := strings.IndexByte(lower[i:textEnd], '<')
		if j < 0 {
			break
		}
		i += j
		k := strings.IndexByte(s[i:], '>')
		if k < 0 {
			return gd, "", fmt.Errorf("%s: unclosed tag at byte %d", path, i)
		}
		t := s[i : i+k+1]
		lt := lower[i : i+k+1]
		switch {
		case strings.HasPrefix(lt, "<"+tag) && strings.HasSuffix(lt, "/>"):
			// An empty (non-consuming) element marks no text.
		case strings.HasPrefix(lt, "<"+tag):
			stack = append(stack, open{start: i + k + 1, attrs: attrs(t)})
		case strings.HasPrefix(lt, "</"+tag):
			if len(stack) == 0 {
				return gd, "", fmt.Errorf("%s: </%s> without an opening tag at byte %d", path, strings.ToUpper(tag), i)
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			span := doc.Span{Start: o.start, End: i}
			if dctID != "" && o.attrs["tid"] == dctID {
				gd.Ignore = append(gd.Ignore, span)
				break
			}
			g := GoldTimex{Span: span, Text: read.StripTags(s[span.Start:span.End])}
			if tag == "timex2" {
				g.Value = o.attrs["val"]
				g.Mod = o.attrs["mod"]
				g.Set = strings.EqualFold(o.attrs["set"], "yes")
				if g.Value == "PRESENT_REF" && o.attrs["anchor_dir"] == "AS_OF" {
					g.Alt = o.attrs["anchor_val"]
				}
				g.Type = typeOfTimex2(g.Value, g.Set)
			} else {
				g.Value = o.attrs["value"]
				g.Mod = o.attrs["mod"]
				g.Type = o.attrs["type"]
				g.Set = g.Type == "SET"
			}
			if g.Value == "null" {
				g.Value = ""
			}
			gd.Gold = append(gd.Gold, g)
		}
		i += k + 1
	}
	if len(stack) > 0 {
		return gd, "", fmt.Errorf("%s: <%s> at byte %d is never closed", path, strings.ToUpper(tag), stack[0].start)
	}
	sort.SliceStable(gd.Gold, func(a, b int) bool { return gd.Gold[a].Start < gd.Gold[b].Start })
	return gd, format, nil
}

func typeOfTimex2(v string, set bool) string {
	switch {
	case set:
		return "SET"
	case strings.HasSuffix(v, "_REF"):
		return "DATE"
	case strings.HasPrefix(v, "P"):
		return "DURATION"
	case strings.Contains(v, "T"):
		return "TIME"
	}
	return "DATE"
}

// attrs reads the attributes of an opening tag.
func attrs(tag string) map[string]string {
	out := map[string]string{}
	s := tag
	for {
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return out
		}
		k := strings.TrimSpace(s[:eq])
		if sp := strings.LastIndexAny(k, " \t\n<"); sp >= 0 {
			k = k[sp+1:]
		}
		rest := strings.TrimLeft(s[eq+1:], " \t\n")
		if rest == "" || rest[0] != '"' && rest[0] != '\'' {
			return out
		}
		q := rest[0]
		end := strings.IndexByte(rest[1:], q)
		if end < 0 {
			return out
		}
		out[strings.ToLower(k)] = rest[1 : 1+end]
		s = rest[end+2:]
	}
}

// NormalizeValue puts a TIMEX2 or TIMEX3 value into one spelling so that
// the two standards compare: decades "192" and "192X" agree, as do
// centuries "18" and "18XX", BC years "-0490" and "BC0490", durations in
// decades or centuries and in years (P1DE, P10Y), sets written as dates
// (TIMEX2 "XXXX-XX-XX" set="YES") and as periods (P1D), and unknown
// trailing fields ("1971-XX-XX", "1958-05-29TXX") and their absence.
func NormalizeValue(v string, set bool) string {
	v = strings.ToUpper(strings.TrimSpace(v))
	if v == "NULL" {
		return ""
	}
	if set {
		switch strings.TrimSuffix(v, "TXX") {
		case "XXXX-XX-XX":
			return "P1D"
		case "XXXX-WXX":
			return "P1W"
		case "XXXX-XX":
			return "P1M"
		case "XXXX":
			return "P1Y"
		}
	}
	if strings.HasPrefix(v, "P") && !strings.HasSuffix(v, "_REF") {
		return normDuration(v)
	}
	bc := false
	if strings.HasPrefix(v, "BC") {
		bc, v = true, v[2:]
	} else if strings.HasPrefix(v, "-") && len(v) > 1 && v[1] >= '0' && v[1] <= '9' {
		bc, v = true, v[1:]
	}
	// Unknown trailing fields say nothing more than their absence.
	for {
		switch {
		case strings.HasSuffix(v, "TXX"):
			v = strings.TrimSuffix(v, "TXX")
			continue
		case strings.HasSuffix(v, "-XX") && len(v) > 4:
			v = strings.TrimSuffix(v, "-XX")
			continue
		case strings.HasSuffix(v, "-WXX") && len(v) > 4:
			v = strings.TrimSuffix(v, "-WXX")
			continue
		case strings.HasSuffix(v, "-W") && len(v) > 4:
			v = strings.TrimSuffix(v, "-W")
			continue
		}
		break
	}
	digits := 0
	for digits < len(v) && v[digits] >= '0' && v[digits] <= '9' {
		digits++
	}
	if digits == len(v) {
		switch digits {
		case 3:
			v += "X"
		case 2:
			v += "XX"
		case 1:
			v += "XXX"
		}
	}
	if bc && v != "" {
		v = "BC" + v
	}
	return v
}

// normDuration writes decades, centuries and millennia in years.
func normDuration(v string) string {
	if len(v) < 3 || strings.HasPrefix(v, "PT") {
		return v
	}
	for _, u := range []struct {
		suf string
		k   float64
	}{{"DE", 10}, {"CE", 100}, {"ML", 1000}} {
		if strings.HasSuffix(v, u.suf) {
			n := v[1 : len(v)-2]
			if n == "X" {
				return "PXY"
			}
			if strings.HasPrefix(n, ".") {
				n = "0" + n
			}
			f, err := strconv.ParseFloat(n, 64)
			if err != nil {
				return v
			}
			return "P" + strconv.FormatFloat(f*u.k, 'f', -1, 64) + "Y"
		}
	}
	return v
}

// ScoreTimexDoc matches the system's expressions against the gold of one
// document, one to one, and counts.
func ScoreTimexDoc(gd TimexGoldDoc, sys []doc.Timex, withErrors bool) TimexDocResult {
	inScope := func(sp doc.Span) bool {
		for _, ig := range gd.Ignore {
			if sp.Overlaps(ig) {
				return false
			}
		}
		if gd.Scope == nil {
			return true
		}
		for _, sc := range gd.Scope {
			if sc.Contains(sp) {
				return true
			}
		}
		return false
	}
	var gold []GoldTimex
	for _, g := range gd.Gold {
		if inScope(g.Span) {
			gold = append(gold, g)
		}
	}
	var sy []doc.Timex
	for _, t := range sys {
		if inScope(t.Span) {
			sy = append(sy, t)
		}
	}
	res := TimexDocResult{Document: gd.Name}
	sc := &res.Score
	sc.Gold, sc.System = len(gold), len(sy)
	// Pairs by overlap, exact first, then by overlap size.
	type pair struct{ g, s, ov int }
	var pairs []pair
	for gi, g := range gold {
		for si, t := range sy {
			if g.Overlaps(t.Span) {
				ov := min(g.End, t.End) - max(g.Start, t.Start)
				if g.Start == t.Start && g.End == t.End {
					ov += 1 << 30
				}
				pairs = append(pairs, pair{gi, si, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].ov > pairs[b].ov })
	gm := make([]int, len(gold))
	sm := make([]int, len(sy))
	for i := range gm {
		gm[i] = -1
	}
	for i := range sm {
		sm[i] = -1
	}
	for _, p := range pairs {
		if gm[p.g] < 0 && sm[p.s] < 0 {
			gm[p.g], sm[p.s] = p.s, p.g
		}
	}
	text := string(gd.Raw)
	for gi, g := range gold {
		si := gm[gi]
		if si < 0 {
			if withErrors {
				res.Errors = append(res.Errors, TimexError{Kind: "miss", Start: g.Start, End: g.End, Gold: g.Text,
					GoldVal: g.Value, Context: contextOf(text, g.Span)})
			}
			continue
		}
		t := sy[si]
		sc.Lenient.TP++
		if t.Start == g.Start && t.End == g.End {
			sc.Strict.TP++
		}
		if valueMatches(g, t) {
			sc.Value.TP++
		} else if withErrors {
			res.Errors = append(res.Errors, TimexError{Kind: "wrong_value", Start: g.Start, End: g.End, Gold: g.Text,
				System: t.Text, GoldVal: g.Value, SysVal: t.Value, Context: contextOf(text, g.Span)})
		}
		if g.Type == t.Type {
			sc.Type.TP++
		}
		if withErrors && (t.Start != g.Start || t.End != g.End) && valueMatches(g, t) {
			res.Errors = append(res.Errors, TimexError{Kind: "wrong_extent", Start: g.Start, End: g.End, Gold: g.Text,
				System: t.Text, GoldVal: g.Value, SysVal: t.Value, Context: contextOf(text, g.Span)})
		}
	}
	if withErrors {
		for si, t := range sy {
			if sm[si] < 0 {
				res.Errors = append(res.Errors, TimexError{Kind: "false_alarm", Start: t.Start, End: t.End, System: t.Text,
					SysVal: t.Value, Context: contextOf(text, t.Span)})
			}
		}
		sort.SliceStable(res.Errors, func(a, b int) bool { return res.Errors[a].Start < res.Errors[b].Start })
	}
	for _, p := range []*PRF{&sc.Strict, &sc.Lenient, &sc.Value, &sc.Type} {
		p.FP = sc.System - p.TP
		p.FN = sc.Gold - p.TP
	}
	return res
}

func valueMatches(g GoldTimex, t doc.Timex) bool {
	set := g.Set || t.Type == "SET"
	sv := NormalizeValue(t.Value, set)
	if sv == NormalizeValue(g.Value, set) {
		return true
	}
	return g.Alt != "" && sv == NormalizeValue(g.Alt, set)
}

// contextOf returns the text around span, tags dropped, on one line.
func contextOf(raw string, sp doc.Span) string {
	a := max(0, sp.Start-60)
	b := min(len(raw), sp.End+60)
	for a > 0 && a < len(raw) && raw[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(raw) && raw[b]&0xC0 == 0x80 {
		b++
	}
	s := read.StripTags(raw[a:sp.Start]) + "[" + read.StripTags(raw[sp.Start:sp.End]) + "]" + read.StripTags(raw[sp.End:b])
	return strings.Join(strings.Fields(s), " ")
}

// RunTimex tags every document of set with chronicle's tagger (under the
// set's convention, or conv if not empty) and scores it.
func RunTimex(ctx context.Context, set TimexGoldSet, conv string, withErrors bool) (TimexSetResult, error) {
	if conv == "" {
		conv = set.Convention
	}
	res := TimexSetResult{Set: set.Name, Format: set.Format, Convention: conv}
	pipes := map[string]*pipeline.Pipeline{}
	for _, gd := range set.Docs {
		p := pipes[gd.Format]
		if p == nil {
			var err error
			p, err = pipeline.Tagging(read.Options{Format: gd.Format}, timex.Options{Convention: conv})
			if err != nil {
				return res, err
			}
			pipes[gd.Format] = p
		}
		d, err := p.Bytes(ctx, gd.Path, gd.Raw)
		if err != nil {
			return res, err
		}
		r := ScoreTimexDoc(gd, d.Timexes, withErrors)
		res.Documents = append(res.Documents, r)
		res.Overall = res.Overall.add(r.Score)
	}
	return res, nil
}

// WriteTimexTable prints results as aligned tables, one per set.
func WriteTimexTable(w io.Writer, results []TimexSetResult, withErrors bool) error {
	for k, r := range results {
		if k > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s (%s gold, %s convention)\n", r.Set, r.Format, r.Convention)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "document\tgold\tsystem\tstrict P\tR\tF1\tlenient P\tR\tF1\tvalue P\tR\tF1\ttype F1\t")
		row := func(name string, s TimexScore) {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, s.Gold, s.System,
				s.Strict.Precision(), s.Strict.Recall(), s.Strict.F1(),
				s.Lenient.Precision(), s.Lenient.Recall(), s.Lenient.F1(),
				s.Value.Precision(), s.Value.Recall(), s.Value.F1(), s.Type.F1())
		}
		for _, d := range r.Documents {
			row(d.Document, d.Score)
		}
		row("overall", r.Overall)
		if err := tw.Flush(); err != nil {
			return err
		}
		if withErrors {
			for _, d := range r.Documents {
				for _, e := range d.Errors {
					switch e.Kind {
					case "miss":
						fmt.Fprintf(w, "%s\tmiss\t%d\t%q (%s)\t%s\n", d.Document, e.Start, e.Gold, e.GoldVal, e.Context)
					case "false_alarm":
						fmt.Fprintf(w, "%s\tfalse alarm\t%d\t%q (%s)\t%s\n", d.Document, e.Start, e.System, e.SysVal, e.Context)
					case "wrong_value":
						fmt.Fprintf(w, "%s\twrong value\t%d\t%q %s ≠ gold %q %s\t%s\n", d.Document, e.Start, e.System, e.SysVal, e.Gold, e.GoldVal, e.Context)
					case "wrong_extent":
						fmt.Fprintf(w, "%s\twrong extent\t%d\t%q ≠ gold %q\t%s\n", d.Document, e.Start, e.System, e.Gold, e.Context)
					}
				}
			}
		}
	}
	return nil
}

// WriteTimexJSON prints results as JSON.
func WriteTimexJSON(w io.Writer, results []TimexSetResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(results)
}
