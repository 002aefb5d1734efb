using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Generators;

/// <summary>
/// Pods whose containers use env in every form (spec/env.md: literal values with <c>$(VAR)</c> and <c>$$</c>,
/// envFrom with prefixes and optional, key refs with missing keys, Downward API fieldRef and resourceFieldRef with
/// divisors and unset limits), with the ConfigMaps, Secrets, Services and node facts env reads — some objects and keys
/// missing, so CreateContainerConfigError paths are exercised. Pods are valid by construction under every profile.
/// </summary>
public static class EnvGen
{
    /// <summary>
    /// Every Secret value the generator uses: distinctive, so a test can assert none of them ever appears in report
    /// text (reports must show <c>&lt;secret:NAME/KEY&gt;</c> instead).
    /// </summary>
    public static IReadOnlyList<string> SecretValues { get; } = ["tok-S3CR3T-9f2Zq-do-not-print", "pw-S3CR3T-hunter2-Kx7-do-not-print", "k-S3CR3T-$(MODE)-Qp4-do-not-print"];

    /// <summary>Variable names: short, and shared between containers, envFrom keys and references so they collide.</summary>
    public static IReadOnlyList<string> VarNames { get; } = ["A", "B", "MODE", "URL", "TOKEN"];

    /// <summary>Literal templates; <c>R</c> is replaced by a referenced name (earlier, later, or undefined).</summary>
    public static IReadOnlyList<string> LiteralTemplates { get; } =
        ["plain", "", "$(R)", "$$(R)", "$$", "a$(R)b", "$(R)-$(R)", "$$$(R)", "cost $$5", "$(R", "$()", "end$", "$(A$(B))", "x$$y", "caf$é", "5$ off", "https://$(KUBERNETES_SERVICE_HOST):$(KUBERNETES_SERVICE_PORT)"];

    /// <summary>The ConfigMap env reads most: keys that are valid env names, a relaxed-only name (ENV-005) and a dotted one.</summary>
    public static ValueMap<string> AppConfig { get; } =
        ValueMap.Of(("mode", "debug"), ("port", "8080"), ("url", "http://$(MODE)"), ("MODE", "from-config"), ("9lives", "cat"), ("log.level", "info"));

    public static ValueMap<string> OtherConfig { get; } = ValueMap.Of(("mode", "prod"), ("A", "alpha"));

    public static ValueMap<string> AppSecret { get; } = ValueMap.Of(("token", SecretValues[0]), ("password", SecretValues[1]), ("TOKEN", SecretValues[2]));

    /// <summary>Object names a pod refers to; the <c>missing-*</c> ones never exist (references draw them less often, so most containers start).</summary>
    public static IReadOnlyList<string> ConfigMapNames { get; } = ["app-config", "other-config", "missing-config"];

    public static IReadOnlyList<string> SecretNames { get; } = ["app-secret", "missing-secret"];

    private static Gen<bool?> Optional { get; } = Gen.Elements<bool?>(null, null, true, false);

    private static Gen<string> Literal(IReadOnlyList<string> names) =>
        from template in Gen.Elements(LiteralTemplates.ToArray())
        from r in Gen.Elements(names.Append("NOPE").ToArray())
        select template.Replace("(R)", "(" + r + ")", StringComparison.Ordinal).Replace("(R", "(" + r, StringComparison.Ordinal);

