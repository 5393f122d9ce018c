package estimate

import (
	"fmt"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// Inputs are the parsed, checked inputs of an estimate, defaults applied.
type Inputs struct {
	DAU           Count
	ReadsPerUser  float64 // per user per day
	WritesPerUser float64 // per user per day
	ReadSize      Bytes
	WriteSize     Bytes
	PeakFactor    float64
	Retention     Duration
	Replication   float64
	CacheFraction float64
	ServerRPS     PerSecond

	// Defaulted lists the keys of the inputs that were not given and took
	// the spec's default, in spec order.
	Defaulted []string
}

// Defaults are the values used for inputs that are not given, by key, as
// they would be written.
var defaults = map[string]string{
	"peak_factor":    "2",
	"retention":      "5y",
	"replication":    "3",
	"cache_fraction": "0.2",
	"server_rps":     "1000",
}

// Default returns the default of an input, as it would be written, and
// whether it has one. Inputs without a default must be given.
func Default(key string) (string, bool) {
	v, ok := defaults[key]
	return v, ok
}

// InputError is one input that is missing or does not make sense. Pos is
// where it was written in an answers file, when known.
type InputError struct {
	Key string // the answers-file key, e.g. peak_factor
	Raw string // the value as written; empty when missing
	Pos design.Pos
	Msg string
}

func (e *InputError) Error() string { return e.Key + ": " + e.Msg }

// InputErrors is every problem with a set of inputs, in spec order, so a
// user can fix them all in one go.
type InputErrors []*InputError

func (es InputErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	if len(lines) == 1 {
		return lines[0]
	}
	return fmt.Sprintf("%d problems with the capacity inputs\n%s", len(lines), strings.Join(lines, "\n"))
}

// Parse reads a design's capacity inputs, applies the defaults and checks
// that they make sense together. A nil c has every input missing. The
// error, if any, is an InputErrors naming each bad input.
func Parse(c *design.Capacity) (Inputs, error) {
	if c == nil {
		c = &design.Capacity{}
	}
	var in Inputs
	var errs InputErrors
	for _, ci := range c.Inputs() {
		raw := strings.TrimSpace(ci.Value.Raw)
		if raw == "" {
			def, ok := defaults[ci.Key]
			if !ok {
				errs = append(errs, &InputError{Key: ci.Key, Pos: ci.Value.Pos, Msg: "not given (" + strings.ToLower(ci.Label) + ")"})
				continue
			}
			raw = def
			in.Defaulted = append(in.Defaulted, ci.Key)
		}
		v, err := design.ParseQuantity(ci.Kind, raw)
		if err != nil {
			errs = append(errs, &InputError{Key: ci.Key, Raw: raw, Pos: ci.Value.Pos, Msg: err.Error()})
			continue
		}
		if msg := check(ci.Key, raw, v); msg != "" {
			errs = append(errs, &InputError{Key: ci.Key, Raw: raw, Pos: ci.Value.Pos, Msg: msg})
			continue
		}
		in.set(ci.Key, v)
	}
	if len(errs) > 0 {
		return Inputs{}, errs
	}
	return in, nil
}

// check says what is wrong with an input's parsed value v, written as
// raw, beyond what the parser rejects (negative, not a number); "" when it
// makes sense.
func check(key, raw string, v float64) string {
	switch key {
	case "dau":
		if v == 0 {
			return raw + " users leaves nothing to estimate; give at least 1"
		}
	case "peak_factor":
		if v < 1 {
			return raw + " is below 1; the peak is never lower than the average"
		}
	case "replication":
		if v < 1 {
			return raw + " is below 1; every byte is stored at least once"
		}
	case "cache_fraction":
		if v > 1 {
			return raw + " is outside 0..1; it is the share of the daily read volume kept in cache"
		}
	case "server_rps":
		if v == 0 {
			return raw + " requests per second cannot serve any load; give more than 0"
		}
	}
	return ""
}

func (in *Inputs) set(key string, v float64) {
	switch key {
	case "dau":
		in.DAU = Count(v)
	case "reads_per_user":
		in.ReadsPerUser = v
	case "writes_per_user":
		in.WritesPerUser = v
	case "read_size":
		in.ReadSize = Bytes(v)
	case "write_size":
		in.WriteSize = Bytes(v)
	case "peak_factor":
		in.PeakFactor = v
	case "retention":
		in.Retention = Duration(v * SecondsPerDay)
	case "replication":
		in.Replication = v
	case "cache_fraction":
		in.CacheFraction = v
	case "server_rps":
		in.ServerRPS = PerSecond(v)
	}
}
