package actor

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// FuzzRegistryFiles feeds the registry loader edited data files, as a
// historian extending the registry might write them: a broken file is
// refused with an error (naming the file), never a panic.
func FuzzRegistryFiles(f *testing.F) {
	names, err := fs.Glob(dataFS, "data/*.txt")
	if err != nil || len(names) == 0 {
		f.Fatalf("no data files: %v", err)
	}
	for i, n := range names {
		b, _ := fs.ReadFile(dataFS, n)
		if len(b) > 4096 {
			b = b[:4096]
		}
		f.Add(uint8(i), string(b))
	}
	f.Add(uint8(0), "id: XXX\nname: Nowhere\nregime: A@1900..1950\nregime: B@1940..1960\n")
	f.Add(uint8(1), "id: person:x\nname: X\noffice: nope@..\n\n\n# c\nkey without colon\n")
	f.Fuzz(func(t *testing.T, which uint8, content string) {
		m := fstest.MapFS{}
		for _, n := range names {
			b, _ := fs.ReadFile(dataFS, n)
			m[n] = &fstest.MapFile{Data: b}
		}
		m[names[int(which)%len(names)]] = &fstest.MapFile{Data: []byte(content)}
		if _, err := Load(m); err != nil && err.Error() == "" {
			t.Fatal("an error without a message")
		}
	})
}
