package io.localvpc.dataplane.nat;

/**
 * An open-addressing hash index from a key of a session to its id: an {@code int[]} of
 * {@code id + 1} (0 = empty) with linear probing, at most half full, doubling when it would be
 * fuller. Keys are not stored: they are read back from {@link NatSessions}, which keeps the index
 * at 4 bytes a slot. Deletion shifts the following entries back instead of leaving tombstones, so
 * lookups never slow down with churn.
 *
 * <p>Subclasses define the key: how to hash a stored session and, in their own lookup method
 * taking the key as primitives, how to compare.
 */
abstract class SessionIndex {
    protected final NatSessions sessions;
    protected int[] slots;
    protected int mask;
    private int size;

    SessionIndex(NatSessions sessions, int expectedEntries) {
        this.sessions = sessions;
        int capacity = Integer.highestOneBit(Math.max(16, expectedEntries * 2 - 1)) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
    }

    /** The hash of the key of a session already in the store. */
    abstract int hashOf(int session);

    void insert(int session) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        place(session);
        size++;
    }

    void remove(int session) {
        int i = hashOf(session) & mask;
        while (slots[i] != session + 1) {
            i = (i + 1) & mask;
        }
        shiftBack(i);
        size--;
    }

    int size() {
        return size;
    }

    long arrayBytes() {
        return (long) slots.length * Integer.BYTES;
    }

    private void place(int session) {
        int i = hashOf(session) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = session + 1;
    }

    /** Fills the hole at {@code hole} with a later entry of the same probe run that may live there. */
    private void shiftBack(int hole) {
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            int entry = slots[j];
            if (entry == 0) {
                break;
            }
            int home = hashOf(entry - 1) & mask;
            // The entry may move back into the hole only if the hole lies on its probe path,
            // i.e. between its home slot and where it sits now (cyclically).
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = entry;
                hole = j;
            }
        }
        slots[hole] = 0;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        mask = slots.length - 1;
        for (int entry : old) {
            if (entry != 0) {
                place(entry - 1);
            }
        }
    }

    /** A 64-to-32-bit mix (Stafford variant 13 finaliser) of a key spread over two longs. */
    static int mix(long a, long b) {
        long h = a * 0x9E37_79B9_7F4A_7C15L ^ b;
        h = (h ^ (h >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return (int) (h ^ (h >>> 31));
    }
}
