package io.localvpc.dataplane.nat;

/**
 * Active sessions per (NAT address slot, destination IP, destination port, protocol), for the
 * 55,000-per-destination limit, with a port cursor so that allocation resumes where it last
 * succeeded instead of rescanning taken ports. Which ports are taken is not stored here (that
 * would be a 64 KiB bitmap a destination): the inbound index answers it.
 *
 * <p>An open-addressing map of {@code long} keys (bit 63 set marks a used slot), linear probing,
 * backward-shift deletion when a count drops to zero, at most half full.
 */
final class DestinationCounts {
    private static final long PRESENT = 1L << 63;

    private long[] keys = new long[64];
    private int[] counts = new int[64];
    private int[] cursors = new int[64];
    private int mask = 63;
    private int size;

    static long key(int slot, int protocol, int dstIp, int dstPort) {
        return PRESENT | (long) slot << 52 | (long) protocol << 48 | (long) dstPort << 32 | (dstIp & 0xFFFF_FFFFL);
    }

    /** Active sessions to this destination key (0 when absent). */
    int count(long key) {
        int i = find(key);
        return i < 0 ? 0 : counts[i];
    }

    /** Where the next port search should start, or -1 when the destination has no sessions. */
    int cursor(long key) {
        int i = find(key);
        return i < 0 ? -1 : cursors[i];
    }

    void increment(long key, int nextCursor) {
        int i = find(key);
        if (i < 0) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            i = home(key);
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            size++;
        }
        counts[i]++;
        cursors[i] = nextCursor;
    }

    void decrement(long key) {
        int i = find(key);
        if (i < 0) {
            throw new IllegalStateException("no sessions counted for destination key " + Long.toHexString(key));
        }
        if (--counts[i] == 0) {
            shiftBack(i);
            size--;
        }
    }

    int size() {
        return size;
    }

    long arrayBytes() {
        return (long) keys.length * (Long.BYTES + 2 * Integer.BYTES);
    }

    private int find(long key) {
        int i = home(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    private int home(long key) {
        return SessionIndex.mix(key, 0x5EED) & mask;
    }

    private void shiftBack(int hole) {
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
            if (k == 0) {
                break;
            }
            int home = home(k);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = k;
                counts[hole] = counts[j];
                cursors[hole] = cursors[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        counts[hole] = 0;
        cursors[hole] = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        int[] oldCursors = cursors;
        keys = new long[oldKeys.length * 2];
        counts = new int[keys.length];
        cursors = new int[keys.length];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = home(oldKeys[j]);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
                cursors[i] = oldCursors[j];
            }
        }
    }
}
