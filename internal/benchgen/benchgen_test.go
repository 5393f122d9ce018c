package benchgen

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The schema v1 answers file, as the spec spells it. Decoding with
// KnownFields makes a misspelt key fail the test.
type answers struct {
	Designdoc    int      `yaml:"designdoc"`
	Title        string   `yaml:"title"`
	Slug         string   `yaml:"slug"`
	Summary      string   `yaml:"summary"`
	Authors      []string `yaml:"authors"`
	Status       string   `yaml:"status"`
	Created      string   `yaml:"created"`
	Requirements struct {
		Functional    []string `yaml:"functional"`
		OutOfScope    []string `yaml:"out_of_scope"`
		NonFunctional []struct {
			Quality     string `yaml:"quality"`
			Requirement string `yaml:"requirement"`
		} `yaml:"non_functional"`
	} `yaml:"requirements"`
	Capacity map[string]string `yaml:"capacity"`
	Entities []struct {
		Name        string `yaml:"name"`
		Description string `yaml:"description"`
		Store       string `yaml:"store"`
		Fields      []struct {
			Name string `yaml:"name"`
			Type string `yaml:"type"`
			Note string `yaml:"note"`
		} `yaml:"fields"`
		Relations []struct {
			To    string `yaml:"to"`
			Kind  string `yaml:"kind"`
			Label string `yaml:"label"`
		} `yaml:"relations"`
	} `yaml:"entities"`
	API struct {
		Style     string `yaml:"style"`
		Realtime  string `yaml:"realtime"`
		Endpoints []struct {
			Method   string `yaml:"method"`
			Path     string `yaml:"path"`
			Summary  string `yaml:"summary"`
			Request  string `yaml:"request"`
			Response string `yaml:"response"`
			Auth     string `yaml:"auth"`
		} `yaml:"endpoints"`
	} `yaml:"api"`
	DataFlow        []flow `yaml:"data_flow"`
	HighLevelDesign struct {
		Components []struct {
			Name           string   `yaml:"name"`
			Kind           string   `yaml:"kind"`
			Technology     string   `yaml:"technology"`
			Responsibility string   `yaml:"responsibility"`
			Serves         []string `yaml:"serves"`
		} `yaml:"components"`
		Connections []struct {
			From  string `yaml:"from"`
			To    string `yaml:"to"`
			Label string `yaml:"label"`
		} `yaml:"connections"`
		Notes string `yaml:"notes"`
	} `yaml:"high_level_design"`
	DeepDives []struct {
		Concept   string `yaml:"concept"`
		Title     string `yaml:"title"`
		Problem   string `yaml:"problem"`
		Solution  string `yaml:"solution"`
		Tradeoffs string `yaml:"tradeoffs"`
	} `yaml:"deep_dives"`
	Alternatives []struct {
		Title  string `yaml:"title"`
		WhyNot string `yaml:"why_not"`
	} `yaml:"alternatives"`
	OpenQuestions []string `yaml:"open_questions"`
}

type flow struct {
	From   string `yaml:"from"`
	To     string `yaml:"to"`
	Action string `yaml:"action"`
}

func generate(t testing.TB, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, n); err != nil {
		t.Fatalf("Write(%d): %v", n, err)
	}
	return b.Bytes()
}

func parse(t *testing.T, data []byte) answers {
	t.Helper()
	var a answers
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("yaml.v3 decode: %v", err)
	}
	return a
}

func oneOf(s string, set ...string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

func TestWriteParsesAndReferencesHold(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5, 7, 10, 33, 1000} {
		t.Run(fmt.Sprint("n=", n), func(t *testing.T) {
			a := parse(t, generate(t, n))
			c := CountsFor(n)
			checkAnswers(t, n, c, a)
		})
	}
}

