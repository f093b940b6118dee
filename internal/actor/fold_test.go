package actor

import "testing"

func TestNameKey(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"Joffe and Ioffe", "Adolph Joffe", "Adolph Ioffe", true},
		{"Potemkin and Potyomkin", "Vladimir Potemkin", "Vladimir Potyomkin", true},
		{"sz and zs", "Ernst von Weizsäcker", "Ernst Weiszacker", true},
		{"Krestinsky and Krestinskii", "Nikolay Krestinsky", "Nikolai Krestinskii", true},
		{"Aleksey and Alexei", "Aleksey Merekalov", "Alexei Merekalov", true},
		{"particles dropped", "Friedrich Werner Graf von der Schulenburg", "Friedrich Werner Schulenburg", true},
		{"accents", "Józef Piłsudski", "Jozef Pilsudski", true},
		{"different people", "Austen Chamberlain", "Neville Chamberlain", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := nameKey(tc.a) == nameKey(tc.b); got != tc.same {
				t.Errorf("nameKey(%q) = %q, nameKey(%q) = %q; same = %v, want %v", tc.a, nameKey(tc.a), tc.b, nameKey(tc.b), got, tc.same)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"People's Commissariat for Internal Affairs": "peoples-commissariat-for-internal-affairs",
		"Ernst Thälmann":                           "ernst-thalmann",
		"U.S. Department of State":                 "us-department-of-state",
		"National Socialist German Workers' Party": "national-socialist-german-workers-party",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
