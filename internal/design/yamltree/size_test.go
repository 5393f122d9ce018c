package yamltree

import (
	"runtime"
	"testing"
	"time"
	"unsafe"
)

// TestNodeSize guards the Node layout: large documents have close to a
// million nodes.
func TestNodeSize(t *testing.T) {
	if s := unsafe.Sizeof(Node{}); s > 64 {
		t.Errorf("Node is %d bytes, want at most 64", s)
	}
}

// TestTagsAreKept checks that tags survive being kept aside, and go with
// their nodes.
func TestTagsAreKept(t *testing.T) {
	n, err := Parse([]byte("a: !!str 1\nb: !!null x\nc: !custom [1]\nd: 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"", "!!str", "", "!!null", "", "!custom", "", ""} {
		if got := n.Content[i].Tag(); got != want {
			t.Errorf("node %d (%q): tag %q, want %q", i, n.Content[i].Value, got, want)
		}
	}
	if n.Content[1].IsNull() || !n.Content[3].IsNull() {
		t.Error("IsNull ignores the tags")
	}
	n = nil
	for range 100 {
		runtime.GC()
		count := 0
		tags.Range(func(_, _ any) bool { count++; return true })
		if count == 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Error("the tags of collected nodes are still kept")
}
