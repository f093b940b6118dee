package actor

import (
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.txt
var dataFS embed.FS

// State is a sovereign state with its names and regimes.
type State struct {
	Code       string
	Name       string
	Aliases    []Named
	Adjectives []Named
	Singulars  []Named
	Plurals    []Named
	Combining  []Named
	Capitals   []Named
	Seats      []Named
	Weak       []Named
	Period     Period
	Regimes    []Regime
	Note       string
}

// Regime is a form of government of a state in a period.
type Regime struct {
	Name    string
	Period  Period
	Aliases []string
}

// Member is a state belonging to a coalition in a period.
type Member struct {
	Code   string
	Period Period
}

// Org is an organisation, coalition or group.
type Org struct {
	ID       string
	Name     string
	Kind     string // organization or group
	Type     string
	State    string
	Period   Period
	Aliases  []Named
	Weak     []Named
	Anaphors []Named
	Seats    []Named
	Members  []Member
	Note     string
}

// Tenure is an office a person held.
type Tenure struct {
	Class  string // office class (offices.txt)
	State  string
	Org    string // organisation id, or ""
	Title  string
	Period Period
}

// Person is a person of the registry.
type Person struct {
	ID      string
	Name    string
	State   string
	Aliases []Named
	Tenures []Tenure
	Note    string
	// keys are the name keys of the name and aliases, computed once.
	keys []string
}

// Office is one set of titles of an office class.
type Office struct {
	Class    string
	State    string
	Titles   []string
	Definite []string
}

// NounRule says what "<demonym> <noun>" stands for.
type NounRule struct {
	Refers string // state, group or type
	Type   string // for Refers == "type"
	Nouns  []string
}

// Registry is the read-only table of known actors, offices and lexicons.
type Registry struct {
	States  []State
	Orgs    []Org
	Persons []Person
	Offices []Office
	Nouns   []NounRule
	Given   map[string]bool

	stateByCode map[string]int
	// stateByCode3 indexes the codes of three capital letters (every
	// code shipped) by code3, holding the index plus one: a lookup
	// without hashing.
	stateByCode3 []int32
	orgByID      map[string]int
	orgByName    map[string]int
	personByID   map[string]int
	personByKey  map[string][]int
	lex          *lexicon
}

// defaultRegistry loads the embedded registry once; it is read-only after.
var defaultRegistry = sync.OnceValues(func() (*Registry, error) { return Load(dataFS) })

// Default returns the registry shipped with chronicle.
func Default() (*Registry, error) { return defaultRegistry() }

// Load reads a registry from the data/ folder of fsys and validates it.
func Load(fsys fs.FS) (*Registry, error) {
	read := func(name string) ([]record, error) {
		b, err := fs.ReadFile(fsys, "data/"+name)
		if err != nil {
			return nil, err
		}
		return parseRecords(name, string(b))
	}
	r := &Registry{Given: map[string]bool{}}
	var errs []string
	fail := func(file string, line int, format string, a ...any) {
		errs = append(errs, fmt.Sprintf("%s:%d: %s", file, line, fmt.Sprintf(format, a...)))
	}
	named := func(file string, f field) []Named {
		l, err := parseNamedList(f.value)
		if err != nil {
			fail(file, f.line, "%s: %v", f.key, err)
		}
		return l
	}
	namedKey := func(file string, rec record, key string) []Named {
		var out []Named
		for _, f := range rec.all(key) {
			out = append(out, named(file, f)...)
		}
		return out
	}

	// States.
	recs, err := read("states.txt")
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		s := State{Code: rec.get("code"), Name: rec.get("name"), Note: rec.get("note")}
		s.Aliases = namedKey("states.txt", rec, "aliases")
		s.Adjectives = namedKey("states.txt", rec, "adjective")
		s.Singulars = namedKey("states.txt", rec, "singular")
		s.Plurals = namedKey("states.txt", rec, "plural")
		s.Combining = namedKey("states.txt", rec, "combining")
		s.Capitals = namedKey("states.txt", rec, "capitals")
		s.Seats = namedKey("states.txt", rec, "seats")
		s.Weak = namedKey("states.txt", rec, "weak")
		p, err := parsePeriod(rec.get("from"), rec.get("to"))
		if err != nil {
			fail("states.txt", rec.line, "%s: %v", s.Code, err)
		}
		s.Period = p
		for _, f := range rec.all("regime") {
			parts := strings.Split(f.value, "|")
			if len(parts) < 3 {
				fail("states.txt", f.line, "regime: want \"Name | start | end | aliases\"")
				continue
			}
			for len(parts) < 4 {
				parts = append(parts, "")
			}
			rp, err := parsePeriod(parts[1], parts[2])
			if err != nil {
				fail("states.txt", f.line, "regime %s: %v", strings.TrimSpace(parts[0]), err)
			}
			s.Regimes = append(s.Regimes, Regime{Name: strings.TrimSpace(parts[0]), Period: rp, Aliases: splitList(parts[3])})
		}
		r.States = append(r.States, s)
	}

	// Organisations.
	recs, err = read("orgs.txt")
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		o := Org{Name: rec.get("name"), Kind: rec.get("kind"), Type: rec.get("type"), State: rec.get("state"), Note: rec.get("note")}
		if o.Kind == "" {
			o.Kind = "organization"
		}
		prefix := "org:"
		if o.Kind == "group" {
			prefix = "group:"
		}
		o.ID = prefix + Slug(o.Name)
		p, err := parsePeriod(rec.get("from"), rec.get("to"))
		if err != nil {
			fail("orgs.txt", rec.line, "%s: %v", o.Name, err)
		}
		o.Period = p
		o.Aliases = namedKey("orgs.txt", rec, "aliases")
		o.Weak = namedKey("orgs.txt", rec, "weak")
		o.Anaphors = namedKey("orgs.txt", rec, "anaphors")
		o.Seats = namedKey("orgs.txt", rec, "seats")
		for _, f := range rec.all("members") {
			for _, m := range named("orgs.txt", f) {
				o.Members = append(o.Members, Member{Code: m.Text, Period: m.Period})
			}
		}
		r.Orgs = append(r.Orgs, o)
	}

	// Offices.
	recs, err = read("offices.txt")
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		r.Offices = append(r.Offices, Office{Class: rec.get("class"), State: rec.get("state"),
			Titles: splitList(rec.get("titles")), Definite: splitList(rec.get("definite"))})
	}

	// Nouns.
	recs, err = read("nouns.txt")
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		ref := rec.get("refers")
		n := NounRule{Refers: ref, Nouns: splitList(rec.get("nouns"))}
		if t, ok := strings.CutPrefix(ref, "type "); ok {
			n.Refers, n.Type = "type", strings.TrimSpace(t)
		}
		r.Nouns = append(r.Nouns, n)
	}

	// Given names.
	b, err := fs.ReadFile(fsys, "data/given-names.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			r.Given[fold(l)] = true
		}
	}

	r.index()

	// Persons (after the index: tenures name organisations).
	recs, err = read("persons.txt")
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		p := Person{Name: rec.get("name"), State: rec.get("state"), Note: rec.get("note")}
		p.ID = "person:" + Slug(p.Name)
		p.Aliases = namedKey("persons.txt", rec, "aliases")
		for _, f := range rec.all("office") {
			parts := strings.Split(f.value, "|")
			if len(parts) != 6 {
				fail("persons.txt", f.line, "office: want \"class | state | organisation | start | end | title\"")
				continue
			}
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			tp, err := parsePeriod(parts[3], parts[4])
			if err != nil {
				fail("persons.txt", f.line, "%s: %v", p.Name, err)
			}
			t := Tenure{Class: parts[0], State: parts[1], Title: parts[5], Period: tp}
			if parts[2] != "" {
				i, ok := r.orgByName[parts[2]]
				if !ok {
					fail("persons.txt", f.line, "%s: unknown organisation %q", p.Name, parts[2])
				} else {
					t.Org = r.Orgs[i].ID
				}
			}
			p.Tenures = append(p.Tenures, t)
		}
		r.Persons = append(r.Persons, p)
	}
	r.indexPersons()

	errs = append(errs, r.validate()...)
	if len(errs) > 0 {
		if len(errs) > 20 {
			errs = append(errs[:20], fmt.Sprintf("... and %d more", len(errs)-20))
		}
		return nil, fmt.Errorf("actor registry: %s", strings.Join(errs, "; "))
	}
	r.lex = buildLexicon(r)
	return r, nil
}

