package design

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// QuantityKind says what a capacity input measures and so which units it
// accepts.
type QuantityKind int

// The kinds of capacity input.
const (
	KindNumber   QuantityKind = iota // a plain number, SI suffix allowed: 0.1, 20, 2K
	KindCount                        // a count with an SI suffix: 100M, 1.5K, 5B
	KindSize                         // bytes: 500B, 1KB, 2KiB
	KindDuration                     // days: 30d, 2w, 5y
)

var countSuffixes = map[string]float64{
	"": 1, "K": 1e3, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12,
}

var sizeUnits = map[string]float64{
	"B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15,
	"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40, "PiB": 1 << 50,
}

var durationDays = map[string]float64{"d": 1, "w": 7, "y": 365}

const secondsPerDay = 86400

// ParseQuantity reads a capacity input of the given kind into its base
// unit: a count, bytes, or days. Negative, infinite and unparsable values
// are errors that quote what was written.
func ParseQuantity(kind QuantityKind, raw string) (float64, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return 0, fmt.Errorf("empty value")
	}
	num, unit := splitNumber(s)
	if num == "" {
		return 0, fmt.Errorf("%s: not a number", raw)
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%s: not a number", raw)
	}
	if v < 0 {
		return 0, fmt.Errorf("%s: must not be negative", raw)
	}
	unit = strings.TrimSpace(unit)
	var mult float64
	switch kind {
	case KindNumber, KindCount:
		m, ok := countSuffixes[strings.ToUpper(unit)]
		if !ok {
			return 0, fmt.Errorf("%s: unknown suffix %q; use K, M, B (or G) or T", raw, unit)
		}
		mult = m
	case KindSize:
		if mult, err = unitFactor(raw, unit, "size", sizeUnits, "B, KB, MB, GB, TB, PB or KiB, MiB, GiB, TiB, PiB"); err != nil {
			return 0, err
		}
	case KindDuration:
		if mult, err = unitFactor(raw, unit, "duration", durationDays, "d (days), w (weeks) or y (365 days)"); err != nil {
			return 0, err
		}
	}
	out := v * mult
	// A duration is used in seconds (the estimate's rates are per second):
	// it must stay finite there too.
	if math.IsInf(out, 0) || kind == KindDuration && math.IsInf(out*secondsPerDay, 0) {
		return 0, fmt.Errorf("%s: too large", raw)
	}
	return out, nil
}

// unitFactor looks a unit up in its table; a missing or unknown unit is an
// error that lists the ones to use.
func unitFactor(raw, unit, what string, units map[string]float64, use string) (float64, error) {
	if unit == "" {
		return 0, fmt.Errorf("%s: a %s needs a unit; use %s", raw, what, use)
	}
	m, ok := units[unit]
	if !ok {
		return 0, fmt.Errorf("%s: unknown %s unit %q; use %s", raw, what, unit, use)
	}
	return m, nil
}

// splitNumber splits "1.5K" into "1.5" and "K". A leading sign is kept so
// that a negative value is reported as negative, not as garbage.
func splitNumber(s string) (num, unit string) {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == '_') {
		i++
	}
	// An exponent: 1e6, 2.5E+3.
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			i = j
		}
	}
	num = strings.ReplaceAll(s[:i], "_", "")
	if num == "" || num == "-" || num == "+" {
		return "", s
	}
	return num, s[i:]
}
