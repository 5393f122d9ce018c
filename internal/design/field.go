package design

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/designdoc-cli/designdoc/internal/lazyre"
)

// CheckField validates one value for the answers field at path, a dotted
// path without indexes ("title", "api.style", "capacity.dau",
// "entities.relations.kind", …), with the messages the loader gives for
// the same value. Prompts, --set and the loader all go through it, so
// that a value is accepted or refused the same way wherever it comes from.
//
// Surrounding white space is ignored in every field that is not free
// text. An empty value is accepted everywhere but in "title": whether a
// field must be given is a check of the whole document (Validate).
// "api.endpoints.method" is checked as an HTTP method, which is right for a
// REST API; a gRPC or GraphQL API names its methods freely, so callers check
// it only when the API style is rest or not given. Free-text fields accept
// any valid UTF-8; an unknown path is an error.
func CheckField(path, value string) error {
	_, err := NormalizeField(path, value)
	return err
}

// NormalizeField is CheckField that also returns the value as the loader
// stores it: trimmed where the field is not free text, enums in lower case,
// HTTP methods in upper case.
func NormalizeField(path, value string) (string, error) {
	kind, ok := fieldKinds[path]
	if !ok {
		return "", fmt.Errorf("unknown answers field %q%s", path, didYouMean(path, fieldPaths))
	}
	if !utf8.ValidString(value) {
		return "", errors.New("the value is not valid UTF-8 text")
	}
	switch kind.check {
	case checkText:
		return value, nil
	case checkTexts:
		return value, nil
	case checkName:
		return checkedName(value)
	case checkTitle:
		s, err := checkedName(value)
		if err == nil && s == "" {
			err = errors.New("the title must not be empty")
		}
		return s, err
	case checkEnum:
		return checkedEnum(value, kind.allowed)
	case checkSlug:
		s := strings.TrimSpace(value)
		return s, slugError(s)
	case checkDate:
		s := strings.TrimSpace(value)
		return s, dateError(s)
	case checkSectionID:
		s := strings.TrimSpace(value)
		return s, sectionIDError(s)
	case checkNumber:
		s := strings.TrimSpace(value)
		if s == "" {
			return "", nil
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return "", fmt.Errorf("expected a whole number, found %q", value)
		}
		return s, docNumberError(n)
	case checkNumbers:
		var nums []string
		for _, item := range strings.Split(value, ",") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			n, err := strconv.Atoi(item)
			if err != nil {
				return "", fmt.Errorf("expected whole numbers separated by commas, found %q", item)
			}
			if err := docNumberError(n); err != nil {
				return "", err
			}
			if slices.Contains(nums, strconv.Itoa(n)) {
				return "", fmt.Errorf("doc %d is listed twice", n)
			}
			nums = append(nums, strconv.Itoa(n))
		}
		return strings.Join(nums, ", "), nil
	case checkQuantity:
		s := strings.TrimSpace(value)
		if s == "" {
			return "", nil
		}
		if _, err := ParseQuantity(kind.quantity, s); err != nil {
			return "", err
		}
		return s, nil
	case checkMethod:
		s, err := checkedName(value)
		if err != nil {
			return "", err
		}
		s = strings.ToUpper(s)
		return s, methodError(s)
	case checkServes:
		var refs []string
		for _, item := range strings.Split(value, ",") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			n, err := parseFRRef(item)
			if err != nil {
				return "", err
			}
			refs = append(refs, FRID(n))
		}
		return strings.Join(refs, ", "), nil
	case checkDigest:
		s, err := checkedName(value)
		if err == nil && s != "" && !isHexDigest(s) {
			err = errors.New(badDigest)
		}
		return s, err
	}
	return value, nil
}

type fieldCheck int

const (
	checkText      fieldCheck = iota // any text
	checkTexts                       // a list of any text, comma-separated on one line
	checkName                        // one line, trimmed
	checkTitle                       // a name that must be given
	checkEnum                        // one of allowed, case-insensitive
	checkSlug                        // ValidSlug
	checkDate                        // YYYY-MM-DD
	checkNumber                      // a doc number, 1 or more
	checkNumbers                     // doc numbers, comma-separated
	checkQuantity                    // a capacity input of a QuantityKind
	checkMethod                      // an HTTP method
	checkServes                      // FR references, comma-separated
	checkDigest                      // a sha256 in hex
	checkSectionID                   // ValidSectionID
)

type fieldKind struct {
	check    fieldCheck
	allowed  []string
	quantity QuantityKind
}

