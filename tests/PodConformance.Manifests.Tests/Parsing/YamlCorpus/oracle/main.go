package main

// Oracle for cases.json (run by regenerate.sh beside it): reads a JSON array of YAML texts, prints for each what go-yaml v2 decodes
// (document by document, into interface{} with ordered maps) or the error it stops at.
import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v2"
)

func canon(v interface{}) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case bool:
		if t { return "true" }
		return "false"
	case int:
		return "int:" + strconv.FormatInt(int64(t), 10)
	case int64:
		return "int:" + strconv.FormatInt(t, 10)
	case uint64:
		return "int:" + strconv.FormatUint(t, 10)
	case float64:
		return "float:" + strconv.FormatUint(math.Float64bits(t), 16)
	case string:
		return "str:" + quote(t)
	case time.Time:
		return "timestamp"
	case []interface{}:
		s := "["
		for i, x := range t {
			if i > 0 { s += "," }
			s += canon(x)
		}
		return s + "]"
	case yaml.MapSlice:
		s := "{"
		for i, x := range t {
			if i > 0 { s += "," }
			s += canon(x.Key) + ":" + canon(x.Value)
		}
		return s + "}"
	case map[interface{}]interface{}:
		keys := []string{}
		m := map[string]string{}
		for k, x := range t { ck := canon(k); keys = append(keys, ck); m[ck] = canon(x) }
		sort.Strings(keys)
		s := "{"
		for i, k := range keys {
			if i > 0 { s += "," }
			s += k + ":" + m[k]
		}
		return s + "}"
	}
	return fmt.Sprintf("?%T", v)
}

// quote: printable ASCII as is (but " and \\ escaped), any other code point as \\u{X}; invalid UTF-8 bytes as \\x{X}.
func quote(s string) string {
	out := "\""
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			out += fmt.Sprintf("\\x{%X}", s[i])
		} else if r == '"' || r == '\\' {
			out += "\\" + string(r)
		} else if r >= 0x20 && r < 0x7F {
			out += string(r)
		} else {
			out += fmt.Sprintf("\\u{%X}", r)
		}
		i += size
	}
	return out + "\""
}

type result struct {
	Docs  []string `json:"docs"`
	Error string   `json:"error,omitempty"`
}

func run(text string) (r result) {
	r.Docs = []string{}
	defer func() {
		if p := recover(); p != nil {
			r.Error = fmt.Sprintf("panic: %v", p)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader([]byte(text)))
	for {
		var v yaml.MapSlice
		var raw interface{}
		// decode into interface{} first; maps come out unordered, so re-decode ordered when it is a map
		err := dec.Decode(&raw)
		if err == io.EOF {
			return
		}
		if err != nil {
			r.Error = err.Error()
			return
		}
		if _, ok := raw.(map[interface{}]interface{}); ok {
			_ = v
		}
		r.Docs = append(r.Docs, canon(raw))
	}
}

func main() {
	in, _ := io.ReadAll(os.Stdin)
	var texts []string
	if err := json.Unmarshal(in, &texts); err != nil {
		panic(err)
	}
	out := []result{}
	for _, t := range texts {
		out = append(out, run(t))
	}
	b, _ := json.Marshal(out)
	os.Stdout.Write(b)
}
