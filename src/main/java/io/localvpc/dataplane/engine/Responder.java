package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.ProbeResult.Outcome;
import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.Trace;
import io.localvpc.dataplane.internet.InternetHost;
import io.localvpc.dataplane.internet.SimulatedInternet;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import java.util.Optional;
import java.util.Set;

/**
 * What answers a packet that arrived: an internet host (echo reply, SYN-ACK on a listening port,
 * RST or port-unreachable otherwise, nothing at a silent address) or an instance's operating
 * system (echo reply, SYN-ACK on sshd's port 22, RST or port-unreachable otherwise; nothing when
 * it is not running). NAT gateways never answer.
 */
final class Responder {
    /** TCP ports an instance's operating system listens on (sshd on Amazon Linux). */
    static final Set<Integer> INSTANCE_TCP_PORTS = Set.of(22);
    static final int LINUX_TTL = 64;

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

    private static Answer fromInterface(Site site, NetworkInterface eni, Packet p) {
        if ("nat_gateway".equals(eni.interfaceType())) {
            return silence(eni.id(), new Trace.Explanation(Codes.NO_ANSWER, "NAT gateways do not answer packets "
                    + "addressed to them.", eni.id()), true);
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

    private static Answer silence(String responder, Trace.Explanation why, boolean pathReachable) {
        return new Answer(Outcome.NO_ANSWER, null, null, responder, why, pathReachable);
    }
}