func checkAnswers(t *testing.T, n int, c Counts, a answers) {
	t.Helper()
	if a.Designdoc != 1 || a.Status != "draft" || a.Created != Created {
		t.Errorf("header: designdoc=%d status=%q created=%q", a.Designdoc, a.Status, a.Created)
	}
	if want := fmt.Sprintf("Synthetic platform design (N=%d)", n); a.Title != want {
		t.Errorf("title = %q, want %q", a.Title, want)
	}
	if a.Summary == "" || a.Slug == "" || len(a.Authors) == 0 {
		t.Errorf("summary, slug or authors missing")
	}

	// Counts.
	counts := []struct {
		what      string
		got, want int
	}{
		{"functional", len(a.Requirements.Functional), c.Functional},
		{"non_functional", len(a.Requirements.NonFunctional), c.NonFunctional},
		{"entities", len(a.Entities), c.Entities},
		{"endpoints", len(a.API.Endpoints), c.Endpoints},
		{"data_flow", len(a.DataFlow), c.DataFlow},
		{"components", len(a.HighLevelDesign.Components), c.Components},
		{"deep_dives", len(a.DeepDives), 2},
		{"alternatives", len(a.Alternatives), 1},
		{"open_questions", len(a.OpenQuestions), 1},
	}
	for _, x := range counts {
		if x.got != x.want || x.got < 1 {
			t.Errorf("%s: %d, want %d (and at least 1)", x.what, x.got, x.want)
		}
	}
	if len(a.HighLevelDesign.Connections) < 1 || len(a.Requirements.OutOfScope) < 1 || a.HighLevelDesign.Notes == "" {
		t.Errorf("connections, out_of_scope or notes empty")
	}

	for i, fr := range a.Requirements.Functional {
		if !strings.HasPrefix(fr, "Users should be able to ") {
			t.Errorf("FR%d not phrased as a user capability: %q", i+1, fr)
		}
	}
	for _, nf := range a.Requirements.NonFunctional {
		if !oneOf(nf.Quality, "cap", "availability", "scalability", "latency", "throughput",
			"durability", "consistency", "security", "fault-tolerance", "compliance", "environment", "other") {
			t.Errorf("bad quality %q", nf.Quality)
		}
		if !strings.ContainsAny(nf.Requirement, "0123456789") {
			t.Errorf("non-functional requirement without a number: %q", nf.Requirement)
		}
	}

	// Capacity: all ten inputs.
	for _, k := range []string{"dau", "reads_per_user", "writes_per_user", "read_size", "write_size",
		"peak_factor", "retention", "replication", "cache_fraction", "server_rps"} {
		if a.Capacity[k] == "" {
			t.Errorf("capacity.%s missing", k)
		}
	}
	if len(a.Capacity) != 10 {
		t.Errorf("capacity has %d inputs, want 10", len(a.Capacity))
	}

	// Components: unique names, kinds valid, serves in range, every FR served.
	comps := map[string]string{}
	served := map[string]bool{}
	kinds := map[string]bool{}
	for _, cp := range a.HighLevelDesign.Components {
		if _, dup := comps[cp.Name]; dup {
			t.Errorf("duplicate component %q", cp.Name)
		}
		comps[cp.Name] = cp.Kind
		kinds[cp.Kind] = true
		if !oneOf(cp.Kind, "client", "gateway", "load-balancer", "service", "database", "cache",
			"queue", "stream", "blob-store", "search-index", "cdn", "worker", "other") {
			t.Errorf("component %q: bad kind %q", cp.Name, cp.Kind)
		}
		for _, s := range cp.Serves {
			var k int
			if _, err := fmt.Sscanf(s, "FR%d", &k); err != nil || fmt.Sprintf("FR%d", k) != s || k < 1 || k > len(a.Requirements.Functional) {
				t.Errorf("component %q serves %q: out of range 1..%d", cp.Name, s, len(a.Requirements.Functional))
			}
			served[s] = true
		}
	}
	for i := range a.Requirements.Functional {
		if !served[fmt.Sprintf("FR%d", i+1)] {
			t.Errorf("FR%d served by no component", i+1)
		}
	}
	if n >= 24 {
		for _, k := range []string{"client", "gateway", "service", "database", "cache", "queue"} {
			if !kinds[k] {
				t.Errorf("no component of kind %s", k)
			}
		}
	}

	// Entities: unique, store is a database component, relations resolve.
	ents := map[string]bool{}
	for _, e := range a.Entities {
		if ents[e.Name] {
			t.Errorf("duplicate entity %q", e.Name)
		}
		ents[e.Name] = true
	}
	for i, e := range a.Entities {
		if comps[e.Store] != "database" {
			t.Errorf("entity %q: store %q is not a database component", e.Name, e.Store)
		}
		if len(e.Fields) < 5 || len(e.Fields) > 8 {
			t.Errorf("entity %q has %d fields, want 5..8", e.Name, len(e.Fields))
		}
		fieldNames := map[string]bool{}
		for _, f := range e.Fields {
			if f.Name == "" || f.Type == "" || f.Note == "" || fieldNames[f.Name] {
				t.Errorf("entity %q: bad or duplicate field %+v", e.Name, f)
			}
			fieldNames[f.Name] = true
		}
		wantRel := 1
		if i == 0 {
			wantRel = 0
		}
		if len(e.Relations) != wantRel {
			t.Errorf("entity %q has %d relations, want %d", e.Name, len(e.Relations), wantRel)
		}
		for _, r := range e.Relations {
			if !ents[r.To] || r.To != a.Entities[i-1].Name || r.Kind != "n-1" || r.Label != "belongs to" {
				t.Errorf("entity %q: bad relation %+v", e.Name, r)
			}
		}
	}

	// API.
	if a.API.Style != "rest" || a.API.Realtime != "none" {
		t.Errorf("api style/realtime = %q/%q", a.API.Style, a.API.Realtime)
	}
	eps := map[string]bool{}
	for _, ep := range a.API.Endpoints {
		key := ep.Method + " " + ep.Path
		if eps[key] {
			t.Errorf("duplicate endpoint %s", key)
		}
		eps[key] = true
		if !oneOf(ep.Method, "GET", "POST", "PUT", "PATCH", "DELETE") || !strings.HasPrefix(ep.Path, "/") ||
			ep.Summary == "" || ep.Response == "" || ep.Auth == "" {
			t.Errorf("bad endpoint %+v", ep)
		}
	}

	// Flow and connection ends.
	for _, f := range a.DataFlow {
		if comps[f.From] == "" || comps[f.To] == "" || f.Action == "" {
			t.Errorf("data flow step with unknown end: %+v", f)
		}
	}
	for _, cn := range a.HighLevelDesign.Connections {
		if comps[cn.From] == "" || comps[cn.To] == "" || cn.Label == "" {
			t.Errorf("connection with unknown end: %+v", cn)
		}
	}
	for _, d := range a.DeepDives {
		if !oneOf(d.Concept, "scaling", "consistency", "locking", "indexing", "communication", "security", "monitoring", "other") ||
			d.Title == "" || d.Problem == "" || d.Solution == "" || d.Tradeoffs == "" {
			t.Errorf("bad deep dive %+v", d)
		}
	}
}

