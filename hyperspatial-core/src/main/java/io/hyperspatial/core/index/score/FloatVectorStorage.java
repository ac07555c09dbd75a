package io.hyperspatial.core.index.score;

import java.util.Arrays;

/**
 * Fixed-stride float slots in flat pages: slot {@code i} lives in {@code page(i)} from
 * {@code offset(i)}, so kernels read it in place and there is no object per vector. Pages never
 * move once allocated. Appends are serialised; reading a slot needs a happens-before edge with
 * its append (the graph's publication of the ordinal provides it). Thread-safe on that basis.
 */
public final class FloatVectorStorage {
    private static final int PAGE_SHIFT = 10;
    private static final int PAGE_SLOTS = 1 << PAGE_SHIFT;
    private static final int PAGE_MASK = PAGE_SLOTS - 1;

    private final int stride;
    private volatile float[][] pages = new float[0][];
    private volatile int size;

    /** @param stride floats per slot (the dimension, plus any per-vector factors kept beside it) */
    public FloatVectorStorage(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be positive, got " + stride);
        }
        this.stride = stride;
    }

    public int stride() {
        return stride;
    }

    public int size() {
        return size;
    }

    /** Appends a slot (exactly {@link #stride()} floats) and returns its ordinal. */
    public synchronized int add(float[] slot) {
        checkLength(slot);
        int ordinal = size;
        int page = ordinal >>> PAGE_SHIFT;
        float[][] p = pages;
        if (page == p.length) {
            p = Arrays.copyOf(p, page + 1);
            p[page] = new float[PAGE_SLOTS * stride];
            pages = p;
        }
        System.arraycopy(slot, 0, p[page], (ordinal & PAGE_MASK) * stride, stride);
        size = ordinal + 1;
        return ordinal;
    }

    /** Overwrites the slot of an existing ordinal. */
    public void set(int ordinal, float[] slot) {
        checkLength(slot);
        checkOrdinal(ordinal);
        System.arraycopy(slot, 0, page(ordinal), offset(ordinal), stride);
    }

    public float[] page(int ordinal) {
        return pages[ordinal >>> PAGE_SHIFT];
    }

    /**
     * The page table as it stands (for batch readers, which index it with {@link #pageIndex}):
     * it holds the page of every ordinal published to the caller before this call.
     */
    float[][] pages() {
        return pages;
    }

    /** Index in {@link #pages()} of the page holding an ordinal's slot. */
    int pageIndex(int ordinal) {
        return ordinal >>> PAGE_SHIFT;
    }

    public int offset(int ordinal) {
        return (ordinal & PAGE_MASK) * stride;
    }

    /** The float at position {@code i} of a slot. */
    public float get(int ordinal, int i) {
        return page(ordinal)[offset(ordinal) + i];
    }

    /** A copy of a slot. */
    public float[] copy(int ordinal) {
        checkOrdinal(ordinal);
        return Arrays.copyOfRange(page(ordinal), offset(ordinal), offset(ordinal) + stride);
    }

    /** Receives slots page by page: {@code length} floats of {@code page} from {@code offset}. */
    @FunctionalInterface
    public interface SlotSink<E extends Exception> {
        void accept(float[] page, int offset, int length) throws E;
    }

    /** Fills slots page by page: writes {@code length} floats into {@code page} from {@code offset}. */
    @FunctionalInterface
    public interface SlotSource<E extends Exception> {
        void fill(float[] page, int offset, int length) throws E;
    }

    /**
     * Hands the first {@code count} slots to {@code sink}, one run of whole slots per page, in
     * ordinal order (for snapshots: a page is one bulk write). The caller excludes concurrent
     * {@link #set}s of those slots if it needs a consistent copy.
     */
    public <E extends Exception> void readSlots(int count, SlotSink<E> sink) throws E {
        if (count < 0 || count > size) {
            throw new IndexOutOfBoundsException("count " + count + " of " + size);
        }
        float[][] p = pages;
        for (int first = 0; first < count; first += PAGE_SLOTS) {
            sink.accept(p[first >>> PAGE_SHIFT], 0, Math.min(PAGE_SLOTS, count - first) * stride);
        }
    }

    /**
     * Appends {@code count} slots whose floats {@code source} writes straight into the pages (for
     * restoring a snapshot: no per-slot copy). The slots are taken as they are, so they must be
     * slots this storage's owner prepared. Only for an empty storage, before it is shared.
     */
    public synchronized <E extends Exception> void appendSlots(int count, SlotSource<E> source) throws E {
        if (size != 0) {
            throw new IllegalStateException("slots can only be restored into an empty storage");
        }
        int pageCount = (count + PAGE_SLOTS - 1) >>> PAGE_SHIFT;
        float[][] p = new float[pageCount][];
        for (int page = 0; page < pageCount; page++) {
            p[page] = new float[PAGE_SLOTS * stride];
            source.fill(p[page], 0, Math.min(PAGE_SLOTS, count - (page << PAGE_SHIFT)) * stride);
        }
        pages = p;
        size = count;
    }

    /** Bytes allocated (whole pages). */
    public long allocatedBytes() {
        return (long) pages.length * PAGE_SLOTS * stride * Float.BYTES;
    }

    private void checkLength(float[] slot) {
        if (slot.length != stride) {
            throw new IllegalArgumentException("slot of " + slot.length + " floats, stride is " + stride);
        }
    }

    private void checkOrdinal(int ordinal) {
        if (ordinal < 0 || ordinal >= size) {
            throw new IndexOutOfBoundsException("ordinal " + ordinal + " of " + size);
        }
    }
}
