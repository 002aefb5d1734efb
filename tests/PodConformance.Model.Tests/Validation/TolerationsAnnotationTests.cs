using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// The <c>scheduler.alpha.kubernetes.io/tolerations</c> annotation (spec/validation.md VAL-312): ValidateTolerationsInPodAnnotations
/// and helper.GetTolerationsFromPodAnnotations, identical in validation.go v1.28.0–v1.35.7 (ceph-csi ff3e84ad6…5a66991bb,
/// openshift-kni/scheduler-plugins 0c967825a, 313dff1ce, 4495d2058, 2117d3e30; 1.35 passes the options on). Upstream's
/// validation_test.go (≈1.30 kubecraft copy cca2926a8, ≈1.32 000f26050b9b) has no case for the annotation: these are written
/// from the source. The JSON syntax texts come from Go's encoding/json decode_test.go (index copy id 40283904); the
/// type-error texts from decode.go's UnmarshalTypeError.Error (index copy id 35491705672).
/// </summary>
public class TolerationsAnnotationTests
{
    private const string Key = "scheduler.alpha.kubernetes.io/tolerations";

    private static string[] Errors(string annotation, Profile? profile = null)
    {
        profile ??= Profile.Default;
        string manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    " + Key + ": '" + annotation.Replace("'", "''", StringComparison.Ordinal)
            + "'\nspec:\n  containers:\n  - name: c\n    image: i\n";
        var read = PodManifestReader.ReadText(manifest, "test", profile.Version);
        Assert.False(read.HasErrors, string.Join("; ", read.Errors));
        var result = PodValidator.Validate(PodDefaulter.Apply(Assert.Single(read.Pods).Pod, profile), profile);
        Assert.Empty(result.NotChecked);
        return result.Errors.Select(e => e.ToString()).ToArray();
    }

    /// <summary>Go's decode_test.go syntax-error vectors (unmarshalTests, "syntax errors" and "raw value errors").</summary>
    [Theory]
    [InlineData("{\"X\": \"foo\", \"Y\"}", "invalid character '}' after object key")]
    [InlineData("[1, 2, 3+]", "invalid character '+' after array element")]
    [InlineData("{\"X\":12x}", "invalid character 'x' after object key:value pair")]
    [InlineData("[2, 3", "unexpected end of JSON input")]
    [InlineData("{\"F3\": -}", "invalid character '}' in numeric literal")]
    [InlineData("\x01 42", "invalid character '\\x01' looking for beginning of value")]
    [InlineData(" 42 \x01", "invalid character '\\x01' after top-level value")]
    [InlineData(" false \x01", "invalid character '\\x01' after top-level value")]
    [InlineData(" 3.4 \x01", "invalid character '\\x01' after top-level value")]
    [InlineData(" \"string\" \x01", "invalid character '\\x01' after top-level value")]
    [InlineData(" \n\r\t", "unexpected end of JSON input")]
    public void Syntax_errors_have_gos_scanner_texts(string json, string expected)
    {
        Assert.Equal(expected, TolerationsAnnotationJson.Decode(json, out var tolerations));
        Assert.Null(tolerations);
    }

    /// <summary>
    /// The scanner's other states (scanner.go: stateBeginString, stateInString*, state1/0/Dot/E, literals, eof feeding a
    /// space, maxNestingDepth 10000), written from the scanner's texts (unverified against a Go run).
    /// </summary>
    [Theory]
    [InlineData("falsetruenul#", "invalid character 't' after top-level value")]
    [InlineData("[{,}]", "invalid character ',' looking for beginning of object key string")]
    [InlineData("[{\"a\":1,}]", "invalid character '}' looking for beginning of object key string")]
    [InlineData("[1,]", "invalid character ']' looking for beginning of value")]
    [InlineData("[01]", "invalid character '1' after array element")]
    [InlineData("[\"a\\qb\"]", "invalid character 'q' in string escape code")]
    [InlineData("[\"\\u12g4\"]", "invalid character 'g' in \\u hexadecimal character escape")]
    [InlineData("[\"a\tb\"]", "invalid character '\\t' in string literal")]
    [InlineData("[1.]", "invalid character ']' after decimal point in numeric literal")]
    [InlineData("[1e+]", "invalid character ']' in exponent of numeric literal")]
    [InlineData("tru", "invalid character ' ' in literal true (expecting 'e')")]
    [InlineData("[nul]", "invalid character ']' in literal null (expecting 'l')")]
    [InlineData("[fals]", "invalid character ']' in literal false (expecting 'e')")]
    [InlineData("-", "invalid character ' ' in numeric literal")]
    [InlineData("{'a':1}", "invalid character '\\'' looking for beginning of object key string")]
    [InlineData("[\"x\" \"y\"]", "invalid character '\"' after array element")]
    [InlineData("é", "invalid character 'Ã' looking for beginning of value")]
    [InlineData("\u00a0", "invalid character 'Â' looking for beginning of value")]
    [InlineData("[", "unexpected end of JSON input")]
    [InlineData("[{\"key\":\"k\"}] x", "invalid character 'x' after top-level value")]
    [InlineData("key: k", "invalid character 'k' looking for beginning of value")]
    public void Other_scanner_states_keep_their_texts(string json, string expected) =>
        Assert.Equal(expected, TolerationsAnnotationJson.Decode(json, out _));

