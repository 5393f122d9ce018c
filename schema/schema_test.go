package schema_test

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/designdoc-cli/designdoc/internal/cli"
	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/team"
	"github.com/designdoc-cli/designdoc/schema"
)

// compile compiles the named schema with a real validator, which also
// checks it against the draft 2020-12 meta-schema.
func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	data, err := schema.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s.schema.json: %v", name, err)
	}
	url := "https://raw.githubusercontent.com/designdoc-cli/designdoc/main/schema/" + name + ".schema.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s.schema.json does not compile: %v", name, err)
	}
	return s
}

// tree is the schema as plain JSON values, for walking.
func tree(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := schema.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// instance converts YAML to the JSON value the validator checks, as an
// editor's YAML language server reads it (YAML 1.2: a date is text).
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	v, err := jsonValue(&n)
	if err != nil {
		t.Fatalf("yaml: %v", err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func jsonValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case 0:
		return nil, nil // an empty file
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return jsonValue(n.Content[0])
	case yaml.AliasNode:
		return jsonValue(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := jsonValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := jsonValue(c)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	var v any
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		err := n.Decode(&b)
		v = b
		return v, err
	case "!!int":
		var i int64
		err := n.Decode(&i)
		return i, err
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil {
			return nil, err
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return n.Value, nil // JSON has no such number
		}
		return f, nil
	}
	return n.Value, nil // !!str, and !!timestamp, which YAML 1.2 does not have
}

func TestIDs(t *testing.T) {
	if id := tree(t, "answers")["$id"]; id != design.AnswersSchemaURL {
		t.Errorf("answers $id = %v, want design.AnswersSchemaURL %s", id, design.AnswersSchemaURL)
	}
	if id := tree(t, "config")["$id"]; id != team.ConfigSchemaURL {
		t.Errorf("config $id = %v, want team.ConfigSchemaURL %s", id, team.ConfigSchemaURL)
	}
	for _, name := range schema.Names {
		compile(t, name)
	}
	if _, err := schema.Get("nope"); err == nil || !strings.Contains(err.Error(), "answers or config") {
		t.Errorf("Get(nope) = %v", err)
	}
}

// walker follows a schema tree, resolving local $refs.
type walker struct {
	root map[string]any
}

func (w walker) resolve(n map[string]any) map[string]any {
	for {
		ref, ok := n["$ref"].(string)
		if !ok {
			return n
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		if !ok {
			panic("non-local $ref " + ref)
		}
		def := w.root["$defs"].(map[string]any)[name].(map[string]any)
		merged := map[string]any{}
		for k, v := range def {
			merged[k] = v
		}
		for k, v := range n {
			if k != "$ref" {
				merged[k] = v
			}
		}
		n = merged
	}
}

func types(n map[string]any) []string {
	switch t := n["type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, x.(string))
		}
		return out
	}
	return nil
}

// node is one place in the schema, with the dotted path fieldKinds uses
// (no indexes: a list's items share its path).
type node struct {
	path string
	n    map[string]any
}

// walk calls fn for every subschema reachable through properties, items
// and anyOf, skipping conditional parts (if/then/else), which only
// narrow what properties already say.
func (w walker) walk(path string, n map[string]any, fn func(node)) {
	n = w.resolve(n)
	fn(node{path, n})
	if props, ok := n["properties"].(map[string]any); ok {
		for k, v := range props {
			p := k
			if path != "" {
				p = path + "." + k
			}
			w.walk(p, v.(map[string]any), fn)
		}
	}
	if items, ok := n["items"].(map[string]any); ok {
		w.walk(path, items, fn)
	}
	for _, key := range []string{"anyOf", "oneOf"} {
		if alts, ok := n[key].([]any); ok {
			for _, a := range alts {
				w.walk(path, a.(map[string]any), fn)
			}
		}
	}
}

// scalar reports whether n accepts a value that is neither a list nor a
// mapping: a leaf in fieldKinds' terms.
func scalar(n map[string]any) bool {
	if _, ok := n["enum"]; ok {
		return true
	}
	if _, ok := n["const"]; ok {
		return true
	}
	for _, t := range types(n) {
		if t == "string" || t == "number" || t == "integer" || t == "boolean" {
			return true
		}
	}
	return false
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

func enumOf(n map[string]any) []string {
	vals, ok := n["enum"].([]any)
	if !ok {
		return nil
	}
	var out []string
	for _, v := range vals {
		if v != nil {
			out = append(out, v.(string))
		}
	}
	return out
}

// TestAnswersMatchLoader holds the schema to the loader: the same keys at
// the top, the same scalar fields everywhere (design.FieldPaths), the
// same enums and quantity kinds, and no mapping left open.
func TestAnswersMatchLoader(t *testing.T) {
	root := tree(t, "answers")
	w := walker{root}
	top := keys(root["properties"].(map[string]any))
	if want := sorted(design.TopLevelKeys()); !slices.Equal(top, want) {
		t.Errorf("top-level properties %v\nloader's keys %v", top, want)
	}

	leaves := map[string]map[string]any{}
	w.walk("", root, func(nd node) {
		n := nd.n
		if slices.Contains(types(n), "object") {
			if n["additionalProperties"] != false {
				t.Errorf("%q: an object without additionalProperties: false; the loader rejects unknown keys", nd.path)
			}
			for k, v := range n["properties"].(map[string]any) {
				if d, _ := v.(map[string]any)["description"].(string); strings.TrimSpace(d) == "" {
					t.Errorf("%s.%s has no description", nd.path, k)
				}
			}
		}
		if nd.path != "" && scalar(n) {
			if prev, ok := leaves[nd.path]; ok && enumOf(prev) != nil {
				return // open_questions: keep the first alternative's view
			}
			leaves[nd.path] = n
		}
	})
	want := append(design.FieldPaths(), "designdoc") // the version is read apart from the fields
	if got := keys(anyMap(leaves)); !slices.Equal(got, sorted(want)) {
		for _, p := range got {
			if !slices.Contains(want, p) {
				t.Errorf("schema field %q is not in the loader's fieldKinds", p)
			}
		}
		for _, p := range want {
			if _, ok := leaves[p]; !ok {
				t.Errorf("loader field %q is missing from the schema", p)
			}
		}
	}

	for p, n := range leaves {
		if e := design.FieldEnum(p); e != nil {
			if got := enumOf(n); !slices.Equal(got, e) {
				t.Errorf("%s: schema enum %v, Go list %v", p, got, e)
			}
		} else if enumOf(n) != nil {
			t.Errorf("%s: schema has an enum, the loader does not", p)
		}
	}

	// Quantities point at the definition of their kind.
	defOf := map[design.QuantityKind]string{design.KindCount: "#/$defs/count", design.KindNumber: "#/$defs/number",
		design.KindSize: "#/$defs/size", design.KindDuration: "#/$defs/duration"}
	capacity := root["properties"].(map[string]any)["capacity"].(map[string]any)["properties"].(map[string]any)
	for _, p := range design.FieldPaths() {
		kind, ok := design.FieldQuantity(p)
		if !ok {
			continue
		}
		key := strings.TrimPrefix(p, "capacity.")
		if ref := capacity[key].(map[string]any)["$ref"]; ref != defOf[kind] {
			t.Errorf("%s refers to %v, want %s", p, ref, defOf[kind])
		}
	}

	// A REST API's methods.
	method := root["properties"].(map[string]any)["api"].(map[string]any)["else"].(map[string]any)["properties"].(map[string]any)["endpoints"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)["method"].(map[string]any)
	if got := enumOf(method); !slices.Equal(got, design.HTTPMethods()) {
		t.Errorf("REST methods %v, Go list %v", got, design.HTTPMethods())
	}
}

func anyMap(m map[string]map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func TestConfigMatchesLoader(t *testing.T) {
	root := tree(t, "config")
	props := root["properties"].(map[string]any)
	if got, want := keys(props), sorted(team.Keys); !slices.Equal(got, want) {
		t.Errorf("config properties %v, team.Keys %v", got, want)
	}
	extra := props["extra_sections"].(map[string]any)["items"].(map[string]any)
	if got, want := keys(extra["properties"].(map[string]any)), sorted(team.ExtraSectionKeys()); !slices.Equal(got, want) {
		t.Errorf("extra section properties %v, loader's %v", got, want)
	}
	builtin := props["required_sections"].(map[string]any)["items"].(map[string]any)["anyOf"].([]any)[0].(map[string]any)
	if got := enumOf(builtin); !slices.Equal(got, team.BuiltinSections) {
		t.Errorf("required_sections enum %v, team.BuiltinSections %v", got, team.BuiltinSections)
	}
	reserved := extra["properties"].(map[string]any)["id"].(map[string]any)["not"].(map[string]any)
	if got, want := sorted(enumOf(reserved)), sorted(append(slices.Clone(team.BuiltinSections), design.TopLevelKeys()...)); !slices.Equal(got, want) {
		t.Errorf("reserved extra section ids %v, want the built-in sections and top-level keys %v", got, want)
	}
	w := walker{root}
	w.walk("", root, func(nd node) {
		if slices.Contains(types(nd.n), "object") {
			if nd.n["additionalProperties"] != false {
				t.Errorf("config %q: an object without additionalProperties: false", nd.path)
			}
			for k, v := range nd.n["properties"].(map[string]any) {
				if d, _ := v.(map[string]any)["description"].(string); strings.TrimSpace(d) == "" {
					t.Errorf("config %s.%s has no description", nd.path, k)
				}
			}
		}
	})
}

// TestQuantityPatterns holds the capacity patterns to design.ParseQuantity
// on a corpus of what people write. (Out of the corpus: values that
// overflow a float, and -0, which ParseQuantity lets through.)
func TestQuantityPatterns(t *testing.T) {
	s := compile(t, "answers")
	inputs := (&design.Capacity{}).Inputs()
	corpus := []string{"0", "1", "10", "0.1", ".5", "1.", "+3", "1_000", "2K", "2k", "100M", "1.5K", "5B", "1G", "3T", "1e6", "2.5E+3", "1e6K",
		"100 M", "1KB", "500B", "2KiB", "1 MB", "3PB", "10PiB", "1kb", "1KIB", "5y", "30d", "2w", "2 w", "5Y", "10h",
		"-1", "-5M", "abc", "K", "1.2.3", "1,000", "1e", "12x", "", "1KBs", "0x10", "1/2", "_", ".", "Inf", "NaN"}
	for _, in := range inputs {
		for _, raw := range corpus {
			if raw == "" {
				continue
			}
			_, perr := design.ParseQuantity(in.Kind, raw)
			doc := map[string]any{"title": "T", "capacity": map[string]any{in.Key: raw}}
			verr := s.Validate(doc)
			if (perr == nil) != (verr == nil) {
				t.Errorf("%s: %q: ParseQuantity says %v, the schema says %v", in.Key, raw, perr, verr)
			}
		}
	}
}

// answersFiles are the answers files of the repository that the loader
// accepts: the examples, the stress doc, the goldens' own answers and
// every answers file inside a txtar test.
func answersFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	var globbed []string
	for _, pattern := range []string{"../examples/*.designdoc.yaml", "../testdata/stress/*.yaml", "../internal/*/testdata/*.designdoc.yaml", "../internal/*/testdata/*/*.designdoc.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		globbed = append(globbed, m...)
	}
	for _, f := range globbed {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		files[f] = data
	}
	if len(files) < 5 {
		t.Fatalf("only %d answers files found", len(files))
	}
	return files
}

// txtarFiles are the YAML files inside the repository's txtar tests.
func txtarFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	var archives []string
	for _, pattern := range []string{"../cmd/designdoc/testdata/script/*.txtar", "../internal/*/testdata/*/*.txtar"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		archives = append(archives, m...)
	}
	for _, a := range archives {
		ar, err := txtar.ParseFile(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if ext := filepath.Ext(f.Name); ext == ".yaml" || ext == ".yml" {
				files[a+"/"+f.Name] = f.Data // archive/name: the name's base stays the file's
			}
		}
	}
	return files
}

func TestExamplesValidate(t *testing.T) {
	s := compile(t, "answers")
	for name, data := range answersFiles(t) {
		doc, err := design.Parse(name, data)
		if err != nil {
			t.Errorf("%s: the loader refuses it: %v", name, err)
			continue
		}
		if err := s.Validate(instance(t, data)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		// What designdoc writes from it validates too, and says so.
		out := design.Marshal(doc)
		if !bytes.HasPrefix(out, []byte(design.SchemaComment)) {
			t.Errorf("%s: Marshal does not start with the schema line", name)
		}
		if err := s.Validate(instance(t, out)); err != nil {
			t.Errorf("%s, as Marshal writes it: %v", name, err)
		}
	}
}

// TestLoadableFilesValidate: whatever the loaders accept in the txtar
// tests, the schemas accept. (Not the other way round: the schema cannot
// see references, duplicates or a file-name pattern that leaves docs_dir.)
func TestLoadableFilesValidate(t *testing.T) {
	answers, config := compile(t, "answers"), compile(t, "config")
	var nAnswers, nConfig int
	for name, data := range txtarFiles(t) {
		if filepath.Base(name) == team.ConfigName || strings.HasSuffix(name, "config.yaml") {
			if _, err := team.Parse(name, data); err != nil {
				continue
			}
			nConfig++
			if err := config.Validate(instance(t, data)); err != nil {
				t.Errorf("%s: team.Parse accepts it, the schema does not: %v", name, err)
			}
			continue
		}
		if _, err := design.Parse(name, data); err != nil {
			continue
		}
		nAnswers++
		if err := answers.Validate(instance(t, data)); err != nil {
			t.Errorf("%s: design.Parse accepts it, the schema does not: %v", name, err)
		}
	}
	if nAnswers < 20 || nConfig < 3 {
		t.Errorf("only %d answers files and %d configs in the txtar tests", nAnswers, nConfig)
	}
}

// TestSchemaAndLoaderAgree: each document is accepted by both the schema
// and design.Parse, or refused by both.
func TestSchemaAndLoaderAgree(t *testing.T) {
	s := compile(t, "answers")
	tests := []struct {
		name, yaml string
		valid      bool
	}{
		{"minimal", "title: Feed\n", true},
		{"schema line", design.SchemaComment + "designdoc: 1\ntitle: Feed\n", true},
		{"blank optional values", "title: Feed\nsummary:\nstatus:\ncapacity:\nentities:\napi: {style: }\n", true},
		{"questions open and settled", "title: Feed\nopen_questions:\n  - Which DB?\n  - {question: \"Which cache?\", resolved: Redis}\n", true},
		{"serves numbers and refs", "title: Feed\nrequirements: {functional: [a, b, c]}\nhigh_level_design:\n  components: [{name: API, kind: service, serves: [FR1, fr2, 3]}]\n", true},
		{"grpc methods are names", "title: Feed\napi:\n  style: grpc\n  endpoints: [{method: CreatePost, path: /feed.v1.Feed}]\n", true},
		{"extra section", "title: Feed\nextra_sections: [{id: rollout_plan, text: Canary first.}]\n", true},
		{"capacity numbers", "title: Feed\ncapacity: {dau: 100000000, reads_per_user: 10, writes_per_user: 0.1, read_size: 1KB, retention: 5y, cache_fraction: 0.2}\n", true},

		{"missing title", "summary: no title\n", false},
		{"empty title", "title: \"  \"\n", false},
		{"title on two lines", "title: \"a\\nb\"\n", false},
		{"unknown top-level key", "title: Feed\ncolour: blue\n", false},
		{"unknown nested key", "title: Feed\nentities: [{name: Post, colour: blue}]\n", false},
		{"newer version", "designdoc: 2\ntitle: Feed\n", false},
		{"bad status", "title: Feed\nstatus: shipped\n", false},
		{"bad quality", "title: Feed\nrequirements: {non_functional: [{quality: speed, requirement: fast}]}\n", false},
		{"missing requirement", "title: Feed\nrequirements: {non_functional: [{quality: latency}]}\n", false},
		{"bad component kind", "title: Feed\nhigh_level_design: {components: [{name: API, kind: server}]}\n", false},
		{"missing component kind", "title: Feed\nhigh_level_design: {components: [{name: API}]}\n", false},
		{"missing component name", "title: Feed\nhigh_level_design: {components: [{kind: service}]}\n", false},
		{"missing entity name", "title: Feed\nentities: [{description: a post}]\n", false},
		{"bad relation kind", "title: Feed\nentities: [{name: Post, relations: [{to: Post, kind: many}]}]\n", false},
		{"bad api style", "title: Feed\napi: {style: soap}\n", false},
		{"bad realtime", "title: Feed\napi: {realtime: carrier-pigeon}\n", false},
		{"bad REST method", "title: Feed\napi:\n  endpoints: [{method: FETCH, path: /posts}]\n", false},
		{"endpoint without path", "title: Feed\napi:\n  endpoints: [{method: GET}]\n", false},
		{"bad concept", "title: Feed\ndeep_dives: [{concept: magic, title: Fan-out}]\n", false},
		{"deep dive without title", "title: Feed\ndeep_dives: [{concept: scaling}]\n", false},
		{"bad date", "title: Feed\ncreated: 2026-13-01\n", false},
		{"date with slashes", "title: Feed\ncreated: 2026/11/23\n", false},
		{"bad slug", "title: Feed\nslug: My Feed\n", false},
		{"number zero", "title: Feed\nnumber: 0\n", false},
		{"number as text", "title: Feed\nnumber: seven\n", false},
		{"supersedes twice", "title: Feed\nsupersedes: [3, 3]\n", false},
		{"bad quantity unit", "title: Feed\ncapacity: {read_size: 1 lightyear}\n", false},
		{"size without unit", "title: Feed\ncapacity: {read_size: 1024}\n", false},
		{"negative quantity", "title: Feed\ncapacity: {dau: -5M}\n", false},
		{"negative number", "title: Feed\ncapacity: {replication: -3}\n", false},
		{"duration without unit", "title: Feed\ncapacity: {retention: \"5\"}\n", false},
		{"unknown capacity input", "title: Feed\ncapacity: {users: 5M}\n", false},
		{"bad serves", "title: Feed\nrequirements: {functional: [a]}\nhigh_level_design: {components: [{name: API, kind: service, serves: [F1]}]}\n", false},
		{"bad extra section id", "title: Feed\nextra_sections: [{id: Rollout-Plan, text: x}]\n", false},
		{"extra section without id", "title: Feed\nextra_sections: [{title: Rollout, text: x}]\n", false},
		{"question without question", "title: Feed\nopen_questions: [{resolved: yes}]\n", false},
		{"bad digest", "title: Feed\nrendered: {path: feed.md, sha256: abc}\n", false},
		{"list for text", "title: Feed\nsummary: [a, b]\n", false},
		{"mapping for list", "title: Feed\nentities: {name: Post}\n", false},
		{"connection without to", "title: Feed\nhigh_level_design: {components: [{name: A, kind: service}], connections: [{from: A}]}\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, perr := design.Parse("t.yaml", []byte(tt.yaml))
			verr := s.Validate(instance(t, []byte(tt.yaml)))
			if (perr == nil) != tt.valid {
				t.Errorf("design.Parse: valid=%v, want %v (%v)", perr == nil, tt.valid, perr)
			}
			if (verr == nil) != tt.valid {
				t.Errorf("schema: valid=%v, want %v (%v)", verr == nil, tt.valid, verr)
			}
		})
	}
}

func TestConfigSchemaAndLoaderAgree(t *testing.T) {
	s := compile(t, "config")
	tests := []struct {
		name, yaml string
		valid      bool
	}{
		{"empty", "", true},
		{"schema line", team.SchemaComment + "docs_dir: rfcs\n", true},
		{"full", "docs_dir: docs/rfcs\ntemplate: rfc\nfilename: \"{{ .Slug }}.md\"\nauthors: [Platform Team]\nrequired_sections: [entities, api.endpoints, rollout]\nextra_sections:\n  - {id: rollout, title: Rollout plan, prompt: \"How does it roll out?\", required: true}\ntemplates_dir: .designdoc/templates\n", true},
		{"unknown key", "docs: rfcs\n", false},
		{"empty docs_dir", "docs_dir: \"\"\n", false},
		{"empty author", "authors: [\"\"]\n", false},
		{"extra section without title", "extra_sections: [{id: rollout}]\n", false},
		{"extra section without id", "extra_sections: [{title: Rollout}]\n", false},
		{"bad extra section id", "extra_sections: [{id: Roll-out, title: Rollout}]\n", false},
		{"built-in extra section id", "extra_sections: [{id: summary, title: Summary}]\n", false},
		{"top-level key as extra section id", "extra_sections: [{id: title, title: Title}]\n", false},
		{"required not a boolean", "extra_sections: [{id: rollout, title: Rollout, required: maybe}]\n", false},
		{"unknown extra section key", "extra_sections: [{id: rollout, title: Rollout, owner: me}]\n", false},
		{"bad required section", "required_sections: [Entities]\n", false},
		{"list for template", "template: [rfc]\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, perr := team.Parse(".designdoc.yaml", []byte(tt.yaml))
			verr := s.Validate(instance(t, []byte(tt.yaml)))
			if (perr == nil) != tt.valid {
				t.Errorf("team.Parse: valid=%v, want %v (%v)", perr == nil, tt.valid, perr)
			}
			if (verr == nil) != tt.valid {
				t.Errorf("schema: valid=%v, want %v (%v)", verr == nil, tt.valid, verr)
			}
		})
	}
}

// TestInitConfigValidates: the config designdoc init writes validates and
// starts with the schema line.
func TestInitConfigValidates(t *testing.T) {
	s := compile(t, "config")
	for _, args := range [][]string{
		{"init", "--no-input"},
		{"init", "--no-input", "--docs-dir", "rfcs", "--template", "rfc", "--author", "Platform Team,Ada", "--filename", "{{ .Created }}-{{ .Slug }}.md"},
	} {
		dir := t.TempDir()
		var out, errb bytes.Buffer
		io := &cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb}
		if code := cli.Main(append(args, "--dir", dir), io); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		data, err := os.ReadFile(filepath.Join(dir, team.ConfigName))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(team.SchemaComment)) {
			t.Errorf("%v: the config does not start with the schema line:\n%s", args, data)
		}
		if err := s.Validate(instance(t, data)); err != nil {
			t.Errorf("%v: %v\n%s", args, err, data)
		}
	}
	// And one with every key, as team.Marshal writes it.
	c := &team.Config{DocsDir: "docs", Template: "design", Filename: team.DefaultFilename, Authors: []string{"A"},
		RequiredSections: []string{"entities", "rollout"}, TemplatesDir: "tmpl",
		ExtraSections: []team.ExtraSection{{ID: "rollout", Title: "Rollout", Prompt: "How?", Required: true}, {ID: "risks", Title: "Risks"}},
		Keys:          map[string]design.Pos{}}
	for _, k := range team.Keys {
		c.Keys[k] = design.Pos{}
	}
	data := team.Marshal(c)
	if _, err := team.Parse(".designdoc.yaml", data); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(instance(t, data)); err != nil {
		t.Errorf("%v\n%s", err, data)
	}
}
