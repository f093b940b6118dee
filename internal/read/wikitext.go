package read

import (
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// parseWikitext reads MediaWiki source. Links become their shown text,
// bold and italic quotes are dropped, references, comments, tables, files
// and categories are dropped, a few text-bearing templates ({{lang}},
// {{nowrap}}, {{convert}}, dashes) keep their text, other templates are
// dropped except an infobox, whose parameters become infobox fields.
// Every clean character maps back into the raw source.
func parseWikitext(raw string) *parsed {
	w := &wikiParser{raw: raw, tb: doc.NewTextBuilder(raw)}
	w.run()
	text, m := w.tb.Done()
	p := &parsed{text: text, m: m, title: w.title, blocks: w.blocks, infobox: w.infobox}
	return p
}

type wikiParser struct {
	raw     string
	tb      *doc.TextBuilder
	title   string
	blocks  []doc.Block
	infobox []doc.InfoboxField
}

// sep separates blocks in the clean text.
func (w *wikiParser) sep(at int) {
	if w.tb.Len() > 0 && w.tb.Last() != '\n' {
		w.tb.Insert(at, "\n\n")
	}
}

func (w *wikiParser) block(kind string, cs int, level int, ord string) {
	text := w.tb.String()
	s, e := trimSpace(text, cs, len(text))
	if s < e {
		w.blocks = append(w.blocks, doc.Block{Kind: kind, Level: level, Ordinal: ord, Clean: doc.Span{Start: s, End: e}, Section: -1})
	}
}

func (w *wikiParser) run() {
	raw := w.raw
	i := bomLen(raw)
	paraStart := -1 // raw start of the paragraph being gathered
	paraEnd := -1
	flushPara := func() {
		if paraStart < 0 {
			return
		}
		w.sep(paraStart)
		cs := w.tb.Len()
		w.inline(paraStart, paraEnd)
		w.block(doc.BlockParagraph, cs, 0, "")
		paraStart, paraEnd = -1, -1
	}
	for i < len(raw) {
		le := w.lineEnd(i)
		next := le
		if next < len(raw) {
			next++
		}
		ls, lt := trimSpace(raw, i, le)
		line := raw[ls:lt]
		switch {
		case ls >= lt:
			flushPara()
		case strings.HasPrefix(line, "{|"):
			flushPara()
			next = w.skipTable(ls)
		case strings.HasPrefix(line, "{{") && w.templateEnd(ls) >= lt:
			// A template standing alone on its line(s).
			flushPara()
			te := w.templateEnd(ls)
			if isInfobox(raw[ls:te]) {
				w.infoboxFields(ls, te)
			}
			next = te
			if j := strings.IndexByte(raw[te:], '\n'); j >= 0 && strings.TrimSpace(raw[te:te+j]) == "" {
				next = te + j + 1
			}
		case line[0] == '=':
			flushPara()
			if level, hs, he := headingLevel(raw, ls, lt); level > 0 {
				w.sep(ls)
				cs := w.tb.Len()
				w.inline(hs, he)
				if level == 1 && w.title == "" {
					text := w.tb.String()
					s, e := trimSpace(text, cs, len(text))
					w.title = text[s:e]
					w.block(doc.BlockTitle, cs, 1, "")
				} else {
					w.block(doc.BlockHeading, cs, max(level, 2), "")
				}
			} else {
				paraStart, paraEnd = ls, lt
			}
		case line[0] == '*' || line[0] == '#' || line[0] == ':' || line[0] == ';':
			flushPara()
			n := 0
			for ls+n < lt && strings.IndexByte("*#:;", raw[ls+n]) >= 0 {
				n++
			}
			w.sep(ls)
			cs := w.tb.Len()
			w.inline(ls+n, lt)
			w.block(doc.BlockListItem, cs, 0, "")
		case strings.HasPrefix(line, "----"), strings.HasPrefix(line, "__") && strings.HasSuffix(line, "__"):
			flushPara()
		default:
			if paraStart < 0 {
				paraStart = ls
			}
			paraEnd = lt
		}
		i = next
	}
	flushPara()
}

// lineEnd finds the end of the logical line starting at i: the first
// newline not inside a template, comment, reference or link.
func (w *wikiParser) lineEnd(i int) int {
	raw := w.raw
	for i < len(raw) {
		switch {
		case raw[i] == '\n':
			return i
		case strings.HasPrefix(raw[i:], "<!--"):
			i = w.commentEnd(i)
		case strings.HasPrefix(raw[i:], "{{"):
			i = w.templateEnd(i)
		case hasPrefixFold(raw[i:], "<ref"):
			i = w.refEnd(i)
		default:
			i++
		}
	}
	return len(raw)
}

func (w *wikiParser) commentEnd(i int) int {
	if j := strings.Index(w.raw[i+4:], "-->"); j >= 0 {
		return i + 4 + j + 3
	}
	return len(w.raw)
}

// templateEnd returns the end of the template opened at i ("{{"), counting
// nested templates; an unclosed template ends at the next blank line.
func (w *wikiParser) templateEnd(i int) int {
	raw := w.raw
	depth := 0
	for j := i; j < len(raw); {
		switch {
		case strings.HasPrefix(raw[j:], "{{"):
			depth++
			j += 2
		case strings.HasPrefix(raw[j:], "}}"):
			depth--
			j += 2
			if depth == 0 {
				return j
			}
		case strings.HasPrefix(raw[j:], "<!--"):
			j = w.commentEnd(j)
		case strings.HasPrefix(raw[j:], "\n\n"):
			return j
		default:
			j++
		}
	}
	return len(raw)
}

// refEnd returns the end of a <ref> element or self-closing <ref/> at i.
func (w *wikiParser) refEnd(i int) int {
	raw := w.raw
	j := strings.IndexByte(raw[i:], '>')
	if j < 0 {
		return len(raw)
	}
	if raw[i+j-1] == '/' {
		return i + j + 1
	}
	k := indexFold(raw[i+j:], "</ref>")
	if k < 0 {
		// Unclosed: drop to the end of the line.
		if n := strings.IndexByte(raw[i:], '\n'); n >= 0 {
			return i + n
		}
		return len(raw)
	}
	return i + j + k + len("</ref>")
}

// linkEnd returns the end of the [[link]] opened at i, counting nested
// links (file captions hold links).
func (w *wikiParser) linkEnd(i int) int {
	raw := w.raw
	depth := 0
	for j := i; j < len(raw); {
		switch {
		case strings.HasPrefix(raw[j:], "[["):
			depth++
			j += 2
		case strings.HasPrefix(raw[j:], "]]"):
			depth--
			j += 2
			if depth == 0 {
				return j
			}
		case raw[j] == '\n' && depth > 0 && j+1 < len(raw) && raw[j+1] == '\n':
			return j
		default:
			j++
		}
	}
	return len(raw)
}

func (w *wikiParser) skipTable(i int) int {
	raw := w.raw
	depth := 0
	for j := i; j < len(raw); {
		le := strings.IndexByte(raw[j:], '\n')
		end := len(raw)
		if le >= 0 {
			end = j + le
		}
		line := strings.TrimSpace(raw[j:end])
		if strings.HasPrefix(line, "{|") {
			depth++
		} else if strings.HasPrefix(line, "|}") {
			depth--
			if depth == 0 {
				if end < len(raw) {
					return end + 1
				}
				return end
			}
		}
		if end >= len(raw) {
			return len(raw)
		}
		j = end + 1
	}
	return len(raw)
}

func isInfobox(t string) bool {
	name := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(t, "{{")))
	return strings.HasPrefix(name, "infobox")
}

