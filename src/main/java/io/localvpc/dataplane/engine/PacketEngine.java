package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.HostView;
import io.localvpc.dataplane.Network;
import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult.Outcome;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.Trace;
import io.localvpc.dataplane.internet.RoundTripTimes;
import io.localvpc.dataplane.internet.SimulatedInternet;
import io.localvpc.model.Cloud;
import io.localvpc.model.Ipv4;
import io.localvpc.model.PublicIpPool;
import io.localvpc.model.RegionState;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.time.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The simulated network: {@link Network} over the committed cloud model and the one clock. A probe
 * is walked from its origin to where it stops, answered there (or not), and the answer walked
 * back; both walks make up its trace. Connection tracking and NAT sessions persist between probes.
 */
public final class PacketEngine implements Network {
    private static final int FIRST_EPHEMERAL = 32768;
    private static final int EPHEMERAL_COUNT = 61000 - FIRST_EPHEMERAL;
    private static final double INTERFACE_MILLIS = 0.05;
    private static final int INTERFACE_MTU = 9001;

    private final SimClock clock;
    private final Sites sites;
    private final SimulatedInternet internet;
    private final NatGateways nats;
    private final Forwarder forwarder;
    private final Responder responder;
    private final AtomicLong sequence = new AtomicLong();
    private final LongAdder flowCacheHits = new LongAdder();
    private final LongAdder flowCacheMisses = new LongAdder();

    public PacketEngine(Cloud cloud, SimClock clock) {
        this(cloud, clock, NatTableTranslator::new);
    }

    /** An engine whose NAT gateway addresses translate with tables from {@code translators} (given the address). */
    public PacketEngine(Cloud cloud, SimClock clock, Function<int[], Translator> translators) {
        this.clock = clock;
        this.sites = new Sites(cloud, clock);
        this.internet = new SimulatedInternet();
        this.nats = new NatGateways(translators);
        this.forwarder = new Forwarder(new Fabric(new ConnectionTracker(), nats, internet, sites));
        this.responder = new Responder(internet);
    }

    public Sites sites() {
        return sites;
    }

    public SimulatedInternet internet() {
        return internet;
    }

    /** A NAT gateway's counters (CloudWatch-style) and live sessions now. */
    public NatGateways.Stats natStats(String accountId, String region, String natId) {
        return nats.stats(accountId, region, natId, clock.now().toEpochMilli());
    }

    @Override
    public Optional<HostView> host(String accountId, String region, String instanceId) {
        return running(accountId, region, instanceId).map(found -> {
            Topology t = found.site().topology();
            NetworkInterface primary = found.eni();
            Subnet subnet = t.subnet(primary.subnetId()).orElseThrow();
            Vpc vpc = t.vpc(primary.vpcId()).orElseThrow();
            List<HostView.Interface> interfaces = t.state().all(NetworkInterface.class).stream()
                    .filter(eni -> eni.attachment() != null && instanceId.equals(eni.attachment().instanceId()))
                    .sorted(Comparator.comparingInt(eni -> eni.attachment().deviceIndex()))
                    .map(eni -> new HostView.Interface("eth" + eni.attachment().deviceIndex(), eni.macAddress(),
                            eni.privateIp(), t.subnet(eni.subnetId()).orElseThrow().cidrBlock(), INTERFACE_MTU))
                    .toList();
            return new HostView(instanceId, "ip-" + primary.privateIp().dashed() + "." + Names.privateDomain(region),
                    region, subnet.availabilityZone(), interfaces, subnet.cidrBlock().base().plus(1), vpc.dnsResolver(),
                    vpc.enableDnsSupport());
        });
    }

    @Override
    public ProbeResult probe(String accountId, String region, String instanceId, Probe probe) {
        Optional<Found> found = existing(accountId, region, instanceId);
        if (found.isEmpty()) {
            return silent(new Trace(List.of(), false, new Trace.Explanation("NO_SOURCE_OR_DESTINATION",
                    "No instance " + instanceId + " in " + accountId + " " + region + ".", instanceId)));
        }
        if (!"running".equals(found.get().instance().state())) {
            return silent(new Trace(List.of(), false, new Trace.Explanation(Codes.BAD_STATE, "Instance " + instanceId
                    + " is " + found.get().instance().state() + ", not running.", instanceId)));
        }
        return probeFrom(new Origin.FromInterface(found.get().site(), found.get().eni()), probe);
    }

