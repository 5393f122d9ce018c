package design

import (
	"regexp"
	"testing"
)

var documentMarkerRE = regexp.MustCompile(`(?m)^(---|\.\.\.)(\s|$)`)

// hasDocumentMarkers is the expression it replaced, on every arrangement
// of the characters that matter.
func TestHasDocumentMarkersIsTheExpression(t *testing.T) {
	parts := []string{"-", ".", "\n", " ", "\t", "\r", "a", "--", "---", "..."}
	var all func(prefix string, depth int)
	checked, found := 0, 0
	all = func(prefix string, depth int) {
		want := documentMarkerRE.MatchString(prefix)
		if got := hasDocumentMarkers([]byte(prefix)); got != want {
			t.Fatalf("hasDocumentMarkers(%q) = %v, the expression says %v", prefix, got, want)
		}
		checked++
		if want {
			found++
		}
		if depth == 0 {
			return
		}
		for _, p := range parts {
			all(prefix+p, depth-1)
		}
	}
	all("", 4)
	if found == 0 || found == checked {
		t.Fatalf("%d of %d cases have markers: the table tests nothing", found, checked)
	}
}
