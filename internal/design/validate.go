package design

import (
	"fmt"
	"time"

	"github.com/designdoc-cli/designdoc/internal/design/yamltree"
)

type refKind int

const (
	refComponent refKind = iota
	refEntity
	refRequirement
)

// reference is a name written in one place that must exist in another;
// they are checked once the whole file is read.
type reference struct {
	kind   refKind
	name   string
	number int // for refRequirement
	pos    Pos
	at     *path
}

// ref reads a name that must exist elsewhere in the file and queues the
// check.
func (d *decoder) ref(kind refKind, v *yamltree.Node, at *path) string {
	name := d.name(v, at)
	if name != "" {
		d.refs = append(d.refs, reference{kind: kind, name: name, pos: posOf(v), at: at})
	}
	return name
}

// resolve checks uniqueness and every reference, reporting each dangling
// one with the closest existing name.
func (d *decoder) resolve(doc *Doc) {
	components := make(map[string]firstItem, len(doc.HighLevelDesign.Components))
	componentNames := make([]string, 0, len(doc.HighLevelDesign.Components))
	at := (*path)(nil).field("high_level_design").field("components")
	for i, c := range doc.HighLevelDesign.Components {
		if c.Name == "" {
			continue
		}
		if first, dup := components[c.Name]; dup {
			d.duplicate(c.Pos, at.item(i), first.at, first.line, "component "+quote(c.Name))
			continue
		}
		components[c.Name] = firstItem{at.item(i), c.Pos.Line}
		componentNames = append(componentNames, c.Name)
	}
	entities := make(map[string]firstItem, len(doc.Entities))
	entityNames := make([]string, 0, len(doc.Entities))
	at = (*path)(nil).field("entities")
	for i, e := range doc.Entities {
		if e.Name == "" {
			continue
		}
		if first, dup := entities[e.Name]; dup {
			d.duplicate(e.Pos, at.item(i), first.at, first.line, "entity "+quote(e.Name))
			continue
		}
		entities[e.Name] = firstItem{at.item(i), e.Pos.Line}
		entityNames = append(entityNames, e.Name)
	}
	frs := len(doc.Requirements.Functional)
	for _, r := range d.refs {
		switch r.kind {
		case refComponent:
			if _, ok := components[r.name]; !ok {
				d.problem(r.pos, r.at, "no component named %q in high_level_design.components%s", r.name, d.suggest(r.name, componentNames))
			}
		case refEntity:
			if _, ok := entities[r.name]; !ok {
				d.problem(r.pos, r.at, "no entity named %q%s", r.name, d.suggest(r.name, entityNames))
			}
		case refRequirement:
			if r.number < 1 || r.number > frs {
				d.problem(r.pos, r.at, "%s is out of range: %s", FRID(r.number), frRange(frs))
			}
		}
	}
	d.refs = nil
}

func frRange(n int) string {
	switch n {
	case 0:
		return "there are no functional requirements"
	case 1:
		return "there is only FR1"
	}
	return fmt.Sprintf("the functional requirements are FR1 to %s", FRID(n))
}

func parseDate(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }

// suggest is didYouMean, skipped once the problem list is full.
func (d *decoder) suggest(name string, candidates []string) string {
	if d.full() {
		return ""
	}
	return didYouMean(name, candidates)
}