    private static Gen<EnvVarSource> ConfigMapKey { get; } =
        from name in Gen.Elements("app-config", "app-config", "other-config", "missing-config")
        from key in Gen.Elements("mode", "port", "url", "mode", "port", "url", "absent-key")
        from optional in Optional
        select new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = name, Key = key, Optional = optional } };

    private static Gen<EnvVarSource> SecretKey { get; } =
        from name in Gen.Elements("app-secret", "app-secret", "missing-secret")
        from key in Gen.Elements("token", "password", "token", "password", "absent-key")
        from optional in Optional
        select new EnvVarSource { SecretKeyRef = new KeySelector { Name = name, Key = key, Optional = optional } };

    /// <summary>Every env-supported field path, with present and absent label/annotation keys.</summary>
    public static IReadOnlyList<string> FieldPaths { get; } =
    [
        "metadata.name", "metadata.namespace", "metadata.labels['app']", "metadata.labels['tier']", "metadata.annotations['team']",
        "spec.nodeName", "spec.serviceAccountName", "status.podIP", "status.podIPs", "status.hostIP", "status.hostIPs",
    ];

    /// <summary>The address paths, drawn as often again as the whole list: each depends on the node's and pod's address families.</summary>
    private static readonly string[] AddressPaths = ["status.podIP", "status.podIPs", "status.hostIP", "status.hostIPs"];

    private static Gen<EnvVarSource> FieldRef { get; } =
        from path in Gen.Frequency((1, Gen.Elements(FieldPaths.ToArray())), (1, Gen.Elements(AddressPaths)))
        from explicitVersion in GenSequence.Bool
        select new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = explicitVersion ? "v1" : "", FieldPath = path } };

    private static Gen<EnvVarSource> ResourceFieldRef { get; } =
        from resource in Gen.Elements("limits.cpu", "requests.cpu", "limits.memory", "requests.memory", "limits.ephemeral-storage", "requests.ephemeral-storage")
        from named in GenSequence.Chance(30)
        from divisor in resource.EndsWith(".cpu", StringComparison.Ordinal)
            ? Gen.Elements<string?>(null, "1m", "1")
            : Gen.Elements<string?>(null, "1", "1Ki", "1Mi", "1Gi", "1M")
        select new EnvVarSource
        {
            ResourceFieldRef = new ResourceFieldSelector { ContainerName = named ? "app" : "", Resource = resource, Divisor = divisor is null ? null : Quantity.Parse(divisor) },
        };

    /// <summary>One variable named <paramref name="name"/> in any form.</summary>
    public static Gen<EnvVar> Var(string name) => Var(name, files: false);

    /// <summary>One variable in any form; with <paramref name="files"/> (EnvFiles on) a <c>fileKeyRef</c> is one of them.</summary>
    public static Gen<EnvVar> Var(string name, bool files) => files
        ? Gen.Frequency(
            (5, Literal(VarNames).Select(v => new EnvVar { Name = name, Value = v })),
            (2, ConfigMapKey.Select(s => new EnvVar { Name = name, ValueFrom = s })),
            (2, SecretKey.Select(s => new EnvVar { Name = name, ValueFrom = s })),
            (2, FieldRef.Select(s => new EnvVar { Name = name, ValueFrom = s })),
            (2, ResourceFieldRef.Select(s => new EnvVar { Name = name, ValueFrom = s })),
            (3, FileKey.Select(s => new EnvVar { Name = name, ValueFrom = s })))
        : Gen.Frequency(
            (5, Literal(VarNames).Select(v => new EnvVar { Name = name, Value = v })),
            (2, ConfigMapKey.Select(s => new EnvVar { Name = name, ValueFrom = s })),
            (2, SecretKey.Select(s => new EnvVar { Name = name, ValueFrom = s })),
            (2, FieldRef.Select(s => new EnvVar { Name = name, ValueFrom = s })),
            (2, ResourceFieldRef.Select(s => new EnvVar { Name = name, ValueFrom = s })));

    /// <summary>The emptyDir volume every file-using pod has, named by its <c>fileKeyRef</c>s (VAL-056).</summary>
    public const string EnvFilesVolume = "envfiles";

    /// <summary>
    /// <c>fileKeyRef</c> sources (ENV-016): the file the init container wrote under several spellings of its path (SecureJoin
    /// cleans them alike), a file never written, a directory (<c>conf</c>), keys present, defined empty (a missing key to
    /// the kubelet) and absent.
    /// </summary>
    private static Gen<EnvVarSource> FileKey { get; } =
        from path in Gen.Elements("app.env", "app.env", "app.env", "./app.env", "/app.env", "conf//app.env", "never-written.env", "conf")
        from key in Gen.Elements("MODE", "URL", "SPACED", "MODE", "URL", "SPACED", "EMPTY", "ABSENT")
        from optional in Gen.Elements<bool?>(null, true, true, false) // optional matters only for a missing key: drawn more often
        select new EnvVarSource
        {
            FileKeyRef = new FileKeySelector { VolumeName = EnvFilesVolume, Path = path, Key = key, Optional = optional },
        };

    /// <summary>
    /// What the init container wrote, in each parser's syntax (ENV-017 for 1.34, ENV-018 from 1.35): values that are
    /// never expanded, an empty one, padding the 1.34 parser trims and the 1.35 one keeps, a continuation and a
    /// multi-line value; the same file under <c>conf/</c> too.
    /// </summary>
    public static string GoodFile(EnvFileSyntax syntax) => syntax == EnvFileSyntax.Dotenv
        ? "# written by the init container\nMODE = from-file\nURL=http://$(MODE)/x # not a comment\nEMPTY=\nSPACED=  two \\\n   words  \n"
        : "# written by the init container\nMODE='from-file'\nURL='http://$(MODE)/x' # a comment\n\nEMPTY=''\nSPACED='  two\n   words  '\n";

    /// <summary>A file each parser refuses at line 2 (whatever key is asked for after it).</summary>
    public static string BadFile(EnvFileSyntax syntax) => syntax == EnvFileSyntax.Dotenv
        ? "# written by the init container\nMODE from-file\n"
        : "# written by the init container\nMODE=from-file\n";

    /// <summary>Variables per container grow with the size up to this cap.</summary>
    public const int MaxVars = 10;

    private static readonly EnvVar[] DerivedFromSecret =
    [
        new EnvVar { Name = "TOKEN", ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = "app-secret", Key = "token", Optional = true } } },
        new EnvVar { Name = "AUTH", Value = "Bearer $(TOKEN)" },
    ];

    /// <summary>
    /// Sometimes none, else 1 to <see cref="MaxVars"/> as the size allows; names repeat sometimes (last wins, ENV-006).
    /// One container in six ends with a token read from the Secret and a header built from it, so a literal's
    /// expansion substitutes a Secret's value and must be masked too (EXPAND-002, ENV-010).
    /// </summary>
    public static Gen<ValueList<EnvVar>> Vars { get; } = VarsWith(files: false);

    private static Gen<ValueList<EnvVar>> VarsWith(bool files) =>
        from n in Gen.Frequency((1, Gen.Constant(0)), (6, GenSequence.Count(1, MaxVars)))
        from names in Gen.Elements(VarNames.ToArray()).ArrayOf(n)
        from vars in GenSequence.Indexed(n, i => Var(names[i], files))
        from derived in GenSequence.Chance(16)
        select derived ? vars.Concat(DerivedFromSecret).ToValueList() : vars.ToValueList();

    private static Gen<EnvFromSource> EnvFromOne { get; } =
        from secret in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from name in secret ? Gen.Elements("app-secret", "app-secret", "missing-secret") : Gen.Elements("app-config", "app-config", "other-config", "missing-config")
        from prefix in Gen.Elements("", "", "CFG_", "S_")
        from optional in Optional
        select secret
            ? new EnvFromSource { Prefix = prefix, SecretRef = new ObjectReference { Name = name, Optional = optional } }
            : new EnvFromSource { Prefix = prefix, ConfigMapRef = new ObjectReference { Name = name, Optional = optional } };

    /// <summary>envFrom sources per container grow with the size up to this cap.</summary>
    public const int MaxEnvFrom = 3;

    private static Gen<ValueList<EnvFromSource>> EnvFrom { get; } =
        from n in Gen.Frequency((3, Gen.Constant(0)), (4, GenSequence.Count(1, MaxEnvFrom)))
        from sources in GenSequence.Indexed(n, _ => EnvFromOne)
        select sources.ToValueList();

    /// <summary>Round resources, including none (resourceFieldRef then falls back to node allocatable, DOWNWARD-008).</summary>
    public static IReadOnlyList<ResourceRequirements> Resources { get; } =
    [
        ResourceRequirements.Empty,
        new() { Limits = ValueMap.Of(("cpu", Quantity.Parse("500m")), ("memory", Quantity.Parse("256Mi"))) },
        new() { Requests = ValueMap.Of(("cpu", Quantity.Parse("250m")), ("memory", Quantity.Parse("64Mi"))) },
        new() { Requests = ValueMap.Of(("memory", Quantity.Parse("128Mi"))), Limits = ValueMap.Of(("memory", Quantity.Parse("512Mi"))) },
        new() { Limits = ValueMap.Of(("cpu", Quantity.Parse("2")), ("memory", Quantity.Parse("1Gi")), ("ephemeral-storage", Quantity.Parse("2Gi"))) },
    ];

    private static Gen<Container> ContainerNamed(string name, bool files) =>
        from vars in VarsWith(files)
        from envFrom in EnvFrom
        from resources in Gen.Elements(Resources.ToArray())
        select new Container { Name = name, Image = "busybox", Env = vars, EnvFrom = envFrom, Resources = resources };

    /// <summary>Regular container names, in order; the count grows with the size up to all of them.</summary>
    public static IReadOnlyList<string> ContainerNames { get; } = ["app", "sidecar", "worker"];

    /// <summary>A valid pod of 1–3 regular containers and maybe an init container (as the size allows), each using env.</summary>
    public static Gen<Pod> Pod { get; } = PodWith(files: false);

    /// <summary>
    /// <see cref="Pod"/>; with <paramref name="files"/> (EnvFiles on) variables may read <c>fileKeyRef</c>s, and the pod
    /// has the emptyDir volume they name, which an init container (<c>write-env</c>) mounts to write the file.
    /// </summary>
    private static Gen<Pod> PodWith(bool files) =>
        from bare in BarePod(files)
        select files && bare.Spec.InitContainers.Concat(bare.Spec.Containers).Any(c => c.Env.Any(e => e.ValueFrom?.FileKeyRef is not null)) ? WithEnvFilesVolume(bare) : bare;

    private static Pod WithEnvFilesVolume(Pod pod) => pod with
    {
        Spec = pod.Spec with
        {
            Volumes = pod.Spec.Volumes.Add(new Volume { Name = EnvFilesVolume, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() }),
            InitContainers = pod.Spec.InitContainers.Insert(0, new Container
            {
                Name = "write-env",
                Image = "busybox",
                VolumeMounts = [new VolumeMount { Name = EnvFilesVolume, MountPath = "/env" }],
            }),
        },
    };

    private static Gen<Pod> BarePod(bool files) =>
        from regular in GenSequence.Count(1, ContainerNames.Count)
        from init in GenSequence.Count(0, 1)
        from containers in GenSequence.Indexed(regular, i => ContainerNamed(ContainerNames[i], files))
        from inits in GenSequence.Indexed(init, _ => ContainerNamed("setup", files))
        from name in Gen.Elements(PodGen.PodNamePool.ToArray())
        from ns in Gen.Elements("", "default", "team-a")
        from labelled in GenSequence.Chance(50)
        from annotated in GenSequence.Chance(40)
        from serviceAccount in Gen.Elements("", "", "builder")
        from links in Gen.Elements<bool?>(null, null, false, true)
        select new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = ns,
                Labels = labelled ? ValueMap.Of(("app", name)) : default,
                Annotations = annotated ? ValueMap.Of(("team", "payments")) : default,
            },
            Spec = new PodSpec { Containers = containers, InitContainers = inits, ServiceAccountName = serviceAccount, EnableServiceLinks = links },
        };

    /// <summary>Node facts: addresses (single-stack, dual-stack either way round, or none: DOWNWARD-004's error), allocatable.</summary>
    public static Gen<Node> Node { get; } =
        from addresses in Gen.Frequency(
            (4, Gen.Constant(ValueList.Of("10.0.0.1"))),
            (2, Gen.Constant(ValueList.Of("10.0.0.1", "fd00::1"))),
            (1, Gen.Constant(ValueList.Of("fd00::1", "10.0.0.1"))),
            (2, Gen.Constant(ValueList<string>.Empty)))
        from smaller in GenSequence.Bool
        select new Node
        {
            Name = "node-1",
            Capacity = ValueMap.Of(("cpu", Quantity.Parse("4")), ("memory", Quantity.Parse("8Gi")), ("ephemeral-storage", Quantity.Parse("100Gi")), ("pods", Quantity.Parse("110"))),
            Allocatable = smaller ? ValueMap.Of(("cpu", Quantity.Parse("3500m")), ("memory", Quantity.Parse("7Gi")), ("ephemeral-storage", Quantity.Parse("90Gi")), ("pods", Quantity.Parse("110"))) : default,
            Addresses = addresses,
        };

    private static Gen<ValueMap<string>> SomeKeys(ValueMap<string> data) =>
        from keep in GenSequence.Chance(85).ArrayOf(data.Count)
        select ValueMap.Create(data.Where((_, i) => keep[i]));

    private static Gen<ValueMap<ValueMap<string>>> Objects(params (string Name, ValueMap<string> Data, int Percent)[] objects) =>
        from present in GenSequence.Indexed(objects.Length, i => GenSequence.Chance(objects[i].Percent))
        from data in GenSequence.Indexed(objects.Length, i => SomeKeys(objects[i].Data))
        select ValueMap.Create(objects.Select((o, i) => (o.Name, Data: data[i], Present: present[i])).Where(o => o.Present).Select(o => KeyValuePair.Create(o.Name, o.Data)));

    /// <summary>The inputs for <paramref name="pod"/>: its namespace's objects (some missing), Services, node and pod IPs.</summary>
    public static Gen<EnvInputs> InputsFor(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string ns = pod.Metadata.Namespace.Length == 0 ? "default" : pod.Metadata.Namespace;
        var kubernetes = Service.Create("kubernetes", "default", "10.96.0.1", "TCP", 443);
        var db = Service.Create("db", ns, "10.96.0.20", "TCP", 5432);
        var headless = new Service { Name = "peers", Namespace = ns, ClusterIP = "None", Ports = [new ServicePort { Port = 7000 }] };
        return from configMaps in Objects(("app-config", AppConfig, 85), ("other-config", OtherConfig, 50))
               from secrets in Objects(("app-secret", AppSecret, 85))
               from services in Gen.Frequency(
                   (3, Gen.Constant(ValueList<Service>.Empty)),
                   (1, Gen.Constant(ValueList.Of(kubernetes))),
                   (1, Gen.Constant(ValueList.Of(kubernetes, db, headless))))
               from synced in GenSequence.Chance(95)
               from node in Node
               from podIPs in Gen.Elements(ValueList<string>.Empty, ValueList.Of("10.244.0.5"), ValueList.Of("fd00:10::5", "10.244.0.5"))
               select new EnvInputs { ConfigMaps = configMaps, Secrets = secrets, Services = services, ServicesSynced = synced, Node = node, PodIPs = podIPs };
    }

    public static Gen<EnvCase> Case { get; } =
        from pod in Pod
        from inputs in InputsFor(pod)
        select new EnvCase(pod, inputs);

    /// <summary>
    /// Cases whose pods read env files (EnvFiles on): the volume's files as the init container left them — mostly the
    /// good file (at <c>app.env</c> and under <c>conf/</c>), sometimes a malformed one, sometimes none at all, and now and
    /// then not given, where the model checks nothing that depends on them (ENV-019).
    /// </summary>
    private static Gen<EnvCase> FileCase(EnvFileSyntax syntax) =>
        syntax == EnvFileSyntax.Dotenv ? AlphaFileCase : FileCaseOf(syntax);

    /// <summary>A key one byte over 1.34's alpha limit of 128 (ENV-016); any printable name but <c>=</c> passes VAL-056.</summary>
    public static string KeyOverAlphaLimit { get; } = new('K', 129);

    /// <summary>The key whose value <see cref="AlphaFileCase"/> writes one byte over 1.34's alpha limit of 32 KiB (ENV-016).</summary>
    public const string BigValueKey = "BIG";

    /// <summary>
    /// 1.34's file cases (the dotenv parser, ENV-017): <see cref="FileCaseOf"/>, where the first <c>fileKeyRef</c> asks, in
    /// one case in three each, for a key over 128 bytes, or for <see cref="BigValueKey"/> in <c>app.env</c>, whose value the
    /// given files make 32,769 bytes long — each refused by an alpha limit only 1.34 has (ENV-016; a third each, since only
    /// cases with a <c>fileKeyRef</c>, and for the value given good files, reach them). Later releases draw
    /// <see cref="FileCaseOf"/> alone, so their cases (and the default run) carry no 32 KiB file.
    /// </summary>
    private static Gen<EnvCase> AlphaFileCase { get; } =
        from c in FileCaseOf(EnvFileSyntax.Dotenv)
        from limit in Gen.Elements(0, 1, 2)
        select limit switch
        {
            1 => WithFirstFileKey(c, s => s with { Key = KeyOverAlphaLimit }),
            2 => WithBigValue(WithFirstFileKey(c, s => s with { Key = BigValueKey, Path = "app.env" })),
            _ => c,
        };

    /// <summary>The case with its first <c>fileKeyRef</c> (init containers first) changed by <paramref name="change"/>; as it was without one.</summary>
    private static EnvCase WithFirstFileKey(EnvCase c, Func<FileKeySelector, FileKeySelector> change)
    {
        var spec = c.Pod.Spec;
        foreach (bool init in new[] { true, false })
        {
            var list = init ? spec.InitContainers : spec.Containers;
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = 0; j < list[i].Env.Count; j++)
                {
                    var v = list[i].Env[j];
                    if (v.ValueFrom?.FileKeyRef is { } selector)
                    {
                        var changed = list.SetItem(i, list[i] with { Env = list[i].Env.SetItem(j, v with { ValueFrom = v.ValueFrom with { FileKeyRef = change(selector) } }) });
                        return c with { Pod = c.Pod with { Spec = init ? spec with { InitContainers = changed } : spec with { Containers = changed } } };
                    }
                }
            }
        }

        return c;
    }

    /// <summary>The given <c>app.env</c> with a last line defining <see cref="BigValueKey"/> as 32,769 bytes; files not given stay so.</summary>
    private static EnvCase WithBigValue(EnvCase c) =>
        c.Objects.VolumeFiles.TryGetValue(EnvFilesVolume, out var files) && files.TryGetValue("app.env", out string? text)
            ? c with { Objects = c.Objects with { VolumeFiles = c.Objects.VolumeFiles.SetItem(EnvFilesVolume, files.SetItem("app.env", text + BigValueKey + "=" + new string('v', 32769) + "\n")) } }
            : c;

    private static Gen<EnvCase> FileCaseOf(EnvFileSyntax syntax) =>
        from pod in PodWith(files: true)
        from inputs in InputsFor(pod)
        from files in Gen.Frequency(
            (10, Gen.Constant<ValueMap<string>?>(ValueMap.Of(("app.env", GoodFile(syntax)), ("conf/app.env", GoodFile(syntax))))),
            (2, Gen.Constant<ValueMap<string>?>(ValueMap.Of(("app.env", BadFile(syntax)), ("conf/app.env", GoodFile(syntax))))),
            (1, Gen.Constant<ValueMap<string>?>(ValueMap<string>.Empty)),
            (1, Gen.Constant<ValueMap<string>?>(null)))
        select new EnvCase(pod, files is { } given && pod.Spec.Volumes.Any(v => v.Name == EnvFilesVolume)
            ? inputs with { VolumeFiles = ValueMap.Of((EnvFilesVolume, given)) }
            : inputs);

    /// <summary>
    /// <see cref="Case"/> for <paramref name="profile"/> (with <c>fileKeyRef</c>s where EnvFiles is on): while PodHostIPs exists and is off (1.28 by default) validation
    /// refuses a <c>status.hostIPs</c> fieldRef (spec/validation.md VAL-052), so such a reference reads
    /// <c>status.hostIP</c> instead and every case stays admissible.
    /// </summary>
    public static Gen<EnvCase> CaseFor(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // fileKeyRef exists only with EnvFiles (alpha 1.34, on from 1.35): without it the create strategy drops it (ADM-091).
        var cases = profile.IsEnabled(FeatureGateNames.EnvFiles) ? FileCase(EnvFileParser.SyntaxFor(profile.Version)) : Case;
        return profile.Version >= PodHostIpsRemoved || profile.IsEnabled("PodHostIPs")
            ? cases
            : cases.Select(c => c with { Pod = WithoutHostIps(c.Pod) });
    }

    /// <summary>
    /// <see cref="CaseFor"/>, and where the release has EnvFiles off by default but may turn it on (1.34, alpha: <see
    /// cref="GateSwitch.On"/>), one case in four is drawn with the gate on as the case's own (<see cref="EnvCase.Gates"/>), so
    /// that the run reaches 1.34's env-file parser and limits (ENV-016, ENV-017) without the run's <c>--feature-gates</c>.
    /// Such a case is performed by the model and process adapters only (a real target's own configuration decides its
    /// gates). Where EnvFiles is on already, or cannot be turned on, this is <see cref="CaseFor"/> draw for draw.
    /// </summary>
    public static Gen<EnvCase> GatedCaseFor(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Version < EnvFilesSince || GateSwitch.On(profile, FeatureGateNames.EnvFiles) is not { } on)
        {
            return CaseFor(profile);
        }

        return Gen.Frequency((3, CaseFor(profile)), (1, CaseFor(GateSwitch.Apply(profile, on)).Select(c => c with { Gates = on })));
    }

    /// <summary>The first release with <c>fileKeyRef</c> (EnvFiles alpha).</summary>
    private static readonly KubernetesVersion EnvFilesSince = new(1, 34);

    /// <summary>PodHostIPs is registered 1.28–1.32 (spec/gates); from 1.33 the field is simply allowed.</summary>
    private static readonly KubernetesVersion PodHostIpsRemoved = new(1, 33);

    private static Pod WithoutHostIps(Pod pod) => pod with
    {
        Spec = pod.Spec with
        {
            InitContainers = new ValueList<Container>(pod.Spec.InitContainers.Select(WithoutHostIps)),
            Containers = new ValueList<Container>(pod.Spec.Containers.Select(WithoutHostIps)),
        },
    };

    private static Container WithoutHostIps(Container c) => c with
    {
        Env = new ValueList<EnvVar>(c.Env.Select(v => v.ValueFrom?.FieldRef is { FieldPath: "status.hostIPs" } f
            ? v with { ValueFrom = v.ValueFrom with { FieldRef = f with { FieldPath = "status.hostIP" } } }
            : v)),
    };

    /// <summary>Cases shrinking toward fewer containers, variables and objects, and plainer values.</summary>
    public static Arbitrary<EnvCase> CaseArb { get; } = Arb.From(Case, EnvShrinker.Shrink);
}
