// Oracle for QuantityOracle/vectors.json: apimachinery's pkg/api/resource, built from one tag by ../regenerate.sh.
// Reads a JSON array of quantity texts on stdin; for each, writes what a pod create does with it as a container
// resource up to the ErrorBody of VAL-031, and what a LimitRange default becomes in LimitRanger's informer (ADM-020).
// Written for this project; ErrorBody's type switch (field/errors.go, v0.28.0 … v0.33.x) is restated, not imported,
// so that only pkg/api/resource (and gopkg.in/inf.v0, gogo/protobuf) is needed.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"

	"k8s.io/apimachinery/pkg/api/resource"
)

// errorBody prints a bad value as field.Error.ErrorBody does for an Invalid error before v0.34.0.
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

// heap: a decimal-form quantity's *inf.Dec prints as its heap address, which differs from run to run; the vectors
// hold the fixed address the model writes (VAL-201), so that regenerating gives the same file.
var heap = regexp.MustCompile(`\(\*inf\.Dec\)\(0x[0-9a-f]+\)`)

func goSyntax(q resource.Quantity) string {
	return heap.ReplaceAllString(errorBody(q), "(*inf.Dec)(0xc000000000)")
}

type result struct {
	Text  string `json:"text"`
	Error string `json:"error,omitempty"`
	// Parsed: UnmarshalJSON of the text as a JSON string (the request body), printed as ErrorBody would.
	Parsed string `json:"parsed,omitempty"`
	// Defaulted: after SetDefaults_ResourceList's RoundUp(-3) on the list entry (DEF-017).
	Defaulted string `json:"defaulted,omitempty"`
	// Integer: MilliValue() % 1000 == 0 of the defaulted value (VAL-031's check).
	Integer *bool `json:"integer,omitempty"`
	// String: the defaulted value's String(), which VAL-031's non-negative check prints (quoted).
	String string `json:"string,omitempty"`
	// Json: the defaulted value's MarshalJSON (the bad value from v0.34.0, json.Marshal).
	Json string `json:"json,omitempty"`
	// Reparsed: the defaulted value's String() decoded by ParseQuantity, as LimitRanger's informer holds it.
	Reparsed string `json:"reparsed,omitempty"`
}

func run(text string) (r result) {
	r.Text = text
	body, _ := json.Marshal(text)
	var q resource.Quantity
	if err := q.UnmarshalJSON(body); err != nil {
		r.Error = err.Error()
		return
	}
	r.Parsed = goSyntax(q)
	list := map[string]resource.Quantity{"x": q}
	for k, v := range list {
		v.RoundUp(-3)
		list[k] = v
	}
	d := list["x"]
	r.Defaulted = goSyntax(d)
	integer := d.MilliValue()%1000 == 0
	r.Integer = &integer
	r.String = d.String()
	j, err := d.MarshalJSON()
	if err != nil {
		r.Error = err.Error()
		return
	}
	r.Json = string(j)
	re, err := resource.ParseQuantity(d.String())
	if err != nil {
		r.Error = "reparse: " + err.Error()
		return
	}
	r.Reparsed = goSyntax(re)
	return
}

func main() {
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		panic(err)
	}
	var texts []string
	if err := json.Unmarshal(in, &texts); err != nil {
		panic(err)
	}
	out := []result{}
	for _, t := range texts {
		out = append(out, run(t))
	}
	b, err := json.Marshal(out)
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(b)
}
