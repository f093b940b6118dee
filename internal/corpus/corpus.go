// Package corpus holds chronicle's built-in default corpus: the English
// Wikipedia article "Germany–Soviet Union relations (1918–1941)" in a
// plain-text export, shipped unchanged under CC BY-SA 4.0 (see README.md
// beside it). `chronicle extract` with no file reads it.
package corpus

import _ "embed"

// Name is the file name of the founding article; documents read from the
// built-in corpus carry it as their path.
const Name = "germany-soviet-union-relations-1918-1941.txt"

//go:embed germany-soviet-union-relations-1918-1941.txt
var founding []byte

// Founding returns a copy of the founding article's bytes.
func Founding() []byte { return append([]byte(nil), founding...) }

// Attribution is the licence note that must travel with the article.
const Attribution = "Text from the English Wikipedia article \"Germany–Soviet Union relations (1918–1941)\", " +
	"by Wikipedia contributors, licensed under CC BY-SA 4.0: " +
	"https://en.wikipedia.org/wiki/Germany–Soviet_Union_relations_(1918–1941)"
