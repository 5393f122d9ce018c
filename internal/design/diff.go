package design

import "reflect"

// ChangedKeys lists the top-level answers-file keys whose values differ
// between a and b, in the file's canonical order. Positions are ignored,
// and an empty list equals an absent one.
func ChangedKeys(a, b *Doc) []string {
	var out []string
	for _, key := range docKeys {
		if !sameValue(reflect.ValueOf(topLevel(a, key)), reflect.ValueOf(topLevel(b, key))) {
			out = append(out, key)
		}
	}
	return out
}

// topLevel is the value a top-level key holds in doc.
func topLevel(d *Doc, key string) any {
	switch key {
	case "designdoc":
		return d.Version
	case "title":
		return d.Title
	case "slug":
		return d.Slug
	case "summary":
		return d.Summary
	case "authors":
		return d.Authors
	case "status":
		return d.Status
	case "created":
		return d.Created
	case "number":
		return d.Number
	case "superseded_by":
		return d.SupersededBy
	case "supersedes":
		return d.Supersedes
	case "template":
		return d.Template
	case "requirements":
		return d.Requirements
	case "capacity":
		return d.Capacity
	case "entities":
		return d.Entities
	case "api":
		return d.API
	case "data_flow":
		return d.DataFlow
	case "high_level_design":
		return d.HighLevelDesign
	case "deep_dives":
		return d.DeepDives
	case "extra_sections":
		return d.ExtraSections
	case "alternatives":
		return d.Alternatives
	case "open_questions":
		return struct{ Questions, Resolutions []string }{d.OpenQuestions, d.Resolutions}
	case "rendered":
		return d.Rendered
	}
	return nil
}

var posType = reflect.TypeFor[Pos]()

// sameValue is reflect.DeepEqual that skips Pos fields and treats nil and
// empty slices alike.
func sameValue(x, y reflect.Value) bool {
	if x.IsValid() != y.IsValid() {
		return false
	}
	if !x.IsValid() {
		return true
	}
	if x.Type() != y.Type() {
		return false
	}
	switch x.Kind() {
	case reflect.Pointer:
		if x.IsNil() || y.IsNil() {
			return x.IsNil() == y.IsNil()
		}
		return sameValue(x.Elem(), y.Elem())
	case reflect.Slice:
		if x.Len() != y.Len() {
			return false
		}
		for i := range x.Len() {
			if !sameValue(x.Index(i), y.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range x.NumField() {
			if x.Type().Field(i).Type == posType {
				continue
			}
			if !sameValue(x.Field(i), y.Field(i)) {
				return false
			}
		}
		return true
	case reflect.String:
		return x.String() == y.String()
	case reflect.Int:
		return x.Int() == y.Int()
	}
	return reflect.DeepEqual(x.Interface(), y.Interface())
}
