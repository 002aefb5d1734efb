using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// The kubelet's <c>makeEnvironmentVariables</c> (pkg/kubelet/kubelet_pods.go): the environment one container
/// starts with, or the error that keeps it in CreateContainerConfigError.
/// </summary>
public static class EnvironmentBuilder
{
    /// <summary>The first release whose kubelet no longer drops envFrom keys that are not C-like names (ENV-005).</summary>
    private static readonly KubernetesVersion KeyFilterRemovedIn = new(1, 30);

    /// <summary><c>kubetypes.ConfigSourceAnnotationKey</c>: pods not from the API server (static pods) carry another source.</summary>
    public const string ConfigSourceAnnotation = Kubelet.PodSources.Annotation;

    /// <summary>
    /// Builds the environment of <paramref name="container"/> in <paramref name="pod"/> (ENV-001…ENV-008). The
    /// container may be any of the pod's containers; it need not be in the pod (the upstream tests pass a bare one).
    /// </summary>
    public static EnvResult Build(Pod pod, Container container, EnvInputs inputs, Profile profile)
    {
        var result = BuildResult(pod, container, inputs, profile);
        if (RuleCoverage.IsRecording)
        {
            foreach (string rule in result.Rules)
            {
                RuleCoverage.Hit(rule);
            }
        }

        return result;
    }

    private static EnvResult BuildResult(Pod pod, Container container, EnvInputs inputs, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(profile);
        if (PreconditionError(pod, inputs) is { } failed)
        {
            return Fail(failed);
        }

        var rules = new List<string>();
        bool enableServiceLinks = pod.Spec.EnableServiceLinks!.Value;
        string ns = pod.Metadata.Namespace;
        IReadOnlyList<Service>? services = inputs.Services.HasValue ? inputs.Services.Value : (IReadOnlyList<Service>?)null;
        var serviceEnv = ServiceEnvVars.ForPod(ns, enableServiceLinks, services);
        if (serviceEnv.Count > 0)
        {
            rules.Add(EnvRules.ServiceVariables);
        }

        var env = new Dictionary<string, EnvVariable>(StringComparer.Ordinal);
        var warnings = new List<string>();
        if (!container.EnvFrom.IsEmpty)
        {
            rules.Add(EnvRules.EnvFrom);
            if (ApplyEnvFrom(container, inputs, profile, ns, env, warnings) is { } envFromError)
            {
                return Fail(envFromError);
            }
        }

        if (!container.Env.IsEmpty)
        {
            rules.Add(EnvRules.EnvOrder);
        }

        bool outcomeNotChecked = false;
        foreach (var entry in container.Env)
        {
            if (ResolveEntry(entry, pod, container, inputs, profile, env, serviceEnv, rules, ref outcomeNotChecked, out var variable) is { } error)
            {
                return Fail(error) with { OutcomeNotChecked = outcomeNotChecked };
            }

            if (variable is not null)
            {
                if (env.ContainsKey(entry.Name))
                {
                    RuleCoverage.Hit(EnvRules.EnvOrder, "a name set again: the last wins");
                }

                env[entry.Name] = variable;
            }
        }

        var result = new List<EnvVariable>(env.Count + serviceEnv.Count);
        result.AddRange(env.Values);
        foreach (var (name, value) in serviceEnv)
        {
            if (!env.ContainsKey(name))
            {
                result.Add(new EnvVariable(name, value, EnvSource.Service, ServiceOrigin(name)));
            }
        }

        result.Sort((a, b) => Utf8OrdinalComparer.Instance.Compare(a.Name, b.Name));
        rules.Add(EnvRules.Result);
        return new EnvResult { Variables = result.ToValueList(), Warnings = warnings.ToValueList(), Rules = rules.ToValueList(), OutcomeNotChecked = outcomeNotChecked };
    }

    /// <summary>
    /// The two checks <c>makeEnvironmentVariables</c> makes before it reads any entry (ENV-001 enableServiceLinks set,
    /// ENV-002 the Service informer synced): the error every container of <paramref name="pod"/> fails with, or null.
    /// </summary>
    internal static EnvError? PreconditionError(Pod pod, EnvInputs inputs)
    {
        if (pod.Spec.EnableServiceLinks is null)
        {
            return new EnvError(EnvRules.ServiceLinksRequired, "nil pod.spec.enableServiceLinks encountered, cannot construct envvars");
        }

        if (!IsStaticPod(pod) && !inputs.ServicesSynced)
        {
            return new EnvError(EnvRules.ServicesSynced, "services have not yet been read at least once, cannot construct envvars");
        }

        return null;
    }

