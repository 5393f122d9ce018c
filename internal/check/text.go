package check

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// passage is one piece of text of the answers, with where it was written
// and which component it belongs to, if any.
type passage struct {
	text      string
	pos       design.Pos
	where     place  // the answers path, for messages
	component string // the component it describes or touches, "" for none
	other     string // the other end of a connection or step
}

// passages lists every free text of the doc with its place, collected on
// first use. Open questions are left out: an undecided question is not a
// placeholder.
func (r *run) passages() []passage {
	if !r.collected {
		r.all, r.collected = r.collectPassages(), true
	}
	return r.all
}

// textIndex holds the passages each component and each word of a
// component's name appear in, so that about stays linear in the doc (a
// 10 000-entity doc has some 100 000 passages and 2 500 components;
// scanning every passage for every component took 45 s). Only the words
// of component names are indexed (about is asked about components), and a
// passage is lower-cased only when about looks at it.
type textIndex struct {
	passages []passage
	lower    []string         // lower-cased text, "" until needed
	byName   map[string][]int // component or other end → passages
	byWord   map[string][]int // lower-case word of a component name → passages
}

func (r *run) index() *textIndex {
	if r.texts != nil {
		return r.texts
	}
	ps := r.passages()
	x := &textIndex{passages: ps, lower: make([]string, len(ps)), byName: map[string][]int{}, byWord: map[string][]int{}}
	var seen wordFilter // the indexed words, to skip the others cheaply
	for _, c := range r.doc.HighLevelDesign.Components {
		for _, w := range words(strings.ToLower(c.Name)) {
			x.byWord[w] = nil
			seen.add(w)
		}
	}
	var buf []byte
	for i, p := range ps {
		x.byName[p.component] = append(x.byName[p.component], i)
		if p.other != p.component {
			x.byName[p.other] = append(x.byName[p.other], i)
		}
		if !isASCII(p.text) {
			// strings.ToLower can turn a non-ASCII letter into an ASCII
			// one (the Kelvin sign into k): take its words as it has them.
			x.lower[i] = strings.ToLower(p.text)
			for _, w := range words(x.lower[i]) {
				x.note(w, i)
			}
			continue
		}
		t := p.text
		for j := 0; j < len(t); {
			if !isWordByte(lowerASCII(t[j])) {
				j++
				continue
			}
			start, h := j, uint32(fnvOffset)
			for ; j < len(t) && isWordByte(lowerASCII(t[j])); j++ {
				h = fnvByte(h, lowerASCII(t[j]))
			}
			if !seen.has(h) {
				continue // not a word of any component's name
			}
			buf = buf[:0]
			for k := start; k < j; k++ {
				buf = append(buf, lowerASCII(t[k]))
			}
			if _, ok := x.byWord[string(buf)]; ok { // no allocation to look up
				x.note(string(buf), i)
			}
		}
	}
	r.texts = x
	return x
}

// wordFilter is a set of words by their FNV-1a hash, 64 Ki bits: a word
// it does not have is not in the set; one it has may be.
type wordFilter [1 << 16 / 64]uint64

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// fnvByte is one step of FNV-1a: h with c hashed in.
func fnvByte(h uint32, c byte) uint32 { return (h ^ uint32(c)) * fnvPrime }

func (f *wordFilter) add(w string) {
	h := uint32(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = fnvByte(h, w[i])
	}
	f[h&0xffff/64] |= 1 << (h & 63)
}

func (f *wordFilter) has(h uint32) bool { return f[h&0xffff/64]&(1<<(h&63)) != 0 }

// note records that passage i holds the indexed word w.
func (x *textIndex) note(w string, i int) {
	l, ok := x.byWord[w]
	if ok && (len(l) == 0 || l[len(l)-1] != i) {
		x.byWord[w] = append(l, i)
	}
}

