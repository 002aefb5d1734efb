using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Pod-specific annotations (VAL-004), HTTP header names (VAL-046), the lifecycle sleep action (VAL-047) and the
/// container fields reported as not checked (VAL-049). Sources: validation.go v1.28.0–v1.35.4 as vendored by ceph-csi
/// (ff3e84ad6, e5d9b68d3, e727bd351, 5a66991bb) and openshift-kni/scheduler-plugins (0aead6551, 0c967825a, 313dff1ce,
/// 4495d2058): ValidatePodSpecificAnnotations, validateHTTPGetAction, validateSleepAction; apimachinery IsHTTPHeaderName.
/// </summary>
public class ContainerValidationTests
{
    private static string[] Errors(Pod pod, Profile profile) =>
        PodValidator.Validate(PodDefaulter.Apply(pod, profile), profile).Errors.Select(e => e.ToString()).ToArray();

    private static Profile Gates(int minor, params (string Gate, bool On)[] gates) => new(new KubernetesVersion(1, minor), ValueMap.Of(gates));

    private static Pod Annotated(params (string Key, string Value)[] annotations) =>
        OneContainer() with { Metadata = OneContainer().Metadata with { Annotations = ValueMap.Of(annotations) } };

    private static Pod PreStopSleep(long seconds, long? grace = null) =>
        OneContainer().WithSpec(s => s with
        {
            TerminationGracePeriodSeconds = grace,
            Containers = ValueList.Of(s.Containers[0] with { Lifecycle = new Lifecycle { PreStop = new ProbeHandler { SleepSeconds = seconds } } }),
        });

    [Fact]
    public void A_mirror_pod_needs_a_node_name()
    {
        Assert.Equal(
            ["metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"x\": must set spec.nodeName if mirror pod annotation is set"],
            Errors(Annotated(("kubernetes.io/config.mirror", "x")), Profile.Default));
        Assert.Empty(Errors(Annotated(("kubernetes.io/config.mirror", "x")).WithSpec(s => s with { NodeName = "node-1" }), Profile.Default));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-5", true)]
    [InlineData("2147483647", true)]
    [InlineData("-2147483648", true)]
    [InlineData("2147483648", false)]
    [InlineData("-2147483649", false)]
    [InlineData("+1", false)]
    [InlineData("007", false)]
    [InlineData("-0", true)]
    [InlineData("-", false)]
    [InlineData("", false)]
    [InlineData("1e3", false)]
    [InlineData(" 1", false)]
    public void Deletion_cost_is_a_32_bit_integer_without_plus_or_leading_zero(string value, bool ok)
    {
        Assert.Equal(ok, PodValidator.IsDeletionCost(value));
        var errors = Errors(Annotated(("controller.kubernetes.io/pod-deletion-cost", value)), Profile.Default);
        if (ok)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal("metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: " + GoQuote.Quote(value) + ": must be a 32bit integer", Assert.Single(errors));
        }
    }

    [Fact]
    public void Http_header_names_are_checked_at_the_unindexed_list()
    {
        var pod = OneContainer().WithSpec(s => s with
        {
            Containers = ValueList.Of(s.Containers[0] with
            {
                LivenessProbe = new Probe
                {
                    Handler = new ProbeHandler
                    {
                        HttpGet = new HttpGetAction
                        {
                            Path = "/", Port = IntOrString.FromInt(8080),
                            HTTPHeaders = ValueList.Of(new HTTPHeader { Name = "X-Good-1" }, new HTTPHeader { Name = "X_Bad" }, new HTTPHeader { Name = "" }),
                        },
                    },
                },
            }),
        });
        const string msg = "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";
        Assert.Equal(
            [
                "spec.containers[0].livenessProbe.httpGet.httpHeaders: Invalid value: \"X_Bad\": " + msg,
                "spec.containers[0].livenessProbe.httpGet.httpHeaders: Invalid value: \"\": " + msg,
            ],
            Errors(pod, Profile.Default));
    }

