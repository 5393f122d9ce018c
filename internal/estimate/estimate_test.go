package estimate

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// capacity builds a design.Capacity from key=value pairs, as an answers
// file would hold them.
func capacity(kv map[string]string) *design.Capacity {
	c := &design.Capacity{}
	for _, in := range c.Inputs() {
		if v, ok := kv[in.Key]; ok {
			*in.Value = design.Quantity{Raw: v}
		}
	}
	return c
}

func near(got, want float64) bool {
	if want == 0 {
		return got == 0
	}
	return math.Abs(got-want)/math.Abs(want) < 1e-9
}

// TestFormulas checks every result against cases worked by hand.
func TestFormulas(t *testing.T) {
	tests := []struct {
		name   string
		inputs map[string]string
		want   map[string]float64
	}{
		{
			name: "url shortener",
			inputs: map[string]string{"dau": "100M", "reads_per_user": "10", "writes_per_user": "0.1",
				"read_size": "500B", "write_size": "500B", "peak_factor": "3", "retention": "5y",
				"replication": "3", "cache_fraction": "0.2", "server_rps": "2000"},
			want: map[string]float64{
				"write_qps_avg":         1e7 / 86400, // 115.74
				"read_qps_avg":          1e9 / 86400, // 11 574
				"write_qps_peak":        3e7 / 86400,
				"read_qps_peak":         3e9 / 86400,
				"read_write_ratio":      100,
				"ingress_bytes_per_sec": 5e9 / 86400,  // 57.9 KB/s
				"egress_bytes_per_sec":  5e11 / 86400, // 5.79 MB/s
				"storage_bytes_per_day": 5e9,          // 1e7 writes × 500 B
				"storage_bytes_total":   5e9 * 1825 * 3,
				"cache_bytes":           1e9 * 500 * 0.2,
				"servers":               18, // ceil(35 069 / 2000) = ceil(17.5)
			},
		},
		{
			name: "chat",
			inputs: map[string]string{"dau": "50M", "reads_per_user": "200", "writes_per_user": "40",
				"read_size": "500B", "write_size": "1KB", "peak_factor": "4", "retention": "3y",
				"replication": "3", "cache_fraction": "0.05", "server_rps": "10K"},
			want: map[string]float64{
				"write_qps_avg":         2e9 / 86400, // 23 148
				"read_qps_avg":          1e10 / 86400,
				"write_qps_peak":        8e9 / 86400,
				"read_qps_peak":         4e10 / 86400,
				"read_write_ratio":      5,
				"ingress_bytes_per_sec": 2e12 / 86400,
				"egress_bytes_per_sec":  5e12 / 86400,
				"storage_bytes_per_day": 2e12,
				"storage_bytes_total":   2e12 * 1095 * 3, // 6.57 PB
				"cache_bytes":           1e10 * 500 * 0.05,
				"servers":               56, // ceil(555 556 / 10 000)
			},
		},
		{
			name: "exact, defaults for peak and server rps",
			inputs: map[string]string{"dau": "86400", "reads_per_user": "2", "writes_per_user": "1",
				"read_size": "1KB", "write_size": "100B", "retention": "10d", "replication": "2",
				"cache_fraction": "0.5", "server_rps": "3"},
			want: map[string]float64{
				"write_qps_avg":         1,
				"read_qps_avg":          2,
				"write_qps_peak":        2,
				"read_qps_peak":         4,
				"read_write_ratio":      2,
				"ingress_bytes_per_sec": 100,
				"egress_bytes_per_sec":  2000,
				"storage_bytes_per_day": 8.64e6,
				"storage_bytes_total":   8.64e6 * 10 * 2,
				"cache_bytes":           86400 * 2 * 1000 * 0.5,
				"servers":               2, // exactly 6 / 3: no extra server for rounding error
			},
		},
		{
			name: "binary sizes and weeks",
			inputs: map[string]string{"dau": "1K", "reads_per_user": "0", "writes_per_user": "8.64",
				"read_size": "1KiB", "write_size": "1KiB", "peak_factor": "1", "retention": "2w",
				"replication": "1", "cache_fraction": "0", "server_rps": "1"},
			want: map[string]float64{
				"write_qps_avg":         0.1,
				"read_qps_avg":          0,
				"write_qps_peak":        0.1,
				"read_qps_peak":         0,
				"read_write_ratio":      0,
				"ingress_bytes_per_sec": 102.4,
				"egress_bytes_per_sec":  0,
				"storage_bytes_per_day": 8640 * 1024,
				"storage_bytes_total":   8640 * 1024 * 14,
				"cache_bytes":           0,
				"servers":               1,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Estimate(capacity(tt.inputs))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, v := range r.values() {
				got[v.key] = v.v
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d results, want %d", len(got), len(tt.want))
			}
			for k, want := range tt.want {
				if !near(got[k], want) {
					t.Errorf("%s = %v, want %v", k, got[k], want)
				}
			}
		})
	}
}

