package check

import (
	"strings"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// IsMarkdown reports whether a file given to check is a doc rather than
// an answers file: by its name.
func IsMarkdown(name string) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".md") || strings.HasSuffix(lower, ".markdown")
}

// RunMarkdown lints the structure of a design doc's Markdown, for a doc
// given without its answers file.
func RunMarkdown(data []byte, file string, opts Options) []Finding {
	m := &mdRun{file: file}
	m.parse(string(data))
	for _, rule := range registry {
		if rule.markdown != nil && opts.enabled(rule.ID) {
			m.rule = rule
			rule.markdown(m)
		}
	}
	sortFindings(m.findings)
	return m.findings
}

// mdLine is one line of a doc, with what the parse learnt of it.
type mdLine struct {
	text    string
	n       int  // 1-based
	inFence bool // inside a fenced code block (fence lines included)
}

type heading struct {
	level int
	text  string
	line  int
}

type fence struct {
	info       string
	open, shut int // line numbers; shut is 0 for a fence never closed
	empty      bool
}

type mdRun struct {
	file     string
	lines    []mdLine
	headings []heading
	fences   []fence
	rule     Rule
	findings []Finding
}

var (
	atxHeading = lazyre.New(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$`)
	fenceOpen  = lazyre.New("^ {0,3}(`{3,}|~{3,})[ \t]*([^ \t`]*)")
)

func (m *mdRun) parse(doc string) {
	raw := strings.Split(strings.ReplaceAll(doc, "\r\n", "\n"), "\n")
	if len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	start := 0
	if len(raw) > 0 && strings.TrimSpace(raw[0]) == "---" { // YAML front matter
		for i := 1; i < len(raw); i++ {
			if t := strings.TrimSpace(raw[i]); t == "---" || t == "..." {
				start = i + 1
				break
			}
		}
	}
	var open *fence
	var marker string
	for i := start; i < len(raw); i++ {
		l := mdLine{text: raw[i], n: i + 1}
		if open != nil {
			l.inFence = true
			t := strings.TrimSpace(l.text)
			if strings.HasPrefix(t, marker) && strings.Trim(t, marker[:1]) == "" {
				open.shut = l.n
				m.fences = append(m.fences, *open)
				open = nil
			} else if t != "" {
				open.empty = false
			}
			m.lines = append(m.lines, l)
			continue
		}
		if f := fenceOpen.FindStringSubmatch(l.text); f != nil {
			open = &fence{info: strings.ToLower(f[2]), open: l.n, empty: true}
			marker = f[1]
			l.inFence = true
			m.lines = append(m.lines, l)
			continue
		}
		if h := atxHeading.FindStringSubmatch(l.text); h != nil {
			text := strings.TrimSpace(strings.TrimRight(h[2], "#"))
			if strings.HasSuffix(h[2], "#") && !strings.HasSuffix(h[2], " #") && strings.TrimRight(h[2], "#") != "" {
				text = strings.TrimSpace(h[2]) // a closing sequence needs a space before it
			}
			m.headings = append(m.headings, heading{level: len(h[1]), text: text, line: l.n})
		}
		m.lines = append(m.lines, l)
	}
	if open != nil {
		m.fences = append(m.fences, *open)
	}
}

func (m *mdRun) report(line int, hint, format string, args ...any) {
	if m.rule.Topic != "" {
		hint += "; more in designdoc guide " + m.rule.Topic
	}
	r := &run{file: m.file}
	r.reportAs(m.rule.ID, m.rule.Severity, posAt(line), hint, format, args...)
	m.findings = append(m.findings, r.findings...)
}

// --- DD101

// phases are the sections a design doc needs, each with the heading
// words that count as it.
var phases = []struct {
	name, heading string
	re            *lazyre.Regexp
}{
	{"requirements", "Requirements", re(`requirement|\bgoals\b`)},
	{"core entities (or data model)", "Core entities", re(`entit|data model|domain model|\bschema\b`)},
	{"API", "API", re(`\bapis?\b|interface|endpoints`)},
	{"high-level design (or architecture)", "High-level design", re(`high[- ]level design|architecture|design overview|detailed design|proposal|proposed design|\bcomponents\b`)},
}

func missingPhases(m *mdRun) {
	for _, p := range phases {
		found := false
		for _, h := range m.headings {
			if h.level >= 2 && p.re.MatchString(h.text) {
				found = true
				break
			}
		}
		if !found {
			m.report(0, "add a section for it (## "+p.heading+"), or check the doc's answers file with designdoc check ANSWERS",
				"the doc has no %s section", p.name)
		}
	}
}

// --- DD102

func emptyHeadings(m *mdRun) {
	for i, h := range m.headings {
		if h.text == "" {
			m.report(h.line, "write the heading's text, or remove it", "a level-%d heading has no text", h.level)
			continue
		}
		end := len(m.lines) + 1
		if i+1 < len(m.headings) {
			next := m.headings[i+1]
			if next.level > h.level {
				continue // its subsections are its content
			}
			end = next.line
		}
		if !m.hasContent(h.line+1, end) {
			m.report(h.line, "write the section, or remove the heading", "section %q is empty", h.text)
		}
	}
}

// hasContent reports a non-blank line in [from, to).
func (m *mdRun) hasContent(from, to int) bool {
	for _, l := range m.lines {
		if l.n >= from && l.n < to && strings.TrimSpace(l.text) != "" {
			return true
		}
	}
	return false
}

// --- DD103

var delimiterRow = lazyre.New(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

func raggedTables(m *mdRun) {
	for i := 0; i+1 < len(m.lines); i++ {
		head, delim := m.lines[i], m.lines[i+1]
		if head.inFence || delim.inFence || !strings.Contains(head.text, "|") ||
			!strings.Contains(delim.text, "-") || !delimiterRow.MatchString(delim.text) ||
			!strings.Contains(delim.text, "|") && cells(head.text) < 2 {
			continue
		}
		want := cells(head.text)
		if got := cells(delim.text); got != want {
			m.report(delim.n, "give the delimiter row one --- per header cell", "the table's delimiter row has %d cells, its header %d", got, want)
		}
		j := i + 2
		for ; j < len(m.lines); j++ {
			row := m.lines[j]
			if row.inFence || strings.TrimSpace(row.text) == "" || !strings.Contains(row.text, "|") {
				break
			}
			if got := cells(row.text); got != want {
				m.report(row.n, `give the row one cell per column; write a | inside a cell as \|`, "table row has %d cells, the header %d", got, want)
			}
		}
		i = j - 1
	}
}

// cells counts the cells of a table row: unescaped pipes, less the
// optional ones at either end.
func cells(row string) int {
	t := strings.TrimSpace(row)
	n := 1
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	if strings.HasPrefix(t, "|") {
		n--
	}
	if len(t) > 1 && strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
		n--
	}
	return n
}

// --- DD104

func emptyMermaid(m *mdRun) {
	for _, f := range m.fences {
		if f.info == "mermaid" && f.empty {
			m.report(f.open, "draw the diagram inside the fence, or remove the fence", "the Mermaid diagram is empty")
		}
	}
}

// --- DD105

var comment = lazyre.New(`(?s)<!--(.*?)-->`)

// toolComments are comments that are not guidance: designdoc's footer
// and kept-block markers, linters' directives.
var toolComments = re(`^\s*(generated by designdoc|/?designdoc:|markdownlint|prettier-ignore|vale )`)

func guidanceComments(m *mdRun) {
	// Comments are found in the text outside fences, with the line of
	// each one's start.
	var b strings.Builder
	var lineOf []int // byte offset in b → line number, by line start
	for _, l := range m.lines {
		if l.inFence {
			continue
		}
		lineOf = append(lineOf, b.Len(), l.n)
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	text := b.String()
	for _, loc := range comment.FindAllStringSubmatchIndex(text, -1) {
		body := text[loc[2]:loc[3]]
		if toolComments.MatchString(body) {
			continue
		}
		line := 0
		for k := 0; k+1 < len(lineOf); k += 2 {
			if lineOf[k] <= loc[0] {
				line = lineOf[k+1]
			}
		}
		where := ""
		for _, h := range m.headings {
			if h.line < line {
				where = " under " + quote(h.text)
			}
		}
		m.report(line, "write what the comment asks for, or delete the comment and the section",
			"guidance comment left%s: %s", where, quote(body))
	}
}
