package estimate

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{"100M", "1.5K", "5B", "2T", "500B", "1KB", "2KiB", "1.5 GB", "30d", "2w", "5y",
	"0.1", "-1", "1e308K", "1e400", "NaN", "Inf", "0x10", "1__0", "12 bananas", "", " ", "."}

// fuzzValid wants an accepted value to be a finite number, 0 or more,
// and a rejection to quote what was written.
func fuzzValid(t *testing.T, what, s string, v float64, err error) {
	t.Helper()
	if err != nil {
		if strings.TrimSpace(s) != "" && utf8.ValidString(s) && !strings.Contains(err.Error(), strings.TrimSpace(s)) &&
			!strings.Contains(err.Error(), s) {
			t.Fatalf("%s(%q): error %q does not quote the input", what, s, err)
		}
		return
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		t.Fatalf("%s(%q) = %v without error", what, s, v)
	}
}

func FuzzParseCount(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCount(s)
		fuzzValid(t, "ParseCount", s, float64(c), err)
		if err == nil {
			// What is printed parses back to the same value, to 3 figures.
			back, err := ParseCount(c.String())
			if err != nil || !within3(float64(back), float64(c)) {
				t.Fatalf("ParseCount(%q) = %v, printed %q, parsed back %v, %v", s, c, c, back, err)
			}
		}
	})
}

func FuzzParseBytes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBytes(s)
		fuzzValid(t, "ParseBytes", s, float64(b), err)
		if err == nil && b < 1e17 {
			back, err := ParseBytes(b.String())
			if err != nil || !within3(float64(back), float64(b)) {
				t.Fatalf("ParseBytes(%q) = %v, printed %q, parsed back %v, %v", s, float64(b), b, back, err)
			}
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		fuzzValid(t, "ParseDuration", s, float64(d), err)
		_ = d.String()
	})
}

// FuzzEstimate feeds any inputs through the whole estimate: it never
// panics, and what it accepts it can always print and encode.
func FuzzEstimate(f *testing.F) {
	f.Add("100M", "10", "0.1", "500B", "500B", "3", "5y", "3", "0.2", "2000")
	f.Add("0", "-1", "0", "1KiB", "0B", "0.5", "0d", "0", "2", "0")
	f.Add("1e300", "1e300", "1", "1PB", "1B", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, dau, reads, writes, readSize, writeSize, peak, retention, repl, cache, rps string) {
		r, err := Estimate(capacity(map[string]string{"dau": dau, "reads_per_user": reads, "writes_per_user": writes,
			"read_size": readSize, "write_size": writeSize, "peak_factor": peak, "retention": retention,
			"replication": repl, "cache_fraction": cache, "server_rps": rps}))
		if err != nil {
			return
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("accepted inputs do not encode: %v", err)
		}
		_ = r.Text()
	})
}
