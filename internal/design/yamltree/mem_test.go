package yamltree

import (
	"os"
	"runtime"
	"testing"
	"unsafe"
)

// TestLiveHeap reports the live heap after parsing the file named by
// $YAMLTREE_MEMFILE (for example the benchgen workload: go run
// ./tools/benchgen -n 10000 -o /tmp/ours-10000.designdoc.yaml). It is a
// measuring tool, skipped unless the variable is set:
//
//	YAMLTREE_MEMFILE=/tmp/ours-10000.designdoc.yaml go test -run LiveHeap -v ./internal/design/yamltree
func TestLiveHeap(t *testing.T) {
	path := os.Getenv("YAMLTREE_MEMFILE")
	if path == "" {
		t.Skip("set YAMLTREE_MEMFILE to measure")
	}
	for _, tc := range []struct {
		name  string
		parse func([]byte) (*Node, error)
	}{
		{"Parse", Parse},
		{"ParseOwned", ParseOwned},
	} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		base := liveHeap()
		root, err := tc.parse(data)
		if err != nil {
			t.Fatal(err)
		}
		after := liveHeap()
		nodes := countNodes(root, map[*Node]bool{})
		t.Logf("%s: input %.1f MiB, %d nodes of %d bytes, live heap after parse %.1f MiB (%.1f MiB more than the input alone)",
			tc.name, mib(len(data)), nodes, unsafe.Sizeof(Node{}), mib(int(after)), mib(int(after-base)))
		runtime.KeepAlive(data)
		runtime.KeepAlive(root)
	}
}

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func mib(n int) float64 { return float64(n) / (1 << 20) }

func countNodes(n *Node, seen map[*Node]bool) int {
	if n == nil || seen[n] {
		return 0
	}
	seen[n] = true
	c := 1
	for _, k := range n.Content {
		c += countNodes(k, seen)
	}
	return c
}

// TestParseOwnedSharesInput checks that ParseOwned builds the tree Parse
// builds, with strings that point into the input instead of a copy.
func TestParseOwnedSharesInput(t *testing.T) {
	for _, in := range []string{genAnswers(3), "a: &x 1\nb: *x\n", "[a, b]\n", ""} {
		data := []byte(in)
		owned, err := ParseOwned(data)
		if err != nil {
			t.Fatal(err)
		}
		copied, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if dump(owned) != dump(copied) {
			t.Errorf("ParseOwned(%q) and Parse differ:\n%s\n%s", in, dump(owned), dump(copied))
		}
	}
	data := []byte("key: value\n")
	n, err := ParseOwned(data)
	if err != nil {
		t.Fatal(err)
	}
	if v := n.Content[1].Value; unsafe.StringData(v) != &data[5] {
		t.Errorf("ParseOwned copied the value %q", v)
	}
	if _, err := ParseOwned([]byte("a: [1,\n")); err == nil {
		t.Error("ParseOwned accepted an unclosed flow sequence")
	}
}

// TestParseKeepsNoInput checks that the trees of Parse and ParseJSON do
// not change when their input does.
func TestParseKeepsNoInput(t *testing.T) {
	for _, tc := range []struct {
		parse func([]byte) (*Node, error)
		in    string
	}{
		{Parse, genAnswers(2)},
		{Parse, "a: \"x\\ty\"\nb: |\n  text\nc: [d, 'e']\n"},
		{Parse, "a: &x 1\nb: *x\n"},
		{ParseJSON, `{"a": ["b", 1, true, "c\u00e9"], "d": {"e": null}}`},
	} {
		data := []byte(tc.in)
		n, err := tc.parse(data)
		if err != nil {
			t.Fatal(err)
		}
		before := dump(n)
		for i := range data {
			data[i] = 'X'
		}
		if after := dump(n); after != before {
			t.Errorf("the tree of %q changed with its input:\n%s\n%s", tc.in, before, after)
		}
	}
}
