package design

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// pathSeg is one step of a path into the answers, as written in --set
// and in problem reports: a key, optionally with an index ("entities[2]")
// or empty brackets ("functional[]", append).
type pathSeg struct {
	name   string
	index  int  // -1 when no index was written
	append bool // [] was written
}

// at writes the step back as text.
func (s pathSeg) String() string {
	switch {
	case s.append:
		return s.name + "[]"
	case s.index >= 0:
		return s.name + "[" + strconv.Itoa(s.index) + "]"
	}
	return s.name
}

// parsePath splits "entities[0].fields[1].type" into its steps. Indexes
// are 0-based, as in yq and Helm; one index per step.
func parsePath(p string) ([]pathSeg, error) {
	if p == "" {
		return nil, errors.New("empty path")
	}
	var segs []pathSeg
	for _, part := range strings.Split(p, ".") {
		seg := pathSeg{name: part, index: -1}
		if i := strings.IndexByte(part, '['); i >= 0 {
			if !strings.HasSuffix(part, "]") || strings.Count(part, "[") != 1 || strings.Count(part, "]") != 1 {
				return nil, fmt.Errorf("%q is not a key with an index such as entities[0]", part)
			}
			seg.name = part[:i]
			idx := part[i+1 : len(part)-1]
			if idx == "" {
				seg.append = true
			} else {
				n, err := strconv.Atoi(idx)
				if err != nil || n < 0 || idx[0] == '+' {
					return nil, fmt.Errorf("[%s] is not an index: write a number from 0, or [] to add an item at the end", idx)
				}
				seg.index = n
			}
		}
		if seg.name == "" {
			return nil, fmt.Errorf("%q has an empty key", p)
		}
		segs = append(segs, seg)
	}
	return segs, nil
}

// posAt returns the position doc records nearest to a problem path: the
// item the path goes through deepest (item is then true), else its
// top-level key. It is the zero Pos for a Doc not loaded from a file.
func posAt(doc *Doc, p string) (best Pos, item bool) {
	segs, err := parsePath(p)
	if err != nil {
		return Pos{}, false
	}
	best = doc.Keys[segs[0].name]
	pick := func(q Pos) {
		if q.Known() {
			best, item = q, true
		}
	}
	sub := func(i int) pathSeg {
		if i < len(segs) {
			return segs[i]
		}
		return pathSeg{index: -1}
	}
	switch top := segs[0]; top.name {
	case "requirements":
		switch s := sub(1); s.name {
		case "functional":
			if inRange(s, len(doc.Requirements.Functional)) {
				pick(doc.Requirements.Functional[s.index].Pos)
			}
		case "non_functional":
			if inRange(s, len(doc.Requirements.NonFunctional)) {
				pick(doc.Requirements.NonFunctional[s.index].Pos)
			}
		}
	case "capacity":
		if c := doc.Capacity; c != nil {
			pick(c.Pos)
			for _, in := range c.Inputs() {
				if in.Key == sub(1).name {
					pick(in.Value.Pos)
				}
			}
		}
	case "entities":
		if inRange(top, len(doc.Entities)) {
			e := doc.Entities[top.index]
			pick(e.Pos)
			switch s := sub(1); s.name {
			case "fields":
				if inRange(s, len(e.Fields)) {
					pick(e.Fields[s.index].Pos)
				}
			case "relations":
				if inRange(s, len(e.Relations)) {
					pick(e.Relations[s.index].Pos)
				}
			}
		}
	case "api":
		if s := sub(1); s.name == "endpoints" && inRange(s, len(doc.API.Endpoints)) {
			pick(doc.API.Endpoints[s.index].Pos)
		}
	case "data_flow":
		if inRange(top, len(doc.DataFlow)) {
			pick(doc.DataFlow[top.index].Pos)
		}
	case "high_level_design":
		h := doc.HighLevelDesign
		switch s := sub(1); s.name {
		case "components":
			if inRange(s, len(h.Components)) {
				pick(h.Components[s.index].Pos)
			}
		case "connections":
			if inRange(s, len(h.Connections)) {
				pick(h.Connections[s.index].Pos)
			}
		}
	case "deep_dives":
		if inRange(top, len(doc.DeepDives)) {
			pick(doc.DeepDives[top.index].Pos)
		}
	case "extra_sections":
		if inRange(top, len(doc.ExtraSections)) {
			pick(doc.ExtraSections[top.index].Pos)
		}
	case "alternatives":
		if inRange(top, len(doc.Alternatives)) {
			pick(doc.Alternatives[top.index].Pos)
		}
	}
	return best, item
}

func inRange(s pathSeg, n int) bool { return s.index >= 0 && s.index < n }