func TestWriteDeterministic(t *testing.T) {
	for _, n := range []int{1, 10, 1000} {
		a, b := generate(t, n), generate(t, n)
		if !bytes.Equal(a, b) {
			t.Fatalf("n=%d: two runs differ", n)
		}
	}
	if bytes.Equal(generate(t, 10), generate(t, 11)) {
		t.Fatal("n=10 and n=11 gave the same file")
	}
}

func TestWriteRejectsNonPositive(t *testing.T) {
	for _, n := range []int{0, -1} {
		if err := Write(io.Discard, n); err == nil {
			t.Errorf("Write(%d) succeeded", n)
		}
	}
}

type failWriter struct{ after int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.after -= len(p); f.after < 0 {
		return 0, fmt.Errorf("disk full")
	}
	return len(p), nil
}

func TestWriteReportsWriteErrors(t *testing.T) {
	if err := Write(&failWriter{after: 1 << 17}, 1000); err == nil {
		t.Fatal("write error not reported")
	}
}

// The 10 000-entity file is in the same size class as the peers'
// answers.yaml (8.7 MiB).
func TestWriteSizeClass(t *testing.T) {
	var sizes []int
	for _, n := range []int{10, 100, 1000, 10000} {
		sizes = append(sizes, len(generate(t, n)))
	}
	t.Logf("sizes: N=10 %d B, N=100 %d B, N=1000 %d B, N=10000 %d B", sizes[0], sizes[1], sizes[2], sizes[3])
	const mib = 1 << 20
	if s := sizes[3]; s < 7*mib || s > 12*mib {
		t.Errorf("N=10000: %.1f MiB, want about 9 MiB (7..12)", float64(s)/mib)
	}
	for i := 1; i < len(sizes); i++ {
		if r := float64(sizes[i]) / float64(sizes[i-1]); r < 8 || r > 12 {
			t.Errorf("size does not grow about linearly: ratio %.1f", r)
		}
	}
}

