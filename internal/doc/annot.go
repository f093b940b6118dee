package doc

// Timex anchors: how a temporal expression's value was found.
const (
	AnchorExplicit = "explicit" // complete in the expression itself
	AnchorContext  = "context"  // a partial date completed from the narrative
	AnchorRelative = "relative" // computed from another date
	AnchorSection  = "section"  // (events only) dated by the section's period
)

// Timex is a temporal expression with its TIMEX3 normalisation.
type Timex struct {
	Span
	Text   string `json:"text"`
	Type   string `json:"type"` // DATE, TIME, DURATION, SET
	Value  string `json:"value"`
	Mod    string `json:"mod"`
	Anchor string `json:"anchor"`
	// Document is the id of the document, filled when timexes of several
	// documents are listed together.
	Document string `json:"document,omitempty"`
	// Quant and Freq refine SET values ("every month").
	Quant string `json:"quant,omitempty"`
	Freq  string `json:"freq,omitempty"`
	// Sentence is the index of the sentence holding the expression.
	Sentence int  `json:"sentence"`
	Clean    Span `json:"-"`
}

// Actor kinds.
const (
	KindState        = "state"
	KindPerson       = "person"
	KindOrganization = "organization"
	KindGroup        = "group"
)

// Actor is a state, person, organisation or group that acts in the text.
type Actor struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Code    string   `json:"code,omitempty"`
	Aliases []string `json:"aliases"`
	// State is the code of the state a person or organisation belongs to
	// or acts for ("DEU" for the Reichswehr), if known.
	State string `json:"state,omitempty"`
	// Roles are offices or descriptions given to a person in the text or
	// by the registry ("German Foreign Minister").
	Roles []string `json:"roles,omitempty"`
	// Members are the states of a coalition ("Western powers": GBR, FRA)
	// or of a pair ("the two countries"), so that a mention of it counts
	// for each of them.
	Members []string `json:"members,omitempty"`
}

// Mention is one place in the text that refers to an actor.
type Mention struct {
	Document string `json:"document,omitempty"`
	Span
	Text  string `json:"text"`
	Actor string `json:"actor"`
	// Kind repeats the actor's kind for convenience.
	Kind string `json:"kind"`
	// State is the code of the state the mention stands for or acts for.
	State string `json:"state,omitempty"`
	// Regime is the regime of State in force at the sentence's date
	// ("Weimar Republic"), when known.
	Regime string `json:"regime,omitempty"`
	// Role is the office or role stated with this mention, if any.
	Role string `json:"role,omitempty"`
	// Via says how the mention was found or resolved: name, alias, demonym,
	// metonym, surname, title, pair ("the two countries") ...
	Via      string `json:"via,omitempty"`
	Sentence int    `json:"sentence"`
	Clean    Span   `json:"-"`
	// Org is the organisation a person mention acts for ("Reichswehr" for
	// its chief), from the registry's offices or the text's appositions.
	Org string `json:"org,omitempty"`
	// Members are the states a coalition or pair mention stands for at the
	// sentence's date.
	Members []string `json:"members,omitempty"`
}

// Event modalities.
const (
	ModalityAsserted     = "asserted"
	ModalityNegated      = "negated"
	ModalityHypothetical = "hypothetical"
	ModalityDisputed     = "disputed"
)

// EventDate is when an event happened, at the precision the text supports.
type EventDate struct {
	Value     string `json:"value"`
	End       string `json:"end"`
	Precision string `json:"precision"` // day, month, season, quarter, year, decade, century
	Anchor    string `json:"anchor"`
	// Timex is the index into Document.Timexes of the expression used, -1
	// if the date came from the narrative or section.
	Timex int `json:"-"`
}

// Quantity is an amount attached to an event.
type Quantity struct {
	Amount float64 `json:"amount"`
	Unit   string  `json:"unit"`
	Item   string  `json:"item"`
	Text   string  `json:"text,omitempty"`
	// Approx marks "over", "some", "about" and similar.
	Approx string `json:"approx,omitempty"`
	Span   *Span  `json:"span,omitempty"`
}

// Evidence is a span of the file with its text.
type Evidence struct {
	Span
	Text string `json:"text"`
}

// Event is one coded event: who did what to whom and when.
type Event struct {
	ID         string     `json:"id"`
	Document   string     `json:"document"`
	Type       string     `json:"type"`
	Mode       string     `json:"mode"`
	Subtype    string     `json:"subtype"`
	Quad       string     `json:"quad,omitempty"`
	Actor      []string   `json:"actor"`
	Recipient  []string   `json:"recipient"`
	Date       EventDate  `json:"date"`
	Modality   string     `json:"modality"`
	Name       string     `json:"name"`
	Place      string     `json:"place"`
	Quantities []Quantity `json:"quantities"`
	Score      float64    `json:"score"`
	Trigger    Evidence   `json:"trigger"`
	Evidence   Evidence   `json:"evidence"`
	// Mentions are further evidence spans of the same event retold.
	Mentions []Evidence `json:"mentions,omitempty"`
	// Treaty is the id of the treaty record this event signs, if any.
	Treaty   string `json:"treaty,omitempty"`
	Sentence int    `json:"sentence"`
}

// Treaty is a treaty, pact, convention, protocol or agreement whose signing
// the text dates.
type Treaty struct {
	ID             string   `json:"id"`
	Document       string   `json:"document,omitempty"`
	Name           string   `json:"name"`
	Aliases        []string `json:"aliases"`
	Signed         string   `json:"signed"`
	Parties        []string `json:"parties"`
	Signatories    []string `json:"signatories"`
	SecretProtocol bool     `json:"secret_protocol"`
	Evidence       Evidence `json:"evidence"`
	// Events are the ids of events that sign, ratify or denounce it.
	Events []string `json:"events,omitempty"`
	// Mentions are the later places the text cites the record by a short
	// name or a definite description ("the Pact", "the treaty").
	Mentions []Evidence `json:"mentions,omitempty"`
}

// Tenure is an office held by a person for a state.
type Tenure struct {
	Document string   `json:"document,omitempty"`
	Person   string   `json:"person"`
	Office   string   `json:"office"`
	State    string   `json:"state"`
	Start    string   `json:"start"`
	End      string   `json:"end"`
	Source   string   `json:"source"` // list or prose
	Evidence Evidence `json:"evidence"`
}

// EventQuad is an event's PLOVER quad: the one the coder gave, else the one
// of its type — VC verbal cooperation, MC material cooperation, VK verbal
// conflict, MK material conflict (see ONTOLOGY.md); "" for an unknown type.
func EventQuad(e Event) string { return QuadOf(e.Quad, e.Type) }

// QuadOf is the quad given, else the quad of the PLOVER type typ.
func QuadOf(quad, typ string) string {
	if quad != "" {
		return quad
	}
	switch typ {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE":
		return "VC"
	case "COOPERATE", "AID", "RETREAT":
		return "MC"
	case "REQUEST", "ACCUSE", "REJECT", "THREATEN":
		return "VK"
	case "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT":
		return "MK"
	}
	return ""
}
