package knowledge

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/design"
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
			if d := design.Distance(q, n); d <= limit {
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
