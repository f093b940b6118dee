package actor

import (
	"reflect"
	"testing"
)

func TestRegistryLookups(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) Day {
		d, ok := DayOf(s)
		if !ok {
			t.Fatalf("bad day %q", s)
		}
		return d
	}
	holders := func(class, state, date string) []string {
		var out []string
		for _, p := range r.OfficeHolders(class, state, day(date)) {
			out = append(out, p.Name)
		}
		return out
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"German foreign minister in 1925", holders("foreign-minister", "DEU", "1925-06-01"), []string{"Gustav Stresemann"}},
		{"Soviet foreign commissar in 1935", holders("foreign-minister", "SUN", "1935-06-01"), []string{"Maxim Litvinov"}},
		{"Soviet foreign commissar in August 1939", holders("foreign-minister", "SUN", "1939-08-23"), []string{"Vyacheslav Molotov"}},
		{"British prime minister in 1938", holders("head-of-government", "GBR", "1938-09-29"), []string{"Neville Chamberlain"}},
		{"regime of Germany in 1925", r.RegimeAt("DEU", day("1925")), "Weimar Republic"},
		{"regime of Germany on 1 February 1933", r.RegimeAt("DEU", day("1933-02-01")), "Nazi Germany"},
		{"regime of Germany in 1916", r.RegimeAt("DEU", day("1916")), "German Empire"},
		{"regime of the Soviet Union in 1920", r.RegimeAt("SUN", day("1920")), "Soviet Russia (RSFSR)"},
		{"regime of the Soviet Union in 1930", r.RegimeAt("SUN", day("1930")), "Soviet Union"},
		{"Litvinov acted for the Soviet Union in 1942", r.StateAt("person:maxim-litvinov", day("1942")), "SUN"},
		{"Russia in 1920 is the Soviet Union", r.LookupName("Russia", day("1920")), []string{"SUN"}},
		{"Russia in 1910 is the Russian Empire", r.LookupName("Russia", day("1910")), []string{"RUS"}},
		{"the Allies of 1918", r.LookupName("Allies", day("1918")), []string{"org:allies-of-world-war-i"}},
		{"NKVD", r.LookupName("NKVD", 0), []string{"org:peoples-commissariat-for-internal-affairs"}},
		{"a transliteration", len(r.LookupPerson("Adolf Ioffe")), 1},
		{"office class of a title", func() string { c, _, _ := r.OfficeClass("People's Commissar for Foreign Affairs"); return c }(), "foreign-minister"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.got, tc.want) {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

func TestSentenceActors(t *testing.T) {
	d := annotate(t, "x.txt", "In 1939 Molotov met the Western powers. Germany waited.")
	got := SentenceActors(d, 0)
	want := []string{"FRA", "GBR", "SUN", "org:council-of-peoples-commissars", "org:western-powers", "person:vyacheslav-molotov"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SentenceActors = %v, want %v", got, want)
	}
	by := MentionsBySentence(d)
	if len(by) != len(d.Sentences) || len(by[1]) != 1 || by[1][0].Actor != "DEU" {
		t.Errorf("MentionsBySentence = %v", by)
	}
}
