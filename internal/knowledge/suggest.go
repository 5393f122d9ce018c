package knowledge

import (
	"slices"
	"strings"
	"unicode/utf8"
)

const maxSuggestions = 3

// suggest returns up to count names close to name: within about one edit
// per three characters, or starting with it. Each topic is offered once,
// under the name that came closest (its id on a tie), closest topics first.
func (c *catalog) suggest(name string, count int) []string {
	q := normalize(name)
	if q == "" {
		return nil
	}
	limit := max(utf8.RuneCountInString(q)/3, 1)
	type hit struct {
		name  string
		score int
		order int
	}
	var hits []hit
	for i, t := range c.topics {
		best := hit{score: -1, order: i}
		for _, n := range append([]string{t.ID}, t.Aliases...) {
			n = normalize(n)
			score := -1
			if d := distance(q, n); d <= limit {
				score = d
			} else if utf8.RuneCountInString(q) >= 3 && strings.HasPrefix(n, q) {
				// A prefix ranks with the one-edit typos: "relat" means
				// relational-databases as surely as "cachee" means caches.
				score = 1
			}
			if score >= 0 && (best.score < 0 || score < best.score) {
				best.name, best.score = n, score
			}
		}
		if best.score >= 0 {
			hits = append(hits, best)
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			return a.score - b.score
		}
		return a.order - b.order
	})
	var out []string
	for _, h := range hits[:min(len(hits), count)] {
		out = append(out, h.name)
	}
	return out
}

// distance is the optimal-string-alignment distance between a and b in
// runes: insertions, deletions, substitutions and swaps of neighbours
// each count as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prevprev := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prevprev[j-2]+1)
			}
		}
		prevprev, prev, cur = prev, cur, prevprev
	}
	return prev[len(rb)]
}
