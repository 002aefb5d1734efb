using PodConformance.Model.ContainerEnv;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>kubernetes/kubernetes pkg/kubelet/envvars/envvars_test.go TestFromServices at 729007a86b89e2fb907db113e0715bd47520d718.</summary>
public class ServiceEnvVarsTests
{
    private static Service Svc(string name, string ip, params ServicePort[] ports) => new() { Name = name, ClusterIP = ip, Ports = ports };

    private static ServicePort Port(int port, string protocol, string name = "") => new() { Name = name, Port = port, Protocol = protocol };

    [Fact]
    public void TestFromServices()
    {
        var services = new[]
        {
            Svc("foo-bar", "1.2.3.4", Port(8080, "TCP")),
            Svc("abc-123", "5.6.7.8", Port(8081, "UDP", "u-d-p"), Port(8081, "TCP", "t-c-p")),
            Svc("q-u-u-x", "9.8.7.6", Port(8082, "TCP"), Port(8083, "TCP", "8083")),
            Svc("svrc-clusterip-none", "None", Port(8082, "TCP")),
            Svc("svrc-clusterip-empty", "", Port(8082, "TCP")),
            Svc("super-ipv6", "2001:DB8::", Port(8084, "UDP", "u-d-p"), Port(8084, "TCP", "t-c-p")),
            Svc("sctp-1", "1.2.3.4", Port(777, "SCTP")),
        };
        string[] expected =
        [
            "FOO_BAR_SERVICE_HOST=1.2.3.4", "FOO_BAR_SERVICE_PORT=8080", "FOO_BAR_PORT=tcp://1.2.3.4:8080",
            "FOO_BAR_PORT_8080_TCP=tcp://1.2.3.4:8080", "FOO_BAR_PORT_8080_TCP_PROTO=tcp", "FOO_BAR_PORT_8080_TCP_PORT=8080", "FOO_BAR_PORT_8080_TCP_ADDR=1.2.3.4",
            "ABC_123_SERVICE_HOST=5.6.7.8", "ABC_123_SERVICE_PORT=8081", "ABC_123_SERVICE_PORT_U_D_P=8081", "ABC_123_SERVICE_PORT_T_C_P=8081",
            "ABC_123_PORT=udp://5.6.7.8:8081", "ABC_123_PORT_8081_UDP=udp://5.6.7.8:8081", "ABC_123_PORT_8081_UDP_PROTO=udp",
            "ABC_123_PORT_8081_UDP_PORT=8081", "ABC_123_PORT_8081_UDP_ADDR=5.6.7.8", "ABC_123_PORT_8081_TCP=tcp://5.6.7.8:8081",
            "ABC_123_PORT_8081_TCP_PROTO=tcp", "ABC_123_PORT_8081_TCP_PORT=8081", "ABC_123_PORT_8081_TCP_ADDR=5.6.7.8",
            "Q_U_U_X_SERVICE_HOST=9.8.7.6", "Q_U_U_X_SERVICE_PORT=8082", "Q_U_U_X_SERVICE_PORT_8083=8083", "Q_U_U_X_PORT=tcp://9.8.7.6:8082",
            "Q_U_U_X_PORT_8082_TCP=tcp://9.8.7.6:8082", "Q_U_U_X_PORT_8082_TCP_PROTO=tcp", "Q_U_U_X_PORT_8082_TCP_PORT=8082",
            "Q_U_U_X_PORT_8082_TCP_ADDR=9.8.7.6", "Q_U_U_X_PORT_8083_TCP=tcp://9.8.7.6:8083", "Q_U_U_X_PORT_8083_TCP_PROTO=tcp",
            "Q_U_U_X_PORT_8083_TCP_PORT=8083", "Q_U_U_X_PORT_8083_TCP_ADDR=9.8.7.6",
            "SUPER_IPV6_SERVICE_HOST=2001:DB8::", "SUPER_IPV6_SERVICE_PORT=8084", "SUPER_IPV6_SERVICE_PORT_U_D_P=8084", "SUPER_IPV6_SERVICE_PORT_T_C_P=8084",
            "SUPER_IPV6_PORT=udp://[2001:DB8::]:8084", "SUPER_IPV6_PORT_8084_UDP=udp://[2001:DB8::]:8084", "SUPER_IPV6_PORT_8084_UDP_PROTO=udp",
            "SUPER_IPV6_PORT_8084_UDP_PORT=8084", "SUPER_IPV6_PORT_8084_UDP_ADDR=2001:DB8::", "SUPER_IPV6_PORT_8084_TCP=tcp://[2001:DB8::]:8084",
            "SUPER_IPV6_PORT_8084_TCP_PROTO=tcp", "SUPER_IPV6_PORT_8084_TCP_PORT=8084", "SUPER_IPV6_PORT_8084_TCP_ADDR=2001:DB8::",
            "SCTP_1_SERVICE_HOST=1.2.3.4", "SCTP_1_SERVICE_PORT=777", "SCTP_1_PORT=sctp://1.2.3.4:777", "SCTP_1_PORT_777_SCTP=sctp://1.2.3.4:777",
            "SCTP_1_PORT_777_SCTP_PROTO=sctp", "SCTP_1_PORT_777_SCTP_PORT=777", "SCTP_1_PORT_777_SCTP_ADDR=1.2.3.4",
        ];
        Assert.Equal(expected, ServiceEnvVars.FromServices(services).Select(kv => kv.Key + "=" + kv.Value).ToArray());
    }
}