func (r *Registry) index() {
	r.stateByCode = map[string]int{}
	r.stateByCode3 = make([]int32, 26*26*26)
	for i, s := range r.States {
		if _, dup := r.stateByCode[s.Code]; !dup {
			r.stateByCode[s.Code] = i
			if k, ok := code3(s.Code); ok {
				r.stateByCode3[k] = int32(i) + 1
			}
		}
	}
	r.orgByID = map[string]int{}
	r.orgByName = map[string]int{}
	for i, o := range r.Orgs {
		if _, dup := r.orgByID[o.ID]; !dup {
			r.orgByID[o.ID] = i
		}
		r.orgByName[o.Name] = i
	}
}

func (r *Registry) indexPersons() {
	r.personByID = map[string]int{}
	r.personByKey = map[string][]int{}
	for i, p := range r.Persons {
		if _, dup := r.personByID[p.ID]; !dup {
			r.personByID[p.ID] = i
		}
		seen := map[string]bool{}
		for _, n := range append([]Named{{Text: p.Name, Period: always}}, p.Aliases...) {
			k := nameKey(n.Text)
			if !seen[k] {
				r.Persons[i].keys = append(r.Persons[i].keys, k)
			}
			if !seen[k] && strings.Contains(k, " ") {
				r.personByKey[k] = append(r.personByKey[k], i)
			}
			seen[k] = true
		}
	}
}

