package io.localvpc.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.cli.ExecCommand;
import io.localvpc.cli.TraceCommand;
import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.ShellExec;
import io.localvpc.testing.ShellExec.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The hands-on as a learner lives it: the topology built with the EC2 SDK, then commands typed on
 * the instances through {@code POST /_localvpc/exec} and {@code localvpc exec}, answered by the
 * real packet engine: ping through the NAT gateway, curl seeing the Elastic IP, traceroute's NAT
 * hop, the route deleted and restored, and public-subnet instances with and without a public IP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandsOnShellTest {
    private static final String ACCOUNT = "444455556666";

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static HandsOnTopology topology;

    @BeforeAll
    static void topology() {
        topology = HandsOnTopology.build(server, ACCOUNT);
    }

    /** {@code POST /_localvpc/exec}: stdout, stderr and the exit code. */
    private static Result exec(String instance, String command) throws Exception {
        return ShellExec.exec(server, ACCOUNT, LocalVpcServer.REGION.id(), instance, command);
    }

    @Test
    @Order(1)
    void ping_from_the_private_instance_gets_four_replies_through_the_nat_gateway() throws Exception {
        Result ping = exec("private-box", "ping -c 4 8.8.8.8");
        assertThat(ping.exitCode()).isZero();
        assertThat(ping.stdout())
                .startsWith("PING 8.8.8.8 (8.8.8.8) 56(84) bytes of data.\n")
                .containsPattern("64 bytes from 8\\.8\\.8\\.8: icmp_seq=4 ttl=\\d+ time=\\d+\\.\\d+ ms")
                .contains("4 packets transmitted, 4 received, 0% packet loss");
    }

    @Test
    @Order(2)
    void curl_to_checkip_prints_the_nat_gateways_elastic_ip() throws Exception {
        Result curl = exec("private-box", "curl -s https://checkip.amazonaws.com");
        assertThat(curl.exitCode()).isZero();
        assertThat(curl.stdout()).isEqualTo(topology.eip() + "\n");
    }

    @Test
    @Order(3)
    void traceroute_shows_the_nat_gateway_as_the_first_hop() throws Exception {
        Result traceroute = exec("private-box", "traceroute 8.8.8.8");
        assertThat(traceroute.exitCode()).isZero();
        assertThat(traceroute.stdout().lines().skip(1).findFirst().orElseThrow()).contains(topology.natPrivateIp());
        assertThat(traceroute.stdout()).contains("8.8.8.8");
    }

    @Test
    @Order(4)
    void without_the_route_to_the_nat_the_ping_is_lost_and_trace_names_the_route_table() throws Exception {
        topology.ec2().deleteRoute(r -> r.routeTableId(topology.privateTable()).destinationCidrBlock("0.0.0.0/0"));

        Result ping = exec("private-box", "ping -c 4 8.8.8.8");
        assertThat(ping.exitCode()).isEqualTo(1);
        assertThat(ping.stdout()).contains("4 packets transmitted, 0 received, 100% packet loss");

        StringWriter out = new StringWriter();
        assertThat(cli(out, "trace", "private-box", "8.8.8.8", "--protocol", "icmp")).isEqualTo(1);
        assertThat(out.toString()).contains("not reachable: NO_ROUTE_TO_DESTINATION").contains(topology.privateTable());

        topology.ec2().createRoute(r -> r.routeTableId(topology.privateTable()).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId(topology.nat()));
        assertThat(exec("private-box", "ping -c 2 8.8.8.8").stdout())
                .contains("2 packets transmitted, 2 received, 0% packet loss");
    }

    @Test
    @Order(5)
    void a_public_instance_with_a_public_ip_goes_out_through_the_internet_gateway_itself() throws Exception {
        assertThat(exec("public-box", "curl -s https://checkip.amazonaws.com").stdout()).isEqualTo(topology.publicIpOf(topology.publicInstance()) + "\n");
        Result lost = exec("public-no-ip", "ping -c 2 -W 1 8.8.8.8");
        assertThat(lost.exitCode()).isEqualTo(1);
        assertThat(lost.stdout()).contains("100% packet loss");
    }

    @Test
    @Order(6)
    void localvpc_exec_prints_the_output_and_exits_with_the_remote_code() {
        StringWriter out = new StringWriter();
        assertThat(cli(out, "exec", "private-box", "--", "hostname")).isZero();
        assertThat(out.toString()).matches("ip-10-0-20-\\d+\\.ap-northeast-1\\.compute\\.internal\\s*");
        assertThat(cli(new StringWriter(), "exec", "private-box", "--", "no-such-tool")).isEqualTo(127);
    }

    /** Runs a {@code localvpc} client command ({@code exec} or {@code trace}) in-process against the test server. */
    private static int cli(StringWriter out, String... args) {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", server.localVpc().endpoint().toString(),
                "AWS_REGION", LocalVpcServer.REGION.id(), "AWS_ACCESS_KEY_ID", ACCOUNT);
        CommandLine cli = args[0].equals("exec") ? ExecCommand.commandLine(env) : TraceCommand.commandLine(env);
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    }
}
