package check

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// registry is every rule, in ID order. IDs are stable: a rule that goes
// away leaves its ID unused.
var registry = []Rule{
	{
		ID: "DD001", Severity: Error, Title: "A required section is empty",
		Explain: `A design doc without functional requirements, core entities, API endpoints
or components has nothing for a reviewer to review: those four phases carry
the design. A team can require other sections (required_sections in
.designdoc.yaml); each one listed must have at least one answer.`,
		Topic: "framework", answers: requiredSections,
	},
	{
		ID: "DD002", Severity: Warning, Title: "A functional requirement is not phrased as a user capability",
		Explain: `Functional requirements say what users (or client systems) can do, one
capability each: "Users should be able to post a photo". Phrased that way
they are testable and map onto API endpoints. "The system should …",
"Store photos in S3" or "Fast uploads" are qualities or design decisions:
move them to non_functional or to the high-level design.`,
		Topic: "requirements", answers: capabilityPhrasing,
	},
	{
		ID: "DD003", Severity: Warning, Title: "A non-functional requirement has no number",
		Explain: `"Low latency" and "highly available" cannot be designed for or tested.
A quality that can be measured needs a target: p99 < 200 ms, 99.95% monthly
availability, 10K writes/s at peak, RPO 0. The rule looks for a digit in
availability, scalability, latency, throughput, durability and
fault-tolerance requirements; choices such as CAP or compliance need none.`,
		Topic: "non-functional", answers: measurableQualities,
	},
	{
		ID: "DD004", Severity: Warning, Title: "A functional requirement is served by no component",
		Explain: `Every functional requirement should be carried by at least one component
(its serves list names FR1, FR2, …). A requirement nothing serves is either
missing from the design or not a requirement; the traceability table of the
rendered doc shows the gap.`,
		Topic: "high-level-design", answers: unservedRequirements,
	},
	{
		ID: "DD005", Severity: Warning, Title: "An entity is used by no endpoint, data-flow step or relation",
		Explain: `Core entities are the nouns the API exchanges and the stores keep. An
entity no endpoint, data-flow step or relation mentions is either dead weight
or a sign that the API misses an operation. The rule matches the entity's
name in endpoint paths, summaries, requests and responses and in data-flow
actions, ignoring case, spaces, underscores and a plural s.`,
		Topic: "entities", answers: unusedEntities,
	},
	{
		ID: "DD006", Severity: Warning, Title: "No consistency-versus-availability (CAP) choice",
		Explain: `Under a network partition a distributed system must choose between answering
with possibly stale data and refusing to answer. Which one, and for which
operations, shapes the whole design (a booking needs consistency, a feed
prefers availability). State it as a non-functional requirement with
quality cap.`,
		Topic: "cap", answers: capChoice,
	},
	{
		ID: "DD007", Severity: Warning, Title: "A search index has no sync path from a primary store",
		Explain: `A search index is a secondary copy: something has to keep it in step with
the database that owns the data. Change data capture (CDC) through a stream
or queue is the usual answer, and it makes the index eventually consistent,
with its own lag and failure mode. The rule looks for connections or
data-flow steps reaching the index from a database through queues, streams
or workers only, or for a link labelled CDC, change stream, binlog or sync.
Dual writes from a service are not a sync path: one of them will fail.`,
		Topic: "search-indexes", answers: searchIndexSync,
	},
	{
		ID: "DD008", Severity: Warning, Title: "Realtime wording in the requirements but api.realtime is none",
		Explain: `Requirements that say real-time, live or instantly need a way for the server
to push: long polling, server-sent events (one way) or WebSockets (both
ways). Plain request/response cannot deliver them. Choose api.realtime, or
reword the requirement if polling is good enough.`,
		Topic: "communication", answers: realtimeChannel,
	},
	{
		ID: "DD009", Severity: Warning, Title: "Large binary fields kept in a database, or no blob store",
		Explain: `Files, images, video and other blobs belong in blob storage (S3, GCS), with
only their metadata and a key or URL in the database. Databases are costly
per byte, slow to back up with blobs inside, and cannot hand a client a
pre-signed upload URL. The rule flags fields typed blob, file, image, video,
audio, binary or bytes on an entity stored in a database, or anywhere when
the design has no blob-store component.`,
		Topic: "blob-storage", answers: blobFields,
	},
	{
		ID: "DD010", Severity: Warning, Title: "A queue or stream with no retry or dead-letter handling",
		Explain: `Consumers fail: a message that cannot be processed is retried, and one that
keeps failing must go somewhere (a dead-letter queue) instead of blocking
its partition or being lost. Say how for every queue and stream, in its
responsibility, a connection, the notes or a deep dive.`,
		Topic: "queues", answers: queueRetries,
	},
	{
		ID: "DD011", Severity: Info, Title: "TODO or TBD placeholders are left",
		Explain: `Placeholders (TODO, TBD, TBC, FIXME, XXX, ???) are fine in a draft and a
reminder of what is missing. Once the doc is in review or accepted, DD013
reports them as errors instead.`,
		answers: placeholders,
	},
	{
		ID: "DD012", Severity: Error, Title: "Capacity inputs that cannot hold together",
		Explain: `Each input parses, but together they give nonsense: zero daily users, a peak
factor below 1 (the peak is never below the average), a cache fraction above
1, writes (or reads) with no size, no replicas, or servers that handle zero
requests per second. Every number derived from them would be wrong.`,
		Topic: "capacity", answers: capacityConsistency,
	},
	{
		ID: "DD013", Severity: Error, Title: "Placeholders or unresolved open questions in a doc under review or accepted",
		Explain: `A draft may be incomplete; a doc sent for review or accepted may not. In
status review or accepted, TODO/TBD placeholders and open questions without
a resolution are errors. Settle a question by writing it as
{question: …, resolved: …} (or designdoc edit --set
open_questions[0].resolved=…), or move the doc back to draft.`,
		answers: reviewReadiness,
	},
	{
		ID: "DD014", Severity: Warning, Title: "A system that stores data has no durability requirement",
		Explain: `When the design persists user data (a database or blob store, or entities
with a store), reviewers ask what may be lost: how many replicas before a
write is acknowledged, the recovery point (RPO) and recovery time (RTO).
Add a non-functional requirement with quality durability.`,
		Topic: "durability", answers: durabilityRequirement,
	},
	{
		ID: "DD015", Severity: Warning, Title: "A cache with no invalidation or TTL story",
		Explain: `Every cache serves stale data sooner or later. Say how entries leave it: a
TTL, eviction (LRU), write-through or explicit invalidation on update or
delete, and how stale a read may be. The rule looks for such words in what
the design says about the cache.`,
		Topic: "caches", answers: cacheInvalidation,
	},
	{
		ID: "DD016", Severity: Warning, Title: "A relational store with multi-region writes and availability first, without a deep dive",
		Explain: `A single-primary relational database (PostgreSQL, MySQL) cannot accept
writes in several regions and stay available under a partition without
conflict resolution or a distributed SQL engine. When the requirements ask
for multi-region writes and put availability over consistency, a deep dive
with concept consistency must say how writes in two regions are reconciled.`,
		Topic: "relational-databases", answers: relationalMultiRegion,
	},
	{
		ID: "DD017", Severity: Warning, Title: "A write endpoint says nothing about auth",
		Explain: `An endpoint that creates, changes or deletes data (POST, PUT, PATCH, DELETE)
must say who may call it: bearer token, API key, owner only, or none on
purpose. Leaving auth empty leaves authorization to chance.`,
		Topic: "security", answers: writeAuth,
	},
	{
		ID: "DD018", Severity: Warning, Title: "An entity is stored in a component that is not a store",
		Explain: `An entity's store names the component that persists it: a database, cache,
blob store, search index, queue or stream. A service, gateway or client
does not keep data; name the store behind it.`,
		Topic: "entities", answers: entityStores,
	},
	{
		ID: "DD019", Severity: Warning, Title: "A component is connected to nothing",
		Explain: `In a design with connections, a component no connection or data-flow step
reaches is either missing its arrows or not part of the design.`,
		Topic: "high-level-design", answers: isolatedComponents,
	},

	{
		ID: "DD101", Severity: Error, Title: "A design phase section is missing from the doc",
		Explain: `Checked on a Markdown doc given without its answers file. A design doc
needs sections for the requirements, the core entities (or data model), the
API and the high-level design (or architecture), under any heading level.`,
		Topic: "framework", Input: Markdown, markdown: missingPhases,
	},
	{
		ID: "DD102", Severity: Warning, Title: "A heading has nothing under it",
		Explain: `Checked on a Markdown doc. A heading followed directly by a heading of the
same or a higher level (or by the end of the doc) is an empty section: write
it, or remove the heading.`,
		Input: Markdown, markdown: emptyHeadings,
	},
	{
		ID: "DD103", Severity: Error, Title: "A table row has the wrong number of cells",
		Explain: `Checked on a Markdown doc. Every row of a table must have as many cells as
its header; extra cells are dropped and missing ones shift the columns. A |
inside a cell must be written \|.`,
		Input: Markdown, markdown: raggedTables,
	},
	{
		ID: "DD104", Severity: Warning, Title: "A Mermaid diagram is empty",
		Explain: "Checked on a Markdown doc. A ```mermaid fence with nothing inside renders\nas an error box or as nothing. Draw the diagram or drop the fence.",
		Input:   Markdown, markdown: emptyMermaid,
	},
	{
		ID: "DD105", Severity: Info, Title: "A guidance comment is left in the doc",
		Explain: `Checked on a Markdown doc. designdoc writes a short <!-- … --> comment in a
section that has no answers yet, saying what belongs there. It is invisible
in the rendered doc, so the section looks done while it is empty.`,
		Input: Markdown, markdown: guidanceComments,
	},
}

