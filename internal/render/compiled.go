package render

import (
	"strings"
	"text/template/parse"
)

// The built-in entity and endpoint partials run once per entity and per
// endpoint, and text/template spends most of a large doc's time on them:
// looking up every field and method by name and calling every function
// through reflect, 13 µs an item. Here they are written out in Go, to be
// run by each in their place, for as long as they are the built-ins: a
// template that redefines "entity" (or a partials/ folder with its own)
// gets its own definition, run by text/template. The writers must give
// byte for byte what the partials give; TestCompiledPartialsMatch and
// FuzzLoadRender hold them to it, so a change to either partial fails
// until the other follows.

// compiledPartial returns the writer of the items of list, or false when
// list is not the kind of list the partial is written for.
type compiledPartial func(list any) (write func(b *strings.Builder, i int), ok bool)

// compiledPartials are the built-in partials written out, by name.
var compiledPartials = map[string]compiledPartial{
	"entity": func(list any) (func(*strings.Builder, int), bool) {
		es, ok := list.([]EntityView)
		return func(b *strings.Builder, i int) { writeEntity(b, &es[i]) }, ok
	},
	"endpoint": func(list any) (func(*strings.Builder, int), bool) {
		eps, ok := list.([]EndpointView)
		return func(b *strings.Builder, i int) { writeEndpoint(b, &eps[i]) }, ok
	},
}

// compiledFor maps the parse trees of the built-in partials in set to
// their writers.
func compiledFor(lookup func(name string) *parse.Tree) map[*parse.Tree]compiledPartial {
	m := make(map[*parse.Tree]compiledPartial, len(compiledPartials))
	for name, cp := range compiledPartials {
		if tree := lookup(name); tree != nil {
			m[tree] = cp
		}
	}
	return m
}

// writeEntity is {{ template "entity" . }} of
// templates/partials/entities.md.tmpl.
func writeEntity(b *strings.Builder, e *EntityView) {
	b.WriteString("\n\n### ")
	b.WriteString(e.Heading)
	b.WriteString("\n\n")
	if e.Entity.Description != "" {
		b.WriteString(Text(e.Entity.Description))
	}
	b.WriteString("\n\n")
	if len(e.Entity.Fields) > 0 {
		b.WriteString(e.FieldsTable())
		b.WriteString("\n")
	} else {
		b.WriteString("<!-- The fields of ")
		b.WriteString(commentText(e.Entity.Name))
		b.WriteString(" that the design relies on: name, type, and keys. -->")
	}
	b.WriteString("\n")
	if len(e.Entity.Relations) > 0 {
		b.WriteString("\n**Relations:**\n\n")
		for _, r := range e.Entity.Relations {
			b.WriteString("- ")
			if p := Phrase(r.Label); p != "" {
				b.WriteString(p)
				b.WriteString(" ")
			}
			b.WriteString(Strong(r.To))
			b.WriteString(" (")
			b.WriteString(Display(r.Kind))
			b.WriteString(")\n")
		}
	}
}

// writeEndpoint is {{ template "endpoint" . }} of
// templates/partials/api.md.tmpl.
func writeEndpoint(b *strings.Builder, e *EndpointView) {
	ep := &e.Endpoint
	b.WriteString("\n\n### ")
	b.WriteString(e.Heading)
	b.WriteString("\n\n")
	if ep.Summary != "" {
		b.WriteString(Text(ep.Summary))
	}
	b.WriteString("\n\n")
	if ep.Request != "" {
		b.WriteString("- **Request:** ")
		b.WriteString(Code(ep.Request))
		b.WriteString("\n")
	}
	if ep.Response != "" {
		b.WriteString("- **Response:** ")
		b.WriteString(Code(ep.Response))
		b.WriteString("\n")
	}
	if ep.Auth != "" {
		b.WriteString("- **Auth:** ")
		b.WriteString(Inline(ep.Auth))
		b.WriteString("\n")
	}
}
