package render

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// Kept blocks are hand-written text a doc carries from one render to the
// next:
//
//	<!-- designdoc:keep rollout -->
//	Anything written here survives re-rendering.
//	<!-- /designdoc:keep rollout -->
//
// A block goes back where it was: into the block of the same name when the
// new render has one (templates declare such anchors as empty blocks), else
// under the heading it was under, first in the section when it came first,
// otherwise at the section's end. A block whose place is gone goes to a
// final "Kept notes" section; none is ever dropped. Markers inside fenced
// code are text, and answers can never produce a marker line (HTML is
// escaped, comments lose their "--").

// KeptNotesHeading is the heading of the section for kept blocks whose
// place in the doc is gone.
const KeptNotesHeading = "Kept notes"

// KeptBlock is one kept block of a doc.
type KeptBlock struct {
	Name string
	Body []byte // the lines between the markers, byte for byte
	// Heading is the heading line the block was under ("## Rollout"),
	// "" before the first heading.
	Heading string
	// Lead is set when only blank lines and other kept blocks separate
	// the block from its heading.
	Lead bool
	Line int // line of the opening marker
}

// Empty reports whether the block holds nothing but white space, as a
// template's anchor does.
func (k KeptBlock) Empty() bool { return len(bytes.TrimSpace(k.Body)) == 0 }

// KeptError is a kept block's markers not pairing up.
type KeptError struct {
	Line int
	Msg  string
}

func (e *KeptError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// hasMarker reports whether doc may hold a kept block's marker: every
// one has this text, and a doc without it (most are) needs no scan.
func hasMarker(doc []byte) bool { return bytes.Contains(doc, []byte("designdoc:keep")) }

var keptMarker = lazyre.New(`^<!--\s*(/?)designdoc:keep\s+(\S+)\s*-->$`)

// Marker lines, as designdoc writes them.
func openMarker(name string) string  { return "<!-- designdoc:keep " + name + " -->\n" }
func closeMarker(name string) string { return "<!-- /designdoc:keep " + name + " -->\n" }

// docLine is one line of a doc, classified outside fenced code.
type docLine struct {
	text    []byte // with its newline
	marker  string // kept block name, when the line is a marker
	closing bool   // the marker ends a block
	heading bool   // an ATX heading outside fenced code
}

func (l docLine) blank() bool { return len(bytes.TrimSpace(l.text)) == 0 }

// scanDoc splits doc into lines and finds markers and headings outside
// fenced code.
func scanDoc(doc []byte) []docLine {
	lines := make([]docLine, 0, bytes.Count(doc, []byte("\n"))+1)
	var fence string
	for len(doc) > 0 {
		text := doc
		if i := bytes.IndexByte(doc, '\n'); i >= 0 {
			text, doc = doc[:i+1], doc[i+1:]
		} else {
			doc = nil
		}
		l := docLine{text: text}
		b := bytes.TrimLeft(bytes.TrimRight(text, " \t\r\n"), " ")
		// Only a line that starts with a fence, heading or marker
		// character can be one: the rest, most of a doc, need no string.
		if len(b) == 0 || !strings.ContainsRune("`~#<", rune(b[0])) && (fence == "" || b[0] != fence[0]) {
			lines = append(lines, l)
			continue
		}
		s := strings.TrimRight(string(text), " \t\r\n")
		trimmed := strings.TrimLeft(s, " ")
		indent := len(s) - len(trimmed)
		switch {
		case fence != "":
			if closesFence(trimmed, fence) {
				fence = ""
			}
		case indent <= 3 && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:runOf(trimmed, trimmed[0])]
		case indent <= 3 && isATXHeading(trimmed):
			l.heading = true
		default:
			if m := keptMarker.FindStringSubmatch(trimmed); m != nil && indent <= 3 {
				l.marker, l.closing = m[2], m[1] == "/"
			}
		}
		lines = append(lines, l)
	}
	return lines
}