// --- DD001

// sectionPaths maps a required-section name to the answers it checks.
var sectionAliases = map[string]string{
	"requirements":      "requirements.functional",
	"api":               "api.endpoints",
	"high_level_design": "high_level_design.components",
}

func requiredSections(r *run) {
	list := r.opts.RequiredSections
	if list == nil {
		list = DefaultRequiredSections
	}
	d := r.doc
	for _, name := range list {
		path := strings.TrimSpace(name)
		if a, ok := sectionAliases[path]; ok {
			path = a
		}
		var empty bool
		switch path {
		case "summary":
			empty = strings.TrimSpace(d.Summary) == ""
		case "requirements.functional":
			empty = len(d.Requirements.Functional) == 0
		case "requirements.out_of_scope":
			empty = len(d.Requirements.OutOfScope) == 0
		case "requirements.non_functional":
			empty = len(d.Requirements.NonFunctional) == 0
		case "capacity":
			empty = d.Capacity == nil || !slices.ContainsFunc(d.Capacity.Inputs(), func(in design.CapacityInput) bool { return in.Value.Set() })
		case "entities":
			empty = len(d.Entities) == 0
		case "api.endpoints":
			empty = len(d.API.Endpoints) == 0
		case "data_flow":
			empty = len(d.DataFlow) == 0
		case "high_level_design.components":
			empty = len(d.HighLevelDesign.Components) == 0
		case "high_level_design.connections":
			empty = len(d.HighLevelDesign.Connections) == 0
		case "deep_dives":
			empty = len(d.DeepDives) == 0
		case "alternatives":
			empty = len(d.Alternatives) == 0
		case "open_questions":
			empty = len(d.OpenQuestions) == 0
		default:
			if !design.ValidSectionID(path) {
				continue // not a section this linter knows; the config check reports it
			}
			// One of the team's own sections (extra_sections).
			if e := d.Extra(path); e == nil || strings.TrimSpace(e.Text) == "" {
				pos := r.key("extra_sections")
				if e != nil {
					pos = e.Pos
				}
				r.report(pos, "write it: designdoc edit ANSWERS --section team_sections",
					"the team section %q is empty, and the doc requires it", path)
			}
			continue
		}
		if empty {
			top, _, _ := strings.Cut(path, ".")
			r.report(r.key(top), sectionHints[path], "%s is empty, and the doc requires it", path)
		}
	}
}