    [Theory]
    [InlineData(30, 0, "must be greater than 0 and less than terminationGracePeriodSeconds (30)")]
    [InlineData(31, 31, "must be greater than 0 and less than terminationGracePeriodSeconds (30)")]
    [InlineData(32, 0, "must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.")]
    [InlineData(33, 31, "must be non-negative and less than terminationGracePeriodSeconds (30)")]
    [InlineData(35, -1, "must be non-negative and less than terminationGracePeriodSeconds (30)")]
    public void Sleep_seconds_are_checked_against_the_grace_period_per_release(int minor, long seconds, string detail)
    {
        Assert.Equal(
            ["spec.containers[0].lifecycle.preStop.sleep: Invalid value: " + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + detail],
            Errors(PreStopSleep(seconds), V(minor)));
    }

    [Fact]
    public void Zero_sleep_is_accepted_once_the_allow_zero_gate_is_on()
    {
        Assert.Empty(Errors(PreStopSleep(0), V(33)));
        Assert.Empty(Errors(PreStopSleep(30), V(30)));
        Assert.Empty(Errors(PreStopSleep(5, grace: 5), V(35)));
        Assert.Single(Errors(PreStopSleep(0), Gates(33, (FeatureGateNames.PodLifecycleSleepActionAllowZero, false))));
    }

    [Fact]
    public void A_sleep_only_handler_is_no_handler_while_the_sleep_gate_is_off()
    {
        // 1.29: PodLifecycleSleepAction is alpha (off). Validation itself counts a sleep action as a handler only with the
        // gate on, so called on its own (as here, on the decoded pod) it finds no handler.
        Assert.Equal(["spec.containers[0].lifecycle.preStop: Required value: must specify a handler type"], Errors(PreStopSleep(5), V(29)));
        Assert.Empty(Errors(PreStopSleep(5), Gates(29, (FeatureGateNames.PodLifecycleSleepAction, true))));

        // A 1.29 create shows it that way too: v1.29.9's dropDisabledFields clears only the sleep action, keeping the
        // handler and the lifecycle (ADM-092), so validation finds the empty handler.
        var at129 = Model.Admission.PodCreate.Run(PreStopSleep(5), V(29));
        Assert.False(at129.Accepted);
        Assert.Contains("spec.containers[0].lifecycle.preStop: Required value: must specify a handler type", at129.Rejection!.Message, StringComparison.Ordinal);

        // From 1.32 (v1.32.1 util.go) the strategy drops the action, then the handler it left empty and the lifecycle left
        // without one (ADM-092), so with the gate turned off the pod is accepted and stored without a lifecycle.
        var created = Model.Admission.PodCreate.Run(PreStopSleep(5), Gates(32, (FeatureGateNames.PodLifecycleSleepAction, false)));
        Assert.True(created.Accepted, created.Rejection?.Message);
        Assert.Null(created.Stored.Spec.Containers[0].Lifecycle);
    }

    [Fact]
    public void The_1_37_probe_fields_are_checked_not_reported_as_unchecked()
    {
        // VAL-707/708 since session 7 (ForkReadFieldsTests has the texts); validation checks whatever reaches it.
        var pod = OneContainer().WithSpec(s => s with
        {
            Containers = ValueList.Of(s.Containers[0] with
            {
                LivenessProbe = new Probe { Handler = new ProbeHandler { GrpcPort = 9000, GrpcMode = "TLS" } },
                ReadinessProbe = new Probe { Handler = new ProbeHandler { HttpGet = new HttpGetAction { Path = "/", Port = IntOrString.FromInt(80), Protocol = "H2C" } } },
            }),
        });
        var result = PodValidator.Validate(PodDefaulter.Apply(pod, Profile.Default), Profile.Default);
        Assert.Empty(result.NotChecked);
        var e = Assert.Single(result.Errors);
        Assert.Equal("spec.containers[0].readinessProbe.httpGet.protocol: Unsupported value: \"H2C\": supported values: \"HTTP1\", \"HTTP2\"", e.ToString());
        Assert.Equal(ValidationRules.HttpGetProtocol, e.Rule);
    }
}
