// Package yamltree parses YAML into a small positioned tree: the answers
// loader walks it to report every problem with its file:line:col.
//
// Parse tries a fast parser for the block-style subset that answers files
// are written in, and falls back to gopkg.in/yaml.v3 for anything else, so
// every YAML document is accepted exactly as yaml.v3 would accept it (within
// the bounds Parse documents: one document, MaxDepth, alias expansion).
// Errors are *SyntaxError values at the line and column of the mistake,
// which yaml.v3 does not report: they are found by this package (see
// locateV3Error), exactly but for a few rare cases where only the line is
// certain. ParseJSON builds the same tree from strict JSON.
package yamltree

import (
	"runtime"
	"sync"
	"weak"
)

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
//
// Large documents have close to a million nodes, so a Node is kept to 64
// bytes: the small fields share one word, and the tag, rarely written, is
// kept aside (see Tag).
type Node struct {
	Kind Kind
	// Plain is true for an unquoted, non-block scalar: only those resolve
	// to null, booleans and numbers.
	Plain bool
	// Flow is true for a collection written in flow style ({...} or [...]).
	Flow    bool
	tagged  bool // the node has an entry in tags
	Value   string
	Line    int // 1-based
	Column  int // 1-based, counted in runes as yaml.v3 counts them
	Content []*Node
}

// tags holds the explicit tags of the nodes that have one, by node: few
// nodes have one (only documents yaml.v3 parses), and a field would cost
// every node 8 bytes. An entry goes when its node is collected.
var tags sync.Map // weak.Pointer[Node] -> string

// Tag returns the explicit tag when one was written (for example
// "!!str"), otherwise "". The tag belongs to the node Parse made: a copy
// of the Node value has none.
func (n *Node) Tag() string {
	if !n.tagged {
		return ""
	}
	if t, ok := tags.Load(weak.Make(n)); ok {
		return t.(string)
	}
	return ""
}

// setTag gives n the tag t.
func (n *Node) setTag(t string) {
	k := weak.Make(n)
	tags.Store(k, t)
	n.tagged = true
	runtime.AddCleanup(n, func(k weak.Pointer[Node]) { tags.Delete(k) }, k)
}

// IsNull reports whether the node is a null scalar (~, null, or nothing).
func (n *Node) IsNull() bool {
	if n == nil {
		return true
	}
	if n.Kind != Scalar {
		return false
	}
	switch n.Tag() {
	case "!!str":
		return false
	case "!!null":
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
