package design

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// Marshal writes doc as a new answers file, the way the interview saves
// one: `designdoc: 1` first, the keys in the order the spec lists them,
// nothing for what is empty (but status, always written). Lists of
// structures are written one item per line as flow mappings when they fit
// in 100 columns, as block mappings otherwise; long text is folded, text
// of several lines is a literal block. The output is deterministic, and
// for every Doc the loader can produce, Parse of it gives back an equal
// Doc (positions aside). The first line is SchemaComment, for editors.
func Marshal(doc *Doc) []byte {
	var w yamlWriter
	w.buf.WriteString(SchemaComment)
	root := docNode(doc)
	for i, k := range root.keys {
		w.entry(0, "", k, root.vals[i])
	}
	return w.buf.Bytes()
}

// node is the answers as a tree of ordered mappings, lists and scalars,
// which the YAML and JSON writers share.
type node struct {
	kind  nodeKind
	text  string
	keys  []string
	vals  []*node
	items []*node

	literal bool // a scalar clearer unquoted even if it looks like a number (capacity, dates)
	number  bool // a scalar written as a JSON number
	inline  bool // a list that may be written as [a, b] on one line
}

type nodeKind int

const (
	scalarNode nodeKind = iota
	mapNode
	listNode
)

func (n *node) empty() bool {
	switch n.kind {
	case mapNode:
		return len(n.keys) == 0
	case listNode:
		return len(n.items) == 0
	}
	return n.text == ""
}

func newMap() *node { return &node{kind: mapNode} }

// set adds key: v, skipping an empty v (but for the sections kept empty).
func (n *node) set(key string, v *node) *node {
	if present(v) {
		n.keys = append(n.keys, key)
		n.vals = append(n.vals, v)
	}
	return n
}

// str adds key: s, skipping an empty s.
func (n *node) str(key, s string) *node { return n.set(key, &node{text: s}) }

func list[T any](items []T, item func(T) *node) *node {
	n := &node{kind: listNode, items: make([]*node, len(items))}
	for i, it := range items {
		n.items[i] = item(it)
	}
	return n
}

func texts(ss []string) *node {
	return list(ss, func(s string) *node { return &node{text: s} })
}

// docNode builds the tree of doc, with the top-level keys in docKeys order.
func docNode(doc *Doc) *node {
	root := newMap()
	for _, key := range docKeys {
		root.set(key, sectionNode(doc, key))
	}
	return root
}

// sectionNode is the value of one top-level key of doc, or nil (or an
// empty node) when the key is not written.
func sectionNode(doc *Doc, key string) *node {
	switch key {
	case "designdoc":
		return &node{text: strconv.Itoa(SchemaVersion), literal: true, number: true}
	case "title":
		return &node{text: doc.Title}
	case "slug":
		return &node{text: doc.Slug}
	case "summary":
		return &node{text: doc.Summary}
	case "authors":
		n := texts(doc.Authors)
		n.inline = true
		return n
	case "status":
		s := string(doc.Status)
		if s == "" {
			s = string(StatusDraft)
		}
		return &node{text: s}
	case "created":
		return &node{text: doc.Created, literal: true}
	case "number":
		if doc.Number == 0 {
			return nil
		}
		return &node{text: strconv.Itoa(doc.Number), literal: true, number: true}
	case "superseded_by":
		if doc.SupersededBy == 0 {
			return nil
		}
		return &node{text: strconv.Itoa(doc.SupersededBy), literal: true, number: true}
	case "supersedes":
		n := list(doc.Supersedes, func(v int) *node { return &node{text: strconv.Itoa(v), literal: true, number: true} })
		n.inline = true
		return n
	case "template":
		return &node{text: doc.Template}
	case "requirements":
		r := doc.Requirements
		return newMap().
			set("functional", list(r.Functional, func(q Requirement) *node { return &node{text: q.Text} })).
			set("out_of_scope", texts(r.OutOfScope)).
			set("non_functional", list(r.NonFunctional, func(nf NonFunctional) *node {
				return newMap().str("quality", nf.Quality).str("requirement", nf.Requirement)
			}))
	case "capacity":
		if doc.Capacity == nil {
			return nil
		}
		n := newMap()
		for _, in := range doc.Capacity.Inputs() {
			n.set(in.Key, &node{text: in.Value.Raw, literal: true})
		}
		if n.empty() {
			return &node{kind: mapNode, literal: true} // capacity: {}, a section with nothing yet
		}
		return n
	case "entities":
		return list(doc.Entities, entityNode)
	case "api":
		a := doc.API
		return newMap().str("style", a.Style).str("realtime", a.Realtime).
			set("endpoints", list(a.Endpoints, func(e Endpoint) *node {
				return newMap().str("method", e.Method).str("path", e.Path).str("summary", e.Summary).
					str("request", e.Request).str("response", e.Response).str("auth", e.Auth)
			}))
	case "data_flow":
		return list(doc.DataFlow, func(s Step) *node {
			return newMap().str("from", s.From).str("to", s.To).str("action", s.Action)
		})
	case "high_level_design":
		h := doc.HighLevelDesign
		return newMap().
			set("components", list(h.Components, componentNode)).
			set("connections", list(h.Connections, func(c Connection) *node {
				return newMap().str("from", c.From).str("to", c.To).str("label", c.Label)
			})).
			str("notes", h.Notes)
	case "deep_dives":
		return list(doc.DeepDives, func(d DeepDive) *node {
			return newMap().str("concept", d.Concept).str("title", d.Title).str("problem", d.Problem).
				str("solution", d.Solution).str("tradeoffs", d.Tradeoffs)
		})
	case "extra_sections":
		return list(doc.ExtraSections, func(e ExtraSection) *node {
			return newMap().str("id", e.ID).str("title", e.Title).str("text", e.Text)
		})
	case "alternatives":
		return list(doc.Alternatives, func(a Alternative) *node {
			return newMap().str("title", a.Title).str("why_not", a.WhyNot)
		})
	case "open_questions":
		return openQuestionsNode(doc)
	case "rendered":
		r := doc.Rendered
		if r == nil {
			return nil
		}
		n := newMap().str("path", r.Path).str("sha256", r.SHA256).str("template", r.Template).str("version", r.Version)
		if n.empty() {
			n.literal = true // rendered: {}
		}
		return n
	}
	return nil
}

