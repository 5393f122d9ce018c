// Package benchgen writes synthetic schema-v1 answers files for benchmarks.
//
// The workload has the shape and size class of the peer benchmark's
// generator (shared/peers/gen): N core entities with 5 to 8 fields each,
// N/2 functional requirements, endpoints and data-flow steps, N/4
// non-functional requirements and components (every count at least 1), so
// that our render times can be set beside the peers'. Unlike the peers'
// file it uses our schema and every cross-reference in it holds, so a
// strict loader accepts it.
//
// The YAML is written as text: a YAML encoder is far too slow for the
// 10 000-entity file (yaml.v3 takes seconds to write it).
package benchgen

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Created is the fixed creation date of every generated design, so that
// output does not depend on the day it is generated.
const Created = "2026-11-23"

// splitmix64: a fixed, version-independent PRNG so every run gives the same
// file (the peers' generator uses the same one).
type rng uint64

func (r *rng) next() uint64 {
	*r += 0x9e3779b97f4a7c15
	z := uint64(*r)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

type field struct{ name, typ, note string }

type kind struct {
	name   string // component kind, as the schema spells it
	suffix string // short word in the component's name
	techs  []string
}

var (
	nouns   = []string{"Account", "Order", "Invoice", "Payment", "Shipment", "Product", "Customer", "Warehouse", "Ticket", "Session", "Review", "Coupon", "Refund", "Supplier", "Carrier", "Report"}
	domains = []string{"billing", "catalog", "fulfilment", "identity", "support", "analytics", "pricing", "logistics"}
	adjs    = []string{"current", "optional", "immutable", "indexed", "denormalised", "audited", "cached", "derived"}
	pool    = []field{
		{"created_at", "timestamp", "When the record was created"},
		{"updated_at", "timestamp", "When the record last changed"},
		{"status", "enum", "Lifecycle state"},
		{"name", "string", "Human readable name"},
		{"email", "string", "Contact address"},
		{"amount", "decimal(12,2)", "Monetary amount in minor units"},
		{"currency", "char(3)", "ISO 4217 currency code"},
		{"quantity", "int", "Number of units"},
		{"tags", "string[]", "Free-form labels"},
		{"metadata", "json", "Opaque key-value attributes"},
		{"version", "int", "Optimistic locking counter"},
		{"region", "string", "Home region of the record"},
		{"deleted", "bool", "Soft-delete marker"},
		{"score", "float", "Ranking score"},
	}
	// kinds rotate in this order; database and service come first so that
	// even the smallest designs have a store for entities and a component
	// that serves the requirements.
	kinds = []kind{
		{"database", "db", []string{"PostgreSQL", "MySQL", "DynamoDB", "Cassandra"}},
		{"service", "svc", []string{"Go", "Java", "Node.js", "Rust"}},
		{"client", "client", []string{"Web app (React)", "iOS app", "Android app"}},
		{"gateway", "gateway", []string{"Envoy", "nginx", "Kong"}},
		{"cache", "cache", []string{"Redis", "Memcached"}},
		{"queue", "queue", []string{"Kafka", "SQS", "RabbitMQ"}},
	}
	verbs = []string{"sends", "publishes", "reads", "writes", "enqueues", "streams", "validates", "caches"}
	auths = []string{"bearer", "bearer", "api-key", "none"}
	nfrs  = []struct {
		quality, text string
		base, spread  int
	}{
		{"latency", "p99 latency of %s < %d ms at peak load", 50, 450},
		{"availability", "%s stays available through a single-zone outage; failover < %d s", 5, 120},
		{"durability", "no acknowledged write to %s is lost; backups every %d hours", 1, 24},
		{"scalability", "%s scales to %d requests per second per region", 500, 20000},
		{"cap", "availability over consistency for %s; replicas converge < %d s", 1, 30},
		{"throughput", "%s sustains %d writes per second", 100, 5000},
		{"consistency", "read-your-writes on %s within %d ms", 10, 500},
		{"security", "tokens for %s expire after %d minutes", 5, 60},
	}
)

type component struct {
	name, kind, tech, responsibility string
	serves                           []int
}

func entityName(i int) string   { return fmt.Sprintf("%s%04d", nouns[i%len(nouns)], i+1) }
func plural(name string) string { return strings.ToLower(name) + "s" }

func atLeast1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// Counts are the sizes of the sections Write generates for a given N.
type Counts struct {
	Entities, Functional, NonFunctional, Endpoints, Components, DataFlow int
}

// CountsFor returns the section sizes for N core entities: the peers'
// proportions, each at least 1.
func CountsFor(n int) Counts {
	return Counts{
		Entities:      n,
		Functional:    atLeast1(n / 2),
		NonFunctional: atLeast1(n / 4),
		Endpoints:     atLeast1(n / 2),
		Components:    atLeast1(n / 4),
		DataFlow:      atLeast1(n / 2),
	}
}

// Write writes a deterministic answers file with n core entities to w.
// The same n always gives the same bytes.
func Write(w io.Writer, n int) error {
	if n < 1 {
		return errors.New("benchgen: n must be at least 1")
	}
	c := CountsFor(n)
	r := rng(uint64(n) * 2654435761)
	bw := bufio.NewWriterSize(w, 1<<16)
	y := &yamlWriter{w: bw}

	title := fmt.Sprintf("Synthetic platform design (N=%d)", n)
	y.line("designdoc: 1")
	y.kv("", "title", title)
	y.kv("", "slug", fmt.Sprintf("synthetic-platform-design-n-%d", n))
	y.kv("", "summary", fmt.Sprintf("A generated design with %d core entities, %d endpoints, %d components and %d data-flow steps, used to benchmark document rendering.",
		c.Entities, c.Endpoints, c.Components, c.DataFlow))
	y.line("authors:")
	y.item("  ", "Benchmark Generator")
	y.line("status: draft")
	y.line("created: " + Created)

	// Components come first in the model because everything else refers
	// to them, but are written in schema order further down.
	comps := make([]component, c.Components)
	byKind := map[string][]int{}
	for i := range comps {
		k := kinds[i%len(kinds)]
		dom := domains[i%len(domains)]
		comps[i] = component{
			name:           fmt.Sprintf("%s-%s-%04d", dom, k.suffix, i+1),
			kind:           k.name,
			tech:           pick(&r, k.techs),
			responsibility: fmt.Sprintf("Owns %s and %s for the %s domain", entityName((4*i)%n), entityName((4*i+1)%n), dom),
		}
		byKind[k.name] = append(byKind[k.name], i)
	}
	dbs := byKind["database"]
	servers := byKind["service"]
	if len(servers) == 0 {
		servers = make([]int, len(comps))
		for i := range servers {
			servers[i] = i
		}
	}
	for fr := 1; fr <= c.Functional; fr++ {
		s := servers[(fr-1)%len(servers)]
		comps[s].serves = append(comps[s].serves, fr)
	}

	y.line("requirements:")
	y.line("  functional:")
	for i := 0; i < c.Functional; i++ {
		y.item("    ", fmt.Sprintf("Users should be able to create, read, update and list %s records", entityName(i%n)))
	}
	y.line("  out_of_scope:")
	y.item("    ", "Billing reconciliation with external ledgers")
	y.item("    ", "Data migration from the legacy platform")
	y.line("  non_functional:")
	for i := 0; i < c.NonFunctional; i++ {
		t := nfrs[i%len(nfrs)]
		y.kv("    - ", "quality", t.quality)
		y.kv("      ", "requirement", fmt.Sprintf(t.text, "/v1/"+plural(entityName(i%n)), t.base+r.intn(t.spread)))
	}

	y.line("capacity:")
	y.line("  dau: 10M")
	y.line("  reads_per_user: 20")
	y.line("  writes_per_user: 2")
	y.line("  read_size: 2KB")
	y.line("  write_size: 1KB")
	y.line("  peak_factor: 3")
	y.line("  retention: 5y")
	y.line("  replication: 3")
	y.line("  cache_fraction: 0.2")
	y.line("  server_rps: 2000")

	y.line("entities:")
	for i := 0; i < n; i++ {
		name := entityName(i)
		y.kv("  - ", "name", name)
		y.kv("    ", "description", fmt.Sprintf("Holds %s data for the %s domain.", strings.ToLower(nouns[i%len(nouns)]), pick(&r, domains)))
		y.kv("    ", "store", comps[dbs[i%len(dbs)]].name)
		y.line("    fields:")
		fields := []field{{"id", "uuid", "Primary identifier"}}
		nf := 5 + r.intn(4) // 5..8 fields in all
		if n > 1 {
			ref := entityName((i + 1 + r.intn(n-1)) % n)
			fields = append(fields, field{strings.ToLower(ref) + "_id", "uuid", "References " + ref})
		}
		start := r.intn(len(pool))
		for k := 0; len(fields) < nf; k++ {
			f := pool[(start+k)%len(pool)]
			f.note += " (" + pick(&r, adjs) + ")"
			fields = append(fields, f)
		}
		for _, f := range fields {
			y.kv("      - ", "name", f.name)
			y.kv("        ", "type", f.typ)
			y.kv("        ", "note", f.note)
		}
		if i > 0 {
			y.line("    relations:")
			y.kv("      - ", "to", entityName(i-1))
			y.line("        kind: n-1")
			y.line("        label: belongs to")
		}
	}

	y.line("api:")
	y.line("  style: rest")
	y.line("  realtime: none")
	y.line("  endpoints:")
	for i := 0; i < c.Endpoints; i++ {
		// i < n always (n/2 < n), so each endpoint has its own entity and
		// method+path pairs are unique.
		name := entityName(i)
		base := "/v1/" + plural(name)
		var method, path, summary, req, resp string
		switch i % 4 {
		case 0:
			method, path, summary, resp = "GET", base+"/{id}", "Fetch one "+name, name
		case 1:
			method, path, summary, req, resp = "POST", base, "Create one "+name, "{"+strings.ToLower(name)+"}", name
		case 2:
			method, path, summary, req, resp = "PUT", base+"/{id}", "Replace one "+name, "{"+strings.ToLower(name)+"}", name
		default:
			method, path, summary, resp = "GET", base, "List "+name+" records, paginated", "page of "+name
		}
		y.kv("    - ", "method", method)
		y.kv("      ", "path", path)
		y.kv("      ", "summary", summary)
		if req != "" {
			y.kv("      ", "request", req)
		}
		y.kv("      ", "response", resp)
		y.kv("      ", "auth", auths[i%len(auths)])
	}

	conns := connect(comps, byKind)
	y.line("data_flow:")
	for i := 0; i < c.DataFlow; i++ {
		// The flow walks the architecture's arrows, so every step is a
		// conversation the diagram shows.
		cn := conns[i%len(conns)]
		y.kv("  - ", "from", comps[cn.from].name)
		y.kv("    ", "to", comps[cn.to].name)
		y.kv("    ", "action", fmt.Sprintf("%s %s payload", pick(&r, verbs), entityName(r.intn(n))))
	}

	y.line("high_level_design:")
	y.line("  components:")
	for _, cp := range comps {
		y.kv("    - ", "name", cp.name)
		y.kv("      ", "kind", cp.kind)
		y.kv("      ", "technology", cp.tech)
		y.kv("      ", "responsibility", cp.responsibility)
		if len(cp.serves) > 0 {
			y.raw("      serves: [")
			for k, fr := range cp.serves {
				if k > 0 {
					y.raw(", ")
				}
				y.raw("FR")
				y.raw(strconv.Itoa(fr))
			}
			y.raw("]\n")
		}
	}
	y.line("  connections:")
	for _, cn := range conns {
		y.kv("    - ", "from", comps[cn.from].name)
		y.kv("      ", "to", comps[cn.to].name)
		y.kv("      ", "label", cn.label)
	}
	y.kv("  ", "notes", "Services are stateless behind the gateway; queues deliver at least once, with retries and a dead-letter queue.")

	y.line("deep_dives:")
	y.line("  - concept: scaling")
	y.kv("    ", "title", "Sharding the busiest tables")
	y.kv("    ", "problem", fmt.Sprintf("At %d entities the largest tables outgrow one primary.", n))
	y.kv("    ", "solution", "Shard by tenant id with consistent hashing and keep a small directory service.")
	y.kv("    ", "tradeoffs", "Cross-shard queries need scatter-gather; resharding moves data online.")
	y.line("  - concept: consistency")
	y.kv("    ", "title", "Keeping caches fresh")
	y.kv("    ", "problem", "Cached reads can serve stale records after a write.")
	y.kv("    ", "solution", "Write through the cache and expire entries after 60 s as a backstop.")
	y.kv("    ", "tradeoffs", "Writes pay an extra round trip; a short window of staleness remains.")
	y.line("alternatives:")
	y.kv("  - ", "title", "One shared relational database")
	y.kv("    ", "why_not", "A single primary becomes the bottleneck long before the peak load.")
	y.line("open_questions:")
	y.item("  ", "Which region hosts the primary for each tenant?")

	if y.err != nil {
		return y.err
	}
	return bw.Flush()
}

type connection struct {
	from, to int // indexes into the components
	label    string
}

// connect draws the architecture's arrows by kind: clients call a gateway
// (or a service when there is none), gateways route to services, services
// read and write a database and use the caches and queues. A design with a
// single component (a database) gets one arrow to itself, so that there is
// always at least one connection.
func connect(comps []component, byKind map[string][]int) []connection {
	nth := func(kind string, i int) (int, bool) {
		xs := byKind[kind]
		if len(xs) == 0 {
			return 0, false
		}
		return xs[i%len(xs)], true
	}
	var out []connection
	for i, cp := range comps {
		switch cp.kind {
		case "client":
			if g, ok := nth("gateway", i); ok {
				out = append(out, connection{i, g, "HTTPS"})
			} else if s, ok := nth("service", i); ok {
				out = append(out, connection{i, s, "HTTPS"})
			}
		case "gateway":
			if s, ok := nth("service", i); ok {
				out = append(out, connection{i, s, "routes requests"})
			}
		case "service":
			if d, ok := nth("database", i); ok {
				out = append(out, connection{i, d, "reads/writes"})
			}
		case "cache":
			if s, ok := nth("service", i); ok {
				out = append(out, connection{s, i, "looks up"})
			}
		case "queue":
			if s, ok := nth("service", i); ok {
				out = append(out, connection{s, i, "publishes events"})
			}
		}
	}
	if len(out) == 0 {
		out = append(out, connection{0, 0, "replicates"})
	}
	return out
}

// yamlWriter writes YAML lines, keeping the first write error.
type yamlWriter struct {
	w   *bufio.Writer
	err error
}

func (y *yamlWriter) raw(s string) {
	if y.err == nil {
		_, y.err = y.w.WriteString(s)
	}
}

func (y *yamlWriter) line(s string) {
	y.raw(s)
	y.raw("\n")
}

// kv writes "<prefix><key>: <scalar>".
func (y *yamlWriter) kv(prefix, key, value string) {
	y.raw(prefix)
	y.raw(key)
	y.raw(": ")
	y.scalar(value)
	y.raw("\n")
}

// item writes "<indent>- <scalar>".
func (y *yamlWriter) item(indent, value string) {
	y.raw(indent)
	y.raw("- ")
	y.scalar(value)
	y.raw("\n")
}

func (y *yamlWriter) scalar(s string) {
	if plainSafe(s) {
		y.raw(s)
		return
	}
	y.raw(Quote(s))
}

// plainSafe reports whether s can be written as a plain scalar and read
// back as the same string in any context, block or flow. It accepts only a
// conservative set: a letter or '/' first, then letters, digits, space and
// "_./()-", no trailing space, and none of the words YAML 1.1 or 1.2
// resolve to a boolean or null. Anything else is double-quoted.
func plainSafe(s string) bool {
	if s == "" || s[len(s)-1] == ' ' {
		return false
	}
	c := s[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ' || c == '_' || c == '.' || c == '/' || c == '(' || c == ')' || c == '-':
		default:
			return false
		}
	}
	if len(s) <= 5 {
		switch strings.ToLower(s) {
		case "y", "n", "yes", "no", "on", "off", "true", "false", "null":
			return false
		}
	}
	return true
}

// Quote returns s as a YAML double-quoted scalar: backslash and quote are
// escaped, and so is every control character, DEL, the Unicode line and
// paragraph separators, and invalid UTF-8 (as U+FFFD).
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\uFFFD`)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, `\x%02X`, r)
		case r == 0x2028 || r == 0x2029 || r == 0xfeff:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
