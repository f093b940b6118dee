package actor

// Small closed word lists the recogniser's rules use. They are grammar,
// not knowledge of actors, so they live in code; everything about actors
// is in data/.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nameStop are capitalised words that never belong to a person's name:
// sentence-initial function words, months and days, and the heads of the
// names of places, events, documents and bodies.
var nameStop = set(
	"the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "with", "after", "before", "during",
	"since", "until", "this", "that", "these", "those", "it", "he", "she", "they", "we", "his", "her",
	"their", "its", "however", "although", "when", "while", "as", "because", "if", "but", "and", "or",
	"both", "other", "some", "many", "most", "all", "each", "every", "no", "not", "despite", "according",
	"also", "then", "there", "here", "thus", "moreover", "meanwhile", "furthermore", "initially",
	"subsequently", "firstly", "secondly", "finally", "yet", "few", "several", "under", "within",
	"without", "unlike", "like", "among", "between", "through", "following", "shortly", "concurrently",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"empire", "kingdom", "republic", "union", "party", "army", "navy", "treaty", "pact", "agreement",
	"conference", "congress", "committee", "council", "front", "line", "plan", "protocol", "protocols", "war", "wars",
	"revolution", "canal", "sea", "ocean", "river", "street", "square", "palace", "church", "university",
	"school", "institute", "academy", "society", "company", "corporation", "bank", "factory", "works",
	"railway", "bridge", "day", "democrats", "socialists", "communists", "conservatives", "liberals",
	"republicans", "nationalists", "isthmus", "islands", "island", "bay", "gulf", "mountains", "oblast",
	"province", "region", "district", "state", "states", "brigade", "brigades", "division", "corps",
	"fleet", "offensive", "operation", "campaign", "crisis", "affair", "incident", "trial", "doctrine",
	"declaration", "accord", "accords", "convention", "charter", "act", "law", "prize", "award",
	"medal", "cross", "order", "legion", "battle", "siege", "peace", "uprising", "uprisings", "putsch", "coup",
	"strike", "hall", "castle", "station", "airport", "harbour", "port", "fortress", "memorial",
	"museum", "gallery", "library", "archive", "archives", "press", "times", "post", "news", "journal",
	"review", "gazette", "speaks", "kampf", "plenum", "period", "purge", "terror", "policy", "program",
	"programme", "movement", "bloc", "axis", "entente", "powers", "ministry", "office", "commissariat",
	"bureau", "government", "administration", "assembly", "parliament", "senate", "court", "staff",
	"general", "ii", "iii", "i", "iv", "north", "south", "east", "west", "northern", "southern",
	"eastern", "western", "central", "upper", "lower", "greater", "lesser", "new", "old", "great",
	"soviet", "soviets", "reich", "ssr", "assr", "republics", "territory", "territories", "lands",
	"sphere", "zone", "zones", "agreements", "treaties", "pacts", "one", "two", "three", "mr", "mrs", "dr",
	"is", "was", "were", "are", "has", "had", "have", "be", "do", "did", "does", "can", "could", "would",
	"should", "will", "shall", "must", "might", "who", "which", "what", "where", "why", "how", "whose",
	"i.e", "e.g", "see", "also", "only", "even", "just", "still", "once", "again", "already", "soon", "later",
	"earlier", "early", "late", "mid", "about", "around", "over", "into", "onto", "upon", "toward", "towards",
)

// orgHeads are the words that end the name of an organisation the
// registry does not know ("Union of Industrialists", "Popular Front").
var orgHeads = set("union", "party", "league", "committee", "council", "commission", "front", "brigades",
	"brigade", "bureau", "ministry", "commissariat", "company", "corporation", "bank", "association",
	"federation", "movement", "organization", "organisation", "society", "agency", "directorate",
	"legion", "corps", "syndicate", "cartel", "trust", "internationale", "alliance", "coalition",
	"delegation", "mission", "guard", "guards", "militia", "industrialists", "trade delegation")

// compass words open names of fronts and regions, not of bodies.
var compass = set("western", "eastern", "northern", "southern", "north", "south", "east", "west", "central")

// roleModifiers may stand inside a role phrase ("Soviet trade
// representative", "the RSFSR's special representative").
var roleModifiers = set("special", "trade", "military", "naval", "air", "deputy", "acting", "former", "new",
	"first", "chief", "then", "future", "later", "plenipotentiary", "political", "economic", "commercial",
	"foreign", "senior", "top", "interim", "permanent", "provisional", "temporary", "de", "facto", "de facto",
	"personal", "official", "chargé", "vice", "assistant", "second", "third", "local", "secret", "supreme",
	"great", "artillery", "aircraft", "british", "american", "conservative", "leading", "prominent")

