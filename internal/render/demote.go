package render

import "strings"

// Demote moves every ATX heading in md one level down (## becomes ###),
// leaving fenced code alone, so that a section written as a top-level
// part can sit inside another: {{ include "capacity" . | demote }}.
// A level-6 heading stays at 6.
func Demote(md string) string {
	var b strings.Builder
	b.Grow(len(md) + 64)
	var fence string
	for len(md) > 0 {
		line := md
		if i := strings.IndexByte(md, '\n'); i >= 0 {
			line, md = md[:i+1], md[i+1:]
		} else {
			md = ""
		}
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		switch {
		case fence != "":
			if closesFence(trimmed, fence) {
				fence = ""
			}
		case indent <= 3 && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:runOf(trimmed, trimmed[0])]
		case indent <= 3 && isATXHeading(trimmed) && !strings.HasPrefix(trimmed, "######"):
			b.WriteString(line[:indent])
			b.WriteByte('#')
			b.WriteString(trimmed)
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// isATXHeading reports whether line (without its indent) is an ATX
// heading: one to six #s, then a space or the end of the line.
func isATXHeading(line string) bool {
	n := runOf(line, '#')
	if n < 1 || n > 6 {
		return false
	}
	rest := strings.TrimRight(line[n:], "\r\n")
	return rest == "" || rest[0] == ' ' || rest[0] == '\t'
}

// closesFence reports whether line (without its indent) closes a fenced
// block opened with fence.
func closesFence(line, fence string) bool {
	return strings.HasPrefix(line, fence) && strings.TrimSpace(strings.TrimLeft(line, fence[:1])) == ""
}
