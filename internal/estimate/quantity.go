// Package estimate does back-of-envelope capacity math: it parses the
// inputs of a design's capacity section into typed quantities, derives
// queries per second, bandwidth, storage, cache and servers from them, and
// shows its working one line per result.
package estimate

import (
	"math"
	"strconv"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// The quantities a capacity estimate works with. Each is a float64 in its
// base unit, so the math stays plain arithmetic, and each prints itself for
// humans in three significant figures.
type (
	// Count is a number of things: users, requests, servers.
	Count float64
	// Bytes is a size in bytes.
	Bytes float64
	// PerSecond is a rate of events (requests, queries) per second.
	PerSecond float64
	// BytesPerSecond is a bandwidth.
	BytesPerSecond float64
	// Duration is a span of time in seconds.
	Duration float64
)

// Seconds in a day, a 30-day month and a 365-day year.
const (
	SecondsPerDay   = 86400
	SecondsPerMonth = 30 * SecondsPerDay
	SecondsPerYear  = 365 * SecondsPerDay
)

// The parsers below share one reader of numbers and units with the
// answers loader (design.ParseQuantity), so a value the loader accepts is
// exactly a value estimate accepts, with the same messages.

// ParseCount reads a count with an optional SI suffix: 1.5K, 100M, 5B (or
// 5G), 2T.
func ParseCount(s string) (Count, error) {
	v, err := design.ParseQuantity(design.KindCount, s)
	return Count(v), err
}

// ParseNumber reads a plain factor such as 0.1, 3 or 2K.
func ParseNumber(s string) (float64, error) {
	return design.ParseQuantity(design.KindNumber, s)
}

// ParseBytes reads a size with a decimal (KB = 1000 B) or binary
// (KiB = 1024 B) unit: 500B, 1KB, 2KiB, 1.5GB.
func ParseBytes(s string) (Bytes, error) {
	v, err := design.ParseQuantity(design.KindSize, s)
	return Bytes(v), err
}

// ParseDuration reads a span in days, weeks or years of 365 days: 30d, 2w,
// 5y.
func ParseDuration(s string) (Duration, error) {
	days, err := design.ParseQuantity(design.KindDuration, s)
	return Duration(days * SecondsPerDay), err
}

// Days is the duration in days.
func (d Duration) Days() float64 { return float64(d) / SecondsPerDay }

// String prints a count with an SI suffix and no space, the way counts are
// written as input: 100M, 1.16K, 18.
func (c Count) String() string { return scaled(float64(c), 1000, "", countSuffixes) }

// String prints a size with a decimal unit: 500 B, 57.9 KB, 3.65 PB.
func (b Bytes) String() string { return scaled(float64(b), 1000, " ", byteUnits) }

// String prints a rate: 116 /s, 1.16 K/s.
func (r PerSecond) String() string {
	s := scaled(float64(r), 1000, " ", countSuffixes)
	if !strings.Contains(s, " ") {
		s += " "
	}
	return s + "/s"
}

// String prints a bandwidth: 57.9 KB/s, 11.6 MB/s.
func (r BytesPerSecond) String() string { return Bytes(r).String() + "/s" }

// String prints a duration in the largest of y, w and d that holds it as a
// whole number (5 y, 2 w, 30 d), else in the largest unit it fills (1.5 y);
// under a day, in hours, minutes or seconds.
func (d Duration) String() string {
	v := float64(d)
	if v == 0 {
		return "0 d"
	}
	long := []unit{{"y", SecondsPerYear}, {"w", 7 * SecondsPerDay}, {"d", SecondsPerDay}}
	for _, u := range long {
		if n := v / u.seconds; n >= 1 && math.Abs(n-math.Round(n)) < 1e-9*n {
			return sig3(n) + " " + u.name
		}
	}
	for _, u := range append(long, unit{"h", 3600}, unit{"min", 60}) {
		if v/u.seconds >= 1 {
			return sig3(v/u.seconds) + " " + u.name
		}
	}
	return sig3(v) + " s"
}

type unit struct {
	name    string
	seconds float64
}

var (
	countSuffixes = []string{"", "K", "M", "B", "T"}
	byteUnits     = []string{"B", "KB", "MB", "GB", "TB", "PB"}
)

// scaled prints v in three significant figures with the largest unit of
// units (each step times the one before) that keeps it at 1 or more.
func scaled(v, step float64, sep string, units []string) string {
	v = round3(v)
	i := 0
	for i < len(units)-1 && math.Abs(v) >= step {
		v /= step
		i++
	}
	num := sig3(v)
	if units[i] == "" {
		return num
	}
	return num + sep + units[i]
}

// round3 rounds v to three significant figures, so that 999.6 becomes
// 1000 and moves up a unit rather than printing as "1e+03".
func round3(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'e', 2, 64), 64)
	return r
}

// sig3 prints v in at most three significant figures without an
// exponent where one is not needed: 116, 1.16, 0.05, 12300. Digits are not
// grouped, so that what is printed reads back as input.
func sig3(v float64) string {
	v = round3(v)
	if math.Abs(v) >= 1000 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// Plain prints an input factor exactly (as far as a float allows), with
// thousands grouped by a space: 0.1, 3, 86 400.
func Plain(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return group(strconv.FormatFloat(v, 'f', 0, 64))
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

// group puts a space between groups of three digits of an integer written
// in decimal, the SI way ("86 400"); four-digit numbers stay whole.
func group(digits string) string {
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	if len(digits) <= 4 {
		return sign + digits
	}
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}