    /** Sends {@code probe} from {@code origin} and walks it there and back. */
    public ProbeResult probeFrom(Origin origin, Probe probe) {
        long seq = sequence.getAndIncrement();
        Walk walk = new Walk(clock.now(), origin.site().region());
        int sourcePort = probe.protocol() == Protocol.ICMP ? (int) (1 + seq % 65535)
                : FIRST_EPHEMERAL + (int) (seq % EPHEMERAL_COUNT);
        Packet packet = new Packet(probe.protocol(), origin.address(), sourcePort, probe.destination(),
                probe.protocol() == Protocol.ICMP ? 0 : probe.port(), probe.ttl(), false);
        if (origin instanceof Origin.FromInterface from) {
            Optional<LinkLocalServices.Local> local = LinkLocalServices.match(from.site().topology(), from.eni(), packet);
            if (local.isPresent()) {
                return linkLocal(local.get(), packet, walk, seq);
            }
        }
        Step.Terminal end = forwarder.walk(start(origin, packet), walk);
        if (end instanceof Step.Dropped dropped) {
            return new ProbeResult(Outcome.NO_ANSWER, null, null, null, 0, trace(walk, false, dropped.why()));
        }
        if (end instanceof Step.Reset reset) {
            return new ProbeResult(Outcome.REFUSED, reset.by(), null, roundTrip(walk, seq, 1), Responder.LINUX_TTL,
                    trace(walk, false, reset.why()));
        }
        if (end instanceof Step.TtlExceeded expired) {
            return new ProbeResult(Outcome.TTL_EXCEEDED, expired.hop(), null, roundTrip(walk, seq, 2), Responder.LINUX_TTL,
                    trace(walk, false, new Trace.Explanation(Codes.TTL_EXCEEDED, "Time to live exceeded at "
                            + expired.hop() + ".", expired.hop().toString())));
        }
        Packet arrived = arrivedPacket(end);
        Responder.Answer answer = responder.answer(end);
        if (answer.reply() == null) {
            walk.hop(answer.responder(), "destination", "no answer", answer.silence().message());
            return new ProbeResult(Outcome.NO_ANSWER, null, arrived.source(), null, 0,
                    trace(walk, answer.pathReachable(), answer.silence()));
        }
        walk.hop(answer.responder(), "destination", answer.outcome() == Outcome.REFUSED ? "refuse" : "answer",
                "saw " + arrived.sourceText() + "; replies " + answer.reply().describe());
        Step.Terminal back = forwarder.walk(answer.returnStart(), walk);
        if (!returnedTo(origin, back)) {
            Trace.Explanation why = back instanceof Step.Dropped d ? d.why()
                    : new Trace.Explanation(Codes.NO_ANSWER, "The answer did not come back to " + origin.address() + ".",
                            null);
            return new ProbeResult(Outcome.NO_ANSWER, null, arrived.source(), null, 0, trace(walk, false, why));
        }
        Packet returned = arrivedPacket(back);
        return new ProbeResult(answer.outcome(), returned.source(), arrived.source(), roundTrip(walk, seq, 1),
                returned.ttl(), trace(walk, true, null));
    }