var sectionHints = map[string]string{
	"summary":                       "write one paragraph: the problem, who has it, and why now",
	"requirements.functional":       `add what users should be able to do, one per line: "Users should be able to …" (designdoc edit --section requirements)`,
	"requirements.out_of_scope":     "list what this design deliberately leaves out",
	"requirements.non_functional":   "add the qualities the system needs, each with a number",
	"capacity":                      "give the back-of-envelope inputs: dau, reads and writes per user, sizes (designdoc estimate)",
	"entities":                      "add the nouns the API exchanges and the stores keep, with their key fields",
	"api.endpoints":                 "add one endpoint per operation the functional requirements need",
	"data_flow":                     "add the steps of the most important request, from → to : action",
	"high_level_design.components":  "add the components (clients, services, stores) and what each serves",
	"high_level_design.connections": "add the arrows between components",
	"deep_dives":                    "dig into two or three hard parts: problem, solution, trade-offs",
	"alternatives":                  "say which options you weighed and why not",
	"open_questions":                "list what is still undecided",
}

// --- DD002

var capability = re(`^\s*(?:the\s+|an?\s+|each\s+|any\s+|all\s+)?([a-z][\w'/-]*(?:\s+[a-z][\w'/-]*){0,3}?)\s+(?:should|must|can|could|will|shall|are able to|is able to|may)\b`)

