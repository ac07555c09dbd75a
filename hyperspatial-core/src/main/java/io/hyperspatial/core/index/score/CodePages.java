package io.hyperspatial.core.index.score;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Fixed-width code records ({@code byte[]} for int8, {@code long[]} for binary) in flat pages:
 * the codes of ordinal {@code i} live in {@code page(i)} from {@code offset(i)}, so kernels read
 * them in place. Pages never move once allocated. Writes are serialised by the owning space;
 * reading an ordinal's codes needs a happens-before edge with their write (the owner's volatile
 * size, or the graph's publication of the ordinal), on which basis it is thread-safe.
 *
 * @param <C> the primitive array type of a page
 */
final class CodePages<C> {
    private static final int PAGE_SHIFT = 10;
    private static final int PAGE_RECORDS = 1 << PAGE_SHIFT;
    private static final int PAGE_MASK = PAGE_RECORDS - 1;

    private final int width;
    private final IntFunction<C> allocate;
    private volatile Object[] pages = new Object[0];

    /** @param width array elements per record; {@code allocate} makes an array of a given length */
    CodePages(int width, IntFunction<C> allocate) {
        this.width = width;
        this.allocate = allocate;
    }

    /** Writes the codes of an ordinal, allocating the next page when the ordinal starts one. */
    void put(int ordinal, C codes) {
        int page = ordinal >>> PAGE_SHIFT;
        Object[] p = pages;
        if (page >= p.length) {
            if (page != p.length) {
                throw new IllegalStateException("codes written out of order: ordinal " + ordinal);
            }
            p = Arrays.copyOf(p, page + 1);
            p[page] = allocate.apply(PAGE_RECORDS * width);
            System.arraycopy(codes, 0, p[page], offset(ordinal), width);
            pages = p;
            return;
        }
        System.arraycopy(codes, 0, p[page], offset(ordinal), width);
    }

    @SuppressWarnings("unchecked")
    C page(int ordinal) {
        return (C) pages[ordinal >>> PAGE_SHIFT];
    }

    int offset(int ordinal) {
        return (ordinal & PAGE_MASK) * width;
    }

    /** A copy of one ordinal's codes. */
    C copy(int ordinal) {
        C out = allocate.apply(width);
        System.arraycopy(page(ordinal), offset(ordinal), out, 0, width);
        return out;
    }
}
