package read

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// parseHTML reads an article page. Only the main content counts (the
// MediaWiki content element, else <main>, else <article>, else <body>);
// scripts, styles, navigation, headers, footers, edit links, reference
// markers, reference lists, navigation boxes and data tables are dropped.
// An infobox table becomes infobox fields. Offsets come from the raw bytes
// of each token, so entities and tags map back exactly.
func parseHTML(raw string) *parsed {
	h := &htmlParser{raw: raw, tb: doc.NewTextBuilder(raw), cur: -1}
	h.mainKind = mainElement(raw)
	h.run()
	text, m := h.tb.Done()
	p := &parsed{text: text, m: m, title: h.title, blocks: h.blocks}
	for _, b := range h.blocks {
		if b.Kind != doc.BlockInfobox {
			continue
		}
		t := text[b.Clean.Start:b.Clean.End]
		k := strings.Index(t, ": ")
		if k <= 0 {
			continue
		}
		ks, ke := b.Clean.Start, b.Clean.Start+k
		vs, ve := trimSpace(text, ke+2, b.Clean.End)
		p.infobox = append(p.infobox, doc.InfoboxField{Key: text[ks:ke], Value: text[vs:ve],
			KeySpan: doc.Span{Start: ks, End: ke}, ValueSpan: doc.Span{Start: vs, End: ve}})
	}
	return p
}

// mainElement says which element holds the article: "mw" (a MediaWiki page
// with id="mw-content-text"), "main", "article" or "" for the whole body.
func mainElement(raw string) string {
	lower := LowerASCII(raw)
	switch {
	case strings.Contains(lower, `id="mw-content-text"`):
		return "mw"
	case indexTag(lower, "main", 0) >= 0:
		return "main"
	case indexTag(lower, "article", 0) >= 0:
		return "article"
	}
	return ""
}

type htmlElem struct {
	name    string
	skip    bool
	main    bool
	infobox bool
}

type htmlParser struct {
	raw      string
	tb       *doc.TextBuilder
	mainKind string
	stack    []htmlElem
	skip     int // open elements whose content is dropped
	inMain   int // open main-content elements
	infobox  int // open infobox tables
	title    string
	h1       string
	inTitle  bool
	inH1     bool
	titleBuf strings.Builder
	h1Buf    strings.Builder

	blocks []doc.Block
	kind   string
	level  int
	cur    int // clean start of the open block, -1 for none
}

var htmlVoid = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

var htmlSkipTags = map[string]bool{"script": true, "style": true, "noscript": true, "nav": true, "header": true,
	"footer": true, "aside": true, "form": true, "template": true, "svg": true, "button": true, "select": true,
	"iframe": true, "object": true, "head": true, "textarea": true, "canvas": true, "audio": true, "video": true}

var htmlSkipClasses = []string{"navbox", "vertical-navbox", "reflist", "references", "reference", "mw-editsection",
	"toc", "catlinks", "printfooter", "mw-jump-link", "noprint", "metadata", "shortdescription", "sidebar",
	"mw-references-wrap", "thumb", "mw-empty-elt", "hatnote", "navigation-not-searchable", "sistersitebox", "ambox"}

var htmlBlockTags = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "dd": true, "dt": true, "blockquote": true, "div": true, "section": true, "article": true, "main": true,
	"ul": true, "ol": true, "dl": true, "table": true, "tr": true, "td": true, "th": true, "caption": true,
	"figure": true, "figcaption": true, "pre": true, "body": true, "tbody": true, "thead": true}

func hasClass(classes, c string) bool {
	for _, f := range strings.Fields(classes) {
		if f == c {
			return true
		}
	}
	return false
}

func (h *htmlParser) skipping() bool {
	return h.skip > 0 || (h.mainKind != "" && h.inMain == 0)
}

func (h *htmlParser) flush() {
	if h.cur < 0 {
		return
	}
	text := h.tb.String()
	s, e := trimSpace(text, h.cur, len(text))
	if s < e {
		kind := h.kind
		level := h.level
		if kind == doc.BlockHeading && level == 1 && h.title == "" {
			kind = doc.BlockTitle
			h.title = strings.Join(strings.Fields(text[s:e]), " ")
		}
		h.blocks = append(h.blocks, doc.Block{Kind: kind, Level: level, Clean: doc.Span{Start: s, End: e}, Section: -1})
	}
	h.cur = -1
}