    /**
     * Sends one packet of {@code flow} from the instance's primary interface, one way, and says where
     * it ended up, with the same decisions and side effects (connection tracking, NAT sessions and
     * counters) as a probe but without a trace. The path of a flow that arrived is cached with the
     * committed state it was decided on, so later packets of the flow cost a lookup and the replay
     * of those side effects; any write to the region starts over with the full walk.
     */
    public Forwarded forward(String accountId, String region, String instanceId, Flow flow) {
        Instant now = clock.now();
        Optional<RegionState> state = sites.state(accountId, region, now);
        if (state.isEmpty()) {
            return new Forwarded(Forwarded.Outcome.DROPPED, null, new Trace.Explanation("NO_SOURCE_OR_DESTINATION",
                    "No region " + region + " in account " + accountId + ".", instanceId));
        }
        FlowCache cache = FlowCache.of(state.get());
        FlowCache.Key key = new FlowCache.Key(instanceId, flow);
        FlowCache.Path path = cache.get(key);
        Forwarded replayed = path == null ? null : path.replay(now, internet);
        if (replayed != null) {
            flowCacheHits.increment();
            return replayed;
        }
        flowCacheMisses.increment();
        Site site = new Site(accountId, region, Topology.of(state.get()));
        return walkAndRemember(site, instanceId, flow, now, cache, key);
    }

    /** How many forwarded packets took a cached path, and how many the full walk. */
    public record FlowCacheCounts(long hits, long misses) {}

    public FlowCacheCounts flowCacheCounts() {
        return new FlowCacheCounts(flowCacheHits.sum(), flowCacheMisses.sum());
    }

    private Forwarded walkAndRemember(Site site, String instanceId, Flow flow, Instant now, FlowCache cache,
            FlowCache.Key key) {
        Optional<Instance> instance = site.topology().instance(instanceId);
        if (instance.isEmpty() || !"running".equals(instance.get().state())) {
            return new Forwarded(Forwarded.Outcome.DROPPED, null, new Trace.Explanation(Codes.BAD_STATE,
                    "Instance " + instanceId + " is not running in " + site.accountId() + " " + site.region() + ".",
                    instanceId));
        }
        NetworkInterface eni = site.topology().interfaceById(instance.get().primaryNetworkInterfaceId()).orElseThrow();
        Packet packet = flow.packetFrom(eni.privateIp());
        if (LinkLocalServices.match(site.topology(), eni, packet).isPresent()) {
            return new Forwarded(Forwarded.Outcome.LINK_LOCAL, packet, null);
        }
        Walk walk = new Walk(now, site.region());
        Step.Terminal end = forwarder.walk(new Step.Send(site, eni, packet), walk);
        Forwarded result = forwarded(end);
        // A public pool address may belong to another region, whose changes this state does not see.
        boolean localDecision = PublicIpPool.RANGES.stream().noneMatch(range -> range.contains(flow.destination()));
        if (walk.repeatable() && localDecision && result.arrived()) {
            cache.put(key, new FlowCache.Path(result, walk.effects(),
                    end instanceof Step.ReachedHost reached ? reached.host()
                            : end instanceof Step.ReachedService service ? service.host() : null));
        }
        return result;
    }

    private static Forwarded forwarded(Step.Terminal end) {
        if (end instanceof Step.Delivered d) {
            return new Forwarded(Forwarded.Outcome.DELIVERED, d.packet(), null);
        }
        if (end instanceof Step.ReachedHost r) {
            return new Forwarded(Forwarded.Outcome.REACHED_HOST, r.packet(), null);
        }
        if (end instanceof Step.ReachedService r) {
            return new Forwarded(Forwarded.Outcome.REACHED_HOST, r.packet(), null);
        }
        if (end instanceof Step.Reset reset) {
            return new Forwarded(Forwarded.Outcome.RESET, null, reset.why());
        }
        if (end instanceof Step.TtlExceeded t) {
            return new Forwarded(Forwarded.Outcome.TTL_EXCEEDED, t.packet(), new Trace.Explanation(Codes.TTL_EXCEEDED,
                    "Time to live exceeded at " + t.hop() + ".", t.hop().toString()));
        }
        return new Forwarded(Forwarded.Outcome.DROPPED, null, ((Step.Dropped) end).why());
    }

