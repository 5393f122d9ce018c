package interview

import (
	"slices"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

// Options that stand for something other than a name in a select.
const (
	newOption  = "+ new…"
	doneOption = "✓ done"
	noneOption = "(none)"
)

func (s *session) componentNames() []string {
	comps := s.doc.HighLevelDesign.Components
	names := make([]string, len(comps))
	for i, c := range comps {
		names[i] = c.Name
	}
	return names
}

func (s *session) hasComponent(name string) bool {
	return slices.Contains(s.componentNames(), name)
}

// pick is a select of the known components; "+ new…" creates one on the
// spot, so that every answer names a component that exists.
type pick struct {
	message  string
	def      string
	done     bool   // offer "✓ done" first, to end a repeated group
	none     bool   // offer "(none)"
	kind     string // kind offered for a new component
	help     string
	describe func(string) string
}

func (s *session) pickComponent(p pick) (string, error) {
	var options []string
	if p.done {
		options = append(options, doneOption)
	}
	if p.none {
		options = append(options, noneOption)
	}
	options = append(options, s.componentNames()...)
	options = append(options, newOption)
	def := p.def
	if !slices.Contains(options, def) {
		def = options[0]
	}
	v, err := s.p.Select(Choice{Message: p.message, Options: options, Default: def, Help: p.help, Describe: s.describeComponent})
	if err != nil || v != newOption {
		return v, err
	}
	return s.newComponent(p.kind)
}

func (s *session) describeComponent(name string) string {
	for _, c := range s.doc.HighLevelDesign.Components {
		if c.Name == name {
			if c.Technology != "" {
				return c.Kind + ", " + c.Technology
			}
			return c.Kind
		}
	}
	return ""
}

// newComponent asks a name and a kind and adds the component; its other
// answers are asked in the high-level design phase.
func (s *session) newComponent(kind string) (string, error) {
	name, err := s.p.Input(Prompt{
		Message:  "Name of the new component",
		Help:     "A box of the architecture, e.g. \"URL Service\", \"URL DB\", \"Redirect Cache\".",
		Validate: all(required("a name"), unique("a component", s.hasComponent)),
	})
	if err != nil {
		return "", err
	}
	k, err := s.pickKind(name, kind)
	if err != nil {
		return "", err
	}
	s.doc.HighLevelDesign.Components = append(s.doc.HighLevelDesign.Components, design.Component{Name: name, Kind: k})
	s.touch("high_level_design")
	return name, nil
}

func (s *session) pickKind(name, def string) (string, error) {
	if def == "" {
		def = guessKind(name)
	}
	return s.p.Select(Choice{
		Message:  "Kind of " + name,
		Options:  design.ComponentKinds,
		Default:  def,
		Describe: kindNote,
		Help:     knowledge.Help("high-level-design"),
	})
}

var kindNotes = map[string]string{
	"client":        "browser, mobile app or calling service",
	"gateway":       "API gateway: routing, auth, rate limits",
	"load-balancer": "spreads traffic over servers",
	"service":       "stateless application logic",
	"database":      "system of record",
	"cache":         "fast copy of hot data",
	"queue":         "work handed off, each message once",
	"stream":        "ordered, replayable event log",
	"blob-store":    "large files and media",
	"search-index":  "full-text or geo search",
	"cdn":           "content served from the edge",
	"worker":        "background processing",
	"other":         "anything else",
}

func kindNote(kind string) string { return kindNotes[kind] }

// kindWords map words in a component's name to the kind it most likely is.
var kindWords = []struct{ word, kind string }{
	{"load balancer", "load-balancer"}, {"lb", "load-balancer"}, {"gateway", "gateway"},
	{"cdn", "cdn"}, {"edge", "cdn"}, {"cache", "cache"}, {"redis", "cache"}, {"memcache", "cache"},
	{"queue", "queue"}, {"sqs", "queue"}, {"rabbit", "queue"}, {"stream", "stream"}, {"kafka", "stream"},
	{"kinesis", "stream"}, {"search", "search-index"}, {"elastic", "search-index"}, {"index", "search-index"},
	{"blob", "blob-store"}, {"s3", "blob-store"}, {"bucket", "blob-store"}, {"storage", "blob-store"},
	{"db", "database"}, {"database", "database"}, {"store", "database"}, {"postgres", "database"},
	{"mysql", "database"}, {"dynamo", "database"}, {"cassandra", "database"}, {"table", "database"},
	{"worker", "worker"}, {"consumer", "worker"}, {"job", "worker"}, {"cron", "worker"},
	{"client", "client"}, {"app", "client"}, {"browser", "client"}, {"user", "client"}, {"web", "client"},
}

// guessKind picks the kind a component's name suggests, else service.
func guessKind(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '/' || r == '.'
	})
	joined := strings.Join(words, " ")
	for _, kw := range kindWords {
		if strings.Contains(kw.word, " ") {
			if strings.Contains(joined, kw.word) {
				return kw.kind
			}
			continue
		}
		for _, w := range words {
			if w == kw.word || strings.HasPrefix(w, kw.word) && len(kw.word) > 3 {
				return kw.kind
			}
		}
	}
	return "service"
}

// removeComponent deletes a component and every answer that names it.
func (s *session) removeComponent(i int) {
	h := &s.doc.HighLevelDesign
	name := h.Components[i].Name
	h.Components = slices.Delete(h.Components, i, i+1)
	h.Connections = slices.DeleteFunc(h.Connections, func(c design.Connection) bool { return c.From == name || c.To == name })
	s.doc.DataFlow = slices.DeleteFunc(s.doc.DataFlow, func(st design.Step) bool { return st.From == name || st.To == name })
	for j := range s.doc.Entities {
		if s.doc.Entities[j].Store == name {
			s.doc.Entities[j].Store = ""
		}
	}
	s.touch("data_flow")
	s.touch("entities")
}
