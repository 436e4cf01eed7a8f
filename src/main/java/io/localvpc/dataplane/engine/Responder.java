package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.ProbeResult.Outcome;
import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.Trace;
import io.localvpc.dataplane.internet.InternetHost;
import io.localvpc.dataplane.internet.SimulatedInternet;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.VpcEndpoint;
import java.util.Optional;
import java.util.Set;

/**
 * What answers a packet that arrived: an internet host (echo reply, SYN-ACK on a listening port,
 * RST or port-unreachable otherwise, nothing at a silent address) or an instance's operating
 * system (echo reply, SYN-ACK on sshd's port 22, RST or port-unreachable otherwise; nothing when
 * it is not running), an interface VPC endpoint (SYN-ACK on HTTPS, silence otherwise), or an AWS
 * service reached through a gateway endpoint (its answer returns through that endpoint). NAT
 * gateways never answer.
 */
final class Responder {
    /** TCP ports an instance's operating system listens on (sshd on Amazon Linux). */
    static final Set<Integer> INSTANCE_TCP_PORTS = Set.of(22);
    static final int LINUX_TTL = 64;
    /** What an interface endpoint listens on: the service's HTTPS API, nothing else. */
    static final int ENDPOINT_TCP_PORT = 443;

    /**
     * An answer on its way back, or silence: {@code reply} and {@code returnStart} are null when
     * nothing answers; {@code silence} says why, and {@code pathReachable} whether the packet's
     * path itself was fine.
     */
    record Answer(Outcome outcome, Packet reply, Step returnStart, String responder, Trace.Explanation silence,
            boolean pathReachable) {}

    private final SimulatedInternet internet;

    Responder(SimulatedInternet internet) {
        this.internet = internet;
    }

    Answer answer(Step.Terminal arrived) {
        if (arrived instanceof Step.ReachedHost r) {
            return fromHost(r.host(), r.packet());
        }
        if (arrived instanceof Step.ReachedService s) {
            return fromService(s);
        }
        Step.Delivered d = (Step.Delivered) arrived;
        return fromInterface(d.site(), d.eni(), d.packet());
    }

    private Answer fromHost(InternetHost host, Packet p) {
        if (!host.exists()) {
            return silence("internet", new Trace.Explanation(Codes.NO_ANSWER, "Nothing on the internet answers at "
                    + p.destination() + ".", "internet"), true);
        }
        int ttl = host.initialTtl() - internet.pathTo(host.location(), host).size();
        if (host.listens(p.protocol(), p.destinationPort())) {
            Packet reply = p.answer(ttl);
            return new Answer(Outcome.ANSWERED, reply, new Step.Internet(reply, host.location()), host.label(), null, true);
        }
        if (p.protocol() == Protocol.ICMP) {
            return silence(host.label(), new Trace.Explanation(Codes.NO_ANSWER, host.label()
                    + " does not answer ICMP echo requests.", "internet"), true);
        }
        Packet reply = p.answer(ttl);
        return new Answer(Outcome.REFUSED, reply, new Step.Internet(reply, host.location()), host.label(), null, true);
    }

    /** An AWS service behind a gateway endpoint answers as it would from the internet, back through the endpoint. */
    private static Answer fromService(Step.ReachedService s) {
        Packet p = s.packet();
        InternetHost host = s.host();
        if (!host.exists()) {
            return silence(s.endpoint().id(), new Trace.Explanation(Codes.NO_ANSWER, "Nothing of "
                    + s.endpoint().serviceName() + " answers at " + p.destination() + ".", s.endpoint().id()), true);
        }
        Packet reply = p.answer(host.initialTtl());
        Step back = new Step.ThroughGatewayEndpoint(s.site(), s.endpoint(), reply, false);
        if (host.listens(p.protocol(), p.destinationPort())) {
            return new Answer(Outcome.ANSWERED, reply, back, host.label(), null, true);
        }
        if (p.protocol() == Protocol.ICMP) {
            return silence(host.label(), new Trace.Explanation(Codes.NO_ANSWER, host.label()
                    + " does not answer ICMP echo requests.", s.endpoint().id()), true);
        }
        return new Answer(Outcome.REFUSED, reply, back, host.label(), null, true);
    }

    private static Answer fromInterface(Site site, NetworkInterface eni, Packet p) {
        if ("nat_gateway".equals(eni.interfaceType())) {
            return silence(eni.id(), new Trace.Explanation(Codes.NO_ANSWER, "NAT gateways do not answer packets "
                    + "addressed to them.", eni.id()), true);
        }
        Optional<VpcEndpoint> endpoint = site.topology().endpointOf(eni);
        if (endpoint.isPresent()) {
            return fromEndpoint(site, endpoint.get(), eni, p);
        }
        Optional<Instance> instance = Optional.ofNullable(eni.attachment())
                .map(NetworkInterface.Attachment::instanceId)
                .flatMap(id -> site.topology().instance(id));
        if (instance.isEmpty()) {
            return silence(eni.id(), new Trace.Explanation(Codes.NO_ANSWER, "No instance is attached to " + eni.id()
                    + ".", eni.id()), true);
        }
        if (!"running".equals(instance.get().state())) {
            return silence(eni.id(), new Trace.Explanation(Codes.BAD_STATE, "Instance " + instance.get().id() + " is "
                    + instance.get().state() + ", not running.", instance.get().id()), false);
        }
        Packet reply = p.answer(LINUX_TTL);
        Outcome outcome = switch (p.protocol()) {
            case ICMP -> Outcome.ANSWERED;
            case TCP -> INSTANCE_TCP_PORTS.contains(p.destinationPort()) ? Outcome.ANSWERED : Outcome.REFUSED;
            case UDP -> Outcome.REFUSED;
        };
        return new Answer(outcome, reply, new Step.Send(site, eni, reply), instance.get().id(), null, true);
    }

    /** An interface endpoint: it accepts HTTPS connections once available, and nothing else. */
    private static Answer fromEndpoint(Site site, VpcEndpoint endpoint, NetworkInterface eni, Packet p) {
        String label = endpoint.id() + " (" + endpoint.serviceName() + ")";
        if (!"available".equals(endpoint.state())) {
            return silence(label, new Trace.Explanation(Codes.BAD_STATE, "VPC endpoint " + endpoint.id() + " is "
                    + endpoint.state() + ", not available.", endpoint.id()), false);
        }
        if (p.protocol() != Protocol.TCP || p.destinationPort() != ENDPOINT_TCP_PORT) {
            return silence(label, new Trace.Explanation(Codes.NO_ANSWER, "VPC endpoint " + endpoint.id()
                    + " accepts only TCP " + ENDPOINT_TCP_PORT + "; it does not answer " + p.describe() + ".",
                    endpoint.id()), true);
        }
        Packet reply = p.answer(LINUX_TTL);
        return new Answer(Outcome.ANSWERED, reply, new Step.Send(site, eni, reply), label, null, true);
    }

    private static Answer silence(String responder, Trace.Explanation why, boolean pathReachable) {
        return new Answer(Outcome.NO_ANSWER, null, null, responder, why, pathReachable);
    }
}
