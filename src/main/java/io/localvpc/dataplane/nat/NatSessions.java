package io.localvpc.dataplane.nat;

import java.util.Arrays;

/**
 * Every session of one NAT table as parallel primitive arrays indexed by session id (32 bytes a
 * session, no object per session) and a free list of ids. {@link #prev}/{@link #next} thread each
 * session through exactly one list: an {@link IdleWheel} bucket while active, the list of
 * remembered expired sessions (oldest first, so forgetting them only looks at its head) once
 * idle, the free list once gone.
 */
final class NatSessions {
    static final int NONE = -1;

    static final int FREE = 0;
    static final int ACTIVE = 1;
    static final int EXPIRED = 2;

    /** The instance's address. */
    int[] srcIp;
    /** The remote destination's address. */
    int[] dstIp;
    /** {@code srcPort << 16 | dstPort}; for ICMP the echo identifier and 0. */
    int[] ports;
    /** {@code natPort << 16 | state << 8 | addressSlot << 4 | protocolOrdinal}; 0 when free. */
    int[] nat;
    /** Simulated milliseconds of the last packet in either direction. */
    long[] lastSeen;
    /** List links; {@link #next} also chains the free list. A negative {@code prev} below -1 marks a wheel bucket's first session. */
    int[] prev;
    int[] next;

    private int capacity;
    private int neverUsed;
    private int freeHead = NONE;
    private int expiredHead = NONE;
    private int expiredTail = NONE;

    NatSessions(int initialCapacity) {
        capacity = initialCapacity;
        srcIp = new int[capacity];
        dstIp = new int[capacity];
        ports = new int[capacity];
        nat = new int[capacity];
        lastSeen = new long[capacity];
        prev = new int[capacity];
        next = new int[capacity];
    }

    /** A fresh session id, growing the arrays by doubling when every slot is taken. */
    int allocate() {
        if (freeHead != NONE) {
            int id = freeHead;
            freeHead = next[id];
            return id;
        }
        if (neverUsed == capacity) {
            grow();
        }
        return neverUsed++;
    }

    void release(int id) {
        nat[id] = 0;
        next[id] = freeHead;
        freeHead = id;
    }

    private void grow() {
        capacity = Math.multiplyExact(capacity, 2);
        srcIp = Arrays.copyOf(srcIp, capacity);
        dstIp = Arrays.copyOf(dstIp, capacity);
        ports = Arrays.copyOf(ports, capacity);
        nat = Arrays.copyOf(nat, capacity);
        lastSeen = Arrays.copyOf(lastSeen, capacity);
        prev = Arrays.copyOf(prev, capacity);
        next = Arrays.copyOf(next, capacity);
    }

    static int packNat(int natPort, int state, int slot, int protocol) {
        return natPort << 16 | state << 8 | slot << 4 | protocol;
    }

    int state(int id) {
        return (nat[id] >>> 8) & 0xF;
    }

    void setState(int id, int state) {
        nat[id] = (nat[id] & ~0xF00) | state << 8;
    }

    int slot(int id) {
        return (nat[id] >>> 4) & 0xF;
    }

    int protocol(int id) {
        return nat[id] & 0xF;
    }

    int natPort(int id) {
        return nat[id] >>> 16;
    }

    int srcPort(int id) {
        return ports[id] >>> 16;
    }

    int dstPort(int id) {
        return ports[id] & 0xFFFF;
    }

    int oldestExpired() {
        return expiredHead;
    }

    void appendExpired(int id) {
        prev[id] = expiredTail;
        next[id] = NONE;
        if (expiredTail == NONE) {
            expiredHead = id;
        } else {
            next[expiredTail] = id;
        }
        expiredTail = id;
    }

    void removeExpired(int id) {
        int before = prev[id];
        int after = next[id];
        if (before == NONE) {
            expiredHead = after;
        } else {
            next[before] = after;
        }
        if (after == NONE) {
            expiredTail = before;
        } else {
            prev[after] = before;
        }
    }

    int capacity() {
        return capacity;
    }

    /** Bytes held by the session arrays: 6 ints and 1 long per slot. */
    long arrayBytes() {
        return (long) capacity * (6 * Integer.BYTES + Long.BYTES);
    }
}
