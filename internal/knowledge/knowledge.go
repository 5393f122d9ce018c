// Package knowledge holds designdoc's guide: short topics on the delivery
// framework of a system design, the non-functional qualities, the core
// concepts and the key technologies. The topics are Markdown files
// embedded from topics/, so the help the interview shows under a prompt
// and the text of "designdoc guide" come from one place.
package knowledge

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Topic is one entry of the guide.
type Topic struct {
	ID      string
	Title   string
	Group   string
	Summary string // one line, under 80 characters, no trailing period
	// Help is two to four plain-text sentences, at most 500 characters,
	// shown under a prompt when the user asks for help.
	Help    string
	Aliases []string
	Body    string // Markdown, without the title heading
}

// The groups of topics, in the order the guide lists them.
const (
	groupFramework    = "Delivery framework"
	groupQualities    = "Non-functional qualities"
	groupConcepts     = "Core concepts"
	groupTechnologies = "Key technologies"
)

// Groups returns the names of the four groups of topics, in order.
func Groups() []string {
	return []string{groupFramework, groupQualities, groupConcepts, groupTechnologies}
}

//go:embed topics/*.md
var topicFiles embed.FS

// catalog is the parsed topics and an index of every name they answer to.
type catalog struct {
	topics []Topic
	byName map[string]int // normalised id or alias → index in topics
}

// loadEmbedded parses the embedded topics once. They are part of the
// program, not user input, so a malformed one is a bug: TestEmbeddedTopics
// fails on it before any release, and at run time it panics.
var loadEmbedded = sync.OnceValue(func() *catalog {
	c, err := load(topicFiles, "topics")
	if err != nil {
		panic(fmt.Sprintf("knowledge: embedded topics: %v", err))
	}
	return c
})

// Topics returns every topic, grouped in the order of Groups and in a
// reading order within each group. The result is a copy the caller may
// change.
func Topics() []Topic {
	c := loadEmbedded()
	out := make([]Topic, len(c.topics))
	for i, t := range c.topics {
		out[i] = t.clone()
	}
	return out
}

// Lookup finds a topic by id or alias. Case, surrounding space and the
// choice of space, underscore or hyphen between words do not matter, so
// "Fault tolerance" finds fault-tolerance. On a miss the error is a
// *NotFoundError with suggestions.
func Lookup(name string) (Topic, error) {
	c := loadEmbedded()
	if i, ok := c.byName[normalize(name)]; ok {
		return c.topics[i].clone(), nil
	}
	return Topic{}, &NotFoundError{Name: name, Suggestions: c.suggest(name, maxSuggestions)}
}

// Help returns the help text of the topic with this id or alias, or ""
// when there is none.
func Help(id string) string {
	c := loadEmbedded()
	if i, ok := c.byName[normalize(id)]; ok {
		return c.topics[i].Help
	}
	return ""
}

// NotFoundError is returned by Lookup for a name no topic answers to.
type NotFoundError struct {
	Name        string
	Suggestions []string // at most three names, closest first
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("unknown topic %q", e.Name)
	if len(e.Suggestions) == 0 {
		return msg
	}
	quoted := make([]string, len(e.Suggestions))
	for i, s := range e.Suggestions {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	alts := quoted[len(quoted)-1]
	if len(quoted) > 1 {
		alts = strings.Join(quoted[:len(quoted)-1], ", ") + " or " + alts
	}
	return msg + " (did you mean " + alts + "?)"
}

// normalize is the form names are compared in.
func normalize(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	return strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return r == ' ' || r == '_' || r == '-' || r == '\t'
	}), "-")
}

func (t Topic) clone() Topic {
	t.Aliases = slices.Clone(t.Aliases)
	return t
}
