package io.localvpc.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.cli.TraceCommand;
import io.localvpc.dataplane.engine.NatGateways;
import io.localvpc.dataplane.engine.Origin;
import io.localvpc.dataplane.engine.PacketEngine;
import io.localvpc.model.Ipv4;
import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.RuleAction;

/**
 * The hands-on topology built through the EC2 SDK (a VPC with a public subnet holding a NAT
 * gateway and a private subnet routed to it), then packets sent from its instances and from the
 * internet, checking where each goes and, when it stops, why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HandsOnDataPlaneTest {
    private static final String ACCOUNT = "111122223333";
    private static final String REGION = LocalVpcServer.REGION.id();
    private static final Ipv4 GOOGLE_DNS = Ipv4.parse("8.8.8.8");

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static Ec2Client ec2;
    static String vpc;
    static String publicSubnet;
    static String privateSubnet;
    static String publicTable;
    static String privateTable;
    static String igw;
    static String nat;
    static String eip;
    static String natPrivateIp;
    static String privateInstance;
    static String publicInstance;
    static String publicNoIpInstance;
    static String publicGroup;
    static String image;

    @BeforeAll
    static void topology() {
        HandsOnTopology t = HandsOnTopology.build(server, ACCOUNT);
        ec2 = t.ec2();
        vpc = t.vpc();
        publicSubnet = t.publicSubnet();
        privateSubnet = t.privateSubnet();
        publicTable = t.publicTable();
        privateTable = t.privateTable();
        igw = t.igw();
        nat = t.nat();
        eip = t.eip();
        natPrivateIp = t.natPrivateIp();
        privateInstance = t.privateInstance();
        publicInstance = t.publicInstance();
        publicNoIpInstance = t.publicNoIpInstance();
        publicGroup = t.publicGroup();
        image = ec2.describeInstances(r -> r.instanceIds(privateInstance)).reservations().get(0).instances().get(0).imageId();
    }

    private static PacketEngine network() {
        return server.localVpc().engine();
    }

    private static ProbeResult ping(String instance, Ipv4 destination) {
        return network().probe(ACCOUNT, REGION, instance, Probe.ping(destination));
    }

    @Test
    @Order(1)
    void private_instance_pings_the_internet_through_the_nat_gateway_and_the_reply_comes_back() {
        ProbeResult result = ping(privateInstance, GOOGLE_DNS);

        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.ANSWERED);
        assertThat(result.answeredBy()).isEqualTo(GOOGLE_DNS);
        assertThat(result.observedSource()).hasToString(eip);
        assertThat(result.trace().reachable()).isTrue();
        assertThat(result.roundTrip()).isBetween(Duration.ofMillis(1), Duration.ofMillis(5));
        assertThat(result.trace().hops()).extracting(Trace.Hop::kind).containsSubsequence(
                "network-interface", "security-group", "network-acl", "route-table", "nat-gateway", "route-table",
                "internet-gateway", "internet", "destination", "internet", "internet-gateway", "nat-gateway",
                "route-table", "security-group", "network-interface");
        assertThat(result.trace().hops()).anySatisfy(h -> {
            assertThat(h.component()).isEqualTo(privateTable);
            assertThat(h.detail()).isEqualTo("0.0.0.0/0 → " + nat);
        });
        assertThat(result.trace().hops()).anySatisfy(h -> {
            assertThat(h.component()).isEqualTo(nat);
            assertThat(h.translation()).matches("10\\.0\\.20\\.\\d+ id \\d+ → " + natPrivateIp.replace(".", "\\.") + ":\\d+");
        });
        assertThat(result.trace().hops()).anySatisfy(h -> {
            assertThat(h.component()).isEqualTo(igw);
            assertThat(h.translation()).isEqualTo(natPrivateIp + " → " + eip);
        });
        assertThat(result.trace().hops()).anySatisfy(h -> assertThat(h.detail()).contains("all traffic to 0.0.0.0/0"));
        assertThat(result.trace().hops()).anySatisfy(h -> assertThat(h.detail()).contains("rule 100 allow all"));
        assertThat(result.trace().hops()).anySatisfy(h -> assertThat(h.detail()).contains("AVAILABILITY_ZONE_CROSSED"));
    }

    @Test
    @Order(2)
    void checkip_sees_the_elastic_ip_and_says_so_over_http() {
        Ipv4 checkip = network().resolve(ACCOUNT, REGION, privateInstance, "checkip.amazonaws.com").orElseThrow();
        ProbeResult syn = network().probe(ACCOUNT, REGION, privateInstance, Probe.tcp(checkip, 80));

        assertThat(syn.outcome()).isEqualTo(ProbeResult.Outcome.ANSWERED);
        assertThat(syn.observedSource()).hasToString(eip);
        assertThat(network().http(checkip, 80, "checkip.amazonaws.com", "/", syn.observedSource()).orElseThrow().body())
                .isEqualTo(eip + "\n");
    }

    @Test
    @Order(3)
    void traceroute_sees_the_nat_gateway_private_ip_first() {
        ProbeResult first = network().probe(ACCOUNT, REGION, privateInstance, Probe.ping(GOOGLE_DNS).withTtl(1));

        assertThat(first.outcome()).isEqualTo(ProbeResult.Outcome.TTL_EXCEEDED);
        assertThat(first.answeredBy()).hasToString(natPrivateIp);
        assertThat(network().probe(ACCOUNT, REGION, privateInstance, Probe.ping(GOOGLE_DNS).withTtl(2)).answeredBy())
                .isNotEqualTo(GOOGLE_DNS).isNotEqualTo(Ipv4.parse(natPrivateIp));
    }

    @Test
    @Order(4)
    void public_instance_with_a_public_ip_goes_straight_out_and_one_without_cannot() {
        ProbeResult direct = ping(publicInstance, GOOGLE_DNS);
        assertThat(direct.answered()).isTrue();
        assertThat(direct.trace().hops()).noneMatch(h -> h.kind().equals("nat-gateway"));

        ProbeResult none = ping(publicNoIpInstance, GOOGLE_DNS);
        assertThat(none.answered()).isFalse();
        assertThat(none.trace().explanation().code()).isEqualTo("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS");
        assertThat(none.trace().explanation().resourceId()).isEqualTo(igw);
    }

    @Test
    @Order(5)
    void nothing_gets_in_from_the_internet_uninvited() {
        String privateIp = describeIp(privateInstance, false);
        String publicIp = describeIp(publicInstance, true);

        assertThat(fromInternet(privateIp).trace().explanation().code()).isEqualTo("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
        ProbeResult unsolicited = fromInternet(eip);
        assertThat(unsolicited.trace().explanation().code()).isEqualTo("NGW_REQUIRES_SOURCE_IN_VPC");
        assertThat(network().natStats(ACCOUNT, REGION, nat).unsolicitedInboundDropped()).isPositive();
        ProbeResult noIngress = fromInternet(publicIp);
        assertThat(noIngress.trace().explanation().code()).isEqualTo("SG_HAS_NO_RULES");
        assertThat(noIngress.trace().explanation().resourceId()).isEqualTo(publicGroup);
    }

    private static ProbeResult fromInternet(String destination) {
        var site = network().sites().site(ACCOUNT, REGION).orElseThrow();
        return network().probeFrom(new Origin.FromInternet(site, Ipv4.parse("45.33.32.156")), Probe.ping(Ipv4.parse(destination)));
    }

    private static String describeIp(String instance, boolean publicIp) {
        var i = ec2.describeInstances(r -> r.instanceIds(instance)).reservations().get(0).instances().get(0);
        return publicIp ? i.publicIpAddress() : i.privateIpAddress();
    }

    @Test
    @Order(6)
    void a_nacl_deny_rule_stops_the_packet_at_the_subnet() {
        String acl = ec2.describeNetworkAcls(r -> r.filters(f -> f.name("association.subnet-id").values(privateSubnet)))
                .networkAcls().get(0).networkAclId();
        ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(50).egress(true).protocol("1")
                .ruleAction(RuleAction.DENY).cidrBlock("8.8.8.8/32").icmpTypeCode(t -> t.type(-1).code(-1)));
        try {
            ProbeResult denied = ping(privateInstance, GOOGLE_DNS);
            assertThat(denied.trace().explanation().code()).isEqualTo("SUBNET_ACL_RESTRICTION");
            assertThat(denied.trace().explanation().resourceId()).isEqualTo(acl);
            assertThat(denied.trace().explanation().message()).contains("rule 50 deny");
        } finally {
            ec2.deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(50).egress(true));
        }
        assertThat(ping(privateInstance, GOOGLE_DNS).answered()).isTrue();
    }

    @Test
    @Order(7)
    void an_idle_nat_session_expires_after_350_seconds() {
        NatGateways.Stats before = network().natStats(ACCOUNT, REGION, nat);
        assertThat(before.activeConnections()).isPositive();
        server.advance(Duration.ofSeconds(349));
        assertThat(network().natStats(ACCOUNT, REGION, nat).activeConnections()).isPositive();
        server.advance(Duration.ofSeconds(2));
        NatGateways.Stats after = network().natStats(ACCOUNT, REGION, nat);
        assertThat(after.activeConnections()).isZero();
        assertThat(after.idleTimeouts()).isGreaterThan(before.idleTimeouts());
    }

    @Test
    @Order(8)
    void trace_endpoint_and_cli_report_reachability() throws Exception {
        String body = "{\"accountId\":\"" + ACCOUNT + "\",\"region\":\"" + REGION
                + "\",\"source\":\"private-box\",\"destination\":\"internet\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.localVpc().endpoint() + "/_localvpc/trace"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"reachable\":true").contains(nat);

        StringWriter out = new StringWriter();
        assertThat(cli(out, "trace", privateInstance, "example.com", "--protocol", "tcp", "--port", "443")).isZero();
        assertThat(out.toString()).contains(nat).contains(eip)
                .containsPattern("reachable \\(answered, [0-9.]+ ms\\)\\s*$");

        StringWriter blocked = new StringWriter();
        assertThat(cli(blocked, "trace", "internet", "public-box")).isEqualTo(1);
        assertThat(blocked.toString()).contains("not reachable: SG_HAS_NO_RULES");
    }

    /** Runs {@code localvpc trace ARGS} in-process against the test server. */
    private static int cli(StringWriter out, String... args) {
        assertThat(args[0]).isEqualTo("trace");
        CommandLine cli = TraceCommand.commandLine(Map.of("AWS_ENDPOINT_URL", server.localVpc().endpoint().toString(),
                "AWS_REGION", REGION, "AWS_ACCESS_KEY_ID", ACCOUNT));
        cli.setOut(new PrintWriter(out));
        return cli.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    @Test
    @Order(9)
    void without_the_default_route_there_is_no_route_and_without_the_nat_a_blackhole() {
        ec2.deleteRoute(r -> r.routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0"));
        ProbeResult noRoute = ping(privateInstance, GOOGLE_DNS);
        assertThat(noRoute.trace().explanation().code()).isEqualTo("NO_ROUTE_TO_DESTINATION");
        assertThat(noRoute.trace().explanation().resourceId()).isEqualTo(privateTable);

        ec2.createRoute(r -> r.routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        ec2.deleteNatGateway(r -> r.natGatewayId(nat));
        ProbeResult blackhole = ping(privateInstance, GOOGLE_DNS);
        assertThat(blackhole.trace().explanation().code()).isEqualTo("BAD_STATE_ROUTE");
        assertThat(blackhole.trace().explanation().resourceId()).isEqualTo(privateTable);

        String allocation = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        String replacement = ec2.createNatGateway(r -> r.subnetId(publicSubnet).allocationId(allocation))
                .natGateway().natGatewayId();
        server.advance(Duration.ofSeconds(5));
        ec2.replaceRoute(r -> r.routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(replacement));
        assertThat(ping(privateInstance, GOOGLE_DNS).answered()).isTrue();
    }
}
