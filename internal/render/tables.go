package render

import (
	"strconv"
	"strings"
)

// The tables of the built-in templates are written in Go rather than with
// template loops: every cell goes through the same escaper, rows can never
// be ragged, and a 10 000-entity doc renders without a reflective call per
// cell. Templates call them as methods: {{ .EntitiesTable }}.

// table writes a Markdown table; cells must already be escaped.
type table struct {
	b    strings.Builder
	cols int
}

func newTable(sizeHint int, header ...string) *table {
	t := &table{cols: len(header)}
	t.b.Grow(sizeHint)
	t.row(header...)
	t.b.WriteString("|")
	for range header {
		t.b.WriteString(" --- |")
	}
	t.b.WriteByte('\n')
	return t
}

func (t *table) row(cells ...string) {
	t.b.WriteByte('|')
	for _, c := range cells {
		t.b.WriteByte(' ')
		t.b.WriteString(c)
		t.b.WriteString(" |")
	}
	t.b.WriteByte('\n')
}

func (t *table) String() string { return strings.TrimSuffix(t.b.String(), "\n") }

// NonFunctionalTable lists the non-functional requirements.
func (v *View) NonFunctionalTable() string {
	nfrs := v.Requirements.NonFunctional
	t := newTable(64*len(nfrs)+64, "Quality", "Requirement")
	for _, n := range nfrs {
		t.row(Cell(Display(n.Quality)), Cell(n.Requirement))
	}
	return t.String()
}

// EntitiesTable is the overview of the core entities.
func (v *View) EntitiesTable() string {
	t := newTable(96*len(v.Entities)+64, "Entity", "Description", "Stored in", "Fields")
	for _, e := range v.Entities {
		t.row(Cell(e.Name), Cell(e.Description), Cell(e.Store), strconv.Itoa(len(e.Fields)))
	}
	return t.String()
}

// FieldsTable lists an entity's fields.
func (e EntityView) FieldsTable() string {
	t := newTable(48*len(e.Fields)+48, "Field", "Type", "Note")
	for _, f := range e.Fields {
		t.row(CodeCell(f.Name), Cell(f.Type), Cell(f.Note))
	}
	return t.String()
}

// EndpointsTable is the overview of the API.
func (v *View) EndpointsTable() string {
	t := newTable(80*len(v.Endpoints)+64, "Method", "Path", "Summary", "Auth")
	for _, ep := range v.Endpoints {
		t.row(Cell(ep.Method), CodeCell(ep.Path), Cell(ep.Summary), Cell(ep.Auth))
	}
	return t.String()
}

// ComponentsTable lists the components of the high-level design.
func (v *View) ComponentsTable() string {
	cs := v.HighLevelDesign.Components
	t := newTable(96*len(cs)+64, "Component", "Kind", "Technology", "Responsibility", "Serves")
	for _, c := range cs {
		t.row(Cell(c.Name), Cell(Display(c.Kind)), Cell(c.Technology), Cell(c.Responsibility), frList(c.Serves))
	}
	return t.String()
}

// ConnectionsTable lists the connections between components.
func (v *View) ConnectionsTable() string {
	cs := v.HighLevelDesign.Connections
	t := newTable(48*len(cs)+32, "From", "To", "Interaction")
	for _, c := range cs {
		t.row(Cell(c.From), Cell(c.To), Cell(c.Label))
	}
	return t.String()
}

// TraceabilityTable maps each functional requirement to the components
// that serve it; one served by nothing says so in bold.
func (v *View) TraceabilityTable() string {
	t := newTable(96*len(v.FRs)+48, "ID", "Requirement", "Served by")
	for _, fr := range v.FRs {
		served := "**No component serves this yet**"
		if len(fr.ServedBy) > 0 {
			served = cells(fr.ServedBy)
		}
		t.row("**"+fr.ID+"**", Cell(fr.Text), served)
	}
	return t.String()
}

// AlternativesTable lists the alternatives considered.
func (v *View) AlternativesTable() string {
	t := newTable(128*len(v.Alternatives)+32, "Alternative", "Why not")
	for _, a := range v.Alternatives {
		t.row(Cell(a.Title), Cell(a.WhyNot))
	}
	return t.String()
}

// CapacityTable lists the capacity inputs that were given.
func (v *View) CapacityTable() string {
	t := newTable(64*len(v.Capacity)+32, "Input", "Value")
	for _, c := range v.Capacity {
		t.row(Cell(c.Label)+" (`"+c.Key+"`)", Cell(c.Value))
	}
	return t.String()
}