// openQuestionsNode writes an open question as text, a settled one as
// {question, resolved}.
func openQuestionsNode(doc *Doc) *node {
	n := texts(doc.OpenQuestions)
	for i, q := range doc.OpenQuestions {
		if r := doc.Resolution(i); strings.TrimSpace(r) != "" {
			n.items[i] = newMap().set("question", &node{text: q}).str("resolved", r)
		}
	}
	return n
}

func entityNode(e Entity) *node {
	n := newMap().str("name", e.Name).str("description", e.Description).str("store", e.Store)
	fields := list(e.Fields, func(f Field) *node {
		return newMap().str("name", f.Name).str("type", f.Type).str("note", f.Note)
	})
	fields.inline = true
	relations := list(e.Relations, func(r Relation) *node {
		return newMap().str("to", r.To).str("kind", r.Kind).str("label", r.Label)
	})
	relations.inline = true
	return n.set("fields", fields).set("relations", relations)
}

func componentNode(c Component) *node {
	serves := list(c.Serves, func(n int) *node { return &node{text: FRID(n), literal: true} })
	serves.inline = true
	return newMap().str("name", c.Name).str("kind", c.Kind).str("technology", c.Technology).
		str("responsibility", c.Responsibility).set("serves", serves)
}

// keptEmpty reports an empty node that is still written: a capacity or
// rendered section present with nothing in it.
func keptEmpty(n *node) bool { return n.kind == mapNode && n.literal && n.empty() }

// present reports whether a section node is written at all.
func present(n *node) bool { return n != nil && (!n.empty() || keptEmpty(n)) }

const (
	maxWidth  = 100 // a flow item longer than this is written as a block mapping
	foldWidth = 80  // long text is folded to lines of about this width
)

// yamlWriter writes the tree in the block style of the examples.
type yamlWriter struct {
	buf bytes.Buffer
}

func spaces(n int) string { return strings.Repeat(" ", n) }

// entry writes key: v of a block mapping whose keys are at column indent.
// lead, when not "", is written instead of the indentation on the first
// line (the "- " of a list item).
func (w *yamlWriter) entry(indent int, lead, key string, v *node) {
	if lead == "" {
		lead = spaces(indent)
	}
	head := lead + key + ":"
	switch v.kind {
	case scalarNode:
		w.scalarValue(head, indent, v)
	case mapNode:
		if v.empty() {
			w.line(head + " {}")
			return
		}
		w.line(head)
		for i, k := range v.keys {
			w.entry(indent+2, "", k, v.vals[i])
		}
	case listNode:
		if v.empty() {
			w.line(head + " []")
			return
		}
		if v.inline && !multiline(v) {
			if flow := flowText(v); len(head)+1+len(flow) <= maxWidth || allScalars(v) {
				w.line(head + " " + flow)
				return
			}
		}
		w.line(head)
		for _, it := range v.items {
			w.item(indent+2, it)
		}
	}
}

