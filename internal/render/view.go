package render

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/estimate"
)

// View is what a template sees: the answers (every field of design.Doc,
// promoted) plus what is derived from them for display, so templates stay
// free of logic.
type View struct {
	*design.Doc

	// Source is the answers file's base name, for the generated-by note.
	Source string
	// TemplateName is the template rendering this view.
	TemplateName string

	FRs       []FRView
	Entities  []EntityView
	Endpoints []EndpointView
	DeepDives []DeepDiveView
	Capacity  []CapacityRow // the inputs given or defaulted, in spec order
	// Extras are the team's own sections: those the project config lists,
	// in its order (see AddTeamSections), then any other the answers hold.
	Extras []ExtraView

	// CapacityResults and CapacityDerivations are the estimate made from
	// the capacity inputs; both are empty when the inputs do not add up,
	// and CapacityProblems then says why, one line per input.
	CapacityResults     []estimate.Row
	CapacityDerivations []string
	CapacityProblems    []string

	headings *headingSet // the headings before the team's sections, for AddTeamSections
}

// ExtraView is one of a team's own sections as the doc shows it.
type ExtraView struct {
	ID      string
	Heading string // unique in the document
	Text    string // "" while unanswered
	Prompt  string // the team's question, shown as guidance while unanswered; may be ""
}

// TeamSection is a section a team's project config adds to every doc.
type TeamSection struct {
	ID, Title, Prompt string
}

// FRView is a functional requirement with its ID and the components that
// serve it.
type FRView struct {
	ID       string
	Text     string
	ServedBy []string
}

// EntityView is an entity with a heading unique in the document.
type EntityView struct {
	design.Entity
	Heading string
}

// EndpointView is an endpoint with a heading unique in the document.
type EndpointView struct {
	design.Endpoint
	Heading string
}

// DeepDiveView is a deep dive with a heading unique in the document.
type DeepDiveView struct {
	design.DeepDive
	Heading string
}

// CapacityRow is one capacity input as the doc shows it. Default marks an
// input that was not given and took the spec's default.
type CapacityRow struct {
	Key, Label, Value string
	Default           bool
}

// sectionHeadings are the headings the built-in templates write; headings
// made from answers never repeat them (Markdown linters reject duplicate
// headings, and links to them would be ambiguous).
var sectionHeadings = []string{"Contents", "Summary", "Requirements", "Functional requirements",
	"Out of scope", "Non-functional requirements", "Capacity estimation", "Core entities", "API",
	"Endpoints", "Data flow", "High-level design", "Components", "Connections", "Notes",
	"Requirements traceability", "Deep dives", "Alternatives considered", "Open questions",
	// the rfc template's, and the section kept blocks without a place go to
	"Context", "Goals and non-goals", "Goals", "Non-goals", "Quality goals", "Proposal",
	"Rollout and migration", "Security and privacy", KeptNotesHeading}

// NewView derives the display data for doc. source is the answers file's
// name as the doc should mention it.
func NewView(doc *design.Doc, source, templateName string) *View {
	v := &View{Doc: doc, Source: source, TemplateName: templateName}
	headings := newHeadingSet(sectionHeadings)

	v.FRs = make([]FRView, len(doc.Requirements.Functional))
	for i, fr := range doc.Requirements.Functional {
		v.FRs[i] = FRView{ID: design.FRID(i + 1), Text: fr.Text}
	}
	for _, c := range doc.HighLevelDesign.Components {
		for _, n := range c.Serves {
			if n >= 1 && n <= len(v.FRs) && !slices.Contains(v.FRs[n-1].ServedBy, c.Name) {
				v.FRs[n-1].ServedBy = append(v.FRs[n-1].ServedBy, c.Name)
			}
		}
	}

	v.Entities = make([]EntityView, len(doc.Entities))
	for i, e := range doc.Entities {
		v.Entities[i] = EntityView{Entity: e, Heading: headings.unique(Heading(e.Name))}
	}
	v.Endpoints = make([]EndpointView, len(doc.API.Endpoints))
	for i, ep := range doc.API.Endpoints {
		v.Endpoints[i] = EndpointView{Endpoint: ep, Heading: headings.unique(Heading(ep.Method + " " + ep.Path))}
	}
	v.DeepDives = make([]DeepDiveView, len(doc.DeepDives))
	for i, dd := range doc.DeepDives {
		v.DeepDives[i] = DeepDiveView{DeepDive: dd, Heading: headings.unique(Heading(dd.Title))}
	}
	v.headings = headings
	v.AddTeamSections(nil)
	if doc.Capacity != nil {
		v.capacity(doc.Capacity)
	}
	return v
}

