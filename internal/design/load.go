package design

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design/yamltree"
)

// MaxFileSize bounds what Load reads: far above any real design, small
// enough that a wrong path to a huge file fails fast.
const MaxFileSize = 64 << 20

// maxProblems bounds how many problems one load reports; past it the file
// is more likely not an answers file at all.
const maxProblems = 100

// Load reads, decodes and validates the answers file at path.
func Load(path string) (*Doc, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// ReadFile reads an answers file, refusing what cannot be one — a
// directory, a pipe or device (which could block), a file over
// MaxFileSize — with a message that names the path once.
func ReadFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", path)
		}
		return nil, fmt.Errorf("read %s: %w", path, unwrapPathErr(err))
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s is a directory, not an answers file", path)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: %d bytes is larger than the %d MiB an answers file may be", path, info.Size(), MaxFileSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPathErr(err))
	}
	return data, nil
}

// unwrapPathErr drops the *fs.PathError wrapper, whose text would repeat
// the path the caller already names.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// IsJSON reports whether an answers file is read as JSON: by its name.
func IsJSON(name string) bool { return strings.EqualFold(filepath.Ext(name), ".json") }

// Parse decodes and validates answers. name is used in messages and picks
// the format: a name ending in .json is strict JSON, anything else YAML.
// Every problem in the file is reported in one *LoadError.
//
// The Doc's strings share memory with data, which saves a copy of a large
// file: data must not be modified while the Doc is in use.
func Parse(name string, data []byte) (*Doc, error) {
	return parse(name, data, false)
}

// ParseDraft is Parse for the answers of an interview saved before it
// ended: an absent or empty title is not an error (the file may be just
// `designdoc: 1`). Everything else is checked as strictly as by Parse.
func ParseDraft(name string, data []byte) (*Doc, error) {
	return parse(name, data, true)
}

