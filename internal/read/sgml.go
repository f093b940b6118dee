package read

import (
	"html"
	"strings"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// parseSGML reads ACE / TimeML style documents: the text is the content of
// the <TEXT> element (the whole file when there is none) with inline tags
// such as <TIMEX2> or <TIMEX3> removed and entities decoded; the title is
// the <TITLE>, <HEADLINE> or <DOCID>.
func parseSGML(raw string) *parsed {
	lower := LowerASCII(raw)
	start, end := bomLen(raw), len(raw)
	if i := indexTag(lower, "text", 0); i >= 0 {
		if j := strings.IndexByte(raw[i:], '>'); j >= 0 {
			start = i + j + 1
			end = len(raw)
			if k := strings.Index(lower[start:], "</text>"); k >= 0 {
				end = start + k
			}
		}
	}
	tb := doc.NewTextBuilder(raw)
	emitStripped(tb, raw, start, end)
	text, m := tb.Done()
	p := &parsed{text: text, m: m}
	for _, tag := range []string{"title", "headline", "docid"} {
		if t := elementText(raw, lower, tag); t != "" {
			p.title = t
			break
		}
	}
	plainBlocks(p, 0, len(text))
	// A document title found inside the text is a heading like any other.
	return p
}

// LowerASCII lower-cases the ASCII letters of s and leaves every other
// byte as it is, so that offsets found in the result are offsets in s
// (strings.ToLower may change the length of non-ASCII text).
func LowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// indexTag finds the start of an opening tag <name> or <name attr...> in a
// lower-cased text, from position from.
func indexTag(lower, name string, from int) int {
	for i := from; i < len(lower); {
		j := strings.Index(lower[i:], "<"+name)
		if j < 0 {
			return -1
		}
		k := i + j + 1 + len(name)
		if k < len(lower) && (lower[k] == '>' || lower[k] == ' ' || lower[k] == '\t' || lower[k] == '\n' || lower[k] == '\r' || lower[k] == '/') {
			return i + j
		}
		i = k
	}
	return -1
}

func elementText(raw, lower, name string) string {
	i := indexTag(lower, name, 0)
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(raw[i:], '>')
	if j < 0 {
		return ""
	}
	s := i + j + 1
	k := strings.Index(lower[s:], "</"+name)
	if k < 0 {
		return ""
	}
	inner := raw[s : s+k]
	inner = StripTags(inner)
	return strings.Join(strings.Fields(html.UnescapeString(inner)), " ")
}

// StripTags removes markup tags from s, keeping the text between them (an
// unclosed tag runs to the end). Entities are left as they are.
func StripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return b.String()
		}
		s = s[i+j+1:]
	}
}

// emitStripped copies raw[start:end] into tb, dropping tags and decoding
// entities.
func emitStripped(tb *doc.TextBuilder, raw string, start, end int) {
	i := start
	for i < end {
		j := strings.IndexByte(raw[i:end], '<')
		if j < 0 {
			emitEntities(tb, raw, i, end)
			return
		}
		emitEntities(tb, raw, i, i+j)
		i += j
		k := strings.IndexByte(raw[i:end], '>')
		if k < 0 {
			// A stray "<": keep it as text.
			emitEntities(tb, raw, i, end)
			return
		}
		i += k + 1
	}
}

// emitEntities copies raw[start:end] into tb, decoding character entities
// (&amp;, &#8211;, &nbsp; ...) each to its character.
func emitEntities(tb *doc.TextBuilder, raw string, start, end int) {
	i := start
	for i < end {
		j := strings.IndexByte(raw[i:end], '&')
		if j < 0 {
			tb.Copy(i, end)
			return
		}
		tb.Copy(i, i+j)
		i += j
		n := entityLen(raw[i:end])
		if n == 0 {
			tb.Copy(i, i+1)
			i++
			continue
		}
		dec := html.UnescapeString(raw[i : i+n])
		if dec == "\u00a0" {
			dec = " "
		}
		tb.Replace(i, i+n, dec)
		i += n
	}
}

// entityLen returns the length of a character entity at the start of s
// ("&amp;" → 5), or 0 if s does not start with one.
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	for i := 1; i < len(s) && i < 34; i++ {
		c := s[i]
		switch {
		case c == ';':
			if i == 1 {
				return 0
			}
			if html.UnescapeString(s[:i+1]) == s[:i+1] {
				return 0
			}
			return i + 1
		case c == '#' && i == 1, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return 0
		}
	}
	return 0
}