// notActors start sentences that describe the system, not its users.
var notActors = []string{"system", "service", "it", "we", "platform", "api", "backend", "server", "app", "application", "data", "database"}

func capabilityPhrasing(r *run) {
	for i, fr := range r.doc.Requirements.Functional {
		m := capability.FindStringSubmatch(fr.Text)
		if m != nil && !slices.Contains(notActors, strings.ToLower(m[1])) {
			continue
		}
		r.report(fr.Pos, `start with who acts: "Users should be able to …" (or Drivers, Admins, Clients …); move qualities to non_functional`,
			"%s is not phrased as a user capability: %s", design.FRID(i+1), quote(fr.Text))
	}
}

// --- DD003

var measured = []string{"availability", "scalability", "latency", "throughput", "durability", "fault-tolerance"}

var hasNumber = re(`\d`)

func measurableQualities(r *run) {
	for i, nf := range r.doc.Requirements.NonFunctional {
		if !slices.Contains(measured, nf.Quality) || hasNumber.MatchString(nf.Requirement) {
			continue
		}
		r.report(nf.Pos, numberHints[nf.Quality],
			"non-functional requirement %d (%s) has no number: %s", i+1, nf.Quality, quote(nf.Requirement))
	}
}

var numberHints = map[string]string{
	"availability":    "give a target such as 99.95% monthly availability, or minutes of downtime a month",
	"scalability":     "give the load to sustain, such as 50K requests/s at peak or 100M daily users",
	"latency":         "give a percentile and a bound, such as p99 < 200 ms",
	"throughput":      "give a rate, such as 10K writes/s at peak",
	"durability":      "give what may be lost: RPO 0, 3 replicas before acknowledging, 11 nines",
	"fault-tolerance": "say what failure is survived and how fast: one zone down with no errors, failover < 30 s",
}

// --- DD004

func unservedRequirements(r *run) {
	d := r.doc
	if len(d.HighLevelDesign.Components) == 0 {
		return // DD001 says the design is missing
	}
	served := map[int]bool{}
	for _, c := range d.HighLevelDesign.Components {
		for _, n := range c.Serves {
			served[n] = true
		}
	}
	for i, fr := range d.Requirements.Functional {
		if !served[i+1] {
			id := design.FRID(i + 1)
			r.report(fr.Pos, "add "+id+" to the serves list of the components that carry it",
				"%s is served by no component: %s", id, quote(fr.Text))
		}
	}
}

// --- DD005

func unusedEntities(r *run) {
	d := r.doc
	var used strings.Builder
	for _, ep := range d.API.Endpoints {
		used.WriteString(squash(ep.Path + " " + ep.Summary + " " + ep.Request + " " + ep.Response))
		used.WriteByte(' ')
	}
	for _, s := range d.DataFlow {
		used.WriteString(squash(s.Action))
		used.WriteByte(' ')
	}
	text := used.String()
	related := map[string]bool{}
	for _, e := range d.Entities {
		if len(e.Relations) > 0 {
			related[e.Name] = true
		}
		for _, rel := range e.Relations {
			related[rel.To] = true
		}
	}
	for _, e := range d.Entities {
		if related[e.Name] {
			continue
		}
		name := squash(e.Name)
		if name != "" && (strings.Contains(text, name) || len(name) > 3 && strings.Contains(text, strings.TrimSuffix(name, "s"))) {
			continue
		}
		r.report(e.Pos, "name it in an endpoint or data-flow step that reads or writes it, relate it to another entity, or drop it",
			"entity %q is used by no endpoint, data-flow step or relation", e.Name)
	}
}

// --- DD006