// headingKey is how a heading line is matched across renders.
func headingKey(l docLine) string { return strings.TrimSpace(string(l.text)) }

// span is a kept block's place in a scanned doc: lines open..close.
type span struct {
	block       KeptBlock
	open, close int
}

// ParseKept finds the kept blocks of doc, in order. Markers that do not
// pair up (a block never closed, closed under another name, or opened
// inside another) are a *KeptError naming the line.
func ParseKept(doc []byte) ([]KeptBlock, error) {
	if !hasMarker(doc) {
		return nil, nil
	}
	spans, err := keptSpans(scanDoc(doc))
	if err != nil {
		return nil, err
	}
	out := make([]KeptBlock, len(spans))
	for i, s := range spans {
		out[i] = s.block
	}
	return out, nil
}

func keptSpans(lines []docLine) ([]span, error) {
	var spans []span
	heading, lead := "", false
	open := -1
	for i, l := range lines {
		if open >= 0 {
			name := lines[open].marker
			switch {
			case l.marker != "" && !l.closing:
				return nil, &KeptError{Line: i + 1, Msg: fmt.Sprintf("kept block %q opens inside kept block %q (line %d); blocks do not nest", l.marker, name, open+1)}
			case l.marker != "" && l.marker != name:
				return nil, &KeptError{Line: i + 1, Msg: fmt.Sprintf("<!-- /designdoc:keep %s --> closes kept block %q, opened at line %d", l.marker, name, open+1)}
			case l.marker != "":
				var body []byte
				for _, b := range lines[open+1 : i] {
					body = append(body, b.text...)
				}
				spans = append(spans, span{block: KeptBlock{Name: name, Body: body, Heading: heading, Lead: lead, Line: open + 1}, open: open, close: i})
				open = -1
			}
			continue
		}
		switch {
		case l.marker != "" && l.closing:
			return nil, &KeptError{Line: i + 1, Msg: fmt.Sprintf("<!-- /designdoc:keep %s --> closes no kept block", l.marker)}
		case l.marker != "":
			open = i
		case l.heading:
			heading, lead = headingKey(l), true
		case !l.blank():
			lead = false
		}
	}
	if open >= 0 {
		name := lines[open].marker
		return nil, &KeptError{Line: open + 1, Msg: fmt.Sprintf("kept block %q is never closed: end it with <!-- /designdoc:keep %s -->", name, name)}
	}
	return spans, nil
}

// KeptMerge reports where MergeKept put the blocks it carried.
type KeptMerge struct {
	Kept     int // blocks put back in their place
	Orphaned int // blocks moved to the Kept notes section
}

// MergeKept carries blocks (from the doc a render replaces) into fresh,
// the new render, and returns the doc to write. Blocks with nothing in
// them are not carried: a template's anchors come back empty anyway.
func MergeKept(fresh []byte, blocks []KeptBlock) ([]byte, KeptMerge) {
	var res KeptMerge
	var carry []KeptBlock
	for _, b := range blocks {
		if !b.Empty() {
			carry = append(carry, b)
		}
	}
	if len(carry) == 0 {
		return fresh, res
	}
	lines := scanDoc(fresh)
	anchors, err := keptSpans(lines)
	if err != nil {
		// A template whose own markers do not pair up gets no anchors;
		// every block still finds a heading or the Kept notes.
		anchors = nil
	}

	// fill[i]: the body for the anchor opening at line i.
	fill := map[int][]byte{}
	used := make([]bool, len(carry))
	for _, a := range anchors {
		for j, b := range carry {
			if !used[j] && b.Name == a.block.Name {
				fill[a.open], used[j] = b.Body, true
				break
			}
		}
	}
	// before[i]: blocks to insert before line i (len(lines): at the end).
	before := map[int][]KeptBlock{}
	headings := map[string]int{}
	for i, l := range lines {
		if _, seen := headings[headingKey(l)]; l.heading && !seen {
			headings[headingKey(l)] = i
		}
	}
	var orphans []KeptBlock
	for j, b := range carry {
		if used[j] {
			continue
		}
		h, ok := headings[b.Heading]
		if b.Heading == "" || !ok {
			orphans = append(orphans, b)
			continue
		}
		at := h + 1
		if !b.Lead {
			for at < len(lines) && !lines[at].heading {
				at++
			}
		}
		before[at] = append(before[at], b)
	}
	res.Kept = len(carry) - len(orphans)
	res.Orphaned = len(orphans)

	var out bytes.Buffer
	out.Grow(len(fresh) + 256)
	skipTo := -1 // inside an anchor being filled: skip to its close
	for i := 0; i <= len(lines); i++ {
		if bs := before[i]; len(bs) > 0 {
			for _, b := range bs {
				writeKept(&out, b)
			}
			if i < len(lines) && !lines[i].blank() {
				out.WriteByte('\n')
			}
		}
		if i == len(lines) {
			break
		}
		if skipTo >= 0 {
			if lines[i].marker != "" && lines[i].closing {
				skipTo = -1
				out.Write(lines[i].text)
			}
			continue
		}
		out.Write(lines[i].text)
		if body, ok := fill[i]; ok {
			out.Write(body)
			skipTo = i
		}
	}
	if len(orphans) > 0 {
		out.WriteString(keptNotes)
		for _, b := range orphans {
			writeKept(&out, b)
		}
	}
	return out.Bytes(), res
}

