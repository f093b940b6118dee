package event

import "testing"

// FuzzDataFiles feeds the parsers of the ontology table, the trigger
// lexicon and the modality cues edited files, as a historian extending
// them might write them: a broken file is refused with an error, never a
// panic.
func FuzzDataFiles(f *testing.F) {
	clip := func(s string) string {
		if len(s) > 4096 {
			return s[:4096]
		}
		return s
	}
	f.Add(uint8(0), clip(ontologySrc))
	f.Add(uint8(1), clip(triggersSrc))
	f.Add(uint8(2), clip(modalitySrc))
	f.Add(uint8(1), "verb sign => SUPPORT sign\nnoun :: ??\n")
	f.Fuzz(func(t *testing.T, which uint8, content string) {
		switch which % 3 {
		case 0:
			if _, err := ParseOntology(content); err != nil && err.Error() == "" {
				t.Fatal("an error without a message")
			}
		case 1:
			onto, err := ParseOntology(ontologySrc)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ParseLexicon(content, onto); err != nil && err.Error() == "" {
				t.Fatal("an error without a message")
			}
		case 2:
			if _, err := ParseCues(content); err != nil && err.Error() == "" {
				t.Fatal("an error without a message")
			}
		}
	})
}
