package interview

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

// techDefaults are common choices per kind, offered as the default.
var techDefaults = map[string]string{
	"database":      "PostgreSQL",
	"cache":         "Redis",
	"queue":         "SQS",
	"stream":        "Kafka",
	"blob-store":    "S3",
	"search-index":  "Elasticsearch",
	"cdn":           "CloudFront",
	"gateway":       "Envoy",
	"load-balancer": "AWS ALB",
}

func isComponentStub(c design.Component) bool {
	return c.Technology == "" && c.Responsibility == "" && len(c.Serves) == 0
}

func (s *session) highLevelPhase() error {
	h := &s.doc.HighLevelDesign
	asked := map[string]bool{}
	if s.edit {
		for i := 0; i < len(h.Components); i++ {
			c := h.Components[i]
			act, err := s.itemAction(fmt.Sprintf("Component %s (%s)", c.Name, c.Kind))
			if err != nil {
				return err
			}
			asked[c.Name] = true
			switch act {
			case remove:
				s.removeComponent(i)
				i--
			case change:
				if err := s.component(i, true); err != nil {
					return err
				}
			}
		}
	}
	// Components named earlier (a store, a data-flow end) get their details.
	for i := 0; i < len(h.Components); i++ {
		c := h.Components[i]
		if asked[c.Name] || !isComponentStub(c) {
			continue
		}
		asked[c.Name] = true
		if err := s.component(i, false); err != nil {
			return err
		}
	}
	if s.asksGroup("components") {
		for {
			v, err := s.p.Input(Prompt{
				Message:  fmt.Sprintf("Component %d name (empty to finish)", len(h.Components)+1),
				Help:     knowledge.Help("high-level-design"),
				Validate: unique("a component", s.hasComponent),
			})
			if err != nil {
				return err
			}
			if v == "" {
				break
			}
			kind, err := s.pickKind(v, "")
			if err != nil {
				return err
			}
			h.Components = append(h.Components, design.Component{Name: v, Kind: kind})
			if err := s.component(len(h.Components)-1, false); err != nil {
				return err
			}
		}
	}
	if err := s.connections(); err != nil {
		return err
	}
	if s.asks(h.Notes) {
		v, err := s.p.Multiline(Prompt{
			Message: "Notes on the design: the main choices and why (optional)",
			Default: h.Notes,
			Help:    knowledge.Help("high-level-design"),
		})
		if err != nil {
			return err
		}
		h.Notes = v
	}
	return nil
}

// component asks the answers of component i; with edit, its name and kind
// too.
func (s *session) component(i int, edit bool) error {
	h := &s.doc.HighLevelDesign
	c := &h.Components[i]
	if edit {
		old := c.Name
		v, err := s.p.Input(Prompt{
			Message: "Component name",
			Default: c.Name,
			Validate: all(required("a name"), unique("a component", func(n string) bool {
				return n != old && s.hasComponent(n)
			})),
		})
		if err != nil {
			return err
		}
		s.renameComponent(old, v)
		kind, err := s.pickKind(v, c.Kind)
		if err != nil {
			return err
		}
		c.Kind = kind
	}
	if edit || c.Technology == "" {
		def := c.Technology
		if def == "" {
			def = techDefaults[c.Kind]
		}
		v, err := s.p.Input(Prompt{
			Message: fmt.Sprintf("Technology of %s (e.g. Go, PostgreSQL, Redis; optional)", c.Name),
			Default: def,
			Help:    technologyHelp(c.Kind),
		})
		if err != nil {
			return err
		}
		c.Technology = v
	}
	if edit || c.Responsibility == "" {
		v, err := s.p.Input(Prompt{
			Message: "What is " + c.Name + " responsible for? (one line)",
			Default: c.Responsibility,
			Help:    knowledge.Help("high-level-design"),
		})
		if err != nil {
			return err
		}
		c.Responsibility = v
	}
	frs := s.doc.Requirements.Functional
	if len(frs) > 0 && (edit || len(c.Serves) == 0) && c.Kind != "client" {
		options := make([]string, len(frs))
		var defaults []string
		for n, fr := range frs {
			options[n] = design.FRID(n+1) + " " + shorten(fr.Text, 60)
			if slices.Contains(c.Serves, n+1) {
				defaults = append(defaults, options[n])
			}
		}
		picked, err := s.p.MultiSelect(Choice{
			Message:  "Which functional requirements does " + c.Name + " serve?",
			Options:  options,
			Defaults: defaults,
			Help:     "The traceability table shows each requirement against the components that serve it; one served by nothing stands out.",
		})
		if err != nil {
			return err
		}
		c.Serves = c.Serves[:0]
		for _, p := range picked {
			id, _, _ := strings.Cut(p, " ")
			if n, err := strconv.Atoi(strings.TrimPrefix(id, "FR")); err == nil {
				c.Serves = append(c.Serves, n)
			}
		}
	}
	return nil
}

