// Oracle for YamlNumberOracle/vectors.json (SCHEMA-006): the JSON text kubectl sends for a YAML number, and what
// apimachinery's ParseQuantity makes of that text. Built by ../regenerate.sh against sigs.k8s.io/yaml and go-yaml v2
// from Debian packages and apimachinery's pkg/api/resource at one tag. Reads a JSON array of inputs on stdin, each
// {"yaml": scalar} (written as the value of a mapping key) or {"json": number text} (a JSON request body's value);
// writes one result per input. Written for this project; ErrorBody's type switch (field/errors.go, v0.28.0 … v0.33.x)
// is restated as in the QuantityOracle of the model tests.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"

	yamlv2 "gopkg.in/yaml.v2"
	"k8s.io/apimachinery/pkg/api/resource"
	"sigs.k8s.io/yaml"
)

type input struct {
	Yaml *string `json:"yaml,omitempty"`
	Json *string `json:"json,omitempty"`
}

type result struct {
	Yaml *string `json:"yaml,omitempty"`
	// GoType: the Go type go-yaml v2 decodes the scalar to (int, float64, string, …), for YAML inputs.
	GoType string `json:"goType,omitempty"`
	// Json: the value's text in YAMLToJSON's output (YAML inputs) or the input itself (JSON inputs).
	Json  string `json:"json"`
	Error string `json:"error,omitempty"`
	// Quantity: Quantity.UnmarshalJSON of that text, then String() (the text the stored object echoes).
	Quantity string `json:"quantity,omitempty"`
	// Parsed: the same Quantity printed as ErrorBody does before v0.34.0 (%#v).
	Parsed        string `json:"parsed,omitempty"`
	QuantityError string `json:"quantityError,omitempty"`
}

func errorBody(bad interface{}) string {
	switch t := bad.(type) {
	case int64, int32, float64, float32, bool:
		return fmt.Sprintf("%v", t)
	case string:
		return fmt.Sprintf("%q", t)
	case fmt.Stringer:
		return t.String()
	default:
		return fmt.Sprintf("%#v", bad)
	}
}

// heap: a decimal-form quantity's *inf.Dec prints as a heap address; written as the fixed one the model uses (VAL-201).
var heap = regexp.MustCompile(`\(\*inf\.Dec\)\(0x[0-9a-f]+\)`)

func run(in input) (r result) {
	var raw []byte
	if in.Yaml != nil {
		r.Yaml = in.Yaml
		doc := "v: " + *in.Yaml + "\n"
		var v map[string]interface{}
		if err := yamlv2.Unmarshal([]byte(doc), &v); err != nil {
			r.Error = err.Error()
			return
		}
		r.GoType = fmt.Sprintf("%T", v["v"])
		j, err := yaml.YAMLToJSON([]byte(doc))
		if err != nil {
			r.Error = err.Error()
			return
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(j, &m); err != nil {
			r.Error = err.Error()
			return
		}
		raw = m["v"]
	} else {
		raw = []byte(*in.Json)
	}
	r.Json = string(raw)
	var q resource.Quantity
	if err := q.UnmarshalJSON(raw); err != nil {
		r.QuantityError = err.Error()
		return
	}
	// Printed before String() is called, as validation sees the decoded value.
	r.Parsed = heap.ReplaceAllString(errorBody(q), "(*inf.Dec)(0xc000000000)")
	r.Quantity = q.String()
	return
}

func main() {
	b, err := io.ReadAll(os.Stdin)
	if err != nil {
		panic(err)
	}
	var ins []input
	if err := json.Unmarshal(b, &ins); err != nil {
		panic(err)
	}
	out := []result{}
	for _, in := range ins {
		out = append(out, run(in))
	}
	o, err := json.Marshal(out)
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(o)
}
