package interview

import (
	"fmt"
	"slices"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

var styleNotes = map[string]string{
	"rest":    "resources over HTTP; the default for public APIs",
	"graphql": "clients choose the fields; many client shapes",
	"grpc":    "typed RPC between services; low overhead",
}

var realtimeNotes = map[string]string{
	"none":         "clients ask when they need to",
	"long-polling": "a held request answered when news arrives",
	"sse":          "server-sent events: one-way push over HTTP",
	"websockets":   "two-way, persistent connection",
}

// methodsFor lists the operations an endpoint can have in each style.
func methodsFor(style string) []string {
	switch style {
	case "graphql":
		return []string{"QUERY", "MUTATION", "SUBSCRIPTION"}
	case "grpc":
		return []string{"UNARY", "SERVER-STREAM", "CLIENT-STREAM", "BIDI-STREAM"}
	}
	return []string{"GET", "POST", "PUT", "PATCH", "DELETE"}
}

func (s *session) apiPhase() error {
	a := &s.doc.API
	if s.asks(a.Style) {
		def := a.Style
		if def == "" {
			def = "rest"
		}
		v, err := s.p.Select(Choice{Message: "API style", Options: design.APIStyles, Default: def,
			Describe: func(o string) string { return styleNotes[o] }, Help: knowledge.Help("api")})
		if err != nil {
			return err
		}
		a.Style = v
	}
	if s.asks(a.Realtime) {
		def := a.Realtime
		if def == "" {
			def = "none"
		}
		v, err := s.p.Select(Choice{Message: "Realtime channel to clients", Options: design.RealtimeChannels, Default: def,
			Describe: func(o string) string { return realtimeNotes[o] }, Help: knowledge.Help("communication")})
		if err != nil {
			return err
		}
		a.Realtime = v
	}
	if s.edit {
		for i := 0; i < len(a.Endpoints); i++ {
			ep := a.Endpoints[i]
			act, err := s.itemAction(fmt.Sprintf("Endpoint %s %s", ep.Method, ep.Path))
			if err != nil {
				return err
			}
			switch act {
			case remove:
				a.Endpoints = slices.Delete(a.Endpoints, i, i+1)
				i--
			case change:
				if err := s.endpoint(i, true); err != nil {
					return err
				}
			}
		}
	}
	if !s.asksGroup("endpoints") {
		return nil
	}
	for {
		example := "e.g. /items or /items/{id}"
		switch a.Style {
		case "graphql":
			example = "an operation, e.g. createItem"
		case "grpc":
			example = "a method, e.g. ItemService/Create"
		}
		v, err := s.p.Input(Prompt{
			Message: fmt.Sprintf("Endpoint %d path (%s; empty to finish)", len(a.Endpoints)+1, example),
			Help:    knowledge.Help("api"),
		})
		if err != nil || v == "" {
			return err
		}
		a.Endpoints = append(a.Endpoints, design.Endpoint{Path: v})
		if err := s.endpoint(len(a.Endpoints)-1, false); err != nil {
			// An endpoint without a method cannot be saved.
			if last := &a.Endpoints[len(a.Endpoints)-1]; last.Method == "" {
				a.Endpoints = a.Endpoints[:len(a.Endpoints)-1]
			}
			return err
		}
	}
}

func (s *session) endpoint(i int, edit bool) error {
	a := &s.doc.API
	ep := &a.Endpoints[i]
	taken := func(method, path string) bool {
		for j, other := range a.Endpoints {
			if j != i && other.Method == method && other.Path == path {
				return true
			}
		}
		return false
	}
	if edit {
		v, err := s.p.Input(Prompt{Message: "Path", Default: ep.Path, Validate: required("a path")})
		if err != nil {
			return err
		}
		ep.Path = v
	}
	methods := methodsFor(a.Style)
	def := ep.Method
	if def == "" {
		def = guessMethod(methods, ep.Path, a.Endpoints[:i])
	}
	for {
		m, err := s.p.Select(Choice{Message: "Method of " + ep.Path, Options: methods, Default: def, Help: knowledge.Help("api")})
		if err != nil {
			return err
		}
		if !taken(m, ep.Path) {
			ep.Method = m
			break
		}
		s.p.Say(fmt.Sprintf("There is already an endpoint %s %s; pick another method.", m, ep.Path))
	}
	questions := []struct {
		msg, def string
		dst      *string
	}{
		{"What does " + ep.Method + " " + ep.Path + " do? (one line)", ep.Summary, &ep.Summary},
		{"Request (e.g. {name, tags?}; optional)", ep.Request, &ep.Request},
		{"Response (e.g. 201 {id}; optional)", ep.Response, &ep.Response},
		{"Auth (bearer, api-key, none, …)", authDefault(ep), &ep.Auth},
	}
	for _, q := range questions {
		if !edit && *q.dst != "" {
			continue
		}
		v, err := s.p.Input(Prompt{Message: q.msg, Default: q.def, Help: knowledge.Help("api")})
		if err != nil {
			return err
		}
		*q.dst = v
	}
	return nil
}

func authDefault(ep *design.Endpoint) string {
	if ep.Auth != "" {
		return ep.Auth
	}
	return "bearer"
}

// guessMethod offers POST for the first endpoint of a collection and GET
// once it has one.
func guessMethod(methods []string, path string, before []design.Endpoint) string {
	if methods[0] != "GET" {
		return methods[0]
	}
	if strings.Contains(path, "{") {
		return "GET"
	}
	for _, ep := range before {
		if ep.Path == path && ep.Method == "POST" {
			return "GET"
		}
	}
	return "POST"
}

func summarizeAPI(d *design.Doc) string {
	a := d.API
	if a.Style == "" && len(a.Endpoints) == 0 {
		return "none"
	}
	return fmt.Sprintf("%s, realtime %s, %s", orDash(a.Style), orDash(a.Realtime), plural(len(a.Endpoints), "endpoint"))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