func capChoice(r *run) {
	nf := r.doc.Requirements.NonFunctional
	if slices.ContainsFunc(nf, func(n design.NonFunctional) bool { return n.Quality == "cap" }) {
		return
	}
	p := r.key("requirements")
	if len(nf) > 0 {
		p = nf[0].Pos
	}
	r.report(p, `add {quality: cap, requirement: "consistency over availability for …"} (or the reverse), saying for which operations`,
		"no non-functional requirement states the consistency-versus-availability choice (quality cap)")
}

// --- DD007

var syncWords = re(`\bcdc\b|change[- ]data[- ]capture|change ?stream|change ?feed|binlog|\bwal\b|debezium|outbox|\bsync|reindex|index(es|ing)? (updates|changes)`)

// edge is a directed link between components, from a connection or a
// data-flow step.
type edge struct {
	from, to, label string
}

func (r *run) edges() []edge {
	var es []edge
	for _, c := range r.doc.HighLevelDesign.Connections {
		es = append(es, edge{c.From, c.To, c.Label})
	}
	for _, s := range r.doc.DataFlow {
		es = append(es, edge{s.From, s.To, s.Action})
	}
	return es
}

func (r *run) kinds() map[string]string {
	m := map[string]string{}
	for _, c := range r.doc.HighLevelDesign.Components {
		m[c.Name] = c.Kind
	}
	return m
}

func searchIndexSync(r *run) {
	kinds := r.kinds()
	es := r.edges()
	for _, c := range r.doc.HighLevelDesign.Components {
		if c.Kind != "search-index" || synced(c, kinds, es) {
			continue
		}
		r.report(c.Pos, "feed it from the primary database by change data capture: database → stream or queue → index, and say how stale a search may be",
			"search index %q has no sync path from a primary store", c.Name)
	}
}

// synced reports whether a search index is fed from a database through
// pipes only (queues, streams, workers), or by a link labelled as a sync.
func synced(index design.Component, kinds map[string]string, es []edge) bool {
	if syncWords.MatchString(index.Technology + " " + index.Responsibility) {
		return true
	}
	seen := map[string]bool{index.Name: true}
	frontier := []string{index.Name}
	for len(frontier) > 0 {
		to := frontier[0]
		frontier = frontier[1:]
		for _, e := range es {
			if e.to != to || seen[e.from] {
				continue
			}
			if syncWords.MatchString(e.label) {
				return true
			}
			switch kinds[e.from] {
			case "database":
				return true
			case "queue", "stream", "worker", "other":
				seen[e.from] = true
				frontier = append(frontier, e.from)
			}
		}
	}
	return false
}

// --- DD008

var realtimeWords = re(`\breal[- ]?time\b|\blive (updates?|feed|scores?|location|chat|view)|\binstant(ly)?\b|\bpush(ed)? (notifications? )?to\b|\bas (it|they) happens?\b|\bwithout (refreshing|reloading|polling)\b`)

// realtimeStems are in every match of realtimeWords.
var realtimeStems = newStems("real", "live ", "instant", "push", "happen", "without ")

