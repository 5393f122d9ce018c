package interview

import (
	"fmt"
	"slices"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

func (s *session) entityNames() []string {
	names := make([]string, len(s.doc.Entities))
	for i, e := range s.doc.Entities {
		names[i] = e.Name
	}
	return names
}

func (s *session) hasEntity(name string) bool { return slices.Contains(s.entityNames(), name) }

// isStub reports an entity known only by name, as a relation to an
// entity not yet described leaves it.
func isStub(e design.Entity) bool {
	return e.Description == "" && len(e.Fields) == 0 && len(e.Relations) == 0
}

func (s *session) entitiesPhase() error {
	asked := map[string]bool{}
	if s.edit {
		for i := 0; i < len(s.doc.Entities); i++ {
			name := s.doc.Entities[i].Name
			act, err := s.itemAction("Entity " + name)
			if err != nil {
				return err
			}
			asked[name] = true
			switch act {
			case remove:
				s.removeEntity(i)
				i--
			case change:
				if err := s.entityDetails(i); err != nil {
					return err
				}
			}
		}
	}
	more := s.asksGroup("entities")
	for {
		// Describe the entities that relations named before they existed.
		for i := 0; i < len(s.doc.Entities); i++ {
			e := s.doc.Entities[i]
			if asked[e.Name] || !isStub(e) {
				continue
			}
			asked[e.Name] = true
			s.p.Say(fmt.Sprintf("Entity %s was named in a relation; describe it.", e.Name))
			if err := s.entityDetails(i); err != nil {
				return err
			}
		}
		if !more {
			return nil
		}
		name, err := s.p.Input(Prompt{
			Message:  fmt.Sprintf("Entity %d name (empty to finish)", len(s.doc.Entities)+1),
			Help:     knowledge.Help("entities"),
			Validate: unique("an entity", s.hasEntity),
		})
		if err != nil || name == "" {
			return err
		}
		s.doc.Entities = append(s.doc.Entities, design.Entity{Name: name})
		asked[name] = true
		if err := s.entityDetails(len(s.doc.Entities) - 1); err != nil {
			return err
		}
	}
}

// entityDetails asks everything about entity i but its name, keeping the
// doc consistent after every answer.
func (s *session) entityDetails(i int) error {
	e := &s.doc.Entities[i]
	name := e.Name
	if s.edit {
		v, err := s.p.Input(Prompt{
			Message: "Entity name",
			Default: e.Name,
			Validate: all(required("a name"), unique("an entity", func(n string) bool {
				return n != name && s.hasEntity(n)
			})),
		})
		if err != nil {
			return err
		}
		s.renameEntity(name, v)
		name = v
	}
	if s.asks(e.Description) {
		v, err := s.p.Input(Prompt{Message: "What is a " + name + "? (one sentence)", Default: e.Description, Help: knowledge.Help("entities")})
		if err != nil {
			return err
		}
		s.doc.Entities[i].Description = v
	}
	if s.asks(s.doc.Entities[i].Store) {
		def := s.doc.Entities[i].Store
		if def == "" {
			def = noneOption
		}
		v, err := s.pickComponent(pick{message: "Which component stores " + name + "?", def: def, none: true, kind: "database",
			help: "The database, cache or blob store that persists it; pick \"+ new…\" to name one now."})
		if err != nil {
			return err
		}
		if v == noneOption {
			v = ""
		}
		s.doc.Entities[i].Store = v
	}
	if err := s.fields(i); err != nil {
		return err
	}
	return s.relations(i)
}

func (s *session) fields(i int) error {
	name := s.doc.Entities[i].Name
	if s.edit {
		for j := 0; j < len(s.doc.Entities[i].Fields); j++ {
			f := s.doc.Entities[i].Fields[j]
			act, err := s.itemAction(fmt.Sprintf("Field %s.%s (%s)", name, f.Name, f.Type))
			if err != nil {
				return err
			}
			switch act {
			case remove:
				s.doc.Entities[i].Fields = slices.Delete(s.doc.Entities[i].Fields, j, j+1)
				j--
			case change:
				if err := s.field(i, j); err != nil {
					return err
				}
			}
		}
	}
	if !s.asksList(len(s.doc.Entities[i].Fields)) {
		return nil
	}
	for {
		fs := s.doc.Entities[i].Fields
		v, err := s.p.Input(Prompt{
			Message: fmt.Sprintf("%s field %d name (empty to finish)", name, len(fs)+1),
			Help:    "The attributes that matter to the design: keys, what you look things up by, what drives size. Skip the obvious.",
			Validate: unique("a field", func(n string) bool {
				return slices.ContainsFunc(s.doc.Entities[i].Fields, func(f design.Field) bool { return f.Name == n })
			}),
		})
		if err != nil || v == "" {
			return err
		}
		s.doc.Entities[i].Fields = append(fs, design.Field{Name: v, Type: "string"})
		if err := s.fieldTypeAndNote(i, len(fs)); err != nil {
			return err
		}
	}
}

func (s *session) field(i, j int) error {
	f := &s.doc.Entities[i].Fields[j]
	v, err := s.p.Input(Prompt{Message: "Field name", Default: f.Name, Validate: required("a field name")})
	if err != nil {
		return err
	}
	s.doc.Entities[i].Fields[j].Name = v
	return s.fieldTypeAndNote(i, j)
}

func (s *session) fieldTypeAndNote(i, j int) error {
	f := &s.doc.Entities[i].Fields[j]
	t, err := s.p.Input(Prompt{
		Message: "Type of " + f.Name,
		Default: f.Type,
		Help:    "e.g. uuid, string, int64, bool, timestamp, enum, json, url.",
	})
	if err != nil {
		return err
	}
	f = &s.doc.Entities[i].Fields[j]
	f.Type = t
	note, err := s.p.Input(Prompt{
		Message: "Note on " + f.Name + " (optional: primary key, foreign key → X.id, index, constraint)",
		Default: f.Note,
		Help:    "Write \"primary key\" or \"foreign key\" where it applies: the diagram marks them.",
	})
	if err != nil {
		return err
	}
	s.doc.Entities[i].Fields[j].Note = note
	return nil
}

var relationNotes = map[string]string{
	"1-1": "one to one",
	"1-n": "one to many",
	"n-1": "many to one",
	"n-n": "many to many",
}

func (s *session) relations(i int) error {
	name := s.doc.Entities[i].Name
	if s.edit {
		for j := 0; j < len(s.doc.Entities[i].Relations); j++ {
			r := s.doc.Entities[i].Relations[j]
			act, err := s.itemAction(fmt.Sprintf("Relation %s %s %s (%s)", name, r.Kind, r.To, r.Label))
			if err != nil {
				return err
			}
			switch act {
			case remove:
				s.doc.Entities[i].Relations = slices.Delete(s.doc.Entities[i].Relations, j, j+1)
				j--
			case change:
				if err := s.relation(i, &s.doc.Entities[i].Relations[j]); err != nil {
					return err
				}
			}
		}
	}
	if !s.asksList(len(s.doc.Entities[i].Relations)) {
		return nil
	}
	for {
		r := design.Relation{Kind: "1-n"}
		to, err := s.relationTarget(name, doneOption)
		if err != nil || to == doneOption {
			return err
		}
		r.To = to
		s.doc.Entities[i].Relations = append(s.doc.Entities[i].Relations, r)
		rels := s.doc.Entities[i].Relations
		if err := s.relationKindAndLabel(name, &rels[len(rels)-1]); err != nil {
			return err
		}
	}
}

func (s *session) relation(i int, r *design.Relation) error {
	to, err := s.relationTarget(s.doc.Entities[i].Name, r.To)
	if err != nil {
		return err
	}
	if to != doneOption {
		r.To = to
	}
	return s.relationKindAndLabel(s.doc.Entities[i].Name, r)
}

// relationTarget picks the entity a relation points at; a new name
// creates an entity to be described later in the phase.
func (s *session) relationTarget(from, def string) (string, error) {
	options := append([]string{doneOption}, s.entityNames()...)
	options = append(options, newOption)
	to, err := s.p.Select(Choice{
		Message: fmt.Sprintf("Relation of %s to…", from),
		Options: options,
		Default: def,
		Help:    "How entities refer to each other: pick the other side, then the cardinality.",
	})
	if err != nil || to != newOption {
		return to, err
	}
	v, err := s.p.Input(Prompt{
		Message:  "Name of the related entity",
		Validate: all(required("a name"), unique("an entity", s.hasEntity)),
	})
	if err != nil {
		return "", err
	}
	s.doc.Entities = append(s.doc.Entities, design.Entity{Name: v})
	return v, nil
}

func (s *session) relationKindAndLabel(from string, r *design.Relation) error {
	kind, err := s.p.Select(Choice{
		Message:  fmt.Sprintf("%s to %s is", from, r.To),
		Options:  design.RelationKinds,
		Default:  r.Kind,
		Describe: func(o string) string { return relationNotes[o] },
		Help:     "1-n: one " + from + " has many " + r.To + "; n-1: many " + from + " belong to one " + r.To + ".",
	})
	if err != nil {
		return err
	}
	r.Kind = kind
	label, err := s.p.Input(Prompt{Message: "Label (e.g. owns, created by; optional)", Default: r.Label})
	if err != nil {
		return err
	}
	r.Label = label
	return nil
}

// removeEntity deletes entity i and every relation pointing at it.
func (s *session) removeEntity(i int) {
	name := s.doc.Entities[i].Name
	s.doc.Entities = slices.Delete(s.doc.Entities, i, i+1)
	for j := range s.doc.Entities {
		s.doc.Entities[j].Relations = slices.DeleteFunc(s.doc.Entities[j].Relations, func(r design.Relation) bool { return r.To == name })
	}
}

// renameEntity renames an entity and every relation that names it.
func (s *session) renameEntity(from, to string) {
	if from == to {
		return
	}
	for j := range s.doc.Entities {
		e := &s.doc.Entities[j]
		if e.Name == from {
			e.Name = to
		}
		for k := range e.Relations {
			if e.Relations[k].To == from {
				e.Relations[k].To = to
			}
		}
	}
}

func summarizeEntities(d *design.Doc) string {
	if len(d.Entities) == 0 {
		return "none"
	}
	names := make([]string, len(d.Entities))
	for i, e := range d.Entities {
		names[i] = e.Name
	}
	return fmt.Sprintf("%s: %s", plural(len(d.Entities), "entity"), joinShort(names, 6))
}
