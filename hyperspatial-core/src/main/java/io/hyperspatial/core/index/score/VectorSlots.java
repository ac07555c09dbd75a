package io.hyperspatial.core.index.score;

/**
 * Fixed-stride float slots by ordinal: where an exact space keeps its prepared vectors. Either on
 * the heap in float pages ({@link FloatVectorStorage}, which the float32 kernels read in place:
 * unquantized indexes) or in a file mapped into memory ({@link MappedVectorStorage}, read by
 * copying one slot at a time: quantized indexes, which read full-precision vectors only to rerank
 * and report distances, so the operating system may page them out).
 *
 * <p>Appends are serialised; reading a slot needs a happens-before edge with its append (the
 * graph's publication of the ordinal provides it). Thread-safe on that basis. {@link #close}
 * releases off-heap memory; no slot may be read after it.
 */
public sealed interface VectorSlots extends AutoCloseable permits FloatVectorStorage, MappedVectorStorage {

    /** Floats per slot. */
    int stride();

    /** Slots appended so far. */
    int size();

    /** Appends a slot (exactly {@link #stride()} floats) and returns its ordinal. */
    int add(float[] slot);

    /** Overwrites the slot of an existing ordinal. */
    void set(int ordinal, float[] slot);

    /** A copy of a slot. */
    float[] copy(int ordinal);

    /**
     * Hands the first {@code count} slots to {@code sink} in ordinal order, in runs of whole slots
     * (for snapshots: a run is one bulk write). The caller excludes concurrent {@link #set}s of
     * those slots if it needs a consistent copy.
     */
    <E extends Exception> void readSlots(int count, SlotSink<E> sink) throws E;

    /**
     * Appends {@code count} slots whose floats {@code source} writes, run by run (for restoring a
     * snapshot). The slots are taken as they are, so they must be slots this storage's owner
     * prepared. Only for an empty storage, before it is shared.
     */
    <E extends Exception> void appendSlots(int count, SlotSource<E> source) throws E;

    /** Bytes allocated on the Java heap. */
    long heapBytes();

    /** Bytes of mapped file regions (resident only as far as the operating system keeps them). */
    long mappedBytes();

    /** Releases off-heap memory and files; nothing on the heap needs it. */
    @Override
    void close();

    /** Receives slots run by run: {@code length} floats of {@code floats} from {@code offset}. */
    @FunctionalInterface
    interface SlotSink<E extends Exception> {
        void accept(float[] floats, int offset, int length) throws E;
    }

    /** Fills slots run by run: writes {@code length} floats into {@code floats} from {@code offset}. */
    @FunctionalInterface
    interface SlotSource<E extends Exception> {
        void fill(float[] floats, int offset, int length) throws E;
    }
}