func realtimeChannel(r *run) {
	d := r.doc
	if d.API.Realtime != "none" && d.API.Realtime != "" {
		return
	}
	check := func(text string, p design.Pos, what string) bool {
		if !realtimeStems.mayHold(text) {
			return false
		}
		m := realtimeWords.FindString(text)
		if m == "" {
			return false
		}
		r.report(p, "set api.realtime to long-polling, sse or websockets (designdoc edit --set api.realtime=websockets), or reword the requirement if polling is enough",
			"%s says %q but api.realtime is %s", what, m, orNone(d.API.Realtime))
		return true
	}
	for i, fr := range d.Requirements.Functional {
		if check(fr.Text, fr.Pos, design.FRID(i+1)) {
			return
		}
	}
	for i, nf := range d.Requirements.NonFunctional {
		if check(nf.Requirement, nf.Pos, "non-functional requirement "+itoa(i+1)) {
			return
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "not set"
	}
	return s
}

// --- DD009

var binaryTypes = re(`^\s*(blob|bytea|bytes|binary|varbinary|file|image|photo|picture|video|audio|media|attachment|document)s?\b`)

// mayBeBinary is the cheap test before binaryTypes: a match starts, after
// white space, with the first letter of one of its words, in either case
// (or with a character outside ASCII, which case folding may make one).
func mayBeBinary(t string) bool {
	t = strings.TrimLeft(t, " \t\n\f\r")
	if t == "" {
		return false
	}
	c := t[0]
	return c >= utf8.RuneSelf || strings.IndexByte("bfipvamd", lowerASCII(c)) >= 0
}

func blobFields(r *run) {
	kinds := r.kinds()
	hasBlobStore := slices.ContainsFunc(r.doc.HighLevelDesign.Components, func(c design.Component) bool { return c.Kind == "blob-store" })
	for _, e := range r.doc.Entities {
		for _, f := range e.Fields {
			if !mayBeBinary(f.Type) || !binaryTypes.MatchString(f.Type) {
				continue
			}
			switch {
			case kinds[e.Store] == "database":
				r.report(f.Pos, "keep the bytes in a blob store (S3, GCS) and store only a key or URL and metadata in "+e.Store,
					"field %s.%s (%s) keeps binary data in the database %q", e.Name, f.Name, f.Type, e.Store)
			case !hasBlobStore && kinds[e.Store] != "blob-store":
				r.report(f.Pos, "add a blob-store component (S3, GCS) for the bytes, with uploads and downloads straight from the client by pre-signed URL",
					"field %s.%s (%s) holds binary data, but the design has no blob store", e.Name, f.Name, f.Type)
			}
		}
	}
}

// --- DD010

var retryWords = re(`retr(y|ies|ied)|dead[- ]letter|\bdlq\b|redeliver|redrive|poison|back-?off|requeue`)

// retryStems are in every match of retryWords: a cheap test first.
var retryStems = newStems("retr", "dead", "dlq", "redeliver", "redrive", "poison", "back", "requeue")

// containsAny reports whether s holds one of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func queueRetries(r *run) {
	for _, c := range r.doc.HighLevelDesign.Components {
		if c.Kind != "queue" && c.Kind != "stream" {
			continue
		}
		if text := r.about(c.Name); retryStems.mayHold(text) && retryWords.MatchString(text) {
			continue
		}
		r.report(c.Pos, "say what happens when a consumer fails: retries with backoff, then a dead-letter queue that someone watches",
			"%s %q has no retry or dead-letter handling", c.Kind, c.Name)
	}
}

// --- DD011 and DD013

// placeholderWords are matched in capitals only: "a todo list" is a
// product, "TODO" a gap.
var placeholderWords = lazyre.New(`\b(TODO|TBD|TBC|FIXME|XXX)\b|\?\?\?`)

func placeholders(r *run) {
	if reviewed(r.doc) && r.opts.enabled("DD013") {
		return // DD013 reports them as errors
	}
	for _, p := range r.passages() {
		if !containsAny(p.text, "TODO", "TB", "FIXME", "XXX", "???") {
			continue // every match holds one of these
		}
		if m := placeholderWords.FindString(p.text); m != "" {
			r.report(p.pos, "write the missing answer before the doc goes to review", "%s: placeholder %s left", p.where, m)
		}
	}
}

// reviewed reports a doc past its draft: in review or accepted.
func reviewed(d *design.Doc) bool {
	return d.Status == design.StatusReview || d.Status == design.StatusAccepted
}

func reviewReadiness(r *run) {
	d := r.doc
	if !reviewed(d) {
		return
	}
	for _, p := range r.passages() {
		if !containsAny(p.text, "TODO", "TB", "FIXME", "XXX", "???") {
			continue // every match holds one of these
		}
		if m := placeholderWords.FindString(p.text); m != "" {
			r.report(p.pos, "write the missing answer, or set status: draft while the doc is unfinished",
				"%s: placeholder %s left in a doc with status %s", p.where, m, d.Status)
		}
	}
	for _, i := range d.Unresolved() {
		p := d.QuestionPosition(i)
		if !p.Known() {
			p = r.key("open_questions")
		}
		r.report(p, "settle it: write it as {question: …, resolved: …} (designdoc edit --set open_questions["+itoa(i)+"].resolved=…), or set status: draft",
			"open question %d is unresolved in a doc with status %s: %s", i+1, d.Status, quote(d.OpenQuestions[i]))
	}
}

// --- DD012

