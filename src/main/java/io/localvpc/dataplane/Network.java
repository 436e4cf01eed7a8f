package io.localvpc.dataplane;

import io.localvpc.model.Ipv4;
import java.util.Optional;

/**
 * What an instance's shell needs from the simulated network. Everything is answered against the
 * current committed state of the cloud and the one simulated clock.
 */
public interface Network {

    /** The instance as its OS sees itself, or empty if there is no such (non-terminated) instance. */
    Optional<HostView> host(String accountId, String region, String instanceId);

    /** Sends one probe from the instance's primary interface and walks it there and back. */
    ProbeResult probe(String accountId, String region, String instanceId, Probe probe);

    /**
     * Resolves a host name through the VPC's Amazon DNS resolver (VPC base + 2), which answers
     * only when the VPC has DNS support on; empty for an unknown name (NXDOMAIN).
     */
    Optional<Ipv4> resolve(String accountId, String region, String instanceId, String name);

    /**
     * What an internet service at {@code destination} answers over HTTP(S) to a request for
     * {@code path} from {@code observedSource}: checkip.amazonaws.com and ifconfig.me answer the
     * source address they see; empty when no web server listens there.
     */
    Optional<HttpAnswer> http(Ipv4 destination, int port, String host, String path, Ipv4 observedSource);

    /** An HTTP answer from a simulated internet host. */
    record HttpAnswer(int status, String reason, java.util.Map<String, String> headers, String body) {}
}