var (
	codeRE       = regexp.MustCompile(`^[A-Z]{3}$`)
	dissolvedISO = map[string]bool{"SUN": true, "CSK": true, "YUG": true, "DDR": true, "YMD": true, "VDR": true, "SCG": true, "BUR": true, "ZAR": true, "TMP": true, "DHY": true, "HVO": true, "RHO": true, "NTZ": true, "ANT": true}
)

// validate checks the invariants the recogniser relies on.
func (r *Registry) validate() []string {
	var errs []string
	bad := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	codes := map[string]bool{}
	for _, s := range r.States {
		if !codeRE.MatchString(s.Code) {
			bad("states.txt: %q is not a three-letter upper-case code", s.Code)
		}
		if codes[s.Code] {
			bad("states.txt: code %s appears twice", s.Code)
		}
		codes[s.Code] = true
		if s.Name == "" {
			bad("states.txt: %s has no name", s.Code)
		}
		if s.Period.To != MaxDay && !dissolvedISO[s.Code] && !strings.HasPrefix(s.Code, "X") {
			bad("states.txt: %s ended in %s but is neither an ISO 3166-3 code nor a user-assigned X.. code", s.Code, s.Period.To)
		}
		if strings.HasPrefix(s.Code, "X") && s.Code != "XKX" && s.Note == "" {
			bad("states.txt: %s is a user-assigned code and needs a note saying why", s.Code)
		}
		regs := append([]Regime(nil), s.Regimes...)
		sort.Slice(regs, func(i, j int) bool { return regs[i].Period.From < regs[j].Period.From })
		for i := 1; i < len(regs); i++ {
			if regs[i].Period.From < regs[i-1].Period.To {
				bad("states.txt: %s: regimes %q (%s) and %q (%s) overlap", s.Code, regs[i-1].Name, regs[i-1].Period, regs[i].Name, regs[i].Period)
			}
		}
	}
	classes := map[string]bool{}
	for _, o := range r.Offices {
		if o.Class == "" || len(o.Titles) == 0 {
			bad("offices.txt: a record needs a class and titles")
		}
		classes[o.Class] = true
		if o.State != "" && !codes[o.State] {
			bad("offices.txt: %s: unknown state %s", o.Class, o.State)
		}
	}
	ids := map[string]bool{}
	types := map[string]bool{}
	for _, o := range r.Orgs {
		if o.Name == "" {
			bad("orgs.txt: a record has no name")
		}
		if ids[o.ID] {
			bad("orgs.txt: id %s appears twice", o.ID)
		}
		ids[o.ID] = true
		types[o.Type] = true
		if o.Kind != "organization" && o.Kind != "group" {
			bad("orgs.txt: %s: kind %q: want organization or group", o.Name, o.Kind)
		}
		if o.State != "" && !codes[o.State] {
			bad("orgs.txt: %s: unknown state %s", o.Name, o.State)
		}
		for _, m := range o.Members {
			if !codes[m.Code] {
				bad("orgs.txt: %s: unknown member state %s", o.Name, m.Code)
			}
		}
	}
	for _, n := range r.Nouns {
		switch n.Refers {
		case "state", "group":
		case "type":
			if !types[n.Type] {
				bad("nouns.txt: no organisation has type %q", n.Type)
			}
		default:
			bad("nouns.txt: refers %q: want state, group or type NAME", n.Refers)
		}
	}
	for _, p := range r.Persons {
		if ids[p.ID] {
			bad("persons.txt: id %s appears twice", p.ID)
		}
		ids[p.ID] = true
		if p.State != "" && !codes[p.State] {
			bad("persons.txt: %s: unknown state %s", p.Name, p.State)
		}
		for _, t := range p.Tenures {
			if !classes[t.Class] {
				bad("persons.txt: %s: unknown office class %q", p.Name, t.Class)
			}
			if t.State != "" && !codes[t.State] {
				bad("persons.txt: %s: unknown state %s", p.Name, t.State)
			}
		}
	}
	return errs
}