func capacityConsistency(r *run) {
	c := r.doc.Capacity
	if c == nil {
		return
	}
	val := func(q design.Quantity, kind design.QuantityKind) (float64, bool) {
		if !q.Set() {
			return 0, false
		}
		v, err := design.ParseQuantity(kind, q.Raw)
		return v, err == nil
	}
	at := func(q design.Quantity) design.Pos {
		if q.Pos.Known() {
			return q.Pos
		}
		return r.key("capacity")
	}
	if v, ok := val(c.DAU, design.KindCount); ok && v == 0 {
		r.report(at(c.DAU), "give the daily active users the design is for, such as 10M", "capacity.dau is 0: with no users every estimate is 0")
	}
	if v, ok := val(c.PeakFactor, design.KindNumber); ok && v < 1 {
		r.report(at(c.PeakFactor), "use 1 or more: 2 to 3 is typical for consumer traffic, 10 or more for flash sales",
			"capacity.peak_factor is %s: the peak cannot be below the average", c.PeakFactor.Raw)
	}
	if v, ok := val(c.CacheFraction, design.KindNumber); ok && v > 1 {
		r.report(at(c.CacheFraction), "give the fraction of daily reads to cache, between 0 and 1 (0.2 caches the hottest 20%)",
			"capacity.cache_fraction is %s: more than all the reads cannot be cached", c.CacheFraction.Raw)
	}
	if v, ok := val(c.Replication, design.KindNumber); ok && v < 1 {
		r.report(at(c.Replication), "count every copy kept, the primary included: 3 is usual",
			"capacity.replication is %s: data is kept at least once", c.Replication.Raw)
	}
	if v, ok := val(c.ServerRPS, design.KindNumber); ok && v == 0 {
		r.report(at(c.ServerRPS), "give what one server handles, such as 1000 requests/s", "capacity.server_rps is 0: no number of servers can carry the load")
	}
	if v, ok := val(c.WritesPerUser, design.KindNumber); ok && v > 0 && !c.WriteSize.Set() {
		r.report(at(c.WritesPerUser), "add capacity.write_size, the average size of one write (such as 500B)",
			"capacity.writes_per_user is %s but write_size is missing: storage and ingress cannot be estimated", c.WritesPerUser.Raw)
	}
	if v, ok := val(c.ReadsPerUser, design.KindNumber); ok && v > 0 && !c.ReadSize.Set() {
		r.report(at(c.ReadsPerUser), "add capacity.read_size, the average size of one read (such as 1KB)",
			"capacity.reads_per_user is %s but read_size is missing: egress and cache size cannot be estimated", c.ReadsPerUser.Raw)
	}
}

// --- DD014

func durabilityRequirement(r *run) {
	d := r.doc
	stores := slices.ContainsFunc(d.HighLevelDesign.Components, func(c design.Component) bool {
		return c.Kind == "database" || c.Kind == "blob-store"
	}) || slices.ContainsFunc(d.Entities, func(e design.Entity) bool { return e.Store != "" })
	if !stores {
		return
	}
	nf := d.Requirements.NonFunctional
	if slices.ContainsFunc(nf, func(n design.NonFunctional) bool { return n.Quality == "durability" }) {
		return
	}
	p := r.key("requirements")
	if len(nf) > 0 {
		p = nf[0].Pos
	}
	r.report(p, `add {quality: durability, requirement: "…"} saying what may be lost: replicas before acknowledging a write, RPO and RTO`,
		"the design stores data but no non-functional requirement says how durably")
}

// --- DD015

var invalidationWords = re(`\bttl\b|expir|evict|invalidat|write[- ](through|behind|around)|\blru\b|\blfu\b|purge|\bdel\b|refresh|stale|time[- ]to[- ]live`)

// invalidationStems are in every match of invalidationWords.
var invalidationStems = newStems("ttl", "expir", "evict", "invalidat", "write", "lru", "lfu", "purge", "del", "refresh", "stale", "time")

func cacheInvalidation(r *run) {
	for _, c := range r.doc.HighLevelDesign.Components {
		if c.Kind != "cache" {
			continue
		}
		if text := r.about(c.Name); invalidationStems.mayHold(text) && invalidationWords.MatchString(text) {
			continue
		}
		r.report(c.Pos, "say how entries leave the cache (a TTL, LRU eviction, invalidation on write) and how stale a read may be",
			"cache %q has no invalidation or TTL story", c.Name)
	}
}

// --- DD016

