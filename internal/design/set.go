package design

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Set applies one --set assignment, path=value (split at the first =),
// to doc. The path is a dotted path into the answers with 0-based
// indexes, as yq and Helm write them:
//
//	title=Feed
//	api.style=grpc
//	capacity.dau=10M
//	authors=Ada Lovelace, Grace Hopper
//	requirements.functional[0]=Users should be able to post
//	requirements.functional[]=Users should be able to follow   ([] adds at the end)
//	entities[1].fields[0].type=uuid
//	high_level_design.components[2].serves=FR1, FR3
//
// An index one past the end of a list adds an item there. Every value
// goes through CheckField (and is stored as NormalizeField gives it), so
// --set accepts what a prompt or the loader accepts. On error doc is
// unchanged and the message names the assignment:
//
//	--set api.style=grcp: "grcp" is not one of rest, graphql, grpc (did you mean "grpc"?)
//
// Checks of the whole document (references, unique names) are Validate's.
func Set(doc *Doc, assignment string) error {
	path, value, ok := strings.Cut(assignment, "=")
	path = strings.TrimSpace(path)
	if !ok || path == "" {
		return fmt.Errorf("--set %s: expected path=value", assignment)
	}
	if err := set(doc, path, value); err != nil {
		return fmt.Errorf("--set %s: %w", assignment, err)
	}
	return nil
}

// shape says what a path (without indexes) holds, for walking a --set
// path before anything is changed.
type shape struct {
	kind             shapeKind
	keys             []string // of a mapping or of a list's items
	singular, plural string   // a list's items, for messages
}

type shapeKind int

const (
	shapeScalar shapeKind = iota
	shapeMapping
	shapeTexts   // a list of text
	shapeStructs // a list of mappings
)

var shapes = map[string]shape{
	"":                              {kind: shapeMapping, keys: docKeys},
	"authors":                       {kind: shapeTexts, singular: "author", plural: "authors"},
	"requirements":                  {kind: shapeMapping, keys: requirementKeys},
	"requirements.functional":       {kind: shapeTexts, singular: "functional requirement", plural: "functional requirements"},
	"requirements.out_of_scope":     {kind: shapeTexts, singular: "out-of-scope item", plural: "out-of-scope items"},
	"requirements.non_functional":   {kind: shapeStructs, keys: []string{"quality", "requirement"}, singular: "non-functional requirement", plural: "non-functional requirements"},
	"capacity":                      {kind: shapeMapping, keys: capacityKeys},
	"entities":                      {kind: shapeStructs, keys: entityKeys, singular: "entity", plural: "entities"},
	"entities.fields":               {kind: shapeStructs, keys: fieldKeys, singular: "field", plural: "fields"},
	"entities.relations":            {kind: shapeStructs, keys: relationKeys, singular: "relation", plural: "relations"},
	"api":                           {kind: shapeMapping, keys: apiKeys},
	"api.endpoints":                 {kind: shapeStructs, keys: endpointKeys, singular: "endpoint", plural: "endpoints"},
	"data_flow":                     {kind: shapeStructs, keys: []string{"from", "to", "action"}, singular: "data-flow step", plural: "data-flow steps"},
	"high_level_design":             {kind: shapeMapping, keys: hldKeys},
	"high_level_design.components":  {kind: shapeStructs, keys: componentKeys, singular: "component", plural: "components"},
	"high_level_design.connections": {kind: shapeStructs, keys: []string{"from", "to", "label"}, singular: "connection", plural: "connections"},
	"deep_dives":                    {kind: shapeStructs, keys: deepDiveKeys, singular: "deep dive", plural: "deep dives"},
	"extra_sections":                {kind: shapeStructs, keys: extraSectionKeys, singular: "extra section", plural: "extra sections"},
	"alternatives":                  {kind: shapeStructs, keys: []string{"title", "why_not"}, singular: "alternative", plural: "alternatives"},
	"open_questions":                {kind: shapeTexts, keys: questionKeys, singular: "open question", plural: "open questions"},
}

// notSettable are top-level keys designdoc writes itself.
var notSettable = map[string]string{
	"designdoc": "designdoc is the answers schema version, which designdoc writes",
	"rendered":  "rendered is written by designdoc each time it renders the doc",
}

