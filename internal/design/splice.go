package design

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// ReplaceSections returns the answers file data with each top-level key
// in keys ("requirements", "entities", "title", …) holding its value from
// doc, written as Marshal writes it; every other byte is kept: comments,
// blank lines, key order and the layout of the other keys. data must be
// the bytes old was loaded from (a nil old is read from data).
//
// A key data does not have is inserted where the canonical order puts it:
// after the nearest earlier key that is there, else before the nearest
// later one, else at the end. A key whose value in doc is empty is removed
// with its lines. A key whose value did not change keeps its bytes. A
// key's lines run from its own line to the next top-level key, less the
// comments and blank lines just before that key, which belong to it.
//
// JSON files are rewritten whole, members in their order, indented by two
// spaces; a YAML file with a flow-style top level or document markers is
// re-encoded by yaml.v3, which keeps its comments but not every detail of
// its layout.
func ReplaceSections(name string, data []byte, old, doc *Doc, keys []string) ([]byte, error) {
	if old == nil {
		var err error
		if old, _, err = decode(name, data, true); err != nil {
			if !onlyComments(data) {
				return nil, err
			}
			old = &Doc{}
		}
	}
	var want []string
	for _, k := range keys {
		if !slices.Contains(docKeys, k) {
			return nil, fmt.Errorf("unknown answers section %q%s", k, didYouMean(k, docKeys))
		}
		if !slices.Contains(want, k) {
			want = append(want, k)
		}
	}
	if IsJSON(name) {
		return jsonReplace(data, doc, want)
	}
	if !old.flowRoot && !hasDocumentMarkers(data) {
		out := spliceSections(data, old, doc, want)
		if replacedExactly(name, out, old, doc, want) {
			return out, nil
		}
		// A layout the line splice misread (it never happens with files
		// designdoc or a person writes in block style, but a wrong result
		// would be silent): the tree is always right.
	}
	return yamlReplace(data, doc, want)
}

func onlyComments(data []byte) bool {
	for _, l := range splitLinesKeep(data) {
		if !isBlankOrComment(l) {
			return false
		}
	}
	return true
}

// sectionYAML is the canonical YAML of one top-level key, "" when doc
// does not write it.
func sectionYAML(doc *Doc, key string) string {
	v := sectionNode(doc, key)
	if !present(v) {
		return ""
	}
	var w yamlWriter
	w.entry(0, "", key, v)
	return w.buf.String()
}

// insertAt returns where key goes among the keys of a file, in
// canonical order: after the nearest earlier key there, else before the
// nearest later one, else at the end. have holds the keys in file order.
func insertAt(have []string, key string) (after bool, anchor int) {
	rank := slices.Index(docKeys, key)
	best, bestRank := -1, -1
	for i, k := range have {
		if r := slices.Index(docKeys, k); r < rank && r > bestRank {
			best, bestRank = i, r
		}
	}
	if best >= 0 {
		return true, best
	}
	best, bestRank = -1, len(docKeys)
	for i, k := range have {
		if r := slices.Index(docKeys, k); r > rank && r < bestRank {
			best, bestRank = i, r
		}
	}
	if best >= 0 {
		return false, best
	}
	return true, len(have) - 1 // after the last (or at the start of an empty file)
}

// edit replaces lines [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
	rank       int // canonical rank of the key, orders inserts at one place
}

func spliceSections(data []byte, old, doc *Doc, keys []string) []byte {
	eol := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		eol = "\r\n"
	}
	lines := splitLinesKeep(data)
	type keyAt struct {
		key  string
		line int // 0-based
	}
	var have []keyAt
	col := 1
	for k, p := range old.Keys {
		have = append(have, keyAt{k, p.Line - 1})
		col = p.Column
	}
	sort.Slice(have, func(i, j int) bool { return have[i].line < have[j].line })
	haveKeys := make([]string, len(have))
	for i, h := range have {
		haveKeys[i] = h.key
	}
	// span is the lines of the i-th key present: its line to the next
	// key, less the comments and blank lines that lead into that key.
	span := func(i int) (start, end int) {
		start, end = have[i].line, len(lines)
		if i+1 < len(have) {
			end = have[i+1].line
		}
		for end > start+1 && leadsIntoNext(lines[end-1], col) {
			end--
		}
		return start, end
	}
	var edits []edit
	for _, key := range keys {
		text := indentLines(sectionYAML(doc, key), col-1, eol)
		rank := slices.Index(docKeys, key)
		if i := slices.Index(haveKeys, key); i >= 0 {
			if sectionYAML(old, key) == sectionYAML(doc, key) {
				continue // unchanged: keep the user's bytes
			}
			start, end := span(i)
			edits = append(edits, edit{start, end, text, rank})
			continue
		}
		if text == "" {
			continue
		}
		var at int
		switch after, anchor := insertAt(haveKeys, key); {
		case anchor < 0:
			at = len(lines)
		case after:
			_, at = span(anchor)
		default:
			at = have[anchor].line
		}
		edits = append(edits, edit{at, at, text, rank})
	}
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i], edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if (a.end > a.start) != (b.end > b.start) {
			return a.end == a.start // an insert before a replacement at the same line
		}
		return a.rank < b.rank
	})
	var out bytes.Buffer
	out.Grow(len(data) + 1024)
	next := 0
	for _, e := range edits {
		for _, l := range lines[next:e.start] {
			out.Write(l)
		}
		if e.text != "" && out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
			out.WriteString(eol)
		}
		out.WriteString(e.text)
		next = e.end
	}
	for _, l := range lines[next:] {
		out.Write(l)
	}
	return out.Bytes()
}

