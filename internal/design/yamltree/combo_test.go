package yamltree

import (
	"errors"
	"fmt"
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

// TestWindowedPositions checks the window the locator uses deep in large
// inputs (see locator.inWindow): after a large valid prefix, an error is
// reported at the position it has without the prefix, moved by the
// prefix's lines. The probe budget is too small to probe the whole input.
func TestWindowedPositions(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	defer func(b int) { probeBudget = b }(probeBudget)
	probeBudget = 32 << 10
	var b strings.Builder
	for i := 0; b.Len() <= windowMin; i++ {
		fmt.Fprintf(&b, "pad%05d: some value %d\n", i, i)
	}
	pad := b.String()
	padLines := strings.Count(pad, "\n")
	r := rand.New(rand.NewPCG(3, 4))
	compared := 0
	for i := 0; i < 200 && compared < 16; i++ {
		doc := "x: &a 1\n" + comboDoc(r, 1+r.IntN(6), false) // the anchor avoids the fast path
		probeBudget = 8 << 20
		_, err := Parse([]byte(doc))
		probeBudget = 32 << 10
		var want *SyntaxError
		if !errors.As(err, &want) {
			continue
		}
		_, err = Parse([]byte(pad + doc))
		var got *SyntaxError
		if !errors.As(err, &got) || got.Msg != want.Msg {
			continue // the prefix changes the document's meaning
		}
		compared++
		if got.Line != want.Line+padLines || got.Column != want.Column {
			t.Errorf("%q after %d lines: error at %d:%d, want %d:%d (%s)", doc, padLines, got.Line, got.Column, want.Line+padLines, want.Column, got.Msg)
		}
	}
	t.Logf("%d documents compared", compared)
	if compared < 10 {
		t.Errorf("only %d documents compared", compared)
	}
}