// infoboxFields turns the "| key = value" parameters of the template at
// [s, e) into infobox fields.
func (w *wikiParser) infoboxFields(s, e int) {
	for _, prm := range w.templateParams(s, e)[1:] {
		eq := strings.IndexByte(w.raw[prm[0]:prm[1]], '=')
		if eq < 0 {
			continue
		}
		ks, ke := trimSpace(w.raw, prm[0], prm[0]+eq)
		vs, ve := trimSpace(w.raw, prm[0]+eq+1, prm[1])
		if ks >= ke || vs >= ve {
			continue
		}
		w.sep(ks)
		cs := w.tb.Len()
		w.tb.Copy(ks, ke)
		ckEnd := w.tb.Len()
		w.tb.Insert(prm[0]+eq, ": ")
		cvs := w.tb.Len()
		w.inline(vs, ve)
		cve := w.tb.Len()
		if cve == cvs {
			continue
		}
		text := w.tb.String()
		w.infobox = append(w.infobox, doc.InfoboxField{
			Key: text[cs:ckEnd], Value: strings.TrimSpace(text[cvs:cve]),
			KeySpan: doc.Span{Start: cs, End: ckEnd}, ValueSpan: doc.Span{Start: cvs, End: cve},
		})
		w.block(doc.BlockInfobox, cs, 0, "")
	}
}