    [Fact]
    public void Nesting_beyond_ten_thousand_levels_is_a_syntax_error()
    {
        Assert.Null(TolerationsAnnotationJson.Decode("[{\"x\":" + new string('[', 9998) + new string(']', 9998) + "}]", out _));
        Assert.Equal("invalid character '[' exceeded max depth", TolerationsAnnotationJson.Decode(new string('[', 10001), out _));
    }

    /// <summary>
    /// decode.go: the first type error wins and decoding goes on; internal core.Toleration has no json tags, so the field is
    /// named by its Go name. Top-level and element errors carry no struct context.
    /// </summary>
    [Theory]
    [InlineData("{\"key\":\"k\"}", "json: cannot unmarshal object into Go value of type []core.Toleration")]
    [InlineData("\"x\"", "json: cannot unmarshal string into Go value of type []core.Toleration")]
    [InlineData("1", "json: cannot unmarshal number into Go value of type []core.Toleration")]
    [InlineData("true", "json: cannot unmarshal bool into Go value of type []core.Toleration")]
    [InlineData("[1]", "json: cannot unmarshal number into Go value of type core.Toleration")]
    [InlineData("[[]]", "json: cannot unmarshal array into Go value of type core.Toleration")]
    [InlineData("[\"k\"]", "json: cannot unmarshal string into Go value of type core.Toleration")]
    [InlineData("[{\"key\":1}]", "json: cannot unmarshal number into Go struct field Toleration.Key of type string")]
    [InlineData("[{\"operator\":true}]", "json: cannot unmarshal bool into Go struct field Toleration.Operator of type core.TolerationOperator")]
    [InlineData("[{\"effect\":{}}]", "json: cannot unmarshal object into Go struct field Toleration.Effect of type core.TaintEffect")]
    [InlineData("[{\"value\":[]}]", "json: cannot unmarshal array into Go struct field Toleration.Value of type string")]
    [InlineData("[{\"tolerationSeconds\":\"5\"}]", "json: cannot unmarshal string into Go struct field Toleration.TolerationSeconds of type int64")]
    [InlineData("[{\"tolerationSeconds\":1.5}]", "json: cannot unmarshal number 1.5 into Go struct field Toleration.TolerationSeconds of type int64")]
    [InlineData("[{\"tolerationSeconds\":1e3}]", "json: cannot unmarshal number 1e3 into Go struct field Toleration.TolerationSeconds of type int64")]
    [InlineData("[{\"tolerationSeconds\":9223372036854775808}]", "json: cannot unmarshal number 9223372036854775808 into Go struct field Toleration.TolerationSeconds of type int64")]
    [InlineData("[{\"key\":1},{\"effect\":2}]", "json: cannot unmarshal number into Go struct field Toleration.Key of type string")]
    public void Type_errors_name_the_go_type_and_field(string json, string expected) =>
        Assert.Equal(expected, TolerationsAnnotationJson.Decode(json, out _));

    [Fact]
    public void Keys_match_go_field_names_case_insensitively_and_unknown_keys_are_ignored()
    {
        Assert.Null(TolerationsAnnotationJson.Decode(
            "[{\"KEY\":\"k\",\"Operator\":\"Equal\",\"vAlUe\":\"v\\u0031\",\"effect\":\"NoExecute\",\"tolerationseconds\":-0,\"extra\":[{\"x\":[1,{}]}]},null,{}]",
            out var tolerations));
        Assert.NotNull(tolerations);
        Assert.Equal(3, tolerations.Count);
        Assert.Equal(new Api.Toleration { Key = "k", Operator = "Equal", Value = "v1", Effect = "NoExecute", TolerationSeconds = 0 }, tolerations[0]);
        Assert.Equal(new Api.Toleration(), tolerations[1]);
        Assert.Equal(new Api.Toleration(), tolerations[2]);

        // KELVIN SIGN folds to K (encoding/json's foldName); a later duplicate key wins; null leaves a string field alone.
        Assert.Null(TolerationsAnnotationJson.Decode("[{\"\u212Aey\":\"a\",\"key\":\"b\",\"value\":null}]", out tolerations));
        Assert.Equal("b", Assert.Single(tolerations!).Key);
        Assert.Null(TolerationsAnnotationJson.Decode("null", out tolerations));
        Assert.Null(tolerations);
        Assert.Null(TolerationsAnnotationJson.Decode("[{\"key\":\"\\ud800\"}]", out tolerations));
        Assert.Equal("\uFFFD", Assert.Single(tolerations!).Key);
    }