// leadsIntoNext reports a blank line, or a comment no deeper than the
// top-level keys (at column col), before a key: it belongs to that key.
// A deeper "#" line may be text of a block scalar.
func leadsIntoNext(line []byte, col int) bool {
	t := bytes.TrimLeft(line, " \t")
	if len(bytes.TrimSpace(t)) == 0 {
		return true
	}
	return t[0] == '#' && len(line)-len(t) < col
}

// indentLines indents every non-empty line of s by n spaces and gives
// it the file's line ending.
func indentLines(s string, n int, eol string) string {
	if s == "" || n == 0 && eol == "\n" {
		return s
	}
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l == "" {
			continue
		}
		body := strings.TrimSuffix(l, "\n")
		if body != "" {
			b.WriteString(strings.Repeat(" ", n))
		}
		b.WriteString(body)
		if strings.HasSuffix(l, "\n") {
			b.WriteString(eol)
		}
	}
	return b.String()
}

// replacedExactly checks a splice: the replaced keys read back as doc
// has them, and every other key the file writes reads back as before.
func replacedExactly(name string, out []byte, old, doc *Doc, keys []string) bool {
	back, _, err := decode(name, out, true)
	if err != nil {
		return false
	}
	for _, key := range docKeys {
		want := old
		if slices.Contains(keys, key) {
			want = doc
		} else if _, written := old.Keys[key]; !written {
			continue // absent, or derived (slug, status) from what changed
		}
		w := sectionYAML(want, key)
		if key == "slug" && w == "" {
			// Removed: the loader derives one from the title.
			if _, written := back.Keys[key]; written {
				return false
			}
			continue
		}
		if sectionYAML(back, key) != w {
			return false
		}
	}
	return true
}

// yamlReplace is ReplaceSections through yaml.v3's tree, for files the
// line splice does not handle.
func yamlReplace(data []byte, doc *Doc, keys []string) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the answers file is not a mapping")
	}
	m := root.Content[0]
	m.Style &^= yaml.FlowStyle
	for _, key := range keys {
		var kv []*yaml.Node // the new key and value, or none
		if text := sectionYAML(doc, key); text != "" {
			var sec yaml.Node
			if err := yaml.Unmarshal([]byte(text), &sec); err != nil {
				return nil, fmt.Errorf("internal error: section %s does not read back: %w", key, err)
			}
			kv = sec.Content[0].Content[:2]
		}
		var have []string
		at := -1
		for i := 0; i+1 < len(m.Content); i += 2 {
			have = append(have, m.Content[i].Value)
			if m.Content[i].Value == key {
				at = i
			}
		}
		switch {
		case at >= 0 && kv == nil:
			m.Content = slices.Delete(m.Content, at, at+2)
		case at >= 0:
			m.Content[at+1] = kv[1]
		case kv != nil:
			after, anchor := insertAt(have, key)
			pos := 2 * anchor
			if after {
				pos += 2
			}
			m.Content = slices.Insert(m.Content, max(pos, 0), kv...)
		}
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// jsonReplace sets the given top-level members of a JSON answers file,
// keeping the order of the others, and writes the object indented by two
// spaces.
func jsonReplace(data []byte, doc *Doc, keys []string) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("the answers file is not a JSON object")
	}
	type member struct {
		key   string
		value []byte
	}
	var members []member
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		members = append(members, member{key, raw})
	}
	for _, key := range keys {
		var value []byte
		if v := sectionNode(doc, key); present(v) {
			var b bytes.Buffer
			jsonValue(&b, v)
			value = b.Bytes()
		}
		at := slices.IndexFunc(members, func(m member) bool { return m.key == key })
		switch {
		case at >= 0 && value == nil:
			members = slices.Delete(members, at, at+1)
		case at >= 0:
			members[at].value = value
		case value != nil:
			have := make([]string, len(members))
			for i, m := range members {
				have[i] = m.key
			}
			after, anchor := insertAt(have, key)
			pos := anchor
			if after {
				pos++
			}
			members = slices.Insert(members, max(pos, 0), member{key, value})
		}
	}
	var compact bytes.Buffer
	compact.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			compact.WriteByte(',')
		}
		jsonString(&compact, m.key)
		compact.WriteByte(':')
		compact.Write(m.value)
	}
	compact.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, compact.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}
