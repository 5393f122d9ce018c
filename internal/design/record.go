package design

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// WithRendered returns the answers file data with its `rendered` record set
// to r, changing nothing else: comments, key order and formatting are kept
// byte for byte. data must be the bytes doc was loaded from.
func WithRendered(name string, data []byte, doc *Doc, r Rendered) ([]byte, error) {
	if IsJSON(name) {
		return jsonWithRendered(data, r)
	}
	if doc.flowRoot || hasDocumentMarkers(data) {
		return yamlNodeWithRendered(data, r)
	}
	return spliceRendered(data, doc.Keys, r), nil
}

// fields lists the record's keys and values in the order they are
// written; path and sha256 always, template and version when known.
func (r Rendered) fields() [][2]string {
	out := [][2]string{{"path", r.Path}, {"sha256", r.SHA256}}
	if r.Template != "" {
		out = append(out, [2]string{"template", r.Template})
	}
	if r.Version != "" {
		out = append(out, [2]string{"version", r.Version})
	}
	return out
}

// hasDocumentMarkers reports whether a line of data starts with --- or
// ... followed by white space or the end: a YAML document marker, which
// the line splice leaves to the tree. It is (?m)^(---|\.\.\.)(\s|$)
// without a regexp (which took 50 ms on a 10 MB file).
func hasDocumentMarkers(data []byte) bool {
	for _, m := range [][]byte{[]byte("---"), []byte("...")} {
		for i := 0; i <= len(data)-len(m); {
			j := bytes.Index(data[i:], m)
			if j < 0 {
				break
			}
			at := i + j
			end := at + len(m)
			if (at == 0 || data[at-1] == '\n') && (end == len(data) || isMarkerSpace(data[end])) {
				return true
			}
			i = at + 1
		}
	}
	return false
}

// isMarkerSpace is RE2's \s.
func isMarkerSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// renderedBlock is the YAML for r, indented for a top-level key at column
// col, with the file's line ending.
func renderedBlock(r Rendered, col int, eol string) string {
	ind := strings.Repeat(" ", col-1)
	var b strings.Builder
	b.WriteString(ind + "rendered:" + eol)
	for _, kv := range r.fields() {
		b.WriteString(ind + "  " + kv[0] + ": " + yamlScalar(kv[1]) + eol)
	}
	return b.String()
}

var plainSafe = lazyre.New(`^[A-Za-z0-9_][A-Za-z0-9_./+-]*$`)

// yamlScalar writes s as a YAML scalar that reads back as the same string.
func yamlScalar(s string) string {
	if plainSafe.MatchString(s) && !looksNonString(s) {
		return s
	}
	q, _ := json.Marshal(s) // a JSON string is a valid double-quoted YAML scalar
	return string(q)
}

// looksNonString reports plain scalars YAML would read as something other
// than text.
func looksNonString(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n":
		return true
	}
	_, err := ParseQuantity(KindNumber, s)
	return err == nil && s[0] >= '0' && s[0] <= '9' && !strings.ContainsAny(s, "/")
}

// spliceRendered replaces the lines of the top-level rendered key, or
// appends a block when there is none.
func spliceRendered(data []byte, keys map[string]Pos, r Rendered) []byte {
	eol := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		eol = "\r\n"
	}
	lines := splitLinesKeep(data)
	at, ok := keys["rendered"]
	if !ok {
		col := 1
		for _, p := range keys {
			col = p.Column
			break
		}
		var out bytes.Buffer
		out.Grow(len(data) + 200)
		out.Write(data)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			out.WriteString(eol)
		}
		out.WriteString(renderedBlock(r, col, eol))
		return out.Bytes()
	}
	start := at.Line - 1
	end := len(lines) // exclusive
	for _, p := range keys {
		if p.Line > at.Line && p.Line-1 < end {
			end = p.Line - 1
		}
	}
	// Comments and blank lines just before the next key belong to it.
	for end > start+1 && isBlankOrComment(lines[end-1]) {
		end--
	}
	var out bytes.Buffer
	out.Grow(len(data) + 200)
	for _, l := range lines[:start] {
		out.Write(l)
	}
	if start > 0 && !bytes.HasSuffix(lines[start-1], []byte("\n")) {
		out.WriteString(eol)
	}
	out.WriteString(renderedBlock(r, at.Column, eol))
	for _, l := range lines[end:] {
		out.Write(l)
	}
	return out.Bytes()
}

func splitLinesKeep(data []byte) [][]byte {
	var lines [][]byte
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			lines = append(lines, data)
			break
		}
		lines = append(lines, data[:i+1])
		data = data[i+1:]
	}
	return lines
}

func isBlankOrComment(line []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) == 0 || t[0] == '#'
}

// yamlNodeWithRendered handles the rare file the line splice cannot: a
// flow-style top level or explicit document markers. yaml.v3 keeps its
// comments, though not every detail of its layout.
func yamlNodeWithRendered(data []byte, r Rendered) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the answers file is not a mapping")
	}
	m := root.Content[0]
	m.Style &^= yaml.FlowStyle
	value := &yaml.Node{Kind: yaml.MappingNode}
	for _, kv := range r.fields() {
		value.Content = append(value.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: kv[0]},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv[1]})
	}
	replaced := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "rendered" {
			m.Content[i+1] = value
			replaced = true
		}
	}
	if !replaced {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "rendered"}, value)
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

// jsonWithRendered sets the top-level "rendered" member, keeping the order
// of the others, and writes the object indented by two spaces.
func jsonWithRendered(data []byte, r Rendered) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("the answers file is not a JSON object")
	}
	var members [][2][]byte
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
		k, _ := json.Marshal(key)
		members = append(members, [2][]byte{k, raw})
	}
	rec := map[string]string{}
	for _, kv := range r.fields() {
		rec[kv[0]] = kv[1]
	}
	value, err := json.Marshal(rec) // map keys are sorted: deterministic
	if err != nil {
		return nil, err
	}
	replaced := false
	for i := range members {
		if string(members[i][0]) == `"rendered"` {
			members[i][1] = value
			replaced = true
		}
	}
	if !replaced {
		members = append(members, [2][]byte{[]byte(`"rendered"`), value})
	}
	var compact bytes.Buffer
	compact.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			compact.WriteByte(',')
		}
		compact.Write(m[0])
		compact.WriteByte(':')
		compact.Write(m[1])
	}
	compact.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, compact.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}