// technologyHelp is the guide's help for the technology behind a kind.
func technologyHelp(kind string) string {
	if h := knowledge.Help(kind); h != "" {
		return h
	}
	return knowledge.Help("high-level-design")
}

func (s *session) connections() error {
	h := &s.doc.HighLevelDesign
	if s.edit {
		for i := 0; i < len(h.Connections); i++ {
			c := h.Connections[i]
			act, err := s.itemAction(fmt.Sprintf("Connection %s → %s (%s)", c.From, c.To, c.Label))
			if err != nil {
				return err
			}
			switch act {
			case remove:
				h.Connections = slices.Delete(h.Connections, i, i+1)
				i--
			case change:
				if err := s.connection(i); err != nil {
					return err
				}
			}
		}
	}
	if !s.asksGroup("connections") {
		return nil
	}
	if implied := s.impliedConnections(); len(implied) > 0 && len(h.Connections) == 0 {
		add, err := s.p.Confirm(YesNo{
			Message: fmt.Sprintf("Add the %s the data flow implies?", plural(len(implied), "connection")),
			Default: true,
			Help:    "Each pair of components that talk in the data flow becomes an arrow, labelled with the first action between them.",
		})
		if err != nil {
			return err
		}
		if add {
			h.Connections = append(h.Connections, implied...)
		}
	}
	for {
		from, err := s.pickComponent(pick{message: fmt.Sprintf("Connection %d from (✓ done to finish)", len(h.Connections)+1), done: true,
			help: "Arrows of the architecture diagram: who calls whom, or where data goes."})
		if err != nil || from == doneOption {
			return err
		}
		to, err := s.pickComponent(pick{message: "Connection from " + from + " to", def: s.nextComponent(from)})
		if err != nil {
			return err
		}
		label, err := s.p.Input(Prompt{Message: fmt.Sprintf("Label of %s → %s (e.g. read/write, HTTPS, publish; optional)", from, to)})
		if err != nil {
			return err
		}
		h.Connections = append(h.Connections, design.Connection{From: from, To: to, Label: label})
	}
}

func (s *session) connection(i int) error {
	h := &s.doc.HighLevelDesign
	c := &h.Connections[i]
	from, err := s.pickComponent(pick{message: "From", def: c.From})
	if err != nil {
		return err
	}
	to, err := s.pickComponent(pick{message: "To", def: c.To})
	if err != nil {
		return err
	}
	label, err := s.p.Input(Prompt{Message: "Label", Default: c.Label})
	if err != nil {
		return err
	}
	h.Connections[i] = design.Connection{From: from, To: to, Label: label}
	return nil
}

// impliedConnections are the distinct from → to pairs of the data flow.
func (s *session) impliedConnections() []design.Connection {
	var out []design.Connection
	seen := map[[2]string]bool{}
	for _, st := range s.doc.DataFlow {
		k := [2]string{st.From, st.To}
		if st.From == st.To || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, design.Connection{From: st.From, To: st.To, Label: st.Action})
	}
	return out
}

// renameComponent renames a component and every answer that names it.
func (s *session) renameComponent(from, to string) {
	if from == to {
		return
	}
	d := s.doc
	for i := range d.HighLevelDesign.Components {
		if d.HighLevelDesign.Components[i].Name == from {
			d.HighLevelDesign.Components[i].Name = to
		}
	}
	for i := range d.HighLevelDesign.Connections {
		c := &d.HighLevelDesign.Connections[i]
		if c.From == from {
			c.From = to
		}
		if c.To == from {
			c.To = to
		}
	}
	for i := range d.DataFlow {
		st := &d.DataFlow[i]
		if st.From == from {
			st.From = to
		}
		if st.To == from {
			st.To = to
		}
	}
	for i := range d.Entities {
		if d.Entities[i].Store == from {
			d.Entities[i].Store = to
		}
	}
	s.touch("data_flow")
	s.touch("entities")
}

func summarizeHighLevel(d *design.Doc) string {
	h := d.HighLevelDesign
	unserved := 0
	for n := range d.Requirements.Functional {
		if !slices.ContainsFunc(h.Components, func(c design.Component) bool { return slices.Contains(c.Serves, n+1) }) {
			unserved++
		}
	}
	out := fmt.Sprintf("%s, %s", plural(len(h.Components), "component"), plural(len(h.Connections), "connection"))
	if unserved > 0 {
		out += fmt.Sprintf("; %s served by no component", plural(unserved, "requirement"))
	}
	return out
}

// shorten cuts s to at most n runes, ending in "…" when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// joinShort lists up to n names, then how many more.
func joinShort(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
}