// templateParams splits the template [s, e) ("{{name|a|b=c}}") at its
// top-level pipes and returns raw ranges: the name first, then each
// parameter.
func (w *wikiParser) templateParams(s, e int) [][2]int {
	raw := w.raw
	inner, innerEnd := s+2, e
	if strings.HasSuffix(raw[s:e], "}}") {
		innerEnd = e - 2
	}
	var out [][2]int
	depthT, depthL := 0, 0
	start := inner
	for j := inner; j < innerEnd; {
		switch {
		case strings.HasPrefix(raw[j:], "{{"):
			depthT++
			j += 2
		case strings.HasPrefix(raw[j:], "}}"):
			depthT--
			j += 2
		case strings.HasPrefix(raw[j:], "[["):
			depthL++
			j += 2
		case strings.HasPrefix(raw[j:], "]]"):
			depthL--
			j += 2
		case strings.HasPrefix(raw[j:], "<!--"):
			j = w.commentEnd(j)
		case raw[j] == '|' && depthT == 0 && depthL == 0:
			out = append(out, [2]int{start, j})
			j++
			start = j
		default:
			j++
		}
	}
	out = append(out, [2]int{start, min(innerEnd, len(raw))})
	return out
}

// inline emits the clean text of the raw range [s, e).
func (w *wikiParser) inline(s, e int) {
	raw := w.raw
	i := s
	for i < e {
		// Copy a run of ordinary characters.
		j := i
		for j < e && strings.IndexByte("<{['&", raw[j]) < 0 {
			j++
		}
		w.tb.Copy(i, j)
		if j >= e {
			return
		}
		i = j
		rest := raw[i:e]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			i = min(w.commentEnd(i), e)
		case hasPrefixFold(rest, "<ref"):
			i = min(w.refEnd(i), e)
		case hasPrefixFold(rest, "<br"):
			k := strings.IndexByte(rest, '>')
			if k < 0 {
				w.tb.Copy(i, i+1)
				i++
				continue
			}
			w.tb.Replace(i, i+k+1, " ")
			i += k + 1
		case rest[0] == '<' && len(rest) > 1 && (isLetter(rest[1]) || rest[1] == '/'):
			k := strings.IndexByte(rest, '>')
			if k < 0 {
				w.tb.Copy(i, i+1)
				i++
				continue
			}
			i += k + 1
		case strings.HasPrefix(rest, "{{"):
			te := min(w.templateEnd(i), e)
			w.template(i, te)
			i = te
		case strings.HasPrefix(rest, "[["):
			le := min(w.linkEnd(i), e)
			w.link(i, le)
			i = le
		case strings.HasPrefix(rest, "[http://"), strings.HasPrefix(rest, "[https://"), strings.HasPrefix(rest, "[//"):
			k := strings.IndexByte(rest, ']')
			if k < 0 {
				w.tb.Copy(i, i+1)
				i++
				continue
			}
			inner := rest[1:k]
			if sp := strings.IndexByte(inner, ' '); sp >= 0 {
				w.inline(i+1+sp+1, i+k)
			}
			i += k + 1
		case strings.HasPrefix(rest, "''"):
			n := 0
			for n < len(rest) && rest[n] == '\'' && n < 5 {
				n++
			}
			i += n
		case rest[0] == '&':
			n := entityLen(rest)
			if n == 0 {
				w.tb.Copy(i, i+1)
				i++
				continue
			}
			emitEntities(w.tb, raw, i, i+n)
			i += n
		default:
			w.tb.Copy(i, i+1)
			i++
		}
	}
}

// link emits the shown text of the [[link]] at [s, e).
func (w *wikiParser) link(s, e int) {
	raw := w.raw
	innerS, innerE := s+2, e
	if strings.HasSuffix(raw[s:e], "]]") {
		innerE = e - 2
	}
	if innerS >= innerE {
		return
	}
	target := raw[innerS:innerE]
	if c := strings.IndexByte(target, ':'); c > 0 {
		ns := strings.ToLower(strings.TrimSpace(target[:c]))
		switch {
		case ns == "file" || ns == "image" || ns == "category" || ns == "media":
			return
		case len(ns) >= 2 && len(ns) <= 3 && isLowerWord(ns) && innerE == e-2 && !strings.Contains(target, "|"):
			// Interlanguage link ([[de:Rapallo-Vertrag]]).
			return
		}
	}
	// The shown text is after the first top-level pipe.
	depth := 0
	for j := innerS; j < innerE; j++ {
		switch {
		case strings.HasPrefix(raw[j:], "[["), strings.HasPrefix(raw[j:], "{{"):
			depth++
			j++
		case strings.HasPrefix(raw[j:], "]]"), strings.HasPrefix(raw[j:], "}}"):
			depth--
			j++
		case raw[j] == '|' && depth == 0:
			w.inline(j+1, innerE)
			return
		}
	}
	// No pipe: the target is shown, without a leading colon.
	if raw[innerS] == ':' {
		innerS++
	}
	w.inline(innerS, innerE)
}

