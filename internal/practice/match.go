package practice

import (
	"strings"
	"unicode"
)

// text is answer text cut into lower-case words of letters and digits,
// the form names are matched in: "Pub/Sub" is pub, sub; "WebSockets" is
// websockets.
type text []string

func words(s string) text {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// suffixes are the endings a name of four letters or more may take in
// the text and still count: plurals, common verb forms and a product
// name's "DB" ("shard" names "sharding", "cache" names "cached",
// "scylla" names "ScyllaDB").
var suffixes = []string{"", "s", "es", "d", "ed", "ing", "er", "ers", "db"}

// Matches reports whether s names term: whether its words, run
// together, appear in s as one word or as neighbouring words, ignoring
// case, punctuation and the spaces between them, with the endings of
// suffixes allowed. So "websocket" is named by "WebSockets", "web
// socket" and "Web-Sockets", and "pub/sub" by "pubsub". Words of the
// text are joined beyond the term's own count only when each is a
// number or at least three letters long, so "red is" never names redis.
func Matches(s, term string) bool {
	return words(s).has(term)
}

func (t text) has(term string) bool {
	tw := words(term)
	want := strings.Join(tw, "")
	if want == "" {
		return false
	}
	ends := suffixes
	if len(want) < 4 {
		ends = []string{"", "s"}
	}
	for i := range t {
		got, all := "", true
		for j := i; j < len(t); j++ {
			all = all && joinable(t[j])
			if j-i+1 > len(tw) && !all {
				break
			}
			got += t[j]
			if !strings.HasPrefix(got, want) && !strings.HasPrefix(want, got) {
				break
			}
			for _, e := range ends {
				if got == want+e {
					return true
				}
			}
		}
	}
	return false
}

// joinable reports whether a word may be run together with its
// neighbours beyond the term's own word count.
func joinable(w string) bool {
	if len(w) >= 3 {
		return true
	}
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

// firstMatch returns the first of terms that s names, or "".
func (t text) firstMatch(terms []string) string {
	for _, m := range terms {
		if t.has(m) {
			return m
		}
	}
	return ""
}
