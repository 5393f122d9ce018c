package check

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// prefilters are the cheap tests the rules run before an expression: each
// must say yes to every text the expression matches.
var prefilters = []struct {
	name  string
	expr  *lazyre.Regexp
	stems *stems
}{
	{"realtime", realtimeWords, realtimeStems},
	{"retry", retryWords, retryStems},
	{"multi-region", multiRegionWrite, multiRegionStems},
	{"invalidation", invalidationWords, invalidationStems},
}

var prefilterCases = []string{
	"Users see scores in REAL-TIME", "Live Feed of posts", "INSTANTLY", "Pushed notifications to phones",
	"as they HAPPEN", "Without Polling", "Retries with Back-off", "a DLQ someone watches", "Dead Letter queue",
	"Multi-Region writes", "writes to ALL regions", "Active-Active", "multi-primary",
	"puſh to the client",     // ſ folds to s for (?i)
	"\u212aeep redelivering", // the Kelvin sign
	"nothing to see here", "", "real", "region",
	"a TTL of an hour", "entries EXPIRE", "Evicted by LRU", "LFU", "invalidated on every write", "Write-Behind",
	"PURGE nightly", "DEL on update", "refreshed hourly", "reads may be stale", "Time-To-Live", "tiMe to live",
	"Kel", // the Kelvin sign is not in any stem, but folds to k
}

var binaryCases = []string{"blob", "  BYTEA", "\tFiles", "Image[]", "ɓlob", "ﬁle", "varchar", "", " ", "picture_url", "Documents"}

func TestPrefiltersPassEveryMatch(t *testing.T) {
	matched := 0
	for _, s := range binaryCases {
		if binaryTypes.MatchString(s) {
			matched++
			if !mayBeBinary(s) {
				t.Errorf("binaryTypes matches %q, but mayBeBinary says no", s)
			}
		}
	}
	if matched < 4 {
		t.Fatalf("only %d binary types matched: the table no longer tests mayBeBinary", matched)
	}
	if mayBeBinary("text") || mayBeBinary(" uuid") || mayBeBinary("  ") {
		t.Error("mayBeBinary says yes to a type no expression word starts")
	}
	matched = 0
	for _, s := range prefilterCases {
		matched += checkPrefilters(t, s)
	}
	if matched < 13 {
		t.Fatalf("only %d cases matched an expression: the table no longer tests the prefilters", matched)
	}
	for _, p := range prefilters {
		if p.stems.mayHold("nothing to see here") {
			t.Errorf("%s: mayHold says yes to text with none of its stems", p.name)
		}
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, s := range prefilterCases {
		f.Add(s)
	}
	for _, s := range binaryCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		checkPrefilters(t, s)
		if binaryTypes.MatchString(s) && !mayBeBinary(s) {
			t.Errorf("binaryTypes matches %q, but mayBeBinary says no", s)
		}
	})
}

// checkPrefilters fails when an expression matches s and its prefilter
// said no, and counts the expressions that matched.
func checkPrefilters(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, p := range prefilters {
		if !p.expr.MatchString(s) {
			continue
		}
		n++
		if !p.stems.mayHold(s) {
			t.Errorf("%s matches %q, but mayHold(%q) says no", p.name, s, strings.Join(p.stems.subs, ", "))
		}
	}
	return n
}

// Every expression the rules use compiles (they compile on first use,
// so a typo would otherwise wait for a doc that reaches it).
func TestExpressionsCompile(t *testing.T) {
	if n := lazyre.Count(); n < 15 {
		t.Fatalf("only %d expressions registered", n)
	}
	if err := lazyre.Check(); err != nil {
		t.Fatal(err)
	}
}
