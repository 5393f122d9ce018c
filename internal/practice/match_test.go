package practice

import "testing"

// TestMatches: a term is named by its words in any case, spacing,
// punctuation or common ending, and by nothing that merely contains it.
func TestMatches(t *testing.T) {
	for _, tc := range []struct {
		text, term string
		want       bool
	}{
		{"clients hold a websocket to the gateway", "websocket", true},
		{"Clients hold WebSockets to the gateway", "websocket", true},
		{"a Web Socket per device", "websocket", true},
		{"web-sockets", "websocket", true},
		{"upgrade to wss on 443", "ws", true},
		{"ws", "ws", true},
		{"news feed", "ws", false},
		{"the ws:// scheme", "WS", true},
		{"fan out with Pub/Sub", "pubsub", true},
		{"fan out with pubsub", "pub/sub", true},
		{"codes are Base62", "base62", true},
		{"codes are base 62", "base62", true},
		{"a base62-encoded counter", "base 62", true},
		{"Redis 7 Cluster", "redis", true},
		{"the red is a colour", "redis", false},
		{"rediscover the past", "redis", false},
		{"ScyllaDB", "scylla", true},
		{"we shard by user id", "sharding", false}, // endings go on the text, not the term
		{"sharding by user id", "shard", true},
		{"entries are cached for 60 s", "cache", true},
		{"edge caching", "caching", true},
		{"compare-and-swap on the counter", "compare-and-swap", true},
		{"compare and swap", "cas", false},
		{"edge cases", "cas", false},
		{"a CAS on the row", "cas", true},
		{"302 Location: …", "302", true},
		{"HTTP 3020", "302", false},
		{"consistent hashing of keys", "consistent hashing", true},
		{"a consistent-hash ring", "consistent hashing", false},
		{"consistent hash rings", "consistent hash", true},
		{"Kafka", "kafka", true},
		{"", "kafka", false},
		{"kafka", "", false},
		{"robots.txt is obeyed", "robots.txt", true},
		{"Élan vital", "élan", true},
	} {
		if got := Matches(tc.text, tc.term); got != tc.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", tc.text, tc.term, got, tc.want)
		}
	}
}
