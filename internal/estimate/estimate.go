package estimate

import (
	"fmt"
	"math"
)

// Result is an estimate: the inputs it was made from and what follows
// from them, by the spec's formulas.
type Result struct {
	Inputs Inputs

	WriteQPSAvg  PerSecond
	ReadQPSAvg   PerSecond
	WriteQPSPeak PerSecond
	ReadQPSPeak  PerSecond
	// ReadWriteRatio is reads per write; it has no value (NaN) when there
	// are no writes.
	ReadWriteRatio float64
	Ingress        BytesPerSecond
	Egress         BytesPerSecond
	StoragePerDay  Bytes
	StorageTotal   Bytes
	Cache          Bytes
	Servers        Count
}

// Compute derives the results from inputs. It fails with InputErrors,
// naming each input out of range, and with a plain error naming the result
// when the inputs are so large that a result overflows.
func Compute(in Inputs) (*Result, error) {
	var errs InputErrors
	for _, f := range in.fields() {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 {
			errs = append(errs, &InputError{Key: f.key, Msg: fmt.Sprintf("%v: must be a number, 0 or more", f.v)})
		} else if msg := check(f.key, Plain(f.v), f.v); msg != "" {
			errs = append(errs, &InputError{Key: f.key, Msg: msg})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}

	dau := float64(in.DAU)
	writesPerDay := dau * in.WritesPerUser
	readsPerDay := dau * in.ReadsPerUser
	r := &Result{Inputs: in}
	r.WriteQPSAvg = PerSecond(writesPerDay / SecondsPerDay)
	r.ReadQPSAvg = PerSecond(readsPerDay / SecondsPerDay)
	r.WriteQPSPeak = r.WriteQPSAvg * PerSecond(in.PeakFactor)
	r.ReadQPSPeak = r.ReadQPSAvg * PerSecond(in.PeakFactor)
	r.ReadWriteRatio = math.NaN()
	if in.WritesPerUser > 0 {
		r.ReadWriteRatio = in.ReadsPerUser / in.WritesPerUser
	}
	r.Ingress = BytesPerSecond(float64(r.WriteQPSAvg) * float64(in.WriteSize))
	r.Egress = BytesPerSecond(float64(r.ReadQPSAvg) * float64(in.ReadSize))
	r.StoragePerDay = Bytes(writesPerDay * float64(in.WriteSize))
	r.StorageTotal = Bytes(float64(r.StoragePerDay) * in.Retention.Days() * in.Replication)
	r.Cache = Bytes(readsPerDay * float64(in.ReadSize) * in.CacheFraction)
	r.Servers = Count(ceil(float64(r.ReadQPSPeak+r.WriteQPSPeak) / float64(in.ServerRPS)))

	for _, res := range r.values() {
		if math.IsInf(res.v, 0) {
			return nil, fmt.Errorf("the inputs are too large: %s does not fit in a 64-bit float", res.key)
		}
	}
	return r, nil
}

// ceil is math.Ceil that forgives the last bits of floating-point error,
// so 2.0000000000000004 servers is 2, not 3.
func ceil(v float64) float64 {
	return math.Ceil(v * (1 - 1e-12))
}

type keyed struct {
	key string
	v   float64
}

// fields lists the inputs by key, in spec order.
func (in Inputs) fields() []keyed {
	return []keyed{
		{"dau", float64(in.DAU)},
		{"reads_per_user", in.ReadsPerUser},
		{"writes_per_user", in.WritesPerUser},
		{"read_size", float64(in.ReadSize)},
		{"write_size", float64(in.WriteSize)},
		{"peak_factor", in.PeakFactor},
		{"retention", in.Retention.Days()},
		{"replication", in.Replication},
		{"cache_fraction", in.CacheFraction},
		{"server_rps", float64(in.ServerRPS)},
	}
}

// values lists the results by JSON key, in spec order.
func (r *Result) values() []keyed {
	return []keyed{
		{"write_qps_avg", float64(r.WriteQPSAvg)},
		{"read_qps_avg", float64(r.ReadQPSAvg)},
		{"write_qps_peak", float64(r.WriteQPSPeak)},
		{"read_qps_peak", float64(r.ReadQPSPeak)},
		{"read_write_ratio", r.ReadWriteRatio},
		{"ingress_bytes_per_sec", float64(r.Ingress)},
		{"egress_bytes_per_sec", float64(r.Egress)},
		{"storage_bytes_per_day", float64(r.StoragePerDay)},
		{"storage_bytes_total", float64(r.StorageTotal)},
		{"cache_bytes", float64(r.Cache)},
		{"servers", float64(r.Servers)},
	}
}

// Row is one result as a table shows it.
type Row struct {
	Key   string // the JSON key, e.g. write_qps_avg
	Label string // e.g. "Write QPS, average"
	Value string // human units, e.g. "116 /s"
}

// Rows are the results for a table, in spec order.
func (r *Result) Rows() []Row {
	ratio := "no writes"
	if !math.IsNaN(r.ReadWriteRatio) {
		ratio = sig3(r.ReadWriteRatio) + ":1"
	}
	return []Row{
		{"write_qps_avg", "Write QPS, average", r.WriteQPSAvg.String()},
		{"read_qps_avg", "Read QPS, average", r.ReadQPSAvg.String()},
		{"write_qps_peak", "Write QPS, peak", r.WriteQPSPeak.String()},
		{"read_qps_peak", "Read QPS, peak", r.ReadQPSPeak.String()},
		{"read_write_ratio", "Read:write ratio", ratio},
		{"ingress_bytes_per_sec", "Ingress (writes)", r.Ingress.String()},
		{"egress_bytes_per_sec", "Egress (reads)", r.Egress.String()},
		{"storage_bytes_per_day", "New storage per day", r.StoragePerDay.String()},
		{"storage_bytes_total", "Storage over retention, replicated", r.StorageTotal.String()},
		{"cache_bytes", "Cache", r.Cache.String()},
		{"servers", "Servers at peak", r.Servers.String()},
	}
}

// Derivations are one line per result, in spec order, showing the formula
// with the numbers put in, the way an interviewer wants to see the math.
func (r *Result) Derivations() []string {
	in := r.Inputs
	users := in.DAU.String() + " users"
	reads := Plain(in.ReadsPerUser) + " reads"
	writes := Plain(in.WritesPerUser) + " writes"
	day := Plain(SecondsPerDay) + " s"
	peak := Plain(in.PeakFactor) + " (peak factor)"
	ratio := "no writes, so no ratio"
	if !math.IsNaN(r.ReadWriteRatio) {
		ratio = sig3(r.ReadWriteRatio) + ":1"
	}
	return []string{
		fmt.Sprintf("write QPS = %s × %s / %s = %s", users, writes, day, r.WriteQPSAvg),
		fmt.Sprintf("read QPS = %s × %s / %s = %s", users, reads, day, r.ReadQPSAvg),
		fmt.Sprintf("peak write QPS = %s × %s = %s", r.WriteQPSAvg, peak, r.WriteQPSPeak),
		fmt.Sprintf("peak read QPS = %s × %s = %s", r.ReadQPSAvg, peak, r.ReadQPSPeak),
		fmt.Sprintf("read:write = %s / %s = %s", reads, writes, ratio),
		fmt.Sprintf("ingress = %s × %s = %s", r.WriteQPSAvg, in.WriteSize, r.Ingress),
		fmt.Sprintf("egress = %s × %s = %s", r.ReadQPSAvg, in.ReadSize, r.Egress),
		fmt.Sprintf("storage per day = %s × %s × %s = %s", users, writes, in.WriteSize, r.StoragePerDay),
		fmt.Sprintf("storage total = %s/day × %s d (%s) × %s replicas = %s",
			r.StoragePerDay, Plain(in.Retention.Days()), in.Retention, Plain(in.Replication), r.StorageTotal),
		fmt.Sprintf("cache = %s × %s × %s × %s cached = %s", users, reads, in.ReadSize, Plain(in.CacheFraction), r.Cache),
		fmt.Sprintf("servers = ceil((%s + %s) / %s per server) = ceil(%s) = %s",
			r.ReadQPSPeak, r.WriteQPSPeak, in.ServerRPS, sig3(float64(r.ReadQPSPeak+r.WriteQPSPeak)/float64(in.ServerRPS)), r.Servers),
	}
}
