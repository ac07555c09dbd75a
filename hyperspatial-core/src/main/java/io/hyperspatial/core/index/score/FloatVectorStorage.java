package io.hyperspatial.core.index.score;

import java.util.Arrays;

/**
 * Fixed-stride float slots in flat heap pages: slot {@code i} lives in {@code page(i)} from
 * {@code offset(i)}, so kernels read it in place and there is no object per vector. Pages never
 * move once allocated. Appends are serialised; reading a slot needs a happens-before edge with
 * its append (the graph's publication of the ordinal provides it). Thread-safe on that basis.
 * {@link #close} does nothing: the pages are ordinary garbage.
 */
public final class FloatVectorStorage implements VectorSlots {
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

    @Override
    public int stride() {
        return stride;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public synchronized int add(float[] slot) {
        SlotChecks.length(slot, stride);
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

    @Override
    public void set(int ordinal, float[] slot) {
        SlotChecks.length(slot, stride);
        SlotChecks.ordinal(ordinal, size);
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

    @Override
    public float[] copy(int ordinal) {
        SlotChecks.ordinal(ordinal, size);
        return Arrays.copyOfRange(page(ordinal), offset(ordinal), offset(ordinal) + stride);
    }

    /** One run per page, handed over in place (no copy). */
    @Override
    public <E extends Exception> void readSlots(int count, SlotSink<E> sink) throws E {
        if (count < 0 || count > size) {
            throw new IndexOutOfBoundsException("count " + count + " of " + size);
        }
        float[][] p = pages;
        for (int first = 0; first < count; first += PAGE_SLOTS) {
            sink.accept(p[first >>> PAGE_SHIFT], 0, Math.min(PAGE_SLOTS, count - first) * stride);
        }
    }

    /** {@code source} writes straight into the pages: no per-slot copy. */
    @Override
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
    @Override
    public long heapBytes() {
        return (long) pages.length * PAGE_SLOTS * stride * Float.BYTES;
    }

    @Override
    public long mappedBytes() {
        return 0;
    }

    @Override
    public void close() {
    }
}