    private Step start(Origin origin, Packet packet) {
        if (origin instanceof Origin.FromInterface from) {
            return new Step.Send(from.site(), from.eni(), packet);
        }
        Site site = origin.site();
        if (GatewayStage.isPrivate(packet.destination())) {
            Optional<NetworkInterface> eni = site.topology().anyInterfaceAt(packet.destination());
            if (eni.isPresent()) {
                return site.topology().internetGatewayOf(eni.get().vpcId())
                        .<Step>map(igw -> new Step.GatewayIn(site, igw, packet))
                        .orElseGet(() -> Step.drop(Codes.NO_ROUTE_TO_DESTINATION, eni.get().vpcId()
                                + " has no internet gateway: nothing on the internet reaches it.", eni.get().vpcId()));
            }
        }
        return new Step.Internet(packet, site.region());
    }

    private static boolean returnedTo(Origin origin, Step.Terminal back) {
        if (origin instanceof Origin.FromInterface from) {
            return back instanceof Step.Delivered d && d.eni().id().equals(from.eni().id());
        }
        return back instanceof Step.ReachedHost r && r.host().address().equals(origin.address());
    }

    private static Packet arrivedPacket(Step.Terminal end) {
        if (end instanceof Step.Delivered d) {
            return d.packet();
        }
        if (end instanceof Step.ReachedService s) {
            return s.packet();
        }
        return ((Step.ReachedHost) end).packet();
    }

    private ProbeResult linkLocal(LinkLocalServices.Local local, Packet packet, Walk walk, long seq) {
        walk.hop(local.component(), "link-local", local.answers() ? "answer" : "no answer", local.detail());
        if (!local.answers()) {
            return new ProbeResult(Outcome.NO_ANSWER, null, packet.source(), null, 0, trace(walk, true,
                    new Trace.Explanation(Codes.NO_ANSWER, local.detail() + " does not answer " + packet.describe() + ".",
                            local.component())));
        }
        return new ProbeResult(Outcome.ANSWERED, packet.destination(), packet.source(), roundTrip(walk, seq, 1),
                Responder.LINUX_TTL, trace(walk, true, null));
    }

    private static Duration roundTrip(Walk walk, long seq, int factor) {
        double millis = RoundTripTimes.withJitter((walk.latencyMillis() + INTERFACE_MILLIS) * factor, seq);
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    private static Trace trace(Walk walk, boolean reachable, Trace.Explanation why) {
        return new Trace(walk.hops(), reachable, why);
    }

    private static ProbeResult silent(Trace trace) {
        return new ProbeResult(Outcome.NO_ANSWER, null, null, null, 0, trace);
    }

    @Override
    public Optional<Ipv4> resolve(String accountId, String region, String instanceId, String name) {
        return running(accountId, region, instanceId).flatMap(found -> {
            Vpc vpc = found.site().topology().vpc(found.eni().vpcId()).orElseThrow();
            if (!vpc.enableDnsSupport()) {
                return Optional.empty();
            }
            String zone = found.site().topology().subnet(found.eni().subnetId()).map(Subnet::availabilityZone).orElse(null);
            return Names.resolve(found.site(), vpc, zone, name, internet, sites);
        });
    }

    @Override
    public Optional<HttpAnswer> http(Ipv4 destination, int port, String host, String path, Ipv4 observedSource) {
        Optional<HttpAnswer> direct = internet.http(destination, port, host, path, observedSource);
        if (direct.isPresent() || !GatewayStage.isPrivate(destination) || host == null) {
            return direct;
        }
        // At a private address only an interface endpoint accepts HTTPS: it answers as its service does.
        return internet.awsServiceFor(host).flatMap(service -> internet.http(service, port, host, path, observedSource));
    }

    private record Found(Site site, Instance instance, NetworkInterface eni) {}

    private Optional<Found> existing(String accountId, String region, String instanceId) {
        return sites.site(accountId, region).flatMap(site -> site.topology().instance(instanceId)
                .filter(i -> !"terminated".equals(i.state()))
                .flatMap(i -> site.topology().interfaceById(i.primaryNetworkInterfaceId())
                        .map(eni -> new Found(site, i, eni))));
    }

    private Optional<Found> running(String accountId, String region, String instanceId) {
        return existing(accountId, region, instanceId).filter(f -> "running".equals(f.instance().state()));
    }
}
