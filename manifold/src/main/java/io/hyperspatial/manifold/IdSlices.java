package io.hyperspatial.manifold;

/**
 * Cuts the 16-byte entity-id key space into equal slices by the ids' two leading bytes, for scans
 * that several threads read at once ({@link ReadView#scanSlice}). Stateless.
 */
final class IdSlices {
    /** Slices at most: one per value of the two leading bytes. */
    static final int MAX_SLICES = 1 << 16;

    private IdSlices() {
    }

    /**
     * The keys slice {@code slice} of {@code slices} starts at (inclusive) and ends at (exclusive;
     * null for the last slice): two-byte prefixes, which sort before every 16-byte id that starts
     * with them, so each id falls into exactly one slice.
     */
    static byte[][] bounds(int slice, int slices) {
        if (slices < 1 || slices > MAX_SLICES || slice < 0 || slice >= slices) {
            throw new IllegalArgumentException("slice " + slice + " of " + slices
                    + ": need 0 <= slice < slices <= " + MAX_SLICES);
        }
        return new byte[][] {prefix(slice, slices), slice + 1 == slices ? null : prefix(slice + 1, slices)};
    }

    /** The two-byte prefix where slice {@code slice} begins: floor(slice · 65536 / slices). */
    private static byte[] prefix(int slice, int slices) {
        int start = (int) ((long) slice * MAX_SLICES / slices);
        return new byte[] {(byte) (start >>> 8), (byte) start};
    }
}
