package estimate

import (
	"encoding/json"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// Estimate parses a design's capacity inputs and computes the results: the
// one call for a caller holding an answers file's capacity section.
func Estimate(c *design.Capacity) (*Result, error) {
	in, err := Parse(c)
	if err != nil {
		return nil, err
	}
	return Compute(in)
}

// Report is the results table and derivations as plain text for a
// terminal, or an error naming the bad input.
func Report(c *design.Capacity) (string, error) {
	r, err := Estimate(c)
	if err != nil {
		return "", err
	}
	return r.Text(), nil
}

// Text is the results table, the derivations and the defaults that were
// used, as plain text.
func (r *Result) Text() string {
	var b strings.Builder
	b.WriteString("Results\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, row := range r.Rows() {
		_, _ = tw.Write([]byte("  " + row.Label + "\t" + row.Value + "\n"))
	}
	_ = tw.Flush()
	b.WriteString("\nDerivations\n")
	for _, d := range r.Derivations() {
		b.WriteString("  " + d + "\n")
	}
	if len(r.Inputs.Defaulted) > 0 {
		parts := make([]string, len(r.Inputs.Defaulted))
		for i, k := range r.Inputs.Defaulted {
			parts[i] = k + " " + defaults[k]
		}
		b.WriteString("\nDefaults used: " + strings.Join(parts, ", ") + "\n")
	}
	return b.String()
}

// jsonInputs and jsonResults fix the JSON keys and their order. Numbers
// are in base units: bytes, per second, days for retention.
type jsonInputs struct {
	DAU           float64 `json:"dau"`
	ReadsPerUser  float64 `json:"reads_per_user"`
	WritesPerUser float64 `json:"writes_per_user"`
	ReadSize      float64 `json:"read_size"`
	WriteSize     float64 `json:"write_size"`
	PeakFactor    float64 `json:"peak_factor"`
	RetentionDays float64 `json:"retention_days"`
	Replication   float64 `json:"replication"`
	CacheFraction float64 `json:"cache_fraction"`
	ServerRPS     float64 `json:"server_rps"`
}

type jsonResults struct {
	WriteQPSAvg    float64  `json:"write_qps_avg"`
	ReadQPSAvg     float64  `json:"read_qps_avg"`
	WriteQPSPeak   float64  `json:"write_qps_peak"`
	ReadQPSPeak    float64  `json:"read_qps_peak"`
	ReadWriteRatio *float64 `json:"read_write_ratio"` // null when there are no writes
	Ingress        float64  `json:"ingress_bytes_per_sec"`
	Egress         float64  `json:"egress_bytes_per_sec"`
	StoragePerDay  float64  `json:"storage_bytes_per_day"`
	StorageTotal   float64  `json:"storage_bytes_total"`
	Cache          float64  `json:"cache_bytes"`
	Servers        float64  `json:"servers"`
}

// MarshalJSON writes {"inputs": …, "results": …, "derivations": […]}
// with plain numbers.
func (r *Result) MarshalJSON() ([]byte, error) {
	in := r.Inputs
	var ratio *float64
	if !math.IsNaN(r.ReadWriteRatio) {
		ratio = &r.ReadWriteRatio
	}
	return json.Marshal(struct {
		Inputs      jsonInputs  `json:"inputs"`
		Results     jsonResults `json:"results"`
		Derivations []string    `json:"derivations"`
	}{
		Inputs: jsonInputs{
			DAU: float64(in.DAU), ReadsPerUser: in.ReadsPerUser, WritesPerUser: in.WritesPerUser,
			ReadSize: float64(in.ReadSize), WriteSize: float64(in.WriteSize), PeakFactor: in.PeakFactor,
			RetentionDays: in.Retention.Days(), Replication: in.Replication,
			CacheFraction: in.CacheFraction, ServerRPS: float64(in.ServerRPS),
		},
		Results: jsonResults{
			WriteQPSAvg: float64(r.WriteQPSAvg), ReadQPSAvg: float64(r.ReadQPSAvg),
			WriteQPSPeak: float64(r.WriteQPSPeak), ReadQPSPeak: float64(r.ReadQPSPeak),
			ReadWriteRatio: ratio, Ingress: float64(r.Ingress), Egress: float64(r.Egress),
			StoragePerDay: float64(r.StoragePerDay), StorageTotal: float64(r.StorageTotal),
			Cache: float64(r.Cache), Servers: float64(r.Servers),
		},
		Derivations: r.Derivations(),
	})
}
