package design

import (
	"strings"
	"testing"
)

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		kind    QuantityKind
		in      string
		want    float64
		wantErr string
	}{
		{KindCount, "100M", 100e6, ""},
		{KindCount, "1.5K", 1500, ""},
		{KindCount, "5B", 5e9, ""},
		{KindCount, "5G", 5e9, ""},
		{KindCount, "2T", 2e12, ""},
		{KindCount, "2t", 2e12, ""},
		{KindCount, "1_000", 1000, ""},
		{KindCount, "1e6", 1e6, ""},
		{KindNumber, "0.1", 0.1, ""},
		{KindNumber, "20", 20, ""},
		{KindSize, "1KB", 1000, ""},
		{KindSize, "1 KB", 1000, ""},
		{KindSize, "2KiB", 2048, ""},
		{KindSize, "500B", 500, ""},
		{KindSize, "1.5GB", 1.5e9, ""},
		{KindSize, "1PiB", 1 << 50, ""},
		{KindDuration, "30d", 30, ""},
		{KindDuration, "2w", 14, ""},
		{KindDuration, "5y", 1825, ""},
		{KindSize, "12 bananas", 0, `12 bananas: unknown size unit "bananas"; use B, KB, MB, GB, TB, PB or KiB`},
		{KindSize, "12", 0, "a size needs a unit"},
		{KindSize, "1kb", 0, `unknown size unit "kb"`},
		{KindDuration, "5", 0, "a duration needs a unit"},
		{KindDuration, "5m", 0, `unknown duration unit "m"`},
		{KindCount, "-5", 0, "must not be negative"},
		{KindCount, "lots", 0, "not a number"},
		{KindCount, "1e999", 0, "not a number"},
		{KindDuration, "1e307d", 0, "1e307d: too large"}, // finite in days, not in seconds
		{KindDuration, "1e303y", 0, "too large"},
		{KindCount, "NaN", 0, "not a number"},
		{KindCount, "5X", 0, `unknown suffix "X"`},
		{KindCount, "", 0, "empty"},
		{KindCount, ".", 0, "not a number"},
	}
	for _, tt := range tests {
		got, err := ParseQuantity(tt.kind, tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseQuantity(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseQuantity(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"100M", "1.5K", "2KiB", "5y", "-1", "1e308K", "0x10", "1__0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []QuantityKind{KindNumber, KindCount, KindSize, KindDuration} {
			v, err := ParseQuantity(k, s)
			if err == nil && (v < 0 || v != v) {
				t.Fatalf("ParseQuantity(%q) = %v without error", s, v)
			}
		}
	})
}
