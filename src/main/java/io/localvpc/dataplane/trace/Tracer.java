package io.localvpc.dataplane.trace;

import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.engine.Origin;
import io.localvpc.dataplane.engine.PacketEngine;
import io.localvpc.dataplane.engine.Site;
import io.localvpc.dataplane.engine.Topology;
import io.localvpc.dataplane.internet.SimulatedInternet;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs {@code localvpc trace}: resolves SOURCE and DESTINATION (an instance id, a Name tag, an IP,
 * a host name, or {@code internet}), sends one probe and reports its walk. The probe is real: it
 * opens NAT sessions and tracked connections like any other packet.
 */
public final class Tracer {
    /** Where {@code internet} as a destination points: a well-known host answering ICMP, TCP 443 and DNS. */
    static final Ipv4 INTERNET_DESTINATION = Ipv4.parse("8.8.8.8");

    private final PacketEngine engine;

    public Tracer(PacketEngine engine) {
        this.engine = engine;
    }

    /** A request that names something that does not exist, or is malformed. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }

    public TraceReport trace(TraceRequest request) {
        if (request.source() == null || request.destination() == null) {
            throw new BadRequest("source and destination are required");
        }
        Site site = engine.sites().site(request.accountId(), request.region())
                .orElseThrow(() -> new BadRequest("Account " + request.accountId() + " has nothing in " + request.region()));
        Protocol protocol = protocol(request);
        Integer port = protocol == Protocol.ICMP ? null
                : request.port() != null ? request.port() : protocol == Protocol.TCP ? 443 : 53;
        Endpoint source = source(site, request.source());
        Ipv4 destination = destination(site, request.destination(), source);
        Probe probe = new Probe(protocol, destination, port == null ? 0 : port, Probe.DEFAULT_TTL);
        ProbeResult result = source.instanceId() != null
                ? engine.probe(site.accountId(), site.region(), source.instanceId(), probe)
                : engine.probeFrom(source.origin(), probe);
        return TraceReport.of(request, source.origin().address().toString(), destination.toString(),
                protocol.lowerName(), port, result);
    }

    private static Protocol protocol(TraceRequest request) {
        if (request.protocol() == null || request.protocol().isBlank()) {
            return request.port() != null ? Protocol.TCP : Protocol.ICMP;
        }
        try {
            return Protocol.valueOf(request.protocol().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("protocol must be tcp, udp or icmp, not " + request.protocol());
        }
    }

    private record Endpoint(Origin origin, String instanceId, NetworkInterface eni) {}

    private Endpoint source(Site site, String text) {
        if ("internet".equalsIgnoreCase(text)) {
            return new Endpoint(new Origin.FromInternet(site, SimulatedInternet.INTERNET_CLIENT), null, null);
        }
        NetworkInterface eni = resourceInterface(site, text)
                .orElseThrow(() -> new BadRequest("No instance, Name tag or interface address matches " + text));
        String instanceId = eni.attachment() != null && eni.attachment().deviceIndex() == 0
                && site.topology().instance(eni.attachment().instanceId()).isPresent()
                ? eni.attachment().instanceId() : null;
        return new Endpoint(new Origin.FromInterface(site, eni), instanceId, eni);
    }

    private Ipv4 destination(Site site, String text, Endpoint source) {
        if ("internet".equalsIgnoreCase(text)) {
            return INTERNET_DESTINATION;
        }
        Optional<Ipv4> literal = Ipv4.tryParse(text);
        if (literal.isPresent()) {
            return literal.get();
        }
        Optional<NetworkInterface> target = instanceInterface(site, text);
        if (target.isPresent()) {
            NetworkInterface eni = target.get();
            boolean sameVpc = source.eni() != null && source.eni().vpcId().equals(eni.vpcId());
            return sameVpc ? eni.privateIp()
                    : site.topology().publicIpOf(eni.vpcId(), eni.privateIp()).orElse(eni.privateIp());
        }
        // A name means what it means to the source: through its VPC's resolver (endpoint private DNS
        // included) for an instance, through public DNS otherwise or when the VPC resolver has no answer.
        Optional<Ipv4> resolved = source.instanceId() == null ? Optional.empty()
                : engine.resolve(site.accountId(), site.region(), source.instanceId(), text);
        return resolved.or(() -> engine.internet().lookup(text))
                .orElseThrow(() -> new BadRequest("No instance, Name tag, address or host name matches " + text));
    }

    private static Optional<NetworkInterface> resourceInterface(Site site, String text) {
        Optional<NetworkInterface> byInstance = instanceInterface(site, text);
        if (byInstance.isPresent()) {
            return byInstance;
        }
        Topology t = site.topology();
        return Ipv4.tryParse(text).flatMap(ip -> t.anyInterfaceAt(ip)
                .or(() -> t.byPublicIp(ip).map(Topology.PublicMapping::eni)));
    }

    private static Optional<NetworkInterface> instanceInterface(Site site, String text) {
        Topology t = site.topology();
        Optional<Instance> instance = t.instance(text)
                .or(() -> t.state().idsTagged("Name", text).stream()
                        .map(t::instance).flatMap(Optional::stream)
                        .filter(i -> !"terminated".equals(i.state()))
                        .findFirst());
        return instance.filter(i -> !"terminated".equals(i.state()))
                .flatMap(i -> t.interfaceById(i.primaryNetworkInterfaceId()));
    }
}