// scalarValue writes the text after "key:": inline, or as a block
// scalar when it has several lines or is too long for one.
func (w *yamlWriter) scalarValue(head string, indent int, v *node) {
	t := v.text
	oneLine := !strings.Contains(strings.TrimSuffix(t, "\n"), "\n")
	if !oneLine {
		if lines, ind, ok := literalLines(t); ok {
			w.block(head+" "+ind, indent+2, lines)
			return
		}
	}
	s := inlineScalar(t, false, v.literal)
	if oneLine && len(head)+1+len(s) > maxWidth {
		if lines, ind, ok := foldedLines(t, max(foldWidth-indent-2, 40)); ok {
			w.block(head+" "+ind, indent+2, lines)
			return
		}
	}
	if oneLine && strings.HasSuffix(t, "\n") {
		if lines, ind, ok := literalLines(t); ok {
			w.block(head+" "+ind, indent+2, lines)
			return
		}
	}
	w.line(head + " " + s)
}

// item writes one item of a block list, its dash at column indent.
func (w *yamlWriter) item(indent int, v *node) {
	dash := spaces(indent) + "- "
	switch v.kind {
	case scalarNode:
		if lines, ind, ok := literalLines(v.text); ok {
			w.block(dash+ind, indent+2, lines)
			return
		}
		w.line(dash + inlineScalar(v.text, false, v.literal))
	case mapNode:
		if flow := flowText(v); !multiline(v) && len(dash)+len(flow) <= maxWidth {
			w.line(dash + flow)
			return
		}
		for i, k := range v.keys {
			lead := ""
			if i == 0 {
				lead = dash
			}
			w.entry(indent+2, lead, k, v.vals[i])
		}
	case listNode:
		w.line(dash + flowText(v)) // not in the schema: lists do not nest
	}
}

func (w *yamlWriter) block(head string, indent int, lines []string) {
	w.line(head)
	for _, l := range lines {
		if l == "" {
			w.line("")
			continue
		}
		w.line(spaces(indent) + l)
	}
}

func (w *yamlWriter) line(s string) {
	w.buf.WriteString(s)
	w.buf.WriteByte('\n')
}

// flowText writes a node on one line in flow style.
func flowText(n *node) string {
	switch n.kind {
	case mapNode:
		parts := make([]string, len(n.keys))
		for i, k := range n.keys {
			parts[i] = k + ": " + flowText(n.vals[i])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case listNode:
		parts := make([]string, len(n.items))
		for i, it := range n.items {
			parts[i] = flowText(it)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return inlineScalar(n.text, true, n.literal)
}

// multiline reports a node holding text of several lines, which is
// clearer in block style than escaped on one line.
func multiline(n *node) bool {
	switch n.kind {
	case mapNode:
		for _, v := range n.vals {
			if multiline(v) {
				return true
			}
		}
	case listNode:
		for _, it := range n.items {
			if multiline(it) {
				return true
			}
		}
	default:
		return strings.Contains(n.text, "\n")
	}
	return false
}

// allScalars reports a list of scalars, such as serves or authors, which
// stays on one line however long.
func allScalars(n *node) bool {
	for _, it := range n.items {
		if it.kind != scalarNode {
			return false
		}
	}
	return true
}

// jsonValue writes a node as compact JSON, keys in order.
func jsonValue(b *bytes.Buffer, n *node) {
	switch n.kind {
	case mapNode:
		b.WriteByte('{')
		for i, k := range n.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			jsonString(b, k)
			b.WriteByte(':')
			jsonValue(b, n.vals[i])
		}
		b.WriteByte('}')
	case listNode:
		b.WriteByte('[')
		for i, it := range n.items {
			if i > 0 {
				b.WriteByte(',')
			}
			jsonValue(b, it)
		}
		b.WriteByte(']')
	default:
		if n.number {
			b.WriteString(n.text)
			return
		}
		jsonString(b, n.text)
	}
}

func jsonString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)       // a string always encodes
	b.Truncate(b.Len() - 1) // Encode adds a newline
}
