package read

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// Sniff guesses the format of data from its content.
func Sniff(data []byte) string {
	head := data
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	start := bytes.ToLower(trimmed[:min(len(trimmed), 1024)])
	switch {
	case bytes.HasPrefix(start, []byte("<!doctype html")), bytes.HasPrefix(start, []byte("<html")):
		return doc.FormatHTML
	case bytes.HasPrefix(start, []byte("<?xml")), bytes.HasPrefix(start, []byte("<doc")),
		bytes.HasPrefix(start, []byte("<timeml")), bytes.HasPrefix(start, []byte("<!doctype")):
		lowerHead := bytes.ToLower(head)
		if bytes.Contains(lowerHead, []byte("<html")) {
			return doc.FormatHTML
		}
		return doc.FormatSGML
	case bytes.HasPrefix(start, []byte("<")):
		lowerHead := bytes.ToLower(head)
		if bytes.Contains(lowerHead, []byte("<text")) {
			return doc.FormatSGML
		}
		if bytes.Contains(lowerHead, []byte("<body")) || bytes.Contains(lowerHead, []byte("<p>")) || bytes.Contains(lowerHead, []byte("<div")) {
			return doc.FormatHTML
		}
	}
	// Wiki markup: links, templates, references or bold/italic quotes.
	markup := bytes.Count(head, []byte("[[")) + bytes.Count(head, []byte("{{")) +
		bytes.Count(head, []byte("<ref")) + bytes.Count(head, []byte("'''"))
	firstLine := trimmed
	if i := bytes.IndexByte(firstLine, '\n'); i >= 0 {
		firstLine = firstLine[:i]
	}
	firstLine = bytes.TrimSpace(firstLine)
	if markup >= 2 {
		return doc.FormatWikitext
	}
	if wikiTitle.Match(firstLine) || wikiHeadingLine.Match(head) {
		return doc.FormatWikiPlain
	}
	return doc.FormatPlain
}

var (
	wikiTitle       = regexp.MustCompile(`^=[^=].*[^=]=$`)
	wikiHeadingLine = regexp.MustCompile(`(?m)^={2,6}[^=\n].*[^=\n]={2,6}[ \t\r]*$`)
	numberedItem    = regexp.MustCompile(`^(\d{1,3})[.)] +\S`)
)

// plainText is the clean text of a plain format: the file itself, less a
// byte-order mark.
func plainText(raw string) (string, doc.OffsetMap) {
	n := bomLen(raw)
	if n == 0 {
		return raw, doc.OffsetMap{}
	}
	tb := doc.NewTextBuilder(raw)
	tb.Copy(n, len(raw))
	return tb.Done()
}

// headingLevel returns the level and inner clean range of a line written
// as "= Title =" / "== Heading ==", or level 0.
func headingLevel(text string, ls, le int) (level, s, e int) {
	line := text[ls:le]
	t := strings.TrimRight(line, " \t")
	if len(t) < 3 || t[0] != '=' || t[len(t)-1] != '=' {
		return 0, 0, 0
	}
	open := 0
	for open < len(t) && t[open] == '=' {
		open++
	}
	closeN := 0
	for closeN < len(t) && t[len(t)-1-closeN] == '=' {
		closeN++
	}
	if open+closeN >= len(t) {
		return 0, 0, 0
	}
	level = min(open, closeN)
	if level > 6 {
		return 0, 0, 0
	}
	s, e = ls+level, ls+len(t)-level
	s, e = trimSpace(text, s, e)
	if s >= e {
		return 0, 0, 0
	}
	return level, s, e
}

// parseWikiPlain reads the plain-text export of a Wikipedia article: the
// title as "= T =", an "Infobox" block of "- Key: value" lines, headings
// "==" to "====", "- " list items and one paragraph per line.
func parseWikiPlain(raw string) *parsed {
	text, m := plainText(raw)
	p := &parsed{text: text, m: m}
	inInfobox := false
	lines(text, 0, len(text), func(ls, le int) {
		s, e := trimSpace(text, ls, le)
		if s >= e {
			inInfobox = false
			return
		}
		line := text[s:e]
		if level, hs, he := headingLevel(text, s, e); level > 0 {
			inInfobox = false
			if level == 1 && p.title == "" {
				p.title = text[hs:he]
				p.addBlock(doc.BlockTitle, hs, he, 1, "")
				return
			}
			p.addBlock(doc.BlockHeading, hs, he, level, "")
			return
		}
		if line == "Infobox" || strings.HasPrefix(line, "Infobox ") {
			inInfobox = true
			return
		}
		if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "• ") {
			_, n := utf8.DecodeRuneInString(line)
			is := s + n
			if inInfobox {
				if k := strings.Index(text[is:e], ":"); k > 0 {
					ks, ke := trimSpace(text, is, is+k)
					vs, ve := trimSpace(text, is+k+1, e)
					p.infobox = append(p.infobox, doc.InfoboxField{
						Key: text[ks:ke], Value: text[vs:ve],
						KeySpan: doc.Span{Start: ks, End: ke}, ValueSpan: doc.Span{Start: vs, End: ve},
					})
					p.addBlock(doc.BlockInfobox, is, e, 0, "")
					return
				}
			}
			p.addBlock(doc.BlockListItem, is, e, 0, "")
			return
		}
		inInfobox = false
		if mm := numberedItem.FindStringSubmatch(line); mm != nil {
			p.addBlock(doc.BlockListItem, s, e, 0, mm[1])
			return
		}
		p.addBlock(doc.BlockParagraph, s, e, 0, "")
	})
	return p
}