func set(doc *Doc, path, value string) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	check, err := checkPath(segs)
	if err != nil {
		return err
	}
	if last := segs[len(segs)-1]; check == "authors" && last.index < 0 && !last.append {
		// authors=Ada, Grace Hopper: the whole list at once.
		if _, err := NormalizeField(check, value); err != nil {
			return err
		}
		var items []string
		for _, a := range strings.Split(value, ",") {
			if a = strings.TrimSpace(a); a != "" {
				items = append(items, a)
			}
		}
		doc.Authors = items
		return nil
	}
	var v string
	if check == "api.endpoints.method" && doc.API.Style != "" && doc.API.Style != "rest" {
		// gRPC and GraphQL name their methods freely.
		v, err = checkedName(value)
		v = strings.ToUpper(v)
	} else {
		v, err = NormalizeField(check, value)
	}
	if err != nil {
		return err
	}
	s := &setter{segs: segs}
	if err := s.doc(doc, v); err != nil {
		return err
	}
	// Items added on the way are appended only now that nothing can fail,
	// innermost first: an outer new item holds the inner one.
	for i := len(s.adds) - 1; i >= 0; i-- {
		s.adds[i]()
	}
	return nil
}

// checkPath walks segs along the shapes, refusing unknown keys, indexes
// where there is no list and missing ones where there is, and returns
// the path without indexes, as CheckField takes it.
func checkPath(segs []pathSeg) (string, error) {
	at, check := "", ""
	for i, seg := range segs {
		parent := shapes[check]
		if !slices.Contains(parent.keys, seg.name) {
			return "", unknownField(seg.name, at, parent.keys)
		}
		if i == 0 {
			if why, ok := notSettable[seg.name]; ok {
				return "", errors.New(why)
			}
		}
		check = joinPath(check, seg.name)
		here := joinPath(at, seg.String())
		last := i == len(segs)-1
		sh, container := shapes[check]
		switch {
		case !container:
			if seg.index >= 0 || seg.append {
				return "", fmt.Errorf("%s is not a list", joinPath(at, seg.name))
			}
			if !last {
				return "", fmt.Errorf("%s is a single value: it has no field %q", here, segs[i+1].name)
			}
		case sh.kind == shapeMapping:
			if seg.index >= 0 || seg.append {
				return "", fmt.Errorf("%s is not a list", joinPath(at, seg.name))
			}
			if last {
				return "", fmt.Errorf("%s has %s: set one of them, e.g. %s.%s=…", here, strings.Join(sh.keys, ", "), here, sh.keys[0])
			}
		case sh.kind == shapeTexts:
			if !last && len(sh.keys) > 0 && i == len(segs)-2 && (seg.index >= 0 || seg.append) {
				// open_questions[0].resolved=…: a text item that can also
				// be written as a mapping.
				break
			}
			if !last {
				return "", fmt.Errorf("the %s are text: %s has no field %q", sh.plural, here, segs[i+1].name)
			}
			if seg.index < 0 && !seg.append && check != "authors" { // authors=A, B sets them all
				return "", fmt.Errorf("%s is a list: set one item with %s[0]=… or add one with %s[]=…", here, here, here)
			}
		case sh.kind == shapeStructs:
			if seg.append {
				return "", fmt.Errorf("[] adds only to a list of text; to add %s, give the index after the last one, e.g. %s[0].%s=… when there are none", article(sh.singular), joinPath(at, seg.name), sh.keys[0])
			}
			if seg.index < 0 {
				return "", fmt.Errorf("%s is a list: give an index, e.g. %s[0].%s=…", here, here, sh.keys[0])
			}
			if last {
				return "", fmt.Errorf("%s is %s: set one of its fields (%s), e.g. %s.%s=…", here, article(sh.singular), strings.Join(sh.keys, ", "), here, sh.keys[0])
			}
		}
		at = here
	}
	return check, nil
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func article(noun string) string {
	if strings.ContainsAny(noun[:1], "aeiou") {
		return "an " + noun
	}
	return "a " + noun
}

func unknownField(key, at string, known []string) error {
	var settable []string
	for _, k := range known {
		if _, no := notSettable[k]; !no || at != "" {
			settable = append(settable, k)
		}
	}
	in := ""
	if at != "" {
		in = " in " + at
	}
	if s := didYouMean(key, settable); s != "" {
		return fmt.Errorf("unknown field %q%s%s", key, in, s)
	}
	return fmt.Errorf("unknown field %q%s; use one of %s", key, in, strings.Join(settable, ", "))
}

// setter applies a checked path to a Doc.
type setter struct {
	segs []pathSeg
	adds []func() // appends of new items, run once the value is set
}

func (s *setter) doc(d *Doc, v string) error {
	segs := s.segs
	top := segs[0]
	switch top.name {
	case "title":
		if _, written := d.Keys["slug"]; !written && (d.Slug == "" || d.Slug == Slugify(d.Title)) {
			// A slug the file does not write follows the title, as the
			// loader derives it.
			d.Slug = ""
			if v != "" {
				d.Slug = Slugify(v)
			}
		}
		d.Title = v
	case "slug":
		d.Slug = v
	case "summary":
		d.Summary = v
	case "status":
		d.Status = Status(v)
	case "created":
		d.Created = v
	case "number":
		d.Number = 0
		if v != "" {
			d.Number, _ = strconv.Atoi(v) // checked
		}
	case "superseded_by":
		d.SupersededBy = 0
		if v != "" {
			d.SupersededBy, _ = strconv.Atoi(v) // checked
		}
	case "supersedes":
		d.Supersedes = nil
		for _, item := range strings.Split(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				n, _ := strconv.Atoi(item) // checked
				d.Supersedes = append(d.Supersedes, n)
			}
		}
	case "template":
		d.Template = v
	case "authors":
		return setText(s, &d.Authors, top, "authors", v, func(p *string, v string) { *p = v })
	case "open_questions":
		if len(segs) == 1 || segs[1].name == "question" {
			return setText(s, &d.OpenQuestions, top, "open_questions", v, func(p *string, v string) { *p = v })
		}
		return s.resolve(d, top, v)
	case "requirements":
		r := &d.Requirements
		switch sub := segs[1]; sub.name {
		case "functional":
			return setText(s, &r.Functional, sub, "requirements.functional", v, func(p *Requirement, v string) { p.Text = v })
		case "out_of_scope":
			return setText(s, &r.OutOfScope, sub, "requirements.out_of_scope", v, func(p *string, v string) { *p = v })
		case "non_functional":
			nf, err := item(s, &r.NonFunctional, sub, "requirements.non_functional")
			if err != nil {
				return err
			}
			switch segs[2].name {
			case "quality":
				nf.Quality = v
			case "requirement":
				nf.Requirement = v
			}
		}
	case "capacity":
		if d.Capacity == nil {
			d.Capacity = &Capacity{}
		}
		for _, in := range d.Capacity.Inputs() {
			if in.Key == segs[1].name {
				in.Value.Raw = v
			}
		}
	case "entities":
		e, err := item(s, &d.Entities, top, "entities")
		if err != nil {
			return err
		}
		return s.entity(e, v)
	case "api":
		a := &d.API
		switch segs[1].name {
		case "style":
			a.Style = v
		case "realtime":
			a.Realtime = v
		case "endpoints":
			ep, err := item(s, &a.Endpoints, segs[1], "api.endpoints")
			if err != nil {
				return err
			}
			*endpointField(ep, segs[2].name) = v
		}
	case "data_flow":
		st, err := item(s, &d.DataFlow, top, "data_flow")
		if err != nil {
			return err
		}
		*linkField(&st.From, &st.To, &st.Action, segs[1].name) = v
	case "high_level_design":
		h := &d.HighLevelDesign
		switch sub := segs[1]; sub.name {
		case "notes":
			h.Notes = v
		case "components":
			c, err := item(s, &h.Components, sub, "high_level_design.components")
			if err != nil {
				return err
			}
			s.component(c, segs[2].name, v)
		case "connections":
			c, err := item(s, &h.Connections, sub, "high_level_design.connections")
			if err != nil {
				return err
			}
			*linkField(&c.From, &c.To, &c.Label, segs[2].name) = v
		}
	case "deep_dives":
		dd, err := item(s, &d.DeepDives, top, "deep_dives")
		if err != nil {
			return err
		}
		switch segs[1].name {
		case "concept":
			dd.Concept = v
		case "title":
			dd.Title = v
		case "problem":
			dd.Problem = v
		case "solution":
			dd.Solution = v
		case "tradeoffs":
			dd.Tradeoffs = v
		}
	case "extra_sections":
		e, err := item(s, &d.ExtraSections, top, "extra_sections")
		if err != nil {
			return err
		}
		switch segs[1].name {
		case "id":
			e.ID = v
		case "title":
			e.Title = v
		case "text":
			e.Text = v
		}
	case "alternatives":
		a, err := item(s, &d.Alternatives, top, "alternatives")
		if err != nil {
			return err
		}
		if segs[1].name == "title" {
			a.Title = v
		} else {
			a.WhyNot = v
		}
	}
	return nil
}