// State returns the state with the code, if any.
func (r *Registry) State(code string) (*State, bool) {
	if k, ok := code3(code); ok && r.stateByCode3 != nil {
		if i := r.stateByCode3[k]; i > 0 {
			return &r.States[i-1], true
		}
		return nil, false
	}
	i, ok := r.stateByCode[code]
	if !ok {
		return nil, false
	}
	return &r.States[i], true
}

// code3 numbers a code of three capital letters ("DEU") from 0 to 26³-1.
func code3(code string) (int, bool) {
	if len(code) != 3 {
		return 0, false
	}
	a, b, c := code[0]-'A', code[1]-'A', code[2]-'A'
	if a >= 26 || b >= 26 || c >= 26 {
		return 0, false
	}
	return (int(a)*26+int(b))*26 + int(c), true
}

// Org returns the organisation or group with the id, if any.
func (r *Registry) Org(id string) (*Org, bool) {
	i, ok := r.orgByID[id]
	if !ok {
		return nil, false
	}
	return &r.Orgs[i], true
}

// Person returns the person with the id, if any.
func (r *Registry) Person(id string) (*Person, bool) {
	i, ok := r.personByID[id]
	if !ok {
		return nil, false
	}
	return &r.Persons[i], true
}

// LookupPerson finds registry persons by a full name in any known
// spelling ("Adolf Ioffe", "Friedrich Werner von der Schulenburg").
func (r *Registry) LookupPerson(name string) []*Person {
	var out []*Person
	for _, i := range r.personByKey[nameKey(name)] {
		out = append(out, &r.Persons[i])
	}
	return out
}