// lowerAt is passage i's text in lower case.
func (x *textIndex) lowerAt(i int) string {
	if x.lower[i] == "" {
		x.lower[i] = strings.ToLower(x.passages[i].text)
	}
	return x.lower[i]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// stems are words, in lower case, one of which is in every match of a
// case-insensitive expression: mayHold is the cheap test before it.
type stems struct {
	subs  []string
	first [256]bool // the first bytes of subs, in either case
}

func newStems(subs ...string) *stems {
	st := &stems{subs: subs}
	for _, sub := range subs {
		c := sub[0]
		st.first[c] = true
		if 'a' <= c && c <= 'z' {
			st.first[c-'a'+'A'] = true
		}
	}
	return st
}

// mayHold is false only when ASCII text s holds none of the stems,
// ignoring case. Text with other characters may match through Unicode
// case folding (ſ is an s to (?i)), so for it the answer is true.
func (st *stems) mayHold(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if !st.first[c] {
			continue
		}
		c = lowerASCII(c)
		for _, sub := range st.subs {
			if c == sub[0] && hasPrefixFold(s[i:], sub) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether ASCII s starts with lower-case sub,
// ignoring case.
func hasPrefixFold(s, sub string) bool {
	if len(s) < len(sub) {
		return false
	}
	for k := 0; k < len(sub); k++ {
		if lowerASCII(s[k]) != sub[k] {
			return false
		}
	}
	return true
}

// words splits lower-case text into its runs of word bytes, the units
// mentions matches at the edges of.
func words(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isWordByte(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}

func (r *run) collectPassages() []passage {
	d := r.doc
	n := 16 + len(d.Requirements.Functional) + len(d.Requirements.OutOfScope) + len(d.Requirements.NonFunctional) +
		len(d.API.Endpoints) + len(d.DataFlow) + len(d.HighLevelDesign.Components) + len(d.HighLevelDesign.Connections) +
		len(d.DeepDives) + len(d.ExtraSections) + len(d.Alternatives) + len(d.OpenQuestions)
	for _, e := range d.Entities {
		n += 1 + len(e.Fields) + len(e.Relations)
	}
	out := make([]passage, 0, n)
	add := func(text string, p design.Pos, where place) {
		if text != "" {
			out = append(out, passage{text: text, pos: p, where: where})
		}
	}
	add(d.Title, r.key("title"), at("title"))
	add(d.Summary, r.key("summary"), at("summary"))
	for i, fr := range d.Requirements.Functional {
		add(fr.Text, fr.Pos, place{i: i + 1, j: -1})
	}
	for i, s := range d.Requirements.OutOfScope {
		add(s, r.key("requirements"), item("requirements.out_of_scope", i))
	}
	for i, nf := range d.Requirements.NonFunctional {
		add(nf.Requirement, nf.Pos, item("requirements.non_functional", i))
	}
	for i, e := range d.Entities {
		add(e.Description, e.Pos, place{name: "entities", i: i, sub: ".description", j: -1})
		for j, f := range e.Fields {
			add(joinNonEmpty(f.Type, f.Note), f.Pos, place{name: "entities", i: i, sub: ".fields", j: j})
		}
		for j, rel := range e.Relations {
			add(rel.Label, rel.Pos, place{name: "entities", i: i, sub: ".relations", j: j})
		}
	}
	for i, ep := range d.API.Endpoints {
		add(joinNonEmpty(ep.Summary, ep.Request, ep.Response, ep.Auth), ep.Pos, item("api.endpoints", i))
	}
	for i, s := range d.DataFlow {
		out = append(out, passage{text: s.Action, pos: s.Pos, where: item("data_flow", i), component: s.From, other: s.To})
	}
	for i, c := range d.HighLevelDesign.Components {
		out = append(out, passage{text: joinNonEmpty(c.Technology, c.Responsibility), pos: c.Pos,
			where: item("high_level_design.components", i), component: c.Name})
	}
	for i, c := range d.HighLevelDesign.Connections {
		out = append(out, passage{text: c.Label, pos: c.Pos, where: item("high_level_design.connections", i), component: c.From, other: c.To})
	}
	add(d.HighLevelDesign.Notes, r.key("high_level_design"), at("high_level_design.notes"))
	for i, dd := range d.DeepDives {
		add(joinNonEmpty(dd.Title, dd.Problem, dd.Solution, dd.Tradeoffs), dd.Pos, item("deep_dives", i))
	}
	for i, e := range d.ExtraSections {
		add(e.Text, e.Pos, item("extra_sections", i))
	}
	for i, a := range d.Alternatives {
		add(joinNonEmpty(a.Title, a.WhyNot), a.Pos, item("alternatives", i))
	}
	for i := range d.OpenQuestions {
		add(d.Resolution(i), d.QuestionPosition(i), place{name: "open_questions", i: i, sub: ".resolved", j: -1})
	}
	return out
}

// place is where a passage was written, made into a path such as
// entities[3].fields[2] only for a message.
type place struct {
	name string // "title", "entities"; "" for a functional requirement, FR<i>
	i    int    // index into name, -1 for none
	sub  string // ".fields", ".description"…
	j    int    // index into sub, -1 for none
}

func at(name string) place          { return place{name: name, i: -1, j: -1} }
func item(name string, i int) place { return place{name: name, i: i, j: -1} }

func (p place) String() string {
	if p.name == "" {
		return design.FRID(p.i)
	}
	s := p.name
	if p.i >= 0 {
		s += "[" + itoa(p.i) + "]"
	}
	s += p.sub
	if p.j >= 0 {
		s += "[" + itoa(p.j) + "]"
	}
	return s
}

// about returns the text said about a component: its own technology and
// responsibility, the connections and steps that touch it, and every
// other passage that names it.
func (r *run) about(name string) string {
	x := r.index()
	// A passage that mentions name holds each of its words as a whole
	// word, so only the passages holding its rarest word need looking at.
	var candidates []int
	ws := words(strings.ToLower(name))
	indexed := len(ws) > 0
	for _, w := range ws {
		if _, ok := x.byWord[w]; !ok {
			indexed = false // not a component's name: look everywhere
		}
	}
	if indexed {
		candidates = x.byWord[ws[0]]
		for _, w := range ws[1:] {
			if l := x.byWord[w]; len(l) < len(candidates) {
				candidates = l
			}
		}
	} else if name != "" {
		candidates = make([]int, len(x.passages))
		for i := range candidates {
			candidates[i] = i
		}
	}
	lname := strings.ToLower(name)
	var hits []int
	for _, i := range candidates {
		if mentionsLower(x.lowerAt(i), lname) {
			hits = append(hits, i)
		}
	}
	if name != "" {
		hits = append(hits, x.byName[name]...)
	}
	slices.Sort(hits)
	hits = slices.Compact(hits)
	var b strings.Builder
	for _, i := range hits {
		b.WriteString(x.passages[i].text)
		b.WriteByte('\n')
	}
	return b.String()
}

// mentions reports whether text names name, ignoring case, as a whole
// word or phrase.
func mentions(text, name string) bool {
	if name == "" {
		return false
	}
	return mentionsLower(strings.ToLower(text), strings.ToLower(name))
}

// mentionsLower is mentions on text and name already in lower case.
func mentionsLower(t, n string) bool {
	if n == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(t[i:], n)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(n)
		if (start == 0 || !isWordByte(t[start-1])) && (end == len(t) || !isWordByte(t[end])) {
			return true
		}
		i = start + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
}

// squash lowercases s and drops everything but letters and digits, so
// that ShortURL, short_url and short-urls compare alike.
func squash(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 127 {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// joinNonEmpty joins the parts that are not empty, one per line; one
// part alone is returned as it is, with no copy.
func joinNonEmpty(parts ...string) string {
	n, last := 0, ""
	for _, p := range parts {
		if p != "" {
			n, last = n+1, p
		}
	}
	if n <= 1 {
		return last
	}
	var b strings.Builder
	for _, p := range parts {
		if p != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(p)
		}
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

// re is a case-insensitive expression, compiled when first used: the
// linter's expressions took 2 ms to compile when the program started,
// before anything else could run; compiled in the linter's goroutine,
// beside the render, they cost a render nothing.
func re(pattern string) *lazyre.Regexp { return lazyre.New(`(?i)` + pattern) }

// quote shortens text for a message.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return `"` + s + `"`
}
