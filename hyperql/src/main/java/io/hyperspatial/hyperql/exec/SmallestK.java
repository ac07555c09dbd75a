package io.hyperspatial.hyperql.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the k smallest of the elements offered, under a comparator: a bounded max-heap, O(log k)
 * per element and O(k) memory. For top-N sorts and exact k-NN. Not thread-safe.
 *
 * @param <T> the element type
 */
public final class SmallestK<T> {
    private final long k;
    private final Comparator<T> order;
    private final PriorityQueue<T> heap;

    /** Keeps the {@code k} smallest under {@code order}. */
    public SmallestK(long k, Comparator<T> order) {
        this.k = k;
        this.order = order;
        this.heap = new PriorityQueue<>(order.reversed());
    }

    /** Offers an element; it is kept if it is among the k smallest so far. */
    public void offer(T element) {
        if (heap.size() < k) {
            heap.add(element);
        } else if (k > 0 && order.compare(element, heap.peek()) < 0) {
            heap.poll();
            heap.add(element);
        }
    }

    /** The kept elements, smallest first. */
    public List<T> sorted() {
        List<T> out = new ArrayList<>(heap);
        out.sort(order);
        return out;
    }
}