// resolve sets how an existing open question was settled; an empty
// value reopens it.
func (s *setter) resolve(d *Doc, seg pathSeg, v string) error {
	i := seg.index
	if seg.append {
		i = len(d.OpenQuestions)
	}
	if i >= len(d.OpenQuestions) {
		return fmt.Errorf("open_questions[%d] does not exist (%s): add the question first, e.g. open_questions[]=…", i, count(len(d.OpenQuestions), "open question", "open questions"))
	}
	d.setResolution(i, v)
	return nil
}

func (s *setter) entity(e *Entity, v string) error {
	segs := s.segs[1:]
	switch segs[0].name {
	case "name":
		e.Name = v
	case "description":
		e.Description = v
	case "store":
		e.Store = v
	case "fields":
		f, err := item(s, &e.Fields, segs[0], "entities.fields")
		if err != nil {
			return err
		}
		switch segs[1].name {
		case "name":
			f.Name = v
		case "type":
			f.Type = v
		case "note":
			f.Note = v
		}
	case "relations":
		r, err := item(s, &e.Relations, segs[0], "entities.relations")
		if err != nil {
			return err
		}
		switch segs[1].name {
		case "to":
			r.To = v
		case "kind":
			r.Kind = v
		case "label":
			r.Label = v
		}
	}
	return nil
}

