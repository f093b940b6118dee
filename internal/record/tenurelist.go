package record

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// officeNouns are the plural office words a list heading may name, with
// their singular ("Soviet ambassadors to Berlin", "Foreign ministers of
// Germany", "Chancellors", "People's Commissars for Foreign Affairs").
var officeNouns = map[string]string{
	"ambassadors": "ambassador", "envoys": "envoy", "ministers": "minister", "chancellors": "chancellor",
	"presidents": "president", "commissars": "commissar", "chairmen": "chairman", "secretaries": "secretary",
	"premiers": "premier", "governors": "governor", "commanders": "commander", "chiefs": "chief",
	"heads": "head", "leaders": "leader", "consuls": "consul", "representatives": "representative",
	"plenipotentiaries": "plenipotentiary", "chargés": "chargé", "charges": "chargé", "ministers-president": "minister-president",
	"monarchs": "monarch", "kings": "king", "emperors": "emperor", "popes": "pope", "mayors": "mayor",
	"generals": "general", "marshals": "marshal", "directors": "director", "attachés": "attaché",
	"residents": "resident", "nuncios": "nuncio", "legates": "legate", "viceroys": "viceroy",
	"commissioners": "commissioner", "ambassador": "ambassador", "envoy": "envoy",
}

// officeModifiers qualify an office noun even when capitalised ("Foreign
// ministers", "Prime Ministers").
var officeModifiers = map[string]bool{"foreign": true, "prime": true, "trade": true, "interior": true,
	"defence": true, "defense": true, "war": true, "finance": true, "deputy": true, "vice": true,
	"chief": true, "special": true, "state": true, "naval": true, "military": true, "air": true}

// Heading is what an office list's heading says: the office (singular),
// the words naming whose office it is (a demonym or "of X"), and the post
// ("to Berlin", "in Moscow").
type Heading struct {
	Office string // "ambassador", "foreign minister"
	Of     string // "Soviet", "Germany" — the words before the office, or after "of"
	Post   string // "Berlin", "the Soviet Union"
	// OfSpan and PostSpan are byte spans of Of and Post in the heading.
	OfSpan, PostSpan [2]int
}

// ParseHeading reads an office-list heading: "<Demonym> <offices>
// [(…)] [to|in|at <post>]", "<Offices> of <state> [to|in <post>]", "List
// of <offices> of <state>". It returns false when the heading names no
// office in the plural.
func ParseHeading(h string) (Heading, bool) {
	var out Heading
	words := splitWords(h)
	oi := -1
	for i, w := range words {
		lw := strings.ToLower(w.text)
		if _, ok := officeNouns[lw]; ok && strings.HasSuffix(lw, "s") {
			oi = i
			break
		}
	}
	if oi < 0 {
		return out, false
	}
	office := officeNouns[strings.ToLower(words[oi].text)]
	// A modifier before the office noun that is not a name: "foreign
	// ministers", "trade representatives".
	start := 0
	if oi > 0 && strings.ToLower(words[0].text) == "list" && len(words) > 1 && strings.ToLower(words[1].text) == "of" {
		start = 2
	}
	k := oi - 1
	var mods []string
	for k >= start && (isLowerWord(words[k].text) || officeModifiers[strings.ToLower(words[k].text)]) {
		mods = append([]string{strings.ToLower(words[k].text)}, mods...)
		k--
	}
	if len(mods) > 0 {
		office = strings.Join(mods, " ") + " " + office
	}
	// Capitalised words before: whose office ("Soviet", "German",
	// "People's Commissars" is a title, not a state: kept in the office).
	if k >= start {
		out.OfSpan = [2]int{words[start].start, words[k].end}
		out.Of = h[out.OfSpan[0]:out.OfSpan[1]]
		if strings.HasSuffix(out.Of, "'s") || strings.HasSuffix(out.Of, "’s") {
			// "People's Commissars": a title
			office = strings.TrimSpace(out.Of) + " " + office
			out.Of, out.OfSpan = "", [2]int{}
		}
	}
	// After the office: skip a parenthesis, then "of X", "for X", "to X".
	i := oi + 1
	rest := h[words[oi].end:]
	restOff := words[oi].end
	if t := strings.TrimLeft(rest, " "); strings.HasPrefix(t, "(") {
		if j := strings.IndexByte(t, ')'); j >= 0 {
			skip := len(rest) - len(t) + j + 1
			restOff += skip
			for i < len(words) && words[i].start < restOff {
				i++
			}
		}
	}
	for i < len(words) {
		lw := strings.ToLower(words[i].text)
		switch lw {
		case "of", "for":
			j := i + 1
			for j < len(words) && !isPrep(words[j].text) {
				j++
			}
			if j > i+1 {
				if out.Of == "" && lw == "of" {
					out.OfSpan = [2]int{words[i+1].start, words[j-1].end}
					out.Of = h[out.OfSpan[0]:out.OfSpan[1]]
				} else {
					office += " " + lw + " " + h[words[i+1].start:words[j-1].end]
				}
			}
			i = j
		case "to", "in", "at":
			if i+1 < len(words) {
				out.PostSpan = [2]int{words[i+1].start, trimEnd(h, words[len(words)-1].end)}
				out.Post = h[out.PostSpan[0]:out.PostSpan[1]]
			}
			i = len(words)
		default:
			i++
		}
	}
	out.Office = office
	return out, true
}

