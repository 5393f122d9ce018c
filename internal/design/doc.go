// Package design holds the answers model: the Doc a user writes (or the
// interview collects), its strict loader, its validation and its saving.
// It imports nothing else of designdoc's.
package design

import "strconv"

// SchemaVersion is the answers-file version this build reads and writes.
const SchemaVersion = 1

// Pos is a 1-based position in an answers file. The zero Pos means unknown.
type Pos struct {
	Line, Column int
}

// Known reports whether the position was recorded.
func (p Pos) Known() bool { return p.Line > 0 }

// Doc is one design: everything an answers file holds.
type Doc struct {
	Version int
	Title   string
	Slug    string
	Summary string
	Authors []string
	Status  Status
	Created string // YYYY-MM-DD
	Number  int    // 0 when not numbered
	// SupersededBy is the number of the doc that replaces this one, 0 for
	// none; Supersedes the numbers of the docs this one replaces. designdoc
	// status N superseded --by M writes both sides.
	SupersededBy    int
	Supersedes      []int
	Template        string
	Requirements    Requirements
	Capacity        *Capacity // nil when the file has no capacity section
	Entities        []Entity
	API             API
	DataFlow        []Step
	HighLevelDesign HighLevelDesign
	DeepDives       []DeepDive
	// ExtraSections are the answers to a team's own sections (the project
	// config's extra_sections), in the order the team lists them.
	ExtraSections []ExtraSection
	Alternatives  []Alternative
	OpenQuestions []string
	// Resolutions[i] says how OpenQuestions[i] was settled, or is "" while
	// the question is open; the file writes a settled question as
	// {question, resolved}. It may be shorter than OpenQuestions (nil when
	// none is settled), so read it through Resolution.
	Resolutions []string
	// QuestionPos[i] is where OpenQuestions[i] was written, when loaded.
	QuestionPos []Pos
	Rendered    *Rendered // written by the tool after rendering

	// Keys records where each top-level key was written, for tools that
	// report problems by section.
	Keys map[string]Pos

	flowRoot bool   // the file's top level is written in flow style
	file     string // the name the Doc was parsed under, for Validate's messages
}

// Resolution is how open question i (0-based) was settled, "" while it
// is still open.
func (d *Doc) Resolution(i int) string {
	if i < 0 || i >= len(d.Resolutions) {
		return ""
	}
	return d.Resolutions[i]
}

// QuestionPosition is where open question i (0-based) was written; the
// zero Pos when unknown.
func (d *Doc) QuestionPosition(i int) Pos {
	if i < 0 || i >= len(d.QuestionPos) {
		return Pos{}
	}
	return d.QuestionPos[i]
}

// Unresolved lists the indexes of the open questions not yet settled.
func (d *Doc) Unresolved() []int {
	var out []int
	for i := range d.OpenQuestions {
		if d.Resolution(i) == "" {
			out = append(out, i)
		}
	}
	return out
}

// setResolution records how question i was settled; "" reopens it. The
// slice never ends in "", so equal answers compare equal.
func (d *Doc) setResolution(i int, r string) {
	for len(d.Resolutions) <= i {
		d.Resolutions = append(d.Resolutions, "")
	}
	d.Resolutions[i] = r
	for len(d.Resolutions) > 0 && d.Resolutions[len(d.Resolutions)-1] == "" {
		d.Resolutions = d.Resolutions[:len(d.Resolutions)-1]
	}
	if len(d.Resolutions) == 0 {
		d.Resolutions = nil
	}
}

// ExtraSection is the answer to one of a team's own sections: the id
// the project config gives it, the heading, and the text written for it.
type ExtraSection struct {
	ID    string
	Title string // "" means: the title the team config gives, else one made from the id
	Text  string
	Pos   Pos
}

// Extra returns the answer to the extra section id, nil when there is none.
func (d *Doc) Extra(id string) *ExtraSection {
	for i := range d.ExtraSections {
		if d.ExtraSections[i].ID == id {
			return &d.ExtraSections[i]
		}
	}
	return nil
}

// Status is where a design stands in review.
type Status string

// The statuses a design can have.
const (
	StatusDraft      Status = "draft"
	StatusReview     Status = "review"
	StatusAccepted   Status = "accepted"
	StatusRejected   Status = "rejected"
	StatusSuperseded Status = "superseded"
)

// Statuses lists every valid status in lifecycle order.
var Statuses = []string{"draft", "review", "accepted", "rejected", "superseded"}

// Requirements are the functional and non-functional requirements.
type Requirements struct {
	Functional    []Requirement
	OutOfScope    []string
	NonFunctional []NonFunctional
}

// Requirement is one functional requirement; it is referred to as FR1,
// FR2, … by its position.
type Requirement struct {
	Text string
	Pos  Pos
}

// NonFunctional is a quality the system must have, made concrete.
type NonFunctional struct {
	Quality     string
	Requirement string
	Pos         Pos
}