// LookupName lists the actors a name can denote, as actor ids (state
// codes, org:..., group:..., person:...): every one when d is 0 or MinDay,
// else the one it denotes on day d.
func (r *Registry) LookupName(name string, d Day) []string {
	toks := tokenizeName(name)
	n, ok := r.lex.walk(toks)
	if !ok {
		return nil
	}
	es := r.lex.nodes[n].entries
	if d != 0 && d != MinDay {
		// The meaning in force at the date, as the recogniser chooses it.
		e, ok := chooseEntry(r, es, d, Period{From: d, To: d})
		if !ok {
			return nil
		}
		if id := r.entryActor(e); id != "" {
			return []string{id}
		}
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range es {
		id := r.entryActor(e)
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// RegimeAt is the regime of the state in force on day d, or "".
func (r *Registry) RegimeAt(code string, d Day) string {
	s, ok := r.State(code)
	if !ok {
		return ""
	}
	return s.regimeAt(d)
}

// regimeAt is the name of the state's regime in force on day d, or "".
func (s *State) regimeAt(d Day) string {
	best := ""
	var bestFrom Day = MinDay - 1
	for _, g := range s.Regimes {
		if g.Period.Contains(d) && g.Period.From > bestFrom {
			best, bestFrom = g.Name, g.Period.From
		}
	}
	return best
}

// OfficeHolders lists the registry persons who held an office of the
// class for the state on day d ("foreign-minister", "DEU", 1925-06-01 ->
// Gustav Stresemann).
func (r *Registry) OfficeHolders(class, state string, d Day) []*Person {
	var out []*Person
	for i := range r.Persons {
		p := &r.Persons[i]
		for _, t := range p.Tenures {
			if t.Class == class && (state == "" || t.State == state) && t.Period.Contains(d) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// StateAt is the state a registry person acted for on day d: the state of
// an office held then, else the person's own state. A zero day asks for
// the person's own state.
func (r *Registry) StateAt(personID string, d Day) string {
	p, ok := r.Person(personID)
	if !ok {
		return ""
	}
	if t := p.TenureAt(d); t != nil && t.State != "" {
		return t.State
	}
	return p.State
}

// classRank orders office classes by weight, so that a head of government
// who is also foreign minister is recorded as head of government.
var classRank = map[string]int{"head-of-state": 6, "head-of-government": 5, "foreign-minister": 4,
	"international-official": 3, "defence-minister": 3, "party-leader": 3, "ambassador": 2}

// TenureAt is the office the person held on day d (the weightiest, then
// the most recently begun, if several), or nil.
func (p *Person) TenureAt(d Day) *Tenure {
	var best *Tenure
	for i := range p.Tenures {
		t := &p.Tenures[i]
		if !t.Period.Contains(d) {
			continue
		}
		if best == nil || classRank[t.Class] > classRank[best.Class] ||
			classRank[t.Class] == classRank[best.Class] && t.Period.From > best.Period.From {
			best = t
		}
	}
	return best
}

// active reports whether d lies within ten years of the person's offices,
// the window in which a bare surname may be read as this person.
func (p *Person) active(d Day) bool {
	if len(p.Tenures) == 0 || d == MinDay {
		return true
	}
	const decade = 100000 // ten years in YYYYMMDD units
	for _, t := range p.Tenures {
		if Day(int64(t.Period.From)-decade) <= d && (t.Period.To == MaxDay || int64(d) <= int64(t.Period.To)+decade) {
			return true
		}
	}
	return false
}

// OfficeClass returns the office class of a title ("Foreign Minister" ->
// foreign-minister) and the state that alone uses it, if any.
func (r *Registry) OfficeClass(title string) (class, state string, ok bool) {
	k := fold(title)
	for _, o := range r.Offices {
		for _, t := range o.Titles {
			if fold(t) == k {
				return o.Class, o.State, true
			}
		}
	}
	return "", "", false
}

// MembersAt lists a coalition's member states on day d.
func (o *Org) MembersAt(d Day) []string {
	var out []string
	for _, m := range o.Members {
		if d == MinDay || m.Period.Contains(d) {
			out = append(out, m.Code)
		}
	}
	return out
}

// OrgOfType finds the state's organisation of the type in force on day d.
func (r *Registry) OrgOfType(state, typ string, d Day) (*Org, bool) {
	var best *Org
	for i := range r.Orgs {
		o := &r.Orgs[i]
		if o.State == state && o.Type == typ && o.Period.Contains(d) {
			if best == nil || o.Period.From > best.Period.From {
				best = o
			}
		}
	}
	return best, best != nil
}