    [Fact]
    public void A_decode_error_is_reported_at_the_annotations_with_the_key_as_value()
    {
        Assert.Equal(
            ["metadata.annotations: Invalid value: \"scheduler.alpha.kubernetes.io/tolerations\": invalid character 'k' looking for beginning of value"],
            Errors("key: k"));
        Assert.Equal(
            ["metadata.annotations: Invalid value: \"scheduler.alpha.kubernetes.io/tolerations\": json: cannot unmarshal object into Go value of type []core.Toleration"],
            Errors("{\"key\":\"k\"}"));
    }

    [Fact]
    public void Decoded_tolerations_are_validated_under_the_key_as_a_child_path()
    {
        const string At = "metadata.annotations.scheduler.alpha.kubernetes.io/tolerations";
        Assert.Empty(Errors("[{\"key\":\"k\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]"));
        Assert.Empty(Errors("[]"));
        Assert.Empty(Errors("null"));
        Assert.Equal(
            [At + "[0].operator: Unsupported value: \"Bogus\": supported values: \"Equal\", \"Exists\""],
            Errors("[{\"key\":\"k\",\"operator\":\"Bogus\"}]", new Profile(new KubernetesVersion(1, 33), Collections.ValueMap<bool>.Empty)));
        string[] errors = Errors("[{\"operator\":\"Exists\"},{\"key\":\"a b\",\"tolerationSeconds\":5,\"operator\":\"Exists\"}]", new Profile(new KubernetesVersion(1, 33), Collections.ValueMap<bool>.Empty));
        Assert.Equal(2, errors.Length);
        Assert.StartsWith(At + "[1].key: Invalid value: \"a b\": ", errors[0], StringComparison.Ordinal);
        Assert.Equal(At + "[1].effect: Invalid value: \"\": effect must be 'NoExecute' when `tolerationSeconds` is set", errors[1]);
    }

    private static readonly Gen<string> Text =
        Gen.ArrayOf(Gen.Elements("a", "Z", "0", ".", "/", "-", " ", "\"", "\\", "\n", "\u0001", "é", "\u2028", "<", "😀"))
            .Select(parts => string.Concat(parts));

    private static readonly Gen<Api.Toleration> Tolerations =
        from key in Text
        from op in Text
        from value in Text
        from effect in Text
        from seconds in Gen.Elements<long?>(null, 0, -1, long.MaxValue, long.MinValue, 300)
        select new Api.Toleration { Key = key, Operator = op, Value = value, Effect = effect, TolerationSeconds = seconds };

    /// <summary>
    /// What System.Text.Json writes for a toleration list (any escaping, whitespace indentation, Go field names in a drawn
    /// case, null seconds written or left out) decodes without error to the same tolerations: the scanner accepts all
    /// of valid JSON and the decoder keeps every value.
    /// </summary>
    [Property(Replay = "(1618033988,2718281829)", MaxTest = 300)]
    public Property Valid_json_of_tolerations_round_trips() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Tolerations).Zip(Gen.Elements(true, false)).Zip(Gen.Elements("key", "KEY", "Key", "kEy"))), t =>
        {
            var ((list, indented), keyName) = t;
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
            {
                w.WriteStartArray();
                foreach (var tol in list)
                {
                    w.WriteStartObject();
                    w.WriteString(keyName, tol.Key);
                    w.WriteString("operator", tol.Operator);
                    w.WriteString("Value", tol.Value);
                    w.WriteString("effect", tol.Effect);
                    if (tol.TolerationSeconds is long sec)
                    {
                        w.WriteNumber("tolerationSeconds", sec);
                    }
                    else
                    {
                        w.WriteNull("tolerationSeconds");
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            string json = Encoding.UTF8.GetString(stream.ToArray());
            string? error = TolerationsAnnotationJson.Decode(json, out var decoded);
            return (error is null && decoded is not null && decoded.SequenceEqual(list)).Label(json + " → " + (error ?? "ok"));
        });
}
