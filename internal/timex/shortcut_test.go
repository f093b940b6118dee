package timex

import (
	"slices"
	"testing"

	"github.com/chronicle-history/chronicle/internal/corpus"
)

// slowWord is the general way of reading a word at i, which asciiWord
// replaces for ASCII words: scanWord, wordFlags and lookup.
func slowWord(text string, i int, lex *lexicon) (token, int) {
	n := scanWord(text, i)
	t := token{kind: tWord, id: -1}
	wordFlags(&t, text[i:i+n])
	if lex != nil {
		var buf []byte
		t.id = lex.lookup(text[i:i+n], &buf)
	}
	return t, n
}

// checkASCIIWord holds asciiWord to slowWord at every ASCII letter of s
// that starts a word.
func checkASCIIWord(t *testing.T, lex *lexicon, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if !isLetterByte(s[i]) || i > 0 && isLetterByte(s[i-1]) {
			continue
		}
		got, n, ok := asciiWord(s, i, lex)
		if !ok {
			continue
		}
		want, wn := slowWord(s, i, lex)
		if got != want || n != wn {
			t.Errorf("asciiWord(%q, %d) = %+v, %d; want %+v, %d", s, i, got, n, want, wn)
		}
	}
}

func TestASCIIWordAgreesWithScan(t *testing.T) {
	tg := newTagger(t, "")
	for _, tc := range []struct{ name, text string }{
		{"lexicon words in every case", "May may MAY September SEPTEMBER september Sept. years"},
		{"unknown words", "Molotov Ribbentrop NKVD x X xY"},
		{"words before punctuation", "years, months; (days) weeks-long 1939s"},
		{"word before a non-ASCII letter", "Kostring Köstring naïve"},
		{"word before non-ASCII punctuation", "summer’s end—autumn"},
		{"single letters", "a A I"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkASCIIWord(t, tg.lex, tc.text)
			checkASCIIWord(t, nil, tc.text)
		})
	}
}

func FuzzASCIIWord(f *testing.F) {
	for _, s := range []string{"On September 17, 1939", "MAY may May", "Köstring’s", "a-b_c"} {
		f.Add(s)
	}
	tg, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkASCIIWord(t, tg.lex, s)
	})
}

// TestCandidateCacheAgrees holds the cached candidates to candidates
// itself on every token of the founding article, read twice (the second
// time from the cache).
func TestCandidateCacheAgrees(t *testing.T) {
	tg := newTagger(t, "")
	d := segmented(t, corpus.Name, corpus.Founding(), "")
	m := &matcher{g: tg.g, lex: tg.lex}
	m.text = d.Text
	var buf []byte
	for pass := range 2 {
		for _, s := range d.Sentences {
			m.toks = appendTokens(nil, d.Text[s.Clean.Start:s.Clean.End], s.Clean.Start, tg.lex, &buf)
			for i := range m.toks {
				got := slices.Clone(m.cachedCandidates(i))
				var want []int32
				for _, p := range m.candidates(i) {
					want = append(want, int32(p.rule.index))
				}
				if !slices.Equal(got, want) {
					t.Fatalf("pass %d, token %q: cached candidates %v, want %v", pass, m.tokText(i), got, want)
				}
			}
		}
	}
}

// TestSingleAgreesWithMatchClass holds single to the one-word phrase
// matchClass lists, for every word of the lexicon and every class, in
// both cases.
func TestSingleAgreesWithMatchClass(t *testing.T) {
	tg := newTagger(t, "")
	lex := tg.lex
	for id := range lex.names {
		for _, flags := range []uint16{0, fCap} {
			toks := []token{{id: int32(id), kind: tWord, flags: flags}}
			for c := range lex.cnames {
				var want *entry
				for _, p := range lex.matchClass(c, toks, 0, nil) {
					if p.end == 1 {
						want = p.e
						break
					}
				}
				if got := lex.single(c, &toks[0]); got != want {
					t.Fatalf("single(%s, %q, flags %d) = %v, want %v", lex.cnames[c], lex.names[id], flags, got, want)
				}
			}
		}
	}
}

// FuzzASCIITokens holds appendTokens with the lexicon's table (the
// ASCII fast loop, its own probe) to appendTokens without it (every
// token cut and looked up the general way), from arrays of several
// capacities so that the fast loop also stops on a full one.
func FuzzASCIITokens(f *testing.F) {
	for _, s := range []string{"On September 17, 1939, the Red Army", "MAY may\tMay\n(1920s)", "Köstring’s 3rd\u00a0week", "a-b_c; x", ""} {
		f.Add(s)
	}
	tg, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	plain := *tg.lex
	plain.table = nil
	f.Fuzz(func(t *testing.T, s string) {
		var buf []byte
		want := appendTokens(nil, s, 7, &plain, &buf)
		for _, c := range []int{0, 1, 3, len(s) + 1} {
			got := appendTokens(make([]token, 0, c), s, 7, tg.lex, &buf)
			if !slices.Equal(got, want) {
				t.Fatalf("appendTokens(%q) from capacity %d = %+v, want %+v", s, c, got, want)
			}
		}
	})
}

// TestCandidatesMissNoMatch runs every rule at every token of the
// founding article and checks that each rule that matches is among the
// candidates of its token: the candidate index only saves tries.
func TestCandidatesMissNoMatch(t *testing.T) {
	tg := newTagger(t, "")
	d := segmented(t, corpus.Name, corpus.Founding(), "")
	m := &matcher{g: tg.g, lex: tg.lex, numCls: tg.numCls, fracCl: tg.fracCl}
	m.text = d.Text
	var buf []byte
	matched := 0
	for _, s := range d.Sentences {
		m.toks = appendTokens(nil, d.Text[s.Clean.Start:s.Clean.End], s.Clean.Start, tg.lex, &buf)
		for i := range m.toks {
			cands := map[int]bool{}
			for _, p := range m.candidates(i) {
				cands[p.rule.index] = true
			}
			for _, p := range tg.g.progs {
				m.out = m.out[:0]
				var caps [maxSlots]rawCap
				m.run(p, 0, i, i, &caps)
				if len(m.out) > 0 {
					matched++
					if !cands[p.rule.index] {
						t.Fatalf("rule %s matches at %q but is no candidate there", p.rule.name, m.tokText(i))
					}
				}
			}
		}
	}
	if matched == 0 {
		t.Fatal("no rule matched anywhere")
	}
}