func parse(name string, data []byte, draft bool) (*Doc, error) {
	doc, d, err := decode(name, data, draft)
	if err != nil {
		return nil, err
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return doc, nil
}

// decode parses and decodes answers; the Doc is returned along with the
// decoder holding its problems, for callers that need both (Validate).
// err is set only when there is no Doc: a syntax error or an empty file.
func decode(name string, data []byte, draft bool) (*Doc, *decoder, error) {
	var root *yamltree.Node
	var err error
	if IsJSON(name) {
		root, err = yamltree.ParseJSON(data)
	} else {
		root, err = yamltree.ParseOwned(data)
	}
	if err != nil {
		var se *yamltree.SyntaxError
		if errors.As(err, &se) {
			return nil, nil, &LoadError{File: name, Problems: []Problem{{File: name, Pos: Pos{se.Line, se.Column}, Msg: se.Msg}}}
		}
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	d := &decoder{file: name, draft: draft}
	if root == nil {
		d.problems = append(d.problems, Problem{File: name, Pos: Pos{1, 1}, Msg: "the file is empty; an answers file needs at least `designdoc: 1` and a title"})
		return nil, nil, d.err()
	}
	doc := d.doc(root)
	doc.file = name
	d.resolve(doc)
	return doc, d, nil
}

// decoder walks a parsed tree into a Doc, collecting every problem.
type decoder struct {
	file     string
	draft    bool // a saved interview: the title may be missing
	problems []Problem
	dropped  int // problems past the collection limit, counted only
	refs     []reference
}

func (d *decoder) err() error {
	if len(d.problems) == 0 {
		return nil
	}
	sortProblems(d.problems)
	ps := d.problems
	if len(ps) > maxProblems {
		extra := len(ps) - maxProblems + d.dropped
		ps = append(ps[:maxProblems:maxProblems], Problem{File: d.file, Msg: fmt.Sprintf("… and %d more problems", extra)})
	}
	return &LoadError{File: d.file, Problems: ps}
}

func (d *decoder) problem(p Pos, at *path, format string, args ...any) {
	if d.full() {
		d.dropped++
		return
	}
	d.problems = append(d.problems, Problem{File: d.file, Pos: p, Path: at.String(), Msg: fmt.Sprintf(format, args...)})
}

// duplicate reports a second item with the name of an earlier one, at
// first; the problem keeps the earlier item's path so that Validate can
// say where it is without the line of a file the user never saw.
func (d *decoder) duplicate(p Pos, at *path, first *path, firstLine int, what string) {
	n := len(d.problems)
	d.problem(p, at, "duplicate %s (first at line %d)", what, firstLine)
	if len(d.problems) > n {
		d.problems[n].first = first.String()
	}
}

// full reports whether enough problems were collected that more would not
// be shown; callers skip costly work (suggestions) for them.
func (d *decoder) full() bool { return len(d.problems) >= 10*maxProblems }

func posOf(n *yamltree.Node) Pos { return Pos{n.Line, n.Column} }

// path is where a node sits in the answers, built as a chain so that the
// string is made only when a problem is reported.
type path struct {
	parent *path
	key    string
	index  int // used when key is ""
}

func (p *path) field(key string) *path { return &path{parent: p, key: key} }
func (p *path) item(i int) *path       { return &path{parent: p, index: i} }

func (p *path) String() string {
	if p == nil {
		return ""
	}
	prefix := p.parent.String()
	if p.key == "" {
		return prefix + "[" + strconv.Itoa(p.index) + "]"
	}
	if prefix == "" {
		return p.key
	}
	return prefix + "." + p.key
}

func describe(n *yamltree.Node) string {
	switch n.Kind {
	case yamltree.Mapping:
		return "a mapping"
	case yamltree.Sequence:
		return "a list"
	}
	return "text"
}

// mapping calls fn for each key of n that is in known, reporting
// duplicates, non-text keys and unknown keys (with a suggestion).
func (d *decoder) mapping(n *yamltree.Node, at *path, what string, known []string, fn func(key string, k, v *yamltree.Node)) {
	if n.IsNull() {
		return
	}
	if n.Kind != yamltree.Mapping {
		d.problem(posOf(n), at, "expected %s (a mapping with keys %s), found %s", what, strings.Join(known, ", "), describe(n))
		return
	}
	// Answers mappings are small, so duplicates are found by scanning; a
	// huge one (never valid, but possible input) gets a map instead, so
	// that loading stays linear.
	var seen map[string]*yamltree.Node
	if len(n.Content) > 64 {
		seen = make(map[string]*yamltree.Node, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yamltree.Scalar {
			d.problem(posOf(k), at, "a key must be text, found %s", describe(k))
			continue
		}
		var first *yamltree.Node
		if seen != nil {
			first = seen[k.Value]
			if first == nil {
				seen[k.Value] = k
			}
		} else {
			first = findKey(n, i, k.Value)
		}
		if first != nil {
			d.problem(posOf(k), at, "duplicate key %q (first at line %d)", k.Value, first.Line)
			continue
		}
		if !slices.Contains(known, k.Value) {
			d.problem(posOf(k), at, "unknown field %q%s; %s has %s", k.Value, didYouMean(k.Value, known), what, strings.Join(known, ", "))
			continue
		}
		fn(k.Value, k, v)
	}
}

// findKey returns the first key before index end with the given text.
func findKey(n *yamltree.Node, end int, key string) *yamltree.Node {
	for j := 0; j < end; j += 2 {
		if c := n.Content[j]; c.Kind == yamltree.Scalar && c.Value == key {
			return c
		}
	}
	return nil
}

// list returns the items of a sequence; null is an empty list.
func (d *decoder) list(n *yamltree.Node, at *path, what string) []*yamltree.Node {
	if n.IsNull() {
		return nil
	}
	if n.Kind != yamltree.Sequence {
		d.problem(posOf(n), at, "expected a list of %s, found %s", what, describe(n))
		return nil
	}
	return n.Content
}

// text returns a scalar as written; null is "".
func (d *decoder) text(n *yamltree.Node, at *path) string {
	if n.Kind != yamltree.Scalar {
		d.problem(posOf(n), at, "expected text, found %s", describe(n))
		return ""
	}
	if n.IsNull() {
		return ""
	}
	return n.Value
}

// name is text that names something: one line, no surrounding spaces.
func (d *decoder) name(n *yamltree.Node, at *path) string {
	s, err := checkedName(d.text(n, at))
	if err != nil {
		d.problem(posOf(n), at, "%v", err)
	}
	return s
}

func (d *decoder) texts(n *yamltree.Node, at *path, what string) []string {
	items := d.list(n, at, what)
	if items == nil {
		return nil
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		out = append(out, d.text(it, at.item(i)))
	}
	return out
}

func (d *decoder) integer(n *yamltree.Node, at *path) (int, bool) {
	if n.Kind != yamltree.Scalar || n.IsNull() {
		d.problem(posOf(n), at, "expected a whole number, found %s", describe(n))
		return 0, false
	}
	v, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if err != nil {
		d.problem(posOf(n), at, "expected a whole number, found %q", n.Value)
		return 0, false
	}
	return v, true
}

// numbers reads a list of doc numbers, each 1 or more and given once.
func (d *decoder) numbers(n *yamltree.Node, at *path) []int {
	items := d.list(n, at, "doc numbers")
	var out []int
	for i, it := range items {
		at := at.item(i)
		num, ok := d.integer(it, at)
		if !ok {
			continue
		}
		if err := docNumberError(num); err != nil {
			d.problem(posOf(it), at, "%v", err)
			continue
		}
		if slices.Contains(out, num) {
			d.problem(posOf(it), at, "doc %d is listed twice", num)
			continue
		}
		out = append(out, num)
	}
	return out
}

// enum returns the value if it is one of allowed, else reports it.
func (d *decoder) enum(n *yamltree.Node, at *path, allowed []string) string {
	s, err := checkedEnum(d.text(n, at), allowed)
	if err != nil {
		d.problem(posOf(n), at, "%v", err)
	}
	return s
}

// requireEnum reports a missing or empty enum key of the mapping it: an
// empty value is no more an answer than a missing key.
func (d *decoder) requireEnum(it, v *yamltree.Node, at *path, key string, allowed []string) {
	if it.Kind != yamltree.Mapping {
		return
	}
	if v == nil || v.IsNull() || v.Kind == yamltree.Scalar && strings.TrimSpace(v.Value) == "" {
		d.problem(posOf(it), at, "%s is required (one of %s)", key, strings.Join(allowed, ", "))
	}
}

func (d *decoder) require(s string, parent *yamltree.Node, at *path, key string) {
	if strings.TrimSpace(s) == "" {
		d.problem(posOf(parent), at, "%s is required", key)
	}
}

// TopLevelKeys lists the keys an answers file may have at its top level,
// in the order Marshal writes them.
func TopLevelKeys() []string { return slices.Clone(docKeys) }

var docKeys = []string{"designdoc", "title", "slug", "summary", "authors", "status", "created", "number",
	"superseded_by", "supersedes", "template", "requirements", "capacity", "entities", "api", "data_flow", "high_level_design",
	"deep_dives", "extra_sections", "alternatives", "open_questions", "rendered"}

func (d *decoder) doc(root *yamltree.Node) *Doc {
	doc := &Doc{Version: SchemaVersion, Keys: map[string]Pos{}}
	if root.Kind != yamltree.Mapping {
		d.problem(posOf(root), nil, "an answers file is a mapping of keys (designdoc, title, requirements, …), found %s", describe(root))
		return doc
	}
	doc.flowRoot = root.Flow
	d.mapping(root, nil, "the answers file", docKeys, func(key string, k, v *yamltree.Node) {
		doc.Keys[key] = posOf(k)
		at := (*path)(nil).field(key)
		switch key {
		case "designdoc":
			if ver, ok := d.integer(v, at); ok {
				switch {
				case ver > SchemaVersion:
					d.problem(posOf(v), at, "this file is answers schema v%d; this designdoc reads v%d: upgrade designdoc", ver, SchemaVersion)
				case ver < 1:
					d.problem(posOf(v), at, "schema version must be %d, found %d", SchemaVersion, ver)
				default:
					doc.Version = ver
				}
			}
		case "title":
			doc.Title = d.name(v, at)
			if doc.Title == "" && !d.draft {
				d.problem(posOf(v), at, "the title must not be empty")
			}
		case "slug":
			doc.Slug = strings.TrimSpace(d.text(v, at))
			if err := slugError(doc.Slug); err != nil {
				d.problem(posOf(v), at, "%v", err)
				doc.Slug = ""
			}
		case "summary":
			doc.Summary = d.text(v, at)
		case "authors":
			doc.Authors = d.texts(v, at, "author names")
		case "status":
			doc.Status = Status(d.enum(v, at, Statuses))
		case "created":
			doc.Created = strings.TrimSpace(d.text(v, at))
			if err := dateError(doc.Created); err != nil {
				d.problem(posOf(v), at, "%v", err)
			}
		case "number":
			if num, ok := d.integer(v, at); ok {
				if err := docNumberError(num); err != nil {
					d.problem(posOf(v), at, "%v", err)
				}
				doc.Number = num
			}
		case "superseded_by":
			if num, ok := d.integer(v, at); ok {
				if err := docNumberError(num); err != nil {
					d.problem(posOf(v), at, "%v", err)
				}
				doc.SupersededBy = num
			}
		case "supersedes":
			doc.Supersedes = d.numbers(v, at)
		case "template":
			doc.Template = d.name(v, at)
		case "requirements":
			d.requirements(v, at, &doc.Requirements)
		case "capacity":
			doc.Capacity = d.capacity(v, at)
		case "entities":
			d.entities(v, at, doc)
		case "api":
			d.api(v, at, &doc.API)
		case "data_flow":
			d.dataFlow(v, at, doc)
		case "high_level_design":
			d.highLevel(v, at, &doc.HighLevelDesign)
		case "deep_dives":
			d.deepDives(v, at, doc)
		case "extra_sections":
			d.extraSections(v, at, doc)
		case "alternatives":
			d.alternatives(v, at, doc)
		case "open_questions":
			d.openQuestions(v, at, doc)
		case "rendered":
			doc.Rendered = d.rendered(v, at)
		}
	})
	if _, ok := doc.Keys["title"]; !ok && !d.draft {
		d.problem(posOf(root), nil, "title is required")
	}
	if doc.Status == "" {
		doc.Status = StatusDraft
	}
	if doc.Number > 0 {
		if doc.SupersededBy == doc.Number {
			d.problem(doc.Keys["superseded_by"], (*path)(nil).field("superseded_by"), "doc %d cannot be superseded by itself", doc.Number)
		}
		if slices.Contains(doc.Supersedes, doc.Number) {
			d.problem(doc.Keys["supersedes"], (*path)(nil).field("supersedes"), "doc %d cannot supersede itself", doc.Number)
		}
	}
	if doc.Slug == "" && doc.Title != "" {
		doc.Slug = Slugify(doc.Title)
	}
	return doc
}

func validDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := parseDate(s)
	return err == nil
}

var requirementKeys = []string{"functional", "out_of_scope", "non_functional"}

func (d *decoder) requirements(n *yamltree.Node, at *path, r *Requirements) {
	d.mapping(n, at, "requirements", requirementKeys, func(key string, _, v *yamltree.Node) {
		at := at.field(key)
		switch key {
		case "functional":
			for i, it := range d.list(v, at, "requirements") {
				r.Functional = append(r.Functional, Requirement{Text: d.text(it, at.item(i)), Pos: posOf(it)})
			}
		case "out_of_scope":
			r.OutOfScope = d.texts(v, at, "items")
		case "non_functional":
			for i, it := range d.list(v, at, "{quality, requirement} items") {
				at := at.item(i)
				var nf NonFunctional
				nf.Pos = posOf(it)
				var quality *yamltree.Node
				d.mapping(it, at, "a non-functional requirement", []string{"quality", "requirement"}, func(key string, _, v *yamltree.Node) {
					switch key {
					case "quality":
						nf.Quality = d.enum(v, at.field(key), Qualities)
						quality = v
					case "requirement":
						nf.Requirement = d.text(v, at.field(key))
					}
				})
				d.require(nf.Requirement, it, at, "requirement")
				d.requireEnum(it, quality, at, "quality", Qualities)
				r.NonFunctional = append(r.NonFunctional, nf)
			}
		}
	})
}

var capacityKeys = func() []string {
	var c Capacity
	var keys []string
	for _, in := range c.Inputs() {
		keys = append(keys, in.Key)
	}
	return keys
}()

func (d *decoder) capacity(n *yamltree.Node, at *path) *Capacity {
	if n.IsNull() {
		return nil
	}
	c := &Capacity{Pos: posOf(n)}
	inputs := c.Inputs()
	d.mapping(n, at, "capacity", capacityKeys, func(key string, _, v *yamltree.Node) {
		at := at.field(key)
		for _, in := range inputs {
			if in.Key != key {
				continue
			}
			raw := strings.TrimSpace(d.text(v, at))
			if raw == "" {
				return
			}
			if _, err := ParseQuantity(in.Kind, raw); err != nil {
				d.problem(posOf(v), at, "%v", err)
				return
			}
			*in.Value = Quantity{Raw: raw, Pos: posOf(v)}
		}
	})
	return c
}

var (
	entityKeys   = []string{"name", "description", "store", "fields", "relations"}
	fieldKeys    = []string{"name", "type", "note"}
	relationKeys = []string{"to", "kind", "label"}
)

func (d *decoder) entities(n *yamltree.Node, at *path, doc *Doc) {
	items := d.list(n, at, "entities")
	doc.Entities = make([]Entity, 0, len(items))
	for i, it := range items {
		at := at.item(i)
		e := Entity{Pos: posOf(it)}
		d.mapping(it, at, "an entity", entityKeys, func(key string, _, v *yamltree.Node) {
			at := at.field(key)
			switch key {
			case "name":
				e.Name = d.name(v, at)
			case "description":
				e.Description = d.text(v, at)
			case "store":
				e.Store = d.ref(refComponent, v, at)
			case "fields":
				d.fields(v, at, &e)
			case "relations":
				d.relations(v, at, &e)
			}
		})
		d.require(e.Name, it, at, "name")
		doc.Entities = append(doc.Entities, e)
	}
}

func (d *decoder) fields(n *yamltree.Node, at *path, e *Entity) {
	items := d.list(n, at, "{name, type, note} fields")
	e.Fields = make([]Field, 0, len(items))
	firsts := make(map[string]firstItem, len(items))
	for i, it := range items {
		at := at.item(i)
		f := Field{Pos: posOf(it)}
		d.mapping(it, at, "a field", fieldKeys, func(key string, _, v *yamltree.Node) {
			switch key {
			case "name":
				f.Name = d.name(v, at.field(key))
			case "type":
				f.Type = d.name(v, at.field(key))
			case "note":
				f.Note = d.text(v, at.field(key))
			}
		})
		d.require(f.Name, it, at, "name")
		if f.Name != "" {
			if first, dup := firsts[f.Name]; dup {
				d.duplicate(posOf(it), at, first.at, first.line, fmt.Sprintf("field %q in entity %q", f.Name, e.Name))
			} else {
				firsts[f.Name] = firstItem{at, f.Pos.Line}
			}
		}
		e.Fields = append(e.Fields, f)
	}
}

func (d *decoder) relations(n *yamltree.Node, at *path, e *Entity) {
	for i, it := range d.list(n, at, "{to, kind, label} relations") {
		at := at.item(i)
		r := Relation{Pos: posOf(it)}
		var kind *yamltree.Node
		d.mapping(it, at, "a relation", relationKeys, func(key string, _, v *yamltree.Node) {
			at := at.field(key)
			switch key {
			case "to":
				r.To = d.ref(refEntity, v, at)
			case "kind":
				r.Kind = d.enum(v, at, RelationKinds)
				kind = v
			case "label":
				r.Label = d.text(v, at)
			}
		})
		d.require(r.To, it, at, "to")
		d.requireEnum(it, kind, at, "kind", RelationKinds)
		e.Relations = append(e.Relations, r)
	}
}

// firstItem is where a name was first seen, for duplicate reports.
type firstItem struct {
	at   *path
	line int
}

var (
	apiKeys      = []string{"style", "realtime", "endpoints"}
	endpointKeys = []string{"method", "path", "summary", "request", "response", "auth"}
	httpMethods  = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
)

func (d *decoder) api(n *yamltree.Node, at *path, a *API) {
	var endpoints *yamltree.Node
	d.mapping(n, at, "api", apiKeys, func(key string, _, v *yamltree.Node) {
		switch key {
		case "style":
			a.Style = d.enum(v, at.field(key), APIStyles)
		case "realtime":
			a.Realtime = d.enum(v, at.field(key), RealtimeChannels)
		case "endpoints":
			endpoints = v // read after the style is known, wherever it was written
		}
	})
	if endpoints == nil {
		return
	}
	at = at.field("endpoints")
	items := d.list(endpoints, at, "endpoints")
	a.Endpoints = make([]Endpoint, 0, len(items))
	seen := make(map[string]firstItem, len(items))
	for i, it := range items {
		at := at.item(i)
		ep := Endpoint{Pos: posOf(it)}
		var methodNode *yamltree.Node
		d.mapping(it, at, "an endpoint", endpointKeys, func(key string, _, v *yamltree.Node) {
			at := at.field(key)
			switch key {
			case "method":
				ep.Method = strings.ToUpper(d.name(v, at))
				methodNode = v
			case "path":
				ep.Path = d.name(v, at)
			case "summary":
				ep.Summary = d.text(v, at)
			case "request":
				ep.Request = d.text(v, at)
			case "response":
				ep.Response = d.text(v, at)
			case "auth":
				ep.Auth = d.text(v, at)
			}
		})
		d.require(ep.Method, it, at, "method")
		d.require(ep.Path, it, at, "path")
		if methodNode != nil && (a.Style == "rest" || a.Style == "") {
			if err := methodError(ep.Method); err != nil {
				d.problem(posOf(methodNode), at.field("method"), "%v", err)
			}
		}
		if ep.Method != "" && ep.Path != "" {
			key := ep.Method + " " + ep.Path
			if first, dup := seen[key]; dup {
				d.duplicate(posOf(it), at, first.at, first.line, "endpoint "+key)
			} else {
				seen[key] = firstItem{at, it.Line}
			}
		}
		a.Endpoints = append(a.Endpoints, ep)
	}
}

func (d *decoder) dataFlow(n *yamltree.Node, at *path, doc *Doc) {
	items := d.list(n, at, "{from, to, action} steps")
	doc.DataFlow = make([]Step, 0, len(items))
	for i, it := range items {
		from, to, action := d.link(it, at.item(i), "a data-flow step", "action")
		doc.DataFlow = append(doc.DataFlow, Step{From: from, To: to, Action: action, Pos: posOf(it)})
	}
}

// link reads the {from, to, <textKey>} mapping shared by data-flow steps
// and connections: both ends must name components.
func (d *decoder) link(it *yamltree.Node, at *path, what, textKey string) (from, to, text string) {
	d.mapping(it, at, what, []string{"from", "to", textKey}, func(key string, _, v *yamltree.Node) {
		at := at.field(key)
		switch key {
		case "from":
			from = d.ref(refComponent, v, at)
		case "to":
			to = d.ref(refComponent, v, at)
		default:
			text = d.text(v, at)
		}
	})
	d.require(from, it, at, "from")
	d.require(to, it, at, "to")
	return from, to, text
}

var (
	hldKeys       = []string{"components", "connections", "notes"}
	componentKeys = []string{"name", "kind", "technology", "responsibility", "serves"}
)

func (d *decoder) highLevel(n *yamltree.Node, at *path, h *HighLevelDesign) {
	d.mapping(n, at, "high_level_design", hldKeys, func(key string, _, v *yamltree.Node) {
		at := at.field(key)
		switch key {
		case "components":
			d.components(v, at, h)
		case "connections":
			d.connections(v, at, h)
		case "notes":
			h.Notes = d.text(v, at)
		}
	})
}

func (d *decoder) components(n *yamltree.Node, at *path, h *HighLevelDesign) {
	items := d.list(n, at, "components")
	h.Components = make([]Component, 0, len(items))
	for i, it := range items {
		at := at.item(i)
		c := Component{Pos: posOf(it)}
		var kind *yamltree.Node
		d.mapping(it, at, "a component", componentKeys, func(key string, _, v *yamltree.Node) {
			at := at.field(key)
			switch key {
			case "name":
				c.Name = d.name(v, at)
			case "kind":
				c.Kind = d.enum(v, at, ComponentKinds)
				kind = v
			case "technology":
				c.Technology = d.text(v, at)
			case "responsibility":
				c.Responsibility = d.text(v, at)
			case "serves":
				c.Serves = d.serves(v, at)
			}
		})
		d.require(c.Name, it, at, "name")
		d.requireEnum(it, kind, at, "kind", ComponentKinds)
		h.Components = append(h.Components, c)
	}
}

// serves reads [FR1, FR3]; the range is checked once all requirements are
// known, since they may be written after the components.
func (d *decoder) serves(n *yamltree.Node, at *path) []int {
	items := d.list(n, at, "requirement references such as FR1")
	out := make([]int, 0, len(items))
	for i, it := range items {
		at := at.item(i)
		v, err := parseFRRef(d.text(it, at))
		if err != nil {
			d.problem(posOf(it), at, "%v", err)
			continue
		}
		d.refs = append(d.refs, reference{kind: refRequirement, number: v, pos: posOf(it), at: at})
		out = append(out, v)
	}
	return out
}

func (d *decoder) connections(n *yamltree.Node, at *path, h *HighLevelDesign) {
	for i, it := range d.list(n, at, "{from, to, label} connections") {
		from, to, label := d.link(it, at.item(i), "a connection", "label")
		h.Connections = append(h.Connections, Connection{From: from, To: to, Label: label, Pos: posOf(it)})
	}
}

var deepDiveKeys = []string{"concept", "title", "problem", "solution", "tradeoffs"}

func (d *decoder) deepDives(n *yamltree.Node, at *path, doc *Doc) {
	for i, it := range d.list(n, at, "deep dives") {
		at := at.item(i)
		dd := DeepDive{Pos: posOf(it)}
		d.mapping(it, at, "a deep dive", deepDiveKeys, func(key string, _, v *yamltree.Node) {
			at := at.field(key)
			switch key {
			case "concept":
				dd.Concept = d.enum(v, at, Concepts)
			case "title":
				dd.Title = d.name(v, at)
			case "problem":
				dd.Problem = d.text(v, at)
			case "solution":
				dd.Solution = d.text(v, at)
			case "tradeoffs":
				dd.Tradeoffs = d.text(v, at)
			}
		})
		d.require(dd.Title, it, at, "title")
		doc.DeepDives = append(doc.DeepDives, dd)
	}
}

func (d *decoder) alternatives(n *yamltree.Node, at *path, doc *Doc) {
	for i, it := range d.list(n, at, "{title, why_not} alternatives") {
		at := at.item(i)
		a := Alternative{Pos: posOf(it)}
		d.mapping(it, at, "an alternative", []string{"title", "why_not"}, func(key string, _, v *yamltree.Node) {
			switch key {
			case "title":
				a.Title = d.name(v, at.field(key))
			case "why_not":
				a.WhyNot = d.text(v, at.field(key))
			}
		})
		d.require(a.Title, it, at, "title")
		doc.Alternatives = append(doc.Alternatives, a)
	}
}

var extraSectionKeys = []string{"id", "title", "text"}

func (d *decoder) extraSections(n *yamltree.Node, at *path, doc *Doc) {
	seen := map[string]int{}
	for i, it := range d.list(n, at, "{id, title, text} sections") {
		at := at.item(i)
		e := ExtraSection{Pos: posOf(it)}
		var idNode *yamltree.Node
		d.mapping(it, at, "an extra section", extraSectionKeys, func(key string, _, v *yamltree.Node) {
			switch key {
			case "id":
				e.ID, idNode = d.name(v, at.field(key)), v
				if err := sectionIDError(e.ID); err != nil {
					d.problem(posOf(v), at.field(key), "%v", err)
				}
			case "title":
				e.Title = d.name(v, at.field(key))
			case "text":
				e.Text = d.text(v, at.field(key))
			}
		})
		d.require(e.ID, it, at, "id")
		if idNode != nil && e.ID != "" {
			if line, dup := seen[e.ID]; dup {
				d.problem(posOf(idNode), at.field("id"), "duplicate extra section id %q (first at line %d)", e.ID, line)
			}
			seen[e.ID] = idNode.Line
		}
		doc.ExtraSections = append(doc.ExtraSections, e)
	}
}

var questionKeys = []string{"question", "resolved"}

// openQuestions reads the open questions: each is text, or a mapping
// {question, resolved} once it is settled.
func (d *decoder) openQuestions(n *yamltree.Node, at *path, doc *Doc) {
	items := d.list(n, at, "questions (text, or {question, resolved})")
	if items == nil {
		return
	}
	doc.OpenQuestions = make([]string, 0, len(items))
	doc.QuestionPos = make([]Pos, 0, len(items))
	for i, it := range items {
		at := at.item(i)
		var q, resolved string
		if it.Kind == yamltree.Mapping {
			d.mapping(it, at, "an open question", questionKeys, func(key string, _, v *yamltree.Node) {
				switch key {
				case "question":
					q = d.text(v, at.field(key))
				case "resolved":
					resolved = d.text(v, at.field(key))
				}
			})
			d.require(q, it, at, "question")
		} else {
			q = d.text(it, at)
		}
		doc.OpenQuestions = append(doc.OpenQuestions, q)
		doc.QuestionPos = append(doc.QuestionPos, posOf(it))
		if strings.TrimSpace(resolved) != "" {
			doc.setResolution(i, resolved)
		}
	}
}

var renderedKeys = []string{"path", "sha256", "template", "version"}

func (d *decoder) rendered(n *yamltree.Node, at *path) *Rendered {
	if n.IsNull() {
		return nil
	}
	r := &Rendered{}
	d.mapping(n, at, "rendered", renderedKeys, func(key string, _, v *yamltree.Node) {
		at := at.field(key)
		switch key {
		case "path":
			r.Path = d.name(v, at)
		case "sha256":
			r.SHA256 = d.name(v, at)
			if !isHexDigest(r.SHA256) {
				d.problem(posOf(v), at, badDigest)
			}
		case "template":
			r.Template = d.name(v, at)
		case "version":
			r.Version = d.name(v, at)
		}
	})
	return r
}

func isHexDigest(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