func TestQuoteRoundTrips(t *testing.T) {
	cases := []string{
		"", "plain", "yes", "No", "null", "~", "true", "on", "123", "0x1F", "1e3", ".inf", "-", "- a",
		"a: b", "a #b", "#x", "&a", "*a", "!tag", "%d", "@x", "`x`", "|", ">", "'q'", `"q"`, `back\slash`,
		"{a}", "[a]", "a, b", "trailing ", " leading", "line\nbreak", "tab\there", "cr\r", "nul\x00",
		"del\x7f", "bad\xffutf8", "ünïcödé", "\u2028sep", "\ufeffbom", "c1\u0085", "2026-11-23", "<<",
		"decimal(12,2)", "/v1/accounts/{id}", "p99 < 200 ms", "=",
	}
	for _, s := range cases {
		doc := "k: " + Quote(s) + "\n"
		var got map[string]string
		if err := yaml.Unmarshal([]byte(doc), &got); err != nil {
			t.Errorf("Quote(%q) = %s: %v", s, Quote(s), err)
			continue
		}
		want := strings.ToValidUTF8(s, "\uFFFD")
		if got["k"] != want {
			t.Errorf("Quote(%q) read back as %q", s, got["k"])
		}
		// Plain scalars must read back as the same string, in block and
		// flow context alike.
		if plainSafe(s) {
			for _, doc := range []string{"k: " + s + "\n", "k: [" + s + "]\n"} {
				var v map[string]any
				if err := yaml.Unmarshal([]byte(doc), &v); err != nil {
					t.Errorf("plain %q: %v", s, err)
					continue
				}
				if fmt.Sprint(v["k"]) != s && fmt.Sprint(v["k"]) != "["+s+"]" {
					t.Errorf("plain %q read back as %#v", s, v["k"])
				}
			}
		}
	}
}

func TestPlainSafe(t *testing.T) {
	for s, want := range map[string]bool{
		"Account0001": true, "belongs to": true, "/v1/accounts": true, "n-1": true, "Go": true,
		"yes": false, "Y": false, "Null": false, "": false, "a b ": false, "1abc": false, "a: b": false,
		"a#b": false, "a,b": false, "{x}": false, "-x": false, ".x": false,
	} {
		if got := plainSafe(s); got != want {
			t.Errorf("plainSafe(%q) = %v, want %v", s, got, want)
		}
	}
}

func BenchmarkWrite10000(b *testing.B) {
	for b.Loop() {
		if err := Write(io.Discard, 10000); err != nil {
			b.Fatal(err)
		}
	}
}
