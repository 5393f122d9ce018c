// Package yamltree parses YAML into a small positioned tree: the answers
// loader walks it to report every problem with its file:line:col.
//
// Parse tries a fast parser for the block-style subset that answers files
// are written in, and falls back to gopkg.in/yaml.v3 for anything else, so
// every YAML document is accepted exactly as yaml.v3 would accept it (within
// the bounds Parse documents: one document, MaxDepth, alias expansion).
// Errors are *SyntaxError values at the exact line and column of the
// mistake. ParseJSON builds the same tree from strict JSON.
package yamltree

// Kind is what a node holds.
type Kind uint8

// The node kinds.
const (
	Scalar Kind = iota + 1
	Mapping
	Sequence
)

// String returns the kind's name as error messages use it.
func (k Kind) String() string {
	switch k {
	case Scalar:
		return "scalar"
	case Mapping:
		return "mapping"
	case Sequence:
		return "sequence"
	}
	return "unknown"
}

// Node is one YAML node with its position. Mappings hold keys and values
// alternately in Content; aliases are already resolved.
type Node struct {
	Kind Kind
	// Plain is true for an unquoted, non-block scalar: only those resolve
	// to null, booleans and numbers.
	Plain bool
	// Flow is true for a collection written in flow style ({...} or [...]).
	// (It sits next to Kind and Plain so the three share one word: large
	// documents have close to a million nodes.)
	Flow bool
	// Tag is the explicit tag when one was written (for example "!!str"),
	// otherwise empty.
	Tag     string
	Value   string
	Line    int // 1-based
	Column  int // 1-based, counted in runes as yaml.v3 counts them
	Content []*Node
}

// IsNull reports whether the node is a null scalar (~, null, or nothing).
func (n *Node) IsNull() bool {
	if n == nil {
		return true
	}
	if n.Kind != Scalar || n.Tag == "!!str" {
		return false
	}
	if n.Tag == "!!null" {
		return true
	}
	if !n.Plain {
		return false
	}
	switch n.Value {
	case "", "~", "null", "Null", "NULL":
		return true
	}
	return false
}

// SyntaxError is a YAML problem at a position.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string { return e.Msg }