// keptNotes opens the section MergeKept adds for blocks without a place.
const keptNotes = "\n## " + KeptNotesHeading + "\n\n" +
	"<!-- Kept blocks whose place is gone from the doc: move each where it belongs, or delete it. -->\n"

// writeKept appends block b to out with a blank line before it.
func writeKept(out *bytes.Buffer, b KeptBlock) {
	if s := out.Bytes(); len(s) > 0 && !bytes.HasSuffix(s, []byte("\n\n")) {
		if !bytes.HasSuffix(s, []byte("\n")) {
			out.WriteByte('\n')
		}
		out.WriteByte('\n')
	}
	out.WriteString(openMarker(b.Name))
	out.Write(b.Body)
	if len(b.Body) > 0 && !bytes.HasSuffix(b.Body, []byte("\n")) {
		out.WriteByte('\n')
	}
	out.WriteString(closeMarker(b.Name))
}

// WithoutKept is doc with every kept block taken out, markers and all,
// and the blank line that separated it, and without the Kept notes
// section MergeKept adds at the end: what is left is what the template
// generated. A doc whose markers do not pair up is returned as it is.
func WithoutKept(doc []byte) []byte {
	if !hasMarker(doc) {
		return withoutKeptNotes(doc)
	}
	lines := scanDoc(doc)
	spans, err := keptSpans(lines)
	if err != nil {
		return doc
	}
	if len(spans) == 0 {
		return withoutKeptNotes(doc)
	}
	out := make([]byte, 0, len(doc))
	lastBlank := func() bool { return len(out) == 0 || bytes.HasSuffix(out, []byte("\n\n")) }
	next, afterBlock := 0, false
	for i, l := range lines {
		if next < len(spans) && i >= spans[next].open {
			if i == spans[next].close {
				next++
				afterBlock = true
			}
			continue
		}
		if afterBlock && l.blank() && lastBlank() {
			continue
		}
		afterBlock = false
		out = append(out, l.text...)
	}
	if afterBlock {
		// The doc ended in kept blocks: drop the blank line before them.
		for bytes.HasSuffix(out, []byte("\n\n")) {
			out = out[:len(out)-1]
		}
	}
	return withoutKeptNotes(out)
}

// withoutKeptNotes drops the Kept notes section's heading and comment from
// the end of doc, so that emptying or deleting the section is no hand edit.
func withoutKeptNotes(doc []byte) []byte {
	if bytes.HasSuffix(doc, []byte("\n"+keptNotes)) {
		return doc[:len(doc)-len(keptNotes)]
	}
	return doc
}
