package synth

import "github.com/chronicle-history/chronicle/internal/doc"

// articleActors are the actors of Article.
func articleActors() []doc.Actor {
	return []doc.Actor{
		{ID: "DEU", Name: "Germany", Kind: doc.KindState, Code: "DEU"},
		{ID: "SUN", Name: "Soviet Union", Kind: doc.KindState, Code: "SUN"},
		{ID: "POL", Name: "Poland", Kind: doc.KindState, Code: "POL"},
		{ID: "SWE", Name: "Sweden", Kind: doc.KindState, Code: "SWE"},
		{ID: "p-stresemann", Name: "Gustav Stresemann", Kind: doc.KindPerson, State: "DEU", Roles: []string{"German Foreign Minister"}},
		{ID: "p-brockdorff", Name: "Ulrich von Brockdorff-Rantzau", Kind: doc.KindPerson, State: "DEU"},
		{ID: "p-dirksen", Name: "Herbert von Dirksen", Kind: doc.KindPerson, State: "DEU"},
		{ID: "p-krestinsky", Name: "Nikolay Krestinsky", Kind: doc.KindPerson, State: "SUN"},
		{ID: "p-khinchuk", Name: "Lev Khinchuk", Kind: doc.KindPerson, State: "SUN"},
	}
}

// Article is a small history whose right answers are known. version 2
// rewrites one sentence and drops the last event, as an edited article
// would.
func Article(path string, version int) *doc.Document {
	bl := NewBuilder(path, "German–Soviet relations, a test")
	for _, a := range articleActors() {
		bl.Actor(a)
	}
	s1 := bl.Sentence("On {16 April 1922|1922-04-16}, [Germany|DEU] and [Soviet Russia|SUN] signed the Treaty of Rapallo.")
	s2 := bl.Sentence("In {1926|1926}, [Gustav Stresemann|p-stresemann] negotiated the Treaty of Berlin with [the Soviets|SUN].")
	bl.Paragraph()
	s3 := bl.Sentence("On {23 August 1939|1939-08-23}, [Germany|DEU] and [the Soviet Union|SUN] signed a non-aggression pact with a secret protocol.")
	s4 := bl.Sentence("[Poland|POL] was invaded by [Germany|DEU] on {1 September 1939|1939-09-01}.")
	s5 := bl.Sentence("[Germany|DEU] did not invade [Sweden|SWE] in {1940|1940}.")
	var s6 int
	if version == 1 {
		s6 = bl.Sentence("On {22 June 1941|1941-06-22}, [Germany|DEU] invaded [the Soviet Union|SUN] with three million soldiers.")
	} else {
		bl.Sentence("The war in the east began later; this sentence was rewritten.")
	}
	bl.Heading("Ambassadors")
	s7 := bl.Sentence("[Ulrich von Brockdorff-Rantzau|p-brockdorff] was German ambassador to the Soviet Union from {1922|1922} to {1928|1928}.")
	s8 := bl.Sentence("[Herbert von Dirksen|p-dirksen] was German ambassador to the Soviet Union from {1928|1928} to {1933|1933}.")
	bl.Paragraph()
	s9 := bl.Sentence("[Nikolay Krestinsky|p-krestinsky] was Soviet ambassador to Germany from {1921|1921} to {1930|1930}.")
	s10 := bl.Sentence("[Lev Khinchuk|p-khinchuk] followed him in {1930|1930}.")

	bl.Event(doc.Event{ID: "e1", Type: "SUPPORT", Mode: "sign", Subtype: "treaty.sign", Quad: "VC", Actor: []string{"DEU"}, Recipient: []string{"SUN"},
		Date: doc.EventDate{Value: "1922-04-16", Precision: "day"}, Name: "Treaty of Rapallo", Score: 5, Treaty: "t1",
		Trigger: doc.Evidence{Text: "signed"}, Sentence: s1})
	bl.Event(doc.Event{ID: "e2", Type: "CONSULT", Mode: "negotiate", Actor: []string{"p-stresemann", "DEU"}, Recipient: []string{"SUN"},
		Date: doc.EventDate{Value: "1926", Precision: "year"}, Score: 2.5, Trigger: doc.Evidence{Text: "negotiated"}, Sentence: s2})
	bl.Event(doc.Event{ID: "e3", Type: "SUPPORT", Mode: "sign", Subtype: "treaty.sign", Actor: []string{"DEU"}, Recipient: []string{"SUN"},
		Date: doc.EventDate{Value: "1939-08-23", Precision: "day"}, Name: "Molotov–Ribbentrop Pact", Score: 5, Treaty: "t3",
		Trigger: doc.Evidence{Text: "signed"}, Sentence: s3})
	bl.Event(doc.Event{ID: "e4", Type: "ASSAULT", Mode: "invasion", Actor: []string{"DEU"}, Recipient: []string{"POL"},
		Date: doc.EventDate{Value: "1939-09-01", Precision: "day"}, Score: -9, Trigger: doc.Evidence{Text: "invaded"}, Sentence: s4})
	bl.Event(doc.Event{ID: "e5", Type: "ASSAULT", Mode: "invasion", Actor: []string{"DEU"}, Recipient: []string{"SWE"},
		Date: doc.EventDate{Value: "1940", Precision: "year"}, Modality: doc.ModalityNegated, Score: -9, Trigger: doc.Evidence{Text: "invade"}, Sentence: s5})
	if version == 1 {
		bl.Event(doc.Event{ID: "e6", Type: "ASSAULT", Mode: "invasion", Actor: []string{"DEU"}, Recipient: []string{"SUN"},
			Date: doc.EventDate{Value: "1941-06-22", Precision: "day"}, Name: "Operation Barbarossa", Score: -9,
			Quantities: []doc.Quantity{{Amount: 3000000, Unit: "soldier", Item: "troops", Text: "three million soldiers"}},
			Trigger:    doc.Evidence{Text: "invaded"}, Sentence: s6})
	}
	bl.Treaty(doc.Treaty{ID: "t1", Name: "Treaty of Rapallo", Aliases: []string{"Rapallo"}, Signed: "1922-04-16", Parties: []string{"DEU", "SUN"},
		Signatories: []string{"Walther Rathenau", "Georgy Chicherin"}, Events: []string{"e1"}}, s1)
	bl.Treaty(doc.Treaty{ID: "t2", Name: "Treaty of Berlin", Signed: "1926-04-24", Parties: []string{"DEU", "SUN"}}, s2)
	bl.Treaty(doc.Treaty{ID: "t3", Name: "Molotov–Ribbentrop Pact", Aliases: []string{"Nazi–Soviet Pact"}, Signed: "1939-08-23",
		Parties: []string{"DEU", "SUN"}, SecretProtocol: true, Events: []string{"e3"}}, s3)
	bl.Tenure(doc.Tenure{Person: "Ulrich von Brockdorff-Rantzau", Office: "German ambassador to the Soviet Union", State: "DEU", Start: "1922", End: "1928", Source: "prose"}, s7)
	bl.Tenure(doc.Tenure{Person: "Herbert von Dirksen", Office: "German ambassador to the Soviet Union", State: "DEU", Start: "1928", End: "1933", Source: "prose"}, s8)
	bl.Tenure(doc.Tenure{Person: "Nikolay Krestinsky", Office: "Soviet ambassador to Germany", State: "SUN", Start: "1921", End: "1930", Source: "prose"}, s9)
	bl.Tenure(doc.Tenure{Person: "Lev Khinchuk", Office: "Soviet ambassador to Germany", State: "SUN", Start: "1930", End: "", Source: "prose"}, s10)
	return bl.Done()
}
