package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.HostView;
import io.localvpc.dataplane.Network;
import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.Trace;
import io.localvpc.model.Cidr;
import io.localvpc.model.Ipv4;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deterministic in-memory {@link Network} for shell tests: instances with their host views, DNS
 * names, and destinations reached over a fixed path of hops, each hop 0.5 ms further, where the
 * destination answers, refuses or ignores each protocol and port. Every probe sent is recorded.
 */
public final class FakeNetwork implements Network {
    public static final String INSTANCE = "i-0123456789abcdef0";
    public static final Ipv4 NAT_PRIVATE = Ipv4.parse("10.0.10.12");
    public static final Ipv4 NAT_PUBLIC = Ipv4.parse("203.0.113.10");
    public static final Ipv4 ISP = Ipv4.parse("100.64.1.1");

    private final Map<String, HostView> hosts = new LinkedHashMap<>();
    private final Map<String, Ipv4> names = new HashMap<>();
    private final Map<Ipv4, Target> targets = new HashMap<>();
    private final Map<String, Network.HttpAnswer> web = new HashMap<>();
    private final Map<Ipv4, Integer> sent = new HashMap<>();
    public final List<Probe> probes = new ArrayList<>();
    public final List<String> httpRequests = new ArrayList<>();

    /** A destination: the hops before it, how it answers, the round trips it takes (cycled). */
    public static final class Target {
        List<Ipv4> path = List.of(NAT_PRIVATE, ISP);
        /** How many hops of the path a packet crosses before it is dropped; -1: it gets through. */
        int dropAfter = -1;
        boolean icmp = true;
        Set<Integer> openTcp = Set.of(80, 443);
        boolean tcpRefused = true;
        Set<Integer> openUdp = Set.of();
        List<Duration> rtts = List.of(Duration.ofNanos(1000L * (2910)));
        int replyTtl = 116;
        Ipv4 observedSource = NAT_PUBLIC;

        public Target path(Ipv4... hops) {
            this.path = List.of(hops);
            return this;
        }

        public Target droppedAfter(int hops) {
            this.dropAfter = hops;
            return this;
        }

        public Target noIcmp() {
            this.icmp = false;
            return this;
        }

        public Target tcp(Integer... open) {
            this.openTcp = Set.of(open);
            return this;
        }

        /** UDP ports a service answers on (the others answer port unreachable). */
        public Target udp(Integer... open) {
            this.openUdp = Set.of(open);
            return this;
        }

        /** Closed TCP ports drop the SYN instead of answering RST (a security group, not a host). */
        public Target tcpFiltered() {
            this.tcpRefused = false;
            return this;
        }

        public Target rtts(Duration... times) {
            this.rtts = List.of(times);
            return this;
        }

        public Target replyTtl(int ttl) {
            this.replyTtl = ttl;
            return this;
        }

        public Target seenAs(Ipv4 source) {
            this.observedSource = source;
            return this;
        }
    }

    public FakeNetwork() {
        hosts.put(INSTANCE, host(INSTANCE, true));
    }

    public static HostView host(String instanceId, boolean dnsSupport) {
        return new HostView(instanceId, "ip-10-0-20-5.ap-northeast-1.compute.internal", "ap-northeast-1", "ap-northeast-1a",
                List.of(new HostView.Interface("eth0", "06:1f:4d:5e:6a:7b", Ipv4.parse("10.0.20.5"), Cidr.parse("10.0.20.0/24"), 9001)),
                Ipv4.parse("10.0.20.1"), Ipv4.parse("10.0.0.2"), dnsSupport);
    }

    public FakeNetwork withHost(HostView view) {
        hosts.put(view.instanceId(), view);
        return this;
    }

    public FakeNetwork name(String name, String address) {
        names.put(name, Ipv4.parse(address));
        return this;
    }

    public Target target(String address) {
        return targets.computeIfAbsent(Ipv4.parse(address), a -> new Target());
    }

    public FakeNetwork web(String address, int port, Network.HttpAnswer answer) {
        web.put(address + ":" + port, answer);
        return this;
    }

    public HostView defaultHost() {
        return hosts.get(INSTANCE);
    }

    @Override
    public Optional<HostView> host(String accountId, String region, String instanceId) {
        return Optional.ofNullable(hosts.get(instanceId));
    }

    @Override
    public ProbeResult probe(String accountId, String region, String instanceId, Probe probe) {
        probes.add(probe);
        Target target = targets.get(probe.destination());
        Trace lost = new Trace(List.of(), false, new Trace.Explanation("NO_ROUTE", "no route", "rtb-1"));
        if (target == null) {
            return new ProbeResult(ProbeResult.Outcome.NO_ANSWER, null, null, null, 0, lost);
        }
        int n = sent.merge(probe.destination(), 1, Integer::sum) - 1;
        Duration base = target.rtts.get(n % target.rtts.size());
        int hops = target.path.size();
        if (probe.ttl() <= hops && (target.dropAfter < 0 || probe.ttl() <= target.dropAfter)) {
            Duration rtt = Duration.ofNanos(1000L * (500L * probe.ttl()));
            return new ProbeResult(ProbeResult.Outcome.TTL_EXCEEDED, target.path.get(probe.ttl() - 1), null, rtt, 64, lost);
        }
        if (target.dropAfter >= 0) {
            return new ProbeResult(ProbeResult.Outcome.NO_ANSWER, null, null, null, 0, lost);
        }
        Trace ok = new Trace(List.of(new Trace.Hop("internet", "internet", "accept", "", null)), true, null);
        ProbeResult.Outcome outcome;
        if (probe.protocol() == Protocol.ICMP) {
            outcome = target.icmp ? ProbeResult.Outcome.ANSWERED : ProbeResult.Outcome.NO_ANSWER;
        } else if (probe.protocol() == Protocol.TCP) {
            outcome = target.openTcp.contains(probe.port()) ? ProbeResult.Outcome.ANSWERED
                    : target.tcpRefused ? ProbeResult.Outcome.REFUSED : ProbeResult.Outcome.NO_ANSWER;
        } else {
            outcome = target.openUdp.contains(probe.port()) ? ProbeResult.Outcome.ANSWERED : ProbeResult.Outcome.REFUSED;
        }
        if (outcome == ProbeResult.Outcome.NO_ANSWER) {
            return new ProbeResult(outcome, null, target.observedSource, null, 0, lost);
        }
        return new ProbeResult(outcome, probe.destination(), target.observedSource, base, target.replyTtl, ok);
    }

    @Override
    public Optional<Ipv4> resolve(String accountId, String region, String instanceId, String name) {
        return Optional.ofNullable(names.get(name));
    }

    @Override
    public Optional<HttpAnswer> http(Ipv4 destination, int port, String host, String path, Ipv4 observedSource) {
        httpRequests.add(destination + ":" + port + " " + host + " " + path + " from " + observedSource);
        HttpAnswer answer = web.get(destination + ":" + port);
        if (answer != null && answer.body() != null && answer.body().equals("$SOURCE")) {
            return Optional.of(new HttpAnswer(answer.status(), answer.reason(), answer.headers(), observedSource + "\n"));
        }
        return Optional.ofNullable(answer);
    }

    /** A session on the default instance, at a fixed instant. */
    public Session session() {
        return new Session(this, "123456789012", "ap-northeast-1", defaultHost(), java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A session on the default instance in a VPC with DNS support off. */
    public Session sessionWithoutDns() {
        return new Session(this, "123456789012", "ap-northeast-1", host(INSTANCE, false), java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ExecResult run(String commandLine) {
        return Shell.standard().run(session(), commandLine);
    }
}
