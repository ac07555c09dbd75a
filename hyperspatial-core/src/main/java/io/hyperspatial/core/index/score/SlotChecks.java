package io.hyperspatial.core.index.score;

/** The argument checks every {@link VectorSlots} makes, in one place so that both layouts word them alike. */
final class SlotChecks {
    private SlotChecks() {
    }

    /** A slot given for writing has exactly {@code stride} floats. */
    static void length(float[] slot, int stride) {
        if (slot.length != stride) {
            throw new IllegalArgumentException("slot of " + slot.length + " floats, stride is " + stride);
        }
    }

    /** An ordinal names a slot already appended. */
    static void ordinal(int ordinal, int size) {
        if (ordinal < 0 || ordinal >= size) {
            throw new IndexOutOfBoundsException("ordinal " + ordinal + " of " + size);
        }
    }
}