// Qualities lists the valid non-functional qualities.
var Qualities = []string{"cap", "availability", "scalability", "latency", "throughput",
	"durability", "consistency", "security", "fault-tolerance", "compliance", "environment", "other"}

// Capacity holds the back-of-envelope inputs as the user wrote them
// ("100M", "1KB", "5y"); results are computed from them, never stored.
type Capacity struct {
	DAU           Quantity
	ReadsPerUser  Quantity
	WritesPerUser Quantity
	ReadSize      Quantity
	WriteSize     Quantity
	PeakFactor    Quantity
	Retention     Quantity
	Replication   Quantity
	CacheFraction Quantity
	ServerRPS     Quantity
	Pos           Pos
}

// Quantity is a capacity input kept exactly as written. Raw is empty when
// the input was not given.
type Quantity struct {
	Raw string
	Pos Pos
}

// Set reports whether the input was given.
func (q Quantity) Set() bool { return q.Raw != "" }

// CapacityInput describes one capacity input: its key in the answers file,
// the kind of value it takes and a pointer to it in a Capacity.
type CapacityInput struct {
	Key   string
	Kind  QuantityKind
	Label string
	Value *Quantity
}

// Inputs lists the capacity inputs in the order the spec gives them.
func (c *Capacity) Inputs() []CapacityInput {
	return []CapacityInput{
		{"dau", KindCount, "Daily active users", &c.DAU},
		{"reads_per_user", KindNumber, "Reads per user per day", &c.ReadsPerUser},
		{"writes_per_user", KindNumber, "Writes per user per day", &c.WritesPerUser},
		{"read_size", KindSize, "Average read size", &c.ReadSize},
		{"write_size", KindSize, "Average write size", &c.WriteSize},
		{"peak_factor", KindNumber, "Peak-to-average factor", &c.PeakFactor},
		{"retention", KindDuration, "Retention", &c.Retention},
		{"replication", KindNumber, "Replication factor", &c.Replication},
		{"cache_fraction", KindNumber, "Fraction of reads cached", &c.CacheFraction},
		{"server_rps", KindNumber, "Requests per second one server handles", &c.ServerRPS},
	}
}

// Entity is a core entity of the design.
type Entity struct {
	Name        string
	Description string
	Store       string // the component that persists it, optional
	Fields      []Field
	Relations   []Relation
	Pos         Pos
}

// Field is one attribute of an entity.
type Field struct {
	Name string
	Type string
	Note string
	Pos  Pos
}

// Relation links an entity to another.
type Relation struct {
	To    string
	Kind  string // 1-1, 1-n, n-1, n-n
	Label string
	Pos   Pos
}

// RelationKinds lists the valid relation cardinalities.
var RelationKinds = []string{"1-1", "1-n", "n-1", "n-n"}

// API is the system's interface.
type API struct {
	Style     string // rest, graphql, grpc
	Realtime  string // none, long-polling, sse, websockets
	Endpoints []Endpoint
}

// APIStyles and RealtimeChannels list the valid API enums.
var (
	APIStyles        = []string{"rest", "graphql", "grpc"}
	RealtimeChannels = []string{"none", "long-polling", "sse", "websockets"}
)

// Endpoint is one operation of the API.
type Endpoint struct {
	Method   string
	Path     string
	Summary  string
	Request  string
	Response string
	Auth     string
	Pos      Pos
}

// Step is one step of the data flow.
type Step struct {
	From   string
	To     string
	Action string
	Pos    Pos
}

// HighLevelDesign is the architecture: components and how they connect.
type HighLevelDesign struct {
	Components  []Component
	Connections []Connection
	Notes       string
}

// Component is one box of the architecture.
type Component struct {
	Name           string
	Kind           string
	Technology     string
	Responsibility string
	Serves         []int // 1-based functional requirement numbers
	Pos            Pos
}

// ComponentKinds lists the valid component kinds.
var ComponentKinds = []string{"client", "gateway", "load-balancer", "service", "database", "cache",
	"queue", "stream", "blob-store", "search-index", "cdn", "worker", "other"}

// Connection is an arrow between two components.
type Connection struct {
	From  string
	To    string
	Label string
	Pos   Pos
}

// DeepDive digs into one hard part of the design.
type DeepDive struct {
	Concept   string
	Title     string
	Problem   string
	Solution  string
	Tradeoffs string
	Pos       Pos
}

// Concepts lists the core concepts a deep dive can be about.
var Concepts = []string{"scaling", "consistency", "locking", "indexing", "communication",
	"security", "monitoring", "other"}

// Alternative is an option considered and not taken.
type Alternative struct {
	Title  string
	WhyNot string
	Pos    Pos
}

// Rendered records what the tool last wrote from these answers, so that a
// later render can tell a hand-edited doc from its own output.
type Rendered struct {
	Path     string // relative to the answers file's folder
	SHA256   string
	Template string
	Version  string // designdoc version that wrote it
}

// FRID names a functional requirement by its 1-based position.
func FRID(n int) string { return "FR" + strconv.Itoa(n) }
