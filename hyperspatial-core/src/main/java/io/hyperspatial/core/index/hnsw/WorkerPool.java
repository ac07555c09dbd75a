package io.hyperspatial.core.index.hnsw;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * Idle per-thread workers (searchers, builders) kept for reuse, so their scratch buffers are
 * allocated once rather than per call. A thread takes a worker, uses it alone, and returns it;
 * at most {@code maxIdle} are kept. Works the same for platform and virtual threads, unlike a
 * thread-local.
 *
 * <p>Thread-safe.
 */
final class WorkerPool<T> {
    private final Supplier<T> factory;
    private final int maxIdle;
    private final ArrayDeque<T> idle = new ArrayDeque<>();

    WorkerPool(Supplier<T> factory, int maxIdle) {
        this.factory = factory;
        this.maxIdle = maxIdle;
    }

    T take() {
        T worker;
        synchronized (idle) {
            worker = idle.pollLast();
        }
        return worker != null ? worker : factory.get();
    }

    void give(T worker) {
        synchronized (idle) {
            if (idle.size() < maxIdle) {
                idle.addLast(worker);
            }
        }
    }
}