    /// <summary><c>kubetypes.IsStaticPod</c>: a config-source annotation other than <c>api</c>.</summary>
    public static bool IsStaticPod(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return Kubelet.PodSources.IsStatic(pod.Metadata);
    }

    private static EnvError? ApplyEnvFrom(Container container, EnvInputs inputs, Profile profile, string ns, Dictionary<string, EnvVariable> env, List<string> warnings)
    {
        // 1.28–1.29's kubelet skipped keys that are not C-like names (ENV-005); from 1.30 it keeps every key, whatever
        // RelaxedEnvironmentVariableValidation says (that gate only relaxes the API server's validation).
        bool filter = profile.Version < KeyFilterRemovedIn;
        foreach (var source in container.EnvFrom)
        {
            bool secret;
            ObjectReference reference;
            if (source.ConfigMapRef is { } cm)
            {
                (secret, reference) = (false, cm);
            }
            else if (source.SecretRef is { } sr)
            {
                (secret, reference) = (true, sr);
            }
            else
            {
                continue;
            }

            var store = secret ? inputs.Secrets : inputs.ConfigMaps;
            if (!store.TryGetValue(reference.Name, out var data))
            {
                if (reference.Optional == true)
                {
                    RuleCoverage.Hit(EnvRules.EnvFrom, "optional and missing: skipped");
                    continue;
                }

                RuleCoverage.Hit(EnvRules.EnvFrom, "missing: an error");
                return NotFound(secret, reference.Name, EnvRules.EnvFrom);
            }

            List<string>? invalid = null;
            foreach (var (key, value) in data)
            {
                string name = source.Prefix + key;
                if (filter && NameRules.EnvVarName(name).Length != 0)
                {
                    (invalid ??= []).Add(name);
                    continue;
                }

                string origin = reference.Name + "/" + key;
                env[name] = secret
                    ? new EnvVariable(name, value, EnvSource.Secret, origin, Sensitive: true)
                    : new EnvVariable(name, value, EnvSource.ConfigMap, origin);
            }

            RuleCoverage.Hit(EnvRules.EnvFrom, source.Prefix.Length == 0 ? "every key" : "every key, prefixed");
            if (invalid is not null)
            {
                RuleCoverage.Hit(EnvRules.EnvFromKeyFilter);
                invalid.Sort(StringComparer.Ordinal);
                warnings.Add("Keys [" + string.Join(", ", invalid) + "] from the EnvFrom " + (secret ? "secret " : "configMap ")
                    + ns + "/" + reference.Name + " were skipped since they are considered invalid environment variable names.");
            }
        }

        return null;
    }

