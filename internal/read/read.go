// Package read turns input files into chronicle documents. Each reader maps
// its format to a clean text (markup dropped, entities decoded) and a list
// of blocks — title, headings, paragraphs, list items, infobox fields —
// whose spans point back into the original bytes.
package read

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/chronicle-history/chronicle/internal/doc"
)

// DefaultMaxBytes is the largest document read unless told otherwise. A
// document is held in memory with its annotations (about ten times its
// size at peak), so the limit keeps a mistaken input from exhausting memory.
const DefaultMaxBytes = 128 << 20

// Options tune reading.
type Options struct {
	// Format forces a reader ("wikiplain", "plain", "wikitext", "html",
	// "sgml"); empty or "auto" sniffs the content.
	Format string
	// MaxBytes refuses larger inputs; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// Formats lists the reader names accepted by Options.Format.
var Formats = []string{doc.FormatWikiPlain, doc.FormatPlain, doc.FormatWikitext, doc.FormatHTML, doc.FormatSGML}

// Error is a problem with one input, named by its path.
type Error struct {
	Path    string
	Problem string
	Err     error
}

func (e *Error) Error() string { return e.Path + ": " + e.Problem }
func (e *Error) Unwrap() error { return e.Err }

func (o Options) max() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// File reads the file at path ("-" is standard input, read from stdin).
func File(ctx context.Context, path string, stdin io.Reader, o Options) (*doc.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var data []byte
	if path == "-" {
		b, err := io.ReadAll(io.LimitReader(stdin, o.max()+1))
		if err != nil {
			return nil, &Error{Path: "-", Problem: "cannot read standard input: " + err.Error(), Err: err}
		}
		if int64(len(b)) > o.max() {
			return nil, &Error{Path: "-", Problem: fmt.Sprintf("input is larger than the limit of %s per document (raise it with --max-size)", humanBytes(o.max()))}
		}
		data = b
	} else {
		st, err := os.Stat(path)
		if err != nil {
			return nil, &Error{Path: path, Problem: describeOSError(err), Err: err}
		}
		if st.IsDir() {
			return nil, &Error{Path: path, Problem: "is a directory, not a file"}
		}
		if st.Size() > o.max() {
			return nil, &Error{Path: path, Problem: fmt.Sprintf("file is %s, larger than the limit of %s per document (raise it with --max-size)", humanBytes(st.Size()), humanBytes(o.max()))}
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, &Error{Path: path, Problem: describeOSError(err), Err: err}
		}
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, o.max()+1))
		if err != nil {
			return nil, &Error{Path: path, Problem: "cannot read: " + err.Error(), Err: err}
		}
		if int64(len(b)) > o.max() {
			return nil, &Error{Path: path, Problem: fmt.Sprintf("file grew beyond the limit of %s while being read", humanBytes(o.max()))}
		}
		data = b
	}
	return Bytes(path, data, o)
}

func describeOSError(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Bytes reads data that came from path (used only to name the document).
func Bytes(path string, data []byte, o Options) (*doc.Document, error) {
	if err := Check(data); err != nil {
		return nil, &Error{Path: path, Problem: err.Error(), Err: err}
	}
	format := strings.ToLower(o.Format)
	if format == "" || format == "auto" {
		format = Sniff(data)
	}
	raw := string(data)
	var p *parsed
	switch format {
	case doc.FormatWikiPlain:
		p = parseWikiPlain(raw)
	case doc.FormatPlain:
		p = parsePlain(raw)
	case doc.FormatWikitext:
		p = parseWikitext(raw)
	case doc.FormatHTML:
		p = parseHTML(raw)
	case doc.FormatSGML:
		p = parseSGML(raw)
	default:
		return nil, &Error{Path: path, Problem: fmt.Sprintf("unknown input format %q (want one of %s)", o.Format, strings.Join(Formats, ", "))}
	}
	if strings.TrimSpace(p.text) == "" {
		return nil, &Error{Path: path, Problem: "no text found (read as " + format + ")"}
	}
	sum := sha256.Sum256(data)
	d := &doc.Document{
		ID:     DocumentID(path),
		Path:   path,
		SHA256: hex.EncodeToString(sum[:]),
		Format: format,
		Size:   len(data),
		Raw:    raw,
		Text:   p.text,
		Map:    p.m,
	}
	d.Title = p.title
	if d.Title == "" {
		d.Title = titleFromPath(path)
	}
	for i := range p.blocks {
		b := &p.blocks[i]
		b.Span = d.RawSpan(b.Clean)
		b.Text = p.text[b.Clean.Start:b.Clean.End]
	}
	d.Blocks = p.blocks
	for _, f := range p.infobox {
		f.KeySpan = d.RawSpan(f.KeySpan)
		f.ValueSpan = d.RawSpan(f.ValueSpan)
		d.Infobox = append(d.Infobox, f)
	}
	return d, nil
}

// Check refuses data that is not a text document: empty, binary, or not
// valid UTF-8.
func Check(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return errors.New("empty file")
		}
		return errors.New("file holds only white space")
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return errors.New("binary data (NUL bytes), not a text document")
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*20 > len(head) {
		return errors.New("binary data (control bytes), not a text document")
	}
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		line := bytes.Count(data[:off], []byte{'\n'}) + 1
		return fmt.Errorf("invalid UTF-8 at byte %d (line %d); convert the file to UTF-8", off, line)
	}
	return nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// DocumentID makes a stable, readable id from a path.
func DocumentID(path string) string {
	if path == "-" {
		return "stdin"
	}
	base := filepath.Base(path)
	if ext := filepath.Ext(base); ext != "" && len(ext) <= 6 {
		base = strings.TrimSuffix(base, ext)
	}
	base = strings.TrimSuffix(base, ".key") // WikiWars keyinline names
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		ok := (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '_' || r == '.'
		if ok {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.Trim(b.String(), "-")
	if id == "" {
		id = "document"
	}
	return id
}

func titleFromPath(path string) string {
	if path == "-" {
		return "standard input"
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// parsed is what a format parser hands back: the clean text, its map, and
// blocks with clean spans.
type parsed struct {
	text    string
	m       doc.OffsetMap
	title   string
	blocks  []doc.Block
	infobox []doc.InfoboxField // spans in clean coordinates until Bytes maps them
}

// addBlock appends a block over the clean range [s, e), trimmed of white
// space; empty blocks are dropped.
func (p *parsed) addBlock(kind string, s, e, level int, ordinal string) {
	s, e = trimSpace(p.text, s, e)
	if s >= e {
		return
	}
	p.blocks = append(p.blocks, doc.Block{Kind: kind, Level: level, Ordinal: ordinal, Clean: doc.Span{Start: s, End: e}, Section: -1})
}

// trimSpace narrows [s, e) of text to exclude leading and trailing white
// space (ASCII and the common Unicode spaces).
func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xA0, 0x2009, 0x200A, 0x202F, 0x2002, 0x2003, 0xFEFF, 0x200B:
		return true
	}
	return false
}

// lines calls fn for every line of text[start:end] with the line's bounds
// (excluding the line break and a trailing carriage return).
func lines(text string, start, end int, fn func(ls, le int)) {
	for i := start; i < end; {
		j := strings.IndexByte(text[i:end], '\n')
		next := end
		le := end
		if j >= 0 {
			le = i + j
			next = le + 1
		}
		if le > i && text[le-1] == '\r' {
			le--
		}
		fn(i, le)
		i = next
	}
}

// bomLen is the length of a UTF-8 byte-order mark at the start of raw.
func bomLen(raw string) int {
	if strings.HasPrefix(raw, "\uFEFF") {
		return 3
	}
	return 0
}