// rolePreps join a role to a place or body ("representative to Berlin",
// "chief of the Reichswehr", "State Secretary in the German Foreign
// Ministry").
var rolePreps = set("to", "in", "of", "for", "at")

// determiners drop off the front of a role phrase.
var determiners = set("the", "a", "an", "then", "later", "now", "former")

// pairNouns are the nouns of "the two countries", "both states".
var pairNouns = set("countries", "states", "powers", "nations", "governments", "parties", "sides",
	"regimes", "dictatorships", "partners", "signatories", "empires")

// subjectVerbs follow a noun in subject position ("the countries had
// worked out", "Berlin realized", "Moscow should be taken seriously").
var subjectVerbs = set("realized", "realised", "decided", "agreed", "refused", "demanded", "proposed",
	"insisted", "rejected", "accepted", "sought", "wanted", "hoped", "feared", "protested", "responded",
	"replied", "answered", "signed", "recognized", "recognised", "announced", "declared", "warned",
	"threatened", "offered", "suggested", "pressed", "urged", "reacted", "denied", "claimed",
	"considered", "viewed", "saw", "regarded", "welcomed", "expected", "approved", "ordered",
	"instructed", "informed", "concluded", "tried", "began", "continued", "should", "would", "could",
	"must", "might", "may", "will", "had", "has", "have", "did", "believed", "knew", "understood",
	"needed", "preferred", "intended", "planned", "promised", "pledged", "guaranteed", "retaliated",
	"broke", "recalled", "expelled", "withdrew", "complained", "objected", "acknowledged", "backed",
	"supported", "opposed", "condemned", "denounced", "negotiated", "hesitated", "pursued", "turned",
	"chose", "looked", "wished", "sent", "asked", "told", "accused", "reached", "were", "are",
	"remained", "reassured", "assured", "made", "took", "gave", "launched", "used", "struck", "invaded",
	"occupied", "annexed", "attacked", "ratified", "concluded", "imposed", "delayed", "suspended")

// politicalObjectVerbs take a government as object ("accused the city of
// Kaunas", "told Berlin", "reported to Berlin").
var politicalObjectVerbs = set("accused", "warned", "told", "informed", "urged", "pressed", "asked",
	"assured", "reassured", "persuaded", "convinced", "reminded", "notified", "threatened",
	"recognized", "recognised", "blamed", "criticized", "criticised", "denounced", "supported",
	"backed", "approached", "courted", "pressured", "reported", "signalled", "signaled", "cabled",
	"telegraphed", "wrote", "appealed", "protested", "demanded", "offered", "proposed", "promised")

// politicalNouns before "to"/"with"/"from" make a capital a government
// ("a signal to Berlin", "relations with Moscow", "ambassador to Moscow").
var politicalNouns = set("signal", "signals", "message", "messages", "appeal", "note", "notes", "protest",
	"ambassador", "ambassadors", "envoy", "envoys", "representative", "representatives", "delegation",
	"mission", "emissary", "letter", "telegram", "overtures", "approach", "approaches", "offer",
	"offers", "relations", "relationship", "talks", "negotiations", "agreement", "agreements", "treaty",
	"alliance", "rapprochement", "ties", "deal", "understanding", "break", "contacts", "dealings",
	"loyalty", "closer", "instructions", "orders", "pressure", "demands", "reply", "response",
	"minister", "chargé", "attaché", "consul", "legation", "embassy", "accredited", "recognition",
	"concessions", "guarantee", "guarantees", "ultimatum", "answer", "proposal", "proposals")

// geoNouns after a possessive capital are places, not governments
// ("Moscow's suburbs").
var geoNouns = set("suburbs", "outskirts", "streets", "population", "inhabitants", "residents", "metro",
	"university", "river", "airport", "station", "centre", "center", "districts", "defences", "defenses",
	"walls", "squares", "theatres", "theaters", "citizens")

// functionWords let a "?" noun be a head ("the Soviet military had").
var functionWords = set("is", "was", "were", "are", "has", "had", "have", "would", "could", "should",
	"will", "did", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "that", "which",
	"who", "as", "but", "also", "not", "never", "then", "itself", "could", "might", "must", "may")

// groupQualifiers before a people's name make it a group of people, not a
// state ("ethnic Germans", "5,461 Germans", "thousands of Poles").
var groupQualifiers = set("ethnic", "many", "some", "most", "thousands", "hundreds", "millions", "few",
	"several", "numerous", "all", "other", "fellow", "native", "local", "young", "such", "as", "remaining",
	"individual", "resident", "deported", "exiled", "displaced")