func TestNoWrites(t *testing.T) {
	r, err := Estimate(capacity(map[string]string{"dau": "1M", "reads_per_user": "5", "writes_per_user": "0",
		"read_size": "1KB", "write_size": "1KB"}))
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(r.ReadWriteRatio) {
		t.Errorf("ratio = %v, want none", r.ReadWriteRatio)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"read_write_ratio":null`) {
		t.Errorf("JSON has no null ratio: %s", data)
	}
	if got := r.Rows()[4].Value; got != "no writes" {
		t.Errorf("ratio row = %q", got)
	}
}

func TestDefaults(t *testing.T) {
	in, err := Parse(capacity(map[string]string{"dau": "1M", "reads_per_user": "1", "writes_per_user": "1",
		"read_size": "1KB", "write_size": "1KB", "replication": "5"}))
	if err != nil {
		t.Fatal(err)
	}
	if in.PeakFactor != 2 || in.Retention.Days() != 1825 || in.Replication != 5 || in.CacheFraction != 0.2 || in.ServerRPS != 1000 {
		t.Errorf("defaults not applied: %+v", in)
	}
	want := []string{"peak_factor", "retention", "cache_fraction", "server_rps"}
	if !reflect.DeepEqual(in.Defaulted, want) {
		t.Errorf("Defaulted = %v, want %v", in.Defaulted, want)
	}
}

func TestRejects(t *testing.T) {
	base := map[string]string{"dau": "1M", "reads_per_user": "10", "writes_per_user": "1",
		"read_size": "1KB", "write_size": "1KB"}
	tests := []struct {
		key, value string
		want       string
	}{
		{"dau", "0", "dau: 0 users leaves nothing to estimate"},
		{"dau", "-5M", "dau: -5M: must not be negative"},
		{"dau", "", "dau: not given (daily active users)"},
		{"reads_per_user", "-1", "reads_per_user: -1: must not be negative"},
		{"read_size", "12 bananas", `read_size: 12 bananas: unknown size unit "bananas"`},
		{"write_size", "", "write_size: not given"},
		{"peak_factor", "0.5", "peak_factor: 0.5 is below 1"},
		{"replication", "0", "replication: 0 is below 1"},
		{"cache_fraction", "1.5", "cache_fraction: 1.5 is outside 0..1"},
		{"cache_fraction", "-0.1", "cache_fraction: -0.1: must not be negative"},
		{"server_rps", "0", "server_rps: 0 requests per second cannot serve any load"},
		{"retention", "5 days", `retention: 5 days: unknown duration unit "days"`},
	}
	for _, tt := range tests {
		kv := map[string]string{}
		for k, v := range base {
			kv[k] = v
		}
		kv[tt.key] = tt.value
		_, err := Report(capacity(kv))
		var errs InputErrors
		if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Key != tt.key {
			t.Errorf("%s=%q: error %v, want one InputError for %s", tt.key, tt.value, err, tt.key)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s=%q: error %q, want %q", tt.key, tt.value, err, tt.want)
		}
	}
}

func TestRejectsAllAtOnce(t *testing.T) {
	_, err := Parse(capacity(map[string]string{"dau": "0", "peak_factor": "0.9"}))
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{"6 problems", "dau:", "reads_per_user:", "writes_per_user:", "read_size:", "write_size:", "peak_factor:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if _, err := Parse(nil); err == nil {
		t.Error("a nil capacity estimated without error")
	}
}

func TestComputeChecksInputs(t *testing.T) {
	in := Inputs{DAU: 1, PeakFactor: 0.5, Replication: 1, ServerRPS: 1}
	if _, err := Compute(in); err == nil || !strings.Contains(err.Error(), "peak_factor") {
		t.Errorf("Compute accepted peak factor 0.5: %v", err)
	}
	in = Inputs{DAU: Count(math.NaN()), PeakFactor: 1, Replication: 1, ServerRPS: 1}
	if _, err := Compute(in); err == nil || !strings.Contains(err.Error(), "dau") {
		t.Errorf("Compute accepted NaN users: %v", err)
	}
	_, err := Estimate(capacity(map[string]string{"dau": "1e300", "reads_per_user": "1e300", "writes_per_user": "1",
		"read_size": "1B", "write_size": "1B"}))
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("overflow not reported: %v", err)
	}
}

func TestDerivations(t *testing.T) {
	r, err := Estimate(capacity(map[string]string{"dau": "100M", "reads_per_user": "10", "writes_per_user": "0.1",
		"read_size": "500B", "write_size": "500B", "peak_factor": "3", "server_rps": "2000"}))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"write QPS = 100M users × 0.1 writes / 86 400 s = 116 /s",
		"read QPS = 100M users × 10 reads / 86 400 s = 11.6 K/s",
		"peak write QPS = 116 /s × 3 (peak factor) = 347 /s",
		"peak read QPS = 11.6 K/s × 3 (peak factor) = 34.7 K/s",
		"read:write = 10 reads / 0.1 writes = 100:1",
		"ingress = 116 /s × 500 B = 57.9 KB/s",
		"egress = 11.6 K/s × 500 B = 5.79 MB/s",
		"storage per day = 100M users × 0.1 writes × 500 B = 5 GB",
		"storage total = 5 GB/day × 1825 d (5 y) × 3 replicas = 27.4 TB",
		"cache = 100M users × 10 reads × 500 B × 0.2 cached = 100 GB",
		"servers = ceil((34.7 K/s + 347 /s) / 2 K/s per server) = ceil(17.5) = 18",
	}
	got := r.Derivations()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("derivations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(got) != len(r.Rows()) {
		t.Errorf("%d derivations for %d results", len(got), len(r.Rows()))
	}
}

func TestJSONKeys(t *testing.T) {
	r, err := Estimate(capacity(map[string]string{"dau": "1M", "reads_per_user": "10", "writes_per_user": "1",
		"read_size": "1KB", "write_size": "1KB"}))
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Inputs      map[string]float64 `json:"inputs"`
		Results     map[string]float64 `json:"results"`
		Derivations []string           `json:"derivations"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	for _, v := range r.values() {
		if _, ok := got.Results[v.key]; !ok {
			t.Errorf("results lack %q", v.key)
		}
	}
	if len(got.Results) != 11 || len(got.Inputs) != 10 || len(got.Derivations) != 11 {
		t.Errorf("%d results, %d inputs, %d derivations", len(got.Results), len(got.Inputs), len(got.Derivations))
	}
	if got.Inputs["read_size"] != 1000 || got.Inputs["retention_days"] != 1825 || got.Results["servers"] != 1 {
		t.Errorf("inputs %v, results %v", got.Inputs, got.Results)
	}
}

func TestReport(t *testing.T) {
	out, err := Report(capacity(map[string]string{"dau": "100M", "reads_per_user": "10", "writes_per_user": "0.1",
		"read_size": "1KB", "write_size": "500B"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Results\n", "  Write QPS, average  ", "11.6 MB/s", "\nDerivations\n",
		"  write QPS = 100M users × 0.1 writes / 86 400 s = 116 /s\n",
		"Defaults used: peak_factor 2, retention 5y, replication 3, cache_fraction 0.2, server_rps 1000\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("line %d has trailing spaces: %q", i+1, line)
		}
	}
}

// inputsFor are valid inputs to vary in the property tests.
func inputsFor(dau, reads, writes, readSize, writeSize, peak, days, repl, cache, rps float64) Inputs {
	return Inputs{DAU: Count(dau), ReadsPerUser: reads, WritesPerUser: writes, ReadSize: Bytes(readSize),
		WriteSize: Bytes(writeSize), PeakFactor: peak, Retention: Duration(days * SecondsPerDay),
		Replication: repl, CacheFraction: cache, ServerRPS: PerSecond(rps)}
}

func TestDoublingDAUDoublesQPS(t *testing.T) {
	for _, dau := range []float64{1, 7, 1000, 12345, 1e6, 3.3e8, 2e9} {
		for _, rw := range [][2]float64{{10, 0.1}, {1, 1}, {200, 40}, {0.5, 3}} {
			in := inputsFor(dau, rw[0], rw[1], 1000, 500, 3, 365, 3, 0.2, 1000)
			a, err := Compute(in)
			if err != nil {
				t.Fatal(err)
			}
			in.DAU *= 2
			b, err := Compute(in)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range [][2]PerSecond{{a.WriteQPSAvg, b.WriteQPSAvg}, {a.ReadQPSAvg, b.ReadQPSAvg},
				{a.WriteQPSPeak, b.WriteQPSPeak}, {a.ReadQPSPeak, b.ReadQPSPeak}} {
				if !near(float64(p[1]), 2*float64(p[0])) {
					t.Errorf("dau %v → %v: QPS %v → %v, want double", dau, 2*dau, p[0], p[1])
				}
			}
			if !near(float64(b.StorageTotal), 2*float64(a.StorageTotal)) || !near(float64(b.Cache), 2*float64(a.Cache)) {
				t.Errorf("dau %v doubled: storage %v → %v, cache %v → %v", dau, a.StorageTotal, b.StorageTotal, a.Cache, b.Cache)
			}
		}
	}
}

// TestMonotone grows one input at a time and wants storage and servers
// never to shrink (server RPS is the exception: more per server, fewer
// servers, so it must never grow the count).
func TestMonotone(t *testing.T) {
	base := [10]float64{1e6, 10, 1, 1000, 500, 2, 365, 3, 0.2, 1000}
	grow := [10][]float64{
		{1, 999, 1e6, 1.1e6, 5e7, 3e9},
		{0, 0.1, 1, 10, 11, 500},
		{0, 0.01, 0.1, 1, 2, 50},
		{0, 1, 500, 1000, 1e6},
		{0, 1, 500, 1000, 1e6},
		{1, 1.5, 2, 3, 10, 100},
		{0, 1, 30, 365, 1825, 3650},
		{1, 2, 3, 5},
		{0, 0.1, 0.2, 0.5, 1},
		{1, 10, 1000, 2000, 1e5},
	}
	for i := range base {
		var prev *Result
		for _, v := range grow[i] {
			x := base
			x[i] = v
			r, err := Compute(inputsFor(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9]))
			if err != nil {
				t.Fatalf("input %d = %v: %v", i, v, err)
			}
			if prev != nil {
				if r.StorageTotal < prev.StorageTotal || r.StoragePerDay < prev.StoragePerDay {
					t.Errorf("input %d grew to %v: storage fell %v → %v", i, v, prev.StorageTotal, r.StorageTotal)
				}
				serverRPS := i == 9
				if !serverRPS && r.Servers < prev.Servers {
					t.Errorf("input %d grew to %v: servers fell %v → %v", i, v, prev.Servers, r.Servers)
				}
				if serverRPS && r.Servers > prev.Servers {
					t.Errorf("server_rps grew to %v: servers rose %v → %v", v, prev.Servers, r.Servers)
				}
			}
			prev = r
		}
	}
}