// AddTeamSections lays out the team's own sections: every section the
// config lists, in its order, answered or not (an unanswered one shows its
// prompt as guidance), then the sections the answers hold that the config
// does not list. The config's title wins over the one the answers recorded.
func (v *View) AddTeamSections(secs []TeamSection) {
	headings := v.headings.clone()
	v.Extras = nil
	listed := map[string]bool{}
	for _, s := range secs {
		if listed[s.ID] {
			continue
		}
		listed[s.ID] = true
		x := ExtraView{ID: s.ID, Prompt: s.Prompt}
		title := s.Title
		if a := v.Doc.Extra(s.ID); a != nil {
			x.Text = strings.TrimSpace(a.Text)
			if title == "" {
				title = a.Title
			}
		}
		x.Heading = headings.unique(Heading(extraTitle(title, s.ID)))
		v.Extras = append(v.Extras, x)
	}
	for _, a := range v.Doc.ExtraSections {
		if listed[a.ID] || a.ID == "" {
			continue
		}
		listed[a.ID] = true
		title := extraTitle(a.Title, a.ID)
		v.Extras = append(v.Extras, ExtraView{ID: a.ID, Text: strings.TrimSpace(a.Text), Heading: headings.unique(Heading(title))})
	}
}

// extraTitle is a section's heading: its title, else its id made readable
// (rollout_plan: Rollout plan).
func extraTitle(title, id string) string {
	if t := strings.TrimSpace(title); t != "" {
		return t
	}
	t := strings.ReplaceAll(id, "_", " ")
	if t == "" {
		return "Extra section"
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// capacity fills in the capacity inputs, with their defaults, and the
// estimate made from them.
func (v *View) capacity(c *design.Capacity) {
	for _, in := range c.Inputs() {
		if in.Value.Set() {
			v.Capacity = append(v.Capacity, CapacityRow{Key: in.Key, Label: in.Label, Value: in.Value.Raw})
		} else if def, ok := estimate.Default(in.Key); ok {
			v.Capacity = append(v.Capacity, CapacityRow{Key: in.Key, Label: in.Label, Value: def, Default: true})
		}
	}
	r, err := estimate.Estimate(c)
	if err != nil {
		var errs estimate.InputErrors
		if !errors.As(err, &errs) {
			v.CapacityProblems = []string{err.Error()}
			return
		}
		for _, e := range errs {
			v.CapacityProblems = append(v.CapacityProblems, e.Error())
		}
		return
	}
	v.CapacityResults = r.Rows()
	v.CapacityDerivations = r.Derivations()
}

// CapacityInputsTable lists the capacity inputs, marking those that took
// the spec's default.
func (v *View) CapacityInputsTable() string {
	t := newTable(64*len(v.Capacity)+32, "Input", "Value")
	for _, c := range v.Capacity {
		value := Cell(c.Value)
		if c.Default {
			value += " (default)"
		}
		t.row(Cell(c.Label)+" (`"+c.Key+"`)", value)
	}
	return t.String()
}

// CapacityResultsTable lists the estimated results.
func (v *View) CapacityResultsTable() string {
	t := newTable(48*len(v.CapacityResults)+32, "Result", "Value")
	for _, r := range v.CapacityResults {
		t.row(Cell(r.Label), Cell(r.Value))
	}
	return t.String()
}

// Unserved lists the functional requirements no component serves.
func (v *View) Unserved() []FRView {
	var out []FRView
	for _, fr := range v.FRs {
		if len(fr.ServedBy) == 0 {
			out = append(out, fr)
		}
	}
	return out
}

// headingSet hands out heading texts that are unique in a document,
// comparing them the way anchors are made.
type headingSet struct {
	taken map[string]bool
	next  map[string]int // next suffix to try for a repeated text
}

func newHeadingSet(reserved []string) *headingSet {
	h := &headingSet{taken: map[string]bool{}, next: map[string]int{}}
	for _, r := range reserved {
		h.taken[Anchor(r)] = true
	}
	return h
}

func (h *headingSet) clone() *headingSet {
	return &headingSet{taken: maps.Clone(h.taken), next: maps.Clone(h.next)}
}

func (h *headingSet) unique(text string) string {
	out := text
	if h.taken[Anchor(out)] {
		n := max(h.next[text], 2)
		for h.taken[Anchor(text+" ("+itoa(n)+")")] {
			n++
		}
		out = text + " (" + itoa(n) + ")"
		h.next[text] = n + 1
	}
	h.taken[Anchor(out)] = true
	return out
}

// Display names for enum values.
var displayNames = map[string]string{
	"cap": "CAP", "fault-tolerance": "Fault tolerance", "load-balancer": "Load balancer",
	"blob-store": "Blob store", "search-index": "Search index", "cdn": "CDN",
	"rest": "REST", "graphql": "GraphQL", "grpc": "gRPC", "long-polling": "Long polling",
	"sse": "Server-sent events (SSE)", "websockets": "WebSockets", "none": "None",
	"1-1": "one-to-one", "1-n": "one-to-many", "n-1": "many-to-one", "n-n": "many-to-many",
}

// Display turns an enum value into words for the doc.
func Display(s string) string {
	if d, ok := displayNames[s]; ok {
		return d
	}
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// SecurityRequirements are the non-functional requirements about security
// and compliance, which the rfc template's security section repeats.
func (v *View) SecurityRequirements() []design.NonFunctional {
	var out []design.NonFunctional
	for _, n := range v.Requirements.NonFunctional {
		if n.Quality == "security" || n.Quality == "compliance" {
			out = append(out, n)
		}
	}
	return out
}

// SecurityDeepDives are the deep dives about security.
func (v *View) SecurityDeepDives() []DeepDiveView {
	var out []DeepDiveView
	for _, dd := range v.DeepDives {
		if dd.Concept == "security" {
			out = append(out, dd)
		}
	}
	return out
}
