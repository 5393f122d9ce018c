package check

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
)

// passage is one piece of text of the answers, with where it was written
// and which component it belongs to, if any.
type passage struct {
	text      string
	pos       design.Pos
	where     string // the answers path, for messages
	component string // the component it describes or touches, "" for none
	other     string // the other end of a connection or step
}

// passages lists every free text of the doc with its place. Open
// questions are left out: an undecided question is not a placeholder.
func (r *run) passages() []passage {
	d := r.doc
	var out []passage
	add := func(text string, p design.Pos, where string) {
		if text != "" {
			out = append(out, passage{text: text, pos: p, where: where})
		}
	}
	add(d.Title, r.key("title"), "title")
	add(d.Summary, r.key("summary"), "summary")
	for i, fr := range d.Requirements.Functional {
		add(fr.Text, fr.Pos, design.FRID(i+1))
	}
	for i, s := range d.Requirements.OutOfScope {
		add(s, r.key("requirements"), "requirements.out_of_scope["+itoa(i)+"]")
	}
	for i, nf := range d.Requirements.NonFunctional {
		add(nf.Requirement, nf.Pos, "requirements.non_functional["+itoa(i)+"]")
	}
	for i, e := range d.Entities {
		at := "entities[" + itoa(i) + "]"
		add(e.Description, e.Pos, at+".description")
		for j, f := range e.Fields {
			add(joinNonEmpty(f.Type, f.Note), f.Pos, at+".fields["+itoa(j)+"]")
		}
		for j, rel := range e.Relations {
			add(rel.Label, rel.Pos, at+".relations["+itoa(j)+"]")
		}
	}
	for i, ep := range d.API.Endpoints {
		add(joinNonEmpty(ep.Summary, ep.Request, ep.Response, ep.Auth), ep.Pos, "api.endpoints["+itoa(i)+"]")
	}
	for i, s := range d.DataFlow {
		out = append(out, passage{text: s.Action, pos: s.Pos, where: "data_flow[" + itoa(i) + "]", component: s.From, other: s.To})
	}
	for i, c := range d.HighLevelDesign.Components {
		out = append(out, passage{text: joinNonEmpty(c.Technology, c.Responsibility), pos: c.Pos,
			where: "high_level_design.components[" + itoa(i) + "]", component: c.Name})
	}
	for i, c := range d.HighLevelDesign.Connections {
		out = append(out, passage{text: c.Label, pos: c.Pos, where: "high_level_design.connections[" + itoa(i) + "]", component: c.From, other: c.To})
	}
	add(d.HighLevelDesign.Notes, r.key("high_level_design"), "high_level_design.notes")
	for i, dd := range d.DeepDives {
		add(joinNonEmpty(dd.Title, dd.Problem, dd.Solution, dd.Tradeoffs), dd.Pos, "deep_dives["+itoa(i)+"]")
	}
	for i, e := range d.ExtraSections {
		add(e.Text, e.Pos, "extra_sections["+itoa(i)+"]")
	}
	for i, a := range d.Alternatives {
		add(joinNonEmpty(a.Title, a.WhyNot), a.Pos, "alternatives["+itoa(i)+"]")
	}
	for i := range d.OpenQuestions {
		add(d.Resolution(i), d.QuestionPosition(i), "open_questions["+itoa(i)+"].resolved")
	}
	return out
}

// about returns the text said about a component: its own technology and
// responsibility, the connections and steps that touch it, and every
// other passage that names it.
func (r *run) about(name string) string {
	var b strings.Builder
	for _, p := range r.passages() {
		if p.component == name || p.other == name || mentions(p.text, name) {
			b.WriteString(p.text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// mentions reports whether text names name, ignoring case, as a whole
// word or phrase.
func mentions(text, name string) bool {
	if name == "" {
		return false
	}
	t, n := strings.ToLower(text), strings.ToLower(name)
	for i := 0; ; {
		j := strings.Index(t[i:], n)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(n)
		if (start == 0 || !isWordByte(t[start-1])) && (end == len(t) || !isWordByte(t[end])) {
			return true
		}
		i = start + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// squash lowercases s and drops everything but letters and digits, so
// that ShortURL, short_url and short-urls compare alike.
func squash(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 127 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func joinNonEmpty(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n")
}

func itoa(i int) string { return strconv.Itoa(i) }

// re compiles a case-insensitive pattern.
func re(pattern string) *regexp.Regexp { return regexp.MustCompile(`(?i)` + pattern) }

// quote shortens text for a message.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return `"` + s + `"`
}