// template emits the text of the few templates that carry running text.
func (w *wikiParser) template(s, e int) {
	params := w.templateParams(s, e)
	name := strings.ToLower(strings.TrimSpace(w.raw[params[0][0]:params[0][1]]))
	name = strings.ReplaceAll(name, "_", " ")
	positional := func() [][2]int {
		var out [][2]int
		for _, p := range params[1:] {
			if !strings.Contains(w.raw[p[0]:p[1]], "=") {
				out = append(out, p)
			}
		}
		return out
	}
	switch {
	case name == "ndash" || name == "snd" || name == "spaced ndash":
		w.tb.Replace(s, e, "–")
	case name == "mdash" || name == "spaced mdash":
		w.tb.Replace(s, e, "—")
	case name == "nbsp" || name == "sp":
		w.tb.Replace(s, e, " ")
	case name == "circa" || name == "c." || name == "c":
		pos := positional()
		if len(pos) == 0 {
			w.tb.Replace(s, e, "c.")
			return
		}
		w.tb.Replace(s, pos[0][0], "c. ")
		w.inline(pos[0][0], pos[0][1])
	case name == "lang" || name == "transl" || name == "lang-rtl":
		if pos := positional(); len(pos) >= 2 {
			w.inline(pos[len(pos)-1][0], pos[len(pos)-1][1])
		}
	case strings.HasPrefix(name, "lang-") || strings.HasPrefix(name, "lang|") || name == "nowrap" || name == "nobr" ||
		name == "small" || name == "em" || name == "abbr" || name == "nowrap begin" || name == "notatypo" || name == "sic" || name == "not a typo":
		if pos := positional(); len(pos) >= 1 {
			w.inline(pos[0][0], pos[0][1])
		}
	case name == "start date" || name == "end date" || name == "start date and age" || name == "birth date" ||
		name == "death date" || name == "date" || name == "dts":
		// {{start date|1922|4|16}} → "April 16, 1922"
		var parts []string
		for _, p := range positional() {
			parts = append(parts, strings.TrimSpace(w.raw[p[0]:p[1]]))
		}
		if text := wikiDate(parts); text != "" {
			w.tb.Replace(s, e, text)
		}
	case name == "convert" || name == "cvt":
		pos := positional()
		if len(pos) >= 2 {
			num := strings.TrimSpace(w.raw[pos[0][0]:pos[0][1]])
			unit := strings.TrimSpace(w.raw[pos[1][0]:pos[1][1]])
			if len(pos) >= 3 && (unit == "-" || unit == "to" || unit == "and") {
				num += "–" + strings.TrimSpace(w.raw[pos[2][0]:pos[2][1]])
				if len(pos) >= 4 {
					unit = strings.TrimSpace(w.raw[pos[3][0]:pos[3][1]])
				}
			}
			w.tb.Replace(s, e, num+" "+unit)
		}
	}
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// wikiDate renders the year, month, day parameters of a date template as
// running text ("April 16, 1922"); a bare year or year and month also work.
func wikiDate(parts []string) string {
	if len(parts) == 0 || !allDigitsStr(parts[0]) {
		if len(parts) == 1 {
			return parts[0] // {{date|16 April 1922}}
		}
		return ""
	}
	year := parts[0]
	if len(parts) < 2 || !allDigitsStr(parts[1]) {
		return year
	}
	m := 0
	for _, c := range parts[1] {
		m = m*10 + int(c-'0')
	}
	if m < 1 || m > 12 {
		return year
	}
	if len(parts) < 3 || !allDigitsStr(parts[2]) {
		return monthNames[m-1] + " " + year
	}
	return monthNames[m-1] + " " + strings.TrimLeft(parts[2], "0") + ", " + year
}

func allDigitsStr(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isLowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// indexFold finds sub (lower case, starting with '<') in s, ignoring case.
func indexFold(s, sub string) int {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], sub[0])
		if j < 0 {
			return -1
		}
		if hasPrefixFold(s[i+j:], sub) {
			return i + j
		}
		i += j + 1
	}
	return -1
}
