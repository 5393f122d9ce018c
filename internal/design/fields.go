package design

import "slices"

// FieldPaths lists the dotted path of every scalar field of the answers
// (the paths CheckField takes), sorted. The JSON Schema is tested against
// it so that the two cannot drift apart.
func FieldPaths() []string { return slices.Clone(fieldPaths) }

// FieldEnum returns the values the enum field at path allows, in the
// order the prompts offer them; nil when the field is not an enum.
func FieldEnum(path string) []string {
	if k, ok := fieldKinds[path]; ok && k.check == checkEnum {
		return slices.Clone(k.allowed)
	}
	return nil
}

// FieldQuantity returns the kind of the capacity input at path; ok is
// false when the field is not a quantity.
func FieldQuantity(path string) (kind QuantityKind, ok bool) {
	k, found := fieldKinds[path]
	return k.quantity, found && k.check == checkQuantity
}

// HTTPMethods lists the methods an endpoint of a REST API may have.
func HTTPMethods() []string { return slices.Clone(httpMethods) }
