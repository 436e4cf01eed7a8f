package io.localvpc.dataplane.nat;

import java.util.stream.IntStream;

/**
 * The private IPv4 addresses of one NAT gateway, each in a numbered slot that sessions refer to
 * (so a session costs 4 bits, not 32, for its address). Slot order is allocation order: the
 * primary first, then the secondaries. A removed address stops taking new sessions but keeps
 * translating the ones it has (AWS drains them); its slot is reused only once they are gone.
 */
final class NatAddresses {
    private static final int UNUSED = 0;
    private static final int ALLOCATING = 1;
    private static final int DRAINING = 2;

    private final int[] ips = new int[NatConfig.MAX_ADDRESSES];
    private final int[] modes = new int[NatConfig.MAX_ADDRESSES];
    /** Sessions (active or remembered as expired) holding a port on each slot. */
    private final int[] sessions = new int[NatConfig.MAX_ADDRESSES];
    private int slotsInUse;

    NatAddresses(int primary) {
        add(primary);
    }

    /** Adds an address (or takes a draining one back into use); false if it was already taking sessions. */
    boolean add(int ip) {
        int slot = slotOf(ip);
        if (slot >= 0) {
            boolean changed = modes[slot] != ALLOCATING;
            modes[slot] = ALLOCATING;
            return changed;
        }
        for (int i = 0; i < ips.length; i++) {
            if (modes[i] == UNUSED) {
                ips[i] = ip;
                modes[i] = ALLOCATING;
                slotsInUse = Math.max(slotsInUse, i + 1);
                return true;
            }
        }
        throw new IllegalStateException("a NAT gateway has at most " + NatConfig.MAX_ADDRESSES + " addresses, draining ones included");
    }

    /** Stops new sessions on the address; false if it was not taking sessions. */
    boolean remove(int ip) {
        int slot = slotOf(ip);
        if (slot < 0 || modes[slot] != ALLOCATING) {
            return false;
        }
        modes[slot] = sessions[slot] == 0 ? UNUSED : DRAINING;
        return true;
    }

    /** The slot of an address that still translates (taking sessions or draining), or -1. */
    int slotOf(int ip) {
        for (int i = 0; i < slotsInUse; i++) {
            if (ips[i] == ip && modes[i] != UNUSED) {
                return i;
            }
        }
        return -1;
    }

    int slotsInUse() {
        return slotsInUse;
    }

    boolean allocating(int slot) {
        return modes[slot] == ALLOCATING;
    }

    int ip(int slot) {
        return ips[slot];
    }

    void sessionOpened(int slot) {
        sessions[slot]++;
    }

    void sessionGone(int slot) {
        if (--sessions[slot] == 0 && modes[slot] == DRAINING) {
            modes[slot] = UNUSED;
        }
    }

    /** The addresses taking new sessions, primary first. */
    int[] allocatingAddresses() {
        return IntStream.range(0, slotsInUse).filter(this::allocating).map(i -> ips[i]).toArray();
    }
}
