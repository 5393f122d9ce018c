package estimate

import (
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		parse   func(string) (float64, error)
		in      string
		want    float64
		wantErr string
	}{
		{count, "100M", 100e6, ""},
		{count, "1.5K", 1500, ""},
		{count, "5B", 5e9, ""},
		{count, "5G", 5e9, ""},
		{count, "2T", 2e12, ""},
		{count, "42", 42, ""},
		{count, "5X", 0, `5X: unknown suffix "X"; use K, M, B (or G) or T`},
		{count, "-3", 0, "-3: must not be negative"},
		{count, "many", 0, "many: not a number"},
		{size, "500B", 500, ""},
		{size, "1KB", 1000, ""},
		{size, "1KiB", 1024, ""},
		{size, "1.5 GB", 1.5e9, ""},
		{size, "3MiB", 3 << 20, ""},
		{size, "1PB", 1e15, ""},
		{size, "12 bananas", 0, `12 bananas: unknown size unit "bananas"; use B, KB, MB, GB, TB, PB or KiB`},
		{size, "12", 0, "12: a size needs a unit"},
		{duration, "30d", 30 * SecondsPerDay, ""},
		{duration, "2w", 14 * SecondsPerDay, ""},
		{duration, "5y", 5 * 365 * SecondsPerDay, ""},
		{duration, "5m", 0, `5m: unknown duration unit "m"; use d (days), w (weeks) or y (365 days)`},
		{number, "0.1", 0.1, ""},
		{number, "2K", 2000, ""},
		{number, "", 0, "empty value"},
	}
	for _, tt := range tests {
		got, err := tt.parse(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parse %q: error %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("parse %q = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func count(s string) (float64, error)    { v, err := ParseCount(s); return float64(v), err }
func size(s string) (float64, error)     { v, err := ParseBytes(s); return float64(v), err }
func duration(s string) (float64, error) { v, err := ParseDuration(s); return float64(v), err }
func number(s string) (float64, error)   { return ParseNumber(s) }

func TestFormat(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Count(0).String(), "0"},
		{Count(18).String(), "18"},
		{Count(999).String(), "999"},
		{Count(999.6).String(), "1K"},
		{Count(1500).String(), "1.5K"},
		{Count(100e6).String(), "100M"},
		{Count(5e9).String(), "5B"},
		{Count(2e12).String(), "2T"},
		{Count(1.5e15).String(), "1500T"},
		{Count(0.05).String(), "0.05"},
		{PerSecond(115.74).String(), "116 /s"},
		{PerSecond(1157.4).String(), "1.16 K/s"},
		{PerSecond(0.5).String(), "0.5 /s"},
		{PerSecond(34722.2).String(), "34.7 K/s"},
		{Bytes(0).String(), "0 B"},
		{Bytes(500).String(), "500 B"},
		{Bytes(1024).String(), "1.02 KB"},
		{Bytes(3.65e15).String(), "3.65 PB"},
		{Bytes(2.7375e13).String(), "27.4 TB"},
		{Bytes(9.995e5).String(), "1 MB"},
		{Bytes(2e18).String(), "2000 PB"},
		{BytesPerSecond(11.574e6).String(), "11.6 MB/s"},
		{BytesPerSecond(57870.37).String(), "57.9 KB/s"},
		{Duration(0).String(), "0 d"},
		{Duration(5 * SecondsPerYear).String(), "5 y"},
		{Duration(14 * SecondsPerDay).String(), "2 w"},
		{Duration(30 * SecondsPerDay).String(), "30 d"},
		{Duration(1.5 * SecondsPerYear).String(), "1.5 y"},
		{Duration(3600).String(), "1 h"},
		{Plain(86400), "86 400"},
		{Plain(1825), "1825"},
		{Plain(0.1), "0.1"},
		{Plain(1e6), "1 000 000"},
		{Plain(-12345), "-12 345"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// within3 reports whether got is want to three significant figures.
func within3(got, want float64) bool {
	if want == 0 {
		return got == 0
	}
	return math.Abs(got-want)/math.Abs(want) <= 0.005
}

// TestRoundTrip formats values and parses them back: what the tool prints
// is valid input, equal to three significant figures.
func TestRoundTrip(t *testing.T) {
	for _, v := range []float64{0, 1, 7, 42.42, 999, 999.6, 1000, 1234, 86400, 1e6, 3.3e8, 5e9, 7.77e12, 9.99e14} {
		c, err := ParseCount(Count(v).String())
		if err != nil || !within3(float64(c), v) {
			t.Errorf("count %v → %q → %v, %v", v, Count(v), c, err)
		}
		b, err := ParseBytes(Bytes(v).String())
		if err != nil || !within3(float64(b), v) {
			t.Errorf("bytes %v → %q → %v, %v", v, Bytes(v), b, err)
		}
	}
	for _, days := range []float64{1, 2, 7, 14, 30, 90, 365, 730, 1825, 547.5} {
		d := Duration(days * SecondsPerDay)
		s := strings.ReplaceAll(d.String(), " ", "")
		back, err := ParseDuration(s)
		if err != nil || !within3(float64(back), float64(d)) {
			t.Errorf("duration %v d → %q → %v, %v", days, d, back, err)
		}
	}
}
