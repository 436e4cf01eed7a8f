package io.localvpc.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulated internet's public IPv4 addresses handed to Elastic IPs and instances. They are
 * unique across all accounts and regions, so a public address always leads to one interface.
 * The pool is the documentation and benchmarking ranges (RFC 5737 TEST-NET-3, -2, -1, then
 * RFC 2544's 198.18.0.0/15), which are never routed on the real internet.
 */
public final class PublicIpPool {
    public static final List<Cidr> RANGES = List.of(
            Cidr.parse("203.0.113.0/24"),
            Cidr.parse("198.51.100.0/24"),
            Cidr.parse("192.0.2.0/24"),
            Cidr.parse("198.18.0.0/15"));

    /** A resource that holds a public address of the pool. */
    public interface Holder {
        Optional<Ipv4> heldPublicIp();
    }

    private final Set<Ipv4> used = ConcurrentHashMap.newKeySet();

    /** Claims a free address for {@code tx}; it returns to the pool if the transaction fails. */
    public Optional<Ipv4> claim(Tx tx) {
        for (Cidr range : RANGES) {
            // Random probes first (addresses look scattered, as on AWS), then a full sweep.
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int attempt = 0; attempt < 32; attempt++) {
                Ipv4 candidate = range.base().plus(1 + random.nextLong(range.size() - 2));
                if (take(candidate, tx)) {
                    return Optional.of(candidate);
                }
            }
            for (long i = 1; i < range.size() - 1; i++) {
                if (take(range.base().plus(i), tx)) {
                    return Optional.of(range.base().plus(i));
                }
            }
        }
        return Optional.empty();
    }

    private boolean take(Ipv4 candidate, Tx tx) {
        if (used.add(candidate)) {
            tx.onAbort(() -> used.remove(candidate));
            return true;
        }
        return false;
    }

    /** Gives an address back once the transaction that released it has committed. */
    public void release(Ipv4 address, Tx tx) {
        tx.onCommit(() -> used.remove(address));
    }

    void markUsedBy(Resource resource) {
        if (resource instanceof Holder holder) {
            holder.heldPublicIp().ifPresent(used::add);
        }
    }

    public boolean inUse(Ipv4 address) {
        return used.contains(address);
    }
}
