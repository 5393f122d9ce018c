package yamltree

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unsafe"

	"gopkg.in/yaml.v3"
)

// MaxDepth is the deepest nesting of collections Parse and ParseJSON accept.
// The loader and renderer walk the tree recursively, so a bound keeps a
// hostile file from exhausting the stack; real answers files nest a handful
// of levels.
const MaxDepth = 100

// minExpandedNodes is the floor of the expanded-size budget: documents
// without aliases never come near it, and it is small enough that walking a
// tree of that size stays cheap.
const minExpandedNodes = 1_000_000

// expandedBudget is how many nodes a document of size bytes may have once
// every alias is counted as a full copy of its anchored subtree. A document
// without aliases has fewer nodes than bytes, so adding the size guarantees
// that only alias expansion ("billion laughs") can exhaust the budget.
func expandedBudget(size int) int {
	return minExpandedNodes + size
}

// Parse parses one YAML document into a tree of positioned nodes.
//
// It returns (nil, nil) for a document with no content (empty input, or
// only whitespace and comments). Every error is a *SyntaxError that carries
// the 1-based line and column of the mistake; its message has no position
// prefix, so the caller can add its own file:line:col.
//
// Aliases are resolved by sharing the anchored subtree. Documents deeper
// than MaxDepth, documents whose alias expansion exceeds a size budget, and
// streams of more than one document are rejected.
//
// The tree does not refer to data: Parse copies the strings it keeps (see
// interner), so data may be modified or freed afterwards. ParseOwned saves
// the copies.
func Parse(data []byte) (*Node, error) {
	return parse(unsafe.String(unsafe.SliceData(data), len(data)), newInterner(len(data)))
}

// ParseOwned is Parse without copies: the strings in the tree point into
// data. data must not be modified afterwards, for as long as the tree (or
// any string taken from it) is in use, and stays in memory as long as any
// of them does. It is the fastest way to parse; Parse, which keeps only
// the distinct strings of data, leaves less memory in use when the caller
// drops data.
func ParseOwned(data []byte) (*Node, error) {
	return parse(unsafe.String(unsafe.SliceData(data), len(data)), nil)
}

// parse parses src, which may share memory with the caller's input; strs
// copies the tree's strings out of it, or is nil.
func parse(src string, strs *interner) (*Node, error) {
	n, ok, ferr := parseFast(src, strs)
	if ok {
		return n, nil
	}
	// yaml.v3 makes its own strings, and errors keep none of src.
	return parseSlow(src, ferr)
}

// parseSlow parses src with gopkg.in/yaml.v3 and converts its tree. It is
// the reference behaviour: it accepts exactly what yaml.v3 accepts (minus
// the depth, alias and multi-document bounds) and reports yaml.v3's error
// messages at the position of the mistake. fe is the mistake the fast
// parser found, if any (see locateV3Error).
func parseSlow(src string, fe *fastError) (root *Node, err error) {
	doc, err := decodeV3(src, fe)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, nil
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil, nil
		}
		doc = doc.Content[0]
	}
	c := converter{budget: expandedBudget(len(src))}
	return c.convert(doc, 1)
}

// decodeV3 runs yaml.v3 over src and returns its document node, or nil
// when the stream holds no document. A second document is an error at its
// start. yaml.v3's errors are turned into *SyntaxError at the position of
// the mistake (see locateV3Error).
func decodeV3(src string, fe *fastError) (doc *yaml.Node, err error) {
	defer func() {
		// Last line of defence: yaml.v3 panics with non-yaml errors on a few
		// malformed inputs; a syntax error is more useful than a crash.
		if r := recover(); r != nil {
			doc = nil
			err = locateV3Error(src, fmt.Sprint(r), fe)
		}
	}()
	dec := yaml.NewDecoder(strings.NewReader(src))
	var first yaml.Node
	if err := dec.Decode(&first); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, locateV3Error(src, err.Error(), fe)
	}
	var second yaml.Node
	switch err := dec.Decode(&second); {
	case errors.Is(err, io.EOF):
	case err != nil:
		// The first document is fine and what follows is not. If a
		// document marker comes before the mistake, the marker is the
		// first thing wrong.
		se := locateV3Error(src, err.Error(), fe)
		after := first.Line
		if len(first.Content) > 0 {
			after = first.Content[0].Line
		}
		if m := documentMarkerAfter(textOf(src), after); m > 0 && m <= se.Line {
			return nil, extraDocumentError(m, 1)
		}
		return nil, se
	default:
		return nil, extraDocumentError(second.Line, second.Column)
	}
	return &first, nil
}