// parsePlain reads plain text: paragraphs separated by blank lines, list
// items marked "- ", "* ", "• " or "1.", Markdown-style "#" headings and
// underlined headings, and short unpunctuated one-line paragraphs taken as
// headings.
func parsePlain(raw string) *parsed {
	text, m := plainText(raw)
	p := &parsed{text: text, m: m}
	plainBlocks(p, 0, len(text))
	return p
}

// plainBlocks finds blocks in the clean range [start, end) of p.text.
func plainBlocks(p *parsed, start, end int) {
	text := p.text
	type line struct{ s, e int }
	var para []line
	flush := func() {
		if len(para) == 0 {
			return
		}
		defer func() { para = para[:0] }()
		// Underlined heading: "Title\n=====" or "Title\n-----".
		if len(para) == 2 && isUnderline(text[para[1].s:para[1].e]) {
			level := 2
			if text[para[1].s] == '=' {
				level = 1
			}
			p.addHeading(level, para[0].s, para[0].e)
			return
		}
		// List items: every line of the paragraph starts with a marker.
		allItems := true
		for _, l := range para {
			if _, ok := listMarker(text[l.s:l.e]); !ok {
				allItems = false
				break
			}
		}
		if allItems {
			for _, l := range para {
				n, _ := listMarker(text[l.s:l.e])
				ord := ""
				if mm := numberedItem.FindStringSubmatch(text[l.s:l.e]); mm != nil {
					ord = mm[1]
					n = 0
				}
				p.addBlock(doc.BlockListItem, l.s+n, l.e, 0, ord)
			}
			return
		}
		if len(para) == 1 && looksLikeHeading(text[para[0].s:para[0].e]) {
			p.addHeading(2, para[0].s, para[0].e)
			return
		}
		p.addBlock(doc.BlockParagraph, para[0].s, para[len(para)-1].e, 0, "")
	}
	lines(text, start, end, func(ls, le int) {
		s, e := trimSpace(text, ls, le)
		if s >= e {
			flush()
			return
		}
		if text[s] == '#' {
			n := 0
			for s+n < e && text[s+n] == '#' {
				n++
			}
			if n <= 6 && s+n < e && text[s+n] == ' ' {
				flush()
				p.addHeading(n, s+n, e)
				return
			}
		}
		if level, hs, he := headingLevel(text, s, e); level > 0 {
			flush()
			p.addHeading(level, hs, he)
			return
		}
		para = append(para, line{s, e})
	})
	flush()
}

// addHeading adds a heading block; the first level-1 heading is the title.
func (p *parsed) addHeading(level, s, e int) {
	if level == 1 && p.title == "" {
		s2, e2 := trimSpace(p.text, s, e)
		p.title = p.text[s2:e2]
		p.addBlock(doc.BlockTitle, s, e, 1, "")
		return
	}
	if level < 2 {
		level = 2
	}
	p.addBlock(doc.BlockHeading, s, e, level, "")
}

func isUnderline(s string) bool {
	if len(s) < 3 {
		return false
	}
	c := s[0]
	if c != '=' && c != '-' {
		return false
	}
	return strings.Trim(s, string(c)) == ""
}

// listMarker returns the length of a list marker at the start of s.
func listMarker(s string) (int, bool) {
	for _, mk := range []string{"- ", "* ", "• ", "– "} {
		if strings.HasPrefix(s, mk) {
			return len(mk), true
		}
	}
	if numberedItem.MatchString(s) {
		return 0, true
	}
	return 0, false
}

// looksLikeHeading says whether a one-line paragraph reads as a heading:
// short, capitalised, and not ending like a sentence.
func looksLikeHeading(s string) bool {
	if len(s) > 80 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?:;,\"”'’", last) {
		return false
	}
	return len(strings.Fields(s)) <= 12
}
