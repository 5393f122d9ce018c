package yamltree

import "unsafe"

// Most strings of an answers file repeat: keys ("name", "type",
// "description") and many values ("string", "uuid", "GET"). At 10 000
// entities the tree holds 6.8 MB of strings but only 1.5 MB of distinct
// ones. Parse therefore reads its input in place and gives the tree
// copies of the strings, each distinct short string once, carved from
// large chunks; the input is not referenced afterwards and can be freed.
// ParseOwned skips the copies (the strings point into its input).

const (
	// maxInterned is the longest string looked up for sharing; longer ones
	// (descriptions, mostly) are rarely repeated and are only copied.
	maxInterned = 64
	// stringChunk is the size of the chunks strings are copied into.
	stringChunk = 64 << 10
)

// interner copies strings out of the input, sharing equal short ones.
type interner struct {
	seen map[string]string
	buf  []byte // the current chunk; copies are appended to it
}

// newInterner returns an interner for an input of size bytes.
func newInterner(size int) *interner {
	// Answers files have a distinct short string every few hundred bytes;
	// sizing the map for that saves growing it step by step.
	return &interner{seen: make(map[string]string, min(size/256, 1<<20))}
}

// str returns a copy of s that does not share memory with the input.
func (in *interner) str(s string) string {
	if len(s) == 0 {
		return ""
	}
	if len(s) > maxInterned {
		return in.copy(s)
	}
	if c, ok := in.seen[s]; ok {
		return c
	}
	c := in.copy(s)
	in.seen[c] = c
	return c
}

// bytes is str for a value built in b (which is not kept).
func (in *interner) bytes(b []byte) string {
	// The lookups in str do not keep their argument.
	return in.str(unsafe.String(unsafe.SliceData(b), len(b)))
}

// copy copies s into the current chunk, or into its own allocation when
// it is large.
func (in *interner) copy(s string) string {
	if len(s) > cap(in.buf)-len(in.buf) {
		if len(s) > stringChunk/4 {
			b := make([]byte, len(s))
			copy(b, s)
			return unsafe.String(&b[0], len(b))
		}
		in.buf = make([]byte, 0, stringChunk)
	}
	off := len(in.buf)
	in.buf = append(in.buf, s...)
	return unsafe.String(&in.buf[off], len(s))
}
