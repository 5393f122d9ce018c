package yamltree

// Large documents have hundreds of thousands of nodes; allocating each Node
// and each Content slice separately dominates parse time and GC work. The
// hand-written parsers carve them from chunks instead. A chunk stays alive
// as long as any node in it does, which is fine: the tree is used as a
// whole and dropped as a whole.

const (
	minChunk = 64
	maxChunk = 8192
)

// arena hands out Nodes and Content slices from growing chunks.
type arena struct {
	nodes    []Node
	ptrs     []*Node
	nodeSize int
	ptrSize  int
}

// node returns a zeroed Node.
func (a *arena) node() *Node {
	if len(a.nodes) == 0 {
		a.nodeSize = growChunk(a.nodeSize)
		a.nodes = make([]Node, a.nodeSize)
	}
	n := &a.nodes[0]
	a.nodes = a.nodes[1:]
	return n
}

// content returns a copy of kids in a slice with no spare capacity, so an
// append by a caller can never overwrite a neighbour's Content.
func (a *arena) content(kids []*Node) []*Node {
	k := len(kids)
	if k == 0 {
		return nil
	}
	if k > maxChunk/4 {
		return append([]*Node(nil), kids...)
	}
	if len(a.ptrs) < k {
		a.ptrSize = growChunk(a.ptrSize)
		a.ptrs = make([]*Node, max(a.ptrSize, k))
	}
	s := a.ptrs[:k:k]
	a.ptrs = a.ptrs[k:]
	copy(s, kids)
	return s
}

// growChunk doubles chunk sizes so tiny documents stay tiny and large ones
// make few allocations.
func growChunk(prev int) int {
	if prev < minChunk {
		return minChunk
	}
	return min(prev*2, maxChunk)
}