var (
	relationalTech = re(`postgres|\bmysql\b|mariadb|sql server|\bmssql\b|\boracle\b|\baurora\b|\brds\b|sqlite|relational`)
	distributedSQL = re(`spanner|cockroach|yugabyte|\btidb\b|aurora (dsql|global)`)
	// Each way multiRegionWrite says it has multi, write or active in it;
	// "region" alone was in every "home region" field of a large doc.
	multiRegionStems = newStems("multi", "write", "active")
	multiRegionWrite = re(`multi[- ]?region writes?|writes? (in|to|from) (every|all|each|several|multiple|any) regions?|active[- ]active|multi[- ](master|primary|leader)`)
	availabilityWins = re(`availab\w*[^.;]{0,40}\b(over|before|rather than|instead of|above|beats?|>)\b[^.;]{0,20}consisten|\bAP\b`)
	conflictWords    = re(`conflict|last[- ]write|\blww\b|\bcrdt|vector clock|reconcil|multi[- ]?region`)
)

func relationalMultiRegion(r *run) {
	d := r.doc
	var db *design.Component
	for i, c := range d.HighLevelDesign.Components {
		text := c.Technology + " " + c.Name
		if c.Kind == "database" && relationalTech.MatchString(text) && !distributedSQL.MatchString(text) {
			db = &d.HighLevelDesign.Components[i]
			break
		}
	}
	if db == nil {
		return
	}
	var apFirst bool
	for _, nf := range d.Requirements.NonFunctional {
		if nf.Quality == "cap" || nf.Quality == "availability" || nf.Quality == "consistency" {
			apFirst = apFirst || availabilityWins.MatchString(nf.Requirement)
		}
	}
	if !apFirst {
		return
	}
	// Every way of saying multi-region writes has one of these words, a
	// cheap test before the expression.
	multi := false
	for _, p := range r.passages() {
		if multiRegionStems.mayHold(p.text) && multiRegionWrite.MatchString(p.text) {
			multi = true
			break
		}
	}
	if !multi {
		return
	}
	for _, dd := range d.DeepDives {
		if dd.Concept == "consistency" || conflictWords.MatchString(dd.Title+" "+dd.Problem+" "+dd.Solution) {
			return
		}
	}
	r.report(db.Pos, "add a deep dive (concept consistency) on how writes in two regions are reconciled, or choose a store built for it (DynamoDB global tables, Cassandra, Spanner, CockroachDB)",
		"%q is a relational store, the requirements ask for multi-region writes with availability over consistency, and no deep dive says how conflicts are resolved", db.Name)
}

// --- DD017

var writeMethods = []string{"POST", "PUT", "PATCH", "DELETE"}

func writeAuth(r *run) {
	if r.doc.API.Style != "" && r.doc.API.Style != "rest" {
		return
	}
	for _, ep := range r.doc.API.Endpoints {
		if slices.Contains(writeMethods, ep.Method) && strings.TrimSpace(ep.Auth) == "" {
			r.report(ep.Pos, "set auth: bearer, api-key, owner only … or none if anyone may call it on purpose",
				"endpoint %s %s changes data but says nothing about auth", ep.Method, ep.Path)
		}
	}
}

// --- DD018

var storeKinds = []string{"database", "cache", "blob-store", "search-index", "queue", "stream"}

func entityStores(r *run) {
	kinds := r.kinds()
	for _, e := range r.doc.Entities {
		kind, ok := kinds[e.Store]
		if e.Store == "" || !ok || slices.Contains(storeKinds, kind) || kind == "other" {
			continue
		}
		r.report(e.Pos, "name the database, cache or blob store that keeps it (a component of kind database, cache, blob-store …)",
			"entity %q is stored in %q, which is a %s, not a store", e.Name, e.Store, kind)
	}
}

// --- DD019

func isolatedComponents(r *run) {
	d := r.doc
	if len(d.HighLevelDesign.Connections) == 0 || len(d.HighLevelDesign.Components) < 2 {
		return
	}
	linked := map[string]bool{}
	for _, e := range r.edges() {
		linked[e.from], linked[e.to] = true, true
	}
	for _, c := range d.HighLevelDesign.Components {
		if !linked[c.Name] {
			r.report(c.Pos, "add the connections that reach it (high_level_design.connections), or remove it",
				"component %q is connected to nothing", c.Name)
		}
	}
}
