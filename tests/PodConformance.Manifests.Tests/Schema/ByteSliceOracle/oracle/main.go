// Oracle for ByteSliceOracle/vectors.json (ADM-019, SCHEMA-003/004): what the API server's JSON decoder,
// sigs.k8s.io/json (the fork of encoding/json that apimachinery's serializer calls), makes of a JSON value for a
// []byte field: a Secret's data value or a ConfigMap's binaryData value. Built by ../regenerate.sh against
// sigs.k8s.io/json at one commit. Reads a JSON array of inputs on stdin, each {"kind": "Secret"|"ConfigMap",
// "json": value text}; writes one result per input: the bytes decoded, or the decoder's error. Written for this
// project; the two structs restate only the field the value goes into (core/v1 Secret.Data, ConfigMap.BinaryData),
// so the error's "Go struct field" names the same struct and json path as the real type does.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	kjson "sigs.k8s.io/json"
)

type Secret struct {
	Data map[string][]byte `json:"data,omitempty"`
}

type ConfigMap struct {
	BinaryData map[string][]byte `json:"binaryData,omitempty"`
}

type input struct {
	Kind string `json:"kind"`
	Json string `json:"json"`
}

type result struct {
	Kind string `json:"kind"`
	Json string `json:"json"`
	// Bytes: the decoded value, each byte a number (null: the map holds a nil slice).
	Bytes *[]int `json:"bytes,omitempty"`
	Nil   bool   `json:"nil,omitempty"`
	// Error: the strict decoder's fatal error (the strict errors, unknown or duplicate fields, are not asked for here).
	Error string `json:"error,omitempty"`
}

func ints(b []byte) *[]int {
	out := make([]int, len(b))
	for i, c := range b {
		out[i] = int(c)
	}
	return &out
}

func run(in input) result {
	r := result{Kind: in.Kind, Json: in.Json}
	var value []byte
	var err error
	switch in.Kind {
	case "Secret":
		var s Secret
		_, err = kjson.UnmarshalStrict([]byte(`{"data":{"k":`+in.Json+`}}`), &s, kjson.DisallowDuplicateFields, kjson.DisallowUnknownFields)
		value = s.Data["k"]
	case "ConfigMap":
		var c ConfigMap
		_, err = kjson.UnmarshalStrict([]byte(`{"binaryData":{"k":`+in.Json+`}}`), &c, kjson.DisallowDuplicateFields, kjson.DisallowUnknownFields)
		value = c.BinaryData["k"]
	default:
		r.Error = "oracle: unknown kind " + in.Kind
		return r
	}
	switch {
	case err != nil:
		r.Error = err.Error()
	case value == nil:
		r.Nil = true
	default:
		r.Bytes = ints(value)
	}
	return r
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var inputs []input
	if err := json.Unmarshal(data, &inputs); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	results := make([]result, 0, len(inputs))
	for _, in := range inputs {
		results = append(results, run(in))
	}
	out, err := json.Marshal(results)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Stdout.Write(out)
}