    private static EnvError? ResolveEntry(EnvVar entry, Pod pod, Container container, EnvInputs inputs, Profile profile,
        Dictionary<string, EnvVariable> env, Dictionary<string, string> serviceEnv, List<string> rules, ref bool outcomeNotChecked, out EnvVariable? variable)
    {
        variable = null;
        string ns = pod.Metadata.Namespace;
        if (entry.Value.Length > 0)
        {
            bool sensitive = false;
            bool unknown = false;
            string expanded = Expansion.Expand(entry.Value, name =>
            {
                if (env.TryGetValue(name, out var known))
                {
                    RuleCoverage.Hit(ExpandRules.Mapping, known.Sensitive ? "a Secret's value" : "an earlier variable");
                    sensitive |= known.Sensitive;
                    // A value the model does not know (ENV-019) makes the expansion unknown too; so does a name an
                    // unknown optional fileKeyRef may have left out, which is recorded as not checked all the same.
                    unknown |= known.NotChecked;
                    return known.Value;
                }

                if (serviceEnv.TryGetValue(name, out string? service))
                {
                    RuleCoverage.Hit(ExpandRules.Mapping, "a service variable");
                    return service;
                }

                RuleCoverage.Hit(ExpandRules.Mapping, "undefined: kept as written");
                return Expansion.Wrap(name);
            });
            variable = unknown
                ? new EnvVariable(entry.Name, "", EnvSource.Value, "", sensitive, NotChecked: true)
                : new EnvVariable(entry.Name, expanded, EnvSource.Value, "", sensitive);
            return null;
        }

        var from = entry.ValueFrom;
        if (from is null)
        {
            variable = new EnvVariable(entry.Name, "", EnvSource.Value);
            return null;
        }

        EnvError? error;
        string value;
        if (from.FieldRef is { } fieldRef)
        {
            AddOnce(rules, DownwardRules.FieldLabel);
            if (!FieldPathResolver.TryResolve(fieldRef, pod, inputs.Node, inputs.PodIPs, out value, out error))
            {
                return error;
            }

            variable = new EnvVariable(entry.Name, value, EnvSource.FieldRef, fieldRef.FieldPath);
            return null;
        }

        if (from.ResourceFieldRef is { } resourceRef)
        {
            AddOnce(rules, DownwardRules.ResourceField);
            if (!ResourceFieldResolver.TryResolve(resourceRef, pod, container, inputs.Node, profile, out value, out error))
            {
                return error;
            }

            variable = new EnvVariable(entry.Name, value, EnvSource.ResourceFieldRef, resourceRef.Resource);
            return null;
        }

        bool secret;
        KeySelector key;
        if (from.ConfigMapKeyRef is { } cmKey)
        {
            (secret, key) = (false, cmKey);
        }
        else if (from.SecretKeyRef is { } secretKey)
        {
            (secret, key) = (true, secretKey);
        }
        else if (from.FileKeyRef is { } fileKey && profile.IsEnabled(FeatureGateNames.EnvFiles))
        {
            AddOnce(rules, EnvRules.FileKeyRef);
            var syntax = EnvFileParser.SyntaxFor(profile.Version);
            AddOnce(rules, syntax == EnvFileSyntax.Dotenv ? EnvRules.DotenvSyntax : EnvRules.SingleQuotedSyntax);
            string fileOrigin = fileKey.VolumeName + "/" + FileKeyRefResolver.CleanPath(fileKey.Path) + "#" + fileKey.Key;
            switch (FileKeyRefResolver.Resolve(fileKey, pod, inputs, syntax, FileKeyRefResolver.HasAlphaLimits(profile.Version), out value, out error))
            {
                case FileKeyRefResolver.Outcome.Failed:
                    return error;
                case FileKeyRefResolver.Outcome.Skipped:
                    return null;
                case FileKeyRefResolver.Outcome.NotChecked:
                    AddOnce(rules, EnvRules.NotChecked);
                    outcomeNotChecked = true;
                    variable = new EnvVariable(entry.Name, "", EnvSource.File, fileOrigin, NotChecked: true);
                    return null;
                default:
                    variable = new EnvVariable(entry.Name, value, EnvSource.File, fileOrigin);
                    return null;
            }
        }
        else
        {
            // valueFrom with no source the kubelet knows: the empty string. A fileKeyRef with the kubelet's EnvFiles off
            // is one (its case in makeEnvironmentVariables tests the gate first and no other case matches; ENV-016).
            variable = new EnvVariable(entry.Name, "", EnvSource.Value);
            return null;
        }

        AddOnce(rules, EnvRules.KeyRef);
        bool optional = key.Optional == true;
        var store = secret ? inputs.Secrets : inputs.ConfigMaps;
        if (!store.TryGetValue(key.Name, out var data))
        {
            // Optional and missing: the variable is left out entirely (an earlier value of the name survives).
            RuleCoverage.Hit(EnvRules.KeyRef, optional ? "optional object missing: left out" : "object missing: an error");
            return optional ? null : NotFound(secret, key.Name, EnvRules.KeyRef);
        }

        if (!data.TryGetValue(key.Key, out string? found))
        {
            RuleCoverage.Hit(EnvRules.KeyRef, optional ? "optional key missing: left out" : "key missing: an error");
            return optional
                ? null
                : new EnvError(EnvRules.KeyRef, "couldn't find key " + key.Key + " in " + (secret ? "Secret " : "ConfigMap ") + ns + "/" + key.Name);
        }

        RuleCoverage.Hit(EnvRules.KeyRef, secret ? "a Secret key" : "a ConfigMap key");
        string origin = key.Name + "/" + key.Key;
        variable = secret
            ? new EnvVariable(entry.Name, found, EnvSource.Secret, origin, Sensitive: true)
            : new EnvVariable(entry.Name, found, EnvSource.ConfigMap, origin);
        return null;
    }

    /// <summary>The NotFound API error text of the kubelet's configmap / secret managers.</summary>
    private static EnvError NotFound(bool secret, string name, string rule) =>
        new(rule, (secret ? "secret " : "configmap ") + GoQuote.Quote(name) + " not found");

    /// <summary>Service variables carry no Service name once merged; the origin records the variable name.</summary>
    private static string ServiceOrigin(string name) => name;

    private static void AddOnce(List<string> rules, string rule)
    {
        if (!rules.Contains(rule))
        {
            rules.Add(rule);
        }
    }

    private static EnvResult Fail(string rule, string message) => Fail(new EnvError(rule, message));

    private static EnvResult Fail(EnvError error) => new() { Error = error, Rules = ValueList.Of(error.Rule, EnvRules.ConfigError) };
}
