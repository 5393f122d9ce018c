package design

import "strings"

// Suggest returns the candidate closest to s when it is close enough to be
// a likely typo, or "" when none is. Comparison ignores case.
func Suggest(s string, candidates []string) string {
	best, bestDist := "", -1
	ls := strings.ToLower(s)
	n := len(ls)
	for _, c := range candidates {
		// A length difference is a lower bound on the distance: skip
		// candidates that cannot be close, so long lists stay cheap.
		if diff := len(c) - n; diff > n/3+2 || -diff > n/3+2 {
			continue
		}
		d := Distance(ls, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	// Allow roughly one edit per three characters, at least one.
	limit := len([]rune(s)) / 3
	if limit < 1 {
		limit = 1
	}
	if bestDist > limit {
		return ""
	}
	return best
}

// didYouMean formats a suggestion for an error message.
func didYouMean(s string, candidates []string) string {
	if m := Suggest(s, candidates); m != "" {
		return " (did you mean " + quote(m) + "?)"
	}
	return ""
}

// Distance is the optimal-string-alignment distance between a and b, in
// runes: Levenshtein plus transpositions of neighbours. Names longer than
// 64 runes are never close to each other.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		// Long names are never typos of each other worth suggesting; keep
		// the cost bounded.
		if a == b {
			return 0
		}
		return len(ra) + len(rb)
	}
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
			// A swap of two neighbours ("titel") counts as one edit.
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prevprev[j-2]+1)
			}
		}
		prevprev, prev, cur = prev, cur, prevprev
	}
	return prev[len(rb)]
}