func trimEnd(s string, end int) int {
	for end > 0 && (s[end-1] == ')' || s[end-1] == ' ' || s[end-1] == '.') {
		end--
	}
	return end
}

func isPrep(w string) bool {
	switch strings.ToLower(w) {
	case "to", "in", "at", "of", "for", "from":
		return true
	}
	return false
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && w != "of" && w != "to" && w != "in" && w != "and" && w != "the"
}

type word struct {
	text       string
	start, end int
}

// splitWords splits s into words (letters, digits, apostrophes, hyphens)
// with their byte spans.
func splitWords(s string) []word {
	var out []word
	i := 0
	for i < len(s) {
		ok, w := nameRuneAt(s, i)
		if !ok {
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			ok2, w2 := nameRuneAt(s, j)
			if !ok2 {
				break
			}
			j += w2
		}
		if out == nil {
			out = make([]word, 0, 8)
		}
		out = append(out, word{s[i:j], i, j})
		i = j
	}
	return out
}

// nameRuneAt reports whether the rune at i of s is a name rune, and its
// width; ASCII bytes are told without decoding.
func nameRuneAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '-' || c == '.', 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return isNameRune(r), w
}

func isNameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-' || r == '.'
}

// ListEntry is one office holder in a list: "Nikolay Krestinsky
// (1921–1930)", "Karl Helfferich", "Lev Khinchuk, 1930–1934".
type ListEntry struct {
	Name       string
	NameSpan   [2]int // byte span of the name in the item
	Start, End string // years (or fuller dates); "" when not given
	DateSpan   [2]int
}

// ParseListEntry reads one list item naming an office holder and the
// years of office. It returns false when the item does not start with a
// capitalised name.
func ParseListEntry(s string) (ListEntry, bool) {
	var e ListEntry
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '-' || s[i] == '*' || s[i] == '\t') {
		i++
	}
	if i < len(s) && strings.HasPrefix(s[i:], "•") {
		i += len("•")
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	// The name runs to "(", ",", ":", " – " or the end.
	end := len(s)
	for _, sep := range []string{"(", ",", ":", " – ", " - ", " — ", ";"} {
		if j := strings.Index(s[i:], sep); j >= 0 && i+j < end {
			end = i + j
		}
	}
	name := strings.TrimRight(s[i:end], " ")
	if name == "" {
		return e, false
	}
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsUpper(r) {
		return e, false
	}
	// a name has at most eight words and at least one letter
	if len(strings.Fields(name)) > 8 {
		return e, false
	}
	e.Name = name
	e.NameSpan = [2]int{i, i + len(name)}
	// Years after the name.
	ys := findYears(s[end:])
	if len(ys) > 0 {
		e.Start = ys[0].text
		e.DateSpan = [2]int{end + ys[0].start, end + ys[0].end}
		if len(ys) > 1 {
			e.End = ys[1].text
			e.DateSpan[1] = end + ys[1].end
		} else if openEnded(s[end+ys[0].end:]) {
			e.End = ""
		} else {
			e.End = ys[0].text
		}
	}
	return e, true
}

// openEnded reports whether a lone year is followed by a dash and nothing
// ("1939–" or "1939–present": still in office).
func openEnded(s string) bool {
	t := strings.TrimLeft(s, " ")
	return strings.HasPrefix(t, "–") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "—")
}

type year struct {
	text       string
	start, end int
}

// findYears returns the four-digit years (1000–2199) in s, expanding a
// two-digit second year of a range ("1933–34" → 1934).
func findYears(s string) []year {
	var out []year
	for i := 0; i+4 <= len(s); i++ {
		if !isDigits(s[i:i+4]) || i > 0 && isDigit(s[i-1]) || i+4 < len(s) && isDigit(s[i+4]) {
			continue
		}
		if s[i] != '1' && s[i] != '2' {
			continue
		}
		out = append(out, year{s[i : i+4], i, i + 4})
		i += 3
		// "1933–34"
		j := i + 1
		for _, dash := range []string{"–", "-", "—"} {
			if strings.HasPrefix(s[j:], dash) {
				k := j + len(dash)
				if k+2 <= len(s) && isDigits(s[k:k+2]) && (k+2 == len(s) || !isDigit(s[k+2])) {
					out = append(out, year{s[i-3:i-1] + s[k:k+2], k, k + 2})
					i = k + 1
				}
			}
		}
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
