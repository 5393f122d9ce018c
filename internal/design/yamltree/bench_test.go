package yamltree

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// genAnswers writes a block-style answers document with n entities of 5 to
// 8 fields each, shaped like the files the loader reads: mappings,
// sequences of mappings, plain and sometimes quoted single-line scalars.
func genAnswers(n int) string {
	var b strings.Builder
	b.Grow(n * 700)
	types := []string{"uuid", "string", "int", "timestamp", "decimal(12,2)", "string[]", "json", "enum"}
	b.WriteString("title: Synthetic design\nsummary: A generated design used to benchmark parsing.\n")
	b.WriteString("requirements:\n  functional:\n")
	for i := 0; i < n/4; i++ {
		fmt.Fprintf(&b, "    - id: FR-%04d\n      text: Users can create, read, update and list Thing%04d records\n", i, i)
	}
	b.WriteString("entities:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - name: Entity%04d\n    description: Holds entity data for the domain %d.\n    fields:\n", i, i%7)
		for f := 0; f < 5+i%4; f++ {
			fmt.Fprintf(&b, "      - name: field_%d\n        type: %s\n", f, types[(i+f)%len(types)])
			if (i+f)%5 == 0 {
				fmt.Fprintf(&b, "        description: \"Quoted: note %d, with a colon\"\n", f)
			} else {
				fmt.Fprintf(&b, "        description: Field %d of entity %d (indexed) # why\n", f, i)
			}
		}
	}
	b.WriteString("endpoints:\n")
	for i := 0; i < n/2; i++ {
		fmt.Fprintf(&b, "  - method: GET\n    path: /v1/entity%04ds/{id}\n    request: \"\"\n    response: Entity%04d\n", i, i)
	}
	return b.String()
}

func benchmarkParse(b *testing.B, parse func([]byte) (*Node, error)) {
	data := []byte(genAnswers(10000))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse measures Parse on a 10 000-entity answers document, which
// takes the fast path.
func BenchmarkParse(b *testing.B) {
	b.Run("fast", func(b *testing.B) {
		benchmarkParse(b, func(d []byte) (*Node, error) {
			n, ok, _ := parseFast(string(d), nil)
			if !ok {
				return nil, fmt.Errorf("fast path refused the workload")
			}
			return n, nil
		})
	})
	b.Run("yaml.v3", func(b *testing.B) {
		benchmarkParse(b, func(d []byte) (*Node, error) { return parseSlow(string(d), nil) })
	})
	b.Run("Parse", func(b *testing.B) { benchmarkParse(b, Parse) })
	b.Run("ParseOwned", func(b *testing.B) { benchmarkParse(b, ParseOwned) })
}

func TestWorkloadTakesFastPath(t *testing.T) {
	data := []byte(genAnswers(200))
	fast, ok, _ := parseFast(string(data), nil)
	if !ok {
		t.Fatal("fast path refused the generated workload")
	}
	slow, err := parseSlow(string(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	if dump(fast) != dump(slow) {
		t.Fatal("fast and yaml.v3 trees differ on the workload")
	}
}

// BenchmarkParseJSON measures ParseJSON on the same workload as JSON, with
// encoding/json decoding into interface values as a reference.
func BenchmarkParseJSON(b *testing.B) {
	var v any
	if err := yaml.Unmarshal([]byte(genAnswers(10000)), &v); err != nil {
		b.Fatal(err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("ParseJSON", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ParseJSON(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			var out any
			if err := dec.Decode(&out); err != nil {
				b.Fatal(err)
			}
		}
	})
}