func (h *htmlParser) open(at int) {
	if h.cur >= 0 {
		return
	}
	if h.tb.Len() > 0 && h.tb.Last() != '\n' {
		h.tb.Insert(at, "\n\n")
	}
	h.cur = h.tb.Len()
}

func (h *htmlParser) setKind(name string) {
	h.kind, h.level = doc.BlockParagraph, 0
	switch name {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		h.kind, h.level = doc.BlockHeading, int(name[1]-'0')
		if h.level == 1 && h.title != "" {
			h.level = 2
		}
	case "li", "dd", "dt":
		h.kind = doc.BlockListItem
	case "tr":
		if h.infobox > 0 {
			h.kind = doc.BlockInfobox
		}
	}
}

func (h *htmlParser) run() {
	z := html.NewTokenizer(strings.NewReader(h.raw))
	z.SetMaxBuf(0)
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		rawTok := z.Raw()
		start := off
		off += len(rawTok)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			nameB, hasAttr := z.TagName()
			name := string(nameB)
			var class, id string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "class":
					class = string(v)
				case "id":
					id = string(v)
				}
			}
			if name == "br" {
				if !h.skipping() && h.cur >= 0 {
					h.tb.Replace(start, off, " ")
				}
				continue
			}
			if htmlVoid[name] || tt == html.SelfClosingTagToken {
				continue
			}
			e := htmlElem{name: name}
			e.skip = htmlSkipTags[name]
			for _, c := range htmlSkipClasses {
				if hasClass(class, c) {
					e.skip = true
				}
			}
			if name == "table" {
				if hasClass(class, "infobox") {
					e.infobox = true
					e.skip = false
				} else if h.infobox == 0 {
					e.skip = true
				}
			}
			if name == "sup" && strings.Contains(class, "reference") {
				e.skip = true
			}
			switch h.mainKind {
			case "mw":
				e.main = id == "mw-content-text"
			case "main", "article":
				e.main = name == h.mainKind
			}
			if name == "title" {
				h.inTitle = true
			}
			if name == "h1" && h.h1 == "" {
				h.inH1 = true
			}
			h.push(e)
			if htmlBlockTags[name] {
				if h.infobox > 0 && (name == "td" || name == "th") {
					if name == "td" && h.cur >= 0 {
						h.tb.Insert(start, ": ")
					}
					continue
				}
				h.flush()
				h.setKind(name)
			}
		case html.EndTagToken:
			nameB, _ := z.TagName()
			name := string(nameB)
			if name == "title" {
				h.inTitle = false
			}
			if name == "h1" && h.inH1 {
				h.inH1 = false
				h.h1 = strings.Join(strings.Fields(h.h1Buf.String()), " ")
			}
			if htmlBlockTags[name] && !(h.infobox > 0 && (name == "td" || name == "th")) {
				h.flush()
				h.kind, h.level = doc.BlockParagraph, 0
			}
			h.pop(name)
		case html.TextToken:
			if h.inTitle {
				h.titleBuf.WriteString(html.UnescapeString(string(rawTok)))
				continue
			}
			if h.inH1 {
				h.h1Buf.WriteString(html.UnescapeString(string(rawTok)))
			}
			if h.skipping() {
				continue
			}
			if strings.TrimSpace(string(rawTok)) == "" && h.cur < 0 {
				continue
			}
			h.open(start)
			emitEntities(h.tb, h.raw, start, off)
		}
	}
	h.flush()
	if h.title == "" {
		t := strings.Join(strings.Fields(h.titleBuf.String()), " ")
		if i := strings.LastIndex(t, " - "); i > 0 && strings.Contains(t[i:], "Wikipedia") {
			t = t[:i]
		}
		if t == "" {
			t = h.h1
		}
		h.title = t
	}
}

func (h *htmlParser) push(e htmlElem) {
	h.stack = append(h.stack, e)
	if e.skip {
		h.skip++
	}
	if e.main {
		h.inMain++
	}
	if e.infobox {
		h.infobox++
	}
}

// pop closes the innermost open element called name, and any elements left
// open inside it.
func (h *htmlParser) pop(name string) {
	for i := len(h.stack) - 1; i >= 0; i-- {
		if h.stack[i].name != name {
			continue
		}
		for j := len(h.stack) - 1; j >= i; j-- {
			e := h.stack[j]
			if e.skip {
				h.skip--
			}
			if e.main {
				h.inMain--
			}
			if e.infobox {
				h.infobox--
			}
		}
		h.stack = h.stack[:i]
		return
	}
}
