package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.HostView;
import io.localvpc.dataplane.Network;
import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.dataplane.Trace;
import io.localvpc.model.Cidr;
import io.localvpc.model.Ipv4;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One command line's view of the instance it runs on: the network, who and where the instance is,
 * what its OS knows about itself, and the simulated time the command starts at. Tools never sleep:
 * they compute the times they print from the probes' simulated round trips.
 */
public record Session(Network network, String accountId, String region, HostView host, Instant now) {
    static final Cidr LOOPBACK = Cidr.parse("127.0.0.0/8");
    static final Ipv4 LOCALHOST = Ipv4.parse("127.0.0.1");
    /** How long a packet takes through the kernel's loopback. */
    static final Duration LOOPBACK_RTT = Duration.ofNanos(30_000);

    /** The outcome of turning a host name into an address, as the C library's resolver reports it. */
    public sealed interface Lookup {
        /** The name resolved (or was an address already). */
        record Found(Ipv4 address) implements Lookup {}

        /** The resolver answered NXDOMAIN. */
        record NotFound() implements Lookup {}

        /** No resolver answered (the VPC has DNS support turned off). */
        record NoServer() implements Lookup {}
    }

    /** The same instance and network, at a later simulated instant (the next command of a script). */
    public Session at(Instant later) {
        return new Session(network, accountId, region, host, later);
    }

    /** The primary interface's private address. */
    public Ipv4 address() {
        return host.interfaces().isEmpty() ? null : host.interfaces().get(0).address();
    }

    /**
     * Resolves {@code name} as glibc would on Amazon Linux: an address literal stands for itself,
     * {@code localhost} comes from /etc/hosts, anything else goes to the VPC resolver.
     */
    public Lookup lookup(String name) {
        Optional<Ipv4> literal = Ipv4.tryParse(name);
        if (literal.isPresent()) {
            return new Lookup.Found(literal.get());
        }
        String bare = stripDot(name).toLowerCase(Locale.ROOT);
        if (bare.equals("localhost") || bare.equals("localhost.localdomain")) {
            return new Lookup.Found(LOCALHOST);
        }
        return query(bare);
    }

    /** Asks the VPC's resolver (never /etc/hosts), as dig and nslookup do. */
    public Lookup query(String name) {
        if (!host.dnsSupport() || host.dnsResolver() == null) {
            return new Lookup.NoServer();
        }
        return network.resolve(accountId, region, host.instanceId(), stripDot(name))
                .<Lookup>map(Lookup.Found::new)
                .orElseGet(Lookup.NotFound::new);
    }

    /**
     * Sends {@code probe} from the instance. Packets to the loopback network or to the instance's
     * own addresses never leave it: the kernel answers ICMP echoes itself and refuses TCP and UDP
     * (nothing listens on the simulated instance).
     */
    public ProbeResult probe(Probe probe) {
        if (isLocal(probe.destination())) {
            Trace local = new Trace(List.of(new Trace.Hop("lo", "loopback", "accept", "delivered locally", null)), true, null);
            ProbeResult.Outcome outcome = probe.protocol() == io.localvpc.dataplane.Protocol.ICMP
                    ? ProbeResult.Outcome.ANSWERED
                    : ProbeResult.Outcome.REFUSED;
            return new ProbeResult(outcome, probe.destination(), probe.destination(), LOOPBACK_RTT, Probe.DEFAULT_TTL, local);
        }
        return network.probe(accountId, region, host.instanceId(), probe);
    }

    boolean isLocal(Ipv4 address) {
        return LOOPBACK.contains(address) || host.interfaces().stream().anyMatch(i -> address.equals(i.address()));
    }

    static String stripDot(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}
