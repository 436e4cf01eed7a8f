package io.localvpc.dataplane.engine;

import static io.localvpc.dataplane.engine.InProcessHandsOn.ACCOUNT;
import static io.localvpc.dataplane.engine.InProcessHandsOn.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.model.Ipv4;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@link PacketEngine#forward}'s flow cache: repeat packets of a flow take the cached path, and no
 * cached path outlives a change to the region (each test: a hit before, a miss and the new
 * decision after).
 */
class FlowCacheTest {
    private static final Ipv4 GOOGLE_DNS = Ipv4.parse("8.8.8.8");
    private static final Flow HTTPS = Flow.tcp(40_000, GOOGLE_DNS, 443);

    private final InProcessHandsOn cloud = new InProcessHandsOn();
    private final PacketEngine engine = cloud.engine;

    private Forwarded forward(Flow flow) {
        return engine.forward(ACCOUNT, REGION, cloud.privateInstance, flow);
    }

    private long hits() {
        return engine.flowCacheCounts().hits();
    }

    private long misses() {
        return engine.flowCacheCounts().misses();
    }

    /** Sends the flow's first packet (a miss) and a second one (a hit). */
    private Forwarded established(Flow flow) {
        Forwarded first = forward(flow);
        Forwarded second = forward(flow);
        assertThat(engine.flowCacheCounts()).isEqualTo(new PacketEngine.FlowCacheCounts(1, 1));
        assertThat(second).isSameAs(first);
        return second;
    }

    @Test
    void repeat_packets_take_the_cached_path_out_through_the_nat_gateway_and_its_elastic_ip() {
        Forwarded result = established(HTTPS);
        for (int i = 0; i < 10; i++) {
            forward(HTTPS);
        }

        assertThat(result.outcome()).isEqualTo(Forwarded.Outcome.REACHED_HOST);
        assertThat(result.packet().source()).hasToString(cloud.eip);
        assertThat(result.packet().destination()).isEqualTo(GOOGLE_DNS);
        assertThat(hits()).isEqualTo(11);
        NatGateways.Stats stats = engine.natStats(ACCOUNT, REGION, cloud.nat);
        assertThat(stats.activeConnections()).isEqualTo(1);
        assertThat(stats.packetsOutToDestination()).isEqualTo(12);
        assertThat(stats.crossAzPackets()).isEqualTo(12);
    }

    @Test
    void the_cached_path_agrees_with_the_traced_probe_and_a_probe_still_gets_its_full_trace() {
        Forwarded forwarded = established(HTTPS);
        ProbeResult probed = engine.probe(ACCOUNT, REGION, cloud.privateInstance, Probe.tcp(GOOGLE_DNS, 443));

        assertThat(probed.observedSource()).isEqualTo(forwarded.packet().source());
        assertThat(probed.trace().hops()).extracting(h -> h.kind()).contains("security-group", "network-acl",
                "route-table", "nat-gateway", "internet-gateway", "internet");
    }

    @Test
    void a_deleted_route_ends_the_cached_path() {
        established(HTTPS);

        cloud.call(DeleteRouteRequest.builder().routeTableId(cloud.privateTable).destinationCidrBlock("0.0.0.0/0").build());
        Forwarded after = forward(HTTPS);

        assertThat(misses()).isEqualTo(2);
        assertThat(after.outcome()).isEqualTo(Forwarded.Outcome.DROPPED);
        assertThat(after.why().code()).isEqualTo(Codes.NO_ROUTE_TO_DESTINATION);
        assertThat(forward(HTTPS).outcome()).isEqualTo(Forwarded.Outcome.DROPPED);
        assertThat(misses()).as("drops are decided again each time, never cached").isEqualTo(3);
    }

    @Test
    void a_revoked_egress_rule_is_decided_again_tracked_connections_survive_it_and_new_flows_are_dropped() {
        established(HTTPS);

        cloud.call(RevokeSecurityGroupEgressRequest.builder().groupId(cloud.group).ipPermissions(IpPermission.builder()
                .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()).build());
        Forwarded established = forward(HTTPS);
        Forwarded fresh = forward(Flow.tcp(40_001, GOOGLE_DNS, 443));

        assertThat(misses()).isEqualTo(3);
        assertThat(established.outcome()).as("as on AWS, a tracked connection outlives the rule")
                .isEqualTo(Forwarded.Outcome.REACHED_HOST);
        assertThat(fresh.outcome()).isEqualTo(Forwarded.Outcome.DROPPED);
        assertThat(fresh.why().code()).isEqualTo("SG_HAS_NO_RULES");
    }

    @Test
    void a_deleted_nat_gateway_ends_the_cached_path() {
        established(HTTPS);

        cloud.call(DeleteNatGatewayRequest.builder().natGatewayId(cloud.nat).build());
        Forwarded after = forward(HTTPS);

        assertThat(misses()).isEqualTo(2);
        assertThat(after.outcome()).isEqualTo(Forwarded.Outcome.DROPPED);
    }

    @Test
    void a_tcp_packet_on_an_idled_out_nat_session_gets_a_reset_and_the_next_connection_opens_again() {
        established(HTTPS);

        cloud.clock.advance(Duration.ofMillis(Translator.IDLE_TIMEOUT_MILLIS + 1_000));
        Forwarded reset = forward(HTTPS);

        assertThat(reset.outcome()).isEqualTo(Forwarded.Outcome.RESET);
        assertThat(reset.why().code()).isEqualTo("NGW_IDLE_TIMEOUT_RESET");
        assertThat(reset.why().resourceId()).isEqualTo(cloud.nat);
        assertThat(engine.natStats(ACCOUNT, REGION, cloud.nat).idleTimeouts()).isEqualTo(1);

        Forwarded reopened = forward(HTTPS);
        assertThat(reopened.outcome()).isEqualTo(Forwarded.Outcome.REACHED_HOST);
        assertThat(forward(HTTPS)).isSameAs(reopened);
    }

    @Test
    void the_full_walk_also_answers_an_idled_out_tcp_packet_with_the_nat_gateways_reset() {
        established(HTTPS);
        cloud.clock.advance(Duration.ofMillis(Translator.IDLE_TIMEOUT_MILLIS + 1_000));
        // Any write starts a new state and an empty cache, so this packet takes the whole walk.
        cloud.call(CreateTagsRequest.builder().resources(cloud.nat).tags(Tag.builder().key("k").value("v").build()).build());

        Forwarded reset = forward(HTTPS);

        assertThat(misses()).isEqualTo(2);
        assertThat(reset.outcome()).isEqualTo(Forwarded.Outcome.RESET);
        assertThat(reset.why().code()).isEqualTo("NGW_IDLE_TIMEOUT_RESET");
    }
}