func (s *setter) component(c *Component, key, v string) {
	switch key {
	case "name":
		c.Name = v
	case "kind":
		c.Kind = v
	case "technology":
		c.Technology = v
	case "responsibility":
		c.Responsibility = v
	case "serves":
		c.Serves = nil
		for _, ref := range strings.Split(v, ",") {
			if ref = strings.TrimSpace(ref); ref != "" {
				n, _ := parseFRRef(ref) // checked
				c.Serves = append(c.Serves, n)
			}
		}
	}
}

func endpointField(ep *Endpoint, key string) *string {
	switch key {
	case "method":
		return &ep.Method
	case "path":
		return &ep.Path
	case "summary":
		return &ep.Summary
	case "request":
		return &ep.Request
	case "response":
		return &ep.Response
	}
	return &ep.Auth
}

func linkField(from, to, text *string, key string) *string {
	switch key {
	case "from":
		return from
	case "to":
		return to
	}
	return text
}

// item returns the list item seg indexes. An index one past the end gives
// a new item, appended to the list once the whole assignment succeeded.
func item[T any](s *setter, list *[]T, seg pathSeg, shapePath string) (*T, error) {
	n := len(*list)
	switch {
	case seg.index < n:
		return &(*list)[seg.index], nil
	case seg.index == n:
		fresh := new(T)
		s.adds = append(s.adds, func() { *list = append(*list, *fresh) })
		return fresh, nil
	}
	sh := shapes[shapePath]
	return nil, fmt.Errorf("index %d is out of range: %s", seg.index, count(n, sh.singular, sh.plural))
}

// setText sets or adds one item of a list of text.
func setText[T any](s *setter, list *[]T, seg pathSeg, shapePath, v string, put func(*T, string)) error {
	if seg.append {
		seg.index = len(*list)
	}
	p, err := item(s, list, seg, shapePath)
	if err != nil {
		return err
	}
	put(p, v)
	return nil
}

func count(n int, singular, plural string) string {
	switch n {
	case 0:
		return "there are no " + plural
	case 1:
		return "there is 1 " + singular
	}
	return "there are " + strconv.Itoa(n) + " " + plural
}