// converter turns a yaml.v3 tree into ours, enforcing MaxDepth and the
// expanded-size budget as it goes.
type converter struct {
	budget int // nodes left, counting every alias as a copy of its target
	// anchors maps an anchored yaml.v3 node to its conversion; aliases
	// share it.
	anchors map[*yaml.Node]*anchored
}

type anchored struct {
	node   *Node
	done   bool // false while its own subtree is being converted
	size   int  // expanded node count of the subtree
	height int  // nesting levels of collections in the subtree
}

func (c *converter) convert(y *yaml.Node, depth int) (*Node, error) {
	n, _, err := c.node(y, depth)
	return n, err
}

// node converts y found at nesting level depth (the root collection is
// level 1) and returns the node and the collection height of its subtree.
func (c *converter) node(y *yaml.Node, depth int) (*Node, int, error) {
	if y.Kind == yaml.AliasNode {
		return c.alias(y, depth)
	}
	c.budget--
	if c.budget < 0 {
		return nil, 0, &SyntaxError{Line: y.Line, Column: y.Column, Msg: "document is too large once aliases are expanded"}
	}
	n := &Node{Line: y.Line, Column: y.Column}
	if y.Style&yaml.TaggedStyle != 0 {
		n.setTag(y.Tag)
	}
	var a *anchored
	if y.Anchor != "" {
		if c.anchors == nil {
			c.anchors = make(map[*yaml.Node]*anchored)
		}
		a = &anchored{node: n, size: c.budget + 1}
		c.anchors[y] = a
	}
	height := 0
	switch y.Kind {
	case yaml.ScalarNode:
		n.Kind = Scalar
		n.Value = y.Value
		n.Plain = y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0
	case yaml.MappingNode, yaml.SequenceNode:
		n.Kind = Mapping
		if y.Kind == yaml.SequenceNode {
			n.Kind = Sequence
		}
		if depth > MaxDepth {
			return nil, 0, depthError(y.Line, y.Column)
		}
		n.Flow = y.Style&yaml.FlowStyle != 0
		if len(y.Content) > 0 {
			n.Content = make([]*Node, len(y.Content))
		}
		for i, yc := range y.Content {
			child, h, err := c.node(yc, depth+1)
			if err != nil {
				return nil, 0, err
			}
			n.Content[i] = child
			height = max(height, h)
		}
		height++
	default:
		return nil, 0, &SyntaxError{Line: max(y.Line, 1), Column: max(y.Column, 1), Msg: fmt.Sprintf("unexpected YAML node kind %d", y.Kind)}
	}
	if a != nil {
		a.done = true
		a.size -= c.budget
		a.height = height
	}
	return n, height, nil
}

// alias resolves an alias to its anchored node, charging the budget for a
// full copy of the subtree: the loader walks shared subtrees once per
// reference.
func (c *converter) alias(y *yaml.Node, depth int) (*Node, int, error) {
	a := c.anchors[y.Alias]
	if a == nil {
		// yaml.v3 only produces aliases to nodes it parsed earlier, which
		// this pre-order walk has converted already.
		return nil, 0, &SyntaxError{Line: y.Line, Column: y.Column, Msg: fmt.Sprintf("unknown anchor '%s' referenced", y.Value)}
	}
	if !a.done {
		return nil, 0, &SyntaxError{Line: y.Line, Column: y.Column, Msg: fmt.Sprintf("anchor '%s' value contains itself", y.Value)}
	}
	if a.height > 0 && depth+a.height-1 > MaxDepth {
		return nil, 0, &SyntaxError{Line: y.Line, Column: y.Column, Msg: fmt.Sprintf("alias '%s' nests collections deeper than %d levels", y.Value, MaxDepth)}
	}
	c.budget -= a.size
	if c.budget < 0 {
		return nil, 0, &SyntaxError{Line: y.Line, Column: y.Column, Msg: fmt.Sprintf("document is too large once aliases are expanded (alias '%s')", y.Value)}
	}
	return a.node, a.height, nil
}

func depthError(line, col int) *SyntaxError {
	return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf("collections nested deeper than %d levels", MaxDepth)}
}
