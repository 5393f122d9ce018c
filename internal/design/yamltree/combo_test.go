package yamltree

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// comboLines are line fragments that, indented and combined, produce many
// small documents near the edges of the fast subset.
var comboLines = []string{
	"a: 1", "b:", "c: 'q''s'", "d: \"e\\\"x\"", "- x", "-", "- k: v", "- - y", "e: [1, {f: g}]",
	"g: |", "h: >-", "text", "# c", "", "k: v # c", "l: x: y", "m: {}", "- []", "n: -1",
	"o: a b", "p: [a, b", "q: ~", "r: |+", "'s': t", "u: #", "---", "v: \"\\u00e9\"", "- |-",
}

var comboIndents = []string{"", " ", "  ", "    "}

func comboDoc(r *rand.Rand, lines int, crlf bool) string {
	var b strings.Builder
	for i := 0; i < lines; i++ {
		b.WriteString(comboIndents[r.IntN(len(comboIndents))])
		b.WriteString(comboLines[r.IntN(len(comboLines))])
		if crlf {
			b.WriteString("\r\n")
		} else {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestFastCombinations checks the differential property on random
// combinations of tricky lines.
func TestFastCombinations(t *testing.T) {
	n := 6000
	if testing.Short() {
		n = 1000
	}
	checkCombinations(t, 1, n)
}

func checkCombinations(t *testing.T, seed uint64, n int) {
	r := rand.New(rand.NewPCG(seed, 2))
	fast := 0
	for i := 0; i < n; i++ {
		doc := comboDoc(r, 1+r.IntN(6), i%7 == 0)
		if _, ok, _ := parseFast(doc, nil); ok {
			fast++
		}
		checkParse(t, []byte(doc))
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of %d documents took the fast path", fast, n)
}