// fieldKinds lists every scalar field of the answers by its dotted path.
var fieldKinds = func() map[string]fieldKind {
	text, name := fieldKind{check: checkText}, fieldKind{check: checkName}
	enum := func(allowed []string) fieldKind { return fieldKind{check: checkEnum, allowed: allowed} }
	m := map[string]fieldKind{
		"title":                               {check: checkTitle},
		"slug":                                {check: checkSlug},
		"summary":                             text,
		"authors":                             {check: checkTexts},
		"status":                              enum(Statuses),
		"created":                             {check: checkDate},
		"number":                              {check: checkNumber},
		"superseded_by":                       {check: checkNumber},
		"supersedes":                          {check: checkNumbers},
		"template":                            name,
		"requirements.functional":             text,
		"requirements.out_of_scope":           text,
		"requirements.non_functional.quality": enum(Qualities),
		"requirements.non_functional.requirement": text,
		"entities.name":                               name,
		"entities.description":                        text,
		"entities.store":                              name,
		"entities.fields.name":                        name,
		"entities.fields.type":                        name,
		"entities.fields.note":                        text,
		"entities.relations.to":                       name,
		"entities.relations.kind":                     enum(RelationKinds),
		"entities.relations.label":                    text,
		"api.style":                                   enum(APIStyles),
		"api.realtime":                                enum(RealtimeChannels),
		"api.endpoints.method":                        {check: checkMethod},
		"api.endpoints.path":                          name,
		"api.endpoints.summary":                       text,
		"api.endpoints.request":                       text,
		"api.endpoints.response":                      text,
		"api.endpoints.auth":                          text,
		"data_flow.from":                              name,
		"data_flow.to":                                name,
		"data_flow.action":                            text,
		"high_level_design.components.name":           name,
		"high_level_design.components.kind":           enum(ComponentKinds),
		"high_level_design.components.technology":     text,
		"high_level_design.components.responsibility": text,
		"high_level_design.components.serves":         {check: checkServes},
		"high_level_design.connections.from":          name,
		"high_level_design.connections.to":            name,
		"high_level_design.connections.label":         text,
		"high_level_design.notes":                     text,
		"deep_dives.concept":                          enum(Concepts),
		"deep_dives.title":                            name,
		"deep_dives.problem":                          text,
		"deep_dives.solution":                         text,
		"deep_dives.tradeoffs":                        text,
		"extra_sections.id":                           {check: checkSectionID},
		"extra_sections.title":                        name,
		"extra_sections.text":                         text,
		"alternatives.title":                          name,
		"alternatives.why_not":                        text,
		"open_questions":                              text,
		"open_questions.question":                     text,
		"open_questions.resolved":                     text,
		"rendered.path":                               name,
		"rendered.sha256":                             {check: checkDigest},
		"rendered.template":                           name,
		"rendered.version":                            name,
	}
	var c Capacity
	for _, in := range c.Inputs() {
		m["capacity."+in.Key] = fieldKind{check: checkQuantity, quantity: in.Kind}
	}
	return m
}()

// fieldPaths is the sorted list of fieldKinds' paths, for suggestions.
var fieldPaths = func() []string {
	out := make([]string, 0, len(fieldKinds))
	for p := range fieldKinds {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}()

const (
	singleLine = "a name must be a single line"
	badDigest  = "not a sha256 digest (64 hex digits); delete the rendered block and render again"
)

// checkedName trims a name and refuses one written on several lines.
func checkedName(s string) (string, error) {
	if strings.ContainsAny(s, "\r\n") {
		return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "\r", " "), "\n", " ")), errors.New(singleLine)
	}
	return strings.TrimSpace(s), nil
}

// checkedEnum returns s as one of allowed (matched ignoring case and
// surrounding space), "" for an empty s, or an error that lists them.
func checkedEnum(s string, allowed []string) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", nil
	}
	if slices.Contains(allowed, t) {
		return t, nil
	}
	if lower := strings.ToLower(t); slices.Contains(allowed, lower) {
		return lower, nil
	}
	return "", fmt.Errorf("%q is not one of %s%s", t, strings.Join(allowed, ", "), didYouMean(t, allowed))
}

func slugError(s string) error {
	if s == "" || ValidSlug(s) {
		return nil
	}
	return fmt.Errorf("%q is not a slug: use lower-case letters, digits and single hyphens (at most %d characters), e.g. %q", s, maxSlug, Slugify(s))
}

var sectionIDPattern = lazyre.New(`^[a-z][a-z0-9_]*$`)

// ValidSectionID reports whether s can name a team's extra section: lower-case
// letters, digits and underscores, starting with a letter.
func ValidSectionID(s string) bool { return sectionIDPattern.MatchString(s) }

func sectionIDError(s string) error {
	if s == "" || ValidSectionID(s) {
		return nil
	}
	return fmt.Errorf("%q is not a section id: use lower-case letters, digits and underscores, starting with a letter", s)
}

func dateError(s string) error {
	if s == "" || validDate(s) {
		return nil
	}
	return fmt.Errorf("%q is not a date; write it as YYYY-MM-DD, e.g. 2026-11-23", s)
}

func docNumberError(n int) error {
	if n < 1 {
		return fmt.Errorf("a doc number must be 1 or more, found %d", n)
	}
	return nil
}

func methodError(m string) error {
	if m == "" || slices.Contains(httpMethods, m) {
		return nil
	}
	return fmt.Errorf("%q is not an HTTP method; use one of %s%s", m, strings.Join(httpMethods, ", "), didYouMean(m, httpMethods))
}

// parseFRRef reads a functional requirement reference: FR1, fr2 or 3.
func parseFRRef(s string) (int, error) {
	s = strings.TrimSpace(s)
	num := strings.TrimPrefix(strings.TrimPrefix(s, "FR"), "fr")
	v, err := strconv.Atoi(num)
	if err != nil || num == "" || num[0] == '+' || num[0] == '-' {
		return 0, fmt.Errorf("%q is not a functional requirement reference; write FR1, FR2, …", s)
	}
	return v, nil
}
